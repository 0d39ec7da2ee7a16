"""Failed sign-ins per account: a few free tries, then a wait that doubles with each failure.

The wait is capped (LOGIN_LOCKOUT_MAX_SECONDS), attempts made while it runs are refused without being counted, and a
successful sign-in or a password reset clears it: an attacker gets a handful of guesses an hour at any one account,
and can at worst make its owner wait a few minutes (or use the reset link, or Google). The per-IP limit on /auth
still applies on top. Keyed by a hash of the address, whether or not an account has it, so a 429 reveals nothing.
"""

from __future__ import annotations

import hashlib
import math
from datetime import datetime, timedelta

from pymongo.asynchronous.database import AsyncDatabase

from app.auth import repository
from app.config import Settings
from app.errors import TooManyRequests

# A count of failures is forgotten this long after the last one.
FAILURE_MEMORY = timedelta(hours=24)
# The slot a password check in flight holds, at most (an instance that dies mid-check cannot hold it longer).
CHECK_HOLD = timedelta(seconds=30)


class LoginThrottled(TooManyRequests):
    def __init__(self, retry_after: int) -> None:
        super().__init__(
            f"Too many failed sign-ins for this account; retry in {retry_after} s (or reset the password)",
            headers={"Retry-After": str(retry_after)},
        )


def throttle_key(email: str) -> str:
    return hashlib.sha256(f"login:{email}".encode()).hexdigest()


def wait_after(failures: int, settings: Settings) -> timedelta:
    """How long an account stays closed after its `failures`-th failure in a row: 1 s, 2 s, 4 s … up to the cap."""
    beyond = failures - settings.login_free_failures
    if beyond < 0:
        return timedelta(0)
    return timedelta(seconds=min(2.0**beyond, settings.login_lockout_max_seconds))


async def claim_attempt(db: AsyncDatabase, settings: Settings, *, key: str, now: datetime) -> None:
    """Let this password check go ahead, or raise 429 with Retry-After while the account's wait runs.

    Past the free tries each check takes the account's one slot atomically, so a burst of parallel guesses gets one."""
    record = await repository.find_login_failures(db, key)
    if record is None or record["failures"] < settings.login_free_failures:
        return
    if await repository.claim_login_attempt(db, key, now=now, hold_until=now + CHECK_HOLD):
        return
    latest = await repository.find_login_failures(db, key)
    until = latest["locked_until"] if latest else now
    raise LoginThrottled(max(1, math.ceil((until - now).total_seconds())))


async def record_failure(db: AsyncDatabase, settings: Settings, *, key: str, now: datetime) -> None:
    failures = await repository.count_login_failure(db, key, now=now, forget_at=now + FAILURE_MEMORY)
    await repository.close_login_until(db, key, now + wait_after(failures, settings))


async def clear(db: AsyncDatabase, *, key: str) -> None:
    await repository.delete_login_failures(db, key)
