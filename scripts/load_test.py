"""Load test: a realistic mix against ONE Uvicorn worker on an embedded SecantusDB, then a consistency check.

    .venv/bin/python scripts/load_test.py                 # ramp to saturation, then 60 s steady at half of it
    .venv/bin/python scripts/load_test.py --rate 15 --duration 60 --ramp 10,20,40,80 --json out.json

Everything runs on 127.0.0.1: the script starts its own SecantusDB and one `uvicorn --factory main:create_app`
worker (rate limits off, no LLM keys), registers users through the API, then:

1. measures this generator's own ceiling (closed loop on GET /health/live): figures near it say more about the
   generator than about the API;
2. ramps through --ramp rates (--step-seconds each, open loop, Poisson arrivals) until the API stops keeping up:
   the highest throughput reached is the saturation point;
3. drives the mix at a steady rate (--rate, default half the saturation) for --duration seconds;
4. checks the database against what the API acknowledged: every acknowledged write present, no item in a deleted
   cart, no duplicate item per canonical URL, item counts equal to the database's.
Each phase reports the CPU (in cores) the generator, the API and the database used, and the machine's load
average: the machine has 2 cores, shared with whatever else runs, so read the figures with those.

The mix: sign-in and token refresh, list carts, list a cart's items, add items (30% re-adds of an earlier URL with
different tracking parameters), move items (PATCH cart_ids, link, unlink), create and delete carts, and POST
/extract on saved pages (small built-in pages, plus ../shared/eval pages when present) when the API has /extract.
Each virtual user has at most one request in flight, like one browser extension, so the client-side model of its
carts and items is exact. Bounded: --max-requests in total and a hard time limit per phase.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from pymongo import MongoClient

from app.db import EmbeddedMongo, free_port
from app.items.canonical import canonical_url

ROOT = Path(__file__).resolve().parents[1]

PASSWORD = "load-test-password-1"
DB_NAME = "loadtest"
REQUEST_TIMEOUT_S = 10.0
MAX_CARTS_PER_USER = 6
EVAL_PAGES = ROOT.parent / "shared" / "eval" / "fathom-products"
EVAL_PAGE_COUNT = 8
EVAL_PAGE_MAX_BYTES = 1_500_000
STEADY_SHARE_OF_SATURATION = 0.5


# --------------------------------------------------------------------------------------------------- the server


@contextlib.contextmanager
def api_server(workdir: Path) -> Iterator[tuple[str, str, dict[str, int]]]:
    """An embedded SecantusDB and one Uvicorn worker on 127.0.0.1; yields (api url, mongo url, process ids)."""
    mongo = EmbeddedMongo(workdir / "db")
    mongo.start()
    port = free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("GROQ_", "OPENAI_", "SENTRY_", "MONGO_", "RATE_LIMIT_"))
    }
    env.update(
        MONGO_URL=mongo.url,
        MONGO_DB=DB_NAME,
        DATA_DIR=str(workdir / "data"),
        RATE_LIMIT_ENABLED="false",
        ENVIRONMENT="test",
        LOG_LEVEL="WARNING",
        EMAIL_BACKEND="file",
        JWT_SECRET_KEY="load-test-secret-key-0123456789abcdef0123456789",
        GROQ_API_KEY="",
        OPENAI_API_KEY="",
    )
    command = [
        sys.executable, "-m", "uvicorn", "--factory", "main:create_app",
        "--host", "127.0.0.1", "--port", str(port), "--workers", "1", "--no-access-log", "--log-level", "warning",
    ]  # fmt: skip
    log = (workdir / "api.log").open("wb")
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(base_url, process)
        # The database's pid comes from its launcher's handle: EmbeddedMongo has no public accessor for it.
        pids = {"generator": os.getpid(), "api": process.pid, "database": mongo._process.pid}  # type: ignore[union-attr]
        yield base_url, mongo.url, pids
    finally:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
        mongo.stop()


def _wait_for(base_url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the API exited during start-up (see api.log)")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{base_url}/health/ready", timeout=1).status_code == 200:
                return
        time.sleep(0.2)
    raise RuntimeError("the API did not become ready in 60 s")


# ---------------------------------------------------------------------------------------- the client-side model


@dataclass
class ItemModel:
    canonical: str
    cart_ids: set[str]


@dataclass
class VirtualUser:
    email: str
    access_token: str
    refresh_token: str
    user_id: str
    default_cart: str
    carts: set[str]
    items: dict[str, ItemModel] = field(default_factory=dict)
    urls: list[str] = field(default_factory=list)
    busy: bool = False
    needs_login: bool = False
    # A write whose outcome we never learned (timeout, 5xx): this user's exact comparison is skipped.
    uncertain: bool = False

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access_token}"}

    def item_by_canonical(self, canonical: str) -> str | None:
        return next((item_id for item_id, item in self.items.items() if item.canonical == canonical), None)

    def count_in(self, cart_id: str) -> int:
        return sum(cart_id in item.cart_ids for item in self.items.values())

    def forget_cart(self, cart_id: str) -> None:
        self.carts.discard(cart_id)
        for item_id, item in list(self.items.items()):
            item.cart_ids.discard(cart_id)
            if not item.cart_ids:
                del self.items[item_id]

    def learn_item(self, body: dict[str, Any]) -> None:
        self.items[body["id"]] = ItemModel(body["canonical_url"], set(body["cart_ids"]))


@dataclass
class Outcome:
    """One request: its route label, status (0: no answer) and whether the answer was the expected one."""

    route: str
    status: int
    ok: bool
    note: str | None = None  # a consistency surprise seen during traffic


# ------------------------------------------------------------------------------------------------- operations


class Mix:
    def __init__(self, client: httpx.AsyncClient, rng: random.Random, pages: list[tuple[str, str]]) -> None:
        self.client = client
        self.rng = rng
        self.pages = pages
        weights: dict[str, float] = {
            "login": 2, "refresh": 4, "list_carts": 22, "list_items": 12, "add_item": 25, "move_item": 8,
            "link_item": 4, "unlink_item": 4, "create_cart": 5, "delete_cart": 4,
        }  # fmt: skip
        if pages:
            weights["extract"] = 10
        self.ops: dict[str, Callable[[VirtualUser], Awaitable[Outcome]]] = {
            name: getattr(self, name) for name in weights
        }
        self.names = list(weights)
        self.weights = list(weights.values())

    def pick(self) -> str:
        return self.rng.choices(self.names, self.weights)[0]

    async def run(self, name: str, user: VirtualUser) -> Outcome:
        if user.needs_login:
            name = "login"
        return await self.ops[name](user)

    async def _call(self, method: str, path: str, user: VirtualUser | None, **kwargs: Any) -> httpx.Response | None:
        headers = user.headers if user else {}
        try:
            return await self.client.request(method, path, headers=headers, **kwargs)
        except httpx.HTTPError:
            return None

    @staticmethod
    def _outcome(route: str, response: httpx.Response | None, expected: tuple[int, ...]) -> Outcome:
        status = response.status_code if response is not None else 0
        return Outcome(route, status, status in expected)

    def _write_failed(self, user: VirtualUser, outcome: Outcome) -> Outcome:
        # 4xx answers are definite refusals; no answer or a 5xx leaves the write's outcome unknown.
        if not outcome.ok and (outcome.status == 0 or outcome.status >= 500):
            user.uncertain = True
        return outcome

    async def login(self, user: VirtualUser) -> Outcome:
        response = await self._call(
            "POST", "/api/v1/auth/login", None, json={"email": user.email, "password": PASSWORD}
        )
        outcome = self._outcome("POST /auth/login", response, (200,))
        if outcome.ok and response is not None:
            pair = response.json()
            user.access_token, user.refresh_token, user.needs_login = pair["access_token"], pair["refresh_token"], False
        return outcome

    async def refresh(self, user: VirtualUser) -> Outcome:
        response = await self._call("POST", "/api/v1/auth/refresh", None, json={"refresh_token": user.refresh_token})
        outcome = self._outcome("POST /auth/refresh", response, (200,))
        if outcome.ok and response is not None:
            pair = response.json()
            user.access_token, user.refresh_token = pair["access_token"], pair["refresh_token"]
        else:
            user.needs_login = True  # the old refresh token may be spent
        return outcome

    async def list_carts(self, user: VirtualUser) -> Outcome:
        response = await self._call("GET", "/api/v1/carts?limit=100", user)
        outcome = self._outcome("GET /carts", response, (200,))
        if outcome.ok and response is not None and not user.uncertain:
            seen = {cart["id"]: cart["item_count"] for cart in response.json()["items"]}
            expected = {cart_id: user.count_in(cart_id) for cart_id in user.carts}
            if seen != expected:
                outcome.note = "GET /carts disagrees with acknowledged writes"
        return outcome

    async def list_items(self, user: VirtualUser) -> Outcome:
        cart_id = self.rng.choice(sorted(user.carts))
        response = await self._call("GET", f"/api/v1/carts/{cart_id}/items", user, params={"limit": 20})
        return self._outcome("GET /carts/{id}/items", response, (200,))

    def _new_url(self) -> str:
        shop = self.rng.randrange(50)
        return f"https://shop{shop}.example/products/{uuid.uuid4().hex[:12]}?color=red&utm_source=load"

    def _tracking_variant(self, url: str) -> str:
        """The same product page with other tracking parameters: the same canonical URL."""
        base, _, query = url.partition("?")
        params = [p for p in query.split("&") if p and not p.startswith(("utm_", "gclid"))]
        params.append(self.rng.choice(["utm_source=mail", "gclid=abc123", "utm_campaign=x"]))
        self.rng.shuffle(params)
        return f"{base}?{'&'.join(params)}"

    async def add_item(self, user: VirtualUser) -> Outcome:
        duplicate = bool(user.urls) and self.rng.random() < 0.3
        url = self._tracking_variant(self.rng.choice(user.urls)) if duplicate else self._new_url()
        targets = self.rng.sample(sorted(user.carts), k=min(len(user.carts), self.rng.choice([1, 1, 2])))
        body = {
            "url": url,
            "name": f"Thing {uuid.uuid4().hex[:6]}",
            "price": f"{self.rng.randrange(100, 99999) / 100:.2f}",
            "currency": "USD",
            "image_url": "https://cdn.example/i.jpg",
            "cart_ids": targets,
        }
        existing = user.item_by_canonical(canonical_url(url))
        response = await self._call("POST", "/api/v1/items", user, json=body)
        outcome = self._write_failed(user, self._outcome("POST /items", response, (200, 201)))
        if outcome.ok and response is not None:
            item = response.json()
            if not user.uncertain and (response.status_code == 200) != (existing is not None):
                outcome.note = "POST /items: created/merged disagrees with acknowledged writes"
            if not user.uncertain and existing is not None and existing != item["id"]:
                outcome.note = "POST /items: a second item for one canonical URL"
            user.learn_item(item)
            if not duplicate:
                user.urls.append(url)
        return outcome

    def _some_item(self, user: VirtualUser) -> str | None:
        return self.rng.choice(sorted(user.items)) if user.items else None

    async def move_item(self, user: VirtualUser) -> Outcome:
        item_id = self._some_item(user)
        if item_id is None:
            return await self.add_item(user)
        target = self.rng.choice(sorted(user.carts))
        response = await self._call("PATCH", f"/api/v1/items/{item_id}", user, json={"cart_ids": [target]})
        outcome = self._write_failed(user, self._outcome("PATCH /items/{id}", response, (200,)))
        if outcome.ok and response is not None:
            user.learn_item(response.json())
        return outcome

    async def link_item(self, user: VirtualUser) -> Outcome:
        item_id = self._some_item(user)
        if item_id is None:
            return await self.add_item(user)
        cart_id = self.rng.choice(sorted(user.carts))
        response = await self._call("POST", f"/api/v1/carts/{cart_id}/items/{item_id}", user)
        outcome = self._write_failed(user, self._outcome("POST /carts/{id}/items/{id}", response, (200,)))
        if outcome.ok and response is not None:
            user.learn_item(response.json())
        return outcome

    async def unlink_item(self, user: VirtualUser) -> Outcome:
        item_id = self._some_item(user)
        if item_id is None:
            return await self.add_item(user)
        cart_id = self.rng.choice(sorted(user.items[item_id].cart_ids))
        response = await self._call("DELETE", f"/api/v1/carts/{cart_id}/items/{item_id}", user)
        outcome = self._write_failed(user, self._outcome("DELETE /carts/{id}/items/{id}", response, (204,)))
        if outcome.ok:
            item = user.items[item_id]
            item.cart_ids.discard(cart_id)
            if not item.cart_ids:
                del user.items[item_id]
        return outcome

    async def create_cart(self, user: VirtualUser) -> Outcome:
        if len(user.carts) >= MAX_CARTS_PER_USER:
            return await self.delete_cart(user)
        response = await self._call("POST", "/api/v1/carts", user, json={"name": f"Cart {uuid.uuid4().hex[:8]}"})
        outcome = self._write_failed(user, self._outcome("POST /carts", response, (201,)))
        if outcome.ok and response is not None:
            user.carts.add(response.json()["id"])
        return outcome

    async def delete_cart(self, user: VirtualUser) -> Outcome:
        deletable = sorted(user.carts - {user.default_cart})
        if not deletable:
            return await self.create_cart(user)
        cart_id = self.rng.choice(deletable)
        response = await self._call("DELETE", f"/api/v1/carts/{cart_id}", user)
        outcome = self._write_failed(user, self._outcome("DELETE /carts/{id}", response, (204,)))
        if outcome.ok:
            user.forget_cart(cart_id)
        return outcome

    async def extract(self, user: VirtualUser) -> Outcome:
        url, html = self.rng.choice(self.pages)
        # Half the pages are new to the result cache (another visit, other markup), half were seen before.
        fresh = self.rng.random() < 0.5
        if fresh:
            html = f"{html}<!-- visit {uuid.uuid4().hex} -->"
        response = await self._call("POST", "/api/v1/extract", user, json={"url": url, "html": html})
        outcome = self._outcome(f"POST /extract ({'fresh' if fresh else 'repeat'})", response, (200,))
        if outcome.ok and response is not None and fresh and response.json()["cached"]:
            outcome.note = "POST /extract: a cache hit for a page never sent before"
        return outcome


# ---------------------------------------------------------------------------------------------- pages to extract


def product_page(index: int) -> tuple[str, str]:
    """A small saved product page with JSON-LD, OpenGraph and visible text."""
    name = f"Walnut Desk Lamp No. {index}"
    price = f"{29 + index}.99"
    ld = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": name,
        "sku": f"LAMP-{index:03d}",
        "brand": {"@type": "Brand", "name": "Lumen"},
        "image": f"https://cdn.shop.example/lamp-{index}.jpg",
        "offers": {
            "@type": "Offer",
            "price": price,
            "priceCurrency": "USD",
            "availability": "https://schema.org/InStock",
        },
    }
    html = f"""<!doctype html><html><head><title>{name} | Lumen Shop</title>
<meta property="og:title" content="{name}"><meta property="og:image" content="https://cdn.shop.example/lamp-{index}.jpg">
<script type="application/ld+json">{json.dumps(ld)}</script></head>
<body><nav><a href="/">Home</a> / <a href="/lamps">Lamps</a></nav><main><h1>{name}</h1>
<p class="price">${price}</p><button>Add to cart</button>
<p>{"A warm walnut lamp for late reading. " * 20}</p></main></body></html>"""
    return f"https://shop.example/products/lamp-{index}", html


def load_pages() -> tuple[list[tuple[str, str]], int]:
    """Built-in pages plus a few saved real product pages when ../shared/eval is present."""
    pages = [product_page(i) for i in range(10)]
    truth_file = EVAL_PAGES / "ground_truth.json"
    if not truth_file.exists():
        return pages, 0
    truth = json.loads(truth_file.read_text())
    records = truth.values() if isinstance(truth, dict) else truth
    real = 0
    for source in sorted(EVAL_PAGES.glob("product_classification_*_data/*/source.html")):
        if real >= EVAL_PAGE_COUNT:
            break
        html = source.read_bytes()
        if len(html) > EVAL_PAGE_MAX_BYTES:
            continue
        site = source.parent.name
        url = next(
            (r.get("url") for r in records if isinstance(r, dict) and r.get("site") == site and r.get("url")), None
        )
        pages.append((url or f"https://{site}.example/product", html.decode("utf-8", "replace")))
        real += 1
    return pages, real


# ----------------------------------------------------------------------------------------------- the generator


@dataclass
class PhaseResult:
    name: str
    offered_rps: float | None
    seconds: float
    outcomes: list[tuple[Outcome, float]] = field(default_factory=list)  # (outcome, latency ms)
    lags_ms: list[float] = field(default_factory=list)
    no_idle_user: int = 0
    arrivals: int = 0  # Poisson arrivals drawn in the window (the rate actually offered)
    load_1m: float = 0.0  # the machine's load average at the end of the phase: other work shares the cores
    cpu_cores: dict[str, float] = field(default_factory=dict)  # cores used per process during the phase

    def summary(self) -> dict[str, Any]:
        by_route: dict[str, list[float]] = defaultdict(list)
        errors: Counter[str] = Counter()
        statuses: dict[str, Counter[int]] = defaultdict(Counter)
        notes: Counter[str] = Counter()
        for outcome, latency in self.outcomes:
            by_route[outcome.route].append(latency)
            statuses[outcome.route][outcome.status] += 1
            if not outcome.ok:
                errors[outcome.route] += 1
            if outcome.note:
                notes[outcome.note] += 1
        everything = [latency for _, latency in self.outcomes]
        return {
            "phase": self.name,
            "offered_rps": self.offered_rps,
            "arrivals": self.arrivals,
            "seconds": round(self.seconds, 2),
            "requests": len(self.outcomes),
            "throughput_rps": round(len(self.outcomes) / self.seconds, 1) if self.seconds else 0.0,
            "errors": sum(errors.values()),
            "not_sent_no_idle_user": self.no_idle_user,
            "generator_lag_p99_ms": round(percentile(self.lags_ms, 99), 1),
            "machine_load_1m": round(self.load_1m, 2),
            "cpu_cores_used": self.cpu_cores,
            "all": latency_stats(everything),
            "routes": {
                route: {**latency_stats(samples), "errors": errors[route], "statuses": dict(statuses[route])}
                for route, samples in sorted(by_route.items())
            },
            "consistency_notes_during_traffic": dict(notes),
        }


def percentile(samples: list[float], q: float) -> float:
    if not samples:
        return 0.0
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q / 100 * len(ordered)) - 1))]


def latency_stats(samples: list[float]) -> dict[str, Any]:
    return {
        "n": len(samples),
        "p50_ms": round(percentile(samples, 50), 1),
        "p95_ms": round(percentile(samples, 95), 1),
        "p99_ms": round(percentile(samples, 99), 1),
        "mean_ms": round(statistics.fmean(samples), 1) if samples else 0.0,
    }


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux /proc), threads included."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class CpuMeter:
    """Share of one core each process used between start() and stop(): who was the bottleneck."""

    def __init__(self, pids: dict[str, int]) -> None:
        self.pids = pids
        self._start: dict[str, float] = {}
        self._started_at = 0.0

    def start(self) -> None:
        self._started_at = time.monotonic()
        self._start = {name: cpu_seconds(pid) for name, pid in self.pids.items()}

    def stop(self) -> dict[str, float]:
        elapsed = time.monotonic() - self._started_at
        return {name: round((cpu_seconds(pid) - self._start[name]) / elapsed, 2) for name, pid in self.pids.items()}


class Budget:
    """The script's bound on requests, across phases."""

    def __init__(self, max_requests: int) -> None:
        self.left = max_requests

    def take(self) -> bool:
        if self.left <= 0:
            return False
        self.left -= 1
        return True


async def open_loop(
    mix: Mix,
    users: list[VirtualUser],
    rate: float,
    seconds: float,
    name: str,
    budget: Budget,
    rng: random.Random,
    cpu: CpuMeter,
) -> PhaseResult:
    """Poisson arrivals at `rate`/s for `seconds`; each arrival runs one operation as an idle user."""
    result = PhaseResult(name, rate, seconds)
    cpu.start()
    tasks: set[asyncio.Task[None]] = set()
    loop = asyncio.get_running_loop()
    started = loop.time()
    next_at = started

    async def one(user: VirtualUser, op: str) -> None:
        sent = time.perf_counter()
        try:
            outcome = await mix.run(op, user)
        finally:
            user.busy = False
        result.outcomes.append((outcome, (time.perf_counter() - sent) * 1000))

    while True:
        next_at += rng.expovariate(rate)
        if next_at - started >= seconds or not budget.take():
            break
        await asyncio.sleep(max(0.0, next_at - loop.time()))
        result.arrivals += 1
        result.lags_ms.append(max(0.0, (loop.time() - next_at) * 1000))
        idle = [user for user in rng.sample(users, k=min(len(users), 8)) if not user.busy]
        if not idle:
            result.no_idle_user += 1
            continue
        user = idle[0]
        user.busy = True
        task = asyncio.create_task(one(user, mix.pick()))
        tasks.add(task)
        task.add_done_callback(tasks.discard)
    if tasks:
        await asyncio.wait(tasks, timeout=REQUEST_TIMEOUT_S * 3)
    result.seconds = loop.time() - started
    result.load_1m = os.getloadavg()[0]
    result.cpu_cores = cpu.stop()
    return result


async def generator_ceiling(client: httpx.AsyncClient, seconds: float, concurrency: int) -> float:
    """Requests/s this generator reaches against the cheapest endpoint (closed loop)."""
    count = 0
    stop_at = time.perf_counter() + seconds

    async def worker() -> None:
        nonlocal count
        while time.perf_counter() < stop_at:
            await client.get("/health/live")
            count += 1

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return count / (time.perf_counter() - started)


# ----------------------------------------------------------------------------------------------------- set-up


async def create_users(client: httpx.AsyncClient, count: int, rng: random.Random) -> list[VirtualUser]:
    """Register users through the API (Argon2 and all); each gets a second cart and three items."""
    semaphore = asyncio.Semaphore(8)

    async def one(index: int) -> VirtualUser:
        async with semaphore:
            email = f"load-{index}-{uuid.uuid4().hex[:6]}@example.com"
            response = await client.post("/api/v1/auth/register", json={"email": email, "password": PASSWORD})
            response.raise_for_status()
            pair = response.json()
            headers = {"Authorization": f"Bearer {pair['access_token']}"}
            [default] = (await client.get("/api/v1/carts", headers=headers)).json()["items"]
            second = (await client.post("/api/v1/carts", json={"name": "Wishlist"}, headers=headers)).json()
            user = VirtualUser(
                email, pair["access_token"], pair["refresh_token"], pair["user"]["id"], default["id"],
                {default["id"], second["id"]},
            )  # fmt: skip
        return user

    users = await asyncio.gather(*(one(i) for i in range(count)))
    mix = Mix(client, rng, [])
    for user in users:
        for _ in range(3):
            outcome = await mix.add_item(user)
            assert outcome.ok, f"seeding failed: {outcome}"
    return list(users)


# ----------------------------------------------------------------------------------------------- consistency


async def check_consistency(client: httpx.AsyncClient, mongo_url: str, users: list[VirtualUser]) -> dict[str, Any]:
    """The database against what the API acknowledged, and the API's counts against the database."""
    database_client: MongoClient[dict[str, Any]] = MongoClient(mongo_url)
    with database_client as mongo:
        db = mongo[DB_NAME]
        carts = list(db.carts.find({}, {"user_id": 1}))
        items = list(db.items.find({}, {"user_id": 1, "cart_ids": 1, "canonical_url": 1}))
    cart_owner = {cart["_id"]: cart["user_id"] for cart in carts}
    in_missing_cart = sum(
        1 for item in items if any(cart_owner.get(cart_id) != item["user_id"] for cart_id in item["cart_ids"])
    )
    in_no_cart = sum(1 for item in items if not item["cart_ids"])
    per_url = Counter((item["user_id"], item["canonical_url"]) for item in items)
    duplicates = sum(count - 1 for count in per_url.values() if count > 1)

    db_carts: dict[str, set[str]] = defaultdict(set)
    for cart in carts:
        db_carts[str(cart["user_id"])].add(str(cart["_id"]))
    db_items: dict[str, dict[str, ItemModel]] = defaultdict(dict)
    db_counts: Counter[str] = Counter()
    for item in items:
        db_items[str(item["user_id"])][str(item["_id"])] = ItemModel(
            item["canonical_url"], {str(cart_id) for cart_id in item["cart_ids"]}
        )
        db_counts.update(str(cart_id) for cart_id in item["cart_ids"])

    missing_acknowledged = unexpected = 0
    compared = 0
    for user in users:
        if user.uncertain:
            continue
        compared += 1
        acknowledged = {f"cart:{c}" for c in user.carts} | {
            f"item:{i}:{m.canonical}:{sorted(m.cart_ids)}" for i, m in user.items.items()
        }
        stored = {f"cart:{c}" for c in db_carts[user.user_id]} | {
            f"item:{i}:{m.canonical}:{sorted(m.cart_ids)}" for i, m in db_items[user.user_id].items()
        }
        missing_acknowledged += len(acknowledged - stored)
        unexpected += len(stored - acknowledged)

    count_mismatches = 0
    for user in users:
        response = await client.get("/api/v1/carts?limit=100", headers=user.headers)
        if response.status_code == 401:  # the access token expired during a long run: sign in again
            await Mix(client, random.Random(), []).login(user)
            response = await client.get("/api/v1/carts?limit=100", headers=user.headers)
        for cart in response.json()["items"]:
            count_mismatches += cart["item_count"] != db_counts[cart["id"]]
    return {
        "carts": len(carts),
        "items": len(items),
        "users_compared_exactly": compared,
        "users_with_unknown_write_outcome": len(users) - compared,
        "acknowledged_writes_missing": missing_acknowledged,
        "stored_but_not_acknowledged": unexpected,
        "items_in_deleted_or_foreign_cart": in_missing_cart,
        "items_in_no_cart": in_no_cart,
        "duplicate_items_per_canonical_url": duplicates,
        "api_item_count_mismatches": count_mismatches,
    }


def consistent(report: dict[str, Any]) -> bool:
    keys = (
        "acknowledged_writes_missing",
        "stored_but_not_acknowledged",
        "items_in_deleted_or_foreign_cart",
        "items_in_no_cart",
        "duplicate_items_per_canonical_url",
        "api_item_count_mismatches",
    )
    return all(report[key] == 0 for key in keys)


# ---------------------------------------------------------------------------------------------------- output


def print_phase(summary: dict[str, Any]) -> None:
    offered = f"{summary['offered_rps']:g} req/s offered" if summary["offered_rps"] else "closed loop"
    print(
        f"\n== {summary['phase']}: {offered}, {summary['throughput_rps']} req/s achieved, "
        f"{summary['requests']} requests, {summary['errors']} errors, "
        f"{summary['not_sent_no_idle_user']} not sent (all users busy), "
        f"generator lag p99 {summary['generator_lag_p99_ms']} ms"
    )
    cores = ", ".join(f"{name} {used:g}" for name, used in summary["cpu_cores_used"].items())
    print(f"   cores used: {cores}; machine load average {summary['machine_load_1m']} (2 cores, shared)")
    print(f"   {'route':<32}{'n':>7}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}")
    for route, stats in [*summary["routes"].items(), ("ALL", {**summary["all"], "errors": summary["errors"]})]:
        print(
            f"   {route:<32}{stats['n']:>7}{stats['p50_ms']:>9}{stats['p95_ms']:>9}{stats['p99_ms']:>9}"
            f"{stats['errors']:>8}"
        )
    if summary["consistency_notes_during_traffic"]:
        print(f"   consistency surprises: {summary['consistency_notes_during_traffic']}")


def saturated(summary: dict[str, Any], window_seconds: float) -> bool:
    """The API no longer keeps up: it serves clearly less than the arrivals asked for (completions lag behind,
    or every user is already waiting on one), or requests queue (the median passed a second). Not a tail
    criterion: a sign-in alone (Argon2) takes most of a second on a busy machine."""
    arrived_rps = summary["arrivals"] / window_seconds
    return summary["throughput_rps"] < 0.9 * arrived_rps or summary["all"]["p50_ms"] > 1000


# ------------------------------------------------------------------------------------------------------ main


async def run(args: argparse.Namespace, base_url: str, mongo_url: str, pids: dict[str, int]) -> dict[str, Any]:
    rng = random.Random(args.seed)
    pages, real_pages = load_pages()
    limits = httpx.Limits(max_connections=args.users + 16, max_keepalive_connections=args.users + 16)
    async with httpx.AsyncClient(base_url=base_url, timeout=REQUEST_TIMEOUT_S, limits=limits) as client:
        has_extract = "/api/v1/extract" in (await client.get("/openapi.json")).json()["paths"]
        mix = Mix(client, rng, pages if has_extract else [])
        started = time.perf_counter()
        users = await create_users(client, args.users, rng)
        setup_seconds = time.perf_counter() - started
        ceiling = await generator_ceiling(client, 5.0, 64)
        print(f"set-up: {args.users} users registered and seeded in {setup_seconds:.1f} s")
        print(f"generator ceiling (closed loop, GET /health/live, 64 connections): {ceiling:.0f} req/s")
        if not has_extract:
            print("POST /extract is not in this API: the mix runs without extraction")
        else:
            print(f"extraction pages: {len(pages) - real_pages} built-in, {real_pages} from ../shared/eval")

        budget, cpu = Budget(args.max_requests), CpuMeter(pids)
        ramp: list[dict[str, Any]] = []
        for rate in args.ramp:
            step = await open_loop(mix, users, rate, args.step_seconds, f"ramp {rate:g}/s", budget, rng, cpu)
            summary = step.summary()
            ramp.append(summary)
            print_phase(summary)
            if saturated(summary, args.step_seconds) or budget.left <= 0:
                break
        saturation = max((step["throughput_rps"] for step in ramp), default=0.0)
        if ramp:
            print(f"\n== saturation: {saturation} req/s at most (one Uvicorn worker, embedded SecantusDB)")

        rate = args.rate or round(max(1.0, saturation * STEADY_SHARE_OF_SATURATION), 1)
        steady = await open_loop(mix, users, rate, args.duration, "steady", budget, rng, cpu)
        steady_summary = steady.summary()
        print_phase(steady_summary)
        consistency = await check_consistency(client, mongo_url, users)

    print("\n== consistency after the run:")
    for key, value in consistency.items():
        print(f"   {key:<40}{value}")
    print(f"   verdict: {'CONSISTENT' if consistent(consistency) else 'INCONSISTENT'}")
    return {
        "setup": {
            "users": args.users,
            "seconds": round(setup_seconds, 1),
            "extract": has_extract,
            "pages_builtin": len(pages) - real_pages,
            "pages_eval": real_pages,
        },
        "generator_ceiling_rps": round(ceiling, 1),
        "steady": steady_summary,
        "ramp": ramp,
        "saturation_rps": saturation,
        "consistency": {**consistency, "consistent": consistent(consistency)},
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0], "load_1m_at_end": os.getloadavg()[0]},
    }


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rate", type=float, default=0.0, help="steady arrival rate, req/s (0: half the saturation)")
    parser.add_argument("--duration", type=float, default=60.0, help="steady phase length, s")
    parser.add_argument("--ramp", default="10,20,30,40,60,80,120,160,240", help="comma-separated rates; empty: none")
    parser.add_argument("--step-seconds", type=float, default=10.0)
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--max-requests", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", type=Path, default=Path("load_test.json"))
    args = parser.parse_args()
    args.ramp = [float(rate) for rate in args.ramp.split(",") if rate.strip()]
    return args


def main() -> int:
    args = parse_args()
    with tempfile.TemporaryDirectory(prefix="buyhive-load-") as tmp, api_server(Path(tmp)) as (base, mongo, pids):
        report = asyncio.run(run(args, base, mongo, pids))
    args.json.write_text(json.dumps(report, indent=2))
    print(f"\nwrote {args.json}")
    return 0 if report["consistency"]["consistent"] else 1


if __name__ == "__main__":
    sys.exit(main())
