"""The re-check worker: PRICE_RECHECK_CONCURRENCY loops claiming due products, plus the daily digest sweep.

Runs inside the API process (PRICE_RECHECK_IN_API, the development default) or on its own:

    python -m app.pricewatch.worker

which is how production runs it, as a second ECS service from the same image (README "Price watch"). Any number of
instances share the work through leases in MongoDB; alert emails are queued in the outbox, which the API
instances send.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import socket
import uuid
from typing import Any

from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import ConnectionFailure, ExecutionTimeout

from app.clock import utc_now
from app.config import Settings, get_settings
from app.db import close_database, open_database
from app.indexes import ensure_indexes
from app.logs import configure_logging
from app.net import SafeFetcher
from app.pricewatch import alerts
from app.pricewatch.recheck import Rechecker

logger = logging.getLogger(__name__)

STOP_TIMEOUT_SECONDS = 30.0


class RecheckWorker:
    def __init__(
        self, db: AsyncDatabase, fetcher: SafeFetcher, settings: Settings, *, worker_id: str | None = None
    ) -> None:
        self.settings = settings
        self.db = db
        worker_id = worker_id or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.rechecker = Rechecker(db, fetcher, settings, worker_id=worker_id)
        self._stopping = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []

    def start(self) -> None:
        self._tasks = [
            asyncio.create_task(self._run(lane), name=f"recheck-{lane}")
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
        return {"status": "running" if running else "stopped", **self.rechecker.counts}

    async def _run(self, lane: int) -> None:
        while not self._stopping.is_set():
            try:
                if lane == 0:
                    await alerts.send_digests(self.db, now=utc_now())
                while not self._stopping.is_set() and await self.rechecker.process_next():
                    pass
            except (ConnectionFailure, ExecutionTimeout) as exc:
                logger.warning("recheck pass skipped, database unavailable: %s", type(exc).__name__)
            except Exception:
                logger.exception("recheck pass failed; retrying after the poll interval")
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
