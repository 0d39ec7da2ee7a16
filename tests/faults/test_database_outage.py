"""The database stops in the middle of traffic, then comes back on the same port and data directory.

The API runs as a real Uvicorn process on its own SecantusDB. While writers keep adding items, the database process
is killed: every request must still get an answer (503 in the envelope, never a 500, never a hang past the
driver's timeout), `/health/ready` turns 503, and once the database is back the service recovers by itself with
every acknowledged write in place.
"""

from __future__ import annotations

import asyncio
import itertools
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from app.db import EmbeddedMongo
from tests.support.live_api import LiveApi

MONGO_TIMEOUT_MS = 500
# The driver gives up after serverSelectionTimeoutMS / timeoutMS (2x): a request slower than this hangs.
CLIENT_TIMEOUT_S = 10 * 2 * MONGO_TIMEOUT_MS / 1000
WRITERS = 4


@dataclass
class Traffic:
    acknowledged: dict[str, str] = field(default_factory=dict)  # item id -> url
    statuses: list[int] = field(default_factory=list)
    bad_answers: list[str] = field(default_factory=list)
    recovered: bool = False  # the test has seen /health/ready answer 200 again
    # (status, seconds to answer) of requests sent after that
    sent_after_recovery: list[tuple[int, float]] = field(default_factory=list)


async def _write_until(stop: asyncio.Event, client: httpx.AsyncClient, headers: dict[str, str], cart_id: str,
                       traffic: Traffic) -> None:  # fmt: skip
    for n in itertools.count():
        if stop.is_set():
            return
        url = f"https://shop.example/p/{uuid.uuid4().hex}"
        # A request already waiting on the database when it came back may still time out: only those sent after
        # the service said it was ready again must succeed.
        sent_after_recovery = traffic.recovered
        started = time.monotonic()
        try:
            response = await client.post(
                "/api/v1/items", json={"url": url, "name": f"Thing {n}", "cart_ids": [cart_id]}, headers=headers
            )
        except httpx.TimeoutException:
            traffic.bad_answers.append(f"no answer within {CLIENT_TIMEOUT_S:g} s")
            continue
        traffic.statuses.append(response.status_code)
        if sent_after_recovery:
            traffic.sent_after_recovery.append((response.status_code, time.monotonic() - started))
        if response.status_code == 201:
            traffic.acknowledged[response.json()["id"]] = url
        elif response.status_code == 503:
            error = response.json()["error"]
            if error["code"] != "database_unavailable" or error["request_id"] != response.headers["X-Request-ID"]:
                traffic.bad_answers.append(f"503 without the envelope: {response.text}")
        else:
            traffic.bad_answers.append(f"{response.status_code}: {response.text[:200]}")
        await asyncio.sleep(0.01)


async def _wait_for_status(client: httpx.AsyncClient, path: str, status: int, seconds: float) -> None:
    for _ in range(int(seconds / 0.1)):
        try:
            if (await client.get(path)).status_code == status:
                return
        except httpx.TimeoutException:
            pass
        await asyncio.sleep(0.1)
    raise AssertionError(f"{path} did not answer {status} within {seconds:g} s")


@pytest.mark.slow
async def test_database_outage_answers_503_then_recovers_with_nothing_acknowledged_lost(tmp_path: Path) -> None:
    database = EmbeddedMongo(tmp_path / "db")
    database.start()
    api = LiveApi(
        mongo_url=database.url, mongo_db="outage", data_dir=tmp_path / "api", mongo_timeout_ms=str(MONGO_TIMEOUT_MS)
    )
    try:
        api.start()
        async with httpx.AsyncClient(base_url=api.base_url, timeout=CLIENT_TIMEOUT_S) as client:
            pair = (
                await client.post("/api/v1/auth/register", json={"email": "o@example.com", "password": "password-1"})
            ).json()
            headers = {"Authorization": f"Bearer {pair['access_token']}"}
            carts = [
                (await client.post("/api/v1/carts", json={"name": f"Cart {n}"}, headers=headers)).json()
                for n in range(WRITERS)
            ]

            traffic, stop = Traffic(), asyncio.Event()
            writers = [asyncio.create_task(_write_until(stop, client, headers, cart["id"], traffic)) for cart in carts]
            await asyncio.sleep(1.0)
            acknowledged_before_outage = len(traffic.acknowledged)
            database.stop(timeout=0.1)  # not a clean shutdown: the database process is killed

            await _wait_for_status(client, "/health/ready", 503, seconds=10)
            during_outage = len(traffic.statuses)
            await asyncio.sleep(2.0)
            outage_answers = traffic.statuses[during_outage:]
            ready = await client.get("/health/ready")

            database = EmbeddedMongo(tmp_path / "db", port=database.port)  # same port, same data
            database.start()
            await _wait_for_status(client, "/health/ready", 200, seconds=30)
            traffic.recovered = True
            await asyncio.sleep(1.0)
            stop.set()
            await asyncio.gather(*writers)

            stored = []
            cursor = None
            while True:
                page = (
                    await client.get(
                        "/api/v1/items",
                        params={"limit": 100, **({"cursor": cursor} if cursor else {})},
                        headers=headers,
                    )
                ).json()
                stored += page["items"]
                if not (cursor := page["next_cursor"]):
                    break
            carts = (await client.get("/api/v1/carts", headers=headers)).json()["items"]
    finally:
        api.stop()
        database.stop()

    assert traffic.bad_answers == []  # every answer was a 201 or an enveloped 503, and none hung
    assert 500 not in traffic.statuses
    assert acknowledged_before_outage > 0
    assert outage_answers and set(outage_answers) == {503}
    assert ready.status_code == 503 and ready.json()["error"]["code"] == "not_ready"
    # recovered by itself: no restart of the API
    # Every save sent after the service said it was ready again succeeds, or (on a machine too busy to answer within
    # the database timeout) fails by that timeout: none fails fast, as a stale connection left from before would.
    after = traffic.sent_after_recovery
    assert after and all(status == 201 or (status == 503 and took >= MONGO_TIMEOUT_MS / 1000) for status, took in after)
    assert sum(status == 201 for status, _ in after) >= 0.8 * len(after)
    stored_ids = {item["id"] for item in stored}
    assert set(traffic.acknowledged) <= stored_ids  # every acknowledged write survived the crash
    assert sum(cart["item_count"] for cart in carts) == len(stored_ids)
