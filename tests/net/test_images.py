"""Image decoding under the decompression-bomb guard, and fetch_image end to end."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from app.net import BadContentType, BadImage, SafeFetcher, decode_image, fetch_image
from tests.net.conftest import TRUSTED_HOST, png_bytes
from tests.support.servers import StubServer, respond


def png_declaring(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims `width` x `height` pixels (a decompression bomb's calling card)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
        + chunk(b"IEND", b"")
    )


def encoded(image_format: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 6), (10, 120, 30)).save(buffer, format=image_format)
    return buffer.getvalue()


@pytest.mark.parametrize("image_format", ["PNG", "JPEG", "GIF", "WEBP"])
def test_decodes_web_image_formats(image_format: str) -> None:
    image = decode_image(encoded(image_format))

    assert image.size == (8, 6)
    assert image.format == image_format


@pytest.mark.parametrize(
    ("width", "height"),
    [(100_000, 100_000), (6000, 6000)],  # above Pillow's own bomb limit; above ours only
)
def test_refuses_images_declaring_too_many_pixels(width: int, height: int) -> None:
    with pytest.raises(BadImage, match="pixels"):
        decode_image(png_declaring(width, height))


def test_pixel_limit_is_per_call() -> None:
    with pytest.raises(BadImage, match="4x3"):
        decode_image(png_bytes(4, 3), max_pixels=11)
    assert decode_image(png_bytes(4, 3), max_pixels=12).size == (4, 3)


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"<html>not an image</html>",
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        encoded("BMP"),  # a real image, but not a format decoded from untrusted sources
        encoded("TIFF"),
        png_bytes()[:40],  # truncated
    ],
)
def test_refuses_bodies_that_are_not_web_images(body: bytes) -> None:
    with pytest.raises(BadImage):
        decode_image(body)


async def test_fetch_image_returns_a_decoded_image(fetcher: SafeFetcher, server: StubServer) -> None:
    server.routes["/a.png"] = respond(200, png_bytes(5, 7), "image/png")

    image = await fetch_image(fetcher, server.url("/a.png", host=TRUSTED_HOST))

    assert image.size == (5, 7)


async def test_fetch_image_refuses_a_served_bomb(fetcher: SafeFetcher, server: StubServer) -> None:
    server.routes["/bomb.png"] = respond(200, png_declaring(100_000, 100_000), "image/png")

    with pytest.raises(BadImage):
        await fetch_image(fetcher, server.url("/bomb.png", host=TRUSTED_HOST))


async def test_fetch_image_accepts_only_image_types(fetcher: SafeFetcher, server: StubServer) -> None:
    server.routes["/a.png"] = respond(200, png_bytes(), "text/html")

    with pytest.raises(BadContentType):
        await fetch_image(fetcher, server.url("/a.png", host=TRUSTED_HOST))
