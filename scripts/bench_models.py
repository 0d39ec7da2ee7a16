"""Benchmark the two models on this CPU: cold load, URL classifier latency, CLIP batched vs sequential, RSS.

    .venv/bin/python scripts/bench_models.py [--url-model models/url-classifier] [--clip-model ViT-B-32] [--rounds 30]

CLIP runs on random weights (no weights can be downloaded here): the cost of a forward pass is the same.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PIL import Image

from app.ml.clip_verifier import ClipVerifier
from app.ml.url_classifier import UrlClassifier

REPO_ROOT = Path(__file__).resolve().parents[1]


def rss_mb() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def timed(function: Callable[..., object], *args: Any, **kwargs: Any) -> float:
    started = time.perf_counter()
    function(*args, **kwargs)
    return (time.perf_counter() - started) * 1000


def bench_url_classifier(model_path: Path, rounds: int) -> dict[str, float]:
    classifier = UrlClassifier(str(model_path))
    # Every URL is new, so the per-URL cache never answers: these are model timings.
    serial = iter(range(10**9))

    def urls(count: int) -> list[str]:
        return [
            f"https://shop{next(serial)}.example.com/p/blue-cotton-shirt-{next(serial)}/{next(serial)}"
            for _ in range(count)
        ]

    cold_ms = timed(classifier.predict_proba, urls(1))
    if not classifier.is_loaded:
        raise SystemExit(f"URL model did not load: {classifier.status()['error']}")
    for _ in range(5):
        classifier.predict_proba(urls(1))
    single = [timed(classifier.predict_proba, urls(1)) for _ in range(rounds)]
    batch = [timed(classifier.predict_proba, urls(32)) for _ in range(max(5, rounds // 3))]
    return {
        "cold_load_and_first_call_ms": cold_ms,
        "batch1_p50_ms": statistics.median(single),
        "batch1_p95_ms": percentile(single, 0.95),
        "batch32_p50_ms": statistics.median(batch),
        "batch32_p95_ms": percentile(batch, 0.95),
    }


def bench_clip(model_name: str, rounds: int) -> dict[str, float]:
    import open_clip
    import torch

    with tempfile.TemporaryDirectory() as directory:
        checkpoint = Path(directory) / "random.pt"
        torch.save(open_clip.create_model(model_name).state_dict(), checkpoint)
        verifier = ClipVerifier(model_name, str(checkpoint), threshold=0.22)
        started = time.perf_counter()
        if not verifier.load():
            raise SystemExit(f"CLIP did not load: {verifier.status()['error']}")
        cold_ms = (time.perf_counter() - started) * 1000
    name = "blue cotton shirt"
    images = [Image.new("RGB", (400 + 10 * i, 500), (30 * i, 90, 200 - 20 * i)) for i in range(8)]
    verifier.score_images(images[:1], name)  # warm-up, and the text embedding is cached for both modes alike
    batched, sequential = [], []
    for _ in range(rounds):  # interleaved, so machine noise hits both modes alike
        batched.append(timed(verifier.score_images, images, name))
        sequential.append(sum(timed(verifier.score_images, [image], name) for image in images))
    return {
        "cold_load_ms": cold_ms,
        "batched8_p50_ms": statistics.median(batched),
        "sequential8_p50_ms": statistics.median(sequential),
        "sequential_over_batched": statistics.median(sequential) / statistics.median(batched),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url-model", type=Path, default=REPO_ROOT / "models" / "url-classifier")
    parser.add_argument("--clip-model", default="ViT-B-32")
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()

    report = {"rss_start_mb": rss_mb()}  # before torch is imported: the app starts like this
    report |= {f"url_{key}": value for key, value in bench_url_classifier(args.url_model, args.rounds).items()}
    report["rss_after_url_model_mb"] = rss_mb()
    report |= {f"clip_{key}": value for key, value in bench_clip(args.clip_model, max(3, args.rounds // 5)).items()}
    report["rss_after_clip_mb"] = rss_mb()

    import torch

    print(f"cpus={os.cpu_count()} torch_threads={torch.get_num_threads()}")
    for key, value in report.items():
        print(f"{key:36s} {value:10.1f}")


if __name__ == "__main__":
    main()
