"""What the page's visible stock messages say: "Sold out", "In stock", "Notify me" in many languages, read in the
buy box first, without the variant pickers' per-option messages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING

from lxml import etree

from app.extraction.structured.document import (
    UNRENDERED_TAGS,
    ancestors_and_self,
    attribute_words,
    element_text,
    is_main,
)
from app.extraction.structured.models import Availability
from app.extraction.structured.price_element_text import HIDDEN, is_struck
from app.extraction.structured.stock_words import asks_to_notify, says_in_stock, says_sold_out

if TYPE_CHECKING:
    from app.extraction.structured.visible import PriceCandidate, VisiblePage

_SALE_CLASS = re.compile(r" (?:sale|on sale|onsale|discount|promo\w*) ")  # the badge beside a sold-out badge
_NOTIFY_CONTEXT = re.compile(r" (?:notify\w*|back in stock|restock\w*|waitlist|wait list|bis) ")
_STOCK_CLASS = re.compile(r" (?:availability|available|stock|inventory|status) ")
_SOLD_OUT_CLASS = re.compile(r" (?:sold out|soldout|out of stock|outofstock|unavailable|oos) ")
# A listing's filter toggle naming the sold-out items it hides or shows.
_FILTER_LABEL = re.compile(
    r"^\W*(?:hide|show|include|exclude|ausblenden|anzeigen|masquer|afficher|ocultar|mostrar|nascondi|mostra|verberg"
    r"|toon|ukryj|pokaż)\b",
    re.I,
)
_MAX_SOLD_OUT_LABEL = 30  # a button's whole label: "Sold out", "売り切れました", "نفدت الكمية"
_BUY_BOX_LEVELS = 3
_BADGE_STATE_LEVELS = 4
_MAX_STOCK_NODES = 2000
_MAX_STOCK_ELEMENT_NODES = 30  # an element named for the stock status holds a short message, not a page
_OPTION_LEVELS = 3  # from a stock message up to the option (size row, chip) holding it
_MAX_OPTIONS = 40
_MAX_OPTION_TEXT = 60  # a chip's or a size row's whole text: "XL", "EU 42 在庫なし 入荷お知らせ"
_CHOICE_ROLES = {"radio", "option", "menuitemradio", "checkbox"}
_SELECTED_CLASS = re.compile(r" (?:selected|active|checked|current|chosen) ")
_MAX_BUY_BOX_NODES = 400
# Amazon's style classes ("a-size-medium a-color-price") are not pickers, nor are type and colour-scheme
# utilities ("size10", "font-size-sm", "text-color-primary", Dawn's "color-background-1" on the product section).
_VARIANT_CONTEXT = re.compile(
    r"(?<! a)(?<! font)(?<! text)(?<! bg)(?<! background) (?:size|sizes|swatch\w*|variant\w*|option\w*|colou?rs?) "
    r"(?!\d|(?:sm|md|lg|small|medium|large|base|scheme|background|bg|accent|primary|secondary|foreground) )"
)
_MAX_STOCK_MESSAGE = 120
_SHOWN_LEVELS = 15  # ancestors looked at for a hidden or unrendered block


@dataclass(frozen=True, slots=True)
class StockMessage:
    """What the page's visible stock messages say: in the buy box (`near`: beside the add-to-cart control or
    the main price, as reliable as markup) and further away (`far`: around the heading or in an element named
    for the stock status; pages keep messages their stylesheet hides, so markup outranks these)."""

    near: Availability | None = None
    far: Availability | None = None

    @property
    def said(self) -> Availability | None:
        return self.near or self.far


def stock_message(
    page: VisiblePage, main_price: PriceCandidate | None, heading_order: int | None = None
) -> StockMessage:
    """Short visible messages saying "sold out" / "in stock" in many languages, sold-out winning: in the buy
    box first; only when it says nothing, around the heading and in stock-status elements, where a sold-out
    message counts only if no add-to-cart control can be pressed, and so does a shown "notify me when
    available" control. Size pickers, swatches, hidden messages and badges a theme toggles with CSS are
    ignored, and so are notify-me prompts beside an add-to-cart control."""
    seen: set[etree._Element] = set()
    # The first two add-to-cart controls (a sticky bar repeats the buy box's), the second only beside the first:
    # further away it is a related product's, whose box may hold its own "Sold out".
    near_anchors = [element for _, element in page.cart_controls[:1]]
    near_anchors += [element for _, element in page.cart_controls[1:2] if _beside([element], near_anchors)]
    if main_price is not None:
        near_anchors.append(main_price.element)
    near = _verdict([_buy_box(anchor) for anchor in near_anchors], seen, undecided_when_both=True)
    if near is not None:
        return StockMessage(near)  # the buy box has spoken: messages further away would not outrank it
    far_boxes: list[Iterator[etree._Element]] = []
    heading = [page.heading_elements[heading_order]] if heading_order in page.heading_elements else []
    far_boxes += [_buy_box(element) for element in heading]
    far_boxes += [
        _visible_nodes(element, _MAX_STOCK_ELEMENT_NODES) for element in page.stock_elements if _shown_alone(element)
    ]
    far = _verdict(far_boxes, seen)
    can_buy = any(_enabled(element) for _, element in page.cart_controls)
    if far == "OutOfStock" and can_buy:
        far = None
    if far is None and not can_buy and _beside(page.notify_controls, near_anchors + heading):
        far = "OutOfStock"  # "Notify me when available" where the add-to-cart control would be
    if far != "OutOfStock" and not can_buy and page.sold_out_controls:
        far = "OutOfStock"  # the buy button itself says "Sold out" (Mercari's disabled "売り切れました")
    return StockMessage(near, far)


def _verdict(
    boxes: list[Iterator[etree._Element]], seen: set[etree._Element], *, undecided_when_both: bool = False
) -> Availability | None:
    """ "Sold out" wins over "in stock"; with `undecided_when_both`, a box saying one message and its negation
    says nothing (vidaXL keeps "Disponibile" and "Non disponibile" side by side and shows one by script: the
    markup decides). Unrelated messages ("Out of stock" beside "Free shipping on in-stock items") are no such
    pair: "sold out" still wins."""
    in_stock: list[str] = []
    sold_out: list[str] = []
    for said, text in _messages(boxes, seen):
        (sold_out if said == "OutOfStock" else in_stock).append(text)
        if sold_out and not undecided_when_both:
            break
    if undecided_when_both and any(_negates(out, stocked) for out in sold_out for stocked in in_stock):
        return None
    return "OutOfStock" if sold_out else "InStock" if in_stock else None


def _negates(sold_out: str, in_stock: str) -> bool:
    """Whether a sold-out message is an in-stock message with a negation ("Non disponibile", "Disponibile")."""
    said = f" {' '.join(sold_out.casefold().split())} "
    negated = " ".join(in_stock.casefold().split()).strip(" .!:")
    return bool(negated) and f" {negated} " in said.replace(".", " ").replace("!", " ")


def _messages(boxes: list[Iterator[etree._Element]], seen: set[etree._Element]) -> Iterator[tuple[Availability, str]]:
    """What each not yet seen node of the boxes says of the stock, with its text, up to a bounded number of
    nodes."""
    for box in boxes:
        for node in box:
            if node in seen:
                continue
            seen.add(node)
            if len(seen) > _MAX_STOCK_NODES:
                return
            if (said := _stock_said(node)) and not _speaks_of_one_option(node, said):
                yield said, _own_text(node)


def _beside(elements: list[etree._Element], anchors: list[etree._Element]) -> bool:
    """Whether one of the elements shares a close ancestor with one of the anchors (the same product block)."""
    around = {node for anchor in anchors for node in _close_ancestors(anchor)}
    return any(node in around for element in elements for node in _close_ancestors(element))


def _close_ancestors(element: etree._Element) -> Iterator[etree._Element]:
    for level, node in enumerate(ancestors_and_self(element)):
        if level > _BUY_BOX_LEVELS + 1 or node.tag in ("body", "html") or is_main(node):
            return
        yield node


def _enabled(control: etree._Element) -> bool:
    return control.get("disabled") is None and " disabled " not in attribute_words(control, "class")


def _stock_said(node: etree._Element) -> Availability | None:
    text = _own_text(node)
    if not text or len(text) > _MAX_STOCK_MESSAGE or asks_to_notify(text):
        return None
    if says_sold_out(text):
        # a word saying sold out only alone is alone among its children's words too: "<b>10</b> Sold" counts sales
        whole = text if len(node) == 0 or node.tag in ("button", "input") else element_text(node, _MAX_STOCK_MESSAGE)
        return None if _toggled_by_css(node) or not says_sold_out(whole) else "OutOfStock"
    return "InStock" if says_in_stock(text) else None


def _speaks_of_one_option(node: etree._Element, said: Availability) -> bool:
    """A stock message in one of several side-by-side options of a variant picker speaks of that option, not of
    the product: a size row with its own stock line beside rows saying otherwise (ZOZOTOWN's "S 在庫なし" beside
    "L 在庫あり"), one chip of a size or colour picker ("L 在庫切れ", a struck "XL"), a legend of stock states.
    The option the shopper selected speaks for the product, and so do options that all say the same."""
    for level, option in enumerate(ancestors_and_self(node)):
        parent = option.getparent()
        if level > _OPTION_LEVELS or parent is None or parent.tag in ("body", "html") or is_main(parent):
            return False
        text = element_text(option, _MAX_OPTION_TEXT + 1)
        if len(text) > _MAX_OPTION_TEXT:
            return False  # a block of the page, not an option
        others = [
            sibling
            for sibling in islice(parent.iterchildren(option.tag), _MAX_OPTIONS)
            if sibling is not option and _first_class(sibling) == _first_class(option)
        ]
        if not others:
            continue
        if _selected(option):
            return False
        others_said = [_option_said(sibling) for sibling in others]
        if all(other == said for other in others_said):
            return False
        if any(other not in (None, said) for other in others_said):
            return True  # options saying different things: each speaks of itself
        # the option's own label beside the message ("L" beside "在庫切れ"); a button saying only "Sold out" has none
        labelled = option is not node and bool(text.replace(_own_text(node), "", 1).strip(" -:()/|"))
        return _choice(option) and (labelled or _struck_option(option))
    return False


def _first_class(element: etree._Element) -> str:
    return (element.get("class") or "").split(" ", 1)[0]


def _option_said(option: etree._Element) -> Availability | None:
    """What an option's own messages say, its notify-me button left out (pieces read apart: "S" "Sold out")."""
    pieces = (_own_text(node) for node in islice(option.iter(etree.Element), 10))
    text = " ".join(piece for piece in pieces if piece and not asks_to_notify(piece))
    return "OutOfStock" if says_sold_out(text) else "InStock" if says_in_stock(text) else None


def _struck_option(option: etree._Element) -> bool:
    """A chip struck through (a sold-out size), or holding its struck label."""
    return any(is_struck(node) for node in islice(option.iter(etree.Element), 10))


def _choice(option: etree._Element) -> bool:
    """A chip, swatch or radio label a shopper picks a variant with."""
    return (
        option.tag in ("button", "label")
        or option.get("role") in _CHOICE_ROLES
        or any(option.get(state) is not None for state in ("aria-checked", "aria-selected", "aria-pressed"))
        or option.find(".//input[@type='radio']") is not None
    )


def _selected(option: etree._Element) -> bool:
    if any(option.get(state) == "true" for state in ("aria-checked", "aria-selected", "aria-pressed")):
        return True
    return bool(_SELECTED_CLASS.search(attribute_words(option, "class"))) or (
        option.find(".//input[@checked]") is not None
    )


def _toggled_by_css(node: etree._Element) -> bool:
    """A "Sold out" badge printed on every page beside a "Sale" badge, shown by the stylesheet only when a
    container's class says so (Shopify's Dawn family: `.price--sold-out .price__badge-sold-out`). Without that
    container class the badge is hidden."""
    parent = node.getparent()
    if parent is None or not _SOLD_OUT_CLASS.search(attribute_words(node, "class")):
        return False
    if not any(sibling is not node and _SALE_CLASS.search(attribute_words(sibling, "class")) for sibling in parent):
        return False
    for level, ancestor in enumerate(ancestors_and_self(parent)):
        if level > _BADGE_STATE_LEVELS:
            break
        if _SOLD_OUT_CLASS.search(attribute_words(ancestor, "class")):
            return False  # the container says "sold out": the badge shows
    return True


def _own_text(node: etree._Element) -> str:
    """The element's own words, without its children's (a container repeats every message inside it)."""
    text = (node.text or "") + " ".join(child.tail or "" for child in node)
    if node.tag in ("button", "input"):
        text += " " + (node.get("value") or "") + " " + element_text(node, _MAX_STOCK_MESSAGE)
    return " ".join(text.split())


def _buy_box(anchor: etree._Element) -> Iterator[etree._Element]:
    """Visible elements of the container a few levels above the anchor, without per-variant pickers; never the
    page's whole <main> (on a shallow page it also holds the related products and their "Sold out" buttons)."""
    box = anchor
    for _ in range(_BUY_BOX_LEVELS):
        parent = box.getparent()
        if parent is None or parent.tag in ("body", "html") or is_main(parent):
            break
        box = parent
    return _visible_nodes(box)


def _visible_nodes(box: etree._Element, limit: int = _MAX_BUY_BOX_NODES) -> Iterator[etree._Element]:
    skipped: set[etree._Element] = set()
    for seen, node in enumerate(box.iter(etree.Element)):
        if seen > limit:
            return
        parent = node.getparent()
        if parent in skipped or node.tag in UNRENDERED_TAGS or _left_out_of_stock_check(node):
            skipped.add(node)
            continue
        yield node


def _shown(element: etree._Element) -> bool:
    """Neither the element nor a close ancestor is hidden."""
    for level, node in enumerate(ancestors_and_self(element)):
        if level > _SHOWN_LEVELS or node.tag in ("body", "html"):
            return True
        style = (node.get("style") or "").replace(" ", "").lower()
        if node.get("hidden") is not None or "display:none" in style or HIDDEN.search(attribute_words(node, "class")):
            return False
    return True


def _shown_alone(element: etree._Element) -> bool:
    """A stock-status element (class/id naming availability or stock) that is not inside a picker, a hidden
    block or a back-in-stock prompt."""
    words = attribute_words(element, "class", "id")
    return bool(_STOCK_CLASS.search(words) or _SOLD_OUT_CLASS.search(words)) and _shown_alone_in_page(element)


def labelled_sold_out(control: etree._Element) -> bool:
    """A button whose whole label says "Sold out": it cannot be pressed to buy, whatever its classes say. (Not a
    listing's filter: "Hide sold out", "Show out of stock".)"""
    label = element_text(control, _MAX_SOLD_OUT_LABEL + 1)
    return (
        len(label) <= _MAX_SOLD_OUT_LABEL
        and says_sold_out(label)
        and not asks_to_notify(label)
        and not _FILTER_LABEL.match(label)
    )


def _shown_alone_in_page(element: etree._Element) -> bool:
    """Neither the element nor an ancestor is hidden, unrendered (a template), a variant picker or a back-in-stock
    prompt (a size button "XL: Sold out" speaks of one option)."""
    for level, node in enumerate(ancestors_and_self(element)):
        if level > _SHOWN_LEVELS or node.tag in ("body", "html"):
            return True
        if node.tag in UNRENDERED_TAGS or _left_out_of_stock_check(node):
            return False
    return True


def _left_out_of_stock_check(node: etree._Element) -> bool:
    style = (node.get("style") or "").replace(" ", "").lower()
    if node.get("hidden") is not None or "display:none" in style or "visibility:hidden" in style:
        return True
    if not (node.get("class") or node.get("id")):
        return node.get("aria-hidden") == "true"
    words = attribute_words(node, "class", "id")
    return bool(
        HIDDEN.search(words)
        or _VARIANT_CONTEXT.search(words)
        or _NOTIFY_CONTEXT.search(words)
        or node.get("aria-hidden") == "true"
    )


def notify_control(element: etree._Element) -> bool:
    """A shown "Notify me when available" control."""
    return asks_to_notify(element_text(element, _MAX_STOCK_MESSAGE)) and _shown(element)


def sold_out_control(element: etree._Element) -> bool:
    """A shown button labelled "Sold out" that speaks of the product, not of one option of a picker."""
    return (
        labelled_sold_out(element)
        and _shown_alone_in_page(element)
        and not _speaks_of_one_option(element, "OutOfStock")
    )
