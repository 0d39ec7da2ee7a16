"""Image candidates for the CLIP stage: markup images first, then the page's likely product photos."""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

from app.extraction.structured.document import PageFacts
from app.extraction.structured.microdata import image_source
from app.extraction.structured.models import ImageCandidate, ImageOrigin

MAX_CANDIDATES = 24
MAX_PAGE_IMAGES_SCANNED = 1500
MIN_SIDE = 80  # declared sizes below this are icons, swatches, tracking pixels
_NOT_A_PHOTO = re.compile(
    r"logo|icon|sprite|pixel|spacer|blank|placeholder|loading|badge|rating|stars?[-_.]|flag|payment|social|avatar"
    r"|\.svg(?:$|\?)|\.gif(?:$|\?)|1x1|tracking|beacon",
    re.I,
)
_NOISE_CONTEXT = re.compile(
    r"footer|header|nav|menu|related|recommend|similar|carousel|upsell|cross-?sell|review", re.I
)
_PRODUCT_CONTEXT = re.compile(r"product|main|primary|hero|zoom|gallery|pdp|detail", re.I)


def image_candidates(
    markup_images: Iterable[tuple[str, ImageOrigin]], page_images: list[etree._Element], facts: PageFacts
) -> list[ImageCandidate]:
    """Absolute, de-duplicated candidates: markup images in their order, then page photos (product-looking
    ones first, then in document order)."""
    candidates: list[ImageCandidate] = []
    seen: set[str] = set()

    def add(url: str | None, origin: ImageOrigin, **hints: object) -> None:
        absolute = facts.absolute(url)
        if absolute and absolute not in seen and len(candidates) < MAX_CANDIDATES and len(absolute) <= 2048:
            seen.add(absolute)
            candidates.append(ImageCandidate(url=absolute, origin=origin, position=len(candidates), **hints))  # type: ignore[arg-type]

    for url, origin in markup_images:
        add(url, origin)
    for _, url, width, height, alt in sorted(_page_photos(page_images), key=lambda photo: photo[0]):
        add(url, "page", width=width, height=height, alt=alt)
    return candidates


def _page_photos(
    page_images: list[etree._Element],
) -> Iterable[tuple[tuple[int, int], str, int | None, int | None, str | None]]:
    """(sort key, src, width, height, alt) of each <img> that may be a product photo."""
    for index, img in enumerate(page_images[:MAX_PAGE_IMAGES_SCANNED]):
        src = image_source(img)
        if not src or _NOT_A_PHOTO.search(src):
            continue
        width, height = _size(img.get("width")), _size(img.get("height"))
        if (width is not None and width < MIN_SIDE) or (height is not None and height < MIN_SIDE):
            continue
        context = _context_words(img)
        if _NOISE_CONTEXT.search(context):
            continue
        looks_like_product = bool(_PRODUCT_CONTEXT.search(context))
        alt = (img.get("alt") or "").strip()[:300] or None
        yield (0 if looks_like_product else 1, index), src, width, height, alt


def _context_words(img: etree._Element) -> str:
    """Class and id words of the image and its nearest ancestors."""
    words = []
    node: etree._Element | None = img
    for _ in range(6):
        if node is None:
            break
        words.append((node.get("class") or "") + " " + (node.get("id") or "") + " " + (node.get("itemprop") or ""))
        node = node.getparent()
    return " ".join(words)


def _size(value: str | None) -> int | None:
    if not value:
        return None
    match = re.match(r"\s*(\d{1,5})", value)
    return int(match.group(1)) if match else None
