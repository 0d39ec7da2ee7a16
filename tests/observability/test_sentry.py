"""An unhandled error reaches Sentry (a local HTTP endpoint as the DSN) and carries no secret."""

from __future__ import annotations

import gzip
import json
import threading
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import sentry_sdk
from fastapi import APIRouter

from main import create_app
from tests.support.app import make_settings

SECRET_PASSWORD = "hunter2-super-secret"
BEARER = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"


class _Collector(BaseHTTPRequestHandler):
    received: list[bytes] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        encoding = self.headers.get("Content-Encoding", "")
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "deflate":
            body = zlib.decompress(body)
        _Collector.received.append(body)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args: object) -> None:
        pass


async def test_unhandled_error_reported_without_secrets(mongo_server, tmp_path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Collector)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    dsn = f"http://publickey@127.0.0.1:{server.server_address[1]}/1"
    settings = make_settings(mongo_server.url, tmp_path, sentry_dsn=dsn, release="abc123")
    app = create_app(settings)
    boom = APIRouter()

    @boom.post("/boom")
    async def explode() -> None:
        raise RuntimeError(f"failed while handling Bearer {BEARER}")

    app.include_router(boom)
    import httpx

    try:
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
            async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
                response = await client.post(
                    "/boom",
                    json={"password": SECRET_PASSWORD},
                    headers={"Authorization": f"Bearer {BEARER}", "Cookie": f"session={SECRET_PASSWORD}"},
                )
        assert response.status_code == 500
        assert response.json()["error"]["code"] == "internal_error"
        sentry_sdk.flush(timeout=5)
        payload = b"\n".join(_Collector.received).decode("utf-8", "replace")
        assert "RuntimeError" in payload
        assert '"release":"abc123"' in payload.replace(" ", "") or '"release": "abc123"' in payload
        assert SECRET_PASSWORD not in payload
        assert BEARER not in payload
        events = [json.loads(line) for line in payload.splitlines() if line.startswith("{") and '"exception"' in line]
        assert events and events[0]["environment"] == "test"
    finally:
        sentry_sdk.get_client().close()
        sentry_sdk.init(dsn=None)
        server.shutdown()
