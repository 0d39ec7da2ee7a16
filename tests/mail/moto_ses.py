"""A real moto server speaking the SES v2 API on 127.0.0.1, and what it recorded as sent."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email import message_from_string
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

import boto3
import httpx
import pytest

from app.db import free_port
from tests.support.inbox import body_text

SENDER = "no-reply@buyhive.test"
REGION = "us-east-1"
FAKE_CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}


@dataclass(frozen=True)
class SentEmail:
    recipients: list[str]
    message: EmailMessage

    @property
    def html(self) -> str:
        return body_text(self.message, "html")

    @property
    def text(self) -> str:
        return body_text(self.message)


@contextmanager
def moto_server(log_dir: Path, port: int | None = None) -> Iterator[str]:
    port = port or free_port()
    url = f"http://127.0.0.1:{port}"
    command = [str(Path(sys.executable).with_name("moto_server")), "-H", "127.0.0.1", "-p", str(port)]
    with (log_dir / f"moto-{port}.log").open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        try:
            _wait_until_ready(url, process)
            yield url
        finally:
            process.terminate()
            process.wait(10)


def _wait_until_ready(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 20
    while True:
        try:
            httpx.get(f"{url}/moto-api/", timeout=1).raise_for_status()
            return
        except httpx.HTTPError:
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("moto_server did not start") from None
            time.sleep(0.1)


def boto_environment(url: str) -> dict[str, str]:
    """Environment for boto3 to talk to moto: its SES v2 endpoint and fake credentials."""
    return {"AWS_ENDPOINT_URL_SESV2": url, **FAKE_CREDENTIALS}


def reset(url: str, *, verified_sender: str | None = SENDER) -> None:
    """Forget every identity and message; verify the sender again unless told not to."""
    httpx.post(f"{url}/moto-api/reset").raise_for_status()
    if verified_sender:
        client = boto3.session.Session(
            aws_access_key_id="testing", aws_secret_access_key="testing", region_name=REGION
        ).client("sesv2", endpoint_url=url)
        client.create_email_identity(EmailIdentity=verified_sender)


def sent_emails(url: str) -> list[SentEmail]:
    recorded = httpx.get(f"{url}/moto-api/data.json").json()["ses"]["RawMessage"]
    # moto lists each envelope recipient twice (from the header and from Destination): dedupe.
    return [
        SentEmail(sorted(set(entry["destinations"])), message_from_string(entry["raw_data"], policy=default))
        for entry in recorded
    ]


# Fixtures for the suites that drive a whole SES path (sharing, outbox): import both into their conftest.
@pytest.fixture(scope="session")
def ses_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A moto server, with boto3 pointed at it for as long as the importing suite runs."""
    with moto_server(tmp_path_factory.mktemp("moto")) as url, pytest.MonkeyPatch.context() as patch:
        for name, value in boto_environment(url).items():
            patch.setenv(name, value)
        patch.delenv("AWS_PROFILE", raising=False)
        yield url


@pytest.fixture
def ses(ses_url: str) -> str:
    """A fresh moto: no messages, the default sender verified."""
    reset(ses_url)
    return ses_url
