"""Create every collection's indexes at start-up; create_indexes is idempotent."""

from __future__ import annotations

from pymongo.asynchronous.database import AsyncDatabase

from app.auth import repository as auth_repository
from app.carts import repository as carts_repository
from app.collaboration import repository as collaboration_repository
from app.extraction import repository as extraction_repository
from app.items import repository as items_repository
from app.outbox import repository as outbox_repository
from app.pricewatch import repository as pricewatch_repository
from app.sharing import repository as sharing_repository
from app.suppression import repository as suppression_repository


async def ensure_indexes(db: AsyncDatabase) -> None:
    modules = (
        auth_repository,
        carts_repository,
        items_repository,
        outbox_repository,
        extraction_repository,
        sharing_repository,
        collaboration_repository,
        suppression_repository,
        pricewatch_repository,
    )
    for module in modules:
        await module.ensure_indexes(db)
