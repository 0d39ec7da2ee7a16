"""BuyHive API: the app factory wires lifespan, middleware, error handlers and routers.

Serve with `uvicorn --factory main:create_app`.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI
from fastapi.middleware.cors import CORSMiddleware

from app.account.router import router as account_router
from app.auth.google import GoogleVerifier
from app.auth.router import router as auth_router
from app.carts.router import router as carts_router
from app.collaboration.router import router as collaboration_router
from app.collaboration.router import shared_router as shared_reservations_router
from app.config import Settings, get_settings
from app.db import close_database, open_database
from app.edge.ratelimit import create_rate_limiter
from app.edge.security import BodyLimitMiddleware, SecurityHeadersMiddleware
from app.errors import install_error_handlers
from app.extraction.admission import ExtractionGate
from app.extraction.router import router as extraction_router
from app.extraction.service import ExtractionPipeline
from app.health.router import router as health_router
from app.indexes import ensure_indexes
from app.items.router import router as items_router
from app.llm import LlmChain
from app.logs import configure_logging
from app.mail import build_email_sender
from app.middleware import RequestContextMiddleware
from app.ml.clip_verifier import ClipVerifier
from app.ml.url_classifier import UrlClassifier
from app.net import SafeFetcher
from app.observability.metrics import flush_periodically, metrics
from app.observability.sentry import init_sentry
from app.outbox.worker import OutboxWorker
from app.pages.router import router as pages_router
from app.pricewatch.router import pages_router as pricewatch_pages_router
from app.pricewatch.router import router as pricewatch_router
from app.pricewatch.worker import RecheckWorker
from app.sharing.page import page_router as shared_cart_page_router
from app.sharing.router import router as sharing_router
from app.sharing.router import shared_router
from app.state import AppState
from app.suppression.router import router as unsubscribe_router
from app.suppression.ses_feedback import SesFeedbackPoller
from app.transfer.router import router as transfer_router

API_PREFIX = "/api/v1"
LARGE_BODY_PATHS = (f"{API_PREFIX}/extract", f"{API_PREFIX}/carts/import")  # imports stop at 1 MB themselves


async def _stop_metrics(task: asyncio.Task[None]) -> None:
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    metrics.flush()


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    configure_logging(settings)
    init_sentry(settings)

    state = AppState(settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # Resources close in reverse order of opening, whatever fails in between.
        async with contextlib.AsyncExitStack() as stack:
            database = await open_database(settings)
            stack.push_async_callback(close_database, database)
            state.database = database
            await ensure_indexes(database.db)
            mongo_url = settings.mongo_url or (database.embedded.url if database.embedded else "")
            rate_limiter = create_rate_limiter(settings, mongo_url)
            if rate_limiter is not None:
                await asyncio.to_thread(rate_limiter.open)
                stack.push_async_callback(asyncio.to_thread, rate_limiter.close)
            state.rate_limiter = rate_limiter

            state.fetcher = SafeFetcher(
                allowed_private_hosts=settings.fetch_allow_private_hosts, allowed_ports=settings.fetch_allowed_ports
            )
            stack.push_async_callback(state.fetcher.aclose)
            state.google_verifier = GoogleVerifier(settings)
            stack.push_async_callback(state.google_verifier.aclose)
            state.llm_chain = LlmChain(settings)
            stack.push_async_callback(state.llm_chain.aclose)
            state.health_providers["llm"] = state.llm_chain.status
            state.extraction = ExtractionPipeline(
                db=database.db,
                settings=settings,
                url_classifier=UrlClassifier(settings.url_model_path),
                clip=ClipVerifier(settings.clip_model, settings.clip_pretrained, settings.clip_threshold),
                llm=state.llm_chain,
                fetcher=state.fetcher,
            )
            state.health_providers["models"] = state.extraction.health
            state.extraction_gate = ExtractionGate(
                max_concurrent=settings.extract_max_concurrent, queue_wait_seconds=settings.extract_queue_wait_seconds
            )

            if settings.emit_metrics:
                flusher = asyncio.create_task(flush_periodically(settings.metrics_flush_seconds))
                stack.push_async_callback(_stop_metrics, flusher)
            # Each domain registers its email kinds with the outbox when imported (the routers above import them).
            outbox = OutboxWorker(database.db, build_email_sender(settings), settings)
            outbox.start()
            stack.push_async_callback(outbox.stop)  # first to stop: lets the send in progress be recorded
            state.health_providers["outbox"] = outbox.health
            if settings.recheck_in_api:  # else `python -m app.pricewatch.worker` runs it (production)
                rechecks = RecheckWorker(database.db, state.fetcher, settings)
                rechecks.start()
                stack.push_async_callback(rechecks.stop)
                state.health_providers["price_recheck"] = rechecks.health
            if settings.ses_feedback_queue_url:
                feedback = SesFeedbackPoller(database.db, settings)
                feedback.start()
                stack.push_async_callback(feedback.stop)
                state.health_providers["ses_feedback"] = feedback.health
            yield

    app = FastAPI(
        title="BuyHive API",
        version="1.0.0",
        lifespan=lifespan,
        docs_url="/docs" if settings.show_docs else None,
        redoc_url=None,
        openapi_url="/openapi.json" if settings.show_docs else None,
    )
    app.state = state
    install_error_handlers(app)

    # Added innermost first: the request-id middleware is outermost so every response, 413s included, has an id.
    app.add_middleware(
        BodyLimitMiddleware,
        default_limit=settings.max_body_bytes,
        large_limit=settings.max_extract_body_bytes,
        large_paths=LARGE_BODY_PATHS,
        read_timeout=settings.body_read_timeout_seconds,
    )
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.allowed_origins,
        allow_methods=["GET", "POST", "PATCH", "DELETE", "OPTIONS"],
        allow_headers=["Authorization", "Content-Type", "X-Request-ID"],
        expose_headers=[
            "X-Request-ID",
            "Retry-After",
            "X-RateLimit-Limit",
            "X-RateLimit-Remaining",
            "X-RateLimit-Reset",
        ],
        max_age=600,
    )
    app.add_middleware(SecurityHeadersMiddleware, hsts=settings.is_production)
    app.add_middleware(RequestContextMiddleware)

    api = APIRouter(prefix=API_PREFIX)
    api.include_router(transfer_router)  # before carts: /carts/export and /carts/import are not cart ids
    for router in (auth_router, account_router, carts_router, items_router, sharing_router, extraction_router):
        api.include_router(router)
    api.include_router(pricewatch_router)
    api.include_router(shared_router)  # public: a share link's token is its permission
    api.include_router(collaboration_router)
    api.include_router(shared_reservations_router)
    app.include_router(api)
    app.include_router(health_router)
    app.include_router(pages_router)  # the pages emailed links open, at PUBLIC_APP_URL
    app.include_router(shared_cart_page_router)  # /s/{token}: a cart's public link, at PUBLIC_APP_URL
    app.include_router(pricewatch_pages_router)  # alert emails' unsubscribe links
    app.include_router(unsubscribe_router)  # the one-click unsubscribe link in every unsolicited email
    return app
