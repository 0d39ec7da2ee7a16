"""A real moto server on 127.0.0.1 that speaks the SES v2 API, and a boto3 environment pointed at it."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from email import message_from_string
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

import httpx
import pytest

from app.db import free_port

SENDER = "no-reply@buyhive.test"


@pytest.fixture(scope="session")
def moto_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = (tmp_path_factory.mktemp("moto") / "moto.log").open("wb")
    command = [str(Path(sys.executable).with_name("moto_server")), "-H", "127.0.0.1", "-p", str(port)]
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                httpx.get(f"{url}/moto-api/", timeout=1).raise_for_status()
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("moto_server did not start") from None
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(10)
        log.close()


@pytest.fixture
def ses_env(moto_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """boto3 talks to moto with fake credentials; the sender identity is verified; moto starts empty."""
    monkeypatch.setenv("AWS_ENDPOINT_URL_SESV2", moto_url)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    httpx.post(f"{moto_url}/moto-api/reset").raise_for_status()
    import boto3

    boto3.session.Session().client("sesv2", region_name="us-east-1").create_email_identity(EmailIdentity=SENDER)
    yield moto_url


@pytest.fixture
def verified_sender(ses_env: str) -> str:
    return SENDER


@pytest.fixture
def sent_mail(ses_env: str) -> Callable[[], list[tuple[list[str], EmailMessage]]]:
    """Reads back what moto accepted as sent: (envelope recipients, parsed message) per send."""

    def read() -> list[tuple[list[str], EmailMessage]]:
        recorded = httpx.get(f"{ses_env}/moto-api/data.json").json()["ses"]["RawMessage"]
        return [
            (sorted(set(entry["destinations"])), message_from_string(entry["raw_data"], policy=default))
            for entry in recorded
        ]

    return read
