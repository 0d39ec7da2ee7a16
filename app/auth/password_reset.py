"""Password reset: a single-use token, mailed through the outbox, stored only hashed, valid 30 minutes."""

from __future__ import annotations

from datetime import timedelta

from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.database import AsyncDatabase

from app.auth import repository
from app.auth.email_verification import TokenProblem, token_problem
from app.auth.passwords import hash_password
from app.auth.service import normalize_email
from app.auth.tokens import emailed_token, hash_token, page_link
from app.clock import utc_now
from app.config import Settings
from app.db import in_transaction
from app.errors import BadRequest
from app.mail import OutgoingEmail
from app.outbox import service as outbox
from app.outbox.registry import register_composer
from app.outbox.rendering import email_templates
from app.outbox.schemas import OutboxEntry

# The outbox kind of a reset email. The entry holds only the address; the email is composed at send time.
PASSWORD_RESET = "password_reset"

RESET_TOKEN_LIFETIME = timedelta(minutes=30)
# One reset email per address per minute, however many instances or client IPs ask: no inbox flooding.
REQUEST_COOLDOWN = timedelta(seconds=60)
# Requests for addresses with no account are kept only this long (the TTL index sweeps them).
REQUEST_RETENTION = timedelta(days=1)


class InvalidResetToken(BadRequest):
    code = "invalid_reset_token"
    message = "Invalid or expired password-reset token"

    def __init__(self, problem: TokenProblem) -> None:
        super().__init__(details={"reason": problem})


_templates = email_templates("app.auth")


def compose_password_reset_email(*, to: str, token: str, reset_url: str, valid_minutes: int) -> OutgoingEmail:
    """The single-use reset link (and the bare code, for clients that cannot open links)."""
    context = {"email": to, "token": token, "reset_url": reset_url, "valid_minutes": valid_minutes}
    return OutgoingEmail(
        to=(to,),
        subject="Reset your BuyHive password",
        text=_templates.get_template("password_reset.txt").render(context),
        html=_templates.get_template("password_reset.html").render(context),
    )


async def request_password_reset(db: AsyncDatabase, *, email: str) -> None:
    """Queue a reset email. The account lookup happens in the outbox worker, so this request does the same work,
    and takes the same time, whether or not the address has an account."""
    address = normalize_email(email)
    now = utc_now()
    if await outbox.enqueued_since(
        db, kind=PASSWORD_RESET, match={"email_address": address}, since=now - REQUEST_COOLDOWN
    ):
        return
    payload = {"email_address": address, "expire_at": now + REQUEST_RETENTION}
    await outbox.enqueue(db, kind=PASSWORD_RESET, payload=payload)


async def compose_reset_email(entry: OutboxEntry, *, db: AsyncDatabase, settings: Settings) -> OutgoingEmail | None:
    """The outbox composer: issue a token and write the email, or None when there is no such account.

    The token is made at send time so the outbox never stores it; a retry replaces the undelivered one."""
    user = await repository.find_user_by_email(db, entry["email_address"])
    if user is None:
        return None
    token, document = emailed_token(user_id=user["_id"], outbox_id=entry["_id"], lifetime=RESET_TOKEN_LIFETIME)
    await repository.replace_password_reset(db, document)
    return compose_password_reset_email(
        to=user["email"],
        token=token,
        reset_url=page_link(settings, "reset-password", token),
        valid_minutes=int(RESET_TOKEN_LIFETIME.total_seconds() // 60),
    )


register_composer(PASSWORD_RESET, compose_reset_email)


async def confirm_password_reset(db: AsyncDatabase, *, token: str, new_password: str) -> None:
    """Set the new password, spend every reset token of the user and revoke all their sessions, atomically."""
    now = utc_now()
    token_hash = hash_token(token)
    # Checked before hashing the password, so a wrong token costs no Argon2 work.
    if await repository.find_live_password_reset(db, token_hash, now) is None:
        raise InvalidResetToken(token_problem(await repository.find_password_reset(db, token_hash), now))
    password_hash = await hash_password(new_password)

    async def reset(session: AsyncClientSession) -> bool:
        record = await repository.spend_password_reset(db, token_hash, now, session)
        if record is None:  # spent by a concurrent confirm in the meantime
            return False
        await repository.set_password_hash(db, record["user_id"], password_hash, now, session)
        await repository.spend_all_password_resets(db, record["user_id"], now, session)
        await repository.revoke_all_for_user(db, record["user_id"], now, session=session)
        return True

    if not await in_transaction(db, reset):
        raise InvalidResetToken("used")
