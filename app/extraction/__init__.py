"""Product extraction: is this a product page, and which product (see `app.extraction.structured`)."""
