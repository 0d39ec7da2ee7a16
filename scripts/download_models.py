"""Bake the model weights into an image directory (the Docker build runs this; it needs internet for CLIP).

    python scripts/download_models.py --target /opt/models

1. open_clip weights for CLIP_MODEL/tag, downloaded by open_clip itself, kept as one float16 safetensors file
   <target>/clip/<model>-<tag>.safetensors (/opt/models/clip/ViT-B-32-laion2b_s34b_b79k.safetensors: 303 MB instead
   of 605 MB), loaded once and checked against the float32 original (the app's model runs in float32: open_clip
   copies the stored values into its float32 parameters).
2. The URL classifier: the trained directory (default models/url-classifier, committed) copied to
   <target>/url-classifier and loaded once to check.
Prints the environment values to set. Nothing is downloaded at request time: the app only reads these paths.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import torch

REPO_ROOT = Path(__file__).resolve().parents[1]


def save_fp16_checkpoint(state_dict: Mapping[str, torch.Tensor], path: Path) -> Path:
    """Write open_clip weights as float16 safetensors (half the bytes; other dtypes kept as they are).

    Loading needs nothing special: open_clip's `load_checkpoint` hands them to the model's `load_state_dict`, which
    copies each value into the model's own (float32) parameter.
    """
    import torch
    from safetensors.torch import save_file

    stored: dict[str, torch.Tensor] = {}
    for name, tensor in state_dict.items():
        value = tensor.detach().cpu()
        if value.is_floating_point():
            half = value.to(torch.float16)
            if bool(torch.isfinite(value).all()) and not bool(torch.isfinite(half).all()):
                raise ValueError(f"{name} does not fit in float16")
            value = half
        stored[name] = value.contiguous().clone()  # safetensors refuses views and tensors sharing memory
    save_file(stored, str(path))
    return path


def check_same_embeddings(model_name: str, reference: Any, candidate: Any, *, min_cosine: float = 0.999) -> float:
    """Embed one random image and one text with both `model_name` models; the lower cosine similarity of their two
    embeddings, or ValueError when it falls below `min_cosine`."""
    import open_clip
    import torch

    torch.manual_seed(0)
    size = reference.visual.image_size
    pixels = torch.rand(1, 3, *((size, size) if isinstance(size, int) else size))
    tokens = open_clip.get_tokenizer(model_name)(["a red kettle on a kitchen counter"])
    with torch.inference_mode():
        pairs = [
            (reference.encode_image(pixels), candidate.encode_image(pixels)),
            (reference.encode_text(tokens), candidate.encode_text(tokens)),
        ]
    lowest = min(float(torch.nn.functional.cosine_similarity(a.float(), b.float()).min()) for a, b in pairs)
    if lowest < min_cosine:
        raise ValueError(f"float16 weights change the embeddings: cosine {lowest:.5f} < {min_cosine}")
    return lowest


def download_clip(model_name: str, tag: str, target_dir: Path) -> Path:
    """open_clip's own download into a scratch cache, then one float16 file at a stable name a Dockerfile ENV can
    use, checked against the downloaded float32 weights."""
    import open_clip
    from open_clip.factory import load_state_dict

    config = open_clip.get_pretrained_cfg(model_name, tag)
    if not config:
        known = open_clip.list_pretrained_tags_by_model(model_name)
        raise SystemExit(f"open_clip knows no tag {tag!r} for {model_name}: {known}")
    target_dir.mkdir(parents=True, exist_ok=True)
    checkpoint = target_dir / f"{model_name}-{tag}.safetensors"
    with tempfile.TemporaryDirectory(dir=target_dir) as cache_dir:
        downloaded = Path(open_clip.download_pretrained(config, cache_dir=cache_dir)).resolve()
        save_fp16_checkpoint(load_state_dict(str(downloaded)), checkpoint)
        reference = open_clip.create_model(model_name, pretrained=str(downloaded)).eval()
    # Loaded the app's way; fails the build now rather than at the first request.
    halved = open_clip.create_model(model_name, pretrained=str(checkpoint)).eval()
    cosine = check_same_embeddings(model_name, reference, halved)
    megabytes = checkpoint.stat().st_size / 1e6
    print(f"CLIP float16 weights: {megabytes:.0f} MB, embedding cosine {cosine:.5f}", file=sys.stderr)
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
