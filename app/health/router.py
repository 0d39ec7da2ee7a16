from __future__ import annotations

import asyncio
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from app.deps import AppSettings
from app.errors import error_response
from app.state import app_state

router = APIRouter(prefix="/health", tags=["health"])

_PING_TIMEOUT_SECONDS = 2.0


async def _database_ok(request: Request) -> bool:
    try:
        await asyncio.wait_for(app_state(request).database.client.admin.command("ping"), _PING_TIMEOUT_SECONDS)
    except Exception:  # noqa: BLE001 - any failure means not ready
        return False
    return True


@router.get("/live")
async def live() -> dict[str, str]:
    """The process is up."""
    return {"status": "ok"}


@router.get("/ready", response_model=None)
async def ready(request: Request) -> dict[str, str] | JSONResponse:
    """Ready for traffic: MongoDB answers a ping."""
    if not await _database_ok(request):
        return error_response(
            request, 503, "not_ready", "Database is not answering", details={"checks": {"database": "down"}}
        )
    return {"status": "ok"}


@router.get("")
async def health(request: Request, settings: AppSettings) -> dict[str, Any]:
    """Per-dependency status (no secrets): database, models, LLM providers, email."""
    database_ok = await _database_ok(request)
    components: dict[str, Any] = {
        "database": {"status": "ok" if database_ok else "down", "embedded": settings.mongo_url is None},
        "email": {"backend": settings.email_backend},
    }
    for name, provider in app_state(request).health_providers.items():
        components[name] = provider()
    return {"status": "ok" if database_ok else "degraded", "release": settings.release, "components": components}
