"""schema.org Product/Offer nodes (from JSON-LD, microdata or RDFa, all as JSON-LD-shaped dicts) to records."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from app.extraction.structured.currency import PageLocale, to_iso_currency
from app.extraction.structured.document import clean_text
from app.extraction.structured.identifiers import markup_identifiers
from app.extraction.structured.models import Availability, MarkupSource
from app.extraction.structured.price_parsing import parse_markup_price

PRODUCT_TYPES = {
    "product",
    "productgroup",
    "productmodel",
    "individualproduct",
    "someproducts",
    "vehicle",
    "car",
    "motorcycle",
}
# Events a person buys tickets for (see product.py for when one is what the page sells).
_TICKETED_EVENT_TYPES = {
    "event",
    "musicevent",
    "comedyevent",
    "theaterevent",
    "danceevent",
    "sportsevent",
    "festival",
    "childrensevent",
    "exhibitionevent",
    "screeningevent",
    "foodevent",
    "socialevent",
    "literaryevent",
    "educationevent",
    "businessevent",
    "visualartsevent",
}
_SECOND_HAND = re.compile(r"(?<![a-z])(?:used|refurbished|damaged)", re.IGNORECASE)
_LINK = re.compile(r"(?:https?:)?/\S*$")  # an absolute URL or a site path
_REGULAR_PRICE_TYPES = ("strikethrough", "listprice", "msrp", "srp")
_NOT_CURRENT_PRICE_TYPES = (*_REGULAR_PRICE_TYPES, "invoice", "minimumadvertised")
_OUT_OF_STOCK = ("outofstock", "soldout", "discontinued", "out of stock", "sold out", "oos")
_IN_STOCK = (
    "instock",
    "in stock",
    "limitedavailability",
    "onlineonly",
    "instoreonly",
    "presale",
    "preorder",
    "backorder",
)


@dataclass(slots=True)
class OfferRecord:
    price: Decimal | None
    currency: str | None
    availability: Availability | None
    url: str | None = None
    sku: str | None = None
    gtin: str | None = None
    mpn: str | None = None
    regular_price: Decimal | None = None  # a ListPrice / StrikethroughPrice above `price`
    high_price: Decimal | None = None  # an AggregateOffer's highPrice above its lowPrice (`price`): several offers
    second_hand: bool = False  # itemCondition Used / Refurbished / Damaged: another seller's copy, not the item
    name: str | None = None  # an offer named apart from its product: an ad listed on a category page


@dataclass(slots=True)
class ProductRecord:
    """One product described by the page's markup, before the main product is chosen."""

    source: MarkupSource
    name: str | None = None
    description: str | None = None
    brand: str | None = None
    sku: str | None = None
    gtin: str | None = None
    mpn: str | None = None
    images: list[str] = field(default_factory=list)
    offers: list[OfferRecord] = field(default_factory=list)
    url: str | None = None
    is_group: bool = False  # a ProductGroup: its variants' offers are merged in
    is_event: bool = False  # an event offering tickets, not a product


def type_names(node: dict[str, Any]) -> set[str]:
    """Lower-cased local type names of a node: 'http://schema.org/Product' -> 'product'."""
    raw = node.get("@type") or node.get("type") or []
    names = raw if isinstance(raw, list) else [raw]
    return {
        name.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1].rsplit(":", 1)[-1].lower()
        for name in names
        if isinstance(name, str)
    }


def is_product(node: dict[str, Any]) -> bool:
    return bool(type_names(node) & PRODUCT_TYPES)


def is_sold_item(node: dict[str, Any]) -> bool:
    """A product, or an event that offers tickets (what a ticket page sells when it describes no product)."""
    return is_product(node) or bool(type_names(node) & _TICKETED_EVENT_TYPES and node.get("offers"))


def first(value: Any) -> Any:
    """The first value of a property that may be a scalar or a list."""
    while isinstance(value, list):
        if not value:
            return None
        value = value[0]
    return value


def as_text(value: Any, limit: int = 1000) -> str | None:
    value = first(value)
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or value.get("value")
        value = first(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    return clean_text(value)[:limit] or None


def availability_of(value: Any) -> Availability | None:
    """InStock / OutOfStock from schema.org URLs ("https://schema.org/OutOfStock") or words ("out of stock")."""
    compact = re.sub(r"[\s_-]", "", (as_text(value) or "").lower()).rsplit("/", 1)[-1]
    if any(word in compact for word in _OUT_OF_STOCK):
        return "OutOfStock"
    if any(word in compact for word in _IN_STOCK):
        return "InStock"
    return None


def product_record(
    node: dict[str, Any],
    source: MarkupSource,
    *,
    locale: PageLocale,
    resolve: Callable[[Any], Any] = lambda value: value,
) -> ProductRecord:
    """A record from a Product / ProductGroup node, or a ticketed event; `resolve` follows {"@id": ...}
    references (JSON-LD)."""
    ids = markup_identifiers(node)
    record = ProductRecord(
        source=source,
        name=as_text(node.get("name"), 500),
        description=as_text(node.get("description"), 5000),
        brand=_brand(resolve(first(node.get("brand") or node.get("manufacturer")))),
        sku=ids.sku,
        gtin=ids.gtin,
        mpn=ids.mpn,
        images=list(_image_urls(node.get("image"), resolve)),
        url=as_text(node.get("url"), 2000),
        is_group="productgroup" in type_names(node),
        is_event=not is_product(node),
    )
    record.offers = list(_offers(node.get("offers"), resolve, locale))
    if not record.offers and node.get("price") is not None:
        record.offers = list(_offers(node, resolve, locale))  # price written on the product itself
    for variant in as_list(node.get("hasVariant"))[:200]:
        variant = resolve(variant)
        if isinstance(variant, dict):
            variant_ids = markup_identifiers(variant)
            for offer in _offers(variant.get("offers"), resolve, locale):
                offer.sku = offer.sku or variant_ids.sku
                offer.gtin = offer.gtin or variant_ids.gtin
                offer.mpn = offer.mpn or variant_ids.mpn
                offer.url = offer.url or as_text(variant.get("url"), 2000)
                record.offers.append(offer)
            if not record.images:
                record.images = list(_image_urls(variant.get("image"), resolve))
    return record


def as_list(value: Any) -> list[Any]:
    """A property that may be one value or a list, as a list."""
    return value if isinstance(value, list) else [value] if value is not None else []


def _brand(value: Any) -> str | None:
    brand = as_text(value, 200)
    if not brand or brand.lower() in {"null", "none", "undefined", "n/a"}:
        return None
    # microdata's itemprop="brand" on a link reads as its href ("/de/brandlist/renkforce.html"): no name
    return None if _LINK.match(brand) else brand


def _image_urls(value: Any, resolve: Callable[[Any], Any]) -> Iterable[str]:
    for item in as_list(value)[:20]:
        item = resolve(item)
        if isinstance(item, dict):
            item = first(item.get("url") or item.get("contentUrl") or item.get("@id"))
        if isinstance(item, str) and item.strip():
            yield item.strip()


def _offers(value: Any, resolve: Callable[[Any], Any], locale: PageLocale) -> Iterable[OfferRecord]:
    for item in as_list(value)[:200]:
        item = resolve(item)
        if not isinstance(item, dict):
            continue
        nested = item.get("offers")
        if nested is not None and "aggregateoffer" in type_names(item) and isinstance(nested, list | dict):
            yield from _offers(nested, resolve, locale)  # an AggregateOffer that lists its offers
        currency = to_iso_currency(as_text(item.get("priceCurrency")), locale)
        price_value = first(item.get("price"))
        if price_value is None:
            price_value = first(item.get("lowPrice"))
        high_price = parse_markup_price(first(item.get("highPrice")), currency=currency, locale=locale)
        specification = _current_price_specification(item.get("priceSpecification"), resolve)
        if price_value is None and specification is not None:
            price_value = first(specification.get("price"))
            if price_value is None:
                price_value = first(specification.get("minPrice"))
            currency = currency or to_iso_currency(as_text(specification.get("priceCurrency")), locale)
        if isinstance(price_value, dict):
            price_value = price_value.get("@value")
        ids = markup_identifiers(item)
        price = parse_markup_price(price_value, currency=currency, locale=locale)
        if price is None or high_price is None or high_price <= price:
            high_price = None
        yield OfferRecord(
            price=price,
            currency=currency,
            availability=availability_of(item.get("availability")),
            url=as_text(item.get("url"), 2000),
            sku=ids.sku,
            gtin=ids.gtin,
            mpn=ids.mpn,
            regular_price=_regular_price(item.get("priceSpecification"), price, currency, resolve, locale),
            high_price=high_price,
            second_hand=_second_hand(item.get("itemCondition")),
            name=as_text(item.get("name"), 500),
        )


def _regular_price(
    value: Any, price: Decimal | None, currency: str | None, resolve: Callable[[Any], Any], locale: PageLocale
) -> Decimal | None:
    """The price before the sale, from a priceSpecification typed ListPrice / StrikethroughPrice / MSRP, when
    it is above the selling price."""
    if price is None:
        return None
    for item in as_list(value)[:20]:
        item = resolve(item)
        if not isinstance(item, dict):
            continue
        price_type = (as_text(item.get("priceType")) or "").lower()
        if not any(word in price_type for word in _REGULAR_PRICE_TYPES):
            continue
        amount_value = first(item.get("price"))
        if isinstance(amount_value, dict):
            amount_value = amount_value.get("@value")
        amount = parse_markup_price(amount_value, currency=currency, locale=locale)
        if amount is not None and amount > price:
            return amount
    return None


def _current_price_specification(value: Any, resolve: Callable[[Any], Any]) -> dict[str, Any] | None:
    """The priceSpecification that is the selling price (not a strikethrough / list price)."""
    for item in as_list(value)[:20]:
        item = resolve(item)
        if not isinstance(item, dict):
            continue
        price_type = (as_text(item.get("priceType")) or "").lower()
        if not any(word in price_type for word in _NOT_CURRENT_PRICE_TYPES):
            return item
    return None


def _second_hand(condition: Any) -> bool:
    """itemCondition Used / Refurbished / Damaged, written as text, a URL or a {"@id": …} node."""
    value = first(condition)
    if isinstance(value, dict):
        value = value.get("@id") or value.get("name")
    return _SECOND_HAND.search(as_text(value, 200) or "") is not None
