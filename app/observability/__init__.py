"""Error tracking (Sentry) and metrics (CloudWatch Embedded Metric Format)."""
