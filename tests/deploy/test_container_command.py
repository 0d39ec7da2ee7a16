"""The image's CMD and HEALTHCHECK, run as written (on 127.0.0.1 and a free port instead of 0.0.0.0:8000).

Without a Docker engine this is the closest check of the container's entrypoint: Uvicorn starts the app factory,
the health check command passes against it and fails once it is gone, proxy headers count only from
TRUSTED_PROXIES, and SIGTERM drains and exits cleanly.
"""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.db import EmbeddedMongo
from tests.deploy.artifacts import REPO_ROOT, load_dockerfile

TRUSTED_PROXY = "127.0.0.2"  # Uvicorn's own default trusts 127.0.0.1, so only the setting can make this one trusted


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def local_command(command: list[str], port: int) -> list[str]:
    return [part.replace("0.0.0.0", "127.0.0.1").replace("8000", str(port)) for part in command]


def healthy(port: int) -> bool:
    check = local_command(load_dockerfile().healthcheck_command(), port)
    return subprocess.run(check, capture_output=True, timeout=10, check=False).returncode == 0


@pytest.fixture(scope="module")
def server(mongo_server: EmbeddedMongo, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The container command with the image's runtime environment, until a test or the teardown stops it."""
    dockerfile = load_dockerfile()
    port = free_port()
    env = {
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "ENVIRONMENT": dockerfile.env(dockerfile.final)["ENVIRONMENT"],
        "PYTHONDONTWRITEBYTECODE": "1",
        "TRUSTED_PROXIES": TRUSTED_PROXY,
        "DATA_DIR": str(tmp_path_factory.mktemp("data")),
        "MONGO_URL": mongo_server.url,
        "MONGO_DB": f"test_{uuid.uuid4().hex[:8]}",
        "JWT_SECRET_KEY": "container-command-test-secret-0123456789abcdef",
        "RATE_LIMIT_ENABLED": "false",
    }
    process = subprocess.Popen(
        local_command(dockerfile.command(), port),
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 90
        while not healthy(port):
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail("the container command did not become healthy:\n" + process.communicate()[0])
            time.sleep(0.5)
        yield Server(port, process)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()


@dataclass
class Server:
    port: int
    process: subprocess.Popen[str]


def forwarded_scheme(port: int, source: str) -> str:
    """Ask for a path that redirects; the redirect's scheme shows whether X-Forwarded-Proto was believed."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10, source_address=(source, 0))
    try:
        connection.request("GET", "/health/live/", headers={"X-Forwarded-Proto": "https"})
        response = connection.getresponse()
        assert response.status in (307, 308), response.status
        return response.getheader("Location", "").split(":", 1)[0]
    finally:
        connection.close()


def test_proxy_headers_count_only_from_trusted_proxies(server: Server) -> None:
    assert forwarded_scheme(server.port, source=TRUSTED_PROXY) == "https"
    assert forwarded_scheme(server.port, source="127.0.0.1") == "http"


def test_sigterm_shuts_down_cleanly_and_the_health_check_then_fails(server: Server) -> None:
    server.process.send_signal(signal.SIGTERM)
    output = server.process.communicate(timeout=60)[0]
    # Uvicorn re-raises SIGTERM once it has shut down, so "killed by SIGTERM" is its normal exit status.
    assert server.process.returncode in (0, -signal.SIGTERM), output
    assert "Application shutdown complete" in output, "the lifespan shutdown ran before the exit"
    assert not healthy(server.port)
