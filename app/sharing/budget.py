"""Daily sharing budgets: per account (emails, distinct addresses) and per address across all accounts.

Checked and charged inside the share's transaction. Charging writes the account's counter document, so two shares
by one account at once conflict and the later one is retried against the updated count: a burst of concurrent
requests cannot all pass on the same old figure. Two accounts mailing one address at once conflict on that
address's counter the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from bson import ObjectId
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.database import AsyncDatabase

from app.config import Settings
from app.errors import QuotaExceeded
from app.sharing import repository
from app.suppression.tokens import address_key


@dataclass(frozen=True)
class ShareBudget:
    emails_per_day: int
    recipients_per_day: int
    emails_per_recipient_per_day: int

    @classmethod
    def from_settings(cls, settings: Settings) -> ShareBudget:
        return cls(
            emails_per_day=settings.quota_share_emails_per_day,
            recipients_per_day=settings.quota_share_recipients_per_day,
            emails_per_recipient_per_day=settings.quota_share_emails_per_recipient_per_day,
        )


async def charge(
    db: AsyncDatabase,
    *,
    budget: ShareBudget,
    user_id: ObjectId,
    recipients: list[str],
    now: datetime,
    session: AsyncClientSession,
) -> None:
    """Count one email per recipient against today's budgets, or raise QuotaExceeded (409) and count nothing."""
    day = now.date().isoformat()
    expire_at = datetime.combine(now.date() + timedelta(days=1), time(), tzinfo=now.tzinfo)
    account_id = f"account:{user_id}:{day}"
    keys = {recipient: address_key(recipient) for recipient in recipients}
    recipient_ids = {recipient: f"recipient:{key}:{day}" for recipient, key in keys.items()}
    found = await repository.find_budgets(db, [account_id, *recipient_ids.values()], session)

    account = found.get(account_id, {})
    if account.get("emails", 0) + len(recipients) > budget.emails_per_day:
        raise QuotaExceeded("share emails per day", budget.emails_per_day)
    mailed = set(account.get("recipient_keys", []))
    if len(mailed | set(keys.values())) > budget.recipients_per_day:
        raise QuotaExceeded("share recipients per day", budget.recipients_per_day)
    limit = budget.emails_per_recipient_per_day
    full = [r for r, budget_id in recipient_ids.items() if found.get(budget_id, {}).get("emails", 0) >= limit]
    if full:
        raise QuotaExceeded(
            "share emails per recipient per day",
            limit,
            message=f"{', '.join(full)} cannot get more than {limit} shared carts a day: try again tomorrow",
            recipients=full,
        )

    await repository.charge_account(
        db,
        budget_id=account_id,
        user_id=user_id,
        emails=len(recipients),
        recipient_keys=list(keys.values()),
        expire_at=expire_at,
        session=session,
    )
    for budget_id in recipient_ids.values():
        await repository.charge_recipient(db, budget_id=budget_id, expire_at=expire_at, session=session)
