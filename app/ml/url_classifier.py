"""BERT-family URL classifier: the probability that a URL is a single-product page.

Loaded once on first use from `URL_MODEL_PATH` (a `save_pretrained` directory). Without a path, or when loading
fails, it reports itself unavailable and every prediction is None: callers fall back to page evidence.
A URL that one of the unambiguous patterns in `app.ml.url_rules` matches gets that rule's answer instead of the
model's (a marketplace's `/dp/<ASIN>` is a product page whatever the model learnt).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.ml.cache import LruCache
from app.ml.lazy import LazyModel
from app.ml.runtime import run_inference
from app.ml.url_rules import url_rule_answer
from app.ml.url_text import MAX_TOKENS, url_to_text

if TYPE_CHECKING:
    from transformers import PreTrainedModel, PreTrainedTokenizerBase

logger = logging.getLogger(__name__)

_BATCH_SIZE = 32
_CACHE_ENTRIES = 8192
MODEL_SOURCE = "model"


@dataclass(frozen=True)
class UrlVerdict:
    probability: float
    source: str  # MODEL_SOURCE, or "rule:<name>" for a pattern of app.ml.url_rules

    @property
    def from_rule(self) -> bool:
        return self.source != MODEL_SOURCE


class UrlClassifier(LazyModel):
    def __init__(self, model_path: str | None, *, use_rules: bool = True) -> None:
        super().__init__(model_path, setting="URL_MODEL_PATH", label="the URL model")
        self._use_rules = use_rules
        # transformers sets padding/truncation state on the shared fast tokenizer on every call; overlapping calls
        # can raise "Already borrowed" (huggingface/transformers#47085), so tokenisation is serialised.
        self._tokenizer_lock = threading.Lock()
        self._model: PreTrainedModel | None = None
        self._tokenizer: PreTrainedTokenizerBase | None = None
        self._product_index = 1
        self._cache: LruCache[str, float] = LruCache(_CACHE_ENTRIES)

    def _load(self, source: str) -> None:
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        tokenizer = AutoTokenizer.from_pretrained(source)
        model = AutoModelForSequenceClassification.from_pretrained(source, dtype="float32")
        model.eval()
        self._product_index = model.config.label2id.get("product", 1)
        self._tokenizer, self._model = tokenizer, model

    def predict_proba(self, urls: list[str]) -> list[float] | None:
        """Probability of "product page" per URL (a rule's when one fires), or None when the model is unavailable.

        Blocking."""
        if not self.load():
            return None
        return [verdict.probability for verdict in self.classify(urls)]  # type: ignore[union-attr]

    def classify(self, urls: list[str]) -> list[UrlVerdict | None]:
        """Per URL: the rule's answer when a rule fires, else the model's; None where neither can answer. Blocking."""
        rules = [url_rule_answer(url) if self._use_rules else None for url in urls]
        unmatched = [url for url, rule in zip(urls, rules, strict=True) if rule is None]
        model_verdicts: list[UrlVerdict | None] = [None] * len(unmatched)
        if unmatched and self.load():
            model_verdicts = [UrlVerdict(p, MODEL_SOURCE) for p in self._model_proba(unmatched)]
        from_model = iter(model_verdicts)
        return [
            UrlVerdict(rule.probability, f"rule:{rule.rule}") if rule is not None else next(from_model)
            for rule in rules
        ]

    def _model_proba(self, urls: list[str]) -> list[float]:
        texts = [url_to_text(url) for url in urls]
        found = {text: self._cache.get(text) for text in set(texts)}
        missing = [text for text, probability in found.items() if probability is None]
        for start in range(0, len(missing), _BATCH_SIZE):
            chunk = missing[start : start + _BATCH_SIZE]
            for text, probability in zip(chunk, self._forward(chunk), strict=True):
                self._cache.put(text, probability)
                found[text] = probability
        return [found[text] for text in texts]  # type: ignore[misc]

    def _forward(self, texts: list[str]) -> list[float]:
        import torch

        assert self._model is not None and self._tokenizer is not None
        with self._tokenizer_lock:
            inputs = self._tokenizer(texts, padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt")
        with torch.inference_mode():
            logits = self._model(**inputs).logits
        return logits.float().softmax(dim=-1)[:, self._product_index].tolist()

    async def aclassify(self, urls: list[str]) -> list[UrlVerdict | None]:
        """`classify` in the inference thread pool, never on the event loop."""
        return await run_inference(self.classify, urls)
