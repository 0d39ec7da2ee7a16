"""Process-local metric aggregation flushed as CloudWatch Embedded Metric Format (EMF) log lines.

On Fargate the awslogs driver ships stdout to CloudWatch Logs, which turns EMF lines into metrics: no agent,
no sidecar, no scrape endpoint to secure. Values are aggregated per interval (a histogram of values with counts),
so a busy instance writes a few lines a minute, not one per request.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sys
import threading
import time
from collections import Counter, defaultdict
from typing import TextIO

NAMESPACE = "BuyHive"
logger = logging.getLogger(__name__)

_Key = tuple[str, str, tuple[tuple[str, str], ...]]  # (metric name, unit, dimensions)


class MetricsRegistry:
    def __init__(self) -> None:
        self._lock = threading.Lock()  # metrics are recorded from worker threads too
        self._values: dict[_Key, Counter[float]] = defaultdict(Counter)

    def record(self, name: str, value: float, unit: str = "Count", **dimensions: str) -> None:
        key = (name, unit, tuple(sorted(dimensions.items())))
        rounded = round(value, 1) if unit == "Milliseconds" else value
        with self._lock:
            self._values[key][rounded] += 1

    def drain(self) -> dict[_Key, Counter[float]]:
        with self._lock:
            values, self._values = self._values, defaultdict(Counter)
        return values

    def flush(self, stream: TextIO | None = None) -> int:
        """Write one EMF line per metric and dimension set; returns the number of lines."""
        out = stream or sys.stdout
        lines = 0
        timestamp = int(time.time() * 1000)
        for (name, unit, dimensions), histogram in self.drain().items():
            # EMF caps a histogram at 100 distinct values: keep the most frequent ones.
            common = histogram.most_common(100)
            document = {
                "_aws": {
                    "Timestamp": timestamp,
                    "CloudWatchMetrics": [
                        {
                            "Namespace": NAMESPACE,
                            "Dimensions": [[d for d, _ in dimensions]],
                            "Metrics": [{"Name": name, "Unit": unit}],
                        }
                    ],
                },
                **dict(dimensions),
                name: {"Values": [v for v, _ in common], "Counts": [c for _, c in common]},
            }
            out.write(json.dumps(document) + "\n")
            lines += 1
        out.flush()
        return lines


metrics = MetricsRegistry()


async def flush_periodically(interval_seconds: float) -> None:
    """Runs for the app's lifetime; the lifespan cancels it and flushes once more."""
    while True:
        await asyncio.sleep(interval_seconds)
        try:
            metrics.flush()
        except Exception:
            logger.exception("metrics flush failed")
