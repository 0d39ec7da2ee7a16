"""A local OpenAI-compatible chat-completions server with scripted replies, for the real groq and openai SDKs.

One server serves both SDKs: the openai SDK posts to `<base_url>/chat/completions`, the groq SDK to
`<base_url>/openai/v1/chat/completions` (its base URL is the host root, like https://api.groq.com).
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from tests.support.servers import StubHandler, StubServer, respond

GROQ_PATH = "/openai/v1/chat/completions"
OPENAI_PATH = "/chat/completions"


@dataclass(frozen=True)
class Reply:
    """One scripted response: an assistant message (status 200) or an error status, optionally late."""

    content: str | None = None
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay_seconds: float = 0.0

    def body(self) -> bytes:
        if self.status != 200:
            return json.dumps({"error": {"message": f"scripted {self.status}", "type": "server_error"}}).encode()
        return json.dumps(
            {
                "id": "chatcmpl-test",
                "object": "chat.completion",
                "created": 1_700_000_000,
                "model": "scripted",
                "choices": [
                    {"index": 0, "message": {"role": "assistant", "content": self.content}, "finish_reason": "stop"}
                ],
                "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
            }
        ).encode()


def answer(**fields: Any) -> Reply:
    """A 200 reply whose assistant content is the JSON object of the given fields."""
    return Reply(content=json.dumps(fields))


UNSCRIPTED = Reply(status=500)


@dataclass(frozen=True)
class ReceivedCall:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]


class ScriptedLlmServer(StubServer):
    """Replies are consumed in order per path; the last `then` reply repeats once the script runs out."""

    def __init__(self) -> None:
        self.calls: list[ReceivedCall] = []
        self._scripts: dict[str, deque[Reply]] = {}
        self._repeat: dict[str, Reply] = {}
        self._lock = threading.Lock()
        super().__init__(fallback=self._serve)

    def reset(self) -> None:
        with self._lock:
            self.calls.clear()
            self._scripts.clear()
            self._repeat.clear()

    def script(self, path: str, *replies: Reply, then: Reply | None = None) -> None:
        with self._lock:
            self._scripts[path] = deque(replies)
            if then is not None:
                self._repeat[path] = then

    def calls_to(self, path: str) -> list[ReceivedCall]:
        with self._lock:
            return [call for call in self.calls if call.path == path]

    def _next_reply(self, call: ReceivedCall) -> Reply:
        with self._lock:
            self.calls.append(call)
            queue = self._scripts.get(call.path)
            if queue:
                return queue.popleft()
            return self._repeat.get(call.path, UNSCRIPTED)

    def _serve(self, handler: StubHandler) -> None:
        headers = {name.lower(): value for name, value in handler.headers.items()}
        reply = self._next_reply(ReceivedCall(handler.path, headers, json.loads(handler.body or b"{}")))
        time.sleep(reply.delay_seconds)  # the client may have given up: that is the point
        respond(reply.status, reply.body(), "application/json", reply.headers)(handler)


@pytest.fixture(name="llm_server", scope="module")
def module_llm_server() -> Iterator[ScriptedLlmServer]:
    """One scripted server for a module's tests; each test calls `reset()` before it scripts."""
    with ScriptedLlmServer() as server:
        yield server
