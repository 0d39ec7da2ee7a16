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
    # Where replies go (a sharer's verified address); From is always our own sender.
    reply_to: str | None = None
    # RFC 8058 one-click unsubscribe for this recipient. A mail that offers it is one the recipient did not ask
    # for (a share, an invitation, an alert): the outbox skips it for an address that unsubscribed or complained.
    unsubscribe_url: str | None = None

    def __post_init__(self) -> None:
        if not self.to:
            raise ValueError("an email needs at least one recipient")
        # The subject carries user text (cart names): a line break there would be header injection.
        object.__setattr__(self, "subject", _LINE_BREAKS.sub(" ", self.subject).strip())
        if self.unsubscribe_url is not None and len(self.to) != 1:
            raise ValueError("an unsubscribe link is one recipient's: send one email per recipient")
        for header_value in (self.reply_to, self.unsubscribe_url):
            if header_value is not None and not header_value.isprintable():
                raise ValueError("header values must be one printable line")

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
        if self.reply_to:
            message["Reply-To"] = self.reply_to
        if self.unsubscribe_url:
            message["List-Unsubscribe"] = f"<{self.unsubscribe_url}>"
            message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
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
