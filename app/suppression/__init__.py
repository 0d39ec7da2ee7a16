"""Addresses we must stop mailing: who unsubscribed (one-click, RFC 8058), who hard-bounced, who complained.

Its own package, beside app/outbox and app/mail rather than inside either: it has data (a collection), public pages
(the unsubscribe link) and a background reader (SES feedback), and every domain that mails people relies on it
through the outbox worker, which consults it before each send.
"""
