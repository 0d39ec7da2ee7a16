"""A sale the page shows only by its numbers: the old price, the new one and the percentage between them
("Rp459.000 Rp229.000 -50%", "₹15,199 ₹24,499 38% off"). Many shops strike the old price with a generated class
name only, so nothing but this arithmetic tells which amount is the old one."""

from __future__ import annotations

import re
from decimal import Decimal

from lxml import etree

from app.extraction.structured.currency import PageLocale
from app.extraction.structured.price_parsing import signed_amounts

_PERCENT = re.compile(r"(?<![\d.,])(\d{1,2}(?:[.,]\d)?)\s*%|%\s*(\d{1,2})(?![\d.,])")  # "-50%", "38% off", "%20"
_MAX_TEXT = 300  # characters of a price block; a longer text is more than the buy box's price
_LEVELS = 4  # the amount, its wrapper, the row with the badge, the box with the old price (VTEX)
# A badge rounds its percentage to a whole number, or cuts it: "38% off" for 38.78 %.
_ROUNDED = Decimal("0.6")
_FLOORED = Decimal(1)


def sale_with_regular(element: etree._Element, amount: Decimal, locale: PageLocale) -> tuple[Decimal, Decimal] | None:
    """(sale, regular) when the price block around `element` shows `amount` as one of two prices that a
    percentage shown beside them links: sale = regular x (1 - percent / 100)."""
    node = element
    for _ in range(_LEVELS):
        text = _spaced_text(node)
        if text is None:
            return None
        percents = [Decimal((match.group(1) or match.group(2)).replace(",", ".")) for match in _PERCENT.finditer(text)]
        if percents:
            pair = _linked_pair(amount, signed_amounts(text, locale), percents)
            if pair is not None:
                return pair
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return None
        node = parent
    return None


def _linked_pair(
    amount: Decimal, amounts: list[tuple[Decimal, str | None]], percents: list[Decimal]
) -> tuple[Decimal, Decimal] | None:
    currencies = dict(reversed(amounts))  # the first currency written with each amount
    if amount not in currencies:
        return None
    others = {value for value, found in amounts if value != amount and found == currencies[amount]}
    for percent in percents:
        if not 0 < percent < 100:
            continue
        for other in sorted(others):
            sale, regular = (amount, other) if other > amount else (other, amount)
            off = (1 - sale / regular) * 100
            if -_ROUNDED <= off - percent < _FLOORED:
                return sale, regular
    return None


def _spaced_text(node: etree._Element) -> str | None:
    """The node's text with a space between its elements' texts ("₹15,199" "₹24,499" stay apart), or None when it
    is longer than a price block."""
    parts: list[str] = []
    size = 0
    for piece in node.itertext():
        size += len(piece)
        if size > _MAX_TEXT:
            return None
        parts.append(piece)
    return " ".join(parts)
