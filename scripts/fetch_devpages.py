"""Rebuild a page set (eval/devpages or eval/blindpages) from its public GitHub sources (run by hand).

    python scripts/fetch_devpages.py                      # eval/devpages   -> /work/devpages/pages
    python scripts/fetch_devpages.py --set blindpages     # eval/blindpages -> /work/devpages/blind

Each record names a repository, a commit and a path. The script clones each repository once without checking
files out (a blobless partial clone), reads the file at that commit and writes it gzipped as <out>/<id>.html.gz.
Pages already present are kept. It needs git and internet; the app, the tests and the evaluation never run it:
they only read the pages it wrote (DEVPAGES_DIR / --devpages).

    python scripts/fetch_devpages.py --mirror /work/.mirror   # from local copies: <mirror>/<owner>+<name>/repo

With --mirror the repositories are read from git directories already on the machine (a workplace without
access to github.com that can bring repository snapshots in some other way) instead of being cloned.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
# each set: its labels file and the folder its pages are read from
PAGE_SETS = {
    "devpages": (REPO_ROOT / "eval" / "devpages" / "labels.jsonl", Path("/work/devpages/pages")),
    "blindpages": (REPO_ROOT / "eval" / "blindpages" / "labels.jsonl", Path("/work/devpages/blind")),
}


def read_records(labels: Path) -> list[dict[str, object]]:
    with labels.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def git(*args: str, cwd: Path | None = None) -> bytes:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True).stdout


def clone(repo: str, into: Path) -> None:
    """Blobless and without a checkout: only the files we ask for are downloaded."""
    git("clone", "--quiet", "--filter=blob:none", "--no-checkout", f"https://github.com/{repo}.git", str(into))


def file_at(clone_dir: Path, commit: str, path: str) -> bytes:
    try:
        return git("show", f"{commit}:{path}", cwd=clone_dir)
    except subprocess.CalledProcessError:
        # the commit may not be on the default branch any more: ask for it by id
        git("fetch", "--quiet", "--filter=blob:none", "origin", commit, cwd=clone_dir)
        return git("show", f"{commit}:{path}", cwd=clone_dir)


def mirrored(mirror: Path, repo: str) -> Path:
    """The local git directory of `repo` under `mirror`, or a CalledProcessError like a failed clone."""
    git_dir = mirror / repo.replace("/", "+") / "repo"
    if not git_dir.is_dir():
        raise subprocess.CalledProcessError(128, ["git", "clone", repo], stderr=f"no copy at {git_dir}".encode())
    return git_dir


def fetch_all(records: list[dict[str, object]], out: Path, mirror: Path | None = None) -> int:
    by_repo: dict[str, list[dict[str, object]]] = defaultdict(list)
    for record in records:
        if not (out / f"{record['id']}.html.gz").exists():
            by_repo[str(record["repo"])].append(record)
    failures = 0
    with tempfile.TemporaryDirectory() as scratch:
        for repo, wanted in sorted(by_repo.items()):
            clone_dir = Path(scratch) / repo.replace("/", "+")
            try:
                if mirror:
                    clone_dir = mirrored(mirror, repo)
                else:
                    clone(repo, clone_dir)
            except subprocess.CalledProcessError as error:
                print(f"cannot clone {repo}: {error.stderr.decode(errors='replace').strip()}", file=sys.stderr)
                failures += len(wanted)
                continue
            for record in wanted:
                try:
                    page = file_at(clone_dir, str(record["commit"]), str(record["path"]))
                except subprocess.CalledProcessError:
                    print(f"{record['id']}: {repo}@{record['commit']}:{record['path']} is gone", file=sys.stderr)
                    failures += 1
                    continue
                if str(record["path"]).endswith(".gz"):
                    page = gzip.decompress(page)
                (out / f"{record['id']}.html.gz").write_bytes(gzip.compress(page, mtime=0))
                print(f"{record['id']}  {len(page):>9} bytes  {repo}")
    return failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=sorted(PAGE_SETS), default="devpages", dest="page_set")
    parser.add_argument("--labels", type=Path, help="labels file (default: the set's)")
    parser.add_argument("--out", type=Path, help="pages folder (default: the set's)")
    parser.add_argument("--mirror", type=Path, help="read repositories from <mirror>/<owner>+<name>/repo, no cloning")
    args = parser.parse_args()
    default_labels, default_out = PAGE_SETS[args.page_set]
    labels, out = args.labels or default_labels, args.out or default_out
    out.mkdir(parents=True, exist_ok=True)
    failures = fetch_all(read_records(labels), out, args.mirror)
    if failures:
        raise SystemExit(f"{failures} page(s) could not be fetched")


if __name__ == "__main__":
    main()
