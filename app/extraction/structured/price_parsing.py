"""Price strings to (Decimal, ISO-4217) with price-parser's number and symbol rules, plus the fixes shop pages need.

Over plain price-parser: a string with several amounts ("Was $120 Now $60", "50 - $2.00 100 - $2.75") yields the
current one, not the first; "$119. 95" is one amount; "1.500" is 1.5 in a three-decimal currency (KWD);
dates, percentages, measurements and savings are not prices; symbols become ISO codes using the page locale
($ on a .ca page is CAD); machine values from markup ("34.000" on a decimal-comma page) are read as the page meant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from price_parser import Price
from price_parser.parser import extract_currency_symbol, parse_number

from app.extraction.structured.currency import (
    PageLocale,
    is_currency_symbol,
    is_shared_symbol,
    minor_unit_digits,
    to_iso_currency,
)
from app.extraction.structured.models import ParsedPrice
from app.extraction.structured.stock_words import SAVING_WORDS

MAX_AMOUNT = Decimal("1000000000")
_MONEY_PLACES = 4
_MAX_TEXT = 300

# One amount: "119. 95" (a stray space after the point), "1 298,00" or "2 999,000" (space-grouped; three decimals
# in TND, KWD…), else digits with . , '.
_NUMBER = re.compile(
    r"\d[\d.,']*[.,] \d{2}(?![\d.,])"
    r"|\d{1,3}(?:[ ]\d{3})+(?:[.,]\d{1,3})?(?![\d.,])"
    r"|\.?\d(?:[\d.,']*\d)?"
)
# Labels right before an amount (a currency symbol may sit between): "Now $52", "por R$ 149,90", "Current bid $450".
_CURRENT = re.compile(
    r"\b(?:now|sale|our price|you pay|special|deal|offer|price|jetzt|nur|ahora|agora|por|voor|maintenant|prezzo"
    r"|current bid|winning bid|high bid)\b[\s:]*(?:[^\d\s]{1,4}\s*)?$",
    re.I,
)
# Labels of a price the product sold at before: "Was $69", "De R$ 199,90", "原价 ¥299".
_FORMER = re.compile(
    r"\b(?:was|reg|regular|list|msrp|rrp|orig|original|compare|before|retail|uvp|statt|antes|avant|value"
    r"|consigliato|listino)\b|\b(?:de|van)\b[\s:]*(?:[^\d\s]{1,4}\s*)?$"
    r"|原价|原價|定価|通常価格|参考価格|希望小売価格|정가|시중가|ราคาปกติ|giá gốc|harga normal|السعر الأصلي|מחיר קודם",
    re.I,
)
# An amount after a saving's words is the discount: "You save $20", "Sie sparen 10,00 €", "%5 İndirim 6,50 TL".
_SAVING = re.compile(r"\b(?:off|discount|[iİ]ndirim)\b|" + SAVING_WORDS, re.I)
_NOT_A_PRICE_AFTER = re.compile(
    r"^\s*(?:%|percent|x\b|(?-i:ft)\b|feet|in\b|inch|cm\b|mm\b|m\b|km\b|kg\b|g\b|lbs?\b|oz\b|ml\b|liter|litre|"
    r"items?\b|pcs\b|pieces|pack\b|reviews?|ratings?|stars?|sold|left\b|in stock|available|off\b(?!-)"
    r"|raten\b|rate\b|cuotas|parcelas|installments?|instalments?|payments|mensualités|meses\b|months?\b)",
    re.I,
)
# A monthly amount ("1,17 € mtl.", "$45/mo", "29 000 ₫/tháng"): a subscription's price, or an instalment when
# the text speaks of financing.
_MONTHLY_AFTER = re.compile(
    r"^\s*(?:[^\w\s]{1,3}|[A-Za-z]{1,3}\b)?\s*(?:mtl\b|monatl|/\s*monat|im monat|pro monat|per month|a month|/\s*mo\b"
    r"|/\s*month|monthly|/\s*mth|par mois|/\s*mois|al mese|/\s*mese|al mes\b|/\s*mes\b|por mes|ao mês|/\s*mês"
    r"|в месяц|/\s*мес|/\s*月|/\s*월|/\s*bulan|/\s*tháng|/\s*ay\b|aylık|miesięcznie|/\s*mies|měsíčně|havonta)",
    re.I,
)
_FINANCING = re.compile(
    r"raten|cuotas|parcelas|\d\s*x\s*(?:de|of)\b|installments?|instalments?|financ|affirm|klarna|afterpay"
    r"|\bapr\b|zinsen|juros|inter[eé]s|mensualités|ratenzahlung|a rate\b",
    re.I,
)
# Instalments, not the price: "10x de R$ 35,97", "12 cuotas de $ 1.000"
_INSTALMENT_BEFORE = re.compile(
    r"(?:(?:^|\b)x\s*(?:de|of)|(?:raten|rate|cuotas|parcelas|installments?|instalments?|payments|mensualités)"
    r"\s*(?:de|of|à|a|von|da|je))\s*(?:[^\d\s]{1,4}\s*)?$",
    re.I,
)
RANGE_JOIN = re.compile(r"\s*(?:-|–|—|~|～|to|bis|à|a|al|até|do|до)\s*", re.I)
_DATE = re.compile(
    r"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{1,2}-\d{1,2}\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}\b",
    re.I,
)
# Arabic-Indic, Persian, Devanagari and Bengali digits, and the Arabic decimal and thousands separators
# (sixty-eight riyals seventy written in Arabic-Indic digits with U+066B is 68.70 SAR).
_WESTERN_DIGITS = str.maketrans(
    {
        **{chr(zero + digit): str(digit) for zero in (0x0660, 0x06F0, 0x0966, 0x09E6) for digit in range(10)},
        "\u066b": ".",
        "\u066c": ",",
    }
)
# Whole units written with a dash for the cents: "20 890,-" (CZK), "CHF 49.-" (or an en dash), "kr 199:-" (SEK).
_DASHED_CENTS = re.compile(r"(?<=\d)[.,:][-–—]{1,2}(?![\d-])")
_EURO_AS_DECIMAL_POINT = re.compile(r"\d\s*€\s?\d{2}(?!\d)")  # "35€ 99": price-parser reads these itself
_PLAIN_DECIMAL = re.compile(r"^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$")
_GROUPED_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
_SYMBOLS_THAT_DEFER = {"£", "￡", "pound"}  # a shared symbol, but far more specific than a conflicting code


@dataclass(frozen=True, slots=True)
class _Amount:
    number: str
    symbol: str | None
    symbol_first: bool
    rank: int


def parse_price(text: str | None, *, currency_hint: str | None = None, locale: PageLocale | None = None) -> ParsedPrice:
    """The current price in a visible price string: amount and ISO-4217 currency, each None when not found.

    `currency_hint` is a nearby code or symbol (e.g. markup's priceCurrency); `locale` resolves shared symbols.
    """
    hinted = to_iso_currency(extract_currency_symbol(currency_hint, None) or currency_hint, locale)
    text = _DASHED_CENTS.sub("", " ".join((text or "")[:_MAX_TEXT].translate(_WESTERN_DIGITS).split()))
    if not text:
        return ParsedPrice(None, hinted)
    if text.count("€") == 1 and _EURO_AS_DECIMAL_POINT.search(text):
        return ParsedPrice(_sane(Price.fromstring(text).amount), "EUR")
    amounts = _amounts(text)
    if not amounts:
        amount = Decimal(0) if "free" in text.lower() else None
        return ParsedPrice(amount, hinted or to_iso_currency(extract_currency_symbol(text, None), locale))
    chosen = min(amounts, key=lambda amount: amount.rank)  # the first of the best-ranked
    symbol = chosen.symbol or next((amount.symbol for amount in amounts if amount.symbol), None)
    from_text = to_iso_currency(symbol, locale)
    defer_to_hint = is_shared_symbol(symbol) and symbol.strip().casefold() not in _SYMBOLS_THAT_DEFER  # type: ignore[union-attr]
    currency = hinted if hinted and (from_text is None or defer_to_hint) else from_text
    if chosen.symbol is None and _DATE.search(text):
        return ParsedPrice(None, currency)
    number = chosen.number.replace("'", "")
    if number.startswith(".") and any(char in ".," for char in number[1:]):
        number = number[1:]  # "$.750.30": a stray leading point
    return ParsedPrice(_sane(parse_number(number, _decimal_separator(number, currency))), currency)


def parse_markup_price(
    value: object, *, currency: str | None = None, locale: PageLocale | None = None
) -> Decimal | None:
    """A machine-readable price (JSON-LD, microdata, meta content): a number, or a string meant as one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        try:
            return _sane(Decimal(repr(value)))
        except InvalidOperation:
            return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if _GROUPED_THOUSANDS.match(text) and _reads_dot_as_grouping(currency, locale):
        return _sane(Decimal(text.replace(".", "")))
    if _PLAIN_DECIMAL.match(text):
        return _sane(Decimal(text))
    return parse_price(text, currency_hint=currency, locale=locale).amount


def to_money(amount: Decimal) -> Decimal:
    """An amount as the API stores money: at most 4 decimal places ("34.992001" -> "34.9920")."""
    if amount.as_tuple().exponent < -_MONEY_PLACES:  # type: ignore[operator]
        return amount.quantize(Decimal(1).scaleb(-_MONEY_PLACES), rounding=ROUND_HALF_UP)
    return amount


def _reads_dot_as_grouping(currency: str | None, locale: PageLocale | None) -> bool:
    """'34.000' in markup means thirty-four thousand for whole-unit currencies and decimal-comma locales."""
    digits = minor_unit_digits(currency)
    if digits is not None:
        return digits == 0
    return bool(locale and locale.uses_decimal_comma)


_QUANTITY_RANK = 6  # below every amount with a sign, whatever its label ("Unit price To 9 €12.95")


def _amounts(text: str) -> list[_Amount]:
    """Each amount in the text with the currency symbol beside it and a rank (lower = more likely current)."""
    matches = list(_NUMBER.finditer(text))
    found: list[tuple[re.Match[str], str | None, bool, int]] = []
    financing = _FINANCING.search(text) is not None
    for index, match in enumerate(matches):
        before = text[matches[index - 1].end() if index else 0 : match.start()]
        after = _after(text, matches, index)
        symbol_before, symbol_after = _symbol_before(before), _symbol_after(after)
        if symbol_after and index + 1 < len(matches) and _prefixes_next(after, text, matches, index):
            symbol_after = None  # "To 9 €12.95 From 10 €11.50": the sign is the next amount's, written against it
        if not symbol_after and _NOT_A_PRICE_AFTER.match(after):
            continue
        if _SAVING.search(before[-20:]) or _INSTALMENT_BEFORE.search(before[-30:]):
            continue
        if financing and _MONTHLY_AFTER.match(after):
            continue  # "oder 1,17 € mtl. in 12 Raten"; a plain "$15.95/mo" is a subscription's price
        label = before[-25:]
        rank = 2 if _FORMER.search(label) else 0 if _CURRENT.search(label) else 1
        found.append((match, _prefer_code(symbol_before, symbol_after), bool(symbol_before), rank))
    prefix_style = any(symbol_first for _, _, symbol_first, _ in found)
    amounts = []
    for index, (match, symbol, symbol_first, label_rank) in enumerate(found):
        # With prefix symbols ("50 - $2.00") a bare number is a quantity. A suffix symbol is shared by the start
        # of a range ("26 to 50 €"), not by a number in other words ("10/26 … 3,209円").
        following = found[index + 1] if index + 1 < len(found) else None
        shares_suffix = (
            following is not None
            and following[1] is not None
            and RANGE_JOIN.fullmatch(text[match.end() : following[0].start()]) is not None
        )
        bare = 0 if symbol else _QUANTITY_RANK if prefix_style else 0 if shares_suffix else 1
        rank = label_rank * 2 + bare
        if not re.search(r"[1-9]", match.group(0)):
            rank += 10  # "Now: $0.00" is a placeholder, not the price
        amounts.append(_Amount(match.group(0), symbol, symbol_first, rank))
    return amounts


def _prefer_code(before: str | None, after: str | None) -> str | None:
    """'$1,190.00 AUD': the code names the currency the shared symbol only hints at."""
    if before and after and is_shared_symbol(before) and not is_shared_symbol(after):
        return after
    return before or after


def _after(text: str, matches: list[re.Match[str]], index: int) -> str:
    """The text between an amount and the next one (or the end)."""
    return text[matches[index].end() : matches[index + 1].start() if index + 1 < len(matches) else len(text)]


def _prefixes_next(between: str, text: str, matches: list[re.Match[str]], index: int) -> bool:
    """The text between two amounts is one currency sign set apart from the first and written against the second,
    which has no sign after it, and the text writes that sign against other amounts too: "To 9 €12.95 From 10
    €11.50", not "24,90 €29,90 €" or "99 ₽119" (an old price in its own element)."""
    sign = between.strip(" :")
    if not (between[:1].isspace() and not between[-1:].isspace() and _symbol_before(between) == sign):
        return False
    written_before = sum(1 for match in matches if text.endswith(sign, 0, match.start()))
    return written_before >= 2 and _symbol_after(_after(text, matches, index + 1)) is None


def _symbol_before(before: str) -> str | None:
    """The longest currency symbol ending right before an amount ('$', 'US $', 'CAN$', 'EUR')."""
    before = before.rstrip()
    for length in range(min(6, len(before)), 0, -1):
        candidate = before[-length:]
        starts_mid_word = candidate[0].isalpha() and length < len(before) and before[-length - 1].isalpha()
        if not starts_mid_word and _written_as_symbol(candidate):
            return candidate.strip(" :")
    return None


def _symbol_after(after: str) -> str | None:
    """The longest currency symbol right after an amount ('€', 'kr', 'USD', 'zł')."""
    after = after.lstrip()
    for length in range(min(6, len(after)), 0, -1):
        candidate = after[:length]
        ends_mid_word = candidate[-1].isalpha() and length < len(after) and after[length].isalpha()
        if not ends_mid_word and _written_as_symbol(candidate):
            return candidate.strip(" :")
    return None


def _written_as_symbol(candidate: str) -> bool:
    stripped = candidate.strip(" :")
    return bool(stripped) and is_currency_symbol(stripped)


def _decimal_separator(number: str, currency: str | None) -> str | None:
    """Which of . and , is the decimal point, when price-parser's guess would be wrong or impossible."""
    separators = [char for char in number if char in ".,"]
    if len(set(separators)) == 2:
        return separators[-1]  # "123,456.789": the last kind is the decimal point
    if len(separators) == 1 and " " in number:
        return separators[0]  # "2 999,000": grouped by spaces, so the comma is the decimal point
    if len(separators) == 1 and len(number.rpartition(separators[0])[2].strip()) == 3:
        # "1.500": thousands, unless the currency counts in thousandths
        return separators[0] if minor_unit_digits(currency) == 3 else None
    return None


def _sane(amount: Decimal | None) -> Decimal | None:
    """A price a shop could charge (finite, not negative, below a billion), in plain notation ("100", not "1E+2")."""
    if amount is None or not amount.is_finite() or amount < 0 or amount >= MAX_AMOUNT:
        return None
    return Decimal(format(amount, "f"))


def signed_amounts(text: str, locale: PageLocale | None = None) -> list[tuple[Decimal, str | None]]:
    """Every amount written with a currency sign in a text, in order, with its currency (savings and
    instalments left out): "Rp459.000 Rp229.000 -50%" -> [(459000, IDR), (229000, IDR)]."""
    text = _DASHED_CENTS.sub("", " ".join(text[:_MAX_TEXT].translate(_WESTERN_DIGITS).split()))
    found = []
    for amount in _amounts(text):
        if amount.symbol is None:
            continue
        currency = to_iso_currency(amount.symbol, locale)
        number = amount.number.replace("'", "")
        value = _sane(parse_number(number, _decimal_separator(number, currency)))
        if value is not None and value > 0:
            found.append((value, currency))
    return found
