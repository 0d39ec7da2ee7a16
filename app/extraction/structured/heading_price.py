"""The price written in the page's text, for pages whose price element has no "price" in its class or id
(utility-class CSS, hashed CSS-module names, many Asian, marketplace and classified-ad layouts).

Read only when the page has no price element at all (a page that has some, all rejected as related products or
shipping costs, keeps no price): the first short text below the <h1> that is an amount with a currency, not struck
through, within a bounded number of elements. A page that keeps no price element may still label its price: the
amount right after a "Price:" label.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from lxml import etree

from app.extraction.structured.card_price import open_price_instead
from app.extraction.structured.currency import PageLocale
from app.extraction.structured.document import attribute_words, element_text
from app.extraction.structured.price_element_text import FORMER, STRUCK_TAGS, TAX_INCLUDED
from app.extraction.structured.price_parsing import parse_price
from app.extraction.structured.stock_words import ESTIMATE_LABEL, PRICE_WORD
from app.extraction.structured.visible import PriceCandidate, labelled_former

_MAX_ELEMENTS_AFTER_HEADING = 250
_MAX_PRICE_CHARS = 32
_MAX_LETTERS = 6  # "Price: 19,90 €", "税込 ¥1,980", "19.900원": a few letters at most
_SKIPPED_TAGS = {"script", "style", "noscript", "template", "select", "option", "del", "s", "strike", "button"}
_OUTSIDE_THE_PRODUCT = {"footer", "nav", "aside"}
# "Price:" as a label of its own, in the languages of the shops and classifieds we read; and an auction's bid, the
# price a bidder pays now ("Current bid", "Starting bid"; never the "Estimate" beside it).
_PRICE_LABEL = re.compile(
    rf"^(?:{PRICE_WORD}|our price|fiyatı|ár|hinta|pris|τιμή|מחיר|السعر|ფასი|販売価格|售价|售價|판매가|giá bán"
    r"|(?:current|starting|opening|high|highest|winning) bid|aktuelles gebot|höchstgebot|startgebot|startpreis"
    r"|enchère actuelle|mise à prix|puja actual|puja inicial|precio de salida|lance atual|lance inicial"
    r"|offerta attuale|prezzo di partenza|huidig bod|hoogste bod|startbod|aktualna oferta|cena wywoławcza"
    r"|aktuální příhoz|vyvolávací cena|текущая ставка|стартовая цена|поточна ставка|現在価格|開始価格|当前价"
    r"|起拍价|현재가|시작가)\s*[:：]?$",
    re.IGNORECASE,
)
_MAX_LABEL_CHARS = 20
_MAX_ELEMENTS_TO_TAX_NOTE = 3
_MAX_ELEMENTS_SCANNED = 20_000
_MAX_ELEMENTS_AFTER_LABEL = 8
_AMOUNTS_FOR_A_CARD_PRICE = 3  # the first amount and the ones that may be the price without the card


def price_after_heading(heading: etree._Element, order: int, locale: PageLocale) -> PriceCandidate | None:
    """The first amount-with-currency in the elements following `heading` in document order (the next one when
    the first is a store card's or member's price)."""
    amounts = list(islice(_amounts_after_heading(heading, order, locale), _AMOUNTS_FOR_A_CARD_PRICE))
    return open_price_instead(amounts[0], amounts) if amounts else None


def _amounts_after_heading(heading: etree._Element, order: int, locale: PageLocale) -> Iterator[PriceCandidate]:
    for seen, element in enumerate(_following(heading)):
        if seen >= _MAX_ELEMENTS_AFTER_HEADING or element.tag == "h1":  # an h1: the next product's heading
            return
        if not isinstance(element.tag, str) or element.tag in _SKIPPED_TAGS:
            continue
        text = _short_number_text(element)
        if not text or _estimate(element, text) or labelled_former(element, text):
            continue
        candidate = _amount(element, text, order + 1, locale)
        if candidate is not None and (candidate.currency is not None or _tax_note_after(element)):
            yield candidate  # a bare amount with "inkl. MwSt." after it: its currency is the page's country's


def _tax_note_after(element: etree._Element) -> bool:
    """The next text after the element says the tax is included ("1189,99" then "inkl. MwSt., kostenloser …")."""
    for following in islice(_following(element), _MAX_ELEMENTS_TO_TAX_NOTE):
        if text := element_text(following, _MAX_LABEL_CHARS):
            return TAX_INCLUDED.match(text) is not None
    return False


def price_after_label(root: etree._Element, locale: PageLocale) -> PriceCandidate | None:
    """The first amount written right after a "Price:" label, its currency possibly left to the page's country.
    Read only when the page keeps no price element: classified ads and little-markup pages label their price."""
    for seen, element in enumerate(root.iter(etree.Element)):
        if seen >= _MAX_ELEMENTS_SCANNED:
            return None
        own = (element.text or "").strip()
        if not own or len(own) > _MAX_LABEL_CHARS or element.tag in _SKIPPED_TAGS or not _PRICE_LABEL.match(own):
            continue
        tail = (element.tail or "").strip()
        if tail:  # the amount written right after the label's element ("<span class=sr-only>Price:</span>£24.65")
            parent = element.getparent()
            candidate = _amount(parent, tail, 0, locale) if parent is not None and _short(tail) else None
            if candidate is not None:
                return candidate
            continue
        for step, following in enumerate(_following(element)):
            if step >= _MAX_ELEMENTS_AFTER_LABEL:
                break
            if not isinstance(following.tag, str) or following.tag in _SKIPPED_TAGS:
                continue
            if text := _short_number_text(following):
                candidate = _amount(following, text, 0, locale)
                if candidate is not None:
                    return candidate
                if not len(following):  # a row of cells ("General €40.00 Sales Ended") is read cell by cell
                    break  # the label's value is something else ("on request", a struck price)
    return None


def _short_number_text(element: etree._Element) -> str | None:
    text = element_text(element, _MAX_PRICE_CHARS + 1)
    return text if _short(text) else None


def _short(text: str) -> bool:
    return bool(text) and len(text) <= _MAX_PRICE_CHARS and any(char.isdigit() for char in text)


def _estimate(element: etree._Element, text: str) -> bool:
    """An auction's estimate ("Est. $800 - $1,200", or the range after an "Estimate" label): nobody pays it."""
    if ESTIMATE_LABEL.match(text):
        return True
    previous = element.getprevious()
    label = element_text(previous, _MAX_LABEL_CHARS + 1) if previous is not None else ""
    return bool(label) and ESTIMATE_LABEL.match(label) is not None


def _amount(element: etree._Element, text: str, order: int, locale: PageLocale) -> PriceCandidate | None:
    """The amount a short text shows, unless it is words with a number or a struck-through price."""
    if sum(char.isalpha() for char in text) > _MAX_LETTERS or _struck(element):
        return None
    parsed = parse_price(text, locale=locale)
    if parsed.amount is None or parsed.amount <= 0:
        return None
    return PriceCandidate(
        amount=parsed.amount, currency=parsed.currency, order=order, former=False, current=False, element=element
    )


def _following(element: etree._Element) -> Iterator[etree._Element]:
    """Elements after `element` in document order (not its descendants), leaving out footers, navigation and
    asides with everything inside them."""
    node: etree._Element | None = element
    while node is not None:
        for sibling in node.itersiblings():
            yield from _subtree(sibling)
        node = node.getparent()


def _subtree(element: etree._Element) -> Iterator[etree._Element]:
    stack = [element]
    while stack:
        node = stack.pop()
        if node.tag in _OUTSIDE_THE_PRODUCT:
            continue
        yield node
        stack.extend(reversed(node))


def _struck(element: etree._Element) -> bool:
    node: etree._Element | None = element
    for _ in range(4):
        if node is None:
            return False
        words = attribute_words(node, "class", "id")
        if node.tag in STRUCK_TAGS or "line-through" in (node.get("style") or "") or FORMER.search(words):
            return True
        node = node.getparent()
    return False
