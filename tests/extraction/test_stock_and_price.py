"""Availability and price as a shopper reads them on shops in many languages: stock messages in the buy box,
the selected variant's offer, sale before regular price, and currencies written without minor units.
Each page is a small one written by hand after the layouts real shops use."""

from __future__ import annotations

from decimal import Decimal

import httpx
import pytest

from app.extraction.structured import extract_structured, page_locale, parse_price
from tests.support.accounts import Account
from tests.support.markup import jsonld

URL = "https://shop.example.com/products/lamp"


def buy_box_page(message: str, *, price: str = "49,00 €", lang: str = "en", button: str = "") -> str:
    """A product page without markup: heading, price, one stock message, maybe a button."""
    return f"""<html lang="{lang}"><head><title>Lamp</title></head><body>
      <header><nav><a href="/">Home</a></nav></header>
      <main><div class="product-info">
        <h1>Desk Lamp Nova</h1>
        <div class="product-price"><span class="price">{price}</span></div>
        <p class="delivery-note">{message}</p>
        {button}
      </div></main></body></html>"""


SOLD_OUT_MESSAGES = [
    ("en", "Currently unavailable."),
    ("en", "Out of stock"),
    ("de", "Nicht verfügbar"),
    ("de", "Leider ausverkauft"),
    ("fr", "Épuisé"),
    ("fr", "Rupture de stock"),
    ("it", "Esaurito"),
    ("es", "Agotado"),
    ("pt", "Esgotado"),
    ("pt-BR", "Produto indisponível"),
    ("pl", "Niedostępny"),
    ("cs", "Vyprodáno"),
    ("hu", "Elfogyott"),
    ("tr", "Tükendi"),
    ("ru", "Нет в наличии"),
    ("uk", "Немає в наявності"),
    ("ko", "품절"),
    ("ko", "일시품절"),
    ("zh-TW", "缺貨"),
    ("zh-TW", "售完"),
    ("ja", "在庫なし"),
    ("ja", "売り切れ"),
    ("th", "สินค้าหมด"),
    ("vi", "Hết hàng"),
    ("id", "Stok habis"),
    ("ar", "نفدت الكمية"),
    ("he", "אזל מהמלאי"),
    ("en", "Sales Ended"),  # a ticket page
    ("de", "Angebot beendet"),  # an auction
    ("es-AR", "Publicación pausada"),  # a listing its seller paused
    ("pt-BR", "Anúncio pausado"),
    ("ko", "판매종료된 상품입니다."),  # sales ended
    ("ko", "판매종료"),
    ("ko", "판매중지된 상품입니다"),
    # a sold-out message that goes on to say the item may return (Amazon), and a return date
    ("en", "Currently unavailable.<br>We don't know when or if this item will be back in stock."),
    ("en", "Expected to be back in stock on 5 May"),
    ("en", "This item is unavailable"),
    ("de", "Nicht mehr erhältlich"),
    ("de", "Derzeit nicht bestellbar"),
    ("fr", "Hors stock"),
    ("fr", "Rupture"),
    ("it", "Al momento non disponibile"),
    ("es", "No hay existencias"),
    ("pt-PT", "Em falta"),
    ("nl", "Niet meer verkrijgbaar"),
    ("sv", "Slutsålt"),
    ("ro", "Fără stoc"),
    ("sr", "Нема на стању"),
    ("lv", "Izpārdots"),
    ("el", "Εκτός αποθέματος"),
    ("tr", "Bu ürün tükenmiştir"),
    ("ru", "Нет в продаже"),
    ("uk", "Немає на складі"),
    ("zh-CN", "无货"),
    ("zh-TW", "已下架"),
    ("ja", "在庫がありません"),
    ("ja", "入荷待ち"),
    ("ko", "구매불가"),
    # the negation of an in-stock phrase ("มีสินค้า", "còn hàng") is sold out
    ("th", "ไม่มีสินค้า"),
    ("vi", "Không còn hàng"),
    ("zh-CN", "暂时没有货"),
    ("et", "Laost otsas"),
    ("fa", "موجود نیست"),
]


@pytest.mark.parametrize(("lang", "message"), SOLD_OUT_MESSAGES)
def test_sold_out_said_only_in_the_visible_text(lang: str, message: str) -> None:
    result = extract_structured(buy_box_page(message, lang=lang), URL)
    assert (result.availability, result.sources["availability"]) == ("OutOfStock", "heuristic")


IN_STOCK_MESSAGES = [
    ("en", "In stock - ships today"),
    ("de", "Auf Lager"),
    ("de", "Lagernd | nur noch 1 St."),
    ("it", "Disponibile"),
    ("fr", "En stock"),
    ("es", "Stock Disponible"),  # Chilean shops
    ("es", "Con stock"),
    ("pt", "Em estoque"),
    ("nl", "Op voorraad"),
    ("pl", "Produkt dostępny"),
    ("cs", "Skladem"),
    ("hu", "Raktáron"),
    ("tr", "Stokta"),
    ("ru", "В наличии"),
    ("ja", "在庫あり"),
    ("zh-TW", "現貨"),
    ("vi", "Còn hàng"),
    ("he", "במלאי"),
    ("lt", "Yra sandėlyje"),
    ("lv", "Ir noliktavā"),
    ("et", "Laos"),
    ("fa", "موجود"),
    # a few left can still be bought
    ("en", "Only 2 left"),
    ("en", "Low stock"),
    ("de", "Nur noch wenige auf Lager"),
    ("es", "Últimas unidades"),
    ("it", "Ultimi pezzi"),
    ("ja", "在庫わずか"),
    ("ja", "残り1点"),
    ("zh-CN", "仅剩3件"),
    ("zh-CN", "有货"),
    ("th", "พร้อมส่ง"),
]


@pytest.mark.parametrize(("lang", "message"), IN_STOCK_MESSAGES)
def test_in_stock_said_only_in_the_visible_text(lang: str, message: str) -> None:
    result = extract_structured(buy_box_page(message, lang=lang), URL)
    assert result.availability == "InStock"


def test_a_buy_button_that_says_sold_out_makes_the_product_sold_out() -> None:
    # Mercari: hashed classes, no stock element, the only button disabled and labelled "sold out"
    html = """<html lang="ja"><body><main><article><div class="sc-0"><div class="sc-a"><section><div class="sc-b">
      <h1>あつまれ どうぶつの森 Nintendo Switch</h1></div>
      <div class="sc-1 a"><span class="sc-2 b">¥</span><span class="sc-3 c">4,500</span></div></section></div></div>
      <section class="sc-4"><div><div class="merButton primary__01a6ef84"><button type="button" disabled>売り切れました
      </button></div></div></section></article></main></body></html>"""
    assert extract_structured(html, "https://jp.mercari.example.com/item/m96084058332").availability == "OutOfStock"


def test_a_web_component_buy_button_labelled_sold_out_is_no_add_to_cart_control() -> None:
    # A Salla shop: <salla-add-product-button data-testid="store-product-add-to-cart"> saying "sold out" in a
    # Tailwind layout ("overflow-hidden", "rounded-b-none" hide nothing)
    html = """<html lang="ar" dir="rtl"><body class="overflow-x-hidden"><main>
      <div class="main-content md:sticky md:overflow-hidden"><h1>طابعة برذر HL-L3270CDW</h1>
      <form class="form product-form"><section class="flex bg-white p-5 rounded-md rounded-b-none">
        <div class="price_is_on_sale">999.01 ر.س</div></section>
      <section class="sticky-product-bar bg-white p-5 rounded-b-none">
        <salla-add-product-button data-testid="store-product-add-to-cart" type="submit" product-status="out">
          نفدت الكمية</salla-add-product-button></section></form></div></main></body></html>"""
    result = extract_structured(html, "https://store.example.sa/ar/printer/p1407830797")
    assert result.price == Decimal("999.01")
    assert result.availability == "OutOfStock"


def test_a_sold_out_size_button_is_not_the_products_stock() -> None:
    html = """<html><body><h1>Trail Shoe</h1><span class="price">$89.00</span>
      <div class="size-picker"><button disabled>Sold out</button><button>42</button></div>
      <p>Free returns within 30 days.</p></body></html>"""
    assert extract_structured(html, URL).availability != "OutOfStock"


@pytest.mark.parametrize("toggle", ["Hide sold out", "Show out of stock", "Ausverkaufte ausblenden"])
def test_a_filter_toggle_naming_sold_out_items_says_nothing_of_the_products_stock(toggle: str) -> None:
    html = f"""<html><body><main><h1>Desk Lamp Nova</h1><div class="product"><span class="price">$49.00</span></div>
      <div class="filters"><button>{toggle}</button></div><p>A lamp for the desk.</p></main></body></html>"""
    assert extract_structured(html, URL).availability is None


def test_a_price_box_whose_class_is_none_among_others_is_hidden() -> None:
    html = """<html><body><h1>Desk Lamp Nova</h1><div class="product">
      <div class="none price-mobile"><span class="price">$59.00</span></div><span class="price">$49.00</span>
      <button class="add-to-cart">Add to cart</button></div></body></html>"""
    assert extract_structured(html, URL).price == Decimal("49.00")


def test_utility_classes_ending_in_none_hide_nothing() -> None:
    # Amazon's "a-spacing-none" is on nearly every block of its pages; Tailwind has "*-none" utilities too
    html = """<html><body><div class="a-section a-spacing-none"><h1>Desk Lamp Nova</h1>
      <div class="a-section a-spacing-none"><span class="a-price a-text-price">$49.00</span></div>
      <div class="a-row a-spacing-none pointer-events-none"><span class="stock-status">Currently unavailable.</span>
      </div></div></body></html>"""
    result = extract_structured(html, URL)
    assert (result.price, result.availability) == (Decimal("49.00"), "OutOfStock")


@pytest.mark.parametrize(
    ("lang", "saving"),
    [("pt-BR", "Você economiza: R$ 40,00 (67%)"), ("en", "You save $40.00 (67%)"), ("de", "Sie sparen 40,00 €")],
)
def test_the_amount_a_sale_saves_is_not_the_price(lang: str, saving: str) -> None:
    html = f"""<html lang="{lang}"><body><h1>O Essencial da Segunda Guerra Mundial</h1>
      <div class="celwidget"><div class="price-info">{saving}</div></div>
      <div class="price-block"><span class="header-price">19,90</span></div>
      <button class="add-to-cart">Add to cart</button></body></html>"""
    result = extract_structured(html, "https://shop.example.com.br/livro/8565042472")
    assert result.price == Decimal("19.90")


def test_a_price_box_with_its_old_price_tax_note_and_saving_in_separate_elements() -> None:
    """n11's layout: the currency and "KDV DAHİL" (VAT included) in adjacent spans, then the discount and what it
    saves ("6,50 TL Kazanç"); the shopper pays 123,55 TL."""
    html = """<html lang="tr"><body><h1>Seaflo Hidrofor Pompası 12 V</h1>
      <div class="price"><del class="oldPrice">130,05 TL</del>
        <div class="newPrice"><ins>123,55 <span>TL</span></ins><span class="kdv">KDV <br>DAHİL</span></div>
        <div class="discount"><span class="ratio">%5 İndirim</span><span class="discTL">6,50 TL Kazanç</span></div>
      </div>
      <a class="btn btnBuy" href="/sepet">Hemen Al</a></body></html>"""
    result = extract_structured(html, "https://urun.shop.example.com.tr/hidrofor-pompasi-P249823652")
    assert (result.price, result.currency, result.regular_price) == (Decimal("123.55"), "TRY", Decimal("130.05"))


def test_an_old_price_labelled_only_for_screen_readers_is_the_regular_price() -> None:
    """Shopbop's layout: the old price's class speaks of a sale ("RetailPriceOnSale"), its label is read out to screen
    readers only, and it comes first."""
    html = """<html lang="en"><body><h1>Hana Mini Faux Suede Tote Bag</h1>
      <div class="pricing"><span class="PriceText RetailPriceOnSale-sc-1"><span class="SrOnlySpan-sc-7">Previous Price
        </span>$99.00</span><span class="PriceText HighlightedPrice-sc-3"><span class="SrOnlySpan-sc-7">Sale Price
        </span>$59.40</span></div>
      <button class="add-to-bag">Add to Bag</button></body></html>"""
    result = extract_structured(html, "https://www.shop.example.com/hana-mini-tote/vp/v=1/1536833258.htm")
    assert (result.price, result.regular_price) == (Decimal("59.40"), Decimal("99.00"))


def test_amazons_list_price_struck_by_a_data_attribute_is_the_regular_price() -> None:
    """Amazon strikes its list price by `data-a-strike="true"` and shows an `aria-hidden` copy of a screen-reader
    one; no markup on the page."""
    html = """<html lang="pt-BR"><body><div id="dp"><h1 id="title">Serra Circular WAP ESC 1400 127V</h1>
      <div id="corePrice"><span class="a-price a-text-price a-size-medium apexPriceToPay"><span class="a-offscreen"
        >R$431,90</span><span aria-hidden="true">R$431,90</span></span>
      <table class="a-lineitem"><tr><td class="a-color-secondary">De:</td><td class="a-span12"><span
        class="a-price a-text-price a-size-base" data-a-strike="true"><span class="a-offscreen">R$479,90</span><span
        aria-hidden="true">R$479,90</span></span></td></tr></table></div>
      <input id="add-to-cart-button" type="submit" value="Adicionar ao carrinho"></div></body></html>"""
    result = extract_structured(html, "https://www.amazon.com.br/dp/B076QFXQK5")
    assert (result.price, result.regular_price) == (Decimal("431.90"), Decimal("479.90"))


def test_a_sales_counter_is_not_a_sold_out_badge() -> None:
    """Shopee's "10 Sold" (the number in its own span) beside the buy buttons counts sales; "Sold" alone is a badge."""
    counter = '<div class="stats"><span class="count">10</span> Sold</div>'
    html = buy_box_page(counter, price="$27.25", button='<button class="btn-solid-primary">Buy Now</button>')
    assert extract_structured(html, URL).availability == "InStock"
    badge = '<div class="stats"><span class="icon"></span> Sold</div>'
    assert extract_structured(buy_box_page(badge, price="$27.25"), URL).availability == "OutOfStock"


def test_a_buy_box_keeping_both_stock_messages_for_a_script_to_choose_leaves_it_to_the_markup() -> None:
    # vidaXL: "Disponibile" and "Non disponibile" side by side, one shown by script; the microdata says InStock
    html = """<html lang="it"><body><div itemscope itemtype="http://schema.org/Product">
      <h1 itemprop="name">Programmatore timer irrigazione</h1>
      <div itemprop="offers" itemscope itemtype="http://schema.org/Offer"><meta itemprop="priceCurrency" content="EUR">
      <link itemprop="availability" href="http://schema.org/InStock">
      <div class="special-price" itemprop="price" content="26.99">26,99 €</div>
      <div class="stock-container"><div id="in-stock"><div class="stock-text"><!--googleoff: index--> Disponibile
      <!--googleon: index--></div></div><div id="not-available"><div class="stock outofstock">
      <div class="stock-text">Non disponibile</div></div></div></div>
      <a class="js-add-to-cart">Aggiungi al carrello</a></div></div></body></html>"""
    assert extract_structured(html, "https://www.vidaxl.example.it/e/1/41192").availability == "InStock"


def test_bientot_disponible_is_not_in_stock() -> None:
    assert extract_structured(buy_box_page("Bientôt disponible", lang="fr"), URL).availability != "InStock"


@pytest.mark.parametrize("message", ["판매종료일: 2026-12-31", "판매종료까지 3일 12:00:05"])
def test_the_end_date_of_a_sale_is_no_sold_out_message(message: str) -> None:
    button = '<button class="btn-buy">구매하기</button>'
    page = buy_box_page(message, price="39,000원", lang="ko", button=button)
    assert extract_structured(page, URL).availability == "InStock"


def test_words_containing_an_in_stock_word_are_not_read_as_in_stock() -> None:
    # "Indisponível" contains "disponível", "Niedostępny" contains "dostępny".
    for message in ("Indisponível", "Niedostępny", "Stokta yok"):
        assert extract_structured(buy_box_page(message), URL).availability == "OutOfStock"


def test_a_related_products_sold_out_badge_is_not_this_products() -> None:
    html = """<html><body><div class="product-main"><h1>Desk Lamp Nova</h1>
      <span class="price">$49.00</span><p class="stock">In stock</p><button>Add to cart</button></div>
      <section class="related-products"><div class="card"><a href="/p/x">Floor Lamp</a>
        <span class="price">$89.00</span><span class="badge sold-out">Sold out</span></div></section>
      </body></html>"""
    assert extract_structured(html, URL).availability == "InStock"


@pytest.mark.parametrize("related_button", ["<button disabled>Sold out</button>", "<button>M (Sold out)</button>"])
def test_a_sold_out_button_in_an_unnamed_related_grid_of_a_shallow_page_is_not_this_products(
    related_button: str,
) -> None:
    html = f"""<html><body><main><div class="product"><h1>Desk Lamp Nova</h1><span class="price">$49.00</span>
      <button class="add-to-cart">Add to cart</button></div>
      <section class="grid"><h2>You may also like</h2>
      <div class="card"><a href="/p/a">Floor Lamp</a><span class="price">$89.00</span>{related_button}</div>
      <div class="card"><a href="/p/b">Wall Lamp</a><span class="price">$39.00</span><button>Add to cart</button></div>
      </section></main></body></html>"""
    assert extract_structured(html, URL).availability == "InStock"


def test_a_sold_out_size_in_another_language_does_not_make_the_product_sold_out() -> None:
    html = """<html lang="es"><body><div class="producto"><h1>Zapatilla Trail</h1>
      <span class="price">59,90 €</span>
      <div class="size-selector"><label>40</label><label>41 - Agotado</label></div>
      <button>Añadir al carrito</button></div></body></html>"""
    assert extract_structured(html, "https://tienda.example.es/p/zapatilla").availability == "InStock"


@pytest.mark.parametrize(
    "message",
    ["Out of stock at Springfield store", "Currently unavailable in store", "Nicht im Markt verfügbar"],
)
def test_a_shops_store_out_of_stock_is_not_the_online_stock(message: str) -> None:
    assert extract_structured(buy_box_page(message), URL).availability != "OutOfStock"


def test_sold_out_online_and_in_stores_is_sold_out() -> None:
    assert extract_structured(buy_box_page("Sold out online and in stores"), URL).availability == "OutOfStock"


def test_an_in_stock_phrase_after_a_negation_is_not_in_stock() -> None:
    assert extract_structured(buy_box_page("Not available for pickup"), URL).availability is None


@pytest.mark.parametrize("utility", ["size10 colorgreen", "font-size-sm", "color-background-1 gradient"])
def test_a_stock_message_styled_by_a_type_or_colour_utility_class_is_read(utility: str) -> None:
    html = f"""<html lang="de"><body><main><div class="box-info"><h1>ThinkPad Sleeve 14</h1>
      <span class="price">10,83 €</span><div class="{utility}"><strong>Lagernd | nur noch 1 St.</strong></div>
      </div></main></body></html>"""
    assert extract_structured(html, "https://shop.example.de/p/sleeve").availability == "InStock"


def option_page(options: str, *, buy: str = '<button class="btn btn-primary">Add to cart</button>') -> str:
    """A product page without markup whose picker's classes name no size, variant or swatch."""
    return f"""<html><body><main><div class="pdp"><h1>Trail Shoe</h1><span class="price">$89.00</span>
      <div class="group">{options}</div>{buy}</div></main></body></html>"""


def test_stock_lines_of_unselected_option_rows_are_not_the_products() -> None:
    rows = "".join(
        f'<div class="row"><span>{size}</span><span class="note">{stock}</span></div>'
        for size, stock in (("S", "Sold out"), ("M", "Only 2 left"), ("L", "In stock"))
    )
    assert extract_structured(option_page(rows), URL).availability == "InStock"


def test_a_struck_or_labelled_chip_speaks_of_its_own_size() -> None:
    chips = (
        '<button class="chip">S</button><button class="chip chip--on">M</button>'
        '<button class="chip chip--gone"><s>L</s><span class="sr-only">Out of stock</span></button>'
    )
    assert extract_structured(option_page(chips), URL).availability == "InStock"
    labelled = '<label class="pill">40</label><label class="pill">41 <em>Agotado</em></label>'
    assert extract_structured(option_page(labelled, buy=""), URL).availability != "OutOfStock"


def test_the_selected_chips_stock_word_is_the_products() -> None:
    chips = (
        '<button class="chip">S</button>'
        '<button class="chip" aria-pressed="true">M <span>Sold out</span></button>'
        '<button class="chip">L</button>'
    )
    assert extract_structured(option_page(chips, buy=""), URL).availability == "OutOfStock"


def test_options_that_all_say_sold_out_make_the_product_sold_out() -> None:
    rows = "".join(f'<div class="row"><span>{size}</span><span>Sold out</span></div>' for size in "SML")
    assert extract_structured(option_page(rows, buy=""), URL).availability == "OutOfStock"


def test_a_legend_of_store_stock_states_says_nothing_of_the_product() -> None:
    legend = "".join(
        f'<div class="col-4"><img src="/i/{colour}.svg" alt=""><span class="text">{state}</span></div>'
        for colour, state in (("green", "Disponible"), ("yellow", "Poca disponibilidad"), ("red", "No disponible"))
    )
    html = f"""<html lang="es"><body><main><div class="product"><h1>Atamel Forte x 10</h1>
      <span class="price">Bs. 561,85</span></div>
      <div class="content-availability"><h5>Disponibilidad en tiendas</h5><div class="row">{legend}</div></div>
      </main></body></html>"""
    assert extract_structured(html, "https://www.farmacia.example.ve/producto/atamel").availability != "OutOfStock"


def test_notify_me_when_back_in_stock_on_an_in_stock_page() -> None:
    html = """<html><body><div class="product"><h1>Desk Lamp Nova</h1>
      <span class="price">$49.00</span><button class="add-to-cart">Add to cart</button>
      <a href="#notify">Notify me when back in stock</a>
      <div class="back-in-stock-form"><p>This item is out of stock. Email me when it is.</p></div>
      </div></body></html>"""
    assert extract_structured(html, URL).availability == "InStock"


def test_a_notify_me_button_in_place_of_add_to_cart_means_sold_out() -> None:
    def page(buttons: str) -> str:
        return f"""<html><body><div class="product"><h1>Desk Lamp Nova</h1>
          <span class="price">$49.00</span>{buttons}</div></body></html>"""

    notify = '<button class="btn btn-notify">Notify me when available</button>'
    assert extract_structured(page(notify), URL).availability == "OutOfStock"
    hidden_notify = '<button class="btn btn-notify d-none">Notify me when available</button>'
    add = '<button class="add-to-cart">Add to cart</button>'
    assert extract_structured(page(add + hidden_notify), URL).availability == "InStock"
    assert extract_structured(page(add + notify), URL).availability == "InStock"
    newsletter = """<html><body><div class="product"><h1>Desk Lamp Nova</h1><span class="price">$49.00</span></div>
      <section class="newsletter"><div><div><div><p>Deals every week</p>
      <button class="btn">Email me deals</button></div></div></div></section></body></html>"""
    assert extract_structured(newsletter, URL).availability is None


DAWN_PRICE = """<div class="price price--large {state}">
  <div class="price__container"><div class="price__regular">
    <span class="price-item price-item--regular">€49,00 EUR</span></div></div>
  <span class="badge price__badge-sale">Sale</span>
  <span class="badge price__badge-sold-out">Sold out</span>
</div>"""


def test_a_badge_the_stylesheet_hides_is_not_read_until_its_container_says_sold_out() -> None:
    def page(state: str, button: str) -> str:
        return f"""<html lang="en"><body><div class="product__info-container"><h1>Desk Lamp Nova</h1>
          {DAWN_PRICE.format(state=state)}
          <form action="/cart/add"><button type="submit" name="add">{button}</button></form>
          </div></body></html>"""

    assert extract_structured(page("", "Add to cart"), URL).availability == "InStock"
    assert extract_structured(page("price--sold-out", "Sold out"), URL).availability == "OutOfStock"


def test_a_sold_out_label_the_shop_printed_counts() -> None:
    html = """<html><body><div class="summary"><h1>Desk Lamp Nova</h1><p class="price">$49.00</p>
      <p><span class="label">Availability:</span> <span class="label stock out-of-stock">Out of stock</span></p>
      </div></body></html>"""
    assert extract_structured(html, URL).availability == "OutOfStock"


def test_availability_block_away_from_the_price_and_heading() -> None:
    html = """<html><body><div id="centerCol"><h1 id="title"><span id="productTitle">Desk Lamp Nova</span></h1>
      <ul><li>Warm light</li><li>USB-C</li></ul></div>
      <div id="rightCol"><div class="box"><div class="inner"><div class="deep">
        <div id="availability"><span class="a-color-price">Currently unavailable.</span>
        <span>We don't know when or if this item will be back in stock.</span></div>
      </div></div></div></div></body></html>"""
    assert extract_structured(html, "https://www.amazon.example/dp/B000000001").availability == "OutOfStock"


def test_the_page_saying_sold_out_overrides_markup_claiming_in_stock() -> None:
    markup = jsonld(
        {
            "@type": "Product",
            "name": "Zapatilla Trail",
            "offers": {"price": "59.90", "priceCurrency": "EUR", "availability": "https://schema.org/InStock"},
        }
    )
    html = f"""<html lang="es"><head>{markup}</head><body><div class="ficha"><h1>Zapatilla Trail</h1>
      <span class="price">59,90 €</span><span class="stock-status">Agotado</span></div></body></html>"""
    assert extract_structured(html, "https://tienda.example.es/p/z").availability == "OutOfStock"


def variant_markup(url_a: str, url_b: str, *, in_stock_first: bool = False) -> str:
    """Two variants at one price: NOVA-BLK sold out (at url_a), NOVA-WHT in stock (at url_b)."""
    offers = [
        {
            "@type": "Offer",
            "sku": sku,
            "url": url,
            "price": "49.00",
            "priceCurrency": "USD",
            "availability": f"https://schema.org/{availability}",
        }
        for sku, url, availability in (("NOVA-BLK", url_a, "OutOfStock"), ("NOVA-WHT", url_b, "InStock"))
    ]
    if in_stock_first:
        offers.reverse()
    return jsonld({"@context": "https://schema.org", "@type": "Product", "name": "Desk Lamp Nova", "offers": offers})


def variant_page(markup: str, shown: str = "") -> str:
    return f"""<html><head>{markup}</head><body><h1>Desk Lamp Nova</h1>
      <span class="price">$49.00</span>{shown}</body></html>"""


def test_the_selected_variants_offer_gives_the_availability() -> None:
    markup = variant_markup(f"{URL}?variant=111", f"{URL}?variant=222")
    assert extract_structured(variant_page(markup), f"{URL}?variant=111").availability == "OutOfStock"
    assert extract_structured(variant_page(markup), f"{URL}?variant=222").availability == "InStock"
    # No variant named: some variant can be bought.
    assert extract_structured(variant_page(markup), URL).availability == "InStock"


def test_the_variant_named_by_sku_in_the_url_or_shown_on_the_page() -> None:
    markup = variant_markup("https://shop.example.com/p/nova", "https://shop.example.com/p/nova", in_stock_first=True)
    assert extract_structured(variant_page(markup), f"{URL}.p?skuId=NOVA-BLK").availability == "OutOfStock"
    shown = '<p class="product-code">Item: NOVA-BLK</p>'
    assert extract_structured(variant_page(markup, shown), URL).availability == "OutOfStock"


def test_the_offer_whose_url_is_the_page() -> None:
    markup = variant_markup("https://shop.example.com/p/nova-black", "https://shop.example.com/p/nova-white")
    page = variant_page(markup)
    assert extract_structured(page, "https://shop.example.com/p/nova-black").availability == "OutOfStock"
    assert extract_structured(page, "https://shop.example.com/p/nova-white/").availability == "InStock"


def test_one_markup_block_per_variant() -> None:
    blocks = "".join(
        jsonld(
            {
                "@type": "Product",
                "name": "Desk Lamp Nova",
                "sku": sku,
                "url": f"{URL}?variant={variant}",
                "offers": {"price": "49.00", "priceCurrency": "USD", "availability": f"https://schema.org/{state}"},
            }
        )
        for sku, variant, state in (("NOVA-BLK", 111, "OutOfStock"), ("NOVA-WHT", 222, "InStock"))
    )
    assert extract_structured(variant_page(blocks), f"{URL}?variant=222").availability == "InStock"
    assert extract_structured(variant_page(blocks), f"{URL}?variant=111").availability == "OutOfStock"
    assert extract_structured(variant_page(blocks), URL).availability == "InStock"


# ---- price: sale first, regular price separately ----


def price_page(price_block: str, *, lang: str = "en", head: str = "") -> str:
    return f"""<html lang="{lang}"><head>{head}</head><body><div class="product-detail">
      <h1>Desk Lamp Nova</h1>{price_block}<button class="add-to-cart">Add to cart</button></div></body></html>"""


SALES = [
    ("en", "https://shop.example.com/p/1", '<div class="price"><del>$120.00</del> $89.00</div>', "89.00", "120.00"),
    (
        "en",
        "https://shop.example.com/p/1",
        '<div class="product-price"><span class="price-was">Was $69.00</span>'
        ' <span class="price">Now $52.00</span></div>',
        "52.00",
        "69.00",
    ),
    (
        "en",
        "https://shop.example.com/p/1",
        '<span class="product-price"><span class="strikethrough">$</span><span class="strikethrough">79.</span>'
        '<span class="strikethrough">99</span> <span class="sale">$39.99</span></span>',
        "39.99",
        "79.99",
    ),
    (
        "de",
        "https://shop.example.de/p/1",
        '<div class="preis-box"><span class="uvp">UVP 129,99 €</span> <span class="price">99,99 €</span></div>',
        "99.99",
        "129.99",
    ),
    (
        "de",
        "https://shop.example.de/p/1",
        '<div class="preis"><span class="price">statt 59,95 €</span> <span class="price">nur 39,95 €</span></div>',
        "39.95",
        "59.95",
    ),
    (
        "it",
        "https://negozio.example.it/p/1",
        '<div class="prezzi"><span>Prezzo consigliato: 80,00 €</span><span class="price">64,00 €</span></div>',
        "64.00",
        "80.00",
    ),
    (
        "es",
        "https://tienda.example.es/p/1",
        '<div class="precios"><span class="price">Antes 45,00 €</span> <span class="price">Ahora 30,00 €</span></div>',
        "30.00",
        "45.00",
    ),
    (
        "pt-BR",
        "https://loja.example.com.br/p/1",
        '<div class="preco"><span class="price">De R$ 199,90</span> <span class="price">por R$ 149,90</span></div>',
        "149.90",
        "199.90",
    ),
    (
        "fr",
        "https://boutique.example.fr/p/1",
        '<div class="prix"><span class="price" style="text-decoration: line-through">39,90 €</span>'
        '<span class="price">29,90 €</span></div>',
        "29.90",
        "39.90",
    ),
    (
        "zh-CN",
        "https://shop.example.cn/p/1",
        '<div class="jiage"><span class="price">原价 ¥299</span><span class="price">¥199</span></div>',
        "199",
        "299",
    ),
    (
        "ja",
        "https://shop.example.jp/p/1",
        '<div class="kakaku"><span class="price">定価 3,300円</span><span class="price">2,980円</span></div>',
        "2980",
        "3300",
    ),
    (
        "en-IN",
        "https://pharmacy.example.in/p/1",
        '<div class="price-box"><span class="mrp">MRP ₹195.3</span><span class="discount">9% OFF</span>'
        '<span class="price">₹177</span></div>',
        "177",
        "195.3",
    ),
    (
        "ro",
        "https://www.shop.example.ro/telefon-mobil.html",
        '<div class="prices"><span class="pretVechi"><div class="prp"><div class="label">PLP:</div>'
        '<div class="pricePrp"><span class="price">1.099,<sup class="decimal">99</sup> lei</span></div></div></span>'
        '<span class="special-price"><span class="price">549,<sup class="decimal">99</sup> lei</span></span></div>',
        "549.99",
        "1099.99",
    ),
    (
        "ro",
        "https://www.shop.example.ro/laptop.html",
        '<div class="price-box"><div>PRP: <span>2.699,99 lei</span></div><div class="price">1.849,99 lei</div></div>',
        "1849.99",
        "2699.99",
    ),
]


@pytest.mark.parametrize(("lang", "url", "block", "price", "regular"), SALES, ids=[s[0] for s in SALES])
def test_the_sale_price_is_the_price_and_the_struck_one_the_regular_price(
    lang: str, url: str, block: str, price: str, regular: str
) -> None:
    result = extract_structured(price_page(block, lang=lang), url)
    assert (result.price, result.regular_price) == (Decimal(price), Decimal(regular))


ONE_STRING_SALES = [
    ("De R$ 199,90 por R$ 149,90", "https://loja.example.com.br/p/1", "pt-BR", "149.90"),
    ("Van €99 voor €79", "https://winkel.example.nl/p/1", "nl", "79"),
    ("原价 ¥299 ¥199", "https://shop.example.cn/p/1", "zh-CN", "199"),
    ("定価 3,300円 2,980円", "https://shop.example.jp/p/1", "ja", "2980"),
    ("Prezzo consigliato: 80,00 € 64,00 €", "https://negozio.example.it/p/1", "it", "64.00"),
    ("Estimate $1,000 - $1,500 Current bid $450", "https://auctions.example.com/lot/1", "en", "450"),
]


@pytest.mark.parametrize(("text", "url", "lang", "amount"), ONE_STRING_SALES)
def test_one_price_string_with_the_old_and_the_new_price(text: str, url: str, lang: str, amount: str) -> None:
    assert parse_price(text, locale=page_locale(url, lang)).amount == Decimal(amount)


def test_markup_keeping_the_regular_price_during_a_sale() -> None:
    markup = jsonld(
        {"@type": "Product", "name": "Desk Lamp Nova", "offers": {"price": "120.00", "priceCurrency": "USD"}}
    )
    block = '<div class="product-price"><s>$120.00</s> <span>$89.00</span></div>'
    result = extract_structured(price_page(block, head=markup), URL)
    assert (result.price, result.regular_price, result.currency) == (Decimal("89.00"), Decimal("120.00"), "USD")


def test_magento_old_price_container() -> None:
    block = """<div class="price-box"><span class="special-price"><span class="price-container">
        <span data-price-type="finalPrice" class="price-wrapper"><span class="price">$79.00</span></span></span></span>
      <span class="old-price"><span class="price-container">
        <span data-price-type="oldPrice" class="price-wrapper"><span class="price">$99.00</span></span></span></span>
      </div>"""
    result = extract_structured(price_page(block), URL)
    assert (result.price, result.regular_price) == (Decimal("79.00"), Decimal("99.00"))


@pytest.mark.parametrize(
    ("block", "price", "regular"),
    [
        # Cdiscount: the price box says there is no struck price ("fpNoStrikedPrice"); a pay-in-4 amount follows
        ("""<div class="fpPriceBloc fpNoStrikedPrice"><span class="fpStriked jsStriked"></span>
            <span class="fpPrice price jsMainPrice">379<sup>€99</sup></span></div>
            <div class="fpPaymentBloc"><div class="fpPayment4x">ou payez en 4x</div>
            <span class="fpLayerBlock4x">97€18</span><div class="fpBlockPayementPrice4x">97,17€</div></div>""",
         "379.99", None),
        # bonprix: "former-price"
        ("""<div class="product-offer"><span class="price price-reduction">€ 9,99</span>
            <span class="price former-price">€ 12,99</span></div>""", "9.99", "12.99"),
        # eBay's item page: the original price in "orgPrc"
        ("""<div class="vi-price"><span class="notranslate" id="prcIsum">63,90 EUR</span></div>
            <span id="vi-orgPrc-container"><span class="vi-ltgry666" id="vi-bbr-waslbl"></span>
            <span id="orgPrc" class="notranslate ms-orp">109,99 EUR</span></span>""", "63.90", "109.99"),
    ],
)  # fmt: skip
def test_old_prices_named_in_other_words(block: str, price: str, regular: str | None) -> None:
    result = extract_structured(price_page(block), URL)
    assert (result.price, result.regular_price) == (Decimal(price), Decimal(regular) if regular else None)


def test_list_price_in_the_markups_price_specification() -> None:
    markup = jsonld(
        {
            "@type": "Product",
            "name": "Desk Lamp Nova",
            "offers": {
                "@type": "Offer",
                "price": "89.00",
                "priceCurrency": "USD",
                "priceSpecification": [
                    {"@type": "UnitPriceSpecification", "price": "89.00", "priceCurrency": "USD"},
                    {
                        "@type": "UnitPriceSpecification",
                        "priceType": "https://schema.org/StrikethroughPrice",
                        "price": "120.00",
                        "priceCurrency": "USD",
                    },
                ],
            },
        }
    )
    result = extract_structured(price_page("", head=markup), URL)
    assert (result.price, result.regular_price, result.sources["price"]) == (
        Decimal("89.00"),
        Decimal("120.00"),
        "jsonld",
    )


def test_a_was_label_in_its_own_element_beside_the_old_amount() -> None:
    block = """<section class="price-set"><div class="price-comparison"><button>Was:</button> <span>$34.99</span>
      </div><div><span class="badge">Sale</span><span id="product-price">$31.49</span></div></section>"""
    result = extract_structured(price_page(block), URL)
    assert (result.price, result.regular_price) == (Decimal("31.49"), Decimal("34.99"))


@pytest.mark.parametrize(
    ("lang", "recommended", "price", "expected"),
    [
        ("cs", "Doporučená cena 3 290 Kč", "2 499 Kč", ("2499", "3290")),
        ("de", "Unverbindliche Preisempfehlung 129,99 €", "99,99 €", ("99.99", "129.99")),
        ("fr", "Prix conseillé 49,90 €", "39,90 €", ("39.90", "49.90")),
        ("nl", "Adviesprijs € 59,95", "€ 44,95", ("44.95", "59.95")),
        ("en", "Recommended retail price £80.00", "£64.99", ("64.99", "80.00")),
    ],
)
def test_a_recommended_price_written_unstruck_above_the_price_is_the_regular_price(
    lang: str, recommended: str, price: str, expected: tuple[str, str]
) -> None:
    block = f"""<div class="price-detail"><div class="price-detail__recommended">{recommended}</div>
      <div class="price-detail__price">{price}</div></div>"""
    result = extract_structured(price_page(block, lang=lang), URL)
    assert (result.price, result.regular_price) == (Decimal(expected[0]), Decimal(expected[1]))


def test_the_regular_price_beside_the_markup_price_when_an_options_price_comes_first() -> None:
    markup = jsonld(
        {"@type": "Product", "name": "Desk Lamp Nova", "offers": {"price": "2189.00", "priceCurrency": "EUR"}}
    )
    block = """<div class="options"><span class="option-price">85,00 €</span> Montage</div>
      <div class="pdp-price"><span class="price-strike-through">2.899,00 €</span>
      <div class="price">2.189,00 €</div></div>"""
    result = extract_structured(price_page(block, lang="de", head=markup), "https://www.shop.example.de/p/1")
    assert (result.price, result.regular_price) == (Decimal("2189.00"), Decimal("2899.00"))


def test_a_markup_price_written_nowhere_on_the_page_yields_to_the_buy_boxs_price() -> None:
    markup = jsonld(
        {"@type": "Product", "name": "Desk Lamp Nova", "offers": {"price": "149999.00", "priceCurrency": "TRY"}}
    )
    block = '<div class="price-container"><span class="price">143.999 TL</span></div>'
    result = extract_structured(price_page(block, lang="tr", head=markup), "https://www.shop.example.com.tr/p-1")
    assert result.price == Decimal("143999")
    # written on the page (as the old price, say), the markup price stands
    shown = block + '<p class="note">Liste fiyatı 149.999 TL</p>'
    result = extract_structured(price_page(shown, lang="tr", head=markup), "https://www.shop.example.com.tr/p-1")
    assert result.price == Decimal("149999.00")


def test_delivery_and_installation_options_priced_above_the_price_are_not_it() -> None:
    block = """<ul><li><span class="pdp_article-options__price">85,00 €</span> Lieferung in die Wohnung</li>
      <li><span class="pdp_article-options__price">30,00 €</span> Altgeräte-Mitnahme</li></ul>
      <div class="pdp_main"><div class="pdp_main__column"><div class="pdp_details"><div class="pdp_details__box">
      <div class="pdp_price"><div class="pdp_price__container"><div class="pdp_price__inner">
        <span class="pdp_price__strike-through-price">2.899,00 €</span>
        <div class="pdp_price__retail-price pdp_price__retail-price--sale">2.189,00 €</div>
      </div></div></div></div></div></div></div>"""
    result = extract_structured(price_page(block, lang="de"), "https://www.shop.example.de/p/61094760")
    assert (result.price, result.regular_price) == (Decimal("2189.00"), Decimal("2899.00"))


def test_a_monthly_rate_in_an_instalment_block_is_not_the_price() -> None:
    block = """<div class="ecredit-installment-block"><div>Rate lunare</div>
      <div class="price">de la <span>171<sup>46</sup> Lei</span></div></div>"""
    result = extract_structured(price_page(block, lang="ro"), "https://www.shop.example.ro/p/1")
    assert result.price is None


def test_a_block_mixing_the_old_and_new_price_yields_to_the_price_inside_it() -> None:
    # Styled-components classes say nothing; the wrapper reads "-5% 699 € 699,00 € 664 € 664,00 €".
    block = """<div class="PriceContainer-sc-e55 mepCU"><span>-5%</span><span>699,–€</span><span>699,00€</span>
      <div class="BrandedPrice-sc-596 blIRAE">€ 664,–</div><span>€664,00</span></div>"""
    result = extract_structured(price_page(block, lang="es"), "https://www.shop.example.es/p/1")
    assert result.price == Decimal("664")


def test_cents_in_a_superscript_class_and_a_component_named_promotions() -> None:
    block = """<div class="PriceAndPromotions_pdpPrices__cPd0j">
      <span class="PriceAndPromotions_pdpListPrice__0zV">$92.00</span>
      <span class="PriceAndPromotions_pdpSalePrice__wpY"><span class="price-sup">$</span>29<span
        class="price-sup">99</span></span></div>"""
    result = extract_structured(price_page(block), URL)
    assert (result.price, result.regular_price) == (Decimal("29.99"), Decimal("92.00"))


@pytest.mark.parametrize(
    ("lang", "block", "amount"),
    [
        (
            "ja",
            '<span class="price-main">イケベ特価 ¥ 2,000</span> <span class="price-addon">消費税込 ¥ 2,200</span>',
            "2200",
        ),
        (
            "de",
            '<span class="price">84,03 € netto</span> <span class="price-gross">100,00 € inkl. MwSt.</span>',
            "100.00",
        ),
        # a taxed price far above the main one is some other amount (a bundle), not its tax
        ("de", '<span class="price">84,03 €</span> <span class="price-gross">199,00 € inkl. MwSt.</span>', "84.03"),
    ],
)
def test_the_price_with_tax_beside_a_main_price_without_it(lang: str, block: str, amount: str) -> None:
    result = extract_structured(price_page(block, lang=lang), "https://shop.example.jp/p/750592")
    assert result.price == Decimal(amount)


@pytest.mark.parametrize(
    ("lang", "block", "amount"),
    [
        # Germany's unit price ("Grundpreis") beside the "inkl. MwSt." note is no taxed twin
        (
            "de",
            '<div class="price h1"><span>4,99 €</span></div><div class="price-note"><div class="vat_info">inkl. MwSt.'
            ' zzgl. Versand</div><div class="base_price"><span class="value">5,54 € pro 1 kg</span></div></div>',
            "4.99",
        ),
        # a Tray shop keeps its sale price inside its instalment plan block
        (
            "pt",
            '<div class="installment-plan"><div class="price" data-element="sale-price"><b>R$ 349,90</b></div>'
            "<p>ou 10x R$ 34,99 sem juros</p></div>",
            "349.90",
        ),
        # a net price inside the main price element
        ("en", '<div class="product-price">£120.00 <span class="price-ex-vat">£100.00 ex VAT</span></div>', "120.00"),
        # a sale price whose later utility class holds a former-price word
        ("en", '<del class="old-price">$29.99</del> <span class="sale-price list-inline-item">$19.99</span>', "19.99"),
        ("de", '<span class="price">€ 19,99 Off-White</span>', "19.99"),
    ],
)
def test_prices_the_new_rules_must_leave_alone(lang: str, block: str, amount: str) -> None:
    assert extract_structured(price_page(block, lang=lang), "https://shop.example.com/p/1").price == Decimal(amount)


def test_a_price_the_page_hides_is_not_the_price() -> None:
    # A member's coupon price kept in a hidden block until the person opts in, beside the price everyone pays.
    block = """<div class="pdp-price">
      <div class="discount pl_hidden"><span class="strike-through-price">12,99 €</span></div>
      <div class="retail-price"><span>12,99 €</span></div>
      <div class="sale-box pl_hidden"><div class="retail-price retail-price--sale"><span>9,09 €</span></div></div>
    </div>"""
    result = extract_structured(price_page(block, lang="de"), "https://www.shop.example.de/p/590414")
    assert (result.price, result.regular_price) == (Decimal("12.99"), None)


@pytest.mark.parametrize("css", ["price-box hidden-xs", "price-box d-none d-md-block", "price-box md:flex hidden"])
def test_a_price_shown_only_on_larger_screens_still_counts(css: str) -> None:
    # beside a member price the page keeps hidden until the person signs in
    block = (
        '<div class="member-box hidden"><span class="price">29,00 €</span></div>'
        f'<div class="{css}"><del>49,00 €</del> <span class="price">39,00 €</span></div>'
    )
    result = extract_structured(price_page(block, lang="de"), "https://www.shop.example.de/p/1")
    assert (result.price, result.regular_price) == (Decimal("39.00"), Decimal("49.00"))


def test_a_wrapper_that_only_clips_its_overflow_hides_nothing() -> None:
    html = """<html lang="de"><head><title>Desk Lamp Nova</title></head><body>
      <div class="gift-wrap"><span class="price">4,99 €</span> Geschenkverpackung</div>
      <div class="container overflow-hidden"><h1>Desk Lamp Nova</h1><div class="price">129,00 €</div>
      <button class="add-to-cart">In den Warenkorb</button></div></body></html>"""
    result = extract_structured(html, "https://www.shop.example.de/p/nova")
    assert result.price == Decimal("129.00")


def test_a_related_strip_of_sale_tiles_does_not_make_a_listing() -> None:
    tiles = "".join(
        f'<div class="lamp-tile"><a href="/p/lamp-{index}">Lamp {index}</a>'
        f'<span class="price old">{60 + index},00 €</span><span class="price">{40 + index},00 €</span></div>'
        for index in range(4)
    )
    html = f"""<html lang="de"><head><title>Desk Lamp Nova</title></head><body><h1>Desk Lamp Nova</h1>
      <div class="strip">{tiles}</div><p>Warmes Licht, drei Stufen.</p>
      <div class="buy-box"><span class="price">129,00 €</span><button class="add-to-cart">In den Warenkorb</button>
      </div></body></html>"""
    result = extract_structured(html, "https://www.shop.example.de/p/nova")
    assert result.price == Decimal("129.00")
    assert "listing_page" not in result.evidence.signals


def test_substitutes_listed_above_the_buy_box_do_not_give_the_price() -> None:
    substitutes = "".join(
        f'<div class="substitute-item"><a href="/drugs/s{index}">Substitute {index}</a>'
        f'<div class="substitute-price">₹{10 + index}.5/tablet</div></div>'
        for index in range(5)
    )
    html = f"""<html lang="en-IN"><head><title>Augmentin 625 Duo Tablet</title></head><body>
      <h1>Augmentin 625 Duo Tablet</h1><div class="substitutes">{substitutes}</div>
      <p>Prescription required. Uses, side effects and more below.</p><p>Manufacturer: GSK</p>
      <div class="drug-price-box"><span class="slashed-price">₹195.3</span><div class="best-price">₹177</div>
      <button class="add-to-cart">Add to cart</button></div></body></html>"""
    result = extract_structured(html, "https://www.pharmacy.example.in/drugs/augmentin-625-duo-tablet-138629")
    assert result.price == Decimal("177")
    assert "listing_page" not in result.evidence.signals


def test_a_price_box_wrapping_the_heading_and_an_item_number_is_not_read_as_one_amount() -> None:
    html = """<html lang="de"><body><div class="product-price-box"><h1>Lampe Nova</h1><p>Art.-Nr. 1234</p><p>49,00 €</p>
      </div><button class="add-to-cart">In den Warenkorb</button></body></html>"""
    result = extract_structured(html, "https://shop.example.de/p/lampe-nova")
    assert (result.price, result.sku) == (Decimal("49.00"), "1234")


def test_a_main_element_with_footer_in_a_class_name_is_still_the_main_content() -> None:
    # NETOFF's <main class="l-product l-common__footer">: BEM modifiers naming the layout, not a footer
    html = """<html lang="ja"><head><title>Xenoblade Definitive Edition</title></head><body>
      <main class="l-product l-common__header--tab l-common__footer"><h1>Xenoblade Definitive Edition</h1>
      <div class="product-price__normal"><span class="product-price__normal-num">4,998</span>
      <span class="product-price__normal-mark">円</span></div><button class="cart-in">カートに入れる</button></main>
      <footer><div class="price">500円</div></footer></body></html>"""
    result = extract_structured(html, "https://www.netoff.example.co.jp/detail/0010806069/")
    assert (result.price, result.currency) == (Decimal("4998"), "JPY")


def test_a_price_class_wrapping_the_whole_heading_block_does_not_hide_the_price_below_the_heading() -> None:
    html = """<html lang="de"><head><title>Lenovo ThinkPad Sleeve</title></head><body>
      <div class="box_info_price"><h1>Lenovo ThinkPad 14Zoll Fitted Reversible</h1>
        <div class="size12"><span class="bold">Artikelnummer:</span> 8570931</div>
        <div class="stock">Lagernd | nur noch 1 St. und mehr Text hier drin</div></div>
      <div class="prod_preis colorblue"><span class="colorblue">€ 10<sup>,83*</sup></span></div>
      <div>inkl. 19% USt zzgl. Versandkosten</div></body></html>"""
    result = extract_structured(html, "https://www.mindfactory.example.de/product_info.php/Lenovo_8570931.html")
    assert (result.price, result.currency) == (Decimal("10.83"), "EUR")


@pytest.mark.parametrize(
    ("url", "label", "amount", "currency"),
    [
        ("https://www.myauto.example.ge/ka/pr/102290443", "ფასი:", "42,000", "GEL"),
        ("https://www.autos.example.de/anzeige/123456", "Preis:", "10.500 €", "EUR"),
        ("https://ilan.example.com.tr/ilan/opel-astra-1000004602", "Fiyat", "275.000 TL", "TRY"),
    ],
)
def test_a_price_written_after_its_label_on_a_page_without_price_elements(
    url: str, label: str, amount: str, currency: str
) -> None:
    html = f"""<html><head><title>Toyota Land Cruiser 2001</title></head><body>
      <div class="card"><div class="row"><span class="muted">{label}</span><div class="flex"><p class="big">{amount}</p>
      </div></div><p>2001 · 4.2 · 310 000 km</p></div></body></html>"""
    result = extract_structured(html, url)
    assert result.currency == currency
    assert result.price == Decimal(amount.split()[0].replace(",", "").replace(".", ""))


def test_no_regular_price_without_a_sale() -> None:
    markup = jsonld(
        {"@type": "Product", "name": "Desk Lamp Nova", "offers": {"price": "49.00", "priceCurrency": "USD"}}
    )
    result = extract_structured(price_page('<span class="price">$49.00</span>', head=markup), URL)
    assert (result.price, result.regular_price) == (Decimal("49.00"), None)


def test_a_deal_pages_price_is_the_deal_not_the_list_price() -> None:
    html = """<html><body><div class="deal"><h1>Desk Lamp Nova</h1>
      <div class="deal-prices"><span class="deal-price">$49.99</span>
      <span class="list-price">List: $99.99</span><span class="savings">Save $50.00 (50%)</span></div>
      <a class="button" href="/go/123">Get deal</a></div></body></html>"""
    result = extract_structured(html, "https://deals.example.com/deal/123")
    assert (result.price, result.regular_price) == (Decimal("49.99"), Decimal("99.99"))


def test_an_auctions_current_bid_not_its_estimate() -> None:
    html = """<html><body><div class="lot"><h1>Lot 12: Brass Desk Lamp, 1930s</h1>
      <div class="lot-estimate price-estimate">Estimate: $1,000 - $1,500</div>
      <div class="current-bid"><span class="price">Current bid: $450</span></div>
      <button class="bid-button">Place bid</button></div></body></html>"""
    result = extract_structured(html, "https://auctions.example.com/lot/12")
    assert result.price == Decimal("450")


def test_cents_in_their_own_element_after_the_whole_amount() -> None:
    price = '<span class="sign">$</span> <span class="whole">64</span> <span class="small">90</span>'
    result = extract_structured(price_page(f'<span id="priceblock_ourprice">{price}</span>'), URL)
    assert result.price == Decimal("64.90")


def test_cents_closing_an_element_that_holds_the_sign_and_the_whole_amount() -> None:
    block = '<div class="price_FHDfG"><span>$179<span class="rightEndPrice_6y">99</span></span></div>'
    assert extract_structured(price_page(block), URL).price == Decimal("179.99")  # Best Buy


def test_a_monthly_instalment_beside_the_price_is_not_the_price() -> None:
    html = """<html lang="de"><body><main><h1>Rundhalsshirt</h1>
      <div class="pdp_price">inkl. MwSt. Oder 1,17 € mtl. in 12 Raten</div>
      <div class="pdp_price__value">12,99 €</div><button class="add-to-cart">In den Warenkorb</button>
      </main></body></html>"""
    result = extract_structured(html, "https://www.shop.example.de/p/1")
    assert (result.price, result.currency) == (Decimal("12.99"), "EUR")


def test_a_page_writing_no_currency_prices_in_its_countrys() -> None:
    block = '<div class="product-price"><span class="price">69.99</span></div>'
    german = extract_structured(price_page(block, lang="de"), "https://www.shop.example.de/p/1")
    assert (german.price, german.currency) == (Decimal("69.99"), "EUR")
    assert extract_structured(price_page(block), "https://www.shop.example.com/p/1").currency is None


# ---- currencies written without minor units ----

WHOLE_UNIT_PRICES = [
    ("es-CL", "https://tienda.example.cl/p/1", "$24.990", "24990", "CLP"),
    ("es-CL", "https://tienda.example.cl/p/1", "$1.299.990", "1299990", "CLP"),
    ("es", "https://www.tienda.com.co/p/1", "$ 89.900", "89900", "COP"),  # .com.co names the country
    ("ko", "https://shop.example.co.kr/p/1", "24,990원", "24990", "KRW"),
    ("ko", "https://shop.example.co.kr/p/1", "₩24,990", "24990", "KRW"),
    ("ja", "https://shop.example.jp/p/1", "¥24,990", "24990", "JPY"),
    ("ja", "https://shop.example.jp/p/1", "24,990円（税込）", "24990", "JPY"),
    ("hu", "https://bolt.example.hu/p/1", "24.990 Ft", "24990", "HUF"),
    ("hu", "https://bolt.example.hu/p/1", "24 990 Ft", "24990", "HUF"),
    ("is", "https://verslun.example.is/p/1", "24.990 kr.", "24990", "ISK"),
]


@pytest.mark.parametrize(("lang", "url", "shown", "amount", "currency"), WHOLE_UNIT_PRICES)
def test_whole_unit_currencies_read_as_the_shop_means(
    lang: str, url: str, shown: str, amount: str, currency: str
) -> None:
    result = extract_structured(price_page(f'<span class="price">{shown}</span>', lang=lang), url)
    assert (result.price, result.currency) == (Decimal(amount), currency)


def test_markup_number_that_lost_its_grouping_in_a_whole_unit_currency() -> None:
    # The shop wrote "price": 24.990 (a JSON number: 24.99) meaning CLP 24.990; the page shows $24.990.
    markup = '<script type="application/ld+json">{"@type": "Product", "name": "Desk Lamp Nova",'
    markup += ' "offers": {"price": 24.990, "priceCurrency": "CLP"}}</script>'
    result = extract_structured(
        price_page('<span class="price">$24.990</span>', lang="es-CL", head=markup), "https://tienda.example.cl/p/1"
    )
    assert (result.price, result.currency) == (Decimal("24990"), "CLP")


# ---- over HTTP: product.regular_price ----


async def test_the_api_reports_the_regular_price_beside_the_sale_price(
    client: httpx.AsyncClient, alice: Account
) -> None:
    on_sale = price_page('<div class="price"><del>$120.00</del> <span>$89.00</span></div>')
    response = await client.post(
        "/api/v1/extract", json={"url": "https://shop.example.com/p/nova", "html": on_sale}, headers=alice.headers
    )
    product = response.json()["product"]
    assert (product["price"], product["regular_price"], product["currency"]) == ("89.00", "120.00", "USD")

    full_price = price_page('<div class="price"><span>$89.00</span></div>')
    response = await client.post(
        "/api/v1/extract", json={"url": "https://shop.example.com/p/nova", "html": full_price}, headers=alice.headers
    )
    product = response.json()["product"]
    assert product["price"] == "89.00" and product.get("regular_price") is None


@pytest.mark.parametrize(
    "message",
    ["Nicht lagernd", "Nicht mehr lagernd, Lieferzeit unbekannt", "Bald wieder lagernd", "Bald wieder auf Lager"],
)
def test_not_lagernd_is_not_in_stock(message: str) -> None:
    assert extract_structured(buy_box_page(message, lang="de"), URL).availability == "OutOfStock"


@pytest.mark.parametrize(
    "other",
    [
        "<p>Free shipping on all in stock items</p>",
        '<div class="store-pickup"><span class="store-stock">Available</span></div>',  # another store's stock
    ],
)
def test_sold_out_beside_an_unrelated_in_stock_message_stays_sold_out(other: str) -> None:
    button = f'{other}<button class="add-to-cart" disabled>Add to cart</button>'
    assert extract_structured(buy_box_page("Out of stock", button=button), URL).availability == "OutOfStock"


@pytest.mark.parametrize(
    "price_box",
    [
        '<span class="badge">Save 20%</span> <span class="sale">$79.99</span> <s>$99.99</s>',  # badge first
        '<span class="price-badge">Save 20%</span> <span>$79.99</span>',
    ],
)
def test_a_save_badge_leading_the_price_box_keeps_the_price(price_box: str) -> None:
    html = f"""<html><head><title>Lamp</title></head><body><div class="product"><h1>Desk Lamp Nova</h1>
      <div class="product__price">{price_box}</div><button>Add to cart</button></div></body></html>"""
    assert extract_structured(html, URL).price == Decimal("79.99")


def test_a_japanese_otoku_price_label_is_the_price() -> None:
    # "お得価格" ("bargain price") labels the sale price, unlike "お得" after an amount saved
    html = """<html lang="ja"><head><title>ランプ</title></head><body><div class="product"><h1>デスクランプ</h1>
      <div class="price">お得価格 ¥1,980</div><button>カートに入れる</button></div></body></html>"""
    assert extract_structured(html, URL).price == Decimal("1980")


@pytest.mark.parametrize(
    ("block", "price", "regular"),
    [
        # the old price first, struck by a generated class only, then the price and the badge (Shopee)
        ('<div class="x1"><div class="ZA5sW5">Rp459.000</div><div class="IZPeQz">Rp229.000</div>'
         '<div class="vms4">-50%</div></div>', "229000", "459000"),
        # the price, then the old one and a badge that cuts 38.78 % to "38% off" (Flipkart)
        ('<div class="hl05eU"><div class="Nx9bqj">₹14,999</div><div class="yRaY8j">₹24,499</div>'
         "<div><span>38% off</span></div></div>", "14999", "24499"),
        # two prices the badge does not link: a bundle's price is no old price
        ('<div class="x1"><div class="a1">$89.00</div><div class="a2">$150.00</div><div>-20%</div></div>',
         "89.00", None),
    ],
)  # fmt: skip
def test_a_discount_badge_tells_the_old_price_from_the_new(block: str, price: str, regular: str | None) -> None:
    result = extract_structured(price_page(block), URL)
    assert (result.price, result.regular_price) == (Decimal(price), Decimal(regular) if regular else None)


AUCTION_LOT = """<html lang="{lang}"><head><title>Brass Desk Lamp, 1930s</title></head><body><main>
  <h1 class="LotTitle">Brass Desk Lamp, 1930s</h1><section class="BidBox"><div class="BidBox_estimate"><span>{estimate}
  </span><span>{estimate_range}</span></div><div class="BidBox_current"><span class="BidBox_label">{label}</span>
  <span class="BidBox_amount">{bid}</span></div><button type="button">{button}</button></section>{related}
  </main></body></html>"""
RELATED_LOTS = """<section class="related"><h2>Similar lots</h2><div class="tile"><div class="tile__price">€ 1,450</div>
  </div><div class="tile"><div class="tile__price">€ 2,050</div></div></section>"""


@pytest.mark.parametrize("related", ["", RELATED_LOTS], ids=["alone", "with-related-lots"])
@pytest.mark.parametrize(
    ("lang", "estimate", "label", "bid", "button", "amount"),
    [
        ("en", "Estimate", "Current bid", "€ 2,150", "Place bid", "2150"),
        ("en", "Estimate", "Starting bid:", "€ 1", "Place bid", "1"),
        ("de", "Schätzpreis", "Aktuelles Gebot", "2.150 €", "Bieten", "2150"),
        ("fr", "Estimation", "Enchère actuelle", "2 150 €", "Enchérir", "2150"),
    ],
)
def test_an_auctions_bid_after_its_label_not_the_estimate_before_it(
    related: str, lang: str, estimate: str, label: str, bid: str, button: str, amount: str
) -> None:
    html = AUCTION_LOT.format(
        lang=lang, estimate=estimate, estimate_range="€ 3,800 - € 4,500", label=label, bid=bid, button=button,
        related=related,
    )  # fmt: skip
    result = extract_structured(html, "https://auctions.example.com/lot/81234567")
    assert (result.price, result.currency) == (Decimal(amount), "EUR")


def test_a_price_written_right_after_a_screen_reader_label_above_the_heading() -> None:
    html = """<html lang="en-GB"><head><title>Leather Wallet</title></head><body>
      <div data-buy-box-region="price"><p class="title-larger"><span class="screen-reader-only">Price:</span>£24.65</p>
      <p class="caption"><span class="screen-reader-only">Original Price:</span><span class="strikethrough">£32.87
      </span></p></div><h1>Personalised Leather Wallet</h1><button type="submit">Add to basket</button>
      <section class="recommendations"><div class="tile"><div class="tile__price">£11.90</div></div></section>
      </body></html>"""
    result = extract_structured(html, "https://shop.example.co.uk/listing/1234567890/wallet")
    assert (result.price, result.currency, result.regular_price) == (Decimal("24.65"), "GBP", Decimal("32.87"))


def test_an_element_read_out_as_a_bare_amount_is_a_price() -> None:
    html = """<html lang="en"><head><title>Wireless Earbuds</title></head><body><div class="_1-EqH4uA">
      <h1 class="_2rn4tqXP">Wireless Earbuds</h1><div class="_3oV8Gtg6"><div class="_1vkz0rqG" aria-label="$12.98"><span
      class="_2de9">$</span><span class="_2de9">12</span><span class="_3Srx">.98</span></div><span class="_3TAP"
      style="text-decoration: line-through;">$25.49</span><span class="_1wmC" aria-label="-49%">-49%</span></div>
      <button type="button">Add to cart</button></div>
      <section class="recommendations"><div class="tile"><div class="tile__price">$3.48</div></div></section>
      </body></html>"""
    result = extract_structured(html, "https://shop.example.com/goods.html?goods_id=601099512345678")
    assert (result.price, result.currency, result.regular_price) == (Decimal("12.98"), "USD", Decimal("25.49"))


@pytest.mark.parametrize("label", ["4.5 out of 5 stars", "-49%", "3 of 12", "Page 2"])
def test_an_aria_label_with_a_number_but_no_currency_is_no_price(label: str) -> None:
    html = f"""<html lang="en"><head><title>Garden news</title></head><body><article><h1>Spring planting guide</h1>
      <p>Our tips for the season.</p><div class="rating" aria-label="{label}">{label}</div></article></body></html>"""
    assert extract_structured(html, "https://news.example.com/2026/spring").price is None


@pytest.mark.parametrize(
    ("lang", "plain", "current", "price", "regular"),
    [
        ("en", "Price", "Your Price", "$1,599.99", "$1,899.99"),
        ("en", "Price:", "Sale price:", "$79.00", "$99.00"),
        ("zh-CN", "价格", "促销价", "¥299.00", "¥399.00"),
    ],
)
def test_a_bare_price_label_beside_a_labelled_current_price_is_the_old_price(
    lang: str, plain: str, current: str, price: str, regular: str
) -> None:
    html = f"""<html lang="{lang}"><head><title>OLED TV</title></head><body><div class="product">
      <h1>OLED TV 65</h1><div class="savings"><div class="row"><span class="label">{plain}</span> <span>{regular}</span>
      </div><div class="row your-price"><span class="label">{current}</span> <span class="value">{price}</span></div>
      </div><button type="button">Add to Cart</button></div></body></html>"""
    result = extract_structured(html, "https://shop.example.com/oled-tv-65.html")
    assert result.price == Decimal(price.strip("$¥").replace(",", ""))
    assert result.regular_price == Decimal(regular.strip("$¥").replace(",", ""))


def test_a_bare_price_label_is_no_old_price_beside_a_price_labelled_otherwise() -> None:
    html = """<html lang="en"><head><title>OLED TV</title></head><body><div class="product"><h1>OLED TV 65</h1>
      <div class="prices"><div class="row"><span class="label">Price</span> <span>$1,899.99</span></div>
      <div class="row member-price"><span class="label">Member price</span> <span>$1,599.99</span></div></div>
      <button type="button">Add to Cart</button></div></body></html>"""
    assert extract_structured(html, "https://shop.example.com/oled-tv-65.html").regular_price is None


def test_a_struck_whole_amount_without_its_own_currency_is_the_old_price() -> None:
    html = """<html lang="vi"><head><title>Tai nghe</title></head><body><div class="product"><h1>Tai nghe Buds 6</h1>
      <div class="flex"><span class="line-through text-sm">1.499.000</span><span class="badge">-17%</span></div>
      <div class="flex"><span class="text-lg" data-testid="price-final">1.249.000</span><span>₫</span></div>
      <button type="button">Thêm vào giỏ hàng</button></div></body></html>"""
    result = extract_structured(html, "https://shop.example.vn/p/tai-nghe-buds-6")
    assert (result.price, result.currency) == (Decimal("1249000"), "VND")
    assert result.regular_price == Decimal("1499000")


def test_a_struck_small_number_without_a_currency_is_no_old_price() -> None:
    html = """<html lang="en"><head><title>Lamp</title></head><body><div class="product"><h1>Desk Lamp Nova</h1>
      <p><span class="line-through">2 colours</span> <span class="line-through">12</span></p>
      <div class="flex"><span class="text-lg" data-testid="price-final">$9.99</span></div>
      <button type="button">Add to cart</button></div></body></html>"""
    result = extract_structured(html, "https://shop.example.com/p/lamp")
    assert (result.price, result.regular_price) == (Decimal("9.99"), None)


def shrimp_page(shown: str) -> str:
    """A cash-and-carry page: JSON-LD gives the range over the shop's stores, the buy box the price here."""
    offers = {"@type": "AggregateOffer", "price": "14.89", "lowPrice": "14.89", "highPrice": "16.49"}
    ld = jsonld({"@type": "Product", "name": "Breaded Shrimp 16-20", "offers": {**offers, "priceCurrency": "USD"}})
    return f"""<html lang="en"><head><title>Breaded Shrimp 16-20</title>{ld}</head><body><main>
      <h1>Breaded Shrimp 16-20</h1><div class="product-widget"><div>Unit (3 lb)</div>
      <div class="product-widget-price">{shown}</div></div></main></body></html>"""


@pytest.mark.parametrize(("shown", "price"), [("$15.19", "15.19"), ("$14.89", "14.89"), ("$57.89", "14.89")])
def test_an_aggregate_offers_lowest_price_gives_way_to_the_buy_boxs_price_inside_its_range(
    shown: str, price: str
) -> None:
    result = extract_structured(shrimp_page(shown), "https://shop.example.com/p/breaded-shrimp_1849850/")
    assert (result.price, result.currency) == (Decimal(price), "USD")


def test_a_price_after_a_bare_de_label_is_the_old_price() -> None:
    html = """<html lang="pt-BR"><head><title>Geladeira</title></head><body><div class="produto">
      <h1>Geladeira Frost Free 380 Litros</h1><div class="preco">
      <p class="preco-comprar">de <span>R$ 2.599,00</span></p>
      <p class="preco-comprar">por <span class="preco-verde">R$ 2.099,00</span></p>
      <p>ou 10x de R$ 209,90 sem juros</p></div>
      <button type="button">Comprar</button></div></body></html>"""
    result = extract_structured(html, "https://loja.example.com.br/Produto/geladeira-380/96453")
    assert (result.price, result.currency) == (Decimal("2099.00"), "BRL")
    assert result.regular_price == Decimal("2599.00")


@pytest.mark.parametrize(
    "old",
    ['<div class="product_detail_avp">€&nbsp;22,<span>95<sup>*</sup></span></div>', "<p>AVP: 22,95 €</p>"],
)
def test_a_german_pharmacys_list_price_avp_is_the_regular_price(old: str) -> None:
    html = f"""<html lang="de"><head><title>Lotion</title></head><body><div class="product"><h1>Cetaphil Lotion</h1>
      <div class="product_detail_price_box">{old}<div class="product_detail_price">€ 21,<span>99<sup>*</sup></span>
      </div></div><button type="submit">In den Warenkorb</button></div></body></html>"""
    result = extract_structured(html, "https://apotheke.example.de/cetaphil-lotion-460ml-pzn-07127301")
    assert (result.price, result.regular_price) == (Decimal("21.99"), Decimal("22.95"))


@pytest.mark.parametrize(
    ("lang", "old_header", "header", "old", "amount", "expected"),
    [
        ("ja", "参考基準価格(税別)", "販売価格(税込)", "￥1,950", "￥1,024", "1024"),
        ("en", "List Price", "Our Price", "$129.00", "$99.00", "99.00"),
    ],
)
def test_an_amount_under_an_old_price_column_header_is_not_the_price(
    lang: str, old_header: str, header: str, old: str, amount: str, expected: str
) -> None:
    html = f"""<html lang="{lang}"><head><title>Water</title></head><body><div class="product"><h1>Mineral Water 2L</h1>
      <table><thead><tr><th>Code</th><th>{old_header}</th><th>{header}</th></tr></thead><tbody><tr><td>44705756</td>
      <td><span class="price">{old}</span></td><td><span class="price">{amount}</span></td></tr></tbody></table>
      </div></body></html>"""
    result = extract_structured(html, "https://shop.example.com/g/06201561/")
    assert result.price == Decimal(expected)


def test_a_price_column_of_a_ticket_table_is_read_cell_by_cell() -> None:
    html = """<html lang="en"><head><title>Walking Tour Tickets</title></head><body><h1>Event</h1>
      <p>Trevi &amp; Pantheon Walking Tour</p><h1>Location</h1><p>Piazza di Trevi, Rome</p>
      <table><tr><td>Admission Level</td><td>Price</td><td>Quantity</td></tr>
      <tr><td><b>General</b></td><td>&#8364;40.00</td><td>Sales Ended</td></tr></table>
      <form action="/cart/add" method="post"><button type="submit">Add to Cart</button></form></body></html>"""
    result = extract_structured(html, "https://tickets.example.com/event/2391834")
    assert (result.price, result.currency) == (Decimal("40.00"), "EUR")


@pytest.mark.parametrize(
    ("lang", "label"), [("pt-BR", "Preço de venda:"), ("pt-BR", "Preço de oferta"), ("es", "Precio de venta")]
)
def test_a_selling_price_label_before_the_price_is_no_old_price_label(lang: str, label: str) -> None:
    html = f"""<html lang="{lang}"><head><title>Jarra</title></head><body><div class="produto"><h1>Jarra de vidro</h1>
      <p class="precos"><span class="rotulo">{label}</span><span class="preco">R$ 49,90</span></p>
      <button type="button">Comprar</button></div></body></html>"""
    result = extract_structured(html, "https://loja.example.com.br/jarra-de-vidro")
    assert (result.price, result.regular_price) == (Decimal("49.90"), None)


@pytest.mark.parametrize(
    ("lang", "css", "text", "amount"),
    [
        ("de", "artikel-preis", "24,99 €", "24.99"),
        ("fr", "prix-produit", "24,99 €", "24.99"),
        ("es", "precioFinal", "24,99 €", "24.99"),
        ("pl", "product__cena", "24,99 zł", "24.99"),
        ("tr", "urun-fiyati", "249,99 TL", "249.99"),
        ("id", "harga-jual", "Rp 249.000", "249000"),
        ("nl", "prijs", "€ 24,99", "24.99"),
    ],
)
def test_a_price_element_named_price_in_the_shops_own_language(lang: str, css: str, text: str, amount: str) -> None:
    html = f"""<html lang="{lang}"><head><title>Lampe</title></head><body><main><h1>Tischlampe Nova</h1>
      <div class="gallery"><img src="https://shop.example.com/nova.jpg"></div><ul class="features"><li>E27</li>
      <li>LED</li></ul><p>2 Jahre</p><div class="{css}">{text}</div><button type="button">Kaufen</button>
      <section class="related"><h2>Mehr</h2><div class="product-price">9,99</div><div class="product-price">19,99</div>
      </section></main></body></html>"""
    result = extract_structured(html, "https://shop.example.com/tischlampe-nova")
    assert result.price == Decimal(amount)


def test_words_that_only_contain_a_price_word_name_no_price_element() -> None:
    html = """<html lang="de"><head><title>Nova</title></head><body><main><h1>Desk Lamp Nova</h1>
      <div class="enterprise-banner">2 500 customers</div><div class="surprise">1 000 gifts</div></main>
      </body></html>"""
    assert extract_structured(html, "https://shop.example.com/desk-lamp-nova").price is None


def test_a_buy_box_in_a_details_footer_is_not_the_pages_footer() -> None:
    html = """<html lang="en"><head><title>TL-WR740N Router</title></head><body><main><h1>TL-WR740N Router</h1>
      <div class="details"><ul><li>150Mbps wireless</li></ul><div class="details-footer"><div class="price-box">
      <span class="price"><span>EGP</span> <span data-price="222">222</span></span>
      <span class="price -old"><span>EGP</span> <span data-price="280">280</span></span><span>-21%</span></div>
      <button class="osh-btn -add-to-cart">Buy now</button></div></div>
      <section class="other-sellers"><h2>Other offers</h2><div class="osh-col -price">EGP 234</div>
      <button class="osh-btn">Buy now</button></section></main><footer><p>© Shop</p></footer></body></html>"""
    result = extract_structured(html, "https://www.shop.example.eg/tl-wr740n-router-mpg5082.html")
    assert (result.price, result.regular_price, result.currency) == (Decimal("222"), Decimal("280"), "EGP")


@pytest.mark.parametrize(
    ("shown", "regular"),
    [
        ('<span class="m6p_28">924\u2009₽</span> <span class="p5m_28">2\u2009099\u2009₽</span>', "2099"),  # OZON
        ('<span class="x1">924 ₽</span> <span class="x2">бис</span>', None),
        ('<span class="x1">924 ₽</span> bis <span class="x2">1 028 ₽</span>', None),  # a range
        ('<span class="x1">924 ₽</span> <span class="x2">899 ₽</span>', None),  # lower: not an old price
    ],
)
def test_an_old_price_written_right_after_the_markup_price_by_hashed_classes(shown: str, regular: str | None) -> None:
    markup = jsonld(
        {"@type": "Product", "name": "Кофе", "offers": {"@type": "Offer", "price": "924", "priceCurrency": "RUB"}}
    )
    html = f"""<html lang="ru"><head><title>Кофе</title>{markup}</head><body><main><h1>Кофе</h1>
      <div class="a7b_12"><div class="c9d_12">{shown}</div><div>без Ozon Карты</div></div>
      <button type="button">Добавить в корзину</button><p>Доставка <span class="delivery-price">99 ₽</span></p>
      </main></body></html>"""
    result = extract_structured(html, "https://www.shop.example.ru/product/kofe-747122168/")
    assert (result.price, result.regular_price) == (Decimal("924"), Decimal(regular) if regular else None)


MULTI_BUY_BOX = """<html lang="es"><head><title>{name}</title><meta property="product:price:amount" content="2150">
  <meta property="product:price:currency" content="ARS"></head><body><h1>{name}</h1>
  <div class="price-box"><div>{before}</div><span><div><div class="price-format">{multi}</div><div>{after}</div></div>
  <div><span>{badge}</span></div></span><div class="x9Yq">$2.150</div></div><button>Agregar al carrito</button>
  </body></html>"""


@pytest.mark.parametrize(
    ("before", "multi", "after", "badge"),
    [
        ("Llevando 2", "$1.397,5", "c/u", "2do al 70%"),  # Jumbo Argentina's VTEX buy box
        ("Llevando 2", "$1.397,5", "", ""),
        ("Any 2 for", "$2.795", "", ""),
    ],
)
def test_a_multi_buy_price_per_unit_is_not_the_price_of_one(before: str, multi: str, after: str, badge: str) -> None:
    html = MULTI_BUY_BOX.format(
        name="Oblea Leche 4 Fingers 41.5 Grs", before=before, multi=multi, after=after, badge=badge
    )
    result = extract_structured(html, "https://www.jumbo.com.ar/oblea-leche-4-fingers/p")
    assert (result.price, result.currency) == (Decimal("2150.00"), "ARS")


def test_a_multi_buy_price_in_markup_offers_gives_way_to_the_one_unit_price() -> None:
    ld = jsonld(
        {
            "@type": "Product",
            "name": "Oblea Leche 4 Fingers",
            "offers": {
                "@type": "AggregateOffer", "lowPrice": 2150, "highPrice": 2150, "priceCurrency": "ARS",
                "offers": [{"@type": "Offer", "price": 1397.5, "priceCurrency": "ARS"}],
            },
        }
    )  # fmt: skip
    html = MULTI_BUY_BOX.format(
        name="Oblea Leche 4 Fingers", before="Llevando 2", multi="$1.397,5", after="c/u", badge="2do al 70%"
    ).replace("</head>", f"{ld}</head>")
    result = extract_structured(html, "https://www.jumbo.com.ar/oblea-leche-4-fingers/p")
    assert result.price == Decimal("2150.00")


def test_a_price_beside_a_percentage_badge_is_still_the_price() -> None:
    html = MULTI_BUY_BOX.format(name="Yerba Mate Suave 1 Kg", before="", multi="$1.397,5", after="", badge="-35%")
    result = extract_structured(html.replace('content="2150"', 'content="1397.5"'), "https://www.disco.com.ar/yerba/p")
    assert result.price == Decimal("1397.50")


DISCO_BUY_BOX = """<html lang="es"><head><title>Yerba Mate Suave 1 Kg</title>
  <meta property="product:price:amount" content="4450"><meta property="product:price:currency" content="ARS"></head>
  <body><h1>Yerba Mate Suave 1 Kg</h1><div class="vtex-flex-layout-0-x-flexColChild"><div><span style="display: flex">
  <div class="theme-1oaMy8g"><div id="priceContainer" class="theme-1dCOMij">$2.892,5</div></div>
  <div title="35% Yerba | Ofertas"><div><span class="theme-3Hc7">{badge}</span></div></div></span>
  <div class="theme-2t-mVsK">$4.450</div><div class="theme-1QiyQ vtex-custom-unit-price">Precio regular x kg: $4.450
  <p>PRECIO SIN IMPUESTOS NACIONALES: $3.677,69</p></div></div></div><button>Agregar</button></body></html>"""


def test_a_markup_price_a_percentage_badge_links_to_the_shown_price_is_the_regular_one() -> None:
    result = extract_structured(DISCO_BUY_BOX.format(badge="-35%"), "https://www.disco.com.ar/yerba-mate/p")
    assert (result.price, result.regular_price) == (Decimal("2892.50"), Decimal("4450.00"))


def test_a_markup_price_no_badge_links_to_the_shown_price_stays_the_price() -> None:
    result = extract_structured(DISCO_BUY_BOX.format(badge="-20%"), "https://www.disco.com.ar/yerba-mate/p")
    assert result.price == Decimal("4450.00")


def test_amounts_a_saving_label_leads_from_outside_are_not_the_price() -> None:
    html = """<html lang="cs"><head><title>Samsung EO-SG510CD</title></head><body><h1>Samsung EO-SG510CD</h1>
      <span class="special-sticker discount"><span>-42<sup>%</sup></span><span>Ušetříte<br>
      <em class="price-vatex">415&nbsp;Kč</em><em class="price-vatin">502&nbsp;Kč</em></span></span>
      <div class="price-box"><span class="price-vatin">699&nbsp;Kč</span></div>
      <button class="add-to-cart">Do košíku</button></body></html>"""
    result = extract_structured(html, "https://www.czc.example/samsung-eo-sg510cd/206896/produkt")
    assert result.price == Decimal("699")


def test_a_bare_amount_below_the_heading_followed_by_a_tax_note_is_the_price() -> None:
    html = """<html lang="de"><head><title>Zotac ZBox Magnus – EN72070V</title></head><body>
      <h1>Zotac ZBox Magnus – EN72070V</h1><div class="Z1hw"><a>8 Bilder</a> <a>1 Video</a></div>
      <div class="Z1h2"><strong class="ZZ9v"> 1189,99</strong></div><div class="Z1ny"><div>inkl. MwSt., kostenloser
      <a href="/wiki/5638">Versand</a></div></div><div>Lieferung in 2 bis 4 Tagen</div>
      <button class="add-to-cart">In den Warenkorb</button></body></html>"""
    result = extract_structured(html, "https://www.galaxus.de/de/s1/product/zotac-zbox-magnus-en72070v-13590721")
    assert (result.price, result.currency) == (Decimal("1189.99"), "EUR")


def test_a_bare_number_below_the_heading_without_a_tax_note_is_no_price() -> None:
    html = """<html lang="de"><head><title>Zotac ZBox Magnus</title></head><body><h1>Zotac ZBox Magnus</h1>
      <div><strong>1189</strong></div><div>Bewertungen</div><button class="add-to-cart">In den Warenkorb</button>
      </body></html>"""
    assert extract_structured(html, "https://www.galaxus.de/de/s1/product/zotac-zbox-magnus-13590721").price is None


def test_a_subheading_counting_items_is_no_price_element() -> None:
    html = """<html lang="de"><head><title>Zotac ZBox Magnus – EN72070V</title></head><body>
      <h1>Zotac ZBox Magnus – EN72070V</h1><div class="Z1h2"><strong class="ZZ9v"> 1189,99</strong></div>
      <div class="Z1ny"><div>inkl. MwSt., kostenloser Versand</div></div>
      <button class="add-to-cart">In den Warenkorb</button>
      <div class="Z1i6"><h3 class="expandableBlock__Title">Maus (6)</h3><h3>Tastatur (12)</h3></div></body></html>"""
    result = extract_structured(html, "https://www.galaxus.de/de/s1/product/zotac-zbox-magnus-en72070v-13590721")
    assert (result.price, result.currency) == (Decimal("1189.99"), "EUR")


def test_a_multi_buy_badge_beside_the_one_unit_price_leaves_it_the_price() -> None:
    html = """<html lang="en"><head><title>Baked Beans 415g</title></head><body><h1>Baked Beans 415g</h1>
      <div class="price-box"><span class="price">£1.40</span><span class="offer">Any 3 for £3</span></div>
      <button class="add-to-cart">Add to trolley</button></body></html>"""
    assert extract_structured(html, "https://www.grocer.example.co.uk/p/baked-beans-415g").price == Decimal("1.40")


def test_an_old_price_inside_a_sale_box_is_the_regular_price() -> None:
    # The id names the containers first ("saleAction") and the element last ("old"): the element is the old price.
    html = """<html lang="pt"><head><title>O Ano da Morte de Ricardo Reis</title></head><body>
      <h1>O Ano da Morte de Ricardo Reis</h1><div class="sale-actions" id="right-saleAction"><div class="price">
      <div class="old" id="right-saleAction-price-old">17,75€</div>
      <div class="current" id="right-saleAction-price-current">14,20€</div></div>
      <button class="add-cart" type="button">Comprar</button></div></body></html>"""
    result = extract_structured(html, "https://www.livraria.example.pt/livro/o-ano-da-morte-de-ricardo-reis/123")
    assert (result.price, result.regular_price) == (Decimal("14.20"), Decimal("17.75"))


def test_an_old_price_in_a_same_products_strip_is_not_the_regular_price() -> None:
    html = """<html lang="ru"><head><title>Аккумулятор Delta GX 12-100</title></head><body><div class="shop">
      <h1>Аккумулятор Delta GX 12-100</h1><div class="shop_offer"><div class="shop_price"><span class="price">
      <em>25 000</em> <em>руб.</em></span></div><a class="add_to_cart" href="#">Купить</a></div>
      <div class="h3">Похожие товары</div><div class="uss_eshop_sameproducts"><div class="item">Инвертор SmartWatt
      <span class="old_price"><i>Старая цена:</i> <em>76 800</em> <em>руб.</em></span>
      <span class="price"><em>63 800</em> <em>руб.</em></span></div></div></div></body></html>"""
    result = extract_structured(html, "https://stvs.example.ru/store/akkumulyator-delta-gx-12-100")
    assert (result.price, result.currency, result.regular_price) == (Decimal("25000"), "RUB", None)


@pytest.mark.parametrize(
    "sale_class",
    ["Price_salePrice__Was3k", "sale-price-list", "price-now-standard"],  # a CSS-modules hash; FORMER's wider words
)
def test_a_sale_price_named_with_a_trailing_word_stays_the_sale_price(sale_class: str) -> None:
    html = f"""<html lang="en"><head><title>Desk Lamp Nova</title></head><body><h1>Desk Lamp Nova</h1>
      <div class="price-box"><s class="price">$49.00</s> <span class="{sale_class}">$39.00</span></div>
      <button class="add-to-cart">Add to cart</button></body></html>"""
    result = extract_structured(html, URL)
    assert (result.price, result.regular_price) == (Decimal("39.00"), Decimal("49.00"))


ETSY_LIKE_BUY_BOX = """<html lang="es"><head><title>Felpudo pintado a mano | Etsy</title>{markup}</head><body>
  <h1 data-buy-box-listing-title="true">Felpudo pintado a mano</h1>
  <div data-buy-box><div data-buy-box-region="price" class="wt-mb-xs-3"><div class="wt-display-flex-xs">
  <p class="wt-text-title-03">53,11 €</p><div class="wt-spinner wt-display-none">Cargando</div></div></div>
  <p>IVA incluido (cuando corresponda), más envío</p><button type="submit">Añadir al carro</button></div>
  <h2>También te puede gustar</h2><ul><li><a href="/listing/2">Felpudo otoño</a> <p>49,79 €</p></li></ul>
  </body></html>"""


@pytest.mark.parametrize(
    "markup",
    [
        "",  # the price region is named only by a data attribute, its price element by nothing
        jsonld(  # the markup's price leaves the tax out; the buy box says what the buyer pays
            {
                "@type": "Product",
                "name": "Felpudo pintado a mano",
                "offers": {
                    "@type": "AggregateOffer",
                    "lowPrice": "43.90",
                    "highPrice": "43.90",
                    "priceCurrency": "EUR",
                },
            }
        ),
    ],
)
def test_a_price_region_named_by_a_data_attribute_gives_the_price(markup: str) -> None:
    result = extract_structured(ETSY_LIKE_BUY_BOX.format(markup=markup), "https://www.etsy.com/es/listing/55/felpudo")
    assert (result.price, result.currency) == (Decimal("53.11"), "EUR")


def test_the_mrp_beside_a_data_named_selling_price_is_the_regular_price() -> None:
    product = {"@type": "Product", "name": "Running Shoes Run 100", "offers": {"price": 999, "priceCurrency": "INR"}}
    prices = (  # one line of the page's text: "₹999 MRP ₹1,199"
        '<span class="text-xl" data-test-id="pdp-price:selling-price">₹999</span> '
        '<span data-test-id="pdp-price:mrp-label">MRP</span> '
        '<span class="relative text-sm" data-test-id="pdp-price:mrp">₹1,199</span>'
    )
    html = f"""<html lang="en"><head><title>Running Shoes Run 100</title>{jsonld(product)}</head><body>
      <div class="py-1" data-test-id="pdp-product-info:price"><div data-test-id="pdp-price:container">{prices}</div>
      </div></body></html>"""
    result = extract_structured(html, "https://www.decathlon.example.in/p/8351755/running-shoes-run-100")
    assert (result.price, result.regular_price) == (Decimal("999"), Decimal("1199"))


@pytest.mark.parametrize(
    ("inner", "regular"),
    [
        ('<span class="azBNJd">$159.95</span>', Decimal("159.95")),  # struck by a stylesheet class with no meaning
        ('<span class="unit">$32.49/oz</span>', None),  # a unit price is no old price
        ('<span class="azBNJd">$109.95</span>', None),  # a lower amount is no old price either
    ],
)
def test_a_higher_amount_alone_right_after_the_price_inside_its_element_is_the_old_price(
    inner: str, regular: Decimal | None
) -> None:
    html = f"""<html lang="en"><head><title>Fitbit Charge 6 Tracker</title></head><body>
      <h1>Fitbit Charge 6 Tracker</h1><div class="f6m4Qe" data-test="price-and-cta"><div class="WZY98b"
      data-test="price">$129.95{inner}</div><div class="xqiKBe">or make 4 payments of $32.49</div>
      <button class="transaction" data-test="cta">Buy</button></div></body></html>"""
    result = extract_structured(html, "https://store.google.example/us/product/fitbit_charge_6")
    assert (result.price, result.regular_price) == (Decimal("129.95"), regular)


def test_a_loyalty_cards_offer_above_the_price_is_not_the_price() -> None:
    html = """<html lang="en"><head><title>Men's Unshrinkable Tee, Henley</title></head><body>
      <h1>Men's Unshrinkable Tee, Henley</h1><div class="LoyaltyPromotionsBanner_top"
      data-testid="loyalty-promo-price-banner"><b>SAVE 20%:</b> $23.96 upon approval for the Mastercard</div>
      <div class="price-group"><span>$ 29.95</span></div>
      <p>Item # TA224626</p><button class="add-to-bag">Add To Bag</button></body></html>"""
    result = extract_structured(html, "https://www.llbean.example/llb/shop/40645")
    assert (result.price, result.currency) == (Decimal("29.95"), "USD")


def test_a_basket_price_every_buyer_gets_is_the_price_and_the_lined_price_its_regular_price() -> None:
    # Turkish shops' automatic basket campaigns: "Sepette 584.99 TL" ("in the basket"), no code to enter
    product = {
        "@type": "Product",
        "name": "Regular Fit Sweatshirt",
        "offers": {"price": 899.99, "priceCurrency": "TRY"},
    }
    html = f"""<html lang="tr"><head><title>Regular Fit Sweatshirt</title>{jsonld(product)}</head><body>
      <h1 class="product-detail__info-header-title">Regular Fit Sweatshirt</h1><div class="product-detail__price">
      <div class="second-line"><div class="base-price lined-base-price">899.99 TL</div></div><div class="first-line">
      <div class="base-price campaing-base-price"><span>Sepette </span>584.99 TL</div></div></div>
      <button class="add-to-cart">Sepete Ekle</button></body></html>"""
    result = extract_structured(html, "https://www.defacto.example.com.tr/regular-fit-sweatshirt-3285821")
    assert (result.price, result.currency, result.regular_price) == (Decimal("584.99"), "TRY", Decimal("899.99"))


def test_a_price_heading_holding_a_paragraph_keeps_its_price() -> None:
    # browsers keep the <p> label inside the <h2>; an HTML4 parser would close the heading before it
    html = """<html lang="tr"><head><title>Erkek Lacivert Basic Sweatshirt</title></head><body>
      <h1>Erkek Lacivert Basic Sweatshirt</h1><div class="price_priceLeft__VRQGR">
      <p class="b-typography price_priceOldPrice__FM_Do">1.399,95 TL</p><p class="price_priceDiscountText__rm96C">%50 +
      %20 indirim</p><h2 class="b-typography price_priceMain__DrVVQ price_priceMainBestOffer__qp2Sz"><p
      class="b-typography price_priceMainText__6p5Zp">Sepette</p>559,98 TL</h2></div><button>Sepete Ekle</button>
      </body></html>"""
    result = extract_structured(html, "https://www.boyner.example.com.tr/erkek-sweatshirt-p-15623165")
    assert (result.price, result.regular_price) == (Decimal("559.98"), Decimal("1399.95"))


def test_a_product_heading_written_as_a_paragraph_in_the_h1_is_the_name() -> None:
    html = """<html lang="en"><head><title>Shop</title></head><body><h1 class="title"><p class="title__text">Linen
      Shirt Relaxed Fit</p></h1><p>Soft washed linen.</p><span class="price">£45.00</span>
      <button>Add to basket</button></body></html>"""
    assert extract_structured(html, "https://shop.example.co.uk/p/linen-shirt").name == "Linen Shirt Relaxed Fit"


@pytest.mark.parametrize(
    "other",
    [
        '<div data-component="monthly-price">$8</div>',  # a monthly instalment
        '<span data-role="unit-price">$2.49/lb</span>',  # a price per unit
    ],
)
def test_a_price_named_by_a_data_attribute_gets_the_word_checks_class_names_get(other: str) -> None:
    html = f"""<html lang="en"><head><title>Desk Lamp</title></head><body><h1>Desk Lamp</h1>{other}
      <div class="product-price">$49.00</div><button class="add-to-cart">Add to Cart</button></body></html>"""
    assert extract_structured(html, URL).price == Decimal("49.00")


def test_an_mrp_labelled_in_its_own_span_after_the_price_is_the_regular_price() -> None:
    html = """<html lang="en"><head><title>Running Shoes Run 100</title></head><body><h1>Running Shoes Run 100</h1>
      <div class="pdp-price"><span>₹999</span> <span>MRP</span> <span>₹1,199</span></div>
      <button class="add-to-cart">Add to Cart</button></body></html>"""
    result = extract_structured(html, "https://www.decathlon.example.in/p/8351755/running-shoes-run-100")
    assert (result.price, result.regular_price) == (Decimal("999"), Decimal("1199"))


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ('<h1 class="title"><p>Linen Shirt</p><p>Relaxed Fit</p></h1>', "Linen Shirt Relaxed Fit"),
        # a heading closed by another level's tag ends there, as browsers read it; its paragraphs stay outside
        ("<h1>Oak Desk Lamp</h3><p>A warm brass lamp for your desk.</p>", "Oak Desk Lamp"),
    ],
)
def test_paragraphs_in_a_heading_are_read_as_the_browser_shows_them(body: str, name: str) -> None:
    html = f"""<html lang="en"><head><title>Shop</title></head><body>{body}<p class="price">$49.00</p>
      <button>Add to cart</button><h2>Reviews</h2><p>Great lamp</p><h1>x</h1></body></html>"""
    assert extract_structured(html, URL).name == name
