"""The re-check worker: a scheduler sending due products to the queue (SQS, or in-process), PRICE_RECHECK_CONCURRENCY
lanes draining it, and the daily digest sweep.

Runs inside the API process (PRICE_RECHECK_IN_API, the development default) or on its own:

    python -m app.pricewatch.worker

which is how production runs it, as a second ECS service from the same image, draining the SQS queue
PRICE_RECHECK_QUEUE_URL (README "Price watch"). Any number of instances share the work through leases in MongoDB;
alert emails are queued in the outbox, which the API instances send.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import socket
import uuid
from datetime import datetime, timedelta
from typing import Any

from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import ConnectionFailure, ExecutionTimeout

from app.clock import utc_now
from app.config import Settings, get_settings
from app.db import close_database, open_database
from app.indexes import ensure_indexes
from app.items import service as items_service  # noqa: F401 (imported for what it registers with price watch)
from app.logs import configure_logging
from app.net import SafeFetcher
from app.pricewatch import alerts, service
from app.pricewatch.queue import Delivery, RecheckQueue, ScheduledCheck, make_queue
from app.pricewatch.recheck import Rechecker
from app.pricewatch.schedule import BATCH as SCHEDULE_BATCH
from app.pricewatch.schedule import enqueue_due

logger = logging.getLogger(__name__)

STOP_TIMEOUT_SECONDS = 30.0
SWEEP_EVERY = timedelta(hours=1)  # products nobody saves, watches or sees any more (app/pricewatch/service.py)


class RecheckWorker:
    """A scheduler loop (due products to the queue, the daily digest sweep, prices saves left queued, forgotten
    products) and PRICE_RECHECK_CONCURRENCY lanes draining the queue. Many instances are safe: the leases in MongoDB
    decide who checks what."""

    def __init__(
        self,
        db: AsyncDatabase,
        fetcher: SafeFetcher,
        settings: Settings,
        *,
        worker_id: str | None = None,
        queue: RecheckQueue | None = None,
    ) -> None:
        self.settings = settings
        self.db = db
        worker_id = worker_id or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.rechecker = Rechecker(db, fetcher, settings, worker_id=worker_id)
        self.queue = queue or make_queue(settings)
        self.counts = {"enqueued": 0, "unreadable": 0, "forgotten_swept": 0}
        self._swept_at: datetime | None = None
        self._stopping = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []

    def start(self) -> None:
        self._tasks = [asyncio.create_task(self._schedule(), name="recheck-schedule")]
        self._tasks += [
            asyncio.create_task(self._consume(), name=f"recheck-{lane}")
            for lane in range(self.settings.price_recheck_concurrency)
        ]

    async def stop(self) -> None:
        """Let the checks in progress finish (so they are recorded), then stop; a stuck one's lease runs out."""
        self._stopping.set()
        if not self._tasks:
            return
        _done, pending = await asyncio.wait(self._tasks, timeout=STOP_TIMEOUT_SECONDS)
        for task in pending:
            task.cancel()
        for task in pending:
            with contextlib.suppress(asyncio.CancelledError):
                await task

    def health(self) -> dict[str, Any]:
        running = any(not task.done() for task in self._tasks)
        return {"status": "running" if running else "stopped", **self.rechecker.counts, **self.counts}

    async def schedule_once(self) -> int:
        """Send every due product's message (in batches); returns how many were sent."""
        sent = 0
        while not self._stopping.is_set():
            batch = await enqueue_due(self.db, self.queue, now=utc_now())
            sent += batch
            if batch < SCHEDULE_BATCH:
                break
        self.counts["enqueued"] += sent
        return sent

    async def consume_once(self) -> int:
        """Receive one message (waiting a little for it) and handle it; returns how many were received."""
        deliveries = await self.queue.receive(1)
        for delivery in deliveries:
            await self._handle(delivery)
        return len(deliveries)

    async def _handle(self, delivery: Delivery) -> None:
        try:
            check = ScheduledCheck.parse(delivery.body)
        except ValueError:
            # Left in the queue: redelivered until the redrive policy moves it to the dead-letter queue to be read.
            self.counts["unreadable"] += 1
            logger.warning("recheck: unreadable queue message left for the dead-letter queue")
            return
        await self.rechecker.process_scheduled(check.product_id, check.due)
        # Deleted once the outcome is recorded; a failure above leaves it to be delivered again.
        await self.queue.delete(delivery)

    async def _schedule(self) -> None:
        while not self._stopping.is_set():
            try:
                await alerts.send_digests(self.db, now=utc_now())
                await self.schedule_once()
                # Prices saves queued whose recording after the response failed or died with its process.
                await service.record_queued_prices(self.db)
                await self._sweep_forgotten_products()
            except (ConnectionFailure, ExecutionTimeout) as exc:
                logger.warning("recheck scheduling skipped, database unavailable: %s", type(exc).__name__)
            except Exception:
                logger.exception("recheck scheduling failed; retrying after the poll interval")
            await self._pause()

    async def _sweep_forgotten_products(self) -> None:
        """At most once per SWEEP_EVERY per process (several instances sweeping at once is only wasted work)."""
        now = utc_now()
        if self._swept_at is not None and now - self._swept_at < SWEEP_EVERY:
            return
        self._swept_at = now
        swept = await service.sweep_forgotten_products(self.db, now=now)
        self.counts["forgotten_swept"] += swept

    async def _consume(self) -> None:
        while not self._stopping.is_set():
            try:
                await self.consume_once()
            except (ConnectionFailure, ExecutionTimeout) as exc:
                logger.warning("recheck skipped, database unavailable: %s", type(exc).__name__)
                await self._pause()
            except Exception:
                logger.exception("recheck failed; the message is delivered again after its visibility timeout")
                await self._pause()

    async def _pause(self) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopping.wait(), self.settings.price_recheck_poll_seconds)


def make_fetcher(settings: Settings) -> SafeFetcher:
    return SafeFetcher(
        allowed_private_hosts=settings.fetch_allow_private_hosts, allowed_ports=settings.fetch_allowed_ports
    )


async def run(settings: Settings) -> None:
    """The worker as its own process: until SIGTERM or SIGINT."""
    database = await open_database(settings)
    try:
        await ensure_indexes(database.db)
        async with make_fetcher(settings) as fetcher:
            worker = RecheckWorker(database.db, fetcher, settings)
            worker.start()
            stop = asyncio.Event()
            loop = asyncio.get_running_loop()
            for signum in (signal.SIGTERM, signal.SIGINT):
                loop.add_signal_handler(signum, stop.set)
            logger.info("price recheck worker started", extra={"lanes": settings.price_recheck_concurrency})
            await stop.wait()
            await worker.stop()
    finally:
        await close_database(database)


def main() -> None:
    settings = get_settings()
    configure_logging(settings)
    asyncio.run(run(settings))


if __name__ == "__main__":
    main()
