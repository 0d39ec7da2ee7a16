"""Which composer turns an entry of each kind into an email. Each domain registers its own kinds at import."""

from __future__ import annotations

from typing import Protocol

from pymongo.asynchronous.database import AsyncDatabase

from app.config import Settings
from app.mail import OutgoingEmail
from app.outbox.schemas import OutboxEntry, email_from_entry


class Composer(Protocol):
    async def __call__(self, entry: OutboxEntry, *, db: AsyncDatabase, settings: Settings) -> OutgoingEmail | None:
        """The email for this entry, composed at send time; None when there is nothing to send after all."""
        ...


class UnknownKind(LookupError):
    """An entry whose kind no composer is registered for (a typo, or a kind this code version does not know)."""


class ComposerRegistry:
    def __init__(self) -> None:
        self._composers: dict[str, Composer] = {}

    def register(self, kind: str, composer: Composer) -> None:
        """Register `composer` for `kind`; registering the same one again is a no-op, a different one an error."""
        known = self._composers.get(kind)
        if known is not None and known is not composer:
            raise ValueError(f"outbox kind {kind!r} already has a composer")
        self._composers[kind] = composer

    def composer_for(self, kind: str) -> Composer:
        try:
            return self._composers[kind]
        except KeyError:
            raise UnknownKind(f"no composer registered for outbox kind {kind!r}") from None

    def __contains__(self, kind: object) -> bool:
        return kind in self._composers


# The registry the app's workers use; domains add to it when their module is imported.
composers = ComposerRegistry()
register_composer = composers.register


async def send_stored_email(entry: OutboxEntry, *, db: AsyncDatabase, settings: Settings) -> OutgoingEmail:
    """The composer for emails rendered when they were enqueued (their payload has `email=stored_email(...)`)."""
    return email_from_entry(entry)
