"""What goes into the LLM parser, what the model must answer, and what the parser hands back."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationError

FieldName = Literal["name", "price", "currency", "description", "brand", "sku", "availability", "image_url"]
PRODUCT_FIELDS: frozenset[str] = frozenset(get_args(FieldName))


@dataclass(frozen=True)
class PageInput:
    """The page as the parser sees it: URL, title and cleaned visible text (all untrusted)."""

    url: str
    title: str
    text: str


def _number_as_text(value: Any) -> Any:
    # Answers are decoded with parse_float=Decimal, so a price sent as a JSON number keeps its exact digits.
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return str(value)
    return value


AnswerText = Annotated[str | None, BeforeValidator(_number_as_text)]


class LlmAnswer(BaseModel):
    """The model's JSON answer. Wrong types or a non-object make it malformed; odd values are judged per field."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    name: AnswerText = None
    price: AnswerText = None
    currency: AnswerText = None
    description: AnswerText = None
    brand: AnswerText = None
    sku: AnswerText = None
    availability: AnswerText = None
    image_url: AnswerText = None


def parse_answer(content: str) -> LlmAnswer:
    """Decode the model's answer (JSON numbers as Decimal); ValueError when it is not a valid answer object."""
    try:
        data = json.loads(content, parse_float=Decimal)
    except json.JSONDecodeError:
        raise ValueError("not JSON") from None
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    try:
        return LlmAnswer.model_validate(data)
    except ValidationError as error:
        fields = sorted({str(detail["loc"][0]) for detail in error.errors() if detail["loc"]})
        raise ValueError(f"wrong types for {', '.join(fields)}") from None


def _nullable(kind: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [kind, {"type": "null"}]}


# Strict-mode compatible (every property required, no extra keys), sent as response_format where the provider
# supports json_schema and quoted in the system prompt for every provider.
ANSWER_JSON_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": sorted(PRODUCT_FIELDS),
    "properties": {
        "name": _nullable({"type": "string", "description": "product name exactly as shown on the page"}),
        "price": _nullable(
            {
                "type": "string",
                "description": "price the buyer pays now, as a plain decimal with '.' as decimal point and no "
                "thousands separators, e.g. '1299.00' for '1.299,00 €'",
            }
        ),
        "currency": _nullable({"type": "string", "description": "ISO-4217 code of the price, e.g. 'EUR'"}),
        "description": _nullable({"type": "string", "description": "short product description from the page"}),
        "brand": _nullable({"type": "string", "description": "brand or manufacturer as written on the page"}),
        "sku": _nullable({"type": "string", "description": "SKU / item number / model number as written"}),
        "availability": _nullable({"type": "string", "enum": ["InStock", "OutOfStock"]}),
        "image_url": _nullable({"type": "string", "description": "absolute http(s) URL of the main product image"}),
    },
}


@dataclass(frozen=True)
class ProviderFailure:
    """Why one provider gave no usable answer for one page (for logs and /health)."""

    provider: str
    reason: str
    attempts: int


@dataclass(frozen=True)
class LlmParse:
    """Fields the page supports, keyed by field name: `price` is a Decimal, every other value a str."""

    provider: str  # the `sources` label: "llm:groq" or "llm:openai"
    fields: dict[str, str | Decimal]
    rejected: dict[str, str] = field(default_factory=dict)  # field -> why the model's value was dropped
    failures: tuple[ProviderFailure, ...] = ()  # providers that failed before this one answered
