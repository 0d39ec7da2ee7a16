"""Money: decimal strings in JSON, Decimal128 in MongoDB, ISO-4217 currencies, never a float."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import httpx
import pytest
from bson.decimal128 import Decimal128
from pymongo.asynchronous.database import AsyncDatabase

from tests.support.accounts import Account

ITEMS = "/api/v1/items"


async def _post(client: httpx.AsyncClient, account: Account, **fields: Any) -> httpx.Response:
    body = {"url": "https://shop.example/p", "name": "Kettle", "cart_ids": [account.default_cart_id], **fields}
    return await client.post(ITEMS, json=body, headers=account.headers)


@pytest.mark.parametrize(
    ("sent", "returned"),
    [("19.99", "19.99"), ("0", "0"), ("0.5", "0.5"), ("1000000000", "1000000000"), ("19.9999", "19.9999")],
)
async def test_prices_round_trip_as_exact_decimal_strings(
    client: httpx.AsyncClient, db: AsyncDatabase[dict[str, Any]], alice: Account, sent: str, returned: str
) -> None:
    response = await _post(client, alice, price=sent, currency="USD")

    assert response.status_code == 201
    assert response.json()["price"] == returned
    # A JSON string, never a number (the item's own price, and the prices in price_tracking)
    assert f'"price":"{returned}"' in response.text and f'"price":{returned}' not in response.text
    stored = await db.items.find_one({})
    assert stored is not None and isinstance(stored["price"], Decimal128)
    assert stored["price"].to_decimal() == Decimal(sent)
    fetched = await client.get(f"{ITEMS}/{response.json()['id']}", headers=alice.headers)
    assert fetched.json()["price"] == returned
    # The price tracking, filled in once the save's price is recorded (just after its answer).
    assert fetched.json()["price_tracking"]["current"]["price"] == returned
    assert f'"price":{returned}' not in fetched.text


async def test_patched_price_is_stored_as_decimal128(
    client: httpx.AsyncClient, db: AsyncDatabase[dict[str, Any]], alice: Account
) -> None:
    item = (await _post(client, alice, price="1.10", currency="GBP")).json()

    response = await client.patch(f"{ITEMS}/{item['id']}", json={"price": "0.30"}, headers=alice.headers)

    assert response.json()["price"] == "0.30"
    stored = await db.items.find_one({})
    assert stored is not None and stored["price"] == Decimal128("0.30")


@pytest.mark.parametrize(
    "price",
    [
        19.99,
        0.1,
        "-1",
        "-0.01",
        "NaN",
        "Infinity",
        "-Infinity",
        "abc",
        "",
        "1.23456",
        "1000000000.01",
        "1e999",
        "1e3",
        "1E-2",
        "1_000",
        "0x10",
        "19,99",
        True,
        [],
        {"amount": "1"},
    ],
)
async def test_bad_prices_are_422(
    client: httpx.AsyncClient, db: AsyncDatabase[dict[str, Any]], alice: Account, price: Any
) -> None:
    response = await _post(client, alice, price=price, currency="USD")

    assert response.status_code == 422, response.text
    assert response.json()["error"]["details"][0]["loc"][-1] == "price"
    assert await db.items.count_documents({}) == 0


@pytest.mark.parametrize("currency", ["usd", "USD", " eur ", "JPY", "CHF"])
async def test_iso_currencies_are_accepted_upper_cased(
    client: httpx.AsyncClient, alice: Account, currency: str
) -> None:
    response = await _post(client, alice, price="1.00", currency=currency)

    assert response.status_code == 201
    assert response.json()["currency"] == currency.strip().upper()


@pytest.mark.parametrize("currency", ["US", "USDX", "XYZ", "$", "dollar", "", 840, None])
async def test_bad_currencies_are_422(client: httpx.AsyncClient, alice: Account, currency: Any) -> None:
    response = await _post(client, alice, price="1.00", currency=currency)
    assert response.status_code == 422


async def test_price_without_currency_is_422(client: httpx.AsyncClient, alice: Account) -> None:
    response = await _post(client, alice, price="1.00")

    assert response.status_code == 422
    assert "currency is required" in response.json()["error"]["details"][0]["msg"]


async def test_currency_without_price_is_allowed(client: httpx.AsyncClient, alice: Account) -> None:
    response = await _post(client, alice, currency="USD")

    assert response.status_code == 201
    assert (response.json()["price"], response.json()["currency"]) == (None, "USD")


@pytest.mark.parametrize("price", [19.99, "-1", "NaN", "1.23456", "1e3"])
async def test_bad_prices_are_422_on_patch_too(client: httpx.AsyncClient, alice: Account, price: Any) -> None:
    item = (await _post(client, alice, price="1.00", currency="USD")).json()

    response = await client.patch(f"{ITEMS}/{item['id']}", json={"price": price}, headers=alice.headers)

    assert response.status_code == 422
    assert (await client.get(f"{ITEMS}/{item['id']}", headers=alice.headers)).json()["price"] == "1.00"
