"""Accounts (made fast, see tests/support/accounts.py; alice's address is verified), a local shop, and re-checkers
driven by hand against the app's database."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from app.clock import utc_now
from app.config import Settings
from app.net import DEFAULT_ALLOWED_PORTS, SafeFetcher
from app.pricewatch.recheck import Rechecker
from tests.pricewatch.shop import Shop
from tests.support.accounts import Account, fast_account, verified_account


def _address(name: str) -> str:
    # Alert emails land in the suite's shared file outbox: a fresh address per test tells them apart.
    return f"{name}-{uuid.uuid4().hex[:8]}@example.com"


@pytest.fixture
async def alice(app: FastAPI, client: httpx.AsyncClient) -> Account:
    return await verified_account(app, client, _address("alice"))


@pytest.fixture
async def bob(app: FastAPI, client: httpx.AsyncClient) -> Account:
    return await fast_account(app, client, _address("bob"))


@pytest.fixture
def shop() -> Iterator[Shop]:
    local = Shop()
    yield local
    local.close()


@pytest.fixture
async def fetcher(shop: Shop) -> AsyncIterator[SafeFetcher]:
    # The tests-only allow-list the app's image fetches use in tests: 127.0.0.1 on the shop's port.
    async with SafeFetcher(
        allowed_private_hosts={"127.0.0.1"}, allowed_ports=DEFAULT_ALLOWED_PORTS | {shop.server.port}
    ) as safe_fetcher:
        yield safe_fetcher


@pytest.fixture
def recheck_settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"price_recheck_host_interval_seconds": 0.0})


@pytest.fixture
def rechecker(app: FastAPI, fetcher: SafeFetcher, recheck_settings: Settings) -> Callable[..., Rechecker]:
    def make(name: str = "worker-a", **overrides: Any) -> Rechecker:
        settings = recheck_settings.model_copy(update=overrides)
        return Rechecker(app.state.database.db, fetcher, settings, worker_id=name)

    return make


async def let_time_pass(db: Any) -> None:
    """Every watched product is due and every host rested (as after PRICE_RECHECK_INTERVAL_HOURS)."""
    past = utc_now() - timedelta(seconds=1)
    await db["price_products"].update_many({"watch_count": {"$gt": 0}}, {"$set": {"next_check_at": past}})
    await db["price_hosts"].update_many({}, {"$set": {"next_allowed_at": past}})
