"""Product identifiers (SKU, GTIN, MPN): what counts as one, in one normal form.

Shared by the extraction pipeline (which reads them from pages) and items (which store what a person sends),
so that both accept and reject the same values. They are meant to recognise one product across shops, so a
doubtful value is refused rather than kept.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BeforeValidator, WithJsonSchema

MIN_CODE_LENGTH = 2
MAX_CODE_LENGTH = 40
GTIN_LENGTHS = (8, 12, 13, 14)  # GTIN-8 (EAN-8), GTIN-12 (UPC-A), GTIN-13 (EAN-13, JAN, ISBN-13), GTIN-14

_GTIN_SEPARATORS = re.compile(r"[\s\-]")
_ISBN10 = re.compile(r"\d{9}[\dX]")
# Shop codes are ASCII letters and digits with a few joiners: "WH-1000XM4", "MK2K3LL/A", "123.456.78".
_CODE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9\-_./#+]*[A-Za-z0-9])?")
_NO_DIGIT_CODE = re.compile(r"[A-Z]+(?:[\-_.][A-Z0-9]+)+")  # "BLK-TEE-M": capitals joined by separators
# "1,299.00", "1.299,00", "12.99": grouped with one mark, decimals after the other ("305.689.01" is IKEA's article
# number: no notation writes a price with the same mark twice)
_PRICE_LIKE = re.compile(r"\d{1,3}(?:,\d{3})*\.\d{2}|\d{1,3}(?:\.\d{3})*,\d{2}")
_SLUG_WORD = re.compile(r"[a-z]{3,}")
_YEAR = re.compile(r"(?:19|20)\d\d")  # "Année-modèle 2014": a year, not a model number
# GS1 prefixes that are not global: restricted-circulation numbers (in-store and variable-weight codes),
# coupons and refund receipts, as the first digits of the GTIN written with 13 digits.
_NOT_GLOBAL_PREFIXES = ("2", "02", "04", "05", "980", "981", "982", "983", "984", "99")
_MEASURE = re.compile(
    r"\d+(?:[.,]\d+)?-?(?:mm|cm|km|in|ft|kg|lbs?|oz|ml|cl|gb|tb|mb|kw|mah|hz|ghz|mhz|pcs|pack|pk|ct|count|set)",
    re.I,
)  # "175cm", "500GB", "2-Pack": a size or a quantity, not a code (one-letter units would take codes like "088M")
_PLACEHOLDERS = {
    "na", "n/a", "none", "null", "nil", "undefined", "unknown", "default", "sku", "mpn", "gtin", "ean", "upc",
    "isbn", "true", "false", "nan", "tbd", "tba", "test", "product", "item", "model", "variant",
}  # fmt: skip


def normalise_gtin(value: str | None) -> str | None:
    """The digits of a GTIN-8/12/13/14 whose GS1 check digit is right ("4-006381-333931" -> "4006381333931");
    an ISBN-10 becomes its ISBN-13. None for anything else: one-digit runs, and numbers that are not global
    (in-store and variable-weight codes, coupons), which name no product outside one shop."""
    if not value:
        return None
    compact = _GTIN_SEPARATORS.sub("", value.strip()).upper()
    if len(set(compact)) == 1:
        return None  # "0000000000000" passes the check digit
    if len(compact) == 10 and _ISBN10.fullmatch(compact):
        return isbn10_to_gtin(compact)
    if not compact.isascii() or not compact.isdigit() or len(compact) not in GTIN_LENGTHS:
        return None
    if not has_valid_check_digit(compact) or _not_global(compact):
        return None
    return compact


def _not_global(digits: str) -> bool:
    if len(digits) == 8:
        return digits[0] in "02"  # RCN-8
    as_13 = digits[-13:].rjust(13, "0")  # a GTIN-14 without its packaging indicator; a UPC with its leading 0
    return as_13.startswith(_NOT_GLOBAL_PREFIXES)


def has_valid_check_digit(digits: str) -> bool:
    """GS1 mod-10: weights 3, 1, 3, … from the digit left of the check digit."""
    body, check = digits[:-1], int(digits[-1])
    total = sum(int(digit) * (3 if index % 2 == 0 else 1) for index, digit in enumerate(reversed(body)))
    return (10 - total % 10) % 10 == check


def isbn10_to_gtin(isbn10: str) -> str | None:
    """An ISBN-10 with a valid mod-11 check as its ISBN-13 (978 prefix, GS1 check digit)."""
    if not _ISBN10.fullmatch(isbn10):
        return None
    total = sum((10 - index) * (10 if char == "X" else int(char)) for index, char in enumerate(isbn10))
    if total % 11 != 0:
        return None
    body = "978" + isbn10[:9]
    weighted = sum(int(digit) * (1 if index % 2 == 0 else 3) for index, digit in enumerate(body))
    return body + str((10 - weighted % 10) % 10)


def clean_code(value: str | None, *, name: str | None = None) -> str | None:
    """A SKU or MPN as a shop writes it, or None when the value is not code-like: 2-40 ASCII letters, digits
    and joiners, no spaces, with a digit (or capitals joined by separators), not a placeholder, not a price
    or a measure or a year, not a URL slug, and not the product's name."""
    if not value:
        return None
    code = value.strip().strip("\"'").removeprefix("#").strip()
    if not MIN_CODE_LENGTH <= len(code) <= MAX_CODE_LENGTH or not _CODE.fullmatch(code):
        return None
    lowered = code.lower()
    if lowered in _PLACEHOLDERS or "://" in code or lowered.startswith("www.") or len(set(lowered)) == 1:
        return None
    if not any(char.isdigit() for char in code) and not _NO_DIGIT_CODE.fullmatch(code):
        return None
    if _PRICE_LIKE.fullmatch(code) or _MEASURE.fullmatch(code) or _YEAR.fullmatch(code) or _is_slug(code):
        return None
    if name and _squash(name) == _squash(code):
        return None
    return code


def _is_slug(code: str) -> bool:
    """'blue-cotton-shirt-12': a URL slug (three or more lower-case words), not a code."""
    words = re.split(r"[\-_]", code)
    return len(words) >= 3 and sum(1 for word in words if _SLUG_WORD.fullmatch(word)) >= 3


def _squash(text: str) -> str:
    return re.sub(r"[\W_]", "", text.lower())


def _to_gtin(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError('gtin must be a string of digits such as "4006381333931" (a number loses leading zeros)')
    gtin = normalise_gtin(value)
    if gtin is None:
        raise ValueError("gtin must be a GTIN-8, -12, -13 or -14 (or an ISBN) with a valid check digit")
    return gtin


def _to_mpn(value: Any) -> str:
    mpn = clean_code(value) if isinstance(value, str) else None
    if mpn is None:
        raise ValueError(
            f"mpn must be a part number of {MIN_CODE_LENGTH}-{MAX_CODE_LENGTH} letters, digits and - _ . / # + :, "
            "without spaces"
        )
    return mpn


# The same rules for what a person sends as for what extraction keeps.
Gtin = Annotated[
    str,
    BeforeValidator(_to_gtin),
    WithJsonSchema(
        {
            "type": "string",
            "description": "GTIN-8/12/13/14 or ISBN with a valid check digit; returned as digits only (ISBN-10 as "
            "its ISBN-13)",
            "examples": ["4006381333931"],
        }
    ),
]
Mpn = Annotated[
    str,
    BeforeValidator(_to_mpn),
    WithJsonSchema(
        {"type": "string", "minLength": MIN_CODE_LENGTH, "maxLength": MAX_CODE_LENGTH, "examples": ["WH-1000XM4"]}
    ),
]
