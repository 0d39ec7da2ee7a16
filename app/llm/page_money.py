"""Money amounts written on a page: numbers next to a currency marker, read in every plausible locale format."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from app.money import ISO_4217_CODES

# Symbols and local abbreviations -> the ISO-4217 codes they can stand for on a shop page.
_SYMBOLS: dict[str, frozenset[str]] = {
    "$": frozenset({"USD", "CAD", "AUD", "NZD", "HKD", "SGD", "MXN", "ARS", "CLP", "COP", "TWD"}),
    "US$": frozenset({"USD"}),
    "C$": frozenset({"CAD"}),
    "CA$": frozenset({"CAD"}),
    "A$": frozenset({"AUD"}),
    "AU$": frozenset({"AUD"}),
    "NZ$": frozenset({"NZD"}),
    "HK$": frozenset({"HKD"}),
    "S$": frozenset({"SGD"}),
    "MX$": frozenset({"MXN"}),
    "NT$": frozenset({"TWD"}),
    "R$": frozenset({"BRL"}),
    "€": frozenset({"EUR"}),
    "£": frozenset({"GBP"}),
    "¥": frozenset({"JPY", "CNY"}),
    "￥": frozenset({"JPY", "CNY"}),
    "円": frozenset({"JPY"}),
    "元": frozenset({"CNY"}),
    "₹": frozenset({"INR"}),
    "Rs": frozenset({"INR", "PKR", "LKR", "NPR"}),
    "Rs.": frozenset({"INR", "PKR", "LKR", "NPR"}),
    "₩": frozenset({"KRW"}),
    "₽": frozenset({"RUB"}),
    "руб": frozenset({"RUB"}),
    "руб.": frozenset({"RUB"}),
    "грн": frozenset({"UAH"}),
    "грн.": frozenset({"UAH"}),
    "원": frozenset({"KRW"}),
    "KD": frozenset({"KWD"}),
    "₺": frozenset({"TRY"}),
    "TL": frozenset({"TRY"}),
    "₪": frozenset({"ILS"}),
    "฿": frozenset({"THB"}),
    "₫": frozenset({"VND"}),
    "₱": frozenset({"PHP"}),
    "₴": frozenset({"UAH"}),
    "₦": frozenset({"NGN"}),
    "kr": frozenset({"SEK", "NOK", "DKK", "ISK"}),
    "kr.": frozenset({"SEK", "NOK", "DKK", "ISK"}),
    "Kr": frozenset({"SEK", "NOK", "DKK", "ISK"}),
    "zł": frozenset({"PLN"}),
    "Kč": frozenset({"CZK"}),
    "Ft": frozenset({"HUF"}),
    "lei": frozenset({"RON"}),
    "лв": frozenset({"BGN"}),
    "Fr.": frozenset({"CHF"}),
    "RM": frozenset({"MYR"}),
    "Rp": frozenset({"IDR"}),
    "S/": frozenset({"PEN"}),
}
# ISO codes that are also common upper-case words ("TOP 10", "ALL 3"): not evidence of money by themselves.
_CODES_THAT_ARE_WORDS = frozenset({"ALL", "TOP", "CUP", "MOP", "BOB", "PEN", "GEL", "MAD", "SOS"})
_MARKER_CODES = ISO_4217_CODES - _CODES_THAT_ARE_WORDS
THREE_DECIMAL_CURRENCIES = frozenset({"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"})


def _marker_pattern(marker: str) -> str:
    escaped = re.escape(marker)
    # Letters must not be glued to other letters ("kr" inside "krone" is not a marker).
    before = r"(?<![^\W\d_])" if marker[0].isalpha() else ""
    after = r"(?![^\W\d_])" if marker[-1].isalpha() else ""
    return before + escaped + after


_CODE_PATTERN = r"(?<![^\W\d_])[A-Z]{3}(?![^\W\d_])"  # filtered against _MARKER_CODES after matching
_MARKER = "|".join([*(_marker_pattern(symbol) for symbol in sorted(_SYMBOLS, key=len, reverse=True)), _CODE_PATTERN])
_MARKER_BEFORE = re.compile(r"(" + _MARKER + r")\s{0,2}$")
_MARKER_AFTER = re.compile(r"\s{0,2}(" + _MARKER + r")")
_MARKER_REACH = max(map(len, _SYMBOLS)) + 2
_NUMBER = re.compile(r"\d+(?:[.,'\u00a0\u202f ]\d+)*")
_SEPARATOR = re.compile(r"([.,'\u00a0\u202f ])")
_SPACE = re.compile(r"[\u00a0\u202f ]")
_MAX_NUMBER_CHARS = 40  # longer digit runs are tables or codes, and would make the space-splitting quadratic


@dataclass(frozen=True)
class MoneyMention:
    """One amount next to a currency marker: every value its digits can mean, and the currencies it can be."""

    amounts: frozenset[Decimal]
    currencies: frozenset[str]


def currencies_of(marker: str) -> frozenset[str]:
    return _SYMBOLS.get(marker, frozenset({marker}) if marker in _MARKER_CODES else frozenset())


def _grouped_thousands(groups: list[str], separators: list[str]) -> bool:
    if not separators:
        return True
    return len(set(separators)) == 1 and len(groups[0]) <= 3 and all(len(group) == 3 for group in groups[1:])


def readings(token: str, *, three_decimals: bool) -> set[Decimal]:
    """Every value a printed number can mean: 1,299.00 / 1.299,00 / 1 299 / 1299 -> 1299; 34.000 -> 34000."""
    parts = _SEPARATOR.split(token)
    groups, separators = parts[0::2], parts[1::2]
    if not separators:
        return {Decimal(token)}
    values: set[Decimal] = set()
    if _grouped_thousands(groups, separators):
        values.add(Decimal("".join(groups)))
    decimal_point, fraction = separators[-1], groups[-1]
    max_fraction = 3 if three_decimals else 2
    if (
        decimal_point in ".,"
        and decimal_point not in separators[:-1]
        and len(fraction) <= max_fraction
        and _grouped_thousands(groups[:-1], separators[:-1])
    ):
        values.add(Decimal("".join(groups[:-1]) + "." + fraction))
    return values


def _readings_near_marker(token: str, *, marker_after: bool, three_decimals: bool) -> set[Decimal]:
    # "Qty 2 19,99 €" glues two numbers with a space: also read the part that touches the marker.
    values = readings(token, three_decimals=three_decimals)
    for space in _SPACE.finditer(token):
        position = space.start()
        part = token[position + 1 :] if marker_after else token[:position]
        values |= readings(part, three_decimals=three_decimals)
    return values


def money_mentions(text: str) -> list[MoneyMention]:
    """Amounts written with a currency marker directly before or after them ("$1,299", "19,99 €", "EUR 5")."""
    mentions: list[MoneyMention] = []
    # Numbers are rarer than letters: find them first, then look a few characters either side for a marker.
    for number in _NUMBER.finditer(text):
        start, end = number.span()
        if end - start > _MAX_NUMBER_CHARS:
            continue
        sides = (
            (_MARKER_BEFORE.search(text, max(0, start - _MARKER_REACH), start), False),
            (_MARKER_AFTER.match(text, end, end + _MARKER_REACH), True),
        )
        for marker, marker_after in sides:
            currencies = currencies_of(marker.group(1)) if marker else frozenset()
            if not currencies:
                continue
            three_decimals = bool(currencies & THREE_DECIMAL_CURRENCIES)
            amounts = _readings_near_marker(number.group(), marker_after=marker_after, three_decimals=three_decimals)
            if amounts:
                mentions.append(MoneyMention(frozenset(amounts), currencies))
    return mentions
