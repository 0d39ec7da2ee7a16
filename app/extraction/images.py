"""Stage 4: rank candidate product images — CLIP against the product name when loaded, else a heuristic."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, replace

from PIL import Image

from app.extraction.structured import ImageCandidate
from app.ml.clip_verifier import ClipVerifier
from app.ml.image_ranking import heuristic_rank
from app.net import FetchError, SafeFetcher, fetch_image

logger = logging.getLogger(__name__)

MAX_CANDIDATES = 8  # one CLIP batch; more rarely changes the winner and costs ~50 ms each on CPU
IMAGE_MAX_BYTES = 5 * 1024 * 1024
IMAGE_DEADLINE_SECONDS = 4.0


@dataclass(frozen=True)
class ImageRanking:
    images: list[tuple[str, float]]  # best first
    best: str | None
    source: str  # "clip" or "heuristic"


def candidates_for(page_images: list[ImageCandidate], requested: list[str]) -> list[ImageCandidate]:
    """Markup and page images in page order, then the extension's picks, without duplicates, numbered in order."""
    found: list[ImageCandidate] = []
    seen: set[str] = set()
    for image in page_images:
        if image.url not in seen:
            seen.add(image.url)
            found.append(replace(image, position=len(found)))
    for url in requested:
        if url not in seen:
            seen.add(url)
            found.append(ImageCandidate(url, "request", len(found)))
    return found


async def _fetch_all(fetcher: SafeFetcher, urls: list[str]) -> list[tuple[str, Image.Image]]:
    async def fetch_one(url: str) -> tuple[str, Image.Image] | None:
        try:
            return url, await fetch_image(fetcher, url, max_bytes=IMAGE_MAX_BYTES, deadline_s=IMAGE_DEADLINE_SECONDS)
        except FetchError as exc:
            logger.info("image candidate skipped: %s", exc.message)
            return None

    fetched = await asyncio.gather(*(fetch_one(url) for url in urls))
    return [pair for pair in fetched if pair is not None]


async def rank_images(
    candidates: list[ImageCandidate], product_name: str | None, *, clip: ClipVerifier, fetcher: SafeFetcher
) -> ImageRanking:
    """Score the top candidates in one CLIP batch; fall back to the heuristic order when CLIP can't run."""
    heuristic = heuristic_rank(candidates)
    fallback = ImageRanking([(r.url, r.score) for r in heuristic], heuristic[0].url if heuristic else None, "heuristic")
    if not heuristic or not product_name or not clip.is_configured:
        return fallback
    shortlist = [ranked.url for ranked in heuristic[:MAX_CANDIDATES]]
    fetched = await _fetch_all(fetcher, shortlist)
    if not fetched:
        return fallback
    urls = [url for url, _ in fetched]
    scores = await clip.ascore_images([image for _, image in fetched], product_name, image_urls=urls)
    if scores is None:
        return fallback
    ranked = sorted(zip(urls, (round(s, 4) for s in scores), strict=True), key=lambda pair: -pair[1])
    best = ranked[0][0] if clip.matches(ranked[0][1]) else None
    return ImageRanking(ranked, best, "clip")
