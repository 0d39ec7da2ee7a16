"""Extraction latency per stage on CPU, for 100 KB and 1 MB product pages.

    .venv/bin/python scripts/bench_extract.py [--n 30] [--url-model models/url-classifier] [--baseline REF]

With --baseline a git ref (e.g. a commit before a change), the structured stage of that ref's `app/` and of this
tree are timed in the same run, alternating in rounds on the same pages, and their medians compared as a ratio.

Pages are built here (a real-looking product page padded with related-product grids, scripts and text to the
target size), so the numbers do not depend on ../shared. Stages: structured data (extract_structured), the URL
classifier (if a model is given), and the whole pipeline in-process without LLM, CLIP or cache (what a
cache miss costs when only the structured path runs). CLIP numbers: scripts/bench_models.py.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from app.extraction.structured import extract_structured

ROOT = Path(__file__).resolve().parents[1]

HEAD = """<!doctype html><html lang="en"><head><title>Acme Kettle 1.7L | Acme Store</title>
<meta property="og:type" content="product"><meta property="og:image" content="https://img.example/kettle.jpg">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Acme Kettle 1.7L",
"sku":"AK-17","brand":{"@type":"Brand","name":"Acme"},"image":"https://img.example/kettle.jpg",
"offers":{"@type":"Offer","price":"39.99","priceCurrency":"USD","availability":"https://schema.org/InStock"}}</script>
</head><body><header><nav>Home / Kitchen / Kettles</nav></header><main><h1>Acme Kettle 1.7L</h1>
<img src="https://img.example/kettle.jpg" width="800" height="800"><span class="price">$39.99</span>
<button>Add to cart</button><p>A fast-boiling 1.7 litre kettle with a brushed steel body.</p></main>"""
RELATED = """<div class="related"><a href="/p/{n}"><img src="https://img.example/r{n}.jpg" width="200" height="200">
<span>Related thing {n}</span><span class="price">${n}.99</span></a></div>"""
SCRIPT = "<script>window.__STATE__ = {json};</script>"
TAIL = "</body></html>"
PAGE_URL = "https://shop.example/p/acme-kettle"


def build_page(target_bytes: int) -> str:
    parts = [HEAD]
    size = len(HEAD)
    n = 0
    while size < target_bytes - len(TAIL):
        n += 1
        chunk = RELATED.format(n=n) if n % 3 else SCRIPT.format(json='{"k": "' + "x" * 2000 + '"}')
        chunk += f"<p>Review {n}: works well, boils quickly, easy to clean. " * 3 + "</p>"
        parts.append(chunk)
        size += len(chunk)
    parts.append(TAIL)
    return "".join(parts)


def summarize(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    return f"p50 {statistics.median(ordered) * 1000:7.1f} ms   p95 {p95 * 1000:7.1f} ms"


def time_calls(function: Any, n: int) -> list[float]:
    samples = []
    for _ in range(n):
        started = time.perf_counter()
        function()
        samples.append(time.perf_counter() - started)
    return samples


async def pipeline_samples(page: str, n: int) -> list[float]:
    """The whole pipeline's cache-miss path in-process (no HTTP, no LLM keys, no CLIP weights)."""
    from app.config import Settings
    from app.extraction.schemas import ExtractRequest
    from app.extraction.service import ExtractionPipeline
    from app.llm import LlmChain
    from app.ml.clip_verifier import ClipVerifier
    from app.ml.url_classifier import UrlClassifier
    from app.net import SafeFetcher

    settings = Settings(_env_file=None)
    fetcher = SafeFetcher()
    llm = LlmChain(settings)
    pipeline = ExtractionPipeline(
        db=None,  # type: ignore[arg-type]  # _run never touches the cache
        settings=settings,
        url_classifier=UrlClassifier(None),
        clip=ClipVerifier(settings.clip_model, None, settings.clip_threshold),
        llm=llm,
        fetcher=fetcher,
    )
    request = ExtractRequest(url="https://shop.example/p/acme-kettle", html=page)
    samples = []
    for _ in range(n):
        started = time.perf_counter()
        await pipeline._run(request)
        samples.append(time.perf_counter() - started)
    await fetcher.aclose()
    await llm.aclose()
    return samples


# Run in a child process whose sys.path starts at one tree: times extract_structured on a page read from stdin.
_TIMING_CHILD = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from app.extraction.structured import extract_structured
page, url, n = sys.stdin.read(), sys.argv[2], int(sys.argv[3])
extract_structured(page, url)
samples = []
for _ in range(n):
    started = time.perf_counter()
    extract_structured(page, url)
    samples.append(time.perf_counter() - started)
print(json.dumps(samples))
"""


def compare_with_baseline(ref: str, n: int, rounds: int = 3) -> None:
    """The structured stage of `ref` and of this tree on the same 1 MB page, alternating, in one run."""
    page = build_page(1_000_000)
    with tempfile.TemporaryDirectory() as baseline_root:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "app"], check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", baseline_root], input=archive.stdout, check=True)
        samples: dict[str, list[float]] = {"baseline": [], "current": []}
        for _ in range(rounds):
            for label, tree in (("baseline", baseline_root), ("current", str(ROOT))):
                child = subprocess.run(
                    [sys.executable, "-c", _TIMING_CHILD, tree, PAGE_URL, str(max(1, n // rounds))],
                    input=page,
                    text=True,
                    capture_output=True,
                    check=True,
                )
                samples[label].extend(json.loads(child.stdout))
    baseline, current = statistics.median(samples["baseline"]), statistics.median(samples["current"])
    print(f"structured stage, 1 MB page, {ref}: {summarize(samples['baseline'])}")
    print(f"structured stage, 1 MB page, this tree: {summarize(samples['current'])}")
    print(f"ratio this tree / {ref} (medians): {current / baseline:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=30)
    parser.add_argument("--url-model", default=str(ROOT / "models" / "url-classifier"))
    parser.add_argument("--baseline", help="a git ref whose structured stage to time beside this tree's")
    args = parser.parse_args()
    if args.baseline:
        compare_with_baseline(args.baseline, args.n)

    for label, size in (("100 KB", 100_000), ("1 MB", 1_000_000)):
        page = build_page(size)
        extract_structured(page, PAGE_URL)  # warm lxml and imports
        structured = time_calls(lambda page=page: extract_structured(page, PAGE_URL), args.n)
        print(f"structured stage, {label} page ({len(page) // 1000} KB):   {summarize(structured)}")
        whole = asyncio.run(pipeline_samples(page, args.n))
        print(f"pipeline cache miss, {label} page (no LLM/CLIP):  {summarize(whole)}")

    if Path(args.url_model).exists():
        from app.ml.url_classifier import UrlClassifier

        classifier = UrlClassifier(args.url_model, use_rules=False)  # the model's own cost; rules timed below
        started = time.perf_counter()
        if not classifier.load():
            print(f"URL classifier did not load: {classifier.status()['error']}")
            return
        print(f"URL classifier cold load: {time.perf_counter() - started:.2f} s")
        urls = [f"https://shop{n}.example/products/thing-{n}?variant={n}" for n in range(args.n)]
        single = time_calls(lambda: classifier.predict_proba([urls.pop()]), args.n)
        print(f"URL classifier, one uncached URL:                 {summarize(single)}")
        from app.ml.url_rules import url_rule_answer

        rule_urls = [f"https://www.amazon.de/dp/B0{n:08d}" for n in range(args.n)]
        rules = time_calls(lambda: url_rule_answer(rule_urls.pop()), args.n)
        print(f"URL rule layer, one URL (answers before the model): {summarize(rules)}")
    else:
        print(f"URL classifier: no model at {args.url_model} (see scripts/train_url_classifier.py)")


if __name__ == "__main__":
    main()
