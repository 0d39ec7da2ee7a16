"""SIGTERM stops the real service promptly: models loaded, the outbox worker busy, a request in flight.

Uvicorn re-raises SIGTERM after its own shutdown. Under an init (tini in the image, or ECS's initProcessEnabled)
that ends the process on the spot. As PID 1 without an init the kernel ignores it, and the interpreter exits the
normal way, joining threads and running finalizers: that is where the process used to hang for good (a `limits`
finalizer starting a MongoDB monitor thread during interpreter teardown, to open a client none had opened or to end
the sessions of one whose server is already gone; see README, "Container"). The tests run the image's CMD both
ways: as under tini, and as PID 1 of its own PID namespace (`unshare --pid`, the condition of the hang; skipped
where the machine allows no PID namespace).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from pymongo import MongoClient

from app.db import EmbeddedMongo, free_port
from app.outbox.repository import OUTBOX
from app.outbox.schemas import new_entry
from app.sharing.compose import SHARE
from tests.deploy.artifacts import REPO_ROOT
from tests.support.models import TINY_CLIP, png_bytes, save_tiny_bert, save_tiny_clip
from tests.support.servers import StubHandler, StubServer, respond

EXIT_BUDGET_SECONDS = 10.0  # the image's promise (under tini)
# Without an init the interpreter tears down in full after Uvicorn finishes (2-8 s here, more on a loaded machine;
# see README, "Container"); the hang this reproduces lasted forever, so twice the budget tells them apart.
PID_1_EXIT_BUDGET_SECONDS = 20.0
SLOW_IMAGE_SECONDS = 3.0
QUEUED_EMAILS = 300

# What this launcher adds to Uvicorn: the tiny CLIP config (it lives in a test directory), and a dump of every
# thread's stack on SIGUSR1 to show what keeps the process alive if it does not stop.
_LAUNCH = (
    "import faulthandler, signal, sys, open_clip; faulthandler.register(signal.SIGUSR1, all_threads=True); "
    "open_clip.add_model_config(sys.argv.pop(1)); "
    "from uvicorn.main import main; sys.argv[0] = 'uvicorn'; main()"
)


@pytest.fixture
def image_server() -> Iterator[str]:
    """Serves a PNG at /warm.png, and at /slow.png only after SLOW_IMAGE_SECONDS, keeping a request in flight."""
    image = respond(200, png_bytes((200, 40, 40)), "image/png")

    def slow_image(handler: StubHandler) -> None:
        time.sleep(SLOW_IMAGE_SECONDS)
        image(handler)

    with StubServer({"/warm.png": image, "/slow.png": slow_image}) as server:
        yield server.base_url


def _pid_namespace_command() -> list[str] | None:
    """How to run a command as PID 1 of a new PID namespace here, or None when the machine does not allow it."""
    if shutil.which("unshare") is None:
        return None
    # As root directly; otherwise inside a user namespace (where unprivileged user namespaces are enabled).
    command = ["unshare", "--pid", "--fork", "--mount-proc", "--kill-child"]
    if os.geteuid() != 0:
        command[1:1] = ["--user", "--map-root-user"]
    probe = subprocess.run([*command, "true"], capture_output=True, timeout=30)
    return command if probe.returncode == 0 else None


def _processes() -> Iterator[tuple[int, int, list[str]]]:
    """(pid, parent pid, command line) of every process this machine's /proc shows."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            cmdline = (stat.parent / "cmdline").read_bytes().decode(errors="replace").split("\0")
        except (OSError, IndexError, ValueError):
            continue
        yield int(stat.parent.name), parent, cmdline


def _child_pid(parent: int) -> int:
    """The child of `parent` (unshare --fork's child: PID 1 inside the namespace, an ordinary PID outside)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        for pid, parent_pid, _ in _processes():
            if parent_pid == parent:
                return pid
        time.sleep(0.05)
    raise AssertionError(f"process {parent} started no child")


def _embedded_database_url(data_dir: Path) -> str:
    """The URL of the SecantusDB server the service started for itself (its command line names the port)."""
    storage = str(data_dir / "mongo")
    for _, _, cmdline in _processes():
        if "--storage-path" in cmdline and cmdline[cmdline.index("--storage-path") + 1] == storage:
            port = cmdline[cmdline.index("--port") + 1]
            return f"mongodb://127.0.0.1:{port}/?directConnection=true"
    raise AssertionError(f"no embedded database with its data in {storage}")


def _start_service(
    tmp_path: Path, mongo_url: str | None, mongo_db: str, image_port: int, *, as_pid_1: list[str] | None
) -> tuple[subprocess.Popen[bytes], int, str]:
    """Starts the service (its own embedded database when `mongo_url` is None); returns the process to wait for,
    the PID to signal (Uvicorn's) and the base URL."""
    clip_dir = tmp_path / "clip"
    checkpoint = save_tiny_clip(clip_dir)
    env = {name: value for name, value in os.environ.items() if not name.startswith(("MONGO_", "RATE_LIMIT_"))}
    env.update(
        PYTHONPATH=str(REPO_ROOT),
        ENVIRONMENT="test",
        MONGO_DB=mongo_db,
        DATA_DIR=str(tmp_path / "data"),
        JWT_SECRET_KEY="graceful-stop-test-secret-0123456789abcdef",
        EMAIL_BACKEND="file",
        OUTBOX_POLL_SECONDS="0.1",
        RATE_LIMIT_ENABLED="true",  # its MongoDB client is what used to keep the process alive
        URL_MODEL_PATH=save_tiny_bert(tmp_path / "bert"),
        CLIP_MODEL=TINY_CLIP,
        CLIP_PRETRAINED=checkpoint,
        FETCH_ALLOW_PRIVATE_HOSTS="127.0.0.1",
        FETCH_ALLOWED_PORTS=str(image_port),
        METRICS_ENABLED="true",
        LOG_LEVEL="INFO",
    )
    if mongo_url:
        env["MONGO_URL"] = mongo_url
    port = free_port()
    uvicorn_args = ["main:create_app", "--factory", "--host", "127.0.0.1", "--port", str(port)]
    uvicorn_args += ["--timeout-graceful-shutdown", "45"]  # as the image's CMD
    # As the image's CMD runs: through `sh -c exec`, SIGTERM with its default disposition; under tini Uvicorn is an
    # ordinary child, without an init it is PID 1.
    command = ["sh", "-c", 'exec "$0" "$@"', sys.executable, "-c", _LAUNCH, str(clip_dir / "configs")]
    log = (tmp_path / "api.log").open("wb")
    launcher = as_pid_1 or []
    process = subprocess.Popen([*launcher, *command, *uvicorn_args], cwd=tmp_path, env=env, stdout=log, stderr=log)
    uvicorn_pid = _child_pid(process.pid) if as_pid_1 else process.pid
    return process, uvicorn_pid, f"http://127.0.0.1:{port}"


def _wait_until_ready(process: subprocess.Popen[bytes], base_url: str, log: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert process.poll() is None, log.read_text()[-3000:]
        try:
            if httpx.get(f"{base_url}/health/ready", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    pytest.fail("the service did not become ready:\n" + log.read_text()[-3000:])


def _queue_emails(mongo_url: str, mongo_db: str, count: int) -> None:
    now = datetime.now(UTC)
    email = {"to": ["friend@example.com"], "subject": "A cart", "text": "Have a look.", "html": None}
    with MongoClient[dict[str, Any]](mongo_url) as client:
        client[mongo_db][OUTBOX].insert_many([new_entry(SHARE, now=now, email=email) for _ in range(count)])


def _sent_count(mongo_url: str, mongo_db: str) -> int:
    with MongoClient[dict[str, Any]](mongo_url) as client:
        return client[mongo_db][OUTBOX].count_documents({"status": "sent"})


def _sigterm_and_wait(process: subprocess.Popen[bytes], uvicorn_pid: int, log_path: Path, budget: float) -> None:
    """SIGTERM to Uvicorn; fails with every thread's stack if the process is still there `budget` seconds later."""
    stopped_at = time.monotonic()
    os.kill(uvicorn_pid, signal.SIGTERM)
    finished_seconds = None  # when Uvicorn says it is done; the rest is the interpreter's own exit
    while process.poll() is None and time.monotonic() - stopped_at < budget:
        if finished_seconds is None and "Finished server process" in log_path.read_text():
            finished_seconds = time.monotonic() - stopped_at
        time.sleep(0.05)
    try:
        process.wait(timeout=0.1)
    except subprocess.TimeoutExpired:
        os.kill(uvicorn_pid, signal.SIGUSR1)
        time.sleep(2)
        pytest.fail(f"still running {budget} s after SIGTERM:\n" + log_path.read_text()[-6000:])
    exit_seconds = time.monotonic() - stopped_at
    print(f"Uvicorn finished {finished_seconds} s and the process exited {exit_seconds:.1f} s after SIGTERM")


@pytest.mark.parametrize(
    "as_pid_1",
    [
        # The image: tini forwards SIGTERM; the task's database (MongoDB Atlas in production) outlives the stop.
        pytest.param(False, id="under-an-init"),
        # The condition of the hang: Uvicorn as PID 1, its own embedded database (the image run without MONGO_URL,
        # as scripts/test_image.sh and the trial ran it) stopped by the lifespan before the interpreter exits.
        pytest.param(True, id="as-pid-1"),
    ],
)
def test_sigterm_with_models_loaded_outbox_busy_and_a_request_in_flight_exits_promptly(
    as_pid_1: bool, mongo_server: EmbeddedMongo, image_server: str, tmp_path: Path
) -> None:
    pid_namespace = _pid_namespace_command() if as_pid_1 else None
    if as_pid_1 and pid_namespace is None:
        pytest.skip("no PID namespace here (`unshare --pid` needs root or unprivileged user namespaces)")
    mongo_db = f"test_{uuid.uuid4().hex[:8]}"
    image_port = int(image_server.rsplit(":", 1)[1])
    mongo_url = None if as_pid_1 else mongo_server.url
    process, uvicorn_pid, base_url = _start_service(tmp_path, mongo_url, mongo_db, image_port, as_pid_1=pid_namespace)
    log_path = tmp_path / "api.log"
    try:
        _wait_until_ready(process, base_url, log_path)
        mongo_url = mongo_url or _embedded_database_url(tmp_path / "data")
        api = httpx.Client(base_url=f"{base_url}/api/v1", timeout=60)
        email = f"stop-{uuid.uuid4().hex[:8]}@example.com"
        answer = api.post("/auth/register", json={"email": email, "password": "correct horse battery", "name": "S"})
        assert answer.status_code == 201, answer.text
        api.headers["Authorization"] = f"Bearer {answer.json()['access_token']}"

        # Both models load on first use, in the inference thread pool.
        assert api.post("/extract/classify-url", json={"url": "https://shop.example/dp/B0123"}).status_code == 200
        warm = {"image_url": f"{image_server}/warm.png", "product_name": "red kettle"}
        assert api.post("/extract/verify-image", json=warm).status_code == 200, "CLIP did not load"
        models = httpx.get(f"{base_url}/health", timeout=10).json()["components"]["models"]
        assert models["url_classifier"]["loaded"] and models["clip"]["loaded"], models

        _queue_emails(mongo_url, mongo_db, QUEUED_EMAILS)
        deadline = time.monotonic() + 30
        while _sent_count(mongo_url, mongo_db) == 0:
            assert time.monotonic() < deadline, "the outbox worker never started sending"
            time.sleep(0.1)

        in_flight: dict[str, httpx.Response] = {}
        slow = {"image_url": f"{image_server}/slow.png", "product_name": "red kettle"}
        request = threading.Thread(target=lambda: in_flight.update(answer=api.post("/extract/verify-image", json=slow)))
        request.start()
        time.sleep(1.0)  # the service has the request and waits on the slow image
        sent_before_stop = _sent_count(mongo_url, mongo_db)
        assert sent_before_stop < QUEUED_EMAILS, "the outbox emptied before the stop: nothing was busy"

        budget = PID_1_EXIT_BUDGET_SECONDS if as_pid_1 else EXIT_BUDGET_SECONDS
        _sigterm_and_wait(process, uvicorn_pid, log_path, budget)
        request.join(timeout=5)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    log = log_path.read_text()
    assert in_flight["answer"].status_code == 200, in_flight["answer"].text
    assert in_flight["answer"].json()["score"] is not None
    if as_pid_1:
        assert process.returncode == 0, "as PID 1 the re-raised SIGTERM is ignored: the interpreter exits normally"
    else:
        assert process.returncode == -signal.SIGTERM, "Uvicorn's re-raised SIGTERM ends it, as under tini"
    assert "Application shutdown complete" in log


def test_as_pid_1_an_instance_that_served_no_rate_limited_request_stops(
    mongo_server: EmbeddedMongo, image_server: str, tmp_path: Path
) -> None:
    """The production configuration (a database that outlives the stop) on a task that got only health checks before
    a deploy or a scale-in: `limits` never opened its client, and its finalizer used to open one at interpreter exit."""
    pid_namespace = _pid_namespace_command()
    if pid_namespace is None:
        pytest.skip("no PID namespace here (`unshare --pid` needs root or unprivileged user namespaces)")
    image_port = int(image_server.rsplit(":", 1)[1])
    mongo_db = f"test_{uuid.uuid4().hex[:8]}"
    process, uvicorn_pid, base_url = _start_service(
        tmp_path, mongo_server.url, mongo_db, image_port, as_pid_1=pid_namespace
    )
    log_path = tmp_path / "api.log"
    try:
        _wait_until_ready(process, base_url, log_path)
        _sigterm_and_wait(process, uvicorn_pid, log_path, PID_1_EXIT_BUDGET_SECONDS)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0
    assert "Application shutdown complete" in log_path.read_text()
