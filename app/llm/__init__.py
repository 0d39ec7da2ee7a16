"""LLM parser: the last extraction stage, filling product fields that structured data left empty.

How it works
- Providers, in order: Groq (``GROQ_API_KEY``, ``GROQ_MODEL``, ``GROQ_BASE_URL``), then OpenAI (``OPENAI_API_KEY``,
  ``OPENAI_MODEL``, ``OPENAI_BASE_URL``), through the official async SDKs. A provider without a key is not
  configured; with no provider at all ``parse_product`` returns None without any network call.
- Input: page URL, title and cleaned visible text (capped at 32 KB of UTF-8). The system prompt says the page is
  untrusted data, never instructions; the page sits between ``<page>`` delimiters the page itself cannot forge.
- Output: one JSON object per a fixed schema (``schemas.ANSWER_JSON_SCHEMA``): JSON mode on Groq (json_schema is
  model-dependent there), strict json_schema on OpenAI, the schema in the prompt for both; decoded with numbers as
  Decimal and validated with pydantic. An answer that is not such an object is a provider failure: next provider.
- Resilience: every call has a timeout (``LLM_TIMEOUT_SECONDS``, SDK timeout + a total asyncio timeout); SDK retries
  are off and ``chain.LlmChain`` retries timeouts, connection errors, 408/409/429 and 5xx up to ``LLM_MAX_RETRIES``
  times with exponential backoff and jitter, or exactly the server's ``Retry-After``/``retry-after-ms``; one overall
  deadline, shared fairly so a slow Groq leaves time for OpenAI; a circuit breaker per provider opens after 3 failed
  calls in a row, and after 30 s lets a single probe through (half-open): success closes it, failure re-opens it.
- Evidence (``evidence.judge_answer``): a value is kept only if the page supports it, field by field: a price must
  be written on the page next to a currency marker (compared as Decimal across 1,299.00 / 1.299,00 / 1 299 / 1299),
  the currency must be ISO-4217 and one that marker can mean, most words of a name (75%) or description (60%)
  must occur on the page, brand and SKU must occur verbatim, availability is InStock/OutOfStock, image_url must be
  an absolute http(s) URL. Unsupported values are dropped and reported in ``LlmParse.rejected``.

Public API: one ``LlmChain(settings)`` per app (built in the lifespan, like the other clients, so tests with their
own settings get their own chain): ``await chain.parse_product(PageInput(url, title, text), wanted)`` ->
``LlmParse | None``; ``chain.status()`` for /health; ``await chain.aclose()`` at shutdown.
"""

from app.llm.chain import LlmChain
from app.llm.schemas import PRODUCT_FIELDS, LlmParse, PageInput, ProviderFailure

__all__ = ["PRODUCT_FIELDS", "LlmChain", "LlmParse", "PageInput", "ProviderFailure"]
