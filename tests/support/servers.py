"""Stub HTTP servers on 127.0.0.1 for the tests: a table of routes on a free port, answered from a thread.

A route is a function of the request handler: it reads what it needs (`command`, `path`, `headers`, `body`) and
answers through the handler, mostly with `respond(...)`. Every request is recorded in `received`.

    with StubServer({"/ok.png": respond(200, png, "image/png")}) as images:   # a context manager
        fetch(images.url("/ok.png"))

    @pytest.fixture
    def images() -> Iterator[StubServer]:                                      # or in a fixture
        with StubServer(fallback=serve_directory(root)) as server:
            yield server

`stub_server` is a ready fixture: an empty server a test adds routes to.
"""

from __future__ import annotations

import mimetypes
import socket
import ssl
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import pytest

POLL_SECONDS = 0.05  # how long close() may wait for the serving thread to notice


class StubHandler(BaseHTTPRequestHandler):
    """Reads the body, records the request and hands it to the route for its path (the query does not count)."""

    protocol_version = "HTTP/1.1"  # keep-alive, as real servers: every answer states its length or closes
    disable_nagle_algorithm = True  # headers and body go out as separate writes
    server: _HttpServer
    body: bytes = b""

    def _dispatch(self) -> None:
        stub = self.server.stub
        length = int(self.headers.get("Content-Length") or 0)
        self.body = self.rfile.read(length) if length else b""
        headers = {name.lower(): value for name, value in self.headers.items()}
        stub.received.append(ReceivedRequest(self.command, self.path, headers, self.body))
        route = stub.routes.get(self.path.split("?")[0], stub.fallback)
        try:
            route(self)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up, which several tests want

    do_GET = do_HEAD = do_POST = do_PUT = do_DELETE = _dispatch

    def log_message(self, format: str, *args: object) -> None:
        pass


Route = Callable[[StubHandler], None]


@dataclass(frozen=True)
class ReceivedRequest:
    method: str
    path: str  # with its query
    headers: dict[str, str]  # names in lower case
    body: bytes


class _HttpServer(ThreadingHTTPServer):
    daemon_threads = True  # an open keep-alive connection does not hold up close()

    def __init__(self, stub: StubServer) -> None:
        super().__init__(("127.0.0.1", 0), StubHandler)
        self.stub = stub

    def handle_error(self, request: socket.socket | tuple[bytes, socket.socket], client_address: Any) -> None:
        # A client that hangs up on a kept-alive connection is not worth a traceback on stderr.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def respond(
    status: int = 200, body: bytes = b"", content_type: str | None = None, headers: Mapping[str, str] | None = None
) -> Route:
    def route(handler: StubHandler) -> None:
        handler.send_response(status)
        if content_type is not None:
            handler.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        if handler.command != "HEAD":
            handler.wfile.write(body)

    return route


NOT_FOUND = respond(404, b"not found", "text/plain")


def redirect(location: str, status: int = 302) -> Route:
    return respond(status, headers={"Location": location})


def stream(content_type: str, chunks: Sequence[bytes] | Iterator[bytes], interval_s: float = 0.0) -> Route:
    """A body without Content-Length, delimited by closing the connection, sent chunk by chunk."""

    def route(handler: StubHandler) -> None:
        handler.close_connection = True
        handler.send_response(200)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Connection", "close")
        handler.end_headers()
        for chunk in chunks:
            handler.wfile.write(chunk)
            handler.wfile.flush()
            time.sleep(interval_s)

    return route


def serve_directory(root: Path) -> Route:
    """The files below `root` at their relative paths, with the content type their name suggests; others 404."""

    def route(handler: StubHandler) -> None:
        path = (root / handler.path.split("?")[0].lstrip("/")).resolve()
        if not path.is_file() or not path.is_relative_to(root.resolve()):
            NOT_FOUND(handler)
            return
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        respond(200, path.read_bytes(), content_type)(handler)

    return route


class StubServer:
    """An HTTP(S) server on a free 127.0.0.1 port, serving from a thread from the moment it is made until close().

    `routes` maps a path to its route, for every method; any other path goes to `fallback` (404 by default).
    Both may be changed while the server runs.
    """

    def __init__(
        self,
        routes: Mapping[str, Route] | None = None,
        *,
        fallback: Route = NOT_FOUND,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        self.routes: dict[str, Route] = dict(routes or {})
        self.fallback = fallback
        self.received: list[ReceivedRequest] = []
        self.server_names: list[str | None] = []  # TLS SNI of each handshake
        self._httpd = _HttpServer(self)
        if ssl_context is not None:
            ssl_context.sni_callback = lambda _sock, name, _ctx: self.server_names.append(name)
            self._httpd.socket = ssl_context.wrap_socket(self._httpd.socket, server_side=True)
        self.port: int = self._httpd.server_address[1]
        self.scheme = "http" if ssl_context is None else "https"
        threading.Thread(target=self._httpd.serve_forever, args=(POLL_SECONDS,), daemon=True).start()

    @property
    def base_url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}"

    def url(self, path: str = "/", *, host: str = "127.0.0.1", scheme: str | None = None) -> str:
        return f"{scheme or self.scheme}://{host}:{self.port}{path}"

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()


@pytest.fixture
def stub_server() -> Iterator[StubServer]:
    """An empty stub server; the test adds its routes."""
    with StubServer() as server:
        yield server
