"""A local stand-in for Google's OIDC endpoints: RSA keys made here, JWKS and token endpoints over real HTTP."""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from tests.support.servers import StubHandler, StubServer, respond

ISSUER = "https://accounts.google.com"
CLIENT_ID = "buyhive-extension.apps.googleusercontent.com"
CLIENT_SECRET = "test-client-secret"
REDIRECT_URI = "https://extension-id.chromiumapp.org/"


def new_rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@dataclass
class _Grant:
    code_verifier: str
    redirect_uri: str
    id_token: str


@dataclass
class FakeGoogle:
    """Publishes `published` keys at /jwks and redeems codes registered with `grant_code` at /token."""

    keys: dict[str, rsa.RSAPrivateKey] = field(default_factory=dict)
    published: list[str] = field(default_factory=list)
    jwks_hits: int = 0
    token_requests: list[dict[str, str]] = field(default_factory=list)
    _grants: dict[str, _Grant] = field(default_factory=dict)
    _server: StubServer | None = None

    def add_key(self, kid: str, *, publish: bool = True) -> None:
        self.keys[kid] = new_rsa_key()
        if publish:
            self.published.append(kid)

    @property
    def base_url(self) -> str:
        assert self._server is not None
        return self._server.base_url

    @property
    def jwks_url(self) -> str:
        return f"{self.base_url}/jwks"

    @property
    def token_url(self) -> str:
        return f"{self.base_url}/token"

    def id_token(self, *, kid: str | None = None, signing_key: str | None = None, **overrides: Any) -> str:
        """A token like Google's for a verified user; `overrides` replace claims (None removes one)."""
        now = int(time.time())
        claims: dict[str, Any] = {
            "iss": ISSUER,
            "aud": CLIENT_ID,
            "azp": CLIENT_ID,
            "sub": "google-sub-123",
            "email": "carol@gmail.com",
            "email_verified": True,
            "name": "Carol",
            "iat": now,
            "exp": now + 3600,
        }
        for name, value in overrides.items():
            if value is None:
                claims.pop(name, None)
            else:
                claims[name] = value
        kid = kid or self.published[0]
        key = self.keys[signing_key or kid]
        return jwt.encode(claims, key, algorithm="RS256", headers={"kid": kid})

    def grant_code(self, code: str, *, code_verifier: str, id_token: str, redirect_uri: str = REDIRECT_URI) -> None:
        self._grants[code] = _Grant(code_verifier=code_verifier, redirect_uri=redirect_uri, id_token=id_token)

    def _jwks(self) -> dict[str, Any]:
        self.jwks_hits += 1
        keys = []
        for kid in self.published:
            jwk = RSAAlgorithm.to_jwk(self.keys[kid].public_key(), as_dict=True)
            keys.append(jwk | {"kid": kid, "alg": "RS256", "use": "sig"})
        return {"keys": keys}

    def _redeem(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        self.token_requests.append(form)
        grant = self._grants.pop(form.get("code", ""), None)  # codes are single-use, as at Google
        if (
            grant is None
            or form.get("grant_type") != "authorization_code"
            or form.get("client_id") != CLIENT_ID
            or form.get("client_secret") != CLIENT_SECRET
            or form.get("code_verifier") != grant.code_verifier
            or form.get("redirect_uri") != grant.redirect_uri
        ):
            return 400, {"error": "invalid_grant", "error_description": "Bad Request"}
        return 200, {
            "access_token": uuid.uuid4().hex,
            "expires_in": 3599,
            "token_type": "Bearer",
            "scope": "openid email profile",
            "id_token": grant.id_token,
        }

    def start(self) -> None:
        self._server = StubServer({"/jwks": self._serve_jwks, "/token": self._serve_token})

    def stop(self) -> None:
        if self._server is not None:
            self._server.close()

    def _serve_jwks(self, handler: StubHandler) -> None:
        _reply_json(handler, 200, self._jwks(), {"Cache-Control": "public, max-age=19000, must-revalidate"})

    def _serve_token(self, handler: StubHandler) -> None:
        form = {name: values[0] for name, values in parse_qs(handler.body.decode()).items()}
        _reply_json(handler, *self._redeem(form))


def _reply_json(handler: StubHandler, status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> None:
    respond(status, json.dumps(body).encode(), "application/json", headers)(handler)
