"""Bake the model weights into an image directory (the Docker build runs this; it needs internet for CLIP).

    python scripts/download_models.py --target /opt/models

1. open_clip weights for CLIP_MODEL/tag, downloaded by open_clip itself, kept as one file
   <target>/clip/<model>-<tag>.<ext> (/opt/models/clip/ViT-B-32-laion2b_s34b_b79k.safetensors), loaded once to check.
2. The URL classifier: the trained directory (default models/url-classifier, committed) copied to
   <target>/url-classifier and loaded once to check.
Prints the environment values to set. Nothing is downloaded at request time: the app only reads these paths.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


def download_clip(model_name: str, tag: str, target_dir: Path) -> Path:
    """open_clip's own download into a scratch cache, then one file at a stable name a Dockerfile ENV can use."""
    import open_clip

    config = open_clip.get_pretrained_cfg(model_name, tag)
    if not config:
        known = open_clip.list_pretrained_tags_by_model(model_name)
        raise SystemExit(f"open_clip knows no tag {tag!r} for {model_name}: {known}")
    target_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target_dir) as cache_dir:
        downloaded = Path(open_clip.download_pretrained(config, cache_dir=cache_dir)).resolve()
        checkpoint = target_dir / f"{model_name}-{tag}{downloaded.suffix}"
        shutil.copyfile(downloaded, checkpoint)
    open_clip.create_model(model_name, pretrained=str(checkpoint))  # fails the build now rather than at first request
    return checkpoint


def install_url_model(source: Path, target: Path) -> Path:
    if not (source / "config.json").is_file():
        raise SystemExit(f"no trained URL model in {source}: run scripts/train_url_classifier.py first")
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    if source.resolve() != target.resolve():
        shutil.copytree(source, target, dirs_exist_ok=True)
    AutoTokenizer.from_pretrained(target)
    AutoModelForSequenceClassification.from_pretrained(target)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--target", type=Path, required=True, help="directory the image keeps its models in")
    parser.add_argument("--clip-model", default="ViT-B-32")
    parser.add_argument("--clip-tag", default="laion2b_s34b_b79k")
    parser.add_argument("--url-model", type=Path, default=REPO_ROOT / "models" / "url-classifier")
    parser.add_argument("--skip-clip", action="store_true", help="only install the URL model (no network needed)")
    args = parser.parse_args()

    args.target.mkdir(parents=True, exist_ok=True)
    url_model = install_url_model(args.url_model, args.target / "url-classifier")
    environment = {"URL_MODEL_PATH": str(url_model.resolve())}
    if not args.skip_clip:
        checkpoint = download_clip(args.clip_model, args.clip_tag, args.target / "clip")
        environment |= {"CLIP_MODEL": args.clip_model, "CLIP_PRETRAINED": str(checkpoint.resolve())}
    print("Set these in the image environment:", file=sys.stderr)
    for name, value in environment.items():
        print(f"{name}={value}")


if __name__ == "__main__":
    main()
