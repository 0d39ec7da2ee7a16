"""The client's address, believing X-Forwarded-For only when it was appended by a trusted proxy."""

from __future__ import annotations

import ipaddress

from starlette.requests import Request


def _is_trusted(address: str, trusted: list[str]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    for entry in trusted:
        try:
            if ip in ipaddress.ip_network(entry, strict=False):
                return True
        except ValueError:
            continue
    return False


def client_ip(request: Request, trusted_proxies: list[str]) -> str:
    """Walk X-Forwarded-For from the right past trusted proxies; the first untrusted hop is the client."""
    peer = request.client.host if request.client else "unknown"
    if not _is_trusted(peer, trusted_proxies):
        return peer
    hops = [hop.strip() for hop in request.headers.get("x-forwarded-for", "").split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _is_trusted(hop, trusted_proxies):
            return hop
    return hops[0] if hops else peer


def network_key(address: str) -> str:
    """What per-IP budgets count by: an IPv4 address, or an IPv6 address's /64 (one subscriber gets a whole /64,
    so counting single IPv6 addresses would give them ~2^64 budgets)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)
