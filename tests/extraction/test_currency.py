"""Currency symbols and codes to ISO-4217, with the page's locale deciding the shared symbols."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.extraction.structured import PageLocale, extract_structured, page_locale, parse_price, to_iso_currency
from app.extraction.structured.currency import local_currency


@pytest.mark.parametrize(
    ("symbol", "code"),
    [
        ("€", "EUR"),
        ("usd", "USD"),
        (" EUR ", "EUR"),
        ("US$", "USD"),
        ("zł", "PLN"),
        ("Kč", "CZK"),
        ("R$", "BRL"),
        ("₹", "INR"),
        ("CAD $", "CAD"),
        ("元", "CNY"),
        ("£", "GBP"),
        ("¥", "JPY"),
        ("Ft", "HUF"),
        ("تومان", "IRR"),  # the toman (ten rials) has no code of its own: tomans read as IRR, digits as shown
        ("IRT", "IRR"),  # the toman's unofficial code, in the markup of WooCommerce shops
        ("ریال", "IRR"),  # the Persian spelling; the Arabic one (ريال) is several countries' riyal
        ("ج.م", "EGP"),  # the Arabic abbreviations, written with or without the last point and a direction mark
        ("د.م.", "MAD"),
        ("L.E", "EGP"),  # livre égyptienne, as Egyptian shops write the pound in Latin letters
        ("LE", "EGP"),
        ("ر.س.\u200f", "SAR"),
    ],
)
def test_symbols_that_name_one_currency(symbol: str, code: str) -> None:
    assert to_iso_currency(symbol) == code


@pytest.mark.parametrize("symbol", [None, "", "kr", "xyz", "ft", "L"])
def test_unknown_or_too_ambiguous_symbols_give_no_currency(symbol: str | None) -> None:
    assert to_iso_currency(symbol) is None


@pytest.mark.parametrize(
    ("symbol", "locale", "code"),
    [
        ("$", PageLocale("en", "US"), "USD"),
        ("$", PageLocale("en", "CA"), "CAD"),
        ("$", PageLocale("en", "AU"), "AUD"),
        ("$", PageLocale("es", "MX"), "MXN"),
        ("$", PageLocale("es", None), None),  # a Spanish page without a country: pesos more often than dollars
        ("kr", PageLocale("sv", "SE"), "SEK"),
        ("kr.", PageLocale("da", "DK"), "DKK"),
        ("kr", PageLocale("nb", "NO"), "NOK"),
        ("¥", PageLocale("zh", "CN"), "CNY"),
        ("£", PageLocale("ar", "EG"), "EGP"),
        ("Rs", PageLocale("en", "PK"), "PKR"),
        ("元", PageLocale("zh", "TW"), "TWD"),  # "2,490元" on a Taiwanese shop is New Taiwan dollars
        ("元", PageLocale("zh", "CN"), "CNY"),
        ("درهم", PageLocale("ar", "AE"), "AED"),  # currency words written after the amount on Arabic pages
        ("درهم", PageLocale("ar", "MA"), "MAD"),
        ("DH", PageLocale("fr", "MA"), "MAD"),
        ("ريال", PageLocale("ar", "SA"), "SAR"),
        ("ريال", PageLocale("ar", "QA"), "QAR"),
        ("ريال", PageLocale("ar", None), None),  # Saudi, Qatari, Omani or Yemeni: too ambiguous alone
        ("جنيه", PageLocale("ar", "EG"), "EGP"),
        ("دينار", PageLocale("ar", "KW"), "KWD"),
        ("MN", PageLocale("es", "MX"), "MXN"),  # moneda nacional, as Mexican shops and portals write the peso
        ("M.N.", PageLocale("es", "MX"), "MXN"),
        ("MN", PageLocale("en", "US"), None),  # Minnesota
    ],
)
def test_shared_symbols_follow_the_page_country(symbol: str, locale: PageLocale, code: str | None) -> None:
    assert to_iso_currency(symbol, locale) == code


def test_page_locale_from_tld_and_tags() -> None:
    assert page_locale("https://www.amazon.co.uk/dp/1", "en-GB") == PageLocale("en", "GB", "GB")
    assert page_locale("https://shop.example.se/p/1", None, "sv_SE") == PageLocale("sv", "SE", "SE")
    # a ccTLD beats a boilerplate lang="en-US"
    assert page_locale("https://www.example.ca/p/1", "en-US").country == "CA"
    # generic-use ccTLDs (.co, .io) say nothing; the tag does
    assert page_locale("https://brand.co/p/1", "es-CO").country == "CO"
    assert page_locale("https://brand.io/p/1", "en").country is None
    # a language alone names the country where that is unambiguous
    assert page_locale("https://example.com/", "da").country == "DK"
    assert page_locale("not a url", "garbage!!") == PageLocale(None, None)
    # Facebook's "ar_AR" is Arabic anywhere, not Argentina
    assert page_locale("https://shop.example.com/", "ar", "ar_AR").tagged_country is None


def test_a_page_without_any_sign_prices_in_the_currency_of_its_domain_or_locale() -> None:
    assert local_currency("https://www.example.de/p/1") == "EUR"
    assert local_currency("https://www.bol.com/nl/nl/p/x/1/") is None  # .com names no country
    assert local_currency("https://www.bol.com/nl/nl/p/x/1/", page_locale("https://www.bol.com/", "nl-NL")) == "EUR"
    # a country guessed from the language alone ("ko", maybe from a mis-decoded title) names no currency
    assert local_currency("https://www.example.com/p/1", page_locale("https://www.example.com/", "ko")) is None


def test_decimal_comma_locales() -> None:
    assert PageLocale("de", "DE").uses_decimal_comma
    assert PageLocale("id", "ID").uses_decimal_comma
    assert not PageLocale("de", "CH").uses_decimal_comma  # Swiss prices: 1'234.50
    assert not PageLocale("es", "MX").uses_decimal_comma
    assert not PageLocale("en", "US").uses_decimal_comma


@pytest.mark.parametrize(
    ("title", "currency"),
    [
        ("乳白亚克力外壳 60%键盘外壳-淘宝网", "CNY"),  # Chinese characters alone: yuan
        ("マリオカート ライブ ホームサーキット", "JPY"),  # kana: yen
        ("獺祭 純米大吟醸 720ml｜日本酒通販", "JPY"),  # all kanji, but the page's text is full of kana
        ("日本进口零食 日本の味 抹茶饼干", "CNY"),  # a Chinese shop quoting a Japanese brand's one kana
    ],
)
def test_a_page_declaring_no_language_reads_the_yen_sign_by_its_titles_script(title: str, currency: str) -> None:
    button = "カートに入れる。こちらの商品はお取り寄せとなります" if currency == "JPY" else "立即购买"
    html = f"""<html><head><title>{title}</title></head><body><h1>{title}</h1>
      <div class="price">¥799.00</div><button class="buy-now">{button}</button></body></html>"""
    result = extract_structured(html, "https://item.shop.example.com/item.htm?id=562283240178")
    assert (result.price, result.currency) == (Decimal("799.00"), currency)


def test_a_lower_case_le_is_a_french_article_not_the_egyptian_pound() -> None:
    assert to_iso_currency("le") is None


def test_a_q_is_the_quetzal_only_on_guatemalan_pages() -> None:
    assert parse_price("Q 1,299.00", locale=page_locale("https://www.tienda.com.gt/p/1", "es")).currency == "GTQ"
    assert parse_price("Q4 2026", locale=page_locale("https://www.bayut.com/property/1.html", "en")).currency is None
