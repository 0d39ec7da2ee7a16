"""The share email: user text comes out escaped, only http(s) links and images render."""

from __future__ import annotations

from decimal import Decimal
from html.parser import HTMLParser
from typing import Any

import pytest

from app.sharing.compose import (
    ANONYMOUS_SENDER,
    MAX_ITEMS_IN_EMAIL,
    MAX_SENDER_NAME,
    SharedItem,
    compose_share_email,
    http_url,
    price_text,
    sender_display_name,
)

HOSTILE = "<script>alert(1)</script>"
UNSUBSCRIBE = "https://app.buyhive.test/unsubscribe/key.signature"


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


def _share(**overrides: Any) -> tuple[str, str]:
    arguments = {
        "recipient": "ann@example.com",
        "sender_name": "Bob",
        "unsubscribe_url": UNSUBSCRIBE,
        "cart_name": HOSTILE,
        "items": [
            SharedItem(
                name=f"Mug {HOSTILE}",
                url="javascript:alert(document.cookie)",
                price=Decimal("19.9"),
                currency="EUR",
                image_url="javascript:alert(2)",
                notes='"><img src=x onerror=alert(3)>',
            ),
            SharedItem(name="Lamp", url="https://shop.example/lamp?a=1&b=2", image_url="https://cdn.example/l.png"),
        ],
        "message": "Look at <b>these</b>",
    } | overrides
    email = compose_share_email(**arguments)
    return email.html or "", email.text


def test_hostile_user_text_is_escaped_and_no_script_survives() -> None:
    html, _ = _share()
    page = _parse(html)

    assert all(tag not in ("script", "b") for tag, _ in page.tags)
    assert [tag for tag, _ in page.tags if tag == "img"] == ["img"]  # the note's <img onerror> stayed text
    visible = "".join(page.text)
    assert HOSTILE in visible
    assert "Look at <b>these</b>" in visible
    assert '"><img src=x onerror=alert(3)>' in visible


def test_only_http_links_and_images_render() -> None:
    html, text = _share()
    page = _parse(html)

    hrefs = [attrs["href"] for tag, attrs in page.tags if tag == "a"]
    sources = [attrs["src"] for tag, attrs in page.tags if tag == "img"]
    assert hrefs == ["https://shop.example/lamp?a=1&b=2", UNSUBSCRIBE]
    assert sources == ["https://cdn.example/l.png"]
    assert "javascript:" not in html
    assert "javascript:" not in text


def test_plain_text_lists_items_with_prices_links_and_the_message() -> None:
    _, text = _share()

    assert f'Bob, a BuyHive user, shared a cart with you. Its name, as they wrote it: "{HOSTILE}"' in text
    assert f"- Mug {HOSTILE} - 19.90 EUR" in text
    assert "https://shop.example/lamp?a=1&b=2" in text
    assert "> Look at <b>these</b>" in text  # plain text shows user text as typed, quoted


def test_long_carts_are_cut_with_a_count_of_the_rest() -> None:
    items = [SharedItem(name=f"item {n}") for n in range(MAX_ITEMS_IN_EMAIL + 3)]

    html, text = _share(items=items)

    assert f"item {MAX_ITEMS_IN_EMAIL - 1}" in text
    assert f"item {MAX_ITEMS_IN_EMAIL}\n" not in text
    assert "and 3 more items" in text
    assert "and 3 more items" in html


def test_subject_names_sender_and_cart_on_one_line() -> None:
    email = compose_share_email(
        recipient="ann@example.com",
        sender_name="Bob\r\nBcc: x@evil.test",
        cart_name="Gifts",
        items=[],
        message=None,
        unsubscribe_url=UNSUBSCRIBE,
    )

    assert email.subject == "Shared cart on BuyHive from Bob Bcc: “Gifts”"
    assert "This cart is empty" in email.text


@pytest.mark.parametrize(
    ("url", "rendered"),
    [
        ("https://shop.example/p?q=1", True),
        ("http://shop.example", True),
        ("HTTPS://shop.example/x", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("data:text/html,<script>", False),
        ("//shop.example/p", False),
        ("https://", False),
        ("https://shop.example/a b", False),
        ("https://shop.example/\nx", False),
        ("", False),
        (None, False),
    ],
)
def test_http_url_accepts_only_absolute_http_urls(url: str | None, rendered: bool) -> None:
    assert (http_url(url) is not None) is rendered


def test_price_text_keeps_cents_and_currency() -> None:
    assert price_text(Decimal("1234.5"), "USD") == "1,234.50 USD"
    assert price_text(Decimal("0.1234"), "USD") == "0.1234 USD"
    assert price_text(Decimal("3"), None) == "3.00"
    assert price_text(None, "USD") is None


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("IT Helpdesk (spammer1@example.net)", "IT Helpdesk"),
        ("support@paypal.com", ANONYMOUS_SENDER),
        ("Security <security@bank.example>", "Security"),
        ("Bank＠security.example Team", "Team"),  # a fullwidth @ is an @
        ("Ann\u202egnp.exe", "Ann gnp.exe"),  # the right-to-left override goes
        ("Ann\u2066 Lee\u2069", "Ann Lee"),  # so do isolates
        ("Ann\nBcc: x\u2028Lee\x00", "Ann Bcc: x Lee"),
        ("A" * 300, "A" * (MAX_SENDER_NAME - 1) + "…"),
        ("Zoë 👩\u200d👩\u200d👧", "Zoë 👩\u200d👩\u200d👧"),  # zero-width joiners in emoji stay
        ("", ANONYMOUS_SENDER),
        (None, ANONYMOUS_SENDER),
    ],
)
def test_sender_name_is_shown_as_a_name_never_an_address(name: str | None, shown: str) -> None:
    assert sender_display_name(name) == shown


def test_attacker_text_comes_after_our_words_quoted_and_capped() -> None:
    lure = "ACTION REQUIRED: your mailbox is full \u202e" + "x" * 200
    email = compose_share_email(
        recipient="ann@example.com",
        sender_name="IT Helpdesk (spammer1@example.net)",
        cart_name=lure,
        items=[],
        message="Log in now\u2028at https://evil.example\u202e",
        unsubscribe_url=UNSUBSCRIBE,
        reply_to="spammer1@example.net",
    )

    assert email.subject.startswith("Shared cart on BuyHive from IT Helpdesk: “ACTION REQUIRED: your mailbox is full x")
    assert email.subject.endswith("…”")
    assert len(email.subject) < 120
    for part in (email.subject, email.text, email.html or ""):
        assert "\u202e" not in part and "\u2028" not in part
        assert "spammer1@example.net" not in part  # the address is in Reply-To only
    assert "> Log in now\n> at https://evil.example" in email.text
    assert "written by IT Helpdesk, not by BuyHive" in email.text
    assert "Replying to this email writes to IT Helpdesk." in email.text
    assert (email.reply_to, email.unsubscribe_url, email.to) == (
        "spammer1@example.net",
        UNSUBSCRIBE,
        ("ann@example.com",),
    )
    mime = email.to_mime("no-reply@buyhive.test")
    assert (mime["From"], mime["To"], mime["Reply-To"]) == (
        "no-reply@buyhive.test",
        "ann@example.com",
        "spammer1@example.net",
    )
    assert mime["List-Unsubscribe"] == f"<{UNSUBSCRIBE}>"
    assert mime["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
