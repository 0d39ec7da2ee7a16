"""moto (SES v2), and a database no app uses, for driving outbox workers by hand."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from pymongo.asynchronous.database import AsyncDatabase

from app.config import Settings
from app.db import EmbeddedMongo, make_client
from app.indexes import ensure_indexes
from tests.mail.moto_ses import ses, ses_url  # noqa: F401 (fixtures)
from tests.support.app import make_settings


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
