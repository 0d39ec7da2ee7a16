"""The product's name as the page shows it: the heading rather than an og:title that wraps it in the site's words,
the part of a heading the title repeats, and the element naming the product on a page without headings."""

from __future__ import annotations

import re
from itertools import islice

from lxml import etree

from app.extraction.structured.document import element_text
from app.extraction.structured.text import is_site_name, name_similarity, word_set

_MIN_NAME_CHARS = 4
# Words set off before the heading in og:title: "[G마켓] <name>", "Shop - <name>", "【Sale】<name>".
_SET_OFF_BEFORE = re.compile(r"(?:(?:^|\s)[|\-‐‑–—·•»/]|[:\]】)」』>〕])$")
# ... and after it: "<name> - AliExpress 44", "<name> - Furniture - Austin, Texas | Facebook Marketplace".
_SET_OFF_AFTER = re.compile(r"^(?:[|\-‐‑–—·•»/:](?:\s|$)|[\[【(「『<〔])")
# An amount beside a currency sign ("€ 34.990", "$24.99", "1 299 zł"): sizes and models ("125G", "RX6378") are not.
_PRICE_IN_NAME = re.compile(r"(?:[€$£¥₹₽₩₺₪₫฿₴]|\bR\$)\s?\d|\d\s?(?:[€£¥₹₽₩₺₪₫฿₴]|zł|Kč|руб|грн)")
_MAX_HEADING_PARTS = 30  # descendants of a heading looked at for the part the title repeats
# Elements whose class or id says they hold a title or name (JD's div.sku-name, "product-title", "itemName").
_TITLE_LIKE = etree.XPath(
    "//body//*[contains(translate(@class, 'NT', 'nt'), 'name') or contains(translate(@class, 'NT', 'nt'), 'title')"
    " or contains(translate(@id, 'NT', 'nt'), 'name') or contains(translate(@id, 'NT', 'nt'), 'title')]"
)
_MAX_TITLE_LIKE = 200
_MAX_TITLE_LIKE_CHARS = 300
# A title-like element names the product when its words are the title's (bar a word or so) and they are most of
# the title's, not one word of it ("Apple" in a menu).
_TITLE_LIKE_WITHIN = 0.8
_TITLE_LIKE_COVERS = 0.5


def wraps_heading(og_title: str | None, heading: str | None) -> bool:
    """og:title is the heading with the site's words set off around it ("[G마켓] <h1>", "<h1> - AliExpress 44"):
    the heading is what the shopper reads as the name."""
    if not og_title or not heading:
        return False
    wrapped, name = _squeeze(og_title), _squeeze(heading)
    if len(name) < _MIN_NAME_CHARS or wrapped == name or (start := wrapped.find(name)) < 0:
        return False
    before, after = wrapped[:start].rstrip(), wrapped[start + len(name) :].lstrip()
    return (not before or _SET_OFF_BEFORE.search(before) is not None) and (
        not after or _SET_OFF_AFTER.match(after) is not None
    )


def names_something_else(name: str | None, heading: str | None, site_names: tuple[str | None, ...]) -> bool:
    """A markup or og:title name that is not the product's while the page heads it plainly: the shop's own name
    ("OnTheMarket.com"), a caption written around the price ("BMW für € 34.990"), or share text naming the site
    ("Check out this house for sale on Rightmove"). A name the heading repeats, amount or shop's name and all
    ("Gift Card €50", "Amazon Basics USB Cable"), is the product's; so is any name beside a heading that shows
    prices itself (H&M's "Bomber Jacket $24.99 $39.99")."""
    if not name or not heading or _squeeze(name) == _squeeze(heading) or _PRICE_IN_NAME.search(heading):
        return False
    if is_site_name(name, site_names) or _PRICE_IN_NAME.search(name):
        return True
    return _names_site(name, site_names) and not _names_site(heading, site_names)


def _names_site(text: str, site_names: tuple[str | None, ...]) -> bool:
    """The shop's name among the text's words but not leading them: "… on Rightmove", "… at The Good Guys". A name
    that starts with it is a brand's own product ("Tiffany Novo® Diamond Ring", "Amazon Basics USB Cable")."""
    words, squeezed = word_set(text), _squeeze(text)
    return any(
        site_words <= words and min(squeezed.find(word) for word in site_words) > 0
        for site_words in map(word_set, filter(None, site_names))
        if site_words
    )


def titled_part(heading: etree._Element, text: str, names: tuple[str | None, ...]) -> str:
    """The part of a heading the page's title repeats, when the heading also shows words no title has: Craigslist's
    <h1> holds the title's <span>, the price and the place ("Trek Marlin 5 $450 (mission district)"). A part
    counts only when it holds every heading word the title has, so a brand <span> alone never does."""
    known = [name for name in names if name]
    if not known or any(name_similarity(text, name) == 1 for name in known):
        return text
    heading_words = word_set(text)
    shared = [heading_words & word_set(name) for name in known]
    for part in islice(heading.iterdescendants(), _MAX_HEADING_PARTS):
        part_text = element_text(part, len(text))
        if len(part_text) >= _MIN_NAME_CHARS and len(part_text) < len(text) and word_set(part_text) in shared:
            return part_text
    return text


def title_like_name(root: etree._Element, title: str | None) -> str | None:
    """On a page with no heading naming the product (JD shows it in div.sku-name), the element whose class or id
    says title or name and whose text is most of the <title>'s words and little else (the first of the most)."""
    if not title:
        return None
    best: tuple[float, str] | None = None
    for element in islice(_TITLE_LIKE(root), _MAX_TITLE_LIKE):
        if not isinstance(element.tag, str) or element.tag in ("a", "img", "input", "meta", "title"):
            continue
        text = element_text(element, _MAX_TITLE_LIKE_CHARS + 1)
        if not _MIN_NAME_CHARS <= len(text) <= _MAX_TITLE_LIKE_CHARS:
            continue
        covers = name_similarity(title, text)
        within = name_similarity(text, title) >= _TITLE_LIKE_WITHIN and covers >= _TITLE_LIKE_COVERS
        if within and (best is None or covers > best[0]):
            best = (covers, text)
    return best[1] if best else None


def _squeeze(text: str) -> str:
    return " ".join(text.split()).casefold()
