"""Sharing a cart: snapshot it into an email, record it in the outbox, report its delivery status."""

from __future__ import annotations

from typing import Any

from bson import ObjectId
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.database import AsyncDatabase

from app.auth import repository as auth_repository
from app.carts.service import get_owned_cart, lock_carts
from app.clock import utc_now
from app.db import in_transaction
from app.errors import NotFound
from app.items import repository as items_repository
from app.money import from_decimal128
from app.outbox import service as outbox
from app.outbox.schemas import stored_email
from app.sharing.compose import MAX_ITEMS_IN_EMAIL, SHARE, SharedItem, compose_share_email
from app.sharing.schemas import ShareCreated, ShareOut


def _shared_item(item: dict[str, Any]) -> SharedItem:
    return SharedItem(
        name=item["name"],
        url=item.get("url"),
        price=from_decimal128(item.get("price")),
        currency=item.get("currency"),
        image_url=item.get("image_url"),
        notes=item.get("notes"),
        quantity=item.get("quantity"),
    )


def _sender_name(user: dict[str, Any] | None) -> str:
    if user is None:
        return "A BuyHive user"
    # The address is always shown: a display name alone could impersonate anyone.
    return f"{user['name']} ({user['email']})" if user.get("name") else user["email"]


async def share_cart(
    db: AsyncDatabase,
    *,
    user_id: ObjectId,
    cart_id: ObjectId,
    recipients: list[str],
    message: str | None,
    link_url: str | None = None,
) -> ShareCreated:
    """Record a share of the cart as it is now (pointing at its public link, if any); the outbox worker sends it."""
    cart = await get_owned_cart(db, user_id=user_id, cart_id=cart_id)
    user = await auth_repository.find_user_by_id(db, user_id)
    items = await items_repository.list_page(
        db, user_id=user_id, cart_id=cart_id, before_id=None, limit=MAX_ITEMS_IN_EMAIL
    )
    total = (await items_repository.count_by_cart(db, user_id=user_id, cart_ids=[cart_id])).get(cart_id, 0)
    email = compose_share_email(
        recipients=recipients,
        sender_name=_sender_name(user),
        cart_name=cart["name"],
        items=[_shared_item(item) for item in items],
        message=message or None,
        total_items=total,
        link_url=link_url,
    )
    payload = {
        "user_id": user_id,
        "cart_id": cart_id,
        "recipients": recipients,
        "email": stored_email(email),
        "sent_at": None,
    }

    async def record(session: AsyncClientSession) -> dict[str, Any]:
        # Writing the cart in the same transaction makes a concurrent deletion of the cart (or of the whole
        # account) conflict with this share instead of leaving it behind, naming a person who is gone.
        await lock_carts(db, user_id=user_id, cart_ids=[cart_id], now=utc_now(), session=session)
        return await outbox.enqueue(db, kind=SHARE, payload=payload, session=session)

    entry = await in_transaction(db, record)
    return ShareCreated(share_id=entry["_id"], status=entry["status"])


async def get_share(db: AsyncDatabase, *, user_id: ObjectId, cart_id: ObjectId, share_id: ObjectId) -> ShareOut:
    """A share's delivery status; another user's share is not found, like a missing one (the cart's members: 403)."""
    await get_owned_cart(db, user_id=user_id, cart_id=cart_id)
    entry = await outbox.find_entry(db, kind=SHARE, entry_id=share_id, match={"user_id": user_id, "cart_id": cart_id})
    if entry is None:
        raise NotFound("Share not found")
    return _share_out(entry)


async def shares_of(db: AsyncDatabase, *, user_id: ObjectId) -> list[ShareOut]:
    """Every share the user sent, oldest first (the account export)."""
    return [_share_out(entry) for entry in await outbox.entries_of(db, kind=SHARE, match={"user_id": user_id})]


def _share_out(entry: dict[str, Any]) -> ShareOut:
    return ShareOut(
        share_id=entry["_id"],
        cart_id=entry["cart_id"],
        status=entry["status"],
        recipients=entry["recipients"],
        attempts=entry["attempts"],
        error=entry.get("error"),
        created_at=entry["created_at"],
        sent_at=entry.get("sent_at"),
    )
