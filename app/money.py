"""Money is a Decimal end to end: decimal strings in JSON, Decimal128 in MongoDB, never a float."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

import pycountry
from bson.decimal128 import Decimal128
from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema

ISO_4217_CODES = frozenset(currency.alpha_3 for currency in pycountry.currencies)
MAX_PRICE = Decimal("1000000000")  # a billion: beyond any shop basket, below float-ish nonsense
# Plain digits only: Decimal() also takes "1e3", "1_000" and non-ASCII digits, which we would echo back oddly.
_DECIMAL_STRING = re.compile(r"[0-9]+(\.[0-9]+)?")


def _to_price(value: Any) -> Decimal:
    if isinstance(value, float | bool):
        raise ValueError('price must be a decimal string such as "19.99", not a number')
    if isinstance(value, Decimal128):
        value = value.to_decimal()
    if isinstance(value, str) and not _DECIMAL_STRING.fullmatch(value.strip()):
        raise ValueError('price must be a decimal string such as "19.99"')
    try:
        price = Decimal(str(value).strip()) if not isinstance(value, Decimal) else value
    except InvalidOperation:
        raise ValueError('price must be a decimal string such as "19.99"') from None
    if not price.is_finite():
        raise ValueError("price must be a finite decimal")
    if price < 0 or price > MAX_PRICE:
        raise ValueError(f"price must be between 0 and {MAX_PRICE}")
    if -price.as_tuple().exponent > 4:  # type: ignore[operator]
        raise ValueError("price has more than 4 decimal places")
    return price


def _to_currency(value: Any) -> str:
    if not isinstance(value, str) or value.strip().upper() not in ISO_4217_CODES:
        raise ValueError('currency must be an ISO-4217 code such as "USD"')
    return value.strip().upper()


Price = Annotated[
    Decimal,
    BeforeValidator(_to_price),
    PlainSerializer(lambda price: str(price), return_type=str),
    WithJsonSchema({"type": "string", "pattern": r"^\d{1,10}(\.\d{1,4})?$", "examples": ["19.99"]}),
]
Currency = Annotated[
    str,
    BeforeValidator(_to_currency),
    WithJsonSchema({"type": "string", "pattern": "^[A-Z]{3}$", "examples": ["USD"]}),
]


def to_decimal128(price: Decimal | None) -> Decimal128 | None:
    return Decimal128(price) if price is not None else None


def from_decimal128(value: Any) -> Decimal | None:
    if value is None:
        return None
    return value.to_decimal() if isinstance(value, Decimal128) else Decimal(str(value))
