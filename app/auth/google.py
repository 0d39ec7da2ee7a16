"""Google sign-in: verify OIDC ID tokens against Google's published keys, and redeem authorization codes (PKCE)."""

from __future__ import annotations

import asyncio
import hmac
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx
import jwt

from app.auth.schemas import GoogleSignInRequest
from app.config import Settings
from app.errors import ServiceUnavailable, Unauthorized

logger = logging.getLogger(__name__)

ALGORITHM = "RS256"  # the only algorithm Google signs ID tokens with; pinned against algorithm confusion
CLOCK_LEEWAY_SECONDS = 60
JWKS_MIN_REFRESH_SECONDS = 60.0  # floor: a flood of tokens with made-up kids cannot make us hammer Google
JWKS_DEFAULT_MAX_AGE_SECONDS = 3600.0
HTTP_TIMEOUT = httpx.Timeout(5.0)
_MAX_AGE = re.compile(r"max-age=(\d+)")


class GoogleSignInError(Unauthorized):
    code = "google_sign_in_failed"
    message = "Google sign-in failed"

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(f"Google sign-in failed: {reason}")


@dataclass(frozen=True)
class GoogleIdentity:
    sub: str
    email: str
    name: str | None
    issued_at: datetime  # when Google signed the person in (the token's iat): how fresh a re-authentication is


class JwksCache:
    """Google's signing keys, kept for the response's max-age and refetched early only for an unknown key id."""

    def __init__(
        self,
        url: str,
        http: httpx.AsyncClient,
        *,
        min_refresh_seconds: float = JWKS_MIN_REFRESH_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.url = url
        self._http = http
        self._min_refresh = min_refresh_seconds
        self._clock = clock
        self._keys: dict[str, jwt.PyJWK] = {}
        self._expires_at = float("-inf")
        self._last_attempt = float("-inf")
        self._lock = asyncio.Lock()

    async def signing_key(self, kid: str) -> jwt.PyJWK:
        if self._clock() >= self._expires_at:
            await self._refresh()
        if kid not in self._keys:
            await self._refresh()  # Google may have rotated its keys since we last looked
        key = self._keys.get(kid)
        if key is None:
            if not self._keys:  # Google's keys could not be fetched at all: our problem, not the caller's
                raise ServiceUnavailable("Google sign-in is temporarily unavailable")
            raise GoogleSignInError("unknown signing key")
        return key

    async def _refresh(self) -> None:
        async with self._lock:
            # Within the floor nothing is fetched again, whoever asked and whether or not the last try worked.
            if self._clock() - self._last_attempt < self._min_refresh:
                return
            self._last_attempt = self._clock()
            try:
                response = await self._http.get(self.url, timeout=HTTP_TIMEOUT)
                response.raise_for_status()
                keys = _parse_jwks(response.json())
            except (httpx.HTTPError, ValueError) as exc:
                logger.warning("Google JWKS fetch failed", extra={"error": type(exc).__name__})
                return  # keep verifying with the keys we have, if any
            self._keys = keys
            self._expires_at = self._last_attempt + max(_max_age(response.headers), self._min_refresh)


def _parse_jwks(document: Any) -> dict[str, jwt.PyJWK]:
    keys: dict[str, jwt.PyJWK] = {}
    for entry in document.get("keys", []) if isinstance(document, dict) else []:
        if not isinstance(entry, dict) or entry.get("kty") != "RSA" or not entry.get("kid"):
            continue
        try:
            keys[str(entry["kid"])] = jwt.PyJWK(entry, algorithm=ALGORITHM)
        except jwt.PyJWTError:
            continue  # one unusable key must not take the others down
    if not keys:
        raise ValueError("no usable RSA keys in the JWKS document")
    return keys


def _max_age(headers: httpx.Headers) -> float:
    match = _MAX_AGE.search(headers.get("cache-control", ""))
    return float(match.group(1)) if match else JWKS_DEFAULT_MAX_AGE_SECONDS


_CLAIM_ERRORS: tuple[tuple[type[jwt.PyJWTError], str], ...] = (
    (jwt.ExpiredSignatureError, "token expired"),
    (jwt.ImmatureSignatureError, "token not valid yet"),
    (jwt.InvalidAudienceError, "token is for another client"),
    (jwt.InvalidIssuerError, "token is not from Google"),
    (jwt.InvalidSignatureError, "bad token signature"),
    (jwt.MissingRequiredClaimError, "token lacks a required claim"),
)


class GoogleVerifier:
    def __init__(
        self,
        settings: Settings,
        http: httpx.AsyncClient | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.client_ids = list(settings.google_client_ids)
        self.issuers = list(settings.google_issuers)
        self.client_secret = settings.google_client_secret
        self.token_url = settings.google_token_url
        self._http = http or httpx.AsyncClient(timeout=HTTP_TIMEOUT)
        self._owns_http = http is None
        self.jwks = JwksCache(settings.google_jwks_url, self._http, clock=clock)

    async def aclose(self) -> None:
        if self._owns_http:
            await self._http.aclose()

    async def verify_id_token(self, id_token: str, *, nonce: str | None = None) -> GoogleIdentity:
        """The identity in a Google ID token, after checking signature, issuer, audience, lifetime and email."""
        if not self.client_ids:
            raise ServiceUnavailable("Google sign-in is not configured on this server")
        try:
            header = jwt.get_unverified_header(id_token)
        except jwt.PyJWTError:
            raise GoogleSignInError("malformed token") from None
        if header.get("alg") != ALGORITHM or not isinstance(header.get("kid"), str):
            raise GoogleSignInError("unexpected token algorithm or key id")
        key = await self.jwks.signing_key(header["kid"])
        try:
            claims = jwt.decode(
                id_token,
                key=key.key,
                algorithms=[ALGORITHM],
                audience=self.client_ids,
                issuer=self.issuers,
                leeway=CLOCK_LEEWAY_SECONDS,
                options={"require": ["iss", "aud", "sub", "exp", "iat"]},
            )
        except jwt.PyJWTError as exc:
            reason = next((text for kind, text in _CLAIM_ERRORS if isinstance(exc, kind)), "invalid token")
            raise GoogleSignInError(reason) from None
        # The party the token was issued to, when it is not the audience: it must be one of our clients too, or a
        # token some other app obtained for our client id could be replayed here.
        if "azp" in claims and claims["azp"] not in self.client_ids:
            raise GoogleSignInError("token was issued to another client")
        return _identity(claims, nonce)

    async def exchange_code(self, *, code: str, code_verifier: str, redirect_uri: str) -> str:
        """Redeem an authorization code (with its PKCE verifier) at Google's token endpoint; returns the ID token."""
        if not self.client_ids or not self.client_secret:
            raise ServiceUnavailable("Google sign-in with an authorization code is not configured on this server")
        form = {
            "grant_type": "authorization_code",
            "code": code,
            "code_verifier": code_verifier,
            "redirect_uri": redirect_uri,
            # The secret belongs to one OAuth client: the first configured id is the one that runs the code flow.
            "client_id": self.client_ids[0],
            "client_secret": self.client_secret,
        }
        try:
            response = await self._http.post(self.token_url, data=form, headers={"Accept": "application/json"})
        except httpx.HTTPError as exc:
            logger.warning("Google token endpoint unreachable", extra={"error": type(exc).__name__})
            raise ServiceUnavailable("Google sign-in is temporarily unavailable") from None
        if response.status_code in (400, 401):  # invalid_grant, bad verifier, redirect mismatch: the caller's fault
            raise GoogleSignInError("authorization code rejected")
        if response.status_code != 200:
            logger.warning("Google token endpoint error", extra={"status": response.status_code})
            raise ServiceUnavailable("Google sign-in is temporarily unavailable")
        try:
            id_token = response.json().get("id_token")
        except ValueError:
            id_token = None
        if not isinstance(id_token, str):
            raise GoogleSignInError("Google returned no ID token")
        return id_token

    async def verify_code(
        self, *, code: str, code_verifier: str, redirect_uri: str, nonce: str | None = None
    ) -> GoogleIdentity:
        """Redeem an authorization code and verify the ID token Google returns for it."""
        id_token = await self.exchange_code(code=code, code_verifier=code_verifier, redirect_uri=redirect_uri)
        return await self.verify_id_token(id_token, nonce=nonce)

    async def verify_sign_in(self, sign_in: GoogleSignInRequest) -> GoogleIdentity:
        """The identity behind either form of a Google sign-in (ID token, or authorization code + PKCE)."""
        if sign_in.id_token is not None:
            return await self.verify_id_token(sign_in.id_token, nonce=sign_in.nonce)
        assert sign_in.code and sign_in.code_verifier and sign_in.redirect_uri  # guaranteed by GoogleSignInRequest
        return await self.verify_code(
            code=sign_in.code,
            code_verifier=sign_in.code_verifier,
            redirect_uri=sign_in.redirect_uri,
            nonce=sign_in.nonce,
        )


def _identity(claims: dict[str, Any], nonce: str | None) -> GoogleIdentity:
    # A flow that used a nonce must present it: a token minted for one sign-in cannot be replayed without it.
    token_nonce = claims.get("nonce")
    if nonce is None and token_nonce is not None:
        raise GoogleSignInError("nonce missing")
    if nonce is not None and not hmac.compare_digest(str(token_nonce or ""), nonce):
        raise GoogleSignInError("nonce mismatch")
    email = claims.get("email")
    if not isinstance(email, str) or "@" not in email:
        raise GoogleSignInError("token carries no email")
    # Only a verified email may create or link an account; Google has sent it as a string in some tokens.
    if claims.get("email_verified") not in (True, "true"):
        raise GoogleSignInError("email not verified by Google")
    name = claims.get("name")
    return GoogleIdentity(
        sub=str(claims["sub"]),
        email=email.strip().lower(),
        name=name if isinstance(name, str) else None,
        issued_at=datetime.fromtimestamp(int(claims["iat"]), UTC),
    )
