"""The queue of scheduled re-checks: AWS SQS in production (PRICE_RECHECK_QUEUE_URL), an in-process queue otherwise.

A message names a product and the due time it was scheduled for. Delivery is at least once: a message may come twice
(SQS redelivers one whose visibility timeout ran out, or sends a duplicate), so the message only says "check this if
it is still due then"; the product's lease in MongoDB decides (`Rechecker.process_scheduled`). A message whose
handling fails is not deleted: SQS delivers it again after the visibility timeout, and after the queue's redrive
policy's maxReceiveCount moves it to the dead-letter queue.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

import boto3
from botocore.config import Config
from bson import ObjectId
from bson.errors import InvalidId

from app.config import Settings

SQS_BATCH = 10  # SQS's most per send or receive


@dataclass(frozen=True)
class ScheduledCheck:
    product_id: ObjectId
    due: datetime  # the product's next_check_at when the message was sent

    def body(self) -> str:
        return json.dumps({"product_id": str(self.product_id), "due": self.due.isoformat()})

    @classmethod
    def parse(cls, body: str) -> ScheduledCheck:
        """Raises ValueError for a body that is not one of ours."""
        try:
            fields = json.loads(body)
            due = datetime.fromisoformat(fields["due"])
            product_id = ObjectId(fields["product_id"])
        except (KeyError, TypeError, InvalidId) as exc:
            raise ValueError("not a scheduled check") from exc
        if due.tzinfo is None:
            raise ValueError("due time without a time zone")
        return cls(product_id, due)


@dataclass(frozen=True)
class Delivery:
    body: str
    receipt: str  # what deleting the message takes


class RecheckQueue(Protocol):
    async def send(self, checks: list[ScheduledCheck]) -> None: ...

    async def receive(self, max_messages: int) -> list[Delivery]:
        """Up to max_messages, waiting a little (long polling) when none is there."""
        ...

    async def delete(self, delivery: Delivery) -> None: ...


class InProcessQueue:
    """The embedded default: scheduler and lanes in one process. A message is handed out once; one whose check
    failed is sent again by the scheduler once its product's enqueued_until has passed."""

    def __init__(self, wait_seconds: float) -> None:
        self.wait_seconds = wait_seconds
        self._messages: asyncio.Queue[str] = asyncio.Queue()

    async def send(self, checks: list[ScheduledCheck]) -> None:
        for check in checks:
            self._messages.put_nowait(check.body())

    async def receive(self, max_messages: int) -> list[Delivery]:
        try:
            first = await asyncio.wait_for(self._messages.get(), self.wait_seconds)
        except TimeoutError:
            return []
        bodies = [first]
        while len(bodies) < max_messages and not self._messages.empty():
            bodies.append(self._messages.get_nowait())
        return [Delivery(body, receipt="") for body in bodies]

    async def delete(self, delivery: Delivery) -> None:
        return None  # taken off the queue when received


class SqsQueue:
    """The production queue. boto3 is synchronous: each call runs in a worker thread."""

    def __init__(self, queue_url: str, settings: Settings) -> None:
        self.queue_url = queue_url
        self.wait_seconds = settings.price_recheck_queue_wait_seconds
        self._client: Any = boto3.session.Session().client(
            "sqs",
            region_name=settings.aws_region,
            config=Config(connect_timeout=5, read_timeout=self.wait_seconds + 10, retries={"mode": "standard"}),
        )

    async def send(self, checks: list[ScheduledCheck]) -> None:
        for start in range(0, len(checks), SQS_BATCH):
            entries = [
                {"Id": str(index), "MessageBody": check.body()}
                for index, check in enumerate(checks[start : start + SQS_BATCH])
            ]
            response = await asyncio.to_thread(
                self._client.send_message_batch, QueueUrl=self.queue_url, Entries=entries
            )
            if response.get("Failed"):
                raise RuntimeError(f"SQS refused {len(response['Failed'])} of {len(entries)} messages")

    async def receive(self, max_messages: int) -> list[Delivery]:
        response = await asyncio.to_thread(
            self._client.receive_message,
            QueueUrl=self.queue_url,
            MaxNumberOfMessages=min(max_messages, SQS_BATCH),
            WaitTimeSeconds=self.wait_seconds,
        )
        return [Delivery(message["Body"], message["ReceiptHandle"]) for message in response.get("Messages", [])]

    async def delete(self, delivery: Delivery) -> None:
        await asyncio.to_thread(self._client.delete_message, QueueUrl=self.queue_url, ReceiptHandle=delivery.receipt)


def make_queue(settings: Settings) -> RecheckQueue:
    if settings.price_recheck_queue_url:
        return SqsQueue(settings.price_recheck_queue_url, settings)
    return InProcessQueue(wait_seconds=min(settings.price_recheck_poll_seconds, 1.0))
