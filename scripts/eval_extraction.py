"""Measure the structured-data stage (no LLM, no models) on the labelled pages in ../shared/eval.

Scoring follows the Zyte product-extraction benchmark convention (../shared/eval/README.md): each labelled
attribute is a list of acceptable values, the extractor gives at most one; precision = correct / values given,
recall = correct / pages with the attribute, F1 their harmonic mean. Prices compare as Decimals; names by
containment or word overlap (labelled names are often page titles with a shop suffix); images by URL
(absolutised; the same image file at another size, i.e. a different query string, counts).
is-product: fathom + metascraper product pages are positives, articles-dev + metascraper non-product pages
negatives (metascraper's ambiguous cases are left out).

Labels used: fathom-products ground_truth.json (name = title_text, price = every amount in price_text plus
price_itemprop_content, currency = USD: 72 US retailers, image = image_src); extruct fixtures' expected JSON
(name, price, currency, image, brand, sku = sku or mpn or retailer_item_id, availability).

Data sets, each reported on its own:
- `shared-dev`: the pages above (../shared/eval; the pipeline was developed on them).
- `devpages`: our own labelled pages from public repositories (eval/devpages/labels.jsonl; the HTML is rebuilt
  outside the repository by scripts/fetch_devpages.py, see eval/devpages/README.md). Labels add
  regular_price, gtin, mpn and availability in many languages.

Besides per-field P/R/F1 it prints is-product P/R/F1 with the URL model on and off, the URL model alone on
pages whose site is absent from the URL training data (--url-training-csv), and a reliability table (how often
a page given confidence c really is a product page).

`--without-markup` measures the same pages with their schema.org markup (JSON-LD, microdata, RDFa) and the price
and availability meta tags removed: how the stage fares on the shops that declare nothing (marketplaces,
classifieds, many Asian shops), from what the page shows alone.

Usage: .venv/bin/python scripts/eval_extraction.py [--json] [--verbose] [--eval-dir PATH] [--url-model PATH]
       [--devpages-labels PATH] [--devpages-dir PATH] [--url-training-csv PATH] [--without-markup]
Without --url-model the is-product verdict is page evidence alone (URL probability None). With it, note that
url-labels/url_labels_dev.csv is derived from the shared-dev pages: a classifier trained on it has seen their URLs.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import html
import itertools
import json
import os
import re
import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from price_parser import Price

from app.extraction.structured import (
    StructuredExtraction,
    combine_product_confidence,
    extract_structured,
    parse_price,
    to_iso_currency,
)
from app.extraction.structured.document import site_of
from app.net.pages import html_text

REPO_ROOT = Path(__file__).resolve().parents[1]

DEFAULT_EVAL_DIR = REPO_ROOT / ".." / "shared" / "eval"
FIELDS = ("name", "price", "currency", "regular_price", "image", "availability", "sku", "gtin", "mpn", "brand")
DEFAULT_DEVPAGES_LABELS = Path(os.environ.get("DEVPAGES_LABELS", REPO_ROOT / "eval" / "devpages" / "labels.jsonl"))
DEFAULT_DEVPAGES_DIR = Path(os.environ.get("DEVPAGES_DIR", "/work/devpages/pages"))
# Pages nobody tuned on (eval/blindpages/README.md): report them, never tune on them.
DEFAULT_BLINDPAGES_LABELS = Path(
    os.environ.get("BLINDPAGES_LABELS", REPO_ROOT / "eval" / "blindpages" / "labels.jsonl")
)
DEFAULT_BLINDPAGES_DIR = Path(os.environ.get("BLINDPAGES_DIR", "/work/devpages/blind"))
RELIABILITY_BINS = (0.0, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0001)
# devpages label these whenever the page shows them: a value given on a page without one is a false positive.
_STATED_WHEN_SHOWN = ("sku", "gtin", "mpn", "regular_price")
_SOURCE_KEY = {"image": "image_url"}
UrlProbability = Callable[[str], "tuple[float, bool] | None"]  # (probability, answered by a URL rule)


@dataclass
class Page:
    """One evaluation page: its HTML, URL, whether it is a product page (None: not scored for that), and
    labels (field -> acceptable values)."""

    dataset: str
    page_id: str
    url: str
    html_path: Path
    is_product: bool | None
    labels: dict[str, list[Any]] = field(default_factory=dict)

    @property
    def site(self) -> str:
        return site_of(self.url) if self.url else ""

    def read_html(self) -> str:
        raw = self.html_path.read_bytes()
        if self.html_path.suffix == ".gz":
            raw = gzip.decompress(raw)
        return html_text(raw)  # as the browser decoded it for the extension


@dataclass
class FieldScore:
    labelled: int = 0
    given: int = 0
    correct: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct / self.given if self.given else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.labelled if self.labelled else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass
class Report:
    fields: dict[str, FieldScore]
    is_product: FieldScore  # labelled = positives, given = predicted positives, correct = true positives
    is_product_errors: list[str]
    price_parser: dict[str, Any]
    pages: int
    latency_ms: dict[str, float]
    is_product_page_only: FieldScore = field(default_factory=FieldScore)  # the URL model left out
    url_only: FieldScore = field(default_factory=FieldScore)  # the URL model alone, on sites it was not trained on
    reliability: list[dict[str, Any]] = field(default_factory=list)
    # One row per labelled page (page score, URL vote, signals), to study other fusion rules without re-running.
    page_verdicts: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        def score(value: FieldScore) -> dict[str, Any]:
            return {
                "labelled": value.labelled,
                "given": value.given,
                "correct": value.correct,
                "precision": round(value.precision, 4),
                "recall": round(value.recall, 4),
                "f1": round(value.f1, 4),
            }

        return {
            "pages": self.pages,
            "fields": {name: score(value) for name, value in self.fields.items()},
            "is_product": score(self.is_product),
            "is_product_page_only": score(self.is_product_page_only),
            "url_only_unseen_sites": score(self.url_only),
            "reliability": self.reliability,
            "is_product_errors": self.is_product_errors,
            "price_parser": self.price_parser,
            "latency_ms": self.latency_ms,
            "page_verdicts": self.page_verdicts,
        }


# --- loading the labelled pages -------------------------------------------------------------------------------


_JSONLD_SCRIPT = re.compile(r"<script\b[^>]*ld\+json[^>]*>.*?</script\s*>", re.IGNORECASE | re.DOTALL)
_PRICE_META = re.compile(
    r"<meta\b[^>]*(?:price|currency|availability)[^>]*>", re.IGNORECASE
)  # og:price:amount, product:price:*, itemprop=price/priceCurrency/availability
_OPENING_TAG = re.compile(r"<(?!meta\b)[a-zA-Z][^>]*>")
_MARKUP_ATTRIBUTE = re.compile(
    r"""\s(?:itemprop|itemscope|itemtype|itemid|itemref|typeof|vocab|property|resource|about)"""
    r"""(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?""",
    re.IGNORECASE,
)


def without_markup(html_text: str) -> str:
    """The page as a shop that declares nothing would serve it: no JSON-LD, microdata or RDFa, no price meta."""
    html_text = _PRICE_META.sub("", _JSONLD_SCRIPT.sub("", html_text))
    return _OPENING_TAG.sub(lambda tag: _MARKUP_ATTRIBUTE.sub("", tag.group(0)), html_text)


def load_pages(eval_dir: Path) -> list[Page]:
    return [
        *_fathom_pages(eval_dir),
        *_extruct_pages(eval_dir),
        *_metascraper_pages(eval_dir),
        *_article_pages(eval_dir),
    ]


def _fathom_pages(eval_dir: Path) -> Iterable[Page]:
    base = eval_dir / "fathom-products"
    for record in json.loads((base / "ground_truth.json").read_text()):
        path = base / record["dir"] / "source.html"
        if not path.exists():
            continue
        prices = {*_amounts_in(record.get("price_text") or "")}
        if record.get("price_itemprop_content"):
            prices.add(Decimal(record["price_itemprop_content"]))
        images = [record[key] for key in ("image_src", "image_resolved_url") if record.get(key)]
        yield Page(
            dataset="fathom",
            page_id=record["site"],
            url=record.get("url") or "",
            html_path=path,
            is_product=True,
            labels={"name": [record["title_text"]], "price": sorted(prices), "currency": ["USD"], "image": images},
        )


def _amounts_in(price_text: str) -> Iterable[Decimal]:
    """Every amount in a labelled price text ("$19.95 - $24.95" -> both ends), read by plain price-parser."""
    for number in re.findall(r"\d[\d,.]*", price_text):
        amount = Price.fromstring(number).amount
        if amount is not None:
            yield amount


def _extruct_pages(eval_dir: Path) -> Iterable[Page]:
    samples = eval_dir / "extruct" / "tests" / "samples"
    microdata_cases = [
        ("schema.org/product.html", "schema.org/product.json"),
        ("schema.org/product-ref.html", "schema.org/product-ref.json"),
        ("misc/product_microdata.html", "schema.org/product.json"),
    ]
    for html_name, expected_name in microdata_cases:
        html_path, expected_path = samples / html_name, samples / expected_name
        if html_path.exists() and expected_path.exists():
            properties = json.loads(expected_path.read_text())[0]["properties"]
            yield Page("extruct", html_name, "http://example.com/", html_path, None, _microdata_labels(properties))
    og_html, og_expected = (
        samples / "misc/opengraph_ns_product_test.html",
        samples / "misc/opengraph_ns_product_test.json",
    )
    if og_html.exists() and og_expected.exists():
        properties = dict(json.loads(og_expected.read_text())[0]["properties"])
        labels = {
            "name": [properties["og:title"]],
            "price": [Decimal(properties["product:price:amount"])],
            "currency": [properties["product:price:currency"]],
            "image": [properties["og:image"]],
            "availability": ["InStock" if properties["product:availability"] == "in stock" else "OutOfStock"],
            "sku": [properties["product:retailer_item_id"]],
        }
        yield Page("extruct", "opengraph_ns_product_test", properties["og:url"], og_html, None, labels)


def _microdata_labels(properties: dict[str, Any]) -> dict[str, list[Any]]:
    offer = properties["offers"]["properties"]
    image = properties["image"]
    return {
        "name": [properties["name"]],
        "price": [Decimal(offer["price"])],
        "currency": [offer["priceCurrency"]],
        "image": [urljoin("http://example.com/", (image[0] if isinstance(image, list) else image).strip())],
        "brand": [properties["brand"]],
        "sku": [properties.get("sku") or properties["mpn"]],
        "availability": [offer["availability"].rsplit("/", 1)[-1]],
    }


def _metascraper_pages(eval_dir: Path) -> Iterable[Page]:
    base = eval_dir / "metascraper"
    cases = json.loads((base / "cases.json").read_text())
    for group in cases.values():
        for case in group:
            if case.get("is_product_page") is None:
                continue  # ambiguous by the dataset's own label
            path = base / case["html"]
            if path.exists():
                yield Page("metascraper", case["case"], case["url"], path, bool(case["is_product_page"]))


def _article_pages(eval_dir: Path) -> Iterable[Page]:
    base = eval_dir / "articles-dev"
    truth = json.loads((base / "ground-truth.json").read_text())
    for page_id, record in sorted(truth.items()):
        path = base / "html" / f"{page_id}.html.gz"
        if path.exists():
            yield Page("articles", page_id[:12], record["url"], path, False)


def load_devpages(labels_path: Path, pages_dir: Path, dataset: str = "devpages") -> list[Page]:
    """Our own labelled pages (eval/devpages or eval/blindpages labels.jsonl); pages whose HTML is not on this
    machine are skipped."""
    if not labels_path.exists():
        return []
    pages = []
    for line in labels_path.read_text().splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        path = next(
            (
                candidate
                for suffix in (".html", ".html.gz")
                if (candidate := pages_dir / f"{record['id']}{suffix}").exists()
            ),
            None,
        )
        if path is None:
            continue
        labels = {
            name: [Decimal(str(item)) if name in ("price", "regular_price") else item for item in _as_list(value)]
            for name, value in (record.get("labels") or {}).items()
            if name in FIELDS and value not in (None, "", [])
        }
        pages.append(Page(dataset, record["id"], record["url"], path, record.get("is_product"), labels))
    return pages


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


# --- scoring --------------------------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return [
        word[:-1] if len(word) > 3 and word.endswith("s") else word for word in re.findall(r"[^\W_]+", text.lower())
    ]


def name_matches(predicted: str, acceptable: str) -> bool:
    """Containment either way, or word-overlap F1 >= 0.6 (words in any script; plural 's' ignored)."""
    guess, truth = " ".join(_words(predicted)), " ".join(_words(acceptable))
    if len(guess) >= 3 and (guess in truth or truth in guess):
        return True
    guess_words, truth_words = set(guess.split()), set(truth.split())
    common = len(guess_words & truth_words)
    if not common:
        return False
    precision, recall = common / len(guess_words), common / len(truth_words)
    return 2 * precision * recall / (precision + recall) >= 0.6


def _image_key(url: str, page_url: str) -> tuple[str, str]:
    absolute = urljoin(page_url, html.unescape(url.strip()))
    parts = urlsplit(absolute)
    return (parts.netloc.lower() + parts.path, parts.query)


def image_matches(predicted: str, acceptable: str, page_url: str) -> bool:
    """Same URL (scheme ignored), or the same image file with other size parameters."""
    guess, truth = _image_key(predicted, page_url), _image_key(acceptable, page_url)
    if guess == truth:
        return True
    return guess[0] == truth[0] and re.search(r"\.(jpe?g|png|webp|gif)$", guess[0], re.I) is not None


def value_matches(field_name: str, predicted: Any, acceptable: Any, page: Page) -> bool:
    if field_name == "name":
        return name_matches(str(predicted), str(acceptable))
    if field_name == "price":
        return Decimal(predicted) == Decimal(acceptable)
    if field_name == "image":
        return image_matches(str(predicted), str(acceptable), page.url)
    if field_name == "regular_price":
        return Decimal(predicted) == Decimal(acceptable)
    if field_name == "gtin":
        return str(predicted).lstrip("0") == re.sub(r"\D", "", str(acceptable)).lstrip("0")
    if field_name in ("brand", "sku", "mpn", "currency", "availability"):
        return str(predicted).strip().lower() == str(acceptable).strip().lower()
    return predicted == acceptable


def predicted_value(result: StructuredExtraction, field_name: str) -> Any:
    return result.image_url if field_name == "image" else getattr(result, field_name, None)


# --- the run --------------------------------------------------------------------------------------------------


def evaluate(
    eval_dir: Path,
    url_verdict: UrlProbability = lambda url: None,
    *,
    pages: list[Page] | None = None,
    url_training_sites: set[str] | None = None,
    strip_markup: bool = False,
) -> Report:
    """Run the structured stage over every page and score it; `url_verdict` plugs in a URL classifier.
    `pages` defaults to the shared-dev pages of `eval_dir`."""
    scores = {name: FieldScore() for name in FIELDS}
    combined, page_only, url_only = FieldScore(), FieldScore(), FieldScore()
    verdicts: list[tuple[float, bool]] = []
    page_verdicts: list[dict[str, Any]] = []
    errors: list[str] = []
    latencies: list[float] = []
    pages = load_pages(eval_dir) if pages is None else pages
    for page in pages:
        html_text = without_markup(page.read_html()) if strip_markup else page.read_html()
        started = time.perf_counter()
        result = extract_structured(html_text, page.url)
        latencies.append((time.perf_counter() - started) * 1000)
        verdict = url_verdict(page.url)
        url_vote = verdict[0] if verdict else None
        is_product, confidence = combine_product_confidence(
            url_vote, result.evidence, url_from_rule=bool(verdict and verdict[1])
        )
        if page.is_product is not None:
            _count(combined, is_product, page.is_product)
            _count(page_only, combine_product_confidence(None, result.evidence).is_product, page.is_product)
            if url_vote is not None and url_training_sites is not None and page.site not in url_training_sites:
                _count(url_only, url_vote >= 0.5, page.is_product)
            verdicts.append((confidence, page.is_product))
            page_verdicts.append(
                {
                    "page": f"{page.dataset}/{page.page_id}",
                    "site": page.site,
                    "is_product": page.is_product,
                    "confidence": confidence,
                    "page_score": result.evidence.score,
                    "url_probability": url_vote,
                    "url_rule": bool(verdict and verdict[1]),
                    "signals": sorted(result.evidence.signals),
                }
            )
        if page.is_product is not None and is_product != page.is_product:
            errors.append(
                f"{page.dataset}/{page.page_id}: labelled {page.is_product}, confidence {confidence} "
                f"(page {result.evidence.score}, url {url_vote}) signals {sorted(result.evidence.signals)}"
            )
        for name, acceptable in page.labels.items():
            if not acceptable:
                continue
            score = scores[name]
            score.labelled += 1
            predicted = predicted_value(result, name)
            if predicted is None:
                score.misses.append(f"{page.dataset}/{page.page_id}: none (want {acceptable[0]!s:.80})")
                continue
            score.given += 1
            if any(value_matches(name, predicted, value, page) for value in acceptable):
                score.correct += 1
            else:
                source = result.sources.get(_SOURCE_KEY.get(name, name))
                score.misses.append(
                    f"{page.dataset}/{page.page_id}: got {predicted!s:.80} [{source}] want {acceptable[0]!s:.80}"
                )
        for name in FIELDS:  # a value given where the page has none counts against precision
            unlabelled = name not in page.labels and page.is_product and page.dataset in ("devpages", "blindpages")
            if unlabelled and name in _STATED_WHEN_SHOWN and predicted_value(result, name) is not None:
                scores[name].given += 1
                scores[name].misses.append(
                    f"{page.dataset}/{page.page_id}: got {predicted_value(result, name)!s:.60}, page has none"
                )
    latencies.sort()
    return Report(
        fields={name: score for name, score in scores.items() if score.labelled},
        is_product=combined,
        is_product_errors=errors,
        price_parser=evaluate_price_parser(eval_dir) if (eval_dir / "price-parser").exists() else {},
        pages=len(pages),
        latency_ms={
            "p50": round(statistics.median(latencies), 1) if latencies else 0.0,
            "p95": round(latencies[max(0, int(len(latencies) * 0.95) - 1)], 1) if latencies else 0.0,
            "max": round(latencies[-1], 1) if latencies else 0.0,
        },
        is_product_page_only=page_only,
        url_only=url_only,
        reliability=reliability_table(verdicts),
        page_verdicts=page_verdicts,
    )


def _count(score: FieldScore, predicted: bool, actual: bool) -> None:
    score.labelled += actual
    score.given += predicted
    score.correct += predicted and actual


def reliability_table(verdicts: list[tuple[float, bool]]) -> list[dict[str, Any]]:
    """Per confidence bin: how many pages, their mean confidence, and the share that really are product pages."""
    rows = []
    for low, high in itertools.pairwise(RELIABILITY_BINS):
        inside = [(confidence, actual) for confidence, actual in verdicts if low <= confidence < high]
        if inside:
            rows.append(
                {
                    "bin": f"{low:.1f}-{min(high, 1.0):.1f}",
                    "pages": len(inside),
                    "mean_confidence": round(statistics.fmean(c for c, _ in inside), 3),
                    "product_share": round(sum(actual for _, actual in inside) / len(inside), 3),
                }
            )
    return rows


def evaluate_price_parser(eval_dir: Path) -> dict[str, Any]:
    """parse_price against price-parser's own examples (amounts, currencies) and currency evaluation set,
    beside plain price-parser on the same strings."""
    base = eval_dir / "price-parser"
    examples = json.loads((base / "tests" / "price_parsing_examples.json").read_text())
    amounts = {"cases": 0, "ours": 0, "price_parser": 0}
    currencies = {"cases": 0, "ours": 0}
    for example in examples:
        if "CURRENCIES_TO_BE_ADDED" in example["list"]:
            continue  # currency-name-only cases: scored by the currency count below
        expected = Decimal(example["amount"]) if example["amount"] is not None else None
        ours = parse_price(example["price_raw"], currency_hint=example["currency_raw"])
        plain = Price.fromstring(example["price_raw"], currency_hint=example["currency_raw"]).amount
        amounts["cases"] += 1
        amounts["ours"] += ours.amount == expected
        amounts["price_parser"] += plain == expected
        expected_currency = to_iso_currency(example["currency"])
        if expected_currency:
            currencies["cases"] += 1
            currencies["ours"] += ours.currency == expected_currency
    dataset = json.loads((base / "evaluation" / "dataset_eval.json").read_text())
    currency_set = {"cases": 0, "ours": 0}
    for case in dataset:
        expected_currency = to_iso_currency(case["currency"]) if case.get("currency") else None
        if expected_currency is None:
            continue
        currency_set["cases"] += 1
        currency_set["ours"] += parse_price(case["string"]).currency == expected_currency
    return {"amount": amounts, "currency": currencies, "currency_eval_set": currency_set}


def _print_report(name: str, report: Report, verbose: bool) -> None:
    print(f"\n== {name}: {report.pages} pages   structured-stage latency ms: {report.latency_ms}")
    print(f"{'field':<22}{'labelled':>9}{'given':>7}{'correct':>9}{'P':>8}{'R':>8}{'F1':>8}")
    rows = [
        *report.fields.items(),
        ("is_product", report.is_product),
        ("is_product (page only)", report.is_product_page_only),
        ("URL model, unseen sites", report.url_only),
    ]
    for label, score in rows:
        if score.labelled or score.given:
            print(
                f"{label:<22}{score.labelled:>9}{score.given:>7}{score.correct:>9}"
                f"{score.precision:>8.3f}{score.recall:>8.3f}{score.f1:>8.3f}"
            )
    print("reliability (confidence bin: pages, mean confidence, share that are product pages):")
    for row in report.reliability:
        share = row["product_share"]
        print(f"  {row['bin']}: {row['pages']:>4} pages, mean {row['mean_confidence']:.3f}, products {share:.3f}")
    parser = report.price_parser
    if parser:
        print(
            f"price strings: ours {parser['amount']['ours']}/{parser['amount']['cases']} amounts right, "
            f"plain price-parser {parser['amount']['price_parser']}; currencies {parser['currency']['ours']}/"
            f"{parser['currency']['cases']}; currency eval set {parser['currency_eval_set']['ours']}/"
            f"{parser['currency_eval_set']['cases']}"
        )
    if verbose:
        for field_name, score in report.fields.items():
            for miss in score.misses:
                print(f"  {field_name} miss: {miss}")
        for error in report.is_product_errors:
            print(f"  is_product error: {error}")


def url_training_sites(paths: list[Path]) -> set[str] | None:
    """Sites named in the URL classifier's training CSVs (a `url` column), to leave out of URL-only figures."""
    if not paths:
        return None
    sites: set[str] = set()
    for path in paths:
        with path.open(newline="") as handle:
            sites.update(site_of(row["url"]) for row in csv.DictReader(handle) if row.get("url"))
    return sites


def _url_model(path: str) -> UrlProbability:
    """The URL classifier's verdict per URL, rules first as the service runs it (torch and transformers are
    imported only when asked for)."""
    from app.ml.url_classifier import UrlClassifier

    classifier = UrlClassifier(path)
    if not classifier.load():
        raise SystemExit(f"could not load a URL classifier from {path}")

    def verdict(url: str) -> tuple[float, bool] | None:
        answer = classifier.classify([url])[0] if url else None
        return (answer.probability, answer.from_rule) if answer else None

    return verdict


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the reports as JSON")
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR, help="the shared eval folder")
    parser.add_argument("--url-model", help="a trained URL classifier directory (as URL_MODEL_PATH)")
    parser.add_argument("--devpages-labels", type=Path, default=DEFAULT_DEVPAGES_LABELS)
    parser.add_argument("--devpages-dir", type=Path, default=DEFAULT_DEVPAGES_DIR, help="where their HTML is")
    parser.add_argument("--blindpages-labels", type=Path, default=DEFAULT_BLINDPAGES_LABELS)
    parser.add_argument("--blindpages-dir", type=Path, default=DEFAULT_BLINDPAGES_DIR, help="where their HTML is")
    parser.add_argument(
        "--url-training-csv", type=Path, action="append", default=[], help="URL training data (sites to leave out)"
    )
    parser.add_argument(
        "--without-markup", action="store_true", help="remove the pages' schema.org markup and price meta tags first"
    )
    args = parser.parse_args(argv)
    strip = args.without_markup
    eval_dir: Path = args.eval_dir.resolve()
    url_verdict = _url_model(args.url_model) if args.url_model else lambda url: None
    training_sites = url_training_sites(args.url_training_csv)
    if training_sites is not None and (eval_dir / "fathom-products").exists():
        # The shipped URL model also learnt from links found on the shared-dev pages: their sites are seen too.
        training_sites |= {page.site for page in load_pages(eval_dir)}
    reports: dict[str, Report] = {}
    if (eval_dir / "fathom-products" / "ground_truth.json").exists():
        reports["shared-dev"] = evaluate(eval_dir, url_verdict, url_training_sites=training_sites, strip_markup=strip)
    devpages = load_devpages(args.devpages_labels, args.devpages_dir)
    if devpages:
        reports["devpages"] = evaluate(
            eval_dir, url_verdict, pages=devpages, url_training_sites=training_sites, strip_markup=strip
        )
    blindpages = load_devpages(args.blindpages_labels, args.blindpages_dir, "blindpages")
    if blindpages:
        reports["blindpages"] = evaluate(
            eval_dir, url_verdict, pages=blindpages, url_training_sites=training_sites, strip_markup=strip
        )
    if not reports:
        print(f"no evaluation data at {eval_dir} or {args.devpages_dir}; nothing to do")
        return 0
    if args.json:
        print(json.dumps({name: report.as_dict() for name, report in reports.items()}, indent=2, default=str))
    else:
        for name, report in reports.items():
            # the blind pages are reported in aggregate only, even with --verbose: nobody tunes on their misses
            _print_report(name, report, args.verbose and name != "blindpages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
