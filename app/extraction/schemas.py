from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from app.money import Price
from app.pricewatch.schemas import PriceTracking
from app.weburl import WebUrl

MAX_HTML_CHARS = 3_000_000
MAX_TEXT_CHARS = 200_000
MAX_IMAGE_URLS = 20


class ExtractRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    url: WebUrl
    html: Annotated[str, StringConstraints(max_length=MAX_HTML_CHARS)] | None = None
    text: Annotated[str, StringConstraints(max_length=MAX_TEXT_CHARS)] | None = None
    image_urls: Annotated[list[WebUrl], Field(max_length=MAX_IMAGE_URLS)] = Field(default_factory=list)
    title: Annotated[str, StringConstraints(max_length=1000)] | None = None


class ScoredImage(BaseModel):
    url: str
    score: float


class ExtractedProduct(BaseModel):
    name: str | None = None
    price: Price | None = None
    regular_price: Price | None = Field(default=None, description="The price before a sale, when above `price`")
    currency: str | None = None
    image_url: str | None = None
    images: list[ScoredImage] = Field(default_factory=list)
    description: str | None = None
    brand: str | None = None
    sku: str | None = None
    gtin: str | None = None
    mpn: str | None = None
    availability: Literal["InStock", "OutOfStock"] | None = None


class ExtractResponse(BaseModel):
    is_product: bool
    product_confidence: float = Field(description="Page and URL evidence combined; is_product is this >= 0.5")
    page_probability: float | None = Field(
        default=None, description="What the page's own evidence says (null when no HTML was sent)"
    )
    url_probability: float | None = Field(
        default=None, description="What the URL classifier says (null when it is not available)"
    )
    product: ExtractedProduct
    price_tracking: PriceTracking | None = Field(
        default=None,
        description="What BuyHive has seen of this product's price (lowest and highest over 30/90 days); null for "
        "a page that is not a product page",
    )
    sources: dict[str, str] = Field(description="Stage that supplied each field: jsonld, llm:groq, clip, …")
    timings_ms: dict[str, float]
    cached: bool


class ClassifyUrlRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    url: WebUrl


class ClassifyUrlResponse(BaseModel):
    is_product: bool
    confidence: float


class VerifyImageRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    image_url: WebUrl
    product_name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]


class VerifyImageResponse(BaseModel):
    match: bool
    score: float
    threshold: float
