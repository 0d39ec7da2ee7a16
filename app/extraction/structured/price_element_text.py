"""Reading the current price out of a price element: old prices, hidden copies and split cents handled."""

from __future__ import annotations

import re

from lxml import etree

from app.extraction.structured.document import UNRENDERED_TAGS, attribute_words

# Matched against attribute_words() of class/id attributes.
# "fpNoStrikedPrice": a container saying there is no struck price
NOT_BEFORE = r"(?<! no)(?<! not)(?<! non)(?<! without)"
FORMER = re.compile(
    NOT_BEFORE + r" (?:old|was|former|strike\w*|striked|crossed|crossout|compare|before|original|origin|orig|list|msrp"
    r"|rrp|retail|reg|regular|standard|previous|prev|nonsale|non sale|through|del|slashed|lined|prp|vechi) "
)
# Class words that hide an element ("hidden", "d-none", a class "none" of its own); not "overflow-hidden" or the
# many "*-none" utilities ("a-spacing-none" all over Amazon, "rounded-b-none", "border-none"), which hide nothing.
# Nor a hide aimed at some customers only (Cdiscount's "hideFromPro": hidden from business accounts, shown to
# everyone else) or at the element's overflow ("hideOverflow", "hide-scrollbar"): the element itself shows.
HIDDEN = re.compile(
    r"^ none |(?<!overflow)(?<!overflow x)(?<!overflow y)"
    r" (?:hidden|hide|(?:d|dp|display) none|invisible|offscreen|sr only|visually hidden|screen reader) "
    r"(?!(?:from|for|to) (?:pros?|professionals?|business|b2b|trade|resellers?|wholesale) |overflow |scrollbars? )"
)
_CENTS = re.compile(r" (?:cents?|fraction|decimals?|sup|superscript) ")
STRUCK_TAGS = {"del", "s", "strike"}
_STRUCK_CLASS = re.compile(
    NOT_BEFORE
    + r" (?:line through|linethrough|strikethrough|strikeout|strike|striked|lthr|deleted|crossed out|crossedout) "
)
# A price element saying the tax is in it ("消費税込 ¥ 2,200", "inkl. MwSt.", "TTC") beside a main price that does
# not: the buyer pays the taxed one (Japanese shops head with the price before tax, B2B shops with the net one).
TAX_INCLUDED = re.compile(
    r"税込|消費税込|稅込|含税|부가세\s?포함|\b(?:inkl\.?\s*(?:\d+\s?%\s*)?(?:mwst|ust)|incl\.?\s*(?:vat|tax|btw|gst)"
    r"|inc\.?\s*(?:vat|gst)|ttc|iva\s+incl|con\s+iva|s\s+dph|z\s+vat|brutto|с\s+ндс)\b",
    re.IGNORECASE,
)
# A price per unit of measure ("5,54 € pro 1 kg", "(2,50 € / 100 ml)", "$4.90 per 1kg"), not the item's price.
PER_UNIT = re.compile(r"/|\b(?:pro|per|je|par|por|a|al|x)\s+(?:\d|kg|g|l|ml|m|st|stk|stück|100)\b", re.IGNORECASE)
_GROUPED_WHOLE = re.compile(r"(?<![\d.,])\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$")  # "1.599", "12,345,678"
_WHOLE_AMOUNT = re.compile(r"\d{1,3}(?:[,.\u00a0\u202f ]\d{3})*|\d{1,7}")
_SIGN_AND_WHOLE = re.compile(rf"[$£€¥₹₩](?:{_WHOLE_AMOUNT.pattern})")
_MAX_PRICE_NODES = 40


def shown_price_text(element: etree._Element, *, keep_old_prices: bool = False) -> str:
    """The text a price element shows for the current price: struck-through and old-price parts (unless
    `keep_old_prices`, for an element that is itself the old price), hidden screen-reader copies and scripts
    left out, "$31<sup>57</sup>" read as "$31.57"."""
    parts: list[str] = []
    budget = [_MAX_PRICE_NODES]

    def walk(node: etree._Element, depth: int) -> bool:
        budget[0] -= 1
        if budget[0] < 0 or depth > 10:
            return False
        if node.text:
            _append_across_tags(parts, node.text)
        previous: etree._Element | None = None
        for child in node:
            if isinstance(child.tag, str) and not _left_out_of_price(child, keep_old_prices):
                if _is_cents(child, previous) and "".join(parts).rstrip()[-1:].isdigit():
                    parts[:] = [_ungrouped_whole("".join(parts).rstrip()), "."]
                if not walk(child, depth + 1):
                    return False
                previous = child
            if child.tail:
                _append_across_tags(parts, child.tail)
        return True

    walk(element, 0)  # an element too big to read whole keeps what was read: its length then rules it out
    return " ".join("".join(parts).split())


def _ungrouped_whole(text: str) -> str:
    """The whole amount before split-off cents without its thousands points or commas: eMAG's "1.599<sup>99</sup>"
    is 1599.99, which "1.599.99" would not read as."""
    grouped = _GROUPED_WHOLE.search(text)
    if grouped is None:
        return text
    return text[: grouped.start()] + re.sub(r"[.,]", "", grouped.group(0))


def _append_across_tags(parts: list[str], text: str) -> None:
    """Words in two elements are two words ("<span>TL</span><span>KDV</span>", set apart by the page's style), while
    digits still join ("49,<sup>99</sup>")."""
    if parts and parts[-1][-1:].isalpha() and text[:1].isalpha():
        parts.append(" ")
    parts.append(text)


def _left_out_of_price(element: etree._Element, keep_old_prices: bool) -> bool:
    if element.tag in UNRENDERED_TAGS or (element.tag in STRUCK_TAGS and not keep_old_prices):
        return True
    words = attribute_words(element, "class", "id")
    style = (element.get("style") or "").replace(" ", "").lower()
    if keep_old_prices:
        return bool(HIDDEN.search(words) or element.get("hidden") is not None or "display:none" in style)
    return bool(
        FORMER.search(words)
        or HIDDEN.search(words)
        or element.get("hidden") is not None
        or "display:none" in style
        or "line-through" in style
    )


def _is_cents(element: etree._Element, previous: etree._Element | None) -> bool:
    """Two digits set apart as cents: a <sup>, a "cents"/"fraction" class, or a bare two-digit element right
    after an element holding only the whole amount ("<span>64</span> <span>90</span>")."""
    text = (element.text or "").strip()
    if not (len(text) == 2 and text.isdigit() and len(element) == 0):
        return False
    if element.tag == "sup" or _CENTS.search(attribute_words(element, "class")) is not None:
        return True
    whole = (previous.text or "").strip() if previous is not None and len(previous) == 0 else ""
    if _WHOLE_AMOUNT.fullmatch(whole) is not None:
        return True
    # the last thing in an element whose own text is a sign and the whole amount: Best Buy's "$179<span>99</span>"
    parent = element.getparent()
    return (
        previous is None
        and parent is not None
        and not (element.tail or "").strip()
        and element.getnext() is None
        and _SIGN_AND_WHOLE.fullmatch((parent.text or "").strip()) is not None
    )


def is_struck(node: etree._Element) -> bool:
    """Struck through by its tag, its style, a class the stylesheet strikes by (Tailwind's `line-through`,
    Jumia's `-lthr`) or a flag it strikes by (Amazon's `data-a-strike="true"`)."""
    if node.tag in STRUCK_TAGS or "line-through" in (node.get("style") or ""):
        return True
    if node.get("class") and _STRUCK_CLASS.search(attribute_words(node, "class")):
        return True
    return any(key.startswith("data-") and "strike" in key and value == "true" for key, value in node.attrib.items())
