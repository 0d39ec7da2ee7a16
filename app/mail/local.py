"""Development backends: `.eml` files under DATA_DIR/outbox, or a log line."""

from __future__ import annotations

import asyncio
import logging
import uuid
from datetime import UTC, datetime
from pathlib import Path

from app.mail.base import EmailDeliveryError, OutgoingEmail

logger = logging.getLogger(__name__)


class FileEmailSender:
    name = "file"

    def __init__(self, directory: Path, sender: str) -> None:
        self.directory = directory
        self.sender = sender

    async def send(self, message: OutgoingEmail) -> str:
        # Not clock.utc_now(): a file name, not a stored timestamp; its microseconds keep the folder in send order.
        message_id = f"{datetime.now(UTC):%Y%m%dT%H%M%S%fZ}-{uuid.uuid4().hex[:12]}"  # noqa: TID251
        data = bytes(message.to_mime(self.sender))
        try:
            await asyncio.to_thread(self._write, f"{message_id}.eml", data)
        except OSError as exc:
            raise EmailDeliveryError(f"cannot write to the file outbox: {exc.strerror}", transient=True) from exc
        return f"file:{message_id}"

    def _write(self, filename: str, data: bytes) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        partial = self.directory / f".{filename}.partial"
        partial.write_bytes(data)
        # A reader polling the directory never sees half a message.
        partial.replace(self.directory / filename)


class ConsoleEmailSender:
    name = "console"

    async def send(self, message: OutgoingEmail) -> str:
        message_id = f"console:{uuid.uuid4().hex}"
        # Only the envelope: bodies may hold password-reset links.
        logger.info(
            "email (console backend, body not logged)",
            extra={"message_id": message_id, "to_count": len(message.to), "subject": message.subject},
        )
        return message_id
