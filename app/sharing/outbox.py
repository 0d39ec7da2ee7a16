"""The outbox entry: every email is first recorded here, then sent by a worker (see worker.py)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from bson import ObjectId

from app.mail import OutgoingEmail

Kind = Literal["share", "password_reset"]
SHARE: Kind = "share"
PASSWORD_RESET: Kind = "password_reset"

QUEUED = "queued"
SENDING = "sending"
SENT = "sent"
FAILED = "failed"
SKIPPED = "skipped"  # nothing to send after all (a password reset for an email with no account)


def new_entry(kind: Kind, *, now: datetime, **fields: Any) -> dict[str, Any]:
    return {
        "_id": ObjectId(),
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
        **fields,
    }


def stored_email(email: OutgoingEmail) -> dict[str, Any]:
    return {"to": list(email.to), "subject": email.subject, "text": email.text, "html": email.html}


def email_from_entry(entry: dict[str, Any]) -> OutgoingEmail:
    stored = entry["email"]
    return OutgoingEmail(
        to=tuple(stored["to"]),
        subject=stored["subject"],
        text=stored["text"],
        html=stored.get("html"),
        idempotency_key=str(entry["_id"]),
    )
