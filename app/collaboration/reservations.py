"""Gift reservations: someone other than the owner marks an item "I'm buying this"; the owner is never told.

Kept apart from the item, in their own collection, so nothing that shows an item (to its owner, in the account
export, through a public link) can carry one by accident. Members read them with GET /carts/{id}/reservations;
the owner only when they turned the cart's surprises off. A link visitor may reserve with a name, and gets a
release code, its only way to undo it.

A reservation is made in a cart, among that cart's members, and holds while its item is in that cart and its maker
on it: an item deleted, or moved out of the cart, takes its reservation with it (the members of the cart it moves
to are other people, and the one who reserved may not be among them), and so does its maker leaving the cart.
Items leave carts in many ways (deleted one by one, with their last cart, moved by the owner or an editor), so
rather than each telling us, every read checks and sweeps what no longer holds, as price watch does with its
watches. The item being one gift, reserving it through another cart that also holds it answers 409 while the
reservation holds, without saying who.
"""

from __future__ import annotations

import secrets
from typing import Any

from bson import ObjectId
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import DuplicateKeyError

from app.auth import repository as auth_repository
from app.auth.tokens import hash_token
from app.carts import service as carts
from app.carts.access import CartAccess, cart_access
from app.clock import utc_now
from app.collaboration import repository
from app.collaboration.schemas import MadeReservationOut, ReservationOut, VisitorReservation
from app.errors import Conflict, Forbidden, NotFound
from app.items import service as items


class ReservationsHidden(Forbidden):
    code = "reservations_hidden"
    message = "Reservations on your own cart stay a surprise (turn surprises off on the cart to see them)"


async def _item_in_cart(db: AsyncDatabase, *, owner_id: ObjectId, cart_id: ObjectId, item_id: ObjectId) -> None:
    item = await items.get_item(db, user_id=owner_id, item_id=item_id)  # as the owner: access is decided already
    if cart_id not in item.cart_ids:
        raise NotFound("Item not found")


async def _reserve(
    db: AsyncDatabase, access: CartAccess, *, item_id: ObjectId, member_id: ObjectId | None, name: str
) -> str | None:
    cart_id = access.cart["_id"]
    await _item_in_cart(db, owner_id=access.owner_id, cart_id=cart_id, item_id=item_id)
    release_code = None if member_id is not None else secrets.token_urlsafe(32)
    reservation = {
        "_id": ObjectId(),
        "item_id": item_id,
        "cart_id": cart_id,
        "owner_id": access.owner_id,
        "member_id": member_id,
        "name": name,
        "release_hash": hash_token(release_code) if release_code else None,
        "created_at": utc_now(),
    }
    try:
        await repository.insert_reservation(db, reservation)
    except DuplicateKeyError:
        existing = await repository.find_reservation(db, item_id=item_id)
        if existing is not None and not await _holding(db, [existing]):
            # Made in a cart the item has left since: it lapsed (swept just now), so the item is free.
            try:
                await repository.insert_reservation(db, reservation)
            except DuplicateKeyError:
                raise Conflict("Someone has already reserved this item") from None
            return release_code
        if member_id is not None and existing is not None and existing["member_id"] == member_id:
            return None  # their own reservation again: nothing changes
        raise Conflict("Someone has already reserved this item") from None
    return release_code


async def _maker_still_on(db: AsyncDatabase, row: dict[str, Any]) -> bool:
    if row["member_id"] is None:  # a link visitor's: it holds as long as its item stays
        return True
    try:
        await cart_access(db, user_id=row["member_id"], cart_id=row["cart_id"])
    except NotFound:  # they left the cart, or were removed: they could no longer see or release it
        return False
    return True


async def _holding(db: AsyncDatabase, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The reservations whose item is still in the cart they were made in, by someone still on it; the others are
    deleted."""
    holding = []
    for cart_id in {row["cart_id"] for row in rows}:
        in_cart = [row for row in rows if row["cart_id"] == cart_id]
        present = await items.still_in_cart(
            db, owner_id=in_cart[0]["owner_id"], cart_id=cart_id, item_ids=[row["item_id"] for row in in_cart]
        )
        for row in in_cart:
            if row["item_id"] in present and await _maker_still_on(db, row):
                holding.append(row)
            else:
                await repository.delete_reservation_by_id(db, row["_id"])
    return sorted(holding, key=lambda row: row["_id"])


async def reserve_as_member(db: AsyncDatabase, *, user_id: ObjectId, cart_id: ObjectId, item_id: ObjectId) -> None:
    """Reserve an item of a cart the caller is a member of (not its owner), under their display name."""
    access = await cart_access(db, user_id=user_id, cart_id=cart_id)
    await _item_in_cart(db, owner_id=access.owner_id, cart_id=cart_id, item_id=item_id)
    if access.is_owner:
        raise ReservationsHidden()
    member = await auth_repository.find_user_by_id(db, user_id)
    name = (member or {}).get("name") or "A member"
    await _reserve(db, access, item_id=item_id, member_id=user_id, name=name)


async def release_as_member(db: AsyncDatabase, *, user_id: ObjectId, cart_id: ObjectId, item_id: ObjectId) -> None:
    """Release the caller's own reservation."""
    access = await cart_access(db, user_id=user_id, cart_id=cart_id)
    await _item_in_cart(db, owner_id=access.owner_id, cart_id=cart_id, item_id=item_id)
    if access.is_owner:
        raise ReservationsHidden()
    if not await repository.delete_reservation(db, item_id=item_id, match={"member_id": user_id}):
        raise NotFound("You have no reservation on this item")


async def list_for_cart(db: AsyncDatabase, *, user_id: ObjectId, cart_id: ObjectId) -> list[ReservationOut]:
    """The reservations made in the cart that still hold, for its members (its owner only with surprises off)."""
    access = await cart_access(db, user_id=user_id, cart_id=cart_id)
    if access.is_owner and access.cart.get("surprises", True):
        raise ReservationsHidden()
    return [
        ReservationOut(
            item_id=row["item_id"], name=row["name"], by_you=row["member_id"] == user_id, since=row["created_at"]
        )
        for row in await _holding(db, await repository.reservations_in_cart(db, cart_id=cart_id))
    ]


async def reserve_as_visitor(
    db: AsyncDatabase, *, link: dict[str, Any], item_id: ObjectId, name: str
) -> VisitorReservation:
    """A link visitor reserves an item under the name they give; the answer's release code is their only way back."""
    access = CartAccess(await carts.get_owned_cart(db, user_id=link["owner_id"], cart_id=link["cart_id"]), "viewer")
    code = await _reserve(db, access, item_id=item_id, member_id=None, name=name)
    assert code is not None
    return VisitorReservation(item_id=item_id, name=name, release_code=code)


async def release_as_visitor(db: AsyncDatabase, *, link: dict[str, Any], item_id: ObjectId, release_code: str) -> None:
    await _item_in_cart(db, owner_id=link["owner_id"], cart_id=link["cart_id"], item_id=item_id)
    match = {"release_hash": hash_token(release_code)}
    if not await repository.delete_reservation(db, item_id=item_id, match=match):
        raise NotFound("No reservation with this release code")


async def reservations_made_by(db: AsyncDatabase, *, user_id: ObjectId) -> list[MadeReservationOut]:
    """The reservations the person made as a member (the account export); never those made on their own carts."""
    return [
        MadeReservationOut(item_id=row["item_id"], cart_id=row["cart_id"], name=row["name"], since=row["created_at"])
        for row in await _holding(db, await repository.reservations_by(db, member_id=user_id))
    ]


class _Reservations:
    """Reservations go with their cart, and with the account of the owner or of the member who made them."""

    async def forget_cart(self, db: AsyncDatabase, *, cart_id: ObjectId, session: AsyncClientSession) -> None:
        await repository.delete_cart_reservations(db, cart_id=cart_id, session=session)

    async def forget_owner(self, db: AsyncDatabase, *, user_id: ObjectId, session: AsyncClientSession) -> None:
        await repository.delete_reservations_naming(db, user_id=user_id, session=session)


carts.register_dependent(_Reservations())
