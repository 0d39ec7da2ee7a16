"""Fixtures for the LLM chain: one scripted provider server per session, a manual clock, chains that get closed."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest

from app.config import Settings
from app.llm import LlmChain, PageInput
from tests.llm.fake_provider import GROQ_PATH, OPENAI_PATH, ScriptedLlmServer, answer


class ManualClock:
    """Time moves only when a test (or a backoff sleep) moves it; every requested sleep is recorded."""

    def __init__(self) -> None:
        self.time = 1_000.0
        self.sleeps: list[float] = []

    def now(self) -> float:
        return self.time

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.time += seconds
        await asyncio.sleep(0)

    def advance(self, seconds: float) -> None:
        self.time += seconds


@pytest.fixture(scope="session")
async def scripted_server() -> AsyncIterator[ScriptedLlmServer]:
    with ScriptedLlmServer() as server:
        await _warm_up_sdks(server)
        yield server


async def _warm_up_sdks(server: ScriptedLlmServer) -> None:
    # Each SDK's first call spends ~0.3 s importing and building models; pay it once here, not inside the
    # short timeouts the tests use.
    page = PageInput(url="https://warm.example/", title="", text="")
    for only_one in ({"openai_api_key": None}, {"groq_api_key": None}):
        server.script(GROQ_PATH, answer())
        server.script(OPENAI_PATH, answer())
        chain = LlmChain(llm_settings(server, llm_timeout_seconds=30.0, **only_one))
        await chain.parse_product(page, {"name"})
        await chain.aclose()


@pytest.fixture
def llm_server(scripted_server: ScriptedLlmServer) -> ScriptedLlmServer:
    scripted_server.reset()
    return scripted_server


def llm_settings(server: ScriptedLlmServer, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "environment": "test",
        "groq_api_key": "test-groq-key",
        "groq_base_url": server.base_url,
        "groq_model": "groq-test-model",
        "openai_api_key": "test-openai-key",
        "openai_base_url": server.base_url,
        "openai_model": "openai-test-model",
        "llm_timeout_seconds": 2.0,
        "llm_max_retries": 1,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
async def make_chain(llm_server: ScriptedLlmServer, clock: ManualClock) -> AsyncIterator[Callable[..., LlmChain]]:
    """Build chains against the scripted server (settings overrides as keywords); all are closed afterwards."""
    chains: list[LlmChain] = []

    def build(
        *, deadline_seconds: float = 60.0, failure_threshold: int = 3, cooldown_seconds: float = 30.0, **overrides: Any
    ) -> LlmChain:
        chain = LlmChain(
            llm_settings(llm_server, **overrides),
            clock=clock,
            deadline_seconds=deadline_seconds,
            failure_threshold=failure_threshold,
            cooldown_seconds=cooldown_seconds,
        )
        chains.append(chain)
        return chain

    yield build
    for chain in chains:
        await chain.aclose()
