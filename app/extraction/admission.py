"""Admission to /extract: at most EXTRACT_MAX_CONCURRENT extractions per process, a short wait, then 503.

A 3 MB page costs tens of MB while it is parsed, and unbounded, 40 of them at once took one process from
125 MB to 2 GB and starved every other request (docs/RELIABILITY.md). The raw body is read before a slot is
taken, so a client sending slowly never holds one; a waiting request holds only its raw bytes (at most
MAX_EXTRACT_BODY_BYTES), not the decoded page. A request that gets no slot within EXTRACT_QUEUE_WAIT_SECONDS
answers 503 `service_unavailable` with Retry-After.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Coroutine
from typing import Any

import anyio
from fastapi import Request, Response
from fastapi.routing import APIRoute

from app.errors import ServiceUnavailable
from app.observability.metrics import metrics
from app.state import app_state

logger = logging.getLogger(__name__)


class ExtractionGate:
    def __init__(self, *, max_concurrent: int, queue_wait_seconds: float) -> None:
        self._slots = anyio.Semaphore(max_concurrent)
        self.queue_wait_seconds = queue_wait_seconds

    async def acquire(self) -> None:
        """Take a slot, waiting at most queue_wait_seconds; raises 503 with Retry-After when none frees up."""
        with anyio.move_on_after(self.queue_wait_seconds):
            await self._slots.acquire()
            return
        logger.info("extraction refused: all slots busy")
        metrics.record("ExtractionRefused", 1, "Count")
        retry_after = str(max(1, math.ceil(self.queue_wait_seconds)))
        raise ServiceUnavailable("Extraction is busy; retry shortly", headers={"Retry-After": retry_after})

    def release(self) -> None:
        self._slots.release()


class AdmittedRoute(APIRoute):
    """A route whose handling (JSON decoding, validation, extraction) runs inside an extraction slot."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handle = super().get_route_handler()

        async def admitted(request: Request) -> Response:
            gate = app_state(request).extraction_gate
            await request.body()  # cached on the request: the handler decodes these same bytes
            await gate.acquire()
            try:
                return await handle(request)
            finally:
                gate.release()

        return admitted
