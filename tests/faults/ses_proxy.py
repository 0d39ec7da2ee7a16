"""A fault-injecting proxy between boto3 and moto's SES v2 API.

Every request is forwarded to moto except SendEmail calls, which follow a script: answer a throttle (429
TooManyRequestsException) or a rejection (400 MessageRejected) without forwarding, forward, or hold the request
until the test releases it (to kill the client mid-send) and then forward it or drop the connection.
"""

from __future__ import annotations

import json
import threading
from collections import deque
from typing import Literal

import httpx

from tests.support.servers import StubHandler, StubServer, respond

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
        self._server = StubServer(fallback=self._serve)

    @property
    def url(self) -> str:
        return self._server.base_url

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
        self._server.close()

    def _next_action(self) -> Action:
        with self._lock:
            self.send_attempts += 1
            return self._script.popleft() if self._script else self._then

    def _serve(self, handler: StubHandler) -> None:
        if handler.command == "POST" and handler.path.split("?")[0] == SEND_PATH:
            action = self._next_action()
            if action in _FAULTS:
                status, code, message = _FAULTS[action]
                payload = json.dumps({"message": message}).encode()
                respond(status, payload, "application/json", {"x-amzn-ErrorType": code})(handler)
                return
            if action == "hold":
                self.held.set()
                self._release.wait(60)
                if not self._forward_held:
                    handler.close_connection = True
                    return
            with self._lock:
                self.forwarded_sends += 1
        self._forward(handler)

    def _forward(self, handler: StubHandler) -> None:
        headers = {k: v for k, v in handler.headers.items() if k.lower() not in ("host", "content-length")}
        upstream = httpx.request(
            handler.command, f"{self.upstream}{handler.path}", headers=headers, content=handler.body, timeout=30
        )
        respond(upstream.status_code, upstream.content, upstream.headers.get("content-type"))(handler)
