"""Memory attack on /extract: N concurrent extractions of ~3 MB pages against a live API on 127.0.0.1.

Starts an embedded SecantusDB and one Uvicorn worker (rate limits off, no LLM keys), registers one account,
then fires N concurrent POST /extract, each with a different ~3 MB product-listing page (so the cache never
answers). Samples the API process's RSS every 20 ms and times GET /health/live throughout.
Prints the RSS before, at peak and after, the answers by status, and the slowest /health/live.

    .venv/bin/python scripts/attack_extract_memory.py [--concurrent 40] [--env EXTRACT_MAX_CONCURRENT=4 ...]
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from app.db import EmbeddedMongo, free_port

ROOT = Path(__file__).resolve().parents[1]

PAGE_CHARS = 2_990_000
CARD = (
    '<div class="card"><a href="/p/{n}"><img src="/img/{n}.jpg" alt="Thing {n}"></a>'
    '<h3 class="title">Thing number {n}</h3><span class="price">${n}.99</span>'
    '<button class="add">Add to cart</button></div>\n'
)


def page(variant: int) -> str:
    head = (
        f"<html><head><title>Big catalogue {variant}</title></head><body>"
        '<h1>Acme Kettle 1.7L</h1><span class="price">$39.99</span>'
    )
    cards, size, n = [], len(head), 0
    while size < PAGE_CHARS - 200:
        card = CARD.format(n=n)
        cards.append(card)
        size += len(card)
        n += 1
    return head + "".join(cards) + "</body></html>"


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def start_api(mongo_url: str, port: int, data_dir: str, extra_env: dict[str, str]) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "MONGO_URL": mongo_url,
        "MONGO_DB": "attack",
        "DATA_DIR": data_dir,
        "RATE_LIMIT_ENABLED": "false",
        "LOG_LEVEL": "WARNING",
        "ENVIRONMENT": "test",
        "JWT_SECRET_KEY": "attack-secret-key-that-is-long-enough-0123456789",
        "GROQ_API_KEY": "",
        "OPENAI_API_KEY": "",
        **extra_env,
    }
    command = [sys.executable, "-m", "uvicorn", "--factory", "main:create_app", "--host", "127.0.0.1"]
    process = subprocess.Popen([*command, "--port", str(port), "--no-access-log"], cwd=ROOT, env=env)
    for _ in range(600):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health/live", timeout=0.5).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.1)
    process.terminate()
    raise RuntimeError("API did not start")


def probe_health(base: str, done: threading.Event, latencies_ms: list[float]) -> None:
    """In its own thread: the attacker's event loop stalls must not count as the API's."""
    with httpx.Client(base_url=base, timeout=60) as probe:
        while not done.is_set():
            started = time.perf_counter()
            probe.get("/health/live")
            latencies_ms.append((time.perf_counter() - started) * 1000)
            time.sleep(0.1)


async def attack(base: str, pid: int, concurrent: int) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=300) as client:
        registered = await client.post(
            "/api/v1/auth/register", json={"email": "attacker@example.com", "password": "correct horse battery"}
        )
        headers = {
            "Authorization": f"Bearer {registered.json()['access_token']}",
            "Content-Type": "application/json",
        }
        # Encoded up front, so the attacker spends no CPU while the server is measured.
        bodies = [
            json.dumps({"url": f"https://shop.example/p/{i}", "html": page(i)}).encode() for i in range(concurrent)
        ]
        await asyncio.sleep(1)
        before = rss_mb(pid)
        health_ms: list[float] = []
        peak, done = before, threading.Event()

        async def sample() -> None:
            nonlocal peak
            while not done.is_set():
                peak = max(peak, rss_mb(pid))
                await asyncio.sleep(0.02)

        async def one(body: bytes) -> int:
            return (await client.post("/api/v1/extract", content=body, headers=headers)).status_code

        prober = threading.Thread(target=probe_health, args=(base, done, health_ms))
        prober.start()
        sampler = asyncio.create_task(sample())
        started = time.perf_counter()
        statuses = await asyncio.gather(*(one(body) for body in bodies))
        elapsed = time.perf_counter() - started
        done.set()
        await sampler
        prober.join()
        await asyncio.sleep(2)
        after = rss_mb(pid)
    print(f"concurrent extractions: {concurrent} x {PAGE_CHARS / 1e6:.2f} M chars, {elapsed:.1f} s")
    print(f"answers: {dict(collections.Counter(statuses))}")
    print(f"RSS MB: before {before:.0f}, peak {peak:.0f}, 2 s after {after:.0f}")
    ordered = sorted(health_ms)
    print(
        f"/health/live over {len(ordered)} probes: median {ordered[len(ordered) // 2]:.0f} ms, "
        f"slowest {ordered[-1]:.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--concurrent", type=int, default=40)
    parser.add_argument("--env", action="append", default=[], help="KEY=VALUE passed to the API")
    args = parser.parse_args()
    extra_env = dict(item.split("=", 1) for item in args.env)
    with tempfile.TemporaryDirectory() as tmp:
        mongo = EmbeddedMongo(Path(tmp) / "mongo")
        mongo.start()
        port = free_port()
        api = start_api(mongo.url, port, tmp, extra_env)
        try:
            asyncio.run(attack(f"http://127.0.0.1:{port}", api.pid, args.concurrent))
        finally:
            api.terminate()
            api.wait(timeout=30)
            mongo.stop()


if __name__ == "__main__":
    main()
