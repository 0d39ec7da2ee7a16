"""Is this a single-product page: page signals, their score, and the rule combining it with the URL model."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.extraction.structured import PageEvidence, combine_product_confidence, extract_structured
from tests.support.markup import jsonld, product_jsonld

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


def test_a_script_link_titled_add_to_cart_is_the_buy_control() -> None:
    html = """<html><head><title>Smart Watch G2</title></head><body><h1>Smart Watch G2</h1>
      <div class="info"><span class="price">US$ 55.99</span>
      <a class="add_to_Card db" title="Add to Cart" href="javascript:void(0);" onclick="AddSKUToCart('MT0607B')">
      </a></div></body></html>"""
    evidence = extract_structured(html, "http://www.shop.example.com/MT0607B/Smart_Watch.html").evidence
    assert {"add_to_cart", "price_near_cart"} <= evidence.signals
    assert verdict(html)


@pytest.mark.parametrize(
    ("lang", "label"),
    [
        ("fr", "Voir le numéro"),
        ("de", "Nummer anzeigen"),
        ("pl", "Pokaż numer"),
        ("ka", "ნომრის ნახვა"),
        ("pl", "Kontakt ze sprzedającym"),
        ("pl", "+48 514 *** *** (Pokaż)"),  # the seller's masked number
        ("hu", "Telefonszám megjelenítése"),
        ("ru", "Написать продавцу"),
        ("tr", "Satıcıya mesaj gönder"),
        ("ja", "出品者に質問する"),
        ("es", "Contactar al anunciante"),
        ("pl", "Napisz"),  # OLX's, Otomoto's "write" (to the seller): the whole label only
        ("de", "Nachricht schreiben"),  # Kleinanzeigen
        ("pt", "Ver o telefone"),  # Imovelweb
        ("pl", "Wyświetl numer"),  # Otodom
        ("no", "Vis telefonnummer"),
        ("sv", "Kontakta säljaren"),
        ("en", "Contact agent"),  # estate agents' property pages
        ("en", "Request a viewing"),
    ],
)
def test_a_classified_ads_show_the_number_button_is_its_buy_control(lang: str, label: str) -> None:
    html = f"""<html lang="{lang}"><head><title>Polo 1,4 tdi cup</title></head><body><h1>Polo 1,4 tdi cup</h1>
      <div class="ad-price"><span class="price">10 500 €</span></div><p>2004 · 210 000 km · Diesel</p>
      <div class="seller"><button type="button">{label}</button></div></body></html>"""
    evidence = extract_structured(html, "https://www.classifieds.example.fr/voitures/1427320207.htm").evidence
    assert "add_to_cart" in evidence.signals
    assert combine_product_confidence(0.02, evidence).is_product


def test_a_shops_phone_number_button_in_its_header_is_no_buy_control() -> None:
    html = """<html lang="ru"><head><title>Гуашь 12 цветов — блог магазина</title></head><body>
      <header><button class="phone">Показать телефон</button></header>
      <h1>Как выбрать гуашь</h1><p>Гуашь 12 цветов стоит около <span class="price">350 ₽</span>.</p></body></html>"""
    evidence = extract_structured(html, "https://www.shop.example.ru/blog/kak-vybrat-guash").evidence
    assert "add_to_cart" not in evidence.signals


def test_a_classified_ads_own_header_may_hold_its_show_the_number_button() -> None:
    html = """<html lang="fr"><head><title>Polo 1,4 tdi cup</title></head><body>
      <header class="site"><a href="/">Annonces</a></header>
      <main><article><header><h1>Polo 1,4 tdi cup</h1><p class="price">10 500 €</p>
      <button type="button">Voir le numéro</button></header><p>2004 · 210 000 km</p></article></main></body></html>"""
    evidence = extract_structured(html, "https://www.classifieds.example.fr/voitures/1427320207.htm").evidence
    assert "add_to_cart" in evidence.signals


def test_a_review_with_product_markup_and_og_type_article_is_no_product_page() -> None:
    html = f"""<html lang="en"><head><meta property="og:type" content="article">
      {product_jsonld("Sony WH-1000XM5", "349", "USD")}</head>
      <body><h1>Sony WH-1000XM5 review</h1><p>Six weeks with the best noise cancelling yet.</p></body></html>"""
    evidence = extract_structured(html, "https://www.reviews.example.com/sony-wh-1000xm5-review").evidence
    assert "article_markup" in evidence.signals
    assert not combine_product_confidence(None, evidence).is_product


def test_a_cms_default_og_type_article_on_a_shops_product_page_is_no_article() -> None:
    html = f"""<html lang="ja"><head><meta property="og:type" content="article">
      {product_jsonld("Xenoblade", "4998", "JPY")}</head>
      <body><h1>Xenoblade</h1><span class="price">4,998円</span><button class="add-to-cart">カートに入れる</button>
      </body></html>"""
    evidence = extract_structured(html, "https://www.shop.example.jp/detail/0013104313").evidence
    assert "article_markup" not in evidence.signals
    assert combine_product_confidence(None, evidence).is_product


def test_article_embedding_product_markup_is_not_a_product_page() -> None:
    evidence = extract_structured(ARTICLE_WITH_PRODUCT_MARKUP, "https://example.com/news/1").evidence
    assert "article_markup" in evidence.signals
    assert not verdict(ARTICLE_WITH_PRODUCT_MARKUP)


def test_affiliate_buy_button_is_not_this_pages_cart() -> None:
    evidence = extract_structured(REVIEW_WITH_AFFILIATE_BUTTON, "https://reviews.example.com/best").evidence
    assert "add_to_cart" not in evidence.signals
    assert not verdict(REVIEW_WITH_AFFILIATE_BUTTON)


def test_a_buy_it_now_filter_of_a_search_page_is_no_buy_control() -> None:
    html = """<html><head><title>1 result for booster box | eBay</title></head><body>
      <h1>1 result for booster box</h1><ul class="fake-menu__items"><li><a class="fake-menu-button__item"
        href="https://www.ebay.co.uk/sch/i.html?_nkw=booster+box&amp;LH_BIN=1">Buy It Now</a></li></ul>
      <div class="s-card"><span class="s-card__price">£20.00</span></div></body></html>"""
    evidence = extract_structured(html, "https://www.ebay.co.uk/sch/i.html?_nkw=booster+box").evidence
    assert "add_to_cart" not in evidence.signals
    assert not verdict(html)
    buy_link = html.replace("/sch/i.html?_nkw=booster+box&amp;LH_BIN=1", "/cart/add?id=1&amp;q=1")
    assert "add_to_cart" in extract_structured(buy_link, "https://www.ebay.co.uk/itm/1").evidence.signals


@pytest.mark.parametrize(
    ("lang", "label"),
    [
        ("es-CL", "Agregar al Carro"),  # Falabella: "carro" is the cart in Chile
        ("es", "Añadir al carro"),
        ("id", "+ Keranjang"),  # Tokopedia, Bukalapak: "+" is "add"
        ("id", "Beli Langsung"),  # "buy directly"
        ("pl", "Licytuj"),  # Allegro's auction: "bid"
        ("lt", "Į krepšelį"),
        ("lv", "Ielikt grozā"),
        ("et", "Lisa korvi"),
        ("is", "Setja í körfu"),
        ("tl", "Idagdag sa cart"),
        ("ar", "أضف للسلة"),
        ("de", "Tickets kaufen"),
        ("es", "Comprar entradas"),
        ("fr", "Acheter des billets"),
        ("tr", "Biletleri al"),
        ("ja", "チケットを購入"),
    ],
)
def test_buy_button_labels_of_marketplaces(lang: str, label: str) -> None:
    html = f"""<html lang="{lang}"><head><title>Sepatu Lari</title></head><body>
      <header><a href="/cart" aria-label="Keranjang">Keranjang</a></header><h1>Sepatu Lari</h1>
      <div class="x1"><div class="x2">159.900</div><button type="button" class="x3">{label}</button></div>
      </body></html>"""
    assert "add_to_cart" in extract_structured(html, "https://shop.example.com/p/1").evidence.signals


@pytest.mark.parametrize(
    "control",
    [
        '<a href="/cart" class="cart-link" aria-label="Keranjang">Keranjang</a>',  # the header's cart link
        '<button type="button">Napisz recenzję</button>',  # "write a review"
        # a blog's comment link: a bare "Reply" is no contact phrase (Craigslist's "reply" button stays unread)
        '<a class="comment-reply-link" href="#comment-1" aria-label="Reply to Ann">Reply</a>',
        '<button type="button">Message</button>',
        '<button type="button">Eiti į krepšelį</button>',  # Lithuanian "go to the cart"
    ],
)
def test_words_near_buy_and_contact_labels_are_no_buy_control(control: str) -> None:
    html = f"""<html><head><title>Ride report</title></head><body><h1>Ride report</h1>
      <div class="post"><p>The bike cost <span class="price">$450</span>.</p><div class="c">{control}</div></div>
      </body></html>"""
    assert "add_to_cart" not in extract_structured(html, "https://blog.example.com/ride-report").evidence.signals


def test_a_button_named_only_by_its_test_id_is_the_buy_control() -> None:
    html = """<html><head><title>Trail Shoe</title></head><body><h1>Trail Shoe</h1>
      <div class="x1"><span class="price">$120.00</span>
      <button class="fEVEmD buKhAN" data-testid="add-to-cart-button"><svg></svg></button></div></body></html>"""
    assert "add_to_cart" in extract_structured(html, "https://shop.example.com/p/1").evidence.signals


def test_a_category_dressed_as_one_product_whose_offers_are_the_listed_ads() -> None:
    offers = [
        {"@type": "Offer", "name": f"Car {n}", "price": 140000 + n, "priceCurrency": "UAH",
         "url": f"https://www.olx.ua/d/uk/obyavlenie/car-{n}-IDZtRG{n}.html"}
        for n in range(5)
    ]  # fmt: skip
    category = jsonld(
        {
            "@type": "Product",
            "name": "Легкові автомобілі",
            "offers": {"@type": "AggregateOffer", "lowPrice": 6334, "highPrice": 561663, "priceCurrency": "UAH",
                       "offerCount": 1000, "offers": offers},
        }
    )  # fmt: skip
    html = f"<html><head>{category}</head><body><h1>Легкові автомобілі</h1></body></html>"
    evidence = extract_structured(html, "https://www.olx.ua/uk/transport/legkovye-avtomobili/").evidence
    assert "listing_page" in evidence.signals
    assert not combine_product_confidence(None, evidence).is_product
    # a product sold in variants keeps its offers on its own page
    variants = [{**offer, "url": f"https://shop.example.com/p/car?variant={n}"} for n, offer in enumerate(offers)]
    product = jsonld({"@type": "Product", "name": "Car", "offers": variants})
    page = f"<html><head>{product}</head><body><h1>Car</h1></body></html>"
    assert "listing_page" not in extract_structured(page, "https://shop.example.com/p/car").evidence.signals
    # colour variants named after the product, each on a page of its own, opened at the parent's address
    colours = [
        {**offer, "name": f"Car - {colour}", "url": f"https://shop.example.com/car-{colour}"}
        for offer, colour in zip(offers, ["black", "white", "navy", "grey"], strict=False)
    ]
    variants_page = jsonld({"@type": "Product", "name": "Car", "offers": colours})
    page = f"<html><head>{variants_page}</head><body><h1>Car</h1></body></html>"
    assert "listing_page" not in extract_structured(page, "https://shop.example.com/car").evidence.signals
    # a price comparison's offers lead through its own redirect pages and name no other item
    sellers = [{key: value for key, value in offer.items() if key != "name"} for offer in offers]
    sellers = [{**offer, "url": f"https://www.olx.ua/relocator/{n}"} for n, offer in enumerate(sellers)]
    compared = jsonld({"@type": "Product", "name": "Car", "offers": sellers})
    page = f"<html><head>{compared}</head><body><h1>Car</h1></body></html>"
    assert "listing_page" not in extract_structured(page, "https://www.olx.ua/p/car").evidence.signals


def test_og_type_article_on_a_page_selling_at_a_price_beside_its_buy_button() -> None:
    html = """<html><head><meta property="og:type" content="article"><title>Insect Queen DL4</title></head><body>
      <h1>Insect Queen DL4</h1><div class="buy"><span class="price">NT$ 5,751</span>
      <button class="add-to-cart">加入購物車</button></div></body></html>"""
    evidence = extract_structured(html, "https://tw.shop.example.com/items/81e2722f").evidence
    assert "article_markup" not in evidence.signals
    assert verdict(html)


def test_category_grid_is_not_a_product_page() -> None:
    evidence = extract_structured(CATEGORY_PAGE, "https://example.com/c/running").evidence
    assert "listing_page" in evidence.signals
    assert not verdict(CATEGORY_PAGE)


def test_a_category_grid_stays_a_listing_beside_a_featured_deals_buy_box() -> None:
    tiles = "".join(
        f'<div class="product-tile"><a href="/p/shoe-{index}">Shoe {index}</a>'
        f'<span class="price">${80 + index}.00</span></div>'
        for index in range(12)
    )
    featured = """<div class="deal-of-the-day"><h2>Deal of the day</h2><span class="price">$59.00</span>
      <button class="add-to-cart">Add to cart</button></div>"""
    html = f"""<html><head><title>Running shoes | Example</title></head><body><h1>Running shoes</h1>
      <div class="grid">{tiles}</div>{featured}</body></html>"""
    evidence = extract_structured(html, "https://example.com/c/running").evidence
    assert "listing_page" in evidence.signals
    assert not verdict(html)


def test_other_products_in_the_added_to_cart_dialog_do_not_make_a_listing() -> None:
    tiles = "".join(
        f'<li class="c-modal__product"><a href="/detail/{index}">Game {index}</a>'
        f'<span class="c-modal__product-price">{3000 + index * 100}円</span></li>'
        for index in range(12)
    )
    html = f"""<html lang="ja"><head>{product_jsonld("Xenoblade", "4998", "JPY")}</head><body>
      <h1>Xenoblade</h1><p>中古 4,998円</p><button class="add-to-cart">カートに入れる</button>
      <div class="c-modal" id="js-cart-added"><p>カートに追加しました</p><ul>{tiles}</ul></div></body></html>"""
    result = extract_structured(html, "https://www.shop.example.jp/detail/0013104313")
    assert "listing_page" not in result.evidence.signals
    assert result.price == Decimal("4998")
    assert combine_product_confidence(None, result.evidence).is_product


def test_several_unrelated_products_in_markup_make_a_listing() -> None:
    blocks = "".join(jsonld({"@type": "Product", "name": name}) for name in ("Red Plate", "Blue Cup", "Green Bowl"))
    html = f"<html><head><title>Tableware</title>{blocks}</head><body><h1>Tableware</h1></body></html>"
    assert "listing_page" in extract_structured(html, "https://example.com/c/tableware").evidence.signals


def test_empty_page_has_no_evidence() -> None:
    assert not verdict("")


def test_without_a_url_model_the_page_decides() -> None:
    evidence = PageEvidence(frozenset({"schema_product"}), 0.8)
    assert combine_product_confidence(None, evidence) == (True, 0.8)


def test_the_url_models_yes_adds_to_a_page_and_its_no_takes_nothing_away() -> None:
    undecided = PageEvidence(frozenset(), 0.5)
    assert combine_product_confidence(0.9, undecided) == (True, 0.7066)  # sigmoid(0.4 * logit(0.9))
    assert combine_product_confidence(0.1, undecided) == combine_product_confidence(None, undecided)
    # A grocery page without schema.org: its name, a price under the heading, og:type product; the URL model
    # has never seen this shop's URL style and says "no".
    grocery = PageEvidence(frozenset({"og_product", "product_name", "visible_price", "price_near_heading"}), 0.6225)
    assert combine_product_confidence(0.009, grocery) == (True, 0.6225)


def test_a_url_rule_counts_in_full() -> None:
    bare = PageEvidence(frozenset({"product_name", "no_price"}), 0.12)  # an out-of-stock marketplace page
    assert combine_product_confidence(0.97, bare).is_product is False  # the model's "yes" is not enough
    assert combine_product_confidence(0.97, bare, url_from_rule=True).is_product is True  # /dp/<ASIN> is


# Shapes of marketplace and shop pages with no schema.org markup at all: a name, a price, a buy control.
NO_MARKUP_PAGES = {
    "marketplace": """<html><head><title>Wireless Mouse M185 : Amazon.de: Computer</title></head><body>
      <div id="dp"><h1 id="title"><span id="productTitle">Logitech M185 Wireless Mouse</span></h1>
      <div id="corePrice"><span class="a-price"><span class="a-offscreen">18,99 €</span><span aria-hidden="true">
      <span class="a-price-whole">18<span class="a-price-decimal">,</span></span>
      <span class="a-price-fraction">99</span>
      <span class="a-price-symbol">€</span></span></span></div>
      <input type="submit" id="add-to-cart-button" value="In den Einkaufswagen"></div></body></html>""",
    "japanese": """<html lang="ja"><head><title>無線マウス | ショップ</title></head><body>
      <h1 class="item-name">ワイヤレスマウス M185</h1><div class="item-price">¥1,980</div>
      <button class="btn">カートに入れる</button></body></html>""",
    "korean": """<html lang="ko"><head><title>무선 마우스</title></head><body>
      <h1>로지텍 무선 마우스 M185</h1><div class="price-area"><strong class="price">19,900원</strong></div>
      <a class="btn-buy" href="/order?id=1">바로구매</a></body></html>""",
    "utility_css": """<html lang="de"><head><title>Kaffeemühle Classic</title></head><body>
      <main class="mx-auto grid"><h1 class="text-3xl font-semibold">Kaffeemühle Classic</h1>
      <div class="mt-2 flex"><span class="text-2xl font-bold">24,90 €</span><del class="ml-2">29,90 €</del></div>
      <button class="w-full rounded bg-black">In den Warenkorb</button></main></body></html>""",
    "classified": """<html><head><title>Trek Marlin 5 mountain bike</title></head><body>
      <h1>Trek Marlin 5 mountain bike, size M</h1><p class="ad-price">£350</p>
      <button class="reply">Contact seller</button></body></html>""",
}


@pytest.mark.parametrize("kind", sorted(NO_MARKUP_PAGES))
def test_page_showing_a_product_for_sale_is_not_overturned_by_its_url(kind: str) -> None:
    evidence = extract_structured(NO_MARKUP_PAGES[kind], "https://shop.example/x/123").evidence
    is_product, confidence = combine_product_confidence(0.02, evidence)
    assert is_product, (kind, sorted(evidence.signals))
    assert confidence >= evidence.score


CLASSIFIED_AD = """<html lang="pl"><head><title>Opel Astra 1.6 2015 | Ogłoszenia</title></head><body>
  <h1>Opel Astra 1.6 2015</h1><div class="offer-price"><span class="offer-price__number">32 900 zł</span></div>
  <p>Stan bardzo dobry, pierwszy właściciel.</p>{more}</body></html>"""


def test_an_ad_with_one_price_and_no_buy_button_needs_only_a_hint_from_its_url() -> None:
    evidence = extract_structured(CLASSIFIED_AD.format(more=""), "https://example.pl/oferta/1").evidence
    assert "one_price" in evidence.signals
    assert not combine_product_confidence(None, evidence).is_product  # a page alone this bare is not enough
    assert combine_product_confidence(0.8, evidence).is_product
    more = "".join(f'<div class="offer-price">{price} 900 zł</div>' for price in (18, 24, 41))
    crowded = extract_structured(CLASSIFIED_AD.format(more=more), "https://example.pl/oferta/1").evidence
    assert "one_price" not in crowded.signals
    assert not combine_product_confidence(0.8, crowded).is_product


def test_an_ad_that_labels_its_own_number_is_one_items_page_without_a_hint_from_its_url() -> None:
    numbered = CLASSIFIED_AD.format(more="<dl><dt>Numer ogłoszenia</dt><dd>6051072358</dd></dl>")
    evidence = extract_structured(numbered, "https://example.pl/oferta/1").evidence
    assert "item_code" in evidence.signals
    assert combine_product_confidence(None, evidence).is_product
    assert combine_product_confidence(0.1, evidence).is_product  # a doubtful URL does not overturn it
    news = """<html><head><title>Prices rise</title></head><body><h1>Prices rise again</h1>
      <p>Analysts expect more.</p><p>Article ID: 55123</p></body></html>"""
    assert not combine_product_confidence(
        None, extract_structured(news, "https://news.example/a/1").evidence
    ).is_product


def test_price_without_a_price_class_is_read_below_the_heading() -> None:
    result = extract_structured(NO_MARKUP_PAGES["utility_css"], "https://kaffee.example/muehle")
    assert (result.price, result.currency) == (Decimal("24.90"), "EUR")  # the sale price, not the struck one


def test_a_price_box_whose_amount_sits_beside_a_tooltip_is_read_below_the_heading() -> None:
    html = """<html><head><title>4 bedroom house for sale</title></head><body>
      <nav><div class="nav-item house-prices">House Prices</div></nav><h1>Stephen Road, Headington, OX3</h1>
      <div data-testid="primaryPrice"><span>£695,000</span><span>Knowing the purchase price means you can work out
      the total cost of buying, including stamp duty and fees.</span></div>
      <p>4 bedrooms, 2 bathrooms, detached.</p></body></html>"""
    result = extract_structured(html, "https://estate.example/properties/123")
    assert (result.price, result.currency) == (Decimal("695000.00"), "GBP")


def test_the_block_holding_the_heading_is_the_products_whatever_its_classes_say() -> None:
    html = """<html><head><title>Wrap dress | Shop</title></head><body><main>
      <div class="layout pdp-wrapper product-detail-sticky-footer-wrapper"><h1>Wrap dress</h1>
      <div class="product-price">34,99 €</div><button>Add to bag</button></div>
      <div class="recommendations"><h2>You may also like</h2><div class="product-price">24,99 €</div></div>
      </main></body></html>"""
    result = extract_structured(html, "https://fashion.example/fr_fr/productpage.1234.html")
    assert (result.price, result.currency) == (Decimal("34.99"), "EUR")


def test_the_old_price_inside_the_block_holding_the_heading_is_read_whatever_its_classes_say() -> None:
    html = """<html><head><title>Wrap dress | Shop</title></head><body><main>
      <div class="product-detail-sticky-footer-wrapper"><h1>Wrap dress</h1>
      <div class="price"><span class="sale-price">24,99 €</span> <s class="old">34,99 €</s></div>
      <button>Add to bag</button></div></main></body></html>"""
    result = extract_structured(html, "https://fashion.example/fr_fr/productpage.1234.html")
    assert (result.price, result.regular_price) == (Decimal("24.99"), Decimal("34.99"))


def test_an_amount_in_an_articles_prose_is_not_its_price() -> None:
    html = """<html><head><title>Review</title></head><body><h1>Is the new phone worth it?</h1>
      <p>At $999 it costs more than last year's model, but the camera is better.</p></body></html>"""
    assert extract_structured(html, "https://news.example/review").price is None


def test_a_url_rule_for_a_cart_or_search_page_counts_against_a_page_without_a_buy_box() -> None:
    bare = extract_structured(
        "<html><head><title>Spring sale</title></head><body><h1>Spring sale</h1><p>Up to 50% off</p></body></html>",
        "https://shop.example/search?q=sale",
    ).evidence
    by_rule = combine_product_confidence(0.02, bare, url_from_rule=True).confidence
    assert by_rule < combine_product_confidence(None, bare).confidence


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
    assert combine_product_confidence(0.9, None) == (True, 0.9)  # no page: the URL model's own answer
    assert combine_product_confidence(0.3, None) == (False, 0.3)


def _signals(html: str, url: str = "https://shop.example.com/x") -> frozenset[str]:
    return extract_structured(html, url).evidence.signals


def test_three_tiles_each_with_a_link_and_a_buy_button_make_a_listing() -> None:
    tiles = "".join(
        TILE.format(slug=f"shoe-{index}", name=f"Shoe {index}", price=f"{80 + index}.00") for index in range(3)
    )
    html = f"<html><body><h1>Running shoes</h1><div class='grid'>{tiles}</div></body></html>"
    evidence = extract_structured(html, "https://example.com/search?q=shoes").evidence
    assert "listing_page" in evidence.signals
    assert evidence.score < 0.5


def test_variant_rows_each_with_a_buy_button_but_no_page_of_their_own_are_no_listing() -> None:
    rows = "".join(
        f'<tr class="variant"><td>Size {size}</td><td><span class="price">${price}</span></td>'
        f"<td><button>Add to cart</button></td></tr>"
        for size, price in (("S", "20.00"), ("M", "21.00"), ("L", "22.00"))
    )
    html = f"<html><body><h1>Cotton Tee</h1><img src='/tee.jpg'><table>{rows}</table></body></html>"
    assert "listing_page" not in _signals(html)


def test_a_buy_box_beside_a_strip_of_tiles_with_buttons_is_no_listing() -> None:
    tiles = "".join(
        TILE.format(slug=f"shoe-{index}", name=f"Shoe {index}", price=f"{80 + index}.00") for index in range(4)
    )
    html = f"""<html><body>{PRODUCT_PAGE[PRODUCT_PAGE.index("<h1>") : PRODUCT_PAGE.index("<p>Light")]}
      <div class="strip">{tiles}</div></body></html>"""
    assert "listing_page" not in _signals(html)


@pytest.mark.parametrize(
    "heading", ["Shopping Cart", "Your Bag (2 items)", "Warenkorb", "Coșul meu", "장바구니", "購物車", "Корзина"]
)
def test_a_page_headed_as_a_cart_is_no_product_page(heading: str) -> None:
    html = f"""<html><body><h1>{heading}</h1><div class="line-item"><a href="/p/1">Trail Shoe</a>
      <span class="price">$120.00</span></div><div class="summary">Subtotal <span class="price">$120.00</span>
      <form action="/cart/checkout"><button type="submit">Buy now</button></form></div></body></html>"""
    evidence = extract_structured(html, "https://shop.example.com/x").evidence
    assert "cart_page" in evidence.signals
    assert evidence.score < 0.5


def test_a_product_named_after_a_cart_is_no_cart_page() -> None:
    html = PRODUCT_PAGE.replace("<h1>Trail Shoe</h1>", "<h1>Shopping Cart Toy Set for Kids</h1>")
    assert "cart_page" not in _signals(html)


UNAVAILABLE = """<html><body><h1 id="title">Trail Shoe</h1><img id="main-image" src="https://shop.example.com/shoe.jpg"
  alt="Trail Shoe"><div id="availability"><span>{message}</span></div>
  <button class="wishlist">Add to Wish List</button></body></html>"""


@pytest.mark.parametrize("message", ["Currently unavailable.", "現在在庫切れです。", "غير متوفر حاليًا."])
def test_a_named_item_shown_as_unavailable_without_a_price_is_a_product_page(message: str) -> None:
    evidence = extract_structured(UNAVAILABLE.format(message=message), "https://shop.example.com/x").evidence
    assert "unavailable_item" in evidence.signals
    assert evidence.score >= 0.5


def test_a_sold_out_news_story_is_no_product_page() -> None:
    html = """<html><head><meta property="og:type" content="article"></head><body><h1>Console sold out</h1>
      <img src="https://news.example.com/console.jpg"><div class="stock-status">Sold out</div><p>Stores ran dry.</p>
      </body></html>"""
    evidence = extract_structured(html, "https://news.example.com/x").evidence
    assert "unavailable_item" not in evidence.signals
    assert evidence.score < 0.5


AD = """<html><body><h1>Trek Marlin 5 Mountain Bike</h1><img src="https://ads.example.com/bike.jpg">
  <div class="ad-price"><span class="price">$450</span></div>{control}<p>Barely ridden.</p></body></html>"""


@pytest.mark.parametrize(
    "control",
    [
        '<button type="button">reply</button>',
        '<div role="button" tabindex="0"><span>Message</span></div>',
        '<button type="button">Wyślij wiadomość</button>',  # Polish "send a message"
        '<button type="button"><span>اطلاعات تماس</span></button>',  # Persian "contact details" (Divar)
    ],
)
def test_a_classified_ads_bare_reply_or_message_button_stands_for_its_buy_control(control: str) -> None:
    evidence = extract_structured(AD.format(control=control), "https://ads.example.com/x").evidence
    assert "seller_reply" in evidence.signals
    assert evidence.score >= 0.5


@pytest.mark.parametrize(
    "control",
    [
        '<a class="comment-reply-link" href="#respond">Reply</a>',
        '<div class="comments"><p>Nice bike</p><button type="button">Reply</button></div>',
    ],
)
def test_a_comments_reply_is_no_sellers_reply(control: str) -> None:
    assert "seller_reply" not in _signals(AD.format(control=control))


def test_a_blog_posts_reply_button_without_a_price_is_no_product_page() -> None:
    html = """<html><body><h1>My ride to the coast</h1><img src="https://blog.example.com/coast.jpg"><p>Long day.</p>
      <button type="button">Reply</button></body></html>"""
    evidence = extract_structured(html, "https://blog.example.com/x").evidence
    assert "seller_reply" not in evidence.signals
    assert evidence.score < 0.5


DEAL = """<html><body><h1>Apple AirPods Pro 2 $189.99</h1><div class="deal-box"><div class="dealPrice">$189.99</div>
  {links}</div></body></html>"""


def test_a_deal_pages_one_see_deal_link_to_the_shop_is_its_buy_control() -> None:
    links = '<a class="button" href="https://www.amazon.com/dp/B0CHWRXH8B?tag=deals">See Deal</a>'
    evidence = extract_structured(DEAL.format(links=links), "https://deals.example.com/x").evidence
    assert "add_to_cart" in evidence.signals
    assert evidence.score >= 0.5


def test_a_roundups_many_deal_links_are_no_buy_control() -> None:
    links = "".join(
        f'<a class="button" href="https://shop{index}.example.net/p/{index}">View Deal</a>' for index in range(3)
    )
    assert "add_to_cart" not in _signals(DEAL.format(links=links), "https://deals.example.com/x")


def drawn_buy_button(label: str = "Купить") -> str:
    """1C-Bitrix's buy button: a div styled by its classes, an icon and a label, no <button>."""
    return f"""<div class="catalog-element-purchase-order-button intec-ui-control-basket-button"
      data-basket-action="add"><div class="intec-ui-part-icon"><i class="glyph-icon-cart"></i></div>
      <div class="intec-ui-part-content">{label}
      </div></div>"""


def test_a_buy_button_drawn_as_a_div_is_the_pages_buy_control() -> None:
    html = f"""<html lang="ru"><head><title>Ванна стальная 1600х700</title></head><body><main>
      <h1>Ванна стальная 1600х700 белая</h1><div class="catalog-element-price">10 320 ₽</div>{drawn_buy_button()}
      </main></body></html>"""
    result = extract_structured(html, "https://shop.example.ru/catalog/vanny/vanna-stalnaya-1600/")
    assert "add_to_cart" in result.evidence.signals


def test_drawn_buy_buttons_on_every_tile_of_a_grid_are_no_buy_control() -> None:
    tiles = "".join(
        f'<div class="tile"><a href="/p/{n}">Ванна {n}</a><div class="catalog-price">{n} 000 ₽</div>'
        f"{drawn_buy_button()}</div>"
        for n in range(10, 16)
    )
    html = f"""<html lang="ru"><head><title>Ванны</title></head><body><h1>Ванны</h1>{tiles}</body></html>"""
    result = extract_structured(html, "https://shop.example.ru/catalog/vanny/")
    assert "add_to_cart" not in result.evidence.signals


def test_a_slider_of_related_products_with_buy_buttons_is_no_listing() -> None:
    tiles = "".join(
        f'<div class="swiper-slide"><div class="catalog-item"><a href="/p/{n}">Water {n}</a>'
        f'<div class="catalog-item__price">{40 + n},90 ₽</div><button type="button">В корзину</button></div></div>'
        for n in range(24)
    )
    html = f"""<html lang="ru"><head><title>Вода RIOBA 0,33 л</title></head><body><main><div class="product-page">
      <h1>Вода RIOBA негазированная, 0,33 л</h1><div class="price-card"><p class="price-card__price">42,90 ₽</p>
      <button type="button" class="catalog-item_buy">В корзину</button></div></div>
      <div class="product-slideshow swiper-container"><div class="swiper-wrapper">{tiles}</div></div></main>
      </body></html>"""
    evidence = extract_structured(html, "https://shop.example.ru/category/voda/rioba-033-l").evidence
    assert "listing_page" not in evidence.signals
    assert combine_product_confidence(0.03, evidence).is_product


def test_products_promoted_in_a_mega_menu_do_not_make_a_listing() -> None:
    promoted = "".join(
        f'<div class="col-md-4"><a href="/produkt/{index}">Spice {index}</a><span class="price">{index + 2},49 €</span>'
        f'<button class="add-to-cart">V košarico</button></div>'
        for index in range(12)
    )
    html = f"""<html lang="sl"><head><title>Mešanica Pica &amp; Pašta, 25g</title></head><body>
      <div class="mega_dropdown"><div class="row">{promoted}</div></div>
      <div class="product_page"><h1>Mešanica Pica &amp; Pašta, 25g</h1><p class="price">3,32 € z DDV</p>
      <button class="add-to-cart">V košarico</button></div></body></html>"""
    result = extract_structured(html, "https://zacimbe.example/produkt/mesanica-pica-pasta-25g")
    assert "listing_page" not in result.evidence.signals
    assert result.price == Decimal("3.32")
