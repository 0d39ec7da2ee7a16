"""Which URLs and addresses the server may fetch (SPEC §4): http(s), usual ports, public addresses only."""

from __future__ import annotations

import asyncio
import re
import socket
from collections.abc import Awaitable, Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from ipaddress import IPv4Address, IPv6Address, ip_address, ip_network

import httpx

from app.net.errors import BlockedAddress, ConnectionFailed, InvalidUrl

IPAddress = IPv4Address | IPv6Address
Resolver = Callable[[str, int], Awaitable[Sequence[str]]]

DEFAULT_ALLOWED_PORTS = frozenset({80, 443})
MAX_URL_LENGTH = 4096

# IANA special-purpose IPv4 ranges that are not reachable public hosts.
_BLOCKED_IPV4 = tuple(
    ip_network(network)
    for network in (
        "0.0.0.0/8",  # "this network", unspecified
        "10.0.0.0/8",  # private
        "100.64.0.0/10",  # carrier-grade NAT
        "127.0.0.0/8",  # loopback
        "169.254.0.0/16",  # link-local, cloud metadata 169.254.169.254
        "172.16.0.0/12",  # private
        "192.0.0.0/24",  # IETF protocol assignments
        "192.0.2.0/24",  # documentation
        "192.88.99.0/24",  # 6to4 relay anycast
        "192.168.0.0/16",  # private
        "198.18.0.0/15",  # benchmarking
        "198.51.100.0/24",  # documentation
        "203.0.113.0/24",  # documentation
        "224.0.0.0/4",  # multicast
        "240.0.0.0/4",  # reserved, broadcast
    )
)
# Public IPv6 hosts live in global unicast 2000::/3; everything else (::1, ::, fc00::/7, fe80::/10, ff00::/8, ...)
# is refused, as are these special ranges inside it.
_GLOBAL_UNICAST_IPV6 = ip_network("2000::/3")
_BLOCKED_IPV6 = tuple(
    ip_network(network)
    for network in (
        "2001::/23",  # IETF protocol assignments, Teredo
        "2001:db8::/32",  # documentation
        "3fff::/20",  # documentation
    )
)
_NAT64_IPV6 = ip_network("64:ff9b::/96")
_NUMERIC_LABEL = re.compile(r"(0x[0-9a-f]*|[0-9]+)")
_UNSAFE_URL_CHARACTERS = re.compile(r"[\x00-\x20\x7f\\]")


def is_public_address(address: IPAddress) -> bool:
    """True for addresses of hosts on the public internet; IPv4 embedded in IPv6 is judged as IPv4."""
    if isinstance(address, IPv6Address):
        embedded = _embedded_ipv4(address)
        if embedded is not None:
            return is_public_address(embedded)
        return address in _GLOBAL_UNICAST_IPV6 and not any(address in network for network in _BLOCKED_IPV6)
    return not any(address in network for network in _BLOCKED_IPV4)


def _embedded_ipv4(address: IPv6Address) -> IPv4Address | None:
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address in _NAT64_IPV6:
        return IPv4Address(int(address) & 0xFFFFFFFF)
    return address.sixtofour


def normalize_hosts(hosts: Iterable[str]) -> frozenset[str]:
    """Host names as `check_url` compares them: lower case, no trailing dot, IPv6 without brackets."""
    return frozenset(host.strip().strip("[]").rstrip(".").lower() for host in hosts if host.strip())


@dataclass(frozen=True, slots=True)
class Target:
    """A URL that passed the checks that need no DNS."""

    url: httpx.URL
    host: str  # as httpx sends it to the network backend
    port: int
    address: IPAddress | None  # the host is an IP address (in any spelling)
    trusted: bool  # on the tests-only allow-list: address and port rules do not apply


def check_url(
    url: str,
    *,
    base: httpx.URL | None = None,
    allowed_private_hosts: frozenset[str] = frozenset(),
    allowed_ports: Collection[int] = DEFAULT_ALLOWED_PORTS,
) -> Target:
    """Apply every rule that needs no DNS to `url` (resolved against `base` for redirects)."""
    if len(url) > MAX_URL_LENGTH:
        raise InvalidUrl(f"URLs longer than {MAX_URL_LENGTH} characters are not accepted")
    # Parsers disagree about these characters; refusing them avoids reading a different host than the client.
    if _UNSAFE_URL_CHARACTERS.search(url):
        raise InvalidUrl("URLs with whitespace, control characters or backslashes are not accepted")
    try:
        parsed = base.join(url) if base is not None else httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise InvalidUrl(f"Invalid URL: {exc}") from exc
    if parsed.scheme not in ("http", "https"):
        raise InvalidUrl("Only http and https URLs can be fetched")
    if parsed.userinfo:
        raise InvalidUrl("URLs with credentials are not accepted")
    host = parsed.raw_host.decode("ascii")
    name = host.rstrip(".").lower()
    if not name:
        raise InvalidUrl("The URL has no host")
    address = _host_address(name)
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    if not 0 < port < 65536:
        raise InvalidUrl(f"Port {port} is out of range")
    trusted = name in allowed_private_hosts
    if not trusted:
        if address is not None and not is_public_address(address):
            spelled = name if name == str(address) else f"{name} ({address})"
            raise BlockedAddress(f"{spelled} is not a public address")
        if address is None and ("." not in name or name == "localhost" or name.endswith(".localhost")):
            raise BlockedAddress(f"{name} is not a public host name")
        if port not in allowed_ports:
            allowed = ", ".join(str(allowed_port) for allowed_port in sorted(allowed_ports))
            raise BlockedAddress(f"Port {port} is not allowed (allowed: {allowed})")
    return Target(url=parsed, host=host, port=port, address=address, trusted=trusted)


def validate_public_url(
    url: str,
    *,
    allowed_private_hosts: frozenset[str] = frozenset(),
    allowed_ports: Collection[int] = DEFAULT_ALLOWED_PORTS,
) -> str:
    """Check a URL field without DNS (scheme, credentials, host, literal IP, port); return it normalised.

    Raises `InvalidUrl` or `BlockedAddress`. The fetcher repeats these checks and adds the DNS ones.
    """
    target = check_url(url, allowed_private_hosts=normalize_hosts(allowed_private_hosts), allowed_ports=allowed_ports)
    return str(target.url)


def names_public_host(url: str, allowed_private_hosts: frozenset[str] = frozenset()) -> bool:
    """Without DNS: False when the URL's host is a literal non-public address (in any spelling), `localhost` or a
    single label. For links that are stored or shown, never fetched (item and extracted image URLs)."""
    try:
        name = httpx.URL(url).raw_host.decode("ascii").rstrip(".").lower()
        address = _host_address(name)
    except (httpx.InvalidURL, InvalidUrl, UnicodeDecodeError):
        return False
    if name in allowed_private_hosts:
        return True
    if address is not None:
        return is_public_address(address)
    return "." in name and name != "localhost" and not name.endswith(".localhost")


def _host_address(name: str) -> IPAddress | None:
    try:
        return ip_address(name)
    except ValueError:
        pass
    labels = name.split(".")
    if not _NUMERIC_LABEL.fullmatch(labels[-1]):
        return None
    # A host ending in a number is an IPv4 address to browsers and to inet_aton ("2130706433", "0x7f.1", "127.1"):
    # read it the same way so a disguised loopback address is judged as one.
    numbers = [_ipv4_number(label, name) for label in labels]
    *leading, last = numbers
    if len(numbers) > 4 or any(number > 255 for number in leading) or last >= 256 ** (5 - len(numbers)):
        raise InvalidUrl(f"{name} is neither a host name nor an IPv4 address")
    return IPv4Address(sum(number << (8 * (3 - index)) for index, number in enumerate(leading)) + last)


def _ipv4_number(label: str, name: str) -> int:
    try:
        if not _NUMERIC_LABEL.fullmatch(label):
            raise ValueError(label)
        if label.startswith("0x"):
            return int(label[2:] or "0", 16)
        if len(label) > 1 and label.startswith("0"):
            return int(label, 8)
        return int(label)
    except ValueError as exc:
        raise InvalidUrl(f"{name} is neither a host name nor an IPv4 address") from exc


async def system_resolver(host: str, port: int) -> list[str]:
    """Resolve with the operating system's resolver in the loop's thread pool, never blocking the event loop."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


async def resolve_allowed(target: Target, resolver: Resolver) -> tuple[str, ...]:
    """The addresses to connect to for `target`; every resolved address must be public (unless trusted)."""
    if target.address is not None:
        return (str(target.address),)
    try:
        resolved = await resolver(target.host, target.port)
    except OSError as exc:
        raise ConnectionFailed(f"Cannot resolve {target.host}") from exc
    addresses = list(dict.fromkeys(ip_address(address) for address in resolved))
    if not addresses:
        raise ConnectionFailed(f"Cannot resolve {target.host}")
    if not target.trusted and not all(is_public_address(address) for address in addresses):
        raise BlockedAddress(f"{target.host} resolves to a non-public address")
    return tuple(str(address) for address in addresses)
