"""The one safe outbound HTTP fetcher (SPEC §4) and the URL rules it enforces."""

from app.net.addresses import DEFAULT_ALLOWED_PORTS, is_public_address, system_resolver, validate_public_url
from app.net.errors import (
    BadContentType,
    BadImage,
    BadStatus,
    BlockedAddress,
    ConnectionFailed,
    FetchError,
    FetchTimeout,
    InvalidUrl,
    TooLarge,
    TooManyRedirects,
)
from app.net.fetcher import FetchResult, SafeFetcher
from app.net.images import IMAGE_CONTENT_TYPES, decode_image, fetch_image

__all__ = [
    "DEFAULT_ALLOWED_PORTS",
    "IMAGE_CONTENT_TYPES",
    "BadContentType",
    "BadImage",
    "BadStatus",
    "BlockedAddress",
    "ConnectionFailed",
    "FetchError",
    "FetchResult",
    "FetchTimeout",
    "InvalidUrl",
    "SafeFetcher",
    "TooLarge",
    "TooManyRedirects",
    "decode_image",
    "fetch_image",
    "is_public_address",
    "system_resolver",
    "validate_public_url",
]
