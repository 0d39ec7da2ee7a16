from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, PlainSerializer, StringConstraints, WithJsonSchema, model_validator

from app.carts.access import MemberRole, Role
from app.ids import PyObjectId
from app.text import OneLine

CartName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100), OneLine]


class CartCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: CartName


class CartUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: CartName | None = None
    surprises: bool | None = None  # false: the owner sees the gift reservations on the cart

    @model_validator(mode="after")
    def _something_to_change(self) -> CartUpdate:
        if self.name is None and self.surprises is None:
            raise ValueError("give a name or surprises")
        return self


class CartOut(BaseModel):
    id: PyObjectId
    name: str
    is_default: bool
    role: Role  # the caller's: owner, editor or viewer
    surprises: bool  # gift reservations hidden from the owner (the default)
    item_count: int
    created_at: datetime
    updated_at: datetime


# A sum can pass MAX_PRICE, so totals are plain decimals, still serialised as exact strings.
Amount = Annotated[
    Decimal,
    PlainSerializer(lambda amount: str(amount), return_type=str),
    WithJsonSchema({"type": "string", "pattern": r"^\d+(\.\d+)?$", "examples": ["39.98"]}),
]


class MembershipOut(BaseModel):
    """A cart the person is a member of (not its owner), as their account export lists it."""

    cart_id: PyObjectId
    cart_name: str
    role: MemberRole
    since: datetime


class CartTotal(BaseModel):
    """What the priced items in one currency add up to (price times quantity); currencies are never mixed."""

    currency: str
    amount: Amount
    item_count: int


class CartDetail(CartOut):
    totals: list[CartTotal]
    unpriced_item_count: int  # items with no price, left out of every total
