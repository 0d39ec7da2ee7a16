"""HTML pages and robots.txt through the safe fetcher: statuses returned, validators sent, the address rules kept."""

from __future__ import annotations

import pytest

from app.net import BadContentType, BlockedAddress, SafeFetcher
from app.net.pages import fetch_page, fetch_robots, html_text, page_text
from tests.net.conftest import TRUSTED_HOST
from tests.support.servers import StubServer, redirect, respond


async def test_conditional_request_and_statuses_are_returned(fetcher: SafeFetcher, server: StubServer) -> None:
    server.routes["/p"] = respond(304, headers={"ETag": '"v1"'})
    server.routes["/busy"] = respond(429, b"slow down", "text/html", {"Retry-After": "120"})
    server.routes["/gone"] = respond(410, b"", "text/html")
    url = server.url("/p", host=TRUSTED_HOST)
    unchanged = await fetch_page(fetcher, url, etag='"v1"', last_modified="Sun, 29 Nov 2026 10:00:00 GMT")
    assert unchanged.status == 304 and unchanged.body == b"" and unchanged.headers["etag"] == '"v1"'
    sent = server.received[-1].headers
    assert sent["if-none-match"] == '"v1"' and sent["if-modified-since"] == "Sun, 29 Nov 2026 10:00:00 GMT"
    busy = await fetch_page(fetcher, server.url("/busy", host=TRUSTED_HOST))
    assert busy.status == 429 and busy.headers["retry-after"] == "120" and busy.body == b""
    assert (await fetch_page(fetcher, server.url("/gone", host=TRUSTED_HOST))).status == 410


async def test_html_only_in_its_charset(fetcher: SafeFetcher, server: StubServer) -> None:
    server.routes["/latin"] = respond(200, "<p>Café 9,99 €</p>".encode("cp1252"), "text/html; charset=windows-1252")
    server.routes["/json"] = respond(200, b"{}", "application/json")
    page = await fetch_page(fetcher, server.url("/latin", host=TRUSTED_HOST))
    assert page_text(page) == "<p>Café 9,99 €</p>"
    with pytest.raises(BadContentType):
        await fetch_page(fetcher, server.url("/json", host=TRUSTED_HOST))


async def test_redirects_to_private_addresses_are_still_refused(
    fetcher: SafeFetcher, server: StubServer, trap: StubServer
) -> None:
    server.routes["/p"] = redirect(trap.url("/"))
    with pytest.raises(BlockedAddress):
        await fetch_page(fetcher, server.url("/p", host=TRUSTED_HOST))
    assert trap.received == []


async def test_robots_rules(fetcher: SafeFetcher, server: StubServer) -> None:
    base = server.url("/", host=TRUSTED_HOST)
    server.routes["/robots.txt"] = respond(
        200, b"User-agent: BuyHiveBot\nDisallow: /private/\nCrawl-delay: 3\n", "text/plain"
    )
    rules = await fetch_robots(fetcher, base + "shop/p/1")
    assert rules.allows(base + "shop/p/1") and not rules.allows(base + "private/p/1") and rules.crawl_delay() == 3
    server.routes["/robots.txt"] = respond(503, b"", "text/plain")  # RFC 9309: unreachable means disallow all
    assert not (await fetch_robots(fetcher, base + "p/1")).allows(base + "p/1")
    server.routes["/robots.txt"] = respond(404, b"", "text/plain")  # no file: everything allowed
    assert (await fetch_robots(fetcher, base + "p/1")).allows(base + "private/x")


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("<html><title>Café €</title></html>".encode(), "<html><title>Café €</title></html>"),  # valid UTF-8 wins
        (
            '<html><head><meta charset="gbk"><title>华为 P6</title></head></html>'.encode("gbk"),
            '<html><head><meta charset="gbk"><title>华为 P6</title></head></html>',
        ),
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><b>€ 920,29</b>'.encode(
                "cp1252"
            ),
            '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><b>€ 920,29</b>',
        ),
        ("<p>Preis: 9,99 €</p>".encode("cp1252"), "<p>Preis: 9,99 €</p>"),  # undeclared: Windows-1252
    ],
)
def test_html_without_a_server_charset_is_decoded_as_a_browser_shows_it(raw: bytes, text: str) -> None:
    assert html_text(raw) == text
