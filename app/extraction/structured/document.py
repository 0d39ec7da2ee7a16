"""Parse untrusted HTML once, without network, scripts or entity expansion, and read the page-level facts; the
tree and text helpers every reader shares."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from urllib.parse import urljoin, urlsplit

from lxml import etree

from app.extraction.structured.currency import PageLocale, language_of_script, page_locale

MAX_HTML_CHARS = 5_000_000  # beyond this the page is cut (the API takes 4 MB bodies; shop pages are ~0.2-4 MB)
_SECOND_LEVELS = {"co", "com", "org", "net", "ac", "gov", "edu", "ne", "or", "go"}
_HOSTING_PLATFORMS = {"myshopify", "github", "wixsite", "blogspot", "netlify", "vercel", "square", "ecwid", "bigcartel"}
_PARSERS = threading.local()  # lxml parsers must not be shared between threads
_SPACES = re.compile(r"\s+")
# Control characters other than tab and line breaks, as UTF-8 bytes (each is its own byte there).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_CONTROLS_TO_SPACES = bytes.maketrans(_CONTROL_BYTES, b" " * len(_CONTROL_BYTES))
_ATTRIBUTE_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
UNRENDERED_TAGS = {"script", "style", "noscript", "template", "select", "option"}  # never shown as text
_TEXT_SAMPLE = 3000  # characters of a page's first text that tell Japanese from Chinese
# A heading holding paragraphs ("<h2><p>Sepette</p>559,98 TL</h2>", "<h1><p>Name</p></h1>"): browsers keep them in
# the heading, while libxml2 closes the heading at the first <p> and leaves it empty. Such paragraphs are read as
# spans, so that the heading keeps what it shows; only in a heading closed by its own end tag before any other
# heading tag, outside scripts, and in at most the page's first few hundred headings.
_HEADING_TAG = re.compile(rb"<(/?)h([1-6])[\s>]", re.I)
_PARAGRAPH_TAG = re.compile(rb"<p(?=[\s>])|</p\s*>", re.I)
_SCRIPT_TAG = re.compile(rb"<(/?)script[\s>]", re.I)
_MAX_HEADING_BYTES = 3000
_MAX_HEADINGS = 500


def parse_html(html: str) -> etree._Element | None:
    """The document root, or None when nothing parseable is there. Plain lxml elements: lxml.html's element
    classes cost a Python lookup per element touched."""
    if not html or not html.strip():
        return None
    # lxml reads control characters into text but refuses to write them back (setting a tail raises).
    data = html[:MAX_HTML_CHARS].encode("utf-8", "replace")
    # One memchr per control byte finds none on almost every page, ~15x cheaper than a regex over the page.
    if any(bytes((control,)) in data for control in _CONTROL_BYTES):
        data = data.translate(_CONTROLS_TO_SPACES)
    data = _paragraphs_in_headings_as_spans(data)
    try:
        root = etree.fromstring(data, parser=_parser())
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None
    return root if root is not None and isinstance(root.tag, str) else None


def _paragraphs_in_headings_as_spans(data: bytes) -> bytes:
    pieces: list[bytes] = []
    done = 0
    scripts: list[tuple[int, int]] | None = None
    opening = (tag for tag in _HEADING_TAG.finditer(data) if not tag.group(1))
    for start in islice(opening, _MAX_HEADINGS):
        if start.start() < done:
            continue
        closing = _HEADING_TAG.search(data, start.end(), start.end() + _MAX_HEADING_BYTES)
        if closing is None or not closing.group(1) or closing.group(2) != start.group(2):
            continue  # unclosed, closed by another level's tag, or holding another heading: as the parser reads it
        inside = data[start.end() : closing.start()]
        if _PARAGRAPH_TAG.search(inside) is None:
            continue
        scripts = _script_spans(data) if scripts is None else scripts
        if any(begin <= start.start() < end for begin, end in scripts):
            continue  # HTML written inside a script's string (a JSON-LD description)
        pieces += [data[done : start.end()], _PARAGRAPH_TAG.sub(_as_span, inside)]
        done = closing.start()
    return b"".join(pieces) + data[done:] if pieces else data


def _as_span(tag: re.Match[bytes]) -> bytes:
    return b"</span> " if tag.group(0).startswith(b"</") else b"<span"  # a space keeps two paragraphs' words apart


def _script_spans(data: bytes) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for tag in _SCRIPT_TAG.finditer(data):
        if not tag.group(1) and opened is None:
            opened = tag.start()
        elif tag.group(1) and opened is not None:
            spans.append((opened, tag.end()))
            opened = None
    if opened is not None:
        spans.append((opened, len(data)))
    return spans


def _parser() -> etree.HTMLParser:
    parser = getattr(_PARSERS, "parser", None)
    if parser is None:
        parser = etree.HTMLParser(
            encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True, default_doctype=False
        )
        _PARSERS.parser = parser
    return parser


def clean_text(text: str | None) -> str:
    """Whitespace collapsed to single spaces, trimmed."""
    return _SPACES.sub(" ", text).strip() if text else ""


def element_text(element: etree._Element, limit: int = 2000) -> str:
    """An element's text content, whitespace-collapsed, cut at `limit` characters. Reads no further than it
    needs: a page wrapped in one <form> must not be read whole for every button in it."""
    parts: list[str] = []
    size = 0
    for piece in element.itertext():
        parts.append(piece)
        size += len(piece)
        if size > limit * 4:
            break
    return clean_text("".join(parts))[:limit]


@dataclass(frozen=True, slots=True)
class PageFacts:
    """Page-level facts every extractor needs: where relative URLs resolve, the locale, the meta tags."""

    url: str
    base_url: str
    locale: PageLocale
    language: str | None
    title: str | None
    canonical_url: str | None
    meta: dict[str, list[str]]  # lower-cased name/property -> contents, in page order

    def meta_first(self, *keys: str) -> str | None:
        for key in keys:
            for value in self.meta.get(key, ()):
                if value:
                    return value
        return None

    def absolute(self, link: str | None) -> str | None:
        return absolute_url(self.base_url, link)


def absolute_url(base_url: str, link: str | None) -> str | None:
    """An http(s) URL for a link as written in the page; None for data:, javascript: and the like."""
    if not link:
        return None
    link = clean_text(link).replace(" ", "%20")
    try:
        absolute = urljoin(base_url, link)
        scheme = urlsplit(absolute).scheme
    except ValueError:
        return None
    return absolute if scheme in ("http", "https") else None


def site_of(url: str) -> str:
    """The registrable part of a URL's host, roughly: 'shop.example.co.uk' -> 'example.co.uk'."""
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""
    labels = host.split(".")
    # Two-letter country domains often register under a second level: co.uk, com.au, co.jp…
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVELS else 2
    return ".".join(labels[-keep:])


def site_label(url: str) -> str | None:
    """The shop's name in its domain: 'mercari' for tw.mercari.com, 'amazon' for www.amazon.co.uk, 'acme' for
    acme.myshopify.com (on a hosting platform's domain the shop is the subdomain)."""
    label = site_of(url).partition(".")[0]
    if label in _HOSTING_PLATFORMS:
        try:
            host = urlsplit(url).hostname or ""
        except ValueError:
            return None
        label = next((part for part in host.split(".") if part not in {"www", "shop", "store", "m"}), "")
    return label or None


def _script_language(declared: str | None, title: str | None, root: etree._Element) -> str | None:
    """For a page declaring no language: the one its title's script says (see currency.language_of_script)."""
    if declared or not title:
        return None
    language = language_of_script(title)
    # Only Chinese characters in the title need the page's text: it may be a Japanese shop's all-kanji title.
    return language_of_script(title, _text_sample(root)) if language == "zh" else language


def _text_sample(root: etree._Element, limit: int = _TEXT_SAMPLE) -> str:
    """The page's first `limit` characters of text outside scripts and styles."""
    parts: list[str] = []
    size = 0
    for element in root.iter():
        skipped = not isinstance(element.tag, str) or element.tag in ("script", "style", "noscript", "template")
        for text in (None if skipped else element.text, element.tail):
            if text and text.strip():
                parts.append(text)
                size += len(text)
        if size >= limit:
            break
    return " ".join(parts)[:limit]


def read_page_facts(root: etree._Element, url: str) -> PageFacts:
    meta: dict[str, list[str]] = {}
    for tag in root.iter("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or tag.get("http-equiv") or "").strip()
        content = tag.get("content")
        if key and content is not None and len(meta) < 500:
            meta.setdefault(key.lower(), []).append(clean_text(content)[:5000])
    base = next(root.iter("base"), None)
    base_url = absolute_url(url, base.get("href")) if base is not None else None
    base_url = base_url or url
    canonical = None
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            canonical = link.get("href")
            break
    language = (root.get("lang") or root.get("xml:lang") or "").strip() or None
    og_locale = next(iter(meta.get("og:locale", ())), None)
    content_language = next(iter(meta.get("content-language", ())), None)
    title_element = next(root.iter("title"), None)
    title = element_text(title_element, 500) if title_element is not None else None
    return PageFacts(
        url=url,
        base_url=base_url,
        # the title's script last: for pages that declare no language ("¥" is yen in Japanese, yuan in Chinese)
        locale=page_locale(url, language, og_locale, content_language, _script_language(language, title, root)),
        language=language,
        title=title or None,
        canonical_url=absolute_url(base_url, canonical),
        meta=meta,
    )


def attribute_words(element: etree._Element, *attributes: str) -> str:
    """The words of some attributes (camelCase, kebab-case and snake_case split), lower-cased and space-padded
    so that regexes can match whole words: 'priceOld sale-price' -> ' price old sale price '."""
    values = [value for attribute in attributes if (value := element.get(attribute))]
    return name_words(" ".join(values)) if values else " "


def name_words(names: str) -> str:
    """The words of names written in camelCase, kebab-case or snake_case, as attribute_words gives them."""
    return " " + " ".join(_ATTRIBUTE_WORD.findall(names[:500])).lower() + " "


def is_main(node: etree._Element) -> bool:
    """The page's main content (`<main>` or role="main")."""
    return node.tag == "main" or node.get("role") == "main"


def ancestors_and_self(element: etree._Element) -> Iterator[etree._Element]:
    """The element, then its parent, up to the root."""
    node: etree._Element | None = element
    while node is not None:
        yield node
        node = node.getparent()
