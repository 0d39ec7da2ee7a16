"""Sharing a cart by email; the email goes out through the outbox (app/outbox)."""
