"""What both models share: loaded once on first use behind a lock; a failed load means "unavailable", never a crash."""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from app.ml.runtime import configure_torch

logger = logging.getLogger(__name__)


class LazyModel:
    """Subclasses implement `_load(source)`, which builds the model from its path or tag and keeps it."""

    def __init__(self, source: str | None, *, setting: str, label: str) -> None:
        self._source = source
        self._setting = setting  # the environment variable that names the source, for /health
        self._label = label
        self._load_lock = threading.Lock()
        self._attempted = False
        self._loaded = False
        self._error: str | None = None
        self._load_seconds: float | None = None

    @property
    def is_configured(self) -> bool:
        return bool(self._source)

    @property
    def is_loaded(self) -> bool:
        return self._loaded

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
            return self._loaded
        with self._load_lock:
            if not self._attempted:
                self._load_once()
                self._attempted = True
        return self._loaded

    def _load_once(self) -> None:
        if not self._source:
            self._error = f"{self._setting} is not set"
            return
        started = time.perf_counter()
        try:
            configure_torch()
            self._load(self._source)
        except Exception as exc:  # noqa: BLE001 - a broken artifact means "unavailable", never a crashed request
            self._error = f"could not load {self._label}: {type(exc).__name__}"
            logger.warning("%s unavailable: %s", self._label, exc)
            return
        self._loaded = True
        self._load_seconds = round(time.perf_counter() - started, 3)
        logger.info("%s loaded in %.2fs", self._label, self._load_seconds)

    def _load(self, source: str) -> None:
        raise NotImplementedError
