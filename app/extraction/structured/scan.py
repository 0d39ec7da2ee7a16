"""One pass over the document collecting every element the extractors look at (XPath predicates with string
functions cost several times more on a 1 MB page)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from lxml import etree

from app.extraction.structured.buy_controls import BUY_CONTROL
from app.extraction.structured.document import element_text
from app.extraction.structured.price_parsing import parse_price

MAX_ANCHORS = 5000
MAX_ELEMENTS = 150_000  # a 4 MB shop page has ~30k; past this a page is hostile or broken
MAX_STOCK_ELEMENTS = 60
MAX_SUBHEADINGS = 80
MAX_ROLE_BUTTONS = 200
# aria-label and role attribute values (each knows its element): one XPath pass in C, ~0.6 ms on a 1 MB page, where
# an attribute read per element in the scan's loop costs ~3 ms.
_ARIA_ATTRIBUTES = etree.XPath("//@aria-label | //@role")
# A data-* attribute naming the element a price region (Etsy's data-buy-box-region="price"): a short name, not a
# JSON blob or a link. Such a region counts when it shows one amount: several are a card price, a price without the
# card and an old price, which only their own elements tell apart.
_NUMBER_RUN = re.compile(r"\d[\d\s.,'\u00a0\u202f\u2009]*")
_MAX_REGION_TEXT = 120
_MAX_DATA_NAME = 40
_MAX_DATA_NAMED = 60  # more price regions named this way than a product page has
_DATA_NAMING_PRICE = etree.XPath(
    f"//@*[starts-with(name(), 'data-') and string-length(.) <= {_MAX_DATA_NAME} and not(contains(., '/'))"
    " and contains(translate(., 'PRICE', 'price'), 'price')]"
)
_TAKEN_AS_CONTROLS = ("a", "button", "input", "form")
# Class/id words of a link styled as a buy control (its label is then checked against buy_controls.BUY_CONTROL).
_CART_WORDS = (
    "cart", "bag", "basket", "buy", "trolley", "purchase", "panier", "warenkorb", "carrito", "carrello", "btn",
    "button", "bid", "checkout", "contact", "reply",
)  # fmt: skip
_MAX_CONTROL_LABEL = 100
_BUTTON_INPUT_TYPES = {"submit", "button", "image"}
_TAGS_OF_INTEREST = {"script", "img", "h1", "button", "input", "form", "a"}
_STYLED_TAGS = {"div", "span"}
_STYLED_BUY_WORDS = ("cart", "basket", "buy", "purchase")
_MAX_STYLED_BUTTON_PARTS = 4  # an icon, a label, an effect: a wrapper of a whole buy box has more
_MAX_STYLED_BUTTON_LABEL = 40
_MAX_STYLED_BUTTONS = 3
SUBHEADINGS = {"h2", "h3", "h4"}
_MAX_HEADING_PRICE = 24  # characters of a subheading that is only an amount ("$122.00", "1 299,00 Kč")
_MAX_CURRENCY_LETTERS = 4  # "Kč", "TL", "Rs.", "zł"
# The names a site's own tests give its elements (`data-testid="add-to-cart"`, `data-qa-id="adview_price"`): React
# and Next.js shops whose classes are hashes ("fEVEmD buKhAN") still name their buttons and prices there. (Prices
# named only there, tried in an earlier round: one more product page found on our development pages, one more
# non-product page called a product on the pages we never tune on, and left out; taken since for the marketplaces
# that name their price nowhere else: Target, Magalu, Leboncoin, Tokopedia, Digikala.)
TEST_ID_ATTRIBUTES = ("data-testid", "data-test", "data-qa", "data-qa-id")
# "Price" in the class names of shops that name their classes in their own language: German "preis", French "prix",
# Spanish "precio", Portuguese "preço"/"preco", Italian "prezzo", Dutch "prijs", Nordic "pris", Polish/Czech "cena",
# Croatian "cijena", Turkish "fiyat", Indonesian/Malay "harga", Finnish "hinta", Lithuanian "kaina". Matched at a
# word start (after a non-letter, or a capital in camelCase: "productPreis"), so "enterprise", "surprise" and
# "scena" stay out; a leading character class keeps the search at ~1 µs a class attribute (English pages are not
# skipped: a Spanish brand's US shop names its price "precio").
_LOCAL_PRICE_CLASS = re.compile(
    r"[PpCcFfHhKk](?:reis|rix|recio|re[cç]o|rezzo|rijs|ris|ijena|ena|iyati?|arga|inta|aina)"
)
_LOCAL_WORD_END = re.compile(r"(?![a-df-rt-z])")  # "prix-total", "Preise", "prisen"; not "prisma"


@dataclass(slots=True)
class PageScan:
    """Elements in document order. Headings, controls and price elements share one `order` counter, so the
    distance between two of them counts the anchors in between."""

    headings: list[tuple[int, etree._Element]] = field(default_factory=list)
    # <h2>-<h4>, not anchors: each ranked with the anchor before it (a price after it is after it). A page with no
    # <h1> may head its product with one of them.
    subheadings: list[tuple[int, etree._Element]] = field(default_factory=list)
    controls: list[tuple[int, etree._Element]] = field(default_factory=list)  # buttons, cart links and forms
    # <div role="button"> and the like, not anchors: React apps' buttons (Facebook's "Message")
    role_buttons: list[etree._Element] = field(default_factory=list)
    price_elements: list[tuple[int, etree._Element]] = field(default_factory=list)
    stock_elements: list[etree._Element] = field(default_factory=list)  # class/id naming stock or availability
    item_scopes: list[etree._Element] = field(default_factory=list)  # microdata itemscope
    rdfa_scopes: list[etree._Element] = field(default_factory=list)  # RDFa typeof
    images: list[etree._Element] = field(default_factory=list)
    jsonld_texts: list[str] = field(default_factory=list)


def scan_page(root: etree._Element) -> PageScan:
    scan = PageScan()
    order = 0
    styled_buttons: list[tuple[int, etree._Element]] = []
    aria = _ARIA_ATTRIBUTES(root)
    amount_labelled = {value.getparent() for value in aria if value.attrname == "aria-label" and _amount_label(value)}
    named_by_data = {value.getparent() for value in _DATA_NAMING_PRICE(root)}
    if len(named_by_data) > _MAX_DATA_NAMED:
        named_by_data = set()  # a listing's tiles: class names and test ids name a product page's few prices
    data_named = {
        element
        for element in _innermost(named_by_data)
        if len(_NUMBER_RUN.findall(element_text(element, _MAX_REGION_TEXT))) == 1
    }
    for seen, element in enumerate(root.iter(etree.Element)):
        if seen >= MAX_ELEMENTS:
            break
        tag = element.tag
        is_anchor = False
        if tag in _TAGS_OF_INTEREST:
            if tag == "script":
                if "ld+json" in (element.get("type") or "").lower() and element.text:
                    scan.jsonld_texts.append(element.text)
                continue
            if tag == "img":
                scan.images.append(element)
            elif tag == "h1":
                scan.headings.append((order, element))
                is_anchor = True
            elif _is_control(element, tag):
                scan.controls.append((order, element))
                is_anchor = True
        elif "-button" in tag:  # a web component standing for a button (Salla's <salla-add-product-button>)
            scan.controls.append((order, element))
            is_anchor = True
        # Cheap substring tests first: this loop runs for every element of the page.
        css, identifier, itemprop = element.get("class"), element.get("id"), element.get("itemprop")
        if (
            css
            and ("utton" in css or "btn" in css or "Btn" in css)
            and not is_anchor
            and tag in _STYLED_TAGS
            and _styled_buy_button(element, css)
        ):
            styled_buttons.append((order, element))
            is_anchor = True
        named_price = (
            (css and ("rice" in css or "RICE" in css))
            or (identifier and ("rice" in identifier or "RICE" in identifier))
            or (itemprop and "rice" in itemprop)
        ) and _mentions_price(css, identifier, itemprop)
        if not named_price and css:
            named_price = _local_price_class(css)
        if not named_price:
            test_id = next(filter(None, map(element.get, TEST_ID_ATTRIBUTES)), None)
            named_price = test_id is not None and "price" in test_id.lower()
        if not named_price and amount_labelled:
            named_price = element in amount_labelled
        if not named_price and data_named:
            named_price = element in data_named
        subheading = tag in SUBHEADINGS
        if subheading and len(scan.subheadings) < MAX_SUBHEADINGS:
            scan.subheadings.append((order - 1, element))
        # a subheading that is only an amount: OpenCart's "<h2>$122.00</h2>" below the title
        if named_price or (subheading and _only_a_number(element)):
            scan.price_elements.append((order, element))
            is_anchor = True
        if (
            (css and ("tock" in css or "vailab" in css))
            or (identifier and ("tock" in identifier or "vailab" in identifier))
        ) and len(scan.stock_elements) < MAX_STOCK_ELEMENTS:
            scan.stock_elements.append(element)
        if element.get("itemscope") is not None:
            scan.item_scopes.append(element)
        if element.get("typeof") is not None:
            scan.rdfa_scopes.append(element)
        if is_anchor:
            order += 1
            if order >= MAX_ANCHORS:
                break
    # Drawn buy buttons count on a page showing one or two (its own); a grid's tiles each draw one.
    if len(styled_buttons) <= _MAX_STYLED_BUTTONS:
        scan.controls = sorted([*scan.controls, *styled_buttons], key=lambda control: control[0])
    # elements acting as buttons that the loop does not take as controls already
    scan.role_buttons = [
        element
        for value in aria
        if value.attrname == "role"
        and value == "button"
        and (element := value.getparent()).tag not in _TAKEN_AS_CONTROLS
    ][:MAX_ROLE_BUTTONS]
    return scan


def _styled_buy_button(element: etree._Element, css: str) -> bool:
    """A <div> or <span> styled as the buy button by its classes ("…-basket-button", "btn-buy"), with a short label
    of its own: 1C-Bitrix and many script-driven shops draw their "Купить" / "Add to cart" that way (a wrapper of a
    real <button> or <input> has no words of its own)."""
    lowered = css.lower()
    return (
        ("button" in lowered or "btn" in lowered)
        and any(word in lowered for word in _STYLED_BUY_WORDS)
        and len(element) <= _MAX_STYLED_BUTTON_PARTS
        and 0 < len(element_text(element, _MAX_STYLED_BUTTON_LABEL + 1)) <= _MAX_STYLED_BUTTON_LABEL
    )


@lru_cache(maxsize=8192)  # a page repeats its class strings (every tile's), and so do a shop's pages
def _local_price_class(css: str) -> bool:
    for match in _LOCAL_PRICE_CLASS.finditer(css):
        start, end = match.start(), match.end()
        if css[start].islower() and start and css[start - 1].isalpha():
            continue  # inside a word: "enterprise", "scena"
        if _LOCAL_WORD_END.match(css, end):
            return True
    return False


def _only_a_number(element: etree._Element) -> bool:
    """An amount with its currency and no other words: "$122.00", "1 299 Kč", not "16 Comments", "2024" or a
    section's count ("Maus (6)")."""
    text = (element.text or "").strip()
    return not len(element) and _only_amount_text(text) and parse_price(text).currency is not None


def _only_amount_text(text: str) -> bool:
    if not 0 < len(text) <= _MAX_HEADING_PRICE or not any(char.isdigit() for char in text):
        return False
    letters = sum(char.isalpha() for char in text)
    return letters <= _MAX_CURRENCY_LETTERS and any(not (char.isdigit() or char in " .,'-") for char in text)


def _amount_label(label: str) -> bool:
    """An aria-label that is an amount with its currency and nothing else ("$12.98"): the element reads out a price
    whose shown pieces ("$" "12" ".98") sit in spans with generated class names (Temu, Allegro)."""
    return _only_amount_text(label) and parse_price(label).currency is not None


def data_price_names(element: etree._Element) -> str:
    """The values of the element's data-* attributes that name a price ("monthly-price", "unit-price"), for the word
    checks its class names get."""
    return " ".join(
        value
        for name, value in element.attrib.items()
        if str(name).startswith("data-") and len(value) <= _MAX_DATA_NAME and "rice" in value.lower()
    )


def _innermost(elements: set[etree._Element]) -> set[etree._Element]:
    """The elements that hold none of the others: a price region's "selling-price" part, not the region."""
    holding = {ancestor for element in elements for ancestor in element.iterancestors() if ancestor in elements}
    return elements - holding


def _mentions_price(*values: str | None) -> bool:
    return any(value and "price" in value.lower() for value in values)


def _is_control(element: etree._Element, tag: str) -> bool:
    if tag == "button":
        return True
    if tag == "input":
        return (element.get("type") or "").lower() in _BUTTON_INPUT_TYPES
    if tag == "form":
        action = (element.get("action") or "").lower()
        return "cart" in action or "basket" in action
    if element.get("role") == "button":
        return True
    words = ((element.get("class") or "") + " " + (element.get("id") or "")).lower()
    if any(word in words for word in _CART_WORDS):
        return True  # a link styled as a cart button
    # a script link titled as one: <a title="Add to Cart" onclick="AddSKUToCart('MT0607B')">
    label = element.get("title") or element.get("aria-label")
    return bool(label and len(label) < _MAX_CONTROL_LABEL and BUY_CONTROL.search(label)) or (
        "cart" in (element.get("onclick") or "").lower()
    )
