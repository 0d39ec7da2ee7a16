from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, EmailStr, StringConstraints

from app.carts.access import MemberRole, Role
from app.ids import PyObjectId
from app.text import OneLine


class InvitationCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    email: Annotated[EmailStr, StringConstraints(max_length=254)]
    role: MemberRole


class InvitationQueued(BaseModel):
    invitation_id: PyObjectId
    expires_at: datetime


class InvitationAccept(BaseModel):
    model_config = ConfigDict(extra="forbid")
    token: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class InvitationAccepted(BaseModel):
    cart_id: PyObjectId
    role: MemberRole


class SentInvitationOut(BaseModel):
    """An invitation the person sent, as their account export lists it (never its code)."""

    invitation_id: PyObjectId
    cart_id: PyObjectId
    email: str
    role: MemberRole
    status: Literal["pending", "accepted", "expired"]
    created_at: datetime
    expires_at: datetime


class MemberOut(BaseModel):
    user_id: PyObjectId
    name: str | None
    email: str | None  # shown to the owner only (they invited by address); members see names
    role: Role
    since: datetime | None  # when they joined; None for the owner


class MemberUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    role: MemberRole


class ReservationOut(BaseModel):
    item_id: PyObjectId
    name: str  # the member's display name, or the name a link visitor gave
    by_you: bool
    since: datetime


class MadeReservationOut(BaseModel):
    """A reservation the person made on someone else's cart, as their account export lists it."""

    item_id: PyObjectId
    cart_id: PyObjectId  # the cart it was made in (and the item is in: it lapses when the item leaves)
    name: str
    since: datetime


VisitorName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60), OneLine]


class VisitorReserve(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: VisitorName


class VisitorReservation(BaseModel):
    item_id: PyObjectId
    name: str
    release_code: str  # shown once: the only way to release this reservation


class VisitorRelease(BaseModel):
    model_config = ConfigDict(extra="forbid")
    release_code: Annotated[str, StringConstraints(min_length=1, max_length=200)]
