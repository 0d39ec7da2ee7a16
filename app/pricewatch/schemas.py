from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from app.ids import PyObjectId
from app.money import Price

Availability = Literal["InStock", "OutOfStock"]
# Where an observation came from: a person's browser (an /extract or a save) or our own re-check fetch.
ObservationSource = Literal["page", "recheck"]
# The re-check's verdict on a watched product, shown on the item ("blocked": the shop refuses our fetches).
ProductStatus = Literal["ok", "blocked", "gone", "no_price"]
HistoryDays = Annotated[int, Field(ge=1, le=365)]
DropPercent = Annotated[Decimal, Field(gt=0, lt=100, max_digits=5, decimal_places=2)]


class PricePoint(BaseModel):
    at: datetime
    price: Price | None = Field(description="Null when the page showed no price (availability only)")
    currency: str | None
    regular_price: Price | None = None
    availability: Availability | None = None
    source: ObservationSource


class PriceMark(BaseModel):
    """A price at a moment: the lowest or highest of a period, in the current currency only."""

    price: Price
    currency: str
    at: datetime


class PriceHistoryOut(BaseModel):
    points: list[PricePoint] = Field(description="Oldest first; one per change (and at most one unchanged per day)")
    lowest: PriceMark | None = Field(description="Over the period, in the current price's currency")
    highest: PriceMark | None
    last_seen_at: datetime | None = Field(description="When a price for this product was last seen by anyone")
    status: ProductStatus | None = Field(description="The last re-check's verdict; null before the first one")


class PriceTracking(BaseModel):
    """What an item shows about its product's price beyond what was saved (the saved price may be stale)."""

    current: PricePoint | None
    lowest_30d: PriceMark | None
    highest_30d: PriceMark | None
    lowest_90d: PriceMark | None
    highest_90d: PriceMark | None
    last_change_at: datetime | None
    last_seen_at: datetime | None
    status: ProductStatus | None
    status_message: str | None = Field(description="For a status other than ok: what it means for the person")


class WatchIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    target_price: Price | None = Field(default=None, description="Alert when the price is at or below this")
    drop_percent: DropPercent | None = Field(
        default=None, description="Alert when the price falls this many percent below the price when watching began"
    )
    back_in_stock: bool = Field(default=False, description="Alert when an out-of-stock product is in stock again")

    @model_validator(mode="after")
    def _some_condition(self) -> WatchIn:
        if self.target_price is None and self.drop_percent is None and not self.back_in_stock:
            raise ValueError("set at least one of target_price, drop_percent, back_in_stock")
        return self


class WatchOut(BaseModel):
    item_id: PyObjectId
    name: str
    url: str
    target_price: Price | None
    drop_percent: Decimal | None
    back_in_stock: bool
    currency: str | None = Field(description="The currency target_price and drop_percent apply to")
    baseline_price: Price | None = Field(description="The price when watching began (drop_percent is measured from it)")
    last_alert_at: datetime | None
    status: ProductStatus | None
    created_at: datetime
    updated_at: datetime
