"""A moto server for the mail tests, and a boto3 environment pointed at it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from tests.mail.moto_ses import SENDER, SentEmail, boto_environment, moto_server, reset, sent_emails


@pytest.fixture(scope="session")
def moto_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with moto_server(tmp_path_factory.mktemp("moto")) as url:
        yield url


@pytest.fixture
def verified_sender(moto_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """boto3 talks to a freshly reset moto with fake credentials; this sender identity is verified there."""
    for name, value in boto_environment(moto_url).items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    reset(moto_url)
    return SENDER


@pytest.fixture
def sent_mail(moto_url: str) -> Callable[[], list[SentEmail]]:
    return lambda: sent_emails(moto_url)
