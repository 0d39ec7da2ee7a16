"""Google ID-token verification and code exchange against a local OIDC issuer over HTTP."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Any

import jwt
import pytest

from app.auth.google import JWKS_MIN_REFRESH_SECONDS, GoogleSignInError, GoogleVerifier
from app.config import Settings
from app.db import free_port
from app.errors import ServiceUnavailable
from tests.auth.google_issuer import CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, FakeGoogle


def _settings(google: FakeGoogle, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "google_client_ids": [CLIENT_ID, "web-client.apps.googleusercontent.com"],
        "google_client_secret": CLIENT_SECRET,
        "google_jwks_url": google.jwks_url,
        "google_token_url": google.token_url,
    }
    return Settings(_env_file=None, **(values | overrides))


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def verifier(google: FakeGoogle, clock: Clock) -> AsyncIterator[GoogleVerifier]:
    google.jwks_hits = 0
    verifier = GoogleVerifier(_settings(google), clock=clock)
    yield verifier
    await verifier.aclose()


async def _rejected(verifier: GoogleVerifier, token: str, **kwargs: str) -> str:
    with pytest.raises(GoogleSignInError) as failure:
        await verifier.verify_id_token(token, **kwargs)
    assert failure.value.status_code == 401
    return failure.value.reason


async def test_valid_token_gives_the_identity_and_keys_are_cached(google: FakeGoogle, verifier: GoogleVerifier) -> None:
    identity = await verifier.verify_id_token(google.id_token(email="Carol@Gmail.com"))
    again = await verifier.verify_id_token(google.id_token(aud="web-client.apps.googleusercontent.com"))

    assert (identity.sub, identity.email, identity.name) == ("google-sub-123", "carol@gmail.com", "Carol")
    assert again.sub == "google-sub-123"
    assert google.jwks_hits == 1  # max-age honoured: one fetch for both tokens


async def test_keys_are_fetched_again_when_their_max_age_runs_out(
    google: FakeGoogle, verifier: GoogleVerifier, clock: Clock
) -> None:
    await verifier.verify_id_token(google.id_token())
    clock.now += 18_000
    await verifier.verify_id_token(google.id_token())
    assert google.jwks_hits == 1

    clock.now += 1_000  # past the published max-age=19000
    await verifier.verify_id_token(google.id_token())
    assert google.jwks_hits == 2


async def test_wrong_audience_is_rejected(google: FakeGoogle, verifier: GoogleVerifier) -> None:
    assert await _rejected(verifier, google.id_token(aud="someone-else.apps.googleusercontent.com")) == (
        "token is for another client"
    )


async def test_wrong_issuer_is_rejected(google: FakeGoogle, verifier: GoogleVerifier) -> None:
    assert await _rejected(verifier, google.id_token(iss="https://evil.example")) == "token is not from Google"


async def test_expired_token_is_rejected_beyond_the_leeway(google: FakeGoogle, verifier: GoogleVerifier) -> None:
    now = int(time.time())

    assert await _rejected(verifier, google.id_token(iat=now - 7200, exp=now - 3600)) == "token expired"
    assert (await verifier.verify_id_token(google.id_token(iat=now - 3630, exp=now - 30))).sub  # within leeway


async def test_token_signed_by_another_key_is_rejected(google: FakeGoogle, verifier: GoogleVerifier) -> None:
    forged = google.id_token(kid="key-1", signing_key="rogue")

    assert await _rejected(verifier, forged) == "bad token signature"


async def test_symmetric_and_unsigned_tokens_are_refused(google: FakeGoogle, verifier: GoogleVerifier) -> None:
    claims = jwt.decode(google.id_token(), options={"verify_signature": False})
    public_pem = "not-a-secret-but-the-public-key-as-hmac-secret-0123456789"
    hs256 = jwt.encode(claims, public_pem, algorithm="HS256", headers={"kid": "key-1"})
    unsigned = jwt.encode(claims, "", algorithm="none", headers={"kid": "key-1"})

    assert await _rejected(verifier, hs256) == "unexpected token algorithm or key id"
    assert await _rejected(verifier, unsigned) == "unexpected token algorithm or key id"
    assert await _rejected(verifier, "not-a-jwt") == "malformed token"


async def test_unknown_kid_refetches_once_then_is_rejected(
    google: FakeGoogle, verifier: GoogleVerifier, clock: Clock
) -> None:
    await verifier.verify_id_token(google.id_token())
    assert google.jwks_hits == 1
    clock.now += JWKS_MIN_REFRESH_SECONDS

    assert await _rejected(verifier, google.id_token(kid="unknown-1", signing_key="rogue")) == "unknown signing key"
    assert google.jwks_hits == 2
    assert await _rejected(verifier, google.id_token(kid="unknown-2", signing_key="rogue")) == "unknown signing key"
    assert google.jwks_hits == 2  # the floor holds: made-up kids cannot make us hammer Google


async def test_unknown_kid_right_after_a_fetch_is_rejected_without_refetching(
    google: FakeGoogle, verifier: GoogleVerifier
) -> None:
    await verifier.verify_id_token(google.id_token())

    assert await _rejected(verifier, google.id_token(kid="unknown-1", signing_key="rogue")) == "unknown signing key"
    assert google.jwks_hits == 1


async def test_rotated_key_is_picked_up_once_the_floor_has_passed(
    google: FakeGoogle, verifier: GoogleVerifier, clock: Clock
) -> None:
    await verifier.verify_id_token(google.id_token())
    google.add_key("key-2")
    try:
        clock.now += JWKS_MIN_REFRESH_SECONDS
        identity = await verifier.verify_id_token(google.id_token(kid="key-2"))
    finally:
        google.published.remove("key-2")

    assert identity.sub == "google-sub-123"
    assert google.jwks_hits == 2


async def test_unverified_email_is_rejected(google: FakeGoogle, verifier: GoogleVerifier) -> None:
    assert await _rejected(verifier, google.id_token(email_verified=False)) == "email not verified by Google"
    assert await _rejected(verifier, google.id_token(email_verified=None)) == "email not verified by Google"


async def test_nonce_must_match_when_sent(google: FakeGoogle, verifier: GoogleVerifier) -> None:
    token = google.id_token(nonce="n-0S6_WzA2Mj")

    assert (await verifier.verify_id_token(token, nonce="n-0S6_WzA2Mj")).sub == "google-sub-123"
    assert await _rejected(verifier, token, nonce="another-nonce") == "nonce mismatch"
    assert await _rejected(verifier, google.id_token(), nonce="n-0S6_WzA2Mj") == "nonce mismatch"
    # A token minted for a flow with a nonce, replayed without it (issue 13, finding 5).
    assert await _rejected(verifier, token) == "nonce missing"


async def test_the_authorized_party_must_be_one_of_our_clients(google: FakeGoogle, verifier: GoogleVerifier) -> None:
    # Issue 13, finding 5: a token another app obtained with our client id as audience is not a sign-in to us.
    stranger = google.id_token(azp="someone-elses-app.apps.googleusercontent.com")

    assert await _rejected(verifier, stranger) == "token was issued to another client"
    assert (await verifier.verify_id_token(google.id_token(azp=CLIENT_ID))).sub == "google-sub-123"
    assert (await verifier.verify_id_token(google.id_token(azp=None))).sub == "google-sub-123"  # azp is optional


async def test_code_exchange_redeems_the_code_with_pkce_and_the_secret(
    google: FakeGoogle, verifier: GoogleVerifier
) -> None:
    google.grant_code("code-ok", code_verifier="v" * 43, id_token=google.id_token(sub="sub-from-code"))

    identity = await verifier.verify_code(code="code-ok", code_verifier="v" * 43, redirect_uri=REDIRECT_URI)

    assert identity.sub == "sub-from-code"
    request = google.token_requests[-1]
    assert request["client_id"] == CLIENT_ID
    assert request["client_secret"] == CLIENT_SECRET
    assert request["code_verifier"] == "v" * 43


async def test_code_rejected_by_google_is_401(google: FakeGoogle, verifier: GoogleVerifier) -> None:
    google.grant_code("code-2", code_verifier="right-verifier" * 4, id_token=google.id_token())

    with pytest.raises(GoogleSignInError) as failure:
        await verifier.verify_code(code="code-2", code_verifier="wrong-verifier" * 4, redirect_uri=REDIRECT_URI)

    assert failure.value.status_code == 401
    assert failure.value.reason == "authorization code rejected"


async def test_unreachable_google_is_503_not_401(google: FakeGoogle) -> None:
    dead = f"http://127.0.0.1:{free_port()}"
    verifier = GoogleVerifier(_settings(google, google_jwks_url=f"{dead}/jwks", google_token_url=f"{dead}/token"))
    try:
        with pytest.raises(ServiceUnavailable):
            await verifier.verify_id_token(google.id_token())
        with pytest.raises(ServiceUnavailable):
            await verifier.verify_code(code="c", code_verifier="v" * 43, redirect_uri=REDIRECT_URI)
    finally:
        await verifier.aclose()
