"""One error envelope for every failure, and an X-Request-ID on every response."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from app.db import EmbeddedMongo
from main import create_app
from tests.support.accounts import Account
from tests.support.app import make_settings

GENERATED_ID = re.compile(r"^[0-9a-f]{32}$")


def assert_envelope(response: httpx.Response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    error = response.json()["error"]
    assert set(error) <= {"code", "message", "request_id", "details"}
    assert error["code"] == code
    assert isinstance(error["message"], str) and error["message"]
    assert error["request_id"] == response.headers["X-Request-ID"]
    return error


async def test_unknown_route_is_404_envelope(client: httpx.AsyncClient) -> None:
    error = assert_envelope(await client.get("/api/v1/nothing-here"), 404, "not_found")
    assert GENERATED_ID.match(error["request_id"])


async def test_wrong_method_is_405_envelope(client: httpx.AsyncClient) -> None:
    response = await client.put("/api/v1/carts")
    assert_envelope(response, 405, "method_not_allowed")
    assert "GET" in response.headers["Allow"]


async def test_validation_error_is_422_envelope_with_details(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/v1/auth/register", json={"email": "not-an-email", "password": 12})

    error = assert_envelope(response, 422, "validation_error")
    locs = {tuple(detail["loc"]) for detail in error["details"]}
    assert locs == {("body", "email"), ("body", "password")}
    assert all(set(detail) == {"loc", "msg", "type"} for detail in error["details"])


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/v1/auth/register", {"email": "a@example.com", "password": "Sh0rt!"}),
        ("/api/v1/auth/register", {"email": "a@example.com", "password": "Sup3rS3cret-" * 12}),
        ("/api/v1/auth/register", {"email": "bad", "password": "Sup3rS3cret-pw"}),
        ("/api/v1/auth/register", {"email": "a@example.com", "password": "Sup3rS3cret-pw", "extra": "Sup3rS3cret"}),
        ("/api/v1/auth/login", {"email": "a@example.com", "password": "Sup3rS3cret-" * 12}),
        ("/api/v1/auth/login", {"email": "bad", "password": "Sup3rS3cret-pw"}),
    ],
)
async def test_validation_errors_never_echo_the_password(client: httpx.AsyncClient, path: str, body: dict) -> None:
    response = await client.post(path, json=body)

    assert_envelope(response, 422, "validation_error")
    assert "Sup3rS3cret" not in response.text and "Sh0rt!" not in response.text


async def test_malformed_json_is_422_without_echo(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/api/v1/auth/login",
        content=b'{"email": "a@example.com", "password": "Sup3rS3cret-pw"',
        headers={"Content-Type": "application/json"},
    )

    assert_envelope(response, 422, "validation_error")
    assert "Sup3rS3cret" not in response.text


async def test_domain_errors_use_the_envelope(client: httpx.AsyncClient, alice: Account) -> None:
    assert_envelope(await client.get("/api/v1/auth/me"), 401, "unauthorized")
    duplicate = await client.post("/api/v1/carts", json={"name": "My Cart"}, headers=alice.headers)
    assert_envelope(duplicate, 409, "conflict")
    missing = await client.get("/api/v1/carts/" + "0" * 24, headers=alice.headers)
    assert_envelope(missing, 404, "not_found")


async def test_success_responses_carry_a_fresh_request_id(client: httpx.AsyncClient) -> None:
    first = await client.get("/health/live")
    second = await client.get("/health/live")

    assert GENERATED_ID.match(first.headers["X-Request-ID"])
    assert first.headers["X-Request-ID"] != second.headers["X-Request-ID"]


@pytest.mark.parametrize("incoming", ["abc-123", "1-5f84c7a1-abc:span.7_x", "a" * 128])
async def test_a_sane_incoming_request_id_is_kept(client: httpx.AsyncClient, incoming: str) -> None:
    ok = await client.get("/health/live", headers={"X-Request-ID": incoming})
    failed = await client.get("/api/v1/auth/me", headers={"X-Request-ID": incoming})

    assert ok.headers["X-Request-ID"] == incoming
    assert failed.headers["X-Request-ID"] == incoming
    assert failed.json()["error"]["request_id"] == incoming


@pytest.mark.parametrize(
    "incoming",
    ["", "has spaces", "a" * 129, "<script>alert(1)</script>", "new\\nline", "semi;colon", "caf\u00e9"],
)
async def test_an_insane_incoming_request_id_is_replaced(client: httpx.AsyncClient, incoming: str) -> None:
    response = await client.get("/api/v1/auth/me", headers={b"X-Request-ID": incoming.encode("latin-1")})

    assert GENERATED_ID.match(response.headers["X-Request-ID"])
    assert response.json()["error"]["request_id"] == response.headers["X-Request-ID"]


@pytest.fixture
async def app_with_a_crashing_route(mongo_server: EmbeddedMongo, tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(make_settings(mongo_server.url, tmp_path))

    async def crash() -> None:
        raise RuntimeError("secret internals")

    app.add_api_route("/crash", crash)
    async with app.router.lifespan_context(app):
        # raise_app_exceptions=False: see the response the server sends, as a real client would.
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            yield client


async def test_unhandled_error_is_500_envelope_with_request_id(app_with_a_crashing_route: httpx.AsyncClient) -> None:
    response = await app_with_a_crashing_route.get("/crash", headers={"X-Request-ID": "trace-500"})

    error = assert_envelope(response, 500, "internal_error")
    assert error["request_id"] == "trace-500"
    assert "secret internals" not in response.text
