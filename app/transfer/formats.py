"""The export formats, CSV and JSON, and reading them (or a plain list of URLs) back.

Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return) as a formula, so such a cell is
written with a leading apostrophe, which spreadsheets show as text; reading our own CSV back removes exactly that
apostrophe, so an export imports to the same values.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any

from app.errors import UnprocessableEntity

FORMAT_NAME = "buyhive.carts"
FORMAT_VERSION = 1
ITEM_FIELDS = (
    "name", "url", "price", "currency", "quantity", "brand", "variant", "sku", "gtin", "mpn", "image_url",
    "description", "notes",
)  # fmt: skip
CSV_COLUMNS = ("cart", *ITEM_FIELDS)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _needs_quote(value: str) -> bool:
    return value.lstrip("'").startswith(_FORMULA_STARTS)


def safe_cell(value: Any) -> str:
    text = "" if value is None else str(value)
    return "'" + text if _needs_quote(text) else text


def _unquote_cell(text: str) -> str:
    return text[1:] if text.startswith("'") and _needs_quote(text[1:]) else text


def to_csv(rows: list[dict[str, Any]]) -> str:
    """One line per item per cart; an empty cart is a line with its name only."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow([safe_cell(row.get(column)) for column in CSV_COLUMNS])
    return out.getvalue()


def to_json(carts: list[dict[str, Any]]) -> str:
    return json.dumps({"format": FORMAT_NAME, "version": FORMAT_VERSION, "carts": carts}, ensure_ascii=False, indent=2)


@dataclass(frozen=True)
class ImportedRow:
    row: int
    cart: str | None
    fields: dict[str, Any]  # item fields as given; empty values left out
    cart_only: bool = False  # an empty cart in the export: make the cart, no item


def _invalid(message: str) -> UnprocessableEntity:
    return UnprocessableEntity(message, details=[{"loc": ["body"]}])


def read_csv(raw: bytes, max_rows: int) -> list[ImportedRow]:
    """Our CSV export (a header naming `url`, and any of the export's columns), or one URL per line."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _invalid("The CSV must be UTF-8 text") from None
    try:
        lines = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:  # a NUL byte, a field over the csv module's 128 KB limit
        raise _invalid(f"Unreadable CSV: {exc}") from None
    lines = [line for line in lines if any(cell.strip() for cell in line)]
    header = [cell.strip().lower() for cell in lines[0]] if lines else []
    if "url" in header:
        lines = lines[1:]
    else:  # a plain list: the first cell of every line is a URL
        header = ["url"]
    if len(lines) > max_rows:
        raise _invalid(f"At most {max_rows} rows per import")
    rows = []
    for number, line in enumerate(lines, start=1):
        values = {name: _unquote_cell(cell) for name, cell in zip(header, line, strict=False) if name in CSV_COLUMNS}
        fields = {name: value for name, value in values.items() if name in ITEM_FIELDS and value != ""}
        cart_only = not fields and bool(values.get("cart"))
        rows.append(ImportedRow(number, values.get("cart") or None, fields, cart_only))
    return rows


def read_json(raw: bytes, max_rows: int) -> list[ImportedRow]:
    """Our JSON export."""
    try:
        document = json.loads(raw)
    except (UnicodeDecodeError, ValueError):
        raise _invalid("The body is not JSON") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise _invalid(f'Not a BuyHive export (expected "format": "{FORMAT_NAME}")')
    carts = document.get("carts")
    if not isinstance(carts, list) or not all(isinstance(c, dict) and isinstance(c.get("items"), list) for c in carts):
        raise _invalid("Expected carts: [{name, items: [...]}]")
    rows: list[ImportedRow] = []
    for cart in carts:
        cart_name = cart.get("name") if isinstance(cart.get("name"), str) else None
        items = cart["items"] or [None]  # an empty cart is one row that makes the cart only
        for item in items:
            fields = {k: v for k, v in item.items() if k in ITEM_FIELDS and v is not None} if item else {}
            rows.append(ImportedRow(len(rows) + 1, cart_name, fields, cart_only=item is None))
            if len(rows) > max_rows:
                raise _invalid(f"At most {max_rows} rows per import")
    return rows
