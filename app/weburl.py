"""http(s) URLs as plain strings, bounded in length (stored and echoed, never fetched here)."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, StringConstraints

MAX_URL_LENGTH = 2048


def is_web_url(value: str) -> bool:
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError for a port urlsplit cannot parse
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname) and not any(ch.isspace() for ch in value)


def _check_web_url(value: Any) -> str:
    if not is_web_url(value):
        raise ValueError("must be an http(s) URL")
    return value


WebUrl = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=MAX_URL_LENGTH), AfterValidator(_check_web_url)
]
