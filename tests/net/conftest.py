"""Stub servers for the fetcher (`server`, and a `trap` no fetch may reach), a fixed DNS, and certificates."""

from __future__ import annotations

import datetime
import io
import socket
import ssl
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PIL import Image

from app.net import DEFAULT_ALLOWED_PORTS, SafeFetcher
from tests.support.servers import StubServer, respond
from tests.support.servers import stub_server as server  # noqa: F401 (fixture)

TRUSTED_HOST = "shop.test"  # on the fetcher's allow-list, resolves to 127.0.0.1


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
def trap() -> Iterator[StubServer]:
    """A server no fetch may reach: every test that uses it asserts it received nothing."""
    answer = respond(200, png_bytes(), "image/png")
    with StubServer({"/": answer, "/latest/meta-data/": answer}) as local:
        yield local


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
async def fetcher(dns: FixedDns, trap: StubServer, default_tls: ssl.SSLContext) -> AsyncIterator[SafeFetcher]:
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
