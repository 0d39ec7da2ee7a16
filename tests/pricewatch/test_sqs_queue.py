"""The production re-check path: the scheduler sends due products to SQS and workers drain it, against moto_server on
127.0.0.1 with the real boto3 client and a local shop. Delivery is at least once: a duplicate records nothing twice,
a message nobody can handle ends in the dead-letter queue."""

from __future__ import annotations

import asyncio
import json
import signal
import sys
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3
import httpx
import pytest
from fastapi import FastAPI
from pymongo.asynchronous.database import AsyncDatabase

from app.config import Settings
from app.net import SafeFetcher
from app.pricewatch.worker import RecheckWorker
from tests.mail.moto_ses import FAKE_CREDENTIALS, REGION, moto_server
from tests.pricewatch.conftest import let_time_pass
from tests.pricewatch.shop import Shop
from tests.pricewatch.watching import price_tracking, status_becomes, watched_item, worker_process_env
from tests.support import REPO_ROOT
from tests.support.accounts import Account

MAX_RECEIVES = 2  # the redrive policy's maxReceiveCount


@dataclass(frozen=True)
class Queues:
    client: Any
    url: str
    dead_letter_url: str

    def depth(self, url: str | None = None) -> int:
        names = ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]
        found = self.client.get_queue_attributes(QueueUrl=url or self.url, AttributeNames=names)["Attributes"]
        return sum(int(found[name]) for name in names)


@pytest.fixture(scope="module")
def moto_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with moto_server(tmp_path_factory.mktemp("moto")) as url, pytest.MonkeyPatch.context() as patch:
        patch.setenv("AWS_ENDPOINT_URL_SQS", url)
        for name, value in FAKE_CREDENTIALS.items():
            patch.setenv(name, value)
        patch.delenv("AWS_PROFILE", raising=False)
        yield url


def _queues(moto_url: str, visibility_timeout: int) -> Queues:
    """A queue with a dead-letter queue after MAX_RECEIVES receives, as deploy/README.md creates them."""
    session = boto3.session.Session(region_name=REGION)
    client = session.client("sqs", endpoint_url=moto_url)
    name = f"buyhive-recheck-{uuid.uuid4().hex[:8]}"
    dead_letter_url = client.create_queue(QueueName=f"{name}-dlq")["QueueUrl"]
    dead_letter_arn = client.get_queue_attributes(QueueUrl=dead_letter_url, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"
    ]
    redrive = json.dumps({"deadLetterTargetArn": dead_letter_arn, "maxReceiveCount": str(MAX_RECEIVES)})
    attributes = {"VisibilityTimeout": str(visibility_timeout), "RedrivePolicy": redrive}
    url = client.create_queue(QueueName=name, Attributes=attributes)["QueueUrl"]
    return Queues(client, url, dead_letter_url)


@pytest.fixture
def queues(moto_url: str) -> Queues:
    return _queues(moto_url, visibility_timeout=60)


@pytest.fixture
def worker(
    app: FastAPI, fetcher: SafeFetcher, recheck_settings: Settings, queues: Queues
) -> Callable[..., RecheckWorker]:
    def make(name: str = "worker-a", queue_url: str | None = None) -> RecheckWorker:
        settings = recheck_settings.model_copy(
            update={"price_recheck_queue_url": queue_url or queues.url, "price_recheck_queue_wait_seconds": 0}
        )
        return RecheckWorker(app.state.database.db, fetcher, settings, worker_id=name)

    return make


async def _drain(worker: RecheckWorker) -> int:
    handled = 0
    while received := await worker.consume_once():
        handled += received
    return handled


async def test_due_products_are_sent_once_per_due_time_and_workers_drain_them(
    client: httpx.AsyncClient,
    alice: Account,
    shop: Shop,
    db: AsyncDatabase[dict[str, Any]],
    queues: Queues,
    worker: Callable[..., RecheckWorker],
) -> None:
    items = [await watched_item(client, alice, shop.page(f"/p/{n}", price=f"{n}0.00")) for n in (7, 9)]
    schedulers = [worker("worker-a"), worker("worker-b")]
    sent = await asyncio.gather(*(scheduler.schedule_once() for scheduler in schedulers))
    assert sum(sent) == 2  # two schedulers racing: one message per product
    assert await schedulers[0].schedule_once() == 0  # nothing new is due
    assert queues.depth() == 2

    assert await _drain(worker("worker-c")) == 2
    for item, price in zip(items, ("70.00", "90.00"), strict=True):
        tracking = await price_tracking(client, alice, item)
        assert tracking["status"] == "ok"
        assert tracking["current"]["price"] == price and tracking["current"]["source"] == "recheck"
    assert queues.depth() == 0  # each deleted once its outcome was recorded
    assert len(shop.requests_for("/p/7")) == len(shop.requests_for("/p/9")) == 1

    await let_time_pass(db)  # a new due time: a new message each
    assert await schedulers[0].schedule_once() == 2


async def test_a_message_delivered_twice_checks_once_and_alerts_once(
    client: httpx.AsyncClient,
    alice: Account,
    shop: Shop,
    db: AsyncDatabase[dict[str, Any]],
    queues: Queues,
    worker: Callable[..., RecheckWorker],
) -> None:
    await watched_item(client, alice, shop.page("/p/1", price="79.00"), target_price="80.00")
    scheduler = worker("scheduler")
    assert await scheduler.schedule_once() == 1
    # SQS may deliver a message twice: here a second copy of it sits in the queue.
    (message,) = queues.client.receive_message(QueueUrl=queues.url, VisibilityTimeout=0)["Messages"]
    queues.client.send_message(QueueUrl=queues.url, MessageBody=message["Body"])

    first, second = worker("worker-a"), worker("worker-b")
    assert await first.consume_once() == 1
    shop.pages["/p/1"].price = "78.00"  # what a second fetch would see and record
    assert await second.consume_once() == 1

    assert len(shop.requests_for("/p/1")) == 1
    assert await db["price_observations"].count_documents({"source": "recheck"}) == 1
    assert await db["price_alerts"].count_documents({}) == 1
    assert await db["outbox"].count_documents({"kind": "price_alert"}) == 1
    assert second.rechecker.counts["stale"] == 1
    assert queues.depth() == 0  # the duplicate is deleted too: nothing is left to come back


async def test_messages_sqs_refused_are_sent_on_the_next_pass(
    client: httpx.AsyncClient,
    alice: Account,
    shop: Shop,
    queues: Queues,
    moto_url: str,
    worker: Callable[..., RecheckWorker],
) -> None:
    await watched_item(client, alice, shop.page("/p/1"))
    missing = worker(queue_url=f"{moto_url}/123456789012/buyhive-recheck-missing")
    with pytest.raises(Exception, match="NonExistentQueue"):
        await missing.schedule_once()
    assert await worker().schedule_once() == 1  # not held back until the mark runs out
    assert queues.depth() == 1


async def test_a_poison_message_lands_in_the_dead_letter_queue(
    moto_url: str, worker: Callable[..., RecheckWorker]
) -> None:
    queues = _queues(moto_url, visibility_timeout=0)  # a failed message is visible again at once
    queues.client.send_message(QueueUrl=queues.url, MessageBody='{"product_id": "not an id"}')
    consumer = worker(queue_url=queues.url)
    for _ in range(MAX_RECEIVES + 1):
        await consumer.consume_once()

    assert consumer.counts["unreadable"] == MAX_RECEIVES  # received and left, until SQS gave up on it
    assert queues.depth() == 0
    (dead,) = queues.client.receive_message(QueueUrl=queues.dead_letter_url)["Messages"]
    assert dead["Body"] == '{"product_id": "not an id"}'


async def test_the_worker_service_drains_the_queue_until_stopped(
    client: httpx.AsyncClient, alice: Account, shop: Shop, queues: Queues, worker: Callable[..., RecheckWorker]
) -> None:
    item = await watched_item(client, alice, shop.page("/p/1", price="55.00"))
    service = worker()
    service.start()
    try:
        for _ in range(100):
            if (await price_tracking(client, alice, item))["status"] == "ok":
                break
            await asyncio.sleep(0.1)
    finally:
        await service.stop()
    assert (await price_tracking(client, alice, item))["current"]["price"] == "55.00"
    assert service.health()["enqueued"] == 1 and service.health()["checked"] == 1
    assert queues.depth() == 0


async def test_the_worker_process_drains_sqs_as_production_runs_it(
    client: httpx.AsyncClient,
    alice: Account,
    shop: Shop,
    settings: Settings,
    queues: Queues,
    moto_url: str,
    worker: Callable[..., RecheckWorker],
    tmp_path: Path,
) -> None:
    item = await watched_item(client, alice, shop.page("/p/1", price="45.00"))
    # Sent here: the product is marked, so only a process reading this SQS queue can check it.
    assert await worker().schedule_once() == 1
    env = worker_process_env(
        settings, tmp_path, shop.server.port, PRICE_RECHECK_QUEUE_URL=queues.url, PRICE_RECHECK_QUEUE_WAIT_SECONDS="1",
        AWS_ENDPOINT_URL_SQS=moto_url, AWS_REGION=REGION, **FAKE_CREDENTIALS,
    )  # fmt: skip
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "app.pricewatch.worker", cwd=REPO_ROOT, env=env
    )
    try:
        await status_becomes(client, alice, item, "ok")
    finally:
        process.send_signal(signal.SIGTERM)
        exit_code = await asyncio.wait_for(process.wait(), 30)
    assert exit_code == 0
    tracking = await price_tracking(client, alice, item)
    assert tracking["status"] == "ok" and tracking["current"]["source"] == "recheck"
    assert len(shop.requests_for("/p/1")) == 1
    assert queues.depth() == 0  # sent to SQS, received, deleted
