from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, EmailStr, Field, StringConstraints, field_validator

from app.carts.schemas import CartTotal
from app.ids import PyObjectId
from app.money import Price

MAX_RECIPIENTS = 10
MAX_MESSAGE_LENGTH = 1000

# A share's status sums up its emails (one per recipient): `skipped` when every recipient is suppressed.
ShareStatus = Literal["queued", "sending", "sent", "failed", "skipped"]
Recipient = Annotated[EmailStr, StringConstraints(max_length=254)]


class ShareCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    recipients: Annotated[list[Recipient], Field(min_length=1, max_length=MAX_RECIPIENTS)]
    message: Annotated[str, StringConstraints(strip_whitespace=True, max_length=MAX_MESSAGE_LENGTH)] | None = None

    @field_validator("recipients")
    @classmethod
    def _unique_recipients(cls, recipients: list[str]) -> list[str]:
        # One copy per mailbox, whatever the letter case of the address.
        return list(dict.fromkeys(recipient.strip().lower() for recipient in recipients))


class ShareCreated(BaseModel):
    share_id: PyObjectId
    status: ShareStatus


class DeliveryOut(BaseModel):
    recipient: str
    status: ShareStatus
    attempts: int
    error: str | None = None
    sent_at: datetime | None = None
    deliveries: list[DeliveryOut] = []


class ShareOut(BaseModel):
    share_id: PyObjectId
    cart_id: PyObjectId
    status: ShareStatus
    recipients: list[str]
    attempts: int
    error: str | None = None
    created_at: datetime
    sent_at: datetime | None = None
    deliveries: list[DeliveryOut] = []


class LinkCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    expires_at: AwareDatetime | None = None  # none: the link lives until revoked (or the cart is deleted)


class LinkOut(BaseModel):
    link_id: PyObjectId
    url: str
    created_at: datetime
    expires_at: datetime | None


class ExportedLinkOut(BaseModel):
    """A public link as the account export lists it: which cart and when, never the link itself (the export file
    may be kept anywhere; the link lists in the extension show the URL)."""

    link_id: PyObjectId
    cart_id: PyObjectId
    created_at: datetime
    expires_at: datetime | None


class SharedItemOut(BaseModel):
    """An item as a link shows it: what a shopper needs, nothing private (no notes, no reservations)."""

    id: PyObjectId  # to reserve it
    name: str
    url: str | None
    image_url: str | None
    price: Price | None
    currency: str | None
    quantity: int
    brand: str | None
    variant: str | None


class SharedCartOut(BaseModel):
    name: str
    owner_name: str | None  # the display name the owner chose, if any; never their email
    item_count: int
    totals: list[CartTotal]
    items: list[SharedItemOut]
    next_cursor: str | None
