"""What a person sees: the labelled pages of ../shared/eval served at their real URLs to the extension in headless
Chromium, against a real API process, read from the popup; and what the extension's payload keeps of each page.

Nothing leaves the machine: Chromium resolves every host name to 127.0.0.1 (--host-resolver-rules), where this
script serves the saved pages over HTTP (port 80) and HTTPS (port 443, a self-signed certificate made for the run,
--ignore-certificate-errors); every other request (images, styles, scripts) gets a 404. Page scripts are blocked
(Content-Security-Policy: script-src 'none'): the saved pages are rendered snapshots, and their scripts would only
call servers that are not there. The API runs as deployed (Uvicorn, embedded MongoDB, no LLM, no CLIP), with the
URL classifier of models/url-classifier when it is there, as scripts/run.sh does (--no-url-model turns it off).

Pages: fathom-products (product pages with a URL; labels as scripts/eval_extraction.py reads them: name, price,
image) and a fixed sample of non-product pages (articles-dev and metascraper's non-product cases).

Reported:
- popup: is-product recall (share of product pages NOT showing "This doesn't look like a product page"), the
  non-product pages shown a product form, price P/R/F1 as the form shows it (and after "Add it anyway"), answer
  time p50/p95 (popup opened until it shows its verdict);
- payload: bytes (median, p95) and name/price/image recall and is-product (page evidence alone) of the structured
  stage (app.extraction.structured.extract_structured) on the whole page (the DOM Chromium holds), on its first
  1,000,000 characters (what the extension sent before), and on the payload the extension builds (600 KB, and a
  tighter bound to show what the cutting keeps).

Usage: .venv/bin/python scripts/eval_popup.py [--non-product 30] [--limit N] [--json] [--verbose]
       [--extension DIR (another build, e.g. an older one: then --popup-only)] [--no-url-model]
Needs root (ports 80 and 443) and Chromium (scripts/install_chromium.sh).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime
import importlib.util
import json
import random
import shutil
import ssl
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

REPO_ROOT = Path(__file__).resolve().parents[1]
# The installed package is app/ alone; this tool also drives the test harness in tests/ of this checkout.
sys.path.insert(0, str(REPO_ROOT))

import httpx  # noqa: E402
from playwright.async_api import BrowserContext, Playwright, async_playwright  # noqa: E402
from playwright.async_api import TimeoutError as PlaywrightTimeoutError  # noqa: E402

from app.db import EmbeddedMongo  # noqa: E402
from app.extraction.structured import combine_product_confidence, extract_structured  # noqa: E402
from tests.e2e.browser import CHROMIUM, CHROMIUM_FLAGS, ExtensionBrowser, install_extension  # noqa: E402
from tests.e2e.popup import Popup  # noqa: E402
from tests.e2e.servers import run_api  # noqa: E402
from tests.support.accounts import register_account  # noqa: E402

DEFAULT_EVAL_DIR = REPO_ROOT / ".." / "shared" / "eval"
URL_MODEL_DIR = REPO_ROOT / "models" / "url-classifier"
PAYLOAD_BOUNDS = (600_000, 150_000)
OLD_EXTENSION_CHARS = 1_000_000
SCORED_FIELDS = ("name", "price", "image")
VERDICT = "#product-form, #not-product, #page-error"
PAGE_TIMEOUT_MS = 30_000
LOAD_WAIT_MS = 10_000
ANSWER_TIMEOUT_MS = 90_000


def _load_eval_extraction() -> Any:
    """scripts/eval_extraction.py, for its page loaders and matching rules (scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location("eval_extraction", REPO_ROOT / "scripts" / "eval_extraction.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_extraction"] = module
    spec.loader.exec_module(module)
    return module


evx = _load_eval_extraction()


# --- the pages, served at their real URLs ---------------------------------------------------------------------


def choose_pages(
    eval_dir: Path, non_product: int, limit: int | None, devpages: bool = False, blindpages: bool = False
) -> tuple[list[Any], int]:
    """Product pages with a URL, then a fixed random sample of non-product pages; and how many had no URL.
    With `devpages` (or `blindpages`), our own labelled pages (eval/devpages, eval/blindpages) instead of
    ../shared/eval's."""
    if devpages or blindpages:
        pages = (
            evx.load_devpages(evx.DEFAULT_BLINDPAGES_LABELS, evx.DEFAULT_BLINDPAGES_DIR, "blindpages")
            if blindpages
            else evx.load_devpages(evx.DEFAULT_DEVPAGES_LABELS, evx.DEFAULT_DEVPAGES_DIR)
        )
        products = [page for page in pages if page.is_product and page.url]
        negatives = [page for page in pages if page.is_product is False and page.url]
        negatives = random.Random(0).sample(negatives, min(non_product, len(negatives)))
        chosen = products[:limit] + negatives[:limit] if limit else products + negatives
        return _one_page_per_url(chosen), 0
    products = [page for page in evx._fathom_pages(eval_dir) if page.url]
    skipped = sum(1 for page in evx._fathom_pages(eval_dir) if not page.url)
    negatives = [
        page
        for page in [*evx._article_pages(eval_dir), *evx._metascraper_pages(eval_dir)]
        if page.is_product is False and page.url
    ]
    negatives = random.Random(0).sample(negatives, min(non_product, len(negatives)))
    pages = products[:limit] + negatives[:limit] if limit else products + negatives
    return _one_page_per_url(pages), skipped


def _one_page_per_url(pages: list[Any]) -> list[Any]:
    seen: set[str] = set()
    unique = []
    for page in pages:
        key = _page_key(page.url)
        if key not in seen:
            seen.add(key)
            unique.append(page)
    return unique


def _page_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{(parts.hostname or '').lower()}{unquote(parts.path or '/')}?{unquote(parts.query)}"


def navigation_url(url: str) -> str:
    return url.split("#", 1)[0]


class SavedWeb:
    """Every host name's pages on 127.0.0.1:80 and :443 (Chromium maps all names there), looked up by host and
    path; a host with one saved page serves it for any path that Chromium normalised differently."""

    def __init__(self, pages: list[Any], workdir: Path) -> None:
        self.pages = {_page_key(page.url): page for page in pages}
        self.by_host: dict[str, list[Any]] = {}
        for page in pages:
            self.by_host.setdefault((urlsplit(page.url).hostname or "").lower(), []).append(page)
        self.workdir = workdir
        self._servers: list[ThreadingHTTPServer] = []

    def lookup(self, host: str, path: str) -> Any | None:
        host = host.split(":", 1)[0].lower()
        parts = urlsplit(path)
        page = self.pages.get(f"{host}{unquote(parts.path or '/')}?{unquote(parts.query)}")
        if page is None and len(self.by_host.get(host, [])) == 1 and not _is_resource(parts.path):
            page = self.by_host[host][0]
        return page

    def start(self) -> None:
        web = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                page = web.lookup(self.headers.get("Host", ""), self.path)
                if page is None:
                    self._reply(404, b"not found", "text/plain")
                    return
                self._reply(200, page.read_html().encode("utf-8"), "text/html; charset=utf-8")

            def _reply(self, status: int, body: bytes, content_type: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Content-Security-Policy", "script-src 'none'")
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(*_self_signed_certificate(self.workdir))
        plain = _QuietServer(("127.0.0.1", 80), Handler)
        secure = _QuietServer(("127.0.0.1", 443), Handler, tls=context)
        for server in (plain, secure):
            threading.Thread(target=server.serve_forever, daemon=True).start()
            self._servers.append(server)

    def stop(self) -> None:
        for server in self._servers:
            server.shutdown()
            server.server_close()


class _QuietServer(ThreadingHTTPServer):
    """Each connection in its own thread, the TLS handshake included (a stalled one must not block the others);
    connections the browser drops are not errors worth printing."""

    def __init__(self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler], tls: Any = None) -> None:
        super().__init__(address, handler)
        self.tls = tls

    def finish_request(self, request: Any, client_address: Any) -> None:
        if self.tls is not None:
            request.settimeout(10)
            request = self.tls.wrap_socket(request, server_side=True)
        super().finish_request(request, client_address)

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass


def _is_resource(path: str) -> bool:
    return path.lower().rsplit(".", 1)[-1] in {"js", "css", "png", "jpg", "jpeg", "gif", "webp", "svg", "ico", "woff"}


def _self_signed_certificate(workdir: Path) -> tuple[str, str]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "eval-popup.invalid")])
    now = datetime.datetime.now(datetime.UTC)  # noqa: TID251 - a certificate validity window, not a stored timestamp
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=7))
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = workdir / "cert.pem", workdir / "key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return str(cert_path), str(key_path)


# --- one page through the popup and the payload builder ----------------------------------------------------


@dataclass
class PopupAnswer:
    verdict: str  # "product", "not_product", "error"
    seconds: float
    name: str = ""
    price: str = ""
    currency: str = ""
    anyway_price: str = ""  # the form's price after "Add it anyway" (not-product pages)
    unsure: bool = False  # the form came with "This may not be a product page"
    error: str = ""


@dataclass
class Variant:
    """What the structured stage finds in one version of a page's HTML."""

    bytes: int
    is_product: bool
    values: dict[str, Any]
    stage: str = ""
    build_ms: float | None = None


@dataclass
class PageResult:
    page: Any
    popup: PopupAnswer | None = None
    variants: dict[str, Variant] = field(default_factory=dict)


async def open_page(browser: ExtensionBrowser, url: str) -> tuple[Any, int]:
    tab = await browser.context.new_page()
    await tab.goto(navigation_url(url), wait_until="domcontentloaded", timeout=PAGE_TIMEOUT_MS)
    # A resource that never ends: the page's DOM is there, which is what the extension reads.
    with contextlib.suppress(PlaywrightTimeoutError):
        await tab.wait_for_load_state("load", timeout=LOAD_WAIT_MS)
    tab_id = await browser.worker.evaluate(
        "async (url) => (await chrome.tabs.query({})).find((tab) => tab.url === url)?.id ?? null", tab.url
    )
    if tab_id is None:
        raise RuntimeError(f"no tab for {tab.url}")
    return tab, tab_id


async def read_popup(browser: ExtensionBrowser, tab_id: int) -> PopupAnswer:
    started = time.perf_counter()
    popup = await browser.open_popup(tab_id)
    try:
        verdict = popup.locator(VERDICT).first
        await verdict.wait_for(state="visible", timeout=ANSWER_TIMEOUT_MS)
        seconds = time.perf_counter() - started
        kind = await verdict.get_attribute("id")
        if kind == "page-error":
            return PopupAnswer("error", seconds, error=await popup.locator("#page-error").inner_text())
        if kind == "not-product":
            await popup.get_by_role("button", name="Add it anyway").click()
            form = await _form_values(popup)
            return PopupAnswer("not_product", seconds, name=form["name"], anyway_price=form["price"])
        form = await _form_values(popup)
        unsure = await popup.locator("#unsure-product").count() > 0
        return PopupAnswer("product", seconds, form["name"], form["price"], form["currency"], unsure=unsure)
    finally:
        await popup.close()


async def _form_values(popup: Any) -> dict[str, str]:
    await popup.locator("#product-form").wait_for(state="visible")
    return {
        "name": await popup.locator("#product-name").input_value(),
        "price": await popup.locator("#product-price").input_value(),
        "currency": await popup.locator("#product-currency").input_value(),
    }


BUILD_IN_TAB = """async ([tabId, bounds]) => {
    await chrome.scripting.executeScript({ target: { tabId }, files: ["lib/payload.js"] });
    const [{ result }] = await chrome.scripting.executeScript({
        target: { tabId },
        args: [bounds],
        func: (bounds) => ({
            full: document.documentElement.outerHTML,
            payloads: bounds.map((maxBytes) => {
                const started = performance.now();
                const built = globalThis.buyhivePayload.extractionDocument(document, maxBytes);
                return { ...built, ms: performance.now() - started };
            }),
        }),
    });
    return result;
}"""


async def payload_variants(browser: ExtensionBrowser, tab_id: int, page: Any) -> dict[str, Variant]:
    built = await browser.worker.evaluate(BUILD_IN_TAB, [tab_id, list(PAYLOAD_BOUNDS)])
    full = "<!DOCTYPE html>\n" + built["full"]
    versions: dict[str, tuple[str, str, float | None]] = {
        "whole page": (full, "", None),
        "first 1M chars (before)": (full[:OLD_EXTENSION_CHARS], "", None),
    }
    for bound, payload in zip(PAYLOAD_BOUNDS, built["payloads"], strict=True):
        versions[f"payload <= {bound // 1000} KB"] = (payload["html"], payload["stage"], payload["ms"])
    variants = {}
    for label, (html, stage, build_ms) in versions.items():
        result = await asyncio.to_thread(extract_structured, html, page.url)
        is_product, _ = combine_product_confidence(None, result.evidence)
        values = {name: evx.predicted_value(result, name) for name in SCORED_FIELDS}
        variants[label] = Variant(len(html.encode("utf-8")), is_product, values, stage, build_ms)
    return variants


# --- scoring --------------------------------------------------------------------------------------------------


def _correct(name: str, value: Any, page: Any) -> bool:
    acceptable = page.labels.get(name) or []
    try:
        return value not in (None, "") and any(evx.value_matches(name, value, truth, page) for truth in acceptable)
    except (ArithmeticError, ValueError):
        return False


def _prf(labelled: int, given: int, correct: int) -> dict[str, float | int]:
    precision = correct / given if given else 0.0
    recall = correct / labelled if labelled else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "labelled": labelled,
        "given": given,
        "correct": correct,
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
    }


def _percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))] if ordered else 0.0


def popup_report(results: list[PageResult]) -> dict[str, Any]:
    answered = [result for result in results if result.popup is not None]
    products = [result for result in answered if result.page.is_product]
    negatives = [result for result in answered if result.page.is_product is False]
    shown = [result for result in products if result.popup and result.popup.verdict == "product"]
    priced = [result for result in products if result.page.labels.get("price")]

    def price_score(use_anyway: bool) -> dict[str, float | int]:
        given = correct = 0
        for result in priced:
            assert result.popup is not None
            value = result.popup.price or (result.popup.anyway_price if use_anyway else "")
            given += bool(value)
            correct += _correct("price", value.replace(",", "."), result.page) if value else False
        return _prf(len(priced), given, correct)

    seconds = [result.popup.seconds for result in answered if result.popup and result.popup.verdict != "error"]
    return {
        "product_pages": len(products),
        "non_product_pages": len(negatives),
        "errors": [f"{r.page.page_id}: {r.popup.error}" for r in answered if r.popup and r.popup.verdict == "error"],
        "is_product_recall": round(len(shown) / len(products), 3) if products else 0.0,
        "told_not_a_product": [r.page.page_id for r in products if r.popup and r.popup.verdict == "not_product"],
        "non_product_shown_as_product": sum(1 for r in negatives if r.popup and r.popup.verdict == "product"),
        "shown_with_caution": {
            "product_pages": sum(1 for r in shown if r.popup and r.popup.unsure),
            "non_product_pages": sum(
                1 for r in negatives if r.popup and r.popup.verdict == "product" and r.popup.unsure
            ),
        },
        "price": price_score(use_anyway=False),
        "price_with_add_it_anyway": price_score(use_anyway=True),
        "answer_seconds": {"p50": round(_percentile(seconds, 0.5), 2), "p95": round(_percentile(seconds, 0.95), 2)},
    }


def payload_report(results: list[PageResult]) -> dict[str, Any]:
    measured = [result for result in results if result.variants]
    if not measured:
        return {}
    report: dict[str, Any] = {}
    for label in measured[0].variants:
        sizes = [result.variants[label].bytes for result in measured]
        products = [result for result in measured if result.page.is_product]
        negatives = [result for result in measured if result.page.is_product is False]
        row: dict[str, Any] = {
            "bytes_median": int(statistics.median(sizes)),
            "bytes_p95": int(_percentile(sizes, 0.95)),
            "bytes_max": max(sizes),
        }
        for name in SCORED_FIELDS:
            labelled = [result for result in products if result.page.labels.get(name)]
            right = sum(_correct(name, result.variants[label].values[name], result.page) for result in labelled)
            row[f"{name}_recall"] = round(right / len(labelled), 3) if labelled else None
        row["is_product_recall"] = round(sum(r.variants[label].is_product for r in products) / len(products), 3)
        row["non_product_called_product"] = sum(r.variants[label].is_product for r in negatives)
        builds = [ms for r in measured if (ms := r.variants[label].build_ms) is not None]
        if builds:
            row["build_ms_p50"] = round(statistics.median(builds), 1)
            row["build_ms_p95"] = round(_percentile(builds, 0.95), 1)
            stages: dict[str, int] = {}
            for result in measured:
                stages[result.variants[label].stage] = stages.get(result.variants[label].stage, 0) + 1
            row["stages"] = stages
        report[label] = row
    return report


def losses(results: list[PageResult]) -> list[str]:
    """Fields the whole page gets right and the 600 KB payload does not."""
    lines = []
    payload_label = f"payload <= {PAYLOAD_BOUNDS[0] // 1000} KB"
    for result in results:
        if not result.variants or not result.page.is_product:
            continue
        whole, payload = result.variants["whole page"], result.variants[payload_label]
        for name in SCORED_FIELDS:
            before, after = whole.values[name], payload.values[name]
            if _correct(name, before, result.page) and not _correct(name, after, result.page):
                lines.append(f"{result.page.page_id}: {name} {before!s:.60} -> {after!s:.60}")
    return lines


# --- the run --------------------------------------------------------------------------------------------------


@contextmanager
def running_api(workdir: Path, url_model: bool) -> Iterator[str]:
    mongo = EmbeddedMongo(workdir / "mongo")
    mongo.start()
    extra = {"RATE_LIMIT_EXTRACT": "100000/minute", "RATE_LIMIT_AUTH": "1000/minute"}
    if url_model and (URL_MODEL_DIR / "config.json").exists():
        extra["URL_MODEL_PATH"] = str(URL_MODEL_DIR)
    try:
        with run_api(
            mongo_url=mongo.url,
            mongo_db=f"eval_popup_{uuid.uuid4().hex[:8]}",
            data_dir=workdir / "api",
            extension_origin="chrome-extension://eedhdbmafaolimloappljpidjkcelicj",
            extra_env=extra,
        ) as api:
            yield api.base_url
    finally:
        mongo.stop()


async def start_browser(playwright: Playwright, extension_dir: Path, profile: Path) -> BrowserContext:
    return await playwright.chromium.launch_persistent_context(
        str(profile),
        executable_path=str(CHROMIUM),
        headless=False,  # the flags ask for the new headless mode themselves
        ignore_https_errors=True,
        args=[
            *CHROMIUM_FLAGS,
            "--host-resolver-rules=MAP * 127.0.0.1",
            "--ignore-certificate-errors",
            f"--load-extension={extension_dir}",
            f"--disable-extensions-except={extension_dir}",
        ],
    )


def prepare_extension(source: Path | None, destination: Path, api_base_url: str) -> Path:
    """The extension built for this API, allowed on every site (a headless browser has no toolbar click to grant
    activeTab with)."""
    if source is None:
        install_extension(destination, api_base_url)
    else:
        shutil.copytree(source, destination)
    manifest_path = destination / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["host_permissions"] = [f"{api_base_url.rsplit(':', 1)[0]}/*", "<all_urls>"]
    manifest_path.write_text(json.dumps(manifest, indent=2))
    return destination


async def evaluate(args: argparse.Namespace, eval_dir: Path) -> dict[str, Any]:
    pages, without_url = choose_pages(eval_dir, args.non_product, args.limit, args.devpages, args.blindpages)
    results: list[PageResult] = []
    with tempfile.TemporaryDirectory(prefix="eval-popup-") as temp, running_api(Path(temp), args.url_model) as api:
        workdir = Path(temp)
        web = SavedWeb(pages, workdir)
        web.start()
        extension_dir = prepare_extension(args.extension, workdir / "extension", api)
        try:
            async with async_playwright() as playwright:
                context = await start_browser(playwright, extension_dir, workdir / "profile")
                browser = await ExtensionBrowser.attach(context, extension_dir, workdir / "screenshots")
                async with httpx.AsyncClient(base_url=f"{api}/api/v1", timeout=120) as client:
                    person = await register_account(client)
                    # Models load on first use: that first answer is not what a person waits for later.
                    warm_up = {"url": "https://warm-up.invalid/p/1", "html": "<h1>Warm-up</h1>"}
                    await client.post("/extract", json=warm_up, headers=person.headers)
                popup = Popup(await browser.open_popup())
                await popup.point_at(api)
                await popup.sign_in(person.email, person.password)
                await popup.page.close()
                for number, page in enumerate(pages, start=1):
                    result = PageResult(page)
                    try:
                        tab, tab_id = await open_page(browser, page.url)
                        result.popup = await read_popup(browser, tab_id)
                        if not args.popup_only:
                            result.variants = await payload_variants(browser, tab_id, page)
                        await tab.close()
                    except Exception as exc:  # noqa: BLE001 (one broken page must not end the run)
                        result.popup = PopupAnswer("error", 0.0, error=f"{type(exc).__name__}: {str(exc)[:200]}")
                        await browser.close_tabs()
                    results.append(result)
                    if args.verbose and result.popup is not None:
                        answer = result.popup
                        print(
                            f"[{number}/{len(pages)}] {page.dataset}/{page.page_id}: {answer.verdict} "
                            f"{answer.price or answer.anyway_price} {answer.seconds:.2f}s {answer.error}",
                            file=sys.stderr,
                        )
                await context.close()
        finally:
            web.stop()
    return {
        "pages": len(pages),
        "product_pages_without_url_skipped": without_url,
        "url_model": args.url_model and (URL_MODEL_DIR / "config.json").exists(),
        "popup": popup_report(results),
        "payload": payload_report(results),
        "payload_losses": losses(results),
    }


def print_report(report: dict[str, Any]) -> None:
    popup = report["popup"]
    print(
        f"pages: {report['pages']} ({popup['product_pages']} product, {popup['non_product_pages']} non-product; "
        f"{report['product_pages_without_url_skipped']} product pages without a URL skipped); "
        f"URL model {'on' if report['url_model'] else 'off'}"
    )
    print(
        f"popup: is-product recall {popup['is_product_recall']:.3f}; non-product pages shown a product form: "
        f"{popup['non_product_shown_as_product']}; answer p50 {popup['answer_seconds']['p50']} s, "
        f"p95 {popup['answer_seconds']['p95']} s; errors {len(popup['errors'])}"
    )
    for label, key in (("price in the popup", "price"), ("... after Add it anyway", "price_with_add_it_anyway")):
        score = popup[key]
        print(
            f"  {label:<26} P {score['precision']:.3f} R {score['recall']:.3f} F1 {score['f1']:.3f} "
            f"({score['correct']}/{score['labelled']}, {score['given']} given)"
        )
    if popup["told_not_a_product"]:
        print(f"  told 'not a product': {', '.join(popup['told_not_a_product'])}")
    for error in popup["errors"]:
        print(f"  error: {error}")
    if report["payload"]:
        print(
            f"{'structured stage on':<26}{'bytes p50':>10}{'p95':>10}{'max':>10}{'name R':>8}{'price R':>8}"
            f"{'image R':>8}{'is-prod R':>10}{'neg→prod':>9}{'build ms p50/p95':>18}"
        )
        for label, row in report["payload"].items():
            build = f"{row['build_ms_p50']}/{row['build_ms_p95']}" if "build_ms_p50" in row else ""
            recalls = "".join(
                f"{'—' if row[key] is None else format(row[key], '.3f'):>8}"
                for key in ("name_recall", "price_recall", "image_recall")
            )  # devpages label no images: no recall to show
            print(
                f"{label:<26}{row['bytes_median']:>10}{row['bytes_p95']:>10}{row['bytes_max']:>10}{recalls}"
                f"{row['is_product_recall']:>10.3f}{row['non_product_called_product']:>9}{build:>18}"
            )
            if "stages" in row:
                print(f"{'':<26}how built: {row['stages']}")
        for line in report["payload_losses"]:
            print(f"  lost by the payload: {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR, help="the shared eval folder")
    parser.add_argument("--non-product", type=int, default=30, help="how many non-product pages to sample")
    parser.add_argument("--limit", type=int, help="at most this many pages of each kind (a quick look)")
    parser.add_argument("--extension", type=Path, help="another extension build to load (default: extension/)")
    parser.add_argument("--popup-only", action="store_true", help="skip the payload measurement")
    parser.add_argument("--devpages", action="store_true", help="our own pages (eval/devpages) instead")
    parser.add_argument("--blindpages", action="store_true", help="the pages never tuned on (eval/blindpages)")
    parser.add_argument("--no-url-model", dest="url_model", action="store_false", help="run the API without it")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--verbose", action="store_true", help="print each page's answer as it comes")
    args = parser.parse_args(argv)
    eval_dir: Path = args.eval_dir.resolve()
    if not (eval_dir / "fathom-products" / "ground_truth.json").exists():
        print(f"no evaluation data at {eval_dir} (expected ../shared/eval beside the repository); nothing to do")
        return 0
    if not CHROMIUM.exists():
        print(f"{CHROMIUM} is missing: run scripts/install_chromium.sh")
        return 1
    report = asyncio.run(evaluate(args, eval_dir))
    if args.json:
        print(json.dumps(report, indent=2, default=str))
    else:
        print_report(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
