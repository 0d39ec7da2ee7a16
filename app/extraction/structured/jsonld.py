"""JSON-LD blocks, read leniently (comments, CDATA, trailing commas, several objects, @graph, @id references)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from app.extraction.structured.currency import PageLocale
from app.extraction.structured.schema_org import (
    ProductRecord,
    as_list,
    is_product,
    is_sold_item,
    product_record,
    type_names,
)

MAX_BLOCK_CHARS = 2_000_000
MAX_NODES = 5000
MAX_DEPTH = 20
# HTML comment and CDATA wrappers some CMSs put around the JSON; matched only at the ends (no scan of the body).
_OPENING_WRAPPER = re.compile(r"^(?:<!--|//\s*<!\[CDATA\[|/\*\s*<!\[CDATA\[\s*\*/|<!\[CDATA\[)")
_CLOSING_WRAPPER = re.compile(r"(?:-->|//\s*\]\]>|/\*\s*\]\]>\s*\*/|\]\]>)$")
_BETWEEN_VALUES = re.compile(r"[\s,]*")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_NOT_MAIN_PRODUCT_KEYS = ("hasVariant", "isRelatedTo", "isSimilarTo", "isAccessoryOrSparePartFor", "isConsumableFor")
_JSON_DECODER = json.JSONDecoder(strict=False)  # raw newlines and tabs inside strings are common


def jsonld_blocks(texts: list[str]) -> list[Any]:
    """Every JSON-LD block (script text) that parses, leniently; the rest are skipped."""
    blocks: list[Any] = []
    for text in texts:
        blocks.extend(_loads_leniently(text[:MAX_BLOCK_CHARS]))
    return blocks


def _loads_leniently(text: str) -> list[Any]:
    text = _without_wrappers(text.strip()).rstrip(";")
    return _several_values(text) or _several_values(_TRAILING_COMMA.sub(r"\1", text))


def _without_wrappers(text: str) -> str:
    head, tail = text[:40], text[-40:]
    start = match.end() if (match := _OPENING_WRAPPER.match(head)) else 0
    end = len(text) - (len(match.group(0)) if (match := _CLOSING_WRAPPER.search(tail)) else 0)
    return text[start:end].strip() if start < end else ""


def _several_values(text: str) -> list[Any]:
    """The JSON values written back to back (separated by whitespace or commas), up to the first that does
    not parse."""
    values: list[Any] = []
    position, end = 0, len(text)
    while position < end:
        try:
            value, position = _JSON_DECODER.raw_decode(text, position)
        except (ValueError, RecursionError):
            break
        values.append(value)
        position = _BETWEEN_VALUES.match(text, position).end()  # type: ignore[union-attr]
    return values


def iter_nodes(blocks: list[Any]) -> Iterator[dict[str, Any]]:
    """Every dict in the blocks, depth-first, bounded in count and depth; @graph members included."""
    stack: list[tuple[Any, int]] = [(block, 0) for block in reversed(blocks)]
    seen = 0
    while stack and seen < MAX_NODES:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            continue
        if isinstance(value, list):
            stack.extend((item, depth + 1) for item in reversed(value))
        elif isinstance(value, dict):
            seen += 1
            yield value
            stack.extend((item, depth + 1) for item in reversed(list(value.values())) if isinstance(item, dict | list))


def jsonld_products(blocks: list[Any], locale: PageLocale) -> tuple[list[ProductRecord], set[str]]:
    """Product and ticketed-event records (top-level ones first, variants of a ProductGroup folded into it) and every
    type seen."""
    by_id: dict[str, dict[str, Any]] = {}
    nodes = list(iter_nodes(blocks))
    for node in nodes:
        node_id = node.get("@id")
        if isinstance(node_id, str) and len(node) > 1:
            by_id.setdefault(node_id, node)

    def resolve(value: Any) -> Any:
        if isinstance(value, dict) and set(value) == {"@id"} and isinstance(value["@id"], str):
            return by_id.get(value["@id"], value)
        return value

    types: set[str] = set()
    not_main: set[int] = set()  # variants (folded into their group) and related products
    for node in nodes:
        types |= type_names(node)
        if is_product(node):
            for key in _NOT_MAIN_PRODUCT_KEYS:
                not_main.update(id(resolve(item)) for item in as_list(node.get(key)))
    products = [
        product_record(node, "jsonld", locale=locale, resolve=resolve)
        for node in nodes
        if is_sold_item(node) and id(node) not in not_main
    ]
    return products, types
