"""Image candidates for the CLIP stage: markup images first, then the page's likely product photos."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

from app.extraction.structured.document import PageFacts, attribute_words
from app.extraction.structured.microdata import image_source
from app.extraction.structured.models import ImageCandidate, ImageOrigin
from app.extraction.structured.text import name_similarity

MAX_CANDIDATES = 24
MAX_PAGE_IMAGES_SCANNED = 1500
MIN_SIDE = 80  # declared sizes below this are icons, swatches, tracking pixels
_NOT_A_PHOTO = re.compile(
    r"logo|icon|sprite|pixel|spacer|blank|placeholder|loading|badge|rating|stars?[-_.]|flag|payment|social|avatar"
    r"|checkmark|\.svg(?:$|\?)|1x1|tracking|beacon",
    re.I,
)
# Matched against attribute_words() of the image and its nearest ancestors.
_NOISE_CONTEXT = re.compile(
    r" (?:footer|header|nav|menu|related|recommend\w*|similar|carousel|upsells?|cross|reviews?|logo|sponsored) "
)
_PRODUCT_CONTEXT = re.compile(r" (?:product|main|primary|hero|zoom|gallery|pdp|detail|large) ")
_CONTEXT_LEVELS = 5
_LEADING_NUMBER = re.compile(r"\s*(\d{1,5})")


@dataclass(frozen=True, slots=True)
class _Photo:
    rank: tuple[int, int]  # (tier, document index): lower first
    url: str
    width: int | None
    height: int | None
    alt: str | None


def image_candidates(
    markup_images: Iterable[tuple[str, ImageOrigin]],
    page_images: list[etree._Element],
    facts: PageFacts,
    product_name: str | None,
) -> list[ImageCandidate]:
    """Absolute, de-duplicated candidates: markup images in their order (logos left out), then page photos:
    those named like the product or placed in a product gallery first, then the rest in document order."""
    candidates: list[ImageCandidate] = []
    seen: set[str] = set()

    def add(url: str | None, origin: ImageOrigin, photo: _Photo | None = None) -> None:
        absolute = facts.absolute(url)
        if not absolute or absolute in seen or len(candidates) >= MAX_CANDIDATES or len(absolute) > 2048:
            return
        seen.add(absolute)
        candidates.append(
            ImageCandidate(
                url=absolute,
                origin=origin,
                position=len(candidates),
                width=photo.width if photo else None,
                height=photo.height if photo else None,
                alt=photo.alt if photo else None,
            )
        )

    for url, origin in markup_images:
        if not _NOT_A_PHOTO.search(url):
            add(url, origin)
    for photo in sorted(_page_photos(page_images, product_name), key=lambda photo: photo.rank):
        add(photo.url, "page", photo)
    return candidates


def _page_photos(page_images: list[etree._Element], product_name: str | None) -> Iterable[_Photo]:
    """Each <img> that may be a product photo: not an icon or logo, not in headers, footers or carousels."""
    words_of: dict[etree._Element, str] = {}  # grid images share their ancestors: read each one's words once
    for index, img in enumerate(page_images[:MAX_PAGE_IMAGES_SCANNED]):
        src = image_source(img)
        if not src or _NOT_A_PHOTO.search(src):
            continue
        width, height = _size(img.get("width")), _size(img.get("height"))
        if (width is not None and width < MIN_SIDE) or (height is not None and height < MIN_SIDE):
            continue
        context = _context_words(img, words_of)
        if _NOISE_CONTEXT.search(context):
            continue
        alt = (img.get("alt") or img.get("title") or "").strip()[:300] or None
        named_like_product = name_similarity(product_name, alt) >= 0.5
        tier = 0 if named_like_product else 1 if _PRODUCT_CONTEXT.search(context) else 2
        yield _Photo((tier, index), src, width, height, alt)


def _context_words(img: etree._Element, words_of: dict[etree._Element, str]) -> str:
    """Class and id words of the image and its nearest ancestors."""
    words = []
    node: etree._Element | None = img
    for _ in range(_CONTEXT_LEVELS):
        if node is None or node.tag in ("body", "html"):
            break
        own = words_of.get(node)
        if own is None:
            own = words_of[node] = attribute_words(node, "class", "id", "itemprop")
        words.append(own)
        node = node.getparent()
    return " ".join(words)


def _size(value: str | None) -> int | None:
    if not value:
        return None
    match = _LEADING_NUMBER.match(value)
    return int(match.group(1)) if match else None
