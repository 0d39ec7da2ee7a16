"""moto (SES v2) for the sharing tests, and accounts."""

from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI

from tests.helpers import Account
from tests.items.factories import verified_account
from tests.mail.moto_ses import ses, ses_url  # noqa: F401 (fixtures)


@pytest.fixture
async def alice(app: FastAPI, client: httpx.AsyncClient) -> Account:
    return await verified_account(app, client, "alice@example.com")


@pytest.fixture
async def bob(app: FastAPI, client: httpx.AsyncClient) -> Account:
    return await verified_account(app, client, "bob@example.com")
