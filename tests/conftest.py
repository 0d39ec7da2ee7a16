"""Real servers for the whole suite: one SecantusDB process on 127.0.0.1, one app, clean state per test."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from app.config import Settings
from app.db import EmbeddedMongo
from main import create_app
from tests.helpers import Account, clear_database, register_account

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = REPO_ROOT.parent / "shared"


@pytest.fixture(scope="session")
def mongo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedMongo]:
    server = EmbeddedMongo(tmp_path_factory.mktemp("mongo"))
    server.start()
    yield server
    server.stop()


def make_settings(mongo_url: str, data_dir: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "environment": "test",
        "mongo_url": mongo_url,
        "mongo_db": f"test_{uuid.uuid4().hex[:8]}",
        "data_dir": data_dir,
        "jwt_secret_key": "test-secret-key-that-is-long-enough-0123456789",
        "rate_limit_enabled": False,
        "email_backend": "file",
        "log_level": "WARNING",
        "metrics_enabled": False,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@asynccontextmanager
async def running_app(settings: Settings) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
    """An app with its lifespan running and an httpx client talking to it over ASGI."""
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            yield app, client


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


@pytest.fixture
async def alice(client: httpx.AsyncClient) -> Account:
    return await register_account(client, "alice@example.com")


@pytest.fixture
async def bob(client: httpx.AsyncClient) -> Account:
    return await register_account(client, "bob@example.com")
