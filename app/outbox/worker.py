"""The outbox worker: claims due emails under a lease, sends them, records the outcome, retries with backoff.

Delivery guarantees, and their limit:
- Claiming is one atomic find_one_and_update, so of several instances exactly one holds an entry at a time.
- An entry is only marked by the worker that still holds its lease. A lease outlives the longest possible send
  (SES connect + read timeouts), so nobody takes an entry over while its send may still be in flight.
- No automatic retry happens after the provider accepted a message: outcomes are recorded right after the call.
- Residual at-least-once window: if the process dies, or MongoDB is unreachable, after the provider accepted a
  message but before the outcome is written, the lease runs out and another worker sends it again. Such a
  duplicate carries the same X-BuyHive-Message-Key header (the outbox id). SES has no idempotency key to close it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import random
import socket
import uuid
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import ConnectionFailure, ExecutionTimeout

from app.clock import utc_now
from app.config import Settings
from app.mail import EmailDeliveryError, EmailSender
from app.outbox import repository
from app.outbox.registry import ComposerRegistry, UnknownKind, composers
from app.outbox.schemas import FAILED, QUEUED, SENT, SKIPPED, OutboxEntry
from app.suppression import service as suppression

logger = logging.getLogger(__name__)

STOP_TIMEOUT_SECONDS = 30.0


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int
    base_seconds: float = 10.0
    max_seconds: float = 900.0

    def delay(self, attempts: int) -> timedelta:
        """Exponential backoff with jitter: instances that failed together do not retry together."""
        ceiling = min(self.max_seconds, self.base_seconds * 2 ** (attempts - 1))
        return timedelta(seconds=random.uniform(ceiling / 2, ceiling))


class OutboxWorker:
    def __init__(
        self,
        db: AsyncDatabase,
        sender: EmailSender,
        settings: Settings,
        *,
        retry: RetryPolicy | None = None,
        worker_id: str | None = None,
        registry: ComposerRegistry = composers,
    ) -> None:
        self.db = db
        self.registry = registry
        self.sender = sender
        self.settings = settings
        self.retry = retry or RetryPolicy(max_attempts=settings.outbox_max_attempts)
        self.worker_id = worker_id or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.lease = timedelta(seconds=settings.outbox_lease_seconds)
        self._stopping = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._counts = {SENT: 0, FAILED: 0, "retried": 0}

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name=f"outbox-worker-{self.worker_id}")

    async def stop(self) -> None:
        """Finish the send in progress (so it is recorded), then stop."""
        self._stopping.set()
        if self._task is None:
            return
        try:
            await asyncio.wait_for(asyncio.shield(self._task), STOP_TIMEOUT_SECONDS)
        except TimeoutError:
            # The entry keeps its lease and is taken over once it runs out.
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    def health(self) -> dict[str, Any]:
        running = self._task is not None and not self._task.done()
        return {"status": "running" if running else "stopped", "backend": self.sender.name, **self._counts}

    async def _run(self) -> None:
        while not self._stopping.is_set():
            try:
                while not self._stopping.is_set() and await self.process_next():
                    pass
            except (ConnectionFailure, ExecutionTimeout) as exc:
                # An outage is reported once per poll as one line; /health/ready tells the rest.
                logger.warning("outbox pass skipped, database unavailable: %s", type(exc).__name__)
            except Exception:
                logger.exception("outbox pass failed; retrying after the poll interval")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), self.settings.outbox_poll_seconds)

    async def process_next(self) -> bool:
        """Claim and handle one entry; False when nothing is due."""
        now = utc_now()
        entry = await repository.claim_abandoned(self.db, worker_id=self.worker_id, now=now, lease=self.lease)
        if entry is not None:
            logger.warning(
                "outbox: taking over an entry whose lease ran out; its previous attempt may have been sent",
                extra={"outbox_id": str(entry["_id"]), "attempts": entry["attempts"]},
            )
        else:
            entry = await repository.claim_due(self.db, worker_id=self.worker_id, now=now, lease=self.lease)
        if entry is None:
            return False
        await self._deliver(entry)
        return True

    async def _deliver(self, entry: OutboxEntry) -> None:
        attempts = entry["attempts"]
        if attempts > self.retry.max_attempts:  # every earlier holder died mid-attempt: stop the loop here
            reason = entry.get("error") or "the worker stopped while sending"
            await self._finish(entry, FAILED, error=f"gave up after {attempts - 1} attempts: {reason}")
            return
        try:
            composer = self.registry.composer_for(entry["kind"])
            message = await composer(entry, db=self.db, settings=self.settings)
            if message is None:
                await self._finish(entry, SKIPPED)
                return
            # Every send asks the suppression list, whatever its kind: who unsubscribed, bounced or complained.
            blocked = await suppression.blocked(self.db, message.to, unsolicited=message.unsubscribe_url is not None)
            if blocked:
                remaining = tuple(address for address in message.to if address not in blocked)
                if not remaining:
                    reasons = ", ".join(sorted(set(blocked.values())))
                    await self._finish(entry, SKIPPED, error=f"recipient suppressed ({reasons})")
                    return
                message = replace(message, to=remaining)
            provider_message_id = await self.sender.send(message)
        except EmailDeliveryError as exc:
            await self._failed_attempt(entry, exc.reason, transient=exc.transient)
            return
        except UnknownKind as exc:
            # Retried like any failure, then failed with this reason: during a rolling deploy an older instance
            # may claim a kind only newer code registers, and a later attempt lands on a newer one.
            logger.error("outbox: %s", exc, extra={"outbox_id": str(entry["_id"])})
            await self._failed_attempt(entry, str(exc), transient=True)
            return
        except Exception as exc:  # a bug or a database hiccup while composing: retry, bounded like any other
            logger.exception("outbox: unexpected error", extra={"outbox_id": str(entry["_id"])})
            await self._failed_attempt(entry, f"unexpected: {type(exc).__name__}", transient=True)
            return
        await self._finish(entry, SENT, provider_message_id=provider_message_id, sent_at=utc_now(), error=None)

    async def _failed_attempt(self, entry: OutboxEntry, reason: str, *, transient: bool) -> None:
        if transient and entry["attempts"] < self.retry.max_attempts:
            next_attempt_at = utc_now() + self.retry.delay(entry["attempts"])
            await self._finish(entry, QUEUED, error=reason, next_attempt_at=next_attempt_at)
            return
        await self._finish(entry, FAILED, error=reason)

    async def _finish(self, entry: OutboxEntry, status: str, **changes: Any) -> None:
        now = utc_now()
        recorded = await repository.finish(
            self.db,
            entry_id=entry["_id"],
            worker_id=self.worker_id,
            changes={"status": status, "updated_at": now, **changes},
        )
        log_extra = {"outbox_id": str(entry["_id"]), "kind": entry["kind"], "attempts": entry["attempts"]}
        if not recorded:  # we outlived our lease and someone else took over: they decide the outcome
            logger.warning("outbox: lease lost before the outcome was recorded", extra=log_extra)
            return
        counter = "retried" if status == QUEUED else status
        self._counts[counter] = self._counts.get(counter, 0) + 1
        level = logging.WARNING if status in (FAILED, QUEUED) else logging.INFO
        logger.log(level, f"outbox: {status}", extra={**log_extra, "error": changes.get("error")})
