"""Stage 2 of extraction: the product data already in the page (JSON-LD, microdata, RDFa, OpenGraph, layout).

Pure, synchronous and CPU-bound: callers run it in a thread pool.
"""

from app.extraction.structured.currency import PageLocale, page_locale, to_iso_currency
from app.extraction.structured.evidence import combine_product_confidence
from app.extraction.structured.models import (
    Availability,
    ImageCandidate,
    PageEvidence,
    ParsedPrice,
    Source,
    StructuredExtraction,
)
from app.extraction.structured.prices import parse_markup_price, parse_price
from app.extraction.structured.product import extract_structured

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
