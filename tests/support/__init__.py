"""What the tests share, by concern: `app` (settings and a running app), `accounts` (people and their fixtures),
`factories` (carts and items through the API), `inbox` (the emails the file backend wrote), `models` (tiny real
models and images), `servers` (stub HTTP servers on 127.0.0.1), `live_api` (the API as a real process)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

REPO_ROOT = Path(__file__).resolve().parents[2]


def load_script(name: str) -> ModuleType:
    """A script of scripts/ as a module (they are run as files, not imported as a package)."""
    spec = importlib.util.spec_from_file_location(name, REPO_ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module
