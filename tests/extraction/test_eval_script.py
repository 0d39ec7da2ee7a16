"""scripts/eval_extraction.py's own parts: the --without-markup page, the name scorer, what --verbose lists."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from app.extraction.structured import extract_structured
from tests.support import load_script
from tests.support.markup import product_jsonld

PAGE = f"""<html><head>{product_jsonld(name="Desk Lamp Nova", price="49.00", currency="EUR")}
  <meta property="og:title" content="Desk Lamp Nova"><meta property="product:price:amount" content="49.00">
  </head><body><div itemscope itemtype="https://schema.org/Product"><h1 itemprop="name">Desk Lamp Nova</h1>
  <span class="price" itemprop="price" content="49.00">49,00 €</span><p property="schema:brand">Lumo</p>
  <button class="add-to-cart">Add to cart</button></div></body></html>"""


def test_without_markup_the_page_keeps_only_what_it_shows() -> None:
    stripped = load_script("eval_extraction").without_markup(PAGE)
    assert "ld+json" not in stripped and "itemprop" not in stripped and "itemscope" not in stripped
    assert "product:price" not in stripped and 'property="schema:brand"' not in stripped
    assert '<meta property="og:title" content="Desk Lamp Nova">' in stripped  # OpenGraph titles are no schema.org
    with_markup = extract_structured(PAGE, "https://shop.example.de/p/1")
    shown_only = extract_structured(stripped, "https://shop.example.de/p/1")
    assert (with_markup.price, with_markup.sources["price"]) == (Decimal("49.00"), "jsonld")
    assert (shown_only.price, shown_only.sources["price"]) == (Decimal("49.00"), "heuristic")


def test_names_in_any_script_are_compared_by_their_words() -> None:
    name_matches = load_script("eval_extraction").name_matches
    assert name_matches("АРТИШОК В КАПСУЛАХ", "АРТИШОК В КАПСУЛАХ")
    assert name_matches("بيت هارد ديسك خارجي ٣.٥ بوصة", "بيت هارد ديسك خارجي ٣.٥ بوصة | الشامل")
    assert not name_matches("АРТИШОК В КАПСУЛАХ", "ВИТАМИН С")


def test_verbose_lists_misses_of_our_pages_but_never_of_the_blind_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = {"id": "de-shop-lamp", "url": "https://shop.example.de/p/1", "is_product": True,
              "labels": {"name": "Desk Lamp Nova", "price": "59.00", "currency": "EUR"}}  # fmt: skip
    for folder in ("dev", "blind"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "labels.jsonl").write_text(json.dumps(record) + "\n")
        (tmp_path / folder / "de-shop-lamp.html").write_text(PAGE)
    arguments = ["--verbose", "--eval-dir", str(tmp_path / "none")]
    arguments += ["--devpages-labels", str(tmp_path / "dev" / "labels.jsonl"), "--devpages-dir", str(tmp_path / "dev")]
    arguments += ["--blindpages-labels", str(tmp_path / "blind" / "labels.jsonl")]
    arguments += ["--blindpages-dir", str(tmp_path / "blind")]
    assert load_script("eval_extraction").main(arguments) == 0
    printed = capsys.readouterr().out
    assert "== blindpages: 1 pages" in printed and "== devpages: 1 pages" in printed
    assert "price miss: devpages/de-shop-lamp" in printed
    assert "blindpages/" not in printed
