"""Prices only some buyers pay: a store card's, a member's. Shops in Latin America and Eastern Europe show them
first and largest ("$ 299.990 Tarjeta CMR" above "$ 349.990 Internet", "17 490 ₽ c Ozon Картой" above
"18 999 ₽ без Ozon Карты"); the product's price is the one anyone pays."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from itertools import islice

from lxml import etree

from app.extraction.structured.document import element_text
from app.extraction.structured.visible import PriceCandidate

_ROW_LEVELS = 3  # ancestors of a price element that may still be its own row (label, icon, amount)
_ROW_TEXT = 160
_NEARBY = 8  # price elements between the card price and the open one in the same price block
# A label naming the card or membership a price needs. Word starts only: "tarjeta" inside "tarjetas regalo" does
# not occur beside a price row, and a bare "card" is left out (product "cards" and Bootstrap's .card are everywhere).
_CONDITION = re.compile(
    r"\b(?:tarjeta|cmr|cart[ãa]o\b|картой|по\s+карте|с\s+картой|with\s+(?:the\s+)?(?:\w+\s+)?card\b"
    r"|card\s+price|member(?:s|ship)?(?:'s)?\s+price|members?\s+only|for\s+members|club\s+price|precio\s+socio"
    r"|prix\s+(?:adh[ée]rent|carte)|avec\s+la\s+carte|mit\s+(?:der\s+)?(?:\w+\s+)?karte\b|mitgliederpreis"
    r"|z\s+kart[aą]|cena\s+klubowa|con\s+(?:la\s+)?carta\b|prezzo\s+soci"
    r"|clubcard\s+prices?|nectar\s+prices?|rewards?\s+(?:exclusive|price))",
    re.IGNORECASE,
)
# "без Ozon Карты", "sin tarjeta", "sem cartão", "non-member price": the price without the card.
_WITHOUT = re.compile(r"\b(?:sin|sem|без|without|ohne|sans|senza|bez|non)\s+(?:\S+\s+)?$", re.IGNORECASE)


def open_price_instead(best: PriceCandidate, candidates: Sequence[PriceCandidate]) -> PriceCandidate:
    """`best`, or the higher price beside it that anyone pays when `best` is labelled as a card or member price."""
    if not _needs_condition(best, candidates):
        return best
    alternatives = [
        candidate
        for candidate in candidates
        if candidate is not best
        and not candidate.former
        and abs(candidate.order - best.order) <= _NEARBY
        and candidate.amount > best.amount
        and (best.currency is None or candidate.currency in (None, best.currency))
        and not _needs_condition(candidate, candidates)
    ]
    return min(alternatives, key=lambda candidate: abs(candidate.order - best.order), default=best)


def shown_as_conditional(amount: Decimal, candidates: Sequence[PriceCandidate]) -> bool:
    """Whether the page shows the amount only as a card or member price."""
    showing = [candidate for candidate in candidates if candidate.amount == amount and not candidate.former]
    return bool(showing) and all(_needs_condition(candidate, candidates) for candidate in showing)


def _needs_condition(candidate: PriceCandidate, candidates: Sequence[PriceCandidate]) -> bool:
    row = _price_row(candidate, candidates)
    # the row's text, its images' alt text (a card's logo) and its data attributes' names ("data-cmr-price")
    words = [element_text(row, _ROW_TEXT)]
    for element in islice(row.iter(), 40):
        if isinstance(element.tag, str):
            words.extend(str(name) for name in element.attrib if str(name).startswith("data-"))
            words.append(element.get("alt") or "")
    text = " ".join(words).replace("-", " ")
    return any(not _WITHOUT.search(text, 0, match.start()) for match in _CONDITION.finditer(text))


def _price_row(candidate: PriceCandidate, candidates: Sequence[PriceCandidate]) -> etree._Element:
    """The largest ancestor (a few levels up) that holds no other current price: the price with its own label."""
    others = [
        other.element
        for other in candidates
        if other is not candidate and not other.former and abs(other.order - candidate.order) <= _NEARBY
    ]
    row = candidate.element
    for ancestor in islice(candidate.element.iterancestors(), _ROW_LEVELS):
        if any(ancestor in other.iterancestors() for other in others):
            break
        row = ancestor
    return row
