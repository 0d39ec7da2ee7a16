from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Query, Response, status

from app.config import Settings
from app.deps import AppSettings, CurrentUser, Db
from app.errors import UnprocessableEntity
from app.ids import PathId, parse_id
from app.items import service
from app.items.schemas import ItemCreate, ItemOut, ItemUpdate
from app.net.addresses import names_public_host, normalize_hosts
from app.pagination import DEFAULT_LIMIT, Cursor, Limit, Page

router = APIRouter(prefix="/items", tags=["items"])


def check_image_url(image_url: str | None, settings: Settings) -> None:
    """Shown to whoever opens the cart (and to share recipients): never a link into someone's private network.
    Judged without DNS; the fetcher's tests-only allow-list applies as it does to fetches."""
    allowed = normalize_hosts(settings.fetch_allow_private_hosts)
    if image_url is not None and not names_public_host(image_url, allowed):
        raise UnprocessableEntity(
            "image_url must be on a public host (not localhost, a private or a link-local address)",
            details=[{"loc": ["body", "image_url"]}],
        )


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    responses={200: {"model": ItemOut, "description": "Already saved: carts merged"}},
)
async def add_item(
    body: ItemCreate, user: CurrentUser, db: Db, settings: AppSettings, response: Response, after: BackgroundTasks
) -> ItemOut:
    """Save a product into one or more carts; the same URL again returns the existing item (200).
    At most QUOTA_ITEMS_PER_USER items (409 `quota_exceeded`). The price is added to the product's shared history
    just after the response: `price_tracking` shows it from the next read (it is null here for a product never seen)."""
    check_image_url(body.image_url, settings)
    item, created = await service.add_item(db, user_id=user.user_id, data=body, quota=settings.quota_items_per_user)
    after.add_task(service.record_seen_prices, db)
    if not created:
        response.status_code = status.HTTP_200_OK
    await service.with_price_tracking(db, [item])
    return item


@router.get("")
async def list_items(
    user: CurrentUser,
    db: Db,
    cart_id: Annotated[str | None, Query(max_length=64)] = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[ItemOut]:
    """The user's items, newest first, optionally filtered by cart."""
    cart = parse_id(cart_id) if cart_id is not None else None
    page = await service.list_items(db, user_id=user.user_id, cart_id=cart, cursor=cursor, limit=limit)
    await service.with_price_tracking(db, page.items)
    return page


@router.get("/{item_id}")
async def get_item(item_id: PathId, user: CurrentUser, db: Db) -> ItemOut:
    """One item."""
    item = await service.get_item(db, user_id=user.user_id, item_id=item_id)
    await service.with_price_tracking(db, [item])
    return item


@router.patch("/{item_id}")
async def update_item(item_id: PathId, body: ItemUpdate, user: CurrentUser, db: Db, settings: AppSettings) -> ItemOut:
    """Edit an item; `cart_ids` replaces the carts it is in."""
    check_image_url(body.image_url, settings)
    item = await service.update_item(db, user_id=user.user_id, item_id=item_id, data=body)
    await service.with_price_tracking(db, [item])
    return item


@router.delete("/{item_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_item(item_id: PathId, user: CurrentUser, db: Db) -> Response:
    """Delete an item from every cart."""
    await service.delete_item(db, user_id=user.user_id, item_id=item_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
