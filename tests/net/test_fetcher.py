"""SafeFetcher against real local servers: what it fetches, and every request it must never send."""

from __future__ import annotations

import itertools
from collections.abc import Collection
from pathlib import Path
from typing import TypedDict

import pytest

from app.net import (
    BadContentType,
    BadStatus,
    BlockedAddress,
    ConnectionFailed,
    FetchTimeout,
    InvalidUrl,
    SafeFetcher,
    TooLarge,
    TooManyRedirects,
)
from tests.net.conftest import TRUSTED_HOST, FixedDns, make_certificate, png_bytes
from tests.support.servers import StubServer, redirect, respond, stream

IMAGES = {"image/*"}


class Limits(TypedDict):
    max_bytes: int
    accept_types: Collection[str]
    deadline_s: float


LIMITS: Limits = {"max_bytes": 1_000_000, "accept_types": IMAGES, "deadline_s": 5.0}


async def test_fetches_an_image_from_the_vetted_address_with_the_original_host(
    fetcher: SafeFetcher, server: StubServer, dns: FixedDns
) -> None:
    server.routes["/a.png"] = respond(200, png_bytes(), "image/png; charset=binary")
    url = server.url("/a.png", host=TRUSTED_HOST)

    result = await fetcher.fetch(url, **LIMITS)

    assert (result.url, result.final_url, result.status) == (url, url, 200)
    assert result.content_type == "image/png"
    assert result.body == png_bytes()
    # shop.test exists only in the fixed DNS: the connection went to the address vetted by the one lookup.
    assert dns.lookups == [TRUSTED_HOST]
    headers = server.received[0].headers
    assert headers["host"] == f"{TRUSTED_HOST}:{server.port}"
    assert headers["accept-encoding"] == "identity"
    assert "authorization" not in headers


async def test_follows_redirects_and_checks_each_hop(fetcher: SafeFetcher, server: StubServer, dns: FixedDns) -> None:
    server.routes["/start"] = redirect("/middle", 301)
    server.routes["/middle"] = redirect(server.url("/img.png", host=TRUSTED_HOST), 307)
    server.routes["/img.png"] = respond(200, png_bytes(), "image/png")

    result = await fetcher.fetch(server.url("/start", host=TRUSTED_HOST), **LIMITS)

    assert result.final_url == server.url("/img.png", host=TRUSTED_HOST)
    assert [request.path for request in server.received] == ["/start", "/middle", "/img.png"]
    assert dns.lookups == [TRUSTED_HOST] * 3


@pytest.mark.parametrize(
    ("location", "error"),
    [
        ("http://127.0.0.1:{trap}/", BlockedAddress),
        ("http://169.254.169.254/latest/meta-data/", BlockedAddress),
        ("http://10.0.0.1/", BlockedAddress),
        ("http://[::1]:{trap}/", BlockedAddress),
        ("http://[::ffff:7f00:1]:{trap}/", BlockedAddress),
        ("http://2130706433:{trap}/", BlockedAddress),
        ("http://internal.test:{trap}/", BlockedAddress),
        ("http://metadata.test/latest/meta-data/", BlockedAddress),
        ("http://v6-loopback.test:{trap}/", BlockedAddress),
        ("http://mapped.test:{trap}/", BlockedAddress),
        ("http://localhost:{trap}/", BlockedAddress),
        ("file:///etc/passwd", InvalidUrl),
        ("gopher://127.0.0.1:{trap}/_GET", InvalidUrl),
        ("http://user:secret@{host}:{trap}/", InvalidUrl),
    ],
)
async def test_refuses_a_redirect_to_a_forbidden_target_even_from_a_trusted_host(
    fetcher: SafeFetcher, server: StubServer, trap: StubServer, location: str, error: type[Exception]
) -> None:
    server.routes["/go"] = redirect(location.format(trap=trap.port, host=TRUSTED_HOST))

    with pytest.raises(error):
        await fetcher.fetch(server.url("/go", host=TRUSTED_HOST), **LIMITS)

    assert [request.path for request in server.received] == ["/go"]
    assert trap.received == []


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:{trap}/",
        "http://internal.test:{trap}/",
        "http://localhost:{trap}/",
        "http://LOCALHOST.:{trap}/",
        "http://2130706433:{trap}/",
        "http://0177.0.0.1:{trap}/",
        "http://0x7f.0.0.1:{trap}/",
        "http://127.1:{trap}/",
        "http://[::ffff:7f00:1]:{trap}/",
        "http://[::ffff:127.0.0.1]:{trap}/",
        "http://user:pw@internal.test:{trap}/",
        "http://{host}@127.0.0.1:{trap}/",
        "ftp://127.0.0.1:{trap}/",
        "gopher://127.0.0.1:{trap}/",
        "file:///etc/passwd",
    ],
)
async def test_never_sends_a_request_to_a_forbidden_first_url(fetcher: SafeFetcher, trap: StubServer, url: str) -> None:
    with pytest.raises((BlockedAddress, InvalidUrl)):
        await fetcher.fetch(url.format(trap=trap.port, host=TRUSTED_HOST), **LIMITS)

    assert trap.received == []


async def test_refuses_a_host_when_any_resolved_address_is_private(fetcher: SafeFetcher) -> None:
    with pytest.raises(BlockedAddress, match="resolves to a non-public address"):
        await fetcher.fetch("https://mixed.test/a.png", **LIMITS)


async def test_reports_a_name_that_does_not_resolve(fetcher: SafeFetcher) -> None:
    with pytest.raises(ConnectionFailed, match="Cannot resolve"):
        await fetcher.fetch("https://no-such-shop.test/a.png", **LIMITS)


async def test_refuses_ports_outside_the_allowed_set(fetcher: SafeFetcher, dns: FixedDns) -> None:
    with pytest.raises(BlockedAddress, match="Port 22 is not allowed"):
        await fetcher.fetch("http://internal.test:22/", **LIMITS)
    assert dns.lookups == []  # refused before any DNS lookup


async def test_system_resolver_vets_localhost(server: StubServer) -> None:
    server.routes["/a.png"] = respond(200, png_bytes(), "image/png")
    async with SafeFetcher() as strict, SafeFetcher(allowed_private_hosts={"localhost"}) as for_tests:
        with pytest.raises(BlockedAddress):
            await strict.fetch(server.url("/a.png", host="localhost"), **LIMITS)
        assert server.received == []

        result = await for_tests.fetch(server.url("/a.png", host="localhost"), **LIMITS)
    assert result.body == png_bytes()


async def test_stops_after_the_redirect_limit(fetcher: SafeFetcher, server: StubServer) -> None:
    server.routes["/loop"] = redirect("/loop")

    with pytest.raises(TooManyRedirects):
        await fetcher.fetch(server.url("/loop", host=TRUSTED_HOST), **LIMITS)

    assert len(server.received) == 4  # the first request and max_redirects=3 hops


async def test_refuses_a_declared_oversize_body(fetcher: SafeFetcher, server: StubServer) -> None:
    server.routes["/big.png"] = respond(200, b"x" * 2001, "image/png")

    with pytest.raises(TooLarge, match="2001 bytes"):
        await fetcher.fetch(server.url("/big.png", host=TRUSTED_HOST), **(LIMITS | {"max_bytes": 2000}))


async def test_accepts_a_body_of_exactly_the_limit(fetcher: SafeFetcher, server: StubServer) -> None:
    server.routes["/ok.png"] = stream("image/png", [b"x" * 1000, b"x" * 1000])

    result = await fetcher.fetch(server.url("/ok.png", host=TRUSTED_HOST), **(LIMITS | {"max_bytes": 2000}))

    assert len(result.body) == 2000


async def test_aborts_an_endless_body_without_content_length(fetcher: SafeFetcher, server: StubServer) -> None:
    server.routes["/endless.png"] = stream("image/png", itertools.repeat(b"x" * 65536, 10_000))

    with pytest.raises(TooLarge):
        await fetcher.fetch(server.url("/endless.png", host=TRUSTED_HOST), **(LIMITS | {"max_bytes": 200_000}))


async def test_a_slowly_dripping_body_hits_the_total_deadline(fetcher: SafeFetcher, server: StubServer) -> None:
    # Each byte arrives well within any per-read timeout; only the total deadline can stop this.
    server.routes["/drip.png"] = stream("image/png", [b"x"] * 100, interval_s=0.05)

    with pytest.raises(FetchTimeout):
        await fetcher.fetch(server.url("/drip.png", host=TRUSTED_HOST), **(LIMITS | {"deadline_s": 0.4}))


@pytest.mark.parametrize(
    ("content_type", "accept_types"),
    [("text/html; charset=utf-8", IMAGES), (None, IMAGES), ("image/png", {"application/json"})],
)
async def test_refuses_a_content_type_not_asked_for(
    fetcher: SafeFetcher, server: StubServer, content_type: str | None, accept_types: set[str]
) -> None:
    server.routes["/thing"] = respond(200, b"<html></html>", content_type)

    with pytest.raises(BadContentType):
        await fetcher.fetch(server.url("/thing", host=TRUSTED_HOST), **(LIMITS | {"accept_types": accept_types}))


async def test_any_type_is_accepted_when_asked_for(fetcher: SafeFetcher, server: StubServer) -> None:
    server.routes["/page"] = respond(200, b"<html></html>", "text/html")

    result = await fetcher.fetch(server.url("/page", host=TRUSTED_HOST), **(LIMITS | {"accept_types": {"*/*"}}))

    assert (result.content_type, result.body) == ("text/html", b"<html></html>")


async def test_refuses_a_compressed_body(fetcher: SafeFetcher, server: StubServer) -> None:
    server.routes["/z.png"] = respond(200, b"\x1f\x8b...", "image/png", {"Content-Encoding": "gzip"})

    with pytest.raises(BadContentType, match="Compressed"):
        await fetcher.fetch(server.url("/z.png", host=TRUSTED_HOST), **LIMITS)


@pytest.mark.parametrize("status", [404, 500, 304])
async def test_reports_an_error_status(fetcher: SafeFetcher, server: StubServer, status: int) -> None:
    server.routes["/gone.png"] = respond(status, b"", "image/png")

    with pytest.raises(BadStatus, match=str(status)):
        await fetcher.fetch(server.url("/gone.png", host=TRUSTED_HOST), **LIMITS)


async def test_keeps_no_cookies_between_fetches(fetcher: SafeFetcher, server: StubServer) -> None:
    server.routes["/set.png"] = respond(200, png_bytes(), "image/png", {"Set-Cookie": "session=abc; Path=/"})
    server.routes["/next.png"] = respond(200, png_bytes(), "image/png")

    await fetcher.fetch(server.url("/set.png", host=TRUSTED_HOST), **LIMITS)
    await fetcher.fetch(server.url("/next.png", host=TRUSTED_HOST), **LIMITS)

    assert "cookie" not in server.received[1].headers


async def test_https_connects_to_the_vetted_address_with_the_host_name_for_sni(tmp_path: Path, dns: FixedDns) -> None:
    certificate = make_certificate(tmp_path, TRUSTED_HOST)
    routes = {"/a.png": respond(200, png_bytes(), "image/png")}
    with StubServer(routes, ssl_context=certificate.server_context()) as tls_server:
        async with SafeFetcher(
            allowed_private_hosts={TRUSTED_HOST}, resolver=dns, ssl_context=certificate.client_context()
        ) as tls_fetcher:
            result = await tls_fetcher.fetch(tls_server.url("/a.png", host=TRUSTED_HOST), **LIMITS)

    assert result.body == png_bytes()
    assert tls_server.server_names == [TRUSTED_HOST]
    assert tls_server.received[0].headers["host"] == f"{TRUSTED_HOST}:{tls_server.port}"


async def test_https_verifies_the_certificate_against_the_host_name(tmp_path: Path, dns: FixedDns) -> None:
    certificate = make_certificate(tmp_path, "other.test")
    with StubServer(ssl_context=certificate.server_context()) as tls_server:
        async with SafeFetcher(
            allowed_private_hosts={TRUSTED_HOST}, resolver=dns, ssl_context=certificate.client_context()
        ) as tls_fetcher:
            with pytest.raises(ConnectionFailed):
                await tls_fetcher.fetch(tls_server.url("/a.png", host=TRUSTED_HOST), **LIMITS)

    assert tls_server.received == []
