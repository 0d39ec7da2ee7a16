"""moto (SES v2) for the sharing tests, a database for driving outbox workers by hand, and accounts."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from pymongo.asynchronous.database import AsyncDatabase

from app.config import Settings
from app.db import EmbeddedMongo, make_client
from app.indexes import ensure_indexes
from tests.conftest import make_settings
from tests.helpers import Account
from tests.items.factories import fast_account
from tests.mail.moto_ses import boto_environment, moto_server, reset


@pytest.fixture(scope="session")
def ses_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A moto server, with boto3 pointed at it for as long as the sharing tests run."""
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


@pytest.fixture(scope="module")
def worker_settings(mongo_server: EmbeddedMongo, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return make_settings(
        mongo_server.url, Path(tmp_path_factory.mktemp("data")), email_backend="ses", outbox_max_attempts=3
    )


@pytest.fixture(scope="module")
async def worker_db(worker_settings: Settings) -> AsyncIterator[AsyncDatabase]:
    """A database no app (and so no background worker) uses: the tests decide when a worker runs."""
    client = make_client(worker_settings.mongo_url or "", worker_settings)
    db = client[worker_settings.mongo_db]
    await ensure_indexes(db)
    yield db
    await client.drop_database(db.name)
    await client.close()


@pytest.fixture
async def outbox(worker_db: AsyncDatabase) -> AsyncIterator[AsyncDatabase]:
    yield worker_db
    await worker_db["outbox"].delete_many({})


@pytest.fixture
async def alice(app: FastAPI, client: httpx.AsyncClient) -> Account:
    return await fast_account(app, client, "alice@example.com")


@pytest.fixture
async def bob(app: FastAPI, client: httpx.AsyncClient) -> Account:
    return await fast_account(app, client, "bob@example.com")
