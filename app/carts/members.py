"""Cart membership records: who besides the owner has a role on a cart. The people-facing side (invitations,
names) lives in app/collaboration; this is the part authorization reads."""

from __future__ import annotations

from typing import Any

from bson import ObjectId
from pymongo.asynchronous.database import AsyncDatabase

from app.carts import repository
from app.carts.access import CartAccess, MemberRole, cart_access, require
from app.carts.schemas import MembershipOut
from app.clock import utc_now
from app.errors import Conflict, NotFound, QuotaExceeded

MAX_MEMBERS_PER_CART = 50
_MEMBER_NOT_FOUND = "Member not found"


async def add_member(db: AsyncDatabase, *, cart_id: ObjectId, user_id: ObjectId, role: MemberRole) -> dict[str, Any]:
    """Make the user a member of the cart with `role` (or change their role if they already are one)."""
    cart = await repository.find_cart_by_id(db, cart_id)
    if cart is None:
        raise NotFound("Cart not found")
    if cart["user_id"] == user_id:
        raise Conflict("You own this cart")
    existing = await repository.find_membership(db, cart_id=cart_id, user_id=user_id)
    if existing is None and await repository.count_members(db, cart_id=cart_id) >= MAX_MEMBERS_PER_CART:
        raise QuotaExceeded("members per cart", MAX_MEMBERS_PER_CART)
    member = {"cart_id": cart_id, "owner_id": cart["user_id"], "user_id": user_id, "role": role, "since": utc_now()}
    return await repository.upsert_member(db, member)


async def members(
    db: AsyncDatabase, *, user_id: ObjectId, cart_id: ObjectId
) -> tuple[CartAccess, list[dict[str, Any]]]:
    """The caller's access and the cart's member records (any member may see who else is on the cart)."""
    access = await cart_access(db, user_id=user_id, cart_id=cart_id)
    return access, await repository.members_of(db, cart_id=cart_id)


async def set_role(
    db: AsyncDatabase, *, user_id: ObjectId, cart_id: ObjectId, member_id: ObjectId, role: MemberRole
) -> dict[str, Any]:
    """Change a member's role (the owner only)."""
    require(await cart_access(db, user_id=user_id, cart_id=cart_id), "owner")
    member = await repository.set_member_role(db, cart_id=cart_id, user_id=member_id, role=role)
    if member is None:
        raise NotFound(_MEMBER_NOT_FOUND)
    return member


async def remove(db: AsyncDatabase, *, user_id: ObjectId, cart_id: ObjectId, member_id: ObjectId) -> None:
    """The owner removes a member, or a member leaves (removes themself). What they added stays: it is the owner's."""
    access = await cart_access(db, user_id=user_id, cart_id=cart_id)
    if member_id != user_id:
        require(access, "owner")
    if not await repository.delete_member(db, cart_id=cart_id, user_id=member_id):
        raise NotFound(_MEMBER_NOT_FOUND)


async def memberships(db: AsyncDatabase, *, user_id: ObjectId) -> list[MembershipOut]:
    """The carts the person is a member of, oldest membership first (their account export)."""
    rows = sorted(await repository.memberships_of(db, user_id=user_id), key=lambda row: row["_id"])
    names = {cart["_id"]: cart["name"] for cart in await repository.find_carts_by_ids(db, [r["cart_id"] for r in rows])}
    return [
        MembershipOut(cart_id=row["cart_id"], cart_name=names[row["cart_id"]], role=row["role"], since=row["since"])
        for row in rows
        if row["cart_id"] in names
    ]
