"""Every query on users, refresh_tokens, password_resets, email_verifications and login_failures."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bson import ObjectId
from pymongo import ASCENDING, IndexModel, ReturnDocument
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.database import AsyncDatabase

from app.auth.live_sessions import LIVE_SESSIONS

USERS = "users"
REFRESH_TOKENS = "refresh_tokens"
PASSWORD_RESETS = "password_resets"
EMAIL_VERIFICATIONS = "email_verifications"
LOGIN_FAILURES = "login_failures"  # keyed by a hash of the address tried, not by user
# Expired verification tokens are kept a while, so a late click can be told "expired" rather than "unknown".
VERIFICATION_RETENTION_SECONDS = 7 * 24 * 3600


async def ensure_indexes(db: AsyncDatabase) -> None:
    await db[USERS].create_indexes(
        [
            IndexModel([("email", ASCENDING)], unique=True, name="email_unique"),
            IndexModel(
                [("google_sub", ASCENDING)],
                unique=True,
                name="google_sub_unique",
                partialFilterExpression={"google_sub": {"$type": "string"}},
            ),
        ]
    )
    await db[REFRESH_TOKENS].create_indexes(
        [
            IndexModel([("token_hash", ASCENDING)], unique=True, name="token_hash_unique"),
            # Every authenticated request asks whether its session is live: this answers from the index alone.
            IndexModel([("family_id", ASCENDING), ("revoked_at", ASCENDING)], name="family_revoked"),
            IndexModel([("user_id", ASCENDING)], name="user"),
            IndexModel([("expires_at", ASCENDING)], expireAfterSeconds=0, name="expires_ttl"),
        ]
    )
    await db[PASSWORD_RESETS].create_indexes(
        [
            IndexModel([("token_hash", ASCENDING)], unique=True, name="token_hash_unique"),
            IndexModel([("user_id", ASCENDING)], name="user"),
            IndexModel([("outbox_id", ASCENDING)], name="outbox"),
            IndexModel([("expires_at", ASCENDING)], expireAfterSeconds=0, name="expires_ttl"),
        ]
    )
    await db[EMAIL_VERIFICATIONS].create_indexes(
        [
            IndexModel([("token_hash", ASCENDING)], unique=True, name="token_hash_unique"),
            IndexModel([("user_id", ASCENDING)], name="user"),
            IndexModel([("outbox_id", ASCENDING)], name="outbox"),
            IndexModel(
                [("expires_at", ASCENDING)], expireAfterSeconds=VERIFICATION_RETENTION_SECONDS, name="expires_ttl"
            ),
        ]
    )
    await db[LOGIN_FAILURES].create_indexes(
        [IndexModel([("forget_at", ASCENDING)], expireAfterSeconds=0, name="forget_ttl")]
    )


async def insert_user(db: AsyncDatabase, user: dict[str, Any], session: AsyncClientSession | None = None) -> None:
    await db[USERS].insert_one(user, session=session)


async def find_user_by_email(db: AsyncDatabase, email: str) -> dict[str, Any] | None:
    return await db[USERS].find_one({"email": email})


async def find_user_by_id(db: AsyncDatabase, user_id: ObjectId) -> dict[str, Any] | None:
    return await db[USERS].find_one({"_id": user_id})


async def find_user_by_google_sub(db: AsyncDatabase, google_sub: str) -> dict[str, Any] | None:
    return await db[USERS].find_one({"google_sub": google_sub})


async def insert_refresh_token(db: AsyncDatabase, record: dict[str, Any]) -> None:
    await db[REFRESH_TOKENS].insert_one(record)


async def spend_refresh_token(db: AsyncDatabase, token_hash: str, now: datetime) -> dict[str, Any] | None:
    """Atomically mark a live token spent; None when it is unknown, spent, revoked or expired."""
    return await db[REFRESH_TOKENS].find_one_and_update(
        {"token_hash": token_hash, "spent_at": None, "revoked_at": None, "expires_at": {"$gt": now}},
        {"$set": {"spent_at": now}},
    )


async def find_refresh_token(db: AsyncDatabase, token_hash: str) -> dict[str, Any] | None:
    return await db[REFRESH_TOKENS].find_one({"token_hash": token_hash})


async def session_is_live(db: AsyncDatabase, family_id: ObjectId) -> bool:
    """Whether the session (refresh-token family) still stands: ending one revokes all its tokens at once, and
    rotation only spends them, so any unrevoked token of the family means it is live.

    Answered from the `family_revoked` index alone (nothing else filtered or returned): this runs on every
    authenticated request. Expiry needs no filter: an access token lives minutes, its session days after it."""
    query = {"family_id": family_id, "revoked_at": None}
    return await db[REFRESH_TOKENS].find_one(query, projection={"_id": 0, "family_id": 1}) is not None


async def family_revoked(db: AsyncDatabase, family_id: ObjectId) -> bool:
    query = {"family_id": family_id, "revoked_at": {"$ne": None}}
    return await db[REFRESH_TOKENS].find_one(query, projection={"_id": 1}) is not None


async def revoke_family(db: AsyncDatabase, family_id: ObjectId, now: datetime) -> None:
    LIVE_SESSIONS.forget_all()  # every revocation passes here or below: the session check must not remember it
    await db[REFRESH_TOKENS].update_many({"family_id": family_id, "revoked_at": None}, {"$set": {"revoked_at": now}})


async def revoke_all_for_user(
    db: AsyncDatabase,
    user_id: ObjectId,
    now: datetime,
    session: AsyncClientSession | None = None,
    keep_family: ObjectId | None = None,
) -> None:
    LIVE_SESSIONS.forget_all()
    query: dict[str, Any] = {"user_id": user_id, "revoked_at": None}
    if keep_family is not None:
        query["family_id"] = {"$ne": keep_family}
    await db[REFRESH_TOKENS].update_many(query, {"$set": {"revoked_at": now}}, session=session)


async def revoke_user_family(db: AsyncDatabase, user_id: ObjectId, family_id: ObjectId, now: datetime) -> bool:
    """Revoke one live session of this user; False when there is none with that id."""
    LIVE_SESSIONS.forget_all()
    result = await db[REFRESH_TOKENS].update_many(
        {"user_id": user_id, "family_id": family_id, "revoked_at": None, "spent_at": None, "expires_at": {"$gt": now}},
        {"$set": {"revoked_at": now}},
    )
    if result.modified_count:
        await revoke_family(db, family_id, now)  # its spent tokens too, so none of them can trigger anything later
    return result.modified_count > 0


async def live_refresh_tokens(db: AsyncDatabase, user_id: ObjectId, now: datetime) -> list[dict[str, Any]]:
    """Each live session has exactly one usable token, its latest."""
    query = {"user_id": user_id, "spent_at": None, "revoked_at": None, "expires_at": {"$gt": now}}
    return await db[REFRESH_TOKENS].find(query).sort("created_at", -1).to_list(None)


async def replace_password_hash(
    db: AsyncDatabase, user_id: ObjectId, password_hash: str, now: datetime, session: AsyncClientSession
) -> None:
    await db[USERS].update_one(
        {"_id": user_id}, {"$set": {"password_hash": password_hash, "updated_at": now}}, session=session
    )


async def delete_user_and_tokens(db: AsyncDatabase, user_id: ObjectId, session: AsyncClientSession) -> None:
    LIVE_SESSIONS.forget_all()
    for collection in (REFRESH_TOKENS, PASSWORD_RESETS, EMAIL_VERIFICATIONS):
        await db[collection].delete_many({"user_id": user_id}, session=session)
    await db[USERS].delete_one({"_id": user_id}, session=session)


async def link_google_sub(db: AsyncDatabase, user_id: ObjectId, changes: dict[str, Any]) -> dict[str, Any] | None:
    """Attach a Google account to a user that has none yet; None if another sign-in linked one first."""
    return await db[USERS].find_one_and_update(
        {"_id": user_id, "google_sub": None}, {"$set": changes}, return_document=ReturnDocument.AFTER
    )


async def set_password_hash(
    db: AsyncDatabase, user_id: ObjectId, password_hash: str, now: datetime, session: AsyncClientSession
) -> None:
    # Whoever completes a reset has proven they read this mailbox.
    await db[USERS].update_one(
        {"_id": user_id},
        {"$set": {"password_hash": password_hash, "email_verified_at": now, "updated_at": now}},
        session=session,
    )


async def replace_password_reset(db: AsyncDatabase, record: dict[str, Any]) -> None:
    """Store a reset token, dropping the one an earlier attempt of the same outbox entry made (never delivered)."""
    await db[PASSWORD_RESETS].delete_many({"outbox_id": record["outbox_id"]})
    await db[PASSWORD_RESETS].insert_one(record)


async def find_live_password_reset(db: AsyncDatabase, token_hash: str, now: datetime) -> dict[str, Any] | None:
    return await db[PASSWORD_RESETS].find_one({"token_hash": token_hash, "used_at": None, "expires_at": {"$gt": now}})


async def spend_password_reset(
    db: AsyncDatabase, token_hash: str, now: datetime, session: AsyncClientSession
) -> dict[str, Any] | None:
    """Atomically use a live reset token once; None when it is unknown, used or expired."""
    return await db[PASSWORD_RESETS].find_one_and_update(
        {"token_hash": token_hash, "used_at": None, "expires_at": {"$gt": now}},
        {"$set": {"used_at": now}},
        session=session,
    )


async def spend_all_password_resets(
    db: AsyncDatabase, user_id: ObjectId, now: datetime, session: AsyncClientSession
) -> None:
    await db[PASSWORD_RESETS].update_many(
        {"user_id": user_id, "used_at": None}, {"$set": {"used_at": now}}, session=session
    )


async def find_password_reset(db: AsyncDatabase, token_hash: str) -> dict[str, Any] | None:
    """A reset token in any state (to tell a used link from an unknown one)."""
    return await db[PASSWORD_RESETS].find_one({"token_hash": token_hash})


async def replace_email_verification(db: AsyncDatabase, record: dict[str, Any]) -> None:
    """Store a verification token, dropping the one an earlier attempt of the same outbox entry made."""
    await db[EMAIL_VERIFICATIONS].delete_many({"outbox_id": record["outbox_id"]})
    await db[EMAIL_VERIFICATIONS].insert_one(record)


async def find_email_verification(db: AsyncDatabase, token_hash: str) -> dict[str, Any] | None:
    return await db[EMAIL_VERIFICATIONS].find_one({"token_hash": token_hash})


async def spend_email_verification(
    db: AsyncDatabase, token_hash: str, now: datetime, session: AsyncClientSession
) -> dict[str, Any] | None:
    """Atomically use a live verification token once; None when it is unknown, used or expired."""
    return await db[EMAIL_VERIFICATIONS].find_one_and_update(
        {"token_hash": token_hash, "used_at": None, "expires_at": {"$gt": now}},
        {"$set": {"used_at": now}},
        session=session,
    )


async def spend_all_email_verifications(
    db: AsyncDatabase, user_id: ObjectId, now: datetime, session: AsyncClientSession
) -> None:
    await db[EMAIL_VERIFICATIONS].update_many(
        {"user_id": user_id, "used_at": None}, {"$set": {"used_at": now}}, session=session
    )


async def mark_email_verified(
    db: AsyncDatabase, user_id: ObjectId, email: str, now: datetime, session: AsyncClientSession
) -> bool:
    """Verify the user's address, only if it is still the one the token was sent to."""
    result = await db[USERS].update_one(
        {"_id": user_id, "email": email}, {"$set": {"email_verified_at": now, "updated_at": now}}, session=session
    )
    return result.matched_count == 1


async def set_pending_email(db: AsyncDatabase, user_id: ObjectId, email: str, now: datetime) -> None:
    await db[USERS].update_one({"_id": user_id}, {"$set": {"pending_email": email, "updated_at": now}})


async def switch_to_pending_email(
    db: AsyncDatabase, user_id: ObjectId, email: str, now: datetime, session: AsyncClientSession
) -> bool:
    """Make the proven pending address the account's; False when it is no longer the pending one.

    Raises DuplicateKeyError when another account took the address in the meantime."""
    result = await db[USERS].update_one(
        {"_id": user_id, "pending_email": email},
        {"$set": {"email": email, "email_verified_at": now, "updated_at": now}, "$unset": {"pending_email": ""}},
        session=session,
    )
    return result.matched_count == 1


async def find_login_failures(db: AsyncDatabase, key: str) -> dict[str, Any] | None:
    return await db[LOGIN_FAILURES].find_one({"_id": key})


async def claim_login_attempt(db: AsyncDatabase, key: str, *, now: datetime, hold_until: datetime) -> bool:
    """Take the account's one attempt if its wait is over (closing it until `hold_until`); False if it is not."""
    result = await db[LOGIN_FAILURES].update_one(
        {"_id": key, "locked_until": {"$lte": now}}, {"$set": {"locked_until": hold_until}}
    )
    return result.modified_count == 1


async def count_login_failure(db: AsyncDatabase, key: str, *, now: datetime, forget_at: datetime) -> int:
    """One more failure; returns how many in a row."""
    record = await db[LOGIN_FAILURES].find_one_and_update(
        {"_id": key},
        {"$inc": {"failures": 1}, "$set": {"last_failed_at": now, "forget_at": forget_at},
         "$setOnInsert": {"locked_until": now}},
        upsert=True,
        return_document=ReturnDocument.AFTER,
    )  # fmt: skip
    return int(record["failures"]) if record else 1


async def close_login_until(db: AsyncDatabase, key: str, until: datetime) -> None:
    await db[LOGIN_FAILURES].update_one({"_id": key}, {"$set": {"locked_until": until}})


async def delete_login_failures(db: AsyncDatabase, key: str) -> None:
    await db[LOGIN_FAILURES].delete_one({"_id": key})
