"""End-to-end fixtures: the API under Uvicorn, the fixture shop, Chromium with the extension on a fresh profile.

Without Chromium these tests skip, saying why; under CI (CI set) they fail instead, so a broken
browser install can never pass as green.
"""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import NoReturn

import httpx
import pytest
from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Playwright, async_playwright, expect

from app.db import EmbeddedMongo
from tests.auth.google_issuer import CLIENT_ID as GOOGLE_CLIENT_ID
from tests.auth.google_issuer import CLIENT_SECRET as GOOGLE_CLIENT_SECRET
from tests.e2e.browser import (
    CHROMIUM,
    REPO_ROOT,
    ExtensionBrowser,
    extension_id,
    install_extension,
    source_manifest,
    start_chromium,
)
from tests.e2e.google import LocalGoogle
from tests.e2e.servers import ApiServer, FixtureShop, run_api
from tests.support.accounts import Account, register_account

SCREENSHOTS = REPO_ROOT / "test-output" / "e2e"


def unavailable(reason: str) -> NoReturn:
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must run the end-to-end tests)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
async def playwright() -> AsyncIterator[Playwright]:
    # The async API, on the suite's one event loop: the sync API would hold a loop of its own as "running" and
    # break every async test after it.
    expect.set_options(timeout=15_000)  # an extraction on a busy two-core CI machine can take seconds
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} is missing: run scripts/install_chromium.sh")
    async with async_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def google() -> Iterator[LocalGoogle]:
    server = LocalGoogle()
    server.add_key("e2e-key")
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def api(
    mongo_server: EmbeddedMongo, google: LocalGoogle, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ApiServer]:
    origin = f"chrome-extension://{extension_id(source_manifest())}"
    with run_api(
        mongo_url=mongo_server.url,
        mongo_db=f"e2e_{uuid.uuid4().hex[:8]}",
        data_dir=tmp_path_factory.mktemp("e2e-api"),
        extension_origin=origin,
        extra_env={
            "GOOGLE_CLIENT_IDS": GOOGLE_CLIENT_ID,
            "GOOGLE_CLIENT_SECRET": GOOGLE_CLIENT_SECRET,
            "GOOGLE_JWKS_URL": google.jwks_url,
            "GOOGLE_TOKEN_URL": google.token_url,
        },
    ) as server:
        yield server


@pytest.fixture(scope="session")
def shop() -> Iterator[FixtureShop]:
    server = FixtureShop()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def extension_dir(api: ApiServer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return install_extension(tmp_path_factory.mktemp("e2e-extension") / "buyhive", api.base_url)


@pytest.fixture(scope="session")
async def chromium(
    playwright: Playwright, extension_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[ExtensionBrowser]:
    """One browser for the run, on a fresh profile (starting one costs seconds); `browser` resets it per test."""
    try:
        context = await start_chromium(playwright, extension_dir, tmp_path_factory.mktemp("chromium-profile"))
    except PlaywrightError as exc:
        unavailable(f"Chromium could not start: {str(exc).splitlines()[0]}")
    try:
        yield await ExtensionBrowser.attach(context, extension_dir, SCREENSHOTS)
    finally:
        await context.close()


@pytest.fixture
async def browser(chromium: ExtensionBrowser, request: pytest.FixtureRequest) -> AsyncIterator[ExtensionBrowser]:
    """The extension as just installed: no tabs of a previous test, nothing stored (signed out, default settings)."""
    screenshots = SCREENSHOTS / re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
    shutil.rmtree(screenshots, ignore_errors=True)
    await chromium.reset()
    yield dataclasses.replace(chromium, screenshots=screenshots)
    await chromium.close_tabs()


@pytest.fixture
async def api_client(api: ApiServer) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=f"{api.base_url}/api/v1", timeout=30) as client:
        yield client


@pytest.fixture
async def person(api_client: httpx.AsyncClient) -> Account:
    """A freshly registered account (the tests sign in with it from the popup)."""
    return await register_account(api_client, name="Shopper")
