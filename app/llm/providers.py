"""One chat-completion call to one provider through its official SDK, with SDK errors mapped to one error type."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

import groq
import openai

from app.config import Settings
from app.llm.resilience import retry_after_seconds
from app.llm.schemas import ANSWER_JSON_SCHEMA

MAX_ANSWER_TOKENS = 1024
_RETRYABLE_STATUS = frozenset({408, 409, 429})


class ProviderCallError(Exception):
    """A call that produced no answer: a short reason (no response bodies, no secrets), and whether to retry."""

    def __init__(self, reason: str, *, retryable: bool, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retryable = retryable
        self.retry_after = retry_after


@dataclass(frozen=True)
class LlmProvider:
    name: str  # "groq" / "openai"
    model: str
    client: groq.AsyncGroq | openai.AsyncOpenAI
    response_format: dict[str, Any]

    @property
    def source(self) -> str:
        return f"llm:{self.name}"

    async def complete(self, messages: list[dict[str, str]], *, time_limit: float) -> str:
        """The answer text of one call. The SDK timeout bounds each phase; asyncio.timeout bounds the total."""
        try:
            async with asyncio.timeout(time_limit):
                # One call shape for both SDKs; their message/format TypedDicts differ only in name.
                completion: Any = await self.client.chat.completions.create(  # type: ignore[call-overload]
                    model=self.model,
                    messages=messages,
                    response_format=self.response_format,
                    temperature=0,
                    max_completion_tokens=MAX_ANSWER_TOKENS,
                    timeout=time_limit,
                )
        except (TimeoutError, groq.APITimeoutError, openai.APITimeoutError):
            raise ProviderCallError("timeout", retryable=True) from None
        except (groq.APIConnectionError, openai.APIConnectionError):
            raise ProviderCallError("connection error", retryable=True) from None
        except (groq.APIStatusError, openai.APIStatusError) as error:
            status = error.status_code
            raise ProviderCallError(
                f"http {status}",
                retryable=status in _RETRYABLE_STATUS or status >= 500,
                retry_after=retry_after_seconds(error.response.headers),
            ) from None
        except (groq.APIError, openai.APIError) as error:
            raise ProviderCallError(f"api error ({type(error).__name__})", retryable=False) from None
        content = completion.choices[0].message.content if completion.choices else None
        if not content:
            raise ProviderCallError("empty answer", retryable=False)
        return content

    async def aclose(self) -> None:
        await self.client.close()


def build_providers(settings: Settings) -> list[LlmProvider]:
    """Groq first, then OpenAI; a provider without an API key is not configured. SDK retries are off: we retry."""
    providers: list[LlmProvider] = []
    if settings.groq_api_key:
        # Groq's json_schema mode exists only on some models; JSON mode works on all (the schema is in the prompt).
        providers.append(
            LlmProvider(
                name="groq",
                model=settings.groq_model,
                client=groq.AsyncGroq(
                    api_key=settings.groq_api_key,
                    base_url=settings.groq_base_url,
                    timeout=settings.llm_timeout_seconds,
                    max_retries=0,
                ),
                response_format={"type": "json_object"},
            )
        )
    if settings.openai_api_key:
        providers.append(
            LlmProvider(
                name="openai",
                model=settings.openai_model,
                client=openai.AsyncOpenAI(
                    api_key=settings.openai_api_key,
                    base_url=settings.openai_base_url,
                    timeout=settings.llm_timeout_seconds,
                    max_retries=0,
                ),
                response_format={
                    "type": "json_schema",
                    "json_schema": {"name": "product", "strict": True, "schema": ANSWER_JSON_SCHEMA},
                },
            )
        )
    return providers
