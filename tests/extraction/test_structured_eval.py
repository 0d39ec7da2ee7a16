"""The structured stage on the labelled pages of ../shared/eval (no LLM, no models): the F1 floors reached.

Slow-ish (~260 real pages, a few MB each): marked `slow`; skipped when ../shared is absent.
"""

from __future__ import annotations

import pytest

from tests.support import REPO_ROOT, load_script

EVAL_DIR = REPO_ROOT / ".." / "shared" / "eval"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (EVAL_DIR / "fathom-products").exists(), reason="../shared/eval not present"),
]


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    return load_script("eval_extraction").evaluate(EVAL_DIR.resolve())


def test_price_and_is_product_meet_the_aims(report) -> None:  # type: ignore[no-untyped-def]
    # Reached: price F1 0.987, is-product F1 0.980 (aims 0.90 and 0.95).
    assert report.fields["price"].f1 >= 0.95
    assert report.is_product.f1 >= 0.95
    assert report.is_product.precision >= 0.98  # no article or non-product page called a product


def test_other_fields_hold_their_floors(report) -> None:  # type: ignore[no-untyped-def]
    # Reached: name 0.947, currency 1.0, image 0.474 (most image misses are the same photo at another size),
    # availability / sku / brand 1.0 on the extruct fixtures.
    floors = {"name": 0.92, "currency": 0.97, "image": 0.45, "availability": 1.0, "sku": 1.0, "brand": 1.0}
    for field, floor in floors.items():
        assert report.fields[field].f1 >= floor, (field, report.fields[field].misses)


def test_price_strings_beat_plain_price_parser(report) -> None:  # type: ignore[no-untyped-def]
    amounts = report.price_parser["amount"]
    assert amounts["ours"] > amounts["price_parser"]
    assert amounts["ours"] / amounts["cases"] >= 0.99
