"""The extraction pipeline: URL classifier → structured data → LLM for what is missing → image ranking.

Each stage degrades on its own (no model, no LLM key, provider down, image host slow) and `sources` says
which stage supplied each field. Whole results are cached per (canonical URL, content hash).
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import time
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import anyio
from pymongo.asynchronous.database import AsyncDatabase

from app.config import Settings
from app.errors import ServiceUnavailable
from app.extraction import repository
from app.extraction.images import candidates_for, rank_images
from app.extraction.schemas import (
    ClassifyUrlResponse,
    ExtractedProduct,
    ExtractRequest,
    ExtractResponse,
    ScoredImage,
    VerifyImageResponse,
)
from app.extraction.structured import StructuredExtraction, combine_product_confidence, extract_structured
from app.items.canonical import canonical_url
from app.llm import LlmChain, PageInput
from app.ml.clip_verifier import ClipVerifier
from app.ml.url_classifier import UrlClassifier
from app.net import SafeFetcher, fetch_image
from app.observability.metrics import metrics

logger = logging.getLogger(__name__)

TEXT_FIELDS = ("name", "currency", "description", "brand", "sku", "gtin", "mpn", "availability")
LLM_FIELDS = frozenset({"name", "price", "currency", "description", "brand", "sku", "availability", "image_url"})
CACHE_VERSION = "2"  # bump when the pipeline's output for the same page changes


class _Timer:
    def __init__(self) -> None:
        self.timings: dict[str, float] = {}
        self._started = time.perf_counter()

    def stage(self, name: str, started: float) -> None:
        elapsed = (time.perf_counter() - started) * 1000
        self.timings[name] = round(elapsed, 2)
        metrics.record("ExtractionStage", elapsed, "Milliseconds", Stage=name)

    def total(self) -> dict[str, float]:
        return {**self.timings, "total": round((time.perf_counter() - self._started) * 1000, 2)}


def _rounded(probability: float | None) -> float | None:
    return round(probability, 4) if probability is not None and math.isfinite(probability) else None


def cache_key(request: ExtractRequest, caller: str) -> str:
    """Per caller: a shared entry would answer `cached: true` (and fast) to a second person, telling them that
    somebody else had this page open. Repeat opens of one person's popup are what the cache is for."""
    content = json.dumps([request.html, request.text, request.title, request.image_urls], ensure_ascii=False)
    digest = hashlib.sha256(content.encode()).hexdigest()
    scope = f"{CACHE_VERSION}\0{caller}\0{canonical_url(request.url)}\0{digest}"
    return hashlib.sha256(scope.encode()).hexdigest()


@dataclass
class ExtractionPipeline:
    db: AsyncDatabase
    settings: Settings
    url_classifier: UrlClassifier
    clip: ClipVerifier
    llm: LlmChain
    fetcher: SafeFetcher

    def health(self) -> dict[str, Any]:
        return {"url_classifier": self.url_classifier.status(), "clip": self.clip.status()}

    async def extract(self, request: ExtractRequest, *, caller: str) -> ExtractResponse:
        """Decide whether the page is a product page and extract the product, saying where each field came from.
        `caller` scopes the cache (a user id)."""
        started = time.perf_counter()
        key = cache_key(request, caller)
        cached = await repository.find_cached(self.db, key)
        if cached is not None:
            metrics.record("ExtractionCache", 1, "Count", Result="hit")
            # The stored timings are the first request's; this answer took only the lookup.
            lookup_ms = round((time.perf_counter() - started) * 1000, 2)
            timings = {"cache": lookup_ms, "total": lookup_ms}
            return ExtractResponse.model_validate({**cached["result"], "timings_ms": timings, "cached": True})
        metrics.record("ExtractionCache", 1, "Count", Result="miss")
        response = await self._run(request)
        await repository.store(
            self.db,
            key,
            response.model_dump(mode="json", exclude={"cached"}),
            self.settings.extraction_cache_ttl_seconds,
        )
        return response

    async def _run(self, request: ExtractRequest) -> ExtractResponse:
        timer = _Timer()

        started = time.perf_counter()
        (url_verdict,) = await self.url_classifier.aclassify([request.url])  # a URL rule, else the model
        url_probability = url_verdict.probability if url_verdict is not None else None
        timer.stage("url_classifier", started)

        started = time.perf_counter()
        page = (
            await anyio.to_thread.run_sync(extract_structured, request.html, request.url)
            if request.html
            else StructuredExtraction()
        )
        timer.stage("structured", started)
        evidence = page.evidence if request.html else None
        url_from_rule = url_verdict is not None and url_verdict.from_rule
        is_product, confidence = combine_product_confidence(url_probability, evidence, url_from_rule=url_from_rule)

        fields: dict[str, Any] = {
            name: getattr(page, name) for name in (*TEXT_FIELDS, "price", "regular_price", "image_url")
        }
        sources: dict[str, str] = dict(page.sources)
        title = request.title or page.title or ""
        if is_product:
            await self._fill_with_llm(request, title, page.visible_text or request.text or "", fields, sources, timer)
            started = time.perf_counter()
            ranking = await rank_images(
                candidates_for(page.image_candidates, request.image_urls),
                fields.get("name"),
                clip=self.clip,
                fetcher=self.fetcher,
            )
            timer.stage("images", started)
            images = [ScoredImage(url=url, score=score) for url, score in ranking.images]
            if ranking.source == "clip" and ranking.best:
                fields["image_url"], sources["image_url"] = ranking.best, "clip"
            elif not fields.get("image_url") and ranking.best:
                fields["image_url"], sources["image_url"] = ranking.best, ranking.source
        else:
            images = []
        product = ExtractedProduct(**{k: v for k, v in fields.items() if v is not None}, images=images)
        return ExtractResponse(
            is_product=is_product,
            product_confidence=confidence,
            page_probability=evidence.score if evidence is not None else None,
            url_probability=_rounded(url_probability),
            product=product,
            sources={field: source for field, source in sources.items() if getattr(product, field, None) is not None},
            timings_ms=timer.total(),
            cached=False,
        )

    async def _fill_with_llm(
        self,
        request: ExtractRequest,
        title: str,
        text: str,
        fields: dict[str, Any],
        sources: dict[str, str],
        timer: _Timer,
    ) -> None:
        missing = {name for name in LLM_FIELDS if fields.get(name) is None}
        if not missing or not text:
            return
        started = time.perf_counter()
        parse = await self.llm.parse_product(PageInput(url=request.url, title=title, text=text), missing)
        timer.stage("llm", started)
        if parse is None:
            return
        for name, value in parse.fields.items():
            if name in missing:
                fields[name] = Decimal(value) if name == "price" else value
                sources[name] = parse.provider

    async def classify_url(self, url: str) -> ClassifyUrlResponse:
        """The URL classifier's verdict alone (no page)."""
        (verdict,) = await self.url_classifier.aclassify([url])
        if verdict is None:
            raise ServiceUnavailable("The URL classifier is not available", details={"model": "url_classifier"})
        is_product, confidence = combine_product_confidence(verdict.probability, None, url_from_rule=verdict.from_rule)
        return ClassifyUrlResponse(is_product=is_product, confidence=confidence)

    async def verify_image(self, image_url: str, product_name: str) -> VerifyImageResponse:
        """Fetch one image safely and score it against the product name with CLIP."""
        if not self.clip.is_configured:
            raise ServiceUnavailable("The image verifier is not available", details={"model": "clip"})
        image = await fetch_image(self.fetcher, image_url)
        scores = await self.clip.ascore_images([image], product_name, image_urls=[image_url])
        if scores is None:
            raise ServiceUnavailable("The image verifier is not available", details={"model": "clip"})
        score = round(scores[0], 4)
        return VerifyImageResponse(match=self.clip.matches(score), score=score, threshold=self.clip.threshold)
