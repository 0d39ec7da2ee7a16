"""Settings for tests, an app running in-process with its lifespan, and a clean database between tests."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI

from app.config import Settings
from main import create_app


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
    return Settings(_env_file=None, **values)


@asynccontextmanager
async def running_app(settings: Settings) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
    """An app with its lifespan running and an httpx client talking to it over ASGI."""
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            yield app, client


async def clear_database(db: Any) -> None:
    """Delete every document and keep the indexes: a clean slate between tests without rebuilding the schema."""
    for name in await db.list_collection_names():
        await db[name].delete_many({})
