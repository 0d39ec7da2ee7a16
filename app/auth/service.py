"""Accounts and sessions: register, login, Google sign-in, refresh-token rotation with reuse detection, logout."""

from __future__ import annotations

import hmac
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

from bson import ObjectId
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import DuplicateKeyError

from app.auth import login_throttle, repository
from app.auth.email_verification import is_verified, queue_verification
from app.auth.google import GoogleIdentity
from app.auth.live_sessions import LIVE_SESSIONS
from app.auth.passwords import hash_password, verify_password
from app.auth.schemas import TokenPair, UserOut
from app.auth.tokens import AccessToken, create_access_token, hash_token, new_refresh_token
from app.carts.service import create_default_cart
from app.clock import utc_now
from app.config import Settings
from app.db import in_transaction
from app.errors import BadRequest, Conflict, Forbidden, NotFound, Unauthorized

logger = logging.getLogger(__name__)

_BAD_CREDENTIALS = "Invalid email or password"
_BAD_REFRESH = "Invalid or expired refresh token"
_SESSION_ENDED = "This session has ended; sign in again"
USER_AGENT_MAX_LENGTH = 256
# Charged just before an account is created (the per-network account-creation budget); raises 429 when spent.
Budget = Callable[[], Awaitable[None]]


class WrongPassword(Forbidden):
    code = "wrong_password"
    message = "The password is not correct"


class GoogleReauthenticationFailed(Forbidden):
    code = "reauthentication_failed"
    message = "Sign in with this account's Google account again, just before this"


# How recent a Google sign-in must be to stand in for the password (account deletion).
FRESH_GOOGLE_SIGN_IN = timedelta(minutes=5)


class EmailNotVerified(Forbidden):
    code = "email_not_verified"
    message = "Verify your email address first: we sent you a link (POST /auth/verify-email/request sends another)"


def normalize_email(email: str) -> str:
    return email.strip().lower()


def user_out(user: dict[str, Any]) -> UserOut:
    return UserOut(
        id=user["_id"],
        email=user["email"],
        name=user.get("name"),
        has_password=bool(user.get("password_hash")),
        google_linked=bool(user.get("google_sub")),
        email_verified=is_verified(user),
        created_at=user["created_at"],
    )


async def create_user(
    db: AsyncDatabase,
    *,
    email: str,
    password_hash: str | None,
    name: str | None,
    google_sub: str | None = None,
) -> dict[str, Any]:
    """Create a user and their default cart together, or neither."""
    now = utc_now()
    user: dict[str, Any] = {
        "_id": ObjectId(),
        "email": normalize_email(email),
        "password_hash": password_hash,
        "name": name,
        "google_sub": google_sub,
        # Google proved the address before it gave us the identity.
        "email_verified_at": now if google_sub else None,
        "created_at": now,
        "updated_at": now,
    }

    async def create(session: AsyncClientSession) -> None:
        await repository.insert_user(db, user, session=session)
        await create_default_cart(db, user_id=user["_id"], session=session)

    try:
        await in_transaction(db, create)
    except DuplicateKeyError:
        raise Conflict("An account with this email already exists") from None
    return user


async def register(
    db: AsyncDatabase,
    settings: Settings,
    *,
    email: str,
    password: str,
    name: str | None,
    user_agent: str | None = None,
    creation_budget: Budget | None = None,
) -> TokenPair:
    """Create an email/password account and sign it in."""
    if await repository.find_user_by_email(db, normalize_email(email)):
        raise Conflict("An account with this email already exists")
    if creation_budget is not None:
        await creation_budget()
    user = await create_user(db, email=email, password_hash=await hash_password(password), name=name)
    await queue_verification(db, user_id=user["_id"], email=user["email"])
    return await issue_token_pair(db, settings, user, user_agent=user_agent)


async def login(
    db: AsyncDatabase, settings: Settings, *, email: str, password: str, user_agent: str | None = None
) -> TokenPair:
    """Check email and password; the same answer and the same work whether or not the email exists.

    Failures are counted per address: past a few, the address waits before its next try (429, login_throttle)."""
    address = normalize_email(email)
    throttle = login_throttle.throttle_key(address)
    await login_throttle.claim_attempt(db, settings, key=throttle, now=utc_now())
    user = await repository.find_user_by_email(db, address)
    stored_hash = user.get("password_hash") if user else None
    if not await verify_password(password, stored_hash) or user is None:
        await login_throttle.record_failure(db, settings, key=throttle, now=utc_now())
        raise Unauthorized(_BAD_CREDENTIALS)
    await login_throttle.clear(db, key=throttle)
    return await issue_token_pair(db, settings, user, user_agent=user_agent)


async def sign_in_with_google(
    db: AsyncDatabase,
    settings: Settings,
    identity: GoogleIdentity,
    *,
    user_agent: str | None = None,
    creation_budget: Budget | None = None,
) -> TokenPair:
    """Sign in with a verified Google identity: its linked account, else the account with that email, else a new one."""
    user = await repository.find_user_by_google_sub(db, identity.sub)
    if user is None:
        user = await _link_or_create_google_user(db, identity, creation_budget)
    return await issue_token_pair(db, settings, user, user_agent=user_agent)


async def _link_or_create_google_user(
    db: AsyncDatabase, identity: GoogleIdentity, creation_budget: Budget | None
) -> dict[str, Any]:
    existing = await repository.find_user_by_email(db, identity.email)
    if existing is None:
        if creation_budget is not None:
            await creation_budget()
        try:
            return await create_user(
                db, email=identity.email, password_hash=None, name=identity.name, google_sub=identity.sub
            )
        except Conflict:  # a concurrent first sign-in with the same Google account got there first
            return await _user_for_google_sub(db, identity.sub)
    if existing.get("google_sub"):
        raise Conflict("This email's account is linked to a different Google account")
    now = utc_now()
    changes: dict[str, Any] = {
        "google_sub": identity.sub,
        "email_verified_at": now,
        "name": existing.get("name") or identity.name,
        "updated_at": now,
    }
    if existing.get("password_hash") and not existing.get("email_verified_at"):
        # Nobody ever proved this mailbox behind the password: it may have been registered by someone else
        # in advance (account pre-hijacking). Google just proved the owner, so the unproven password and its
        # sessions go; the owner can set a password again through the reset email.
        changes["password_hash"] = None
        await repository.revoke_all_for_user(db, existing["_id"], now)
    try:
        linked = await repository.link_google_sub(db, existing["_id"], changes)
    except DuplicateKeyError:  # the same Google account was linked elsewhere a moment ago
        linked = None
    return linked or await _user_for_google_sub(db, identity.sub)


async def _user_for_google_sub(db: AsyncDatabase, google_sub: str) -> dict[str, Any]:
    user = await repository.find_user_by_google_sub(db, google_sub)
    if user is None:
        raise Conflict("This account is being changed by another sign-in; try again")
    return user


async def issue_token_pair(
    db: AsyncDatabase,
    settings: Settings,
    user: dict[str, Any],
    *,
    rotating: dict[str, Any] | None = None,
    user_agent: str | None = None,
) -> TokenPair:
    """A new access token and a new refresh token: a new session (family), or the next token of `rotating`'s."""
    now = utc_now()
    refresh_token = new_refresh_token()
    family_id = rotating["family_id"] if rotating else ObjectId()
    await repository.insert_refresh_token(
        db,
        {
            "token_hash": hash_token(refresh_token),
            "user_id": user["_id"],
            "family_id": family_id,
            # What the session list shows, carried from token to token of the family.
            "session_created_at": rotating.get("session_created_at", rotating["created_at"]) if rotating else now,
            "user_agent": rotating.get("user_agent") if rotating else (user_agent or "")[:USER_AGENT_MAX_LENGTH],
            "created_at": now,
            "expires_at": now + timedelta(days=settings.jwt_refresh_token_expire_days),
            "spent_at": None,
            "revoked_at": None,
        },
    )
    if rotating and await repository.family_revoked(db, family_id):
        # The session was ended between spending the old token and storing this one: it stays ended.
        await repository.revoke_family(db, family_id, now)
        raise Unauthorized(_BAD_REFRESH)
    access_token, expires_in = create_access_token(user["_id"], settings, now=now, session_id=family_id)
    return TokenPair(access_token=access_token, refresh_token=refresh_token, expires_in=expires_in, user=user_out(user))


async def refresh(db: AsyncDatabase, settings: Settings, *, refresh_token: str) -> TokenPair:
    """Rotate a refresh token; presenting a spent one revokes its whole family (theft detection)."""
    now = utc_now()
    token_hash = hash_token(refresh_token)
    record = await repository.spend_refresh_token(db, token_hash, now)
    if record is None:
        known = await repository.find_refresh_token(db, token_hash)
        if known is not None and known.get("spent_at") is not None and known.get("revoked_at") is None:
            logger.warning("refresh token reuse: revoking family", extra={"user_id": str(known["user_id"])})
            await repository.revoke_family(db, known["family_id"], now)
        raise Unauthorized(_BAD_REFRESH)
    user = await repository.find_user_by_id(db, record["user_id"])
    if user is None:
        raise Unauthorized(_BAD_REFRESH)
    return await issue_token_pair(db, settings, user, rotating=record)


async def logout(db: AsyncDatabase, *, refresh_token: str) -> None:
    """End the session the refresh token belongs to; unknown tokens are ignored."""
    known = await repository.find_refresh_token(db, hash_token(refresh_token))
    if known is not None:
        await repository.revoke_family(db, known["family_id"], utc_now())


async def require_live_session(db: AsyncDatabase, access: AccessToken, *, remember_seconds: float) -> None:
    """Refuse an access token whose session has ended (signed out, revoked, password reset, account deleted).
    A session this process found live less than `remember_seconds` ago is not read again (app/auth/live_sessions.py)."""
    if LIVE_SESSIONS.recently_live(access.session_id, remember_seconds):
        return
    if not await repository.session_is_live(db, access.session_id):
        raise Unauthorized(_SESSION_ENDED, headers={"WWW-Authenticate": "Bearer"})
    LIVE_SESSIONS.remember(access.session_id)


async def require_verified_email(db: AsyncDatabase, user_id: ObjectId) -> None:
    """Refuse what sends email in the person's name (shares, invitations, alerts) until their address is proven."""
    user = await repository.find_user_by_id(db, user_id)
    if user is None:
        raise Unauthorized(_SESSION_ENDED, headers={"WWW-Authenticate": "Bearer"})
    if not is_verified(user):
        raise EmailNotVerified()


async def get_user(db: AsyncDatabase, user_id: ObjectId) -> UserOut:
    """The signed-in user's profile."""
    user = await repository.find_user_by_id(db, user_id)
    if user is None:
        raise NotFound("User not found")
    return user_out(user)


async def find_user(db: AsyncDatabase, user_id: ObjectId) -> dict[str, Any]:
    user = await repository.find_user_by_id(db, user_id)
    if user is None:
        raise NotFound("User not found")
    return user


async def reauthenticate(db: AsyncDatabase, user_id: ObjectId, password: str) -> dict[str, Any]:
    """The user, after checking their password again (for changes that must not ride on a stolen access token)."""
    user = await find_user(db, user_id)
    if not user.get("password_hash"):
        raise BadRequest("This account has no password; set one through a password reset first")
    if not await verify_password(password, user["password_hash"]):
        raise WrongPassword()
    return user


async def reauthenticate_with_google(db: AsyncDatabase, user_id: ObjectId, identity: GoogleIdentity) -> dict[str, Any]:
    """The user, after a fresh Google sign-in to the Google account linked to them (for accounts without a password,
    in place of `reauthenticate`)."""
    user = await find_user(db, user_id)
    if not user.get("google_sub") or not hmac.compare_digest(user["google_sub"], identity.sub):
        raise GoogleReauthenticationFailed(details={"reason": "another_google_account"})
    if identity.issued_at < utc_now() - FRESH_GOOGLE_SIGN_IN:
        raise GoogleReauthenticationFailed(details={"reason": "not_fresh"})
    return user


async def live_sessions(db: AsyncDatabase, user_id: ObjectId) -> list[dict[str, Any]]:
    """The head (live refresh token) of each of the user's sessions, newest first."""
    return await repository.live_refresh_tokens(db, user_id, utc_now())


async def end_session(db: AsyncDatabase, user_id: ObjectId, session_id: ObjectId) -> bool:
    """Revoke one session of the user; False when it is not theirs or already over."""
    return await repository.revoke_user_family(db, user_id, session_id, utc_now())


async def end_sessions(db: AsyncDatabase, user_id: ObjectId, *, keep: ObjectId | None = None) -> None:
    """Revoke every session of the user but `keep`."""
    await repository.revoke_all_for_user(db, user_id, utc_now(), keep_family=keep)


async def change_password(
    db: AsyncDatabase, user_id: ObjectId, *, current_password: str, new_password: str, keep_session: ObjectId | None
) -> None:
    """Set a new password (the current one required), end every other session and spend pending reset links."""
    await reauthenticate(db, user_id, current_password)
    password_hash = await hash_password(new_password)
    now = utc_now()

    async def change(session: AsyncClientSession) -> None:
        await repository.replace_password_hash(db, user_id, password_hash, now, session)
        await repository.spend_all_password_resets(db, user_id, now, session)
        await repository.revoke_all_for_user(db, user_id, now, session=session, keep_family=keep_session)

    await in_transaction(db, change)


async def delete_identity(db: AsyncDatabase, user_id: ObjectId, session: AsyncClientSession) -> None:
    """Remove the user and every token of theirs, inside the caller's transaction."""
    await repository.delete_user_and_tokens(db, user_id, session)
