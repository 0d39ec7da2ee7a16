"""Product pages as a shop serves them, with the price and stock a test sets."""

from __future__ import annotations


def product_page(
    price: str | None = "100.00", currency: str = "USD", availability: str = "InStock", name: str = "Acme Kettle"
) -> str:
    offer = f'"price": "{price}", "priceCurrency": "{currency}", ' if price is not None else ""
    shown = f'<span class="price">{price} {currency}</span>' if price is not None else ""
    return f"""<html lang="en"><head><title>{name} | Acme Store</title>
<meta property="og:type" content="product">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "Product", "name": "{name}",
 "sku": "AK-17", "offers": {{"@type": "Offer", {offer}"availability": "https://schema.org/{availability}"}}}}</script>
</head><body><h1>{name}</h1>{shown}<button>Add to cart</button></body></html>"""
