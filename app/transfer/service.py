"""Carts in and out: export a cart or all of them as CSV or JSON; import our own export, or a list of URLs.

Importing goes through the same service calls as the API (cart names, item validation, image hosts, quotas), one
row at a time, and reports each row: created, merged into an item already saved, or rejected and why.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from bson import ObjectId
from pydantic import TypeAdapter, ValidationError
from pymongo.asynchronous.database import AsyncDatabase

from app.carts import service as carts
from app.carts.access import cart_access
from app.carts.schemas import CartName
from app.config import Settings
from app.errors import AppError, PayloadTooLarge
from app.items import service as items
from app.items.ordering import ItemSort
from app.items.router import check_image_url
from app.items.schemas import ItemCreate, ItemOut
from app.pagination import MAX_LIMIT
from app.transfer.formats import ITEM_FIELDS, ImportedRow, read_csv, read_json, to_csv, to_json
from app.transfer.schemas import ExportFormat, ImportReport, ImportRow

MAX_IMPORT_ROWS = 1000
MAX_IMPORT_BYTES = 1024 * 1024
_cart_name = TypeAdapter(CartName)


def _exported_item(item: ItemOut) -> dict[str, Any]:
    values = item.model_dump(mode="json", include=set(ITEM_FIELDS))
    return {field: values.get(field) for field in ITEM_FIELDS}


def _render(carts_out: Iterable[tuple[str, list[ItemOut]]], fmt: ExportFormat) -> str:
    if fmt == "json":
        return to_json(
            [{"name": name, "items": [_exported_item(i) for i in cart_items]} for name, cart_items in carts_out]
        )
    rows: list[dict[str, Any]] = []
    for name, cart_items in carts_out:
        rows += [{"cart": name, **_exported_item(item)} for item in cart_items] or [{"cart": name}]
    return to_csv(rows)


async def export_cart(db: AsyncDatabase, *, user_id: ObjectId, cart_id: ObjectId, fmt: ExportFormat) -> str:
    """One cart the caller owns or is a member of, items in the order they were added."""
    access = await cart_access(db, user_id=user_id, cart_id=cart_id)
    cart_items: list[ItemOut] = []
    cursor = None
    while True:
        page = await items.list_cart_items(
            db, user_id=user_id, cart_id=cart_id, q=None, sort=ItemSort.ADDED, cursor=cursor, limit=MAX_LIMIT
        )
        cart_items += page.items
        if (cursor := page.next_cursor) is None:
            return _render([(access.cart["name"], cart_items)], fmt)


async def export_all(db: AsyncDatabase, *, user_id: ObjectId, fmt: ExportFormat) -> str:
    """Every cart the caller owns, oldest first, items in the order they were added (member carts: one by one)."""
    owned = await carts.all_carts(db, user_id=user_id)
    everything = list(reversed([item async for item in items.iter_items(db, user_id=user_id)]))
    return _render([(cart.name, [i for i in everything if cart.id in i.cart_ids]) for cart in owned], fmt)


def _reason(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(
            f"{'.'.join(str(part) for part in error['loc']) or 'row'}: {error['msg']}" for error in exc.errors()
        )
    return exc.message if isinstance(exc, AppError) else str(exc)


async def import_carts(
    db: AsyncDatabase, settings: Settings, *, user_id: ObjectId, raw: bytes, is_json: bool
) -> ImportReport:
    """Create the carts and items the file names; each row is reported, a rejected one does not stop the rest."""
    if len(raw) > MAX_IMPORT_BYTES:
        raise PayloadTooLarge(f"An import is at most {MAX_IMPORT_BYTES} bytes")
    rows = read_json(raw, MAX_IMPORT_ROWS) if is_json else read_csv(raw, MAX_IMPORT_ROWS)
    default = next(cart.id for cart in await carts.all_carts(db, user_id=user_id) if cart.is_default)
    cart_ids: dict[str, ObjectId] = {}
    report: list[ImportRow] = []
    for row in rows:
        report.append(await _import_row(db, settings, user_id=user_id, row=row, default=default, cart_ids=cart_ids))
    count = {status: sum(1 for r in report if r.status == status) for status in ("created", "merged", "rejected")}
    return ImportReport(**count, rows=report)


async def record_seen_prices(db: AsyncDatabase) -> None:
    """After an import's response: the prices its rows saved go into the products' shared history."""
    await items.record_seen_prices(db, limit=MAX_IMPORT_ROWS)


async def _import_row(
    db: AsyncDatabase,
    settings: Settings,
    *,
    user_id: ObjectId,
    row: ImportedRow,
    default: ObjectId,
    cart_ids: dict[str, ObjectId],
) -> ImportRow:
    url = row.fields.get("url")
    shown = ImportRow(row=row.row, status="rejected", cart=row.cart, url=url if isinstance(url, str) else None)
    try:
        cart_id = default
        if row.cart is not None:
            name = _cart_name.validate_python(row.cart)
            if name not in cart_ids:
                cart_ids[name] = await carts.cart_named(
                    db, user_id=user_id, name=name, quota=settings.quota_carts_per_user
                )
            cart_id = cart_ids[name]
        if row.cart_only:
            return shown.model_copy(update={"status": "cart"})
        fields = dict(row.fields)
        if "name" not in fields and isinstance(url, str):
            fields["name"] = url[:300]  # a plain list of URLs: the URL stands in until the person renames it
        data = ItemCreate.model_validate({**fields, "cart_ids": [cart_id]})
        check_image_url(data.image_url, settings)
        item, created = await items.add_item(db, user_id=user_id, data=data, quota=settings.quota_items_per_user)
    except (ValidationError, AppError) as exc:
        return shown.model_copy(update={"reason": _reason(exc)})
    return shown.model_copy(update={"status": "created" if created else "merged", "item_id": item.id})
