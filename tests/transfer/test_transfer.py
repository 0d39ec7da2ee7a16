"""Export of carts as CSV and JSON, import of our own export (exact round trip) and of plain URL lists."""

from __future__ import annotations

import csv
import io
import json

import httpx
import pytest

from tests.support.accounts import Account
from tests.support.factories import add_item, create_cart

HOSTILE = "=cmd|' /C calc'!A0"
IMPORT = "/api/v1/carts/import"


@pytest.fixture
async def filled(client: httpx.AsyncClient, alice: Account) -> None:
    """Carts with every field in use, hostile cells, an item in two carts, and an empty cart."""
    gifts = await create_cart(client, alice, "Gifts ü")
    await create_cart(client, alice, "Empty one")
    await add_item(
        client, alice, url="https://shop.example/kettle", name=HOSTILE, price="19.90", currency="EUR", quantity=2,
        brand="+Brew", variant="@large", sku="-12", gtin="4006381333931", mpn="MPN-1",
        image_url="https://img.example/k.png", description="Line one\nline two, \"quoted\"", notes="'=already quoted",
        cart_ids=[alice.default_cart_id, gifts["id"]],
    )  # fmt: skip
    await add_item(client, alice, url="https://shop.example/mug", name="Mug", cart_ids=[gifts["id"]])


async def _export(client: httpx.AsyncClient, account: Account, fmt: str) -> httpx.Response:
    response = await client.get("/api/v1/carts/export", params={"format": fmt}, headers=account.headers)
    assert response.status_code == 200, response.text
    return response


async def _import(client: httpx.AsyncClient, account: Account, body: bytes, kind: str) -> httpx.Response:
    return await client.post(IMPORT, content=body, headers={**account.headers, "Content-Type": kind})


@pytest.mark.parametrize(("fmt", "kind"), [("json", "application/json"), ("csv", "text/csv")])
async def test_our_export_imports_to_the_same_carts_and_items(
    client: httpx.AsyncClient, alice: Account, bob: Account, filled: None, fmt: str, kind: str
) -> None:
    exported = await _export(client, alice, fmt)
    assert exported.headers["content-disposition"].startswith('attachment; filename="buyhive-carts-')

    report = await _import(client, bob, exported.content, kind)

    assert report.status_code == 200, report.text
    assert (report.json()["created"], report.json()["merged"], report.json()["rejected"]) == (2, 1, 0)
    assert (await _export(client, bob, fmt)).content == exported.content  # byte for byte
    carts = (await client.get("/api/v1/carts", headers=bob.headers)).json()["items"]
    assert [c["name"] for c in carts] == ["My Cart", "Gifts ü", "Empty one"]


async def test_csv_export_is_safe_to_open_in_a_spreadsheet(
    client: httpx.AsyncClient, alice: Account, filled: None
) -> None:
    text = (await _export(client, alice, "csv")).text

    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert "'" + HOSTILE in cells and "'+Brew" in cells and "'-12" in cells and "''=already quoted" in cells
    # JSON is data, not a spreadsheet: values as they are.
    document = json.loads((await _export(client, alice, "json")).text)
    assert document["carts"][0]["items"][0]["name"] == HOSTILE


async def test_one_cart_exports_alone(client: httpx.AsyncClient, alice: Account, filled: None) -> None:
    carts = (await client.get("/api/v1/carts", headers=alice.headers)).json()["items"]
    gifts = next(c for c in carts if c["name"] == "Gifts ü")

    response = await client.get(f"/api/v1/carts/{gifts['id']}/export", params={"format": "json"}, headers=alice.headers)

    document = response.json()
    assert [c["name"] for c in document["carts"]] == ["Gifts ü"]
    assert [i["name"] for i in document["carts"][0]["items"]] == [HOSTILE, "Mug"]  # in the order added


async def test_a_plain_list_of_urls_creates_items_and_reports_each_row(
    client: httpx.AsyncClient, alice: Account
) -> None:
    body = b"https://shop.example/a\r\n\r\nhttps://shop.example/b?utm_source=x\nnot a url\nhttps://shop.example/a\n"

    response = await _import(client, alice, body, "text/csv")

    assert response.status_code == 200, response.text
    report = response.json()
    assert [(r["row"], r["status"]) for r in report["rows"]] == [
        (1, "created"), (2, "created"), (3, "rejected"), (4, "merged")
    ]  # fmt: skip
    assert "url" in report["rows"][2]["reason"]
    names = [i["name"] for i in (await client.get("/api/v1/items", headers=alice.headers)).json()["items"]]
    assert names == ["https://shop.example/b?utm_source=x", "https://shop.example/a"]  # the URL until renamed


async def test_a_csv_with_its_own_columns_files_items_into_named_carts(
    client: httpx.AsyncClient, alice: Account
) -> None:
    body = (
        b"URL,Name,Cart,Price,Currency\n"
        b"https://shop.example/a,Lamp,Living room,12.50,EUR\n"
        b"https://shop.example/b,Rug,living ROOM,abc,EUR\n"
        b"https://shop.example/c,Vase,,3,\n"
    )

    report = (await _import(client, alice, body, "text/csv")).json()

    assert [r["status"] for r in report["rows"]] == ["created", "rejected", "rejected"]
    assert "price" in report["rows"][1]["reason"] and "currency" in report["rows"][2]["reason"]
    carts = (await client.get("/api/v1/carts", headers=alice.headers)).json()["items"]
    assert [(c["name"], c["item_count"]) for c in carts] == [("My Cart", 0), ("Living room", 1)]


@pytest.mark.parametrize(
    ("body", "kind", "status"),
    [
        ("https://shop.example/é\n".encode("latin-1"), "text/csv", 422),  # not UTF-8
        (b"https://shop.example/a\x00\n", "text/csv", 200),  # NUL: the row is rejected (report), nothing saved
        (b"url\n" + b"https://shop.example/x\n" * 1001, "text/csv", 422),  # too many rows
        (b"url,name\nhttps://shop.example/x," + b"a" * 200_000 + b"\n", "text/csv", 422),  # a huge cell
        (b"u" * (1024 * 1024 + 1), "text/csv", 413),
        (b'{"carts": []}', "application/json", 422),  # not our format
        (b"[1, 2", "application/json", 422),
        (b"https://shop.example/a", "application/vnd.ms-excel", 415),
    ],
)
async def test_hostile_files_are_refused_and_save_nothing(
    client: httpx.AsyncClient, alice: Account, body: bytes, kind: str, status: int
) -> None:
    response = await _import(client, alice, body, kind)

    assert response.status_code == status, response.text
    assert (await client.get("/api/v1/items", headers=alice.headers)).json()["items"] == []


async def test_hostile_cells_are_kept_as_text_and_neutralised_on_the_way_out(
    client: httpx.AsyncClient, alice: Account
) -> None:
    body = f'url,name,notes\nhttps://shop.example/a,"{HOSTILE.replace(chr(34), 2 * chr(34))}",@SUM(1+1)\n'.encode()

    assert (await _import(client, alice, body, "text/csv")).json()["created"] == 1

    [item] = (await client.get("/api/v1/items", headers=alice.headers)).json()["items"]
    assert (item["name"], item["notes"]) == (HOSTILE, "@SUM(1+1)")
    exported = (await _export(client, alice, "csv")).text
    assert "'@SUM(1+1)" in exported and "'" + HOSTILE in exported
