"""The page a public link opens, `/s/{token}` at PUBLIC_APP_URL: the cart rendered on the server as plain HTML.

No script at all; one stylesheet of ours; product images are the only thing fetched from elsewhere (from the
shops, without a referrer, so a shop never sees the link; an https page upgrades http images). Not indexed, not
cached: a revoked link is gone on the next load.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Depends
from fastapi.responses import HTMLResponse, Response

from app.deps import Db
from app.edge.ratelimit import limit_per_ip
from app.errors import NotFound
from app.outbox.rendering import email_templates
from app.sharing import links
from app.sharing.compose import price_text

page_router = APIRouter(include_in_schema=False)

MAX_ITEMS_ON_PAGE = 500
PAGE_CSP = (
    "default-src 'none'; style-src 'self'; img-src https: http:; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)
_HEADERS = {
    "Content-Security-Policy": PAGE_CSP,
    "X-Robots-Tag": "noindex, nofollow, noarchive",
    "Cache-Control": "no-store",
}
_STYLESHEET = Path(__file__).resolve().parent / "static" / "shared-cart.css"
_templates = email_templates("app.sharing")  # the same autoescaped templates: every user string renders as text


@page_router.get("/s/{token}", dependencies=[Depends(limit_per_ip("rate_limit_shared_link"))])
async def shared_cart_page(token: str, db: Db) -> HTMLResponse:
    try:
        cart = await links.open_link(db, token=token, cursor=None, limit=MAX_ITEMS_ON_PAGE)
    except NotFound:
        html = _templates.get_template("shared-cart.html").render(cart=None, more_count=0, price_text=price_text)
        return HTMLResponse(html, status_code=404, headers=_HEADERS)
    more = max(0, cart.item_count - len(cart.items))
    html = _templates.get_template("shared-cart.html").render(cart=cart, more_count=more, price_text=price_text)
    return HTMLResponse(html, headers=_HEADERS)


@page_router.get("/pages/shared-cart.css")
async def shared_cart_style() -> Response:
    return Response(
        _STYLESHEET.read_bytes(), media_type="text/css; charset=utf-8", headers={"Cache-Control": "no-cache"}
    )
