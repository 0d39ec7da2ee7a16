"""URL patterns that settle "is this a single-product page?" without a model.

Only patterns with one meaning are here: a marketplace's product path on that marketplace's hosts (any country),
a shop platform's product path, and pages no shop sells from (cart, checkout, sign-in, search, a collection or
category listing, blog and help pages, dated news paths, newsroom sections). Everything else is left to the URL
model (`None`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

PRODUCT_PROBABILITY = 0.97
OTHER_PROBABILITY = 0.03
_MAX_PATH = 2048  # a longer path and query is no page a person opens; the cap bounds the rules' time


@dataclass(frozen=True)
class UrlRule:
    name: str
    probability: float
    path: re.Pattern[str]  # searched in the lower-cased, decoded `/path?query`
    host: re.Pattern[str] | None = None  # matched against the end of the host; None: any shop


@dataclass(frozen=True)
class RuleAnswer:
    probability: float
    rule: str


def _host(*names: str) -> re.Pattern[str]:
    """A marketplace on any of its country domains: `amazon` matches amazon.com, amazon.co.uk, amazon.com.br, …"""
    alternatives = "|".join(names)
    return re.compile(rf"(?:^|\.)(?:{alternatives})\.(?:[a-z]{{2,3}}|co\.[a-z]{{2}}|com\.[a-z]{{2}})$")


def _exact_host(*hosts: str) -> re.Pattern[str]:
    return re.compile(r"(?:^|\.)(?:" + "|".join(re.escape(host) for host in hosts) + r")$")


def _product(name: str, path: str, host: re.Pattern[str] | None = None) -> UrlRule:
    return UrlRule(name, PRODUCT_PROBABILITY, re.compile(path), host)


def _other(name: str, path: str, host: re.Pattern[str] | None = None) -> UrlRule:
    return UrlRule(name, OTHER_PROBABILITY, re.compile(path), host)


_PRODUCT_WORDS = (
    r"product|produkt|produk|produto|producto|prodotto|produit|termek|termék|tovar|товар|urun|ürün|商品|상품|สินค้า"
)
# The first rule that matches answers. Marketplace product rules come first: their paths are the most specific.
PRODUCT_RULES: tuple[UrlRule, ...] = (
    _product(
        "amazon", r"^[^?]*/(?:dp|gp/product|gp/aw/d|exec/obidos/asin|o/asin)/[a-z0-9]{10}(?:[/?]|$)", _host("amazon")
    ),
    _product("ebay", r"^/(?:itm/|p/\d{6,}(?:[/?]|$))", _host("ebay")),
    _product("walmart", r"^/(?:[a-z]{2}/)?ip/", _host("walmart")),
    _product("bestbuy", r"^[^?]*/\d{5,}\.p(?:\?|$)|^/[a-z]{2}-[a-z]{2}/product/[^/]+/\d{5,}", _host("bestbuy")),
    _product(
        "newegg", r"^[^?]*/p/(?:n82e\d+|[0-9a-z]{2,4}-[0-9a-z-]{4,})|^/product/product\.aspx\?item=", _host("newegg")
    ),
    _product("aliexpress", r"^/(?:[a-z]{2}/)?(?:item|i)/\d{6,}\.html", _host("aliexpress")),
    _product("etsy", r"^/(?:[a-z]{2}(?:-[a-z]{2})?/)?listing/\d{5,}", _host("etsy")),
    _product("target", r"^/p/(?:[^/]+/)?-/a-\d{5,}", _host("target")),
    _product("rakuten-jp", r"^/[^/?]+/[^/?]+", _exact_host("item.rakuten.co.jp")),
    _product(
        "mercadolibre", r"^/(?:[^?]*/)?(?:ml[a-z]-?\d{6,}|p/ml[a-z]\d{6,})", _host("mercadolibre", "mercadolivre")
    ),
    _product("flipkart", r"^[^?]*/p/itm[0-9a-z]{6,}", _host("flipkart")),
    _product("allegro", r"^/(?:oferta|produkt)/[^/?]+", _host("allegro")),
    _product("zalando", r"^/(?:[a-z-]+/)?[^/?]+-[0-9a-z]{9}-[0-9a-z]{3}\.html", _host("zalando")),
    _product("otto", r"^/p/[^/?]+", _host("otto")),
    _product("coupang", r"^/vp/products/\d+", _host("coupang")),
    _product("taobao-tmall", r"^/item\.htm\?(?:[^#]*&)?id=\d+", _host("taobao", "tmall")),
    _product("jd", r"^/\d{5,}\.html", _host("jd")),
    _product("lazada", r"^/products/[^/?]+-i\d+(?:-s\d+)?\.html", _host("lazada")),
    _product("shopee", r"^/[^/?]+-i\.\d+\.\d+|^/product/\d+/\d+", _host("shopee")),
    _product("ozon", r"^/product/[^/?]+-\d{5,}", _host("ozon")),
    _product("wildberries", r"^/catalog/\d+/detail\.aspx", _host("wildberries")),
    _product("trendyol-hepsiburada", r"^[^?]*-p-(?:\d{5,}|[a-z0-9]{10,})(?:[/?]|$)", _host("trendyol", "hepsiburada")),
    _product("noon", r"^/[a-z-]+/[^/?]+/[a-z0-9]{10,}/p/?(?:\?|$)", _host("noon")),
    _product("bol", r"^/[a-z]{2}/[a-z]{2}/p/[^/?]+/\d{10,}", _host("bol")),
    _product("temu", r"^/(?:[a-z]{2}/)?[^/?]+-g-\d{6,}\.html", _host("temu")),
    _product("shein", r"^/(?:[a-z]{2}/)?[^/?]+-p-\d{5,}(?:-cat-\d+)?\.html", _host("shein")),
    _product("homedepot", r"^/p/[^/?]+/\d{9}", _host("homedepot")),
    _product("lowes", r"^/pd/[^/?]+/\d{6,}", _host("lowes")),
    _product("costco", r"^[^?]*\.product\.\d{6,}\.html", _host("costco")),
    _product("ikea", r"^/[a-z]{2}/[a-z]{2}/p/[^/?]+-[s0-9]\d{7,}", _host("ikea")),
    _product(
        "mercari",
        r"^/(?:[a-z]{2}(?:-[a-z]+)?/)?(?:items?/(?:m\d{8,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-)"
        r"|shops/product/[a-z0-9]{10,})",
        _host("mercari"),
    ),
    _product("yahoo-shopping-jp", r"^/[^/?]+/[^/?]+\.html", _exact_host("store.shopping.yahoo.co.jp")),
    _product("gmarket", r"^/item\?goodscode=\d+", _exact_host("item.gmarket.co.kr")),
    _product("11st", r"^/products/\d{6,}", _host("11st")),
    _product("kaufland", r"^/product/\d{6,}", _host("kaufland")),
    _product("fnac", r"^/a\d{5,}/", _host("fnac")),
    _product("cdiscount", r"^[^?]*/f-\d{3,}-[a-z0-9]+\.html", _host("cdiscount")),
    _product("mediamarkt-saturn", r"^/[a-z]{2}/product/_[^/?]+-\d{5,}\.html", _host("mediamarkt", "saturn")),
    _product("argos", r"^/product/\d{6,}", _host("argos")),
    _product("sephora", r"^/(?:[a-z]{2}/[a-z]{2}/)?product/[^/?]+-p\d{5,}", _host("sephora")),
    _product("bhphotovideo", r"^/c/product/\d+-reg/", _host("bhphotovideo")),
    _product("wayfair", r"^[^?]*/pdp/[^/?]+\.html", _host("wayfair")),
    _product("alza", r"^[^?]*-d\d{5,}\.htm", _host("alza")),
    _product("prom", r"^/(?:[a-z]{2}/)?p\d{6,}-[^/?]+\.html", _host("prom")),  # Prom.ua and its shops' subdomains
    # Classifieds: an ad's own page carries its number.
    _product("kijiji", r"^/v-[^/?]+/[^/?]+/[^/?]+/\d{6,}|^/v-view-details\.html\?(?:[^#]*&)?adid=\d+", _host("kijiji")),
    _product("avito", r"^/[^/?]+/[^/?]+/[^/?]*_\d{7,}(?:[/?]|$)", _host("avito")),
    _product("gumtree", r"^/p/[^/?]+/[^/?]+/\d{6,}|^/s-ad/[^?]+/\d{6,}", _host("gumtree")),
    _product(
        "olx",
        r"^/(?:[a-z]{2}/)?d/(?:[a-z]{2}/)?(?:oferta|obyavlenie|anuncio|oglas|item|ad)/[^/?]+-id[a-z0-9]+\.html"
        r"|^/item/[^/?]+-iid-\d+",
        _host("olx"),
    ),
    _product("vinted", r"^/items/\d{6,}", _host("vinted")),
    _product("wallapop", r"^/item/[^/?]+-\d{6,}", _host("wallapop")),
    _product("kleinanzeigen", r"^/s-anzeige/[^/?]+/\d{7,}", _host("kleinanzeigen", "ebay-kleinanzeigen")),
    _product("marktplaats", r"^/v/[^/?]+/[^/?]+/m\d{7,}", _host("marktplaats", "2dehands")),
    _product("subito", r"^/[^/?]+/[^/?]+-\d{6,}\.htm", _host("subito")),
    # Shop platforms, on any host: Shopify `/products/<handle>` (also under a collection or a locale; a handle of
    # several words and no trailing slash, unlike the `/products/<category>/` listings of other sites),
    # Wix `/product-page/<slug>`, VTEX `/<slug>/p`.
    _product("shopify", r"^/(?:[a-z]{2}(?:-[a-z]{2})?/)?(?:collections/[^/?]+/)?products/[^/?.]*-[^/?.]*(?:\?|$)"),
    _product("wix", r"^/product-page/[^/?]+/?(?:\?|$)"),
    _product("vtex", r"^/(?=[^/?]*-)[^/?]++/p/?(?:\?|$)"),
)

_ACCOUNT_WORDS = (
    r"cart|basket|checkout|login|log-in|signin|sign-in|sign_in|signup|sign-up|register|account|my-account|myaccount"
    r"|wishlist|wish-list|favorites|customer/account|ap/signin|gp/cart|gp/buy"
)
OTHER_RULES: tuple[UrlRule, ...] = (
    _other("cart-account", rf"^/(?:[a-z]{{2}}(?:[-_][a-z]{{2}})?/)?(?:{_ACCOUNT_WORDS})(?:[/.?]|$)"),
    _other(
        "search",
        r"^/(?:[a-z]{2}(?:[-_][a-z]{2})?/)?(?:search|sch|catalogsearch/result|wholesale|buscar|suche|recherche)"
        r"(?:[/.?]|$)|^/s(?:\?|$)"
        # a search parameter on a one-segment path that carries no product number (`/?q=`, `/search.php?…`)
        r"|^/(?:(?!\d{5})[^/?])*/?\?(?:[^#]*&)?(?:q|_nkw|query|keyword|keywords|searchterm|search_query)=",
    ),
    # Search and listing hosts ("listado.mercadolibre.com.pe", "lista.mercadolivre.com.br", "search.rakuten.co.jp").
    _other("search-host", r"", re.compile(r"^(?:listado|lista|search|suche|busca|buscar)\.")),
    _other("kleinanzeigen-listing", r"^/s-(?!anzeige/)", _host("kleinanzeigen", "ebay-kleinanzeigen")),
    _other("shopee-category", r"^/[^/?]+-cat\.\d+", _host("shopee")),  # its items are `<slug>-i.<shop>.<item>`
    _other("prom-group", r"^/(?:[a-z]{2}/)?g\d{5,}-", _host("prom")),  # a product group; products are `/p<number>-`
    # a product's reviews page (Jumia's `/catalog/productratingsreviews/sku/<sku>/`)
    _other("reviews", r"^[^?]*/(?:product-reviews|customer-reviews|productratingsreviews)(?:[/?]|$)"),
    _other("vtex-search", r"[?&]map=ft(?:&|$)"),  # VTEX's full-text search: `/<words or EAN>?map=ft`
    _other("hybris-category", r"^[^?]*/c/(?=[^/?]*\d{3})[a-z0-9_.]{3,}/?(?:\?|$)"),
    _other("collection", r"^/(?:[a-z]{2}(?:-[a-z]{2})?/)?collections/[^/?]+/?(?:\?|$)"),
    _other(
        "category",
        # Amazon's /b?node= and eBay's /b/<name>/<id>/bn_<id>; a bare /b/ is also a bookshop's product path.
        r"/(?:category|categories|browse)(?:/|\?node=)|/b(?:\?node=|/[^?]*/bn_\d)"
        r"|^/(?:[a-z]{2}(?:-[a-z]{2})?/)?(?:gp/browse|gp/help)",
    ),
    _other(
        "blog-help",
        r"^/(?:[a-z]{2}(?:-[a-z]{2})?/)?(?:blog|blogs|news|help|faq|faqs|support|pages|policies|docs|documentation)"
        r"(?:[/.?]|$)",
    ),
    _other("dated-article", r"^/(?:[a-z-]+/)*(?:19|20)\d\d/(?:0?[1-9]|1[0-2]|[a-z]{3})/"),
    # News sections at any depth, in the words newsrooms use ("/wirtschaft/article229123092/…", "/nouvelle/1022038/…",
    # Times of India's "/articleshow/"); a shop's product path never has one of these as a whole segment.
    _other(
        "news",
        r"(?:^|/)(?:news|nouvelles?|noticias?|notizie|nachrichten|novosti|berita|tin-tuc|haberler|articleshow|story"
        r"|stories)(?:[/.?]|$)|/article\d{6,}(?:[/.?]|$)",
    ),
    # Joomla's article components (K2, com_content): a CMS's article, whatever its number.
    _other("cms-article", r"(?:^|/)component/(?:k2|content)(?:/|$)|[?&]option=com_(?:k2|content)(?:&|$)"),
    _other("home", r"^/?(?:index\.html?|[a-z]{2}(?:-[a-z]{2})?/?)?$"),
)

# Product paths of no one platform, on any host: checked after every "other" rule, so a blog's, a newsroom's or a
# help centre's path ("/blog/product/…", "/news/item/123456", "/2024/01/15/review-978…") never reaches them.
GENERIC_PRODUCT_RULES: tuple[UrlRule, ...] = (
    # A segment that says "product" in the shop's language, then the product's own last segment: a number of
    # five or more digits or a slug of three or more words ("/produto/132118431", "/termek/dps_titan_8_wi_fi…/").
    _product(
        "product-word",
        rf"/(?:{_PRODUCT_WORDS})/(?:[^/?]*\d{{5,}}[^/?]*|[^/?_-]+[_-][^/?_-]+[_-][^/?]+)/?(?:\?|$)",
    ),
    # SAP Commerce (Hybris) and shops copying it: `/<slug>/p/<code>`, the code with three or more digits
    # ("/p/094HLEC9LG", "/p/1193138-wheat"); at the path's root only a code with five digits in a row
    # ("/p/000000000001234567"): a newsletter post's `/p/<slug>` (Substack, beehiiv) is no code.
    _product(
        "hybris",
        r"^/[^?]+/p/(?=[^/?]*\d{3})[a-z0-9_.]{4,}(?:-[a-z0-9_.]+)?/?(?:\?|$)"
        r"|^/p/(?=[^/?]*\d{5})[a-z0-9_.]{5,}/?(?:\?|$)",
    ),
    # A book's page: its ISBN-13 as a whole token of the path.
    _product("isbn", r"^[^?]*(?:/|-|_)97[89]\d{10}(?:[/._-]|\?|$)"),
    _product("item-number", r"/(?:item|items|listing|listings)/\d{5,}(?:\.html?)?/?(?:\?|$)"),
)

RULES: tuple[UrlRule, ...] = PRODUCT_RULES + OTHER_RULES + GENERIC_PRODUCT_RULES


def url_rule_answer(url: str) -> RuleAnswer | None:
    """The first matching rule's probability and name, or None when no rule is sure."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").removeprefix("www.")
    if len(parts.path) + len(parts.query) > _MAX_PATH:
        return None  # no page a person opens; left to the model, which reads only its start
    path = unquote(parts.path or "/").lower()
    query = parts.query.lower()  # it stays encoded: a URL in the query is no path
    target = f"{path}?{query}" if query else path
    for rule in RULES:
        if (rule.host is None or rule.host.search(host)) and rule.path.search(target):
            return RuleAnswer(rule.probability, rule.name)
    return None
