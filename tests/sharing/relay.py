"""The relay attack of issue 13 finding 1, replayed over HTTP: what it reaches is read from moto's sent mail."""

from __future__ import annotations

import asyncio
from collections import Counter
from dataclasses import dataclass

import httpx
from fastapi import FastAPI

from tests.mail.moto_ses import sent_emails
from tests.support.accounts import verified_account

SPAMMER_NAME = "IT Helpdesk (spammer1@example.net)"
PHISHING_CART = "ACTION REQUIRED: your mailbox is full"


@dataclass(frozen=True)
class RelayFigures:
    accepted_shares: int  # 202s
    refused_shares: int  # anything else
    messages_sent: int  # what SES was handed
    recipients_reached: int  # distinct addresses in those messages
    largest_to_line: int  # addresses one message showed
    most_to_one_address: int  # messages the most-mailed address got


async def run_relay_attack(
    app: FastAPI,
    client: httpx.AsyncClient,
    ses_url: str,
    *,
    accounts: int = 2,
    shares_each: int = 20,
    same_victims: bool = False,
) -> RelayFigures:
    """Each account renames itself and a cart into a phishing lure and shares it with 10 addresses a time: fresh
    ones each time, or (`same_victims`) the same 10 from every account, to flood them."""
    accepted = refused = 0
    for number in range(accounts):
        spammer = await verified_account(app, client, f"spammer{number}@example.net", name=SPAMMER_NAME)
        await client.patch(
            f"/api/v1/carts/{spammer.default_cart_id}", json={"name": PHISHING_CART}, headers=spammer.headers
        )
        for share in range(shares_each):
            recipients = [
                f"victim{n}@example.org" if same_victims else f"victim{number}-{share}-{n}@example.org"
                for n in range(10)
            ]
            response = await client.post(
                f"/api/v1/carts/{spammer.default_cart_id}/share",
                json={"recipients": recipients, "message": "Your mailbox is full. Log in at https://evil.example"},
                headers=spammer.headers,
            )
            if response.status_code == 202:
                accepted += 1
            else:
                refused += 1
    await _wait_until_settled(app)
    sent = sent_emails(ses_url)
    per_address = Counter(address for message in sent for address in message.recipients)
    return RelayFigures(
        accepted_shares=accepted,
        refused_shares=refused,
        messages_sent=len(sent),
        recipients_reached=len(per_address),
        largest_to_line=max((len(str(message.message["To"]).split(",")) for message in sent), default=0),
        most_to_one_address=max(per_address.values(), default=0),
    )


async def _wait_until_settled(app: FastAPI) -> None:
    outbox = app.state.database.db.outbox
    for _ in range(1200):
        if await outbox.count_documents({"status": {"$in": ["queued", "sending"]}}) == 0:
            return
        await asyncio.sleep(0.05)
    raise AssertionError("the outbox did not drain in 60 s")
