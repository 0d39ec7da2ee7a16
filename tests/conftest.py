"""Real servers for the whole suite: one SecantusDB process on 127.0.0.1, one app, clean state per test."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from app.config import Settings
from app.db import EmbeddedMongo
from tests.support.accounts import registered_alice, registered_bob  # noqa: F401 (fixtures)
from tests.support.app import clear_database, make_settings, running_app


@pytest.fixture(scope="session")
def mongo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedMongo]:
    server = EmbeddedMongo(tmp_path_factory.mktemp("mongo"))
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def settings(mongo_server: EmbeddedMongo, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return make_settings(mongo_server.url, tmp_path_factory.mktemp("data"))


@pytest.fixture(scope="session")
async def app_and_client(settings: Settings) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
    async with running_app(settings) as pair:
        yield pair


@pytest.fixture
async def app(app_and_client: tuple[FastAPI, httpx.AsyncClient]) -> AsyncIterator[FastAPI]:
    app = app_and_client[0]
    yield app
    await clear_database(app.state.database.db)


@pytest.fixture
async def client(app: FastAPI, app_and_client: tuple[FastAPI, httpx.AsyncClient]) -> httpx.AsyncClient:
    return app_and_client[1]


@pytest.fixture
def db(app: FastAPI) -> Any:
    return app.state.database.db
