from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

from app.ids import PyObjectId
from app.text import OneLine

CartName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100), OneLine]


class CartCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: CartName


class CartUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: CartName


class CartOut(BaseModel):
    id: PyObjectId
    name: str
    is_default: bool
    item_count: int
    created_at: datetime
    updated_at: datetime
