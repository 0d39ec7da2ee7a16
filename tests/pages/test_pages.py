"""The pages emailed links open, as served: strict CSP, nothing inline, nothing from elsewhere, not cached."""

from __future__ import annotations

from html.parser import HTMLParser

import httpx
import pytest


class _Resources(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.inline_scripts = 0
        self.inline_styles = 0
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and values.get("src") is None:
            self.inline_scripts += 1
        if tag == "style" or "style" in values or any(name.startswith("on") for name in values):
            self.inline_styles += 1
        self.urls += [value for name, value in attrs if name in ("src", "href") and value]


@pytest.mark.parametrize("path", ["/verify-email", "/reset-password", "/invitation"])
async def test_pages_load_only_their_own_files_under_a_strict_policy(client: httpx.AsyncClient, path: str) -> None:
    response = await client.get(path)

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["cache-control"] == "no-store"
    policy = {part.split()[0]: part.split()[1:] for part in response.headers["content-security-policy"].split("; ")}
    assert policy["default-src"] == ["'none'"]
    assert policy["script-src"] == policy["style-src"] == policy["connect-src"] == ["'self'"]
    resources = _Resources()
    resources.feed(response.text)
    assert (resources.inline_scripts, resources.inline_styles) == (0, 0)
    assert sorted(resources.urls) == ["/pages/account-pages.css", "/pages/account-pages.js"]
    for url in resources.urls:
        assert (await client.get(url)).status_code == 200


async def test_the_script_is_served_as_javascript(client: httpx.AsyncClient) -> None:
    response = await client.get("/pages/account-pages.js")

    assert response.headers["content-type"].startswith("text/javascript")
    assert "location.hash" in response.text  # the token is read from the fragment
