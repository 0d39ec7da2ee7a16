"""Codes the visible text labels as the product's ("SKU: 123", "Art.-Nr. 456", "品番 ABC-1", "EAN 4006381333931")
in many languages and scripts."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from app.extraction.structured.models import IDENTIFIER_FIELDS, IdentifierKind, ProductIds
from app.identifiers import clean_code, normalise_gtin

_MAX_LABELLED_VALUES = 2  # more distinct labelled codes of one kind: a list of products, not this one
# Two labelled codes of option rows: a shared stem of 4+ characters ending in a separator, suffixes of up to 4
_MIN_VARIANT_STEM = 4
_MAX_VARIANT_SUFFIX = 4
_VARIANT_SEPARATORS = "-_./"

# Labels a shop writes before a code, in many languages and scripts. "Strong" labels name an identifier and
# nothing else; the others ("Code", "Ref.", "Model"…) only count with a colon, '#', '№' or a line break after
# them, and only when the code is the end of that phrase ("Model: S24 Ultra" is a name, not a model number).
_SKU_STRONG = (
    r"sku(?:\s+(?:number|no\.|code|id|\(config\)))?|asin|tcin|ugs|supc|art(?:ikel)?\.?\s?-?\s?nr\.?|artikel-?nummer|artikelnr\.?"
    r"|bestell?-?nummer|best\.?-?nr\.?|vare-?nummer|vare-?nr\.?|tuotenumero|tuotekoodi|cikksz[áa]m"
    r"|[üu]r[üu]n\s+kodu|stok\s+kodu|артикул|арт\.|item\s*(?:#|no\.|nr\.)|product\s*(?:#|no\.)|style\s*(?:#|no\.)"
    r"|internet\s*#|art\.\s*no\.|cat(?:alog)?\.?\s*(?:#|no\.)|r[ée]f\.|cod\.\s*(?:art(?:icolo)?|prodotto)\.?"
    r"|pzn|c[óo]d\.(?:\s*item)?|מק[\"״]ט|n[úu]mero\s+de\s+(?:art[íi]culo|producto|referencia)|num[ée]ro\s+d['’]article"
    r"|numero\s+(?:di\s+)?articolo|n[úu]mero\s+do\s+(?:artigo|produto)"
)
_SKU_WEAK = (
    r"product\s+(?:code|number|id)|item\s+(?:code|number|id)|article\s+(?:number|code)|stock\s+code|style"
    r"|catalog(?:ue)?\s+number|style\s+(?:number|code)|web\s+(?:id|code)|artikel-?code|produkt-?nummer|product-?code"
    r"|r[ée]f[ée]rence(?:\s+(?:produit|article))?|r[ée]f|referenz|referentie|riferimento|referencia|refer[êe]ncia"
    r"|code\s+(?:produit|article)|c[óo]digo(?:\s+(?:del?|do|da)?\s*(?:producto|art[íi]culo|produto|item))?|c[óo]d"
    r"|codice(?:\s+(?:prodotto|articolo))?|cod\s+produs|k[óo]d(?:\s+(?:produktu|tovaru|zbo[žz][íi]|towaru))?"
    r"|bestel-?code|objednac[íi]\s+k[óo]d|katalogov[ée]\s+[čc][íi]slo|(?:nr|numer)\s+katalogowy|indeks|symbol|term[ée]kk[óo]d"
    r"|код(?:\s+товар[аyу])?|κωδικός(?:\s+προϊόντος)?|m[ãa]\s+s[ảa]n\s+ph[ẩa]m|kode\s+produk|kod\s+produk"
    r"|no\.\s*artikel|nomor\s+(?:artikel|produk)|[šs]ifra(?:\s+(?:artikla|proizvoda|izdelka))?|[šs]tevilka(?:\s+(?:izdelka|artikla))?"
    r"|رمز\s+المنتج|كود\s+المنتج|رقم\s+المنتج|کد\s+(?:محصول|کالا)"
    r"|prek[ėe]s\s+kodas|preces\s+kods|artikuls|tootekood|tootenumber|v[öo]run[úu]mer|cod\s+articol|kode\s+barang"
    r"|m[ãa]\s+h[àa]ng|m[ãa]\s+sp"
)
# Classified ads and auctions: the ad's or the lot's number is the item's code. A rule of its own: each
# alternative added to the long patterns above costs a try at every position, one short pattern a scan.
_SKU_AD = (
    r"ad\s+(?:id|number)|(?:numer|nr|id)\s+(?:ogłoszenia|oferty)|anzeigen-?(?:nr\.?|nummer|id)|номер\s+объявления"
    r"|№\s+объявления|ilan\s+(?:no|numarası)|num[ée]ro\s+d['’]annonce|lot\s+(?:number|#|no\.)|post\s+id"
    r"|finn-?kode|annonse-?(?:nummer|id)|annons-?(?:nummer|id)|annonce-?nummer|ilmoitusnumero|číslo\s+inzerátu"
    r"|[šs]ifra\s+oglasa|publica(?:ci[óo]n|ção)\s*#|mls\s*(?:#|number)|listing\s+(?:number|id)|angebots-?nummer"
    r"|objekt-?nummer|zoekertjes-?nummer|advertentie-?(?:nr\.?|nummer)"
    r"|c[óo]digo\s+(?:del?|do)\s+an[úu]ncio|n[úu]mero\s+de(?:l)?\s+an[úu]ncio|id\s+(?:do|del)\s+an[úu]ncio"
)
# "Código 237875900 | Marca Samsung": a bare "code" word and a number, with no colon between. Only a long
# number ending its phrase: after these words a short one or a word is anything but the item's code.
_SKU_BARE = r"c[óo]digo|codice|k[óo]d|код"
_BARE_NUMBER = r"(\d{5,15})(?![A-Za-z0-9\-_/])"
_SKU_SCRIPT = (
    r"オークションid|注文コード|商品id|商品編號|商品编号|商品號碼|商品番号|商品コード|品番|品号|品號|货号|貨號|产品编号|產品編號|商品代码|製品番号"
    r"|상품\s?번호|상품\s?코드|품번|제품\s?번호|รหัสสินค้า"
)
_BEFORE_HERSTELLER = ("artikelnummer", "artikel-nummer", "produktcode", "teilenummer", "artikelnummer des")
_MPN_STRONG = (
    r"mpn|mfr\.?\s*(?:part\s*)?(?:#|no\.)|model\s*(?:#|no\.)|part\s*(?:#|no\.)|herst\.?-?nr\.?"
    # "Artikelnummer Hersteller", "Produktcode Hersteller": matched from "hersteller" back, so that the pattern still
    # starts with the few letters the regex engine skips to (a leading "artikel…" would try at every "a")
    r"|hersteller(?:{})s?".format("|".join(f"(?<={words} hersteller)" for words in _BEFORE_HERSTELLER))
)
_MPN_WEAK = (
    r"item\s+model\s+number|model(?:\s+(?:number|code))?|mfr\.?\s+part\s+number|manufacturer\s+part\s+(?:number|no\.?)"
    r"|part\s+number|modell(?:nummer)?|hersteller(?:artikel)?-?(?:nummer|nr\.?)(?:\s+lautet)?|mod[èe]le"
    r"|r[ée]f[ée]rence\s+fabricant|num[ée]ro\s+de\s+mod[èe]le|modelo|n[úu]mero\s+de\s+(?:modelo|pieza)"
    r"|modello|codice\s+produttore|kod\s+producenta|модель|דגם|رقم\s+الموديل"
)
_MPN_SCRIPT = r"型番|型号|型號|型式|モデル番号|모델명|모델\s?번호"
_GTIN_LABELS = (
    r"(?:ean|gtin|upc|jan|isbn)(?:[\s-]?(?:8|10|12|13|14|a))?(?:[\s-]?(?:code|number|no\.|nummer|#))?"
    r"|barcode|code[\s-]barre|c[óo]digo\s+de\s+barras|strichcode|штрих-?код"
)
_GTIN_SCRIPT = r"janコード|条码|條碼|条形码|バーコード|바코드"
_GAP = r"[ \t\u00a0\u200b\u200e\u200f]*"  # spaces, and the direction marks Amazon puts around its colons


def _code_token(min_chars: int = 2, joiners: str = r"\-_./#+") -> str:
    """A code of `min_chars` to 48 letters, digits and joiners, starting and ending with a letter or digit, not cut
    from a longer word."""
    return rf"([A-Za-z0-9][A-Za-z0-9{joiners}]{{{min_chars - 2},46}}[A-Za-z0-9])(?![A-Za-z0-9\-_/])"


_CODE_TOKEN = _code_token()
_GTIN_TOKEN = r"(\d(?:[ \-]?\d){6,13}(?:[ \-]?[\dXx])?)(?![\dA-Za-z])"
# After any label: optional "No."/"#", then a colon, '#', dash or a line break.
# The separator may open the value's line ("SKU" in a bold span, ": BI681HA2K7T20NAFAMZ" after it).
_SEPARATOR_REQUIRED = rf"{_GAP}(?:\n{_GAP})?(?:[:：#№\-–]|\n){_GAP}\n?{_GAP}"
_SEPARATOR_OPTIONAL = rf"{_GAP}(?:\n{_GAP})?[:：#№\-–]?{_GAP}\n?{_GAP}"
# What may follow a code read after a weak label: the end of the line, punctuation, a sentence's full stop, or the
# next label.
_PHRASE_END = re.compile(r"[ \t]*(?:$|\n|[,;|)\]/]|\.(?:[ \t]|$)|(?:\S{1,25}[ \t]){0,2}\S{1,25}[ \t]?[:：])", re.M)
# "Item:" starting its line, then a code of four or more characters ("Item: SB00260"): bare "item" elsewhere is any
# count or weight ("Max per item: 10", "Item - 12345").
_ITEM_ALONE = re.compile(rf"^[ \t]*item{_GAP}[:：]{_GAP}\n?{_GAP}{_code_token(min_chars=4)}", re.M)
# An ad's or lot's number alone on its line ("№ 3456789012", Avito): "№" with other words is any number. A
# letter straight after the number is the next element's text run in (Avito's number span, then its button).
_NUMBER_SIGN_ALONE = re.compile(rf"^№{_GAP}(\d{{6,15}})(?:[ \t]*$|(?=[^\W\d_]))", re.M)


def _labelled(labels: str, separator: str, token: str, *, script: bool = False) -> re.Pattern[str]:
    """A rule's pattern, matched against lower-cased text without re.I and without a look-behind at its start:
    that way the regex engine skips to label letters in C (~10x faster on a 30 kB page). Whether a Latin
    label starts a word is checked afterwards."""
    word_end = "" if script else r"(?![^\W\d_])"
    return re.compile(rf"(?:{labels}){word_end}{separator}{token}")


@dataclass(frozen=True, slots=True)
class _LabelRule:
    kind: IdentifierKind
    pattern: re.Pattern[str]
    phrase_end: bool  # the code must end its phrase
    script: bool = False  # CJK, Korean, Thai labels: no spaces between words, so no word start to check
    # an ad's number comes before other codes wherever it sits: an ad's text quotes the agent's "Referentie: 15729"
    first: bool = False


_LABEL_RULES = (
    _LabelRule("gtin", _labelled(_GTIN_LABELS, _SEPARATOR_OPTIONAL, _GTIN_TOKEN), False),
    _LabelRule("gtin", _labelled(_GTIN_SCRIPT, _SEPARATOR_OPTIONAL, _GTIN_TOKEN, script=True), False, True),
    _LabelRule("sku", _labelled(_SKU_STRONG, _SEPARATOR_OPTIONAL, _CODE_TOKEN), False),
    _LabelRule("sku", _labelled(_SKU_SCRIPT, _SEPARATOR_OPTIONAL, _CODE_TOKEN, script=True), False, True),
    _LabelRule("sku", _labelled(_SKU_WEAK, _SEPARATOR_REQUIRED, _CODE_TOKEN), True),
    _LabelRule("sku", _labelled(_SKU_AD, _SEPARATOR_OPTIONAL, _CODE_TOKEN), True, first=True),
    _LabelRule("sku", _labelled(_SKU_BARE, r"[ \t\u00a0]+", _BARE_NUMBER), True),
    _LabelRule("sku", _NUMBER_SIGN_ALONE, False, True),
    _LabelRule("sku", _ITEM_ALONE, True),
    _LabelRule("mpn", _labelled(_MPN_STRONG, _SEPARATOR_OPTIONAL, _CODE_TOKEN), True),
    _LabelRule("mpn", _labelled(_MPN_SCRIPT, _SEPARATOR_OPTIONAL, _CODE_TOKEN, script=True), True, True),
    _LabelRule("mpn", _labelled(_MPN_WEAK, _SEPARATOR_REQUIRED, _CODE_TOKEN), True),
)
# A shop labels its own code with its own name: "Kod x-kom: 597344", "LastDodo nummer 8838967", "Cód. Inmuebles24:
# 145692212", "IMMOSCOOP Ref.", "Nr oferty w Otodom: 58024240". The name is the site's (its host's registrable
# label), so the rule is made per page; the shop's own code comes before other labelled codes ("Makelaar Ref.").
_SITE_CODE_WORDS = (
    r"k[óo]d|code|c[óo]d\.?|c[óo]digo|codice|numer|nummer|number|n[úu]mero|num[ée]ro|no\.|nr\.?|sku|ref\.?"
    r"|artikel-?nummer|art\.?-?nr\.?|[čc][íi]slo|#"
)
_SITE_PREPOSITIONS = r"w|in|on|at|na|bei|auf|en|op|em|su"  # "ID w Otodom", "Nr oferty w Otodom"
_SPACE = r"[ \t\u00a0]+"  # within one line: "x-kom\nnr 343770000" is a phone number under the shop's name
_SITE_CODE_TOKEN = _code_token(joiners=r"\-_.#+")  # no "/": "DER SPIEGEL Nr. 12/2024" is an issue, not a code
_MIN_SITE_NAME = 3


@functools.lru_cache(maxsize=256)
def _site_rule(site_name: str) -> _LabelRule | None:
    """The rule reading codes labelled with this site's name: "<code word> [word] [in] <name>" or "<name> <code
    word>" ("Apple ID" is an account, so "id" only comes before the name)."""
    if len(site_name) < _MIN_SITE_NAME or not any(char.isalpha() for char in site_name):
        return None
    name = re.escape(site_name.lower()) + r"(?:\.[a-z]{2,3})?"
    preposition = rf"(?:(?:{_SITE_PREPOSITIONS}){_SPACE})?"
    before = rf"(?:{_SITE_CODE_WORDS}|id)(?:{_SPACE}[^\W\d_]{{2,12}})?{_SPACE}{preposition}{name}"
    after = rf"{name}{_SPACE}(?:{_SITE_CODE_WORDS})|{name}#"
    return _LabelRule("sku", _labelled(f"{before}|{after}", _SEPARATOR_OPTIONAL, _SITE_CODE_TOKEN), True, first=True)


# Words on a code's line before it (its label included: "Kod rabatowy") that make it a discount code, not the
# product's.
_PROMOTION = re.compile(
    r"[-−–]\s?\d{1,2}\s?%|coupon|voucher|promo|discount|descuento|cup[óo]n|desconto|cupom|rabatt|gutschein|réduction|remise|sconto"
    r"|kod rabatowy|indirim|скидк|промокод|クーポン|优惠券|折扣|할인"
)
_CODE_HINT = re.compile(r"\d|[A-Z]{2,}[\-_.][A-Z0-9]")  # a digit, or capitals joined like "WUP-R-ABAJ"
_MAX_LINE = 200
_MAX_LABEL_LINE = 40


def labelled_identifiers(text: str, name: str | None = None, site_name: str = "") -> ProductIds:
    """Codes the visible text labels ("SKU: 123", "Art.-Nr. 456", "品番 ABC-1", "EAN 4006381333931"), one of
    each kind (see _the_products_value); `site_name` ("x-kom") also reads the shop's code labelled with it."""
    text = _short_lines_with_codes(text)
    if not text:
        return ProductIds()
    lowered = _lower_keeping_positions(text)
    found: dict[IdentifierKind, list[tuple[bool, int, str]]] = {kind: [] for kind in IDENTIFIER_FIELDS}
    site_rule = _site_rule(site_name) if site_name else None
    for rule in (*_LABEL_RULES, site_rule) if site_rule else _LABEL_RULES:
        for position, value in _matches(rule, text, lowered, name):
            found[rule.kind].append((not rule.first, position, value))
    chosen: dict[str, str] = {}
    for kind, values in found.items():
        if picked := _the_products_value([value for _, _, value in sorted(values)]):
            chosen[kind] = picked
    return ProductIds(**chosen)


def _the_products_value(values: list[str]) -> str | None:
    """The first of at most two different values; among more (a list of products, or "bought together"
    tiles), the one the page repeats more than any other (the product's own code shows in several places)."""
    distinct = list(dict.fromkeys(values))
    if len(distinct) == _MAX_LABELLED_VALUES and _sibling_variants(*distinct):
        return None  # two rows of options ("SKU: CS20858_1", "SKU: CS20858_2"), none the product's own code
    if len(distinct) <= _MAX_LABELLED_VALUES:
        return distinct[0] if distinct else None
    counts = Counter(values).most_common(2)
    return counts[0][0] if counts[0][1] > counts[1][1] else None


def _sibling_variants(first: str, second: str) -> bool:
    """Two codes sharing a stem that differ only after a separator: "CS20858_1" / "CS20858_2", "K-100-S" / "K-100-M"."""
    stem = next((index for index, (a, b) in enumerate(zip(first, second, strict=False)) if a != b), None)
    if stem is None:
        return False  # one code extends the other: a product's code and its variant's (590414, 59041479)
    return (
        stem >= _MIN_VARIANT_STEM
        and first[stem - 1] in _VARIANT_SEPARATORS
        and max(len(first), len(second)) - stem <= _MAX_VARIANT_SUFFIX
    )


def _short_lines_with_codes(text: str) -> str:
    """Only the lines a labelled code can sit on: short ones with a digit or a capitals code, and a short label
    line before one (a table cell "SKU" above "12345"). Paragraphs and menus are a page's bulk and hold no
    labelled codes; skipping them makes the label patterns ~4x cheaper."""
    lines = text.split("\n")
    kept = []
    for index, line in enumerate(lines):
        if len(line) > _MAX_LINE:
            continue
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if _CODE_HINT.search(line) or (
            len(line) <= _MAX_LABEL_LINE and len(following) <= _MAX_LINE and _CODE_HINT.search(following)
        ):
            kept.append(line)
    return "\n".join(kept)


def _lower_keeping_positions(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := char.lower()) == 1 else char for char in text)  # "İ" lowers to two


_RUN_IN_LABEL = re.compile(r"(.*\d)[A-Z][a-z]+")
_LABEL_WORD_AFTER = re.compile(r"[ \t]*[:：]")


def _matches(rule: _LabelRule, text: str, lowered: str, name: str | None) -> Iterator[tuple[int, str]]:
    for match in rule.pattern.finditer(lowered):
        start = match.start()
        if not rule.script and start > 0 and lowered[start - 1].isalpha():
            continue  # inside a word: "pref. 12", "skull 2000"
        if _PROMOTION.search(lowered, lowered.rfind("\n", 0, start) + 1, match.start(1)):
            continue  # a discount code: "-15% en pedidos superiores a 249€ | Código: 15HOLIDAYS"
        if _LABEL_WORD_AFTER.match(lowered, match.end(1)):
            continue  # "Cód. Inmuebles24: 145692212": the word is the label's ("the Inmuebles24 code")
        raw = text[match.start(1) : match.end(1)]
        if run_in := _RUN_IN_LABEL.fullmatch(raw):
            raw = run_in.group(1)  # "CT-07Catégorie :": a minified page runs the code into the next label
        if rule.kind == "gtin":
            value = normalise_gtin(raw) or normalise_gtin(raw.split()[0])
        else:
            if rule.phrase_end and not _PHRASE_END.match(lowered, match.end()):
                continue
            value = clean_code(raw, name=name)
        if value:
            yield match.start(), value
