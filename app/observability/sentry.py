"""Sentry, when SENTRY_DSN is set: no PII, and nothing secret leaves the process."""

from __future__ import annotations

from typing import Any

import sentry_sdk

from app.config import Settings
from app.logs import redact

_SECRET_KEYS = frozenset(
    {"authorization", "cookie", "set-cookie", "password", "new_password", "access_token", "refresh_token",
     "id_token", "token", "code", "code_verifier", "jwt_secret_key", "api_key", "x-api-key"}
)  # fmt: skip
FILTERED = "[Filtered]"


def _is_secret_name(name: Any) -> bool:
    if isinstance(name, bytes):
        name = name.decode("latin-1")
    if not isinstance(name, str):
        return False
    # Frame locals arrive serialised: raw ASGI header names look like "b'cookie'".
    if name[:2] in ("b'", 'b"') and name[-1:] in ("'", '"'):
        name = name[2:-1]
    return name.lower() in _SECRET_KEYS


def scrub(value: Any) -> Any:
    """Recursively blank secret-named keys and redact bearer tokens / JWTs inside strings."""
    if isinstance(value, dict):
        return {k: FILTERED if _is_secret_name(k) else scrub(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        # Header lists arrive as [name, value] pairs.
        if len(value) == 2 and _is_secret_name(value[0]):
            return [value[0], FILTERED]
        return [scrub(v) for v in value]
    if isinstance(value, str):
        return redact(value)
    return value


def _before_send(event: dict[str, Any], _hint: dict[str, Any]) -> dict[str, Any]:
    return scrub(event)


def init_sentry(settings: Settings) -> bool:
    if not settings.sentry_dsn:
        return False
    sentry_sdk.init(
        dsn=settings.sentry_dsn,
        environment=settings.environment,
        release=settings.release,
        traces_sample_rate=settings.sentry_traces_sample_rate,
        send_default_pii=False,
        max_request_body_size="never",
        # Frame locals hold request objects whose reprs carry headers and bodies: too easy to leak a secret.
        include_local_variables=False,
        before_send=_before_send,  # type: ignore[arg-type]
        before_send_transaction=_before_send,  # type: ignore[arg-type]
    )
    return True
