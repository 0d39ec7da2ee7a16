"""Rate limits shared by every instance: `limits` moving windows in MongoDB, checked off the event loop.

We use the `limits` library (the engine under slowapi) directly as FastAPI dependencies: slowapi calls its
storage synchronously on the event loop, which with a networked MongoDB storage would stall every request for a
round trip; here each hit runs in a worker thread.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import anyio
from fastapi import Request
from limits import RateLimitItem, parse
from limits.storage import MongoDBStorage, Storage, storage_from_string
from limits.strategies import MovingWindowRateLimiter

from app.config import Settings
from app.deps import CurrentUser
from app.edge.client_ip import client_ip, network_key
from app.errors import TooManyRequests
from app.state import app_state

logger = logging.getLogger(__name__)


@dataclass
class RateLimiter:
    limiter: MovingWindowRateLimiter
    storage: Storage

    def hit(self, item: RateLimitItem, key: str) -> tuple[bool, int, int]:
        """Count one request; returns (allowed, remaining, seconds until the window frees a slot)."""
        allowed = self.limiter.hit(item, key)
        stats = self.limiter.get_window_stats(item, key)
        return allowed, stats.remaining, max(1, math.ceil(stats.reset_time - time.time()))

    def open(self) -> None:
        """Connect a MongoDB storage now (it creates its indexes), so that `close` has a client to close."""
        if isinstance(self.storage, MongoDBStorage):
            _ = self.storage.storage

    def close(self) -> None:
        """Close the MongoDB client while the interpreter can still stop its threads.

        `limits` closes it in `__del__`, and opens one first if none is open: run at interpreter exit, that
        start of a monitor thread never returns and the process hangs after "Finished server process". Outside a
        container Uvicorn's re-raised SIGTERM kills the process before that point; as PID 1 it is ignored.
        """
        if isinstance(self.storage, MongoDBStorage):
            self.storage.storage.close()


def storage_uri(settings: Settings, mongo_url: str) -> str:
    return settings.rate_limit_storage_uri or mongo_url


def create_rate_limiter(settings: Settings, mongo_url: str) -> RateLimiter | None:
    if not settings.rate_limit_enabled:
        return None
    uri = storage_uri(settings, mongo_url)
    options = {"database_name": settings.mongo_db} if uri.startswith("mongodb") else {}
    storage = storage_from_string(uri, **options)
    if not isinstance(storage, Storage):
        raise ValueError("RATE_LIMIT_STORAGE_URI must name a synchronous storage (mongodb://, memory://, …)")
    return RateLimiter(limiter=MovingWindowRateLimiter(storage), storage=storage)


async def _enforce(request: Request, limit: str, scope: str, key: str) -> None:
    rate_limiter = app_state(request).rate_limiter
    if rate_limiter is None:
        return
    item = parse(limit)
    allowed, remaining, reset_in = await anyio.to_thread.run_sync(rate_limiter.hit, item, f"{scope}:{key}")
    headers = {
        "X-RateLimit-Limit": str(item.amount),
        "X-RateLimit-Remaining": str(remaining),
        "X-RateLimit-Reset": str(reset_in),
    }
    if not allowed:
        logger.info("rate limited", extra={"scope": scope})
        raise TooManyRequests(
            f"Too many requests; retry in {reset_in} s", headers={**headers, "Retry-After": str(reset_in)}
        )
    # Stored on the request so the headers reach every response, error answers included.
    request.state.response_headers = headers


def limit_per_ip(setting: str) -> Callable[..., Awaitable[None]]:
    """A dependency limiting a public route per client network (IPv4 address, IPv6 /64); `setting` names the
    Settings field with the limit."""

    async def dependency(request: Request) -> None:
        settings = app_state(request).settings
        key = network_key(client_ip(request, settings.trusted_proxies))
        await _enforce(request, getattr(settings, setting), setting, key)

    return dependency


def charge_per_ip(request: Request, setting: str) -> Callable[[], Awaitable[None]]:
    """A per-network budget the service charges itself, at the moment the counted thing is about to happen (an
    account created, not every sign-in that might create one)."""

    async def charge() -> None:
        settings = app_state(request).settings
        key = network_key(client_ip(request, settings.trusted_proxies))
        await _enforce(request, getattr(settings, setting), setting, key)

    return charge


def limit_per_user(setting: str, scope: str | None = None) -> Callable[..., Awaitable[None]]:
    """A dependency limiting an authenticated route per user; routes with the same scope share a budget."""

    async def dependency(request: Request, user: CurrentUser) -> None:
        await _enforce(request, getattr(app_state(request).settings, setting), scope or setting, str(user.user_id))

    return dependency
