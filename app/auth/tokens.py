"""Access tokens (HS256 JWT, short-lived) and opaque refresh tokens (stored only as hashes)."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

import jwt
from bson import ObjectId

from app.clock import utc_now
from app.config import Settings
from app.errors import Unauthorized

ALGORITHM = "HS256"
ACCESS_TOKEN_TYPE = "access"
_INVALID = "Invalid or expired access token"


@dataclass(frozen=True)
class AccessToken:
    user_id: ObjectId
    session_id: ObjectId | None  # the refresh-token family it was issued with; None in tokens older than sessions


def create_access_token(
    user_id: ObjectId, settings: Settings, *, now: datetime | None = None, session_id: ObjectId | None = None
) -> tuple[str, int]:
    issued = now or utc_now()
    lifetime = timedelta(minutes=settings.jwt_access_token_expire_minutes)
    claims = {
        "sub": str(user_id),
        "iat": issued,
        "exp": issued + lifetime,
        "jti": uuid.uuid4().hex,
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "typ": ACCESS_TOKEN_TYPE,
    }
    if session_id is not None:
        claims["sid"] = str(session_id)
    return jwt.encode(claims, settings.jwt_secret_key, algorithm=ALGORITHM), int(lifetime.total_seconds())


def decode_access_token(token: str, settings: Settings) -> AccessToken:
    try:
        claims = jwt.decode(
            token,
            settings.jwt_secret_key,
            algorithms=[ALGORITHM],  # pinned: alg=none and algorithm confusion are refused
            audience=settings.jwt_audience,
            issuer=settings.jwt_issuer,
            options={"require": ["sub", "exp", "iat", "jti", "iss", "aud"]},
        )
    except jwt.PyJWTError:
        raise Unauthorized(_INVALID, headers={"WWW-Authenticate": "Bearer"}) from None
    if claims.get("typ") != ACCESS_TOKEN_TYPE or not ObjectId.is_valid(claims["sub"]):
        raise Unauthorized(_INVALID, headers={"WWW-Authenticate": "Bearer"})
    sid = claims.get("sid")
    session_id = ObjectId(sid) if isinstance(sid, str) and ObjectId.is_valid(sid) else None
    return AccessToken(user_id=ObjectId(claims["sub"]), session_id=session_id)


def new_refresh_token() -> str:
    return secrets.token_urlsafe(32)


def emailed_token(
    *, user_id: ObjectId, outbox_id: ObjectId, lifetime: timedelta, **fields: object
) -> tuple[str, dict[str, object]]:
    """A fresh single-use token for an emailed link, and the document that stores only its hash."""
    token = secrets.token_urlsafe(32)
    now = utc_now()
    document = {
        "token_hash": hash_token(token),
        "user_id": user_id,
        **fields,
        "outbox_id": outbox_id,
        "created_at": now,
        "expires_at": now + lifetime,
        "used_at": None,
    }
    return token, document


def page_link(settings: Settings, page: str, token: str) -> str:
    """The link an email carries to one of the API's pages. The token rides in the fragment, so it never reaches
    a server log on the way to the page."""
    return f"{settings.public_app_url.rstrip('/')}/{page}#token={token}"


def hash_token(token: str) -> str:
    # Refresh tokens carry 256 random bits, so a fast hash is enough: nothing to brute-force.
    return hashlib.sha256(token.encode()).hexdigest()
