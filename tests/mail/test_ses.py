"""The SES v2 backend against a real moto server through the real boto3 client."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from botocore.exceptions import ClientError

from app.config import Settings
from app.db import free_port
from app.mail import EmailDeliveryError, OutgoingEmail, build_email_sender
from app.mail.base import IDEMPOTENCY_HEADER
from app.mail.ses import SesEmailSender, classify_ses_error
from tests.mail.moto_ses import SentEmail


def _ses(sender: str) -> SesEmailSender:
    return SesEmailSender(region="us-east-1", sender=sender, configuration_set="buyhive-test")


async def test_send_delivers_text_and_html_to_every_recipient(
    verified_sender: str, sent_mail: Callable[[], list[SentEmail]]
) -> None:
    email = OutgoingEmail(
        to=("ann@example.com", "bob@example.org"),
        subject="Café list\r\nBcc: victim@example.com",
        text="Plain café",
        html="<p>HTML café</p>",
        idempotency_key="outbox-1",
    )

    message_id = await _ses(verified_sender).send(email)

    [delivered] = sent_mail()
    sent = delivered.message
    assert message_id
    assert delivered.recipients == ["ann@example.com", "bob@example.org"]
    assert sent["From"] == verified_sender
    assert sent["Subject"] == "Café list Bcc: victim@example.com"  # the line break did not become a header
    assert sent["Bcc"] is None
    assert sent[IDEMPOTENCY_HEADER] == "outbox-1"
    assert delivered.text.strip() == "Plain café"
    assert delivered.html.strip() == "<p>HTML café</p>"


async def test_unverified_sender_is_a_permanent_failure(
    verified_sender: str, sent_mail: Callable[[], list[SentEmail]]
) -> None:
    with pytest.raises(EmailDeliveryError) as failure:
        await _ses(sender="someone@unverified.test").send(OutgoingEmail(to=("ann@example.com",), subject="s", text="t"))

    assert failure.value.transient is False
    assert failure.value.reason.startswith("MessageRejected")
    assert sent_mail() == []


async def test_unreachable_endpoint_is_a_transient_failure(
    verified_sender: str, monkeypatch: pytest.MonkeyPatch, sent_mail: Callable[[], list[SentEmail]]
) -> None:
    monkeypatch.setenv("AWS_ENDPOINT_URL_SESV2", f"http://127.0.0.1:{free_port()}")

    with pytest.raises(EmailDeliveryError) as failure:
        await _ses(verified_sender).send(OutgoingEmail(to=("ann@example.com",), subject="s", text="t"))

    assert failure.value.transient is True
    assert failure.value.reason.startswith("network:")
    assert sent_mail() == []


@pytest.mark.parametrize(
    ("code", "status", "transient"),
    [
        ("TooManyRequestsException", 429, True),
        ("Throttling", 400, True),
        ("InternalFailure", 500, True),
        ("SomethingNew", 503, True),
        ("MessageRejected", 400, False),
        ("MailFromDomainNotVerifiedException", 400, False),
        ("BadRequestException", 400, False),
        ("AccountSuspendedException", 400, False),
    ],
)
def test_provider_errors_are_classified(code: str, status: int, transient: bool) -> None:
    error = ClientError(
        {"Error": {"Code": code, "Message": "why"}, "ResponseMetadata": {"HTTPStatusCode": status}}, "SendEmail"
    )

    classified = classify_ses_error(error)

    assert classified.transient is transient
    assert classified.reason == f"{code}: why"


def test_factory_builds_the_configured_backend(tmp_path: Path) -> None:
    assert build_email_sender(Settings(email_backend="ses", aws_region="eu-west-1")).name == "ses"
    assert build_email_sender(Settings(email_backend="file", data_dir=tmp_path)).name == "file"
    assert build_email_sender(Settings(email_backend="console")).name == "console"
