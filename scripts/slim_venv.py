"""Remove from an installed virtualenv what the API never runs (the Docker build runs this on the image's venv).

    python scripts/slim_venv.py /opt/venv

Each cut is something no code path of the service imports or executes: C++ headers and CMake files (only for
compiling torch extensions), torch's C++ test binaries and protoc, the packages' own test suites (`tests/`
folders), pycountry's translations (we read currency codes only), and the transformers model implementations
other than the URL classifier's (BERT) and the Auto classes that load it. Prints the megabytes each cut frees.

The image build then loads both models from the slimmed venv (scripts/download_models.py), so a cut that a model
needs fails the build, not a request; tests/deploy/test_slim_venv.py runs the service's model paths on a slimmed copy.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

# site-packages-relative globs, by what they are.
CUTS: dict[str, list[str]] = {
    "torch C++ headers and CMake files": ["torch/include", "torch/share"],
    "torch C++ test binaries and protoc": ["torch/test", "torch/bin/test_*", "torch/bin/protoc*"],
    "pycountry translations": ["pycountry/locales"],
}
TEST_SUITES = "packages' test suites (tests/ folders)"
TRANSFORMERS_MODELS = "transformers models other than the URL classifier's"
# The URL classifier is a BertForSequenceClassification with a BertTokenizer (models/url-classifier), loaded through
# the Auto classes: their tokenizer module imports encoder_decoder, and AutoTokenizer finds BertTokenizer through the
# first model type that names it (align). open_clip's ViT-B-32 uses no transformers model. Another URL model
# architecture, or a transformers upgrade that resolves classes elsewhere, fails the image build where
# scripts/download_models.py loads the model.
KEEP_TRANSFORMERS_MODELS = frozenset({"auto", "bert", "encoder_decoder", "align"})


def site_packages(venv: Path) -> Path:
    found = sorted(venv.glob("lib/python3*/site-packages"))
    if len(found) != 1:
        raise SystemExit(f"expected one site-packages under {venv}, found {found}")
    return found[0]


def _size(path: Path) -> int:
    if path.is_symlink() or path.is_file():
        return path.lstat().st_size
    return sum(child.lstat().st_size for child in path.rglob("*") if not child.is_dir() or child.is_symlink())


def _remove(paths: list[Path]) -> int:
    freed = 0
    for path in paths:
        if not path.exists() and not path.is_symlink():
            continue  # inside a folder removed just before
        freed += _size(path)
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    return freed


def slim(packages: Path) -> dict[str, int]:
    """Apply every cut under `packages` (a site-packages folder); returns bytes freed per cut. Absent targets are
    skipped (the CPU and CUDA torch wheels differ in what they ship)."""
    freed = {
        name: _remove([path for glob in globs for path in sorted(packages.glob(glob))]) for name, globs in CUTS.items()
    }
    freed[TEST_SUITES] = _remove(sorted(path for path in packages.rglob("tests") if path.is_dir()))
    models = packages / "transformers" / "models"
    unused = [
        path
        for path in (sorted(models.iterdir()) if models.is_dir() else [])
        if path.is_dir() and path.name not in KEEP_TRANSFORMERS_MODELS and path.name != "__pycache__"
    ]
    freed[TRANSFORMERS_MODELS] = _remove(unused)
    return freed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("venv", type=Path, help="the virtualenv to slim (the image's /opt/venv)")
    args = parser.parse_args()
    freed = slim(site_packages(args.venv))
    for name, size in freed.items():
        print(f"{size / 1e6:8.1f} MB  {name}", file=sys.stderr)
    print(f"{sum(freed.values()) / 1e6:8.1f} MB  in all", file=sys.stderr)


if __name__ == "__main__":
    main()
