"""Microdata, RDFa and OpenGraph product markup."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.extraction.structured import extract_structured

URL = "https://www.example.com/products/anvil"

MICRODATA = """
<html><head><title>Executive Anvil - ACME Store</title></head><body>
<div itemscope itemtype="http://schema.org/Product" itemref="extra">
  <span itemprop="brand">ACME</span>
  <h1 itemprop="name">Executive Anvil</h1>
  <img itemprop="image" src="anvil.jpg" alt="Executive Anvil">
  Product #: <span itemprop="mpn">925872</span>
  <span itemprop="offers" itemscope itemtype="http://schema.org/Offer">
    <meta itemprop="priceCurrency" content="USD">
    $<span itemprop="price">119.99</span>
    <link itemprop="availability" href="http://schema.org/InStock">In stock!
  </span>
  <div itemprop="isRelatedTo" itemscope itemtype="http://schema.org/Product">
    <span itemprop="name">Classic Anvil</span>
    <span itemprop="offers" itemscope itemtype="http://schema.org/Offer"><span itemprop="price">79.99</span></span>
  </div>
</div>
<p id="extra"><span itemprop="description">Sleeker than ACME's Classic Anvil.</span></p>
</body></html>
"""


def test_microdata_product_with_nested_offer_and_itemref() -> None:
    result = extract_structured(MICRODATA, URL)
    assert (result.name, result.price, result.currency) == ("Executive Anvil", Decimal("119.99"), "USD")
    assert (result.brand, result.sku, result.availability) == ("ACME", "925872", "InStock")
    assert result.description == "Sleeker than ACME's Classic Anvil."
    assert result.image_url == "https://www.example.com/products/anvil.jpg"
    assert result.sources["price"] == "microdata"


def test_microdata_price_on_the_product_with_the_old_price_struck_inside() -> None:
    html = """<html><body><div itemscope itemtype="https://schema.org/Product">
      <h1 itemprop="name">Textured shift dress</h1>
      <span itemprop="price"><span class="strikethrough">$79.99</span><span class="sale">$39.99</span></span>
    </div></body></html>"""
    result = extract_structured(html, URL)
    assert result.price == Decimal("39.99")
    assert result.currency == "USD"


@pytest.mark.parametrize(
    ("brand_element", "brand"),
    [
        ('<a itemprop="brand" href="/de/brandlist/renkforce.html"><img src="/logos/renkforce.png" alt="Renkforce"></a>',
         "Renkforce"),
        ('<a itemprop="brand" href="https://shop.example.com/brands/acme">ACME</a>', "ACME"),
        ('<link itemprop="brand" href="/brands/acme">', None),
        ('<a itemprop="brand" href="/brands/acme"><img src="/acme.png" alt="Acme logo"></a>', "Acme"),
        ('<a itemprop="brand" href="/brands/acme"><img src="/acme.png" alt="Logo"></a>', None),
    ],
)  # fmt: skip
def test_a_brand_on_a_link_is_named_by_its_text_not_its_address(brand_element: str, brand: str | None) -> None:
    html = f"""<html><body><div itemscope itemtype="http://schema.org/Product">{brand_element}
      <h1 itemprop="name">Raspberry Pi 3 Model B Set</h1>
      <span itemprop="offers" itemscope itemtype="http://schema.org/Offer"><meta itemprop="priceCurrency" content="EUR">
      <span itemprop="price" content="84.99">84,99 €</span></span></div></body></html>"""
    assert extract_structured(html, URL).brand == brand


def test_rdfa_lite_product() -> None:
    html = """<html><head><meta property="og:type" content="product"></head><body>
      <div vocab="https://schema.org/" typeof="Product">
        <h1 property="name">Executive Anvil</h1>
        <div property="offers" typeof="Offer">
          <meta property="priceCurrency" content="EUR"><span property="price" content="119.99">119,99 €</span>
        </div>
      </div></body></html>"""
    result = extract_structured(html, "https://www.example.de/anvil")
    assert (result.name, result.price, result.currency) == ("Executive Anvil", Decimal("119.99"), "EUR")
    assert result.sources["name"] == "rdfa"


def test_opengraph_product_tags() -> None:
    html = """<html><head>
      <meta property="og:type" content="product.item">
      <meta property="og:title" content="Better Off Dead [Blu-ray] | FYE">
      <meta property="og:site_name" content="FYE">
      <meta property="og:image" content="https://cdn.example.com/bod.jpg">
      <meta property="product:price:amount" content="17.99">
      <meta property="product:price:currency" content="USD">
      <meta property="product:availability" content="out of stock">
      <meta property="product:retailer_item_id" content="fye.0001">
      <title>Better Off Dead [Blu-ray] | FYE</title></head><body></body></html>"""
    result = extract_structured(html, "https://www.fye.com/better-off-dead.html")
    assert (result.name, result.price, result.currency) == ("Better Off Dead [Blu-ray]", Decimal("17.99"), "USD")
    assert (result.availability, result.sku, result.image_url) == (
        "OutOfStock",
        "fye.0001",
        "https://cdn.example.com/bod.jpg",
    )
    assert result.sources["price"] == "opengraph"
    assert {"og_product", "product_price_meta"} <= result.evidence.signals


def test_a_site_wide_og_title_is_not_the_product_name() -> None:
    html = """<html><head><meta property="og:title" content="Costco Wholesale">
      <title>Inner Strength Massage Table</title></head>
      <body><h1>Inner Strength Massage Table</h1></body></html>"""
    assert extract_structured(html, "https://www.costco.com/table.html").name == "Inner Strength Massage Table"


def test_a_title_ending_in_the_shops_name_and_tagline_on_a_country_subdomain() -> None:
    title = "【超稀少】昆蟲女王 DL4【PSA3】 ‐ Mercari Japan 日本最大二手網購平台"
    html = f"""<html><head><meta property="og:title" content="{title}"><title>{title}</title>
      </head><body><h1>官方公告</h1></body></html>"""
    name = extract_structured(html, "https://tw.mercari.com/zh-hant/items/81e2722f-4c47-49e4").name
    assert name == "【超稀少】昆蟲女王 DL4【PSA3】"


def test_a_title_naming_the_category_before_the_brand_owners_product() -> None:
    html = "<html><head><title>Smartphones | Xiaomi 14 Ultra</title></head><body></body></html>"
    assert extract_structured(html, "https://www.mi.example.com/p/1").name == "Smartphones | Xiaomi 14 Ultra"
    shop = "<html><head><title>Ceramic Mug | Acme</title></head><body></body></html>"
    assert extract_structured(shop, "https://acme.myshopify.com/products/ceramic-mug").name == "Ceramic Mug"


def test_a_section_label_as_h1_is_not_the_product_name() -> None:
    html = """<html><head><title>Trevi &amp; Pantheon Walking Tour | Brown Paper Tickets</title></head><body>
      <h1>Event</h1><p>Sales Ended</p></body></html>"""
    name = extract_structured(html, "https://www.brownpapertickets.com/event/2391834").name
    assert name == "Trevi & Pantheon Walking Tour"


@pytest.mark.parametrize(
    ("title", "h1"), [("Buy the Nova lamp today | Acme", "Nova"), ("Sporthaus Müller Online-Shop", "Wanderschuh Alpin")]
)
def test_a_short_h1_naming_the_product_is_its_name(title: str, h1: str) -> None:
    html = f"<html><head><title>{title}</title></head><body><h1>{h1}</h1></body></html>"
    assert extract_structured(html, "https://shop.example/p/1").name == h1


def test_a_logo_as_og_image_is_not_the_product_image() -> None:
    html = """<html><head><meta property="og:image" content="https://cdn.example.com/logo_424x210.png"></head>
      <body><h1>Quad-Core Processor</h1>
      <img src="/img/blank.gif" data-src="/products/cpu-main.jpg" alt="Quad-Core Processor front" width="400">
      <img src="/icons/cart.svg"></body></html>"""
    result = extract_structured(html, "https://www.example.com/p/cpu")
    assert result.image_url == "https://www.example.com/products/cpu-main.jpg"
    assert [candidate.url for candidate in result.image_candidates] == ["https://www.example.com/products/cpu-main.jpg"]
