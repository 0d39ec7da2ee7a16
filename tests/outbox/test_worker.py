"""Outbox workers driven by hand against a real database and a real SES API (moto): claims, retries, takeovers."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from bson import ObjectId
from pymongo.asynchronous.database import AsyncDatabase

from app.config import Settings
from app.db import free_port
from app.mail import OutgoingEmail
from app.mail.base import IDEMPOTENCY_HEADER
from app.mail.ses import SesEmailSender
from app.outbox import repository
from app.outbox.registry import ComposerRegistry, send_stored_email
from app.outbox.schemas import new_entry, stored_email
from app.outbox.worker import OutboxWorker, RetryPolicy
from app.sharing.compose import SHARE
from app.suppression import service as suppression
from tests.mail.moto_ses import REGION, SENDER, sent_emails

LEASE = timedelta(seconds=60)


def _ses_sender(sender: str = SENDER) -> SesEmailSender:
    return SesEmailSender(region=REGION, sender=sender)


def _unreachable_ses_sender(monkeypatch: pytest.MonkeyPatch) -> SesEmailSender:
    with monkeypatch.context() as patch:
        patch.setenv("AWS_ENDPOINT_URL_SESV2", f"http://127.0.0.1:{free_port()}")
        return _ses_sender()


async def _queue_share(db: AsyncDatabase, recipient: str = "ann@example.com") -> ObjectId:
    email = OutgoingEmail(to=(recipient,), subject="A cart for you", text="items", html="<p>items</p>")
    entry = new_entry(
        SHARE,
        now=datetime.now(UTC),
        user_id=ObjectId(),
        cart_id=ObjectId(),
        recipients=[recipient],
        email=stored_email(email),
    )
    await repository.insert_entry(db, entry)
    return entry["_id"]


async def _entry(db: AsyncDatabase, entry_id: ObjectId) -> dict[str, Any]:
    found = await db["outbox"].find_one({"_id": entry_id})
    assert found is not None
    return found


async def _make_due_now(db: AsyncDatabase, entry_id: ObjectId, field: str) -> None:
    """Let time pass: the backoff or the lease named by `field` has run out."""
    await db["outbox"].update_one({"_id": entry_id}, {"$set": {field: datetime.now(UTC) - timedelta(seconds=1)}})


async def test_due_entry_is_sent_once_with_its_outbox_key(
    outbox: AsyncDatabase, worker_settings: Settings, ses: str
) -> None:
    entry_id = await _queue_share(outbox)
    worker = OutboxWorker(outbox, _ses_sender(), worker_settings)

    assert await worker.process_next() is True
    assert await worker.process_next() is False

    entry = await _entry(outbox, entry_id)
    [sent] = sent_emails(ses)
    assert (entry["status"], entry["attempts"], entry["error"]) == ("sent", 1, None)
    assert entry["provider_message_id"]
    assert entry["sent_at"] is not None
    assert sent.recipients == ["ann@example.com"]
    assert sent.message[IDEMPOTENCY_HEADER] == str(entry_id)


async def test_transient_failure_backs_off_then_is_sent(
    outbox: AsyncDatabase, worker_settings: Settings, ses: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    entry_id = await _queue_share(outbox)
    retry = RetryPolicy(max_attempts=3, base_seconds=30)
    down = OutboxWorker(outbox, _unreachable_ses_sender(monkeypatch), worker_settings, retry=retry)
    up = OutboxWorker(outbox, _ses_sender(), worker_settings, retry=retry)

    before = datetime.now(UTC)
    await down.process_next()
    waiting = await _entry(outbox, entry_id)
    assert (waiting["status"], waiting["attempts"]) == ("queued", 1)
    assert waiting["error"].startswith("network:")
    assert before + timedelta(seconds=15) <= waiting["next_attempt_at"] <= datetime.now(UTC) + timedelta(seconds=30)
    assert await up.process_next() is False  # not due before its backoff ends

    await _make_due_now(outbox, entry_id, "next_attempt_at")
    assert await up.process_next() is True

    entry = await _entry(outbox, entry_id)
    assert (entry["status"], entry["attempts"], entry["error"]) == ("sent", 2, None)
    assert len(sent_emails(ses)) == 1


async def test_backoff_grows_exponentially_within_its_jitter() -> None:
    policy = RetryPolicy(max_attempts=9, base_seconds=10, max_seconds=100)

    delays = [[policy.delay(attempt).total_seconds() for _ in range(50)] for attempt in (1, 2, 3, 5)]

    assert all(5 <= d <= 10 for d in delays[0])
    assert all(10 <= d <= 20 for d in delays[1])
    assert all(20 <= d <= 40 for d in delays[2])
    assert all(50 <= d <= 100 for d in delays[3])  # capped
    assert len(set(delays[0])) > 1  # jittered, so instances that failed together spread out


async def test_transient_failures_end_failed_with_the_last_reason(
    outbox: AsyncDatabase, worker_settings: Settings, ses: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    entry_id = await _queue_share(outbox)
    down = OutboxWorker(
        outbox, _unreachable_ses_sender(monkeypatch), worker_settings, retry=RetryPolicy(max_attempts=3, base_seconds=0)
    )

    while await down.process_next():
        pass

    entry = await _entry(outbox, entry_id)
    assert (entry["status"], entry["attempts"]) == ("failed", 3)
    assert entry["error"] == "network: EndpointConnectionError"
    assert sent_emails(ses) == []


async def test_rejected_sender_fails_at_once_without_retrying(
    outbox: AsyncDatabase, worker_settings: Settings, ses: str
) -> None:
    entry_id = await _queue_share(outbox)
    worker = OutboxWorker(outbox, _ses_sender("someone@unverified.test"), worker_settings)

    await worker.process_next()

    entry = await _entry(outbox, entry_id)
    assert (entry["status"], entry["attempts"]) == ("failed", 1)
    assert entry["error"].startswith("MessageRejected:")
    assert await worker.process_next() is False


async def test_entry_abandoned_mid_send_is_taken_over_once_its_lease_runs_out(
    outbox: AsyncDatabase, worker_settings: Settings, ses: str
) -> None:
    entry_id = await _queue_share(outbox)
    # A worker claims the entry and dies before recording anything.
    await repository.claim_due(outbox, worker_id="dead-worker", now=datetime.now(UTC), lease=LEASE)
    survivor = OutboxWorker(outbox, _ses_sender(), worker_settings)

    assert await survivor.process_next() is False  # the lease still holds: nobody sends it twice meanwhile
    await _make_due_now(outbox, entry_id, "lease_until")
    assert await survivor.process_next() is True

    entry = await _entry(outbox, entry_id)
    assert (entry["status"], entry["attempts"], entry["lease_owner"]) == ("sent", 2, None)
    assert len(sent_emails(ses)) == 1
    late = await repository.finish(outbox, entry_id=entry_id, worker_id="dead-worker", changes={"status": "failed"})
    assert late is False  # a worker that lost its lease cannot overwrite the outcome
    assert (await _entry(outbox, entry_id))["status"] == "sent"


async def test_entry_whose_workers_keep_dying_is_failed_not_retried_forever(
    outbox: AsyncDatabase, worker_settings: Settings, ses: str
) -> None:
    entry_id = await _queue_share(outbox)
    for attempt in range(3):
        await repository.claim_due(outbox, worker_id=f"dead-{attempt}", now=datetime.now(UTC), lease=LEASE)
        await outbox["outbox"].update_one({"_id": entry_id}, {"$set": {"status": "queued"}})
    await outbox["outbox"].update_one({"_id": entry_id}, {"$set": {"status": "sending"}})
    await _make_due_now(outbox, entry_id, "lease_until")

    await OutboxWorker(outbox, _ses_sender(), worker_settings).process_next()

    entry = await _entry(outbox, entry_id)
    assert (entry["status"], entry["attempts"]) == ("failed", 4)
    assert entry["error"] == "gave up after 3 attempts: the worker stopped while sending"
    assert sent_emails(ses) == []


async def test_concurrent_workers_send_each_entry_exactly_once(
    outbox: AsyncDatabase, worker_settings: Settings, ses: str
) -> None:
    entry_ids = {str(await _queue_share(outbox, f"friend{n}@example.com")) for n in range(12)}
    workers = [OutboxWorker(outbox, _ses_sender(), worker_settings, worker_id=f"w{n}") for n in range(3)]

    async def drain(worker: OutboxWorker) -> None:
        while await worker.process_next():
            pass

    await asyncio.gather(*(drain(worker) for worker in workers))

    keys = [sent.message[IDEMPOTENCY_HEADER] for sent in sent_emails(ses)]
    assert sorted(keys) == sorted(entry_ids)
    assert await outbox["outbox"].count_documents({"status": "sent", "attempts": 1}) == 12


async def test_started_worker_sends_in_the_background_and_stops_cleanly(
    outbox: AsyncDatabase, worker_settings: Settings, ses: str
) -> None:
    worker = OutboxWorker(outbox, _ses_sender(), worker_settings.model_copy(update={"outbox_poll_seconds": 0.05}))
    worker.start()
    try:
        entry_id = await _queue_share(outbox)
        for _ in range(200):
            if (await _entry(outbox, entry_id))["status"] == "sent":
                break
            await asyncio.sleep(0.05)
    finally:
        await worker.stop()

    assert (await _entry(outbox, entry_id))["status"] == "sent"
    assert worker.health() == {"status": "stopped", "backend": "ses", "sent": 1, "failed": 0, "retried": 0}


async def test_every_send_asks_the_suppression_list(outbox: AsyncDatabase, worker_settings: Settings, ses: str) -> None:
    await suppression.suppress(outbox, reason="bounced", address="Gone@Example.com")
    await suppression.suppress(outbox, reason="unsubscribed", address="quiet@example.com")
    plain = OutgoingEmail(to=("gone@example.com", "quiet@example.com", "ann@example.com"), subject="s", text="t")
    offered = OutgoingEmail(to=("quiet@example.com",), subject="s", text="t", unsubscribe_url="https://x.test/u/1")
    entries = [new_entry("reset", now=datetime.now(UTC), email=stored_email(email)) for email in (plain, offered)]
    for entry in entries:
        await repository.insert_entry(outbox, entry)
    registry = ComposerRegistry()
    registry.register("reset", send_stored_email)
    worker = OutboxWorker(outbox, _ses_sender(), worker_settings, registry=registry)

    while await worker.process_next():
        pass

    first, second = [await _entry(outbox, entry["_id"]) for entry in entries]
    # A bounced address gets nothing; an unsubscribed one still gets mail that offers no unsubscribing (its own
    # account mail), and none that does.
    assert first["status"] == "sent"
    assert [sent.recipients for sent in sent_emails(ses)] == [["ann@example.com", "quiet@example.com"]]
    assert (second["status"], second["error"]) == ("skipped", "recipient suppressed (unsubscribed)")
