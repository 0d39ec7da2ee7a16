"""Who may do what with a cart: its owner, or a member with a role (viewer, editor). Everything else is 404.

Every cart and item route asks here first. A person who cannot see the cart gets 404, exactly as if it did not
exist; one who can see it but lacks the role gets 403. Items always belong to the cart owner's account (an editor's
additions included), so once access is decided the domains carry on as the owner.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from bson import ObjectId
from pymongo.asynchronous.database import AsyncDatabase

from app.carts import repository
from app.errors import Forbidden, NotFound

Role = Literal["owner", "editor", "viewer"]
MemberRole = Literal["editor", "viewer"]
_RANK: dict[str, int] = {"viewer": 1, "editor": 2, "owner": 3}
CART_NOT_FOUND = "Cart not found"


class RoleRequired(Forbidden):
    code = "role_required"

    def __init__(self, role: Role, has: Role) -> None:
        super().__init__(f"This needs the {role} role on the cart", details={"required": role, "role": has})


@dataclass(frozen=True)
class CartAccess:
    cart: dict[str, Any]
    role: Role

    @property
    def owner_id(self) -> ObjectId:
        return self.cart["user_id"]

    @property
    def is_owner(self) -> bool:
        return self.role == "owner"


async def cart_access(db: AsyncDatabase, *, user_id: ObjectId, cart_id: ObjectId) -> CartAccess:
    """The caller's role on the cart; 404 if they have none."""
    cart = await repository.find_cart_by_id(db, cart_id)
    if cart is None:
        raise NotFound(CART_NOT_FOUND)
    if cart["user_id"] == user_id:
        return CartAccess(cart, "owner")
    member = await repository.find_membership(db, cart_id=cart_id, user_id=user_id)
    if member is None:
        raise NotFound(CART_NOT_FOUND)
    return CartAccess(cart, member["role"])


def require(access: CartAccess, role: Role) -> CartAccess:
    if _RANK[access.role] < _RANK[role]:
        raise RoleRequired(role, access.role)
    return access


async def require_role(db: AsyncDatabase, *, user_id: ObjectId, cart_id: ObjectId, role: Role) -> CartAccess:
    """The caller's access if it is at least `role`: 404 if they cannot see the cart, 403 if the role is too low."""
    return require(await cart_access(db, user_id=user_id, cart_id=cart_id), role)


async def member_roles(
    db: AsyncDatabase, *, user_id: ObjectId, owner_id: ObjectId | None = None
) -> dict[ObjectId, Role]:
    """The user's role per cart they are a member of (only the carts of `owner_id`, if given)."""
    memberships = await repository.memberships_of(db, user_id=user_id)
    return {m["cart_id"]: m["role"] for m in memberships if owner_id is None or m["owner_id"] == owner_id}


def at_least(role: Role, needed: Role) -> bool:
    return _RANK[role] >= _RANK[needed]
