"""Re-check throughput of one worker process against a local shop with many hosts on 127.0.0.1.

The shop runs in a child process (its CPU is not counted): HOSTS servers on their own ports, each serving PRODUCTS
pages of about --page-kb KB (JSON-LD product + filler), a fifth of the hosts slow (--slow-ms per answer), a tenth
refusing with 429. Every page's price changes on each fetch, so each successful check writes an observation.
One RecheckWorker (--lanes concurrent checks; its scheduler and lanes through the in-process queue, the same code that
drains SQS in production) runs on an embedded SecantusDB until every product was checked once. Prints re-checks/s,
observations written/s, CPU per re-check of the worker process and of the database server, and the worker's peak RSS.

    .venv/bin/python scripts/bench_recheck.py [--hosts 40] [--products 10] [--lanes 8]
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import resource
import sys
import tempfile
import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.clock import utc_now  # noqa: E402
from app.config import Settings  # noqa: E402
from app.db import EmbeddedMongo, make_client  # noqa: E402
from app.indexes import ensure_indexes  # noqa: E402
from app.net import SafeFetcher  # noqa: E402
from app.pricewatch import repository  # noqa: E402
from app.pricewatch.service import host_of  # noqa: E402
from app.pricewatch.worker import RecheckWorker  # noqa: E402

FILLER = "<p>" + "Free shipping on orders over 50. Reviews, sizes and care instructions below. " * 12 + "</p>\n"


def page(product: int, price_cents: int, kilobytes: int) -> bytes:
    head = f"""<html lang="en"><head><title>Product {product} | Bench Shop</title>
<meta property="og:type" content="product"><script type="application/ld+json">{{"@context": "https://schema.org",
"@type": "Product", "name": "Product {product}", "sku": "B-{product}", "offers": {{"@type": "Offer",
"price": "{price_cents / 100:.2f}", "priceCurrency": "USD", "availability": "https://schema.org/InStock"}}}}</script>
</head><body><h1>Product {product}</h1><span class="price">${price_cents / 100:.2f}</span><button>Add to cart</button>
"""
    body = head + FILLER * max(1, kilobytes * 1024 // len(FILLER)) + "</body></html>"
    return body.encode()


def serve_shop(hosts: int, kilobytes: int, slow_ms: int, ports: multiprocessing.Queue) -> None:
    counter = {"n": 0}
    lock = threading.Lock()
    for index in range(hosts):
        slow = index % 5 == 1
        refusing = index % 10 == 3

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            slow_host, refusing_host = slow, refusing

            def do_GET(self) -> None:
                if self.path == "/robots.txt":
                    body, status, kind = b"User-agent: *\nAllow: /\n", 200, "text/plain"
                elif self.refusing_host:
                    body, status, kind = b"", 429, "text/html"
                else:
                    with lock:
                        counter["n"] += 1
                        price = 1000 + counter["n"]
                    if self.slow_host:
                        time.sleep(slow_ms / 1000)
                    body, status, kind = page(int(self.path.rsplit("/", 1)[-1]), price, kilobytes), 200, "text/html"
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                if status == 429:
                    self.send_header("Retry-After", "3600")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        ports.put(server.server_address[1])
    threading.Event().wait()


def server_cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / 100  # utime + stime, in clock ticks of 1/100 s


async def bench(args: argparse.Namespace, mongo: EmbeddedMongo, ports: list[int]) -> None:
    settings = Settings(
        _env_file=None,
        environment="test",
        mongo_url=mongo.url,
        mongo_db="bench_recheck",
        jwt_secret_key="bench-secret-0123456789abcdef0123456789",
        price_recheck_concurrency=args.lanes,
        price_recheck_host_interval_seconds=args.host_interval,
        price_recheck_poll_seconds=args.poll,
        fetch_allow_private_hosts=["127.0.0.1"],
        fetch_allowed_ports=[80, 443, *ports],
    )
    client = make_client(mongo.url, settings)
    db = client[settings.mongo_db]
    await client.drop_database(settings.mongo_db)
    await ensure_indexes(db)
    now = utc_now()
    for port in ports:
        for product in range(args.products):
            url = f"http://127.0.0.1:{port}/p/{product}"
            doc = await repository.ensure_product(db, canonical_url=url, host=host_of(url), now=now)
            await repository.add_watcher(db, product_id=doc["_id"], first_check_at=now)
    total = len(ports) * args.products
    server_pid = mongo._process.pid if mongo._process else 0  # the bench started it: read its CPU time
    async with SafeFetcher(allowed_private_hosts=["127.0.0.1"], allowed_ports=[80, 443, *ports]) as fetcher:
        worker = RecheckWorker(db, fetcher, settings, worker_id="bench")
        cpu0, db_cpu0, wall0 = time.process_time(), server_cpu_seconds(server_pid), time.perf_counter()
        worker.start()
        # Done when nothing is due or in hand: products on refusing hosts wait out their backoff (an hour).
        while time.perf_counter() - wall0 < args.timeout:
            await asyncio.sleep(0.1)
            soon = utc_now() + timedelta(minutes=10)
            waiting = {"checked_at": {"$exists": False}, "next_check_at": {"$lte": soon}}
            if await db["price_products"].count_documents(waiting) == 0:
                break
        checked = await db["price_products"].count_documents({"checked_at": {"$exists": True}})
        wall = time.perf_counter() - wall0
        cpu, db_cpu = time.process_time() - cpu0, server_cpu_seconds(server_pid) - db_cpu0
        await worker.stop()
    observations = await db["price_observations"].count_documents({})
    counts = worker.rechecker.counts
    await client.drop_database(settings.mongo_db)
    await client.close()
    print(f"hosts {len(ports)}, products {total}, lanes {args.lanes}, page ~{args.page_kb} KB, "
          f"host interval {args.host_interval} s")  # fmt: skip
    print(f"checked {checked} in {wall:.1f} s: {checked / wall:.1f} re-checks/s; observations {observations} "
          f"({observations / wall:.1f}/s); outcomes {counts}")  # fmt: skip
    print(f"CPU per re-check: worker {cpu / checked * 1000:.1f} ms, database server {db_cpu / checked * 1000:.1f} ms")
    print(f"worker peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hosts", type=int, default=40)
    parser.add_argument("--products", type=int, default=10, help="products per host")
    parser.add_argument("--lanes", type=int, default=8)
    parser.add_argument("--page-kb", type=int, default=150)
    parser.add_argument("--slow-ms", type=int, default=300)
    parser.add_argument("--host-interval", type=float, default=0.0)
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("--poll", type=float, default=0.5, help="PRICE_RECHECK_POLL_SECONDS (idle lanes)")
    args = parser.parse_args()
    queue: multiprocessing.Queue[int] = multiprocessing.Queue()
    shop = multiprocessing.Process(target=serve_shop, args=(args.hosts, args.page_kb, args.slow_ms, queue), daemon=True)
    shop.start()
    ports = [queue.get(timeout=30) for _ in range(args.hosts)]
    with tempfile.TemporaryDirectory() as data:
        mongo = EmbeddedMongo(Path(data))
        mongo.start()
        try:
            asyncio.run(bench(args, mongo, ports))
        finally:
            mongo.stop()
            shop.terminate()


if __name__ == "__main__":
    main()
