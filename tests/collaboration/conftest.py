"""alice owns carts; bob and carol are people she shares them with (accounts made fast: tests/support/accounts.py;
alice's address verified).

Their addresses are their own: the outbox directory lives for the whole test session, and other tests assert
that nothing was ever mailed to bob@example.com."""

from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI

from tests.support.accounts import (
    Account,
    fast_account,
    verified_alice,  # noqa: F401 (fixture)
)


@pytest.fixture
async def bob(app: FastAPI, client: httpx.AsyncClient) -> Account:
    return await fast_account(app, client, "bob.invitee@example.com")


@pytest.fixture
async def carol(app: FastAPI, client: httpx.AsyncClient) -> Account:
    return await fast_account(app, client, "carol.invitee@example.com")
