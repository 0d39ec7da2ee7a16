from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from app.ids import PyObjectId

ExportFormat = Literal["csv", "json"]
RowStatus = Literal["created", "merged", "rejected", "cart"]  # cart: a row that makes an empty cart only


class ImportRow(BaseModel):
    row: int  # 1-based: the data row of a CSV (the header is row 0), or the item's place in a JSON export
    status: RowStatus
    cart: str | None = None
    url: str | None = None
    item_id: PyObjectId | None = None
    reason: str | None = None  # why it was rejected


class ImportReport(BaseModel):
    created: int
    merged: int
    rejected: int
    rows: list[ImportRow]
