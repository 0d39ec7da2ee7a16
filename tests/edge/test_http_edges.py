"""CORS, security headers and body limits."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx

from app.db import EmbeddedMongo
from tests.support.accounts import Account
from tests.support.app import make_settings, running_app

EXTENSION = "chrome-extension://abcdefghijklmnopabcdefghijklmnop"


async def test_cors_preflight_allows_the_extension_and_refuses_others(
    mongo_server: EmbeddedMongo, tmp_path: Path
) -> None:
    settings = make_settings(mongo_server.url, tmp_path, allowed_origins=[EXTENSION])
    preflight = {
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization,content-type",
    }
    async with running_app(settings) as (_, client):
        allowed = await client.options("/api/v1/items", headers={"Origin": EXTENSION, **preflight})
        refused = await client.options("/api/v1/items", headers={"Origin": "https://evil.example", **preflight})
        simple = await client.get("/health/live", headers={"Origin": EXTENSION})
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == EXTENSION
    assert "authorization" in allowed.headers["access-control-allow-headers"].lower()
    assert refused.status_code == 400
    assert "access-control-allow-origin" not in refused.headers
    assert simple.headers["access-control-allow-origin"] == EXTENSION
    assert "x-request-id" in simple.headers["access-control-expose-headers"].lower()


async def test_security_headers_and_hsts_only_in_production(
    client: httpx.AsyncClient, mongo_server: EmbeddedMongo, tmp_path: Path
) -> None:
    response = await client.get("/health/live")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert "strict-transport-security" not in response.headers

    production = make_settings(mongo_server.url, tmp_path, environment="production")
    async with running_app(production) as (_, prod_client):
        prod = await prod_client.get("/health/live")
        docs = await prod_client.get("/docs")
    assert prod.headers["strict-transport-security"].startswith("max-age=")
    assert docs.status_code == 404


async def test_docs_served_outside_production(client: httpx.AsyncClient) -> None:
    assert (await client.get("/docs")).status_code == 200
    assert (await client.get("/openapi.json")).status_code == 200


async def test_oversized_bodies_get_413_envelope_and_extract_allows_more(
    client: httpx.AsyncClient, alice: Account
) -> None:
    big = {"url": "https://shop.example/p", "name": "x", "notes": "n" * 70_000, "cart_ids": [alice.default_cart_id]}
    response = await client.post("/api/v1/items", json=big, headers=alice.headers)
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"
    assert response.headers["x-request-id"] == response.json()["error"]["request_id"]
    assert (await client.get("/api/v1/items", headers=alice.headers)).json()["items"] == []

    # Streamed without Content-Length: counted as it arrives.
    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(80):
            yield b"x" * 1024

    streamed = await client.post(
        "/api/v1/items", content=chunks(), headers={**alice.headers, "Content-Type": "application/json"}
    )
    assert streamed.status_code == 413

    # /extract takes whole pages: a 1 MB body is not refused for its size.
    page = {"url": "https://shop.example/p", "html": "<p>" + "a" * 1_000_000 + "</p>"}
    extract = await client.post("/api/v1/extract", json=page, headers=alice.headers)
    assert extract.status_code != 413
