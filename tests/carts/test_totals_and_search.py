"""GET /carts/{id}: totals per currency; GET /carts/{id}/items: search, sort and cursor pages that hold to the sort."""

from __future__ import annotations

import httpx
import pytest

from tests.support.accounts import Account
from tests.support.factories import add_item, create_cart

CARTS = "/api/v1/carts"


async def test_totals_are_exact_per_currency_and_never_mixed(client: httpx.AsyncClient, alice: Account) -> None:
    gifts = await create_cart(client, alice, "Gifts")
    rows = [("a", "0.10", "USD", 3), ("b", "0.20", "USD", 1), ("c", "19.99", "EUR", 2)]
    for path, price, currency, quantity in rows:
        await add_item(
            client, alice, url=f"https://shop.example/{path}", price=price, currency=currency, quantity=quantity,
            cart_ids=[gifts["id"]],
        )  # fmt: skip
    await add_item(client, alice, url="https://shop.example/d", cart_ids=[gifts["id"]])  # no price: not summed
    await add_item(client, alice, url="https://shop.example/elsewhere", price="5", currency="USD")  # another cart

    detail = (await client.get(f"{CARTS}/{gifts['id']}", headers=alice.headers)).json()

    # 0.10 * 3 + 0.20 is 0.5 exactly (a float sum would give 0.5000000000000001).
    assert detail["totals"] == [
        {"currency": "EUR", "amount": "39.98", "item_count": 1},
        {"currency": "USD", "amount": "0.50", "item_count": 2},
    ]
    assert detail["item_count"] == 4
    assert detail["unpriced_item_count"] == 1


async def test_totals_follow_edits(client: httpx.AsyncClient, alice: Account) -> None:
    item = await add_item(client, alice, price="10.00", currency="GBP")
    await client.patch(f"/api/v1/items/{item['id']}", json={"quantity": 4}, headers=alice.headers)

    detail = (await client.get(f"{CARTS}/{alice.default_cart_id}", headers=alice.headers)).json()

    assert detail["totals"] == [{"currency": "GBP", "amount": "40.00", "item_count": 1}]


async def _items(client: httpx.AsyncClient, account: Account, **params: str | int) -> list[str]:
    response = await client.get(f"{CARTS}/{account.default_cart_id}/items", params=params, headers=account.headers)
    assert response.status_code == 200, response.text
    return [item["name"] for item in response.json()["items"]]


async def _walk(client: httpx.AsyncClient, account: Account, sort: str, limit: int, **params: str) -> list[str]:
    names: list[str] = []
    cursor = None
    while True:
        query: dict[str, str | int] = {"sort": sort, "limit": limit, **params}
        if cursor:
            query["cursor"] = cursor
        response = await client.get(f"{CARTS}/{account.default_cart_id}/items", params=query, headers=account.headers)
        assert response.status_code == 200, response.text
        names += [item["name"] for item in response.json()["items"]]
        cursor = response.json()["next_cursor"]
        if cursor is None:
            return names
        assert len(names) < 100, "pagination does not terminate"


@pytest.fixture
async def shelf(client: httpx.AsyncClient, alice: Account) -> list[str]:
    """Items in the order they were added; two share a price and two share a name but for case."""
    rows = [
        ("kettle", "30.00", "Brewco", None),
        ("Apple peeler", "4.50", None, None),
        ("toaster", None, None, "for the KITCHEN"),
        ("apple peeler", "4.5", "Kitchenly", None),
        ("Zither", "120", None, None),
        ("mug", "4.50", None, None),
    ]
    for n, (name, price, brand, notes) in enumerate(rows):
        fields = {"price": price, "currency": "USD"} if price else {}
        await add_item(client, alice, url=f"https://shop.example/p/{n}", name=name, brand=brand, notes=notes, **fields)
    return [row[0] for row in rows]


async def test_sorts(client: httpx.AsyncClient, alice: Account, shelf: list[str]) -> None:
    assert await _items(client, alice) == shelf[::-1]  # newest first, as before
    assert await _items(client, alice, sort="-added") == shelf[::-1]
    assert await _items(client, alice, sort="added") == shelf
    # Equal prices keep the order they were added in; items without a price come last either way.
    assert await _items(client, alice, sort="price") == [
        "Apple peeler", "apple peeler", "mug", "kettle", "Zither", "toaster"
    ]  # fmt: skip
    assert await _items(client, alice, sort="-price") == [
        "Zither", "kettle", "mug", "apple peeler", "Apple peeler", "toaster"
    ]  # fmt: skip
    assert await _items(client, alice, sort="name") == [
        "Apple peeler", "apple peeler", "kettle", "mug", "toaster", "Zither"
    ]  # fmt: skip


@pytest.mark.parametrize("sort", ["added", "-added", "price", "-price", "name"])
@pytest.mark.parametrize("limit", [1, 2, 4])
async def test_pages_walk_each_sort_without_gaps_or_repeats(
    client: httpx.AsyncClient, alice: Account, shelf: list[str], sort: str, limit: int
) -> None:
    whole = await _items(client, alice, sort=sort, limit=100)

    assert await _walk(client, alice, sort, limit) == whole
    assert sorted(whole) == sorted(shelf)


async def test_pages_stay_stable_when_items_are_added_mid_walk(
    client: httpx.AsyncClient, alice: Account, shelf: list[str]
) -> None:
    first = await client.get(
        f"{CARTS}/{alice.default_cart_id}/items", params={"sort": "price", "limit": 3}, headers=alice.headers
    )
    # A cheaper item added now sorts before the cursor: the walk neither repeats nor skips what it had not seen.
    await add_item(client, alice, url="https://shop.example/p/cheap", name="pin", price="0.01", currency="USD")
    rest = await client.get(
        f"{CARTS}/{alice.default_cart_id}/items",
        params={"sort": "price", "limit": 10, "cursor": first.json()["next_cursor"]},
        headers=alice.headers,
    )

    names = [item["name"] for item in first.json()["items"] + rest.json()["items"]]
    assert names == ["Apple peeler", "apple peeler", "mug", "kettle", "Zither", "toaster"]


async def test_search_matches_name_brand_and_notes_ignoring_case(
    client: httpx.AsyncClient, alice: Account, shelf: list[str]
) -> None:
    assert await _items(client, alice, q="KITCHEN", sort="added") == ["toaster", "apple peeler"]
    assert await _items(client, alice, q="brewco") == ["kettle"]
    assert await _items(client, alice, q="  apple   peeler ", sort="added") == ["Apple peeler", "apple peeler"]
    assert await _items(client, alice, q="nothing like this") == []
    assert await _walk(client, alice, "name", 1, q="apple") == ["Apple peeler", "apple peeler"]


@pytest.mark.parametrize("q", [".*", "(", "[a-", "\\", "$where", "^kettle$"])
async def test_search_text_is_literal_never_a_pattern(
    client: httpx.AsyncClient, alice: Account, shelf: list[str], q: str
) -> None:
    assert await _items(client, alice, q=q) == []


async def test_a_cursor_only_works_with_the_sort_that_made_it(
    client: httpx.AsyncClient, alice: Account, shelf: list[str]
) -> None:
    path = f"{CARTS}/{alice.default_cart_id}/items"
    cursor = (await client.get(path, params={"sort": "price", "limit": 1}, headers=alice.headers)).json()["next_cursor"]

    for params in ({"sort": "name", "cursor": cursor}, {"cursor": cursor}, {"sort": "price", "cursor": "not-a-cursor"}):
        response = await client.get(path, params=params, headers=alice.headers)
        assert response.status_code == 422, params
        assert response.json()["error"]["code"] == "validation_error"
    assert (await client.get(path, params={"sort": "cheapest"}, headers=alice.headers)).status_code == 422
