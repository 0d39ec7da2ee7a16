"""Issue 13 finding 4: /extract is bounded per process; the overflow waits briefly, then gets an enveloped 503."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from app.config import Settings
from app.db import EmbeddedMongo
from tests.llm.fake_provider import (
    GROQ_PATH,
    Reply,
    ScriptedLlmServer,
    module_llm_server,  # noqa: F401 (fixture)
)
from tests.support.accounts import register_account
from tests.support.app import make_settings, running_app

# No price in the markup, so the extraction asks the LLM, which answers late: the extraction holds its slot.
SLOW_PAGE = """<html lang="en"><head><title>Trail Runner 3 | Peak</title>
<meta property="og:type" content="product"><meta property="og:title" content="Trail Runner 3"></head>
<body><h1>Trail Runner 3</h1><p>Yours for $129.00 with free shipping.</p><button>Add to cart</button></body></html>"""
LLM_DELAY_SECONDS = 4.0


@pytest.fixture
async def one_slot_app(
    mongo_server: EmbeddedMongo, tmp_path: Path, llm_server: ScriptedLlmServer
) -> AsyncIterator[httpx.AsyncClient]:
    llm_server.reset()
    llm_server.script(
        GROQ_PATH, then=Reply(content='{"price": "129.00", "currency": "USD"}', delay_seconds=LLM_DELAY_SECONDS)
    )
    settings = make_settings(
        mongo_server.url,
        tmp_path,
        groq_api_key="k",
        groq_base_url=llm_server.base_url,
        llm_timeout_seconds=2 * LLM_DELAY_SECONDS,
        llm_max_retries=0,
        extract_max_concurrent=1,
        extract_queue_wait_seconds=0.3,
    )
    async with running_app(settings) as (_, client):
        yield client


async def test_extraction_beyond_the_bound_waits_then_answers_503_with_retry_after(
    one_slot_app: httpx.AsyncClient,
) -> None:
    client = one_slot_app
    account = await register_account(client)

    async def extract(n: int) -> httpx.Response:
        body = {"url": f"https://peak.example/products/trail-runner-{n}", "html": SLOW_PAGE}
        return await client.post("/api/v1/extract", json=body, headers=account.headers)

    slow = asyncio.create_task(extract(1))
    await asyncio.sleep(0.3)  # the first extraction now holds the only slot, waiting on the LLM
    started = time.perf_counter()
    refused = await extract(2)
    waited = time.perf_counter() - started
    slow_still_running = not slow.done()
    live = await client.get("/health/live")

    assert refused.status_code == 503
    assert refused.json()["error"]["code"] == "service_unavailable"
    assert refused.json()["error"]["request_id"] == refused.headers["x-request-id"]
    assert int(refused.headers["retry-after"]) >= 1
    # it queued for the configured wait, not until the slow extraction gave its slot back (an order, not a wall-clock
    # bound: this machine may be busy)
    assert waited >= 0.25
    assert slow_still_running
    assert live.status_code == 200

    assert (await slow).status_code == 200
    assert (await extract(3)).status_code == 200  # the slot was given back


async def test_a_client_sending_its_page_slowly_holds_no_slot(one_slot_app: httpx.AsyncClient) -> None:
    client = one_slot_app
    account = await register_account(client)
    body_sent = asyncio.Event()

    async def trickle() -> AsyncIterator[bytes]:
        yield b'{"url": "https://peak.example/products/slow", '
        await body_sent.wait()
        yield b'"html": "<html><body><h1>Slow</h1></body></html>"}'

    headers = {**account.headers, "Content-Type": "application/json"}
    stalled = asyncio.create_task(client.post("/api/v1/extract", content=trickle(), headers=headers))
    await asyncio.sleep(0.2)
    other = await client.post(
        "/api/v1/extract",
        json={"url": "https://shop.example/p/article", "html": "<html><body><p>Hello</p></body></html>"},
        headers=account.headers,
    )
    body_sent.set()
    assert other.status_code == 200
    assert (await stalled).status_code == 200


def test_bound_defaults_are_sensible(settings: Settings) -> None:
    assert settings.extract_max_concurrent == 4
    assert settings.extract_queue_wait_seconds == 2.0
