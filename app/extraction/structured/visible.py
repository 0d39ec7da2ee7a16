"""What the page shows a person: the product heading, add-to-cart controls, price elements, stock messages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from lxml import etree

from app.extraction.structured.buy_controls import BUY_CONTROL
from app.extraction.structured.currency import PageLocale
from app.extraction.structured.document import PageFacts, attribute_words, element_text, site_of
from app.extraction.structured.price_elements import FORMER, HIDDEN, STRUCK_TAGS, shown_price_text
from app.extraction.structured.prices import parse_price
from app.extraction.structured.scan import PageScan

SOLD_OUT = re.compile(
    r"\b(?:out of stock|sold out|currently unavailable|no longer available|unavailable online|discontinued)\b"
    r"|ausverkauft|nicht mehr verfügbar|agotado|épuisé|rupture de stock|esaurito|uitverkocht"
    r"|slutsåld|udsolgt|utsolgt|brak w magazynie|нет в наличии|品切れ|在庫切れ|缺货|售罄",
    re.I,
)
IN_STOCK = re.compile(
    r"\b(?:in stock|available for (?:delivery|pickup|shipping)|ships (?:today|within|in \d)|only \d+ left)\b"
    r"|auf lager|sofort lieferbar|en stock|op voorraad|på lager|i lager|dostępny|в наличии|在庫あり",
    re.I,
)
# Words of class/id attributes (see attribute_words).
_CURRENT = re.compile(
    r" (?:sale|sales|now|special|current|final|offer|our|deal|promo\w*|reduced|your|pay|actual|selling|new"
    r"|discounted) "
)
_NOISE = re.compile(
    r" (?:related|recommend\w*|recs?|reco|similar|upsells?|cross sells?|crosssell\w*|carousel|recently|also"
    r"|mini cart|minicart|footer|sponsored|bundles?|accessor\w*|you may|complete the look|wishlist|rr|comparison"
    r"|p13n|certona|combo) "
)
_NOT_A_PRICE = re.compile(
    r" (?:shipping|delivery|installments?|monthly|month|finance|financing|save|saving|savings|tax|per|unit|total"
    r"|subtotal) "
)
_VARIANT_CONTEXT = re.compile(r" (?:size|sizes|swatch\w*|variant\w*|option\w*|colou?rs?) ")
# Labels written before the amount: "Now $52.00", "Was: $69.00".
_CURRENT_LABEL = re.compile(r"\W*(?:now|sale|special|our price|you pay|deal|today|price now|sale price)\b", re.I)
_FORMER_LABEL = re.compile(
    r"\W*(?:was|reg\.?|regular|list|orig\.?|original|compare at|before|msrp|rrp|retail|value)\b", re.I
)
_NOISE_LEVELS = 15
_GRID_LEVELS = 6
_GRID_MIN_TILES = 4
_MAX_PRICE_ELEMENTS = 400
_NOISE_TAGS = {"footer", "nav"}
_SKIPPED_TAGS = {"script", "style", "noscript", "template", "select", "option"}
MAX_PRICE_TEXT = 80
_MAX_BUY_BOX_NODES = 400
_MAX_ATTRIBUTE = 300
_MAX_STOCK_MESSAGE = 120
_BUY_BOX_LEVELS = 3


@dataclass(frozen=True, slots=True)
class PriceCandidate:
    amount: Decimal
    currency: str | None
    order: int  # position among the page's headings, buttons and price elements
    former: bool  # struck through or marked as the old price
    current: bool  # marked as the sale / current price
    element: etree._Element


@dataclass(frozen=True, slots=True)
class VisiblePage:
    headings: list[tuple[int, str]]  # (order, text) of each non-empty <h1>
    cart_controls: list[tuple[int, etree._Element]]  # outside related products and comparison tables
    prices: list[PriceCandidate]  # outside related products, footers, comparison tables


def read_visible_page(scan: PageScan, facts: PageFacts) -> VisiblePage:
    headings = [(order, text) for order, element in scan.headings if (text := element_text(element, 500))]
    noise = _NoiseContext()
    cart_controls = [
        (order, element)
        for order, element in scan.controls
        if _is_cart_control(element) and not noise.around(element) and not _leaves_the_shop(element, facts)
    ]
    prices = [
        candidate
        for order, element in scan.price_elements[:_MAX_PRICE_ELEMENTS]
        if element.tag != "form" and (candidate := _price_candidate(element, order, facts.locale, noise)) is not None
    ]
    return VisiblePage(headings, cart_controls, prices)


def _is_cart_control(element: etree._Element) -> bool:
    if element.tag == "form":
        return True  # the scan only keeps forms that post to a cart or basket
    words = " ".join(
        (element.get(attribute) or "")[:_MAX_ATTRIBUTE]
        for attribute in ("value", "aria-label", "title", "id", "class", "name", "data-action")
    )
    if BUY_CONTROL.search(words) or BUY_CONTROL.search(element_text(element, 100)):
        return True
    # <input type="submit"> labelled by a sibling <span> (aria-labelledby): the label is in the wrapper
    parent = element.getparent()
    return element.tag == "input" and parent is not None and bool(BUY_CONTROL.search(element_text(parent, 100)))


def _leaves_the_shop(element: etree._Element, facts: PageFacts) -> bool:
    """A "Buy now" link to another site is an affiliate link (reviews, news), not this page's cart."""
    if element.tag != "a":
        return False
    target = facts.absolute(element.get("href"))
    return target is not None and site_of(target) != site_of(facts.url)


def _price_candidate(
    element: etree._Element, order: int, locale: PageLocale, noise: _NoiseContext
) -> PriceCandidate | None:
    own_words = attribute_words(element, "class", "id", "itemprop")
    if _NOT_A_PRICE.search(own_words) or HIDDEN.search(own_words) or noise.around(element):
        return None
    marked_old = FORMER.search(own_words) is not None or _struck_through(element)
    text = shown_price_text(element, keep_old_prices=marked_old)
    if not text or len(text) > MAX_PRICE_TEXT or not any(char.isdigit() for char in text):
        return None
    parsed = parse_price(text, locale=locale)
    if parsed.amount is None or parsed.amount <= 0:
        return None
    if parsed.currency is None and sum(char.isalpha() for char in text) > 3:
        return None  # "Choose your size 2 4 6": words with numbers, not a price
    former = marked_old or bool(_FORMER_LABEL.match(text))
    current = _CURRENT.search(own_words) is not None or bool(_CURRENT_LABEL.match(text))
    return PriceCandidate(
        amount=parsed.amount,
        currency=parsed.currency,
        order=order,
        former=former and not current,
        current=current,
        element=element,
    )


def _struck_through(element: etree._Element) -> bool:
    for level, node in enumerate(_ancestors_and_self(element)):
        if level > 3:
            return False
        if node.tag in STRUCK_TAGS or "line-through" in (node.get("style") or ""):
            return True
    return False


class _NoiseContext:
    """Whether an element sits in related products, footers, comparison tables… Ancestors are shared by many
    price elements, so each one's verdict is computed once."""

    def __init__(self) -> None:
        self._noisy: dict[etree._Element, bool] = {}

    def around(self, element: etree._Element) -> bool:
        for level, node in enumerate(_ancestors_and_self(element)):
            if level > _NOISE_LEVELS or node.tag in ("body", "html"):
                return False
            if node.tag in _NOISE_TAGS or (level > 0 and self._is_noisy(node)):
                return True
        return False

    def _is_noisy(self, node: etree._Element) -> bool:
        verdict = self._noisy.get(node)
        if verdict is None:
            verdict = self._noisy[node] = _NOISE.search(attribute_words(node, "class", "id")) is not None
        return verdict


def _ancestors_and_self(element: etree._Element) -> Iterator[etree._Element]:
    node: etree._Element | None = element
    while node is not None:
        yield node
        node = node.getparent()


def stock_message(page: VisiblePage, main_price: PriceCandidate | None) -> str | None:
    """ "OutOfStock" / "InStock" when the buy box (around the main price and the add-to-cart control) says so
    in a short visible message; sold-out wins. Per-size messages (size pickers, swatches) are ignored."""
    found: str | None = None
    anchors = [element for _, element in page.cart_controls[:2]]
    if main_price is not None:
        anchors.append(main_price.element)
    for anchor in anchors:
        for node in _buy_box(anchor):
            text = _own_text(node)
            if len(text) > _MAX_STOCK_MESSAGE:
                continue
            if SOLD_OUT.search(text):
                return "OutOfStock"
            if IN_STOCK.search(text):
                found = "InStock"
    return found


def _own_text(node: etree._Element) -> str:
    """The element's own words, without its children's (a container repeats every message inside it)."""
    text = (node.text or "") + " ".join(child.tail or "" for child in node)
    if node.tag in ("button", "input"):
        text += " " + (node.get("value") or "") + " " + element_text(node, _MAX_STOCK_MESSAGE)
    return " ".join(text.split())


def _buy_box(anchor: etree._Element) -> Iterator[etree._Element]:
    """Visible elements of the container a few levels above the anchor, without per-variant pickers."""
    box = anchor
    for _ in range(_BUY_BOX_LEVELS):
        parent = box.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        box = parent
    skipped: set[etree._Element] = set()
    for seen, node in enumerate(box.iter(etree.Element)):
        if seen > _MAX_BUY_BOX_NODES:
            return
        parent = node.getparent()
        if parent in skipped or node.tag in _SKIPPED_TAGS or _left_out_of_stock_check(node):
            skipped.add(node)
            continue
        yield node


def _left_out_of_stock_check(node: etree._Element) -> bool:
    words = attribute_words(node, "class", "id")
    style = (node.get("style") or "").replace(" ", "").lower()
    return bool(
        HIDDEN.search(words)
        or _VARIANT_CONTEXT.search(words)
        or node.get("hidden") is not None
        or "display:none" in style
    )


def in_product_grid(candidate: PriceCandidate, page: VisiblePage) -> bool:
    """Whether the price sits in a tile repeated with other priced tiles (same tag and class, side by side),
    as on category and search pages. A product page's own price block is not repeated."""
    priced: set[etree._Element] = set()
    for other in page.prices:
        for level, node in enumerate(_ancestors_and_self(other.element)):
            if level > _GRID_LEVELS + 1:
                break
            priced.add(node)
    node = candidate.element
    for _ in range(_GRID_LEVELS):
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return False
        css = node.get("class")
        tiles = sum(
            1 for sibling in parent if sibling.tag == node.tag and sibling.get("class") == css and sibling in priced
        )
        if tiles >= _GRID_MIN_TILES:
            return True
        node = parent
    return False
