"""SES bounces and complaints, read from an SQS queue, feed the suppression list.

Path: the SES configuration set (SES_CONFIGURATION_SET) has an event destination for Bounce and Complaint events,
an SNS topic; an SQS queue (SES_FEEDBACK_QUEUE_URL) subscribes to that topic. Every instance polls the queue: a
message is handled by one of them, stays in the queue through an outage, and nothing of ours has to be reachable
from the internet (see README, "Email feedback").
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from email.utils import parseaddr
from typing import Any

import boto3
from botocore.config import Config
from pymongo.asynchronous.database import AsyncDatabase

from app.config import Settings
from app.suppression import service
from app.suppression.service import Reason

logger = logging.getLogger(__name__)

_BATCH = 10  # SQS's most per receive
_ERROR_PAUSE_SECONDS = 5.0


def feedback_in(body: str) -> list[tuple[str, Reason]]:
    """The (address, reason) pairs an SQS message body asks to suppress: a hard bounce or a complaint.

    The body is SES's event JSON, wrapped in SNS's envelope unless the subscription uses raw delivery. A soft
    (transient) bounce suppresses nobody: the mailbox exists, it was full or the server busy.
    """
    event = json.loads(body)
    if event.get("Type") == "Notification" and isinstance(event.get("Message"), str):
        event = json.loads(event["Message"])
    # Configuration-set events say eventType; identity notifications (the older mechanism) say notificationType.
    kind = event.get("eventType") or event.get("notificationType")
    if kind == "Bounce" and event.get("bounce", {}).get("bounceType") == "Permanent":
        return [(address, "bounced") for address in _addresses(event["bounce"].get("bouncedRecipients"))]
    if kind == "Complaint":
        return [(address, "complained") for address in _addresses(event["complaint"].get("complainedRecipients"))]
    return []


def _addresses(recipients: Any) -> list[str]:
    found = []
    for recipient in recipients or []:
        address = parseaddr(str(recipient.get("emailAddress", "")))[1]
        if "@" in address:
            found.append(address)
    return found


class SesFeedbackPoller:
    """Long-polls the feedback queue; each message is deleted once what it reports is on the list."""

    def __init__(self, db: AsyncDatabase, settings: Settings) -> None:
        self.db = db
        self.queue_url = settings.ses_feedback_queue_url
        self.wait_seconds = settings.ses_feedback_wait_seconds
        self._client = boto3.session.Session().client(
            "sqs",
            region_name=settings.aws_region,
            config=Config(connect_timeout=5, read_timeout=self.wait_seconds + 10, retries={"mode": "standard"}),
        )
        self._task: asyncio.Task[None] | None = None
        self._counts = {"suppressed": 0, "ignored": 0, "unreadable": 0}
        self._last_error: str | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="ses-feedback-poller")

    async def stop(self) -> None:
        # A receive in flight is abandoned: its messages become visible again and are read next time (adding an
        # address twice changes nothing). Its thread still ends only when the receive returns (at most
        # SES_FEEDBACK_WAIT_SECONDS), and the event loop waits for it on exit.
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    def health(self) -> dict[str, Any]:
        running = self._task is not None and not self._task.done()
        return {"status": "running" if running else "stopped", **self._counts, "last_error": self._last_error}

    async def _run(self) -> None:
        while True:
            try:
                await self.poll_once()
                self._last_error = None
            except Exception as exc:  # the queue or the database is away: keep trying, without spinning
                self._last_error = type(exc).__name__
                logger.warning("ses feedback: poll failed", exc_info=True)
                await asyncio.sleep(_ERROR_PAUSE_SECONDS)

    async def poll_once(self) -> int:
        """Receive one batch and handle it; returns how many messages were handled."""
        response = await asyncio.to_thread(
            self._client.receive_message,
            QueueUrl=self.queue_url,
            MaxNumberOfMessages=_BATCH,
            WaitTimeSeconds=self.wait_seconds,
        )
        messages = response.get("Messages", [])
        for message in messages:
            await self._handle(message)
            await asyncio.to_thread(
                self._client.delete_message, QueueUrl=self.queue_url, ReceiptHandle=message["ReceiptHandle"]
            )
        return len(messages)

    async def _handle(self, message: dict[str, Any]) -> None:
        try:
            feedback = feedback_in(message.get("Body", ""))
        except (ValueError, KeyError, TypeError, AttributeError):
            # Not SES feedback (a test message, a misrouted topic): dropped, or it would come back forever.
            self._counts["unreadable"] += 1
            logger.warning("ses feedback: unreadable message dropped", extra={"message_id": message.get("MessageId")})
            return
        if not feedback:
            self._counts["ignored"] += 1
        for address, reason in feedback:
            await service.suppress(self.db, reason=reason, address=address)
            self._counts["suppressed"] += 1
            logger.info("ses feedback: address suppressed", extra={"reason": reason})
