"""BERT-family URL classifier: the probability that a URL is a single-product page.

Loaded once on first use from `URL_MODEL_PATH` (a `save_pretrained` directory). Without a path, or when loading
fails, it reports itself unavailable and every prediction is None: callers fall back to page evidence.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import TYPE_CHECKING, Any

from app.ml.cache import LruCache
from app.ml.runtime import configure_torch, run_inference
from app.ml.url_text import MAX_TOKENS, url_to_text

if TYPE_CHECKING:
    from transformers import PreTrainedModel, PreTrainedTokenizerBase

logger = logging.getLogger(__name__)

_BATCH_SIZE = 32
_CACHE_ENTRIES = 8192


class UrlClassifier:
    def __init__(self, model_path: str | None) -> None:
        self._model_path = model_path
        self._load_lock = threading.Lock()
        # transformers sets padding/truncation state on the shared fast tokenizer on every call; overlapping calls
        # can raise "Already borrowed" (huggingface/transformers#47085), so tokenisation is serialised.
        self._tokenizer_lock = threading.Lock()
        self._attempted = False
        self._model: PreTrainedModel | None = None
        self._tokenizer: PreTrainedTokenizerBase | None = None
        self._product_index = 1
        self._error: str | None = None
        self._load_seconds: float | None = None
        self._cache: LruCache[str, float] = LruCache(_CACHE_ENTRIES)

    @property
    def is_configured(self) -> bool:
        return bool(self._model_path)

    @property
    def is_loaded(self) -> bool:
        return self._model is not None

    def status(self) -> dict[str, Any]:
        """What /health shows: configured, loaded, load time, the load error (no paths or secrets)."""
        return {
            "configured": self.is_configured,
            "loaded": self.is_loaded,
            "load_seconds": self._load_seconds,
            "error": self._error,
        }

    def load(self) -> bool:
        """Load the model once (blocking; concurrent callers wait for the first). True when usable."""
        if self._attempted:
            return self._model is not None
        with self._load_lock:
            if not self._attempted:
                self._load_once()
                self._attempted = True
        return self._model is not None

    def _load_once(self) -> None:
        if not self._model_path:
            self._error = "URL_MODEL_PATH is not set"
            return
        started = time.perf_counter()
        try:
            configure_torch()
            from transformers import AutoModelForSequenceClassification, AutoTokenizer

            tokenizer = AutoTokenizer.from_pretrained(self._model_path)
            model = AutoModelForSequenceClassification.from_pretrained(self._model_path, dtype="float32")
            model.eval()
        except Exception as exc:  # noqa: BLE001 - a broken artifact means "unavailable", never a crash
            self._error = f"could not load the URL model: {type(exc).__name__}"
            logger.warning("URL classifier unavailable: %s", exc)
            return
        self._product_index = model.config.label2id.get("product", 1)
        self._tokenizer, self._model = tokenizer, model
        self._load_seconds = round(time.perf_counter() - started, 3)
        logger.info("URL classifier loaded in %.2fs", self._load_seconds)

    def predict_proba(self, urls: list[str]) -> list[float] | None:
        """Probability of "product page" per URL, or None when the model is unavailable. Blocking."""
        if not self.load():
            return None
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

    async def apredict_proba(self, urls: list[str]) -> list[float] | None:
        """`predict_proba` in the inference thread pool, never on the event loop."""
        return await run_inference(self.predict_proba, urls)
