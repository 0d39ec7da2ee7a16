"""The share email, rendered when the cart is shared (HTML and plain text) and sent by the outbox as stored."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from app.mail import OutgoingEmail
from app.outbox.registry import register_composer, send_stored_email
from app.outbox.rendering import email_templates
from app.weburl import MAX_URL_LENGTH, is_web_url

# The outbox kind of a share. Its email is rendered at share time, so it shows the cart as it was then.
SHARE = "share"
register_composer(SHARE, send_stored_email)

MAX_ITEMS_IN_EMAIL = 100
_MAX_SUBJECT_NAME = 80

_templates = email_templates("app.sharing")


@dataclass(frozen=True)
class SharedItem:
    name: str
    url: str | None = None
    price: Decimal | None = None
    currency: str | None = None
    image_url: str | None = None
    notes: str | None = None
    quantity: int | None = None


def http_url(value: str | None) -> str | None:
    """The URL if it is a plain absolute http(s) URL, else None: `javascript:`, `data:` and the like never render."""
    if not value or len(value) > MAX_URL_LENGTH or not value.isprintable() or not is_web_url(value):
        return None
    return value


def price_text(price: Decimal | None, currency: str | None) -> str | None:
    if price is None:
        return None
    if price.as_tuple().exponent > -2:  # type: ignore[operator]
        price = price.quantize(Decimal("0.01"))  # "19.9" reads as "19.90"; sub-cent prices keep their digits
    return f"{price:,f} {currency}" if currency else f"{price:,f}"


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def compose_share_email(
    *,
    recipients: Sequence[str],
    sender_name: str,
    cart_name: str,
    items: Sequence[SharedItem],
    message: str | None,
    total_items: int | None = None,
    link_url: str | None = None,
) -> OutgoingEmail:
    """The email for one share: the cart's items as HTML and plain text, every piece of user text escaped.

    At most MAX_ITEMS_IN_EMAIL items are listed; `total_items` (default: len(items)) sets the "and N more" line.
    """
    shown = [
        {
            "name": item.name,
            "url": http_url(item.url),
            "image_url": http_url(item.image_url),
            "price_text": price_text(item.price, item.currency),
            "notes": item.notes,
            "quantity": item.quantity,
        }
        for item in items[:MAX_ITEMS_IN_EMAIL]
    ]
    context = {
        "sender_name": sender_name,
        "cart_name": cart_name,
        "message": message,
        "items": shown,
        "link_url": http_url(link_url),  # the cart's public link: the list as it is now, not this snapshot
        "more_count": max(0, (total_items if total_items is not None else len(items)) - len(shown)),
    }
    sender, cart = _shorten(sender_name, _MAX_SUBJECT_NAME), _shorten(cart_name, _MAX_SUBJECT_NAME)
    return OutgoingEmail(
        to=tuple(recipients),
        subject=f"{sender} shared “{cart}” on BuyHive",
        text=_templates.get_template("share.txt").render(context),
        html=_templates.get_template("share.html").render(context),
    )
