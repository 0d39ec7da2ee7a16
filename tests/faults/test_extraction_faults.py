"""Extraction when its dependencies misbehave: LLM providers down or slow, image hosts slow or hostile.

- Groq times out, answers garbage, 429s or 500s: OpenAI takes over and `sources` says so.
- Both down: the structured-data result comes back, with `sources` naming only stages that supplied a value.
- A slow image host, a decompression bomb and an oversized image: skipped within the image deadline; the good
  image is still ranked and the request answers.
LLM calls go through the real groq/openai SDKs to a scripted OpenAI-compatible server on 127.0.0.1.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from PIL import Image

from app.db import EmbeddedMongo
from app.extraction.images import IMAGE_DEADLINE_SECONDS
from tests.llm.fake_provider import (
    GROQ_PATH,
    OPENAI_PATH,
    Reply,
    ScriptedLlmServer,
    answer,
    module_llm_server,  # noqa: F401 (fixture)
)
from tests.net.conftest import png_bytes
from tests.support.accounts import register_account
from tests.support.app import make_settings, running_app
from tests.support.models import TINY_CLIP, save_tiny_clip
from tests.support.servers import StubServer, respond, stream

# The price is only in the visible text: structured data cannot supply it, an LLM can.
PAGE = """<html lang="en"><head><title>Trail Runner 3 | Peak Outfitters</title>
<meta property="og:type" content="product"><meta property="og:title" content="Trail Runner 3"></head>
<body><h1>Trail Runner 3</h1><p>Lightweight trail shoe.</p><p>Yours for $129.00 with free shipping and returns.</p>
<button>Add to cart</button></body></html>"""
LLM_TIMEOUT_S = 1.0
STAGES = {"jsonld", "microdata", "rdfa", "opengraph", "heuristic", "visible", "clip", "llm:groq", "llm:openai"}

GROQ_FAILURES = {
    "timeout": Reply(content='{"price": "129.00", "currency": "USD"}', delay_seconds=LLM_TIMEOUT_S * 3),
    "garbage": Reply(content="Sure! The price is 129 dollars."),
    "429": Reply(status=429, headers={"retry-after": "30"}),
    "500": Reply(status=500),
}


def _llm_settings(mongo_server: EmbeddedMongo, data_dir: Path, llm_server: ScriptedLlmServer) -> Any:
    return make_settings(
        mongo_server.url, data_dir, groq_api_key="k", groq_base_url=llm_server.base_url, openai_api_key="k",
        openai_base_url=llm_server.base_url, llm_timeout_seconds=LLM_TIMEOUT_S, llm_max_retries=1,
    )  # fmt: skip


def _assert_sources_honest(body: dict[str, Any]) -> None:
    """Every field with a value names the stage it came from; no stage is named for a field without one."""
    product, sources = body["product"], body["sources"]
    valued = {field for field, value in product.items() if field != "images" and value is not None}
    assert set(sources) == valued, (sources, product)
    assert set(sources.values()) <= STAGES, sources


async def _extract(client: httpx.AsyncClient, url: str, html: str, **extra: Any) -> dict[str, Any]:
    account = await register_account(client)
    response = await client.post("/api/v1/extract", json={"url": url, "html": html, **extra}, headers=account.headers)
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize("failure", list(GROQ_FAILURES))
async def test_openai_takes_over_when_groq_fails(
    failure: str, mongo_server: EmbeddedMongo, tmp_path: Path, llm_server: ScriptedLlmServer
) -> None:
    llm_server.reset()
    llm_server.script(GROQ_PATH, then=GROQ_FAILURES[failure])
    llm_server.script(OPENAI_PATH, then=answer(price="129.00", currency="USD", description="Lightweight trail shoe."))

    async with running_app(_llm_settings(mongo_server, tmp_path, llm_server)) as (_, client):
        body = await _extract(client, f"https://peak.example/products/trail-runner-3?{failure}", PAGE)

    assert llm_server.calls_to(GROQ_PATH), "Groq was asked first"
    assert body["product"]["price"] == "129.00" and body["product"]["currency"] == "USD"
    assert body["sources"]["price"] == "llm:openai"
    assert "llm:groq" not in body["sources"].values()
    _assert_sources_honest(body)


async def test_both_providers_down_still_returns_the_structured_result(
    mongo_server: EmbeddedMongo, tmp_path: Path, llm_server: ScriptedLlmServer
) -> None:
    llm_server.reset()
    llm_server.script(GROQ_PATH, then=GROQ_FAILURES["timeout"])
    llm_server.script(OPENAI_PATH, then=Reply(status=429, headers={"retry-after": "30"}))

    async with running_app(_llm_settings(mongo_server, tmp_path, llm_server)) as (_, client):
        body = await _extract(client, "https://peak.example/products/trail-runner-3", PAGE)

    assert llm_server.calls_to(GROQ_PATH) and llm_server.calls_to(OPENAI_PATH)
    assert body["is_product"] is True
    assert body["product"]["name"] == "Trail Runner 3"
    assert body["product"]["price"] is None  # nobody could read it: absent, not guessed
    assert not any(source.startswith("llm:") for source in body["sources"].values())
    _assert_sources_honest(body)


def _bomb_png() -> bytes:
    """A small file whose header declares 144 million pixels."""
    buffer = io.BytesIO()
    Image.new("1", (12_000, 12_000)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def image_host() -> Iterator[StubServer]:
    with StubServer(
        {
            "/good.png": respond(200, png_bytes(64, 64), "image/png"),
            # One byte every 0.5 s: the body would take minutes.
            "/slow.png": stream("image/png", [png_bytes(64, 64)[i : i + 1] for i in range(200)], interval_s=0.5),
            "/bomb.png": respond(200, _bomb_png(), "image/png"),
            "/huge.png": stream("image/png", (b"\x89PNG" + b"\x00" * 65_532 for _ in range(200))),  # 13 MB, no length
        }
    ) as server:
        yield server


@pytest.mark.slow
async def test_slow_and_hostile_image_hosts_do_not_hold_up_the_answer(
    mongo_server: EmbeddedMongo, tmp_path: Path, image_host: StubServer
) -> None:
    settings = make_settings(
        mongo_server.url, tmp_path, clip_model=TINY_CLIP, clip_pretrained=save_tiny_clip(tmp_path / "clip"),
        clip_threshold=-1.0, fetch_allow_private_hosts=["127.0.0.1"], fetch_allowed_ports=[image_host.port],
    )  # fmt: skip
    urls = {name: image_host.url(f"/{name}.png") for name in ("slow", "bomb", "huge", "good")}
    page = PAGE.replace("</h1>", "</h1>" + "".join(f'<img src="{url}" width="400">' for url in urls.values()))

    async with running_app(settings) as (_, client):
        client.timeout = httpx.Timeout(IMAGE_DEADLINE_SECONDS * 4)
        body = await _extract(client, "https://peak.example/products/trail-runner-3", page)

    assert [image["url"] for image in body["product"]["images"]] == [urls["good"]]
    assert body["product"]["image_url"] == urls["good"] and body["sources"]["image_url"] == "clip"
    # All candidates are fetched at once under one deadline; the slow one is cut off there (2 s of margin
    # for a loaded machine), so the request answers instead of waiting minutes for it.
    assert body["timings_ms"]["images"] < (IMAGE_DEADLINE_SECONDS + 2) * 1000
    assert {r.path for r in image_host.received} >= {"/slow.png", "/bomb.png", "/huge.png", "/good.png"}
