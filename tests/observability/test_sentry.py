"""An unhandled error reaches Sentry (a local HTTP endpoint as the DSN) and carries no secret."""

from __future__ import annotations

import gzip
import json
import zlib
from pathlib import Path

import sentry_sdk
from fastapi import APIRouter

from app.db import EmbeddedMongo
from main import create_app
from tests.support.app import make_settings
from tests.support.servers import ReceivedRequest, StubServer, respond

SECRET_PASSWORD = "hunter2-super-secret"
BEARER = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"


def _decompressed(request: ReceivedRequest) -> bytes:
    encoding = request.headers.get("content-encoding", "")
    if encoding == "gzip":
        return gzip.decompress(request.body)
    if encoding == "deflate":
        return zlib.decompress(request.body)
    return request.body


async def test_unhandled_error_reported_without_secrets(mongo_server: EmbeddedMongo, tmp_path: Path) -> None:
    server = StubServer(fallback=respond(200, b"{}"))  # Sentry's ingest endpoint
    dsn = f"http://publickey@127.0.0.1:{server.port}/1"
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
        payload = b"\n".join(_decompressed(request) for request in server.received).decode("utf-8", "replace")
        assert "RuntimeError" in payload
        assert '"release":"abc123"' in payload.replace(" ", "") or '"release": "abc123"' in payload
        assert SECRET_PASSWORD not in payload
        assert BEARER not in payload
        events = [json.loads(line) for line in payload.splitlines() if line.startswith("{") and '"exception"' in line]
        assert events and events[0]["environment"] == "test"
    finally:
        sentry_sdk.get_client().close()
        sentry_sdk.init(dsn=None)
        server.close()
