"""The URL classifier through its real loading path, on a tiny random BERT and on the committed artifact."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from app.ml.url_classifier import UrlClassifier, UrlVerdict
from app.ml.url_text import url_to_text
from tests.support import REPO_ROOT

TRAINED_MODEL = REPO_ROOT / "models" / "url-classifier"

URLS = [
    "https://shop.example.com/products/red-canvas-sneaker-42",
    "https://shop.example.com/cart",
    "https://www.example.com/p/blue-wool-scarf/123456",
    "https://news.example.org/2024/05/01/markets-rally",
    "https://shop.example.com/search?q=shoes",
    "https://www.example.com/dp/B01ABCDEF2",
    "https://shop.example.com/account/login",
    "https://shop.example.com/category/women/dresses",
]


def test_probabilities_are_per_url_and_between_zero_and_one(tiny_bert_dir: Path) -> None:
    classifier = UrlClassifier(str(tiny_bert_dir))
    probabilities = classifier.predict_proba(URLS)
    assert probabilities is not None
    assert len(probabilities) == len(URLS)
    assert all(0.0 <= p <= 1.0 for p in probabilities)
    status = classifier.status()
    assert (status["configured"], status["loaded"], status["error"]) == (True, True, None)


def test_a_batch_of_eight_equals_eight_single_calls(tiny_bert_dir: Path) -> None:
    batched = UrlClassifier(str(tiny_bert_dir)).predict_proba(URLS)
    single = UrlClassifier(str(tiny_bert_dir))  # a fresh cache: every URL really runs on its own
    one_at_a_time = [single.predict_proba([url])[0] for url in URLS]  # type: ignore[index]
    assert batched == pytest.approx(one_at_a_time, abs=1e-5)


def test_cached_answers_match_fresh_ones_and_duplicates_are_consistent(tiny_bert_dir: Path) -> None:
    classifier = UrlClassifier(str(tiny_bert_dir))
    first = classifier.predict_proba(URLS)
    again = classifier.predict_proba([*URLS, URLS[0]])
    assert again is not None and first is not None
    assert again[:-1] == first
    assert again[-1] == first[0]


def test_tracking_parameters_do_not_change_the_answer(tiny_bert_dir: Path) -> None:
    classifier = UrlClassifier(str(tiny_bert_dir))
    plain, tracked = classifier.predict_proba(
        [
            "https://shop.example.com/p/lamp/998877",
            "https://www.shop.example.com/p/lamp/998877?utm_source=x&gclid=y#top",
        ]
    )  # type: ignore[misc]
    assert plain == tracked
    assert url_to_text("https://www.shop.com/p/a%20b?id=7&utm_medium=cpc") == "shop.com/p/a b?id=7"


def test_concurrent_first_calls_load_the_model_once(tiny_bert_dir: Path) -> None:
    class CountingClassifier(UrlClassifier):
        loads = 0

        def _load_once(self) -> None:
            CountingClassifier.loads += 1
            super()._load_once()

    classifier = CountingClassifier(str(tiny_bert_dir))
    start = threading.Barrier(8)
    results: list[list[float] | None] = []

    def call() -> None:
        start.wait()
        results.append(classifier.predict_proba(URLS[:2]))

    threads = [threading.Thread(target=call) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert CountingClassifier.loads == 1
    assert len(results) == 8 and all(result == results[0] for result in results)


def test_without_a_model_path_it_is_unavailable_and_answers_none() -> None:
    classifier = UrlClassifier(None)
    assert classifier.predict_proba(URLS) is None
    assert classifier.status()["configured"] is False
    assert classifier.status()["loaded"] is False
    assert "URL_MODEL_PATH" in classifier.status()["error"]


def test_a_broken_model_directory_degrades_instead_of_raising(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text("{not json")
    classifier = UrlClassifier(str(tmp_path))
    assert classifier.predict_proba(URLS) is None
    assert classifier.status()["loaded"] is False
    assert str(tmp_path) not in classifier.status()["error"]


async def test_async_prediction_runs_off_the_event_loop(tiny_bert_dir: Path) -> None:
    classifier = UrlClassifier(str(tiny_bert_dir))
    loop_thread = threading.get_ident()
    seen: list[int] = []

    def spy(urls: list[str]) -> list[UrlVerdict | None]:
        seen.append(threading.get_ident())
        return UrlClassifier.classify(classifier, urls)

    classifier.classify = spy  # type: ignore[method-assign]
    probabilities = await classifier.aclassify(URLS[:3])
    assert probabilities is not None and len(probabilities) == 3
    assert seen and seen[0] != loop_thread


@pytest.mark.skipif(not (TRAINED_MODEL / "config.json").exists(), reason="no trained URL model in models/")
def test_the_trained_artifact_tells_obvious_product_pages_from_other_pages() -> None:
    classifier = UrlClassifier(str(TRAINED_MODEL))
    products = [
        "https://www.amazon.com/Sony-WH-1000XM4-Canceling-Headphones-phone-call/dp/B0863TXGM3",
        "https://www.etsy.com/listing/1234567890/handmade-ceramic-coffee-mug",
        "https://www.bestbuy.com/site/apple-airpods-pro/5706659.p?skuId=5706659",
    ]
    others = [
        "https://www.amazon.com/gp/cart/view.html",
        "https://www.nytimes.com/2024/03/12/technology/ai-chips-export.html",
        "https://www.etsy.com/signin",
    ]
    probabilities = classifier.predict_proba(products + others)
    assert probabilities is not None
    assert all(p >= 0.5 for p in probabilities[: len(products)]), probabilities
    assert all(p < 0.5 for p in probabilities[len(products) :]), probabilities


def test_concurrent_predictions_on_a_loaded_model_all_get_their_own_answers(tiny_bert_dir: Path) -> None:
    expected = UrlClassifier(str(tiny_bert_dir)).predict_proba(URLS)
    assert expected is not None
    classifier = UrlClassifier(str(tiny_bert_dir))
    classifier.load()
    start = threading.Barrier(8)

    def call(index: int) -> list[float] | None:
        start.wait()
        # Different pairs, twice each, so tokenizer calls overlap with different lengths and paddings.
        for _ in range(2):
            answer = classifier.predict_proba([URLS[index], f"{URLS[(index + 3) % 8]}?page={index}"])
        return answer

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(call, range(8)))  # re-raises any error from a thread
    assert [answer[0] for answer in answers] == pytest.approx(expected, abs=1e-5)  # type: ignore[index]
