"""The one outbound HTTP fetcher (SPEC §4): every URL a page or a user names is fetched through `SafeFetcher`."""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Collection, Iterable, Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from http.cookiejar import CookieJar, DefaultCookiePolicy
from types import TracebackType
from typing import Self

import httpcore
import httpx

from app.net.addresses import (
    DEFAULT_ALLOWED_PORTS,
    Resolver,
    Target,
    check_url,
    normalize_hosts,
    resolve_allowed,
    system_resolver,
)
from app.net.errors import (
    BadContentType,
    BadStatus,
    BlockedAddress,
    ConnectionFailed,
    FetchTimeout,
    TooLarge,
    TooManyRedirects,
)

USER_AGENT = "BuyHiveBot/1.0"
DEFAULT_MAX_REDIRECTS = 5


@dataclass(frozen=True, slots=True)
class FetchResult:
    url: str
    final_url: str
    status: int
    content_type: str  # media type only, lower case, parameters dropped
    body: bytes
    headers: Mapping[str, str] = field(default_factory=dict)  # the final response's, names lower case


@dataclass(frozen=True, slots=True)
class _Pin:
    host: str
    addresses: tuple[str, ...]


# The addresses vetted for the request being sent in this task: the network backend connects only to these.
_pin: ContextVar[_Pin | None] = ContextVar("buyhive_fetch_pin", default=None)


class _PinnedBackend(httpcore.AsyncNetworkBackend):
    """Opens TCP connections only to vetted addresses: no second DNS lookup between check and connect."""

    def __init__(self) -> None:
        self._backend = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109 (httpcore's interface)
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        pin = _pin.get()
        if pin is None or pin.host != host:
            raise BlockedAddress(f"{host} was not checked before connecting")
        failure: httpcore.ConnectError | None = None
        for address in pin.addresses:
            try:
                return await self._backend.connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:  # unreachable (e.g. no IPv6 route): try the next vetted address
                failure = exc
        assert failure is not None
        raise failure

    async def sleep(self, seconds: float) -> None:
        await self._backend.sleep(seconds)


class _PinnedTransport(httpx.AsyncHTTPTransport):
    def __init__(self, *, ssl_context: ssl.SSLContext, limits: httpx.Limits) -> None:
        super().__init__(verify=ssl_context, trust_env=False, limits=limits)
        # httpx takes no network backend argument: swap in a pool like its own, built on the pinned backend.
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=_PinnedBackend(),
        )


class SafeFetcher:
    """GETs untrusted URLs: public addresses only (checked after DNS, on every hop), bounded size, time and types.

    One instance per process (created in the app lifespan, closed on shutdown); it holds one pooled client.
    `allowed_private_hosts` exempts exact host names from the address and port rules: for tests only.
    """

    def __init__(
        self,
        *,
        allowed_private_hosts: Iterable[str] = (),
        allowed_ports: Collection[int] = DEFAULT_ALLOWED_PORTS,
        max_redirects: int = DEFAULT_MAX_REDIRECTS,
        resolver: Resolver = system_resolver,
        ssl_context: ssl.SSLContext | None = None,
        max_connections: int = 50,
    ) -> None:
        self._allowed_private_hosts = normalize_hosts(allowed_private_hosts)
        self._allowed_ports = frozenset(allowed_ports)
        self._max_redirects = max_redirects
        self._resolver = resolver
        transport = _PinnedTransport(
            ssl_context=ssl_context or httpx.create_ssl_context(trust_env=False),
            limits=httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_connections),
        )
        self._client = httpx.AsyncClient(
            transport=transport,
            trust_env=False,  # no proxies (they would resolve names themselves) and no .netrc credentials
            follow_redirects=False,  # every hop is checked here
            cookies=CookieJar(DefaultCookiePolicy(allowed_domains=[])),  # keep no cookies (httpx keeps this jar as is)
            # Compressed bodies could expand far past max_bytes within a single chunk.
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"},
        )

    async def fetch(
        self,
        url: str,
        *,
        max_bytes: int,
        accept_types: Collection[str],
        deadline_s: float,
        headers: Mapping[str, str] | None = None,
        error_status_raises: bool = True,
    ) -> FetchResult:
        """GET `url` and return its body, or raise a `FetchError` saying which rule refused it.

        `accept_types` holds media types such as "image/*", "application/json" or "*/*";
        `deadline_s` bounds everything: DNS, every redirect hop and the whole body.
        `headers` are sent on every hop (conditional requests: If-None-Match, If-Modified-Since). With
        `error_status_raises=False` a final answer that is not 2xx (304, 404, 429, ...) is returned with an empty
        body instead of raising `BadStatus`, for callers that act on the status and its headers (Retry-After).
        """
        try:
            async with asyncio.timeout(deadline_s):
                return await self._fetch(
                    url,
                    max_bytes=max_bytes,
                    accept_types=accept_types,
                    headers=headers or {},
                    error_status_raises=error_status_raises,
                )
        except TimeoutError as exc:
            raise FetchTimeout(f"No complete answer within {deadline_s:g} s") from exc

    async def aclose(self) -> None:
        await self._client.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        await self.aclose()

    async def _fetch(
        self,
        url: str,
        *,
        max_bytes: int,
        accept_types: Collection[str],
        headers: Mapping[str, str],
        error_status_raises: bool,
    ) -> FetchResult:
        patterns = frozenset(pattern.lower() for pattern in accept_types)
        target = self._check(url)
        first_url = str(target.url)
        for _hop in range(self._max_redirects + 1):
            response = await self._send(target, patterns, headers)
            try:
                if not response.has_redirect_location:
                    skip_body = not response.is_success and not error_status_raises
                    body = b"" if skip_body else await _read_body(response, patterns, max_bytes)
                    return FetchResult(
                        url=first_url,
                        final_url=str(target.url),
                        status=response.status_code,
                        content_type=_media_type(response),
                        body=body,
                        headers={name.lower(): value for name, value in response.headers.items()},
                    )
                target = self._check(response.headers["location"], base=target.url)
            finally:
                await response.aclose()
        raise TooManyRedirects(f"More than {self._max_redirects} redirects")

    def _check(self, url: str, *, base: httpx.URL | None = None) -> Target:
        return check_url(
            url, base=base, allowed_private_hosts=self._allowed_private_hosts, allowed_ports=self._allowed_ports
        )

    async def _send(self, target: Target, patterns: frozenset[str], headers: Mapping[str, str]) -> httpx.Response:
        addresses = await resolve_allowed(target, self._resolver)
        request = self._client.build_request(
            "GET", target.url, headers={**headers, "Accept": ", ".join(sorted(patterns))}
        )
        token = _pin.set(_Pin(target.host, addresses))
        try:
            return await self._client.send(request, stream=True)
        except httpx.TimeoutException as exc:
            raise FetchTimeout(f"{target.host} did not answer in time") from exc
        except httpx.HTTPError as exc:
            raise ConnectionFailed(f"Could not fetch from {target.host}: {type(exc).__name__}") from exc
        finally:
            _pin.reset(token)


async def _read_body(response: httpx.Response, patterns: frozenset[str], max_bytes: int) -> bytes:
    if not response.is_success:
        raise BadStatus(f"The server answered {response.status_code}")
    media_type = _media_type(response)
    if not patterns & {"*/*", media_type, media_type.partition("/")[0] + "/*"}:
        raise BadContentType(f"Content type {media_type or '(none)'} is not one of {', '.join(sorted(patterns))}")
    if response.headers.get("content-encoding", "identity").strip().lower() not in ("", "identity"):
        raise BadContentType("Compressed responses are not accepted")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise TooLarge(f"The body is {declared} bytes; at most {max_bytes} are accepted")
    body = bytearray()
    try:
        async for chunk in response.aiter_raw():
            body += chunk
            if len(body) > max_bytes:
                raise TooLarge(f"The body is larger than {max_bytes} bytes")
    except httpx.TimeoutException as exc:
        raise FetchTimeout("The body did not arrive in time") from exc
    except httpx.HTTPError as exc:
        raise ConnectionFailed(f"The body could not be read: {type(exc).__name__}") from exc
    return bytes(body)


def _media_type(response: httpx.Response) -> str:
    return response.headers.get("content-type", "").partition(";")[0].strip().lower()
