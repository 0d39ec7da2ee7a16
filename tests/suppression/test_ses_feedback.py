"""SES bounces and complaints, published to the configuration set's SNS topic, reach the suppression list through
the SQS queue the app polls; later shares to those addresses are skipped, a soft bounce changes nothing."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
from fastapi import FastAPI

from tests.mail.moto_ses import sent_emails
from tests.sharing.shares import wait_for_share
from tests.support.accounts import verified_account
from tests.suppression.conftest import FeedbackPath


def _bounce(address: str, bounce_type: str = "Permanent") -> dict[str, Any]:
    """A configuration-set Bounce event, shaped as SES publishes it."""
    return {
        "eventType": "Bounce",
        "bounce": {
            "bounceType": bounce_type,
            "bounceSubType": "General",
            "bouncedRecipients": [{"emailAddress": address, "action": "failed", "status": "5.1.1"}],
            "timestamp": "2026-11-30T05:00:00.000Z",
            "feedbackId": "0100018c-feedback",
        },
        "mail": {"timestamp": "2026-11-30T04:59:59.000Z", "source": "no-reply@buyhive.test", "destination": [address]},
    }


def _complaint(address: str) -> dict[str, Any]:
    return {
        "eventType": "Complaint",
        "complaint": {"complainedRecipients": [{"emailAddress": address}], "complaintFeedbackType": "abuse"},
        "mail": {"source": "no-reply@buyhive.test", "destination": [address]},
    }


def _publish(path: FeedbackPath, event: dict[str, Any]) -> None:
    path.client("sns").publish(TopicArn=path.topic_arn, Message=json.dumps(event))  # type: ignore[attr-defined]


async def _feedback_counts(client: httpx.AsyncClient, **expected: int) -> dict[str, Any]:
    for _ in range(300):
        counts = (await client.get("/health")).json()["components"]["ses_feedback"]
        if all(counts[name] >= value for name, value in expected.items()):
            return counts
        await asyncio.sleep(0.05)
    raise AssertionError(f"feedback not read in 15 s: {counts}")


async def test_hard_bounces_and_complaints_make_later_shares_skip_those_addresses(
    feedback_app: tuple[FastAPI, httpx.AsyncClient], feedback_path: FeedbackPath
) -> None:
    app, client = feedback_app
    before = await _feedback_counts(client)
    _publish(feedback_path, _bounce("gone@example.org"))
    _publish(feedback_path, _complaint("angry@example.org"))
    _publish(feedback_path, _bounce("full@example.org", bounce_type="Transient"))  # a full mailbox: keep mailing
    counts = await _feedback_counts(client, suppressed=before["suppressed"] + 2, ignored=before["ignored"] + 1)
    assert counts["status"] == "running"

    sharer = await verified_account(app, client, "sharer@example.com")
    response = await client.post(
        f"/api/v1/carts/{sharer.default_cart_id}/share",
        json={"recipients": ["gone@example.org", "Angry@Example.org", "full@example.org"]},
        headers=sharer.headers,
    )
    share = await wait_for_share(client, sharer, sharer.default_cart_id, response.json()["share_id"])

    assert {d["recipient"]: (d["status"], d["error"]) for d in share["deliveries"]} == {
        "gone@example.org": ("skipped", "recipient suppressed (bounced)"),
        "angry@example.org": ("skipped", "recipient suppressed (complained)"),
        "full@example.org": ("sent", None),
    }
    reached = {address for sent in sent_emails(feedback_path.moto_url) for address in sent.recipients}
    assert "full@example.org" in reached
    assert reached.isdisjoint({"gone@example.org", "angry@example.org"})


async def test_a_hard_bounce_stops_account_mail_too_and_unreadable_messages_are_dropped(
    feedback_app: tuple[FastAPI, httpx.AsyncClient], feedback_path: FeedbackPath
) -> None:
    app, client = feedback_app
    await verified_account(app, client, "nomailbox@example.com")
    before = await _feedback_counts(client)
    sqs = feedback_path.client("sqs")
    sqs.send_message(QueueUrl=feedback_path.queue_url, MessageBody="not json")  # type: ignore[attr-defined]
    # A subscription with raw delivery on: the SES event without SNS's envelope.
    sqs.send_message(  # type: ignore[attr-defined]
        QueueUrl=feedback_path.queue_url, MessageBody=json.dumps(_bounce("nomailbox@example.com"))
    )
    await _feedback_counts(client, unreadable=before["unreadable"] + 1, suppressed=before["suppressed"] + 1)

    assert (
        await client.post("/api/v1/auth/password-reset", json={"email": "nomailbox@example.com"})
    ).status_code == 202

    outbox = app.state.database.db.outbox
    for _ in range(300):
        entry = await outbox.find_one({"email_address": "nomailbox@example.com"})
        if entry and entry["status"] not in ("queued", "sending"):
            break
        await asyncio.sleep(0.05)
    assert entry is not None
    assert (entry["status"], entry["error"]) == ("skipped", "recipient suppressed (bounced)")
    attributes = sqs.get_queue_attributes(  # type: ignore[attr-defined]
        QueueUrl=feedback_path.queue_url, AttributeNames=["ApproximateNumberOfMessages"]
    )
    assert attributes["Attributes"]["ApproximateNumberOfMessages"] == "0"  # nothing left to come back forever
