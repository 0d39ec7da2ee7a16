"""A person's own account: password, sessions, a copy of their data, and deleting it all.

Each domain keeps its own data; this one only calls their services (auth, carts, items, sharing, outbox).
"""

from __future__ import annotations

from typing import Any

from bson import ObjectId
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.database import AsyncDatabase

from app.account.schemas import AccountExport, SessionOut
from app.auth import email_change
from app.auth import service as auth
from app.carts import service as carts
from app.clock import utc_now
from app.db import in_transaction
from app.errors import NotFound
from app.items import service as items
from app.outbox import service as outbox
from app.pricewatch import service as pricewatch
from app.sharing import service as sharing


def _session_out(head: dict[str, Any], current: ObjectId | None) -> SessionOut:
    return SessionOut(
        id=head["family_id"],
        user_agent=head.get("user_agent") or "",
        created_at=head.get("session_created_at", head["created_at"]),
        last_used_at=head["created_at"],  # the token was issued at the session's last sign-in or refresh
        current=head["family_id"] == current,
    )


async def list_sessions(db: AsyncDatabase, *, user_id: ObjectId, current: ObjectId | None) -> list[SessionOut]:
    """The person's live sessions, most recently used first."""
    return [_session_out(head, current) for head in await auth.live_sessions(db, user_id)]


async def end_session(db: AsyncDatabase, *, user_id: ObjectId, session_id: ObjectId) -> None:
    if not await auth.end_session(db, user_id, session_id):
        raise NotFound("Session not found")


async def end_all_sessions(db: AsyncDatabase, *, user_id: ObjectId) -> None:
    await auth.end_sessions(db, user_id)


async def change_password(
    db: AsyncDatabase, *, user_id: ObjectId, current_password: str, new_password: str, current: ObjectId | None
) -> None:
    await auth.change_password(
        db, user_id, current_password=current_password, new_password=new_password, keep_session=current
    )


async def change_email(db: AsyncDatabase, *, user_id: ObjectId, new_email: str, password: str) -> None:
    await email_change.request_email_change(db, user_id=user_id, new_email=new_email, password=password)


async def export(db: AsyncDatabase, *, user_id: ObjectId, current: ObjectId | None) -> AccountExport:
    """Everything the person has here: profile, carts, items, shares sent, sessions (never another's data)."""
    user = await auth.find_user(db, user_id)
    return AccountExport(
        exported_at=utc_now(),
        user=auth.user_out(user),
        carts=await carts.all_carts(db, user_id=user_id),
        items=await items.all_items(db, user_id=user_id),
        shares=await sharing.shares_of(db, user_id=user_id),
        sessions=await list_sessions(db, user_id=user_id, current=current),
    )


async def delete_account(db: AsyncDatabase, *, user_id: ObjectId, password: str) -> None:
    """Delete the account and everything of it in one transaction: all of it goes, or nothing does."""
    user = await auth.reauthenticate(db, user_id, password)

    async def delete(session: AsyncClientSession) -> None:
        await items.delete_all_items(db, user_id=user_id, session=session)
        await carts.delete_all_carts(db, user_id=user_id, session=session)
        # Shares, queued verification and reset emails: cancelled if not sent yet, forgotten if sent.
        await outbox.forget_person(db, user_id=user_id, email=user["email"], session=session)
        await sharing.forget_person(db, user_id=user_id, session=session)
        await pricewatch.forget_user(db, user_id=user_id, session=session)
        await auth.delete_identity(db, user_id, session)

    await in_transaction(db, delete)
