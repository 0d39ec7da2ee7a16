"""Value types of the structured-data stage: what it found in a page, and where each value came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

MarkupSource = Literal["jsonld", "microdata", "rdfa", "opengraph"]
# "heuristic": read from the page's layout or text, not from markup; "url": from the page's address
Source = Literal[MarkupSource, "heuristic", "url"]
Availability = Literal["InStock", "OutOfStock"]
IdentifierKind = Literal["sku", "gtin", "mpn"]
IDENTIFIER_FIELDS: tuple[IdentifierKind, ...] = ("sku", "gtin", "mpn")
# "request": an image URL the extension sent beside the page (added by the ranking stage, not found in the page)
ImageOrigin = Literal[MarkupSource, "page", "request"]


@dataclass(frozen=True, slots=True)
class ParsedPrice:
    """An amount and its ISO-4217 currency; either may be unknown."""

    amount: Decimal | None
    currency: str | None


@dataclass(frozen=True, slots=True)
class ImageCandidate:
    """An absolute image URL the image stage ranks (CLIP or the heuristic), with what we know about it."""

    url: str
    origin: ImageOrigin
    position: int  # order of discovery: markup images first, then page images in document order
    width: int | None = None  # declared in markup, if any
    height: int | None = None
    alt: str | None = None


@dataclass(frozen=True, slots=True)
class PageEvidence:
    """Signals in the page for and against "this is a single-product page", and their combined score in [0, 1]."""

    signals: frozenset[str]
    score: float


@dataclass(frozen=True, slots=True)
class StructuredExtraction:
    """Everything the structured-data stage found; `sources` names the stage that supplied each product field."""

    name: str | None = None
    price: Decimal | None = None
    regular_price: Decimal | None = None  # the price before a sale, only when above `price`
    currency: str | None = None
    image_url: str | None = None
    description: str | None = None
    brand: str | None = None
    sku: str | None = None
    gtin: str | None = None
    mpn: str | None = None
    availability: Availability | None = None
    sources: dict[str, Source] = field(default_factory=dict)
    image_candidates: list[ImageCandidate] = field(default_factory=list)
    evidence: PageEvidence = field(default_factory=lambda: PageEvidence(frozenset(), 0.0))
    title: str | None = None
    visible_text: str = ""
    canonical_url: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class ProductIds:
    sku: str | None = None
    gtin: str | None = None
    mpn: str | None = None

    def get(self, kind: IdentifierKind) -> str | None:
        value: str | None = getattr(self, kind)
        return value
