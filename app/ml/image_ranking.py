"""Rank candidate product images without CLIP: markup images first, then declared size, then page position."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from app.extraction.structured.models import ImageCandidate

# How much each origin says "this is the product's own image": structured data names it outright,
# og:image is usually the product shot, an image the extension picked comes next, any page <img> last.
ORIGIN_WEIGHTS = {"jsonld": 1.0, "microdata": 1.0, "rdfa": 1.0, "opengraph": 0.8, "request": 0.6, "page": 0.4}
_DEFAULT_ORIGIN_WEIGHT = 0.4
_FULL_SIZE_PIXELS = 600  # a side this long or longer counts as a full-size product photo
_ICON_PIXELS = 64
_DECORATION = re.compile(r"logo|sprite|icon|favicon|placeholder|spacer|pixel|badge|banner|\.svg(\?|$)", re.IGNORECASE)


@dataclass(frozen=True)
class RankedImage:
    url: str
    score: float  # 0..1, comparable only within one ranking


def _size_factor(candidate: ImageCandidate) -> float:
    if not candidate.width or not candidate.height:
        return 0.5  # unknown: neither rewarded nor punished
    if min(candidate.width, candidate.height) < _ICON_PIXELS:
        return 0.0
    return min(1.0, math.sqrt(candidate.width * candidate.height) / _FULL_SIZE_PIXELS)


def heuristic_score(candidate: ImageCandidate) -> float:
    origin = ORIGIN_WEIGHTS.get(candidate.origin, _DEFAULT_ORIGIN_WEIGHT)
    position = 1.0 / (1.0 + candidate.position / 10)
    score = 0.6 * origin + 0.25 * _size_factor(candidate) + 0.15 * position
    return score * 0.25 if _DECORATION.search(candidate.url) else score


def heuristic_rank(candidates: Iterable[ImageCandidate]) -> list[RankedImage]:
    """Best first; a URL offered by several origins keeps its best score. Ties keep page order."""
    best: dict[str, float] = {}
    for candidate in candidates:
        best[candidate.url] = max(best.get(candidate.url, 0.0), heuristic_score(candidate))
    ordered = sorted(best.items(), key=lambda item: -item[1])  # stable: equal scores stay in first-seen order
    return [RankedImage(url, round(score, 4)) for url, score in ordered]
