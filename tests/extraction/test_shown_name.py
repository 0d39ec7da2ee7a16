"""The product's name as the shopper reads it: the heading rather than an og:title wrapping it in the site's
words, the part of a heading the title repeats, the element naming the product on a page with no heading, and
never a logo's <h1>."""

from __future__ import annotations

from app.extraction.structured import extract_structured

URL = "https://shop.example/item/123"


def page(body: str, title: str, og_title: str | None = None) -> str:
    og = f'<meta property="og:title" content="{og_title}">' if og_title else ""
    return f"""<html lang="en"><head><title>{title}</title>{og}</head><body>{body}
      <div class="price">$19.99</div><button>Add to cart</button></body></html>"""


def test_the_heading_beats_an_og_title_that_adds_site_words_after_it() -> None:
    html = page("<h1>Walnut Side Table</h1>", "Walnut Side Table", "Walnut Side Table - Furniture - Austin | Market 44")
    assert extract_structured(html, URL).name == "Walnut Side Table"


def test_the_heading_beats_an_og_title_with_a_bracketed_site_prefix() -> None:
    html = page("<h1>제주 삼다수 2L 12병</h1>", "G마켓 - 제주 삼다수 2L 12병", "[G마켓] 제주 삼다수 2L 12병")
    assert extract_structured(html, "https://item.gmarket.co.kr/Item?goodscode=1").name == "제주 삼다수 2L 12병"


def test_an_og_title_naming_more_than_the_heading_in_running_words_is_kept() -> None:
    html = page("<h1>Air Max 90</h1>", "Nike Air Max 90 Men's Shoes", "Nike Air Max 90 Men's Shoes")
    assert extract_structured(html, URL).name == "Nike Air Max 90 Men's Shoes"


def test_a_heading_holding_the_price_and_place_is_named_by_the_part_the_title_repeats() -> None:
    body = """<h1 class="postingtitle"><span class="postingtitletext"><span id="titletextonly">Trek Marlin 5 Mountain
      Bike</span> <span class="price">$450</span><span class="loc"> (mission district)</span></span></h1>"""
    html = page(body, "Trek Marlin 5 Mountain Bike - bicycles - by owner - craigslist")
    assert extract_structured(html, URL).name == "Trek Marlin 5 Mountain Bike"


def test_a_brand_part_of_the_heading_does_not_stand_for_the_name() -> None:
    body = '<h1><span class="brand">Acme</span> Blue Mug <span class="badge">New in</span></h1>'
    html = page(body, "Acme Blue Mug | Shop")
    assert extract_structured(html, URL).name == "Acme Blue Mug New in"


def test_a_page_without_headings_is_named_by_the_element_whose_class_says_name() -> None:
    body = """<ul class="nav-name"><li>Phones</li></ul><div class="sku-name">Apple iPhone 15 128GB 黑色 双卡双待</div>
      <ul><li class="p-name">Apple iPhone 15 Plus</li></ul>"""
    html = page(body, "【AppleiPhone 15】Apple iPhone 15 128GB 黑色 双卡双待【行情 报价 价格 评测】-京东")
    result = extract_structured(html, "https://item.jd.com/100012043978.html")
    assert result.name == "Apple iPhone 15 128GB 黑色 双卡双待"


def test_a_logo_heading_with_the_shops_name_is_not_the_products() -> None:
    body = '<h1 class="logo">Americanas.com</h1><h1 class="product-name">HD Externo Seagate 2TB Preto</h1>'
    html = page(body, "HD Externo Seagate 2TB Preto - Americanas.com")
    assert extract_structured(html, "https://www.americanas.com.br/produto/1").name == "HD Externo Seagate 2TB Preto"


def test_a_heading_in_another_script_is_not_taken_for_the_shops_latin_name() -> None:
    html = page("<h1>Чайник</h1>", "Купить чайник")
    assert extract_structured(html, "https://www.ozon.ru/product/chaynik-123/").name == "Чайник"


def test_a_site_wide_og_title_sharing_only_the_shops_name_with_the_title_is_no_name() -> None:
    html = page(
        "<h1>Elegance Canape Plates, Set of 6</h1>",
        "Shop Elegance Canape Plates, Set of 6 - Free Shipping - Overstock - 29099468",
        "Overstock.com: Online Shopping - Bedding, Furniture, Electronics, Jewelry, Clothing &amp; more",
    )
    assert extract_structured(html, "https://www.overstock.com/x/29099468/product.html").name == (
        "Elegance Canape Plates, Set of 6"
    )


def test_an_og_title_written_as_share_text_naming_the_site_gives_way_to_the_heading() -> None:
    html = page(
        "<h1>4 bedroom detached house for sale in Stephen Road, Headington</h1>",
        "4 bedroom detached house for sale in Stephen Road, Headington",
        "Check out this 4 bedroom detached house for sale on Rightmove",
    )
    assert extract_structured(html, "https://www.rightmove.co.uk/properties/1").name == (
        "4 bedroom detached house for sale in Stephen Road, Headington"
    )


def test_an_og_title_naming_the_shop_as_the_heading_does_is_kept() -> None:
    html = page("<h1>Amazon Basics USB Cable</h1>", "Amazon.com: Amazon Basics USB Cable", "Amazon Basics USB Cable 2m")
    assert extract_structured(html, "https://www.amazon.com/dp/B00NH11KIK").name == "Amazon Basics USB Cable 2m"


def markup_page(markup_name: str, heading: str) -> str:
    ld = f'{{"@context":"https://schema.org","@type":"Product","name":"{markup_name}","offers":{{"@type":"Offer","price":"34990","priceCurrency":"EUR"}}}}'
    return page(f'<script type="application/ld+json">{ld}</script><h1>{heading}</h1>', heading)


def test_a_markup_name_written_around_the_price_gives_way_to_the_heading() -> None:
    html = markup_page("BMW für € 34.990", "BMW i4 eDrive40 Gran Coupé DAB Tempomat")
    assert extract_structured(html, "https://www.autoscout24.de/angebote/bmw-i4-1").name == (
        "BMW i4 eDrive40 Gran Coupé DAB Tempomat"
    )


def test_a_markup_name_that_is_the_sites_name_gives_way_to_the_heading() -> None:
    html = markup_page("OnTheMarket.com", "4 bedroom house for sale")
    assert extract_structured(html, "https://www.onthemarket.com/details/1/").name == "4 bedroom house for sale"


def test_a_markup_name_with_an_amount_the_heading_also_shows_is_kept() -> None:
    html = markup_page("Gift Card €50", "Gift Card €50")
    assert extract_structured(html, URL).name == "Gift Card €50"
