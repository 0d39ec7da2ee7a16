"""The email outbox: every email is recorded first, then sent by a worker with retries.

Domains own their emails. To add one: write a composer (and its templates) in your domain, register it under a
kind with `register_composer`, and call `service.enqueue` with that kind.

Mail the recipient did not ask for themselves (a share, an invitation, an alert) goes to one recipient per email
and sets `OutgoingEmail.unsubscribe_url` (`app.suppression.service.unsubscribe_url(settings, address)`): it then
carries RFC 8058 one-click headers, and the worker skips it for an address that unsubscribed or complained. Every
send, whatever its kind, is skipped for an address that hard-bounced (app/suppression).
"""
