"""The CLIP verifier through the real CLIP_PRETRAINED path, on a tiny random open_clip model."""

from __future__ import annotations

import io
import struct
import threading
import zlib
from pathlib import Path

import pytest
from PIL import Image

from app.ml.clip_verifier import ClipVerifier
from app.net import BadImage
from tests.support.models import TINY_CLIP

COLOURS = ["red", "green", "blue", "yellow", "black", "white", "orange", "purple"]


def _images() -> list[Image.Image]:
    return [Image.new("RGB", (40 + 7 * i, 30 + 5 * i), colour) for i, colour in enumerate(COLOURS)]


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def verifier(tiny_clip_checkpoint: Path) -> ClipVerifier:
    return ClipVerifier(TINY_CLIP, str(tiny_clip_checkpoint), threshold=0.1)


def test_scores_are_cosine_similarities_one_per_image(verifier: ClipVerifier) -> None:
    scores = verifier.score_images(_images(), "red running shoe")
    assert scores is not None and len(scores) == 8
    assert all(-1.0 <= score <= 1.0 for score in scores)
    assert len(set(scores)) > 1  # different images, different scores
    assert verifier.status()["loaded"] is True


def test_one_batch_of_eight_equals_eight_single_calls(tiny_clip_checkpoint: Path) -> None:
    batched = ClipVerifier(TINY_CLIP, str(tiny_clip_checkpoint), 0.1).score_images(_images(), "a wool scarf")
    single = ClipVerifier(TINY_CLIP, str(tiny_clip_checkpoint), 0.1)
    one_at_a_time = [single.score_images([image], "a wool scarf")[0] for image in _images()]  # type: ignore[index]
    assert batched == pytest.approx(one_at_a_time, abs=1e-5)


def test_threshold_decides_the_match(verifier: ClipVerifier) -> None:
    assert verifier.matches(0.1) and verifier.matches(0.35)
    assert not verifier.matches(0.0999)
    assert verifier.status()["threshold"] == 0.1


def test_png_bytes_score_like_the_decoded_image(verifier: ClipVerifier) -> None:
    image = _images()[2]
    from_bytes, from_image = verifier.score_images([_png(image), image], "blue mug")  # type: ignore[misc]
    assert from_bytes == pytest.approx(from_image, abs=1e-6)


def test_cached_embedding_by_url_gives_the_same_score(verifier: ClipVerifier) -> None:
    urls = [f"https://cdn.example.com/{colour}.jpg" for colour in COLOURS]
    first = verifier.score_images(_images(), "green lamp", image_urls=urls)
    # Same URLs, different pixels: the cached embeddings answer, so the scores stay those of the first images.
    blank = [Image.new("RGB", (32, 32), "white")] * 8
    assert verifier.score_images(blank, "green lamp", image_urls=urls) == first
    with pytest.raises(ValueError):
        verifier.score_images(_images(), "green lamp", image_urls=urls[:3])


def _png_claiming(width: int, height: int) -> bytes:
    """A PNG whose header declares width x height but whose data is a few bytes: the shape of a bomb."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize("side", [7_000, 20_000])  # above our 25 MP limit; above Pillow's own bomb limit
def test_a_decompression_bomb_is_refused_before_decoding(verifier: ClipVerifier, side: int) -> None:
    with pytest.raises(BadImage, match="too large"):
        verifier.score_images([_png_claiming(side, side)], "anything")


def test_bytes_that_are_not_an_image_are_refused(verifier: ClipVerifier) -> None:
    with pytest.raises(BadImage):
        verifier.score_images([b"<html>not an image</html>"], "anything")


def test_concurrent_first_calls_load_the_model_once(tiny_clip_checkpoint: Path) -> None:
    class CountingVerifier(ClipVerifier):
        loads = 0

        def _load_once(self) -> None:
            CountingVerifier.loads += 1
            super()._load_once()

    verifier = CountingVerifier(TINY_CLIP, str(tiny_clip_checkpoint), 0.1)
    start = threading.Barrier(6)
    results: list[list[float] | None] = []

    def call() -> None:
        start.wait()
        results.append(verifier.score_images(_images()[:2], "red shoe"))

    threads = [threading.Thread(target=call) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert CountingVerifier.loads == 1
    assert len(results) == 6 and all(result == pytest.approx(results[0], abs=1e-6) for result in results)


def test_without_weights_it_is_unavailable_and_scores_none() -> None:
    verifier = ClipVerifier("ViT-B-32", None, 0.22)
    assert verifier.score_images(_images(), "red shoe") is None
    assert verifier.status()["loaded"] is False
    assert "CLIP_PRETRAINED" in verifier.status()["error"]


def test_a_tag_that_is_not_cached_is_never_downloaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import huggingface_hub.constants

    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(tmp_path))  # an empty local cache
    verifier = ClipVerifier("ViT-B-32", "laion2b_s34b_b79k", 0.22)
    assert verifier.score_images(_images()[:1], "red shoe") is None
    assert verifier.status()["error"] == "could not load CLIP: WeightsNotFound"


def test_a_corrupt_checkpoint_degrades_instead_of_raising(tmp_path: Path) -> None:
    checkpoint = tmp_path / "broken.pt"
    checkpoint.write_bytes(b"not a checkpoint")
    verifier = ClipVerifier(TINY_CLIP, str(checkpoint), 0.1)
    assert verifier.score_images(_images()[:1], "red shoe") is None
    assert verifier.status()["loaded"] is False


async def test_async_scoring_returns_the_same_scores(verifier: ClipVerifier) -> None:
    expected = verifier.score_images(_images()[:3], "yellow raincoat")
    assert await verifier.ascore_images(_images()[:3], "yellow raincoat") == expected
