from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from app.identifiers import Gtin, Mpn
from app.ids import PyObjectId
from app.money import Currency, Price
from app.pricewatch.schemas import PriceTracking
from app.text import OneLine
from app.weburl import WebUrl

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300), OneLine]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=5000)]
Quantity = Annotated[int, Field(ge=1, le=999)]
CartIds = Annotated[list[PyObjectId], Field(min_length=1, max_length=50)]


class _PriceCurrencyRule(BaseModel):
    @model_validator(mode="after")
    def _currency_with_price(self) -> _PriceCurrencyRule:
        if getattr(self, "price", None) is not None and getattr(self, "currency", None) is None:
            raise ValueError("currency is required when price is given")
        return self


class ItemCreate(_PriceCurrencyRule):
    model_config = ConfigDict(extra="forbid")
    url: WebUrl
    name: Name
    price: Price | None = None
    currency: Currency | None = None
    image_url: WebUrl | None = None
    description: LongText | None = None
    brand: ShortText | None = None
    sku: ShortText | None = None
    gtin: Gtin | None = None
    mpn: Mpn | None = None
    variant: ShortText | None = None
    notes: LongText | None = None
    quantity: Quantity = 1
    cart_ids: CartIds


class ItemUpdate(BaseModel):
    """Fields to change; a field sent as null is cleared (name and quantity cannot be)."""

    model_config = ConfigDict(extra="forbid")
    name: Name | None = None
    price: Price | None = None
    currency: Currency | None = None
    image_url: WebUrl | None = None
    description: LongText | None = None
    brand: ShortText | None = None
    sku: ShortText | None = None
    gtin: Gtin | None = None
    mpn: Mpn | None = None
    variant: ShortText | None = None
    notes: LongText | None = None
    quantity: Quantity | None = None
    cart_ids: CartIds | None = None

    @model_validator(mode="after")
    def _required_fields_not_cleared(self) -> ItemUpdate:
        for field in ("name", "quantity", "cart_ids"):
            if field in self.model_fields_set and getattr(self, field) is None:
                raise ValueError(f"{field} cannot be null")
        return self


class ItemOut(BaseModel):
    id: PyObjectId
    url: str
    canonical_url: str
    name: str
    price: Price | None = None
    currency: str | None = None
    image_url: str | None = None
    description: str | None = None
    brand: str | None = None
    sku: str | None = None
    gtin: str | None = None
    mpn: str | None = None
    variant: str | None = None
    notes: str | None = None
    quantity: int
    cart_ids: list[PyObjectId]
    created_at: datetime
    updated_at: datetime
    price_tracking: PriceTracking | None = Field(
        default=None, description="The product's price as seen since (shared history); null when never seen"
    )
