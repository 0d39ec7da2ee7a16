"""The page's visible text (for the LLM stage and for text evidence) and name cleaning."""

from __future__ import annotations

import re

from lxml import etree

MAX_VISIBLE_TEXT = 32 * 1024
_SKIPPED = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas", "select", "option"}
_BLOCKS = {
    "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "li", "ul", "ol", "table", "tr",
    "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "br", "hr", "form", "fieldset", "dd", "dt", "dl", "blockquote",
    "pre", "figure", "figcaption", "address", "button", "label",
}  # fmt: skip
_HIDDEN = etree.XPath("descendant-or-self::*[@hidden or @aria-hidden='true']")
_WORD = re.compile(r"\w+")
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|‐|‑|–|—|::|:|·|•|»|/)\s+|(?<=\w):\s+")
# Words after a shop's name in a title's part that still make it the shop's name ("Mercari Japan 日本最大…": the
# words in other scripts are dropped when the part is squashed).
_SITE_SUFFIXES = {
    "", "com", "us", "usa", "uk", "shop", "store", "online", "official", "officialstore", "officialsite",
    "onlineshop", "global", "japan", "korea", "taiwan", "china", "india", "deutschland", "germany", "france",
    "italia", "espana", "brasil", "mexico",
}  # fmt: skip
_DOMAIN = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|co|shop|store|[a-z]{2})$", re.I)


def visible_text(root: etree._Element, limit: int = MAX_VISIBLE_TEXT) -> str:
    """Text a person sees, in reading order with line breaks between blocks, capped at `limit` characters.

    Prunes the tree as it goes (scripts, styles, templates, hidden elements, pickers): call it once every
    reader that needs those parts is done. Pruning and serialising run in libxml2, ~10x faster than a
    Python walk over a 1 MB page."""
    body = next(root.iter("body"), root)
    etree.strip_elements(body, *_SKIPPED, with_tail=False)
    for hidden in _HIDDEN(body):
        _remove_keeping_tail(hidden)
    for block in body.iter(*_BLOCKS):
        block.tail = "\n" + (block.tail or "")  # a line break after each block
    raw = etree.tostring(body, method="text", encoding="unicode")
    lines: list[str] = []
    size = 0
    for line in raw.split("\n"):  # mostly blank lines: stop once the cap is reached
        words = line.split()
        if words:
            lines.append(" ".join(words))
            size += len(lines[-1]) + 1
            if size >= limit:
                break
    return "\n".join(lines)[:limit]


def _remove_keeping_tail(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def clean_name(title: str | None, site_names: tuple[str | None, ...] = ()) -> str | None:
    """A page title or og:title without the shop's name: 'Blue Mug | Acme Store' -> 'Blue Mug'."""
    if not title:
        return None
    parts = [part.strip() for part in _TITLE_SEPARATORS.split(title) if part.strip()]
    separators = _TITLE_SEPARATORS.findall(title)
    if len(parts) != len(separators) + 1:  # a separator at an edge: keep the title as it is
        return title.strip() or None
    sites = {squashed for squashed in (_squash(site) for site in site_names if site) if len(squashed) >= 3}
    start, end = 0, len(parts)
    while end - start > 1 and _is_site(parts[end - 1], sites):
        end -= 1
    while end - start > 1 and _is_site(parts[start], sites):
        start += 1
    kept = parts[start:end]
    return "".join(
        part + (separators[start + index] if index < len(kept) - 1 else "") for index, part in enumerate(kept)
    )


def is_site_name(text: str | None, site_names: tuple[str | None, ...]) -> bool:
    """True when the text is just the shop's name or domain (og:title="Costco Wholesale"). A text with no Latin
    letter or digit ("もののけ姫") is never: nothing of it can be told apart from the shop's Latin name."""
    sites = {squashed for squashed in (_squash(site) for site in site_names if site) if len(squashed) >= 3}
    return bool(_squash(text or "")) and _is_site(text or "", sites)


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower().removeprefix("www."))


def _is_site(part: str, sites: set[str]) -> bool:
    """The part is the shop's name or domain ('Nike.com', 'Ann Taylor'), not a name that contains it."""
    if _DOMAIN.match(part):
        return True
    squashed = _squash(part)
    return any(
        squashed.removeprefix(site) in _SITE_SUFFIXES or (len(squashed) >= 4 and squashed in site) for site in sites
    )


def code_written(code: str, text: str) -> bool:
    """Whether the text shows the code as a whole token ("AK-17" in "Art. AK-17", not in "AK-170")."""
    return re.search(rf"(?<![\w-]){re.escape(code)}(?![\w-])", text) is not None


def name_similarity(name: str | None, reference: str | None) -> float:
    """Share of the name's words found in the reference (0..1): 'Blue Mug' vs 'Blue Mug | Acme' is 1.0."""
    words = word_set(name)
    if not words:
        return 0.0
    return len(words & word_set(reference)) / len(words)


def word_set(text: str | None) -> set[str]:
    """The lower-cased words of a name, as name_similarity counts them."""
    return set(_WORD.findall(text.lower())) if text else set()
