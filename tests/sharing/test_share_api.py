"""POST /carts/{id}/share and GET /carts/{id}/shares/{id} on the suite's app (file email backend)."""

from __future__ import annotations

import httpx

from app.config import Settings
from tests.sharing.shares import wait_for_share
from tests.support.accounts import Account
from tests.support.factories import add_item
from tests.support.inbox import body_text, emails_to


def _share_url(cart_id: str) -> str:
    return f"/api/v1/carts/{cart_id}/share"


async def test_share_is_queued_then_sent_by_the_background_worker(
    client: httpx.AsyncClient, alice: Account, settings: Settings
) -> None:
    await add_item(client, alice, name="Kettle", price="24.50", currency="EUR")

    response = await client.post(
        _share_url(alice.default_cart_id),
        json={"recipients": ["Kettle.Zoe@Example.com", "kettle.yan@example.org", "kettle.zoe@example.com"]},
        headers=alice.headers,
    )

    assert response.status_code == 202, response.text
    created = response.json()
    assert created["status"] == "queued"
    share = await wait_for_share(client, alice, alice.default_cart_id, created["share_id"])
    assert share["status"] == "sent"
    assert share["recipients"] == ["kettle.zoe@example.com", "kettle.yan@example.org"]  # duplicates folded
    assert (share["attempts"], share["error"]) == (1, None)
    assert [(d["recipient"], d["status"]) for d in share["deliveries"]] == [
        ("kettle.zoe@example.com", "sent"),
        ("kettle.yan@example.org", "sent"),
    ]
    # One email per recipient: nobody sees who else got it.
    for recipient in share["recipients"]:
        [written] = emails_to(settings.data_dir / "outbox", recipient)
        assert "24.50 EUR" in body_text(written)


async def test_another_users_cart_or_share_is_404(client: httpx.AsyncClient, alice: Account, bob: Account) -> None:
    created = await client.post(
        _share_url(alice.default_cart_id), json={"recipients": ["zoe@example.com"]}, headers=alice.headers
    )
    share_id = created.json()["share_id"]

    bob_shares = await client.post(
        _share_url(alice.default_cart_id), json={"recipients": ["zoe@example.com"]}, headers=bob.headers
    )
    bob_reads = await client.get(f"/api/v1/carts/{alice.default_cart_id}/shares/{share_id}", headers=bob.headers)
    other_cart = await client.get(f"/api/v1/carts/{bob.default_cart_id}/shares/{share_id}", headers=bob.headers)
    malformed = await client.get(f"/api/v1/carts/{alice.default_cart_id}/shares/nope", headers=alice.headers)

    for response in (bob_shares, bob_reads, other_cart, malformed):
        assert response.status_code == 404, response.text
        assert response.json()["error"]["code"] == "not_found"
    assert bob_shares.json()["error"]["message"] == "Cart not found"


async def test_recipients_and_message_are_validated(client: httpx.AsyncClient, alice: Account) -> None:
    eleven = [f"friend{n}@example.com" for n in range(11)]
    bodies = [
        {"recipients": eleven},
        {"recipients": []},
        {"recipients": ["not-an-email"]},
        {"recipients": ["a@b"]},
        {"recipients": ["zoe@example.com", "two@@example.com"]},
        {"recipients": ["zoe@example.com"], "message": "x" * 1001},
        {"recipients": ["zoe@example.com"], "bcc": ["spy@example.com"]},
    ]

    for body in bodies:
        response = await client.post(_share_url(alice.default_cart_id), json=body, headers=alice.headers)
        assert response.status_code == 422, body
        error = response.json()["error"]
        assert error["code"] == "validation_error"
        assert error["request_id"] == response.headers["X-Request-ID"]
    ten = await client.post(_share_url(alice.default_cart_id), json={"recipients": eleven[:10]}, headers=alice.headers)
    assert ten.status_code == 202


async def test_sharing_needs_a_signed_in_user(client: httpx.AsyncClient, alice: Account) -> None:
    response = await client.post(_share_url(alice.default_cart_id), json={"recipients": ["zoe@example.com"]})

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"


async def test_health_reports_the_outbox_worker(client: httpx.AsyncClient) -> None:
    response = await client.get("/health")

    outbox = response.json()["components"]["outbox"]
    assert (outbox["status"], outbox["backend"]) == ("running", "file")
