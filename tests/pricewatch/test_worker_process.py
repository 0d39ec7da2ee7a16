"""The re-check worker as production runs it: its own process (`python -m app.pricewatch.worker`), or inside the API;
and leases: a worker that dies holding a product lets another take it over once its lease runs out."""

from __future__ import annotations

import asyncio
import signal
import sys
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
from pymongo.asynchronous.database import AsyncDatabase

from app.clock import utc_now
from app.config import Settings
from app.db import EmbeddedMongo
from app.pricewatch import repository
from app.pricewatch.recheck import Rechecker
from tests.pricewatch.shop import Shop
from tests.pricewatch.watching import status_becomes, watched_item, worker_process_env
from tests.support import REPO_ROOT
from tests.support.accounts import Account, register_account
from tests.support.app import make_settings, running_app


async def test_worker_process_checks_and_stops_on_sigterm(
    client: httpx.AsyncClient, alice: Account, shop: Shop, settings: Settings, tmp_path: Path
) -> None:
    item = await watched_item(client, alice, shop.page("/p/1", price="45.00"), target_price="50")
    env = worker_process_env(settings, tmp_path, shop.server.port)
    command = (sys.executable, "-m", "app.pricewatch.worker")
    process = await asyncio.create_subprocess_exec(*command, cwd=REPO_ROOT, env=env)
    try:
        tracking = await status_becomes(client, alice, item, "ok")
        assert tracking["current"]["price"] == "45.00" and tracking["current"]["source"] == "recheck"
    finally:
        process.send_signal(signal.SIGTERM)
        exit_code = await asyncio.wait_for(process.wait(), 20)
    assert exit_code == 0
    assert len(shop.requests_for("/p/1")) == 1


async def test_inside_the_api_when_configured(mongo_server: EmbeddedMongo, tmp_path: Path, shop: Shop) -> None:
    settings = make_settings(
        mongo_server.url, tmp_path, price_recheck_in_api=True, price_recheck_poll_seconds=0.2,
        fetch_allow_private_hosts=["127.0.0.1"], fetch_allowed_ports=[80, 443, shop.server.port],
    )  # fmt: skip
    async with running_app(settings) as (app, client):
        account = await register_account(client)
        await app.state.database.db["users"].update_one({}, {"$set": {"email_verified_at": utc_now()}})
        item = await watched_item(client, account, shop.page("/p/1", price="70.00"), target_price="50")
        await status_becomes(client, account, item, "ok")
        health = (await client.get("/health")).json()["components"]["price_recheck"]
        await app.state.database.client.drop_database(settings.mongo_db)
    assert health["status"] == "running" and health["checked"] == 1
    assert not make_settings(mongo_server.url, tmp_path).recheck_in_api  # off by default outside development


async def test_a_dead_workers_lease_runs_out_and_another_takes_over(
    client: httpx.AsyncClient,
    alice: Account,
    shop: Shop,
    rechecker: Callable[..., Rechecker],
    db: AsyncDatabase[dict[str, Any]],
) -> None:
    item = await watched_item(client, alice, shop.page("/p/1", price="60.00"), target_price="50")
    # Worker A claims the product and dies before checking it.
    claimed = await repository.claim_due_product(db, worker_id="dead", now=utc_now(), lease=timedelta(seconds=120))
    assert claimed is not None
    worker = rechecker("worker-b")
    assert await worker.process_next() is False  # still leased
    await db["price_products"].update_one({}, {"$set": {"lease_until": utc_now() - timedelta(seconds=1)}})
    assert await worker.process_next() is True
    tracking = (await client.get(f"/api/v1/items/{item['id']}", headers=alice.headers)).json()["price_tracking"]
    assert tracking["status"] == "ok" and tracking["current"]["price"] == "60.00"
    # The dead worker's late outcome is not recorded over the live one's.
    late = {"status": "gone"}
    assert not await repository.finish_check(db, product_id=claimed["_id"], worker_id="dead", changes=late)
