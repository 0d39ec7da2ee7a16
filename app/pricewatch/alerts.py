"""Alerts: which watches a re-checked price sets off, claimed once per watch and period, mailed through the outbox.

Exactly once, with any number of instances: an alert is a document whose id is (watch, period); inserting it and
queueing its email happen in one transaction, so of racing workers (or a retry after a crash) one wins and the
others hit the unique id. The outbox then sends each queued email once (its own lease rules).
Past `PRICE_ALERT_DIGEST_AFTER` instant alerts in a day, a person's further alerts wait for one digest the next day.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
from collections import defaultdict
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any, Literal

from bson import ObjectId
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import DuplicateKeyError

from app.config import Settings
from app.db import in_transaction
from app.mail import OutgoingEmail
from app.money import from_decimal128
from app.outbox import service as outbox
from app.outbox.registry import register_composer
from app.outbox.rendering import email_templates
from app.outbox.schemas import OutboxEntry
from app.pricewatch import repository, service
from app.sharing.compose import http_url, price_text

logger = logging.getLogger(__name__)

PRICE_ALERT = "price_alert"
PRICE_ALERT_DIGEST = "price_alert_digest"
ALERT_RETENTION = timedelta(days=90)
Reason = Literal["target_price", "drop_percent", "back_in_stock"]

_templates = email_templates("app.pricewatch")


# --- unsubscribe links (RFC 8058): signed, long-lived, harmless to replay ---

UnsubscribeScope = Literal["watch", "all"]
_SCOPE_PREFIX: dict[UnsubscribeScope, str] = {"watch": "w", "all": "u"}


def _mac(settings: Settings, subject: str) -> str:
    key = hashlib.sha256(f"pricewatch-unsubscribe\0{settings.jwt_secret_key}".encode()).digest()
    digest = hmac.new(key, subject.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def unsubscribe_token(settings: Settings, scope: UnsubscribeScope, target: ObjectId) -> str:
    """A token for one watch ("watch", the watch id) or for all of a person's alerts ("all", the user id)."""
    subject = f"{_SCOPE_PREFIX[scope]}{target}"
    return f"{subject}.{_mac(settings, subject)}"


def read_unsubscribe_token(settings: Settings, token: str) -> tuple[UnsubscribeScope, ObjectId] | None:
    subject, _, mac = token.partition(".")
    if not hmac.compare_digest(mac.encode(), _mac(settings, subject).encode()):
        return None
    scope = next((scope for scope, prefix in _SCOPE_PREFIX.items() if subject[:1] == prefix), None)
    if scope is None or not ObjectId.is_valid(subject[1:]) or len(subject) != 25:
        return None
    return scope, ObjectId(subject[1:])


def unsubscribe_url(settings: Settings, token: str) -> str:
    return f"{settings.public_app_url.rstrip('/')}/alerts/unsubscribe/{token}"


async def unsubscribe(db: AsyncDatabase, settings: Settings, token: str, now: datetime) -> bool:
    """Act on an unsubscribe token: delete that watch, or stop every alert of that person. False: not ours."""
    read = read_unsubscribe_token(settings, token)
    if read is None:
        return False
    scope, target = read
    if scope == "watch":
        await service.delete_watch(db, target)
    else:
        await repository.opt_out(db, user_id=target, now=now)
    return True


# --- evaluating watches against a re-checked observation ---


def _reasons(watch: dict[str, Any], latest: dict[str, Any]) -> list[Reason]:
    """Which of the watch's conditions the observation meets (prices only in the watch's currency)."""
    reasons: list[Reason] = []
    price = from_decimal128(latest.get("price"))
    same_currency = price is not None and latest.get("currency") == watch.get("currency")
    target = from_decimal128(watch.get("target_price"))
    if same_currency and target is not None and price is not None and price <= target:
        reasons.append("target_price")
    baseline, percent = from_decimal128(watch.get("baseline_price")), from_decimal128(watch.get("drop_percent"))
    dropped_to = baseline * (1 - percent / Decimal(100)) if baseline and percent is not None else None
    if same_currency and dropped_to is not None and price is not None and price <= dropped_to:
        reasons.append("drop_percent")
    return reasons


async def evaluate_watches(
    db: AsyncDatabase, settings: Settings, *, product_id: ObjectId, latest: dict[str, Any], now: datetime
) -> int:
    """Judge every watch on the product against our own fresh observation; returns how many alerts were raised.

    A price condition alerts when it becomes met (not again while it stays met); back-in-stock when the watch last
    saw the product out of stock and now sees it in stock."""
    raised = 0
    for watch in await repository.watches_of_product(db, product_id=product_id):
        price_reasons = _reasons(watch, latest)
        availability = latest.get("availability")
        back = (
            watch.get("back_in_stock") and availability == "InStock" and watch.get("seen_availability") == "OutOfStock"
        )
        reasons = [*price_reasons, "back_in_stock"] if back else price_reasons
        fresh: list[Reason] = [r for r in reasons if r == "back_in_stock" or not watch.get("condition_met")]
        state: dict[str, Any] = {"condition_met": bool(price_reasons)}
        if availability is not None:
            state["seen_availability"] = availability
        await repository.set_watch_state(db, watch_id=watch["_id"], changes=state)
        if fresh and await _raise_alert(db, settings, watch=watch, latest=latest, reasons=fresh, now=now):
            raised += 1
    return raised


async def _raise_alert(
    db: AsyncDatabase,
    settings: Settings,
    *,
    watch: dict[str, Any],
    latest: dict[str, Any],
    reasons: list[Reason],
    now: datetime,
) -> bool:
    user_id = watch["user_id"]
    period = timedelta(hours=settings.price_alert_period_hours)
    last = watch.get("last_alert_at")
    if last is not None and now - last < period:
        return False
    if await repository.has_opted_out(db, user_id=user_id):
        return False
    if not await service.live_watches(db, user_id, [watch]):
        return False  # the item was deleted: its watch is gone now too
    day = now.strftime("%Y-%m-%d")
    instant_today = await repository.count_instant_alerts(db, user_id=user_id, day=day)
    mode = "instant" if instant_today < settings.price_alert_digest_after else "digest"
    alert = {
        "_id": f"{watch['_id']}:{int(now.timestamp() // period.total_seconds())}",
        "user_id": user_id,
        "watch_id": watch["_id"],
        "name": watch["name"],
        "url": watch["url"],
        "price": latest.get("price"),
        "currency": latest.get("currency"),
        "regular_price": latest.get("regular_price"),
        "availability": latest.get("availability"),
        "target_price": watch.get("target_price"),
        "baseline_price": watch.get("baseline_price"),
        "reasons": reasons,
        "day": day,
        "mode": mode,
        "digest_id": None,
        "created_at": now,
        "expire_at": now + ALERT_RETENTION,
    }

    async def claim(session: AsyncClientSession) -> None:
        await repository.insert_alert(db, alert, session=session)
        if mode == "instant":
            payload = {"user_id": user_id, "alert_id": alert["_id"]}
            await outbox.enqueue(db, kind=PRICE_ALERT, payload=payload, session=session)

    try:
        await in_transaction(db, claim)
    except DuplicateKeyError:  # another worker, or this one before a restart, raised it already
        return False
    await repository.set_watch_state(db, watch_id=watch["_id"], changes={"last_alert_at": now})
    return True


async def send_digests(db: AsyncDatabase, *, now: datetime) -> int:
    """Queue one digest per person and day for the alerts that waited, once that day is over; returns how many."""
    pending = await repository.pending_digest_alerts(db, before_day=now.strftime("%Y-%m-%d"))
    groups: dict[tuple[ObjectId, str], list[str]] = defaultdict(list)
    for alert in pending:
        groups[(alert["user_id"], alert["day"])].append(alert["_id"])
    queued = 0
    for (user_id, day), alert_ids in groups.items():
        digest_id = f"digest:{user_id}:{day}"

        async def claim(session: AsyncClientSession, digest_id: str = digest_id, alert_ids: list[str] = alert_ids,
                        user_id: ObjectId = user_id) -> bool:  # fmt: skip
            # Racing workers write the same alerts: one commits, the other retries and finds them taken.
            if not await repository.attach_to_digest(db, alert_ids=alert_ids, digest_id=digest_id, session=session):
                return False
            payload = {"user_id": user_id, "digest_id": digest_id}
            await outbox.enqueue(db, kind=PRICE_ALERT_DIGEST, payload=payload, session=session)
            return True

        queued += await in_transaction(db, claim)
    return queued


# --- the emails, composed when the outbox sends them ---


def _alert_line(alert: dict[str, Any]) -> dict[str, Any]:
    price, currency = from_decimal128(alert.get("price")), alert.get("currency")
    regular = from_decimal128(alert.get("regular_price"))
    target, baseline = from_decimal128(alert.get("target_price")), from_decimal128(alert.get("baseline_price"))
    why = {
        "target_price": f"at or below your target of {price_text(target, currency)}",
        "drop_percent": f"down from {price_text(baseline, currency)}",
        "back_in_stock": "back in stock",
    }
    return {
        "name": alert["name"],
        "url": http_url(alert.get("url")),
        "price_text": price_text(price, currency),
        "regular_price_text": price_text(regular, currency) if regular is not None else None,
        "reasons": [why[reason] for reason in alert["reasons"]],
    }


async def _recipient(db: AsyncDatabase, user_id: ObjectId) -> str | None:
    """The verified address alerts go to, or None (account gone, address not verified, all alerts stopped)."""
    if await repository.has_opted_out(db, user_id=user_id):
        return None
    return await service.verified_address(db, user_id)


async def compose_price_alert(entry: OutboxEntry, *, db: AsyncDatabase, settings: Settings) -> OutgoingEmail | None:
    """One alert's email, or None when it no longer applies (watch removed, alerts stopped, account gone)."""
    alert = await repository.find_alert(db, entry["alert_id"])
    if alert is None or await repository.find_watch_by_id(db, alert["watch_id"]) is None:
        return None
    address = await _recipient(db, alert["user_id"])
    if address is None:
        return None
    watch_link = unsubscribe_url(settings, unsubscribe_token(settings, "watch", alert["watch_id"]))
    all_link = unsubscribe_url(settings, unsubscribe_token(settings, "all", alert["user_id"]))
    line = _alert_line(alert)
    context = {"alert": line, "unsubscribe_watch_url": watch_link, "unsubscribe_all_url": all_link}
    headline = "is back in stock" if alert["reasons"] == ["back_in_stock"] else f"is now {line['price_text']}"
    name = alert["name"] if len(alert["name"]) <= 80 else alert["name"][:79] + "…"
    return OutgoingEmail(
        to=(address,),
        subject=f"Price alert: {name} {headline}",
        text=_templates.get_template("price_alert.txt").render(context),
        html=_templates.get_template("price_alert.html").render(context),
        idempotency_key=str(entry["_id"]),
        unsubscribe_url=watch_link,  # RFC 8058 headers; the outbox also honours the address's suppression
    )


async def compose_digest(entry: OutboxEntry, *, db: AsyncDatabase, settings: Settings) -> OutgoingEmail | None:
    """The day's waiting alerts in one email (those whose watch still exists)."""
    address = await _recipient(db, entry["user_id"])
    if address is None:
        return None
    alerts = [
        alert
        for alert in await repository.alerts_of_digest(db, entry["digest_id"])
        if await repository.find_watch_by_id(db, alert["watch_id"]) is not None
    ]
    if not alerts:
        return None
    all_link = unsubscribe_url(settings, unsubscribe_token(settings, "all", entry["user_id"]))
    lines = [
        {**_alert_line(alert), "unsubscribe_url": unsubscribe_url(
            settings, unsubscribe_token(settings, "watch", alert["watch_id"]))}
        for alert in alerts
    ]  # fmt: skip
    context = {"alerts": lines, "unsubscribe_all_url": all_link}
    return OutgoingEmail(
        to=(address,),
        subject=f"Price alerts: {len(lines)} of your watched items changed",
        text=_templates.get_template("price_alert_digest.txt").render(context),
        html=_templates.get_template("price_alert_digest.html").render(context),
        idempotency_key=str(entry["_id"]),
        unsubscribe_url=all_link,
    )


register_composer(PRICE_ALERT, compose_price_alert)
register_composer(PRICE_ALERT_DIGEST, compose_digest)
