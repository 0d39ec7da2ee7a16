"""The composer registry: a registered kind is composed and sent; an unknown kind fails visibly, never silently."""

from __future__ import annotations

import logging
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from pathlib import Path
from typing import Any

import pytest
from pymongo.asynchronous.database import AsyncDatabase

from app.clock import utc_now
from app.config import Settings
from app.mail import OutgoingEmail
from app.mail.local import FileEmailSender
from app.outbox import repository, service
from app.outbox.registry import ComposerRegistry
from app.outbox.schemas import OutboxEntry, new_entry
from app.outbox.worker import OutboxWorker, RetryPolicy
from tests.mail.moto_ses import SENDER

NO_WAIT = RetryPolicy(max_attempts=2, base_seconds=0)


async def _greeting(entry: OutboxEntry, *, db: AsyncDatabase, settings: Settings) -> OutgoingEmail:
    return OutgoingEmail(
        to=(entry["to"],), subject=f"Hello {entry['name']}", text=f"Welcome to {settings.public_app_url}"
    )


def _worker(db: AsyncDatabase, settings: Settings, mail_dir: Path, registry: ComposerRegistry) -> OutboxWorker:
    return OutboxWorker(db, FileEmailSender(mail_dir, SENDER), settings, retry=NO_WAIT, registry=registry)


def _written(mail_dir: Path) -> list[EmailMessage]:
    return [message_from_bytes(path.read_bytes(), policy=default) for path in mail_dir.glob("*.eml")]


async def _drain(worker: OutboxWorker) -> None:
    while await worker.process_next():
        pass


async def _entry(db: AsyncDatabase, entry: OutboxEntry) -> dict[str, Any]:
    found = await db["outbox"].find_one({"_id": entry["_id"]})
    assert found is not None
    return found


async def test_a_registered_kind_is_composed_at_send_time_and_sent(
    outbox: AsyncDatabase, worker_settings: Settings, tmp_path: Path
) -> None:
    registry = ComposerRegistry()
    registry.register("greeting", _greeting)
    entry = await service.enqueue(
        outbox, kind="greeting", payload={"to": "ann@example.com", "name": "Ann"}, registry=registry
    )

    await _drain(_worker(outbox, worker_settings, tmp_path, registry))

    [sent] = _written(tmp_path)
    assert (sent["To"], sent["Subject"]) == ("ann@example.com", "Hello Ann")
    assert f"Welcome to {worker_settings.public_app_url}" in sent.get_content()
    assert (await _entry(outbox, entry))["status"] == "sent"


async def test_an_unknown_kind_ends_failed_with_the_reason_and_sends_nothing(
    outbox: AsyncDatabase, worker_settings: Settings, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # Written by code that knows the kind (a newer instance, say) and claimed by a worker that does not.
    entry = new_entry("greeting", now=utc_now(), to="ann@example.com", name="Ann")
    await repository.insert_entry(outbox, entry)

    with caplog.at_level(logging.ERROR, logger="app.outbox.worker"):
        await _drain(_worker(outbox, worker_settings, tmp_path, ComposerRegistry()))

    stored = await _entry(outbox, entry)
    assert (stored["status"], stored["attempts"]) == ("failed", NO_WAIT.max_attempts)
    assert stored["error"] == "no composer registered for outbox kind 'greeting'"
    assert any("no composer registered" in record.getMessage() for record in caplog.records)
    assert _written(tmp_path) == []


async def test_queueing_an_unregistered_kind_is_refused_at_once(outbox: AsyncDatabase) -> None:
    with pytest.raises(ValueError, match="no composer registered"):
        await service.enqueue(outbox, kind="greeting", payload={"to": "ann@example.com"}, registry=ComposerRegistry())

    assert await outbox["outbox"].count_documents({}) == 0


def test_a_kind_cannot_be_given_a_second_composer() -> None:
    registry = ComposerRegistry()
    registry.register("greeting", _greeting)
    registry.register("greeting", _greeting)  # the same one again (a module imported twice) is harmless

    async def other(entry: OutboxEntry, *, db: AsyncDatabase, settings: Settings) -> None:
        return None

    with pytest.raises(ValueError, match="already has a composer"):
        registry.register("greeting", other)


def test_the_app_registers_every_email_it_sends() -> None:
    from app.outbox.registry import composers
    from main import create_app  # noqa: F401 (importing the app imports every domain that registers)

    assert "share" in composers
    assert "password_reset" in composers
