"""The real processes an end-to-end test talks to: the API under Uvicorn, and a small shop of fixture pages."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw

from app.db import free_port
from tests.support.live_api import LiveApi
from tests.support.servers import StubHandler, StubServer, respond

FIXTURES = Path(__file__).resolve().parent / "fixtures"
JWT_SECRET = "e2e-secret-key-that-is-long-enough-0123456789"
HOSTILE_FILLER_BYTES = 3 * 1024 * 1024  # five times what the extension sends for one page (600 KB)
# /big-product.html: the page state script and the menu put its buy box past character 1.5M, as on a real retailer
# page; the related products after it still leave more than the extension sends once scripts are dropped.
BIG_PAGE_STATE_CHARS = 900_000
BIG_PAGE_MENU_LINKS = 10_000
BIG_PAGE_RELATED_TILES = 1_500


@dataclass
class ApiServer:
    base_url: str
    data_dir: Path
    mongo_url: str
    mongo_db: str

    @property
    def outbox_dir(self) -> Path:
        return self.data_dir / "outbox"


@contextmanager
def run_api(
    *, mongo_url: str, mongo_db: str, data_dir: Path, extension_origin: str, extra_env: dict[str, str]
) -> Iterator[ApiServer]:
    """Uvicorn in its own process, as deployed; started from an empty directory so no .env file is read."""
    port = free_port()
    workdir = data_dir / "cwd"
    workdir.mkdir(parents=True)
    api = LiveApi(
        mongo_url=mongo_url,
        mongo_db=mongo_db,
        data_dir=data_dir,
        port=port,
        cwd=workdir,
        ready_path="/health/ready",
        # extra_env (a caller's own settings, e.g. eval_popup's /extract budget) wins over these.
        **{
            "JWT_SECRET_KEY": JWT_SECRET,
            "PUBLIC_APP_URL": f"http://127.0.0.1:{port}",  # emailed links open the pages this API serves
            "ALLOWED_ORIGINS": extension_origin,
            "OUTBOX_POLL_SECONDS": "0.2",
            # Limits stay on, as in production, with room for the tests' sign-ins; /extract keeps a small budget
            # so that one test can run into it.
            "RATE_LIMIT_ENABLED": "true",
            "RATE_LIMIT_AUTH": "1000/minute",
            "RATE_LIMIT_SHARE": "1000/hour",
            "RATE_LIMIT_ACCOUNT_CREATION": "1000/hour",  # every test signs up from 127.0.0.1
            "RATE_LIMIT_EXTRACT": "5/minute",
            # The shop runs on 127.0.0.1: its image links are private addresses, which items and /extract refuse
            # unless the host is on this tests-only allow-list.
            "FETCH_ALLOW_PRIVATE_HOSTS": "127.0.0.1",
            **extra_env,
        },
    ).start()
    try:
        yield ApiServer(api.base_url, data_dir, mongo_url, mongo_db)
    finally:
        api.stop()


def _product_photo(body: str, accent: str, *, box: bool = False) -> bytes:
    """A plain drawing of a kettle (or its box): something recognisable to look at in the screenshots."""
    image = Image.new("RGB", (480, 480), "#f4f1ea")
    draw = ImageDraw.Draw(image)
    if box:
        draw.rectangle((110, 120, 370, 400), fill=accent, outline="#333333", width=4)
        draw.rectangle((140, 170, 340, 260), fill="#ffffff")
        draw.text((160, 205), "AURORA 1.7 L", fill="#333333")
    else:
        draw.ellipse((120, 150, 360, 410), fill=body, outline="#333333", width=4)
        draw.rectangle((150, 380, 330, 420), fill="#333333")
        draw.arc((300, 170, 420, 340), start=270, end=90, fill="#333333", width=14)
        draw.polygon([(130, 230), (60, 190), (70, 175), (140, 205)], fill=body, outline="#333333")
        draw.rectangle((200, 120, 280, 160), fill=accent, outline="#333333", width=3)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _grow_big_product_page(page: bytes) -> bytes:
    state = b"a1b2c3d4e5" * (BIG_PAGE_STATE_CHARS // 10)
    menu = b"".join(
        b'<a class="menu-link" href="/c/%d">Outdoor category %d</a>\n' % (number, number)
        for number in range(BIG_PAGE_MENU_LINKS)
    )
    related = b"".join(
        b'<div class="tile"><a href="/p/%d">Trail item %d</a> <span class="price">$%d.99</span></div>\n'
        % (number, number, 10 + number % 90)
        for number in range(BIG_PAGE_RELATED_TILES)
    )
    return (
        page.replace(b"<!--STATE-FILLER-->", state)
        .replace(b"<!--MENU-FILLER-->", menu)
        .replace(b"<!--RELATED-FILLER-->", related)
    )


class FixtureShop:
    """Serves tests/e2e/fixtures on 127.0.0.1; `/hostile.html` grows to several megabytes on the way out."""

    def __init__(self) -> None:
        self.images = {
            "/img/kettle-front.png": _product_photo("#c8d6e5", "#f5a623"),
            "/img/kettle-side.png": _product_photo("#a4b0be", "#f5a623"),
            "/img/kettle-box.png": _product_photo("#c8d6e5", "#f5a623", box=True),
            "/img/descaling.png": _product_photo("#dfe6e9", "#74b9ff"),
            "/img/gadget.png": _product_photo("#2d3436", "#d63031"),
        }
        self._server: StubServer | None = None

    @property
    def origin(self) -> str:
        assert self._server is not None
        return self._server.base_url

    def url(self, path: str) -> str:
        return f"{self.origin}{path}"

    def _page(self, path: str) -> bytes | None:
        name = path.lstrip("/")
        if "/" in name or not name.endswith(".html") or not (FIXTURES / name).is_file():
            return None
        page = (FIXTURES / name).read_bytes()
        if name == "hostile.html":
            block = b"<div class='filler'>" + b"lorem ipsum dolor sit amet " * 37 + b"</div>\n"
            filler = block * (HOSTILE_FILLER_BYTES // len(block))
            page = page.replace(b"<!--FILLER-->", filler)
        if name == "big-product.html":
            page = _grow_big_product_page(page)
        return page

    def start(self) -> None:
        self._server = StubServer(fallback=self._serve)

    def _serve(self, handler: StubHandler) -> None:
        path = handler.path.split("?", 1)[0]
        no_store = {"Cache-Control": "no-store"}
        if path in self.images:
            respond(200, self.images[path], "image/png", no_store)(handler)
            return
        page = self._page(path)
        if page is None:
            respond(404, b"not found", "text/plain", no_store)(handler)
            return
        respond(200, page, "text/html; charset=utf-8", no_store)(handler)

    def stop(self) -> None:
        if self._server is not None:
            self._server.close()
