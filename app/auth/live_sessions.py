"""Sessions this process found live a moment ago, so the per-request session check can answer from memory.

Every revocation goes through app/auth/repository.py, which empties this memory in the same process: there an
ended session's access tokens fail on the very next request. Another instance may keep answering from its memory
for up to `SESSION_CHECK_CACHE_SECONDS` (default 1 s; 0 turns the memory off) — the price of a check that costs
microseconds instead of a database round trip on every request.
"""

from __future__ import annotations

import time

from bson import ObjectId

_MAX_REMEMBERED = 50_000  # ~5 MB; beyond it everything is forgotten and refilled by the next requests


class LiveSessions:
    def __init__(self) -> None:
        self._seen_at: dict[ObjectId, float] = {}

    def recently_live(self, session_id: ObjectId, max_age_seconds: float) -> bool:
        seen_at = self._seen_at.get(session_id)
        return seen_at is not None and time.monotonic() - seen_at < max_age_seconds

    def remember(self, session_id: ObjectId) -> None:
        if len(self._seen_at) >= _MAX_REMEMBERED:
            self._seen_at.clear()
        self._seen_at[session_id] = time.monotonic()

    def forget_all(self) -> None:
        """Called on every revocation: which sessions it ended is not always known (all of a user's), and
        revocations are rare enough that refilling costs nothing."""
        self._seen_at.clear()


LIVE_SESSIONS = LiveSessions()
