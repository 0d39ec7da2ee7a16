"""MongoDB client lifecycle, with an embedded SecantusDB server when no MONGO_URL is set."""

from __future__ import annotations

import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pymongo
from pymongo import AsyncMongoClient, MongoClient
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.database import AsyncDatabase

from app.config import Settings

logger = logging.getLogger(__name__)

T = TypeVar("T")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _server_command() -> list[str]:
    beside_python = Path(sys.executable).with_name("secantusd-py")
    found = str(beside_python) if beside_python.exists() else shutil.which("secantusd-py")
    if not found:
        raise RuntimeError("secantusd-py not found: install SecantusDB (requirements.txt)")
    return [found]


class EmbeddedMongo:
    """A SecantusDB server run as a child process on 127.0.0.1 (one local process only)."""

    def __init__(self, data_dir: Path, port: int | None = None) -> None:
        self.data_dir = data_dir
        self.port = port or free_port()
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        # retryWrites=false: SecantusDB slows down badly as its retryable-write cache grows.
        return f"mongodb://127.0.0.1:{self.port}/?directConnection=true&retryWrites=false"

    def start(self, timeout: float = 30.0) -> str:
        storage = self.data_dir / "mongo"
        storage.mkdir(parents=True, exist_ok=True)
        log_file = (self.data_dir / "mongo.log").open("ab")
        command = [*_server_command(), "--host", "127.0.0.1", "--port", str(self.port), "--storage-path", str(storage)]
        # Our own executable and arguments; nothing comes from a request.
        self._process = subprocess.Popen(  # noqa: S603
            command, stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True
        )
        log_file.close()
        self._wait_until_ready(timeout)
        logger.info("embedded database started", extra={"port": self.port, "data_dir": str(storage)})
        return self.url

    def _wait_until_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process is not None and self._process.poll() is not None:
                raise RuntimeError(f"embedded database exited with code {self._process.returncode}")
            try:
                probe: MongoClient[dict[str, object]]
                with MongoClient(self.url, serverSelectionTimeoutMS=500) as probe:
                    probe.admin.command("ping")
                return
            except Exception:  # noqa: BLE001 - not answering yet
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("embedded database did not answer in time")

    def stop(self, timeout: float = 15.0) -> None:
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        logger.info("embedded database stopped")


@dataclass
class Database:
    client: AsyncMongoClient
    db: AsyncDatabase
    embedded: EmbeddedMongo | None = None


def make_client(url: str, settings: Settings) -> AsyncMongoClient:
    return AsyncMongoClient(
        url,
        tz_aware=True,
        serverSelectionTimeoutMS=settings.mongo_timeout_ms,
        connectTimeoutMS=settings.mongo_timeout_ms,
        timeoutMS=settings.mongo_timeout_ms * 2,
        uuidRepresentation="standard",
    )


async def open_database(settings: Settings) -> Database:
    embedded = None
    url = settings.mongo_url
    if not url:
        embedded = EmbeddedMongo(settings.data_dir)
        url = embedded.start()
    client = make_client(url, settings)
    try:
        await client.admin.command("ping")
    except Exception:
        await client.close()
        if embedded:
            embedded.stop()
        raise
    return Database(client=client, db=client[settings.mongo_db], embedded=embedded)


async def close_database(database: Database) -> None:
    await database.client.close()
    if database.embedded:
        database.embedded.stop()


async def in_transaction(db: AsyncDatabase, work: Callable[[AsyncClientSession], Awaitable[T]]) -> T:
    """Run `work` in a multi-document transaction, retried by the driver on transient conflicts.

    Bounded by the client's timeoutMS as a whole: on its own, with_transaction keeps retrying transient errors
    (a database outage is one) for 120 s, and the request would hang that long instead of answering 503.
    """
    async with db.client.start_session() as session:
        with pymongo.timeout(db.client.options.timeout):
            return await session.with_transaction(work)
