"""Structured-data blocks for the pages extraction tests write."""

from __future__ import annotations

import json
from collections.abc import Mapping


def jsonld(data: Mapping[str, object]) -> str:
    """A JSON-LD `<script>` block."""
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def product_jsonld(name: str, price: str, currency: str) -> str:
    """A JSON-LD Product selling at one price."""
    return jsonld(
        {"@type": "Product", "name": name, "offers": {"@type": "Offer", "price": price, "priceCurrency": currency}}
    )
