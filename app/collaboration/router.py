from __future__ import annotations

from fastapi import APIRouter, Depends, Response, status

from app.collaboration import reservations, service
from app.collaboration.schemas import (
    InvitationAccept,
    InvitationAccepted,
    InvitationCreate,
    InvitationQueued,
    MemberOut,
    MemberUpdate,
    ReservationOut,
    VisitorRelease,
    VisitorReservation,
    VisitorReserve,
)
from app.deps import CurrentUser, Db, VerifiedUser
from app.edge.ratelimit import limit_per_ip, limit_per_user
from app.ids import PathId
from app.sharing import links

router = APIRouter(tags=["collaboration"])
# Public: a share link's token is the permission (limited per client network like opening the link).
shared_router = APIRouter(
    prefix="/shared", tags=["collaboration"], dependencies=[Depends(limit_per_ip("rate_limit_shared_link"))]
)


@router.post(
    "/carts/{cart_id}/invitations",
    status_code=status.HTTP_202_ACCEPTED,
    dependencies=[Depends(limit_per_user("rate_limit_share"))],  # the same budget as shares: mail in their name
)
async def invite(cart_id: PathId, body: InvitationCreate, user: VerifiedUser, db: Db) -> InvitationQueued:
    """Invite someone by email to see (viewer) or edit (editor) the cart; owner only, from a verified address."""
    return await service.invite(db, user_id=user.user_id, cart_id=cart_id, email=body.email, role=body.role)


@router.post("/invitations/accept")
async def accept_invitation(body: InvitationAccept, user: CurrentUser, db: Db) -> InvitationAccepted:
    """Join the cart an invitation names, signed in with the address it was sent to."""
    return await service.accept(db, user_id=user.user_id, token=body.token)


@router.get("/carts/{cart_id}/members")
async def list_members(cart_id: PathId, user: CurrentUser, db: Db) -> list[MemberOut]:
    """Who is on the cart: the owner, then the members with their roles."""
    return await service.list_members(db, user_id=user.user_id, cart_id=cart_id)


@router.patch("/carts/{cart_id}/members/{user_id}")
async def change_role(cart_id: PathId, user_id: PathId, body: MemberUpdate, user: CurrentUser, db: Db) -> MemberOut:
    """Change a member's role (owner only)."""
    return await service.change_role(db, user_id=user.user_id, cart_id=cart_id, member_id=user_id, role=body.role)


@router.delete("/carts/{cart_id}/members/{user_id}", status_code=status.HTTP_204_NO_CONTENT)
async def remove_member(cart_id: PathId, user_id: PathId, user: CurrentUser, db: Db) -> Response:
    """Remove a member (owner), or leave the cart (a member naming themself). What they added stays, the owner's."""
    await service.remove_member(db, user_id=user.user_id, cart_id=cart_id, member_id=user_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.put("/carts/{cart_id}/items/{item_id}/reservation", status_code=status.HTTP_204_NO_CONTENT)
async def reserve(cart_id: PathId, item_id: PathId, user: CurrentUser, db: Db) -> Response:
    """Reserve an item as a gift ("I'm buying this"): members other than the owner, who is never told."""
    await reservations.reserve_as_member(db, user_id=user.user_id, cart_id=cart_id, item_id=item_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.delete("/carts/{cart_id}/items/{item_id}/reservation", status_code=status.HTTP_204_NO_CONTENT)
async def release(cart_id: PathId, item_id: PathId, user: CurrentUser, db: Db) -> Response:
    """Release your reservation of an item."""
    await reservations.release_as_member(db, user_id=user.user_id, cart_id=cart_id, item_id=item_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/carts/{cart_id}/reservations")
async def list_reservations(cart_id: PathId, user: CurrentUser, db: Db) -> list[ReservationOut]:
    """Who reserved what: for members; for the owner only with surprises off (403 `reservations_hidden`)."""
    return await reservations.list_for_cart(db, user_id=user.user_id, cart_id=cart_id)


@shared_router.put("/{token}/items/{item_id}/reservation", status_code=status.HTTP_201_CREATED)
async def reserve_by_link(token: str, item_id: PathId, body: VisitorReserve, db: Db) -> VisitorReservation:
    """Public: a link visitor reserves an item under a name; keep the release code to undo it."""
    link = await links.live_link(db, token=token)
    return await reservations.reserve_as_visitor(db, link=link, item_id=item_id, name=body.name)


@shared_router.delete("/{token}/items/{item_id}/reservation", status_code=status.HTTP_204_NO_CONTENT)
async def release_by_link(token: str, item_id: PathId, body: VisitorRelease, db: Db) -> Response:
    """Public: release a reservation made through the link, with its release code."""
    link = await links.live_link(db, token=token)
    await reservations.release_as_visitor(db, link=link, item_id=item_id, release_code=body.release_code)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
