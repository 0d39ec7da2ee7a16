"""Security headers and request body limits, as pure ASGI middleware."""

from __future__ import annotations

import asyncio

from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.errors import PayloadTooLarge, RequestTimeout, error_response

_BASE_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Resource-Policy": "same-site",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
}
# /docs loads Swagger UI from a CDN, so its page gets a policy that allows it.
_DOCS_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline' cdn.jsdelivr.net; style-src 'self' 'unsafe-inline' cdn.jsdelivr.net; img-src 'self' data: fastapi.tiangolo.com; frame-ancestors 'none'"  # noqa: E501
_HSTS = "max-age=63072000; includeSubDomains"


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp, *, hsts: bool) -> None:
        self.app = app
        self.hsts = hsts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in _BASE_HEADERS.items():
                    headers.setdefault(name, value)
                if scope["path"] == "/docs":
                    headers["Content-Security-Policy"] = _DOCS_CSP
                if self.hsts:
                    headers["Strict-Transport-Security"] = _HSTS
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimitMiddleware:
    """Refuse bodies over the limit with 413 before the app buffers them (`/extract` may carry whole pages), and
    bodies still arriving `read_timeout` seconds after the request began with 408: a client that trickles its body
    (slowloris on the body) cannot hold a request, and its memory, open for long. Uvicorn has no such bound."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        default_limit: int,
        large_limit: int,
        large_paths: tuple[str, ...],
        read_timeout: float,
    ) -> None:
        self.app = app
        self.default_limit = default_limit
        self.large_limit = large_limit
        self.large_paths = large_paths
        self.read_timeout = read_timeout

    def _limit_for(self, path: str) -> int:
        return self.large_limit if path.startswith(self.large_paths) else self.default_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self._limit_for(scope["path"])
        declared = dict(scope.get("headers", ())).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            await self._reject(scope, receive, send, limit)
            return
        received = 0
        complete = False
        deadline = asyncio.get_running_loop().time() + self.read_timeout

        async def counting_receive() -> Message:
            # A chunked body without Content-Length is counted as it streams in; the app's error handler turns
            # the exception into the 413 (or 408) envelope. HTTPException, as FastAPI answers any other exception
            # raised while it reads a body with 400.
            nonlocal received, complete
            if complete:  # after the body, receive() only waits for the client to disconnect: no deadline
                return await receive()
            try:
                message = await asyncio.wait_for(receive(), deadline - asyncio.get_running_loop().time())
            except TimeoutError:
                raise HTTPException(
                    RequestTimeout.status_code, detail=f"Request body not received within {self.read_timeout:g} s"
                ) from None
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise HTTPException(PayloadTooLarge.status_code, detail=f"Request body exceeds {limit} bytes")
                complete = not message.get("more_body", False)
            return message

        await self.app(scope, counting_receive, send)

    @staticmethod
    async def _reject(scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        error = PayloadTooLarge(f"Request body exceeds {limit} bytes")
        response = error_response(Request(scope), error.status_code, error.code, error.message)
        await response(scope, receive, send)
