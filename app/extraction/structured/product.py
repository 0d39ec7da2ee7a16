"""extract_structured: the product a page describes, from its markup and what it shows, with page evidence."""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

from lxml import etree

from app.extraction.structured.brand import labelled_brand
from app.extraction.structured.currency import PageLocale, local_currency
from app.extraction.structured.discount import sale_with_regular
from app.extraction.structured.document import (
    PageFacts,
    element_text,
    parse_html,
    read_page_facts,
    site_label,
    site_of,
)
from app.extraction.structured.heading_price import price_after_heading, price_after_label
from app.extraction.structured.identifiers import page_identifiers
from app.extraction.structured.images import image_candidates
from app.extraction.structured.jsonld import jsonld_blocks, jsonld_products
from app.extraction.structured.microdata import MICRODATA, RDFA, items
from app.extraction.structured.models import Availability, ImageOrigin, MarkupSource, Source, StructuredExtraction
from app.extraction.structured.opengraph import opengraph_product
from app.extraction.structured.price_choice import (
    MainVisiblePrice,
    as_written,
    choose_price,
    main_visible_price,
    old_prices_shown,
    page_currency,
)
from app.extraction.structured.price_parsing import to_money
from app.extraction.structured.product_verdict import page_evidence, page_signals
from app.extraction.structured.scan import PageScan, scan_page
from app.extraction.structured.schema_org import (
    OfferRecord,
    ProductRecord,
    is_product,
    is_sold_item,
    product_record,
    type_names,
)
from app.extraction.structured.shown_name import names_something_else, title_like_name, titled_part, wraps_heading
from app.extraction.structured.stock_message import stock_message
from app.extraction.structured.text import clean_name, is_site_name, name_similarity, visible_text
from app.extraction.structured.visible import MAX_PRICE_TEXT, VisiblePage, read_visible_page, regular_price_near

logger = logging.getLogger(__name__)

_MIN_MAIN_RECORD_SIMILARITY = 0.6
_MAX_EVENT_RECORDS = 3  # one event, written in up to three markup syntaxes
_MIN_EVENT_NAME_IN_TITLE = 0.5  # share of the event name's words in the page title
# An <h2>-<h4> standing in for a missing <h1>: most of its words in the title's or markup's name, not a word or two.
_STAND_IN_LIKENESS = 0.8
_MIN_STAND_IN_CHARS = 8
_MAX_STAND_IN_CHARS = 300
_SECTION_LABELS = frozenset({
    "event", "events", "details", "product details", "item details", "overview", "description", "product", "item",
    "listing", "tickets", "produktdetails", "artikeldetails", "beschreibung", "détails", "détails du produit",
    "detalles", "detalles del producto", "dettagli", "dettagli prodotto", "detalhes", "detalhes do produto",
})  # fmt: skip


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


def _extract(root: etree._Element, url: str) -> StructuredExtraction:
    facts = read_page_facts(root, url)
    scan = scan_page(root)
    jsonld_records, jsonld_types = jsonld_products(jsonld_blocks(scan.jsonld_texts), facts.locale)
    microdata_records, microdata_types = _markup_products(items(root, scan.item_scopes, MICRODATA), "microdata", facts)
    rdfa_records, rdfa_types = _markup_products(items(root, scan.rdfa_scopes, RDFA), "rdfa", facts)
    records = _what_the_page_sells(jsonld_records + microdata_records + rdfa_records, facts)
    opengraph = opengraph_product(facts)
    visible = read_visible_page(scan, facts)

    site_names = (facts.meta_first("og:site_name", "application-name"), site_label(url))
    names = (opengraph.name, facts.title, *(record.name for record in records[:3]))
    heading = _main_heading(visible, names, site_names) or _stand_in_heading(scan, names)
    if heading is not None and (element := _heading_element(scan, heading[0])) is not None:
        heading = heading[0], titled_part(element, heading[1], (opengraph.name, facts.title))
    references = tuple(name for name in (heading[1] if heading else None, opengraph.name, facts.title) if name)
    main = _main_record(records, references)

    fields: dict[str, Any] = {}
    sources: dict[str, Source] = {}

    def put(field: str, value: Any, source: Source) -> None:
        if value not in (None, "") and field not in fields:
            fields[field] = value
            sources[field] = source

    title_name = clean_name(facts.title, site_names)
    shown_name = heading[1] if heading is not None else title_like_name(root, facts.title)
    if shown_name is not None and _section_label(shown_name, title_name):
        shown_name = None
    if main is not None and not names_something_else(main.name, shown_name, site_names):
        put("name", main.name, main.source)
    og_name = clean_name(opengraph.name, site_names)
    if (
        _og_title_names_the_page(opengraph.name, (heading[1] if heading else None, facts.title), site_names)
        and not wraps_heading(opengraph.name, shown_name)
        and not names_something_else(og_name, shown_name, site_names)
    ):
        put("name", og_name, "opengraph")
    put("name", shown_name, "heuristic")
    put("name", title_name, "heuristic")

    shown = _sale_price_if_regular(main_visible_price(visible, heading[0] if heading else None), facts.locale)
    old_prices = old_prices_shown((main, opengraph), visible, shown, facts.locale)
    text = visible_text(root)  # prunes scripts, styles and hidden parts: the readers above need them, those below not
    if shown is None:
        shown = _sale_price_if_regular(_price_in_plain_text(root, scan, heading, facts), facts.locale)
        if shown is not None:  # its old price, if any, is plain text too: the pruned tree still has it
            near_shown = regular_price_near(shown.candidate, visible.first_heading, facts.locale)
            old_prices = replace(old_prices, near_shown=near_shown)
    price = choose_price(main, opengraph, visible, shown, old_prices, text, page_url=url, locale=facts.locale)
    if price is not None:
        # a page that writes no currency anywhere prices in its country's
        currency = price.currency or page_currency(visible, [*records, opengraph]) or local_currency(url, facts.locale)
        put("price", to_money(as_written(price.amount, currency, text)), price.source)
        put("currency", currency, price.source)
        if price.regular is not None and price.regular > price.amount:
            put("regular_price", to_money(as_written(price.regular, currency, text)), price.source)

    in_page = stock_message(visible, shown.candidate if shown else None, heading[0] if heading else None)
    if in_page.near == "OutOfStock":
        put("availability", "OutOfStock", "heuristic")  # the buy box says so, whatever the markup claims
    if price is not None and price.availability:
        put("availability", price.availability, price.source)
    for record in (main, opengraph):
        if record is not None:
            put("availability", _record_availability(record), record.source)
    if in_page.far == "OutOfStock":
        put("availability", "OutOfStock", "heuristic")
    if in_page.said == "InStock" or (visible.cart_controls and price is not None):
        put("availability", "InStock", "heuristic")  # a stock message, or an add-to-cart control

    for record in (main, opengraph):
        if record is None:
            continue
        put("description", record.description, record.source)
        put("brand", record.brand, record.source)
    if "brand" not in fields:
        put("brand", labelled_brand(text, fields.get("name")), "heuristic")
    same_product = [record for record in records if main is not None and record.name == main.name]
    for kind, (value, source) in page_identifiers(same_product, opengraph, url, text, fields.get("name")).items():
        put(kind, value, source)

    markup_images: list[tuple[str, ImageOrigin]] = []
    for record in (main, opengraph):
        if record is not None:
            markup_images.extend((image, record.source) for image in record.images)
    candidates = image_candidates(markup_images, scan.images, facts, fields.get("name"))
    if candidates:
        origin = candidates[0].origin
        put("image_url", candidates[0].url, "heuristic" if origin == "page" or origin == "request" else origin)

    signals = page_signals(
        main=main,
        records=records,
        types=jsonld_types | microdata_types | rdfa_types,
        facts=facts,
        opengraph=opengraph,
        visible=visible,
        shown=shown,
        stock=in_page.said,
        has_price=price is not None,
        has_image=bool(candidates),
        labelled_code=sources.get("sku") == "heuristic",
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


def _what_the_page_sells(records: list[ProductRecord], facts: PageFacts) -> list[ProductRecord]:
    """The product records; on a page describing no product, the one event it sells tickets for: one event (a
    tour's dates or a venue's calendar are a listing), named by the title, its tickets sold on this site (not a
    what's-on guide's link to a ticket shop; an "Open House" on a property page is not what it sells)."""
    products = [record for record in records if not record.is_event]
    if products or not records:
        return products
    names = {record.name for record in records}
    if len(names) != 1 or len(records) > _MAX_EVENT_RECORDS:
        return []
    event = records[0]
    own_tickets = any(offer.url is None or site_of(offer.url) in ("", site_of(facts.url)) for offer in event.offers)
    named = name_similarity(event.name, facts.title) >= _MIN_EVENT_NAME_IN_TITLE
    return records if own_tickets and named else []


def _markup_products(
    every_item: list[dict[str, Any]], source: MarkupSource, facts: PageFacts
) -> tuple[list[ProductRecord], set[str]]:
    """Product records from microdata or RDFa items, leaving out products that are a property of another
    product (related items, variants)."""
    nested: set[int] = set()
    types: set[str] = set()
    for item in every_item:
        types |= type_names(item)
        if is_product(item):
            nested.update(id(value) for values in item.values() if isinstance(values, list) for value in values)
    records = [
        product_record(item, source, locale=facts.locale)
        for item in every_item
        if is_sold_item(item) and id(item) not in nested
    ]
    return records, types


def _amounts_in_price_elements(scan: PageScan, heading_order: int) -> bool:
    """Whether a price element outside the heading block (Mindfactory's "box_info_price" holds the h1, the item
    number and the price) shows an amount. Those that show none (a "Property price" label, a "House prices" menu, a
    price box whose amount sits beside a tooltip's paragraph) do not stand for the page's price: an amount refused
    in one (an instalment, a related product's price) does."""
    element = _heading_element(scan, heading_order)
    wrappers = set(element.iterancestors()) if element is not None else set()
    for _, price in scan.price_elements:
        if price not in wrappers:
            text = element_text(price, MAX_PRICE_TEXT + 1)
            if len(text) <= MAX_PRICE_TEXT and any(char.isdigit() for char in text):
                return True
    return False


def _price_in_plain_text(
    root: etree._Element, scan: PageScan, heading: tuple[int, str] | None, facts: PageFacts
) -> MainVisiblePrice | None:
    """A page whose price elements show no amount: the amount below its heading, else one after a "Price:"
    label."""
    if (
        heading is not None
        and not _amounts_in_price_elements(scan, heading[0])
        and (shown := _price_after_heading(scan, heading[0], facts))
    ):
        return shown
    if labelled := price_after_label(root, facts.locale):
        return MainVisiblePrice(labelled, near_cart=False, near_heading=False, listed=False)
    return None


def _sale_price_if_regular(shown: MainVisiblePrice | None, locale: PageLocale) -> MainVisiblePrice | None:
    """The sale price when the amount chosen is the old one of a pair a discount badge links ("Rp459.000 Rp229.000
    -50%", the old price first and struck by a generated class only)."""
    if shown is None or shown.candidate.current:
        return shown
    pair = sale_with_regular(shown.candidate.element, shown.candidate.amount, locale)
    if pair is None or pair[1] != shown.candidate.amount:
        return shown
    return replace(shown, candidate=replace(shown.candidate, amount=pair[0], former=False))


def _price_after_heading(scan: PageScan, heading_order: int, facts: PageFacts) -> MainVisiblePrice | None:
    """A page with no price element: the amount written just below its heading."""
    element = _heading_element(scan, heading_order)
    candidate = price_after_heading(element, heading_order, facts.locale) if element is not None else None
    return MainVisiblePrice(candidate, near_cart=False, near_heading=True, listed=False) if candidate else None


def _og_title_names_the_page(
    og_title: str | None, others: tuple[str | None, ...], site_names: tuple[str | None, ...]
) -> bool:
    """og:title is the product's name unless it is just the shop's name or shares no word with the page's
    heading and title (a site-wide default like "Costco Wholesale"), the shop's name aside: "Overstock.com: Online
    Shopping - Bedding, …" shares only "Overstock" with the product's title."""
    if not og_title or is_site_name(og_title, site_names):
        return False
    named = clean_name(og_title, site_names) or og_title
    known = [other for other in others if other]
    return not known or any(name_similarity(named, other) > 0 for other in known)


def _section_label(heading: str, title_name: str | None) -> bool:
    """An <h1> that is the layout's label for a section ("Event", "Details"), not the product's name, when the
    title names something else. Only known labels: many product names are a word or two the title lacks."""
    return (
        bool(title_name) and heading.strip().casefold() in _SECTION_LABELS and name_similarity(heading, title_name) == 0
    )


def _main_heading(
    visible: VisiblePage, names: tuple[str | None, ...], site_names: tuple[str | None, ...]
) -> tuple[int, str] | None:
    """The <h1> naming the product: the one most like the page's other names, else the first. Alike either way:
    a heading within the title, or a title cut short within the heading (Amazon's full product title beside a
    short marketing <h1> further down). Of equally alike ones, the one holding more of the names' words: the
    logo's <h1> "Americanas.com" is within the title too. An <h1> that is only the shop's name is none."""
    headings = [heading for heading in visible.headings if not _logo_heading(heading[1], site_names)]
    if not headings:
        return None
    best = max(
        headings,
        key=lambda heading: (
            max(
                (max(name_similarity(heading[1], name), name_similarity(name, heading[1])) for name in names if name),
                default=0.0,
            ),
            max((name_similarity(name, heading[1]) for name in names if name), default=0.0),
            -heading[0],
        ),
    )
    return best[0], best[1]


def _logo_heading(text: str, site_names: tuple[str | None, ...]) -> bool:
    """An <h1> that is the shop's Latin name or domain. A name in another script ("Чайник" on ozon.ru) is not:
    is_site_name finds nothing of it to tell apart from the shop's name."""
    return any(char.isascii() and char.isalnum() for char in text) and is_site_name(text, site_names)


def _stand_in_heading(scan: PageScan, names: tuple[str | None, ...]) -> tuple[int, str] | None:
    """A page with no <h1> (Naver Smart Store, Musinsa, many single-page shops) heads its product with an
    <h2>-<h4> repeating the name its title or markup gives: the first that does."""
    for order, element in scan.subheadings:
        text = element_text(element, _MAX_STAND_IN_CHARS + 1)
        if _MIN_STAND_IN_CHARS <= len(text) <= _MAX_STAND_IN_CHARS and any(
            name_similarity(text, name) >= _STAND_IN_LIKENESS for name in names if name
        ):
            return order, text
    return None


def _heading_element(scan: PageScan, order: int) -> etree._Element | None:
    element = dict(scan.headings).get(order)
    return element if element is not None else dict(scan.subheadings).get(order)


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
    variant_offers = _offers_of_variants(records)
    for other in records[1:]:
        for field in ("name", "description", "brand", "url"):  # identifiers: see page_identifiers
            if getattr(merged, field) is None:
                setattr(merged, field, getattr(other, field))
        merged.images = merged.images or other.images
        merged.offers = merged.offers or other.offers
    if variant_offers:
        merged.offers = variant_offers
    return merged


def _offers_of_variants(records: list[ProductRecord]) -> list[OfferRecord]:
    """One markup block per variant (several JSON-LD Products of one name): every variant's offers, each
    knowing its variant's SKU and URL, so that the selected variant's offer can be found. Empty otherwise."""
    same_source = [record for record in records if record.source == records[0].source]
    if len(same_source) < 2 or len({record.sku or record.url for record in same_source}) < len(same_source):
        return []
    offers: list[OfferRecord] = []
    for record in same_source:
        for offer in record.offers:
            offer.sku = offer.sku or record.sku
            offer.url = offer.url or record.url
            offers.append(offer)
    return offers


def _record_availability(record: ProductRecord) -> Availability | None:
    states = {offer.availability for offer in record.offers if offer.availability}
    if "InStock" in states:
        return "InStock"
    return "OutOfStock" if states else None
