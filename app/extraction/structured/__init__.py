"""Stage 2 of extraction: the product data already in the page (JSON-LD, microdata, RDFa, OpenGraph, layout).

Pure, synchronous and CPU-bound: callers run it in a thread pool.
"""

from app.extraction.structured.currency import PageLocale, page_locale, to_iso_currency
from app.extraction.structured.models import (
    Availability,
    ImageCandidate,
    PageEvidence,
    ParsedPrice,
    Source,
    StructuredExtraction,
)
from app.extraction.structured.price_parsing import parse_markup_price, parse_price
from app.extraction.structured.product import extract_structured
from app.extraction.structured.product_verdict import combine_product_confidence

__all__ = [
    "Availability",
    "ImageCandidate",
    "PageEvidence",
    "PageLocale",
    "ParsedPrice",
    "Source",
    "StructuredExtraction",
    "combine_product_confidence",
    "extract_structured",
    "page_locale",
    "parse_markup_price",
    "parse_price",
    "to_iso_currency",
]
