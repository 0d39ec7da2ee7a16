"""Rate limits live in MongoDB, so several instances share one budget."""

from __future__ import annotations

import uuid
from pathlib import Path

import httpx

from app.db import EmbeddedMongo
from tests.support.app import make_settings, running_app


async def test_two_instances_share_one_login_budget(mongo_server: EmbeddedMongo, tmp_path: Path) -> None:
    shared_db = f"rl_{uuid.uuid4().hex[:8]}"
    settings = make_settings(
        mongo_server.url, tmp_path, mongo_db=shared_db, rate_limit_enabled=True, rate_limit_auth="3/minute"
    )
    body = {"email": "nobody@example.com", "password": "wrong-password"}
    async with running_app(settings) as (_, first), running_app(settings) as (_, second):
        statuses = [
            (await first.post("/api/v1/auth/login", json=body)).status_code,
            (await second.post("/api/v1/auth/login", json=body)).status_code,
            (await first.post("/api/v1/auth/login", json=body)).status_code,
        ]
        assert statuses == [401, 401, 401]
        limited = await second.post("/api/v1/auth/login", json=body)
    assert limited.status_code == 429
    error = limited.json()["error"]
    assert error["code"] == "rate_limited" and error["request_id"] == limited.headers["x-request-id"]
    assert int(limited.headers["retry-after"]) >= 1
    assert limited.headers["x-ratelimit-limit"] == "3"
    assert limited.headers["x-ratelimit-remaining"] == "0"


async def test_limit_headers_on_allowed_requests_and_health_exempt(mongo_server: EmbeddedMongo, tmp_path: Path) -> None:
    settings = make_settings(mongo_server.url, tmp_path, rate_limit_enabled=True, rate_limit_auth="2/minute")
    async with running_app(settings) as (_, client):
        response = await client.post("/api/v1/auth/login", json={"email": "a@example.com", "password": "x"})
        assert response.headers["x-ratelimit-remaining"] == "1"
        for _ in range(5):
            assert (await client.get("/health/live")).status_code == 200


async def test_forwarded_for_trusted_only_from_configured_proxies(mongo_server: EmbeddedMongo, tmp_path: Path) -> None:
    # The ASGI test client connects from 127.0.0.1: trusted here, so each X-Forwarded-For client has its own budget.
    settings = make_settings(
        mongo_server.url, tmp_path, rate_limit_enabled=True, rate_limit_auth="1/minute", trusted_proxies=["127.0.0.1"]
    )
    body = {"email": "a@example.com", "password": "x"}
    async with running_app(settings) as (_, client):
        for ip in ("203.0.113.1", "203.0.113.2"):
            response = await client.post("/api/v1/auth/login", json=body, headers={"X-Forwarded-For": ip})
            assert response.status_code == 401
        again = await client.post("/api/v1/auth/login", json=body, headers={"X-Forwarded-For": "203.0.113.1"})
        assert again.status_code == 429

    untrusted = make_settings(
        mongo_server.url, tmp_path, rate_limit_enabled=True, rate_limit_auth="1/minute", trusted_proxies=["10.0.0.1"]
    )
    async with running_app(untrusted) as (_, client):
        first = await client.post("/api/v1/auth/login", json=body, headers={"X-Forwarded-For": "203.0.113.1"})
        spoofed = await client.post("/api/v1/auth/login", json=body, headers={"X-Forwarded-For": "203.0.113.9"})
        assert first.status_code == 401
        assert spoofed.status_code == 429  # the header is ignored: same peer, same budget


async def test_disabled_rate_limit_never_limits(client: httpx.AsyncClient) -> None:
    for n in range(15):  # each address its own: one address would meet the per-account failed-login throttle
        response = await client.post("/api/v1/auth/login", json={"email": f"a{n}@example.com", "password": "x"})
        assert response.status_code == 401
