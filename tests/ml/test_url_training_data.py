"""The weak-labelling rule of scripts/train_url_classifier.py, on a small page written here."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from tests.support import REPO_ROOT, load_script

SCRIPT = REPO_ROOT / "scripts" / "train_url_classifier.py"


training = load_script("train_url_classifier")

PRODUCT_PAGE = """<html><body>
<a href="/p/blue-wool-scarf/123456">this product again</a>
<a href="/p/red-cotton-scarf-long/654321?ref=related">related product</a>
<a href="https://shop.example.com/p/green-silk-tie/777777">another related product</a>
<a href="/c/scarves">category</a>
<a href="/cart">cart</a>
<a href="/account/login">login</a>
<a href="/search?q=scarf">search</a>
<a href="https://www.othershop.com/p/x-y-z/999999">another site</a>
<a href="/img/scarf.jpg">an image</a>
<a href="mailto:help@shop.example.com">mail</a>
</body></html>"""


def test_same_shop_links_shaped_like_the_product_url_are_products_the_rest_are_not(tmp_path: Path) -> None:
    html = tmp_path / "page.html"
    html.write_text(PRODUCT_PAGE)
    page_url = "https://shop.example.com/p/blue-wool-scarf/123456"
    page = training.SavedPage(page_url, html, is_product=True)
    labels = {e.url: e.label for e in training.weak_labels_for_page(page, {training.path_shape(page_url)})}
    assert labels == {
        "https://shop.example.com/p/red-cotton-scarf-long/654321?ref=related": 1,
        "https://shop.example.com/p/green-silk-tie/777777": 1,
        "https://shop.example.com/c/scarves": 0,
        "https://shop.example.com/cart": 0,
        "https://shop.example.com/account/login": 0,
        "https://shop.example.com/search?q=scarf": 0,
    }


def test_every_same_site_link_of_a_news_page_is_not_a_product(tmp_path: Path) -> None:
    html = tmp_path / "article.html"
    html.write_text('<a href="/2024/05/01/story">a</a><a href="/p/looks-like-a/123456">b</a><a href="/about">c</a>')
    page = training.SavedPage("https://news.example.com/2024/04/30/other-story", html, is_product=False)
    assert {e.label for e in training.weak_labels_for_page(page, set())} == {0}
    assert len(training.weak_labels_for_page(page, set())) == 3


def test_a_site_is_its_registrable_name_so_country_shops_stay_on_one_side_of_the_split() -> None:
    assert training.site_of("https://www.amazon.co.uk/dp/B01") == "amazon"
    assert training.site_of("https://smile.amazon.com/dp/B01") == "amazon"
    assert training.is_test_site("amazon") == training.is_test_site("amazon")
    assert training.path_shape("https://a.com/x/dp/B0011UCPM4/ref=pd_1/262-1") == ("a.com", ("x", "dp", "ID"))


def test_training_without_the_shared_data_exits_with_a_clear_message(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--eval-dir", str(tmp_path / "missing"), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "No evaluation data" in result.stderr
    assert not (tmp_path / "out").exists()


def test_the_committed_synthetic_urls_are_exactly_what_the_generator_writes() -> None:
    committed = list(csv.DictReader((training.LABELLED_URLS_DIR / "synthetic.csv").open(newline="")))
    assert committed == load_script("synthesise_url_labels").rows()


def test_the_committed_url_lists_are_labelled_urls_of_both_kinds_each_listed_once() -> None:
    examples = training.listed_examples(training.LABELLED_URLS_DIR)
    assert all(urlsplit(e.url).scheme in ("http", "https") and urlsplit(e.url).hostname for e in examples)
    assert all(" " not in e.url for e in examples)
    assert len({e.url for e in examples}) == len(examples)
    assert {(e.origin, e.label) for e in examples} == {
        ("public", 1),
        ("devpages", 0),
        ("devpages", 1),
        ("synthetic", 0),
        ("synthetic", 1),
    }
    sites = {e.site for e in examples if "amazon." in (urlsplit(e.url).hostname or "")}
    assert sites == {"amazon"}  # every Amazon country domain is one site, on one side of the split
