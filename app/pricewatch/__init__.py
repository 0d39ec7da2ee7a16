"""Price watch: a shared product record per canonical URL with its price history, per-person watches and alerts,
and a polite re-check service. Other domains call `app.pricewatch.service`; this package imports none of theirs
beyond their public services (auth for the verified-email rule, the outbox for alerts)."""
