"""The brand a page's visible text labels, for pages whose markup names none."""

from __future__ import annotations

import pytest

from app.extraction.structured import extract_structured

URL = "https://shop.example.com/p/1"


def page(body: str, name: str = "Gourmet Strainer 8 cm") -> str:
    return f"<html><head><title>{name}</title></head><body><h1>{name}</h1>{body}</body></html>"


@pytest.mark.parametrize(
    ("body", "brand"),
    [
        ("<p>Brand: WMF</p>", "WMF"),
        ("<p>Marca: HIKA</p>", "HIKA"),
        ("<p>Marke : Think!</p>", "Think!"),
        ("<p>ブランド：任天堂</p>", "任天堂"),
        ("<a href='/stores/bosch'>Visit the Bosch Store</a>", "Bosch"),
        ("<a href='/stores/candy'>Besuche den Candy-Store</a>", "Candy"),
        # eBay's item specifics: "Label:" in one cell, the value in the next
        ("<table><tr><td>Brand:</td><td>Beats by Dr. Dre</td></tr><tr><td>Use:</td><td>Mobile</td></tr></table>",
         "Beats by Dr. Dre"),
        ("<table><tr><td>Modello:</td><td>ym_tap_100</td></tr><tr><td>Marca:</td><td>yourmove</td></tr></table>",
         "yourmove"),
    ],
)  # fmt: skip
def test_labelled_brands(body: str, brand: str) -> None:
    assert extract_structured(page(body), URL).brand == brand


def test_a_label_cell_above_the_brand_the_name_contains() -> None:
    table = "<table><tr><th>Brand</th></tr><tr><td>Versuni</td></tr></table>"
    assert extract_structured(page(table, "Versuni Juicer HR1832"), URL).brand == "Versuni"
    # a bare label above anything else is a filter list or a link, not this product's brand
    assert extract_structured(page("<p>Brand</p><p>See all</p>", "Versuni Juicer"), URL).brand is None


def test_markup_brand_first() -> None:
    markup = '<script type="application/ld+json">{"@type": "Product", "name": "Strainer", "brand": "WMF"}</script>'
    assert extract_structured(page(markup + "<p>Brand: Other</p>", "Strainer"), URL).brand == "WMF"


def test_among_several_labelled_brands_the_one_in_the_name() -> None:
    body = "<aside><p>Brand: Tefal</p></aside><p>Brand: WMF</p>"
    assert extract_structured(page(body, "WMF Gourmet Strainer"), URL).brand == "WMF"


@pytest.mark.parametrize(
    "body",
    [
        "<p>Brand: Tefal</p><p>Brand: Rösle</p>",  # two products' brands, the name names neither
        "<p>Brand: Generic</p>",
        "<p>Brand: we love what we make and it shows in every piece.</p>",  # a sentence
        # eBay's item specifics: "Does not apply" in the cell below "Brand:"
        "<div><span>Brand:</span></div><div><span>Does not apply</span></div>",
        "<aside><h3>Brand:</h3><ul><li>All brands</li><li>Tefal</li><li>Rösle</li></ul></aside>",  # a filter
    ],
)
def test_no_brand_when_the_text_does_not_say_which(body: str) -> None:
    assert extract_structured(page(body), URL).brand is None
