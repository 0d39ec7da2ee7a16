"""The API as a real process: `uvicorn --factory main:create_app` on 127.0.0.1, stoppable politely or by SIGKILL
(tests/faults), or run for a whole session (tests/e2e)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from app.db import free_port
from tests.support import REPO_ROOT

# Settings a developer's shell may carry that must not leak into a test server.
_DROPPED_PREFIXES = ("GROQ_", "OPENAI_", "SENTRY_", "MONGO_", "RATE_LIMIT_", "GOOGLE_", "EMAIL_", "CLIP_", "URL_MODEL")


class LiveApi:
    """One Uvicorn worker with the given settings (as environment variables), logging to `data_dir/api.log`.

    It runs in `cwd` (the repository by default; a directory without a .env file to read none) and is started once
    `ready_path` answers 200."""

    def __init__(
        self,
        *,
        mongo_url: str,
        mongo_db: str,
        data_dir: Path,
        port: int | None = None,
        cwd: Path = REPO_ROOT,
        ready_path: str = "/health/live",
        **env: str,
    ) -> None:
        self.port = port or free_port()
        self.data_dir = data_dir
        self.cwd = cwd
        self.ready_path = ready_path
        self.env = {key: value for key, value in os.environ.items() if not key.startswith(_DROPPED_PREFIXES)}
        self.env.update(
            PYTHONPATH=str(REPO_ROOT),
            MONGO_URL=mongo_url,
            MONGO_DB=mongo_db,
            DATA_DIR=str(data_dir),
            ENVIRONMENT="test",
            LOG_LEVEL="WARNING",
            RATE_LIMIT_ENABLED="false",
            EMAIL_BACKEND="file",
            METRICS_ENABLED="false",
            JWT_SECRET_KEY="live-api-test-secret-key-0123456789abcdef",
        )
        self.env.update({key.upper(): value for key, value in env.items()})
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60.0) -> LiveApi:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        command = [
            sys.executable, "-m", "uvicorn", "--factory", "main:create_app", "--host", "127.0.0.1",
            "--port", str(self.port), "--no-access-log", "--log-level", "warning",
        ]  # fmt: skip
        with (self.data_dir / "api.log").open("ab") as log:
            self._process = subprocess.Popen(command, cwd=self.cwd, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"the API exited with {self._process.returncode}: {self.log_tail()}")
            try:
                if httpx.get(f"{self.base_url}{self.ready_path}", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        self.kill()
        raise RuntimeError(f"the API did not start in {timeout:g} s: {self.log_tail()}")

    def kill(self) -> None:
        """SIGKILL: no shutdown handler runs, like a crashed or OOM-killed container."""
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGKILL)
            process.wait(10)

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(10)

    def log_tail(self, chars: int = 2000) -> str:
        log = self.data_dir / "api.log"
        return log.read_text(errors="replace")[-chars:] if log.exists() else ""
