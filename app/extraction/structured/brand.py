"""The product's brand as the visible text labels it, for pages whose markup names none: "Brand: WMF",
"Marca: HIKA", "ブランド: 任天堂", a "Brand" cell above its value, or Amazon's "Visit the Bosch Store"."""

from __future__ import annotations

import re

_LABELS = (
    r"brand|brand name|marca|marke|marque|merk|märke|merke|marka|značka|znacka|márka|бренд|торговая марка|марка"
    r"|thương hiệu|merek|แบรนด์|ブランド|品牌|브랜드|manufacturer|hersteller|fabricante|fabricant|producent|výrobce"
    r"|производитель|виробник"
)
# Possessive runs of blanks (`*+`): a label followed by a long run of spaces must not be retried at each length.
_LABELLED = re.compile(rf"^[ \t]*+(?:{_LABELS})[ \t]*+[:：][ \t]*+(\S[^\n]{{0,39}}?)[ \t]*$", re.I | re.M)
# "Brand:" in a cell above its value (eBay's item specifics): a key and its value.
_LABEL_ABOVE = re.compile(rf"^[ \t]*+(?:{_LABELS})[ \t]*+[:：][ \t]*+\n[ \t]*+(\S[^\n]{{0,39}}?)[ \t]*$", re.I | re.M)
# A bare "Brand" cell above its value: counted only when the product's name contains the value (filter lists and
# "See all" links follow a bare label too).
_LABEL_LINE = re.compile(rf"^[ \t]*+(?:{_LABELS})[ \t]*+\n[ \t]*+(\S[^\n]{{0,39}}?)[ \t]*$", re.I | re.M)
_STORE_LINK = re.compile(
    r"^[ \t]*(?:visit the (.{1,40}?) store|besuche den (.{1,40}?)-store|visiter la boutique (.{1,40}?)"
    r"|visita la tienda de (.{1,40}?)|visita lo store di (.{1,40}?)|visite a loja (?:da |de )?(.{1,40}?))[ \t]*$",
    re.I | re.M,
)
_MAX_WORDS = 4  # "Beats by Dr. Dre"
_NOT_A_BRAND = {
    "n/a", "na", "none", "other", "others", "generic", "unbranded", "no brand", "sonstige", "otros",
    "does not apply", "not applicable", "all brands", "alle marken", "toutes les marques",  # eBay; a filter list
}  # fmt: skip


def labelled_brand(text: str, name: str | None) -> str | None:
    """The brand the text labels: the one the product's name contains when several are labelled (related
    products carry their own), else the only one."""
    lowered_name = (name or "").casefold()
    found: list[str] = []
    for pattern in (_LABELLED, _LABEL_ABOVE, _LABEL_LINE, _STORE_LINK):
        for match in pattern.finditer(text):
            value = next(group for group in match.groups() if group).strip()
            if _brand_like(value) and (pattern is not _LABEL_LINE or value.casefold() in lowered_name):
                found.append(value)
    if not found:
        return None
    in_name = [brand for brand in found if brand.casefold() in lowered_name]
    if in_name:
        return in_name[0]
    distinct = list(dict.fromkeys(found))
    return distinct[0] if len(distinct) == 1 else None


def _brand_like(value: str) -> bool:
    words = value.split()
    return (
        0 < len(words) <= _MAX_WORDS
        and value.strip().casefold() not in _NOT_A_BRAND
        and any(char.isalpha() for char in value)
        and not (len(words) > 1 and value.rstrip().endswith((".", ":", "?", "!")))  # a sentence, not "Think!"
    )
