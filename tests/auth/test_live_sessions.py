"""The per-process memory behind the session check: how long it trusts itself, and that forgetting is total."""

from __future__ import annotations

from bson import ObjectId

from app.auth.live_sessions import LiveSessions


def test_a_remembered_session_counts_as_live_only_within_the_allowed_age() -> None:
    memory, session_id = LiveSessions(), ObjectId()
    assert not memory.recently_live(session_id, 1.0)
    memory.remember(session_id)
    assert memory.recently_live(session_id, 1.0)
    assert not memory.recently_live(session_id, 0.0)  # SESSION_CHECK_CACHE_SECONDS=0: always read
    assert not memory.recently_live(ObjectId(), 1.0)


def test_forgetting_drops_every_session() -> None:
    memory, first, second = LiveSessions(), ObjectId(), ObjectId()
    memory.remember(first)
    memory.remember(second)
    memory.forget_all()
    assert not memory.recently_live(first, 10.0) and not memory.recently_live(second, 10.0)
