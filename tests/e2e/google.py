"""Google's sign-in, played locally: tests/auth's FakeGoogle with a consent page that answers at once beside its
token and JWKS endpoints; the token endpoint here also checks the PKCE verifier against the challenge the page
received."""

from __future__ import annotations

import base64
import hashlib
import secrets
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from tests.auth.google_issuer import CLIENT_ID, FakeGoogle
from tests.support.servers import StubHandler, respond


def s256(verifier: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")


@dataclass
class _Consent:
    challenge: str
    redirect_uri: str


@dataclass
class LocalGoogle(FakeGoogle):
    email: str = "carol@gmail.com"
    authorize_requests: list[dict[str, str]] = field(default_factory=list)
    _consents: dict[str, _Consent] = field(default_factory=dict)

    @property
    def authorize_url(self) -> str:
        return f"{self.base_url}/authorize"

    def _authorize(self, query: dict[str, str]) -> tuple[int, str]:
        """The person consents at once: redirect back with a code bound to the PKCE challenge."""
        self.authorize_requests.append(query)
        redirect_uri = query.get("redirect_uri", "")
        if (
            query.get("client_id") != CLIENT_ID
            or query.get("response_type") != "code"
            or query.get("code_challenge_method") != "S256"
            or not query.get("code_challenge")
            or not query.get("state")
            or not urlsplit(redirect_uri).netloc.endswith(".chromiumapp.org")
        ):
            return 400, ""
        code = secrets.token_urlsafe(16)
        self._consents[code] = _Consent(query["code_challenge"], redirect_uri)
        return 302, f"{redirect_uri}?{urlencode({'code': code, 'state': query['state']})}"

    def _redeem(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        consent = self._consents.pop(form.get("code", ""), None)
        verifier = form.get("code_verifier", "")
        if consent is not None and s256(verifier) == consent.challenge:
            self.grant_code(
                form["code"],
                code_verifier=verifier,
                id_token=self.id_token(email=self.email),
                redirect_uri=consent.redirect_uri,
            )
        return super()._redeem(form)

    def start(self) -> None:
        super().start()
        assert self._server is not None
        self._server.routes["/authorize"] = self._serve_consent

    def _serve_consent(self, handler: StubHandler) -> None:
        query = {name: values[0] for name, values in parse_qs(urlsplit(handler.path).query).items()}
        status, location = self._authorize(query)
        respond(status, headers={"Location": location} if location else None)(handler)
