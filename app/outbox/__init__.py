"""The email outbox: every email is recorded first, then sent by a worker with retries.

Domains own their emails. To add one: write a composer (and its templates) in your domain, register it under a
kind with `register_composer`, and call `service.enqueue` with that kind.
"""
