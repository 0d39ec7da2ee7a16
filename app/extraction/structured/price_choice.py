"""Which price is the product's: the page's main visible price, reconciled with the markup's offers."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from urllib.parse import parse_qsl, urlsplit

from lxml import etree

from app.extraction.structured.card_price import open_price_instead, shown_as_conditional
from app.extraction.structured.currency import PageLocale, minor_unit_digits
from app.extraction.structured.document import attribute_words, element_text
from app.extraction.structured.item_grid import prices_in_product_grid
from app.extraction.structured.models import Availability, Source
from app.extraction.structured.price_element_text import PER_UNIT, TAX_INCLUDED
from app.extraction.structured.price_parsing import RANGE_JOIN, signed_amounts
from app.extraction.structured.schema_org import OfferRecord, ProductRecord
from app.extraction.structured.text import code_written
from app.extraction.structured.visible import MAX_PRICE_TEXT, PriceCandidate, VisiblePage, regular_price_near

NEAR_CART_LEVELS = 8  # tree distance (price up + cart up to a shared ancestor) that still counts as one buy box
_IN_GRID_PENALTY = 3.0  # as much as being the first price after the heading, plus its currency
_LISTING_GRID_PRICES = 8  # priced tiles (current prices) that make a category page rather than a related-products strip
_NEAR_HEADING = 15  # anchors between the heading and a price that still count as "right after it"
# Query parameters that name the variant or SKU a product URL opens on (Shopify ?variant=, BestBuy ?skuId=…).
_VARIANT_PARAMETERS = {"variant", "variantid", "variant_id", "skuid", "sku", "sku_id", "vid", "selectedsku", "size"}
_MIN_SHOWN_SKU = 4
# A price element's own class naming an extra sold beside the product (Otto's "pdp_article-options__price" for
# delivery and installation options, a warranty's price): not the product's price.
_ADD_ON_PRICE = re.compile(r" (?:options?|add ?ons?|services?|warranty|warranties|insurance|protection|installation) ")
_ADD_ON_PENALTY = 2.0
# One end of a price range ranks below a price of its own: a chosen variant's price beside "$110.00 - $125.00".
_RANGE_END_PENALTY = 1.5
_MAX_RANGE_JOIN = 5
_MAX_TAX_FACTOR = Decimal("1.3")  # VAT and sales taxes stay under 30 %
_TAXED_NEARBY = 12  # anchors between the main price and its taxed twin


@dataclass(frozen=True, slots=True)
class PriceChoice:
    amount: Decimal
    currency: str | None
    source: Source
    availability: Availability | None = None
    regular: Decimal | None = None  # the price before the sale, when the page or markup shows one above `amount`


@dataclass(frozen=True, slots=True)
class MainVisiblePrice:
    candidate: PriceCandidate
    near_cart: bool
    near_heading: bool
    listed: bool  # it sits in a grid of priced tiles, or beat one without being in a buy box: a listing page


def main_visible_price(page: VisiblePage, heading_order: int | None) -> MainVisiblePrice | None:
    """The price the page shows for its product: a price element outside related products and footers,
    preferring the current (sale) price, the buy box around the add-to-cart control, and the heading's
    neighbourhood, and a price of its own over one in a grid of priced tiles (substitutes, related products
    above the buy box); the earliest on ties."""
    candidates = page.prices
    if not candidates:
        return None
    cart = _ancestor_levels(page.cart_controls[0][1]) if page.cart_controls else {}
    after_heading = [c.order for c in candidates if heading_order is not None and c.order > heading_order]
    rank_after_heading = {order: rank for rank, order in enumerate(after_heading)}
    in_grid = prices_in_product_grid(page)
    range_ends = _ends_of_ranges(candidates)

    def score(candidate: PriceCandidate) -> float:
        value = (2.0 if candidate.current else 0.0) - (2.5 if candidate.former else 0.0)
        value += 1.0 if candidate.currency else 0.0
        if _ADD_ON_PRICE.search(attribute_words(candidate.element, "class", "id")):
            value -= _ADD_ON_PENALTY
        if candidate.order in range_ends:
            value -= _RANGE_END_PENALTY
        if candidate.order in rank_after_heading:
            value += max(0.0, 2.0 - 0.5 * rank_after_heading[candidate.order])
        elif heading_order is not None:
            value -= 1.0  # above the product's title: header promotions, sponsored strips
        distance = _tree_distance(candidate.element, cart)
        if distance is not None:
            value += 2.0 - distance / NEAR_CART_LEVELS
        return value

    scores = {candidate.order: score(candidate) for candidate in candidates}
    first_choice = max(candidates, key=lambda candidate: (scores[candidate.order], -candidate.order))
    best = max(
        candidates,
        key=lambda candidate: (
            scores[candidate.order] - (_IN_GRID_PENALTY if candidate.order in in_grid else 0.0),
            -candidate.order,
        ),
    )
    best = _with_tax(open_price_instead(best, candidates), candidates)
    near_cart = _tree_distance(best.element, cart) is not None
    tiles_priced = sum(1 for candidate in candidates if candidate.order in in_grid and not candidate.former)
    near_heading = heading_order is not None and 0 < best.order - heading_order <= _NEAR_HEADING
    # A listing keeps its verdict when a stray price outside the grid (a banner, a featured deal) outranks the
    # tiles: only a price in the page's own buy box beats the grid, and only a short one (a strip of substitutes or
    # related products, not a category's tiles).
    listed = best.order in in_grid or (
        first_choice.order in in_grid and (not near_cart or tiles_priced >= _LISTING_GRID_PRICES)
    )
    return MainVisiblePrice(best, near_cart, near_heading, listed)


def _ends_of_ranges(candidates: list[PriceCandidate]) -> set[int]:
    """Price elements joined into a range ("$110.00 - $125.00": the variants' lowest and highest prices)."""
    by_element = {candidate.element: candidate for candidate in candidates}
    ends: set[int] = set()
    for candidate in candidates:
        between, following = candidate.element.tail or "", candidate.element.getnext()
        if following is not None and following not in by_element:  # the dash in its own element (WooCommerce)
            between += element_text(following, _MAX_RANGE_JOIN) + (following.tail or "")
            following = following.getnext()
        if following is not None and following in by_element and RANGE_JOIN.fullmatch(between):
            ends.update((candidate.order, by_element[following].order))
    return ends


def _with_tax(best: PriceCandidate, candidates: list[PriceCandidate]) -> PriceCandidate:
    """The same price with the tax in it, shown right beside a main price that does not say so."""
    if TAX_INCLUDED.search(element_text(best.element, MAX_PRICE_TEXT)):
        return best
    return next(
        (
            candidate
            for candidate in candidates
            if not candidate.former
            and abs(candidate.order - best.order) <= _TAXED_NEARBY
            and best.amount < candidate.amount <= best.amount * _MAX_TAX_FACTOR
            and (best.currency is None or candidate.currency in (None, best.currency))
            and TAX_INCLUDED.search(taxed_text := element_text(candidate.element, MAX_PRICE_TEXT))
            and not PER_UNIT.search(taxed_text)  # Germany's "Grundpreis" beside "inkl. MwSt."
        ),
        best,
    )


@dataclass(frozen=True, slots=True)
class OldPrices:
    """The old prices shown beside the page's main price and beside its display of each markup price, read before
    `visible_text` prunes the tree (Amazon's struck list price is an `aria-hidden` copy of a screen-reader one)."""

    near_shown: Decimal | None
    beside: dict[Decimal, Decimal | None]


def old_prices_shown(
    records: tuple[ProductRecord | None, ...], page: VisiblePage, shown: MainVisiblePrice | None, locale: PageLocale
) -> OldPrices:
    near_shown = regular_price_near(shown.candidate, page.first_heading, locale) if shown is not None else None
    amounts = {offer.price for record in records if record is not None for offer in record.offers if offer.price}
    return OldPrices(near_shown, {amount: _regular_beside(amount, page, locale) for amount in amounts})


def choose_price(
    main: ProductRecord | None,
    opengraph: ProductRecord,
    page: VisiblePage,
    shown: MainVisiblePrice | None,
    old_prices: OldPrices,
    page_text: str,
    *,
    page_url: str = "",
    locale: PageLocale,
) -> PriceChoice | None:
    """The markup's price, except where the page contradicts it:
    - several offers (variants, sellers): the selected variant's (named by the URL or its SKU shown in the
      page), else the one the page shows, else the one in the OpenGraph tags, else the lowest in-stock one of a
      new copy;
    - the markup price appears struck through beside a lower current price: the sale price (markup often
      keeps the regular price during a sale);
    - the OpenGraph price (often a stale template value) is written nowhere in the page's text while the buy
      box shows another price;
    - a whole-unit currency whose markup number lost its grouping (24.990 written as 24.99 for CLP 24990).
    Without markup prices, the page's main price element. `regular` is the price before a sale (`locale` reads
    an old price written right after the markup's price in the visible text)."""
    og_amounts = {offer.price for offer in opengraph.offers if offer.price}
    shown_regular = old_prices.near_shown
    for record in (main, opengraph):
        priced = [(offer.price, offer) for offer in (record.offers if record else []) if offer.price]
        if record is None or not priced:
            continue
        price, offer = _selected_offer(priced, page_url, page_text) or _offer_shown(priced, shown, og_amounts)
        if shown is not None and shown.candidate.amount != price:
            current = shown.candidate.amount
            on_sale = current < price and (_struck_through(price, page) or price == shown_regular)
            # A markup price the page writes nowhere, beside a buy box showing another: the OpenGraph tags' stale
            # template value, or JSON-LD left at the list price (Trendyol's 149999.00 beside "143.999 TL").
            stale = (
                (record.source == "opengraph" or shown.near_heading)
                and shown.near_cart
                and len(priced) == 1
                and not amount_written(price, page_text)
            )
            # An AggregateOffer's lowPrice is only the cheapest of several offers (sizes, stores, sellers): the buy
            # box's price inside its range is the one on offer here.
            in_range = (
                offer.high_price is not None
                and price < current < offer.high_price
                and (shown.near_cart or shown.near_heading)
            )
            # the markup's price is a card or member price, shown beside the price anyone pays (Ace Rewards)
            members_only = current > price and not shown.listed and shown_as_conditional(price, page.prices)
            if on_sale or stale or in_range or members_only:
                regular = price if on_sale else shown_regular
                currency = shown.candidate.currency or offer.currency
                return PriceChoice(current, currency, "heuristic", offer.availability, regular)
            if minor_unit_digits(offer.currency) == 0 and current == price * 1000:
                return PriceChoice(current, offer.currency, record.source, offer.availability, offer.regular_price)
        regular = offer.regular_price
        if regular is None and shown is not None and shown.candidate.amount == price:
            regular = shown_regular
        elif regular is None:
            regular = old_prices.beside.get(price) or _old_price_after(price, page_text, locale)
        return PriceChoice(price, offer.currency, record.source, offer.availability, regular)
    if shown is not None:
        return PriceChoice(shown.candidate.amount, shown.candidate.currency, "heuristic", regular=shown_regular)
    return None


def as_written(amount: Decimal, currency: str | None, text: str) -> Decimal:
    """A price finer than its currency's minor unit (a tax worked out to a tenth of a cent in the markup: 34.992)
    as the page writes it (34,99 €), when it does; a fraction of a cent the page shows itself stays."""
    places = minor_unit_digits(currency)
    exponent = Decimal(1).scaleb(-(2 if places is None else places))
    if currency is None or amount.as_tuple().exponent >= exponent.as_tuple().exponent:  # type: ignore[operator]
        return amount
    rounded = amount.quantize(exponent, rounding=ROUND_HALF_UP)
    whole, _, fraction = format(amount, "f").partition(".")
    shown_finer = re.search(rf"(?<![\d.,]){whole}[.,]{fraction}(?!\d)", text) is not None
    return rounded if amount_written(rounded, text) and not shown_finer else amount


def amount_written(amount: Decimal, text: str) -> bool:
    """Whether the text shows the amount in any usual notation: 3299 as "3,299.00", "3.299", "3 299,00"…"""
    whole, _, fraction = f"{amount:.2f}".partition(".")
    groups = [whole[max(0, end - 3) : end] for end in range(len(whole), 0, -3)][::-1]
    pattern = r"(?<![\d.,])" + r"[,.\s'\u00a0\u202f]?".join(groups)
    pattern += r"(?:[.,]00)?(?![.,]?\d)" if fraction == "00" else rf"[.,]{fraction[0]}(?:{fraction[1]})?(?!\d)"
    return re.search(pattern, text) is not None


def page_currency(page: VisiblePage, records: list[ProductRecord]) -> str | None:
    """The currency most of the page's prices are in, for a price that came without one."""
    counts = Counter(candidate.currency for candidate in page.prices if candidate.currency)
    for record in records:
        counts.update(offer.currency for offer in record.offers if offer.currency)
    return counts.most_common(1)[0][0] if counts else None


def _selected_offer(
    priced: list[tuple[Decimal, OfferRecord]], page_url: str, page_text: str
) -> tuple[Decimal, OfferRecord] | None:
    """The offer of the variant the page is open on: the URL names it (?variant=<id>, ?skuId=<sku>, or the
    offer's own URL is the page's), else the page shows exactly one offer's SKU."""
    if len(priced) < 2:
        return None
    wanted = {value for key, value in _query(page_url) if key.lower() in _VARIANT_PARAMETERS and value}
    distinct_urls = len({_normalised(offer.url) for _, offer in priced if offer.url}) > 1
    for price, offer in priced:
        if offer.sku and offer.sku in wanted:
            return price, offer
        if offer.url and wanted and wanted & {value for key, value in _query(offer.url)}:
            return price, offer
        if offer.url and distinct_urls and _normalised(offer.url) == _normalised(page_url):
            return price, offer
    skus = {offer.sku for _, offer in priced if offer.sku and len(offer.sku) >= _MIN_SHOWN_SKU}
    written = [sku for sku in skus if code_written(sku, page_text)]
    if len(written) == 1:
        return next((price, offer) for price, offer in priced if offer.sku == written[0])
    return None


def _query(url: str | None) -> list[tuple[str, str]]:
    try:
        return parse_qsl(urlsplit(url or "").query)
    except ValueError:
        return []


def _normalised(url: str | None) -> str:
    try:
        parts = urlsplit(url or "")
    except ValueError:
        return url or ""
    return f"{(parts.hostname or '').removeprefix('www.')}{parts.path.rstrip('/')}?{sorted(parse_qsl(parts.query))}"


def _offer_shown(
    priced: list[tuple[Decimal, OfferRecord]], shown: MainVisiblePrice | None, og_amounts: set[Decimal]
) -> tuple[Decimal, OfferRecord]:
    if shown is not None:
        matching = [(price, offer) for price, offer in priced if price == shown.candidate.amount]
        in_stock = [(price, offer) for price, offer in matching if offer.availability != "OutOfStock"]
        if in_stock or matching:
            return (in_stock or matching)[0]
    for price, offer in priced:
        if price in og_amounts:
            return price, offer
    # The lowest in-stock price, of a new copy when one is offered: used copies are other sellers' alternatives.
    in_stock = [(price, offer) for price, offer in priced if offer.availability != "OutOfStock"] or priced
    new = [(price, offer) for price, offer in in_stock if not offer.second_hand] or in_stock
    return min(new, key=lambda pair: pair[0])


def _regular_beside(amount: Decimal, page: VisiblePage, locale: PageLocale) -> Decimal | None:
    """The old price shown beside the page's own display of the markup's price, when the page's main price
    element was some other amount (an option's or a service's price)."""
    showing = next((c for c in page.prices if c.amount == amount and not c.former), None)
    return regular_price_near(showing, page.first_heading, locale) if showing is not None else None


# A line of the visible text that is the markup's price and one higher amount, nothing else ("924 ₽ 2 099 ₽"): the
# old price beside it, struck by a stylesheet class the page names with a hash (OZON, Wildberries).
_MAX_PAIR_LINE = 40
_MAX_PAIR_LETTERS = 8  # currency words ("Lei", "Kč", a rouble abbreviation) on both amounts
_MAX_OLD_PRICE_FACTOR = 4
_RANGE_WORDS = re.compile(
    r"[-\u2013\u2014~\uff5e]|\b(?:to|bis|ab|von|from|desde|de|dès|à|a|al|até|od|do|до|от)\b", re.I
)


def _old_price_after(amount: Decimal, text: str, locale: PageLocale) -> Decimal | None:
    whole = str(int(amount))
    digits = whole[-3:]  # "2 099", "2.099" and "2099" all end in the last group
    for line in text.split("\n"):
        if len(line) > _MAX_PAIR_LINE or digits not in line or sum(c.isalpha() for c in line) > _MAX_PAIR_LETTERS:
            continue
        amounts = signed_amounts(line, locale)
        if (
            len(amounts) == 2
            and amounts[0][0] == amount
            and amounts[0][1] is not None
            and amounts[1][1] == amounts[0][1]
            and amount < amounts[1][0] <= amount * _MAX_OLD_PRICE_FACTOR
            and not _RANGE_WORDS.search(line)  # "10 € - 20 €": a range of options' prices
        ):
            return amounts[1][0]
    return None


def _struck_through(amount: Decimal, page: VisiblePage) -> bool:
    return any(candidate.amount == amount and candidate.former for candidate in page.prices)


def _ancestor_levels(element: etree._Element) -> dict[etree._Element, int]:
    levels: dict[etree._Element, int] = {}
    node: etree._Element | None = element
    for level in range(NEAR_CART_LEVELS + 1):
        if node is None:
            break
        levels[node] = level
        node = node.getparent()
    return levels


def _tree_distance(element: etree._Element, ancestor_levels: dict[etree._Element, int]) -> int | None:
    """Levels up from the element plus levels up from the cart control to their nearest shared ancestor,
    when within NEAR_CART_LEVELS."""
    node: etree._Element | None = element
    for level in range(NEAR_CART_LEVELS + 1):
        if node is None:
            return None
        if node in ancestor_levels and level + ancestor_levels[node] <= NEAR_CART_LEVELS:
            return level + ancestor_levels[node]
        node = node.getparent()
    return None
