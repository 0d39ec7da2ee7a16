"""Development backends: `.eml` files a developer can open, and a log line that leaks no body."""

from __future__ import annotations

import logging
from email import message_from_bytes
from email.policy import default
from pathlib import Path

import pytest

from app.mail import OutgoingEmail
from app.mail.local import ConsoleEmailSender, FileEmailSender
from tests.support.inbox import body_text

RESET_LINK = "https://app.example/reset?token=secret-token-value"


async def test_file_backend_writes_a_complete_eml(tmp_path: Path) -> None:
    outbox = tmp_path / "outbox"
    sender = FileEmailSender(outbox, "no-reply@buyhive.test")

    message_id = await sender.send(
        OutgoingEmail(to=("ann@example.com",), subject="Reset", text=RESET_LINK, html=f"<a href='{RESET_LINK}'>x</a>")
    )

    [written] = list(outbox.iterdir())
    assert message_id == f"file:{written.stem}"
    parsed = message_from_bytes(written.read_bytes(), policy=default)
    assert parsed["To"] == "ann@example.com"
    assert RESET_LINK in body_text(parsed)
    assert RESET_LINK in body_text(parsed, "html")


async def test_console_backend_logs_the_envelope_but_never_the_body(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="app.mail.local")

    message_id = await ConsoleEmailSender().send(
        OutgoingEmail(to=("ann@example.com",), subject="Reset your password", text=RESET_LINK)
    )

    assert message_id.startswith("console:")
    [record] = caplog.records
    assert record.__dict__["subject"] == "Reset your password"
    assert "secret-token-value" not in caplog.text
    assert "secret-token-value" not in str(record.__dict__)


def test_an_unsubscribe_link_belongs_to_one_recipient_and_headers_stay_one_line() -> None:
    with pytest.raises(ValueError, match="one email per recipient"):
        OutgoingEmail(to=("a@example.com", "b@example.com"), subject="s", text="t", unsubscribe_url="https://x.test/u")
    with pytest.raises(ValueError, match="one printable line"):
        OutgoingEmail(to=("a@example.com",), subject="s", text="t", reply_to="a@example.com\r\nBcc: x@evil.test")
