"""CLIP image verifier: how well each candidate image matches a product name (cosine similarity).

open_clip `CLIP_MODEL` with weights from `CLIP_PRETRAINED`: a checkpoint file, or a tag whose weights are already
in the local Hugging Face cache (scripts/download_models.py puts them there). Nothing is downloaded here. Without
weights the verifier is unavailable, scores are None, and callers rank with `image_ranking.heuristic_rank`.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PIL import Image

from app.ml.cache import LruCache
from app.ml.lazy import LazyModel
from app.ml.runtime import run_inference
from app.net.images import decode_image

if TYPE_CHECKING:
    import torch

logger = logging.getLogger(__name__)

# In-process caches: each instance keeps its own (a miss costs one image forward pass, not a fetch of state).
EMBEDDING_TTL_SECONDS = 24 * 3600
_IMAGE_EMBEDDINGS = 4096  # 512 floats each: ~8 MB for ViT-B-32
_TEXT_EMBEDDINGS = 512


class WeightsNotFound(RuntimeError):
    pass


def image_cache_key(url: str) -> str:
    return hashlib.sha256(url.encode()).hexdigest()


def resolve_weights(model_name: str, pretrained: str) -> str:
    """A checkpoint path as is; a tag mapped to its file in the local Hugging Face cache (never downloaded)."""
    if Path(pretrained).is_file():
        return pretrained
    import open_clip
    from huggingface_hub import try_to_load_from_cache

    hub_location = open_clip.get_pretrained_cfg(model_name, pretrained).get("hf_hub", "")
    if not hub_location:
        raise WeightsNotFound(f"CLIP_PRETRAINED is neither a file nor a Hugging Face tag of {model_name}")
    repo_id, filename = os.path.split(hub_location)
    for candidate in [filename] if filename else ["open_clip_model.safetensors", "open_clip_pytorch_model.bin"]:
        cached = try_to_load_from_cache(repo_id, candidate)
        if isinstance(cached, str):
            return cached
    raise WeightsNotFound(f"weights for {model_name}/{pretrained} are not cached; run scripts/download_models.py")


class ClipVerifier(LazyModel):
    def __init__(self, model_name: str, pretrained: str | None, threshold: float) -> None:
        super().__init__(pretrained, setting="CLIP_PRETRAINED", label="CLIP")
        self.model_name = model_name
        self.threshold = threshold
        self._model: Any = None
        self._preprocess: Any = None
        self._tokenizer: Any = None
        self._image_embeddings: LruCache[str, torch.Tensor] = LruCache(_IMAGE_EMBEDDINGS, EMBEDDING_TTL_SECONDS)
        self._text_embeddings: LruCache[str, torch.Tensor] = LruCache(_TEXT_EMBEDDINGS)

    def status(self) -> dict[str, Any]:
        return {"model": self.model_name, "threshold": self.threshold, **super().status()}

    def _load(self, source: str) -> None:
        import open_clip

        weights = resolve_weights(self.model_name, source)
        # The image stores the weights as float16 (scripts/download_models.py); open_clip copies them into the
        # float32 model asked for here, and CPU inference runs in float32.
        model, _, preprocess = open_clip.create_model_and_transforms(
            self.model_name, pretrained=weights, precision="fp32"
        )
        tokenizer = open_clip.get_tokenizer(self.model_name)
        model.eval()
        self._preprocess, self._tokenizer, self._model = preprocess, tokenizer, model

    def score_images(
        self,
        images: Sequence[Image.Image | bytes],
        text: str,
        *,
        image_urls: Sequence[str] | None = None,
    ) -> list[float] | None:
        """Cosine similarity of each image to `text`, all uncached images in one batched forward pass.

        `image_urls` (same order as `images`) keys the embedding cache. None when the model is unavailable.
        Raises app.net.BadImage for bytes that do not decode safely. Blocking.
        """
        if image_urls is not None and len(image_urls) != len(images):
            raise ValueError("image_urls must match images one to one")
        if not self.load():
            return None
        if not images:
            return []
        import torch

        keys: list[str | None] = (
            [image_cache_key(url) for url in image_urls] if image_urls is not None else [None] * len(images)
        )
        embeddings = [self._image_embeddings.get(key) if key else None for key in keys]
        missing = [index for index, embedding in enumerate(embeddings) if embedding is None]
        if missing:
            for index, embedding in zip(missing, self._encode_images([images[i] for i in missing]), strict=True):
                embeddings[index] = embedding
                key = keys[index]
                if key:
                    self._image_embeddings.put(key, embedding)
        similarities = torch.stack(embeddings) @ self._encode_text(text)  # type: ignore[arg-type]
        return similarities.tolist()

    def _encode_images(self, images: Sequence[Image.Image | bytes]) -> list[torch.Tensor]:
        import torch

        pixels = torch.stack([self._preprocess(self._as_image(image)) for image in images])
        with torch.inference_mode():
            features = self._model.encode_image(pixels)
        return list(torch.nn.functional.normalize(features.float(), dim=-1))

    def _encode_text(self, text: str) -> torch.Tensor:
        import torch

        cached = self._text_embeddings.get(text)
        if cached is not None:
            return cached
        with torch.inference_mode():
            features = self._model.encode_text(self._tokenizer([text]))
        embedding = torch.nn.functional.normalize(features.float(), dim=-1)[0]
        self._text_embeddings.put(text, embedding)
        return embedding

    @staticmethod
    def _as_image(image: Image.Image | bytes) -> Image.Image:
        return (decode_image(image) if isinstance(image, bytes) else image).convert("RGB")

    def matches(self, score: float) -> bool:
        return score >= self.threshold

    async def ascore_images(
        self,
        images: Sequence[Image.Image | bytes],
        text: str,
        *,
        image_urls: Sequence[str] | None = None,
    ) -> list[float] | None:
        """`score_images` in the inference thread pool, never on the event loop."""
        return await run_inference(self.score_images, images, text, image_urls=image_urls)
