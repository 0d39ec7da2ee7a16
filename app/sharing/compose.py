"""The share email, rendered when the cart is shared (HTML and plain text) and sent by the outbox as stored."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from app.mail import OutgoingEmail
from app.outbox.registry import register_composer, send_stored_email
from app.outbox.rendering import email_templates
from app.text import display_line, display_paragraphs
from app.weburl import MAX_URL_LENGTH, is_web_url

# The outbox kind of a share. Its email is rendered at share time, so it shows the cart as it was then.
SHARE = "share"
register_composer(SHARE, send_stored_email)

MAX_ITEMS_IN_EMAIL = 100
# What attacker-chosen text may take up: short enough that a name or a cart name cannot carry a whole lure.
MAX_SENDER_NAME = 40
MAX_CART_NAME_IN_SUBJECT = 60
MAX_CART_NAME = 120
MAX_MESSAGE = 1000
ANONYMOUS_SENDER = "A BuyHive user"

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


def sender_display_name(name: str | None) -> str:
    """The sharer as the recipient sees them: a name, never something that reads as a sender address.

    Words holding an @ (any width of it) are dropped, with the characters that frame an address; control, bidi and
    line-breaking characters go (display_line); what is left is cut to MAX_SENDER_NAME characters."""
    words = [word for word in (name or "").split() if "@" not in unicodedata.normalize("NFKC", word)]
    framed = " ".join(words).translate(str.maketrans("", "", '<>"'))
    return display_line(framed, max_length=MAX_SENDER_NAME).strip(" ()[],;:") or ANONYMOUS_SENDER


def compose_share_email(
    *,
    recipient: str,
    sender_name: str | None,
    cart_name: str,
    items: Sequence[SharedItem],
    message: str | None,
    unsubscribe_url: str,
    reply_to: str | None = None,
    total_items: int | None = None,
    link_url: str | None = None,
) -> OutgoingEmail:
    """The email of a share to one recipient: the cart's items as HTML and plain text, every piece of user text
    escaped, shown as quoted user text under our own wording, and with the recipient's unsubscribe link.

    At most MAX_ITEMS_IN_EMAIL items are listed; `total_items` (default: len(items)) sets the "and N more" line.
    `reply_to` is the sharer's address once it is verified; it never appears in the subject or body.
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
    sender = sender_display_name(sender_name)
    context = {
        "sender_name": sender,
        "cart_name": display_line(cart_name, max_length=MAX_CART_NAME),
        "message": display_paragraphs(message, max_length=MAX_MESSAGE) if message else None,
        "items": shown,
        "link_url": http_url(link_url),  # the cart's public link: the list as it is now, not this snapshot
        "more_count": max(0, (total_items if total_items is not None else len(items)) - len(shown)),
        "can_reply": reply_to is not None,
        "unsubscribe_url": unsubscribe_url,
    }
    # Our words first, the user's text after them and quoted: a cart called "ACTION REQUIRED: ..." reads as
    # what a person named their cart, not as a notice from BuyHive.
    cart_in_subject = display_line(cart_name, max_length=MAX_CART_NAME_IN_SUBJECT)
    return OutgoingEmail(
        to=(recipient,),
        subject=f"Shared cart on BuyHive from {sender}: “{cart_in_subject}”",
        text=_templates.get_template("share.txt").render(context),
        html=_templates.get_template("share.html").render(context),
        reply_to=reply_to,
        unsubscribe_url=unsubscribe_url,
    )
