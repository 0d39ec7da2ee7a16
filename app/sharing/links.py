"""Public read-only links to a cart: created, listed and revoked by the owner; opened by anyone holding one.

A link's token is never stored. It is an HMAC of the link's id and a random nonce under the server secret, so the
database keeps only its SHA-256 (for the lookup) and the nonce: a copy of the database opens no cart, while the
server can still show the owner their link again and put it in a share email. Rotating JWT_SECRET_KEY therefore
retires every link, which is what a leaked secret calls for anyway.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from datetime import UTC, datetime
from typing import Any

from bson import ObjectId
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.database import AsyncDatabase

from app.auth import service as auth_service
from app.carts import service as carts
from app.clock import utc_now
from app.config import Settings
from app.errors import NotFound, QuotaExceeded, UnprocessableEntity
from app.items import service as items
from app.items.ordering import ItemSort
from app.items.schemas import ItemOut
from app.sharing import repository
from app.sharing.compose import http_url
from app.sharing.schemas import ExportedLinkOut, LinkOut, SharedCartOut, SharedItemOut

MAX_LINKS_PER_CART = 20
_PURPOSE = b"buyhive share link v1\x00"
# 32 bytes of HMAC-SHA256 in unpadded base64url: 256 bits, far beyond guessing.
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{43}")
_LINK_NOT_FOUND = "Link not found"


def _token(settings: Settings, link_id: ObjectId, nonce: bytes) -> str:
    mac = hmac.new(settings.jwt_secret_key.encode(), _PURPOSE + link_id.binary + nonce, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac).decode().rstrip("=")


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def link_url(settings: Settings, token: str) -> str:
    return f"{settings.public_app_url.rstrip('/')}/s/{token}"


def _link_out(settings: Settings, link: dict[str, Any]) -> LinkOut:
    token = _token(settings, link["_id"], link["nonce"])
    return LinkOut(
        link_id=link["_id"],
        url=link_url(settings, token),
        created_at=link["created_at"],
        expires_at=link.get("expires_at"),
    )


async def create_link(
    db: AsyncDatabase, settings: Settings, *, user_id: ObjectId, cart_id: ObjectId, expires_at: datetime | None
) -> LinkOut:
    """A new public link to the owner's cart, optionally expiring; at most MAX_LINKS_PER_CART live at once."""
    await carts.get_owned_cart(db, user_id=user_id, cart_id=cart_id)
    now = utc_now()
    if expires_at is not None:  # stored to the millisecond, as MongoDB keeps it, so the answer equals the list
        expires_at = expires_at.astimezone(UTC).replace(microsecond=expires_at.microsecond // 1000 * 1000)
    if expires_at is not None and expires_at <= now:
        raise UnprocessableEntity("expires_at must be in the future", details=[{"loc": ["body", "expires_at"]}])
    if await repository.count_live_links(db, cart_id=cart_id, now=now) >= MAX_LINKS_PER_CART:
        raise QuotaExceeded("links per cart", MAX_LINKS_PER_CART)
    link_id, nonce = ObjectId(), secrets.token_bytes(16)
    link = {
        "_id": link_id,
        "cart_id": cart_id,
        "owner_id": user_id,
        "nonce": nonce,
        "token_hash": _token_hash(_token(settings, link_id, nonce)),
        "created_at": now,
        "expires_at": expires_at,
    }
    await repository.insert_link(db, link)
    return _link_out(settings, link)


async def list_links(db: AsyncDatabase, settings: Settings, *, user_id: ObjectId, cart_id: ObjectId) -> list[LinkOut]:
    """The cart's live links, oldest first."""
    await carts.get_owned_cart(db, user_id=user_id, cart_id=cart_id)
    links = await repository.list_live_links(db, cart_id=cart_id, now=utc_now())
    return [_link_out(settings, link) for link in links]


async def revoke_link(db: AsyncDatabase, *, user_id: ObjectId, cart_id: ObjectId, link_id: ObjectId) -> None:
    """Delete the link: the next request with its token finds nothing."""
    await carts.get_owned_cart(db, user_id=user_id, cart_id=cart_id)
    if not await repository.delete_link(db, cart_id=cart_id, link_id=link_id):
        raise NotFound(_LINK_NOT_FOUND)


async def newest_link_url(db: AsyncDatabase, settings: Settings, *, user_id: ObjectId, cart_id: ObjectId) -> str | None:
    """The newest live link to the owner's cart, for a share email to point at; None when the cart has none."""
    await carts.get_owned_cart(db, user_id=user_id, cart_id=cart_id)
    links = await repository.list_live_links(db, cart_id=cart_id, now=utc_now())
    return _link_out(settings, links[-1]).url if links else None


async def links_of(db: AsyncDatabase, *, user_id: ObjectId) -> list[ExportedLinkOut]:
    """The person's live links, without their tokens (the account export)."""
    return [
        ExportedLinkOut(
            link_id=link["_id"],
            cart_id=link["cart_id"],
            created_at=link["created_at"],
            expires_at=link.get("expires_at"),
        )
        for link in await repository.list_owner_links(db, user_id=user_id, now=utc_now())
    ]


def _shared_item(item: ItemOut) -> SharedItemOut:
    return SharedItemOut(
        id=item.id,
        name=item.name,
        url=http_url(item.url),
        image_url=http_url(item.image_url),
        price=item.price,
        currency=item.currency,
        quantity=item.quantity,
        brand=item.brand,
        variant=item.variant,
    )


async def live_link(db: AsyncDatabase, *, token: str) -> dict[str, Any]:
    """The live link with this token (`owner_id`, `cart_id`); 404 for unknown, revoked or expired ones."""
    link = None
    if TOKEN_PATTERN.fullmatch(token):
        link = await repository.find_live_by_token_hash(db, token_hash=_token_hash(token), now=utc_now())
    if link is None:
        raise NotFound(_LINK_NOT_FOUND)
    return link


async def open_link(db: AsyncDatabase, *, token: str, cursor: str | None, limit: int) -> SharedCartOut:
    """The cart behind a live link as it is now, newest items first; anything else (unknown, revoked, expired,
    cart deleted) is the same 404."""
    link = await live_link(db, token=token)
    owner_id, cart_id = link["owner_id"], link["cart_id"]
    cart = await carts.get_cart(db, user_id=owner_id, cart_id=cart_id)
    page = await items.list_cart_items(
        db, user_id=owner_id, cart_id=cart_id, q=None, sort=ItemSort.NEWEST, cursor=cursor, limit=limit
    )
    owner = await auth_service.get_user(db, owner_id)
    return SharedCartOut(
        name=cart.name,
        owner_name=owner.name or None,
        item_count=cart.item_count,
        totals=cart.totals,
        items=[_shared_item(item) for item in page.items],
        next_cursor=page.next_cursor,
    )


class _Links:
    """Links go with their cart, and with their owner's account."""

    async def forget_cart(self, db: AsyncDatabase, *, cart_id: ObjectId, session: AsyncClientSession) -> None:
        await repository.delete_cart_links(db, cart_id=cart_id, session=session)

    async def forget_owner(self, db: AsyncDatabase, *, user_id: ObjectId, session: AsyncClientSession) -> None:
        await repository.delete_owner_links(db, user_id=user_id, session=session)


carts.register_dependent(_Links())
