"""POST /extract, /extract/classify-url and /extract/verify-image over HTTP, with real (tiny) models,
a scripted OpenAI-compatible server behind the real SDKs, and images served from 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from app.db import EmbeddedMongo
from tests.llm.fake_provider import (
    GROQ_PATH,
    OPENAI_PATH,
    Reply,
    ScriptedLlmServer,
    answer,
    module_llm_server,  # noqa: F401 (fixture)
)
from tests.support.accounts import Account, register_account
from tests.support.app import make_settings, running_app
from tests.support.models import TINY_CLIP, png_bytes, save_tiny_bert, save_tiny_clip
from tests.support.servers import StubServer, serve_directory

PRODUCT_PAGE = """<html lang="en"><head><title>Acme Kettle 1.7L | Acme Store</title>
<meta property="og:type" content="product"><meta property="og:image" content="{images}/kettle.png">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "Product", "name": "Acme Kettle 1.7L",
 "sku": "AK-17", "gtin13": "4006381333931", "mpn": "AK-1700",
 "brand": {{"@type": "Brand", "name": "Acme"}}, "image": "{images}/kettle.png",
 "offers": {{"@type": "Offer", "price": "39.99", "priceCurrency": "USD",
 "availability": "https://schema.org/InStock"}}}}</script></head>
<body><h1>Acme Kettle 1.7L</h1><img src="{images}/kettle.png" width="600" height="600">
<img src="{images}/logo.png" width="40" height="40"><span class="price">$39.99</span>
<button>Add to cart</button></body></html>"""

# A product page whose markup lacks the price: only a sentence of its visible text has it.
NO_MARKUP_PRICE_PAGE = """<html lang="en"><head><title>Trail Runner 3 | Peak Outfitters</title>
<meta property="og:type" content="product"><meta property="og:title" content="Trail Runner 3"></head>
<body><h1>Trail Runner 3</h1><p>Lightweight trail shoe.</p><p>Yours for $129.00 with free shipping and returns.</p>
<button>Add to cart</button></body></html>"""

ARTICLE_PAGE = """<html lang="en"><head><title>Ten tips for better sleep - The Daily</title>
<meta property="og:type" content="article"></head><body><article><h1>Ten tips for better sleep</h1>
<p>Sleep matters. Here is what the research says about it, in ten short tips.</p></article></body></html>"""


@pytest.fixture(scope="module")
def image_host(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StubServer]:
    root = tmp_path_factory.mktemp("images")
    (root / "kettle.png").write_bytes(png_bytes((200, 30, 30), (256, 256)))
    (root / "logo.png").write_bytes(png_bytes((0, 0, 0), (40, 40)))
    (root / "not-an-image.png").write_bytes(b"<html>nope</html>")
    server = StubServer(fallback=serve_directory(root))
    yield server
    server.close()


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("models")
    return {"clip": save_tiny_clip(root / "clip"), "bert": save_tiny_bert(root / "bert")}


async def test_product_page_from_structured_data_without_models_or_llm(
    client: httpx.AsyncClient, alice: Account
) -> None:
    html = PRODUCT_PAGE.format(images="https://img.example")
    response = await client.post(
        "/api/v1/extract", json={"url": "https://shop.example/p/kettle", "html": html}, headers=alice.headers
    )
    assert response.status_code == 200
    body = response.json()
    assert body["is_product"] is True and body["product_confidence"] >= 0.5
    product = body["product"]
    assert product["name"] == "Acme Kettle 1.7L"
    assert product["price"] == "39.99" and product["currency"] == "USD"
    assert product["brand"] == "Acme" and product["sku"] == "AK-17" and product["availability"] == "InStock"
    assert (product["gtin"], product["mpn"], body["sources"]["gtin"]) == ("4006381333931", "AK-1700", "jsonld")
    assert product["image_url"] == "https://img.example/kettle.png"
    assert product["images"][0]["url"] == "https://img.example/kettle.png"
    assert body["sources"]["price"] == "jsonld" and body["sources"]["name"] == "jsonld"
    assert set(body["timings_ms"]) >= {"url_classifier", "structured", "total"}
    assert body["cached"] is False


async def test_same_page_again_is_served_from_cache_and_changed_content_is_not(
    client: httpx.AsyncClient, alice: Account
) -> None:
    html = PRODUCT_PAGE.format(images="https://img.example")
    request = {"url": "https://shop.example/p/kettle?utm_source=mail", "html": html}
    first = await client.post("/api/v1/extract", json=request, headers=alice.headers)
    again = await client.post(
        "/api/v1/extract", json={**request, "url": "https://SHOP.example/p/kettle#reviews"}, headers=alice.headers
    )
    changed = await client.post(
        "/api/v1/extract", json={**request, "html": html.replace("39.99", "35.99")}, headers=alice.headers
    )
    assert first.json()["cached"] is False
    assert again.json()["cached"] is True and again.json()["product"] == first.json()["product"]
    assert changed.json()["cached"] is False and changed.json()["product"]["price"] == "35.99"
    # A cached answer reports what this request cost (the lookup), not the first request's pipeline stages.
    assert set(again.json()["timings_ms"]) == {"cache", "total"}


async def test_another_person_is_not_told_that_someone_had_the_same_page_open(
    client: httpx.AsyncClient, alice: Account, bob: Account
) -> None:
    request = {
        "url": "https://shop.example/p/kettle-private",
        "html": PRODUCT_PAGE.format(images="https://img.example"),
    }
    alices = await client.post("/api/v1/extract", json=request, headers=alice.headers)
    bobs = await client.post("/api/v1/extract", json=request, headers=bob.headers)
    bobs_again = await client.post("/api/v1/extract", json=request, headers=bob.headers)
    assert alices.json()["cached"] is False
    assert bobs.json()["cached"] is False and "structured" in bobs.json()["timings_ms"]
    assert bobs_again.json()["cached"] is True and bobs_again.json()["product"] == alices.json()["product"]


async def test_answer_says_what_the_page_and_the_url_each_said(client: httpx.AsyncClient, alice: Account) -> None:
    html = PRODUCT_PAGE.format(images="https://img.example")
    body = (
        await client.post(
            "/api/v1/extract", json={"url": "https://shop.example/p/kettle-2", "html": html}, headers=alice.headers
        )
    ).json()
    assert body["page_probability"] > 0.9
    assert body["url_probability"] is None  # no URL model configured in this app
    without_page = (
        await client.post("/api/v1/extract", json={"url": "https://shop.example/p/kettle-3"}, headers=alice.headers)
    ).json()
    assert without_page["page_probability"] is None and without_page["is_product"] is False


async def test_article_is_not_a_product_and_nothing_is_fetched(client: httpx.AsyncClient, alice: Account) -> None:
    response = await client.post(
        "/api/v1/extract",
        json={
            "url": "https://news.example/2026/sleep-tips",
            "html": ARTICLE_PAGE,
            "image_urls": ["https://x.example/a.png"],
        },
        headers=alice.headers,
    )
    body = response.json()
    assert body["is_product"] is False
    assert body["product"]["price"] is None and body["product"]["images"] == []


async def test_extract_requires_auth_and_validates_input(client: httpx.AsyncClient, alice: Account) -> None:
    assert (await client.post("/api/v1/extract", json={"url": "https://shop.example/p"})).status_code == 401
    for bad in ({"url": "javascript:alert(1)"}, {"url": "https://x.example", "image_urls": ["file:///etc/passwd"]},
                {"url": "https://x.example", "image_urls": ["https://x.example/i.png"] * 21}, {}):  # fmt: skip
        response = await client.post("/api/v1/extract", json=bad, headers=alice.headers)
        assert response.status_code == 422, bad
        assert response.json()["error"]["code"] == "validation_error"


async def test_llm_fills_the_missing_price_and_says_so(
    mongo_server: EmbeddedMongo, tmp_path: Path, llm_server: ScriptedLlmServer
) -> None:
    llm_server.reset()
    llm_server.script(GROQ_PATH, answer(price="129.00", currency="USD", description="Lightweight trail shoe."))
    settings = make_settings(
        mongo_server.url, tmp_path, groq_api_key="k", groq_base_url=llm_server.base_url, llm_timeout_seconds=5.0
    )
    async with running_app(settings) as (_, client):
        account = await register_account(client)
        response = await client.post(
            "/api/v1/extract",
            json={"url": "https://peak.example/products/trail-runner-3", "html": NO_MARKUP_PRICE_PAGE},
            headers=account.headers,
        )
    body = response.json()
    assert body["is_product"] is True
    assert body["product"]["price"] == "129.00"
    assert body["sources"]["price"] == "llm:groq"
    assert body["sources"]["name"] != "llm:groq"  # the page's own markup already had it
    assert len(llm_server.calls_to(GROQ_PATH)) == 1


async def test_groq_garbage_falls_back_to_openai_and_both_down_keeps_structured_result(
    mongo_server: EmbeddedMongo, tmp_path: Path, llm_server: ScriptedLlmServer
) -> None:
    base = {"groq_api_key": "k", "groq_base_url": llm_server.base_url, "openai_api_key": "k",
            "openai_base_url": llm_server.base_url, "llm_timeout_seconds": 5.0, "llm_max_retries": 0}  # fmt: skip
    page = {"url": "https://peak.example/products/trail-runner-3", "html": NO_MARKUP_PRICE_PAGE}
    async with running_app(make_settings(mongo_server.url, tmp_path, **base)) as (_, client):
        account = await register_account(client)
        llm_server.reset()
        llm_server.script(GROQ_PATH, Reply(content="this is not json"))
        llm_server.script(OPENAI_PATH, answer(price="129.00", currency="USD"))
        fallback = (await client.post("/api/v1/extract", json=page, headers=account.headers)).json()

        llm_server.reset()
        llm_server.script(GROQ_PATH, then=Reply(status=503))
        llm_server.script(OPENAI_PATH, then=Reply(status=500))
        other_page = {**page, "html": page["html"].replace("Trail Runner 3", "Trail Runner 4")}
        both_down = await client.post("/api/v1/extract", json=other_page, headers=account.headers)
    assert fallback["product"]["price"] == "129.00" and fallback["sources"]["price"] == "llm:openai"
    assert both_down.status_code == 200
    body = both_down.json()
    assert body["product"]["name"] == "Trail Runner 4" and body["product"]["price"] is None
    assert not any(source.startswith("llm:") for source in body["sources"].values())


async def test_clip_ranks_fetched_images_in_one_batch(
    mongo_server: EmbeddedMongo, tmp_path: Path, image_host: StubServer, models: dict[str, str]
) -> None:
    port = int(image_host.base_url.rsplit(":", 1)[1])
    settings = make_settings(
        mongo_server.url, tmp_path, clip_model=TINY_CLIP, clip_pretrained=models["clip"], clip_threshold=-1.0,
        fetch_allow_private_hosts=["127.0.0.1"], fetch_allowed_ports=[80, 443, port],
    )  # fmt: skip
    html = PRODUCT_PAGE.format(images=image_host.base_url)
    async with running_app(settings) as (_app, client):
        account = await register_account(client)
        response = await client.post(
            "/api/v1/extract",
            json={
                "url": "https://shop.example/p/kettle",
                "html": html,
                "image_urls": [f"{image_host.base_url}/not-an-image.png"],
            },
            headers=account.headers,
        )
        health = (await client.get("/health")).json()
    body = response.json()
    scored = {image["url"] for image in body["product"]["images"]}
    assert f"{image_host.base_url}/kettle.png" in scored
    assert f"{image_host.base_url}/not-an-image.png" not in scored  # not an image: skipped, not fatal
    assert body["sources"]["image_url"] == "clip"
    assert body["product"]["image_url"] == body["product"]["images"][0]["url"]
    assert health["components"]["models"]["clip"]["loaded"] is True


async def test_verify_image_and_classify_url(
    mongo_server: EmbeddedMongo, tmp_path: Path, image_host: StubServer, models: dict[str, str]
) -> None:
    port = int(image_host.base_url.rsplit(":", 1)[1])
    settings = make_settings(
        mongo_server.url, tmp_path, clip_model=TINY_CLIP, clip_pretrained=models["clip"], clip_threshold=0.0,
        url_model_path=models["bert"], fetch_allow_private_hosts=["127.0.0.1"], fetch_allowed_ports=[80, 443, port],
    )  # fmt: skip
    async with running_app(settings) as (_, client):
        account = await register_account(client)
        verified = await client.post(
            "/api/v1/extract/verify-image",
            json={"image_url": f"{image_host.base_url}/kettle.png", "product_name": "red kettle"},
            headers=account.headers,
        )
        not_image = await client.post(
            "/api/v1/extract/verify-image",
            json={"image_url": f"{image_host.base_url}/not-an-image.png", "product_name": "red kettle"},
            headers=account.headers,
        )
        classified = await client.post(
            "/api/v1/extract/classify-url", json={"url": "https://shop.example/product/123"}, headers=account.headers
        )
    body = verified.json()
    assert verified.status_code == 200 and -1.0 <= body["score"] <= 1.0
    assert body["threshold"] == 0.0 and body["match"] is (body["score"] >= 0.0)
    assert not_image.status_code == 422 and not_image.json()["error"]["code"]
    result = classified.json()
    assert classified.status_code == 200 and 0.0 <= result["confidence"] <= 1.0
    assert result["is_product"] is (result["confidence"] >= 0.5)


async def test_models_missing_answer_503_and_ssrf_is_refused(client: httpx.AsyncClient, alice: Account) -> None:
    verify = await client.post(
        "/api/v1/extract/verify-image",
        json={"image_url": "https://img.example/a.png", "product_name": "kettle"},
        headers=alice.headers,
    )
    classify = await client.post(
        "/api/v1/extract/classify-url", json={"url": "https://x.example/p"}, headers=alice.headers
    )
    assert verify.status_code == 503 and verify.json()["error"]["code"] == "service_unavailable"
    assert classify.status_code == 503


async def test_private_image_urls_are_never_fetched(
    mongo_server: EmbeddedMongo, tmp_path: Path, image_host: StubServer, models: dict[str, str]
) -> None:
    # CLIP is loaded, but the fetcher has no allow-list: 127.0.0.1 is refused before any connection.
    settings = make_settings(mongo_server.url, tmp_path, clip_model=TINY_CLIP, clip_pretrained=models["clip"])
    before = len(image_host.received)
    async with running_app(settings) as (_, client):
        account = await register_account(client)
        html = PRODUCT_PAGE.format(images=image_host.base_url)
        response = await client.post(
            "/api/v1/extract",
            json={
                "url": "https://shop.example/p/kettle",
                "html": html,
                "image_urls": ["http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/x.png"],
            },
            headers=account.headers,
        )
        verify = await client.post(
            "/api/v1/extract/verify-image",
            json={"image_url": f"{image_host.base_url}/kettle.png", "product_name": "kettle"},
            headers=account.headers,
        )
    assert response.status_code == 200
    assert response.json()["sources"].get("image_url") != "clip"
    assert verify.status_code == 422 and verify.json()["error"]["code"]
    assert len(image_host.received) == before


async def test_extract_is_rate_limited_per_user(mongo_server: EmbeddedMongo, tmp_path: Path) -> None:
    settings = make_settings(mongo_server.url, tmp_path, rate_limit_enabled=True, rate_limit_extract="2/minute")
    page = {"url": "https://news.example/a", "html": ARTICLE_PAGE}
    async with running_app(settings) as (_, client):
        first, second = await register_account(client), await register_account(client)
        statuses = [(await client.post("/api/v1/extract", json=page, headers=first.headers)).status_code
                    for _ in range(3)]  # fmt: skip
        other_user = await client.post("/api/v1/extract", json=page, headers=second.headers)
    assert statuses == [200, 200, 429]
    assert other_user.status_code == 200
