"""API overhead benchmark: POST /items and GET /carts/{id}/items beside the raw PyMongo operations they wrap.

One run, one embedded SecantusDB, one Uvicorn worker on 127.0.0.1; sequential requests over one keep-alive
connection. Prints p50/p95 per operation and the API-minus-driver difference.

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
from datetime import UTC, datetime
from pathlib import Path

import httpx
from bson import ObjectId
from bson.decimal128 import Decimal128
from pymongo import AsyncMongoClient, ReturnDocument

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.db import EmbeddedMongo, free_port  # noqa: E402


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
    command = [sys.executable, "-m", "uvicorn", "--factory", "main:create_app", "--port", str(port), "--no-access-log"]
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    for _ in range(200):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health/live", timeout=0.5).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.1)
    process.terminate()
    raise RuntimeError("API did not start")


async def raw_driver(mongo_url: str, db_name: str, n: int) -> dict[str, list[float]]:
    """The same operations the endpoints perform, straight through PyMongo."""
    client: AsyncMongoClient = AsyncMongoClient(mongo_url, tz_aware=True)
    db = client[db_name]
    user_id, cart_id = ObjectId(), ObjectId()
    now = datetime.now(UTC)
    await db.carts.insert_one({"_id": cart_id, "user_id": user_id, "name": "raw", "name_key": "raw",
                               "created_at": now, "updated_at": now})  # fmt: skip
    timings: dict[str, list[float]] = {"add_item": [], "list_items": []}
    for i in range(n):
        started = time.perf_counter()

        async def save(session, i=i):  # type: ignore[no-untyped-def]
            await db.carts.update_one({"_id": cart_id, "user_id": user_id}, {"$set": {"updated_at": now}},
                                      session=session)  # fmt: skip
            new_item = {"_id": ObjectId(), "user_id": user_id, "url": f"https://shop.example/p/{i}",
                        "name": "Thing", "price": Decimal128("19.99"), "currency": "USD", "quantity": 1,
                        "created_at": now, "updated_at": now}  # fmt: skip
            return await db.items.find_one_and_update(
                {"user_id": user_id, "canonical_url": f"https://shop.example/p/{i}"},
                {"$setOnInsert": new_item, "$addToSet": {"cart_ids": {"$each": [cart_id]}}},
                upsert=True, return_document=ReturnDocument.BEFORE, session=session,
            )  # fmt: skip

        async with client.start_session() as session:
            await session.with_transaction(save)
        timings["add_item"].append(time.perf_counter() - started)
    for _ in range(n):
        started = time.perf_counter()
        await db.carts.find_one({"_id": cart_id, "user_id": user_id})
        await db.items.find({"user_id": user_id, "cart_ids": cart_id}).sort("_id", -1).limit(21).to_list(None)
        timings["list_items"].append(time.perf_counter() - started)
    await client.close()
    return timings


def through_api(port: int, n: int) -> dict[str, list[float]]:
    timings: dict[str, list[float]] = {"add_item": [], "list_items": [], "live": []}
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as http:
        email = f"bench-{uuid.uuid4().hex[:8]}@example.com"
        pair = http.post("/api/v1/auth/register", json={"email": email, "password": "benchmark-password"}).json()
        http.headers["Authorization"] = f"Bearer {pair['access_token']}"
        cart_id = http.get("/api/v1/carts").json()[0]["id"]
        for i in range(n):
            body = {"url": f"https://shop.example/p/{i}?utm_source=x", "name": "Thing", "price": "19.99",
                    "currency": "USD", "cart_ids": [cart_id]}  # fmt: skip
            started = time.perf_counter()
            response = http.post("/api/v1/items", json=body)
            timings["add_item"].append(time.perf_counter() - started)
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
    return timings


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
            raw = asyncio.run(raw_driver(mongo.url, "bench_raw", args.n))
            api_timings = through_api(port, args.n)
        finally:
            api.terminate()
            api.wait(15)
            mongo.stop()
    print(f"{'operation':<28}{'p50 ms':>9}{'p95 ms':>9}")
    for name in ("add_item", "list_items"):
        raw_p50, raw_p95 = percentiles(raw[name])
        api_p50, api_p95 = percentiles(api_timings[name])
        print(f"{'driver ' + name:<28}{raw_p50 * 1000:>9.2f}{raw_p95 * 1000:>9.2f}")
        print(f"{'API ' + name:<28}{api_p50 * 1000:>9.2f}{api_p95 * 1000:>9.2f}")
        print(f"{'  API - driver (p50)':<28}{(api_p50 - raw_p50) * 1000:>9.2f}   ratio {api_p50 / raw_p50:.2f}x")
    live_p50, live_p95 = percentiles(api_timings["live"])
    print(f"{'API GET /health/live':<28}{live_p50 * 1000:>9.2f}{live_p95 * 1000:>9.2f}   (HTTP floor)")


if __name__ == "__main__":
    main()
