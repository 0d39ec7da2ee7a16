"""Fuzz the whole OpenAPI surface with schemathesis (signed in), N >= 2000 cases, and report what broke.

    .venv/bin/python scripts/fuzz_api.py [--cases-per-operation 40] [--seed 0] [--json fuzz_api.json]

Starts its own SecantusDB and serves the app on 127.0.0.1 (see tests/hostile/fuzzing.py for what runs and what is
checked: no 5xx, every error in the envelope with its X-Request-ID, bodies and content types as documented).
Each operation gets positive and negative cases, plus positive cases on the caller's real resources when its
path has ids. Exits non-zero on any failure.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The installed package is app/ alone; this tool also drives the test harness in tests/ of this checkout.
sys.path.insert(0, str(ROOT))

from app.db import EmbeddedMongo  # noqa: E402
from tests.hostile.fuzzing import fuzz_api, fuzz_target  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases-per-operation", type=int, default=40, help="per operation and generation mode")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, default=Path("fuzz_api.json"))
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="buyhive-fuzz-") as tmp:
        mongo = EmbeddedMongo(Path(tmp) / "db")
        mongo.start()
        try:
            with fuzz_target(mongo.url, Path(tmp) / "data") as target:
                started = time.perf_counter()
                report = fuzz_api(
                    target.base_url,
                    target.access_token,
                    cases_per_operation=args.cases_per_operation,
                    random_seed=args.seed,
                    own_ids=target.own_ids,
                )
                seconds = time.perf_counter() - started
        finally:
            mongo.stop()

    summary = {**report.as_dict(), "seconds": round(seconds, 1), "seed": args.seed}
    args.json.write_text(json.dumps(summary, indent=2))
    print(f"{report.cases} cases over {len(report.per_operation)} operations in {seconds:.0f} s")
    print(f"statuses: {summary['statuses']}")
    print(f"failures: {summary['failures'] or 'none'}")
    for failure in report.failures[:10]:
        print(f"  {failure.operation} [{failure.kind}] {failure.detail}\n    {failure.request}")
    print(f"wrote {args.json}")
    return 1 if report.failure_counts else 0


if __name__ == "__main__":
    sys.exit(main())
