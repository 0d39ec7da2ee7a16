"""Why an outbound fetch was refused or failed; each is an `AppError`, so an unhandled one leaves as a 422."""

from __future__ import annotations

from app.errors import AppError


class FetchError(AppError):
    """Base class: the URL could not be fetched safely."""

    status_code = 422
    code = "fetch_failed"
    message = "The URL could not be fetched"


class InvalidUrl(FetchError):
    code = "invalid_url"
    message = "The URL is not an acceptable http(s) URL"


class BlockedAddress(FetchError):
    code = "blocked_address"
    message = "The URL points to a non-public address"


class TooLarge(FetchError):
    code = "fetch_too_large"
    message = "The response body is larger than allowed"


class FetchTimeout(FetchError):
    code = "fetch_timeout"
    message = "The fetch did not finish in time"


class BadContentType(FetchError):
    code = "bad_content_type"
    message = "The response has a content type that is not accepted here"


class TooManyRedirects(FetchError):
    code = "too_many_redirects"
    message = "The URL redirects too many times"


class BadStatus(FetchError):
    code = "upstream_status"
    message = "The remote server answered with an error status"


class ConnectionFailed(FetchError):
    code = "fetch_connection_failed"
    message = "The remote server could not be reached"


class BadImage(FetchError):
    code = "bad_image"
    message = "The response is not an acceptable image"
