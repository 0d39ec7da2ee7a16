"""Google's sign-in, played locally: a consent page that answers at once, and the token/JWKS endpoints of
tests/auth's FakeGoogle, which here also checks the PKCE verifier against the challenge the page received."""

from __future__ import annotations

import base64
import hashlib
import secrets
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from tests.auth.google_issuer import CLIENT_ID, FakeGoogle


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
    _consent_server: ThreadingHTTPServer | None = None

    @property
    def authorize_url(self) -> str:
        assert self._consent_server is not None
        return f"http://127.0.0.1:{self._consent_server.server_address[1]}/authorize"

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
        google = self

        class ConsentPage(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                status, location = (
                    google._authorize({name: values[0] for name, values in parse_qs(parts.query).items()})
                    if parts.path == "/authorize"
                    else (404, "")
                )
                self.send_response(status)
                if location:
                    self.send_header("Location", location)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self._consent_server = ThreadingHTTPServer(("127.0.0.1", 0), ConsentPage)
        threading.Thread(target=self._consent_server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        super().stop()
        if self._consent_server is not None:
            self._consent_server.shutdown()
            self._consent_server.server_close()
