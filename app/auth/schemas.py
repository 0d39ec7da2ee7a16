from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, EmailStr, Field, StringConstraints

from app.ids import PyObjectId

PASSWORD_MIN_LENGTH = 8
PASSWORD_MAX_LENGTH = 128

Password = Annotated[str, StringConstraints(min_length=PASSWORD_MIN_LENGTH, max_length=PASSWORD_MAX_LENGTH)]
Email = Annotated[EmailStr, StringConstraints(max_length=254)]
RefreshTokenStr = Annotated[str, StringConstraints(min_length=1, max_length=256)]


class RegisterRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    email: Email
    password: Password
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)] | None = None


class LoginRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    email: Email
    # Any length is accepted here: a login must fail with 401, not reveal the password policy.
    password: Annotated[str, StringConstraints(max_length=PASSWORD_MAX_LENGTH)]


class RefreshRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    refresh_token: RefreshTokenStr


class UserOut(BaseModel):
    id: PyObjectId
    email: str
    name: str | None = None
    has_password: bool
    google_linked: bool
    created_at: datetime


class TokenPair(BaseModel):
    access_token: str
    refresh_token: str
    token_type: str = "bearer"
    expires_in: int = Field(description="Access token lifetime in seconds")
    user: UserOut
