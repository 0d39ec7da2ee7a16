"""moto (SES v2) behind a fault-injecting proxy, with boto3 pointed at the proxy."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.faults.ses_proxy import SesFaultProxy
from tests.mail.moto_ses import FAKE_CREDENTIALS, moto_server, reset


@pytest.fixture(scope="session")
def moto_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with moto_server(tmp_path_factory.mktemp("moto")) as url:
        yield url


@pytest.fixture
def ses_proxy(moto_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[SesFaultProxy]:
    """A fresh moto (sender verified) behind a proxy that forwards everything until scripted otherwise."""
    reset(moto_url)
    proxy = SesFaultProxy(moto_url)
    monkeypatch.setenv("AWS_ENDPOINT_URL_SESV2", proxy.url)
    for name, value in FAKE_CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    yield proxy
    proxy.close()
