"""The app's state, typed: the settings it was made with and what its lifespan opens.

Routes reach it through the dependencies in app/deps.py; middleware-like code (rate limits, extraction
admission) through `app_state(request)`. The component types are imported for the type checker only: they
themselves read the state, and a runtime import would be a cycle.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from starlette.datastructures import State
from starlette.requests import HTTPConnection

from app.config import Settings

if TYPE_CHECKING:
    from app.auth.google import GoogleVerifier
    from app.db import Database
    from app.edge.ratelimit import RateLimiter
    from app.extraction.admission import ExtractionGate
    from app.extraction.service import ExtractionPipeline
    from app.llm import LlmChain
    from app.net import SafeFetcher

HealthCheck = Callable[[], dict[str, Any]]


class AppState(State):
    """`app.state`. The factory sets the settings; the lifespan opens the rest before the first request."""

    settings: Settings
    health_providers: dict[str, HealthCheck]  # name -> status, reported by /health
    rate_limiter: RateLimiter | None  # None when RATE_LIMIT_ENABLED is off
    database: Database
    fetcher: SafeFetcher
    google_verifier: GoogleVerifier  # one JWKS cache and HTTP pool for all requests
    llm_chain: LlmChain
    extraction: ExtractionPipeline
    extraction_gate: ExtractionGate

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings
        self.health_providers = {}
        self.rate_limiter = None


def app_state(connection: HTTPConnection) -> AppState:
    state: AppState = connection.app.state
    return state
