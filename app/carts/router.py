from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from app.carts import service
from app.carts.schemas import CartCreate, CartDetail, CartOut, CartUpdate
from app.deps import AppSettings, CurrentUser, Db
from app.ids import PathId
from app.items import service as items_service
from app.items.ordering import MAX_CURSOR_LENGTH, ItemSort
from app.items.schemas import ItemOut
from app.pagination import DEFAULT_LIMIT, Cursor, Limit, Page

router = APIRouter(prefix="/carts", tags=["carts"])


@router.get("")
async def list_carts(user: CurrentUser, db: Db, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None) -> Page[CartOut]:
    """The signed-in user's carts with their item counts, oldest first (the default cart leads), by cursor."""
    return await service.list_carts(db, user_id=user.user_id, cursor=cursor, limit=limit)


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_cart(body: CartCreate, user: CurrentUser, db: Db, settings: AppSettings) -> CartOut:
    """Create a cart (names are unique per user; at most QUOTA_CARTS_PER_USER carts)."""
    return await service.create_cart(db, user_id=user.user_id, name=body.name, quota=settings.quota_carts_per_user)


@router.get("/{cart_id}")
async def get_cart(cart_id: PathId, user: CurrentUser, db: Db) -> CartDetail:
    """One cart, with its totals per currency (never summed across currencies)."""
    return await service.get_cart(db, user_id=user.user_id, cart_id=cart_id)


@router.patch("/{cart_id}")
async def rename_cart(cart_id: PathId, body: CartUpdate, user: CurrentUser, db: Db) -> CartOut:
    """Rename a cart, or set `surprises` (false: you see the gift reservations on it). Owner only."""
    return await service.update_cart(
        db, user_id=user.user_id, cart_id=cart_id, name=body.name, surprises=body.surprises
    )


@router.delete("/{cart_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_cart(cart_id: PathId, user: CurrentUser, db: Db) -> Response:
    """Delete a cart; items left in no cart are deleted with it."""
    await service.delete_cart(db, user_id=user.user_id, cart_id=cart_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/{cart_id}/items")
async def list_cart_items(
    cart_id: PathId,
    user: CurrentUser,
    db: Db,
    q: Annotated[str | None, Query(max_length=200, description="Text in the name, brand or notes")] = None,
    sort: Annotated[ItemSort, Query(description="Order; a leading - reverses it")] = ItemSort.NEWEST,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Annotated[str | None, Query(max_length=MAX_CURSOR_LENGTH, description="next_cursor, same sort")] = None,
) -> Page[ItemOut]:
    """The items in a cart (newest first unless `sort` says otherwise), optionally searched, paginated by cursor."""
    page = await items_service.list_cart_items(
        db, user_id=user.user_id, cart_id=cart_id, q=q, sort=sort, cursor=cursor, limit=limit
    )
    await items_service.with_price_tracking(db, page.items)
    return page


@router.post("/{cart_id}/items/{item_id}")
async def link_item(cart_id: PathId, item_id: PathId, user: CurrentUser, db: Db) -> ItemOut:
    """Put an existing item into this cart too (idempotent)."""
    item = await items_service.link_item(db, user_id=user.user_id, cart_id=cart_id, item_id=item_id)
    await items_service.with_price_tracking(db, [item])
    return item


@router.delete("/{cart_id}/items/{item_id}", status_code=status.HTTP_204_NO_CONTENT)
async def unlink_item(cart_id: PathId, item_id: PathId, user: CurrentUser, db: Db) -> Response:
    """Take an item out of this cart (deleted if it is then in no cart)."""
    await items_service.unlink_item(db, user_id=user.user_id, cart_id=cart_id, item_id=item_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
