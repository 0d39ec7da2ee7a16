"""Slow clients (issue 13, finding 5): a body trickled in too slowly is answered 408 and the request ends, over a
real socket to Uvicorn (an in-process transport hands the app the whole body at once)."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from app.db import EmbeddedMongo
from main import create_app
from tests.hostile.fuzzing import serve_in_thread
from tests.support.app import make_settings

LOGIN = "/api/v1/auth/login"


def test_a_body_that_does_not_arrive_in_time_gets_408_and_the_envelope(
    mongo_server: EmbeddedMongo, tmp_path: Path
) -> None:
    settings = make_settings(mongo_server.url, tmp_path, body_read_timeout_seconds=0.5)
    with serve_in_thread(create_app(settings)) as base_url:
        address = urlsplit(base_url)
        with socket.create_connection((address.hostname, address.port), timeout=15) as slow:
            head = f"POST {LOGIN} HTTP/1.1\r\nHost: api\r\nContent-Type: application/json\r\nContent-Length: 60\r\n\r\n"
            slow.sendall(head.encode() + b'{"email": "a')  # ...and the rest never comes
            answer = b""
            while b"\r\n\r\n" not in answer or not answer.rstrip().endswith(b"}"):
                chunk = slow.recv(4096)
                if not chunk:
                    break
                answer += chunk
        on_time = httpx.post(f"{base_url}{LOGIN}", json={"email": "a@example.com", "password": "x"}, timeout=15)

    status_line, _, rest = answer.partition(b"\r\n")
    assert status_line.startswith(b"HTTP/1.1 408"), answer
    error = json.loads(rest.partition(b"\r\n\r\n")[2])["error"]
    assert error["code"] == "request_timeout"
    assert on_time.status_code == 401  # a body sent at once is read as usual
