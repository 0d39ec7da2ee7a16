"""A price labelled for store-card holders or members is not the product's price when the page shows the price
anyone pays beside it; alone, it is the price shown."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.extraction.structured import extract_structured
from tests.support.markup import jsonld


def product_page(price_rows: str, lang: str = "en") -> str:
    return f"""<!doctype html><html lang="{lang}"><head><title>Kettle</title></head><body><main>
      <h1>Steel Kettle 1.7 l</h1><div class="prices">{price_rows}</div>
      <button class="add-to-cart">Add to cart</button></main></body></html>"""


def row(amount: str, label: str, css: str = "price") -> str:
    return f'<div class="row"><span class="{css}">{amount}</span> <span class="label">{label}</span></div>'


@pytest.mark.parametrize(
    ("rows", "lang", "price"),
    [
        pytest.param(row("$ 29.990", "Tarjeta Cencosud") + row("$ 34.990", "Internet"), "es-CL", "34990", id="tarjeta"),
        pytest.param(row("$ 299.990", "con tarjeta CMR") + row("$ 349.990", ""), "es-CL", "349990", id="con-tarjeta"),
        pytest.param(row("17 490 ₽", "c Ozon Картой") + row("18 999 ₽", "без Ozon Карты"), "ru", "18999", id="kartoy"),
        pytest.param(row("$19.99", "Member price") + row("$24.99", "Non-member price"), "en-US", "24.99", id="member"),
        pytest.param(row("€ 9,99", "mit der Payback Karte") + row("€ 12,99", ""), "de-DE", "12.99", id="mit-karte"),
        pytest.param(row("R$ 89,90", "no Cartão Loja") + row("R$ 99,90", ""), "pt-BR", "99.90", id="cartao"),
        pytest.param(row("£2.50", "Clubcard Price") + row("£3.00", ""), "en-GB", "3.00", id="clubcard"),
        pytest.param(row("$129.00", "Ace Rewards Exclusive") + row("$159.00", ""), "en-US", "159.00", id="rewards"),
    ],
)
def test_the_price_anyone_pays_beats_a_card_or_member_price_shown_first(rows: str, lang: str, price: str) -> None:
    result = extract_structured(product_page(rows, lang), "https://shop.example/kettle")
    assert result.price == Decimal(price)


@pytest.mark.parametrize(
    ("rows", "lang", "price"),
    [
        # the only price, card-labelled: still what the page shows
        pytest.param(row("$ 29.990", "Tarjeta Cencosud"), "es-CL", "29990", id="card-price-alone"),
        # "sin tarjeta": the price without the card comes first and stays
        pytest.param(row("$ 34.990", "sin tarjeta") + row("$ 29.990", "con tarjeta"), "es-CL", "34990", id="sin"),
        # a product "card" class (a tile, Bootstrap's .card) is no card price
        pytest.param(
            row("$19.99", "", css="card-price price") + row("$24.99", "Gift card not included"), "en", "19.99", id="css"
        ),
    ],
)
def test_a_first_price_with_no_card_condition_stays(rows: str, lang: str, price: str) -> None:
    result = extract_structured(product_page(rows, lang), "https://shop.example/kettle")
    assert result.price == Decimal(price)


def test_a_card_price_found_only_in_the_text_after_the_heading_gives_way_too() -> None:
    # generated class names only: the price is read from the text below the heading
    html = """<html lang="ru"><body><h1>Чайник</h1><div class="x1"><div class="a7"><span>1 490 ₽</span>
      <span>c Ozon Картой</span></div><div class="b2"><span>1 690 ₽</span><span>без Ozon Карты</span></div></div>
      <button>Добавить в корзину</button></body></html>"""
    assert extract_structured(html, "https://www.ozon.ru/product/chaynik-123/").price == Decimal("1690")


def test_a_markup_price_the_page_shows_as_a_members_price_gives_way_to_the_price_anyone_pays() -> None:
    markup = jsonld(
        {"@type": "Product", "name": "Compact Drill Kit", "offers": {"price": "129.00", "priceCurrency": "USD"}}
    )
    html = f"""<html lang="en"><head><title>Compact Drill Kit</title>{markup}</head><body><main>
      <h1>Compact Drill Kit</h1><div id="pdp-pricing"><div class="price-title">Regular Price</div>
      <div class="price-row"><div class="price">$159.00</div></div>
      <div class="rewards"><a href="/user/login">Sign In / Join</a>
      <div class="offer"><span class="rewards-amt">$30.00 off</span> Ace Rewards Exclusive</div>
      <div class="offer-price"><strong>$129.00</strong></div></div></div>
      <button class="add-to-cart">Add to Cart</button></main></body></html>"""
    result = extract_structured(html, "https://www.acehardware.example/departments/tools/2385458")
    assert (result.price, result.regular_price) == (Decimal("159.00"), None)
