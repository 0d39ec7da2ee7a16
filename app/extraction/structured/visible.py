"""What the page shows a person: the product heading, add-to-cart controls, price elements, and the stock elements
and sold-out, notify-me and reply controls that stock_message and the verdict read."""

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
from app.extraction.structured.document import (
    UNRENDERED_TAGS,
    PageFacts,
    ancestors_and_self,
    attribute_words,
    element_text,
    is_main,
    name_words,
    site_of,
)
from app.extraction.structured.price_element_text import (
    FORMER,
    HIDDEN,
    NOT_BEFORE,
    PER_UNIT,
    is_struck,
    shown_price_text,
)
from app.extraction.structured.price_parsing import parse_price
from app.extraction.structured.scan import SUBHEADINGS, TEST_ID_ATTRIBUTES, PageScan, data_price_names
from app.extraction.structured.stock_message import labelled_sold_out, notify_control, sold_out_control
from app.extraction.structured.stock_words import (
    CURRENT_PRICE_LABEL,
    ESTIMATE_LABEL,
    FORMER_PRICE_LABEL,
    PRICE_WORD,
    SAVING_LABEL,
)

# Words of class/id attributes (see attribute_words).
# Words naming an old price plainly; FORMER's wider ones ("list", "standard", "retail") also end sale prices' names.
_OLD_NAMED = re.compile(r" (?:old|was|former|previous|prev|original|orig|strike\w*|crossed) ")
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
    r"|same products?|sameproducts?|similares|similaires|simili|relacionados|podobne|aehnliche|pohozhie"
    r"|carousel|swiper|slick|splide|slideshow"  # sliders of product tiles (a related strip, never the main grid)
    r"|mini cart|minicart|(?<!buy )(?<!details )footer|sponsored|bundles?|accessor\w*|you may|complete the look"
    r"|wishlist|rr|comparison|p13n|certona|combo|modal"
    r"|mega (?:menu|dropdown|nav)|megamenu|megadropdown) "  # a menu's promoted products
    # "prod-buy-footer" is Coupang's buy box and "details-footer" Jumia's, not the page's footer
)
_NOT_A_PRICE = re.compile(
    r" (?:shipping|delivery|installments?|monthly|month|finance|financing|save|saving|savings|tax|per|total"
    r"|subtotal|quantity|qty|loyalty) "
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
CART_LINK = re.compile(r"cart|basket|checkout|warenkorb|panier|carrito", re.IGNORECASE)  # "/cart/add?id=1&q=2"
_SEARCH_LINK = re.compile(
    r"[?&](?:_nkw|q|k|query|keyword|keywords|search|searchterm|search_query|text)=|/(?:sch|search|suche|recherche|buscar)"
    r"(?:/|\.|\?|$)",
    re.IGNORECASE,
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
_MAX_BUTTON_LABEL = 30  # a button's whole label: "Reply", "Get deal"
_WRAPPER_LEVELS = 4
_CURRENCY_LETTERS = 3  # "TL", "Lei", "zł", "EUR"
_MAX_PRICE_ELEMENTS = 400
_MAX_HEADINGS = 10
_NOISE_TAGS = {"footer", "nav"}
MAX_PRICE_TEXT = 80
_MAX_ATTRIBUTE = 300
# Class words of a comment thread, forum, reviews or questions around a "Reply" button.
_DISCUSSION = re.compile(
    r" (?:comments?|commentlist|discussions?|forums?|threads?|replies|reviews?|questions?|answers?|qa|chat|messages|"
    r"inbox|conversations?|posts?|topics?|feedback) "
)
_REGULAR_PRICE_LEVELS = 3
_MAX_REGULAR_PRICE_NODES = 400  # elements of the buy box read for the price before the sale
_MAX_NOTIFY_CONTROLS = 300
_MAX_PRICE_PARTS = 4
_MAX_LABELLED_PRICE_PARTS = 3  # a label and an amount in their own elements, maybe a currency sign
_MAX_PRICE_PIECE = 4  # characters of "79." or "$": a piece of a price split over several elements
_MAX_OLD_PRICE_INSIDE = 12  # elements of a price element searched for a price and its old price side by side
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
        and not labelled_sold_out(element)
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
        if element.tag != "form" and notify_control(element) and not noise.around(element)
    ]
    sold_out_controls = [
        element
        for _, element in scan.controls[:_MAX_NOTIFY_CONTROLS]
        if element.tag != "form" and sold_out_control(element) and not noise.around(element)
    ]
    reply_controls = [
        element
        for element in [*(element for _, element in scan.controls[:_MAX_NOTIFY_CONTROLS]), *scan.role_buttons]
        if element.tag not in ("a", "form")
        and BARE_CONTACT_LABEL.match(element_text(element, _MAX_BUTTON_LABEL))
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
        _DISCUSSION.search(attribute_words(node, "class", "id")) for node in islice(ancestors_and_self(element), 20)
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
        if element.tag == "a" and DEAL_CONTROL.match(element_text(element, _MAX_BUTTON_LABEL))
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
    for node in islice(ancestors_and_self(element), levels):
        text = element_text(node, max_chars + 1)
        if len(text) > max_chars:
            return
        yield text


def _in_instalment_block(element: etree._Element) -> bool:
    return any(
        _INSTALMENT_CONTAINER.search(attribute_words(node, "class", "id"))
        for node in islice(ancestors_and_self(element), 1, _INSTALMENT_LEVELS + 1)
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
            for node in islice(ancestors_and_self(candidate.element), 1, _WRAPPER_LEVELS + 1)
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
    ancestors = list(ancestors_and_self(element))
    in_header = any(node.tag == "header" or node.get("role") == "banner" for node in ancestors)
    return in_header and not any(node.tag in ("article", "main", "section") for node in ancestors)


def _filters_a_search(element: etree._Element) -> bool:
    """A "Buy It Now" link to a search (eBay's format filter: `/sch/i.html?_nkw=…&LH_BIN=1`) filters the results;
    it buys nothing."""
    href = element.get("href") or ""
    return element.tag == "a" and _SEARCH_LINK.search(href) is not None and CART_LINK.search(href) is None


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
    # data-* values naming a price ("monthly-price", "unit-price") rule a price out as class names do; they do not
    # mark old or current prices, which shops name there in words of their own
    data_names = data_price_names(element)
    refusing_words = own_words + name_words(data_names) if data_names else own_words
    if _NOT_A_PRICE.search(refusing_words) or _ESTIMATE.search(refusing_words) or HIDDEN.search(refusing_words):
        return None
    if noise.around(element):
        return None
    marked_old = FORMER.search(own_words) is not None or _struck_through(element) or _in_former_container(element)
    text = shown_price_text(element, keep_old_prices=marked_old)
    if not text or len(text) > MAX_PRICE_TEXT or not any(char.isdigit() for char in text):
        return None
    if _UNIT_NAMED in refusing_words and _priced_per_unit(element):
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
        not said_former and _named_current(element, _local_class_words(element, own_words))
    )
    return PriceCandidate(
        amount=amount,
        currency=parsed.currency,
        order=order,
        former=former and not current,
        current=current,
        element=element,
    )


def _named_current(element: etree._Element, words: str) -> bool:
    """Class or id words naming the current price. A name that names an old price after it ("…-saleAction-price-old")
    is the old price of a sale box: its last words name the element, the earlier ones its containers."""
    if not _CURRENT.search(words):
        return False
    names = [
        _local_name_words(name) for key in ("class", "id") for name in (element.get(key) or "").split()[:_MAX_CLASSES]
    ]
    naming = [name for name in names if _CURRENT.search(name)]
    return not naming or any(not _old_named_last(name) for name in naming)


def _local_name_words(name: str) -> str:
    """The words of one class or id, of a CSS-modules class its local part (see _local_class_words)."""
    local = _CSS_MODULE.fullmatch(name)
    return name_words(local.group(1) if local else name)


def _old_named_last(name: str) -> bool:
    current = [match.start() for match in _CURRENT.finditer(name)]
    old = [match.start() for match in _OLD_NAMED.finditer(name)]
    return bool(old) and old[-1] > current[-1]


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
    cell = next((node for node in islice(ancestors_and_self(element), _CELL_LEVELS) if node.tag == "td"), None)
    row = cell.getparent() if cell is not None else None
    if cell is None or row is None or row.tag != "tr":
        return ""
    column = len([sibling for sibling in cell.itersiblings(preceding=True) if sibling.tag in ("td", "th")])
    table = next((node for node in islice(ancestors_and_self(row), 3) if node.tag == "table"), None)
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
    if pair is not None and pair[0] == candidate.amount:
        return pair[1]
    return _old_price_inside(candidate, locale)


def _old_price_inside(candidate: PriceCandidate, locale: PageLocale) -> Decimal | None:
    """An element in the price element (or the price element itself) that writes the price and then, in its one
    child, a higher amount alone: Google Store's "<div data-test="price">$129.95<span class="azBNJd">$159.95</span>
    </div>", the child struck by a stylesheet class that names nothing. Two prices side by side with nothing
    between them are a price and its old price."""
    for element in islice(candidate.element.iter(etree.Element), _MAX_OLD_PRICE_INSIDE):
        if len(element) != 1 or not (element.text or "").strip() or (element[0].tail or "").strip():
            continue
        child = element[0]
        if not isinstance(child.tag, str) or len(child) or not _bare_amount(child):
            continue
        if parse_price(element.text or "", locale=locale).amount != candidate.amount:
            continue
        old = parse_price(child.text or "", locale=locale)
        if old.amount is not None and old.currency is not None and old.currency == candidate.currency:
            return old.amount if candidate.amount < old.amount <= candidate.amount * _MAX_DISCOUNT_FACTOR else None
    return None


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
            if len(seen) > _MAX_REGULAR_PRICE_NODES:
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
    if element.tag in UNRENDERED_TAGS:
        return None
    marked = struck = is_struck(element)
    own_text = (element.text or "").strip()
    if not own_text and 0 < len(element) <= _MAX_LABELLED_PRICE_PARTS:
        own_text = element_text(element, MAX_PRICE_TEXT)  # "<button>Was:</button> <span>$34.99</span>"
    marked = marked or bool(own_text and FORMER_PRICE_LABEL.match(own_text))
    # labelled just before it, outside it: "<span>MRP</span> <span>₹1,199</span>"
    marked = marked or (_has_digit(own_text) and FORMER_PRICE_LABEL.match(_label_before(element)) is not None)
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


def _has_digit(text: str) -> bool:
    return any(char.isdigit() for char in text)


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
    for level, node in enumerate(ancestors_and_self(element)):
        if level > 3:
            return False
        if is_struck(node):
            return True
    return False


def _in_former_container(element: etree._Element) -> bool:
    for level, node in enumerate(ancestors_and_self(element)):
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
        for level, node in enumerate(ancestors_and_self(element)):
            if level > _NOISE_LEVELS or node.tag in ("body", "html"):
                return False
            if is_main(node):
                return False  # the page's main content, whatever its classes say ("l-common__footer" on NETOFF's)
            if node.tag in _NOISE_TAGS or (level > 0 and self._is_noisy(node)):
                return True
        return False

    def hidden(self, element: etree._Element) -> bool:
        """Whether an ancestor is hidden by its class ("hidden", not the responsive "hidden-xs"), an inline
        `display:none` or the `hidden` attribute."""
        for level, node in enumerate(ancestors_and_self(element)):
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
