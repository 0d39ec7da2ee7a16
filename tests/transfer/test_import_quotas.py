"""An import cannot grow an account past its quotas: each row beyond them is refused in the report, the rows
before it are saved, and what the person already saved still files into carts."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from app.db import EmbeddedMongo
from tests.support.accounts import fast_account
from tests.support.app import make_settings, running_app
from tests.support.factories import add_item

ITEM_QUOTA = 3
CART_QUOTA = 2  # the default cart counts


@pytest.fixture
async def small_quotas(mongo_server: EmbeddedMongo, tmp_path: Path) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
    settings = make_settings(
        mongo_server.url, tmp_path, quota_items_per_user=ITEM_QUOTA, quota_carts_per_user=CART_QUOTA
    )
    async with running_app(settings) as pair:
        yield pair


async def test_rows_beyond_the_quotas_are_refused_one_by_one(small_quotas: tuple[FastAPI, httpx.AsyncClient]) -> None:
    app, client = small_quotas
    alice = await fast_account(app, client, "alice@example.com")
    await add_item(client, alice, url="https://shop.example/saved", name="Saved before")
    body = (
        b"url,name,cart\n"
        b"https://shop.example/1,One,\n"
        b"https://shop.example/2,Two,Garden\n"
        b"https://shop.example/3,Three,\n"  # the account now holds 3 items: its quota
        b"https://shop.example/4,Four,\n"
        b"https://shop.example/saved,Saved before,Garden\n"  # already saved: filed into the cart, no new item
        b"https://shop.example/5,Five,Kitchen\n"  # a third cart: over the cart quota before the item is tried
    )

    response = await client.post(
        "/api/v1/carts/import", content=body, headers={**alice.headers, "Content-Type": "text/csv"}
    )

    assert response.status_code == 200, response.text
    report = response.json()
    assert [(r["row"], r["status"]) for r in report["rows"]] == [
        (1, "created"), (2, "created"), (3, "rejected"), (4, "rejected"), (5, "merged"), (6, "rejected")
    ]  # fmt: skip
    assert (report["created"], report["merged"], report["rejected"]) == (2, 1, 3)
    assert (
        report["rows"][2]["reason"]
        == report["rows"][3]["reason"]
        == f"You have reached the limit of {ITEM_QUOTA} items"
    )
    assert report["rows"][5]["reason"] == f"You have reached the limit of {CART_QUOTA} carts"
    items = (await client.get("/api/v1/items?limit=100", headers=alice.headers)).json()["items"]
    assert sorted(i["name"] for i in items) == ["One", "Saved before", "Two"]
    carts = (await client.get("/api/v1/carts", headers=alice.headers)).json()["items"]
    assert [(c["name"], c["item_count"]) for c in carts] == [("My Cart", 2), ("Garden", 2)]
