from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field, StringConstraints, field_validator

from app.ids import PyObjectId

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
