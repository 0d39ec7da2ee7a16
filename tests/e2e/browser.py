"""Debian's Chromium, headless, with the BuyHive extension loaded, driven by Playwright (never a downloaded browser)."""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.async_api import BrowserContext, Page, Playwright, ViewportSize, Worker

from tests.support import REPO_ROOT

EXTENSION_SOURCE = REPO_ROOT / "extension"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
POPUP_SIZE: ViewportSize = {"width": 380, "height": 640}


def extension_id(manifest: dict[str, Any]) -> str:
    """Chrome's id for an unpacked extension with a `key`: SHA-256 of the public key, first 32 hex digits as a-p."""
    digest = hashlib.sha256(base64.b64decode(manifest["key"])).hexdigest()[:32]
    return digest.translate(str.maketrans("0123456789abcdef", "abcdefghijklmnop"))


def source_manifest() -> dict[str, Any]:
    return json.loads((EXTENSION_SOURCE / "manifest.json").read_text())


def install_extension(destination: Path, api_origin: str) -> Path:
    """A copy of extension/ whose host permission names the API the test runs, as a build for that API would.

    The fixture shop shares the API's host (127.0.0.1), so the same permission lets the worker inject the content
    script there; in real use the `activeTab` grant of a toolbar click does that, and a headless browser has no
    toolbar to click.
    """
    shutil.copytree(EXTENSION_SOURCE, destination)
    manifest = source_manifest()
    manifest["host_permissions"] = [f"{api_origin.rsplit(':', 1)[0]}/*"]
    (destination / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return destination


@dataclass
class ExtensionBrowser:
    context: BrowserContext
    worker: Worker
    id: str
    screenshots: Path

    @classmethod
    async def attach(cls, context: BrowserContext, extension_dir: Path, screenshots: Path) -> ExtensionBrowser:
        """Finds the extension's service worker: it must be running, at the id the manifest key gives."""
        context.set_default_timeout(20_000)
        worker = (
            context.service_workers[0] if context.service_workers else await context.wait_for_event("serviceworker")
        )
        expected_id = extension_id(json.loads((extension_dir / "manifest.json").read_text()))
        assert worker.url == f"chrome-extension://{expected_id}/background.js", worker.url
        return cls(context, worker, expected_id, screenshots)

    async def close_tabs(self) -> None:
        """Closes every tab but the first (closing the last window would end the browser)."""
        for page in self.context.pages[1:]:
            await page.close()

    async def reset(self) -> None:
        await self.close_tabs()
        await self.worker.evaluate("() => Promise.all([chrome.storage.session.clear(), chrome.storage.local.clear()])")

    async def open_tab(self, url: str) -> tuple[Page, int]:
        """Opens `url` in a new tab; returns the page and Chrome's tab id for it."""
        page = await self.context.new_page()
        await page.goto(url, wait_until="load")
        tab_id = await self.worker.evaluate(
            "async (url) => (await chrome.tabs.query({})).find((tab) => tab.url === url)?.id ?? null", url
        )
        assert tab_id is not None, f"no tab for {url}"
        return page, tab_id

    async def open_popup(self, tab_id: int | None = None) -> Page:
        """The popup as a page, told which tab to read (a headless browser has no toolbar button to click)."""
        page = await self.context.new_page()
        await page.set_viewport_size(POPUP_SIZE)
        query = f"?tab={tab_id}" if tab_id is not None else ""
        await page.goto(f"chrome-extension://{self.id}/popup.html{query}")
        return page

    async def stored_auth(self) -> dict[str, Any] | None:
        return await self.worker.evaluate("async () => (await chrome.storage.session.get('auth')).auth ?? null")

    async def replace_access_token(self, token: str) -> None:
        """Swaps the stored access token, leaving its recorded expiry alone: the worker learns of it from a 401."""
        await self.worker.evaluate(
            """async (token) => {
                const { auth } = await chrome.storage.session.get("auth");
                await chrome.storage.session.set({ auth: { ...auth, accessToken: token } });
            }""",
            token,
        )

    async def screenshot(self, page: Page, name: str) -> Path:
        self.screenshots.mkdir(parents=True, exist_ok=True)
        path = self.screenshots / f"{name}.png"
        await page.screenshot(path=str(path), full_page=True)
        return path


async def start_chromium(playwright: Playwright, extension_dir: Path, profile_dir: Path) -> BrowserContext:
    """Chromium with only our extension, on a fresh profile."""
    return await playwright.chromium.launch_persistent_context(
        str(profile_dir),
        executable_path=str(CHROMIUM),
        headless=False,  # the flags ask for the new headless mode themselves
        args=[*CHROMIUM_FLAGS, f"--load-extension={extension_dir}", f"--disable-extensions-except={extension_dir}"],
    )
