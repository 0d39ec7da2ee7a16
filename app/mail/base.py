"""What every email backend shares: the message, the sender interface, and how a failed send is classified."""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formatdate, make_msgid
from typing import Protocol

IDEMPOTENCY_HEADER = "X-BuyHive-Message-Key"
# 7-bit transfer encodings (quoted-printable) for non-ASCII bodies: what SES recommends for raw messages.
_POLICY = SMTP.clone(cte_type="7bit")
_LINE_BREAKS = re.compile(r"[\r\n\t\v\f]+")


@dataclass(frozen=True)
class OutgoingEmail:
    to: tuple[str, ...]
    subject: str
    text: str
    html: str | None = None
    # Stable across retries of one outbox entry, so a duplicate that slips through the at-least-once window
    # is recognisable in the mailbox and in provider logs.
    idempotency_key: str | None = None
    # Further header fields (List-Unsubscribe, ...): our own values, never user text; line breaks are removed.
    headers: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        if not self.to:
            raise ValueError("an email needs at least one recipient")
        # The subject carries user text (cart names): a line break there would be header injection.
        object.__setattr__(self, "subject", _LINE_BREAKS.sub(" ", self.subject).strip())

    def to_mime(self, sender: str) -> EmailMessage:
        """The RFC 5322 message every backend sends or stores (CRLF line endings)."""
        message = EmailMessage(policy=_POLICY)
        message["From"] = sender
        message["To"] = ", ".join(self.to)
        message["Subject"] = self.subject
        message["Date"] = formatdate(usegmt=True)
        message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
        if self.idempotency_key:
            message[IDEMPOTENCY_HEADER] = self.idempotency_key
        for name, value in self.headers:
            message[name] = _LINE_BREAKS.sub(" ", value)
        message.set_content(self.text)
        if self.html is not None:
            message.add_alternative(self.html, subtype="html")
        return message


class EmailDeliveryError(Exception):
    """A send that did not go through. `transient` failures may be retried; permanent ones will fail again."""

    def __init__(self, reason: str, *, transient: bool) -> None:
        self.reason = reason[:500]
        self.transient = transient
        super().__init__(self.reason)


class EmailSender(Protocol):
    name: str

    async def send(self, message: OutgoingEmail) -> str:
        """Hand the message to the provider; return its message id or raise EmailDeliveryError."""
        ...
