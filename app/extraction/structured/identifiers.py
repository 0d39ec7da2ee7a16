"""The product's identifiers (sku, gtin, mpn): read from markup here, then chosen among markup, the URL
(url_identifiers) and labelled codes in the visible text (labelled_identifiers). Product-level values before
variant-level ones; a doubtful value is left out (these identifiers are for recognising one product across shops,
where a wrong one does more harm than a missing one)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlsplit

from app.extraction.structured.document import site_label
from app.extraction.structured.labelled_identifiers import labelled_identifiers
from app.extraction.structured.models import IDENTIFIER_FIELDS, IdentifierKind, ProductIds, Source
from app.extraction.structured.text import code_written
from app.extraction.structured.url_identifiers import url_identifiers
from app.identifiers import clean_code, normalise_gtin

if TYPE_CHECKING:
    from app.extraction.structured.schema_org import ProductRecord

_GTIN_PROPERTIES = ("gtin13", "gtin", "gtin12", "gtin14", "gtin8", "isbn", "ean", "upc")
_PRODUCT_ID_PREFIX = re.compile(r"^\s*([a-z][a-z0-9_-]{1,12})\s*:\s*(\S.*)$", re.I)
_GTIN_PREFIXES = {
    "gtin", "gtin8", "gtin12", "gtin13", "gtin14", "ean", "ean13", "upc", "isbn", "isbn13", "isbn10", "jan"
}  # fmt: skip
_MIN_MARKUP_CODE = 4


# --- markup -------------------------------------------------------------------------------------------------


def markup_identifiers(node: dict[str, Any]) -> ProductIds:
    """sku, gtin and mpn of a schema.org Product, ProductGroup or Offer node (JSON-LD-shaped), validated.

    `productID` counts when prefixed ("isbn:…", "gtin13:…", "mpn:…") or, unprefixed, as the shop's code when
    there is no `sku`; a ProductGroup's `productGroupID` is its own code."""
    gtin = next((found for key in _GTIN_PROPERTIES if (found := normalise_gtin(_markup_text(node.get(key))))), None)
    sku = _markup_code(node.get("sku"), "sku")
    mpn = _markup_code(node.get("mpn"), "mpn")
    product_id = _markup_text(node.get("productID"))
    if product_id:
        prefixed = _PRODUCT_ID_PREFIX.match(product_id)
        prefix = prefixed.group(1).lower() if prefixed else None
        if prefixed and prefix in _GTIN_PREFIXES:
            gtin = gtin or normalise_gtin(prefixed.group(2))
        elif prefixed and prefix == "mpn":
            mpn = mpn or clean_code(prefixed.group(2))
        elif prefixed and prefix == "sku":
            sku = sku or clean_code(prefixed.group(2))
        elif not prefixed:
            sku = sku or clean_code(product_id)
    sku = sku or clean_code(_markup_text(node.get("productGroupID")))
    return ProductIds(sku=sku, gtin=gtin, mpn=mpn)


def _markup_code(value: Any, kind: IdentifierKind) -> str | None:
    """A sku or mpn property; one written with its label ("Item # 101095", "Model: AB-12") keeps the code."""
    text = _markup_text(value)
    if not text:
        return None
    return clean_code(text) or labelled_identifiers(text).get(kind)


def _markup_text(value: Any) -> str | None:
    """One property value as text; numbers too (a GTIN written as a JSON number)."""
    while isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        return _markup_text(value.get("@value") or value.get("value") or value.get("name"))
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    return value.strip() if isinstance(value, str) else None


def record_identifiers(record: ProductRecord, page_url: str) -> ProductIds:
    """The product's own identifiers; a field it lacks comes from its offers (variants) only when they
    agree on one value or the page's URL picks out one offer."""
    own = ProductIds(sku=record.sku, gtin=record.gtin, mpn=record.mpn)
    offers = [offer for offer in record.offers if offer.sku or offer.gtin or offer.mpn]
    if not offers:
        return own
    selected = _selected([(offer.url, offer.sku) for offer in offers], page_url)
    filled: dict[str, str] = {}
    for kind in IDENTIFIER_FIELDS:
        if own.get(kind):
            continue
        if selected is not None and (value := getattr(offers[selected], kind)):
            filled[kind] = value
            continue
        values = {value for offer in offers if (value := getattr(offer, kind))}
        if len(values) == 1:
            filled[kind] = values.pop()
    return replace(own, **filled)


def _markup_choice(records: Sequence[ProductRecord], page_url: str) -> dict[IdentifierKind, tuple[str, Source]]:
    """Identifiers of the main product from its markup records (JSON-LD and microdata of one product, or one
    record per variant under the same name). Records that disagree are variants: only the one the URL names
    counts, never simply the first."""
    found = [(record, record_identifiers(record, page_url)) for record in records]
    selected = _selected([(record.url, ids.sku) for record, ids in found], page_url)
    chosen: dict[IdentifierKind, tuple[str, Source]] = {}
    for kind in IDENTIFIER_FIELDS:
        values = [(value, record.source) for record, ids in found if (value := ids.get(kind))]
        if len({value for value, _ in values}) == 1:
            chosen[kind] = values[0]
        elif values and selected is not None and (value := found[selected][1].get(kind)):
            chosen[kind] = (value, found[selected][0].source)
    return chosen


def _selected(candidates: list[tuple[str | None, str | None]], page_url: str) -> int | None:
    """Which one of several (url, sku) variants or offers the page's URL names: by a URL with the same path
    and a shared query value ("?variant=123"), or by its sku in the query. None unless exactly one matches."""
    page = _split(page_url)
    if page is None or not page[1]:
        return None
    page_values = {value for _, value in page[1]}
    matches = []
    for index, (url, sku) in enumerate(candidates):
        own = _split(url) if url else None
        same_url = own is not None and own[0] == page[0] and bool(set(own[1]) & set(page[1]))
        if same_url or (sku and sku in page_values):
            matches.append(index)
    return matches[0] if len(matches) == 1 else None


def _split(url: str) -> tuple[str, list[tuple[str, str]]] | None:
    """A URL's path and query pairs; the host is left out (offer URLs are often relative)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return parts.path.rstrip("/"), [
        (key, value) for key, value in parse_qsl(parts.query) if value and not key.startswith("utm_")
    ]


# --- the page's choice --------------------------------------------------------------------------------------


def page_identifiers(
    main: Sequence[ProductRecord], opengraph: ProductRecord, url: str, text: str, name: str | None
) -> dict[IdentifierKind, tuple[str, Source]]:
    """Each identifier with where it came from: the main product's markup records, then OpenGraph, then the URL
    of a marketplace item, then a labelled code in the visible text. A markup code of under four characters
    ("c13") gives way to a labelled one. An mpn equal to the sku is no part number of its own."""
    chosen: dict[IdentifierKind, tuple[str, Source]] = {}
    opengraph_values = zip(IDENTIFIER_FIELDS, (opengraph.sku, opengraph.gtin, opengraph.mpn), strict=True)
    markup = [
        *_markup_choice(main, url).items(),
        *((kind, (value, opengraph.source)) for kind, value in opengraph_values if value),
    ]
    for kind, (value, source) in markup:
        if kind not in chosen and _acceptable(kind, value, name):
            chosen[kind] = (value, source)
    from_url = url_identifiers(url)
    for kind in IDENTIFIER_FIELDS:
        if (in_url := from_url.get(kind)) and kind not in chosen:
            chosen[kind] = (in_url, "url")
    weak = {kind for kind, (value, _) in chosen.items() if kind != "gtin" and len(value) < _MIN_MARKUP_CODE}
    # A markup sku the page never shows, or one that is the product's GTIN (an ISBN, a JAN), may give way to a code
    # the page labels as its SKU
    doubtful_sku = (
        "sku" in chosen
        and chosen["sku"][1] != "url"
        and (not code_written(chosen["sku"][0], text) or normalise_gtin(chosen["sku"][0]) is not None)
    )
    if len(chosen) < len(IDENTIFIER_FIELDS) or weak or doubtful_sku:
        from_text = labelled_identifiers(text, name, site_label(url) or "")
        for kind in IDENTIFIER_FIELDS:
            labelled = from_text.get(kind)
            if not labelled or not _acceptable(kind, labelled, name):
                continue
            if (
                kind not in chosen
                or kind in weak
                or (kind == "sku" and doubtful_sku and _other_code(labelled, chosen, text))
            ):
                chosen[kind] = (labelled, "heuristic")
    if "mpn" in chosen and "sku" in chosen and chosen["mpn"][0] == chosen["sku"][0]:
        del chosen["mpn"]  # the shop's own code copied into the part number field tells nothing more
    return chosen


def _other_code(labelled: str, chosen: dict[IdentifierKind, tuple[str, Source]], text: str) -> bool:
    """A code the page shows under a SKU label beats a markup sku the person never sees (often the selected
    variant's, or an internal part number), unless one extends the other (product 590414, variant 59041479). A
    markup sku that is the labelled code plus a variant suffix ("95233396_28255854", "95233396#36") is the
    variant's: the product's own code wins, unless the page shows that suffix too, spaced ("4006381 / 333")."""
    markup = chosen["sku"][0]
    if markup.startswith(labelled) and len(markup) > len(labelled) and not markup[len(labelled)].isalnum():
        spaced = r"\s*".join(map(re.escape, (labelled, markup[len(labelled)], markup[len(labelled) + 1 :])))
        return re.search(spaced, text) is None
    return not (labelled.startswith(markup) or markup.startswith(labelled))


def _acceptable(kind: IdentifierKind, value: str, name: str | None) -> bool:
    if kind == "gtin":
        return True  # validated when read
    if kind == "mpn" and normalise_gtin(value):
        return False  # an EAN filed as the part number: no part number, and no proof it is the GTIN either
    return clean_code(value, name=name) is not None
