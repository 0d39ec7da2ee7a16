"""Write training/url_labels/devpages.csv: labelled URLs read off our development pages (eval/devpages).

    .venv/bin/python scripts/derive_devpages_url_labels.py [--pages /work/devpages/pages] [--first 343]

Each page gives its own address with its hand label, and labels for links to pages of the same site, by the rule
of `train_url_classifier.weak_labels_for_page`: on a product page, a same-shop link shaped like one of that shop's
product URLs (same host, IDs and slugs in the same places) is a product page and every other one is not; on a
news, blog, article or help page every same-site link is not a product page. A shop's category, search or home
page gives only its links shaped like that shop's product URLs (as products): its other links may be products of
another shape. The pages come from public repositories (eval/devpages/labels.jsonl records each one's repository,
commit, path and licence); only addresses and labels are written here. Deterministic: rerun it to rebuild the
file byte for byte from the same pages. The blind pages (eval/blindpages) are never read.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_url_classifier import (
    LABELLED_URLS_DIR,
    MAX_POSITIVES_PER_PAGE,
    REPO_ROOT,
    SEED,
    SavedPage,
    path_shape,
    same_site_links,
    weak_labels_for_page,
)

LABELS = REPO_ROOT / "eval" / "devpages" / "labels.jsonl"
OUT = LABELLED_URLS_DIR / "devpages.csv"
NOT_A_SHOP = {"news", "blog", "article", "help"}
MAX_URL = 300  # longer links are ad redirects and tracking; the model reads at most 64 tokens anyway


def derived_rows(pages_dir: Path, first: int | None = None) -> list[tuple[str, int, str]]:
    """(url, label, source) for each page's own address and its same-site links, first label kept; of the first
    `first` records only (pages added after the model was trained stay out of its training data)."""
    records = [json.loads(line) for line in LABELS.read_text().splitlines() if line.strip()][:first]
    records = [r for r in records if r.get("is_product") is not None and (pages_dir / f"{r['id']}.html.gz").exists()]
    product_shapes = {path_shape(r["url"]) for r in records if r["is_product"]}
    rows: dict[str, tuple[str, int, str]] = {}
    for record in records:
        rows.setdefault(record["url"], (record["url"], int(record["is_product"]), f"devpages:{record['id']}"))
    for record in records:
        page = SavedPage(record["url"], pages_dir / f"{record['id']}.html.gz", bool(record["is_product"]))
        source = f"devpages-link:{record['id']}"
        if page.is_product or record.get("page_type") in NOT_A_SHOP:
            examples = [(e.url, e.label) for e in weak_labels_for_page(page, product_shapes)]
        else:
            rng = random.Random(f"{SEED}:{page.url}")
            shaped = sorted(url for url in same_site_links(page) if path_shape(url) in product_shapes)
            examples = [(url, 1) for url in rng.sample(shaped, min(len(shaped), MAX_POSITIVES_PER_PAGE))]
        for url, label in examples:
            if " " not in url and len(url) <= MAX_URL:
                rows.setdefault(url, (url, label, source))
    return sorted(rows.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=Path, default=Path("/work/devpages/pages"), help="where <id>.html.gz are")
    parser.add_argument("--first", type=int, default=None, help="read only the first N records of labels.jsonl")
    args = parser.parse_args()
    if not args.pages.is_dir():
        raise SystemExit(f"No pages at {args.pages}: scripts/fetch_devpages.py rebuilds them (see eval/devpages).")
    rows = derived_rows(args.pages, args.first)
    with OUT.open("w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["url", "label", "origin", "source"])
        for url, label, source in rows:
            writer.writerow([url, label, "devpages", source])
    products = sum(label for _, label, _ in rows)
    print(f"{OUT.relative_to(REPO_ROOT)}: {len(rows)} URLs ({products} product, {len(rows) - products} other)")


if __name__ == "__main__":
    main()
