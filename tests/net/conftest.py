"""Local HTTP(S) servers on 127.0.0.1 that record every request they receive, and a fixed DNS for the fetcher."""

from __future__ import annotations

import datetime
import io
import socket
import ssl
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PIL import Image

from app.net import DEFAULT_ALLOWED_PORTS, SafeFetcher

Route = Callable[[BaseHTTPRequestHandler], None]
TRUSTED_HOST = "shop.test"  # on the fetcher's allow-list, resolves to 127.0.0.1


@dataclass
class ReceivedRequest:
    path: str
    headers: dict[str, str]


class LocalServer:
    """A threaded HTTP server on a free 127.0.0.1 port; unknown paths answer 404."""

    def __init__(self, ssl_context: ssl.SSLContext | None = None) -> None:
        self.routes: dict[str, Route] = {}
        self.received: list[ReceivedRequest] = []
        self.server_names: list[str | None] = []  # TLS SNI of each handshake
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body go out as separate writes

            def do_GET(self) -> None:
                recorder.received.append(ReceivedRequest(self.path, {k.lower(): v for k, v in self.headers.items()}))
                route = recorder.routes.get(self.path.split("?")[0], respond(404, b"not found", "text/plain"))
                try:
                    route(self)
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True  # the client gave up, which several tests want

            def log_message(self, format: str, *args: object) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        if ssl_context is not None:
            ssl_context.sni_callback = lambda _sock, name, _ctx: self.server_names.append(name)
            self._httpd.socket = ssl_context.wrap_socket(self._httpd.socket, server_side=True)
        self.port: int = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.02,), daemon=True)
        self._thread.start()

    def url(self, path: str = "/", *, host: str = "127.0.0.1", scheme: str = "http") -> str:
        return f"{scheme}://{host}:{self.port}{path}"

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


def respond(
    status: int = 200, body: bytes = b"", content_type: str | None = None, headers: dict[str, str] | None = None
) -> Route:
    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(status)
        if content_type is not None:
            handler.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    return route


def redirect(location: str, status: int = 302) -> Route:
    return respond(status, headers={"Location": location})


def stream(content_type: str, chunks: Sequence[bytes] | Iterator[bytes], interval_s: float = 0.0) -> Route:
    """A body without Content-Length, delimited by closing the connection, sent chunk by chunk."""

    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.close_connection = True
        handler.send_response(200)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Connection", "close")
        handler.end_headers()
        for chunk in chunks:
            handler.wfile.write(chunk)
            handler.wfile.flush()
            time.sleep(interval_s)

    return route


def png_bytes(width: int = 4, height: int = 3) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 40, 40)).save(buffer, format="PNG")
    return buffer.getvalue()


class FixedDns:
    """Answers from a fixed table and records every lookup; unknown names fail like NXDOMAIN."""

    def __init__(self, table: dict[str, list[str]]) -> None:
        self.table = table
        self.lookups: list[str] = []

    async def __call__(self, host: str, port: int) -> list[str]:
        self.lookups.append(host)
        if host not in self.table:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return self.table[host]


@pytest.fixture
def server() -> Iterator[LocalServer]:
    local = LocalServer()
    yield local
    local.close()


@pytest.fixture
def trap() -> Iterator[LocalServer]:
    """A server no fetch may reach: every test that uses it asserts it received nothing."""
    local = LocalServer()
    local.routes["/"] = local.routes["/latest/meta-data/"] = respond(200, png_bytes(), "image/png")
    yield local
    local.close()


@pytest.fixture
def dns() -> FixedDns:
    return FixedDns(
        {
            TRUSTED_HOST: ["127.0.0.1"],
            "internal.test": ["127.0.0.1"],
            "metadata.test": ["169.254.169.254"],
            "mixed.test": ["93.184.215.14", "10.0.0.7"],
            "v6-loopback.test": ["::1"],
            "mapped.test": ["::ffff:127.0.0.1"],
        }
    )


@pytest.fixture(scope="session")
def default_tls() -> ssl.SSLContext:
    """Loading the CA bundle takes ~60 ms: once per session, not once per fetcher."""
    return ssl.create_default_context()


@pytest.fixture
async def fetcher(dns: FixedDns, trap: LocalServer, default_tls: ssl.SSLContext) -> AsyncIterator[SafeFetcher]:
    # The trap's port is allowed so that a refusal can only come from the address rules.
    async with SafeFetcher(
        allowed_private_hosts={TRUSTED_HOST},
        allowed_ports=DEFAULT_ALLOWED_PORTS | {trap.port},
        resolver=dns,
        max_redirects=3,
        ssl_context=default_tls,
    ) as safe_fetcher:
        yield safe_fetcher


@dataclass
class Certificate:
    cert_file: Path
    key_file: Path
    pem: bytes = field(repr=False)

    def server_context(self) -> ssl.SSLContext:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.cert_file, self.key_file)
        return context

    def client_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cadata=self.pem.decode("ascii"))


def make_certificate(directory: Path, hostname: str) -> Certificate:
    """A self-signed certificate for `hostname`, trusted only by `client_context()`."""
    x509 = pytest.importorskip("cryptography.x509")
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, hostname)])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(hours=1))
        .not_valid_after(now + datetime.timedelta(hours=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(hostname)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    pem = certificate.public_bytes(serialization.Encoding.PEM)
    cert_file, key_file = directory / f"{hostname}.crt", directory / f"{hostname}.key"
    cert_file.write_bytes(pem)
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return Certificate(cert_file, key_file, pem)
