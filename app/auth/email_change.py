"""Changing the account's address: it takes effect only once the new address is proven; the old one is told."""

from __future__ import annotations

from bson import ObjectId
from pymongo.asynchronous.database import AsyncDatabase

from app.auth import repository
from app.auth.email_verification import queue_verification
from app.auth.service import normalize_email, reauthenticate
from app.clock import utc_now
from app.errors import BadRequest, Conflict
from app.mail import OutgoingEmail
from app.outbox import service as outbox
from app.outbox.registry import register_composer, send_stored_email
from app.outbox.rendering import email_templates
from app.outbox.schemas import stored_email

# Rendered when queued: it says what was asked, then; nothing about it changes by the time it is sent.
EMAIL_CHANGE_NOTICE = "email_change_notice"
register_composer(EMAIL_CHANGE_NOTICE, send_stored_email)

_templates = email_templates("app.auth")


def compose_change_notice(*, old_email: str, new_email: str) -> OutgoingEmail:
    context = {"old_email": old_email, "new_email": new_email}
    return OutgoingEmail(
        to=(old_email,),
        subject="Your BuyHive email address is being changed",
        text=_templates.get_template("email_change_notice.txt").render(context),
        html=_templates.get_template("email_change_notice.html").render(context),
    )


async def request_email_change(db: AsyncDatabase, *, user_id: ObjectId, new_email: str, password: str) -> None:
    """Check the password, remember the new address as pending, mail it a verification link, tell the old one."""
    user = await reauthenticate(db, user_id, password)
    address = normalize_email(new_email)
    if address == user["email"]:
        raise BadRequest("This is already the account's email address")
    if await repository.find_user_by_email(db, address) is not None:
        raise Conflict("An account with this email already exists")
    await repository.set_pending_email(db, user_id, address, utc_now())
    await queue_verification(db, user_id=user_id, email=address)
    notice = compose_change_notice(old_email=user["email"], new_email=address)
    await outbox.enqueue(db, kind=EMAIL_CHANGE_NOTICE, payload={"user_id": user_id, "email": stored_email(notice)})
