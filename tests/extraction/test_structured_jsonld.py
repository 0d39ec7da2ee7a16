"""JSON-LD as real shops write it: @graph, @id references, ProductGroup variants, offer arrays, AggregateOffer,
prices as numbers or strings, and broken JSON that must not break anything."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from app.extraction.structured import extract_structured

URL = "https://shop.example.com/p/blue-mug"


def page(*blocks: str, body: str = "<h1>Blue Mug</h1>") -> str:
    scripts = "".join(f'<script type="application/ld+json">{block}</script>' for block in blocks)
    return f"<html><head><title>Blue Mug | Example Shop</title>{scripts}</head><body>{body}</body></html>"


def ld(data: Any) -> str:
    return json.dumps(data)


def test_graph_with_offer_by_reference() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "@id": "#page", "mainEntity": {"@id": "#product"}},
            {
                "@type": "Product",
                "@id": "#product",
                "name": "Blue Mug",
                "sku": "MUG-1",
                "brand": {"@type": "Brand", "name": "Acme"},
                "image": ["/img/mug.jpg"],
                "offers": {"@id": "#offer"},
            },
            {
                "@type": "Offer",
                "@id": "#offer",
                "price": "12.50",
                "priceCurrency": "EUR",
                "availability": "https://schema.org/InStock",
            },
        ],
    }
    result = extract_structured(page(ld(graph)), URL)
    assert (result.name, result.price, result.currency) == ("Blue Mug", Decimal("12.50"), "EUR")
    assert (result.brand, result.sku, result.availability) == ("Acme", "MUG-1", "InStock")
    assert result.image_url == "https://shop.example.com/img/mug.jpg"
    assert result.sources["price"] == "jsonld"
    assert "schema_offer" in result.evidence.signals


def test_product_group_takes_the_variant_the_page_shows() -> None:
    group = {
        "@context": "https://schema.org/",
        "@type": "ProductGroup",
        "name": "Blue Mug",
        "hasVariant": [
            {"@type": "Product", "sku": "S", "offers": {"@type": "Offer", "price": 10, "priceCurrency": "USD"}},
            {"@type": "Product", "sku": "L", "offers": {"@type": "Offer", "price": 14, "priceCurrency": "USD"}},
        ],
    }
    shown = '<h1>Blue Mug</h1><span class="product-price">$14.00</span><button>Add to cart</button>'
    result = extract_structured(page(ld(group), body=shown), URL)
    assert result.price == Decimal("14")
    assert result.sources["price"] == "jsonld"


def test_product_group_without_a_shown_price_takes_the_lowest_variant() -> None:
    group = {
        "@type": "ProductGroup",
        "name": "Blue Mug",
        "hasVariant": [
            {"@type": "Product", "offers": {"@type": "Offer", "price": "14.00", "priceCurrency": "USD"}},
            {"@type": "Product", "offers": {"@type": "Offer", "price": "10.00", "priceCurrency": "USD"}},
        ],
    }
    assert extract_structured(page(ld(group)), URL).price == Decimal("10.00")


def test_a_new_copys_offer_before_cheaper_used_copies() -> None:
    book = {
        "@type": ["Product", "Book"],
        "name": "Introduction to Econometrics",
        "offers": [
            {"@type": "Offer", "price": 1046, "priceCurrency": "SEK", "itemCondition": "https://schema.org/NewCondition"},
            {"@type": "Offer", "price": 586, "priceCurrency": "SEK", "itemCondition": "https://schema.org/UsedCondition",
             "availability": "https://schema.org/OutOfStock"},
            {"@type": "Offer", "price": 913, "priceCurrency": "SEK", "itemCondition": {"@id": "schema:UsedCondition"},
             "availability": "https://schema.org/InStock"},
        ],
    }  # fmt: skip
    assert extract_structured(page(ld(book)), URL).price == Decimal("1046")


def test_offer_array_prefers_in_stock_and_aggregate_offer_gives_low_price() -> None:
    offers = {
        "@type": "Product",
        "name": "Blue Mug",
        "offers": [
            {"@type": "Offer", "price": 8, "priceCurrency": "USD", "availability": "OutOfStock"},
            {"@type": "Offer", "price": 9.5, "priceCurrency": "USD", "availability": "InStock"},
        ],
    }
    assert extract_structured(page(ld(offers)), URL).price == Decimal("9.5")
    aggregate = {
        "@type": "Product",
        "name": "Blue Mug",
        "offers": {"@type": "AggregateOffer", "lowPrice": "7.99", "highPrice": "19.99", "priceCurrency": "GBP"},
    }
    result = extract_structured(page(ld(aggregate)), URL)
    assert (result.price, result.currency) == (Decimal("7.99"), "GBP")


def test_strikethrough_price_specification_is_not_the_price() -> None:
    product = {
        "@type": "Product",
        "name": "Blue Mug",
        "offers": {
            "@type": "Offer",
            "priceSpecification": [
                {"@type": "UnitPriceSpecification", "priceType": "https://schema.org/StrikethroughPrice", "price": 20},
                {"@type": "UnitPriceSpecification", "price": 15, "priceCurrency": "USD"},
            ],
        },
    }
    assert extract_structured(page(ld(product)), URL).price == Decimal("15")


def test_malformed_json_ld_is_read_leniently() -> None:
    trailing_commas = '{"@type": "Product", "name": "Blue Mug", "offers": {"price": "5.00", "priceCurrency": "USD",},}'
    wrapped = "<!-- " + trailing_commas + " -->"
    back_to_back = '{"@type": "Organization", "name": "Example"} {"@type": "Product", "name": "Blue Mug"}'
    raw_newline = '{"@type": "Product", "name": "Blue\nMug", "description": "line one\nline two"}'
    assert extract_structured(page(trailing_commas), URL).price == Decimal("5.00")
    assert extract_structured(page(wrapped), URL).price == Decimal("5.00")
    assert extract_structured(page(back_to_back), URL).sources["name"] == "jsonld"
    assert extract_structured(page(raw_newline), URL).name == "Blue Mug"


def test_broken_json_ld_is_skipped_without_losing_the_rest() -> None:
    broken = '{"@type": "Product", "name": "Other", "offers": {"price": '
    deep = "[" * 100_000 + "]" * 100_000
    good = ld({"@type": "Product", "name": "Blue Mug", "offers": {"price": 3, "priceCurrency": "USD"}})
    result = extract_structured(page(broken, deep, "null", "42", '"text"', good), URL)
    assert (result.name, result.price) == ("Blue Mug", Decimal("3"))


def test_related_products_nested_in_the_product_are_not_the_product() -> None:
    product = {
        "@type": "Product",
        "name": "Blue Mug",
        "isRelatedTo": [{"@type": "Product", "name": "Red Plate", "offers": {"price": 99, "priceCurrency": "USD"}}],
    }
    result = extract_structured(page(ld(product)), URL)
    assert result.name == "Blue Mug"
    assert result.price is None  # better no price than the related product's


def test_prices_come_out_as_money_with_at_most_four_decimals() -> None:
    product = {"@type": "Product", "name": "Blue Mug", "offers": {"price": "34.992001", "priceCurrency": "GBP"}}
    assert str(extract_structured(page(ld(product)), URL).price) == "34.9920"


def test_a_markup_price_finer_than_its_currency_is_read_as_the_page_writes_it() -> None:
    # a tax worked out to a tenth of a penny in the markup; the page and the checkout charge £34.99
    product = {"@type": "Product", "name": "Blue Mug", "offers": {"price": "34.992", "priceCurrency": "GBP"}}
    body = '<h1>Blue Mug</h1><p class="price">£34.99</p><button>Add to basket</button>'
    assert str(extract_structured(page(ld(product), body=body), URL).price) == "34.99"


@pytest.mark.parametrize(
    "shown",
    [
        '<p class="price">$0.0152</p>',
        '<p class="price">$0.0152</p><p>Reels of 5,000 from $0.02 a piece</p>',  # the rounded amount also written
    ],
)
def test_a_fraction_of_a_cent_the_page_shows_is_kept(shown: str) -> None:
    # electronic components are sold at fractions of a cent apiece
    product = {"@type": "Product", "name": "Resistor 10k", "offers": {"price": "0.0152", "priceCurrency": "USD"}}
    body = f"<h1>Resistor 10k</h1>{shown}<button>Add to cart</button>"
    assert str(extract_structured(page(ld(product), body=body), URL).price) == "0.0152"


def test_another_number_ending_like_the_finer_price_does_not_keep_it_finer() -> None:
    product = {"@type": "Product", "name": "Blue Mug", "offers": {"price": "34.992", "priceCurrency": "GBP"}}
    body = '<h1>Blue Mug</h1><p class="price">£34.99</p><p>4,992 reviews</p><button>Add to basket</button>'
    assert str(extract_structured(page(ld(product), body=body), URL).price) == "34.99"


def concert_page(event: dict[str, Any], title: str, heading: str) -> str:
    scripts = f'<script type="application/ld+json">{ld(event)}</script>'
    body = f'<h1>{heading}</h1><p>Sat 12 Dec, 20:00</p><button type="button">Buy tickets</button>'
    return f"<html><head><title>{title}</title>{scripts}</head><body>{body}</body></html>"


TICKETED = {
    "@context": "https://schema.org",
    "@type": "MusicEvent",
    "name": "Nils Frahm Live",
    "startDate": "2026-12-12T20:00",
    "location": {"@type": "Place", "name": "Tivoli Vredenburg"},
    "offers": {"@type": "Offer", "price": "59.50", "priceCurrency": "EUR", "availability": "InStock"},
}


def test_an_event_selling_tickets_is_what_its_page_sells() -> None:
    html = concert_page(TICKETED, "Nils Frahm Live - Tickets | Tivoli Vredenburg", "Nils Frahm Live")
    result = extract_structured(html, "https://www.tivolivredenburg.nl/agenda/nils-frahm-live/")
    assert (result.name, result.price, result.currency) == ("Nils Frahm Live", Decimal("59.50"), "EUR")
    assert result.sources["price"] == "jsonld"
    assert result.evidence.score >= 0.5


def test_an_open_house_event_on_a_property_page_is_not_what_it_sells() -> None:
    open_house = {**TICKETED, "@type": "Event", "name": "Open House - 12:00 PM - 3:00 PM"}
    title = "4836 Sicily Dr, Lake Elsinore, CA 92530 | Homes"
    result = extract_structured(concert_page(open_house, title, "4836 Sicily Dr"), "https://homes.example.com/4836")
    assert result.name == "4836 Sicily Dr"
    assert result.sources.get("price") != "jsonld"


def test_a_product_in_microdata_beside_an_event_in_json_ld_is_the_product() -> None:
    shirt = """<div itemscope itemtype="https://schema.org/Product"><h1 itemprop="name">Nils Frahm Live T-shirt</h1>
      <div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><span itemprop="price">25.00</span>
      <meta itemprop="priceCurrency" content="EUR"></div></div>"""
    html = concert_page(TICKETED, "Nils Frahm Live T-shirt | Merch", "").replace("<h1></h1>", shirt)
    result = extract_structured(html, "https://merch.example.com/products/nils-frahm-live-t-shirt")
    assert (result.name, result.price, result.sources["name"]) == (
        "Nils Frahm Live T-shirt",
        Decimal("25.00"),
        "microdata",
    )


def test_a_tours_dates_are_no_one_event_for_sale() -> None:
    dates = [{**TICKETED, "startDate": f"2026-12-{day}T20:00"} for day in range(10, 17)]
    html = concert_page(dates[0], "Nils Frahm Live - Tour Dates", "Nils Frahm Live").replace(ld(dates[0]), ld(dates))
    result = extract_structured(html, "https://www.nilsfrahm.example/tour")
    assert result.sources.get("price") != "jsonld"
    assert result.evidence.score < 0.5


def test_an_event_whose_tickets_another_site_sells_is_not_what_a_guide_sells() -> None:
    listed = {**TICKETED, "offers": {**TICKETED["offers"], "url": "https://tickets.example.net/e/nils-frahm"}}
    html = concert_page(listed, "Nils Frahm Live - What's on in Utrecht", "Nils Frahm Live")
    result = extract_structured(html, "https://www.whatson-utrecht.example/nils-frahm-live")
    assert result.sources.get("price") != "jsonld"
