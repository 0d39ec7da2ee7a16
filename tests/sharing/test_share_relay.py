"""Issue 13 finding 1, replayed: two fresh (verified) accounts try to relay a phishing cart through BuyHive.

Before this fix the same run sent 40 messages reaching 400 addresses, 10 to a To: line, with the sharer's text
as the subject; flooding 10 addresses got each of them 40 messages (docs/RELIABILITY.md).
"""

from __future__ import annotations

import asyncio

import httpx
from fastapi import FastAPI

from app.config import Settings
from tests.mail.moto_ses import sent_emails
from tests.sharing.relay import run_relay_attack
from tests.support.accounts import verified_account
from tests.support.factories import create_cart

DEFAULTS = Settings(_env_file=None)


def test_the_defaults_are_the_documented_budgets() -> None:
    assert (
        DEFAULTS.quota_share_emails_per_day,
        DEFAULTS.quota_share_recipients_per_day,
        DEFAULTS.quota_share_emails_per_recipient_per_day,
    ) == (50, 20, 5)


async def test_two_accounts_cannot_relay_to_hundreds_of_addresses(
    ses_app: tuple[FastAPI, httpx.AsyncClient], ses_client: httpx.AsyncClient, ses: str
) -> None:
    figures = await run_relay_attack(ses_app[0], ses_client, ses)

    # 20 distinct addresses per account per day: 2 shares of 10 each, the other 18 refused.
    assert (figures.accepted_shares, figures.refused_shares) == (4, 36)
    assert (figures.messages_sent, figures.recipients_reached) == (40, 40)  # was 40 messages to 400 addresses
    assert figures.largest_to_line == 1  # nobody sees the other recipients
    for sent in sent_emails(ses):
        subject = str(sent.message["Subject"])
        assert subject.startswith("Shared cart on BuyHive from IT Helpdesk: “")
        assert "spammer" not in subject and "spammer" not in sent.text  # no sender address shown as a name
        assert sent.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


async def test_many_accounts_cannot_flood_one_address(
    ses_app: tuple[FastAPI, httpx.AsyncClient], ses_client: httpx.AsyncClient, ses: str
) -> None:
    figures = await run_relay_attack(ses_app[0], ses_client, ses, same_victims=True)

    # Every address takes 5 share emails a day from all accounts together: was 40 each.
    assert figures.most_to_one_address == 5
    assert (figures.messages_sent, figures.recipients_reached) == (50, 10)
    assert (figures.accepted_shares, figures.refused_shares) == (5, 35)


async def test_refusals_answer_the_quota_envelope_and_count_nothing(
    ses_app: tuple[FastAPI, httpx.AsyncClient], ses_client: httpx.AsyncClient, ses: str
) -> None:
    app = ses_app[0]
    ann = await verified_account(app, ses_client, "ann@example.com")
    bob = await verified_account(app, ses_client, "bob@example.com")
    url = f"/api/v1/carts/{ann.default_cart_id}/share"

    async def share(account_url: str, headers: dict[str, str], recipients: list[str]) -> httpx.Response:
        return await ses_client.post(account_url, json={"recipients": recipients}, headers=headers)

    first = await share(url, ann.headers, [f"friend{n}@example.org" for n in range(10)])
    second = await share(url, ann.headers, [f"friend{n}@example.org" for n in range(5, 15)])
    too_many = await share(url, ann.headers, [f"friend{n}@example.org" for n in range(15, 21)])  # 21 addresses
    same_again = await share(url, ann.headers, ["friend0@example.org"])  # already mailed today: not a new one

    assert (first.status_code, second.status_code, same_again.status_code) == (202, 202, 202)
    assert too_many.status_code == 409
    error = too_many.json()["error"]
    assert error["code"] == "quota_exceeded"
    assert error["details"] == {"resource": "share recipients per day", "limit": 20}
    assert error["request_id"] == too_many.headers["X-Request-ID"]

    # friend0 got 2 from Ann; three more from Bob reach the per-address limit, and the next names who is full.
    bob_url = f"/api/v1/carts/{bob.default_cart_id}/share"
    for _ in range(3):
        assert (await share(bob_url, bob.headers, ["friend0@example.org"])).status_code == 202
    full = await share(bob_url, bob.headers, ["friend0@example.org", "friend1@example.org"])
    assert full.status_code == 409
    assert full.json()["error"]["details"] == {
        "resource": "share emails per recipient per day",
        "limit": 5,
        "recipients": ["friend0@example.org"],
    }
    assert full.json()["error"]["message"].startswith("friend0@example.org cannot get more than 5 shared carts a day")
    # The refused share counted nothing: friend1 can still get it from Bob.
    assert (await share(bob_url, bob.headers, ["friend1@example.org"])).status_code == 202


async def test_a_concurrent_burst_cannot_pass_on_the_same_old_count(
    ses_app: tuple[FastAPI, httpx.AsyncClient], ses_client: httpx.AsyncClient, ses: str
) -> None:
    app = ses_app[0]
    ann = await verified_account(app, ses_client, "ann@example.com")
    # One cart per request, so that only the budget (not the cart each share writes) can serialise them.
    carts = [await create_cart(ses_client, ann, f"Cart {n}") for n in range(12)]
    responses = await asyncio.gather(
        *(
            ses_client.post(
                f"/api/v1/carts/{cart['id']}/share",
                json={"recipients": [f"b{i}-{n}@example.org" for n in range(10)]},
                headers=ann.headers,
            )
            for i, cart in enumerate(carts)
        )
    )

    assert sorted(r.status_code for r in responses) == [202, 202] + [409] * 10
