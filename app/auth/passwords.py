"""Argon2 password hashing, off the event loop, with equal work whether or not an account exists."""

from __future__ import annotations

import asyncio

from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher

_hasher = PasswordHash((Argon2Hasher(),))
# Verified against when there is no account, so a wrong email costs the same as a wrong password.
_DUMMY_HASH = _hasher.hash("buyhive-dummy-password-for-timing")


async def hash_password(password: str) -> str:
    return await asyncio.to_thread(_hasher.hash, password)


async def verify_password(password: str, password_hash: str | None) -> bool:
    matches = await asyncio.to_thread(_hasher.verify, password, password_hash or _DUMMY_HASH)
    return matches and password_hash is not None
