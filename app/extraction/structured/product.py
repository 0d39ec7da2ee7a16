"""extract_structured: the product a page describes, from its markup and what it shows, with page evidence."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

import lxml.html

from app.extraction.structured.document import PageFacts, parse_html, read_page_facts
from app.extraction.structured.evidence import page_evidence
from app.extraction.structured.images import image_candidates
from app.extraction.structured.jsonld import jsonld_blocks, jsonld_products
from app.extraction.structured.microdata import MICRODATA, RDFA, items
from app.extraction.structured.models import Availability, ImageOrigin, Source, StructuredExtraction
from app.extraction.structured.opengraph import opengraph_product, opengraph_type
from app.extraction.structured.schema import OfferRecord, ProductRecord, is_product, product_record, type_names
from app.extraction.structured.text import clean_name, name_similarity, visible_text
from app.extraction.structured.visible import PriceCandidate, VisiblePage, read_visible_page

logger = logging.getLogger(__name__)

_ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "blogposting",
    "reportagenewsarticle",
    "liveblogposting",
    "techarticle",
    "scholarlyarticle",
    "report",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "reviewnewsarticle",
}
_LISTING_TYPES = {"itemlist", "offercatalog", "collectionpage", "searchresultspage"}
_MIN_MAIN_RECORD_SIMILARITY = 0.34
_PRICE_NEAR_CART_LEVELS = 8  # tree distance (price up + cart up) that still counts as one buy box


@dataclass(frozen=True, slots=True)
class _PriceChoice:
    amount: Decimal
    currency: str | None
    source: Source
    availability: Availability | None = None


def extract_structured(html: str, url: str) -> StructuredExtraction:
    """The product fields the page's markup and visible layout supply, the image candidates, the page evidence,
    and the title and visible text for the LLM stage. Pure and CPU-bound; never raises."""
    try:
        root = parse_html(html) if isinstance(html, str) else None
        if root is None:
            return StructuredExtraction(evidence=page_evidence({"no_price"}))
        return _extract(root, url if isinstance(url, str) else "")
    except Exception:  # hostile or malformed pages must never break the caller
        logger.warning("structured extraction failed", exc_info=True)
        return StructuredExtraction(evidence=page_evidence({"no_price"}))


def _extract(root: lxml.html.HtmlElement, url: str) -> StructuredExtraction:
    facts = read_page_facts(root, url)
    blocks = jsonld_blocks(root)
    jsonld_records, jsonld_types = jsonld_products(blocks, facts.locale)
    microdata_records, microdata_types = _markup_products(root, "microdata", facts)
    rdfa_records, rdfa_types = _markup_products(root, "rdfa", facts)
    records = jsonld_records + microdata_records + rdfa_records
    opengraph = opengraph_product(facts)
    visible = read_visible_page(root, facts.locale)
    text = visible_text(root)

    site_names = (facts.meta_first("og:site_name", "application-name"), _site_label(url))
    heading = _main_heading(visible, (opengraph.name, facts.title, *(record.name for record in records[:3])))
    references = tuple(name for name in (heading[1] if heading else None, opengraph.name, facts.title) if name)
    main = _main_record(records, references)

    fields: dict[str, Any] = {}
    sources: dict[str, Source] = {}

    def put(field: str, value: Any, source: Source) -> None:
        if value not in (None, "") and field not in fields:
            fields[field] = value
            sources[field] = source

    if main is not None:
        put("name", main.name, main.source)
    put("name", clean_name(opengraph.name, site_names), "opengraph")
    if heading is not None:
        put("name", heading[1], "heuristic")
    put("name", clean_name(facts.title, site_names), "heuristic")

    visible_choice = _visible_price(visible, heading)
    price = _choose_price(main, opengraph, visible, visible_choice)
    if price is not None:
        put("price", price.amount, price.source)
        put("currency", price.currency or _page_currency(visible, records, opengraph), price.source)

    sold_out_in_page = visible.sold_out_near_cart
    if sold_out_in_page:
        put("availability", "OutOfStock", "heuristic")
    if price is not None and price.availability:
        put("availability", price.availability, price.source)
    for record in (main, opengraph):
        if record is not None:
            put("availability", _record_availability(record), record.source)
    if visible.cart_controls and price is not None:
        put("availability", "InStock", "heuristic")  # an add-to-cart control and no sold-out message

    for record in (main, opengraph):
        if record is None:
            continue
        put("description", record.description, record.source)
        put("brand", record.brand, record.source)
        put("sku", record.sku, record.source)

    markup_images: list[tuple[str, ImageOrigin]] = []
    for record in (main, opengraph):
        if record is not None:
            markup_images.extend((image, record.source) for image in record.images)
    candidates = image_candidates(markup_images, root, facts)
    if candidates:
        put("image_url", candidates[0].url, "heuristic" if candidates[0].origin == "page" else candidates[0].origin)

    signals = _signals(
        main=main,
        records=records,
        types=jsonld_types | microdata_types | rdfa_types,
        facts=facts,
        opengraph=opengraph,
        visible=visible,
        visible_choice=visible_choice,
        has_price=price is not None,
        heading=heading,
    )
    return StructuredExtraction(
        **fields,
        sources=sources,
        image_candidates=candidates,
        evidence=page_evidence(signals),
        title=facts.title,
        visible_text=text,
        canonical_url=facts.canonical_url,
        language=facts.language,
    )


def _markup_products(
    root: lxml.html.HtmlElement, source: Source, facts: PageFacts
) -> tuple[list[ProductRecord], set[str]]:
    """Product records from microdata or RDFa, leaving out products that are a property of another product
    (related items, variants)."""
    _, every_item = items(root, MICRODATA if source == "microdata" else RDFA)
    nested: set[int] = set()
    types: set[str] = set()
    for item in every_item:
        types |= type_names(item)
        if is_product(item):
            nested.update(id(value) for values in item.values() if isinstance(values, list) for value in values)
    records = [
        product_record(item, source, locale=facts.locale)
        for item in every_item
        if is_product(item) and id(item) not in nested
    ]
    return records, types


def _site_label(url: str) -> str | None:
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    labels = [label for label in host.split(".") if label not in {"www", "shop", "store", "m"}]
    return labels[0] if labels else None


def _main_heading(visible: VisiblePage, names: tuple[str | None, ...]) -> tuple[int, str] | None:
    """The <h1> naming the product: the one most like the page's other names, else the first."""
    if not visible.headings:
        return None
    best = max(
        visible.headings,
        key=lambda heading: (
            max((name_similarity(heading[1], name) for name in names if name), default=0.0),
            -heading[0],
        ),
    )
    return best[0], best[1]


def _main_record(records: list[ProductRecord], references: tuple[str, ...]) -> ProductRecord | None:
    """The product the page is about. With several differently named products, only one that matches the
    page's heading or title qualifies: a related product's data is worse than none."""
    named = [record for record in records if record.name or record.offers]
    if not named:
        return None
    if len({record.name for record in named}) == 1:
        return _merge_same_product(named)

    def similarity(record: ProductRecord) -> float:
        return max((name_similarity(record.name, reference) for reference in references), default=0.0)

    best = max(named, key=lambda record: (similarity(record), bool(record.offers)))
    if similarity(best) < _MIN_MAIN_RECORD_SIMILARITY:
        return None
    return _merge_same_product([record for record in named if record.name == best.name])


def _merge_same_product(records: list[ProductRecord]) -> ProductRecord:
    """Several records of one product (JSON-LD and microdata both, or split blocks): the first, with the
    gaps filled from the others."""
    merged = records[0]
    for other in records[1:]:
        for field in ("name", "description", "brand", "sku", "url"):
            if getattr(merged, field) is None:
                setattr(merged, field, getattr(other, field))
        merged.images = merged.images or other.images
        merged.offers = merged.offers or other.offers
    return merged


def _visible_price(visible: VisiblePage, heading: tuple[int, str] | None) -> PriceCandidate | None:
    """The price the page shows for its product: a price element outside related-products and footers,
    preferring the current (sale) price, the buy box around the add-to-cart control, and the heading's
    neighbourhood."""
    candidates = [candidate for candidate in visible.prices if not candidate.noise]
    if not candidates:
        return None
    cart_ancestors = _ancestor_levels(visible.cart_controls[0][1]) if visible.cart_controls else {}
    after_heading = [candidate for candidate in candidates if heading is not None and candidate.order > heading[0]]

    def score(candidate: PriceCandidate) -> float:
        value = 0.0
        value += 2.0 if candidate.current else 0.0
        value -= 2.5 if candidate.former else 0.0
        value += 1.0 if candidate.has_symbol else 0.0
        if candidate in after_heading:
            value += max(0.0, 2.0 - 0.5 * after_heading.index(candidate))
        distance = _tree_distance(candidate.element, cart_ancestors)
        if distance is not None and distance <= _PRICE_NEAR_CART_LEVELS:
            value += 2.0 - distance / _PRICE_NEAR_CART_LEVELS
        return value

    return max(candidates, key=lambda candidate: (score(candidate), -candidate.order))


def _ancestor_levels(element: Any) -> dict[Any, int]:
    levels: dict[Any, int] = {}
    node = element
    for level in range(_PRICE_NEAR_CART_LEVELS + 1):
        if node is None:
            break
        levels[node] = level
        node = node.getparent()
    return levels


def _tree_distance(element: Any, ancestor_levels: dict[Any, int]) -> int | None:
    node = element
    for level in range(_PRICE_NEAR_CART_LEVELS + 1):
        if node is None:
            return None
        if node in ancestor_levels:
            return level + ancestor_levels[node]
        node = node.getparent()
    return None


def _choose_price(
    main: ProductRecord | None,
    opengraph: ProductRecord,
    visible: VisiblePage,
    visible_choice: PriceCandidate | None,
) -> _PriceChoice | None:
    """Markup price unless the page shows it struck through beside a lower current price (markup often keeps
    the regular price during a sale); among several markup offers the one the page shows, else the lowest;
    with no markup price, the page's own price element."""
    for record in (main, opengraph):
        offers = [offer for offer in (record.offers if record else []) if offer.price is not None and offer.price > 0]
        if not offers or record is None:
            continue
        offer = _offer_shown(offers, visible_choice)
        shown = visible_choice
        if shown is not None and shown.amount < offer.price and _shown_struck_through(offer.price, visible):  # type: ignore[operator]
            return _PriceChoice(shown.amount, shown.currency or offer.currency, "heuristic")
        return _PriceChoice(offer.price, offer.currency, record.source, offer.availability)  # type: ignore[arg-type]
    if visible_choice is not None:
        return _PriceChoice(visible_choice.amount, visible_choice.currency, "heuristic")
    return None


def _offer_shown(offers: list[OfferRecord], shown: PriceCandidate | None) -> OfferRecord:
    if shown is not None:
        for offer in offers:
            if offer.price == shown.amount:
                return offer
    in_stock = [offer for offer in offers if offer.availability != "OutOfStock"] or offers
    return min(in_stock, key=lambda offer: offer.price or Decimal(0))


def _shown_struck_through(amount: Decimal, visible: VisiblePage) -> bool:
    return any(candidate.amount == amount and candidate.former for candidate in visible.prices if not candidate.noise)


def _page_currency(visible: VisiblePage, records: list[ProductRecord], opengraph: ProductRecord) -> str | None:
    """The currency most of the page's prices are in, when the chosen price came without one."""
    counts = Counter(candidate.currency for candidate in visible.prices if candidate.currency)
    for record in (*records, opengraph):
        counts.update(offer.currency for offer in record.offers if offer.currency)
    return counts.most_common(1)[0][0] if counts else None


def _record_availability(record: ProductRecord) -> Availability | None:
    states = {offer.availability for offer in record.offers if offer.availability}
    if "InStock" in states:
        return "InStock"
    return "OutOfStock" if states else None


def _signals(
    *,
    main: ProductRecord | None,
    records: list[ProductRecord],
    types: set[str],
    facts: PageFacts,
    opengraph: ProductRecord,
    visible: VisiblePage,
    visible_choice: PriceCandidate | None,
    has_price: bool,
    heading: tuple[int, str] | None,
) -> set[str]:
    signals: set[str] = set()
    if main is not None and main.name:
        signals.add("schema_product")
        if any(offer.price for offer in main.offers):
            signals.add("schema_offer")
    og_type = opengraph_type(facts) or ""
    if "product" in og_type or og_type.endswith(("item", ":deal")):
        signals.add("og_product")
    if any(offer.price for offer in opengraph.offers):
        signals.add("product_price_meta")
    cart_buttons = [element for _, element in visible.cart_controls if element.tag != "form"]
    if visible.cart_controls:
        signals.add("add_to_cart")
    if visible_choice is not None:
        signals.add("visible_price")
        cart_ancestors = _ancestor_levels(visible.cart_controls[0][1]) if visible.cart_controls else {}
        distance = _tree_distance(visible_choice.element, cart_ancestors)
        if distance is not None and distance <= _PRICE_NEAR_CART_LEVELS:
            signals.add("price_near_cart")
        if heading is not None and 0 < visible_choice.order - heading[0] <= 15:
            signals.add("price_near_heading")
    if og_type == "article" or types & _ARTICLE_TYPES or facts.meta_first("article:published_time"):
        signals.add("article_markup")
    distinct_products = {record.name for record in records if record.name}
    if len(distinct_products) >= 3 or types & _LISTING_TYPES or len(cart_buttons) >= 6:
        signals.add("listing_page")
    if not has_price:
        signals.add("no_price")
    return signals
