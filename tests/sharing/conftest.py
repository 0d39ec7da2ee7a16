"""moto (SES v2) for the sharing tests, apps that send through it, and verified accounts."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from app.config import Settings
from app.db import EmbeddedMongo
from tests.mail.moto_ses import SENDER, ses, ses_url  # noqa: F401 (fixtures)
from tests.support.accounts import Account, verified_account, verified_alice, verified_bob  # noqa: F401 (fixtures)
from tests.support.app import make_settings, running_app


def ses_settings(mongo_server: EmbeddedMongo, data_dir: Path) -> Settings:
    return make_settings(
        mongo_server.url,
        data_dir,
        email_backend="ses",
        ses_from_email=SENDER,
        outbox_poll_seconds=0.05,
        public_app_url="https://app.buyhive.test",
    )


@pytest.fixture(scope="module")
async def ses_app(
    mongo_server: EmbeddedMongo,
    ses_url: str,  # noqa: F811 (the fixture imported above)
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
    """An app of the module's own whose outbox worker sends through boto3 to moto."""
    async with running_app(ses_settings(mongo_server, tmp_path_factory.mktemp("data"))) as pair:
        yield pair


@pytest.fixture
async def ses_client(
    ses_app: tuple[FastAPI, httpx.AsyncClient],
    ses: str,  # noqa: F811 (the fixture imported above)
) -> AsyncIterator[httpx.AsyncClient]:
    yield ses_app[1]
    db = ses_app[0].state.database.db
    for name in await db.list_collection_names():
        await db[name].delete_many({})


@pytest.fixture
async def carol(ses_app: tuple[FastAPI, httpx.AsyncClient], ses_client: httpx.AsyncClient) -> Account:
    return await verified_account(ses_app[0], ses_client, "carol@example.com", name="Carol")
