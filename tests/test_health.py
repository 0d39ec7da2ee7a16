"""Health probes: live while the process runs, ready while MongoDB answers, detail without secrets."""

from __future__ import annotations

from pathlib import Path

import httpx
from bson import ObjectId
from fastapi import FastAPI

from app.auth.tokens import create_access_token
from app.db import EmbeddedMongo
from tests.support.app import make_settings, running_app


async def test_live(client: httpx.AsyncClient) -> None:
    response = await client.get("/health/live")
    assert (response.status_code, response.json()) == (200, {"status": "ok"})


async def test_ready_when_the_database_answers(client: httpx.AsyncClient) -> None:
    response = await client.get("/health/ready")
    assert (response.status_code, response.json()) == (200, {"status": "ok"})


async def test_health_reports_components_without_secrets(client: httpx.AsyncClient, app: FastAPI) -> None:
    response = await client.get("/health")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["components"]["database"] == {"status": "ok", "embedded": False}
    assert body["components"]["email"]["backend"] == "file"
    settings = app.state.settings
    for secret in (settings.jwt_secret_key, settings.mongo_url, str(settings.mongo_url).split("?")[0]):
        assert secret not in response.text


async def test_probes_are_public(client: httpx.AsyncClient) -> None:
    for path in ("/health/live", "/health/ready", "/health"):
        response = await client.get(path, headers={"Authorization": "Bearer forged"})
        assert response.status_code == 200, path


async def test_database_down_makes_ready_503_and_api_calls_503(tmp_path: Path) -> None:
    server = EmbeddedMongo(tmp_path / "db")
    server.start()
    settings = make_settings(server.url, tmp_path, mongo_timeout_ms=300)
    try:
        async with running_app(settings) as (app, client):
            assert (await client.get("/health/ready")).status_code == 200
            server.stop(timeout=0.1)  # killed rather than shut down cleanly: the database "crashes"

            ready = await client.get("/health/ready")
            assert ready.status_code == 503
            assert ready.json()["error"] == {
                "code": "not_ready",
                "message": "Database is not answering",
                "request_id": ready.headers["X-Request-ID"],
                "details": {"checks": {"database": "down"}},
            }
            assert (await client.get("/health/live")).status_code == 200
            detail = await client.get("/health")
            assert detail.json()["status"] == "degraded"
            assert detail.json()["components"]["database"]["status"] == "down"

            token, _ = create_access_token(ObjectId(), settings, session_id=ObjectId())
            transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
            async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as plain_client:
                carts = await plain_client.get("/api/v1/carts", headers={"Authorization": f"Bearer {token}"})
            assert carts.status_code == 503
            assert carts.json()["error"]["code"] == "database_unavailable"
            assert carts.json()["error"]["request_id"] == carts.headers["X-Request-ID"]
    finally:
        server.stop()
