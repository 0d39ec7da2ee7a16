"""GTIN and MPN on items: stored and returned in one normal form, refused (422) when they cannot be one, by the
same rules extraction applies."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from pymongo.asynchronous.database import AsyncDatabase

from tests.support.accounts import Account
from tests.support.factories import add_item

ITEMS = "/api/v1/items"


async def test_gtin_and_mpn_round_trip(client: httpx.AsyncClient, alice: Account) -> None:
    item = await add_item(client, alice, gtin="4006381333931", mpn="WH-1000XM4")

    fetched = (await client.get(f"{ITEMS}/{item['id']}", headers=alice.headers)).json()
    assert (fetched["gtin"], fetched["mpn"]) == ("4006381333931", "WH-1000XM4")


@pytest.mark.parametrize(
    ("sent", "stored"),
    [
        ("4 006381 333931", "4006381333931"),  # as printed under the barcode
        ("036000291452", "036000291452"),  # a UPC keeps its leading zero
        ("0-306-40615-2", "9780306406157"),  # an ISBN-10 is stored as its ISBN-13
    ],
)
async def test_gtins_are_stored_in_normal_form(
    client: httpx.AsyncClient, alice: Account, sent: str, stored: str
) -> None:
    assert (await add_item(client, alice, gtin=sent))["gtin"] == stored


@pytest.mark.parametrize(
    "fields",
    [
        {"gtin": "4006381333932"},  # wrong check digit
        {"gtin": "12345"},
        {"gtin": "0000000000000"},
        {"gtin": 4006381333931},  # a number would lose a UPC's leading zero
        {"gtin": "EAN 4006381333931"},
        {"mpn": "Wireless headphones"},  # words, not a part number
        {"mpn": "x"},
        {"mpn": "M" * 41},
    ],
    ids=lambda fields: f"{next(iter(fields))}-{next(iter(fields.values()))}"[:30],
)
async def test_invalid_identifiers_are_422(
    client: httpx.AsyncClient, db: AsyncDatabase[dict[str, Any]], alice: Account, fields: dict
) -> None:
    body = {"url": "https://shop.example/p/1", "name": "Kettle", "cart_ids": [alice.default_cart_id], **fields}

    response = await client.post(ITEMS, json=body, headers=alice.headers)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"][-1] == next(iter(fields))
    assert await db.items.count_documents({}) == 0


async def test_identifiers_can_be_changed_and_cleared(client: httpx.AsyncClient, alice: Account) -> None:
    item = await add_item(client, alice, gtin="4006381333931", mpn="AK-1700")
    url = f"{ITEMS}/{item['id']}"

    changed = await client.patch(url, json={"gtin": "96385074", "mpn": None}, headers=alice.headers)
    assert changed.status_code == 200
    assert (changed.json()["gtin"], changed.json()["mpn"]) == ("96385074", None)

    refused = await client.patch(url, json={"gtin": "96385075"}, headers=alice.headers)
    assert refused.status_code == 422
    assert (await client.get(url, headers=alice.headers)).json()["gtin"] == "96385074"
