"""The text a URL classifier reads: the same normalisation at training and at inference."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

MAX_TOKENS = 64  # longer URLs are cut: the host and the start of the path carry the signal

# Tracking parameters say nothing about the page; dropping them keeps the token budget for the path.
_TRACKING_PARAM = re.compile(r"^(utm_[a-z]+|gclid|fbclid|msclkid|mc_[a-z]+|_ga|ref_?|cm_[a-z]+)=", re.IGNORECASE)


def url_to_text(url: str) -> str:
    """Host without `www.`, decoded path and query, no scheme or fragment: `shop.com/p/red-shoe/123?size=9`."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    host = (parts.hostname or "").removeprefix("www.")
    query = "&".join(pair for pair in parts.query.split("&") if pair and not _TRACKING_PARAM.match(pair))
    text = host + unquote(parts.path)
    return f"{text}?{unquote(query)}" if query else text
