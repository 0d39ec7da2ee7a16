from __future__ import annotations

from typing import Annotated

from bson import ObjectId
from fastapi import APIRouter, Query, Response, status
from fastapi.responses import HTMLResponse
from pydantic import BaseModel

from app.clock import utc_now
from app.deps import AppSettings, CurrentUser, Db
from app.ids import PathId
from app.items import service as items
from app.pricewatch import alerts, service
from app.pricewatch.schemas import HistoryDays, PriceHistoryOut, WatchIn, WatchOut

router = APIRouter(tags=["price watch"])


class WatchList(BaseModel):
    items: list[WatchOut]


async def _watched_item(db: Db, user: CurrentUser, item_id: ObjectId, *, own: bool) -> service.WatchedItem:
    """The item as price watch needs it. Its history is the product's, for anyone who may see the item (cart members
    too); a watch is one's own alert on one's own saved item (members: 403, save it yourself to watch it)."""
    read = items.get_own_item if own else items.get_item
    item = await read(db, user_id=user.user_id, item_id=item_id)
    return service.WatchedItem(
        item_id=item.id,
        name=item.name,
        url=item.url,
        canonical_url=item.canonical_url,
        price=item.price,
        currency=item.currency,
    )


@router.get("/items/{item_id}/price-history")
async def price_history(
    item_id: PathId, user: CurrentUser, db: Db, days: Annotated[HistoryDays, Query()] = 90
) -> PriceHistoryOut:
    """The item's product price over the last `days` days (1 to 365): one point per change, oldest first."""
    item = await _watched_item(db, user, item_id, own=False)
    return await service.price_history(db, url=item.canonical_url, days=days)


@router.put("/items/{item_id}/watch")
async def watch_item(item_id: PathId, body: WatchIn, user: CurrentUser, db: Db) -> WatchOut:
    """Watch the item's price (target, percentage drop, back in stock); alerts go to the verified email."""
    item = await _watched_item(db, user, item_id, own=True)
    return await service.watch_item(db, user_id=user.user_id, item=item, data=body)


@router.delete("/items/{item_id}/watch", status_code=status.HTTP_204_NO_CONTENT)
async def unwatch_item(item_id: PathId, user: CurrentUser, db: Db) -> Response:
    """Stop watching the item (idempotent)."""
    item = await _watched_item(db, user, item_id, own=True)
    await service.unwatch_item(db, user_id=user.user_id, item_id=item.item_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/watches")
async def list_watches(user: CurrentUser, db: Db) -> WatchList:
    """The person's watches, newest first."""
    return WatchList(items=await service.list_watches(db, user_id=user.user_id))


# --- the unsubscribe link of alert emails, at PUBLIC_APP_URL (not under /api/v1) ---

pages_router = APIRouter(include_in_schema=False)
# The page has no script and only posts back to itself.
PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>BuyHive price alerts</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem">
{body}</body></html>
"""
_WHAT = {"watch": "price alerts for this item", "all": "all BuyHive price alerts"}


def _page(body: str, status_code: int = 200) -> HTMLResponse:
    headers = {"Content-Security-Policy": PAGE_CSP, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}
    return HTMLResponse(_PAGE.format(body=body), status_code=status_code, headers=headers)


_UNKNOWN = "<p>This unsubscribe link is not valid.</p>"


@pages_router.get("/alerts/unsubscribe/{token}")
async def unsubscribe_page(token: str, settings: AppSettings) -> HTMLResponse:
    """Asks first: mail scanners open links, and opening one must not unsubscribe anyone."""
    read = alerts.read_unsubscribe_token(settings, token)
    if read is None:
        return _page(_UNKNOWN, 404)
    return _page(
        f"<h1>Stop {_WHAT[read[0]]}?</h1>"
        '<form method="post">'
        '<button type="submit" name="List-Unsubscribe" value="One-Click">Unsubscribe</button></form>'
    )


@pages_router.post("/alerts/unsubscribe/{token}")
async def unsubscribe(token: str, db: Db, settings: AppSettings) -> HTMLResponse:
    """RFC 8058 one-click: the mail client (or the page's button) posts here, and the alerts stop."""
    read = alerts.read_unsubscribe_token(settings, token)
    if read is None or not await alerts.unsubscribe(db, settings, token, utc_now()):
        return _page(_UNKNOWN, 404)
    return _page(f"<h1>Done</h1><p>You will get no more {_WHAT[read[0]]}.</p>")
