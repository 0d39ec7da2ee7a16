from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, EmailStr, Field, StringConstraints, model_validator

from app.ids import PyObjectId
from app.text import OneLine

PASSWORD_MIN_LENGTH = 8
PASSWORD_MAX_LENGTH = 128

Password = Annotated[str, StringConstraints(min_length=PASSWORD_MIN_LENGTH, max_length=PASSWORD_MAX_LENGTH)]
Email = Annotated[EmailStr, StringConstraints(max_length=254)]
RefreshTokenStr = Annotated[str, StringConstraints(min_length=1, max_length=256)]


class RegisterRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    email: Email
    password: Password
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100), OneLine] | None = None


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
    email_verified: bool = Field(description="Whether the person has proven they read this address")
    created_at: datetime


class TokenPair(BaseModel):
    access_token: str
    refresh_token: str
    token_type: str = "bearer"
    expires_in: int = Field(description="Access token lifetime in seconds")
    user: UserOut


class GoogleSignInRequest(BaseModel):
    """Either `id_token`, or `code` + `code_verifier` + `redirect_uri` (authorization code with PKCE)."""

    model_config = ConfigDict(extra="forbid")
    id_token: Annotated[str, StringConstraints(min_length=1, max_length=8192)] | None = None
    code: Annotated[str, StringConstraints(min_length=1, max_length=2048)] | None = None
    # RFC 7636: 43-128 unreserved characters
    code_verifier: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9._~-]{43,128}$")] | None = None
    redirect_uri: Annotated[str, StringConstraints(min_length=1, max_length=2048)] | None = None
    nonce: Annotated[str, StringConstraints(min_length=1, max_length=256)] | None = None

    @model_validator(mode="after")
    def _one_form(self) -> GoogleSignInRequest:
        code_form = (self.code, self.code_verifier, self.redirect_uri)
        if self.id_token is not None and any(part is not None for part in code_form):
            raise ValueError("send either id_token or code, code_verifier and redirect_uri, not both")
        if self.id_token is None and any(part is None for part in code_form):
            raise ValueError("send id_token, or code with code_verifier and redirect_uri")
        return self


class PasswordResetRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    email: Email


class PasswordResetConfirm(BaseModel):
    model_config = ConfigDict(extra="forbid")
    token: Annotated[str, StringConstraints(min_length=1, max_length=256)]
    new_password: Password


class VerifyEmailConfirm(BaseModel):
    model_config = ConfigDict(extra="forbid")
    token: Annotated[str, StringConstraints(min_length=1, max_length=256)]


class Accepted(BaseModel):
    status: str = "accepted"
