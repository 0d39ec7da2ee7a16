"""Turn fetched image bytes into a PIL image without letting a decompression bomb expand in memory."""

from __future__ import annotations

import io
import warnings

from PIL import Image

# 40 megapixels covers any real product photo; a bomb declares far more in a few hundred bytes of header.
MAX_IMAGE_PIXELS = 40_000_000


class UnreadableImage(ValueError):
    """The bytes are not an image we can decode, or the image is too large to decode safely."""


def decode_image(data: bytes, max_pixels: int = MAX_IMAGE_PIXELS) -> Image.Image:
    """Decode to RGB, checking the declared size before any pixel is decompressed. Raises UnreadableImage."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # our own, lower limit applies below
            image = Image.open(io.BytesIO(data))  # reads the header only
    except Image.DecompressionBombError as exc:
        raise UnreadableImage("image too large to decode") from exc
    except (OSError, ValueError, SyntaxError) as exc:
        raise UnreadableImage(f"not a decodable image: {type(exc).__name__}") from exc
    width, height = image.size
    if width * height > max_pixels:
        raise UnreadableImage(f"image too large to decode: {width}x{height} pixels")
    try:
        image.seek(0)  # an animated image is judged by its first frame
        return image.convert("RGB")
    except (OSError, ValueError, SyntaxError) as exc:
        raise UnreadableImage(f"not a decodable image: {type(exc).__name__}") from exc
