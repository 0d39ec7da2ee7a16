"""CLIP weights stored as float16, as scripts/download_models.py bakes them into the image, load through the real
CLIP_PRETRAINED path into a float32 model that scores like the float32 weights (tiny random open_clip model)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image

from app.ml.clip_verifier import ClipVerifier
from scripts.download_models import check_same_embeddings, download_clip, save_fp16_checkpoint
from tests.support.models import TINY_CLIP

COLOURS = ["red", "green", "blue", "yellow", "black", "white", "orange", "purple"]


def _images() -> list[Image.Image]:
    return [Image.new("RGB", (40 + 7 * i, 30 + 5 * i), colour) for i, colour in enumerate(COLOURS)]


@pytest.fixture
def fp16_checkpoint(tiny_clip_checkpoint: Path, tmp_path: Path) -> Path:
    from open_clip.factory import load_state_dict

    state = load_state_dict(str(tiny_clip_checkpoint))
    return save_fp16_checkpoint(state, tmp_path / f"{TINY_CLIP}.safetensors")


def test_the_checkpoint_is_float16_and_half_the_size(tiny_clip_checkpoint: Path, fp16_checkpoint: Path) -> None:
    import torch
    from safetensors.torch import load_file

    stored = load_file(str(fp16_checkpoint))
    assert {tensor.dtype for tensor in stored.values() if tensor.is_floating_point()} == {torch.float16}
    assert fp16_checkpoint.stat().st_size < 0.55 * tiny_clip_checkpoint.stat().st_size


def test_float16_weights_score_like_the_float32_weights(tiny_clip_checkpoint: Path, fp16_checkpoint: Path) -> None:
    full = ClipVerifier(TINY_CLIP, str(tiny_clip_checkpoint), threshold=0.1).score_images(_images(), "red shoe")
    half_verifier = ClipVerifier(TINY_CLIP, str(fp16_checkpoint), threshold=0.1)
    half = half_verifier.score_images(_images(), "red shoe")
    assert full is not None and half is not None
    assert half_verifier.status()["loaded"] is True
    assert max(full) - min(full) > 0.02  # the scores differ by far more than the tolerance below
    assert half == pytest.approx(full, abs=2e-3)


def test_the_build_check_accepts_float16_weights_and_rejects_other_weights(
    tiny_clip_checkpoint: Path, fp16_checkpoint: Path
) -> None:
    import open_clip
    import torch

    reference = open_clip.create_model(TINY_CLIP, pretrained=str(tiny_clip_checkpoint)).eval()
    halved = open_clip.create_model(TINY_CLIP, pretrained=str(fp16_checkpoint)).eval()
    assert {parameter.dtype for parameter in halved.parameters()} == {torch.float32}  # upcast for CPU inference
    assert check_same_embeddings(TINY_CLIP, reference, halved) > 0.999
    torch.manual_seed(1)
    other = open_clip.create_model(TINY_CLIP, pretrained=None).eval()
    with pytest.raises(ValueError, match="change the embeddings"):
        check_same_embeddings(TINY_CLIP, reference, other)


@pytest.mark.slow
def test_the_image_build_step_bakes_vit_b_32_as_half_the_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """download_models.download_clip on the production architecture; only open_clip's download is replaced (Hugging
    Face is unreachable here) by a local file of random float32 weights."""
    import open_clip
    import torch
    from safetensors.torch import save_file

    torch.manual_seed(0)
    original = tmp_path / "open_clip_model.safetensors"
    save_file(
        {name: value.contiguous() for name, value in open_clip.create_model("ViT-B-32").state_dict().items()}, original
    )

    def local_download(config: dict[str, str], cache_dir: str, **_: object) -> str:
        target = Path(cache_dir) / original.name
        shutil.copyfile(original, target)
        return str(target)

    monkeypatch.setattr(open_clip, "download_pretrained", local_download)
    checkpoint = download_clip("ViT-B-32", "laion2b_s34b_b79k", tmp_path / "clip")

    assert checkpoint.name == "ViT-B-32-laion2b_s34b_b79k.safetensors"  # where the Dockerfile's CLIP_PRETRAINED points
    assert [path.name for path in checkpoint.parent.iterdir()] == [checkpoint.name]  # the download is gone
    assert 0.49 < checkpoint.stat().st_size / original.stat().st_size < 0.51
    scores = ClipVerifier("ViT-B-32", str(checkpoint), threshold=0.2).score_images(_images()[:2], "red kettle")
    assert scores is not None and len(scores) == 2
