"""Recipient keys and the signed token of an unsubscribe link.

The list stores a hash of the address, never the address: it outlives accounts (someone who unsubscribed stays
unsubscribed after the sharer deletes theirs) and must not become a list of people's addresses.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re

_KEY = re.compile(r"[0-9a-f]{64}")
_SIGNATURE_BYTES = 16


def normalise_address(address: str) -> str:
    return address.strip().lower()


def address_key(address: str) -> str:
    """The stable key of a mailbox: SHA-256 of the lower-cased address (hex)."""
    return hashlib.sha256(b"buyhive-recipient:" + normalise_address(address).encode()).hexdigest()


def _signature(secret: str, key: str) -> str:
    digest = hmac.new(secret.encode(), b"unsubscribe:" + key.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:_SIGNATURE_BYTES]).rstrip(b"=").decode()


def unsubscribe_token(secret: str, address: str) -> str:
    """`<address key>.<signature>`: only a mail to that address carries it, and nobody can make one for another."""
    key = address_key(address)
    return f"{key}.{_signature(secret, key)}"


def key_from_token(secret: str, token: str) -> str | None:
    """The address key a genuine token names; None for anything else."""
    key, _, signature = token.partition(".")
    if not _KEY.fullmatch(key) or not hmac.compare_digest(signature.encode(), _signature(secret, key).encode()):
        return None
    return key
