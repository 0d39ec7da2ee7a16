"""OpenGraph / Facebook product meta tags (og:*, product:*) as a product record."""

from __future__ import annotations

from app.extraction.structured.currency import to_iso_currency
from app.extraction.structured.document import PageFacts
from app.extraction.structured.price_parsing import parse_markup_price, parse_price
from app.extraction.structured.schema_org import OfferRecord, ProductRecord, availability_of
from app.identifiers import clean_code, normalise_gtin

# Sale price first: shops tag the regular price as product:price and the current one as sale_price.
_PRICE_TAGS = (
    ("product:sale_price:amount", "product:sale_price:currency"),
    ("product:price:amount", "product:price:currency"),
    ("og:price:amount", "og:price:currency"),
    ("product:price", "product:price:currency"),
)


def opengraph_type(facts: PageFacts) -> str | None:
    value = facts.meta_first("og:type")
    return value.lower() if value else None


def opengraph_product(facts: PageFacts) -> ProductRecord:
    """What the meta tags say; the offer only when a price tag is there."""
    record = ProductRecord(
        source="opengraph",
        name=facts.meta_first("og:title", "twitter:title"),
        description=facts.meta_first("og:description", "twitter:description", "description"),
        brand=facts.meta_first("product:brand", "og:brand"),
        sku=clean_code(facts.meta_first("product:retailer_item_id", "product:sku")),
        gtin=normalise_gtin(facts.meta_first("product:gtin", "product:ean", "product:upc", "product:isbn", "og:upc")),
        mpn=clean_code(facts.meta_first("product:mfr_part_no")),
        images=[
            image
            for image in (facts.meta_first("og:image:secure_url", "og:image", "og:image:url", "twitter:image"),)
            if image
        ],
        url=facts.meta_first("og:url"),
    )
    availability = availability_of(facts.meta_first("product:availability", "og:availability"))
    for price_key, currency_key in _PRICE_TAGS:
        raw_price = facts.meta_first(price_key)
        if not raw_price:
            continue
        code = facts.meta_first(currency_key, *(currency for _, currency in _PRICE_TAGS))
        currency = to_iso_currency(code, facts.locale) or parse_price(raw_price, locale=facts.locale).currency
        amount = parse_markup_price(raw_price, currency=currency, locale=facts.locale)
        record.offers.append(OfferRecord(price=amount, currency=currency, availability=availability))
        break
    if not record.offers and availability:
        record.offers.append(OfferRecord(price=None, currency=None, availability=availability))
    return record
