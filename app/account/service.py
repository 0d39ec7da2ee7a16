"""A person's own account: password, sessions, a copy of their data, and deleting it all.

Each domain keeps its own data; this one only calls their services (auth, carts, items, sharing, outbox).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

from bson import ObjectId
from pydantic import TypeAdapter
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.database import AsyncDatabase

from app.account.schemas import SessionOut
from app.auth import email_change
from app.auth import service as auth
from app.auth.google import GoogleIdentity
from app.carts import members as carts_members
from app.carts import service as carts
from app.carts.schemas import CartOut, MembershipOut
from app.clock import utc_now
from app.collaboration import reservations
from app.collaboration import service as collaboration
from app.collaboration.schemas import MadeReservationOut, SentInvitationOut
from app.db import in_transaction
from app.errors import NotFound
from app.items import service as items
from app.outbox import service as outbox
from app.pricewatch import service as pricewatch
from app.sharing import links
from app.sharing import service as sharing
from app.sharing.schemas import ExportedLinkOut, ShareOut


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


async def export(db: AsyncDatabase, *, user_id: ObjectId, current: ObjectId | None) -> AsyncIterator[bytes]:
    """Everything the person has here, as one JSON document shaped like AccountExport: profile, carts, items, shares
    sent, sessions, public links (not their tokens), memberships, invitations sent and reservations made (never
    another's data, and never the reservations others made on the person's carts: those stay a surprise).

    The parts with small bounds (quotas, budgets) are read first, so a failure there is still an error answer; the
    items, up to thousands, are then written out as the database hands them over, never all in memory."""
    user = await auth.find_user(db, user_id)
    head = (
        f'{{"exported_at":{_EXPORTED_AT.dump_json(utc_now()).decode()}'
        f',"user":{auth.user_out(user).model_dump_json()}'
        f',"carts":{_CARTS.dump_json(await carts.all_carts(db, user_id=user_id)).decode()}'
        ',"items":['
    )
    made = await reservations.reservations_made_by(db, user_id=user_id)
    tail = (
        f'],"shares":{_SHARES.dump_json(await sharing.shares_of(db, user_id=user_id)).decode()}'
        f',"sessions":{_SESSIONS.dump_json(await list_sessions(db, user_id=user_id, current=current)).decode()}'
        f',"links":{_LINKS.dump_json(await links.links_of(db, user_id=user_id)).decode()}'
        f',"memberships":{_MEMBERSHIPS.dump_json(await carts_members.memberships(db, user_id=user_id)).decode()}'
        f',"invitations":{_INVITATIONS.dump_json(await collaboration.invitations_sent(db, user_id=user_id)).decode()}'
        f',"reservations":{_RESERVATIONS.dump_json(made).decode()}}}'
    )
    return _export_document(db, user_id, head=head, tail=tail)


_CARTS = TypeAdapter(list[CartOut])
_SHARES = TypeAdapter(list[ShareOut])
_SESSIONS = TypeAdapter(list[SessionOut])
_LINKS = TypeAdapter(list[ExportedLinkOut])
_MEMBERSHIPS = TypeAdapter(list[MembershipOut])
_INVITATIONS = TypeAdapter(list[SentInvitationOut])
_RESERVATIONS = TypeAdapter(list[MadeReservationOut])
_EXPORTED_AT = TypeAdapter(datetime)
EXPORT_BATCH = 200  # items per chunk written


async def _export_document(db: AsyncDatabase, user_id: ObjectId, *, head: str, tail: str) -> AsyncIterator[bytes]:
    yield head.encode()
    separator = ""
    batch: list[str] = []
    async for item in items.iter_items(db, user_id=user_id, batch_size=EXPORT_BATCH):
        batch.append(item.model_dump_json())
        if len(batch) == EXPORT_BATCH:
            yield (separator + ",".join(batch)).encode()
            batch, separator = [], ","
    if batch:
        yield (separator + ",".join(batch)).encode()
    yield tail.encode()


async def delete_account(
    db: AsyncDatabase, *, user_id: ObjectId, password: str | None, google: GoogleIdentity | None
) -> None:
    """Delete the account and everything of it in one transaction: all of it goes, or nothing does.

    Proven by the password, or by a fresh sign-in to the linked Google account."""
    if google is not None:
        user = await auth.reauthenticate_with_google(db, user_id, google)
    else:
        user = await auth.reauthenticate(db, user_id, password or "")

    async def delete(session: AsyncClientSession) -> None:
        await items.delete_all_items(db, user_id=user_id, session=session)
        await carts.delete_all_carts(db, user_id=user_id, session=session)
        # Shares, queued verification and reset emails: cancelled if not sent yet, forgotten if sent.
        await outbox.forget_person(db, user_id=user_id, email=user["email"], session=session)
        await sharing.forget_person(db, user_id=user_id, session=session)
        # Those sent by the person go with their carts (above); those sent to their address go here.
        await collaboration.forget_invitations_to(db, email=user["email"], session=session)
        await pricewatch.forget_user(db, user_id=user_id, session=session)
        await auth.delete_identity(db, user_id, session)

    await in_transaction(db, delete)
