"""Untrusted images: fetched through the safe fetcher, decoded under a decompression-bomb guard."""

from __future__ import annotations

import asyncio
import io

from PIL import Image

from app.net.errors import BadImage
from app.net.fetcher import SafeFetcher

IMAGE_CONTENT_TYPES = frozenset({"image/*"})
# Only these decoders may run on untrusted bytes (Pillow would otherwise try every format it knows).
IMAGE_FORMATS = ("JPEG", "PNG", "GIF", "WEBP", "AVIF")
DEFAULT_MAX_PIXELS = 25_000_000  # 5000 x 5000; far above any product photo, ~100 MB decoded at most
DEFAULT_IMAGE_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_IMAGE_DEADLINE_S = 8.0


def decode_image(body: bytes, *, max_pixels: int = DEFAULT_MAX_PIXELS) -> Image.Image:
    """Decode `body`, refusing before decoding any image whose header declares more than `max_pixels` pixels.

    CPU-bound: call it from a worker thread (see `fetch_image`).
    """
    try:
        # open() reads only the header; Pillow's own bomb check (Image.MAX_IMAGE_PIXELS) runs here too.
        image = Image.open(io.BytesIO(body), formats=IMAGE_FORMATS)
        width, height = image.size
        if width * height > max_pixels:
            raise BadImage(f"The image is too large: {width}x{height} pixels, at most {max_pixels} are accepted")
        image.load()
    except BadImage:
        raise
    except Image.DecompressionBombError as exc:
        raise BadImage(f"The image is too large: {exc}") from exc
    except Exception as exc:  # decoders raise many types on hostile input (OSError, SyntaxError, struct.error, ...)
        raise BadImage(f"The response is not a readable {'/'.join(IMAGE_FORMATS)} image") from exc
    return image


async def fetch_image(
    fetcher: SafeFetcher,
    url: str,
    *,
    max_bytes: int = DEFAULT_IMAGE_MAX_BYTES,
    deadline_s: float = DEFAULT_IMAGE_DEADLINE_S,
    max_pixels: int = DEFAULT_MAX_PIXELS,
) -> Image.Image:
    """Fetch an image URL (image/* only) and decode it in a worker thread; raises a `FetchError` subclass."""
    result = await fetcher.fetch(url, max_bytes=max_bytes, accept_types=IMAGE_CONTENT_TYPES, deadline_s=deadline_s)
    return await asyncio.to_thread(decode_image, result.body, max_pixels=max_pixels)
