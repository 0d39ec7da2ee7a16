"""validate_public_url: the checks that need no DNS, as used to validate URL fields in requests."""

from __future__ import annotations

import pytest

from app.net import BlockedAddress, InvalidUrl, validate_public_url


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://127.255.255.254:80/",
        "http://10.1.2.3/",
        "http://172.16.0.1/",
        "http://172.31.255.255/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://100.64.0.1/",
        "http://0.0.0.0/",
        "http://224.0.0.1/",
        "http://240.0.0.1/",
        "http://255.255.255.255/",
        "http://198.18.0.1/",
        "http://[::1]/",
        "http://[::]/",
        "http://[fc00::1]/",
        "http://[fd12:3456::1]/",
        "http://[fe80::1]/",
        "http://[fec0::1]/",
        "http://[ff02::1]/",
        "http://[2001:db8::1]/",
        "http://[::ffff:7f00:1]/",
        "http://[::ffff:169.254.169.254]/",
        "http://[64:ff9b::a00:1]/",  # NAT64 form of 10.0.0.1
        "http://[2002:7f00:1::]/",  # 6to4 form of 127.0.0.1
        "http://2130706433/",  # 127.0.0.1 as one decimal number
        "http://017700000001/",  # ... as one octal number
        "http://0x7f.1/",
        "http://127.1/",
        "http://0xA9.0xFE.0xA9.0xFE/",  # 169.254.169.254 in hex
        "http://localhost/",
        "http://LocalHost./",
        "http://api.localhost/",
        "http://intranet/",
        "http://metadata/computeMetadata/v1/",
    ],
)
def test_refuses_non_public_hosts(url: str) -> None:
    with pytest.raises(BlockedAddress):
        validate_public_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "gopher://example.com/_GET",
        "ftp://example.com/a.png",
        "javascript:alert(1)",
        "data:image/png;base64,AAAA",
        "//example.com/a.png",
        "/a.png",
        "",
        "http://user:secret@example.com/",
        "http://user@example.com/",
        "http://example.com\\@127.0.0.1/",
        "http://example.com /a.png",
        "https://cdn.example.com/a b.png",  # unescaped space: refused, not guessed at
        "http://example.com/a\n.png",
        "http://0177.0.0.1/",
        "http://1.2.3.4.5/",
        "http://shop.123/",
        "http://256.1.1.1/",
        "http://example.com:99999/",
        "https://example.com/" + "a" * 5000,
    ],
)
def test_refuses_malformed_or_non_http_urls(url: str) -> None:
    with pytest.raises(InvalidUrl):
        validate_public_url(url)


@pytest.mark.parametrize("url", ["http://example.com:22/", "https://example.com:8443/a.png", "http://1.1.1.1:6379/"])
def test_refuses_unusual_ports(url: str) -> None:
    with pytest.raises(BlockedAddress, match="Port"):
        validate_public_url(url)


@pytest.mark.parametrize(
    ("url", "normalised"),
    [
        ("https://example.com/a.png?w=800", "https://example.com/a.png?w=800"),
        ("HTTPS://Shop.Example.COM/a.png", "https://shop.example.com/a.png"),
        ("http://example.com:80/a.png", "http://example.com/a.png"),
        ("https://bücher.de/bild.jpg", "https://xn--bcher-kva.de/bild.jpg"),
        ("http://93.184.215.14/a.png", "http://93.184.215.14/a.png"),
        ("http://[2606:4700:4700::1111]/a.png", "http://[2606:4700:4700::1111]/a.png"),
    ],
)
def test_accepts_public_urls(url: str, normalised: str) -> None:
    assert validate_public_url(url) == normalised


def test_accepts_other_ports_when_configured() -> None:
    url = "https://example.com:8443/a.png"
    assert validate_public_url(url, allowed_ports={443, 8443}) == url


def test_allow_list_exempts_exactly_the_named_hosts() -> None:
    allowed = frozenset({"Shop.Test", "127.0.0.1"})
    assert validate_public_url("http://shop.test:5000/a.png", allowed_private_hosts=allowed)
    assert validate_public_url("http://127.0.0.1:5000/a.png", allowed_private_hosts=allowed)
    with pytest.raises(BlockedAddress):
        validate_public_url("http://127.0.0.2:5000/a.png", allowed_private_hosts=allowed)
    with pytest.raises(InvalidUrl):  # the allow-list never permits credentials or other schemes
        validate_public_url("ftp://shop.test/a.png", allowed_private_hosts=allowed)
