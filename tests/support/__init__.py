"""What the tests share, by concern: `app` (settings and a running app), `accounts` (people and their fixtures),
`factories` (carts and items through the API), `inbox` (the emails the file backend wrote), `models` (tiny real
models and images), `servers` (stub HTTP servers on 127.0.0.1), `live_api` (the API as a real process)."""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
