"""Outgoing email behind one interface: SES in production, files or the log in development."""

from app.mail.base import EmailDeliveryError, EmailSender, OutgoingEmail
from app.mail.factory import build_email_sender

__all__ = ["EmailDeliveryError", "EmailSender", "OutgoingEmail", "build_email_sender"]
