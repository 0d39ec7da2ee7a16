"""Shares over HTTP, delivered by the app's own outbox worker through boto3 to a real SES API (moto)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import boto3
import httpx
import pytest
from bson import ObjectId
from fastapi import FastAPI

from app.auth import service as auth_service
from app.carts import repository as carts_repository
from app.config import Settings
from app.db import EmbeddedMongo, make_client
from app.indexes import ensure_indexes
from app.mail.base import IDEMPOTENCY_HEADER
from app.outbox import repository as outbox_repository
from app.sharing import service as sharing_service
from tests.mail.moto_ses import REGION, SENDER, SentEmail, sent_emails
from tests.sharing.conftest import ses_settings
from tests.sharing.shares import wait_for_share
from tests.support.accounts import Account
from tests.support.app import running_app
from tests.support.factories import add_item, create_cart

HOSTILE_NAME = "<script>alert(1)</script>"


def _unsubscribe_link(sent: SentEmail) -> str:
    header = str(sent.message["List-Unsubscribe"])
    assert header.startswith("<http") and header.endswith(">"), header
    return header[1:-1]


class _Page(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text = ""
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text += data

    def attribute(self, tag: str, name: str) -> list[str | None]:
        return [attrs.get(name) for found, attrs in self.tags if found == tag]


async def _share(client: httpx.AsyncClient, account: Account, cart_id: str, **body: Any) -> dict[str, Any]:
    response = await client.post(f"/api/v1/carts/{cart_id}/share", json=body, headers=account.headers)
    assert response.status_code == 202, response.text
    return await wait_for_share(client, account, cart_id, response.json()["share_id"])


def _delivered(ses_url: str, share_id: str) -> SentEmail:
    """The email of a one-recipient share (the share is known by its first email's id)."""
    [sent] = [sent for sent in sent_emails(ses_url) if sent.message[IDEMPOTENCY_HEADER] == share_id]
    return sent


def _delivered_to(ses_url: str, address: str) -> list[SentEmail]:
    return [sent for sent in sent_emails(ses_url) if sent.recipients == [address]]


async def test_share_arrives_with_its_recipients_and_escaped_content(
    ses_client: httpx.AsyncClient, carol: Account, ses: str
) -> None:
    cart = await create_cart(ses_client, carol, HOSTILE_NAME)
    await add_item(
        ses_client,
        carol,
        url="https://shop.example/mug?a=1&b=2",
        name="Mug <b onmouseover=alert(2)>big</b>",
        price="19.99",
        currency="USD",
        image_url="https://cdn.example/mug.png",
        notes="for <i>Dan</i>",
        cart_ids=[cart["id"]],
    )

    share = await _share(
        ses_client,
        carol,
        cart["id"],
        recipients=["Dan@Example.com", "eve@example.org"],
        message='Look "here" <img src=x onerror=alert(3)>',
    )

    assert (share["status"], share["attempts"], share["error"]) == ("sent", 1, None)
    # One message per recipient, each addressed to that recipient alone.
    assert sorted(address for sent in sent_emails(ses) for address in sent.recipients) == [
        "dan@example.com",
        "eve@example.org",
    ]
    [sent] = _delivered_to(ses, "dan@example.com")
    assert sent.message["To"] == "dan@example.com"
    assert sent.message["From"] == SENDER
    assert sent.message["Reply-To"] == "carol@example.com"  # verified: replies reach Carol
    assert sent.message["Subject"] == f"Shared cart on BuyHive from Carol: “{HOSTILE_NAME}”"
    page = _Page(sent.html)
    assert {tag for tag, _ in page.tags}.isdisjoint({"script", "b", "i"})
    assert page.attribute("img", "src") == ["https://cdn.example/mug.png"]
    assert page.attribute("a", "href") == ["https://shop.example/mug?a=1&b=2", _unsubscribe_link(sent)]
    assert page.attribute("img", "onerror") == [None]
    for user_text in (HOSTILE_NAME, "Mug <b onmouseover=alert(2)>big</b>", "for <i>Dan</i>", "<img src=x"):
        assert user_text in page.text
    assert "19.99 USD" in page.text
    assert "Mug <b onmouseover=alert(2)>big</b> - 19.99 USD" in sent.text
    assert "https://shop.example/mug?a=1&b=2" in sent.text


async def test_javascript_links_never_become_links(
    ses_app: tuple[FastAPI, httpx.AsyncClient], ses_client: httpx.AsyncClient, carol: Account, ses: str
) -> None:
    refused = await ses_client.post(
        "/api/v1/items",
        json={"url": "javascript:alert(1)", "name": "x", "cart_ids": [carol.default_cart_id]},
        headers=carol.headers,
    )
    assert refused.status_code == 422
    # An item stored before that rule (or imported) still must not turn into a link in the email.
    now = datetime.now(UTC)
    await (
        ses_app[0]
        .state.database.db["items"]
        .insert_one(
            {
                "_id": ObjectId(),
                "user_id": ObjectId(carol.user_id),
                "cart_ids": [ObjectId(carol.default_cart_id)],
                "url": "javascript:alert(document.cookie)",
                "canonical_url": "javascript:alert(document.cookie)",
                "image_url": "JaVaScRiPt:alert(4)",
                "name": "Sneaky lamp",
                "quantity": 1,
                "created_at": now,
                "updated_at": now,
            }
        )
    )

    share = await _share(ses_client, carol, carol.default_cart_id, recipients=["dan@example.com"])

    sent = _delivered(ses, share["share_id"])
    page = _Page(sent.html)
    assert "Sneaky lamp" in page.text
    assert page.attribute("a", "href") == [_unsubscribe_link(sent)]
    assert page.attribute("img", "src") == []
    assert "javascript" not in sent.html.lower()
    assert "javascript" not in sent.text.lower()


async def test_rejected_sender_ends_failed_with_the_reason(
    ses_client: httpx.AsyncClient, carol: Account, ses: str
) -> None:
    client = boto3.session.Session(region_name=REGION).client("sesv2")
    client.delete_email_identity(EmailIdentity=SENDER)  # SES now refuses to send as this address

    share = await _share(ses_client, carol, carol.default_cart_id, recipients=["dan@example.com"])

    assert share["status"] == "failed"
    assert share["attempts"] == 1  # a rejection is not retried: it would be rejected again
    assert share["error"].startswith("MessageRejected:")
    assert sent_emails(ses) == []


@pytest.fixture
def crashed_instance_settings(mongo_server: EmbeddedMongo, tmp_path: Path) -> Iterator[Settings]:
    yield ses_settings(mongo_server, tmp_path)


async def test_work_left_by_a_killed_instance_is_completed_after_restart(
    crashed_instance_settings: Settings, ses: str
) -> None:
    settings = crashed_instance_settings
    mongo = make_client(settings.mongo_url or "", settings)
    db = mongo[settings.mongo_db]
    try:
        # What a killed instance leaves behind: one share it was sending (its lease since run out), one still queued.
        await ensure_indexes(db)
        user = await auth_service.create_user(db, email="dana@example.com", password_hash=None, name="Dana")
        [cart] = await carts_repository.list_carts(db, user_id=user["_id"])
        shares = [
            await sharing_service.share_cart(
                db, settings=settings, user_id=user["_id"], cart_id=cart["_id"], recipients=[recipient], message=None
            )
            for recipient in ("first@example.com", "second@example.com")
        ]
        await outbox_repository.claim_due(db, worker_id="killed", now=datetime.now(UTC), lease=timedelta(seconds=60))
        await db["outbox"].update_many(
            {"lease_owner": "killed"}, {"$set": {"lease_until": datetime.now(UTC) - timedelta(seconds=1)}}
        )
        pair = await auth_service.issue_token_pair(db, settings, user)
        account = Account("dana@example.com", "", pair.access_token, pair.refresh_token, str(user["_id"]), "")

        async with running_app(settings) as (_, client):
            settled = [await wait_for_share(client, account, str(cart["_id"]), str(s.share_id)) for s in shares]
    finally:
        await mongo.drop_database(settings.mongo_db)
        await mongo.close()

    assert [share["status"] for share in settled] == ["sent", "sent"]
    assert sorted(share["attempts"] for share in settled) == [1, 2]  # the abandoned one counts the dead attempt
    assert sorted(sent.recipients[0] for sent in sent_emails(ses)) == ["first@example.com", "second@example.com"]
