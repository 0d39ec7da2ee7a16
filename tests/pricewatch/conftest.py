"""Accounts for the price watch tests (made fast, see tests/items/factories.py); alice's address is verified."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from bson import ObjectId
from fastapi import FastAPI

from app.clock import utc_now
from tests.helpers import Account
from tests.items.factories import fast_account


async def mark_verified(db: Any, account: Account) -> None:
    """As if the person had followed their verification link (tests/auth covers that flow)."""
    await db["users"].update_one({"_id": ObjectId(account.user_id)}, {"$set": {"email_verified_at": utc_now()}})


@pytest.fixture
async def alice(app: FastAPI, client: httpx.AsyncClient) -> Account:
    account = await fast_account(app, client, "alice@example.com")
    await mark_verified(app.state.database.db, account)
    return account


@pytest.fixture
async def bob(app: FastAPI, client: httpx.AsyncClient) -> Account:
    return await fast_account(app, client, "bob@example.com")
