"""The product's identifiers (sku, gtin, mpn): from markup, from marketplace URLs, from labelled codes in the
visible text. Product-level values before variant-level ones; a doubtful value is left out (these identifiers
are for recognising one product across shops, where a wrong one does more harm than a missing one)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import parse_qsl, urlsplit

from app.extraction.structured.models import Source
from app.extraction.structured.text import code_written
from app.identifiers import clean_code, normalise_gtin

if TYPE_CHECKING:
    from app.extraction.structured.schema_org import ProductRecord

IdentifierKind = Literal["sku", "gtin", "mpn"]
IDENTIFIER_FIELDS: tuple[IdentifierKind, ...] = ("sku", "gtin", "mpn")
_GTIN_PROPERTIES = ("gtin13", "gtin", "gtin12", "gtin14", "gtin8", "isbn", "ean", "upc")
_PRODUCT_ID_PREFIX = re.compile(r"^\s*([a-z][a-z0-9_-]{1,12})\s*:\s*(\S.*)$", re.I)
_GTIN_PREFIXES = {
    "gtin", "gtin8", "gtin12", "gtin13", "gtin14", "ean", "ean13", "upc", "isbn", "isbn13", "isbn10", "jan"
}  # fmt: skip
_MAX_LABELLED_VALUES = 2  # more distinct labelled codes of one kind: a list of products, not this one
# Two labelled codes of option rows: a shared stem of 4+ characters ending in a separator, suffixes of up to 4
_MIN_VARIANT_STEM = 4
_MAX_VARIANT_SUFFIX = 4
_VARIANT_SEPARATORS = "-_./"
_MIN_MARKUP_CODE = 4


@dataclass(frozen=True, slots=True)
class ProductIds:
    sku: str | None = None
    gtin: str | None = None
    mpn: str | None = None

    def get(self, kind: IdentifierKind) -> str | None:
        value: str | None = getattr(self, kind)
        return value


# --- markup -------------------------------------------------------------------------------------------------


def markup_identifiers(node: dict[str, Any]) -> ProductIds:
    """sku, gtin and mpn of a schema.org Product, ProductGroup or Offer node (JSON-LD-shaped), validated.

    `productID` counts when prefixed ("isbn:…", "gtin13:…", "mpn:…") or, unprefixed, as the shop's code when
    there is no `sku`; a ProductGroup's `productGroupID` is its own code."""
    gtin = next((found for key in _GTIN_PROPERTIES if (found := normalise_gtin(_markup_text(node.get(key))))), None)
    sku = _markup_code(node.get("sku"), "sku")
    mpn = _markup_code(node.get("mpn"), "mpn")
    product_id = _markup_text(node.get("productID"))
    if product_id:
        prefixed = _PRODUCT_ID_PREFIX.match(product_id)
        prefix = prefixed.group(1).lower() if prefixed else None
        if prefixed and prefix in _GTIN_PREFIXES:
            gtin = gtin or normalise_gtin(prefixed.group(2))
        elif prefixed and prefix == "mpn":
            mpn = mpn or clean_code(prefixed.group(2))
        elif prefixed and prefix == "sku":
            sku = sku or clean_code(prefixed.group(2))
        elif not prefixed:
            sku = sku or clean_code(product_id)
    sku = sku or clean_code(_markup_text(node.get("productGroupID")))
    return ProductIds(sku=sku, gtin=gtin, mpn=mpn)


def _markup_code(value: Any, kind: IdentifierKind) -> str | None:
    """A sku or mpn property; one written with its label ("Item # 101095", "Model: AB-12") keeps the code."""
    text = _markup_text(value)
    if not text:
        return None
    return clean_code(text) or labelled_identifiers(text).get(kind)


def _markup_text(value: Any) -> str | None:
    """One property value as text; numbers too (a GTIN written as a JSON number)."""
    while isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        return _markup_text(value.get("@value") or value.get("value") or value.get("name"))
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    return value.strip() if isinstance(value, str) else None


def record_identifiers(record: ProductRecord, page_url: str) -> ProductIds:
    """The product's own identifiers; a field it lacks comes from its offers (variants) only when they
    agree on one value or the page's URL picks out one offer."""
    own = ProductIds(sku=record.sku, gtin=record.gtin, mpn=record.mpn)
    offers = [offer for offer in record.offers if offer.sku or offer.gtin or offer.mpn]
    if not offers:
        return own
    selected = _selected([(offer.url, offer.sku) for offer in offers], page_url)
    filled: dict[str, str] = {}
    for kind in IDENTIFIER_FIELDS:
        if own.get(kind):
            continue
        if selected is not None and (value := getattr(offers[selected], kind)):
            filled[kind] = value
            continue
        values = {value for offer in offers if (value := getattr(offer, kind))}
        if len(values) == 1:
            filled[kind] = values.pop()
    return replace(own, **filled)


def _markup_choice(records: Sequence[ProductRecord], page_url: str) -> dict[IdentifierKind, tuple[str, Source]]:
    """Identifiers of the main product from its markup records (JSON-LD and microdata of one product, or one
    record per variant under the same name). Records that disagree are variants: only the one the URL names
    counts, never simply the first."""
    found = [(record, record_identifiers(record, page_url)) for record in records]
    selected = _selected([(record.url, ids.sku) for record, ids in found], page_url)
    chosen: dict[IdentifierKind, tuple[str, Source]] = {}
    for kind in IDENTIFIER_FIELDS:
        values = [(value, record.source) for record, ids in found if (value := ids.get(kind))]
        if len({value for value, _ in values}) == 1:
            chosen[kind] = values[0]
        elif values and selected is not None and (value := found[selected][1].get(kind)):
            chosen[kind] = (value, found[selected][0].source)
    return chosen


def _selected(candidates: list[tuple[str | None, str | None]], page_url: str) -> int | None:
    """Which one of several (url, sku) variants or offers the page's URL names: by a URL with the same path
    and a shared query value ("?variant=123"), or by its sku in the query. None unless exactly one matches."""
    page = _split(page_url)
    if page is None or not page[1]:
        return None
    page_values = {value for _, value in page[1]}
    matches = []
    for index, (url, sku) in enumerate(candidates):
        own = _split(url) if url else None
        same_url = own is not None and own[0] == page[0] and bool(set(own[1]) & set(page[1]))
        if same_url or (sku and sku in page_values):
            matches.append(index)
    return matches[0] if len(matches) == 1 else None


def _split(url: str) -> tuple[str, list[tuple[str, str]]] | None:
    """A URL's path and query pairs; the host is left out (offer URLs are often relative)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return parts.path.rstrip("/"), [
        (key, value) for key, value in parse_qsl(parts.query) if value and not key.startswith("utm_")
    ]


# --- marketplace URLs ---------------------------------------------------------------------------------------

_Reader = Callable[[str, str, dict[str, str]], str | None]  # (host, path, query) -> code


def _path_code(pattern: str, *, upper: bool = False, ignore_case: bool = True) -> _Reader:
    compiled = re.compile(pattern, re.I if ignore_case else 0)

    def read(_host: str, path: str, _query: dict[str, str]) -> str | None:
        found = compiled.search(path)
        if found is None:
            return None
        return found.group(1).upper() if upper else found.group(1)

    return read


def _query_code(key: str, pattern: str, *, on_path: str = "") -> _Reader:
    """The value of one query parameter when it matches the pattern whole (its group, when it has one), on paths
    matching `on_path` when given."""
    compiled, path_pattern = re.compile(pattern), re.compile(on_path, re.I)

    def read(_host: str, path: str, query: dict[str, str]) -> str | None:
        found = compiled.fullmatch(query.get(key) or "") if path_pattern.search(path) else None
        return found.group(found.lastindex or 0) if found else None

    return read


def _either(*readers: _Reader) -> _Reader:
    def read(host: str, path: str, query: dict[str, str]) -> str | None:
        return next((code for reader in readers if (code := reader(host, path, query))), None)

    return read


# (site name as the host's registrable label, reader). Each code is the one the shop shows on the page as the
# item's number: Amazon's ASIN, eBay's item number, Walmart's item id, Best Buy's SKU, Newegg's item number,
# Target's TCIN, Home Depot's "Internet #", Costco's item number, JD's 商品编号, Zalando's and Adidas' article
# number, Macy's "Web ID", Nordstrom's "Item #", Zappos' SKU, Staples' "Item", QVC's item number, Mango's
# "REF.", Crutchfield's, DHgate's, Rakuten's and Wayfair's SKU. An ASIN is a B0… code or, for books, the ISBN-10.
# Marketplaces, classifieds and auctions whose item page has no code label of its own: the URL's item, listing,
# ad or lot id is what the site shows and searches by (Coupang's and Naver's product id, PChome's 商品編號,
# noon's, Hepsiburada's and Trendyol's item code, Avito's and Leboncoin's ad number, Craigslist's post id,
# Catawiki's and LiveAuctioneers' lot, Temu's goods id, Magalu's "Código", Best Buy Canada's "Web Code").
_ASIN = r"(B0[A-Z0-9]{8}|\d{9}[\dX])"
_END = r"(?:[/?]|$)"
_MARKETPLACES: tuple[tuple[str, _Reader], ...] = (
    ("amazon", _path_code(rf"/(?:dp|gp/product|gp/aw/d|exec/obidos/asin|o/asin)/{_ASIN}{_END}", upper=True)),
    ("ebay", _path_code(rf"/itm/(?:[^/]+/)?(\d{{9,15}}){_END}")),
    ("walmart", _path_code(rf"/ip/(?:[^/]+/)?([A-Z0-9]{{6,20}}){_END}")),
    ("aliexpress", _path_code(r"/(?:item|i)/(?:[^/]+/)?(\d{6,20})\.html")),
    (
        "bestbuy",
        _either(
            _query_code("skuId", r"\d{5,10}"),
            _path_code(rf"/(\d{{7,8}})\.p{_END}"),
            _path_code(r"^/(?:en|fr)-ca/product/(?:[^/]+/)?(\d{7,9})/?$"),  # bestbuy.ca: the "Web Code"
        ),
    ),
    (
        "newegg",
        _either(
            # ?Item= first: on a marketplace seller's offer the /p/ code names the product group, the query
            # the item the page shows as "Item #" ("/p/1Z4-0002-01234?Item=9SIA7254KX1234").
            _query_code("Item", r"N82E\d{8,14}|9SI[A-Z0-9]{8,14}"),
            _path_code(
                rf"/p/(?:[^/]+/)?(N82E\d{{8,14}}|\d[A-Z0-9]{{2}}-[A-Z0-9]{{4}}-[A-Z0-9]{{5}}){_END}", upper=True
            ),
        ),
    ),
    ("target", _path_code(rf"/-/A-(\d{{6,10}}){_END}")),
    ("homedepot", _path_code(rf"/p/(?:[^/]+/)?(\d{{9}}){_END}")),
    ("costco", _path_code(r"\.product\.(\d{6,12})\.html")),
    ("jd", _path_code(r"^/(\d{5,15})\.html$")),
    ("zalando", _path_code(r"-([a-z0-9]{9}-[a-z0-9]{3})\.html$", upper=True)),
    ("adidas", _path_code(r"/([a-z]{2}\d{4})\.html$", upper=True)),
    ("macys", _query_code("ID", r"\d{5,9}")),
    ("nordstrom", _path_code(rf"/s/(?:[^/]+/)?(\d{{6,9}}){_END}")),
    ("zappos", _path_code(rf"/product/(\d{{6,9}}){_END}")),
    ("staples", _path_code(rf"/product_(\d{{5,10}}){_END}")),
    ("qvc", _path_code(r"\.product\.([a-z]\d{5,6})\.html", upper=True)),
    ("mango", _either(_query_code("id", r"(\d{8})_\d{1,3}"), _path_code(r"_(\d{8})(?:\.html)?$"))),
    ("crutchfield", _path_code(r"/p_([a-z0-9]{5,12})/", upper=True)),
    ("dhgate", _path_code(r"/product/(?:[^/]+/)?(\d{6,12})\.html")),
    ("rakuten", _path_code(r"^/prod/(?:[^/]+/)?(\d{6,12})\.html")),  # rakuten.com, not the Japanese mall
    ("wayfair", _path_code(r"~([a-z0-9]{4,12})\.html", upper=True)),
    ("suruga-ya", _path_code(rf"/product/detail/(\d{{6,12}}){_END}")),
    ("yahoo", _path_code(rf"^/jp/auction/([a-z]?\d{{9,12}}){_END}")),  # Yahoo! Auctions' オークションID
    ("auto", _path_code(r"^/cars/(?:used|new)/sale/[^/]+/[^/]+/(\d{8,12})-[0-9a-f]+/?$")),  # auto.ru's ad "№"
    ("coupang", _path_code(rf"^/vp/products/(\d{{6,12}}){_END}")),
    ("pchome", _path_code(rf"^/prod/([A-Z0-9]{{6}}-[A-Z0-9]{{9}}){_END}", upper=True)),
    ("naver", _path_code(rf"^/[^/]+/products/(\d{{6,12}}){_END}")),  # smartstore.naver.com/<store>/products/<id>
    # noon: /<slug>/N53432547A/p/, a capitals-and-digits code before "/p/"
    ("noon", _path_code(r"/((?=[A-Z]*\d)(?=\d*[A-Z])[A-Z0-9]{9,24})/p/?$", ignore_case=False)),
    ("hepsiburada", _path_code(r"-pm?-(HB[A-Z0-9]{8,14})$", upper=True)),
    ("trendyol", _path_code(r"-p-(\d{6,12})$")),
    ("avito", _path_code(r"^/[^/]+/[^/]+/[^/]*_(\d{9,12})/?$")),  # /<city>/<category>/<slug>_<id>
    ("leboncoin", _path_code(rf"^/ad/[^/]+/(\d{{8,12}}){_END}")),
    ("craigslist", _path_code(r"/(\d{9,11})\.html$")),
    ("catawiki", _path_code(r"^/(?:[a-z]{2}/)?l/(\d{6,10})(?:-|/|$)")),
    ("liveauctioneers", _path_code(r"^/item/(\d{6,10})_")),
    ("temu", _path_code(r"-g-(\d{10,18})\.html$")),
    ("facebook", _path_code(rf"^/marketplace/item/(\d{{10,20}}){_END}")),
    ("magazineluiza", _path_code(rf"/p/([a-z0-9]{{9,10}}){_END}")),  # Magalu's "Código"
    # The item number of marketplaces whose page shows it under a label we may miss (hashed classes, a label
    # in an image): Gmarket's and 11st's 상품번호, momo's 商品編號, Ozon's and Wildberries' Артикул, Rozetka's Код,
    # eMAG's "Cod produs"; and the item id of Tmall, Taobao and Etsy, which their pages do not label: the item's
    # number as the marketplace's own links and searches use it.
    ("gmarket", _query_code("goodscode", r"\d{6,12}", on_path=r"^/item$")),
    ("11st", _path_code(rf"^/products/(\d{{6,12}}){_END}")),
    ("momoshop", _query_code("i_code", r"\d{6,10}", on_path=r"GoodsDetail\.jsp$")),
    ("ozon", _path_code(r"^/product/[^/]*-(\d{6,12})/?$")),
    ("wildberries", _path_code(r"^/catalog/(\d{6,12})/detail\.aspx$")),
    ("rozetka", _path_code(r"/p(\d{6,12})/?$")),
    ("emag", _path_code(r"/pd/([A-Z0-9]{6,12})/?$", ignore_case=False)),
    ("tmall", _query_code("id", r"\d{8,15}", on_path=r"^/item\.htm$")),
    ("taobao", _query_code("id", r"\d{8,15}", on_path=r"^/item\.htm$")),
    ("etsy", _path_code(r"^/(?:[a-z]{2}(?:-[a-z]{2})?/)?listing/(\d{6,12})(?:/|$)")),
)
# Bookshops end their book URLs with the ISBN-13 (".../introduction-to-econometrics-9781292264455").
_ISBN_IN_PATH = re.compile(r"(?:^|[/\-_=])(97[89]\d{10})(?:[/.?]|$)")
_MARKETPLACE_READERS = dict(_MARKETPLACES)


def url_identifiers(url: str) -> ProductIds:
    """The item code a marketplace product URL carries (any country's domain) as the sku, and an ISBN-13 at
    the end of a bookshop's URL as the gtin."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        query = dict(parse_qsl(parts.query))
    except ValueError:
        return ProductIds()
    reader = next((_MARKETPLACE_READERS[label] for label in host.split(".") if label in _MARKETPLACE_READERS), None)
    isbn = _ISBN_IN_PATH.search(parts.path)
    return ProductIds(
        sku=clean_code(reader(host, parts.path, query)) if reader else None,
        gtin=normalise_gtin(isbn.group(1)) if isbn else None,
    )


# --- labelled codes in the visible text ---------------------------------------------------------------------

# Labels a shop writes before a code, in many languages and scripts. "Strong" labels name an identifier and
# nothing else; the others ("Code", "Ref.", "Model"…) only count with a colon, '#', '№' or a line break after
# them, and only when the code is the end of that phrase ("Model: S24 Ultra" is a name, not a model number).
_SKU_STRONG = (
    r"sku(?:\s+(?:number|no\.|code|id|\(config\)))?|asin|tcin|ugs|supc|art(?:ikel)?\.?\s?-?\s?nr\.?|artikel-?nummer|artikelnr\.?"
    r"|bestell?-?nummer|best\.?-?nr\.?|vare-?nummer|vare-?nr\.?|tuotenumero|tuotekoodi|cikksz[áa]m"
    r"|[üu]r[üu]n\s+kodu|stok\s+kodu|артикул|item\s*(?:#|no\.|nr\.)|product\s*(?:#|no\.)|style\s*(?:#|no\.)"
    r"|internet\s*#|art\.\s*no\.|cat(?:alog)?\.?\s*(?:#|no\.)|r[ée]f\.|cod\.\s*(?:art(?:icolo)?|prodotto)\.?"
    r"|pzn|c[óo]d\.|מק[\"״]ט|n[úu]mero\s+de\s+(?:art[íi]culo|producto|referencia)|num[ée]ro\s+d['’]article"
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
    r"|رمز\s+المنتج|كود\s+المنتج|رقم\s+المنتج"
)
# Classified ads and auctions: the ad's or the lot's number is the item's code. A rule of its own: each
# alternative added to the long patterns above costs a try at every position, one short pattern a scan.
_SKU_AD = (
    r"ad\s+(?:id|number)|(?:numer|nr|id)\s+(?:ogłoszenia|oferty)|anzeigen-?(?:nr\.?|nummer|id)|номер\s+объявления"
    r"|№\s+объявления|ilan\s+(?:no|numarası)|num[ée]ro\s+d['’]annonce|lot\s+(?:number|#|no\.)|post\s+id"
    r"|finn-?kode|annonse-?(?:nummer|id)|annons-?(?:nummer|id)|annonce-?nummer|ilmoitusnumero|číslo\s+inzerátu"
    r"|[šs]ifra\s+oglasa|publica(?:ci[óo]n|ção)\s*#|mls\s*(?:#|number)|listing\s+(?:number|id)|angebots-?nummer"
    r"|objekt-?nummer|zoekertjes-?nummer"
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
_MPN_STRONG = r"mpn|mfr\.?\s*(?:part\s*)?(?:#|no\.)|model\s*(?:#|no\.)|part\s*(?:#|no\.)|herst\.?-?nr\.?"
_MPN_WEAK = (
    r"item\s+model\s+number|model(?:\s+(?:number|code))?|mfr\.?\s+part\s+number|manufacturer\s+part\s+(?:number|no\.?)"
    r"|part\s+number|modell(?:nummer)?|hersteller(?:artikel)?-?(?:nummer|nr\.?)|mod[èe]le"
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
_CODE_TOKEN = r"([A-Za-z0-9][A-Za-z0-9\-_./#+]{0,46}[A-Za-z0-9])(?![A-Za-z0-9\-_/])"
_GTIN_TOKEN = r"(\d(?:[ \-]?\d){6,13}(?:[ \-]?[\dXx])?)(?![\dA-Za-z])"
# After any label: optional "No."/"#", then a colon, '#', dash or a line break.
# The separator may open the value's line ("SKU" in a bold span, ": BI681HA2K7T20NAFAMZ" after it).
_SEPARATOR_REQUIRED = rf"{_GAP}(?:\n{_GAP})?(?:[:：#№\-–]|\n){_GAP}\n?{_GAP}"
_SEPARATOR_OPTIONAL = rf"{_GAP}(?:\n{_GAP})?[:：#№\-–]?{_GAP}\n?{_GAP}"
# What may follow a code read after a weak label: the end of the line, punctuation, or the next label.
_PHRASE_END = re.compile(r"[ \t]*(?:$|\n|[,;|)\]/]|(?:\S{1,25}[ \t]){0,2}\S{1,25}[ \t]?[:：])", re.M)
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
    _LabelRule("mpn", _labelled(_MPN_STRONG, _SEPARATOR_OPTIONAL, _CODE_TOKEN), True),
    _LabelRule("mpn", _labelled(_MPN_SCRIPT, _SEPARATOR_OPTIONAL, _CODE_TOKEN, script=True), True, True),
    _LabelRule("mpn", _labelled(_MPN_WEAK, _SEPARATOR_REQUIRED, _CODE_TOKEN), True),
)
# Words before a label on its line that make the code a discount code, not the product's.
_PROMOTION = re.compile(
    r"[-−–]\s?\d{1,2}\s?%|coupon|voucher|promo|discount|descuento|cup[óo]n|desconto|cupom|rabatt|gutschein|réduction|remise|sconto"
    r"|kod rabatowy|indirim|скидк|промокод|クーポン|优惠券|折扣|할인"
)
_CODE_HINT = re.compile(r"\d|[A-Z]{2,}[\-_.][A-Z0-9]")  # a digit, or capitals joined like "WUP-R-ABAJ"
_MAX_LINE = 200
_MAX_LABEL_LINE = 40


def labelled_identifiers(text: str, name: str | None = None) -> ProductIds:
    """Codes the visible text labels ("SKU: 123", "Art.-Nr. 456", "品番 ABC-1", "EAN 4006381333931"), one of
    each kind (see _the_products_value)."""
    text = _short_lines_with_codes(text)
    if not text:
        return ProductIds()
    lowered = _lower_keeping_positions(text)
    found: dict[IdentifierKind, list[tuple[bool, int, str]]] = {kind: [] for kind in IDENTIFIER_FIELDS}
    for rule in _LABEL_RULES:
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
        if _PROMOTION.search(lowered, lowered.rfind("\n", 0, start) + 1, start):
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


# --- the page's choice --------------------------------------------------------------------------------------


def page_identifiers(
    main: Sequence[ProductRecord], opengraph: ProductRecord, url: str, text: str, name: str | None
) -> dict[IdentifierKind, tuple[str, Source]]:
    """Each identifier with where it came from: the main product's markup records, then OpenGraph, then the URL
    of a marketplace item, then a labelled code in the visible text. A markup code of under four characters
    ("c13") gives way to a labelled one. An mpn equal to the sku is no part number of its own."""
    chosen: dict[IdentifierKind, tuple[str, Source]] = {}
    opengraph_values = zip(IDENTIFIER_FIELDS, (opengraph.sku, opengraph.gtin, opengraph.mpn), strict=True)
    markup = [
        *_markup_choice(main, url).items(),
        *((kind, (value, opengraph.source)) for kind, value in opengraph_values if value),
    ]
    for kind, (value, source) in markup:
        if kind not in chosen and _acceptable(kind, value, name):
            chosen[kind] = (value, source)
    from_url = url_identifiers(url)
    for kind in IDENTIFIER_FIELDS:
        if (in_url := from_url.get(kind)) and kind not in chosen:
            chosen[kind] = (in_url, "url")
    weak = {kind for kind, (value, _) in chosen.items() if kind != "gtin" and len(value) < _MIN_MARKUP_CODE}
    # A markup sku the page never shows, or one that is the product's GTIN (an ISBN, a JAN), may give way to a code
    # the page labels as its SKU
    doubtful_sku = (
        "sku" in chosen
        and chosen["sku"][1] != "url"
        and (not code_written(chosen["sku"][0], text) or normalise_gtin(chosen["sku"][0]) is not None)
    )
    if len(chosen) < len(IDENTIFIER_FIELDS) or weak or doubtful_sku:
        from_text = labelled_identifiers(text, name)
        for kind in IDENTIFIER_FIELDS:
            labelled = from_text.get(kind)
            if not labelled or not _acceptable(kind, labelled, name):
                continue
            if (
                kind not in chosen
                or kind in weak
                or (kind == "sku" and doubtful_sku and _other_code(labelled, chosen, text))
            ):
                chosen[kind] = (labelled, "heuristic")
    if "mpn" in chosen and "sku" in chosen and chosen["mpn"][0] == chosen["sku"][0]:
        del chosen["mpn"]  # the shop's own code copied into the part number field tells nothing more
    return chosen


def _other_code(labelled: str, chosen: dict[IdentifierKind, tuple[str, Source]], text: str) -> bool:
    """A code the page shows under a SKU label beats a markup sku the person never sees (often the selected
    variant's, or an internal part number), unless one extends the other (product 590414, variant 59041479). A
    markup sku that is the labelled code plus a variant suffix ("95233396_28255854", "95233396#36") is the
    variant's: the product's own code wins, unless the page shows that suffix too, spaced ("4006381 / 333")."""
    markup = chosen["sku"][0]
    if markup.startswith(labelled) and len(markup) > len(labelled) and not markup[len(labelled)].isalnum():
        spaced = r"\s*".join(map(re.escape, (labelled, markup[len(labelled)], markup[len(labelled) + 1 :])))
        return re.search(spaced, text) is None
    return not (labelled.startswith(markup) or markup.startswith(labelled))


def _acceptable(kind: IdentifierKind, value: str, name: str | None) -> bool:
    if kind == "gtin":
        return True  # validated when read
    if kind == "mpn" and normalise_gtin(value):
        return False  # an EAN filed as the part number: no part number, and no proof it is the GTIN either
    return clean_code(value, name=name) is not None
