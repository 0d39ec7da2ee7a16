"""The email backend named by EMAIL_BACKEND."""

from __future__ import annotations

from app.config import Settings
from app.mail.base import EmailSender
from app.mail.local import ConsoleEmailSender, FileEmailSender
from app.mail.ses import SesEmailSender


def build_email_sender(settings: Settings) -> EmailSender:
    if settings.email_backend == "ses":
        return SesEmailSender(
            region=settings.aws_region,
            sender=settings.ses_from_email,
            configuration_set=settings.ses_configuration_set,
        )
    if settings.email_backend == "file":
        return FileEmailSender(settings.data_dir / "outbox", settings.ses_from_email)
    return ConsoleEmailSender()
