"""The outbox entry: bookkeeping fields every email shares, beside the fields its domain stores (its payload)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeAlias

from bson import ObjectId

from app.mail import OutgoingEmail

# A stored entry. The payload's fields sit at the top level beside the bookkeeping below, as they always have,
# so existing entries and the indexes on them (user_id/cart_id, kind/email_address) keep their shape.
OutboxEntry: TypeAlias = dict[str, Any]

QUEUED = "queued"
SENDING = "sending"
SENT = "sent"
FAILED = "failed"
SKIPPED = "skipped"  # nothing to send after all (a reset for an unknown email; a suppressed recipient, in `error`)

_BOOKKEEPING = frozenset(
    {
        "_id",
        "kind",
        "status",
        "attempts",
        "next_attempt_at",
        "lease_owner",
        "lease_until",
        "error",
        "provider_message_id",
        "created_at",
        "updated_at",
    }
)


def new_entry(kind: str, *, now: datetime, entry_id: ObjectId | None = None, **payload: Any) -> OutboxEntry:
    clash = _BOOKKEEPING.intersection(payload)
    if clash:
        raise ValueError(f"outbox payload fields clash with its bookkeeping: {sorted(clash)}")
    return {
        "_id": entry_id or ObjectId(),
        "kind": kind,
        "status": QUEUED,
        "attempts": 0,
        "next_attempt_at": now,
        "lease_owner": None,
        "lease_until": None,
        "error": None,
        "provider_message_id": None,
        "created_at": now,
        "updated_at": now,
        **payload,
    }


def stored_email(email: OutgoingEmail) -> dict[str, Any]:
    """An email rendered at enqueue time, as a payload field (see `send_stored_email`)."""
    return {
        "to": list(email.to),
        "subject": email.subject,
        "text": email.text,
        "html": email.html,
        "reply_to": email.reply_to,
        "unsubscribe_url": email.unsubscribe_url,
    }


def email_from_entry(entry: OutboxEntry) -> OutgoingEmail:
    stored = entry["email"]
    return OutgoingEmail(
        to=tuple(stored["to"]),
        subject=stored["subject"],
        text=stored["text"],
        html=stored.get("html"),
        idempotency_key=str(entry["_id"]),
        reply_to=stored.get("reply_to"),
        unsubscribe_url=stored.get("unsubscribe_url"),
    )
