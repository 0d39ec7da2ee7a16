"""What the page shows a person: the product heading, add-to-cart controls, price elements, stock messages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import islice

from lxml import etree

from app.extraction.structured.buy_controls import (
    BARE_CONTACT_LABEL,
    BUY_CONTROL,
    CONTACT_CONTROL,
    DEAL_CONTROL,
    PURCHASE_CONTROL,
)
from app.extraction.structured.currency import PageLocale, is_currency_symbol
from app.extraction.structured.discount import sale_with_regular
from app.extraction.structured.document import PageFacts, attribute_words, element_text, name_words, site_of
from app.extraction.structured.models import Availability
from app.extraction.structured.price_element_text import (
    FORMER,
    HIDDEN,
    NOT_BEFORE,
    PER_UNIT,
    STRUCK_TAGS,
    shown_price_text,
)
from app.extraction.structured.price_parsing import parse_price
from app.extraction.structured.scan import SUBHEADINGS, TEST_ID_ATTRIBUTES, PageScan
from app.extraction.structured.stock_words import (
    CURRENT_PRICE_LABEL,
    ESTIMATE_LABEL,
    FORMER_PRICE_LABEL,
    PRICE_WORD,
    SAVING_LABEL,
    asks_to_notify,
    says_in_stock,
    says_sold_out,
)

# Words of class/id attributes (see attribute_words).
_CURRENT = re.compile(
    NOT_BEFORE + r" (?:sale|sales|now|special|current|final|offer|our|deal|promo\w*|reduced|your|pay|actual|selling"
    r"|new|discounted) "
)
# A whole amount, not a piece of one (Amazon's "a-price-fraction" "31" before its "€").
_STANDALONE_AMOUNT = re.compile(r"\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+(?:[.,]\d{1,2})?|\d+[.,]\d{2}|\d{3,}")
_MAX_SIGN = 6  # characters of a currency sign written apart from its amount ("تومان", "Lei", "Kč")
_MAX_LABEL = 40  # characters of a screen-reader label ("Previous Price")
_CELL_LEVELS = 5  # a price element this far inside a table cell reads that column's header
_NOISE = re.compile(
    r" (?:related|recommend\w*|recs?|reco|similar|upsells?|cross sell\w*|crosssell\w*|recently|also"
    r"|carousel|swiper|slick|splide|slideshow"  # sliders of product tiles (a related strip, never the main grid)
    r"|mini cart|minicart|(?<!buy )(?<!details )footer|sponsored|bundles?|accessor\w*|you may|complete the look"
    r"|wishlist|rr|comparison|p13n|certona|combo|modal"
    r"|mega (?:menu|dropdown|nav)|megamenu|megadropdown) "  # a menu's promoted products
    # "prod-buy-footer" is Coupang's buy box and "details-footer" Jumia's, not the page's footer
)
_NOT_A_PRICE = re.compile(
    r" (?:shipping|delivery|installments?|monthly|month|finance|financing|save|saving|savings|tax|per|total"
    r"|subtotal|quantity|qty) "
)
# "unit" names a price per kilogram on some shops ("unit-price": "€4.90 / kg") and the price of one item on others
# (Yodobashi's "js_scl_unitPrice": "￥6,980"): it is refused only when a measure is written beside the amount.
_UNIT_NAMED = " unit "
_UNIT_CONTEXT_CHARS = 80
_MEASURE = re.compile(r"\d\s*(?:kg|g|mg|ml|cl|l|oz|lb|m|cm)(?![a-z])", re.IGNORECASE)  # "(100g당 748원)"
# A block of instalments around a price element ("ecredit-installment-block" > "price": eMAG's monthly rate).
_INSTALMENT_CONTAINER = re.compile(
    r" (?:installments?|instalments?|ecredit|financing|finance|raten|cuotas|parcelas|parcelamento) "
)
_INSTALMENT_LEVELS = 2
# What an instalment's own text says: "from" (de la, ab, desde, a partir de), per month, "10x".
_INSTALMENT_TEXT = re.compile(
    r"\b(?:de la|from|ab|desde|a partir de|à partir de|od)\b|/\s*(?:mo|month|lun[ăa]|monat|mes|mois|mês)\b"
    r"|\d\s*x\b|\b(?:mtl|rate|cuotas?|parcelas?|mensualités?)\b",
    re.IGNORECASE,
)
# The quantity a multi-buy price is for, written just before the amount: "Llevando 2 $1.397,5 c/u", "Any 3 for £10",
# "Buy 2 for $5", "Leve 3 por R$ 10". A badge beside a one-unit price ("3 for 2", "2do al 70%") is not before it.
_MULTI_BUY_BEFORE = re.compile(
    r"(?:\b(?:llevando|levando|llev[aá]|leve|comprando|buy|any)\s+\d+(?:\s+(?:for|por|x))?|\b\d+\s+(?:for|por))"
    r"\W{0,3}$",
    re.IGNORECASE,
)
_MULTI_BUY_BEFORE_CHARS = 25
_MULTI_BUY_LEVELS, _MULTI_BUY_CHARS = 4, 200  # the quantity may sit a row above the amount (VTEX)
_CART_LINK = re.compile(r"cart|basket|checkout|warenkorb|panier|carrito", re.IGNORECASE)  # "/cart/add?id=1&q=2"
_SEARCH_LINK = re.compile(
    r"[?&](?:_nkw|q|k|query|keyword|keywords|search|searchterm|search_query|text)=|/(?:sch|search|suche|recherche|buscar)"
    r"(?:/|\.|\?|$)",
    re.IGNORECASE,
)
# Amazon's style classes ("a-size-medium a-color-price") are not pickers, nor are type and colour-scheme
# utilities ("size10", "font-size-sm", "text-color-primary", Dawn's "color-background-1" on the product section).
_VARIANT_CONTEXT = re.compile(
    r"(?<! a)(?<! font)(?<! text)(?<! bg)(?<! background) (?:size|sizes|swatch\w*|variant\w*|option\w*|colou?rs?) "
    r"(?!\d|(?:sm|md|lg|small|medium|large|base|scheme|background|bg|accent|primary|secondary|foreground) )"
)
_PERCENT = re.compile(r"\d+(?:[.,]\d+)?\s*%")
_PERCENT_FIRST = re.compile(r"^\D*\d+(?:[.,]\d+)?\s*%")
_AMOUNT = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d+)*")
_ESTIMATE = re.compile(r" (?:estimate|estimated|estimation) ")
# Ancestors whose class says what they hold is the old price (Magento's "old-price" around a plain "price").
_FORMER_CONTAINER = re.compile(
    NOT_BEFORE + r" (?:old|was|former|past|org prc|prc org|strike\w*|crossed|crossout|previous|original|msrp|rrp"
    r"|uvp|avp|prp|vechi|barre|barrato|tachado|nonsale) "  # AVP: a German pharmacy's list price
)
_STRUCK_CLASS = re.compile(
    NOT_BEFORE
    + r" (?:line through|linethrough|strikethrough|strikeout|strike|striked|lthr|deleted|crossed out|crossedout) "
)
_SALE_CLASS = re.compile(r" (?:sale|on sale|onsale|discount|promo\w*) ")  # the badge beside a sold-out badge
_NOTIFY_CONTEXT = re.compile(r" (?:notify\w*|back in stock|restock\w*|waitlist|wait list|bis) ")
_STOCK_CLASS = re.compile(r" (?:availability|available|stock|inventory|status) ")
_SOLD_OUT_CLASS = re.compile(r" (?:sold out|soldout|out of stock|outofstock|unavailable|oos) ")
# A class that hides its element on every screen ("hidden", "pl_hidden", "is-hidden", "d-none"), not only on some
# (Bootstrap's "hidden-xs", Tailwind's "md:hidden", Shopify's "small--hide") nor only its overflow
# ("overflow-hidden", "visually-hidden" keeps the text for screen readers); and not with a class that shows it from
# some width on ("d-none d-md-block", "hidden md:flex"): the desktop copy of a mobile price block.
_HIDING_CLASS = re.compile(r"^(?:[a-z0-9]+[_-]{1,2})?(?:hidden|hide|d-none)$")
_NOT_HIDING_PREFIX = re.compile(r"^(?:overflow|visually|sr|small|medium|large|mobile|tablet|desktop|sm|md|lg|xl)\b")
_SHOWN_FROM_SOME_WIDTH = re.compile(
    r"^(?:(?:sm|md|lg|xl|\dxl|min-\S+|max-\S+):!?(?:block|flex|inline\S*|grid|table\S*|contents|flow-root)"
    r"|d-(?:sm|md|lg|xl|xxl)-\S+|visible-\S+)$"
)
_CSS_MODULE = re.compile(r"(?<![\w-])[A-Z][A-Za-z0-9]*_([A-Za-z][A-Za-z0-9]*)__[A-Za-z0-9_-]{3,}")
_MAX_CLASSES = 200
_NOISE_LEVELS = 15
_WRAPPER_LEVELS = 4
_CURRENCY_LETTERS = 3  # "TL", "Lei", "zł", "EUR"
_GRID_LEVELS = 6
_GRID_MIN_TILES = 4
_TILED_CONTROLS = 3  # side-by-side tiles, each with its own buy control and link: a grid of items
_MAX_TILE_LINKS = 10
_MAX_PRICE_ELEMENTS = 400
_MAX_HEADINGS = 10
_NOISE_TAGS = {"footer", "nav"}
_SKIPPED_TAGS = {"script", "style", "noscript", "template", "select", "option"}
MAX_PRICE_TEXT = 80
_MAX_BUY_BOX_NODES = 400
_MAX_ATTRIBUTE = 300
_MAX_STOCK_MESSAGE = 120
# Class words of a comment thread, forum, reviews or questions around a "Reply" button.
_DISCUSSION = re.compile(
    r" (?:comments?|commentlist|discussions?|forums?|threads?|replies|reviews?|questions?|answers?|qa|chat|messages|"
    r"inbox|conversations?|posts?|topics?|feedback) "
)
# A listing's filter toggle naming the sold-out items it hides or shows.
_FILTER_LABEL = re.compile(
    r"^\W*(?:hide|show|include|exclude|ausblenden|anzeigen|masquer|afficher|ocultar|mostrar|nascondi|mostra|verberg"
    r"|toon|ukryj|pokaż)\b",
    re.I,
)
_MAX_SOLD_OUT_LABEL = 30  # a button's whole label: "Sold out", "売り切れました", "نفدت الكمية"
_BUY_BOX_LEVELS = 3
_BADGE_STATE_LEVELS = 4
_REGULAR_PRICE_LEVELS = 3
_MAX_STOCK_NODES = 2000
_MAX_NOTIFY_CONTROLS = 300
_MAX_STOCK_ELEMENT_NODES = 30  # an element named for the stock status holds a short message, not a page
_OPTION_LEVELS = 3  # from a stock message up to the option (size row, chip) holding it
_MAX_OPTIONS = 40
_MAX_OPTION_TEXT = 60  # a chip's or a size row's whole text: "XL", "EU 42 在庫なし 入荷お知らせ"
_CHOICE_ROLES = {"radio", "option", "menuitemradio", "checkbox"}
_SELECTED_CLASS = re.compile(r" (?:selected|active|checked|current|chosen) ")
_MAX_PRICE_PARTS = 4
_MAX_LABELLED_PRICE_PARTS = 3  # a label and an amount in their own elements, maybe a currency sign
_MAX_PRICE_PIECE = 4  # characters of "79." or "$": a piece of a price split over several elements
_MAX_DISCOUNT_FACTOR = 10  # a "regular price" ten times the sale price is some other number
# A bare "Price" label before an amount ("Price $1,899.99", "价格 ¥399.00"): the old price where the buy box labels
# its current price as such beside it ("Your Price $1,599.99", "促销价 ¥299.00").
_PLAIN_PRICE_LABEL = re.compile(rf"^\W*(?:{PRICE_WORD})\s*[:：]?\s*(.*)$", re.IGNORECASE)
_CURRENT_LABEL_LEVELS = 2


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
    prices: list[PriceCandidate]  # outside related products, footers, comparison tables; shown ones if any
    heading_elements: dict[int, etree._Element] = field(default_factory=dict)  # order -> <h1>
    stock_elements: list[etree._Element] = field(default_factory=list)  # class/id naming stock, outside noise
    notify_controls: list[etree._Element] = field(default_factory=list)  # shown "Notify me when available"
    sold_out_controls: list[etree._Element] = field(default_factory=list)  # shown buttons labelled "Sold out"
    # buttons labelled only "Reply" / "Message", outside comment threads and forums: a classified ad's contact
    reply_controls: list[etree._Element] = field(default_factory=list)
    first_heading: etree._Element | None = None  # the page's first <h1>: the block holding it is never noise


def read_visible_page(scan: PageScan, facts: PageFacts) -> VisiblePage:
    headings = [(order, text) for order, element in scan.headings if (text := element_text(element, 500))]
    first_heading = scan.headings[0][1] if scan.headings else None
    noise = _NoiseContext(first_heading)
    cart_controls = [
        (order, element)
        for order, element in scan.controls
        if _is_cart_control(element)
        and not noise.around(element)
        and not _leaves_the_shop(element, facts)
        and not _filters_a_search(element)
        and not _contact_in_header(element)
        and not _labelled_sold_out(element)
    ]
    cart_controls = _with_the_one_deal_link(cart_controls, scan, noise)
    # A "price" box wrapping the product's heading is a layout block: its text runs the name, codes and amounts
    # together ("Lampe Nova Art.-Nr. 1234 49,00 €" read as 123449.00).
    heading_wrappers = {
        ancestor for _, heading in scan.headings[:_MAX_HEADINGS] for ancestor in heading.iterancestors()
    }
    prices = [
        candidate
        for order, element in scan.price_elements[:_MAX_PRICE_ELEMENTS]
        if element.tag != "form"
        and element not in heading_wrappers
        and (candidate := _price_candidate(element, order, facts.locale, noise)) is not None
        and (candidate.currency is not None or element.tag not in SUBHEADINGS)  # a heading "2024" is no price
    ]
    # A price the page hides (a member or coupon price shown on request) counts only when nothing else is shown.
    prices = [candidate for candidate in prices if not noise.hidden(candidate.element)] or prices
    prices = _without_wrappers(prices)
    stock_elements = [element for element in scan.stock_elements if not noise.around(element)]
    notify_controls = [
        element
        for _, element in scan.controls[:_MAX_NOTIFY_CONTROLS]
        if element.tag != "form"
        and asks_to_notify(element_text(element, _MAX_STOCK_MESSAGE))
        and _shown(element)
        and not noise.around(element)
    ]
    sold_out_controls = [
        element
        for _, element in scan.controls[:_MAX_NOTIFY_CONTROLS]
        if element.tag != "form"
        and _labelled_sold_out(element)
        and _shown_alone_in_page(element)
        and not _speaks_of_one_option(element, "OutOfStock")
        and not noise.around(element)
    ]
    reply_controls = [
        element
        for element in [*(element for _, element in scan.controls[:_MAX_NOTIFY_CONTROLS]), *scan.role_buttons]
        if element.tag not in ("a", "form")
        and BARE_CONTACT_LABEL.match(element_text(element, _MAX_SOLD_OUT_LABEL))
        and not noise.around(element)
        and not _in_discussion(element)
    ]
    return VisiblePage(
        headings,
        cart_controls,
        prices,
        dict(scan.headings),
        stock_elements,
        notify_controls,
        sold_out_controls,
        reply_controls,
        first_heading,
    )


def _in_discussion(element: etree._Element) -> bool:
    """Inside a comment thread, a forum post, reviews or questions: its "Reply" answers a person, not an ad."""
    return any(
        _DISCUSSION.search(attribute_words(node, "class", "id")) for node in islice(_ancestors_and_self(element), 20)
    )


def _with_the_one_deal_link(
    cart_controls: list[tuple[int, etree._Element]], scan: PageScan, noise: _NoiseContext
) -> list[tuple[int, etree._Element]]:
    """The cart controls and a deal page's "See Deal" link, which leaves for the shop selling its one offer (a
    review's "Buy at Amazon" does not count: those are many, and reviews are articles). Several deal targets make a
    list of deals: none counts."""
    deal_links = [
        (order, element)
        for order, element in scan.controls[:_MAX_NOTIFY_CONTROLS]
        if element.tag == "a" and DEAL_CONTROL.match(element_text(element, _MAX_SOLD_OUT_LABEL))
    ]
    if len({element.get("href") for _, element in deal_links}) != 1 or noise.around(deal_links[0][1]):
        return cart_controls
    known = {element for _, element in cart_controls}
    return sorted([*cart_controls, *(link for link in deal_links if link[1] not in known)], key=lambda item: item[0])


def _saving_badge_before_price(text: str) -> bool:
    """A price box led by its "Save 20%" badge ("Save 20% $79.99"), or holding amounts besides the saving."""
    amounts = _AMOUNT.findall(_PERCENT.sub("", text))
    return len(amounts) > 1 or (bool(amounts) and bool(_PERCENT_FIRST.match(text)))


def _saving_led(element: etree._Element) -> bool:
    """An amount in a block its saving's words lead, outside the amount's own element: CZC's "Ušetříte<br>
    <em>415 Kč</em><em>502 Kč</em>" (both the amount before and after tax)."""
    parent = element.getparent()
    led_by = (parent.text or "").strip() if parent is not None else ""
    return bool(SAVING_LABEL.match(_label_before(element)) or (led_by and SAVING_LABEL.match(led_by)))


def _multi_buy(element: etree._Element) -> bool:
    """The amount is a multi-buy's price: its short block writes the quantity right before it ("Llevando 2 |
    $1.397,5 | c/u")."""
    own = element_text(element, _MULTI_BUY_CHARS + 1)
    for text in _short_blocks(element, _MULTI_BUY_LEVELS, _MULTI_BUY_CHARS):
        start = text.find(own) if own else -1
        if start > 0 and _MULTI_BUY_BEFORE.search(text[max(0, start - _MULTI_BUY_BEFORE_CHARS) : start]):
            return True
    return False


def _short_blocks(element: etree._Element, levels: int, max_chars: int) -> Iterator[str]:
    """The texts of the element and its ancestors, up to `levels` nodes, while they stay within `max_chars`."""
    for node in islice(_ancestors_and_self(element), levels):
        text = element_text(node, max_chars + 1)
        if len(text) > max_chars:
            return
        yield text


def _in_instalment_block(element: etree._Element) -> bool:
    return any(
        _INSTALMENT_CONTAINER.search(attribute_words(node, "class", "id"))
        for node in islice(_ancestors_and_self(element), 1, _INSTALMENT_LEVELS + 1)
    )


def _local_class_words(element: etree._Element, own_words: str) -> str:
    """The class words naming the element itself: of a CSS-modules class ("PriceAndPromotions_pdpListPrice__0zVTK")
    its local part ("pdpListPrice"), not its component's name ("promotions" is no sale price)."""
    css = element.get("class") or ""
    local = _CSS_MODULE.findall(css)
    if not local:
        return own_words
    other = [word for word in css.split() if not _CSS_MODULE.fullmatch(word)]
    return name_words(" ".join([*local, *other])) + attribute_words(element, "id", "itemprop", *TEST_ID_ATTRIBUTES)


def _bare_amount(element: etree._Element) -> bool:
    """A price element showing an amount and its currency and nothing else: not "£100.00 ex VAT", "9,98 €/kg"."""
    text = shown_price_text(element)
    return "/" not in text and sum(char.isalpha() for char in text) <= _CURRENCY_LETTERS


def _without_wrappers(prices: list[PriceCandidate]) -> list[PriceCandidate]:
    """Leave out a price element that wraps another whole price of a different amount (a bare amount with its
    currency, in the wrapper's; not an old price, the whole-units part of a split price, a net or a unit price):
    MediaMarkt's "-5% 699,- 664,-" block around its "€ 664,-". The inner element is the one the page shows as a
    price; the wrapper's text mixes several."""
    by_element = {candidate.element: candidate for candidate in prices}
    wrappers: set[etree._Element] = set()
    for candidate in prices:
        if candidate.former or candidate.currency is None:
            continue
        outers = [
            node
            for node in islice(_ancestors_and_self(candidate.element), 1, _WRAPPER_LEVELS + 1)
            if (outer := by_element.get(node)) is not None
            and outer.currency in (None, candidate.currency)
            and outer.amount != candidate.amount
        ]
        if outers and _bare_amount(candidate.element):  # read the inner text only where a wrapper is at stake
            wrappers.update(outers)
    return [candidate for candidate in prices if candidate.element not in wrappers]


def _is_cart_control(element: etree._Element) -> bool:
    if element.tag == "form":
        return True  # the scan only keeps forms that post to a cart or basket
    words = _control_words(element)
    if BUY_CONTROL.search(words) or BUY_CONTROL.search(element_text(element, 100)):
        return True
    # <input type="submit"> labelled by a sibling <span> (aria-labelledby): the label is in the wrapper
    parent = element.getparent()
    return element.tag == "input" and parent is not None and bool(BUY_CONTROL.search(element_text(parent, 100)))


def _control_words(element: etree._Element) -> str:
    return " ".join(
        (element.get(attribute) or "")[:_MAX_ATTRIBUTE]
        for attribute in ("value", "aria-label", "title", "id", "class", "name", "data-action", *TEST_ID_ATTRIBUTES)
    )


def _contact_in_header(element: etree._Element) -> bool:
    """A "show our number" control in the page's header is the shop's phone line, not a seller's ad. (The header of
    an ad's own `<article>` or `<main>` is the ad's.)"""
    label = f"{_control_words(element)} {element_text(element, 100)}"
    if not CONTACT_CONTROL.search(label) or PURCHASE_CONTROL.search(label):
        return False
    ancestors = list(_ancestors_and_self(element))
    in_header = any(node.tag == "header" or node.get("role") == "banner" for node in ancestors)
    return in_header and not any(node.tag in ("article", "main", "section") for node in ancestors)


def _filters_a_search(element: etree._Element) -> bool:
    """A "Buy It Now" link to a search (eBay's format filter: `/sch/i.html?_nkw=…&LH_BIN=1`) filters the results;
    it buys nothing."""
    href = element.get("href") or ""
    return element.tag == "a" and _SEARCH_LINK.search(href) is not None and _CART_LINK.search(href) is None


def _leaves_the_shop(element: etree._Element, facts: PageFacts) -> bool:
    """A "Buy now" link to another site is an affiliate link (reviews, news), not this page's cart."""
    if element.tag != "a":
        return False
    target = facts.absolute(element.get("href"))
    return target is not None and site_of(target) != site_of(facts.url)


def _price_candidate(
    element: etree._Element, order: int, locale: PageLocale, noise: _NoiseContext
) -> PriceCandidate | None:
    own_words = attribute_words(element, "class", "id", "itemprop", *TEST_ID_ATTRIBUTES)
    if _NOT_A_PRICE.search(own_words) or _ESTIMATE.search(own_words) or HIDDEN.search(own_words):
        return None
    if noise.around(element):
        return None
    marked_old = FORMER.search(own_words) is not None or _struck_through(element) or _in_former_container(element)
    text = shown_price_text(element, keep_old_prices=marked_old)
    if not text or len(text) > MAX_PRICE_TEXT or not any(char.isdigit() for char in text):
        return None
    if _UNIT_NAMED in own_words and _priced_per_unit(element):
        return None
    if ESTIMATE_LABEL.match(text) or (SAVING_LABEL.match(text) and not _saving_badge_before_price(text)):
        return None  # an auction's estimate or the amount a sale saves, not the price
    if _saving_led(element):
        return None
    if _multi_buy(element):
        return None
    if _INSTALMENT_TEXT.search(text) and _in_instalment_block(element):
        return None  # eMAG's "de la 171,46 Lei" under "Rate lunare"; a Tray shop's price in its plan block stays
    parsed = parse_price(text, locale=locale)
    amount = parsed.amount
    if amount is None or amount <= 0:
        return None
    if parsed.currency is None and _STANDALONE_AMOUNT.fullmatch(text) and (sign := _sign_after(element)):
        signed = parse_price(f"{text} {sign}", locale=locale)  # "<span>1,499,000</span><span>تومان</span>"
        parsed = signed if signed.amount == parsed.amount else parsed
    if parsed.currency is None and sum(char.isalpha() for char in text) > 3:
        return None  # "Choose your size 2 4 6": words with numbers, not a price
    label = f"{_screen_reader_label(element)} {text}"
    said_former = labelled_former(element, label) or FORMER_PRICE_LABEL.match(_column_header(element)) is not None
    former = marked_old or said_former
    # What the element says outweighs its class names: "Previous Price $99.00" in a `RetailPriceOnSale` span
    current = bool(CURRENT_PRICE_LABEL.match(label)) or (
        not said_former and _CURRENT.search(_local_class_words(element, own_words)) is not None
    )
    return PriceCandidate(
        amount=amount,
        currency=parsed.currency,
        order=order,
        former=former and not current,
        current=current,
        element=element,
    )


def labelled_former(element: etree._Element, text: str) -> bool:
    """An amount labelled as the old price, in its own text or just before it ("de <span>R$ 2.599,00</span>")."""
    return FORMER_PRICE_LABEL.match(text) is not None or FORMER_PRICE_LABEL.match(_label_before(element)) is not None


def _label_before(element: etree._Element) -> str:
    """A short label (words only) written right before the price element, outside it: "de <span>R$ 2.599,00</span>"
    or "<span>de</span> <span>R$ 2.599,00</span>"."""
    previous = element.getprevious()
    if previous is None:
        parent = element.getparent()
        label = (parent.text or "") if parent is not None else ""
    elif isinstance(previous.tag, str) and not len(previous) and not (previous.tail or "").strip():
        label = previous.text or ""
    else:
        label = previous.tail or ""
    label = label.strip()
    return label if len(label) <= _MAX_LABEL and not any(char.isdigit() for char in label) else ""


def _column_header(element: etree._Element) -> str:
    """The header of the table column a price sits in ("参考基準価格(税別) | 通常価格 | 販売価格(税込)" over one
    row of amounts): its label, when it is one (words only)."""
    cell = next((node for node in islice(_ancestors_and_self(element), _CELL_LEVELS) if node.tag == "td"), None)
    row = cell.getparent() if cell is not None else None
    if cell is None or row is None or row.tag != "tr":
        return ""
    column = len([sibling for sibling in cell.itersiblings(preceding=True) if sibling.tag in ("td", "th")])
    table = next((node for node in islice(_ancestors_and_self(row), 3) if node.tag == "table"), None)
    header_row = table.find(".//tr") if table is not None else None
    if header_row is None or header_row is row:
        return ""
    cells = [node for node in header_row if node.tag in ("td", "th")]
    header = element_text(cells[column], _MAX_LABEL + 1).strip() if column < len(cells) else ""
    return header if len(header) <= _MAX_LABEL and not any(char.isdigit() for char in header) else ""


def _sign_after(element: etree._Element) -> str | None:
    """A currency sign written right after a bare amount, in the element's tail or its next sibling."""
    tail = (element.tail or "").strip()
    following = element.getnext()
    if not tail and following is not None and isinstance(following.tag, str) and not len(following):
        tail = (following.text or "").strip()
    if not 0 < len(tail) <= _MAX_SIGN or any(char.isdigit() for char in tail):
        return None
    return tail if is_currency_symbol(tail) else None


def _screen_reader_label(element: etree._Element) -> str:
    """The label a price element reads out before its amount but does not show ("<span class="sr-only">Previous
    Price </span>$99.00")."""
    first = next(iter(element), None)
    if (element.text or "").strip() or first is None or not isinstance(first.tag, str):
        return ""
    if not HIDDEN.search(attribute_words(first, "class")):
        return ""
    return element_text(first, _MAX_LABEL)


def regular_price_near(
    candidate: PriceCandidate, first_heading: etree._Element | None, locale: PageLocale
) -> Decimal | None:
    """The price the product sold at before the sale, shown beside its current price: struck through, in an
    old-price element, or labelled "was" / "UVP" / "antes" / "原价"…; the nearest one above the current price.
    Failing those, the higher of two prices a discount percentage beside them links to this one."""
    marked = _marked_regular_price_near(candidate, first_heading, locale)
    if marked is not None:
        return marked
    pair = sale_with_regular(candidate.element, candidate.amount, locale)
    return pair[1] if pair is not None and pair[0] == candidate.amount else None


def _marked_regular_price_near(
    candidate: PriceCandidate, first_heading: etree._Element | None, locale: PageLocale
) -> Decimal | None:
    node = candidate.element
    seen: set[etree._Element] = set()
    # a related product's old price, reached by climbing from a wrapper, is not this one's
    noise = _NoiseContext(first_heading)
    plain_price_is_old = _labelled_current(candidate.element)
    for level in range(_REGULAR_PRICE_LEVELS + 1):
        if level:  # the price element itself first: a wrapper chosen as the price may hold its struck price
            parent = node.getparent()
            if parent is None or parent.tag in ("body", "html"):
                return None
            node = parent
        for element in node.iter(etree.Element):
            if element in seen:
                continue
            seen.add(element)
            if len(seen) > _MAX_BUY_BOX_NODES:
                return None
            amount = _former_amount(element, locale, plain_price_is_old=plain_price_is_old)
            if (
                amount is not None
                and candidate.amount < amount <= candidate.amount * _MAX_DISCOUNT_FACTOR
                and not noise.around(element)
            ):
                return amount
    return None


def _labelled_current(element: etree._Element) -> bool:
    """Whether the price element, or the short block right around it, starts with a current-price label ("Your
    Price", "Sale price", "促销价")."""
    blocks = _short_blocks(element, _CURRENT_LABEL_LEVELS + 1, MAX_PRICE_TEXT)
    return any(CURRENT_PRICE_LABEL.match(text) for text in blocks)


def _plain_price_labelled(text: str) -> bool:
    """ "Price $1,899.99": a bare price label, then an amount and nothing else."""
    labelled = _PLAIN_PRICE_LABEL.match(text)
    rest = labelled.group(1) if labelled else ""
    return any(char.isdigit() for char in rest) and sum(char.isalpha() for char in rest) <= _CURRENCY_LETTERS


def _former_amount(element: etree._Element, locale: PageLocale, *, plain_price_is_old: bool = False) -> Decimal | None:
    """The amount an element shows as the old price, if it is one (checked cheapest first: most are not); with
    `plain_price_is_old`, also an amount after a bare "Price" label."""
    if element.tag in _SKIPPED_TAGS:
        return None
    marked = struck = _struck(element)
    own_text = (element.text or "").strip()
    if not own_text and 0 < len(element) <= _MAX_LABELLED_PRICE_PARTS:
        own_text = element_text(element, MAX_PRICE_TEXT)  # "<button>Was:</button> <span>$34.99</span>"
    marked = marked or bool(own_text and FORMER_PRICE_LABEL.match(own_text))
    marked = marked or (plain_price_is_old and bool(own_text) and _plain_price_labelled(own_text))
    words = (
        attribute_words(element, "class", "id", "data-price-type")
        if element.get("class") or element.get("id") or element.get("data-price-type")
        else " "
    )
    # "list", "regular", "standard" name an old price only on a price element ("pipe-list" is a layout)
    named_old = _FORMER_CONTAINER.search(words) or (" price " in words and FORMER.search(words))
    if not (marked or named_old) or HIDDEN.search(words) or _NOT_A_PRICE.search(words) or _UNIT_NAMED in words:
        return None
    text = "".join(shown_price_text(part, keep_old_prices=True) for part in _same_class_run(element))
    if not text or len(text) > MAX_PRICE_TEXT or not any(char.isdigit() for char in text):
        return None
    parsed = parse_price(text, locale=locale)
    # "Was this review helpful? Yes (12)": a number is an old price only with a currency, on a price element, or
    # struck through as a whole amount ("<span class="line-through">1,499,000</span>", its currency only after the
    # current price)
    whole_struck = struck and _STANDALONE_AMOUNT.fullmatch(text.strip()) is not None
    return parsed.amount if parsed.currency or " price " in words or whole_struck else None


def _priced_per_unit(element: etree._Element) -> bool:
    """Whether the amount, or the short block around it, is written per unit of measure ("$4.90 / kg")."""
    parent = element.getparent()
    text = element_text(element if parent is None else parent, _UNIT_CONTEXT_CHARS)
    return PER_UNIT.search(text) is not None or _MEASURE.search(text) is not None


def _same_class_run(element: etree._Element) -> list[etree._Element]:
    """The element and the siblings right after it with the same tag and class, when it holds only a piece
    of a price: a struck price split into "$", "79." and "99" spans reads as one."""
    run = [element]
    css = element.get("class") if len(element_text(element, _MAX_PRICE_PIECE + 1)) <= _MAX_PRICE_PIECE else None
    sibling = element.getnext()
    while (
        css
        and sibling is not None
        and sibling.tag == element.tag
        and sibling.get("class") == css
        and not (run[-1].tail or "").strip()
        and len(run) < _MAX_PRICE_PARTS
    ):
        run.append(sibling)
        sibling = sibling.getnext()
    return run


def _struck_through(element: etree._Element) -> bool:
    for level, node in enumerate(_ancestors_and_self(element)):
        if level > 3:
            return False
        if _struck(node):
            return True
    return False


def _struck(node: etree._Element) -> bool:
    """Struck through by its tag, its style, a class the stylesheet strikes by (Tailwind's `line-through`,
    Jumia's `-lthr`) or a flag it strikes by (Amazon's `data-a-strike="true"`)."""
    if node.tag in STRUCK_TAGS or "line-through" in (node.get("style") or ""):
        return True
    if node.get("class") and _STRUCK_CLASS.search(attribute_words(node, "class")):
        return True
    return any(key.startswith("data-") and "strike" in key and value == "true" for key, value in node.attrib.items())


def _in_former_container(element: etree._Element) -> bool:
    for level, node in enumerate(_ancestors_and_self(element)):
        if level > 3:
            return False
        if level and _FORMER_CONTAINER.search(attribute_words(node, "class", "id", "data-price-type")):
            return True
    return False


class _NoiseContext:
    """Whether an element sits in related products, footers, comparison tables… Ancestors are shared by many
    price elements, so each one's verdict is computed once."""

    def __init__(self, heading: etree._Element | None) -> None:
        self._noisy: dict[etree._Element, bool] = {}
        self._hidden: dict[etree._Element, bool] = {}
        # A block holding the page's first <h1> is the product's, whatever its classes say (H&M's
        # "product-detail-sticky-footer-wrapper", Best Buy's page-wide "rr"): related strips never hold it.
        if heading is not None:
            self._noisy.update((ancestor, False) for ancestor in heading.iterancestors())

    def around(self, element: etree._Element) -> bool:
        for level, node in enumerate(_ancestors_and_self(element)):
            if level > _NOISE_LEVELS or node.tag in ("body", "html"):
                return False
            if _is_main(node):
                return False  # the page's main content, whatever its classes say ("l-common__footer" on NETOFF's)
            if node.tag in _NOISE_TAGS or (level > 0 and self._is_noisy(node)):
                return True
        return False

    def hidden(self, element: etree._Element) -> bool:
        """Whether an ancestor is hidden by its class ("hidden", not the responsive "hidden-xs"), an inline
        `display:none` or the `hidden` attribute."""
        for level, node in enumerate(_ancestors_and_self(element)):
            if level > _NOISE_LEVELS or node.tag in ("body", "html"):
                return False
            verdict = self._hidden.get(node)
            if verdict is None:
                style = (node.get("style") or "").replace(" ", "").lower()
                verdict = self._hidden[node] = (
                    node.get("hidden") is not None
                    or "display:none" in style
                    or _hidden_by_class(node.get("class") or "")
                )
            if verdict:
                return True
        return False

    def _is_noisy(self, node: etree._Element) -> bool:
        verdict = self._noisy.get(node)
        if verdict is None:
            verdict = self._noisy[node] = _NOISE.search(attribute_words(node, "class", "id")) is not None
        return verdict


def _hidden_by_class(css: str) -> bool:
    tokens = css.lower().split()[:_MAX_CLASSES]
    hiding = any(
        token == "none" or (_HIDING_CLASS.match(token) and not _NOT_HIDING_PREFIX.match(token)) for token in tokens
    )
    return hiding and not any(_SHOWN_FROM_SOME_WIDTH.match(token) for token in tokens)


def _is_main(node: etree._Element) -> bool:
    """The page's main content (`<main>` or role="main")."""
    return node.tag == "main" or node.get("role") == "main"


def _ancestors_and_self(element: etree._Element) -> Iterator[etree._Element]:
    node: etree._Element | None = element
    while node is not None:
        yield node
        node = node.getparent()


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
    for level, node in enumerate(_ancestors_and_self(element)):
        if level > _BUY_BOX_LEVELS + 1 or node.tag in ("body", "html") or _is_main(node):
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
    for level, option in enumerate(_ancestors_and_self(node)):
        parent = option.getparent()
        if level > _OPTION_LEVELS or parent is None or parent.tag in ("body", "html") or _is_main(parent):
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
    return any(_struck(node) for node in islice(option.iter(etree.Element), 10))


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
    for level, ancestor in enumerate(_ancestors_and_self(parent)):
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
        if parent is None or parent.tag in ("body", "html") or _is_main(parent):
            break
        box = parent
    return _visible_nodes(box)


def _visible_nodes(box: etree._Element, limit: int = _MAX_BUY_BOX_NODES) -> Iterator[etree._Element]:
    skipped: set[etree._Element] = set()
    for seen, node in enumerate(box.iter(etree.Element)):
        if seen > limit:
            return
        parent = node.getparent()
        if parent in skipped or node.tag in _SKIPPED_TAGS or _left_out_of_stock_check(node):
            skipped.add(node)
            continue
        yield node


def _shown(element: etree._Element) -> bool:
    """Neither the element nor a close ancestor is hidden."""
    for level, node in enumerate(_ancestors_and_self(element)):
        if level > _NOISE_LEVELS or node.tag in ("body", "html"):
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


def _labelled_sold_out(control: etree._Element) -> bool:
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
    for level, node in enumerate(_ancestors_and_self(element)):
        if level > _NOISE_LEVELS or node.tag in ("body", "html"):
            return True
        if node.tag in _SKIPPED_TAGS or _left_out_of_stock_check(node):
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


def prices_in_product_grid(page: VisiblePage) -> frozenset[int]:
    """The `order` of every price that sits in a tile repeated with other priced tiles (same tag and class, side
    by side), as on category and search pages and in related-product strips. A product page's own price block is
    not repeated."""
    priced: set[etree._Element] = set()
    for other in page.prices:
        for level, node in enumerate(_ancestors_and_self(other.element)):
            if level > _GRID_LEVELS + 1:
                break
            priced.add(node)
    return frozenset(
        candidate.order
        for candidate in page.prices
        if _repeated_tile(candidate.element, priced, _GRID_MIN_TILES) is not None
    )


def _repeated_tile(element: etree._Element, holders: set[etree._Element], at_least: int) -> etree._Element | None:
    """The ancestor of `element` (a few levels up) repeated side by side, same tag and class, with at least
    `at_least` copies holding one of `holders`: the element's tile in a grid, if any."""
    node = element
    for _ in range(_GRID_LEVELS):
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return None
        css = node.get("class")
        tiles = sum(
            1 for sibling in parent if sibling.tag == node.tag and sibling.get("class") == css and sibling in holders
        )
        if tiles >= at_least:
            return node
        node = parent
    return None


def buy_controls_in_item_tiles(page: VisiblePage) -> bool:
    """Every buy control of the page sits in a tile repeated side by side (same tag and class) with at least two
    others that have their own buy control, and the tiles link to different pages: a search or category grid whose
    items each carry an add-to-cart button. A product page's own buy control stands alone in its buy box, and rows
    of one product's variants, each with its button, link to no pages of their own."""
    controls = [element for _, element in page.cart_controls if element.tag != "form"]
    if len(controls) < _TILED_CONTROLS:
        return False
    holders: set[etree._Element] = set()
    for control in controls:
        holders.update(islice(_ancestors_and_self(control), _GRID_LEVELS + 1))
    tiles: set[etree._Element] = set()
    for control in controls:
        tile = _repeated_tile(control, holders, _TILED_CONTROLS)
        if tile is None:
            return False
        tiles.add(tile)
    links = {_item_link(tile) for tile in tiles}
    links.discard(None)
    return len(links) >= _TILED_CONTROLS


def _item_link(tile: etree._Element) -> str | None:
    """The first link of a tile that leads to a page rather than to the cart."""
    for link in islice(tile.iter("a"), _MAX_TILE_LINKS):
        href = (link.get("href") or "").strip()
        if href and not href.startswith(("#", "javascript:")) and _CART_LINK.search(href) is None:
            return href
    return None
