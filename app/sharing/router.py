from __future__ import annotations

from fastapi import APIRouter, Depends, status

from app.deps import AppSettings, CurrentUser, Db
from app.edge.ratelimit import limit_per_user
from app.ids import parse_id
from app.sharing import service
from app.sharing.schemas import ShareCreate, ShareCreated, ShareOut

router = APIRouter(prefix="/carts", tags=["sharing"])


@router.post(
    "/{cart_id}/share",
    status_code=status.HTTP_202_ACCEPTED,
    dependencies=[Depends(limit_per_user("rate_limit_share"))],
)
async def share_cart(cart_id: str, body: ShareCreate, user: CurrentUser, db: Db, settings: AppSettings) -> ShareCreated:
    """Email the cart (items, prices, images, links) to up to 10 people, one email each; delivery happens in the
    background. Daily budgets per account and per recipient (409 `quota_exceeded`)."""
    return await service.share_cart(
        db,
        settings=settings,
        user_id=user.user_id,
        cart_id=parse_id(cart_id),
        recipients=body.recipients,
        message=body.message,
    )


@router.get("/{cart_id}/shares/{share_id}")
async def get_share(cart_id: str, share_id: str, user: CurrentUser, db: Db) -> ShareOut:
    """Delivery status of a share: queued, sending, sent or failed (with the reason)."""
    return await service.get_share(db, user_id=user.user_id, cart_id=parse_id(cart_id), share_id=parse_id(share_id))
