"""canonical_url: the key that makes one item per product page."""

from __future__ import annotations

import pytest

from app.items.canonical import canonical_url


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("https://shop.example/p", "https://shop.example/p"),
        ("HTTPS://Shop.EXAMPLE/p", "https://shop.example/p"),
        ("https://shop.example/Path/Case", "https://shop.example/Path/Case"),
        ("https://shop.example", "https://shop.example/"),
        ("https://shop.example./p", "https://shop.example/p"),
        ("https://shop.example:443/p", "https://shop.example/p"),
        ("http://shop.example:80/p", "http://shop.example/p"),
        ("https://shop.example:8443/p", "https://shop.example:8443/p"),
        ("https://shop.example/p#reviews", "https://shop.example/p"),
        ("https://shop.example/p?b=2&a=1", "https://shop.example/p?a=1&b=2"),
        ("https://shop.example/p?utm_source=x&utm_medium=y&UTM_Campaign=z", "https://shop.example/p"),
        ("https://shop.example/p?gclid=1&fbclid=2&msclkid=3&id=7", "https://shop.example/p?id=7"),
        ("https://shop.example/p?id=7&id=3", "https://shop.example/p?id=3&id=7"),
        ("https://shop.example/p?empty=", "https://shop.example/p?empty="),
        ("https://user:secret@shop.example/p", "https://shop.example/p"),
        ("  https://shop.example/p  ", "https://shop.example/p"),
        ("https://[2001:DB8::1]:8080/p", "https://[2001:db8::1]:8080/p"),
    ],
)
def test_canonical_url(url: str, canonical: str) -> None:
    assert canonical_url(url) == canonical


def test_equivalent_spellings_share_one_key() -> None:
    spellings = [
        "https://shop.example/p?color=red&size=m",
        "HTTPS://SHOP.EXAMPLE:443/p?size=m&color=red&utm_source=newsletter#top",
        "https://shop.example/p?gclid=abc&size=m&fbclid=def&color=red",
    ]
    assert len({canonical_url(url) for url in spellings}) == 1
