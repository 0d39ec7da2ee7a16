"""Every query on cart invitations (membership itself is the carts domain's: app/carts/repository.py)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bson import ObjectId
from pymongo import ASCENDING, IndexModel, ReturnDocument
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.database import AsyncDatabase

INVITATIONS = "cart_invitations"


async def ensure_indexes(db: AsyncDatabase) -> None:
    await db[INVITATIONS].create_indexes(
        [
            # Sparse: an invitation has no token until its email is composed.
            IndexModel([("token_hash", ASCENDING)], unique=True, sparse=True, name="token_hash_unique"),
            IndexModel([("cart_id", ASCENDING)], name="cart"),
            IndexModel([("inviter_id", ASCENDING)], name="inviter"),
            IndexModel([("expires_at", ASCENDING)], expireAfterSeconds=0, name="expires_ttl"),
        ]
    )
    await ensure_reservation_indexes(db)


async def insert_invitation(db: AsyncDatabase, invitation: dict[str, Any], session: AsyncClientSession) -> None:
    await db[INVITATIONS].insert_one(invitation, session=session)


async def find_invitation(db: AsyncDatabase, invitation_id: ObjectId) -> dict[str, Any] | None:
    return await db[INVITATIONS].find_one({"_id": invitation_id})


async def set_token_hash(db: AsyncDatabase, *, invitation_id: ObjectId, token_hash: str) -> None:
    await db[INVITATIONS].update_one({"_id": invitation_id}, {"$set": {"token_hash": token_hash}})


async def find_live(db: AsyncDatabase, *, token_hash: str, now: datetime) -> dict[str, Any] | None:
    return await db[INVITATIONS].find_one({"token_hash": token_hash, "accepted_at": None, "expires_at": {"$gt": now}})


async def spend(db: AsyncDatabase, *, token_hash: str, now: datetime) -> dict[str, Any] | None:
    """Mark the live, unused invitation with this token accepted; None if there is none."""
    return await db[INVITATIONS].find_one_and_update(
        {"token_hash": token_hash, "accepted_at": None, "expires_at": {"$gt": now}},
        {"$set": {"accepted_at": now}},
        return_document=ReturnDocument.AFTER,
    )


async def invitations_by(db: AsyncDatabase, *, user_id: ObjectId) -> list[dict[str, Any]]:
    """Oldest first; bounded by the share rate limit and the invitations' 7-day TTL."""
    return await db[INVITATIONS].find({"inviter_id": user_id}).sort("_id", ASCENDING).to_list(None)


async def delete_cart_invitations(db: AsyncDatabase, *, cart_id: ObjectId, session: AsyncClientSession) -> None:
    await db[INVITATIONS].delete_many({"cart_id": cart_id}, session=session)


async def delete_invitations_by(db: AsyncDatabase, *, user_id: ObjectId, session: AsyncClientSession) -> None:
    await db[INVITATIONS].delete_many({"inviter_id": user_id}, session=session)


async def delete_invitations_to(db: AsyncDatabase, *, email: str, session: AsyncClientSession) -> None:
    await db[INVITATIONS].delete_many({"email": email}, session=session)


RESERVATIONS = "reservations"


async def ensure_reservation_indexes(db: AsyncDatabase) -> None:
    await db[RESERVATIONS].create_indexes(
        [
            IndexModel([("item_id", ASCENDING)], unique=True, name="one_per_item"),
            IndexModel([("cart_id", ASCENDING)], name="cart"),
            IndexModel([("owner_id", ASCENDING)], name="owner"),
            IndexModel([("member_id", ASCENDING)], name="member"),
        ]
    )


async def insert_reservation(db: AsyncDatabase, reservation: dict[str, Any]) -> None:
    await db[RESERVATIONS].insert_one(reservation)


async def find_reservation(db: AsyncDatabase, *, item_id: ObjectId) -> dict[str, Any] | None:
    return await db[RESERVATIONS].find_one({"item_id": item_id})


async def reservations_in_cart(db: AsyncDatabase, *, cart_id: ObjectId) -> list[dict[str, Any]]:
    """Made in the cart, oldest first; bounded by the owner's items (one reservation per item)."""
    return await db[RESERVATIONS].find({"cart_id": cart_id}).sort("_id", ASCENDING).to_list(None)


async def reservations_by(db: AsyncDatabase, *, member_id: ObjectId) -> list[dict[str, Any]]:
    """The reservations a member made, oldest first (one per item at most, of carts they are on)."""
    return await db[RESERVATIONS].find({"member_id": member_id}).sort("_id", ASCENDING).to_list(None)


async def delete_reservation_by_id(db: AsyncDatabase, reservation_id: ObjectId) -> None:
    await db[RESERVATIONS].delete_one({"_id": reservation_id})


async def delete_reservation(db: AsyncDatabase, *, item_id: ObjectId, match: dict[str, Any]) -> bool:
    result = await db[RESERVATIONS].delete_one({"item_id": item_id, **match})
    return result.deleted_count == 1


async def delete_cart_reservations(db: AsyncDatabase, *, cart_id: ObjectId, session: AsyncClientSession) -> None:
    await db[RESERVATIONS].delete_many({"cart_id": cart_id}, session=session)


async def delete_reservations_naming(db: AsyncDatabase, *, user_id: ObjectId, session: AsyncClientSession) -> None:
    await db[RESERVATIONS].delete_many({"$or": [{"owner_id": user_id}, {"member_id": user_id}]}, session=session)
