"""The held-out tables of models/url-classifier/REPORT.md: by data origin, by country (ccTLD) and by site, for the
model alone and behind the rule layer (app/ml/url_rules.py), beside the previously shipped model."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlsplit

THRESHOLD = 0.5
REAL_ORIGINS = ("gold", "weak", "public", "devpages")


class LabelledUrl(Protocol):
    url: str
    label: int
    site: str
    origin: str


@dataclass(frozen=True)
class Scored:
    example: LabelledUrl
    model: float  # the model alone
    with_rules: float  # the rule's answer where a rule fires, else the model's
    previous: float | None  # the previously shipped model, when there was one


def country_of(url: str) -> str:
    """The ccTLD (`de`, `uk`, `jp`…), or `generic` for .com/.net/.org and other non-country domains."""
    last = (urlsplit(url).hostname or "").rsplit(".", 1)[-1]
    return last if len(last) == 2 else "generic"


def prf(rows: Sequence[Scored], pick: Callable[[Scored], float | None]) -> tuple[float, float, float]:
    given = correct = actual = 0
    for row in rows:
        probability = pick(row)
        predicted = probability is not None and probability >= THRESHOLD
        given += predicted
        actual += row.example.label
        correct += predicted and row.example.label == 1
    precision = correct / given if given else 0.0
    recall = correct / actual if actual else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)


def _cell(rows: Sequence[Scored], pick: Callable[[Scored], float | None]) -> str:
    precision, recall, f1 = prf(rows, pick)
    return f"{precision:.3f} / {recall:.3f} / **{f1:.3f}**"


def origin_table(scored: Sequence[Scored]) -> str:
    groups: dict[str, Callable[[LabelledUrl], bool]] = {
        "real URLs (gold + weak + public + devpages)": lambda e: e.origin in REAL_ORIGINS,
        "gold (url_labels_dev.csv)": lambda e: e.origin == "gold",
        "weak (same-site links of saved pages)": lambda e: e.origin == "weak",
        "public URL lists": lambda e: e.origin == "public",
        "devpages (our pages' addresses and their same-site links)": lambda e: e.origin == "devpages",
        "synthetic (platform conventions)": lambda e: e.origin == "synthetic",
        "everything": lambda e: True,
    }
    has_previous = any(row.previous is not None for row in scored)
    lines = [
        "| held-out set | URLs | products | model P / R / F1 | rules + model P / R / F1 |"
        + (" previous shipped model P / R / F1 |" if has_previous else ""),
        "|---|---|---|---|---|" + ("---|" if has_previous else ""),
    ]
    for name, keep in groups.items():
        rows = [row for row in scored if keep(row.example)]
        if not rows:
            continue
        line = (
            f"| {name} | {len(rows)} | {sum(r.example.label for r in rows)} | {_cell(rows, lambda r: r.model)} "
            f"| {_cell(rows, lambda r: r.with_rules)} |"
        )
        lines.append(line + (f" {_cell(rows, lambda r: r.previous)} |" if has_previous else ""))
    return "\n".join(lines)


def grouped_table(
    scored: Sequence[Scored], key: Callable[[Scored], str], title: str, plural: str, min_urls: int
) -> str:
    """One row per group (country or site) of real held-out URLs, and the macro-average over groups with products."""
    groups: dict[str, list[Scored]] = defaultdict(list)
    for row in scored:
        if row.example.origin in REAL_ORIGINS:
            groups[key(row)].append(row)
    lines = [
        f"| {title} | URLs | products | model P / R / F1 | rules + model P / R / F1 |",
        "|---|---|---|---|---|",
    ]
    model_f1s, rules_f1s = [], []
    for name, rows in sorted(groups.items(), key=lambda item: (-len(item[1]), item[0])):
        if any(r.example.label for r in rows):
            model_f1s.append(prf(rows, lambda r: r.model)[2])
            rules_f1s.append(prf(rows, lambda r: r.with_rules)[2])
        if len(rows) >= min_urls:
            lines.append(
                f"| {name} | {len(rows)} | {sum(r.example.label for r in rows)} | {_cell(rows, lambda r: r.model)} "
                f"| {_cell(rows, lambda r: r.with_rules)} |"
            )
    if model_f1s:
        lines.append(
            f"| macro-average over the {len(model_f1s)} {plural} with product URLs | | | "
            f"F1 **{sum(model_f1s) / len(model_f1s):.3f}** | F1 **{sum(rules_f1s) / len(rules_f1s):.3f}** |"
        )
    return "\n".join(lines)


def rule_table(examples: Sequence[LabelledUrl]) -> str:
    """How often each rule fires on the real labelled URLs (all of them: the rules were written, not trained), and
    how often its answer agrees with the label."""
    fired: Counter[str] = Counter()
    agreed: Counter[str] = Counter()
    from app.ml.url_rules import url_rule_answer

    real = [e for e in examples if e.origin in REAL_ORIGINS]
    for example in real:
        answer = url_rule_answer(example.url)
        if answer is not None:
            fired[answer.rule] += 1
            agreed[answer.rule] += (answer.probability >= THRESHOLD) == bool(example.label)
    lines = [
        f"Rules fire on {sum(fired.values())} of {len(real)} real labelled URLs; they agree with the label on "
        f"{sum(agreed.values())}.",
        "",
        "| rule | fired | agrees with label |",
        "|---|---|---|",
    ]
    lines += [f"| {rule} | {n} | {agreed[rule]} |" for rule, n in fired.most_common()]
    return "\n".join(lines)


def main() -> None:
    """Re-render the held-out section of REPORT.md from a run's `--held-out-json` (after a change to the rules)."""
    import argparse
    import json
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import train_url_classifier as training

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("held_out_json", type=Path)
    parser.add_argument("--eval-dir", type=Path, default=training.REPO_ROOT.parent / "shared" / "eval")
    parser.add_argument("--report", type=Path, default=training.REPO_ROOT / "models" / "url-classifier" / "REPORT.md")
    args = parser.parse_args()
    rows = json.loads(args.held_out_json.read_text())
    test = [training.Example(r["url"], r["label"], r["site"], r["origin"]) for r in rows]
    previous = [r["previous"] for r in rows] if rows and rows[0]["previous"] is not None else None
    tables = training.held_out_tables(
        test, [r["model"] for r in rows], previous, training.build_examples(args.eval_dir)
    )
    report = args.report.read_text()
    heading = "## Held-out results"
    args.report.write_text(report[: report.index(heading)] + tables)
    print(tables)


if __name__ == "__main__":
    main()
