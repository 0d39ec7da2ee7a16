"""alice and bob, created without a per-test Argon2 hash (see tests/items/factories.py)."""

from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI

from tests.helpers import Account
from tests.items.factories import fast_account


@pytest.fixture
async def alice(app: FastAPI, client: httpx.AsyncClient) -> Account:
    return await fast_account(app, client, "alice@example.com")


@pytest.fixture
async def bob(app: FastAPI, client: httpx.AsyncClient) -> Account:
    return await fast_account(app, client, "bob@example.com")
