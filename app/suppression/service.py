"""Adding to the suppression list, and the question every send asks it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pymongo.asynchronous.database import AsyncDatabase

from app.clock import utc_now
from app.config import Settings
from app.suppression import repository
from app.suppression.tokens import address_key, unsubscribe_token

Reason = Literal["unsubscribed", "complained", "bounced"]
# A hard bounce means the mailbox does not exist: nothing goes there. Unsubscribing or reporting spam is about the
# mail nobody asked for (shares, invitations, alerts); the person's own account mail (a reset they requested)
# still reaches them.
_BLOCKS_EVERY_MAIL: frozenset[str] = frozenset({"bounced"})


def unsubscribe_url(settings: Settings, address: str) -> str:
    """The one-click unsubscribe link for a mail to `address`, at PUBLIC_APP_URL."""
    return f"{settings.public_app_url.rstrip('/')}/unsubscribe/{unsubscribe_token(settings.jwt_secret_key, address)}"


async def suppress(db: AsyncDatabase, *, reason: Reason, address: str | None = None, key: str | None = None) -> None:
    """Stop mailing an address (or the address behind an unsubscribe link's key)."""
    resolved = key or address_key(address or "")
    await repository.add(db, key=resolved, reason=reason, now=utc_now())


async def blocked(db: AsyncDatabase, addresses: Sequence[str], *, unsolicited: bool) -> dict[str, str]:
    """The addresses of `addresses` this mail must not go to, each with why (e.g. `unsubscribed`)."""
    keys = {address: address_key(address) for address in addresses}
    reasons = await repository.reasons_for(db, keys.values())
    verdicts: dict[str, str] = {}
    for address, key in keys.items():
        applying = [r for r in reasons.get(key, []) if unsolicited or r in _BLOCKS_EVERY_MAIL]
        if applying:
            verdicts[address] = ", ".join(sorted(applying))
    return verdicts
