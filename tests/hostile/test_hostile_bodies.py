"""Bodies no client should send: oversized, malformed, deeply nested, invalid UTF-8, huge pages.

Each gets a clear 4xx in the error envelope (never a 500) and leaves the database as it was.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from tests.hostile.snapshot import snapshot
from tests.support.accounts import Account

ITEMS = "/api/v1/items"
EXTRACT = "/api/v1/extract"
DEFAULT_LIMIT = 64 * 1024
EXTRACT_LIMIT = 4 * 1024 * 1024


def _item(account: Account, **fields: object) -> dict[str, object]:
    return {"url": "https://shop.example/p/1", "name": "Lamp", "cart_ids": [account.default_cart_id], **fields}


def _assert_envelope(response: httpx.Response, status: int) -> dict[str, object]:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert isinstance(error["code"], str) and error["message"]
    assert error["request_id"] == response.headers["X-Request-ID"]
    return error


async def _post_raw(client: httpx.AsyncClient, account: Account, path: str, content: bytes) -> httpx.Response:
    headers = {**account.headers, "Content-Type": "application/json"}
    return await client.post(path, content=content, headers=headers)


async def test_body_over_the_limit_is_413_whether_declared_or_streamed(
    app: FastAPI, client: httpx.AsyncClient, alice: Account
) -> None:
    db = app.state.database.db
    before = await snapshot(db)
    oversized = json.dumps(_item(alice, notes="x" * DEFAULT_LIMIT)).encode()

    async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: counted as it arrives
        for start in range(0, len(oversized), 8192):
            yield oversized[start : start + 8192]

    declared = await _post_raw(client, alice, ITEMS, oversized)
    streamed = await client.post(ITEMS, content=chunks(), headers={**alice.headers, "Content-Type": "application/json"})

    assert _assert_envelope(declared, 413)["code"] == "payload_too_large"
    assert _assert_envelope(streamed, 413)["code"] == "payload_too_large"
    assert await snapshot(db) == before


async def test_extract_takes_a_whole_page_but_not_more(client: httpx.AsyncClient, alice: Account) -> None:
    over = json.dumps({"url": "https://shop.example/p", "html": "<p>" + "a" * EXTRACT_LIMIT}).encode()
    too_many_chars = {"url": "https://shop.example/p", "html": "<p>" + "a" * 3_000_001}

    assert _assert_envelope(await _post_raw(client, alice, EXTRACT, over), 413)["code"] == "payload_too_large"
    assert _assert_envelope(await client.post(EXTRACT, json=too_many_chars, headers=alice.headers), 422)


@pytest.mark.parametrize(
    "content",
    [
        b'{"url": "https://shop.example/p", "name": ',  # truncated
        b"{'url': 'https://shop.example/p'}",  # not JSON
        b'{"url": "https://shop.example/p", "name": "\xff\xfe lamp", "cart_ids": []}',  # invalid UTF-8
        b"\xef\xbb\xbf\x00\x00",  # a byte-order mark and NULs
        b"[" * 30_000 + b"]" * 30_000,  # nested far past any parser's recursion limit
        b'{"a":' * 10_000 + b"1" + b"}" * 10_000,
        b'"just a string"',
        b"null",
        b"",
    ],
    ids=[
        "truncated",
        "single-quotes",
        "invalid-utf8",
        "bom-nul",
        "deep-arrays",
        "deep-objects",
        "string",
        "null",
        "empty",
    ],
)
async def test_malformed_json_is_a_clear_4xx_and_stores_nothing(
    content: bytes, app: FastAPI, client: httpx.AsyncClient, alice: Account
) -> None:
    db = app.state.database.db
    before = await snapshot(db)

    for path in (ITEMS, EXTRACT, f"/api/v1/carts/{alice.default_cart_id}/share"):
        response = await _post_raw(client, alice, path, content)
        assert response.status_code in (400, 422), (path, response.status_code, response.text)
        _assert_envelope(response, response.status_code)
    assert await snapshot(db) == before


async def test_deeply_nested_values_in_valid_json_are_refused(
    app: FastAPI, client: httpx.AsyncClient, alice: Account
) -> None:
    db = app.state.database.db
    before = await snapshot(db)
    nested = '{"a":[' * 1000 + '"deep"' + "]}" * 1000  # valid JSON, 2000 levels deep
    item = json.dumps(_item(alice))

    bodies = {
        ITEMS: [item.replace('"Lamp"', nested), item.replace(f'["{alice.default_cart_id}"]', f"[{nested}]")],
        EXTRACT: ['{"url": "https://shop.example/p", "image_urls": ' + nested + "}"],
    }
    for path, contents in bodies.items():
        for content in contents:
            response = await _post_raw(client, alice, path, content.encode())
            assert response.status_code in (400, 422), (path, response.text[:300])
            _assert_envelope(response, response.status_code)
            assert len(response.content) < 20_000  # the error names the problem; it does not echo the input back
    assert await snapshot(db) == before


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "image/png"]
)
async def test_other_content_types_are_refused(
    content_type: str, app: FastAPI, client: httpx.AsyncClient, alice: Account
) -> None:
    db = app.state.database.db
    before = await snapshot(db)

    response = await client.post(
        ITEMS, content=json.dumps(_item(alice)).encode(), headers={**alice.headers, "Content-Type": content_type}
    )

    assert 400 <= response.status_code < 500
    _assert_envelope(response, response.status_code)
    assert await snapshot(db) == before


@pytest.mark.parametrize(
    "field,value",
    [
        ("name", "\x00"),
        ("name", "\ud800"),  # a lone surrogate: not encodable as UTF-8
        ("url", "https://shop.example/\ud800"),
        ("url", "https://" + "a" * 5000 + ".example/"),
        ("price", "NaN"),
        ("price", "1e999999"),
        ("price", "-0.01"),
        ("quantity", 10**30),
        ("cart_ids", ["0" * 24] * 10_000),
        ("currency", "usd\x00"),
    ],
)
async def test_hostile_field_values_are_refused_or_stored_harmlessly(
    field: str, value: object, client: httpx.AsyncClient, alice: Account
) -> None:
    body = json.dumps(_item(alice, **{field: value}), ensure_ascii=True).encode()

    response = await _post_raw(client, alice, ITEMS, body)

    assert response.status_code in (201, 404, 413, 422), response.text
    if response.status_code >= 400:
        _assert_envelope(response, response.status_code)
    else:  # accepted: it reads back exactly as stored
        saved = response.json()
        again = await client.get(f"{ITEMS}/{saved['id']}", headers=alice.headers)
        assert again.json() == saved


@pytest.mark.slow
async def test_huge_pages_get_an_answer_not_a_crash(client: httpx.AsyncClient, alice: Account) -> None:
    pages = {
        "deep-divs": "<div>" * 200_000 + "x" + "</div>" * 200_000,
        "many-scripts": '<script type="application/ld+json">{"@type":"Product","name":"x"}</script>' * 30_000,
        "unclosed": "<html><body><p><b><i><table><tr><td" * 40_000,
        "one-huge-attribute": '<img src="' + "a" * 2_900_000 + '">',
        "json-ld-bomb": '<script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000 + "</script>",
    }
    for name, html in pages.items():
        response = await client.post(
            EXTRACT, json={"url": f"https://shop.example/{name}", "html": html}, headers=alice.headers
        )
        assert response.status_code in (200, 413, 422), (name, response.status_code, response.text[:300])
        if response.status_code == 200:
            assert isinstance(response.json()["is_product"], bool), name
