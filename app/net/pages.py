"""Untrusted web pages (HTML) and robots.txt files, fetched through the safe fetcher under its rules."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

from app.net.fetcher import USER_AGENT, FetchResult, SafeFetcher

HTML_CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml"})
DEFAULT_PAGE_MAX_BYTES = 3 * 1024 * 1024  # what /extract accepts from the extension
DEFAULT_PAGE_DEADLINE_S = 15.0
# RFC 9309: crawlers must read at least 500 KiB of a robots.txt; what lies beyond may be ignored.
ROBOTS_MAX_BYTES = 512 * 1024
ROBOTS_DEADLINE_S = 10.0
ROBOTS_AGENT = USER_AGENT.partition("/")[0]  # the product token robots.txt groups name: "BuyHiveBot"


async def fetch_page(
    fetcher: SafeFetcher,
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    max_bytes: int = DEFAULT_PAGE_MAX_BYTES,
    deadline_s: float = DEFAULT_PAGE_DEADLINE_S,
) -> FetchResult:
    """GET an HTML page, conditionally when a validator from an earlier answer is given.

    Statuses are returned, not raised: 304 (unchanged, empty body), 404/410, 403/429/5xx (with their headers, e.g.
    Retry-After). A 2xx answer that is not HTML raises `BadContentType`; every address/size/time rule still raises.
    """
    headers: dict[str, str] = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return await fetcher.fetch(
        url,
        max_bytes=max_bytes,
        accept_types=HTML_CONTENT_TYPES,
        deadline_s=deadline_s,
        headers=headers,
        error_status_raises=False,
    )


def page_text(result: FetchResult) -> str:
    """The body as text, in the charset the server declared, else as `html_text` reads it."""
    charset = None
    for parameter in result.headers.get("content-type", "").split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return html_text(result.body, charset)


# <meta charset="gbk">, <meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_META_CHARSET_BYTES = 262_144  # a Tmall page declares its charset 155 kB in
# Pages declared GB2312 or GBK use characters only their superset GB18030 has, as browsers know
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030"}


def html_text(body: bytes, charset: str | None = None) -> str:
    """HTML bytes as a browser shows them: in `charset` (the server's) when given; else as UTF-8 when they are
    valid UTF-8 (saved pages keep a stale declaration after re-encoding), else in the charset the page declares in
    a <meta> tag (a GBK or Windows-1251 shop), else Windows-1252. Undecodable bytes are replaced; a charset Python
    does not know reads as UTF-8."""
    if charset is None:
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:
            declared = _META_CHARSET.search(body[:_META_CHARSET_BYTES])
            charset = declared.group(1).decode("ascii") if declared else "cp1252"
    try:
        return body.decode(_SUPERSETS.get(charset.lower(), charset), errors="replace")
    except LookupError:
        return body.decode("utf-8", errors="replace")


def retry_after(headers: Mapping[str, str], now: datetime) -> timedelta | None:
    """The wait a Retry-After header asks for (seconds or an HTTP date), if any."""
    value = headers.get("retry-after", "").strip()
    if value.isdigit():
        return timedelta(seconds=int(value))
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(timedelta(0), when - now)


def robots_url(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))


@dataclass(frozen=True)
class RobotsRules:
    """What a site's robots.txt allows our crawler; `text` is kept so the rules can be cached and rebuilt."""

    text: str
    disallow_all: bool = False  # the file was unreachable (5xx): RFC 9309 says assume a complete disallow

    def allows(self, url: str) -> bool:
        if self.disallow_all:
            return False
        parser = RobotFileParser()
        parser.parse(self.text.splitlines())
        return parser.can_fetch(ROBOTS_AGENT, url)

    def crawl_delay(self) -> float | None:
        parser = RobotFileParser()
        parser.parse(self.text.splitlines())
        delay = parser.crawl_delay(ROBOTS_AGENT)
        return float(delay) if delay is not None else None


async def fetch_robots(fetcher: SafeFetcher, url: str, *, deadline_s: float = ROBOTS_DEADLINE_S) -> RobotsRules:
    """The robots.txt rules of `url`'s site (RFC 9309): 4xx means no rules, 5xx a complete disallow.

    A fetch that fails (refused address, timeout) raises its `FetchError`: the caller decides what that means."""
    result = await fetcher.fetch(
        robots_url(url),
        max_bytes=ROBOTS_MAX_BYTES,
        accept_types={"*/*"},
        deadline_s=deadline_s,
        error_status_raises=False,
    )
    if result.status >= 500:
        return RobotsRules(text="", disallow_all=True)
    if result.status >= 400:
        return RobotsRules(text="")
    return RobotsRules(text=page_text(result))
