"""Is this a single-product page? Signals found in the page, their score, and the rule combining it with the URL.

The page score is a logistic model over named signals with hand-set weights (documented below, checked on
the pages in ../shared/eval): schema.org Product/Offer markup, OpenGraph product tags, an add-to-cart control,
a visible price beside it; against: article markup (news pages embed Product JSON-LD for reviewed gadgets) and
listing pages (the price sits in a grid of priced tiles).
"""

from __future__ import annotations

import math
import re
from typing import NamedTuple
from urllib.parse import urlsplit

from app.extraction.structured.document import PageFacts, site_of
from app.extraction.structured.item_grid import buy_controls_in_item_tiles
from app.extraction.structured.models import PageEvidence
from app.extraction.structured.opengraph import opengraph_type
from app.extraction.structured.price_choice import MainVisiblePrice
from app.extraction.structured.schema_org import ProductRecord
from app.extraction.structured.visible import VisiblePage

# Signal -> weight in log-odds. Positive signals say "one product for sale here", negative ones say otherwise.
SIGNAL_WEIGHTS: dict[str, float] = {
    "schema_product": 1.5,  # a schema.org Product (JSON-LD, microdata or RDFa) names the page's product
    "schema_offer": 1.5,  # ... with an Offer that has a price
    "og_product": 1.5,  # og:type is a product / item
    "product_price_meta": 1.0,  # product:price:amount (or og:price:amount) meta tags
    "add_to_cart": 2.0,  # an add-to-cart / buy-now control of this shop, or a form posting to its cart
    "visible_price": 0.5,  # a price element outside related-products, headers and footers
    "price_near_cart": 1.5,  # ... next to the add-to-cart control
    "price_near_heading": 0.5,  # ... right after the page's main heading
    "one_price": 0.8,  # ... and the page shows no more than two current amounts (an ad, a deal, a bare shop page)
    "seller_reply": 2.0,  # a "Reply" / "Message" button (no link) on a page showing one price under its heading
    "item_code": 0.8,  # a code labelled in the visible text (SKU, item or ad number), as one item's page shows
    "stock_message": 1.0,  # "in stock" / "sold out" beside that price or the add-to-cart control
    "article_markup": -2.5,  # schema.org Article/NewsArticle/BlogPosting, article:published_time, og:type=article
    "listing_page": -4.5,  # the page's price sits in a grid of priced tiles, or several products and no main one
    "no_price": -1.0,  # no price anywhere in markup or page
    "unavailable_item": 2.5,  # ... but a named item, its image and "currently unavailable" where the price would be
    "cart_page": -6.0,  # the page's heading is "Shopping cart" / "Warenkorb" / "장바구니": line items and a total
    "product_name": 0.0,  # a heading or markup name: no evidence alone (articles have headings), but see below
}
# A page that shows a name, a price and this shop's buy control, and is neither an article nor a listing, is a
# product page whatever its URL looks like: such pages are decided by the page alone (the URL may only add).
_FOR_SALE = frozenset({"product_name", "add_to_cart"})
_NOT_FOR_SALE = frozenset({"no_price", "article_markup", "listing_page", "cart_page"})
BIAS = -2.0
_ARTICLE_TYPES = {
    "article", "newsarticle", "blogposting", "reportagenewsarticle", "liveblogposting", "techarticle",
    "scholarlyarticle", "report", "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle",
}  # fmt: skip
_LISTING_TYPES = {"itemlist", "offercatalog", "collectionpage", "searchresultspage"}
# The whole heading of a cart page, in the languages shops write in ("Shopping Cart", "Your Bag (2 items)", "Coșul
# meu", "장바구니"). A product's name is never only that word.
_CART_HEADING = re.compile(
    r"^(?:(?:your|my)\s+)?(?:shopping\s+)?(?:cart|bag|basket|trolley)"
    r"|^(?:ihr\s+|mein\s+)?warenkorb|^(?:mon\s+|votre\s+)?panier|^(?:mi\s+|tu\s+)?(?:carrito|cesta)(?:\s+de\s+compras?)?"
    r"|^(?:il\s+(?:tuo|mio)\s+)?carrello|^(?:meu\s+|seu\s+)?carrinho(?:\s+de\s+compras)?|^(?:mijn\s+)?winkel(?:wagen|mand|wagentje)"
    r"|^(?:twój\s+|mój\s+)?koszyk|^(?:váš\s+|nákupní\s+|nákupný\s+)?košík|^co[șş]ul\s+(?:meu|t[ăa]u|de\s+cump[ăa]r[ăa]turi)"
    r"|^(?:a\s+)?kosár(?:am)?|^(?:ваша\s+|моя\s+)?корзина|^кошик|^(?:alışveriş\s+)?sepet(?:im)?|^καλάθι(?:\s+αγορών)?"
    r"|^(?:din\s+)?(?:varukorg(?:en)?|kundvagn(?:en)?|indkøbskurv|handlekurv(?:en)?|ostoskori)"
    r"|^(?:سلة|عربة)\s+التسوق|^السلة|^(?:סל\s+הקניות|עגלת\s+(?:ה)?קניות)|^سبد\s+خرید"
    r"|^(?:ショッピング)?カート|^(?:お)?買い物かご|^(?:我的)?(?:购物车|購物車)|^장바구니"
    r"|^ตะกร้าสินค้า|^giỏ\s+hàng(?:\s+của\s+bạn)?|^keranjang(?:\s+belanja)?(?:\s+saya)?|^(?:शॉपिंग\s+)?कार्ट",
    re.IGNORECASE,
)
_CART_HEADING_TAIL = re.compile(r"^[\s:(（\d]*(?:\d+\s*\w*)?[\s)）]*$")  # "(2 items)", "2 Artikel", "(3)"
_OTHER_PAGES_OFFERS = 3
_ONE_PRICE_AMOUNTS = 2  # a price and its sale price, or a product and its one option
_LISTING_CONTROLS, _LISTING_PRICES, _LISTING_CONTROLS_ANYWAY = 12, 8, 20
# The URL model's vote, in log-odds per unit of its own log-odds. Only its "yes" counts against a page we have:
# on shops it never saw it is right most times it says "product" (independent held-out set: precision 0.93;
# our blind pages 0.96), so a "yes" moves the page's log-odds by about +1.2 to +1.8. Its "no" comes for a third to
# a half of real product pages, and on our three labelled sets (shared-dev, devpages, blindpages; 160 product and
# 300 other pages) counting it at 0.12 lost four product pages (a page score of 0.5-0.62 pulled under 0.5) and
# kept out no other page. A URL rule (app/ml/url_rules.py: /dp/<ASIN>, cart, search...) is a near-certain
# pattern and counts in full, either way. Without a page, the URL model's probability is the answer.
URL_WEIGHT_FOR = 0.4
URL_RULE_WEIGHT = 1.0
PRODUCT_THRESHOLD = 0.5
_CLAMP = 0.01


def page_signals(
    *,
    main: ProductRecord | None,
    records: list[ProductRecord],
    types: set[str],
    facts: PageFacts,
    opengraph: ProductRecord,
    visible: VisiblePage,
    shown: MainVisiblePrice | None,
    stock: str | None,
    has_price: bool,
    has_image: bool,
    labelled_code: bool,
) -> set[str]:
    """The names of the SIGNAL_WEIGHTS signals the page shows."""
    signals: set[str] = set()
    if (main is not None and main.name) or visible.headings:
        signals.add("product_name")
    if main is not None and main.name:
        signals.add("schema_product")
        if any(offer.price for offer in main.offers):
            signals.add("schema_offer")
    og_type = opengraph_type(facts) or ""
    if "product" in og_type or og_type.endswith(("item", ":deal")):
        signals.add("og_product")
    if any(offer.price for offer in opengraph.offers):
        signals.add("product_price_meta")
    if visible.cart_controls:
        signals.add("add_to_cart")
    if shown is not None:
        signals.add("visible_price")
        if shown.near_cart:
            signals.add("price_near_cart")
        if shown.near_heading:
            signals.add("price_near_heading")
            if len({price.amount for price in visible.prices if not price.former}) <= _ONE_PRICE_AMOUNTS:
                signals.add("one_price")
    if visible.reply_controls and "one_price" in signals and "add_to_cart" not in signals:
        signals.add("seller_reply")  # a classified ad: its seller is reached, not a cart
    if stock is not None:
        signals.add("stock_message")
    if labelled_code:
        signals.add("item_code")
    # og:type "article" alone is many CMSs' default for every page (WordPress shops, Japanese shops, Mercari): it
    # counts unless the page sells its product with its own buy control, at a price in its markup or beside that
    # control (a review's plugin adds Product and Offer markup, never a cart).
    sold_here = "add_to_cart" in signals and ("schema_offer" in signals or "price_near_cart" in signals)
    if (og_type == "article" and not sold_here) or types & _ARTICLE_TYPES or facts.meta_first("article:published_time"):
        signals.add("article_markup")
    several_products = len({record.name for record in records if record.name}) >= 3 or types & _LISTING_TYPES
    if (
        (main is None and several_products)
        or (main is not None and _offers_of_other_pages(main, facts))
        or (shown is not None and shown.listed)
        or _buy_controls_for_many_products(visible)
        or buy_controls_in_item_tiles(visible)
    ):
        signals.add("listing_page")
    if visible.headings and _is_cart_heading(visible.headings[0][1]):
        signals.add("cart_page")
    if not has_price:
        signals.add("no_price")
        # An item out of stock shows no price, only its name, photo and "Currently unavailable" (Amazon): such a
        # message beside the page's own heading or in its stock box is no article's or listing's.
        if stock == "OutOfStock" and visible.headings and has_image and not signals & _NOT_FOR_SALE - {"no_price"}:
            signals.add("unavailable_item")
    return signals


def _is_cart_heading(heading: str) -> bool:
    match = _CART_HEADING.match(heading.strip())
    return match is not None and _CART_HEADING_TAIL.match(heading.strip()[match.end() :]) is not None


def _offers_of_other_pages(main: ProductRecord, facts: PageFacts) -> bool:
    """A category dressed as one Product whose offers are the listed ads, each named and on its own page of this
    site (OLX's "Cars" with 1000 offers, auto.ru's model page). A product's own offers stay on its page (variants
    differ by query or are named after it: "Classic Tee - Black"), lead to other shops (a price comparison) or name
    sellers, not other items."""
    site, page_path = site_of(facts.url), _path(facts.url)
    listed = [
        offer
        for offer in main.offers
        if offer.url and offer.name and not offer.name.startswith(main.name or "\0") and site_of(offer.url) == site
    ]
    paths = {_path(offer.url or "") for offer in listed}
    names = {offer.name for offer in listed}
    return min(len(paths), len(names)) >= _OTHER_PAGES_OFFERS and page_path not in paths


def _path(url: str) -> str:
    try:
        return urlsplit(url).path.rstrip("/")
    except ValueError:
        return url


def _buy_controls_for_many_products(visible: VisiblePage) -> bool:
    """A buy button on each of a dozen tiles priced differently: a category or search page, whatever its layout.
    (Product pages have one or two buy controls, a handful with bundles or sellers; on ../shared/eval and our
    devpages no product page reaches 12 controls with 8 distinct prices, while most listings with buttons do.)"""
    controls = len(visible.cart_controls)
    return controls >= _LISTING_CONTROLS_ANYWAY or (
        controls >= _LISTING_CONTROLS and len({price.amount for price in visible.prices}) >= _LISTING_PRICES
    )


def page_evidence(signals: set[str]) -> PageEvidence:
    """The page-evidence score in [0, 1] for a set of signal names (unknown names are ignored)."""
    log_odds = BIAS + sum(SIGNAL_WEIGHTS.get(signal, 0.0) for signal in signals)
    return PageEvidence(signals=frozenset(signals), score=round(_sigmoid(log_odds), 4))


class ProductVerdict(NamedTuple):
    is_product: bool
    confidence: float


def shows_a_product_for_sale(evidence: PageEvidence) -> bool:
    """A name, a price and a buy control, and no sign of an article or a listing."""
    return evidence.signals >= _FOR_SALE and not evidence.signals & _NOT_FOR_SALE


def combine_product_confidence(
    url_probability: float | None, evidence: PageEvidence | None, *, url_from_rule: bool = False
) -> ProductVerdict:
    """(is_product, product_confidence) from the URL classifier's probability and the page evidence.

    Rule: votes add in log-odds: confidence = sigmoid(logit(page score) + w * logit(URL probability)), each
    clamped to [0.01, 0.99]; w = URL_RULE_WEIGHT when a URL rule answered, else URL_WEIGHT_FOR when the model says
    "product" and 0 when it says otherwise (see above). Without a page the URL probability is the confidence;
    with neither the answer is (False, 0.0). A page that shows a product for sale cannot be talked out of it,
    even by a URL rule: its confidence never falls below the page score. is_product is confidence >= 0.5.
    """
    url_vote = url_probability if url_probability is not None and math.isfinite(url_probability) else None
    if evidence is None:
        if url_vote is None:
            return ProductVerdict(False, 0.0)
        confidence = round(min(max(url_vote, 0.0), 1.0), 4)
        return ProductVerdict(confidence >= PRODUCT_THRESHOLD, confidence)
    log_odds = _logit(evidence.score)
    if url_vote is not None:
        url_log_odds = _logit(url_vote)
        if url_from_rule:
            log_odds += URL_RULE_WEIGHT * url_log_odds
        elif url_log_odds > 0:
            log_odds += URL_WEIGHT_FOR * url_log_odds
    confidence = round(_sigmoid(log_odds), 4)
    if shows_a_product_for_sale(evidence):
        confidence = max(confidence, evidence.score)
    return ProductVerdict(confidence >= PRODUCT_THRESHOLD, confidence)


def _logit(probability: float) -> float:
    probability = min(max(probability, _CLAMP), 1 - _CLAMP)
    return math.log(probability / (1 - probability))


def _sigmoid(log_odds: float) -> float:
    return 1 / (1 + math.exp(-log_odds))
