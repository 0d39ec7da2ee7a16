"""What the page shows a person: the product heading, add-to-cart controls, price elements, stock messages."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

import lxml.html
from lxml import etree

from app.extraction.structured.currency import PageLocale
from app.extraction.structured.document import element_text
from app.extraction.structured.prices import parse_price

_LOWER = "translate({}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
_HAS_PRICE_WORD = " or ".join(
    f"contains({_LOWER.format(attribute)}, 'price')" for attribute in ("@class", "@id", "@itemprop")
)
_CART_WORDS = (
    "cart",
    "bag",
    "basket",
    "buy",
    "trolley",
    "purchase",
    "checkout",
    "panier",
    "warenkorb",
    "carrito",
    "carrello",
)
_HAS_CART_WORD = " or ".join(
    f"contains({_LOWER.format(attribute)}, '{word}')"
    for attribute in ("@class", "@id", "@name", "@data-action")
    for word in _CART_WORDS
)
# Elements in one pass, in document order: headings, cart controls and forms, price elements.
_ANCHORS = etree.XPath(
    "//h1"
    " | //button | //input[@type='submit' or @type='button' or @type='image']"
    f" | //a[{_HAS_CART_WORD}] | //*[@role='button'][{_HAS_CART_WORD}]"
    " | //form[contains(@action, 'cart') or contains(@action, 'basket') or contains(@action, 'Cart')]"
    f" | //*[{_HAS_PRICE_WORD}]"
)
ADD_TO_CART = re.compile(
    r"add(?:ing)?[\s_-]*(?:it[\s_-]*)?to[\s_-]*(?:my[\s_-]*|your[\s_-]*)?(?:shopping[\s_-]*)?(?:cart|bag|basket|trolley)"
    r"|addto(?:cart|bag|basket)|buy[\s_-]*(?:it[\s_-]*)?now|pre-?order now"
    r"|in den (?:warenkorb|einkaufswagen)|ajouter au panier|a[ñn]adir a(?:l)? (?:la )?(?:carrito|cesta)"
    r"|aggiungi al carrello|toevoegen aan (?:winkelwagen|winkelmand)|l[äa]gg i varukorgen|l[æa]g i kurv"
    r"|legg i handlekurv|dodaj do koszyka|adicionar ao carrinho|в корзину|sepete ekle"
    r"|カートに(?:入れる|追加)|加入购物车|장바구니 담기",
    re.I,
)
SOLD_OUT = re.compile(
    r"\b(?:out of stock|sold out|currently unavailable|no longer available|not available|unavailable online)\b"
    r"|ausverkauft|nicht (?:mehr )?verfügbar|agotado|épuisé|rupture de stock|esaurito|non disponibile|uitverkocht"
    r"|slutsåld|udsolgt|utsolgt|brak w magazynie|нет в наличии|品切れ|在庫切れ|缺货|售罄",
    re.I,
)
_STOCK_CONTEXT = re.compile(r"stock|availab|inventory|status|soldout|sold-out|out-of", re.I)
_FORMER_CLASS = re.compile(
    r"old|was|strike|crossed|compare|before|original|list-?price|listprice|msrp|rrp|retail|price-?reg|reg-?price"
    r"|regular|line-?through|price-?standard|strikethrough|previous|non-?sale",
    re.I,
)
_CURRENT_CLASS = re.compile(
    r"sale|now|special|current|final|offer|our-?price|deal|promo|reduced|your-?price|actual|selling|price-?new|new-?price",
    re.I,
)
_NOISE_CONTEXT = re.compile(
    r"related|recommend|similar|upsell|up-sell|cross-?sell|carousel|recently|also-?(?:bought|viewed|like)"
    r"|mini-?cart|cart-?summary|footer|sponsored|bundle|accessor|you-?may|complete-?the-?look|wishlist|rr_",
    re.I,
)
_NOT_A_PRICE_CONTEXT = re.compile(
    r"shipping|delivery|installment|per-?month|monthly|finance|save|saving|discount-amount|tax", re.I
)
_HIDDEN_CLASS = re.compile(r"(?:^|\s)(?:hidden|hide|d-none|is-hidden|invisible|visually-hidden|sr-only)(?:\s|$)")
_MAX_BUY_BOX_NODES = 400
_NOISE_TAGS = {"footer", "nav", "header", "aside"}
MAX_PRICE_TEXT = 80


@dataclass(frozen=True, slots=True)
class PriceCandidate:
    amount: Decimal
    currency: str | None
    order: int  # position among the page's anchors and price elements
    former: bool  # struck through or labelled as the old price
    current: bool  # labelled as the sale / current price
    noise: bool  # inside related products, footers, carts
    has_symbol: bool
    text: str
    element: etree._Element


@dataclass(frozen=True, slots=True)
class VisiblePage:
    headings: list[tuple[int, str, etree._Element]]  # (order, text, element) of each non-empty <h1>
    cart_controls: list[tuple[int, etree._Element]]
    prices: list[PriceCandidate]
    sold_out_near_cart: bool


def read_visible_page(root: lxml.html.HtmlElement, locale: PageLocale) -> VisiblePage:
    try:
        anchors = _ANCHORS(root)
    except etree.XPathError:
        anchors = []
    headings: list[tuple[int, str, etree._Element]] = []
    cart_controls: list[tuple[int, etree._Element]] = []
    prices: list[PriceCandidate] = []
    for order, element in enumerate(anchors[:5000]):
        tag = element.tag
        if tag == "h1":
            text = element_text(element, 500)
            if text:
                headings.append((order, text, element))
        elif (tag in ("button", "input", "a", "form") or element.get("role") == "button") and _is_cart_control(element):
            cart_controls.append((order, element))
        if tag != "form" and _has_price_word(element):
            candidate = _price_candidate(element, order, locale)
            if candidate is not None:
                prices.append(candidate)
    return VisiblePage(headings, cart_controls, prices, _sold_out_near_cart(cart_controls))


def _has_price_word(element: etree._Element) -> bool:
    return any("price" in (element.get(attribute) or "").lower() for attribute in ("class", "id", "itemprop"))


def _is_cart_control(element: etree._Element) -> bool:
    if element.tag == "form":
        return "/cart" in (element.get("action") or "").lower() or "basket" in (element.get("action") or "").lower()
    words = " ".join(
        element.get(attribute) or ""
        for attribute in ("value", "aria-label", "title", "id", "class", "name", "data-action")
    )
    if ADD_TO_CART.search(words):
        return True
    return bool(ADD_TO_CART.search(element_text(element, 100)))


def _price_candidate(element: etree._Element, order: int, locale: PageLocale) -> PriceCandidate | None:
    text = element_text(element, MAX_PRICE_TEXT + 1)
    if not text or len(text) > MAX_PRICE_TEXT or not any(char.isdigit() for char in text):
        return None
    own_words = " ".join(element.get(attribute) or "" for attribute in ("class", "id", "itemprop"))
    if _NOT_A_PRICE_CONTEXT.search(own_words):
        return None
    parsed = parse_price(text, locale=locale)
    if parsed.amount is None or parsed.amount <= 0:
        return None
    former = _FORMER_CLASS.search(own_words) is not None or _struck_through(element)
    current = _CURRENT_CLASS.search(own_words) is not None
    return PriceCandidate(
        amount=parsed.amount,
        currency=parsed.currency,
        order=order,
        former=former and not current,
        current=current,
        noise=_in_noise(element),
        has_symbol=parsed.currency is not None,
        text=text,
        element=element,
    )


def _struck_through(element: etree._Element) -> bool:
    for level, node in enumerate(_ancestors_and_self(element)):
        if level > 3:
            return False
        if node.tag in ("del", "s", "strike") or "line-through" in (node.get("style") or ""):
            return True
    return False


def _in_noise(element: etree._Element) -> bool:
    for level, node in enumerate(_ancestors_and_self(element)):
        if level > 15:
            return False
        if node.tag in _NOISE_TAGS:
            return True
        words = (node.get("class") or "") + " " + (node.get("id") or "")
        if level > 0 and _NOISE_CONTEXT.search(words):
            return True
    return False


def _ancestors_and_self(element: etree._Element) -> Iterable[etree._Element]:
    node: etree._Element | None = element
    while node is not None:
        yield node
        node = node.getparent()


def _sold_out_near_cart(cart_controls: list[tuple[int, etree._Element]]) -> bool:
    """A visible sold-out message on a cart control or in a stock element of the buy box around it."""
    for _, control in cart_controls[:3]:
        box = control
        for _ in range(3):
            parent = box.getparent()
            box = parent if parent is not None else box
        for seen, node in enumerate(box.iter(etree.Element)):
            if seen > _MAX_BUY_BOX_NODES:
                break
            words = (node.get("class") or "") + " " + (node.get("id") or "")
            if not (node is control or _STOCK_CONTEXT.search(words)) or _hidden(node):
                continue
            if SOLD_OUT.search(element_text(node, 200)):
                return True
    return False


def _hidden(element: etree._Element) -> bool:
    for level, node in enumerate(_ancestors_and_self(element)):
        if level > 4:
            return False
        style = (node.get("style") or "").replace(" ", "").lower()
        if node.get("hidden") is not None or "display:none" in style or _HIDDEN_CLASS.search(node.get("class") or ""):
            return True
    return False
