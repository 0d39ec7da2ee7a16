"""What the extension asks the browser for, and what its code never does (no browser needed)."""

from __future__ import annotations

import re

import pytest

from tests.e2e.browser import EXTENSION_SOURCE, extension_id, source_manifest

pytestmark = pytest.mark.e2e

# Ways page text could become markup or code in an extension page.
UNSAFE_SINKS = re.compile(
    r"\.(innerHTML|outerHTML|insertAdjacentHTML)\s*=|insertAdjacentHTML\(|document\.write|\beval\(|new Function\("
)


def test_manifest_asks_for_little() -> None:
    manifest = source_manifest()
    assert manifest["manifest_version"] == 3
    assert sorted(manifest["permissions"]) == ["activeTab", "identity", "scripting", "storage"]
    assert manifest["host_permissions"] == ["https://api.buyhive.example/*"]  # the API, nothing else
    assert "content_scripts" not in manifest  # injected on demand into the tab the person is looking at
    assert "script-src 'self'" in manifest["content_security_policy"]["extension_pages"]


def test_extension_id_is_fixed_by_the_manifest_key() -> None:
    # ALLOWED_ORIGINS in deployments names chrome-extension://<this id>.
    assert extension_id(source_manifest()) == "eedhdbmafaolimloappljpidjkcelicj"


def test_no_script_writes_markup_or_evaluates_code() -> None:
    offenders = [
        f"{path.relative_to(EXTENSION_SOURCE)}:{number}"
        for path in EXTENSION_SOURCE.rglob("*.js")
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if UNSAFE_SINKS.search(line)
    ]
    assert offenders == []


def test_every_file_the_manifest_names_exists() -> None:
    manifest = source_manifest()
    named = [manifest["background"]["service_worker"], manifest["action"]["default_popup"]]
    named += ["content.js", "lib/payload.js"]  # injected by the worker
    named += list(manifest["icons"].values())
    assert [name for name in named if not (EXTENSION_SOURCE / name).is_file()] == []
