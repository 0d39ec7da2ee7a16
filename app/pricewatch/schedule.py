"""The scheduler: sends a queue message for every watched product that has come due, once per due time.

Safe with many instances: a product's message is sent by whichever scheduler first marks it (`enqueued_until`, a
conditional update on its due time). The mark lasts REQUEUE_AFTER, and anything that sets a new due time (a check's
outcome, a busy host deferring its products, a page seen changed) clears it, so the new due time gets its own message.
A message lost on the way (its check failed until the dead-letter queue took it, or an in-process queue died with
its process) is sent again once the mark has run out.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from pymongo.asynchronous.database import AsyncDatabase

from app.pricewatch import repository
from app.pricewatch.queue import RecheckQueue, ScheduledCheck

# Longer than SQS takes to give up on a message (maxReceiveCount x visibility timeout, deploy/README.md).
REQUEUE_AFTER = timedelta(hours=1)
BATCH = 500


async def enqueue_due(db: AsyncDatabase, queue: RecheckQueue, *, now: datetime, limit: int = BATCH) -> int:
    """Send one message for each due product not yet sent for its due time (at most `limit`); returns how many."""
    checks = []
    for product in await repository.due_unqueued_products(db, now=now, limit=limit):
        due = product["next_check_at"]
        if await repository.mark_enqueued(db, product_id=product["_id"], due=due, now=now, until=now + REQUEUE_AFTER):
            checks.append(ScheduledCheck(product["_id"], due))
    try:
        await queue.send(checks)
    except Exception:
        await repository.unmark_enqueued(db, product_ids=[check.product_id for check in checks])
        raise
    return len(checks)
