from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

from app.auth.schemas import PASSWORD_MAX_LENGTH, Email, Password, UserOut
from app.carts.schemas import CartOut
from app.ids import PyObjectId
from app.items.schemas import ItemOut
from app.sharing.schemas import ShareOut

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
    model_config = ConfigDict(extra="forbid")
    password: CurrentPassword


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
