"""What the product form shows beside a page's price: the lowest and highest BuyHive has seen lately."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import httpx
from pymongo.asynchronous.database import AsyncDatabase

from app.clock import utc_now
from app.pricewatch import service
from tests.pricewatch.pages import product_page
from tests.support.accounts import Account

URL = "https://shop.example/p/kettle"


async def _extract(client: httpx.AsyncClient, account: Account, html: str, url: str = URL) -> dict[str, Any]:
    response = await client.post("/api/v1/extract", json={"url": url, "html": html}, headers=account.headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_the_answer_carries_the_lowest_price_seen_lately(
    client: httpx.AsyncClient, alice: Account, bob: Account, db: AsyncDatabase[dict[str, Any]]
) -> None:
    await service.record_price(db, url=URL, price=Decimal("79.50"), currency="USD", source="recheck",
                               now=utc_now() - timedelta(days=10))  # fmt: skip
    await service.record_price(db, url=URL, price=Decimal("59.00"), currency="USD", source="recheck",
                               now=utc_now() - timedelta(days=50))  # fmt: skip

    answer = await _extract(client, bob, product_page("100.00"), url=URL + "?utm_source=mail")

    tracking = answer["price_tracking"]
    assert tracking["current"]["price"] == "100.00"  # this page's own price is already in
    assert (tracking["lowest_30d"]["price"], tracking["highest_30d"]["price"]) == ("79.50", "100.00")
    assert tracking["lowest_90d"]["price"] == "59.00"
    # nothing in it says who else saw the product
    assert set(tracking) == {
        "current", "lowest_30d", "highest_30d", "lowest_90d", "highest_90d", "last_change_at", "last_seen_at",
        "status", "status_message",
    }  # fmt: skip


async def test_a_first_sighting_has_only_itself_and_other_pages_have_none(
    client: httpx.AsyncClient, alice: Account
) -> None:
    first = await _extract(client, alice, product_page("42.00"), url="https://shop.example/p/new-kettle")
    assert first["price_tracking"]["lowest_30d"]["price"] == "42.00"

    article = "<html><head><meta property='og:type' content='article'></head><body><h1>News</h1></body></html>"
    answer = await _extract(client, alice, article, url="https://news.example/story/1")
    assert answer["is_product"] is False and answer["price_tracking"] is None
