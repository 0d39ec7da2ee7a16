"""The traps real product pages set: each one a small page written by hand."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import pytest

from app.extraction.structured import StructuredExtraction, extract_structured
from tests.support.markup import jsonld

URL = "https://shop.example.com/products/trail-shoe"


TRAIL_SHOE = {
    "@context": "https://schema.org",
    "@type": "Product",
    "name": "Trail Shoe",
    "offers": {
        "@type": "Offer",
        "price": "120.00",
        "priceCurrency": "USD",
        "availability": "https://schema.org/InStock",
    },
}


def test_markup_keeps_the_regular_price_while_the_page_shows_the_sale_price() -> None:
    html = f"""<html><head>{jsonld(TRAIL_SHOE)}</head><body>
      <h1>Trail Shoe</h1>
      <div class="product-prices">
        <span class="price price--old"><del>$120.00</del></span>
        <span class="price price--sale">$89.00</span>
      </div>
      <form action="/cart/add"><button type="submit">Add to cart</button></form>
    </body></html>"""
    result = extract_structured(html, URL)
    assert (result.price, result.currency) == (Decimal("89.00"), "USD")
    assert result.sources["price"] == "heuristic"


def test_markup_price_stands_when_the_page_agrees_or_shows_nothing() -> None:
    agreeing = f"""<html><head>{jsonld(TRAIL_SHOE)}</head><body><h1>Trail Shoe</h1>
      <span class="price">$120.00</span><button>Add to cart</button></body></html>"""
    silent = f"<html><head>{jsonld(TRAIL_SHOE)}</head><body><h1>Trail Shoe</h1></body></html>"
    for html in (agreeing, silent):
        result = extract_structured(html, URL)
        assert (result.price, result.sources["price"]) == (Decimal("120.00"), "jsonld")


def test_thirty_four_thousand_on_a_decimal_comma_page() -> None:
    markup = jsonld({"@type": "Product", "name": "Kemeja Batik", "offers": {"price": "34.000", "priceCurrency": "IDR"}})
    shown = """<html lang="id"><body><h1>Kemeja Batik</h1><div class="product-price">Rp 34.000</div>
      <button>Tambah ke keranjang</button></body></html>"""
    assert extract_structured(
        shown.replace("<body>", f"<body>{markup}"), "https://toko.example.co.id/p/1"
    ).price == Decimal("34000")
    result = extract_structured(shown, "https://toko.example.co.id/p/1")
    assert (result.price, result.currency) == (Decimal("34000"), "IDR")
    german = """<html lang="de-DE"><body><h1>Sofa Lotta</h1><span class="price">1.299,00 €</span></body></html>"""
    assert extract_structured(german, "https://moebel.example.de/sofa").price == Decimal("1299.00")


def test_related_products_price_is_not_taken_for_the_main_product() -> None:
    html = """<html><body>
      <h1>Trail Shoe</h1>
      <p>Sold in stores only.</p>
      <section class="related-products">
        <h2>You may also like</h2>
        <div class="product-tile"><a href="/p/sock">Trail Sock</a><span class="price">$12.00</span></div>
        <div class="product-tile"><a href="/p/lace">Laces</a><span class="price">$4.00</span></div>
      </section>
      <footer><span class="price">$0.99 shipping</span></footer>
    </body></html>"""
    result = extract_structured(html, URL)
    assert result.name == "Trail Shoe"
    assert result.price is None  # better empty than the sock's price


def test_related_product_markup_is_not_taken_for_the_main_product() -> None:
    related = jsonld({"@type": "Product", "name": "Trail Sock", "offers": {"price": "12.00", "priceCurrency": "USD"}})
    other = jsonld({"@type": "Product", "name": "Laces", "offers": {"price": "4.00", "priceCurrency": "USD"}})
    html = (
        f"<html><head><title>Trail Shoe | Example</title>{related}{other}</head><body><h1>Trail Shoe</h1></body></html>"
    )
    result = extract_structured(html, URL)
    assert (result.name, result.price) == ("Trail Shoe", None)


def test_out_of_stock_shown_only_in_the_page_text() -> None:
    html = f"""<html><head>{jsonld(TRAIL_SHOE)}</head><body><h1>Trail Shoe</h1>
      <div class="buy-box">
        <span class="price">$120.00</span>
        <p class="stock-status">Sold out</p>
        <button class="add-to-cart" disabled>Add to cart</button>
      </div></body></html>"""
    result = extract_structured(html, URL)
    assert (result.availability, result.sources["availability"]) == ("OutOfStock", "heuristic")


def test_sold_out_sizes_do_not_make_the_product_sold_out() -> None:
    html = """<html><body><h1>Trail Shoe</h1>
      <div class="buy-box"><span class="price">$120.00</span>
        <ul class="size-options"><li>42</li><li>43 - Sold out</li></ul>
        <select><option>44 - out of stock</option></select>
        <span class="sold-out-message" style="display: none">Sold out</span>
        <button>Add to cart</button></div></body></html>"""
    result = extract_structured(html, URL)
    assert result.availability == "InStock"


def test_huge_page_still_yields_the_product() -> None:
    filler = "".join(
        f'<div class="menu-item"><a href="/c/{index}">Category {index}</a><p>{"lorem ipsum " * 20}</p></div>'
        for index in range(4000)
    )
    html = f"""<html><head>{jsonld(TRAIL_SHOE)}<style>{"a{{color:red}}" * 10000}</style></head>
      <body><nav>{filler}</nav><h1>Trail Shoe</h1><span class="price">$120.00</span><button>Add to cart</button>
      <script>{"var x = 1;" * 50000}</script></body></html>"""
    assert len(html) > 1_000_000
    result = extract_structured(html, URL)
    assert (result.name, result.price) == ("Trail Shoe", Decimal("120.00"))
    assert len(result.visible_text) <= 32 * 1024
    assert "var x" not in result.visible_text


HOSTILE = [
    "",
    "   \n\t ",
    "\x00\x01\x02 binary \xff\xfe",
    "<" * 10_000,
    "<div>" * 50_000 + "deep" + "</div>" * 50_000,
    '<?xml version="1.0" encoding="ISO-8859-1"?><html><body><h1>x</h1></body></html>',
    '<html><body><img src="javascript:alert(1)"><a href="data:text/html,x">x</a>'
    f'<div class="price" title="{"x" * 1_000_000}">$1</div></body></html>',
    "<html><head><base href='javascript:alert(1)'></head><body><img src='x.jpg'></body></html>",
    "\ud800 lone surrogate <h1>x</h1>",
    '<script type="application/ld+json">' + '{"a":' * 50_000 + "</script>",
]


@pytest.mark.parametrize("html", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_or_malformed_input_never_raises(html: str) -> None:
    result = extract_structured(html, "https://shop.example.com/p")
    assert isinstance(result, StructuredExtraction)
    assert all(candidate.url.startswith(("http://", "https://")) for candidate in result.image_candidates)
    assert 0.0 <= result.evidence.score <= 1.0


@pytest.mark.parametrize("url", ["", "not a url", "http://[::1", "javascript:alert(1)"])
def test_odd_urls_never_raise(url: str) -> None:
    result = extract_structured('<html><body><h1>Mug</h1><img src="/a.jpg"></body></html>', url)
    assert result.name == "Mug"


def test_visible_text_and_title_for_the_llm_stage() -> None:
    html = """<html><head><title> Trail Shoe | Example </title><style>.x{color:red}</style></head><body>
      <script>var secret = "do not show";</script>
      <h1>Trail Shoe</h1><p>Light and <b>grippy</b>.</p><div hidden>hidden text</div>
      <noscript>enable js</noscript><ul><li>Size 42</li><li>Size 43</li></ul></body></html>"""
    result = extract_structured(html, URL)
    assert result.title == "Trail Shoe | Example"
    assert result.visible_text == "Trail Shoe\nLight and grippy.\nSize 42\nSize 43"


def test_concurrent_calls_in_a_thread_pool_agree() -> None:
    pages = [
        f"<html><head>{jsonld({**TRAIL_SHOE, 'name': f'Shoe {index}'})}</head><body><h1>Shoe {index}</h1></body></html>"
        for index in range(16)
    ]
    with ThreadPoolExecutor(max_workers=8) as pool:
        names = list(pool.map(lambda html: extract_structured(html, URL).name, pages * 4))
    assert names == [f"Shoe {index}" for index in range(16)] * 4


def test_control_characters_in_the_page_do_not_lose_the_product() -> None:
    html = (
        "<html><head><title>Lamp</title></head><body><div>\x0c<h1>Desk Lamp</h1>\x0b</div>"
        "<span class='price'>$25.00</span><button>Add to cart</button><p>Bright\x01 and small.</p></body></html>"
    )
    result = extract_structured(html, URL)
    assert (result.name, result.price) == ("Desk Lamp", Decimal("25.00"))


def test_the_heading_a_cut_short_title_begins_beats_a_short_marketing_heading() -> None:
    html = """<html><head><title>Samsung Galaxy S24 Ultra 5G AI Smartphone</title></head><body>
      <h1 id="title"><span id="productTitle">Samsung Galaxy S24 Ultra 5G AI Smartphone with Galaxy AI (Titanium Gray,
      12GB, 256GB Storage), Snapdragon 8 Gen 3, 200 MP Camera</span></h1>
      <div class="buy-box"><span class="price">₹1,29,999</span><button>Add to Cart</button></div>
      <div class="aplus"><h1 class="aplus-h1">Galaxy S24 Ultra 5G - Fashion</h1><p>Titanium, made to last.</p></div>
      </body></html>"""
    result = extract_structured(html, "https://www.amazon.in/Samsung-Galaxy-Smartphone/dp/B0CS5XW6TN")
    assert result.name is not None and result.name.startswith(
        "Samsung Galaxy S24 Ultra 5G AI Smartphone with Galaxy AI"
    )
