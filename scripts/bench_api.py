"""API overhead benchmark: POST /items and GET /carts/{id}/items beside the raw PyMongo operations they wrap, and
the live-session check every authenticated request makes.

One run, one embedded SecantusDB database, one Uvicorn worker on 127.0.0.1; sequential requests over one
keep-alive connection. The driver side repeats the endpoints' queries on the same database and documents;
the service side calls our service functions in-process (everything but HTTP), and times apart what a save leaves
for after its answer (recording the price it saw into the product's history).
Prints p50/p95 per operation, the differences and the ratios to the driver.

    .venv/bin/python scripts/bench_api.py [--n 300]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from functools import partial
from pathlib import Path
from typing import Any

import httpx
import jwt
import pymongo
from bson import ObjectId
from bson.decimal128 import Decimal128
from pymongo import AsyncMongoClient, MongoClient, ReturnDocument
from pymongo.database import Database

from app.auth import repository as auth_repository
from app.auth import service as auth_service
from app.auth.tokens import AccessToken
from app.clock import utc_now
from app.config import Settings
from app.db import EmbeddedMongo, free_port
from app.items import service as items_service
from app.items.schemas import ItemCreate
from app.pricewatch.repository import SEEN_QUEUE

ROOT = Path(__file__).resolve().parents[1]
EXTRA_UVICORN_ARGS = os.environ.get("BENCH_UVICORN_ARGS", "").split()


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(len(ordered) * 0.95) - 1]


def start_api(mongo_url: str, db_name: str, port: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "MONGO_URL": mongo_url,
        "MONGO_DB": db_name,
        "RATE_LIMIT_ENABLED": "false",
        "LOG_LEVEL": "WARNING",
        "ENVIRONMENT": "test",
    }
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "--factory",
        "main:create_app",
        "--port",
        str(port),
        "--no-access-log",
        *EXTRA_UVICORN_ARGS,
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    for _ in range(200):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health/live", timeout=0.5).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.1)
    process.terminate()
    raise RuntimeError("API did not start")


async def raw_driver(mongo_url: str, db_name: str, n: int, api_user: tuple[str, str, str]) -> dict[str, list[float]]:
    """The same operations the endpoints perform, straight through PyMongo, on the same database: inserts for a
    user of its own (same collection and indexes), reads of the API user's cart (the very same documents)."""
    client: AsyncMongoClient = AsyncMongoClient(mongo_url, tz_aware=True)
    db = client[db_name]
    user_id, cart_id = ObjectId(), ObjectId()
    now = utc_now()
    await db.carts.insert_one({"_id": cart_id, "user_id": user_id, "name": "raw", "name_key": "raw",
                               "created_at": now, "updated_at": now})  # fmt: skip
    timings: dict[str, list[float]] = {"add_item": [], "list_items": [], "service add_item": [],
                                       "service list_items": [], "session check": [], "session read": [],
                                       "round trip": [], "seen price": [], "add_item with timeout": []}  # fmt: skip
    for i in range(n):
        started = time.perf_counter()

        async def save(session, i=i):  # type: ignore[no-untyped-def]
            url = f"https://shop.example/p/{i}"
            await db.carts.update_one(
                {"_id": cart_id, "user_id": user_id},
                {"$set": {"updated_at": now}, "$inc": {"revision": 1}},
                session=session,
            )
            new_item = {
                "_id": ObjectId(),
                "user_id": user_id,
                "url": url,
                "canonical_url": url,
                "name": "Thing",
                "price": Decimal128("19.99"),
                "currency": "USD",
                "image_url": None,
                "description": None,
                "brand": None,
                "sku": None,
                "variant": None,
                "notes": None,
                "quantity": 1,
                "created_at": now,
                "updated_at": now,
            }
            return await db.items.find_one_and_update(
                {"user_id": user_id, "canonical_url": url},
                {"$setOnInsert": new_item, "$addToSet": {"cart_ids": {"$each": [cart_id]}}},
                upsert=True, return_document=ReturnDocument.BEFORE, session=session,
            )  # fmt: skip

        async with client.start_session() as session:
            await session.with_transaction(save)
        timings["add_item"].append(time.perf_counter() - started)
        # The same under a client-side operation timeout, as the app runs every operation (its client's timeoutMS).
        started = time.perf_counter()
        async with client.start_session() as session:
            with pymongo.timeout(10):
                await session.with_transaction(partial(save, i=n + i))
        timings["add_item with timeout"].append(time.perf_counter() - started)
    api_user_id, api_cart_id = ObjectId(api_user[0]), ObjectId(api_user[1])
    for _ in range(n):
        started = time.perf_counter()
        await db.carts.find_one({"_id": api_cart_id, "user_id": api_user_id})
        query = {"user_id": api_user_id, "cart_ids": api_cart_id}
        await db.items.find(query).sort("_id", -1).limit(21).to_list(None)
        timings["list_items"].append(time.perf_counter() - started)
    # Our service layer alone (validation, canonical URL, transaction, response models), without HTTP.
    for i in range(n):
        body = ItemCreate(url=f"https://shop.example/s/{i}?utm_source=x", name="Thing", price="19.99",
                          currency="USD", cart_ids=[str(cart_id)])  # fmt: skip
        started = time.perf_counter()
        await items_service.add_item(
            db, user_id=user_id, data=body, quota=Settings(_env_file=None).quota_items_per_user
        )
        timings["service add_item"].append(time.perf_counter() - started)
        # What the endpoint does after its answer: the price the save saw goes into the product's history.
        started = time.perf_counter()
        await items_service.record_seen_prices(db)
        timings["seen price"].append(time.perf_counter() - started)
    for _ in range(n):
        started = time.perf_counter()
        await items_service.list_items(db, user_id=api_user_id, cart_id=api_cart_id, cursor=None, limit=20)
        timings["service list_items"].append(time.perf_counter() - started)
    # What get_current_user adds to every authenticated request: the session check as the dependency runs it (this
    # process remembers a live session for SESSION_CHECK_CACHE_SECONDS), and the database read it makes otherwise.
    session_id = ObjectId(api_user[2])
    access = AccessToken(user_id=api_user_id, session_id=session_id)
    remember = Settings(_env_file=None).session_check_cache_seconds
    for _ in range(n):
        started = time.perf_counter()
        await auth_service.require_live_session(db, access, remember_seconds=remember)
        timings["session check"].append(time.perf_counter() - started)
        started = time.perf_counter()
        live = await auth_repository.session_is_live(db, session_id)
        timings["session read"].append(time.perf_counter() - started)
        assert live
        # The floor it is measured against: the cheapest read there is, one document by _id.
        started = time.perf_counter()
        await db.carts.find_one({"_id": api_cart_id}, projection={"_id": 1})
        timings["round trip"].append(time.perf_counter() - started)
    await client.close()
    return timings


def settle(db: Database[dict[str, Any]]) -> None:
    """Wait until the API has done what its last save left for after its answer (its queued price recorded)."""
    for _ in range(5000):
        if db[SEEN_QUEUE].count_documents({}) == 0:
            return
        time.sleep(0.001)
    raise RuntimeError("queued prices were not recorded")


def through_api(port: int, n: int, db: Database[dict[str, Any]]) -> tuple[dict[str, list[float]], tuple[str, str, str]]:
    timings: dict[str, list[float]] = {"add_item": [], "add_item settled": [], "list_items": [], "live": []}
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as http:
        email = f"bench-{uuid.uuid4().hex[:8]}@example.com"
        pair = http.post("/api/v1/auth/register", json={"email": email, "password": "benchmark-password"}).json()
        http.headers["Authorization"] = f"Bearer {pair['access_token']}"
        cart_id = http.get("/api/v1/carts").json()["items"][0]["id"]
        user_id = pair["user"]["id"]
        for i in range(n):
            body = {"url": f"https://shop.example/p/{i}?utm_source=x", "name": "Thing", "price": "19.99",
                    "currency": "USD", "cart_ids": [cart_id]}  # fmt: skip
            started = time.perf_counter()
            response = http.post("/api/v1/items", json=body)
            timings["add_item"].append(time.perf_counter() - started)
            assert response.status_code == 201, response.text
        # The same, one save at a time as a person makes them: each after the last one's after-answer work is done.
        for i in range(n):
            body = {"url": f"https://shop.example/q/{i}", "name": "Thing", "price": "19.99", "currency": "USD",
                    "cart_ids": [cart_id]}  # fmt: skip
            settle(db)
            started = time.perf_counter()
            response = http.post("/api/v1/items", json=body)
            timings["add_item settled"].append(time.perf_counter() - started)
            assert response.status_code == 201, response.text
        for _ in range(n):
            started = time.perf_counter()
            response = http.get(f"/api/v1/carts/{cart_id}/items", params={"limit": 20})
            timings["list_items"].append(time.perf_counter() - started)
            assert response.status_code == 200
        for _ in range(n):
            started = time.perf_counter()
            http.get("/health/live")
            timings["live"].append(time.perf_counter() - started)
    session_id = jwt.decode(pair["access_token"], options={"verify_signature": False})["sid"]
    return timings, (user_id, cart_id, session_id)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=300, help="requests per operation")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        mongo = EmbeddedMongo(Path(data_dir))
        mongo.start()
        port = free_port()
        api = start_api(mongo.url, "bench", port)
        try:
            client: MongoClient[dict[str, Any]]
            with MongoClient(mongo.url) as client:
                api_timings, api_user = through_api(port, args.n, client["bench"])
            raw = asyncio.run(raw_driver(mongo.url, "bench", args.n, api_user))
        finally:
            api.terminate()
            api.wait(15)
            mongo.stop()
    print(f"{'operation':<28}{'p50 ms':>9}{'p95 ms':>9}")
    for name in ("add_item", "list_items"):
        raw_p50, raw_p95 = percentiles(raw[name])
        service_p50, service_p95 = percentiles(raw["service " + name])
        api_p50, api_p95 = percentiles(api_timings[name])
        print(f"{'driver ' + name:<28}{raw_p50 * 1000:>9.2f}{raw_p95 * 1000:>9.2f}")
        if name == "add_item":
            csot_p50, csot_p95 = percentiles(raw["add_item with timeout"])
            print(f"{'driver add_item, timeoutMS':<28}{csot_p50 * 1000:>9.2f}{csot_p95 * 1000:>9.2f}"
                  f"   ratio {csot_p50 / raw_p50:.2f}x (the app's client-side operation timeout)")  # fmt: skip
        print(f"{'service ' + name:<28}{service_p50 * 1000:>9.2f}{service_p95 * 1000:>9.2f}")
        print(f"{'API ' + name:<28}{api_p50 * 1000:>9.2f}{api_p95 * 1000:>9.2f}")
        service_ratio = service_p50 / raw_p50
        print(f"{'  service - driver (p50)':<28}{(service_p50 - raw_p50) * 1000:>9.2f}   ratio {service_ratio:.2f}x")
        print(f"{'  API - driver (p50)':<28}{(api_p50 - raw_p50) * 1000:>9.2f}   ratio {api_p50 / raw_p50:.2f}x")
        if name == "add_item":
            seen_p50, seen_p95 = percentiles(raw["seen price"])
            after = f"{'  after the answer: history':<28}{seen_p50 * 1000:>9.2f}{seen_p95 * 1000:>9.2f}"
            print(f"{after}   (not in the request)")
            settled_p50, settled_p95 = percentiles(api_timings["add_item settled"])
            print(f"{'API add_item, one at a time':<28}{settled_p50 * 1000:>9.2f}{settled_p95 * 1000:>9.2f}"
                  f"   ratio {settled_p50 / raw_p50:.2f}x (the last save's after-answer work done)")  # fmt: skip
    live_p50, live_p95 = percentiles(api_timings["live"])
    print(f"{'API GET /health/live':<28}{live_p50 * 1000:>9.2f}{live_p95 * 1000:>9.2f}   (HTTP floor)")
    check_p50, check_p95 = percentiles(raw["session check"])
    read_p50, read_p95 = percentiles(raw["session read"])
    floor_p50, floor_p95 = percentiles(raw["round trip"])
    print(f"{'session check (per request)':<28}{check_p50 * 1000:>9.3f}{check_p95 * 1000:>9.3f}   (remembered)")
    print(f"{'session read (not recent)':<28}{read_p50 * 1000:>9.2f}{read_p95 * 1000:>9.2f}")
    print(f"{'driver find_one by _id':<28}{floor_p50 * 1000:>9.2f}{floor_p95 * 1000:>9.2f}   (database floor)")


if __name__ == "__main__":
    main()
