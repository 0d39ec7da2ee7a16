"""One re-check of a watched product: fetch its page politely, read the price with the structured stage only (no LLM,
no CLIP), record it, judge the watches.

Polite and honest:
- one fetch at a time per host, across every instance (a lease on the host's document), and a minimum interval
  between fetches (PRICE_RECHECK_HOST_INTERVAL_SECONDS, or the site's Crawl-delay when longer);
- robots.txt is read (cached a day) and obeyed for our product token, BuyHiveBot;
- conditional requests (If-None-Match / If-Modified-Since): an unchanged page costs the shop a 304;
- 403, 429, 5xx and bot walls back off exponentially per host (Retry-After honoured), up to
  PRICE_RECHECK_MAX_BACKOFF_HOURS; the product says `blocked`, `gone` or `no_price`, never a made-up price;
- at most PRICE_RECHECK_HOST_DAILY_BUDGET checks per host a (UTC) day: the rest wait for the next day, their status
  unchanged (a big shop with many watched products is not fetched all day long).
"""

from __future__ import annotations

import logging
import random
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import anyio
from bson import ObjectId
from pymongo.asynchronous.database import AsyncDatabase

from app.clock import utc_now
from app.config import Settings
from app.extraction.structured import extract_structured
from app.money import from_decimal128
from app.net import FetchError, FetchResult, SafeFetcher
from app.net.errors import BlockedAddress, InvalidUrl
from app.net.pages import RobotsRules, fetch_page, fetch_robots, page_text, retry_after
from app.pricewatch import alerts, repository, service

logger = logging.getLogger(__name__)

ROBOTS_MAX_AGE = timedelta(days=1)
GONE_RECHECK_AFTER = timedelta(days=7)
MAX_CRAWL_DELAY = timedelta(minutes=5)  # a Crawl-delay beyond this is honoured as this
# Interstitials shops and CDNs show bots instead of the page (checked only when no price was found).
_BOT_WALL = re.compile(
    r"captcha|cf-chl|just a moment\.\.\.|are you a (ro)?bot|verify you are (a )?human|access denied"
    r"|pardon our interruption|unusual traffic|request unsuccessful\. incapsula",
    re.IGNORECASE,
)


def _day_start(moment: datetime) -> datetime:
    return moment.replace(hour=0, minute=0, second=0, microsecond=0)


@dataclass(frozen=True)
class Outcome:
    """What one check found: the product's new status and schedule, and how the host should be treated."""

    status: str | None  # None: keep the product's status (a transient failure says nothing about the page)
    next_check_at: datetime
    host_failed: bool = False
    host_retry_at: datetime | None = None
    validators: dict[str, Any] | None = None  # etag / last_modified of a fresh answer


class Rechecker:
    """Claims due products one at a time (leases in MongoDB) and checks them; safe with any number of instances."""

    def __init__(self, db: AsyncDatabase, fetcher: SafeFetcher, settings: Settings, *, worker_id: str) -> None:
        self.db = db
        self.fetcher = fetcher
        self.settings = settings
        self.worker_id = worker_id
        self.lease = timedelta(seconds=settings.price_recheck_lease_seconds)
        self.interval = timedelta(hours=settings.price_recheck_interval_hours)
        self.host_interval = timedelta(seconds=settings.price_recheck_host_interval_seconds)
        self.max_backoff = timedelta(hours=settings.price_recheck_max_backoff_hours)
        self.daily_budget = settings.price_recheck_host_daily_budget
        self.counts = dict.fromkeys(("checked", "unchanged", "blocked", "failed", "alerts", "stale", "over_budget"), 0)
        self._in_hand: set[str] = set()  # hosts this process's lanes are fetching from: not worth claiming

    async def process_next(self) -> bool:
        """Claim one due product and check it (or put it back if its host is busy); False when none is due."""
        now = utc_now()
        product = await repository.claim_due_product(
            self.db, worker_id=self.worker_id, now=now, lease=self.lease, skip_hosts=self._in_hand
        )
        if product is None:
            return False
        await self._check_claimed(product, now)
        return True

    async def process_scheduled(self, product_id: ObjectId, due: datetime) -> bool:
        """Check the product a queue message names, if it is still due at `due` and nobody holds it; False when the
        message is stale (its check was done, by a delivery before this one or by another instance) or taken."""
        now = utc_now()
        product = await repository.claim_scheduled_product(
            self.db, product_id=product_id, due=due, worker_id=self.worker_id, now=now, lease=self.lease
        )
        if product is None:
            self.counts["stale"] += 1
            return False
        await self._check_claimed(product, now)
        return True

    async def _check_claimed(self, product: dict[str, Any], now: datetime) -> None:
        """Take the product's host and check it, or, the host being busy or resting, put the product back for then."""
        host = await repository.claim_host(
            self.db, host=product["host"], worker_id=self.worker_id, now=now, lease=self.lease
        )
        if host is None:  # another instance is fetching from this host, or it is resting: its products wait
            resting = await repository.find_host(self.db, product["host"]) or {}
            retry_at = max(resting.get("next_allowed_at") or now, now) + timedelta(seconds=random.uniform(0.5, 2))
            await repository.finish_check(
                self.db, product_id=product["_id"], worker_id=self.worker_id, changes={"next_check_at": retry_at}
            )
            await repository.defer_host(self.db, host=product["host"], until=retry_at, now=now)
            return
        if self._over_budget(host, now):  # this host had its checks for today: its products wait for tomorrow
            await self._defer_to_tomorrow(product, now)
            return
        self._in_hand.add(product["host"])
        try:
            outcome = await self._check(product, host, now)
            await self._finish(product, host, outcome)
        finally:
            self._in_hand.discard(product["host"])

    def _over_budget(self, host: dict[str, Any], now: datetime) -> bool:
        """Whether the host has had PRICE_RECHECK_HOST_DAILY_BUDGET checks this (UTC) day; if not, count this one
        (written back with the host's other changes, by this worker, which holds the host)."""
        today = now.date().isoformat()
        checks = int(host.get("checks_today") or 0) if host.get("checks_day") == today else 0
        if checks >= self.daily_budget:
            return True
        host.update(checks_day=today, checks_today=checks + 1)
        return False

    async def _defer_to_tomorrow(self, product: dict[str, Any], now: datetime) -> None:
        """Put the product, and every other due one of its host, back for the start of the next UTC day, status as it
        was; the host rests until then, so no worker draws them one by one meanwhile."""
        tomorrow = _day_start(now) + timedelta(days=1, seconds=random.uniform(0, 60))
        await repository.release_host(
            self.db, host=product["host"], worker_id=self.worker_id, changes={"next_allowed_at": tomorrow}
        )
        await repository.finish_check(
            self.db, product_id=product["_id"], worker_id=self.worker_id, changes={"next_check_at": tomorrow}
        )
        await repository.defer_host(self.db, host=product["host"], until=tomorrow, now=now)
        self.counts["over_budget"] += 1
        logger.info("recheck: host over its daily budget, deferred", extra={"host": product["host"]})

    async def _check(self, product: dict[str, Any], host: dict[str, Any], now: datetime) -> Outcome:
        url = product["canonical_url"]
        try:
            robots = await self._robots(host, url, now)
            if not robots.allows(url):
                return Outcome(status="blocked", next_check_at=now + self.interval)
            page = await fetch_page(
                self.fetcher, url, etag=product.get("etag"), last_modified=product.get("last_modified")
            )
        except (BlockedAddress, InvalidUrl) as exc:  # never fetchable from here: say so, look again much later
            logger.info("recheck refused", extra={"host": product["host"], "error": exc.code})
            return Outcome(status="blocked", next_check_at=now + GONE_RECHECK_AFTER)
        except FetchError as exc:  # timeouts, resets, a page too large or not HTML: back off, keep the status
            logger.info("recheck failed", extra={"host": product["host"], "error": exc.code})
            return self._backoff(host, now, status=None, retry=None)
        return await self._judge(product, host, page, now)

    async def _judge(self, product: dict[str, Any], host: dict[str, Any], page: FetchResult, now: datetime) -> Outcome:
        validators = {"etag": page.headers.get("etag"), "last_modified": page.headers.get("last-modified")}
        if page.status == 304:
            latest = product.get("latest") or {}
            await self._record(product, latest, now)
            self.counts["unchanged"] += 1
            return Outcome(status=product.get("status") or "ok", next_check_at=self._next(now))
        if page.status in (404, 410):
            return Outcome(status="gone", next_check_at=now + GONE_RECHECK_AFTER)
        if page.status in (401, 403, 429, 451) or page.status >= 500:
            status = None if page.status >= 500 and page.status != 503 else "blocked"
            return self._backoff(host, now, status=status, retry=retry_after(page.headers, now))
        if not 200 <= page.status < 300:
            return Outcome(status="blocked", next_check_at=self._next(now))
        html = page_text(page)
        found = await anyio.to_thread.run_sync(extract_structured, html, page.final_url)
        if found.price is None or found.currency is None:
            if _BOT_WALL.search(html[:200_000]):
                return self._backoff(host, now, status="blocked", retry=None)
            if found.availability is not None:  # still worth knowing: back-in-stock watches read it
                await self._record(product, {"price": None, "availability": found.availability}, now)
            return Outcome(status="no_price", next_check_at=self._next(now), validators=validators)
        latest = {
            "price": found.price,
            "currency": found.currency,
            "regular_price": found.regular_price,
            "availability": found.availability,
        }
        await self._record(product, latest, now)
        return Outcome(status="ok", next_check_at=self._next(now), validators=validators)

    async def _record(self, product: dict[str, Any], seen: dict[str, Any], now: datetime) -> None:
        """Record our own observation and judge the watches against the product as it now stands."""
        await service.record_price(
            self.db,
            url=product["canonical_url"],
            price=from_decimal128(seen.get("price")),
            currency=seen.get("currency"),
            regular_price=from_decimal128(seen.get("regular_price")),
            availability=seen.get("availability"),
            source="recheck",
            now=now,
        )
        current = await repository.find_product_by_id(self.db, product["_id"])
        latest = (current or {}).get("latest")
        if latest:
            self.counts["alerts"] += await alerts.evaluate_watches(
                self.db, self.settings, product_id=product["_id"], latest=latest, now=now
            )

    async def _robots(self, host: dict[str, Any], url: str, now: datetime) -> RobotsRules:
        fetched_at = host.get("robots_fetched_at")
        if fetched_at is not None and now - fetched_at < ROBOTS_MAX_AGE:
            return RobotsRules(text=host.get("robots_text") or "", disallow_all=bool(host.get("robots_disallow_all")))
        rules = await fetch_robots(self.fetcher, url)
        host.update(robots_text=rules.text, robots_disallow_all=rules.disallow_all, robots_fetched_at=now)
        return rules

    def _next(self, now: datetime) -> datetime:
        # Jittered, so products watched at the same moment spread out instead of arriving together every day.
        return now + self.interval * random.uniform(0.9, 1.1)

    def _backoff(self, host: dict[str, Any], now: datetime, *, status: str | None, retry: timedelta | None) -> Outcome:
        failures = int(host.get("failures") or 0) + 1
        wait = min(self.max_backoff, max(self.host_interval, timedelta(seconds=30)) * 2 ** (failures - 1))
        if retry is not None:
            wait = min(self.max_backoff, max(wait, retry))
        retry_at = now + wait
        host["failures"] = failures
        return Outcome(status=status, next_check_at=retry_at, host_failed=True, host_retry_at=retry_at)

    async def _finish(self, product: dict[str, Any], host: dict[str, Any], outcome: Outcome) -> None:
        done = utc_now()
        crawl_delay = RobotsRules(text=host.get("robots_text") or "").crawl_delay()
        rest = max(self.host_interval, min(MAX_CRAWL_DELAY, timedelta(seconds=crawl_delay or 0)))
        host_changes: dict[str, Any] = {
            "next_allowed_at": outcome.host_retry_at or done + rest,
            "failures": host.get("failures", 0) if outcome.host_failed else 0,
            "robots_text": host.get("robots_text"),
            "robots_disallow_all": host.get("robots_disallow_all", False),
            "robots_fetched_at": host.get("robots_fetched_at"),
            "checks_day": host.get("checks_day"),
            "checks_today": host.get("checks_today", 0),
        }
        await repository.release_host(self.db, host=product["host"], worker_id=self.worker_id, changes=host_changes)
        changes: dict[str, Any] = {"next_check_at": outcome.next_check_at, "checked_at": done}
        if outcome.status is not None:
            changes["status"] = outcome.status
        if outcome.validators is not None:
            changes.update(outcome.validators)
        if not await repository.finish_check(
            self.db, product_id=product["_id"], worker_id=self.worker_id, changes=changes
        ):
            logger.warning("recheck: lease lost before the outcome was recorded", extra={"host": product["host"]})
        self.counts["blocked" if outcome.status == "blocked" else "failed" if outcome.host_failed else "checked"] += 1
