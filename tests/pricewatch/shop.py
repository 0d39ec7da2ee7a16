"""A shop on 127.0.0.1 whose prices, stock and answers a test changes between fetches."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from tests.pricewatch.pages import product_page
from tests.support.servers import StubHandler, StubServer, respond


@dataclass
class ShopPage:
    price: str | None = "100.00"
    currency: str = "USD"
    availability: str = "InStock"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: str | None = None  # served as is instead of a product page (a bot wall, say)


class Shop:
    def __init__(self) -> None:
        self.server = StubServer()
        self.pages: dict[str, ShopPage] = {}
        self.robots: str | None = None  # None: /robots.txt answers 404

    def page(self, path: str, **state: object) -> str:
        """Serve a product page at `path`; returns its URL."""
        self.pages[path] = ShopPage(**state)  # type: ignore[arg-type]
        self.server.routes[path] = self._serve
        return self.server.url(path)

    def set_robots(self, text: str) -> None:
        self.robots = text
        self.server.routes["/robots.txt"] = respond(200, text.encode(), "text/plain")

    def requests_for(self, path: str) -> list[dict[str, str]]:
        return [request.headers for request in self.server.received if request.path == path]

    def _serve(self, handler: StubHandler) -> None:
        page = self.pages[handler.path.split("?")[0]]
        if page.status != 200:
            respond(page.status, b"", "text/html", page.headers)(handler)
            return
        html = page.body or product_page(page.price, page.currency, page.availability)
        etag = '"' + hashlib.sha256(html.encode()).hexdigest()[:16] + '"'
        if handler.headers.get("If-None-Match") == etag:
            respond(304, headers={"ETag": etag})(handler)
            return
        respond(200, html.encode(), "text/html; charset=utf-8", {"ETag": etag, **page.headers})(handler)

    def close(self) -> None:
        self.server.close()
