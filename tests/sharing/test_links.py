"""Public read-only links: create, list, revoke, open as JSON and as a page; tokens stored only as hashes."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from app.config import Settings
from tests.sharing.shares import wait_for_share
from tests.support.accounts import Account, mark_email_verified
from tests.support.factories import add_item, create_cart
from tests.support.inbox import body_text, wait_for_emails


def _links(cart_id: str) -> str:
    return f"/api/v1/carts/{cart_id}/links"


async def _create_link(client: httpx.AsyncClient, account: Account, cart_id: str, **body: Any) -> dict[str, Any]:
    response = await client.post(_links(cart_id), json=body, headers=account.headers)
    assert response.status_code == 201, response.text
    return response.json()


def _token(link: dict[str, Any]) -> str:
    return link["url"].rsplit("/s/", 1)[1]


async def test_a_link_shows_the_cart_as_it_is_now_until_revoked(
    client: httpx.AsyncClient, alice: Account, settings: Settings
) -> None:
    await add_item(client, alice, name="Kettle", price="24.50", currency="EUR", notes="for the flat, secret")
    link = await _create_link(client, alice, alice.default_cart_id)
    token = _token(link)

    assert link["url"] == f"{settings.public_app_url.rstrip('/')}/s/{token}"
    assert len(token) == 43 and link["expires_at"] is None  # 256 bits of HMAC, base64url
    shared = await client.get(f"/api/v1/shared/{token}")  # no bearer token: public
    assert shared.status_code == 200, shared.text
    body = shared.json()
    assert (body["name"], body["owner_name"], body["item_count"]) == ("My Cart", "Test", 1)
    assert body["totals"] == [{"currency": "EUR", "amount": "24.50", "item_count": 1}]
    [item] = body["items"]
    assert (item["name"], item["price"], item["url"]) == ("Kettle", "24.50", "https://shop.example/p/1")
    assert "secret" not in shared.text and alice.email not in shared.text and alice.user_id not in shared.text

    await add_item(client, alice, url="https://shop.example/p/2", name="Teapot")  # the link is live, not a snapshot
    assert [i["name"] for i in (await client.get(f"/api/v1/shared/{token}")).json()["items"]] == ["Teapot", "Kettle"]

    listed = await client.get(_links(alice.default_cart_id), headers=alice.headers)
    assert listed.json() == [link]  # the same URL again, though only its hash is stored

    revoked = await client.delete(f"{_links(alice.default_cart_id)}/{link['link_id']}", headers=alice.headers)
    assert revoked.status_code == 204
    gone = await client.get(f"/api/v1/shared/{token}")
    assert gone.status_code == 404 and gone.json()["error"]["code"] == "not_found"
    assert (await client.get(f"/s/{token}")).status_code == 404
    assert (await client.get(_links(alice.default_cart_id), headers=alice.headers)).json() == []
    again = await client.delete(f"{_links(alice.default_cart_id)}/{link['link_id']}", headers=alice.headers)
    assert again.status_code == 404


async def test_the_database_keeps_no_token(
    app: FastAPI, client: httpx.AsyncClient, alice: Account, settings: Settings
) -> None:
    link = await _create_link(client, alice, alice.default_cart_id)
    token = _token(link)

    [stored] = await app.state.database.db["share_links"].find({}).to_list(None)
    assert token not in repr(stored)
    assert stored["token_hash"] == hashlib.sha256(token.encode()).hexdigest()
    # Another link to the same cart has an unrelated token.
    other = _token(await _create_link(client, alice, alice.default_cart_id))
    assert other != token and (await client.get(f"/api/v1/shared/{other}")).status_code == 200


@pytest.mark.parametrize(
    "token",
    ["x", "A" * 43, "A" * 44, "a.b-c~", "%00" * 20, "<script>"],
)
async def test_unknown_or_malformed_tokens_are_404(client: httpx.AsyncClient, alice: Account, token: str) -> None:
    await _create_link(client, alice, alice.default_cart_id)

    assert (await client.get(f"/api/v1/shared/{token}")).status_code == 404
    page = await client.get(f"/s/{token}")
    assert page.status_code == 404
    assert "not available" in page.text


async def test_an_expired_link_stops_working_to_the_second(
    app: FastAPI, client: httpx.AsyncClient, alice: Account
) -> None:
    soon = datetime.now(UTC) + timedelta(days=1)
    link = await _create_link(client, alice, alice.default_cart_id, expires_at=soon.isoformat())
    assert datetime.fromisoformat(link["expires_at"]) == soon.replace(microsecond=soon.microsecond // 1000 * 1000)
    assert (await client.get(f"/api/v1/shared/{_token(link)}")).status_code == 200

    # A day passes: move the stored expiry into the past (the TTL monitor has not run; the read check is what counts).
    past = datetime.now(UTC) - timedelta(seconds=1)
    await app.state.database.db["share_links"].update_one({}, {"$set": {"expires_at": past}})

    assert (await client.get(f"/api/v1/shared/{_token(link)}")).status_code == 404
    assert (await client.get(_links(alice.default_cart_id), headers=alice.headers)).json() == []


@pytest.mark.parametrize("expires_at", ["2000-01-01T00:00:00Z", "2100-01-01T00:00:00", "tomorrow"])
async def test_expiry_must_be_a_future_moment_with_a_zone(
    client: httpx.AsyncClient, alice: Account, expires_at: str
) -> None:
    response = await client.post(_links(alice.default_cart_id), json={"expires_at": expires_at}, headers=alice.headers)

    assert response.status_code == 422


async def test_links_go_with_their_cart(app: FastAPI, client: httpx.AsyncClient, alice: Account) -> None:
    gifts = await create_cart(client, alice, "Gifts")
    link = await _create_link(client, alice, gifts["id"])

    assert (await client.delete(f"/api/v1/carts/{gifts['id']}", headers=alice.headers)).status_code == 204

    assert (await client.get(f"/api/v1/shared/{_token(link)}")).status_code == 404
    assert await app.state.database.db["share_links"].count_documents({}) == 0


async def test_links_go_with_their_owners_account(app: FastAPI, client: httpx.AsyncClient, alice: Account) -> None:
    link = await _create_link(client, alice, alice.default_cart_id)

    deleted = await client.post("/api/v1/account/delete", json={"password": alice.password}, headers=alice.headers)
    assert deleted.status_code == 204

    assert (await client.get(f"/api/v1/shared/{_token(link)}")).status_code == 404
    assert await app.state.database.db["share_links"].count_documents({}) == 0


async def test_links_per_cart_are_bounded(client: httpx.AsyncClient, alice: Account) -> None:
    for _ in range(20):
        await _create_link(client, alice, alice.default_cart_id)

    response = await client.post(_links(alice.default_cart_id), json={}, headers=alice.headers)

    assert response.status_code == 409
    assert response.json()["error"]["details"] == {"resource": "links per cart", "limit": 20}


async def test_the_json_pages_through_a_big_cart(client: httpx.AsyncClient, alice: Account) -> None:
    for n in range(5):
        await add_item(client, alice, url=f"https://shop.example/p/{n}", name=f"Item {n}")
    token = _token(await _create_link(client, alice, alice.default_cart_id))

    first = (await client.get(f"/api/v1/shared/{token}", params={"limit": 3})).json()
    rest = (await client.get(f"/api/v1/shared/{token}", params={"limit": 3, "cursor": first["next_cursor"]})).json()

    assert [i["name"] for i in first["items"] + rest["items"]] == [f"Item {n}" for n in range(4, -1, -1)]
    assert rest["next_cursor"] is None


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


async def test_the_page_renders_hostile_strings_as_text_under_a_strict_policy(
    client: httpx.AsyncClient, alice: Account
) -> None:
    cart = await create_cart(client, alice, "Gifts " + HOSTILE)
    await add_item(
        client, alice, name=HOSTILE, brand=HOSTILE, price="5", currency="USD", cart_ids=[cart["id"]],
        image_url="https://img.example/kettle.jpg",
    )  # fmt: skip
    await add_item(client, alice, url="https://shop.example/other", name="Other cart's item")
    token = _token(await _create_link(client, alice, cart["id"]))

    page = await client.get(f"/s/{token}")

    assert page.status_code == 200
    assert page.headers["x-robots-tag"] == "noindex, nofollow, noarchive"
    assert page.headers["cache-control"] == "no-store"
    assert page.headers["referrer-policy"] == "no-referrer"
    policy = {part.split()[0]: part.split()[1:] for part in page.headers["content-security-policy"].split("; ")}
    assert policy["default-src"] == ["'none'"] and "script-src" not in policy
    assert policy["style-src"] == ["'self'"] and policy["img-src"] == ["https:", "http:"]
    parsed = _Page()
    parsed.feed(page.text)
    tags = [tag for tag, _ in parsed.tags]
    assert "script" not in tags and "style" not in tags
    assert not any(name.startswith("on") or name == "style" for _, attrs in parsed.tags for name in attrs)
    assert ("meta", {"name": "robots", "content": "noindex, nofollow, noarchive"}) in parsed.tags
    assert [attrs["src"] for tag, attrs in parsed.tags if tag == "img"] == ["https://img.example/kettle.jpg"]
    links = [attrs for tag, attrs in parsed.tags if tag == "a"]
    assert [(a["href"], a["rel"]) for a in links] == [("https://shop.example/p/1", "noopener noreferrer nofollow ugc")]
    stylesheets = [attrs["href"] for tag, attrs in parsed.tags if tag == "link"]
    assert stylesheets == ["/pages/shared-cart.css"]
    assert (await client.get("/pages/shared-cart.css")).headers["content-type"].startswith("text/css")
    text = "".join(parsed.text)
    assert HOSTILE in text  # shown as the text it is
    assert "Test" in text and "5.00 USD" in text
    assert alice.email not in page.text and "Other cart" not in page.text and "My Cart" not in page.text


async def test_a_share_email_points_at_the_link_when_there_is_one(
    app: FastAPI, client: httpx.AsyncClient, alice: Account, settings: Settings
) -> None:
    await mark_email_verified(app.state.database.db, alice)  # sharing by email needs a proven address

    async def share_to(address: str) -> str:
        response = await client.post(
            f"/api/v1/carts/{alice.default_cart_id}/share", json={"recipients": [address]}, headers=alice.headers
        )
        assert response.status_code == 202, response.text
        await wait_for_share(client, alice, alice.default_cart_id, response.json()["share_id"])
        [message] = await wait_for_emails(settings.data_dir / "outbox", address, "Shared cart")
        return body_text(message)

    assert "/s/" not in await share_to("before@example.com")
    link = await _create_link(client, alice, alice.default_cart_id)
    assert f"See the cart as it is now: {link['url']}" in await share_to("after@example.com")
