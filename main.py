"""BuyHive API: the app factory wires lifespan, middleware, error handlers and routers.

Serve with `uvicorn --factory main:create_app`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI

from app.auth.router import router as auth_router
from app.carts.router import router as carts_router
from app.config import Settings, get_settings
from app.db import close_database, open_database
from app.errors import install_error_handlers
from app.health.router import router as health_router
from app.indexes import ensure_indexes
from app.items.router import router as items_router
from app.logs import configure_logging
from app.middleware import RequestContextMiddleware

API_PREFIX = "/api/v1"


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    configure_logging(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        database = await open_database(settings)
        app.state.database = database
        try:
            await ensure_indexes(database.db)
            yield
        finally:
            await close_database(database)

    app = FastAPI(
        title="BuyHive API",
        version="1.0.0",
        lifespan=lifespan,
        docs_url="/docs" if settings.show_docs else None,
        redoc_url=None,
        openapi_url="/openapi.json" if settings.show_docs else None,
    )
    app.state.settings = settings
    app.state.health_providers = {}
    install_error_handlers(app)
    app.add_middleware(RequestContextMiddleware)

    api = APIRouter(prefix=API_PREFIX)
    for router in (auth_router, carts_router, items_router):
        api.include_router(router)
    app.include_router(api)
    app.include_router(health_router)
    return app

