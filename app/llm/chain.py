"""The provider chain: try each configured provider in order within one deadline, keep what the page supports."""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from app.config import Settings
from app.llm.answer_checks import judge_answer
from app.llm.prompt import build_messages
from app.llm.providers import LlmProvider, ProviderCallError, build_providers
from app.llm.resilience import BreakerState, CircuitBreaker, Clock, MonotonicClock, backoff_delay
from app.llm.schemas import PRODUCT_FIELDS, LlmAnswer, LlmParse, PageInput, ProviderFailure, parse_answer

logger = logging.getLogger(__name__)

FAILURE_THRESHOLD = 3
COOLDOWN_SECONDS = 30.0
MIN_ATTEMPT_SECONDS = 0.05  # below this an attempt cannot succeed; stop instead


class _ProviderFailed(Exception):
    def __init__(self, reason: str, attempts: int) -> None:
        super().__init__(reason)
        self.reason = reason
        self.attempts = attempts


class LlmChain:
    """Groq, then OpenAI (whichever have keys), each behind retries and its own circuit breaker."""

    def __init__(
        self,
        settings: Settings,
        *,
        clock: Clock | None = None,
        deadline_seconds: float | None = None,
        failure_threshold: int = FAILURE_THRESHOLD,
        cooldown_seconds: float = COOLDOWN_SECONDS,
        rng: random.Random | None = None,
    ) -> None:
        self.providers: list[LlmProvider] = build_providers(settings)
        self._clock: Clock = clock or MonotonicClock()
        self._attempt_timeout = settings.llm_timeout_seconds
        self._max_retries = settings.llm_max_retries
        # Default: room for one full-length call per provider.
        self._deadline_seconds = deadline_seconds or settings.llm_timeout_seconds * max(1, len(self.providers))
        self._rng = rng or random.Random()
        self._breakers = {
            provider.name: CircuitBreaker(
                failure_threshold=failure_threshold, cooldown_seconds=cooldown_seconds, clock=self._clock
            )
            for provider in self.providers
        }
        self._last_failure: dict[str, ProviderFailure] = {}

    async def parse_product(self, page: PageInput, wanted: Iterable[str]) -> LlmParse | None:
        """Ask the providers in order for the wanted fields; None when none is configured, usable or asked for."""
        wanted = set(wanted)
        if unknown := wanted - PRODUCT_FIELDS:
            raise ValueError(f"unknown product fields: {sorted(unknown)}")
        if not wanted or not self.providers:
            return None
        messages = build_messages(page, wanted)
        deadline = self._clock.now() + self._deadline_seconds
        failures: list[ProviderFailure] = []
        for index, provider in enumerate(self.providers):
            breaker = self._breakers[provider.name]
            if not breaker.try_acquire():
                failures.append(ProviderFailure(provider.name, "circuit open", attempts=0))
                continue
            # Leave later providers a fair share of the time that is left.
            later = self.providers[index + 1 :]
            sharing = 1 + sum(self._breakers[p.name].state is not BreakerState.OPEN for p in later)
            now = self._clock.now()
            try:
                answer = await self._ask(provider, messages, budget_end=now + (deadline - now) / sharing)
            except _ProviderFailed as failed:
                breaker.record_failure()
                failure = ProviderFailure(provider.name, failed.reason, failed.attempts)
                self._last_failure[provider.name] = failure
                failures.append(failure)
                logger.warning(
                    "llm provider failed",
                    extra={"provider": provider.name, "reason": failed.reason, "attempts": failed.attempts},
                )
                continue
            except BaseException:
                breaker.release()
                raise
            breaker.record_success()
            # Regex work over up to 32 KB (p95 ~13 ms): keep it off the event loop.
            accepted, rejected = await asyncio.to_thread(judge_answer, answer, page, wanted)
            if rejected:
                logger.info("llm values dropped", extra={"provider": provider.name, "rejected": rejected})
            return LlmParse(provider=provider.source, fields=accepted, rejected=rejected, failures=tuple(failures))
        logger.warning("no llm provider answered", extra={"failures": [asdict(f) for f in failures]})
        return None

    async def _ask(self, provider: LlmProvider, messages: list[dict[str, str]], *, budget_end: float) -> LlmAnswer:
        attempts = 0
        while True:
            remaining = budget_end - self._clock.now()
            if remaining < MIN_ATTEMPT_SECONDS:
                raise _ProviderFailed("deadline reached", attempts)
            attempts += 1
            try:
                content = await provider.complete(messages, time_limit=min(self._attempt_timeout, remaining))
            except ProviderCallError as error:
                if not error.retryable or attempts > self._max_retries:
                    raise _ProviderFailed(error.reason, attempts) from None
                delay = error.retry_after if error.retry_after is not None else backoff_delay(attempts - 1, self._rng)
                if self._clock.now() + delay >= budget_end:
                    reason = f"{error.reason}; next try in {delay:.1f}s is past the deadline"
                    raise _ProviderFailed(reason, attempts) from None
                await self._clock.sleep(delay)
                continue
            try:
                return parse_answer(content)
            except ValueError as error:
                raise _ProviderFailed(f"malformed answer: {error}", attempts) from None

    def status(self) -> dict[str, Any]:
        """For /health (no secrets): disabled without keys, degraded while every breaker is open, else ok."""
        providers: dict[str, Any] = {}
        for provider in self.providers:
            breaker = self._breakers[provider.name]
            last = self._last_failure.get(provider.name)
            providers[provider.name] = {
                "model": provider.model,
                "breaker": breaker.state.value,
                "consecutive_failures": breaker.consecutive_failures,
                "last_failure": {"reason": last.reason, "attempts": last.attempts} if last else None,
            }
        if not providers:
            status = "disabled"
        elif all(provider["breaker"] == BreakerState.OPEN for provider in providers.values()):
            status = "degraded"
        else:
            status = "ok"
        return {"status": status, "configured": list(providers), "providers": providers}

    async def aclose(self) -> None:
        for provider in self.providers:
            await provider.aclose()
