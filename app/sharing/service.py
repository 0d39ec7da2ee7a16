"""Sharing a cart: one email per recipient, snapshotted into the outbox within today's budgets; delivery status."""

from __future__ import annotations

from typing import Any

from bson import ObjectId
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.database import AsyncDatabase

from app.auth import repository as auth_repository
from app.auth.email_verification import is_verified
from app.carts.service import get_owned_cart, lock_carts
from app.clock import utc_now
from app.config import Settings
from app.db import in_transaction
from app.errors import NotFound
from app.items import repository as items_repository
from app.money import from_decimal128
from app.outbox import service as outbox
from app.outbox.schemas import stored_email
from app.sharing import budget, repository
from app.sharing.compose import MAX_ITEMS_IN_EMAIL, SHARE, SharedItem, compose_share_email
from app.sharing.schemas import DeliveryOut, ShareCreated, ShareOut, ShareStatus
from app.suppression.service import unsubscribe_url


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


async def share_cart(
    db: AsyncDatabase,
    *,
    settings: Settings,
    user_id: ObjectId,
    cart_id: ObjectId,
    recipients: list[str],
    message: str | None,
    link_url: str | None = None,
) -> ShareCreated:
    """Record a share of the cart as it is now (pointing at its public link, if any), one email per recipient;
    the outbox worker sends them. Nobody sees who else got it. The share is known by its first email's id."""
    cart = await get_owned_cart(db, user_id=user_id, cart_id=cart_id)
    user = await auth_repository.find_user_by_id(db, user_id)
    items = await items_repository.list_page(
        db, user_id=user_id, cart_id=cart_id, before_id=None, limit=MAX_ITEMS_IN_EMAIL
    )
    total = (await items_repository.count_by_cart(db, user_id=user_id, cart_ids=[cart_id])).get(cart_id, 0)
    shared_items = [_shared_item(item) for item in items]
    share_id = ObjectId()
    payloads = [
        {
            "share_id": share_id,
            "user_id": user_id,
            "cart_id": cart_id,
            "recipient": recipient,
            "email": stored_email(
                compose_share_email(
                    recipient=recipient,
                    sender_name=user.get("name") if user else None,
                    # Replies reach the sharer only at an address they proved is theirs.
                    reply_to=user["email"] if user and is_verified(user) else None,
                    cart_name=cart["name"],
                    items=shared_items,
                    message=message or None,
                    total_items=total,
                    unsubscribe_url=unsubscribe_url(settings, recipient),
                    link_url=link_url,
                )
            ),
            "sent_at": None,
        }
        for recipient in recipients
    ]

    async def record(session: AsyncClientSession) -> ShareStatus:
        now = utc_now()
        # Writing the cart in the same transaction makes a concurrent deletion of the cart (or of the whole
        # account) conflict with this share instead of leaving it behind, naming a person who is gone.
        await lock_carts(db, user_id=user_id, cart_ids=[cart_id], now=now, session=session)
        await budget.charge(
            db,
            budget=budget.ShareBudget.from_settings(settings),
            user_id=user_id,
            recipients=recipients,
            now=now,
            session=session,
        )
        entries = [
            await outbox.enqueue(
                db, kind=SHARE, payload=payload, session=session, entry_id=share_id if index == 0 else None
            )
            for index, payload in enumerate(payloads)
        ]
        return entries[0]["status"]

    status = await in_transaction(db, record)
    return ShareCreated(share_id=share_id, status=status)


async def get_share(db: AsyncDatabase, *, user_id: ObjectId, cart_id: ObjectId, share_id: ObjectId) -> ShareOut:
    """A share's delivery status; another user's share is not found, like a missing one (the cart's members: 403)."""
    await get_owned_cart(db, user_id=user_id, cart_id=cart_id)
    # Shares recorded before one email per recipient are a single entry whose id is the share's.
    match = {"user_id": user_id, "cart_id": cart_id, "$or": [{"share_id": share_id}, {"_id": share_id}]}
    entries = await outbox.entries_of(db, kind=SHARE, match=match)
    if not entries:
        raise NotFound("Share not found")
    return _share_out(entries)


async def shares_of(db: AsyncDatabase, *, user_id: ObjectId) -> list[ShareOut]:
    """Every share the user sent, oldest first (the account export)."""
    shares: dict[ObjectId, list[dict[str, Any]]] = {}
    for entry in await outbox.entries_of(db, kind=SHARE, match={"user_id": user_id}):
        shares.setdefault(_share_id_of(entry), []).append(entry)
    return [_share_out(entries) for entries in shares.values()]


async def forget_person(db: AsyncDatabase, *, user_id: ObjectId, session: AsyncClientSession) -> None:
    """Delete what sharing keeps about a person besides their outbox entries: today's budget counters."""
    await repository.delete_account_budgets(db, user_id=user_id, session=session)


def _share_id_of(entry: dict[str, Any]) -> ObjectId:
    return entry.get("share_id") or entry["_id"]


def _overall_status(statuses: set[str]) -> ShareStatus:
    """Still moving while any email is; else sent if any email went out; else failed, or skipped (suppressed)."""
    for status in ("sending", "queued", "sent", "failed"):
        if status in statuses:
            return status
    return "skipped"


def _share_out(entries: list[dict[str, Any]]) -> ShareOut:
    first = entries[0]
    status = _overall_status({entry["status"] for entry in entries})
    deliveries = [
        DeliveryOut(
            recipient=recipient,
            status=entry["status"],
            attempts=entry["attempts"],
            error=entry.get("error"),
            sent_at=entry.get("sent_at"),
        )
        for entry in entries
        for recipient in ([entry["recipient"]] if "recipient" in entry else entry["recipients"])
    ]
    sent_at = [entry["sent_at"] for entry in entries if entry.get("sent_at")]
    return ShareOut(
        share_id=_share_id_of(first),
        cart_id=first["cart_id"],
        status=status,
        recipients=[delivery.recipient for delivery in deliveries],
        attempts=max(entry["attempts"] for entry in entries),
        # The reason the share as a whole did not go; per-recipient reasons are in deliveries.
        error=next((e["error"] for e in entries if e.get("error")), None) if status in ("failed", "skipped") else None,
        created_at=first["created_at"],
        sent_at=max(sent_at) if sent_at else None,
        deliveries=deliveries,
    )
