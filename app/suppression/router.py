"""The one-click unsubscribe link every unsolicited mail carries (RFC 8058), served at PUBLIC_APP_URL.

GET only shows a page with a button: mail scanners and link previews fetch links, and must not unsubscribe anyone.
POST (the button, or the mail provider's own one-click request) adds the address to the suppression list.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, status
from fastapi.responses import Response

from app.deps import AppSettings, Db
from app.suppression import service
from app.suppression.tokens import key_from_token

router = APIRouter(include_in_schema=False)

STATIC = Path(__file__).resolve().parent / "static"
# Static pages without script: our stylesheet, and a form that may post only back to this origin.
UNSUBSCRIBE_CSP = "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"


def _page(name: str, status_code: int = status.HTTP_200_OK) -> Response:
    return Response(
        (STATIC / f"unsubscribe-{name}.html").read_bytes(),
        status_code=status_code,
        media_type="text/html; charset=utf-8",
        headers={"Content-Security-Policy": UNSUBSCRIBE_CSP, "Cache-Control": "no-store"},
    )


@router.get("/unsubscribe/{token}")
async def unsubscribe_page(token: str, settings: AppSettings) -> Response:
    if key_from_token(settings.jwt_secret_key, token) is None:
        return _page("invalid", status.HTTP_404_NOT_FOUND)
    return _page("confirm")


@router.post("/unsubscribe/{token}")
async def unsubscribe(token: str, settings: AppSettings, db: Db) -> Response:
    # Public and idempotent: the token is the proof, the body (`List-Unsubscribe=One-Click`) is not needed.
    key = key_from_token(settings.jwt_secret_key, token)
    if key is None:
        return _page("invalid", status.HTTP_404_NOT_FOUND)
    await service.suppress(db, reason="unsubscribed", key=key)
    return _page("done")
