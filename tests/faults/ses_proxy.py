"""A fault-injecting proxy between boto3 and moto's SES v2 API.

Every request is forwarded to moto except SendEmail calls, which follow a script: answer a throttle (429
TooManyRequestsException) or a rejection (400 MessageRejected) without forwarding, forward, or hold the request
until the test releases it (to kill the client mid-send) and then forward it or drop the connection.
"""

from __future__ import annotations

import json
import threading
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Literal

import httpx

SEND_PATH = "/v2/email/outbound-emails"
Action = Literal["throttle", "reject", "forward", "hold"]
_FAULTS = {
    "throttle": (429, "TooManyRequestsException", "Maximum sending rate exceeded."),
    "reject": (400, "MessageRejected", "Email address is not verified."),
}


class SesFaultProxy:
    def __init__(self, upstream: str) -> None:
        self.upstream = upstream
        self.send_attempts = 0
        self.forwarded_sends = 0
        self.held = threading.Event()  # set once a send is being held
        self._release = threading.Event()
        self._forward_held = True
        self._script: deque[Action] = deque()
        self._then: Action = "forward"
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def script(self, *actions: Action, then: Action = "forward") -> None:
        """SendEmail calls take these actions in order, then `then` for every later call."""
        with self._lock:
            self._script = deque(actions)
            self._then = then
            self.send_attempts = self.forwarded_sends = 0
            self.held.clear()
            self._release.clear()

    def release(self, *, forward: bool) -> None:
        """Let a held send go on: forwarded to SES (accepted), or dropped (SES never saw it)."""
        self._forward_held = forward
        self._release.set()

    def close(self) -> None:
        self._release.set()
        self._server.shutdown()
        self._server.server_close()

    def _next_action(self) -> Action:
        with self._lock:
            self.send_attempts += 1
            return self._script.popleft() if self._script else self._then

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def _serve(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                if self.command == "POST" and self.path.split("?")[0] == SEND_PATH:
                    action = proxy._next_action()
                    if action in _FAULTS:
                        self._fault(*_FAULTS[action])
                        return
                    if action == "hold":
                        proxy.held.set()
                        proxy._release.wait(60)
                        if not proxy._forward_held:
                            self.close_connection = True
                            return
                    with proxy._lock:
                        proxy.forwarded_sends += 1
                self._forward(body)

            do_GET = do_POST = do_PUT = do_DELETE = _serve

            def _forward(self, body: bytes) -> None:
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "content-length")}
                upstream = httpx.request(
                    self.command, f"{proxy.upstream}{self.path}", headers=headers, content=body, timeout=30
                )
                self._reply(upstream.status_code, upstream.content, upstream.headers.get("content-type"), {})

            def _fault(self, status: int, code: str, message: str) -> None:
                payload = json.dumps({"message": message}).encode()
                self._reply(status, payload, "application/json", {"x-amzn-ErrorType": code})

            def _reply(self, status: int, payload: bytes, content_type: str | None, headers: dict[str, str]) -> None:
                try:
                    self.send_response(status)
                    if content_type:
                        self.send_header("Content-Type", content_type)
                    self.send_header("Content-Length", str(len(payload)))
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client is gone (killed mid-send): that is what some tests do

            def log_message(self, format: str, *args: object) -> None:
                pass

        return Handler
