"""Keep an LLM value only when the page supports it; drop the rest field by field, saying why."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from urllib.parse import urljoin, urlsplit

from pydantic import TypeAdapter, ValidationError

from app.llm.page_money import MoneyMention, money_mentions
from app.llm.prompt import MAX_PAGE_TEXT_BYTES, MAX_TITLE_CHARS, cap_utf8
from app.llm.schemas import LlmAnswer, PageInput
from app.money import ISO_4217_CODES, Price

NAME_SUPPORT = 0.75  # share of the name's words that must occur on the page
DESCRIPTION_SUPPORT = 0.6  # descriptions may be lightly condensed, names may not
MAX_NAME_CHARS = 300
MAX_DESCRIPTION_CHARS = 2000
MAX_CODE_CHARS = 120  # brand, sku
MAX_IMAGE_URL_CHARS = 2048
AVAILABILITY = frozenset({"InStock", "OutOfStock"})

_PLAIN_DECIMAL = re.compile(r"\d{1,12}(?:\.\d{1,4})?")
_WORD = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")
_price_adapter: TypeAdapter[Decimal] = TypeAdapter(Price)


class Unsupported(ValueError):
    """The page does not back this value."""


@dataclass
class _ShownPage:
    """The page exactly as the model saw it (title + capped text), with lazily computed evidence."""

    url: str
    text: str

    @cached_property
    def words(self) -> set[str]:
        return set(_WORD.findall(self.text.casefold()))

    @cached_property
    def flat(self) -> str:
        return _SPACES.sub(" ", self.text.casefold())

    @cached_property
    def money(self) -> list[MoneyMention]:
        return money_mentions(self.text)


def _word_support(value: str, page: _ShownPage, share: float) -> None:
    words = _WORD.findall(value.casefold())
    if not words:
        raise Unsupported("has no words")
    found = sum(word in page.words for word in words)
    if found / len(words) < share:
        raise Unsupported(f"only {found} of {len(words)} words occur on the page")


def _check_name(value: str, page: _ShownPage) -> str:
    if len(value) > MAX_NAME_CHARS:
        raise Unsupported("longer than a product name")
    _word_support(value, page, NAME_SUPPORT)
    return value


def _check_description(value: str, page: _ShownPage) -> str:
    _word_support(value, page, DESCRIPTION_SUPPORT)
    return value[:MAX_DESCRIPTION_CHARS]


def _check_verbatim(value: str, page: _ShownPage) -> str:
    if len(value) > MAX_CODE_CHARS:
        raise Unsupported("too long")
    if _SPACES.sub(" ", value.casefold()) not in page.flat:
        raise Unsupported("does not occur on the page")
    return value


def _check_availability(value: str, page: _ShownPage) -> str:
    if value not in AVAILABILITY:
        raise Unsupported("not InStock or OutOfStock")
    return value


def _check_image_url(value: str, page: _ShownPage) -> str:
    absolute = urljoin(page.url, value)
    parts = urlsplit(absolute)
    if parts.scheme not in ("http", "https") or not parts.hostname or len(absolute) > MAX_IMAGE_URL_CHARS:
        raise Unsupported("not an absolute http(s) URL")
    return absolute


def _check_price(value: str, page: _ShownPage) -> Decimal:
    if not _PLAIN_DECIMAL.fullmatch(value):
        raise Unsupported("not a plain decimal")
    try:
        price = _price_adapter.validate_python(value)
    except ValidationError as error:
        raise Unsupported("out of range") from error
    if not any(price in mention.amounts for mention in page.money):
        raise Unsupported("amount is not written on the page with a currency")
    return price


def _check_currency(value: str, page: _ShownPage, price: Decimal | None) -> str:
    code = value.upper()
    if code not in ISO_4217_CODES:
        raise Unsupported("not an ISO-4217 code")
    if price is not None:
        # The accepted price was written with a marker: the currency must be one that marker can mean.
        near_price = {c for mention in page.money if price in mention.amounts for c in mention.currencies}
        if code not in near_price:
            raise Unsupported("does not match the currency written with the price")
        return code
    if not any(code in mention.currencies for mention in page.money):
        raise Unsupported("no amount on the page is written in this currency")
    return code


_CHECKS: dict[str, Callable[[str, _ShownPage], str | Decimal]] = {
    "price": _check_price,
    "name": _check_name,
    "description": _check_description,
    "brand": _check_verbatim,
    "sku": _check_verbatim,
    "availability": _check_availability,
    "image_url": _check_image_url,
}


def judge_answer(
    answer: LlmAnswer, page: PageInput, wanted: set[str]
) -> tuple[dict[str, str | Decimal], dict[str, str]]:
    """Split the wanted fields of an answer into (accepted values, rejection reasons); nulls are neither."""
    shown = _ShownPage(
        url=page.url,
        text=page.title[:MAX_TITLE_CHARS] + "\n" + cap_utf8(page.text, MAX_PAGE_TEXT_BYTES),
    )
    values = {name: value for name, value in answer.model_dump().items() if name in wanted and value}
    accepted: dict[str, str | Decimal] = {}
    rejected: dict[str, str] = {}
    for name, check in _CHECKS.items():
        if name not in values:
            continue
        try:
            accepted[name] = check(values[name], shown)
        except Unsupported as reason:
            rejected[name] = str(reason)
    if "currency" in values:  # judged after the price it belongs to
        price = accepted.get("price")
        try:
            accepted["currency"] = _check_currency(
                values["currency"], shown, price if isinstance(price, Decimal) else None
            )
        except Unsupported as reason:
            rejected["currency"] = str(reason)
    return accepted, rejected
