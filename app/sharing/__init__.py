"""Sharing a cart by email, and the outbox every email goes through."""
