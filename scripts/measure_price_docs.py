"""Sizes of price watch documents as the app writes them, for docs/SCALING.md.

Records a product's prices through the service (one product page seen, then 30 daily re-checks with a price change
every few days), a watch and a host, on an embedded SecantusDB; prints each kind's BSON size and the index key sizes
(the fields each index holds), and the server's collStats where it answers.

    .venv/bin/python scripts/measure_price_docs.py
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import bson
from pymongo.errors import OperationFailure

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.clock import utc_now  # noqa: E402
from app.config import Settings  # noqa: E402
from app.db import EmbeddedMongo, make_client  # noqa: E402
from app.indexes import ensure_indexes  # noqa: E402
from app.pricewatch import repository, service  # noqa: E402

URL = "https://www.example-shop.com/products/acme-stainless-steel-electric-kettle-1-7l-ak17?variant=41234567890123"


def _size(doc: dict) -> int:
    return len(bson.encode(doc))


async def measure(mongo: EmbeddedMongo) -> None:
    settings = Settings(_env_file=None, environment="test", mongo_url=mongo.url, mongo_db="measure_price_docs",
                        jwt_secret_key="measure-secret-0123456789abcdef0123456789")  # fmt: skip
    client = make_client(mongo.url, settings)
    db = client[settings.mongo_db]
    await ensure_indexes(db)
    start = utc_now() - timedelta(days=30)
    for day in range(31):
        price = Decimal("49.99") - Decimal(day // 5)  # a change every five days, else one flat point a day
        await service.record_price(db, url=URL, price=price, currency="USD", regular_price=Decimal("59.99"),
                                   availability="InStock", source="page" if day == 0 else "recheck",
                                   now=start + timedelta(days=day))  # fmt: skip
    product = await db[repository.PRODUCTS].find_one({})
    assert product is not None
    await repository.add_watcher(db, product_id=product["_id"], first_check_at=utc_now())
    await db[repository.PRODUCTS].update_one({"_id": product["_id"]}, {"$set": {
        "status": "ok", "checked_at": utc_now(), "etag": '"5f1c2a9d0b3e4f67"',
        "last_modified": "Mon, 30 Nov 2026 06:00:00 GMT"}})  # fmt: skip
    product = await db[repository.PRODUCTS].find_one({})
    assert product is not None
    observation = await db[repository.OBSERVATIONS].find_one({})
    observations = await db[repository.OBSERVATIONS].count_documents({})
    watch, _ = await repository.upsert_watch(
        db, user_id=bson.ObjectId(), item_id=bson.ObjectId(),
        fields={"target_price": bson.Decimal128("39.99"), "drop_percent": None, "back_in_stock": False,
                "name": "Acme Stainless Steel Electric Kettle 1.7 L", "url": URL, "updated_at": utc_now()},
        new={"_id": bson.ObjectId(), "product_id": product["_id"], "currency": "USD",
             "baseline_price": bson.Decimal128("49.99"), "condition_met": False, "seen_availability": "InStock",
             "last_alert_at": None, "created_at": utc_now()},
    )  # fmt: skip
    assert observation is not None
    print(f"observations recorded over 31 days: {observations}")
    print(f"price_products document: {_size(product)} B")
    print(f"price_observations document: {_size(observation)} B")
    print(f"price_watches document: {_size(watch)} B")
    keys = {
        "price_products canonical_url_unique": {"k": product["canonical_url"]},
        "price_products due (next_check_at)": {"k": product["next_check_at"]},
        "price_products host_due": {"h": product["host"], "k": product["next_check_at"]},
        "price_observations product_history": {"p": observation["product_id"], "a": observation["at"]},
        "price_observations history_ttl (at)": {"a": observation["at"]},
        "price_watches product": {"p": watch["product_id"]},
        "price_watches user_item_unique": {"u": watch["user_id"], "i": watch["item_id"]},
    }
    for name, key in keys.items():
        print(f"index key {name}: {_size(key)} B (BSON, before the storage engine's prefix compression)")
    for collection in (repository.PRODUCTS, repository.OBSERVATIONS, repository.WATCHES):
        try:
            stats = await db.command("collStats", collection)
            print(f"collStats {collection}: count {stats.get('count')}, avgObjSize {stats.get('avgObjSize')}, "
                  f"indexSizes {stats.get('indexSizes')}")  # fmt: skip
        except OperationFailure as exc:  # SecantusDB answers only some of MongoDB's statistics
            print(f"collStats {collection}: not answered ({type(exc).__name__})")
    await client.drop_database(settings.mongo_db)
    await client.close()


def main() -> None:
    with tempfile.TemporaryDirectory() as data:
        mongo = EmbeddedMongo(Path(data))
        mongo.start()
        try:
            asyncio.run(measure(mongo))
        finally:
            mongo.stop()


if __name__ == "__main__":
    main()
