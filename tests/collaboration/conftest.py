"""alice owns carts; bob and carol are people she shares them with (accounts made fast: tests/items/factories.py).

Their addresses are their own: the outbox directory lives for the whole test session, and other tests assert
that nothing was ever mailed to bob@example.com."""

from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI

from tests.helpers import Account
from tests.items.factories import fast_account, mark_email_verified


@pytest.fixture
async def alice(app: FastAPI, client: httpx.AsyncClient) -> Account:
    account = await fast_account(app, client, "alice@example.com")
    await mark_email_verified(app.state.database.db, account)
    return account


@pytest.fixture
async def bob(app: FastAPI, client: httpx.AsyncClient) -> Account:
    return await fast_account(app, client, "bob.invitee@example.com")


@pytest.fixture
async def carol(app: FastAPI, client: httpx.AsyncClient) -> Account:
    return await fast_account(app, client, "carol.invitee@example.com")
