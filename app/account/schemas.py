from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints, model_validator

from app.auth.schemas import PASSWORD_MAX_LENGTH, Email, GoogleSignInRequest, Password, UserOut
from app.carts.schemas import CartOut, MembershipOut
from app.collaboration.schemas import MadeReservationOut, SentInvitationOut
from app.ids import PyObjectId
from app.items.schemas import ItemOut
from app.sharing.schemas import ExportedLinkOut, ShareOut

# A password being checked, not set: any length is accepted, so a wrong one answers 403, not the policy.
CurrentPassword = Annotated[str, StringConstraints(max_length=PASSWORD_MAX_LENGTH)]


class PasswordChange(BaseModel):
    model_config = ConfigDict(extra="forbid")
    current_password: CurrentPassword
    new_password: Password


class EmailChange(BaseModel):
    model_config = ConfigDict(extra="forbid")
    new_email: Email
    password: CurrentPassword


class AccountDeletion(BaseModel):
    """The password, or (for an account without one) a Google sign-in made just now, in either of its forms."""

    model_config = ConfigDict(extra="forbid")
    password: CurrentPassword | None = None
    google: GoogleSignInRequest | None = None

    @model_validator(mode="after")
    def _one_proof(self) -> AccountDeletion:
        if (self.password is None) == (self.google is None):
            raise ValueError("send either password or google")
        return self


class SessionOut(BaseModel):
    id: PyObjectId
    user_agent: str
    created_at: datetime
    last_used_at: datetime
    current: bool


class AccountExport(BaseModel):
    exported_at: datetime
    user: UserOut
    carts: list[CartOut]
    items: list[ItemOut]
    shares: list[ShareOut]
    sessions: list[SessionOut]
    links: list[ExportedLinkOut]
    memberships: list[MembershipOut]  # carts the person is a member of (not their own)
    invitations: list[SentInvitationOut]  # sent by the person
    reservations: list[MadeReservationOut]  # made by the person (not those others made on their carts)
