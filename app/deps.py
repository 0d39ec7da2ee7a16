"""Typed dependencies shared by every router."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from bson import ObjectId
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pymongo.asynchronous.database import AsyncDatabase

from app.auth.google import GoogleVerifier
from app.auth.service import require_live_session, require_verified_email
from app.auth.tokens import decode_access_token
from app.config import Settings
from app.errors import Unauthorized
from app.extraction.service import ExtractionPipeline
from app.state import app_state


def get_db(request: Request) -> AsyncDatabase:
    return app_state(request).database.db


def get_app_settings(request: Request) -> Settings:
    return app_state(request).settings


def get_pipeline(request: Request) -> ExtractionPipeline:
    return app_state(request).extraction


def get_google_verifier(request: Request) -> GoogleVerifier:
    return app_state(request).google_verifier


Db = Annotated[AsyncDatabase, Depends(get_db)]
AppSettings = Annotated[Settings, Depends(get_app_settings)]
Pipeline = Annotated[ExtractionPipeline, Depends(get_pipeline)]
GoogleVerifierDep = Annotated[GoogleVerifier, Depends(get_google_verifier)]

_bearer = HTTPBearer(auto_error=False, description="Access token from /auth/login, /auth/register or /auth/google")


@dataclass(frozen=True)
class AuthSubject:
    """Who is calling: a verified access token whose session is still live."""

    user_id: ObjectId
    session_id: ObjectId  # the session (refresh-token family) the access token belongs to


async def get_current_user(
    request: Request,
    settings: AppSettings,
    db: Db,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> AuthSubject:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Unauthorized("Missing bearer token", headers={"WWW-Authenticate": "Bearer"})
    access = decode_access_token(credentials.credentials, settings)
    # One indexed read per request (or this process's memory of one from the last second), so that signing out, a
    # password reset or an account takeover ends the access tokens at once rather than when they expire.
    await require_live_session(db, access, remember_seconds=settings.session_check_cache_seconds)
    request.state.user_id = str(access.user_id)  # the rate limiter keys on it
    return AuthSubject(user_id=access.user_id, session_id=access.session_id)


CurrentUser = Annotated[AuthSubject, Depends(get_current_user)]


async def get_verified_user(user: CurrentUser, db: Db) -> AuthSubject:
    await require_verified_email(db, user.user_id)
    return user


# For routes that send email in the person's name (sharing, invitations, price alerts): 403 `email_not_verified`
# until the address is proven. Google accounts arrive verified.
VerifiedUser = Annotated[AuthSubject, Depends(get_verified_user)]
