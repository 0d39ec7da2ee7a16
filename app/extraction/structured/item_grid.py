"""Grids of items: prices and buy controls in tiles repeated side by side, as on category and search pages and in
related-product strips."""

from __future__ import annotations

from itertools import islice

from lxml import etree

from app.extraction.structured.document import ancestors_and_self
from app.extraction.structured.visible import CART_LINK, VisiblePage

_GRID_LEVELS = 6
_GRID_MIN_TILES = 4
_TILED_CONTROLS = 3  # side-by-side tiles, each with its own buy control and link: a grid of items
_MAX_TILE_LINKS = 10


def prices_in_product_grid(page: VisiblePage) -> frozenset[int]:
    """The `order` of every price that sits in a tile repeated with other priced tiles (same tag and class, side
    by side), as on category and search pages and in related-product strips. A product page's own price block is
    not repeated."""
    priced: set[etree._Element] = set()
    for other in page.prices:
        for level, node in enumerate(ancestors_and_self(other.element)):
            if level > _GRID_LEVELS + 1:
                break
            priced.add(node)
    return frozenset(
        candidate.order
        for candidate in page.prices
        if _repeated_tile(candidate.element, priced, _GRID_MIN_TILES) is not None
    )


def _repeated_tile(element: etree._Element, holders: set[etree._Element], at_least: int) -> etree._Element | None:
    """The ancestor of `element` (a few levels up) repeated side by side, same tag and class, with at least
    `at_least` copies holding one of `holders`: the element's tile in a grid, if any."""
    node = element
    for _ in range(_GRID_LEVELS):
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return None
        css = node.get("class")
        tiles = sum(
            1 for sibling in parent if sibling.tag == node.tag and sibling.get("class") == css and sibling in holders
        )
        if tiles >= at_least:
            return node
        node = parent
    return None


def buy_controls_in_item_tiles(page: VisiblePage) -> bool:
    """Every buy control of the page sits in a tile repeated side by side (same tag and class) with at least two
    others that have their own buy control, and the tiles link to different pages: a search or category grid whose
    items each carry an add-to-cart button. A product page's own buy control stands alone in its buy box, and rows
    of one product's variants, each with its button, link to no pages of their own."""
    controls = [element for _, element in page.cart_controls if element.tag != "form"]
    if len(controls) < _TILED_CONTROLS:
        return False
    holders: set[etree._Element] = set()
    for control in controls:
        holders.update(islice(ancestors_and_self(control), _GRID_LEVELS + 1))
    tiles: set[etree._Element] = set()
    for control in controls:
        tile = _repeated_tile(control, holders, _TILED_CONTROLS)
        if tile is None:
            return False
        tiles.add(tile)
    links = {_item_link(tile) for tile in tiles}
    links.discard(None)
    return len(links) >= _TILED_CONTROLS


def _item_link(tile: etree._Element) -> str | None:
    """The first link of a tile that leads to a page rather than to the cart."""
    for link in islice(tile.iter("a"), _MAX_TILE_LINKS):
        href = (link.get("href") or "").strip()
        if href and not href.startswith(("#", "javascript:")) and CART_LINK.search(href) is None:
            return href
    return None
