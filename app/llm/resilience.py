"""Time, backoff and the per-provider circuit breaker used by the LLM chain."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Mapping
from datetime import UTC
from email.utils import parsedate_to_datetime
from enum import StrEnum
from typing import Protocol

from app.clock import utc_now

BACKOFF_BASE_SECONDS = 0.5
BACKOFF_CAP_SECONDS = 8.0


class Clock(Protocol):
    """Monotonic time and sleeping, injectable so breakers and backoff can be tested without waiting."""

    def now(self) -> float: ...

    async def sleep(self, seconds: float) -> None: ...


class MonotonicClock:
    def now(self) -> float:
        return time.monotonic()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


def backoff_delay(attempt: int, rng: random.Random) -> float:
    """Exponential backoff with equal jitter: attempt 0 waits 0.25-0.5 s, then 0.5-1 s, ... capped at 8 s."""
    ceiling = min(BACKOFF_CAP_SECONDS, BACKOFF_BASE_SECONDS * 2**attempt)
    return ceiling / 2 + rng.uniform(0, ceiling / 2)


def retry_after_seconds(headers: Mapping[str, str]) -> float | None:
    """The server's requested wait: `retry-after-ms`, `retry-after` seconds or HTTP date; None when absent."""
    if milliseconds := headers.get("retry-after-ms"):
        try:
            return max(0.0, float(milliseconds) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - utc_now()).total_seconds())


class BreakerState(StrEnum):
    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half_open"


class CircuitBreaker:
    """Opens after `failure_threshold` failed calls in a row; after `cooldown_seconds` lets one probe through."""

    def __init__(self, *, failure_threshold: int, cooldown_seconds: float, clock: Clock) -> None:
        self.failure_threshold = failure_threshold
        self.cooldown_seconds = cooldown_seconds
        self._clock = clock
        self.consecutive_failures = 0
        self._opened_at: float | None = None
        self._probe_in_flight = False

    @property
    def state(self) -> BreakerState:
        if self._opened_at is None:
            return BreakerState.CLOSED
        if self._clock.now() - self._opened_at >= self.cooldown_seconds:
            return BreakerState.HALF_OPEN
        return BreakerState.OPEN

    def try_acquire(self) -> bool:
        """May a call go out now? In half-open state only one probe at a time may."""
        state = self.state
        if state is BreakerState.CLOSED:
            return True
        if state is BreakerState.HALF_OPEN and not self._probe_in_flight:
            self._probe_in_flight = True
            return True
        return False

    def record_success(self) -> None:
        self.consecutive_failures = 0
        self._opened_at = None
        self._probe_in_flight = False

    def release(self) -> None:
        """The call ended without a verdict (cancelled): free the probe slot without counting anything."""
        self._probe_in_flight = False

    def record_failure(self) -> None:
        self.consecutive_failures += 1
        if self._probe_in_flight or self.consecutive_failures >= self.failure_threshold:
            self._opened_at = self._clock.now()  # a failed probe re-opens for a full cool-down
        self._probe_in_flight = False
