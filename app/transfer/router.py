from __future__ import annotations

from datetime import date

from fastapi import APIRouter, BackgroundTasks, Request, Response

from app.deps import AppSettings, CurrentUser, Db
from app.errors import UnsupportedMediaType
from app.ids import PathId
from app.transfer import service
from app.transfer.schemas import ExportFormat, ImportReport

# Registered before app/carts' router: /carts/export and /carts/import must not be read as a cart id.
router = APIRouter(prefix="/carts", tags=["import and export"])

_MEDIA = {"csv": "text/csv; charset=utf-8", "json": "application/json"}


def _download(content: str, fmt: ExportFormat, stem: str) -> Response:
    filename = f"{stem}-{date.today().isoformat()}.{fmt}"
    return Response(
        content.encode(),
        media_type=_MEDIA[fmt],
        headers={"Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"},
    )


@router.get("/export", response_class=Response, responses={200: {"content": {"text/csv": {}, "application/json": {}}}})
async def export_all(user: CurrentUser, db: Db, format: ExportFormat = "json") -> Response:
    """Every cart you own with its items, as CSV (one line per item per cart) or JSON."""
    return _download(await service.export_all(db, user_id=user.user_id, fmt=format), format, "buyhive-carts")


@router.post("/import")
async def import_carts(
    request: Request, user: CurrentUser, db: Db, settings: AppSettings, after: BackgroundTasks
) -> ImportReport:
    """Import our own export (CSV or JSON) or a CSV of URLs, up to 1 MB and 1000 rows; a report per row."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind not in ("text/csv", "application/json", "text/plain"):
        raise UnsupportedMediaType("Send the file as text/csv or application/json")
    raw = await request.body()
    report = await service.import_carts(db, settings, user_id=user.user_id, raw=raw, is_json=kind == "application/json")
    after.add_task(service.record_seen_prices, db)  # the saved rows' prices go into the price history
    return report


@router.get(
    "/{cart_id}/export", response_class=Response, responses={200: {"content": {"text/csv": {}, "application/json": {}}}}
)
async def export_cart(cart_id: PathId, user: CurrentUser, db: Db, format: ExportFormat = "json") -> Response:
    """One cart you own or are a member of, as CSV or JSON."""
    content = await service.export_cart(db, user_id=user.user_id, cart_id=cart_id, fmt=format)
    return _download(content, format, "buyhive-cart")
