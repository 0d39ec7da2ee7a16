"""SES throttles or rejects: every share ends `sent` exactly once or `failed` with the reason, never lost.

Outbox workers run by hand (fast backoff) on a real database, sending through boto3 to moto behind a proxy that
throttles (429 TooManyRequestsException) or rejects (400 MessageRejected) as scripted.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from bson import ObjectId
from pymongo.asynchronous.database import AsyncDatabase

from app.auth import service as auth_service
from app.carts import repository as carts_repository
from app.config import Settings
from app.db import EmbeddedMongo, make_client
from app.indexes import ensure_indexes
from app.mail.base import IDEMPOTENCY_HEADER
from app.mail.ses import SesEmailSender
from app.outbox.worker import OutboxWorker, RetryPolicy
from app.sharing import service as sharing_service
from app.sharing.schemas import ShareOut
from tests.faults.ses_proxy import Action, SesFaultProxy
from tests.mail.moto_ses import REGION, SENDER, sent_emails
from tests.support.app import make_settings

MAX_ATTEMPTS = 4
FAST_RETRY = RetryPolicy(max_attempts=MAX_ATTEMPTS, base_seconds=0.01, max_seconds=0.02)


@pytest.fixture
def settings(mongo_server: EmbeddedMongo, tmp_path: Path) -> Settings:
    return make_settings(mongo_server.url, tmp_path, email_backend="ses", ses_from_email=SENDER)


@pytest.fixture
async def db(settings: Settings) -> AsyncIterator[AsyncDatabase]:
    client = make_client(settings.mongo_url or "", settings)
    database = client[settings.mongo_db]
    await ensure_indexes(database)
    yield database
    await client.drop_database(database.name)
    await client.close()


async def _shares(db: AsyncDatabase, settings: Settings, count: int) -> tuple[ObjectId, ObjectId, list[ObjectId]]:
    user = await auth_service.create_user(db, email="sam@example.com", password_hash=None, name="Sam")
    [cart] = await carts_repository.list_carts(db, user_id=user["_id"])
    created = [
        await sharing_service.share_cart(
            db,
            settings=settings,
            user_id=user["_id"],
            cart_id=cart["_id"],
            recipients=[f"friend{n}@example.com"],
            message=None,
        )
        for n in range(count)
    ]
    return user["_id"], cart["_id"], [share.share_id for share in created]


async def _settle(workers: list[OutboxWorker], db: AsyncDatabase, user_id: ObjectId, cart_id: ObjectId,
                  share_ids: list[ObjectId]) -> list[ShareOut]:  # fmt: skip
    """Run the workers side by side until every share is sent or failed."""

    async def run(worker: OutboxWorker) -> None:
        for _ in range(2000):
            if not await worker.process_next():
                statuses = {(await _share(db, user_id, cart_id, i)).status for i in share_ids}
                if statuses <= {"sent", "failed"}:
                    return
                await asyncio.sleep(0.01)  # the next attempt is not due yet
        raise AssertionError("shares did not settle")

    await asyncio.gather(*(run(worker) for worker in workers))
    return [await _share(db, user_id, cart_id, share_id) for share_id in share_ids]


async def _share(db: AsyncDatabase, user_id: ObjectId, cart_id: ObjectId, share_id: ObjectId) -> ShareOut:
    return await sharing_service.get_share(db, user_id=user_id, cart_id=cart_id, share_id=share_id)


def _worker(db: AsyncDatabase, settings: Settings, name: str) -> OutboxWorker:
    sender = SesEmailSender(region=REGION, sender=SENDER)  # built after boto3 was pointed at the proxy
    return OutboxWorker(db, sender, settings, retry=FAST_RETRY, worker_id=name)


def _emails_for(moto_url: str, share_id: ObjectId) -> int:
    return sum(1 for sent in sent_emails(moto_url) if sent.message[IDEMPOTENCY_HEADER] == str(share_id))


async def test_throttled_sends_are_retried_then_sent_once(
    db: AsyncDatabase, settings: Settings, ses_proxy: SesFaultProxy, moto_url: str
) -> None:
    user_id, cart_id, [share_id] = await _shares(db, settings, 1)
    ses_proxy.script("throttle", "throttle")

    [share] = await _settle([_worker(db, settings, "w1")], db, user_id, cart_id, [share_id])

    assert ses_proxy.send_attempts == 3
    assert (share.status, share.attempts, share.error) == ("sent", 3, None)
    assert _emails_for(moto_url, share_id) == 1
    assert ses_proxy.send_attempts == 3


async def test_throttled_every_time_ends_failed_with_the_reason_and_nothing_sent(
    db: AsyncDatabase, settings: Settings, ses_proxy: SesFaultProxy, moto_url: str
) -> None:
    user_id, cart_id, [share_id] = await _shares(db, settings, 1)
    ses_proxy.script(then="throttle")

    [share] = await _settle([_worker(db, settings, "w1")], db, user_id, cart_id, [share_id])

    assert (share.status, share.attempts) == ("failed", MAX_ATTEMPTS)
    assert share.error is not None and share.error.startswith("TooManyRequestsException")
    assert ses_proxy.send_attempts == MAX_ATTEMPTS
    assert sent_emails(moto_url) == []


async def test_rejected_send_fails_at_once(
    db: AsyncDatabase, settings: Settings, ses_proxy: SesFaultProxy, moto_url: str
) -> None:
    user_id, cart_id, [share_id] = await _shares(db, settings, 1)
    ses_proxy.script("reject")

    [share] = await _settle([_worker(db, settings, "w1")], db, user_id, cart_id, [share_id])

    assert (share.status, share.attempts) == ("failed", 1)
    assert share.error is not None and share.error.startswith("MessageRejected")
    assert sent_emails(moto_url) == []


async def test_two_workers_under_throttling_send_each_share_at_most_once_and_lose_none(
    db: AsyncDatabase, settings: Settings, ses_proxy: SesFaultProxy, moto_url: str
) -> None:
    user_id, cart_id, share_ids = await _shares(db, settings, 8)
    # Half the sends are throttled, in an order the two workers interleave unpredictably.
    order: list[Action] = ["throttle", "forward", "throttle"] * 6
    ses_proxy.script(*order, then="forward")

    shares = await _settle([_worker(db, settings, "w1"), _worker(db, settings, "w2")], db, user_id, cart_id, share_ids)

    for share in shares:
        assert share.status in ("sent", "failed")
        assert _emails_for(moto_url, share.share_id) == (1 if share.status == "sent" else 0), share
        assert 1 <= share.attempts <= MAX_ATTEMPTS
    assert ses_proxy.forwarded_sends == len(sent_emails(moto_url)) == sum(s.status == "sent" for s in shares)
    assert sum(share.attempts for share in shares) == ses_proxy.send_attempts  # every attempt is on record
