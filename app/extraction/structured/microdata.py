"""Microdata (itemscope/itemprop) and RDFa Lite (typeof/property) items as JSON-LD-shaped dicts.

Read directly with lxml (extruct's RDFa path goes through rdflib and costs ~100x more); only what the
product extractor needs: item types, properties, nested items and microdata's itemref.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lxml import etree

from app.extraction.structured.document import element_text
from app.extraction.structured.price_element_text import shown_price_text

MAX_ITEMS = 300
MAX_PROPERTIES = 2000
_URL_ATTRIBUTE = {
    "a": "href",
    "area": "href",
    "link": "href",
    "img": "src",
    "audio": "src",
    "video": "src",
    "source": "src",
    "embed": "src",
    "iframe": "src",
    "track": "src",
    "object": "data",
}
_PLACEHOLDER = re.compile(r"blank|spacer|placeholder|loading|lazy|transparent|pixel|1x1", re.I)
_LAZY_SOURCE_ATTRIBUTES = (
    "data-src",
    "data-original",
    "data-lazy-src",
    "data-zoom-image",
    "srcset",
    "data-srcset",
)


@dataclass(frozen=True, slots=True)
class Syntax:
    type: str  # attribute naming an item's type
    prop: str  # attribute naming a property


MICRODATA = Syntax("itemtype", "itemprop")
RDFA = Syntax("typeof", "property")


def items(root: etree._Element, scopes: list[etree._Element], syntax: Syntax) -> list[dict[str, Any]]:
    """Every item opened by `scopes` (itemscope / typeof elements), as {"@type": [...], prop: [values...]};
    a nested item is also the value of its parent's property."""
    by_element: dict[etree._Element, dict[str, Any]] = {}
    for element in scopes[:MAX_ITEMS]:
        by_element[element] = {"@type": _types(element.get(syntax.type) or "")}
    budget = [MAX_PROPERTIES]
    for element, item in by_element.items():
        _collect(element, item, syntax, by_element, budget)
        if syntax is MICRODATA:
            for ref in (element.get("itemref") or "").split()[:10]:
                referenced = _element_by_id(root, ref)
                if referenced is None or referenced is element:
                    continue
                if referenced.get(syntax.prop):
                    _add_property(referenced, item, syntax, by_element, budget)
                if referenced not in by_element:
                    _collect(referenced, item, syntax, by_element, budget)
    return list(by_element.values())


def _types(value: str) -> list[str]:
    return [name for name in value.split() if name][:5]


def _is_opengraph_property(value: str) -> bool:
    return ":" in value and value.split(":", 1)[0].lower() in {"og", "product", "fb", "twitter", "article"}


def _collect(
    scope: etree._Element,
    item: dict[str, Any],
    syntax: Syntax,
    by_element: dict[etree._Element, dict[str, Any]],
    budget: list[int],
) -> None:
    """Add the properties under `scope` to its item, without descending into nested items."""
    stack = list(reversed(scope))
    while stack and budget[0] > 0:
        element = stack.pop()
        if not isinstance(element.tag, str):
            continue
        if element.get(syntax.prop):
            _add_property(element, item, syntax, by_element, budget)
        if element in by_element:
            continue  # a nested item owns what is below it
        stack.extend(reversed(element))


def _add_property(
    element: etree._Element,
    item: dict[str, Any],
    syntax: Syntax,
    by_element: dict[etree._Element, dict[str, Any]],
    budget: list[int],
) -> None:
    names = (element.get(syntax.prop) or "").split()
    if syntax is RDFA:
        names = [name for name in names if not _is_opengraph_property(name)]
    if not names:
        return
    value: dict[str, Any] | str | None = by_element.get(element)  # a nested item, or a plain value
    if value is None:
        lowered = [name.lower() for name in names]
        value = _value(
            element,
            is_price=any(name.endswith("price") for name in lowered),
            is_name=any(name.endswith(_NAMED_BY_TEXT) for name in lowered),
        )
    for name in names[:5]:
        local = name.rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1]
        item.setdefault(local, []).append(value)
        budget[0] -= 1


_NAMED_BY_TEXT = ("brand", "manufacturer")
_LOGO_WORD = re.compile(r"\blogo\b", re.I)  # alt="Acme logo", alt="Logo": the word names no brand


def _value(element: etree._Element, *, is_price: bool, is_name: bool = False) -> str:
    """A property's value, per the microdata rules, with the `content` attribute honoured everywhere
    (shops put it on spans); a price's text without its struck-through old price; a brand put on a link (or its
    logo) by its text or the logo's alt text rather than the link's address."""
    content = element.get("content")
    if content is not None:
        return content
    if is_price:
        return shown_price_text(element) or element_text(element, 200)
    tag = element.tag if isinstance(element.tag, str) else ""
    if is_name and tag in ("a", "area", "img"):
        logo = element if tag == "img" else next(element.iter("img"), None)
        logo_name = _LOGO_WORD.sub(" ", logo.get("alt") or "").strip() if logo is not None else ""
        if named := element_text(element, 200) or logo_name:
            return named
    if tag == "img":
        return image_source(element) or ""
    attribute = _URL_ATTRIBUTE.get(tag)
    if attribute:
        return element.get(attribute) or element.get("resource") or ""
    if tag in ("data", "meter") and element.get("value") is not None:
        return element.get("value") or ""
    if tag == "time" and element.get("datetime"):
        return element.get("datetime") or ""
    if element.get("resource"):
        return element.get("resource") or ""
    return element_text(element, 5000)


def image_source(element: etree._Element) -> str | None:
    """The URL an <img> shows: its src, or a lazy-loading attribute when src is a placeholder."""
    src = (element.get("src") or "").strip()
    if src and not src.startswith("data:") and not _PLACEHOLDER.search(src):
        return src
    for attribute in _LAZY_SOURCE_ATTRIBUTES:
        value = (element.get(attribute) or "").strip()
        if value and not value.startswith("data:"):
            return value.split(",")[0].split()[0] if "srcset" in attribute else value
    return src or None


def _element_by_id(root: etree._Element, element_id: str) -> etree._Element | None:
    try:
        found = root.xpath("//*[@id=$id]", id=element_id)
    except etree.XPathError:
        return None
    return found[0] if found else None
