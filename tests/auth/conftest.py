"""The local Google issuer shared by the Google sign-in tests, and an app that trusts it (one per test module)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from app.db import EmbeddedMongo
from tests.auth.google_issuer import CLIENT_ID, CLIENT_SECRET, FakeGoogle
from tests.support.app import make_settings, running_app


@pytest.fixture(scope="module")
def google() -> Iterator[FakeGoogle]:
    fake = FakeGoogle()
    fake.add_key("key-1")
    fake.add_key("rogue", publish=False)
    fake.start()
    yield fake
    fake.stop()


@pytest.fixture(scope="module")
async def google_app(
    mongo_server: EmbeddedMongo, google: FakeGoogle, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
    """An app that trusts the local issuer for Google sign-in (one per test module)."""
    settings = make_settings(
        mongo_server.url,
        Path(tmp_path_factory.mktemp("data")),
        google_client_ids=[CLIENT_ID],
        google_client_secret=CLIENT_SECRET,
        google_jwks_url=google.jwks_url,
        google_token_url=google.token_url,
    )
    async with running_app(settings) as pair:
        yield pair
