"""AWS SES v2 through boto3, off the event loop, with failures sorted into transient and permanent."""

from __future__ import annotations

import asyncio
from typing import Any

import boto3
from botocore.config import Config
from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    ConnectionClosedError,
    ConnectTimeoutError,
    EndpointConnectionError,
    HTTPClientError,
    ReadTimeoutError,
)

from app.mail.base import EmailDeliveryError, OutgoingEmail

_TRANSIENT_CODES = frozenset(
    {
        "TooManyRequestsException",
        "Throttling",
        "ThrottlingException",
        "LimitExceededException",
        "RequestTimeout",
        "RequestTimeoutException",
        "ServiceUnavailable",
        "InternalFailure",
        "InternalServerError",
    }
)
# Everything else from SES (MessageRejected, MailFromDomainNotVerifiedException, BadRequestException,
# NotFoundException, AccountSuspendedException, SendingPausedException, ...) fails the same way on a retry.
_NETWORK_ERRORS = (
    EndpointConnectionError,
    ConnectTimeoutError,
    ReadTimeoutError,
    ConnectionClosedError,
    HTTPClientError,
)

# Worst case for one send is connect + read timeout: it must stay well inside the outbox lease, so that no
# other worker takes a message over while this one may still be handing it to SES.
CONNECT_TIMEOUT_SECONDS = 5
READ_TIMEOUT_SECONDS = 20


def classify_ses_error(exc: Exception) -> EmailDeliveryError:
    if isinstance(exc, ClientError):
        error = exc.response.get("Error", {})
        code = str(error.get("Code", "Unknown"))
        status = int(exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode") or 0)
        transient = code in _TRANSIENT_CODES or status == 429 or status >= 500
        return EmailDeliveryError(f"{code}: {error.get('Message', '')}".rstrip(": "), transient=transient)
    if isinstance(exc, _NETWORK_ERRORS):
        return EmailDeliveryError(f"network: {type(exc).__name__}", transient=True)
    if isinstance(exc, BotoCoreError):  # credentials, region or parameter problems: configuration, not luck
        return EmailDeliveryError(f"configuration: {type(exc).__name__}: {exc}", transient=False)
    return EmailDeliveryError(f"unexpected: {type(exc).__name__}", transient=False)


class SesEmailSender:
    name = "ses"

    def __init__(self, *, region: str, sender: str, configuration_set: str | None = None) -> None:
        self.sender = sender
        self.configuration_set = configuration_set
        # Built once at start-up: boto3 clients are thread-safe, creating them is not cheap.
        # No botocore retries: a retried request whose first attempt SES accepted would send twice;
        # the outbox retries instead, with its own bookkeeping.
        self._client = boto3.session.Session().client(
            "sesv2",
            region_name=region,
            config=Config(
                retries={"mode": "standard", "total_max_attempts": 1},  # max_attempts would mean one retry
                connect_timeout=CONNECT_TIMEOUT_SECONDS,
                read_timeout=READ_TIMEOUT_SECONDS,
            ),
        )

    async def send(self, message: OutgoingEmail) -> str:
        request: dict[str, Any] = {
            "FromEmailAddress": self.sender,
            "Destination": {"ToAddresses": list(message.to)},
            # Raw content: the same MIME message the file backend writes, with our idempotency header.
            "Content": {"Raw": {"Data": bytes(message.to_mime(self.sender))}},
        }
        if self.configuration_set:
            request["ConfigurationSetName"] = self.configuration_set
        try:
            response = await asyncio.to_thread(self._client.send_email, **request)
        except Exception as exc:  # every failure is sorted into transient/permanent for the outbox
            raise classify_ses_error(exc) from exc
        return str(response["MessageId"])
