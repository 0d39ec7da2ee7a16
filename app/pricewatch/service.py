"""Price history of products, what items show of it, and people's watches.

Other domains call in one way: extraction and items report the prices a person's browser saw (`record_price`),
items ask what to show (`price_tracking_for`). Nothing here reads their collections.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

from bson import ObjectId
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.database import AsyncDatabase

from app.auth import service as auth
from app.clock import utc_now
from app.errors import Forbidden, NotFound
from app.items.canonical import canonical_url
from app.money import from_decimal128, to_decimal128
from app.pricewatch import repository
from app.pricewatch.schemas import (
    ObservationSource,
    PriceHistoryOut,
    PriceMark,
    PricePoint,
    PriceTracking,
    WatchIn,
    WatchOut,
)

STATUS_MESSAGES = {
    "blocked": "The shop does not let us check this page right now; its price refreshes the next time you visit it.",
    "gone": "The shop no longer has this page; its price refreshes if you visit it again.",
    "no_price": "The page shows no price at the moment; it refreshes the next time you visit it.",
}
# A price a person's browser saw is history, but only our own fetch may set off an alert: anyone can send /extract
# any HTML for any URL. A watched product whose page was seen changed is re-checked this soon.
CONFIRM_CHANGE_AFTER = timedelta(minutes=1)
# Bounded history even for a page that flaps (or a person sending /extract a different price every few seconds):
# beyond this many points a day the product's latest still moves, but no further point is stored that day.
MAX_POINTS_PER_DAY = 24
# How long a recorder holds a queued price: one that died with it leaves it to the next after this.
SEEN_LEASE = timedelta(minutes=1)


class EmailNotVerified(Forbidden):
    code = "email_not_verified"
    message = "Verify your email address first: alerts are sent to it"


@dataclass(frozen=True)
class Observation:
    price: Decimal | None
    currency: str | None
    regular_price: Decimal | None
    availability: str | None

    def signature(self) -> str:
        """Equal for observations a person would call "unchanged"."""
        return "|".join(str(value) if value is not None else "" for value in self._fields())

    def _fields(self) -> tuple[Any, ...]:
        return (self.price, self.currency, self.regular_price, self.availability)


@dataclass(frozen=True)
class Recorded:
    """What recording an observation did: the product before it, and whether the observation was a change."""

    product_id: ObjectId
    before: dict[str, Any]
    latest: dict[str, Any]
    changed: bool


@dataclass(frozen=True)
class WatchedItem:
    """The person's item a watch is on, as the items domain describes it."""

    item_id: ObjectId
    name: str
    url: str
    canonical_url: str
    price: Decimal | None
    currency: str | None


def host_of(url: str) -> str:
    """The unit of politeness: scheme-less host and port, as in the canonical URL."""
    return urlsplit(url).netloc


def _day_start(moment: datetime) -> datetime:
    return moment.replace(hour=0, minute=0, second=0, microsecond=0)


async def record_price(
    db: AsyncDatabase,
    *,
    url: str,
    price: Decimal | None,
    currency: str | None,
    regular_price: Decimal | None = None,
    availability: str | None = None,
    source: ObservationSource,
    now: datetime | None = None,
) -> Recorded | None:
    """Record what a page showed for a product: a change is stored, a repeat only once a day (else the product is
    marked seen). Nothing is recorded without a price in a known currency or a stock state."""
    if price is not None and currency is None:
        return None  # an amount in an unknown currency compares with nothing
    if price is None and availability is None:
        return None
    now = now or utc_now()
    canonical = canonical_url(url)
    if availability is None:  # not shown (a save from the form, a page without stock markup): as it was
        known = await repository.find_product(db, canonical_url=canonical)
        availability = ((known or {}).get("latest") or {}).get("availability")
    observation = Observation(price, currency if price is not None else None, regular_price, availability)
    signature = observation.signature()
    if await repository.touch_if_unchanged(
        db, canonical_url=canonical, signature=signature, since=_day_start(now), now=now
    ):
        return None
    latest = {
        "price": to_decimal128(price),
        "currency": observation.currency,
        "regular_price": to_decimal128(regular_price) if price is not None else None,
        "availability": availability,
        "at": now,
        "source": source,
        "signature": signature,
    }
    before, product_id = await repository.replace_latest(
        db, canonical_url=canonical, host=host_of(canonical), latest=latest, now=now
    )
    previous = before.get("latest") or {}
    if previous.get("signature") == signature and previous.get("at", now) >= _day_start(now):
        return None  # another request recorded the same thing a moment ago
    # A new product has no points yet and was created with its last change now: three round trips fewer.
    if not before or (
        await repository.count_observations(db, product_id=product_id, since=_day_start(now)) < MAX_POINTS_PER_DAY
    ):
        await repository.insert_observation(
            db, {"_id": ObjectId(), "product_id": product_id, **{k: v for k, v in latest.items() if k != "signature"}}
        )
    changed = previous.get("signature") != signature
    if changed and before:
        await repository.set_last_change(db, product_id=product_id, at=now)
        if source == "page" and previous:
            await repository.check_sooner(db, product_id=product_id, at=now + CONFIRM_CHANGE_AFTER)
    return Recorded(product_id=product_id, before=before, latest=latest, changed=changed)


async def queue_price(
    db: AsyncDatabase,
    *,
    url: str,
    price: Decimal | None,
    currency: str | None,
    source: ObservationSource,
    now: datetime,
    session: AsyncClientSession,
) -> None:
    """Keep a price a person's browser saw, in the caller's transaction, for `record_queued_prices` to record after
    the response: one insert instead of the history's reads and writes (several round trips, and a count for a
    changed price), and it commits or aborts with the save itself. Only what `record_price` would record is kept."""
    if price is None or currency is None:
        return
    seen = {"_id": ObjectId(), "url": canonical_url(url), "price": to_decimal128(price), "currency": currency,
            "source": source, "at": now}  # fmt: skip
    await repository.queue_seen_price(db, seen, session)


async def record_queued_prices(db: AsyncDatabase, *, limit: int = 100) -> int:
    """Record queued prices into the history, oldest first, at the time they were seen; returns how many were taken.

    Run after each save's response, and by the re-check worker's scheduler for any a crash left behind (a price is
    held for SEEN_LEASE while it is recorded, and deleted only once it is). Recording one twice adds no point: it is
    an unchanged observation the same day. A price older than what the product shows already (someone saw the page
    since) is dropped: the history is kept in order."""
    taken = 0
    while taken < limit:
        seen = await repository.claim_seen_price(db, now=utc_now(), lease=SEEN_LEASE)
        if seen is None:
            break
        taken += 1
        product = await repository.find_product(db, canonical_url=seen["url"])
        latest = (product or {}).get("latest") or {}
        if latest.get("at") is None or latest["at"] <= seen["at"]:
            # A save shows no stock state: as the product had it (read here already, so record_price need not).
            await record_price(
                db,
                url=seen["url"],
                price=from_decimal128(seen["price"]),
                currency=seen["currency"],
                availability=latest.get("availability"),
                source=seen["source"],
                now=seen["at"],
            )
        await repository.delete_seen_price(db, seen["_id"])
    return taken


def _point(doc: dict[str, Any]) -> PricePoint:
    return PricePoint(
        at=doc["at"],
        price=from_decimal128(doc.get("price")),
        currency=doc.get("currency"),
        regular_price=from_decimal128(doc.get("regular_price")),
        availability=doc.get("availability"),
        source=doc["source"],
    )


def _extremes(points: list[PricePoint], currency: str | None, since: datetime) -> tuple[PriceMark | None, ...]:
    """Lowest and highest price from `since`, in `currency` only: a series never mixes currencies."""
    priced = [p for p in points if p.at >= since and p.price is not None and p.currency == currency]
    if currency is None or not priced:
        return None, None
    low = min(priced, key=lambda p: (p.price, p.at))
    high = max(priced, key=lambda p: (p.price, -p.at.timestamp()))
    assert low.price is not None and high.price is not None
    return (
        PriceMark(price=low.price, currency=currency, at=low.at),
        PriceMark(price=high.price, currency=currency, at=high.at),
    )


def _series_currency(product: dict[str, Any], points: list[PricePoint]) -> str | None:
    """The currency of the product's latest price (a page showing no price at all keeps the last one)."""
    latest = (product.get("latest") or {}).get("currency")
    return latest or next((point.currency for point in reversed(points) if point.currency), None)


def _tracking(product: dict[str, Any], points: list[PricePoint], now: datetime) -> PriceTracking:
    current = _point(product["latest"]) if product.get("latest") else None
    currency = _series_currency(product, points)
    low30, high30 = _extremes(points, currency, now - timedelta(days=30))
    low90, high90 = _extremes(points, currency, now - timedelta(days=90))
    status = product.get("status")
    return PriceTracking(
        current=current,
        lowest_30d=low30,
        highest_30d=high30,
        lowest_90d=low90,
        highest_90d=high90,
        last_change_at=product.get("last_change_at"),
        last_seen_at=product.get("last_seen_at"),
        status=status,
        status_message=STATUS_MESSAGES.get(status or ""),
    )


async def price_tracking_for(db: AsyncDatabase, canonical_urls: list[str]) -> dict[str, PriceTracking]:
    """What each of these product URLs' records say (current, lowest/highest over 30/90 days), by canonical URL.
    URLs nobody has seen a price for are left out."""
    products = await repository.find_products(db, canonical_urls=list(dict.fromkeys(canonical_urls)))
    if not products:
        return {}
    now = utc_now()
    history = await repository.observations_since(
        db, product_ids=[p["_id"] for p in products], since=now - timedelta(days=90)
    )
    points: dict[ObjectId, list[PricePoint]] = defaultdict(list)
    for doc in history:
        points[doc["product_id"]].append(_point(doc))
    return {p["canonical_url"]: _tracking(p, points[p["_id"]], now) for p in products}


async def page_price_tracking(db: AsyncDatabase, *, url: str) -> PriceTracking | None:
    """What the product record of the page at `url` says, for the product form (None when nobody saw a price)."""
    canonical = canonical_url(url)
    return (await price_tracking_for(db, [canonical])).get(canonical)


async def price_history(db: AsyncDatabase, *, url: str, days: int) -> PriceHistoryOut:
    """The product's observations over the last `days` days, oldest first, with the period's extremes."""
    product = await repository.find_product(db, canonical_url=canonical_url(url))
    if product is None:
        return PriceHistoryOut(points=[], lowest=None, highest=None, last_seen_at=None, status=None)
    now = utc_now()
    since = now - timedelta(days=days)
    docs = await repository.observations_since(db, product_ids=[product["_id"]], since=since)
    points = [_point(doc) for doc in docs]
    lowest, highest = _extremes(points, _series_currency(product, points), since)
    return PriceHistoryOut(
        points=points,
        lowest=lowest,
        highest=highest,
        last_seen_at=product.get("last_seen_at"),
        status=product.get("status"),
    )


# --- watches ---


def _email_verified(user: dict[str, Any]) -> bool:
    # The one place price watch asks this (until a shared VerifiedUser dependency exists).
    return auth.user_out(user).email_verified


async def require_verified_email(db: AsyncDatabase, user_id: ObjectId) -> dict[str, Any]:
    """The user, if their address is verified (alerts go to it); 403 `email_not_verified` otherwise."""
    user = await auth.find_user(db, user_id)
    if not _email_verified(user):
        raise EmailNotVerified()
    return user


async def verified_address(db: AsyncDatabase, user_id: ObjectId) -> str | None:
    """Where alerts for this person go: their address if it is verified, else None (or when the account is gone)."""
    try:
        user = await auth.find_user(db, user_id)
    except NotFound:
        return None
    return str(user["email"]) if _email_verified(user) else None


def watch_out(watch: dict[str, Any], product: dict[str, Any] | None) -> WatchOut:
    return WatchOut(
        item_id=watch["item_id"],
        name=watch["name"],
        url=watch["url"],
        target_price=from_decimal128(watch.get("target_price")),
        drop_percent=from_decimal128(watch.get("drop_percent")),
        back_in_stock=watch["back_in_stock"],
        currency=watch.get("currency"),
        baseline_price=from_decimal128(watch.get("baseline_price")),
        last_alert_at=watch.get("last_alert_at"),
        status=(product or {}).get("status"),
        created_at=watch["created_at"],
        updated_at=watch["updated_at"],
    )


async def watch_item(db: AsyncDatabase, *, user_id: ObjectId, item: WatchedItem, data: WatchIn) -> WatchOut:
    """Start (or change) watching an item's product; requires a verified email."""
    await require_verified_email(db, user_id)
    now = utc_now()
    product = await repository.ensure_product(
        db, canonical_url=item.canonical_url, host=host_of(item.canonical_url), now=now
    )
    latest = product.get("latest") or {}
    # Targets are in the product's current currency (else the item's): a price in another is never compared.
    currency = latest.get("currency") or item.currency
    baseline = from_decimal128(latest.get("price")) if latest.get("currency") == currency else None
    if baseline is None and item.currency == currency:
        baseline = item.price
    fields = {
        "target_price": to_decimal128(data.target_price),
        "drop_percent": to_decimal128(data.drop_percent),
        "back_in_stock": data.back_in_stock,
        "name": item.name,
        "url": item.url,
        "updated_at": now,
    }
    new = {
        "_id": ObjectId(),
        "product_id": product["_id"],
        "currency": currency,
        "baseline_price": to_decimal128(baseline),
        # What the watch last judged: alerts fire on a change into the wanted state, not on every check in it.
        "condition_met": False,
        "seen_availability": latest.get("availability"),
        "last_alert_at": None,
        "created_at": now,
    }
    watch, created = await repository.upsert_watch(db, user_id=user_id, item_id=item.item_id, fields=fields, new=new)
    if created:
        await repository.add_watcher(db, product_id=product["_id"], first_check_at=now)
    return watch_out(watch, product)


async def delete_watch(db: AsyncDatabase, watch_id: ObjectId) -> bool:
    """Remove one watch whoever owns it (its unsubscribe link); False when it was gone already."""
    watch = await repository.delete_watch_by_id(db, watch_id)
    if watch is None:
        return False
    await repository.remove_watcher(db, product_id=watch["product_id"])
    return True


async def unwatch_item(db: AsyncDatabase, *, user_id: ObjectId, item_id: ObjectId) -> None:
    """Stop watching an item (idempotent: an item not watched stays so)."""
    watch = await repository.delete_watch(db, user_id=user_id, item_id=item_id)
    if watch is not None:
        await repository.remove_watcher(db, product_id=watch["product_id"])


async def list_watches(db: AsyncDatabase, *, user_id: ObjectId) -> list[WatchOut]:
    """The person's watches, newest first (a watch whose item was deleted meanwhile is dropped)."""
    watches = await live_watches(db, user_id, await repository.watches_of_user(db, user_id=user_id))
    products = await repository.find_products_by_ids(db, list({watch["product_id"] for watch in watches}))
    by_id = {product["_id"]: product for product in products}
    return [watch_out(watch, by_id.get(watch["product_id"])) for watch in watches]


# --- forgotten products ---

# A product nobody saves or watches and nobody has seen for this long is deleted with its history: by then every
# observation has expired (HISTORY_RETENTION_DAYS) and its latest price is too old to show anyone.
PRODUCT_RETENTION = timedelta(days=repository.HISTORY_RETENTION_DAYS)
SWEEP_BATCH = 500

# Which product URLs someone has saved: asked of the items domain, which registers how (nothing here reads items).
SavedLookup = Callable[[AsyncDatabase, list[str]], Awaitable[set[str]]]
_saved_lookup: list[SavedLookup] = []


def register_saved_lookup(lookup: SavedLookup) -> None:
    """`lookup(db, canonical_urls)` answers which of these URLs anyone has an item for."""
    if lookup not in _saved_lookup:
        _saved_lookup.append(lookup)


async def sweep_forgotten_products(db: AsyncDatabase, *, now: datetime) -> int:
    """Delete the products nobody saves or watches and nobody has seen for PRODUCT_RETENTION; returns how many.
    A product someone still has an item for stays, however old (their item shows when its price was last seen)."""
    if not _saved_lookup:  # a wiring bug: never delete what someone may have saved
        raise RuntimeError("nothing registered which products are saved: import app.items.service")
    before = now - PRODUCT_RETENTION
    swept, after = 0, None
    while True:
        candidates = await repository.forgotten_products(db, before=before, after=after, limit=SWEEP_BATCH)
        saved = await _saved_lookup[0](db, [product["canonical_url"] for product in candidates])
        for product in candidates:
            if product["canonical_url"] not in saved:
                swept += await repository.delete_forgotten_product(db, product_id=product["_id"], before=before)
        if len(candidates) < SWEEP_BATCH:
            return swept
        after = candidates[-1]


# Items are deleted in several ways (one by one, with their last cart, with the account): rather than each
# telling us, the items domain registers how to ask which still exist, and watches on deleted ones are dropped.
ItemLookup = Callable[[AsyncDatabase, ObjectId, list[ObjectId]], Awaitable[set[ObjectId]]]
_item_lookup: list[ItemLookup] = []


def register_item_lookup(lookup: ItemLookup) -> None:
    """`lookup(db, user_id, item_ids)` answers which of the person's items still exist."""
    if lookup not in _item_lookup:
        _item_lookup.append(lookup)


async def live_watches(db: AsyncDatabase, user_id: ObjectId, watches: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`watches` (all the person's) whose item still exists; the others are deleted."""
    if not watches or not _item_lookup:
        return watches
    existing = await _item_lookup[0](db, user_id, [watch["item_id"] for watch in watches])
    for watch in watches:
        if watch["item_id"] not in existing:
            await delete_watch(db, watch["_id"])
    return [watch for watch in watches if watch["item_id"] in existing]


async def forget_user(db: AsyncDatabase, *, user_id: ObjectId, session: AsyncClientSession) -> None:
    """Delete everything naming the person (watches, alerts, the all-alerts opt-out), inside the caller's transaction.
    Product records never name anyone and stay; their watcher counts are corrected."""
    watches = await repository.delete_watches_of_user(db, user_id=user_id, session=session)
    await repository.delete_alerts_of_user(db, user_id=user_id, session=session)
    await repository.delete_opt_out(db, user_id=user_id, session=session)
    for watch in watches:
        await repository.remove_watcher(db, product_id=watch["product_id"], session=session)
