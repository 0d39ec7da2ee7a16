"""Is this a single-product page: page signals, their score, and the rule combining it with the URL model."""

from __future__ import annotations

import json

import pytest

from app.extraction.structured import PageEvidence, combine_product_confidence, extract_structured

PRODUCT_PAGE = """<html><head><title>Trail Shoe | Example</title></head><body>
  <nav><a href="/cart">Cart (0)</a></nav>
  <h1>Trail Shoe</h1>
  <div class="buy-box"><span class="price">$120.00</span><p>In stock</p>
    <form action="/cart/add"><button type="submit">Add to cart</button></form></div>
  <p>Light and grippy.</p></body></html>"""

ARTICLE_WITH_PRODUCT_MARKUP = """<html><head>
  <meta property="og:type" content="article">
  <meta property="article:published_time" content="2017-06-29T00:00:00Z">
  <script type="application/ld+json">{"@type": "NewsArticle", "headline": "AMD launches Ryzen PRO"}</script>
  <script type="application/ld+json">{"@type": "Product", "name": "AMD Ryzen 7 PRO 1700X"}</script>
  </head><body><h1>AMD launches Ryzen PRO CPUs</h1><p>This morning AMD is introducing ...</p></body></html>"""

REVIEW_WITH_AFFILIATE_BUTTON = """<html><head><title>Best trail shoes of 2026</title></head><body>
  <h1>Best trail shoes of 2026</h1><p>We ran 300 miles in each.</p>
  <div class="pick"><h2>Trail Shoe</h2><span class="price">$120.00</span>
    <a class="buy-button" href="https://www.amazon.com/dp/B000">Buy now</a></div></body></html>"""

TILE = """<div class="product-tile"><a href="/p/{slug}"><img src="/img/{slug}.jpg" alt="{name}"></a>
  <a href="/p/{slug}">{name}</a><span class="price">${price}</span><button>Add to cart</button></div>"""
CATEGORY_PAGE = (
    "<html><head><title>Running shoes | Example</title></head><body><h1>Running shoes</h1><div class='grid'>"
    + "".join(TILE.format(slug=f"shoe-{index}", name=f"Shoe {index}", price=f"{80 + index}.00") for index in range(12))
    + "</div></body></html>"
)


def verdict(html: str, url_probability: float | None = None) -> bool:
    is_product, _ = combine_product_confidence(
        url_probability, extract_structured(html, "https://example.com/x").evidence
    )
    return is_product


def test_product_page_with_price_beside_add_to_cart() -> None:
    evidence = extract_structured(PRODUCT_PAGE, "https://example.com/p/trail-shoe").evidence
    assert {"add_to_cart", "visible_price", "price_near_cart", "stock_message"} <= evidence.signals
    assert evidence.score > 0.9
    assert verdict(PRODUCT_PAGE)


def test_article_embedding_product_markup_is_not_a_product_page() -> None:
    evidence = extract_structured(ARTICLE_WITH_PRODUCT_MARKUP, "https://example.com/news/1").evidence
    assert "article_markup" in evidence.signals
    assert not verdict(ARTICLE_WITH_PRODUCT_MARKUP)


def test_affiliate_buy_button_is_not_this_pages_cart() -> None:
    evidence = extract_structured(REVIEW_WITH_AFFILIATE_BUTTON, "https://reviews.example.com/best").evidence
    assert "add_to_cart" not in evidence.signals
    assert not verdict(REVIEW_WITH_AFFILIATE_BUTTON)


def test_category_grid_is_not_a_product_page() -> None:
    evidence = extract_structured(CATEGORY_PAGE, "https://example.com/c/running").evidence
    assert "listing_page" in evidence.signals
    assert not verdict(CATEGORY_PAGE)


def test_several_unrelated_products_in_markup_make_a_listing() -> None:
    blocks = "".join(
        f'<script type="application/ld+json">{json.dumps({"@type": "Product", "name": name})}</script>'
        for name in ("Red Plate", "Blue Cup", "Green Bowl")
    )
    html = f"<html><head><title>Tableware</title>{blocks}</head><body><h1>Tableware</h1></body></html>"
    assert "listing_page" in extract_structured(html, "https://example.com/c/tableware").evidence.signals


def test_empty_page_has_no_evidence() -> None:
    assert not verdict("")


def test_without_a_url_model_the_page_decides() -> None:
    evidence = PageEvidence(frozenset({"schema_product"}), 0.8)
    assert combine_product_confidence(None, evidence) == (True, 0.8)


def test_url_vote_counts_half_in_log_odds() -> None:
    undecided = PageEvidence(frozenset(), 0.5)
    assert combine_product_confidence(0.9, undecided) == (True, 0.75)  # sigmoid(0.5 * logit(0.9)) = 0.75
    assert combine_product_confidence(0.1, undecided) == (False, 0.25)


@pytest.mark.parametrize("url_probability", [0.0, 0.2, 0.5, 0.8, 1.0])
def test_strong_page_evidence_outweighs_the_url(url_probability: float) -> None:
    strong, weak = PageEvidence(frozenset(), 0.99), PageEvidence(frozenset(), 0.01)
    assert combine_product_confidence(url_probability, strong)[0] is True
    assert combine_product_confidence(url_probability, weak)[0] is False


def test_confidence_rises_with_either_vote() -> None:
    low, high = PageEvidence(frozenset(), 0.3), PageEvidence(frozenset(), 0.7)
    assert combine_product_confidence(0.6, low)[1] < combine_product_confidence(0.6, high)[1]
    assert combine_product_confidence(0.2, high)[1] < combine_product_confidence(0.9, high)[1]


def test_no_votes_at_all() -> None:
    assert combine_product_confidence(None, None) == (False, 0.0)
    assert combine_product_confidence(float("nan"), None) == (False, 0.0)
    assert combine_product_confidence(0.9, None)[0] is True
