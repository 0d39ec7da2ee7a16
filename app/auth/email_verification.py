"""Email verification: a single-use token, mailed through the outbox, stored only hashed, valid 24 hours."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Literal

from bson import ObjectId
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import DuplicateKeyError

from app.auth import repository
from app.auth.tokens import emailed_token, hash_token, page_link
from app.clock import utc_now
from app.config import Settings
from app.db import in_transaction
from app.errors import BadRequest, Conflict, NotFound
from app.mail import OutgoingEmail
from app.outbox import service as outbox
from app.outbox.registry import register_composer
from app.outbox.rendering import email_templates
from app.outbox.schemas import OutboxEntry

# The outbox kind of a verification email. The entry holds the user and the address; the token is made at send time.
EMAIL_VERIFICATION = "email_verification"

VERIFICATION_TOKEN_LIFETIME = timedelta(hours=24)
# One verification email per account per minute, on top of the per-user rate limit of the route.
REQUEST_COOLDOWN = timedelta(seconds=60)
# The outbox entry names the person: it is swept once it can no longer matter.
ENTRY_RETENTION = timedelta(days=1)

TokenProblem = Literal["unknown", "used", "expired"]


def token_problem(record: dict[str, Any] | None, now: datetime) -> TokenProblem:
    """Why a single-use token was refused, for a message the person can act on (tokens are unguessable)."""
    if record is None:
        return "unknown"
    if record.get("used_at") is not None:
        return "used"
    return "expired" if record["expires_at"] <= now else "unknown"


class InvalidVerificationToken(BadRequest):
    code = "invalid_verification_token"
    message = "Invalid, expired or already used verification link"

    def __init__(self, problem: TokenProblem) -> None:
        super().__init__(details={"reason": problem})


_templates = email_templates("app.auth")


def compose_verification_email(*, to: str, token: str, verify_url: str, valid_hours: int) -> OutgoingEmail:
    context = {"email": to, "token": token, "verify_url": verify_url, "valid_hours": valid_hours}
    return OutgoingEmail(
        to=(to,),
        subject="Confirm your BuyHive email address",
        text=_templates.get_template("email_verification.txt").render(context),
        html=_templates.get_template("email_verification.html").render(context),
    )


def is_verified(user: dict[str, Any]) -> bool:
    # Accounts created before verification existed have no such field: not verified.
    return user.get("email_verified_at") is not None


def _awaits_proof(user: dict[str, Any], address: str) -> bool:
    """The account's own unverified address, or the address it is changing to."""
    return (address == user["email"] and not is_verified(user)) or address == user.get("pending_email")


async def queue_verification(
    db: AsyncDatabase, *, user_id: ObjectId, email: str, session: AsyncClientSession | None = None
) -> None:
    """Queue a verification email for `email` (the account's address, or one it is changing to)."""
    payload = {"user_id": user_id, "email_address": email, "expire_at": utc_now() + ENTRY_RETENTION}
    await outbox.enqueue(db, kind=EMAIL_VERIFICATION, payload=payload, session=session)


async def request_verification(db: AsyncDatabase, *, user_id: ObjectId) -> bool:
    """Send a fresh verification email unless the address is verified already; False when it is."""
    user = await repository.find_user_by_id(db, user_id)
    if user is None:
        raise NotFound("User not found")
    if is_verified(user):
        return False
    since = utc_now() - REQUEST_COOLDOWN
    if not await outbox.enqueued_since(db, kind=EMAIL_VERIFICATION, match={"user_id": user_id}, since=since):
        await queue_verification(db, user_id=user_id, email=user["email"])
    return True


async def compose_verification(entry: OutboxEntry, *, db: AsyncDatabase, settings: Settings) -> OutgoingEmail | None:
    """The outbox composer: issue a token and write the email, or None when there is nothing left to verify."""
    user = await repository.find_user_by_id(db, entry["user_id"])
    if user is None or not _awaits_proof(user, entry["email_address"]):
        return None
    token, document = emailed_token(
        user_id=user["_id"], outbox_id=entry["_id"], lifetime=VERIFICATION_TOKEN_LIFETIME, email=entry["email_address"]
    )
    await repository.replace_email_verification(db, document)
    return compose_verification_email(
        to=entry["email_address"],
        token=token,
        verify_url=page_link(settings, "verify-email", token),
        valid_hours=int(VERIFICATION_TOKEN_LIFETIME.total_seconds() // 3600),
    )


register_composer(EMAIL_VERIFICATION, compose_verification)


async def confirm_verification(db: AsyncDatabase, *, token: str) -> None:
    """Prove the address the token was sent to: the account's own, or the one it is changing to (which then
    becomes the account's). The token, and every other of the user, is spent."""
    now = utc_now()
    token_hash = hash_token(token)

    async def verify(session: AsyncClientSession) -> bool:
        record = await repository.spend_email_verification(db, token_hash, now, session)
        if record is None:
            return False
        await repository.spend_all_email_verifications(db, record["user_id"], now, session)
        # The account's own address, else the one it is changing to; neither (the address changed again since the
        # email went out) and the token proves nothing now.
        return await repository.mark_email_verified(
            db, record["user_id"], record["email"], now, session
        ) or await repository.switch_to_pending_email(db, record["user_id"], record["email"], now, session)

    try:
        verified = await in_transaction(db, verify)
    except DuplicateKeyError:
        raise Conflict("Another account took this email address in the meantime") from None
    if not verified:
        raise InvalidVerificationToken(token_problem(await repository.find_email_verification(db, token_hash), now))
