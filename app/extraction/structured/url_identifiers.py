"""Identifiers a product URL carries: a marketplace's item code (any country's domain) and a bookshop's ISBN-13."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import parse_qsl, urlsplit

from app.extraction.structured.models import ProductIds
from app.identifiers import clean_code, normalise_gtin

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
