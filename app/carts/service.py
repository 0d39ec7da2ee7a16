"""Carts: create, list with item counts, rename, delete atomically with their orphaned items.

Carts do not import items: items depend on carts (they check and lock the carts they go into), and register
themselves here as what carts hold, for the counts and the delete.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, Protocol

from bson import ObjectId
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import DuplicateKeyError

from app.carts import repository
from app.carts.access import Role, cart_access, member_roles, require_role
from app.carts.schemas import CartDetail, CartOut, CartTotal
from app.clock import utc_now
from app.db import in_transaction
from app.errors import Conflict, NotFound, QuotaExceeded
from app.money import from_decimal128
from app.pagination import Page, decode_cursor, encode_cursor

DEFAULT_CART_NAME = "My Cart"
_NAME_TAKEN = "You already have a cart with this name"


class CartContents(Protocol):
    """What lives in carts (items): counted in cart views, and let go of when a cart is deleted."""

    async def count_by_cart(
        self, db: AsyncDatabase, *, user_id: ObjectId, cart_ids: list[ObjectId]
    ) -> dict[ObjectId, int]: ...

    async def unlink_cart(
        self, db: AsyncDatabase, *, user_id: ObjectId, cart_id: ObjectId, session: AsyncClientSession
    ) -> None:
        """Take the cart out of everything in it, deleting what is then in no cart (inside the delete's transaction)."""
        ...

    async def price_lines(self, db: AsyncDatabase, *, user_id: ObjectId, cart_id: ObjectId) -> list[dict[str, Any]]:
        """`price`, `currency` and `quantity` of everything in the cart."""
        ...


class CartDependent(Protocol):
    """Something else that hangs off carts (share links, ...): it goes when its cart or its owner goes."""

    async def forget_cart(self, db: AsyncDatabase, *, cart_id: ObjectId, session: AsyncClientSession) -> None: ...

    async def forget_owner(self, db: AsyncDatabase, *, user_id: ObjectId, session: AsyncClientSession) -> None: ...


@dataclass
class _Registered:
    contents: CartContents | None = None
    dependents: list[CartDependent] = field(default_factory=list)


_registered = _Registered()


def register_contents(contents: CartContents) -> None:
    """Called by app/items/service.py when it is imported."""
    _registered.contents = contents


def register_dependent(dependent: CartDependent) -> None:
    """Called by a domain whose records name carts (app/sharing/links.py), when it is imported."""
    _registered.dependents.append(dependent)


def _contents() -> CartContents:
    if _registered.contents is None:  # a wiring bug: never answer a count of 0 or leave items behind silently
        raise RuntimeError("nothing registered what carts hold: import app.items.service")
    return _registered.contents


def name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _cart_out(cart: dict[str, Any], item_count: int, role: Role = "owner") -> CartOut:
    return CartOut(
        id=cart["_id"],
        name=cart["name"],
        is_default=cart.get("is_default", False),
        role=role,
        surprises=cart.get("surprises", True),
        item_count=item_count,
        created_at=cart["created_at"],
        updated_at=cart["updated_at"],
    )


def _new_cart(user_id: ObjectId, name: str, *, is_default: bool = False) -> dict[str, Any]:
    now = utc_now()
    return {
        "_id": ObjectId(),
        "user_id": user_id,
        "name": name,
        "name_key": name_key(name),
        "is_default": is_default,
        "created_at": now,
        "updated_at": now,
    }


async def create_default_cart(db: AsyncDatabase, *, user_id: ObjectId, session: AsyncClientSession) -> None:
    """Give a new account its first cart (inside the account-creation transaction)."""
    await repository.insert_cart(db, _new_cart(user_id, DEFAULT_CART_NAME, is_default=True), session=session)


async def create_cart(db: AsyncDatabase, *, user_id: ObjectId, name: str, quota: int) -> CartOut:
    """Create a cart; names are unique per user, ignoring case and spacing; at most `quota` carts per user.

    The count and the insert are not atomic: concurrent creates at the boundary can pass it together, so the quota
    bounds growth (a user cannot keep adding) rather than being exact to the cart."""
    if await repository.count_carts(db, user_id=user_id, up_to=quota) >= quota:
        raise QuotaExceeded("carts", quota)
    cart = _new_cart(user_id, name)
    try:
        await repository.insert_cart(db, cart)
    except DuplicateKeyError:
        raise Conflict(_NAME_TAKEN) from None
    return _cart_out(cart, 0)


async def cart_named(db: AsyncDatabase, *, user_id: ObjectId, name: str, quota: int) -> ObjectId:
    """The user's cart with this name (ignoring case and spacing), created if there is none (imports)."""
    found = await repository.find_cart_by_name_key(db, user_id=user_id, name_key=name_key(name))
    if found is not None:
        return found["_id"]
    try:
        return (await create_cart(db, user_id=user_id, name=name, quota=quota)).id
    except Conflict:  # created meanwhile by a concurrent request
        again = await repository.find_cart_by_name_key(db, user_id=user_id, name_key=name_key(name))
        if again is None:
            raise
        return again["_id"]


async def list_carts(db: AsyncDatabase, *, user_id: ObjectId, cursor: str | None, limit: int) -> Page[CartOut]:
    """A page of the carts the user owns or is a member of, oldest first (the default cart leads), each with the
    user's role and its item count."""
    roles = await member_roles(db, user_id=user_id)
    carts = await repository.list_carts_including(
        db, user_id=user_id, member_cart_ids=list(roles), after_id=decode_cursor(cursor), limit=limit + 1
    )
    has_more = len(carts) > limit
    carts = carts[:limit]
    counts: dict[ObjectId, int] = {}
    for owner_id in {cart["user_id"] for cart in carts}:  # items belong to each cart's owner
        owned = [cart["_id"] for cart in carts if cart["user_id"] == owner_id]
        counts |= await _contents().count_by_cart(db, user_id=owner_id, cart_ids=owned)
    next_cursor = encode_cursor(carts[-1]["_id"]) if has_more else None
    shown = [_cart_out(cart, counts.get(cart["_id"], 0), roles.get(cart["_id"], "owner")) for cart in carts]
    return Page[CartOut](items=shown, next_cursor=next_cursor)


async def all_carts(db: AsyncDatabase, *, user_id: ObjectId) -> list[CartOut]:
    """Every cart of the user, oldest first, each with its item count (the account export)."""
    carts = await repository.list_carts(db, user_id=user_id)
    counts = await _contents().count_by_cart(db, user_id=user_id, cart_ids=[c["_id"] for c in carts])
    return [_cart_out(cart, counts.get(cart["_id"], 0)) for cart in carts]


async def get_owned_cart(db: AsyncDatabase, *, user_id: ObjectId, cart_id: ObjectId) -> dict[str, Any]:
    """The cart if the user owns it; 403 for its members, 404 for everyone else (another's cart looks missing)."""
    return (await require_role(db, user_id=user_id, cart_id=cart_id, role="owner")).cart


async def find_cart(db: AsyncDatabase, *, cart_id: ObjectId) -> dict[str, Any] | None:
    """A cart by id whoever owns it, for background work that already knows it may (an outbox composer)."""
    return await repository.find_cart_by_id(db, cart_id)


async def lock_carts(
    db: AsyncDatabase, *, user_id: ObjectId, cart_ids: list[ObjectId], now: datetime, session: AsyncClientSession
) -> None:
    """Write each target cart in the transaction: a concurrent delete of it then conflicts and retries,
    so an item can never end up pointing at a deleted cart."""
    for cart_id in cart_ids:
        if not await repository.touch_cart(db, user_id=user_id, cart_id=cart_id, now=now, session=session):
            raise NotFound("Cart not found", details={"cart_id": str(cart_id)})


def cart_totals(lines: list[dict[str, Any]]) -> tuple[list[CartTotal], int]:
    """Exact decimal sums of price times quantity per currency, and how many items have no price."""
    amounts: dict[str, Decimal] = defaultdict(Decimal)
    counts: dict[str, int] = defaultdict(int)
    unpriced = 0
    for line in lines:
        price, currency = from_decimal128(line.get("price")), line.get("currency")
        if price is None or currency is None:
            unpriced += 1
            continue
        amounts[currency] += price * line.get("quantity", 1)
        counts[currency] += 1
    totals = [CartTotal(currency=c, amount=amounts[c], item_count=counts[c]) for c in sorted(amounts)]
    return totals, unpriced


async def get_cart(db: AsyncDatabase, *, user_id: ObjectId, cart_id: ObjectId) -> CartDetail:
    """One cart the user owns or is a member of, with their role, its item count and its totals per currency."""
    access = await cart_access(db, user_id=user_id, cart_id=cart_id)
    lines = await _contents().price_lines(db, user_id=access.owner_id, cart_id=cart_id)
    totals, unpriced = cart_totals(lines)
    summary = _cart_out(access.cart, len(lines), access.role)
    return CartDetail(**summary.model_dump(), totals=totals, unpriced_item_count=unpriced)


async def update_cart(
    db: AsyncDatabase, *, user_id: ObjectId, cart_id: ObjectId, name: str | None, surprises: bool | None
) -> CartOut:
    """Rename a cart or change its surprises setting (its owner only)."""
    await get_owned_cart(db, user_id=user_id, cart_id=cart_id)
    changes: dict[str, Any] = {"updated_at": utc_now()}
    if name is not None:
        changes |= {"name": name, "name_key": name_key(name)}
    if surprises is not None:
        changes["surprises"] = surprises
    try:
        cart = await repository.update_cart(db, user_id=user_id, cart_id=cart_id, changes=changes)
    except DuplicateKeyError:
        raise Conflict(_NAME_TAKEN) from None
    if cart is None:
        raise NotFound("Cart not found")
    counts = await _contents().count_by_cart(db, user_id=user_id, cart_ids=[cart_id])
    return _cart_out(cart, counts.get(cart_id, 0))


async def delete_cart(db: AsyncDatabase, *, user_id: ObjectId, cart_id: ObjectId) -> None:
    """Delete a cart, unlink its items and delete those left in no cart, all in one transaction."""
    cart = await get_owned_cart(db, user_id=user_id, cart_id=cart_id)
    if cart.get("is_default"):
        raise Conflict("The default cart cannot be deleted; rename it instead")

    async def delete(session: AsyncClientSession) -> bool:
        if not await repository.delete_cart(db, user_id=user_id, cart_id=cart_id, session=session):
            return False
        await _contents().unlink_cart(db, user_id=user_id, cart_id=cart_id, session=session)
        await repository.delete_cart_members(db, cart_id=cart_id, session=session)
        for dependent in _registered.dependents:
            await dependent.forget_cart(db, cart_id=cart_id, session=session)
        return True

    if not await in_transaction(db, delete):
        raise NotFound("Cart not found")


async def delete_all_carts(db: AsyncDatabase, *, user_id: ObjectId, session: AsyncClientSession) -> None:
    """Delete every cart of the user, inside the caller's transaction (account deletion; items go on their own)."""
    await repository.delete_all_for_user(db, user_id=user_id, session=session)
    await repository.delete_memberships_of_person(db, user_id=user_id, session=session)
    for dependent in _registered.dependents:
        await dependent.forget_owner(db, user_id=user_id, session=session)
