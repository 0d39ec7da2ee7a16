"""Items: one per canonical URL per user, living in one or more of the user's carts."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Any

from bson import ObjectId
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.database import AsyncDatabase

from app.carts import service as carts
from app.carts.access import Role, RoleRequired, at_least, cart_access, member_roles, require
from app.clock import utc_now
from app.db import in_transaction
from app.errors import Forbidden, NotFound, QuotaExceeded, UnprocessableEntity
from app.items import repository
from app.items.canonical import canonical_url
from app.items.ordering import ItemSort, after_filter, decode_position, encode_position, sort_key, text_filter
from app.items.schemas import ItemCreate, ItemOut, ItemUpdate
from app.money import from_decimal128, to_decimal128
from app.pagination import Page, decode_cursor, encode_cursor
from app.pricewatch import service as pricewatch

logger = logging.getLogger(__name__)

_ITEM_NOT_FOUND = "Item not found"

# Items are what carts hold: cart views count them, and a deleted cart lets go of them (app/carts/service.py).
carts.register_contents(repository)
# Price watches drop themselves when their item is gone, however it went.
pricewatch.register_item_lookup(repository.existing_item_ids)
# A product someone saved is kept, however long nobody has seen its page.
pricewatch.register_saved_lookup(repository.saved_canonical_urls)


def item_out(doc: dict[str, Any], visible: dict[ObjectId, Role] | None = None) -> ItemOut:
    """The item as the caller may see it: a member (`visible`: their carts of the owner) sees only those carts."""
    cart_ids = doc.get("cart_ids", []) if visible is None else [c for c in doc.get("cart_ids", []) if c in visible]
    return ItemOut(id=doc["_id"], **{**doc, "cart_ids": cart_ids, "price": from_decimal128(doc.get("price"))})


async def _item_access(
    db: AsyncDatabase, *, user_id: ObjectId, item_id: ObjectId, role: Role
) -> tuple[dict[str, Any], dict[ObjectId, Role] | None]:
    """The item if the caller may act on it with `role`, and the carts they see it in (None: theirs, all of them).

    Someone else's item is visible through the carts of its owner the caller is a member of: 404 if none holds it,
    403 if the caller's roles there are all below `role`."""
    doc = await repository.find_item_by_id(db, item_id=item_id)
    if doc is None:
        raise NotFound(_ITEM_NOT_FOUND)
    if doc["user_id"] == user_id:
        return doc, None
    roles = await member_roles(db, user_id=user_id, owner_id=doc["user_id"])
    visible = {cart_id: roles[cart_id] for cart_id in doc["cart_ids"] if cart_id in roles}
    if not visible:
        raise NotFound(_ITEM_NOT_FOUND)
    if not any(at_least(held, role) for held in visible.values()):
        raise RoleRequired(role, "viewer")
    return doc, visible


async def _owner_of_carts(db: AsyncDatabase, *, user_id: ObjectId, cart_ids: list[ObjectId]) -> ObjectId:
    """The one owner of carts the caller may add to (owner or editor on each); items never span owners."""
    owners = set()
    for cart_id in cart_ids:
        access = await cart_access(db, user_id=user_id, cart_id=cart_id)
        owners.add(access.owner_id)
        require(access, "editor")
    if len(owners) > 1:
        raise UnprocessableEntity(
            "An item lives in the carts of one owner: these carts belong to different people",
            details=[{"loc": ["body", "cart_ids"]}],
        )
    return owners.pop()


async def with_price_tracking(db: AsyncDatabase, items: list[ItemOut]) -> None:
    """Fill in what price watch has seen of each item's product since it was saved (its shared history)."""
    tracking = await pricewatch.price_tracking_for(db, [item.canonical_url for item in items])
    for item in items:
        item.price_tracking = tracking.get(item.canonical_url)


def _unique(ids: list[ObjectId]) -> list[ObjectId]:
    return list(dict.fromkeys(ids))


class _NotCounted(Exception):
    """The user's item counter does not exist yet: count their items once, then save again."""


async def _count_items(db: AsyncDatabase, *, user_id: ObjectId) -> None:
    """Start the user's item counter from a count of their items. Its own transaction writes the counter, so a delete
    racing the count (which also writes it) makes one of them retry: the count is never off by a deleted item."""

    async def count(session: AsyncClientSession) -> None:
        if await repository.find_item_count(db, user_id=user_id, session=session) is None:
            counted = await repository.count_items(db, user_id=user_id, session=session)
            await repository.set_item_count(db, user_id=user_id, count=counted, session=session)

    await in_transaction(db, count)


async def add_item(db: AsyncDatabase, *, user_id: ObjectId, data: ItemCreate, quota: int) -> tuple[ItemOut, bool]:
    """Save a product into carts; the same canonical URL again merges carts. Returns (item, created).

    A user with `quota` items can still add to carts what they already saved, but save nothing new. An editor adding
    to someone else's carts saves into that owner's account (and quota): the item is the owner's."""
    now = utc_now()
    cart_ids = _unique(data.cart_ids)
    caller, user_id = user_id, await _owner_of_carts(db, user_id=user_id, cart_ids=cart_ids)
    canonical = canonical_url(data.url)
    fields = data.model_dump(exclude={"cart_ids"})
    new_item = {
        **fields,
        "_id": ObjectId(),
        "user_id": user_id,
        "canonical_url": canonical,
        "price": to_decimal128(data.price),
        "created_at": now,
        "updated_at": now,
    }

    async def save(session: AsyncClientSession) -> tuple[dict[str, Any], bool]:
        await carts.lock_carts(db, user_id=user_id, cart_ids=cart_ids, now=now, session=session)
        before = await repository.upsert_by_canonical_url(
            db, user_id=user_id, canonical_url=canonical, new_item=new_item, cart_ids=cart_ids, session=session
        )
        # A new item takes a slot of the quota. Raised inside: the transaction aborts, the insert and locks with it.
        if before is None and not await repository.take_item_slot(db, user_id=user_id, quota=quota, session=session):
            if await repository.find_item_count(db, user_id=user_id, session=session) is None:
                raise _NotCounted()
            raise QuotaExceeded("items", quota)
        # What the person's browser saw goes into the product's shared price history after the response
        # (`record_seen_prices`): kept here, it is recorded if and only if the save is.
        await pricewatch.queue_price(
            db, url=canonical, price=data.price, currency=data.currency, source="page", now=now, session=session
        )
        if before is None:
            return {**new_item, "cart_ids": cart_ids}, True
        return {**before, "cart_ids": _unique(before["cart_ids"] + cart_ids)}, False  # filed into more carts

    try:
        doc, created = await in_transaction(db, save)
    except _NotCounted:  # the first new item since item counters exist: count the user's items once, save again
        await _count_items(db, user_id=user_id)
        doc, created = await in_transaction(db, save)
    visible = None if caller == user_id else await member_roles(db, user_id=caller, owner_id=user_id)
    return item_out(doc, visible), created


async def record_seen_prices(db: AsyncDatabase, *, limit: int = 100) -> None:
    """Record the prices saves have seen into the products' shared history: run after a save's response (an import's:
    `limit` its rows). A failure leaves them queued for the next save or the re-check worker
    (app/pricewatch/service.py `record_queued_prices`)."""
    try:
        await pricewatch.record_queued_prices(db, limit=limit)
    except Exception:
        logger.warning("seen prices left queued: recording them failed", exc_info=True)


async def get_item(db: AsyncDatabase, *, user_id: ObjectId, item_id: ObjectId) -> ItemOut:
    """One of the caller's items, or one in a cart they are a member of."""
    doc, visible = await _item_access(db, user_id=user_id, item_id=item_id, role="viewer")
    return item_out(doc, visible)


async def get_own_item(db: AsyncDatabase, *, user_id: ObjectId, item_id: ObjectId) -> ItemOut:
    """One of the caller's own items: a cart member who can see it gets 403, anyone else 404."""
    doc, visible = await _item_access(db, user_id=user_id, item_id=item_id, role="owner")
    return item_out(doc, visible)


async def still_in_cart(
    db: AsyncDatabase, *, owner_id: ObjectId, cart_id: ObjectId, item_ids: list[ObjectId]
) -> set[ObjectId]:
    """Which of these items of the owner are in the cart now (deleted ones are in none); decided by the caller."""
    if not item_ids:
        return set()
    return await repository.item_ids_in_cart(db, user_id=owner_id, cart_id=cart_id, item_ids=item_ids)


async def list_items(
    db: AsyncDatabase, *, user_id: ObjectId, cart_id: ObjectId | None, cursor: str | None, limit: int
) -> Page[ItemOut]:
    """A page of items, newest first, optionally only those in one cart."""
    if cart_id is not None:
        await carts.get_owned_cart(db, user_id=user_id, cart_id=cart_id)
    docs = await repository.list_page(
        db, user_id=user_id, cart_id=cart_id, before_id=decode_cursor(cursor), limit=limit + 1
    )
    has_more = len(docs) > limit
    docs = docs[:limit]
    next_cursor = encode_cursor(docs[-1]["_id"]) if has_more else None
    return Page[ItemOut](items=[item_out(doc) for doc in docs], next_cursor=next_cursor)


async def list_cart_items(
    db: AsyncDatabase,
    *,
    user_id: ObjectId,
    cart_id: ObjectId,
    q: str | None,
    sort: ItemSort,
    cursor: str | None,
    limit: int,
) -> Page[ItemOut]:
    """A page of a cart's items matching `q` (name, brand, notes), in the order `sort` names (any role)."""
    access = await cart_access(db, user_id=user_id, cart_id=cart_id)
    visible = None if access.is_owner else await member_roles(db, user_id=user_id, owner_id=access.owner_id)
    key = sort_key(sort)
    docs = await repository.list_sorted_page(
        db,
        user_id=access.owner_id,
        cart_id=cart_id,
        text=text_filter(q),
        key=key.expression,
        direction=key.direction,
        after=after_filter(key, decode_position(sort, cursor)),
        limit=limit + 1,
    )
    has_more = len(docs) > limit
    docs = docs[:limit]
    next_cursor = encode_position(sort, docs[-1]["_sort_key"], docs[-1]["_id"]) if has_more else None
    return Page[ItemOut](items=[item_out(doc, visible) for doc in docs], next_cursor=next_cursor)


async def update_item(db: AsyncDatabase, *, user_id: ObjectId, item_id: ObjectId, data: ItemUpdate) -> ItemOut:
    """Change an item's fields (its owner, or an editor of a cart holding it), or move it by replacing its carts
    (the owner only: an editor moves items with the cart item endpoints, which touch only carts they edit)."""
    found, visible = await _item_access(db, user_id=user_id, item_id=item_id, role="editor")
    if visible is not None and data.cart_ids is not None:
        raise RoleRequired("owner", "editor")
    user_id = found["user_id"]
    now = utc_now()
    changes: dict[str, Any] = {**data.model_dump(exclude_unset=True), "updated_at": now}
    if "price" in changes:
        changes["price"] = to_decimal128(data.price)
    cart_ids = _unique(data.cart_ids) if data.cart_ids is not None else None
    if cart_ids is not None:
        changes["cart_ids"] = cart_ids

    async def update(session: AsyncClientSession) -> dict[str, Any] | None:
        current = await repository.find_item(db, user_id=user_id, item_id=item_id, session=session)
        if current is None:
            return None
        merged = {**current, **changes}
        if merged.get("price") is not None and merged.get("currency") is None:
            raise UnprocessableEntity("currency is required when price is set")
        if cart_ids is not None:
            await carts.lock_carts(db, user_id=user_id, cart_ids=cart_ids, now=now, session=session)
        return await repository.update_item(db, user_id=user_id, item_id=item_id, changes=changes, session=session)

    doc = await in_transaction(db, update)
    if doc is None:
        raise NotFound(_ITEM_NOT_FOUND)
    return item_out(doc, visible)


async def delete_item(db: AsyncDatabase, *, user_id: ObjectId, item_id: ObjectId) -> None:
    """Delete an item from every cart (its owner only; members take it out of a cart they edit instead)."""
    doc = await repository.find_item_by_id(db, item_id=item_id)
    if doc is not None and doc["user_id"] != user_id:
        await _item_access(db, user_id=user_id, item_id=item_id, role="viewer")  # 404 unless they can see it
        raise Forbidden("Only the owner deletes an item from every cart; remove it from this cart instead")

    async def delete(session: AsyncClientSession) -> bool:
        return await repository.delete_item(db, user_id=user_id, item_id=item_id, session=session)

    if not await in_transaction(db, delete):
        raise NotFound(_ITEM_NOT_FOUND)


async def link_item(db: AsyncDatabase, *, user_id: ObjectId, cart_id: ObjectId, item_id: ObjectId) -> ItemOut:
    """Put an existing item into one more cart (idempotent): an editor of the cart, with an item of its owner they
    can already see."""
    access = require(await cart_access(db, user_id=user_id, cart_id=cart_id), "editor")
    visible: dict[ObjectId, Role] | None = None
    if not access.is_owner:
        found, visible = await _item_access(db, user_id=user_id, item_id=item_id, role="viewer")
        if found["user_id"] != access.owner_id:
            raise NotFound(_ITEM_NOT_FOUND)
        visible = await member_roles(db, user_id=user_id, owner_id=access.owner_id)
    user_id = access.owner_id
    now = utc_now()

    async def link(session: AsyncClientSession) -> dict[str, Any]:
        await carts.lock_carts(db, user_id=user_id, cart_ids=[cart_id], now=now, session=session)
        doc = await repository.add_to_cart(
            db, user_id=user_id, item_id=item_id, cart_id=cart_id, now=now, session=session
        )
        if doc is None:  # raised inside: the transaction aborts and the cart's lock write is undone
            raise NotFound(_ITEM_NOT_FOUND)
        return doc

    return item_out(await in_transaction(db, link), visible)


async def unlink_item(db: AsyncDatabase, *, user_id: ObjectId, cart_id: ObjectId, item_id: ObjectId) -> None:
    """Take an item out of a cart (an editor of it); an item left in no cart is deleted, as when its cart is."""
    user_id = require(await cart_access(db, user_id=user_id, cart_id=cart_id), "editor").owner_id
    now = utc_now()

    async def unlink(session: AsyncClientSession) -> None:
        await carts.lock_carts(db, user_id=user_id, cart_ids=[cart_id], now=now, session=session)
        doc = await repository.remove_from_cart(
            db, user_id=user_id, item_id=item_id, cart_id=cart_id, now=now, session=session
        )
        if doc is None:  # raised inside: the transaction aborts and the cart's lock write is undone
            raise NotFound(_ITEM_NOT_FOUND)
        if not doc["cart_ids"]:
            await repository.delete_item(db, user_id=user_id, item_id=item_id, session=session)

    await in_transaction(db, unlink)


async def iter_items(db: AsyncDatabase, *, user_id: ObjectId, batch_size: int = 200) -> AsyncIterator[ItemOut]:
    """Every item of the user, newest first, as the database hands them over (the account export streams them),
    with what price watch has seen of each, one batch at a time."""
    batch: list[ItemOut] = []
    async for doc in repository.iter_all(db, user_id=user_id, batch_size=batch_size):
        batch.append(item_out(doc))
        if len(batch) >= batch_size:
            await with_price_tracking(db, batch)
            for item in batch:
                yield item
            batch = []
    if batch:  # the last, partial batch (no query for an empty one)
        await with_price_tracking(db, batch)
        for item in batch:
            yield item


async def delete_all_items(db: AsyncDatabase, *, user_id: ObjectId, session: AsyncClientSession) -> None:
    """Delete every item of the user, inside the caller's transaction (account deletion)."""
    await repository.delete_all_for_user(db, user_id=user_id, session=session)
