"""Reading what the outbox worker wrote with the file email backend: the .eml files under DATA_DIR/outbox."""

from __future__ import annotations

import asyncio
import re
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

_CODE = re.compile(r"Or enter this code: (\S+)")


def emails_to(outbox_dir: Path, address: str, subject: str = "") -> list[EmailMessage]:
    """Oldest first."""
    paths = sorted(outbox_dir.glob("*.eml"), key=lambda path: path.stat().st_mtime_ns)
    messages = [message_from_bytes(path.read_bytes(), policy=default) for path in paths]
    return [m for m in messages if m["To"] == address and subject in str(m["Subject"])]


def body_text(message: EmailMessage, kind: str = "plain") -> str:
    """The text of the message's plain (or "html") body."""
    part = message.get_body((kind,))
    assert part is not None, f"no {kind} body"
    return str(part.get_content())


async def wait_for_emails(outbox_dir: Path, address: str, subject: str, count: int = 1) -> list[EmailMessage]:
    """The emails to `address` whose subject contains `subject`, once `count` of them have been written."""
    for _ in range(300):
        found = emails_to(outbox_dir, address, subject)
        if len(found) >= count:
            return found
        await asyncio.sleep(0.05)
    raise AssertionError(f"no {count} email(s) {subject!r} to {address} in 15 s")


def code_in(message: EmailMessage) -> str:
    """The single-use code an account email carries (the same token as in its link)."""
    match = _CODE.search(body_text(message))
    assert match is not None, body_text(message)
    return match.group(1)
