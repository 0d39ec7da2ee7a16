"""Request id and access logging as a pure ASGI middleware (no BaseHTTPMiddleware overhead)."""

from __future__ import annotations

import logging
import re
import time
import uuid

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.observability.metrics import metrics

logger = logging.getLogger("buyhive.access")

REQUEST_ID_HEADER = "X-Request-ID"
_SANE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


def _incoming_request_id(scope: Scope) -> str | None:
    for name, value in scope.get("headers", ()):
        if name == b"x-request-id":
            candidate = value.decode("latin-1")
            return candidate if _SANE_REQUEST_ID.match(candidate) else None
    return None


def _route_template(scope: Scope) -> str:
    """The matched route's full template (`/api/v1/carts/{cart_id}`): bounded metric cardinality, no ids."""
    # FastAPI keeps included routers nested, so `scope["route"].path` lacks the outer prefixes; its effective
    # route context carries the full template. Fall back to the route's own path if that internal changes.
    context = scope.get("fastapi", {}).get("effective_route_context")
    return getattr(context, "path_format", None) or getattr(scope.get("route"), "path", None) or "unmatched"


class RequestContextMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = _incoming_request_id(scope) or uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = MutableHeaders(scope=message)
                headers[REQUEST_ID_HEADER] = request_id
                for name, value in scope["state"].get("response_headers", {}).items():
                    headers.setdefault(name, value)
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            route_path = _route_template(scope)
            duration_ms = (time.perf_counter() - started) * 1000
            metrics.record("Requests", 1, "Count", Route=route_path, Status=f"{status // 100}xx")
            metrics.record("Latency", duration_ms, "Milliseconds", Route=route_path)
            logger.info(
                "request",
                extra={
                    "request_id": request_id,
                    "method": scope["method"],
                    "path": scope["path"],  # never the query string: it may carry secrets
                    "route": route_path,
                    "status": status,
                    "duration_ms": round(duration_ms, 2),
                },
            )
