from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response, status

from app.deps import AppSettings, CurrentUser, Db, VerifiedUser
from app.edge.ratelimit import limit_per_ip, limit_per_user
from app.ids import PathId
from app.items.ordering import MAX_CURSOR_LENGTH
from app.pagination import DEFAULT_LIMIT, Limit
from app.sharing import links, service
from app.sharing.schemas import LinkCreate, LinkOut, ShareCreate, ShareCreated, SharedCartOut, ShareOut

router = APIRouter(prefix="/carts", tags=["sharing"])
# Public: the token is the permission. Limited per client network, like the other public routes.
shared_router = APIRouter(
    prefix="/shared", tags=["sharing"], dependencies=[Depends(limit_per_ip("rate_limit_shared_link"))]
)


@router.post(
    "/{cart_id}/share",
    status_code=status.HTTP_202_ACCEPTED,
    dependencies=[Depends(limit_per_user("rate_limit_share"))],
)
async def share_cart(
    cart_id: PathId, body: ShareCreate, user: VerifiedUser, db: Db, settings: AppSettings
) -> ShareCreated:
    """Email the cart (items, prices, images, links) to up to 10 people, one email each; delivery happens in the
    background. Daily budgets per account and per recipient (409 `quota_exceeded`)."""
    return await service.share_cart(
        db,
        settings=settings,
        user_id=user.user_id,
        cart_id=cart_id,
        recipients=body.recipients,
        message=body.message,
        link_url=await links.newest_link_url(db, settings, user_id=user.user_id, cart_id=cart_id),
    )


@router.get("/{cart_id}/shares/{share_id}")
async def get_share(cart_id: PathId, share_id: PathId, user: CurrentUser, db: Db) -> ShareOut:
    """Delivery status of a share: queued, sending, sent or failed (with the reason)."""
    return await service.get_share(db, user_id=user.user_id, cart_id=cart_id, share_id=share_id)


@router.post("/{cart_id}/links", status_code=status.HTTP_201_CREATED)
async def create_link(cart_id: PathId, body: LinkCreate, user: CurrentUser, db: Db, settings: AppSettings) -> LinkOut:
    """A public read-only link to the cart as it is at any moment, optionally expiring."""
    return await links.create_link(db, settings, user_id=user.user_id, cart_id=cart_id, expires_at=body.expires_at)


@router.get("/{cart_id}/links")
async def list_links(cart_id: PathId, user: CurrentUser, db: Db, settings: AppSettings) -> list[LinkOut]:
    """The cart's live links, oldest first."""
    return await links.list_links(db, settings, user_id=user.user_id, cart_id=cart_id)


@router.delete("/{cart_id}/links/{link_id}", status_code=status.HTTP_204_NO_CONTENT)
async def revoke_link(cart_id: PathId, link_id: PathId, user: CurrentUser, db: Db) -> Response:
    """Revoke a link; it stops working at once."""
    await links.revoke_link(db, user_id=user.user_id, cart_id=cart_id, link_id=link_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@shared_router.get("/{token}")
async def open_link(
    token: str,
    db: Db,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Annotated[str | None, Query(max_length=MAX_CURSOR_LENGTH, description="next_cursor")] = None,
) -> SharedCartOut:
    """Public: the cart behind a link, as it is now (404 once revoked or expired)."""
    return await links.open_link(db, token=token, cursor=cursor, limit=limit)
