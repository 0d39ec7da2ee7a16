"""Product identifiers (sku, gtin, mpn) as the structured stage returns them: from markup, from marketplace URLs,
from labelled codes in the visible text in many languages; validated (GS1 check digits, code-like SKUs);
the product's own identifier before a variant's. The snippets are written for these tests."""

from __future__ import annotations

import json
from typing import Any

import pytest

from app.extraction.structured import extract_structured
from app.identifiers import clean_code, normalise_gtin

SHOP_URL = "https://shop.example.com/p/blue-mug"


def page(body: str = "", *, jsonld: Any = None, head: str = "", title: str = "Blue Mug | Example Shop") -> str:
    script = f'<script type="application/ld+json">{json.dumps(jsonld)}</script>' if jsonld is not None else ""
    return f"<html><head><title>{title}</title>{script}{head}</head><body><h1>Blue Mug</h1>{body}</body></html>"


def product(**fields: Any) -> dict[str, Any]:
    offer = {"@type": "Offer", "price": "12.50", "priceCurrency": "EUR"}
    return {"@context": "https://schema.org", "@type": "Product", "name": "Blue Mug", "offers": offer, **fields}


def identifiers(html: str, url: str = SHOP_URL) -> tuple[str | None, str | None, str | None]:
    result = extract_structured(html, url)
    return result.sku, result.gtin, result.mpn


# --- validation -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "gtin"),
    [
        ("96385074", "96385074"),  # GTIN-8
        ("036000291452", "036000291452"),  # UPC-A
        ("4006381333931", "4006381333931"),  # EAN-13
        ("10614141000415", "10614141000415"),  # GTIN-14
        ("4 006381 333931", "4006381333931"),  # as printed under a barcode
        ("978-0-306-40615-7", "9780306406157"),  # ISBN-13
        ("0-306-40615-2", "9780306406157"),  # ISBN-10 becomes its ISBN-13
        ("080442957X", "9780804429573"),  # ISBN-10 with an X check
        ("4006381333932", None),  # wrong check digit
        ("0306406153", None),  # ISBN-10 with a wrong check
        ("0000000000000", None),  # passes the check digit, names nothing
        ("400638133393", None),  # 12 digits whose check fails
        ("40063813339311", None),
        ("1234567", None),  # no GTIN has 7 digits
        ("٤٠٠٦٣٨١٣٣٣٩٣١", None),  # Arabic-Indic digits
        ("EAN4006381333931", None),
        ("2500140008600", None),  # an in-store code (prefix 2): names nothing outside one shop
        ("212345678909", None),  # a UPC variable-weight code (its check digit is right)
        ("5012345678900", "5012345678900"),
        ("", None),
    ],
)
def test_gtins_need_a_valid_check_digit(raw: str, gtin: str | None) -> None:
    assert normalise_gtin(raw) == gtin


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("AB-1234", "AB-1234"),
        ("MK2K3LL/A", "MK2K3LL/A"),
        (" 925872 ", "925872"),
        ("#5577872", "5577872"),
        ("BLK-TEE-M", "BLK-TEE-M"),  # capitals joined by separators need no digit
        ("Blue Cotton Shirt", None),  # words with spaces
        ("Cotton", None),  # a word
        ("NIKE", None),  # a brand, not a code
        ("blue-cotton-shirt-12", None),  # a URL slug
        ("null", None),
        ("N/A", None),
        ("1", None),  # too short
        ("A" * 41, None),  # too long
        ("19.99", None),  # a price
        ("175cm", None),  # a measure
        ("2-Pack", None),  # a quantity
        ("2014", None),  # a year
        ("sku:2154834", None),  # a label and a code: see the markup test
        ("088M", "088M"),
        ("https://shop.example/1", None),
        ("商品123", None),  # shop codes are ASCII
    ],
)
def test_codes_must_look_like_codes(raw: str, code: str | None) -> None:
    assert clean_code(raw) == code


def test_a_code_equal_to_the_product_name_is_refused() -> None:
    assert clean_code("X200", name="x200") is None
    assert clean_code("X200", name="Phone X200") == "X200"


# --- markup ---------------------------------------------------------------------------------------------------


def test_jsonld_sku_gtin_and_mpn_are_separate_fields_with_their_source() -> None:
    result = extract_structured(page(jsonld=product(sku="MUG-1", gtin13="4006381333931", mpn="AC-55")), SHOP_URL)

    assert (result.sku, result.gtin, result.mpn) == ("MUG-1", "4006381333931", "AC-55")
    assert {result.sources[field] for field in ("sku", "gtin", "mpn")} == {"jsonld"}


def test_an_mpn_is_no_longer_passed_off_as_the_sku() -> None:
    assert identifiers(page(jsonld=product(mpn="AC-55"))) == (None, None, "AC-55")


@pytest.mark.parametrize(
    ("fields", "gtin"),
    [
        ({"gtin": "00036000291452"}, "00036000291452"),
        ({"gtin12": "036000291452"}, "036000291452"),
        ({"gtin13": 4006381333931}, "4006381333931"),  # written as a JSON number
        ({"gtin8": "96385074"}, "96385074"),
        ({"isbn": "0-306-40615-2"}, "9780306406157"),
        ({"productID": "isbn:978-0-306-40615-7"}, "9780306406157"),
        ({"productID": "gtin13:4006381333931"}, "4006381333931"),
        ({"gtin13": "4006381333932"}, None),  # a wrong check digit is dropped, not trusted
        ({"gtin13": "1234"}, None),
    ],
)
def test_markup_gtins_in_every_spelling(fields: dict[str, Any], gtin: str | None) -> None:
    assert extract_structured(page(jsonld=product(**fields)), SHOP_URL).gtin == gtin


@pytest.mark.parametrize(
    "junk",
    ["Blue Mug", "blue mug", "Large Blue Stoneware Mug", "null", "undefined", "", "x"],
)
def test_junk_skus_are_refused(junk: str) -> None:
    assert extract_structured(page(jsonld=product(sku=junk)), SHOP_URL).sku is None


def test_an_unprefixed_product_id_is_the_shops_code_when_there_is_no_sku() -> None:
    assert identifiers(page(jsonld=product(productID="77123"))) == ("77123", None, None)
    assert identifiers(page(jsonld=product(sku="MUG-1", productID="77123"))) == ("MUG-1", None, None)


def _group(**fields: Any) -> dict[str, Any]:
    def variant(size: str, sku: str, gtin: str) -> dict[str, Any]:
        return {
            "@type": "Product",
            "name": f"Blue Mug {size}",
            "sku": sku,
            "gtin13": gtin,
            "offers": {
                "@type": "Offer",
                "price": "12.50",
                "priceCurrency": "EUR",
                "url": f"{SHOP_URL}?variant={sku}",
            },
        }

    return {
        "@context": "https://schema.org",
        "@type": "ProductGroup",
        "name": "Blue Mug",
        "hasVariant": [variant("S", "MUG-S1", "4006381333931"), variant("L", "MUG-L1", "5901234123457")],
        **fields,
    }


def test_a_product_groups_own_code_wins_over_its_variants() -> None:
    result = extract_structured(page(jsonld=_group(productGroupID="MUG-100")), SHOP_URL)

    assert result.sku == "MUG-100"
    assert result.gtin is None  # two variants, two GTINs, and the URL names neither: no guess


def test_the_variant_the_url_selects_supplies_what_the_group_lacks() -> None:
    result = extract_structured(page(jsonld=_group(productGroupID="MUG-100")), f"{SHOP_URL}?variant=MUG-L1")

    assert (result.sku, result.gtin) == ("MUG-100", "5901234123457")


def test_without_a_group_code_and_a_selected_variant_there_is_no_sku() -> None:
    assert identifiers(page(jsonld=_group())) == (None, None, None)


def test_a_single_offers_sku_is_the_products() -> None:
    offer = {"@type": "Offer", "price": "12.50", "priceCurrency": "EUR", "sku": "MUG-9", "gtin13": "4006381333931"}
    assert identifiers(page(jsonld=product(offers=offer))) == ("MUG-9", "4006381333931", None)


def test_microdata_identifiers() -> None:
    body = """
    <div itemscope itemtype="https://schema.org/Product">
      <span itemprop="name">Blue Mug</span>
      <meta itemprop="sku" content="925872"><meta itemprop="gtin13" content="4006381333931">
      <span itemprop="mpn">AC-55</span>
      <div itemprop="offers" itemscope itemtype="https://schema.org/Offer">
        <meta itemprop="priceCurrency" content="USD"><span itemprop="price">12.50</span>
      </div>
    </div>"""
    result = extract_structured(page(body), SHOP_URL)

    assert (result.sku, result.gtin, result.mpn) == ("925872", "4006381333931", "AC-55")
    assert result.sources["gtin"] == "microdata"


def test_opengraph_product_tags() -> None:
    head = (
        '<meta property="product:retailer_item_id" content="RT-4411">'
        '<meta property="product:mfr_part_no" content="AC-55">'
        '<meta property="product:upc" content="036000291452">'
    )
    assert identifiers(page(head=head)) == ("RT-4411", "036000291452", "AC-55")


# --- marketplace URLs -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "sku"),
    [
        ("https://www.amazon.com/Acme-Blue-Mug/dp/B08N5WRWNW/ref=sr_1_1?keywords=mug", "B08N5WRWNW"),
        ("https://www.amazon.de/gp/product/B07XJ8C8F5?th=1", "B07XJ8C8F5"),
        ("https://www.amazon.co.jp/-/en/dp/B0BDHWDR12", "B0BDHWDR12"),
        ("https://www.amazon.com.br/dp/0306406152", "0306406152"),  # a book: the ASIN is its ISBN-10
        ("https://www.amazon.co.uk/gp/aw/d/B08N5WRWNW", "B08N5WRWNW"),
        ("https://www.ebay.com/itm/256123456789", "256123456789"),
        ("https://www.ebay.co.uk/itm/Blue-Mug-Large/254987654321?hash=item1", "254987654321"),
        ("https://www.walmart.com/ip/Mainstays-Blue-Mug/123456789", "123456789"),
        ("https://www.aliexpress.com/item/1005004123456789.html?spm=a2g0o", "1005004123456789"),
        ("https://www.bestbuy.com/site/acme-mug/6401234.p?skuId=6401234", "6401234"),
        ("https://www.newegg.com/p/N82E16834725123", "N82E16834725123"),
        ("https://www.newegg.com/acme-laptop/p/1TS-000A-08BG8", "1TS-000A-08BG8"),
        ("https://www.target.com/p/blue-mug-16oz/-/A-81234567", "81234567"),
        ("https://www.homedepot.com/p/Acme-Blue-Mug/312345678", "312345678"),
        ("https://www.costco.com/acme-blue-mug.product.100512345.html", "100512345"),
        ("https://item.jd.com/100012043978.html", "100012043978"),
        ("https://www.zalando.de/nike-sportswear-air-max-sneaker-ni112n01i-q11.html", "NI112N01I-Q11"),
        ("https://www.adidas.co.uk/wanderlust-festival-poncho/CE5145.html", "CE5145"),
        ("https://www.macys.com/shop/product/acme-blue-mug?ID=12345678&CategoryID=1", "12345678"),
        ("https://shop.nordstrom.com/s/acme-blue-mug/4608472", "4608472"),
        ("https://www.zappos.com/p/acme-laces-black/product/8958197/color/3", "8958197"),
        ("https://www.staples.com/Acme-Stapler-Black/product_219306", "219306"),
        ("https://www.qvc.com/Acme-Knit-Top.product.A294466.html", "A294466"),
        ("https://shop.mango.com/US/p0/women/dresses/textured-shift-dress?id=81070185_99&n=1", "81070185"),
        ("https://www.crutchfield.com/p_333ORAK/Parrot-Orak-Minidrone.html?cc=02", "333ORAK"),
        ("https://www.dhgate.com/product/funny-eye-stickers/120629211.html", "120629211"),
        ("https://www.rakuten.com/prod/acme-seat-cushion/309048360.html", "309048360"),
        ("https://www.wayfair.com/Gorilla-Playsets-Swing-Set-01-1021-L888-K~GOR1153.html", "GOR1153"),
        ("https://page.auctions.yahoo.co.jp/jp/auction/m1238496717", "m1238496717"),
        ("https://auto.ru/cars/used/sale/toyota/sienna/1105696878-49374540/", "1105696878"),
        ("https://www.coupang.com/vp/products/7335597976?itemId=18741704367", "7335597976"),
        ("https://24h.pchome.com.tw/prod/DYAJ6Q-A900FH1WW", "DYAJ6Q-A900FH1WW"),
        ("https://smartstore.naver.com/daily-lab/products/5678901234", "5678901234"),
        ("https://www.noon.com/uae-en/iphone-15-128gb-black/N53432547A/p/?o=e4c7a1b2", "N53432547A"),
        ("https://www.hepsiburada.com/xiaomi-redmi-buds-6-p-HBCV00006ABCDE", "HBCV00006ABCDE"),
        ("https://www.trendyol.com/xiaomi/redmi-buds-6-active-p-812345678?boutiqueId=61", "812345678"),
        ("https://www.avito.ru/moskva/velosipedy/gornyy_velosiped_stels_3456789012", "3456789012"),
        ("https://www.leboncoin.fr/ad/velos/2712345678", "2712345678"),
        ("https://sfbay.craigslist.org/sfc/bik/d/san-francisco-trek-marlin/7712345678.html", "7712345678"),
        ("https://www.catawiki.com/en/l/81234567-rolex-datejust-16234", "81234567"),
        ("https://www.liveauctioneers.com/item/171234567_tiffany-silver-bowl", "171234567"),
        ("https://www.temu.com/wireless-earbuds-bluetooth-5-3-g-601099512345678.html", "601099512345678"),
        ("https://www.facebook.com/marketplace/item/1234567890123456/", "1234567890123456"),
        ("https://www.magazineluiza.com.br/smartphone-samsung-a15/p/237875900/te/ga15/", "237875900"),
        ("https://www.bestbuy.ca/en-ca/product/sony-wh-1000xm5-headphones/16523456", "16523456"),
        # a marketplace seller's offer: ?Item= names the item, the /p/ code its product group
        ("https://www.newegg.com/p/1Z4-0002-01234?Item=9SIA7254KX1234", "9SIA7254KX1234"),
        ("https://item.gmarket.co.kr/Item?goodscode=2345678901", "2345678901"),
        ("https://www.11st.co.kr/products/4567890123", "4567890123"),
        ("https://www.momoshop.com.tw/goods/GoodsDetail.jsp?i_code=11223344", "11223344"),
        ("https://www.ozon.ru/product/smartfon-xiaomi-redmi-note-13-1234567890/", "1234567890"),
        ("https://www.wildberries.ru/catalog/123456789/detail.aspx", "123456789"),
        ("https://rozetka.com.ua/ua/apple-iphone-15-128gb-black/p395460480/", "395460480"),
        ("https://www.emag.ro/telefon-mobil-samsung-galaxy-a55/pd/DXYZ12MBM/", "DXYZ12MBM"),
        ("https://detail.tmall.com/item.htm?id=678901234567&skuId=5012345678901", "678901234567"),
        ("https://item.taobao.com/item.htm?id=712345678901", "712345678901"),
        ("https://www.etsy.com/uk/listing/1234567890/personalised-leather-wallet", "1234567890"),
    ],
)
def test_marketplace_urls_carry_the_item_code(url: str, sku: str) -> None:
    result = extract_structured(page(title="Blue Mug"), url)

    assert (result.sku, result.sources.get("sku")) == (sku, "url")


@pytest.mark.parametrize(
    "url",
    [
        "https://www.amazon.com/s?k=blue+mug",
        "https://www.amazon.com/gp/cart/view.html",
        "https://www.ebay.com/b/Mugs/20625/bn_1",
        "https://www.walmart.com/browse/home/mugs/4044",
        "https://shop.example.com/dp/B08N5WRWNW",  # the Amazon pattern on a shop that is not Amazon
        "https://www.target.com/c/mugs/-/N-4y5oz",
        "https://www.macys.com/shop/kitchen/mugs?id=7497",  # a category's id, not an item's
        "https://www.zappos.com/men-sneakers",
        "https://www.coupang.com/np/categories/186764",
        "https://www.noon.com/uae-en/electronics-and-mobiles/mobiles-and-accessories/",
        "https://www.hepsiburada.com/kulakliklar-c-16218",
        "https://www.trendyol.com/sr?q=kulaklik",
        "https://www.avito.ru/moskva/velosipedy",
        "https://sfbay.craigslist.org/search/bia",
        "https://www.catawiki.com/en/c/333-watches",
        "https://www.facebook.com/marketplace/nyc/",
        "https://www.bestbuy.ca/en-ca/category/headphones/1234567",
        "https://s.taobao.com/search?q=mug&id=12345678",  # an id on a search page
        "https://list.tmall.com/search_product.htm?id=50012345",
        "https://www.ozon.ru/category/kruzhki-15502/",
        "https://www.etsy.com/shop/MugMakers?listing_id=1234567890",
        "https://www.emag.ro/cani/c",
    ],
)
def test_other_urls_carry_no_code(url: str) -> None:
    assert extract_structured(page(), url).sku is None


def test_markup_beats_the_url() -> None:
    amazon = "https://www.amazon.com/dp/B08N5WRWNW"
    assert extract_structured(page(jsonld=product(sku="MUG-1")), amazon).sku == "MUG-1"


# --- labelled codes in the visible text -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # English
        ('<div class="product_meta">SKU: <span>AB-1234</span> Category: <a>Mugs</a></div>', ("sku", "AB-1234")),
        ("<p>Item # 1234567</p><p>Model # KX-900</p>", ("sku", "1234567")),
        ("<p>Product code: 55-1234</p>", ("sku", "55-1234")),
        ("<p>Model: WH-1000XM4</p>", ("mpn", "WH-1000XM4")),
        ("<p>Mfr. Part #: 1483C002</p>", ("mpn", "1483C002")),
        ("<p>UPC: 036000291452</p>", ("gtin", "036000291452")),
        ("<table><tr><th>SKU</th><td>TBL-555</td></tr></table>", ("sku", "TBL-555")),
        ("<ul><li>ASIN \u200f : \u200e B08N5WRWNW</li></ul>", ("sku", "B08N5WRWNW")),  # Amazon's detail bullets
        ("<ul><li>Item model number \u200f : \u200e MQD32LL/A</li></ul>", ("mpn", "MQD32LL/A")),
        ("<p>ISBN-10: 0306406152</p>", ("gtin", "9780306406157")),
        ("<p>SKU Number: 8812345</p>", ("sku", "8812345")),
        ("<p>UPC Code: 036000291452</p>", ("gtin", "036000291452")),
        ("<p>Style: DD1391-100</p>", ("sku", "DD1391-100")),
        ("<p>Catalog #: 11-2233</p>", ("sku", "11-2233")),
        # auctions and classified ads: the lot's or the ad's number
        ("<p>Lot #252987</p>", ("sku", "252987")),
        ("<p>Numer oferty: 6051072358</p>", ("sku", "6051072358")),
        ("<p>Ad ID: 99887766</p>", ("sku", "99887766")),
        ("<p>post id: 7712345678</p>", ("sku", "7712345678")),  # Craigslist
        ("<table><tr><th>FINN-kode</th><td>337819107</td></tr></table>", ("sku", "337819107")),  # Norway's FINN
        ("<p>Annonsnummer: 1098765432</p>", ("sku", "1098765432")),  # Swedish
        ("<p>Código do anúncio: 2999149586</p>", ("sku", "2999149586")),
        ("<p>Číslo inzerátu: 166612345</p>", ("sku", "166612345")),
        ("<dt>Šifra oglasa:</dt><dd>1343823033</dd>", ("sku", "1343823033")),  # Slovenia's Bolha
        ("<p>Publicación #1505218051</p>", ("sku", "1505218051")),  # Mercado Libre's listing number
        ("<p>MLS#40883516</p>", ("sku", "40883516")),  # an estate agent's listing
        ("<dt>Listing Number</dt><dd>116951069</dd>", ("sku", "116951069")),  # a property portal's listing
        ("<p>Listing ID #1131690</p>", ("sku", "1131690")),
        ("<dt>Angebotsnummer</dt><dd>144240</dd>", ("sku", "144240")),  # a German car dealer's ad
        # a German estate agent's object number
        ("<p>Objektnummer: FID-F12-839-993 | SIP-ID: 24P4SF2JVTDQ</p>", ("sku", "FID-F12-839-993")),
        ("<p>Zoekertjesnummer: m1607466346</p>", ("sku", "m1607466346")),  # Flemish classifieds
        ("<p>Šifra artikla: 55-1234</p>", ("sku", "55-1234")),  # Croatian, Serbian shops
        ("<p>Številka: 2755668</p>", ("sku", "2755668")),  # Slovenian shops' "Number"
        ("<p>Številka izdelka: 60901</p>", ("sku", "60901")),
        ("<dl><dt>SKU (config)</dt><dd>SA024EL0C6IQ8NAFAMZ</dd></dl>", ("sku", "SA024EL0C6IQ8NAFAMZ")),  # Jumia
        ("<p>SUPC: SDL822420913</p>", ("sku", "SDL822420913")),  # Snapdeal's product code
        ("<p>Описание</p><span>№ 3456789012</span>", ("sku", "3456789012")),  # Avito: the ad's number alone
        ("<p>Model: <span>WH1000XM5/B</span> Web Code: <span>16523456</span></p>", ("sku", "16523456")),
        # a bare "code" word before a long number, no colon (Magalu)
        ("<p>Código 237875900 | Marca Samsung</p>", ("sku", "237875900")),
        ("<p>Kód 1234567</p>", ("sku", "1234567")),
        # German, Dutch, Scandinavian, Finnish, Hungarian
        ("<p>Art.-Nr.: 4711-0815</p>", ("sku", "4711-0815")),
        ("<p>Artikelnummer 123456</p>", ("sku", "123456")),
        ("<p>Herstellernummer: HN-778</p>", ("mpn", "HN-778")),
        ("<table><tr><td>Artikelnummer Hersteller</td><td>151551</td></tr></table>", ("mpn", "151551")),
        ("<p>Produktcode Hersteller 60153572.</p>", ("mpn", "60153572")),
        ("<p>Die Herstellernummer lautet: A7201AA</p>", ("mpn", "A7201AA")),
        ("<p>EAN: 4006381333931</p>", ("gtin", "4006381333931")),
        ("<p>Varenummer: 33-1234</p>", ("sku", "33-1234")),
        ("<dt>Bestelcode</dt><dd>02347813</dd><dt>Barcode</dt><dd>5055060908822</dd>", ("sku", "02347813")),  # Dutch
        ("<p>Bestelnummer: 8801234</p>", ("sku", "8801234")),
        ("<p>Vare-nr.: 1234</p>", ("sku", "1234")),
        ("<p>Referenz: RZ-7781</p>", ("sku", "RZ-7781")),
        ("<p>Tuotenumero: 12345</p>", ("sku", "12345")),
        ("<p>Cikkszám: 123456</p>", ("sku", "123456")),
        # French, Spanish, Portuguese, Italian
        ("<p>Réf. : 123456 Disponibilité : en stock</p>", ("sku", "123456")),
        ("<p>Référence : AB1234</p>", ("sku", "AB1234")),
        ("<p>UGS : 4455</p>", ("sku", "4455")),  # WooCommerce in French
        ("<p>Réf : 7812</p>", ("sku", "7812")),
        ("<p>Modèle : XR-200</p>", ("mpn", "XR-200")),
        ("<p>Código: 5567 Categoría: Tazas</p>", ("sku", "5567")),
        ("<p>Cód. 88123</p>", ("sku", "88123")),
        ("<p>Código de barras: 5901234123457</p>", ("gtin", "5901234123457")),
        ("<p>Codice prodotto: 778899</p>", ("sku", "778899")),
        ("<p>Cod. prodotto 12345</p>", ("sku", "12345")),
        ("<p>Riferimento: RF-100</p>", ("sku", "RF-100")),
        ("<p>Código do produto: 1234</p>", ("sku", "1234")),
        ("<p>Cod. art. 12345</p>", ("sku", "12345")),
        ("<p>Número de artículo 1455590</p>", ("sku", "1455590")),
        ("<li><span>SKU</span>\n: BI681HA2K7T20NAFAMZ</li>", ("sku", "BI681HA2K7T20NAFAMZ")),  # the colon opens a line
        ("<dt>オークションID</dt><dd>m1238496717</dd>", ("sku", "m1238496717")),
        # a discount code in a promotion banner is not the product's
        (
            "<p>-15% en pedidos superiores a 249€ | Código: 15HOLIDAYS</p><p>REF: 176632-424582</p>",
            ("sku", "176632-424582"),
        ),  # MediaMarkt: no colon after the label
        ("<p>Numéro d'article 778812</p>", ("sku", "778812")),
        ("<p>Numero articolo 4455-12</p>", ("sku", "4455-12")),
        ("<p>Код товару: U0961530</p>", ("sku", "U0961530")),  # Ukrainian
        # Czech, Slovak, Polish, Turkish, Greek, Hebrew
        ("<p>Kód: 123456</p>", ("sku", "123456")),
        ("<p>Kód produktu: XY-2233</p>", ("sku", "XY-2233")),
        ("<p>Kod produktu: KP-4410</p>", ("sku", "KP-4410")),
        ("<p>Objednací kód: OK-5520</p>", ("sku", "OK-5520")),
        ("<p>Symbol: AB-123</p>", ("sku", "AB-123")),
        ("<p>Kod producenta: PX-900</p>", ("mpn", "PX-900")),
        ("<p>Ürün Kodu: TR-5566</p>", ("sku", "TR-5566")),
        ("<p>Κωδικός: 123456</p>", ("sku", "123456")),
        ('<p>מק"ט: 778812</p>', ("sku", "778812")),
        # Russian
        ("<p>Артикул: 77123</p>", ("sku", "77123")),
        ("<p>Код товара: 445566</p>", ("sku", "445566")),
        ("<p>Штрих-код: 4601234567893</p>", ("gtin", "4601234567893")),
        # Chinese, Japanese, Korean, Thai
        ("<p>商品編號：DGBJ9X-A900G</p>", ("sku", "DGBJ9X-A900G")),
        ("<p>货号：123456</p>", ("sku", "123456")),
        ("<p>品番：ABC-1234</p>", ("sku", "ABC-1234")),
        ("<p>型番：KJ-55X85K</p>", ("mpn", "KJ-55X85K")),
        ("<dl><dt>型番</dt><dd>WUP-R-ABAJ</dd></dl>", ("mpn", "WUP-R-ABAJ")),  # capitals code without a digit
        ("<p>型式：ABC-1</p>", ("mpn", "ABC-1")),
        ("<p>型号：RTX4090-24G</p>", ("mpn", "RTX4090-24G")),
        ("<p>모델명 : SM-S928N</p>", ("mpn", "SM-S928N")),
        ("<p>商品コード：4589</p>", ("sku", "4589")),
        ("<p>JANコード：4902370548495</p>", ("gtin", "4902370548495")),
        ("<p>상품번호 : 123456789</p>", ("sku", "123456789")),
        ("<p>รหัสสินค้า: TH-9981</p>", ("sku", "TH-9981")),
    ],
)
def test_labelled_codes_in_many_languages(body: str, expected: tuple[str, str]) -> None:
    result = extract_structured(page(body), SHOP_URL)
    kind, value = expected

    assert getattr(result, kind) == value
    assert result.sources[kind] == "heuristic"


@pytest.mark.parametrize(
    "body",
    [
        "<p>Model: Galaxy S24 Ultra</p>",  # a name after "Model"
        "<p>Model: 175cm, wears size M</p>",
        "<p>Style: 2-Pack</p>",
        "<p>Model height: 180</p>",
        "<p>Promo code: SAVE20</p>",
        "<p>Código postal: 28001</p>",
        "<p>EAN: 4006381333932</p>",  # wrong check digit
        "<p>SKU: Blue Mug</p>",  # the product's name
        "<p>Skull 2000 print</p>",
        "<p>Ref. 2</p>",
        "<p>Our model 2024 is here</p>",
        "<p>We ship to 28 countries. Use code 1234 at checkout.</p>",
        "<p>Preference: 12345</p>",  # a label inside a word
        "<dl><dt>Année-modèle</dt><dd>2014</dd></dl>",  # a car's model year
        "<p>JAN：2500140008600</p>",  # an in-store code
        "<p>Заказ № 3456789012 оформлен</p>",  # "№" within a sentence: any number
        "<p>Código 12345 y más</p>",  # a bare "code" and a number not ending the phrase
        "<p>Código 2024</p>",
        "<p>Ingresa el código 15HOLIDAYS</p>",
        "<p>Cód. Inmuebles24: 145692212</p>",  # a word before a colon is the label's, not the code
    ],
)
def test_unlabelled_or_junk_codes_are_not_identifiers(body: str) -> None:
    assert identifiers(page(body)) == (None, None, None)


def test_a_list_of_products_with_codes_gives_none() -> None:
    tiles = "".join(f"<li>Mug {n} SKU: MUG-{n}00</li>" for n in range(1, 5))
    assert extract_structured(page(f"<ul>{tiles}</ul>"), SHOP_URL).sku is None


def test_the_first_labelled_code_wins_over_a_second() -> None:
    body = "<p>SKU: MUG-100</p><aside>Also bought: SKU: CUP-200</aside>"
    assert extract_structured(page(body), SHOP_URL).sku == "MUG-100"


def test_a_classified_ads_own_number_beats_the_agents_reference_before_it() -> None:
    body = "<p>Referentie: 15729</p><p>Slaapkamers: 3</p><p>Zoekertjesnummer: m1622000679</p>"
    assert extract_structured(page(body), SHOP_URL).sku == "m1622000679"


def test_markup_the_page_shows_and_the_url_beat_another_labelled_code() -> None:
    body = "<p>SKU: TXT-100</p><p>Mug MUG-1, blue</p>"
    assert extract_structured(page(body, jsonld=product(sku="MUG-1")), SHOP_URL).sku == "MUG-1"
    assert extract_structured(page(body), "https://www.ebay.com/itm/256123456789").sku == "256123456789"


def test_the_code_the_page_labels_beats_a_markup_sku_it_never_shows() -> None:
    # the markup's sku is the selected variant's; the page labels the product's own code
    body = "<p>Cod produs: 5011101268</p>"
    result = extract_structured(page(body, jsonld=product(sku="DRB0K2MBM")), SHOP_URL)
    assert (result.sku, result.sources["sku"]) == ("5011101268", "heuristic")


def test_a_shown_variant_code_extending_the_markup_sku_keeps_the_markup_sku() -> None:
    body = "<p>Artikelnummer: 59041479</p>"
    assert extract_structured(page(body, jsonld=product(sku="590414")), SHOP_URL).sku == "590414"


@pytest.mark.parametrize("variant_sku", ["95233396_28255854", "95233396#36", "95233396-XL"])
def test_a_markup_sku_with_a_variant_suffix_yields_to_the_products_shown_code(variant_sku: str) -> None:
    body = "<p>Artikelnummer: 95233396</p>"
    assert extract_structured(page(body, jsonld=product(sku=variant_sku)), SHOP_URL).sku == "95233396"


def test_a_markup_sku_the_page_shows_spaced_is_kept_whole() -> None:
    # the label's code stops at the first blank: "4006381 / 333" is still the markup's "4006381/333"
    body = "<p>Artikelnummer: 4006381 / 333</p>"
    assert extract_structured(page(body, jsonld=product(sku="4006381/333")), SHOP_URL).sku == "4006381/333"


def test_the_text_fills_what_the_markup_lacks() -> None:
    result = extract_structured(page("<p>EAN: 4006381333931</p>", jsonld=product(sku="MUG-1")), SHOP_URL)

    assert (result.sku, result.gtin) == ("MUG-1", "4006381333931")
    assert (result.sources["sku"], result.sources["gtin"]) == ("jsonld", "heuristic")


def _variants_as_products(sku_small: str, sku_large: str) -> list[dict[str, Any]]:
    """One Product per variant under the product's name, as some shops write them."""
    return [
        product(sku=sku_small, url=f"{SHOP_URL}?size=s"),
        product(sku=sku_large, url=f"{SHOP_URL}?size=l"),
    ]


def test_same_named_products_that_disagree_are_variants_and_the_first_is_not_taken() -> None:
    assert extract_structured(page(jsonld=_variants_as_products("MUG-S1", "MUG-L1")), SHOP_URL).sku is None


def test_the_url_picks_one_of_same_named_variant_products() -> None:
    html = page(jsonld=_variants_as_products("MUG-S1", "MUG-L1"))
    assert extract_structured(html, f"{SHOP_URL}?size=l").sku == "MUG-L1"


def test_variants_that_disagree_leave_room_for_the_products_labelled_code() -> None:
    html = page("<p>Style #: MUG-100</p>", jsonld=_variants_as_products("MUG-S1", "MUG-L1"))
    result = extract_structured(html, SHOP_URL)

    assert (result.sku, result.sources["sku"]) == ("MUG-100", "heuristic")


def test_jsonld_and_microdata_of_one_product_agree() -> None:
    body = """<div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Blue Mug</span>
      <meta itemprop="sku" content="MUG-1"><meta itemprop="gtin13" content="4006381333931"></div>"""
    result = extract_structured(page(body, jsonld=product(sku="MUG-1")), SHOP_URL)

    assert (result.sku, result.gtin) == ("MUG-1", "4006381333931")
    assert (result.sources["sku"], result.sources["gtin"]) == ("jsonld", "microdata")


def test_a_sku_written_with_its_label_in_markup_keeps_the_code() -> None:
    body = """<div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Blue Mug</span>
      <meta itemprop="sku" content="sku:2154834"><span itemprop="mpn">Model: AB-120</span></div>"""
    assert identifiers(page(body)) == ("2154834", None, "AB-120")


def test_a_very_short_markup_code_gives_way_to_a_labelled_one() -> None:
    html = page("<dl><dt>商品番号</dt><dd>750592</dd></dl>", jsonld=product(sku="c13"))
    assert extract_structured(html, SHOP_URL).sku == "750592"
    assert extract_structured(page(jsonld=product(sku="c13")), SHOP_URL).sku == "c13"  # nothing better: kept


def test_an_ean_filed_as_the_part_number_is_not_a_part_number() -> None:
    assert identifiers(page(jsonld=product(mpn="7332543980239"))) == (None, None, None)


def test_the_code_the_page_repeats_wins_over_bought_together_tiles() -> None:
    body = (
        "<h1>Maple Bench Top</h1><p>Item #: T9F432251</p>"
        "<ul><li>Leg Kit Item #: T9F254CP2</li><li>Oil Item #: T9FB2048181</li></ul>"
        "<footer>Maple Bench Top Item #: T9F432251</footer>"
    )
    assert extract_structured(page(body), SHOP_URL).sku == "T9F432251"


def test_a_bookshop_url_ending_in_an_isbn_gives_the_gtin() -> None:
    url = "https://www.adlibris.com/se/bok/introduction-to-econometrics-global-edition-9781292264455"
    result = extract_structured(page(title="Introduction to Econometrics"), url)

    assert (result.gtin, result.sources.get("gtin")) == ("9781292264455", "url")
    assert extract_structured(page(), "https://shop.example.com/p/9781292264456").gtin is None  # check digit


def test_a_markup_sku_that_is_the_books_isbn_gives_way_to_the_code_the_page_labels_sku() -> None:
    html = page(
        "<dl><dt>Sku</dt><dd>GOR008011677</dd><dt>ISBN 13</dt><dd>9781471156267</dd></dl>",
        jsonld=product(sku="9781471156267", isbn="9781471156267"),
    )
    assert identifiers(html) == ("GOR008011677", "9781471156267", None)


@pytest.mark.parametrize(
    ("label", "code"),
    [("PZN:", "09703298"), ("注文コード", "44705756")],  # a German pharmacy's product number; MonotaRO's order code
)
def test_pharmacy_and_order_codes_are_the_shops_sku(label: str, code: str) -> None:
    assert identifiers(page(f"<p>{label}</p><p>{code}</p>"))[0] == code


def test_two_option_rows_labelling_sibling_codes_give_no_product_sku() -> None:
    rows = "".join(f"<li>{pack} Treatment Pack <p>SKU: CS20858_{n}</p></li>" for n, pack in ((1, 6), (2, 3)))
    assert identifiers(page(f"<ul>{rows}</ul>"))[0] is None


def test_a_product_code_and_a_longer_code_are_not_sibling_options() -> None:
    assert identifiers(page("<p>SKU: 590414</p><p>SKU: 59041479</p>"))[0] == "590414"


@pytest.mark.parametrize("label", ["No. artikel", "Article number", "Artikelnummer"])
def test_ikeas_dotted_article_number_is_a_code_not_a_price(label: str) -> None:
    assert identifiers(page(f"<p>{label}</p><p>305.689.01</p>"))[0] == "305.689.01"
    assert clean_code("1.299,00") is None and clean_code("1,299.00") is None  # prices stay refused


def test_an_mpn_that_repeats_the_sku_is_no_part_number() -> None:
    html = page(jsonld=product(sku="30360468", mpn="30360468"))
    assert identifiers(html) == ("30360468", None, None)
    assert identifiers(page(jsonld=product(sku="30360468", mpn="MALM-6D")))[2] == "MALM-6D"


@pytest.mark.parametrize(
    ("url", "label"),
    [
        ("https://www.x-kom.pl/p/597344-karta-graficzna-nvidia-gigabyte-geforce-rtx-3070.html", "Kod x-kom:"),
        ("https://www.lastdodo.nl/nl/items/597344-schoot-der-aarde", "LastDodo nummer<br>"),
        ("https://www.inmuebles24.com/propiedades/departamento-597344.html", "Cód. Inmuebles24:"),
        ("https://www.otodom.pl/pl/oferta/mieszkanie-ID4abc", "Nr oferty w Otodom:"),
    ],
)
def test_a_code_labelled_with_the_shops_own_name_is_its_sku(url: str, label: str) -> None:
    html = page(f"<p>Kod producenta: GV-N3070EAGLE-8GD</p><p>{label} 597344</p><p>Cena 5 099,00 zł</p>")
    assert identifiers(html, url)[0] == "597344"


def test_another_sites_name_before_a_code_is_no_label() -> None:
    html = page("<p>Kod x-kom: 597344</p>")
    assert identifiers(html, "https://www.other-shop.example/p/rtx-3070")[0] is None


@pytest.mark.parametrize(
    ("body", "sku"),
    [
        ("<p>Mahoney Sofa</p><p>Item:</p><p>3100438</p><p>Subtotal:</p>", "3100438"),
        ("<p>Item: SB00260</p><p>Availability: This item is currently unavailable</p>", "SB00260"),
        ("<p>Items: 3</p><p>Item 2 of 5</p>", None),  # a count, a position: no colon straight after "Item"
        ("<p>Max per item: 10</p><p>Weight per item: 250</p>", None),  # "item" inside a phrase
        ("<p>Item - 12345</p><p>Line Item: 7788123</p>", None),  # no colon; a word before "Item"
    ],
)
def test_a_bare_item_label_with_a_colon_names_the_shops_code(body: str, sku: str | None) -> None:
    assert identifiers(page(body))[0] == sku


def test_the_shops_own_reference_comes_before_the_agents() -> None:
    html = page("<dl><dt>Makelaar Ref.</dt><dd>4184306</dd><dt>IMMOSCOOP Ref.</dt><dd>BQNGA9170201103</dd></dl>")
    assert identifiers(html, "https://www.immoscoop.be/immo.php?id=1")[0] == "BQNGA9170201103"


@pytest.mark.parametrize(
    ("label", "code"),
    [("Advertentienr.", "T-883-BT"), ("(Cód. Item", "462100")],  # AutoScout24 NL's ad number; Ponto Frio's item code
)
def test_dutch_ad_numbers_and_item_codes_are_the_sku(label: str, code: str) -> None:
    assert identifiers(page(f"<p>{label} {code}</p><p>Garantie</p>"))[0] == code


@pytest.mark.parametrize(
    ("body", "url"),
    [
        ("<p>Apple ID: user12345</p>", "https://www.apple.com/shop/buy-mac"),  # an account, not a code
        ("<p>DER SPIEGEL Nr. 12/2024</p>", "https://www.spiegel.de/kultur/blue-mug"),  # an issue number
        ("<p>Kod rabatowy x-kom: LATO2024</p>", "https://www.x-kom.pl/p/1-blue-mug.html"),  # a discount code
        ("<p>Zadzwoń do x-kom</p><p>nr 343770000</p>", "https://www.x-kom.pl/p/1-blue-mug.html"),  # a phone number
        ("<p>Bolid: RB20X</p>", "https://www.bol.com/nl/p/blue-mug/123/"),  # a word starting with the name
    ],
)
def test_the_shops_name_near_a_number_is_not_always_its_code(body: str, url: str) -> None:
    assert identifiers(page(body), url)[0] is None


@pytest.mark.parametrize(
    "label",
    [
        "Prekės kodas:",
        "Preces kods:",
        "Tootekood:",
        "Vörunúmer:",
        "Cod articol:",
        "Kode barang:",
        "Mã hàng:",
        "Mã SP:",
        "کد کالا:",
        "Арт.",
    ],
)
def test_shop_code_labels_of_more_languages(label: str) -> None:
    assert identifiers(page(f"<p>{label} AB-20931</p><p>1 299,00</p>"))[0] == "AB-20931"
