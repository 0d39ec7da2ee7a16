"""The pages an emailed link opens, served by the API itself at PUBLIC_APP_URL (not under /api/v1).

Static files only: the single-use token stays in the URL fragment, which browsers never send, so it reaches no log;
the script reads it and posts it to the API on the same origin.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import Response

router = APIRouter(include_in_schema=False)

STATIC = Path(__file__).resolve().parent / "static"
# No inline script or style anywhere: every resource is one of our files, and the script may talk to this API only.
PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
_NO_STORE = {"Cache-Control": "no-store"}


def _file(name: str, media_type: str, headers: dict[str, str]) -> Response:
    return Response((STATIC / name).read_bytes(), media_type=media_type, headers=headers)


def _page(name: str) -> Response:
    return _file(name, "text/html; charset=utf-8", {"Content-Security-Policy": PAGE_CSP, **_NO_STORE})


@router.get("/verify-email")
async def verify_email_page() -> Response:
    return _page("verify-email.html")


@router.get("/reset-password")
async def reset_password_page() -> Response:
    return _page("reset-password.html")


@router.get("/invitation")
async def invitation_page() -> Response:
    return _page("invitation.html")


@router.get("/pages/account-pages.js")
async def account_pages_script() -> Response:
    return _file("account-pages.js", "text/javascript; charset=utf-8", {"Cache-Control": "no-cache"})


@router.get("/pages/account-pages.css")
async def account_pages_style() -> Response:
    return _file("account-pages.css", "text/css; charset=utf-8", {"Cache-Control": "no-cache"})
