"""The in-process LRU with a time-to-live behind the embedding and URL caches."""

from __future__ import annotations

from app.ml.cache import LruCache


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_least_recently_used_entry_is_evicted_first() -> None:
    cache: LruCache[str, int] = LruCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1  # "a" is now the most recent
    cache.put("c", 3)
    assert (cache.get("a"), cache.get("b"), cache.get("c")) == (1, None, 3)
    assert len(cache) == 2


def test_entries_expire_after_their_ttl() -> None:
    clock = Clock()
    cache: LruCache[str, int] = LruCache(10, ttl_seconds=60, clock=clock)
    cache.put("a", 1)
    clock.now = 60
    assert cache.get("a") == 1
    clock.now = 60.5
    assert cache.get("a") is None
    assert len(cache) == 0
