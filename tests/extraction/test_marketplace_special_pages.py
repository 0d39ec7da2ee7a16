"""Product pages of the large marketplaces and retailers, and of auction, deal, ticket and classifieds sites, by hand.

The held-out pages the extractor is measured on come from shops nobody here has seen, many of them marketplaces
and retailers that emit little or no schema.org markup. Each page here follows, WRITTEN FROM MEMORY (no real page
was fetched or copied), the layout one site's product page sends to the browser: its class names, visually hidden
labels, struck "was"/"list" prices, bid and estimate lines, stock words, and the JSON-LD / microdata / OpenGraph
tags the site emits, or none; with the chrome around it: a header with a cart link, breadcrumbs, carousels of other
products with their prices, sponsored tiles, a footer. Each page is checked against what a shopper reads on it (the
convention of the public product-extraction benchmark): the price they pay now for the selected offer (an auction's
current bid, a deal's deal price), the struck price only where one shows, the stock only where the page states it or
shows a buy control, the site's own item code where the page or its URL gives one. A few pages of the same sites
that are not product pages (search results, city listings, event listings) must not read as one.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from app.extraction.structured import extract_structured
from tests.extraction.test_platform_layouts import Shown, defect, page, without_microdata
from tests.support.markup import jsonld

# What each failing page shows to be wrong, and the part of app/extraction/structured we think is responsible.

EVENT_PRICE_UNREAD = (
    "price None (no_price): an event page without markup prices its tickets 'From $25.00' in "
    "div.conversion-bar__panel-info beside 'Get tickets', in no price-named element (scan.py)"
)


def offer_jsonld(name: str, price: str, currency: str, availability: str = "InStock", **extra: Any) -> dict[str, Any]:
    """The Product JSON-LD the big retailers emit (one Offer); `extra` adds sku, gtin13, image..."""
    return {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": name,
        **extra,
        "offers": {
            "@type": "Offer",
            "price": price,
            "priceCurrency": currency,
            "availability": f"https://schema.org/{availability}",
        },
    }


def carousel(title: str, tiles: list[tuple[str, str]], cls: str = "carousel") -> str:
    """A "similar items" / "customers also bought" strip of other products with their prices."""
    items = "".join(
        f"""<li class="{cls}__item"><a href="/x/{i}"><img src="/img/{i}.jpg" alt=""><div class="{cls}__title">{n}</div>
        <div class="{cls}__price">{p}</div></a></li>"""
        for i, (n, p) in enumerate(tiles)
    )
    return f'<section class="{cls}"><h2>{title}</h2><ul>{items}</ul></section>'


# ---------------------------------------------------------------- eBay item page (/itm/<item number>)
# Written from memory of the 2023+ "vi" item page: div.x-item-title h1.x-item-title__mainTitle span.ux-textspans,
# div.x-price-primary (fixed price) or div.x-bid-price with its "Current bid:"/"Starting bid:"/"Winning bid:" label
# and div.x-bid-count "12 bids", a Buy It Now price beside a bid in div.x-bin-price, div.x-additional-info with the
# struck "List price"/"Was" (span.ux-textspans--STRIKETHROUGH) and "Save US $50.00 (25% off)", the buy box
# (a.ux-call-to-action "Buy It Now" / "Add to cart" / "Place bid"), "eBay item number:" in the description tabs;
# a Product JSON-LD block (offers price/priceCurrency/availability), "Similar sponsored items" carousel, gh header
# with the cart icon. eBay.de says "Sofort-Kaufen", "Aktuelles Gebot", "Artikelnummer", "UVP"; eBay.co.uk "Postage".

EBAY_S = {
    "bid": "Current bid:",
    "start": "Starting bid:",
    "won": "Winning bid:",
    "price": "Price:",
    "bids": "bids",
    "bin": "Buy It Now",
    "cart": "Add to cart",
    "place": "Place bid",
    "watch": "Add to Watchlist",
    "list": "List price",
    "save": "Save",
    "item": "eBay item number:",
    "ended": "This listing was ended by the seller because the item is no longer available.",
    "similar": "Similar sponsored items",
    "shipping": "Shipping:",
    "cart_link": "Your shopping cart",
    "condition": "Condition:",
    "new": "New",
}
EBAY_DE = EBAY_S | {
    "bid": "Aktuelles Gebot:",
    "start": "Startpreis:",
    "price": "Preis:",
    "bids": "Gebote",
    "bin": "Sofort-Kaufen",
    "cart": "In den Warenkorb",
    "place": "Bieten",
    "watch": "Auf die Beobachtungsliste",
    "list": "UVP",
    "save": "Sie sparen",
    "item": "eBay-Artikelnummer:",
    "similar": "Ähnliche gesponserte Artikel",
    "shipping": "Versand:",
    "cart_link": "Ihr Warenkorb",
    "condition": "Artikelzustand:",
    "new": "Neu",
}
EBAY_UK = EBAY_S | {"shipping": "Postage:", "cart_link": "Your basket", "cart": "Add to basket"}


def ebay_page(
    *,
    item: str,
    name: str,
    price: str,
    kind: str = "fixed",  # fixed | out (fixed price, out of stock) | auction | start | ended
    bids: int = 0,
    bin_price: str = "",
    list_price: str = "",
    save: str = "",
    shipping: str = "Free Standard Shipping",
    markup: dict[str, Any] | None = None,
    lang: str = "en",
    s: dict[str, str] = EBAY_S,
    similar: str = "",
    host: str = "ebay.com",
    quantity: str = "",
) -> str:
    strike = (
        f"""<div class="x-additional-info"><div class="x-additional-info__item--0"><span
      class="ux-textspans ux-textspans--SECONDARY">{s["list"]}</span> <span class="ux-textspans
      ux-textspans--STRIKETHROUGH">{list_price}</span></div><div class="x-additional-info__item--1"><span
      class="ux-textspans ux-textspans--EMPHASIS">{s["save"]} {save}</span></div></div>"""
        if list_price
        else ""
    )
    qty = (
        f"""<div class="vim x-quantity"><label for="qtyTextBox">Quantity:</label><input id="qtyTextBox" value="1">
      <span class="ux-textspans ux-textspans--SECONDARY">{quantity}</span></div>"""
        if quantity
        else ""
    )
    if kind in ("fixed", "out"):
        price_html = f"""<div class="x-price-primary" data-testid="x-price-primary"><span
          class="ux-textspans">{price}</span></div>{strike}{qty}"""
        buttons = f"""<li><div class="x-bin-action"><a class="ux-call-to-action fake-btn fake-btn--primary"
          href="https://www.{host}/atc?item={item}"><span class="ux-call-to-action__text">{s["bin"]}</span></a>
          </div></li><li><div class="x-atc-action"><a class="ux-call-to-action fake-btn fake-btn--secondary"
          href="https://cart.payments.{host}/sc/add?item={item}"><span>{s["cart"]}</span></a></div></li>"""
        if kind == "out":
            buttons = ""
            price_html += """<div class="d-quantity__availability"><span class="ux-textspans
              ux-textspans--BOLD">This item is out of stock.</span></div>"""
    elif kind == "ended":
        price_html = f"""<div class="x-price-primary"><span class="ux-textspans ux-textspans--SECONDARY">{s["won"]}
          </span> <span class="ux-textspans">{price}</span></div><div class="x-bid-count"><span
          class="ux-textspans ux-textspans--SECONDARY">[{bids} {s["bids"]}]</span></div>"""
        buttons = ""
    else:
        label = s["bid"] if kind == "auction" else s["start"]
        bin_html = (
            f"""<div class="x-bin-price"><div class="x-bin-price__content"><div class="x-price-primary"><span
          class="ux-textspans">{bin_price}</span></div></div></div>"""
            if bin_price
            else ""
        )
        price_html = f"""<div class="x-bid-price" data-testid="x-bid-price"><div class="x-bid-price__label"><span
          class="ux-textspans">{label}</span></div><div class="x-price-primary"><span class="ux-textspans">{price}
          </span></div><div class="x-bid-count"><span class="ux-textspans ux-textspans--SECONDARY">{bids}
          {s["bids"]}</span></div><div class="x-bid-time-left"><span class="ux-timer__text">Ends in 2d 04h</span>
          </div></div>{bin_html}"""
        bin_button = (
            f"""<li><a class="ux-call-to-action fake-btn fake-btn--primary" href="/bin?item={item}"><span
          class="ux-call-to-action__text">{s["bin"]}</span></a></li>"""
            if bin_price
            else ""
        )
        buttons = f"""<li><a class="ux-call-to-action fake-btn fake-btn--primary" href="/bfl/placebid/{item}"><span
          class="ux-call-to-action__text">{s["place"]}</span></a></li>{bin_button}"""
    ended = (
        f'<div class="d-statusmessage"><span class="ux-textspans">{s["ended"]}</span></div>' if kind == "ended" else ""
    )
    body = f"""<header id="gh" class="gh-flex"><a href="https://www.{host}" id="gh-la"><svg
      aria-labelledby="ebayLogoTitle" role="img"><title id="ebayLogoTitle">eBay Home</title></svg></a><form id="gh-f"
      action="/sch/i.html"><input
      id="gh-ac" name="_nkw" placeholder="Search for anything"><input type="submit" id="gh-btn" value="Search"></form>
      <div id="gh-cart"><a href="https://cart.payments.{host}/sc/view" aria-label="{s["cart_link"]}"
      class="gh-eb-li-a gh-rvi-menu"><i id="gh-cart-i" class="gh-sprRetina"></i></a></div></header>
      <nav class="breadcrumbs" aria-labelledby="s0-breadcrumb-label"><h2 id="s0-breadcrumb-label"
      class="clipped">breadcrumb</h2><ul><li><a href="/b/Electronics/bn_7000259124">Electronics</a></li><li><a
      href="/b/Cameras-Photo/625/bn_1865546">Cameras &amp; Photo</a></li></ul></nav>
      <div id="LeftSummaryPanel"><div class="vim x-item-title"><h1 class="x-item-title__mainTitle"><span
      class="ux-textspans ux-textspans--BOLD">{name}</span></h1></div>{ended}
      <div class="vim x-item-condition"><span class="ux-textspans">{s["condition"]}</span> <span
      class="ux-textspans">{s["new"]}</span></div>
      <div class="vim x-price-section">{price_html}</div>
      <div class="vim x-buybox-cta"><ul class="x-buybox__cta-section">{buttons}<li><a
      class="ux-call-to-action fake-btn fake-btn--secondary" href="/watch?item={item}"><span>{s["watch"]}
      </span></a></li></ul></div>
      <div class="vim d-shipping-minview"><div class="ux-labels-values__labels"><span
      class="ux-textspans">{s["shipping"]}</span></div><div class="ux-labels-values__values"><span
      class="ux-textspans ux-textspans--BOLD">{shipping}</span></div></div></div>
      <div id="RightSummaryPanel"><div class="x-store-information"><h2 class="x-store-information__store-name"><a
      href="/str/camerastore">camerastore</a></h2><span class="ux-textspans">99.6% positive feedback</span></div>
      </div>
      <div class="tabs__content"><div class="ux-layout-section__textual-display
      ux-layout-section__textual-display--itemId"><span class="ux-textspans ux-textspans--SECONDARY">{s["item"]}
      </span><span class="ux-textspans ux-textspans--BOLD">{item}</span></div>
      <iframe id="desc_ifr" src="https://vi.vipr.ebaydesc.com/ws/eBayISAPI.dll?item={item}"></iframe></div>
      {similar}
      <footer id="glbfooter"><div id="gf-legal">Copyright &copy; 1995-2026 eBay Inc. All Rights Reserved.</div>
      </footer>"""
    head = f"""<meta property="og:title" content="{name} | eBay"><meta property="og:type" content="ebay-objects:item">
      <meta property="og:image" content="https://i.ebayimg.com/images/g/abc/s-l1600.jpg">
      <meta property="og:url" content="https://www.{host}/itm/{item}">"""
    if markup:
        head += jsonld(markup)
    return page(lang, f"{name} | eBay", body, head)


EBAY_SIMILAR = carousel(
    "Similar sponsored items",
    [("Canon EOS R50 Mirrorless Camera Body", "$599.00"), ("Sony ZV-E10 Vlog Camera", "$648.00")],
    cls="x-similar",
)
EBAY_SIMILAR_DE = carousel(
    "Ähnliche gesponserte Artikel", [("Bosch Akkuschrauber GSR 12V", "EUR 79,99")], cls="x-similar"
)
EBAY_SIMILAR_UK = carousel("Similar sponsored items", [("Lego 75192 Falcon", "£649.99")], cls="x-similar")
EBAY_CAMERA = "Canon EOS R10 Mirrorless Camera with RF-S 18-45mm Lens - Black"
EBAY_URL = "https://www.ebay.com/itm/385123456789"
EBAY_WATCH = "Seiko 5 Sports SRPD55 Automatic Men's Watch"
EBAY_WATCH_URL = "https://www.ebay.com/itm/126012345678"

EBAY = [
    pytest.param(
        ebay_page(
            item="385123456789",
            name=EBAY_CAMERA,
            price="US $879.00",
            similar=EBAY_SIMILAR,
            markup=offer_jsonld(EBAY_CAMERA, "879.0", "USD", image="https://i.ebayimg.com/images/g/abc/s-l1600.jpg"),
        ),
        EBAY_URL,
        Shown(EBAY_CAMERA, "879.00", "USD", None, "InStock", "385123456789"),
        id="ebay-fixed-jsonld",
    ),
    pytest.param(
        ebay_page(item="385123456789", name=EBAY_CAMERA, price="US $879.00", similar=EBAY_SIMILAR),
        EBAY_URL,
        Shown(EBAY_CAMERA, "879.00", "USD", None, "InStock", "385123456789"),
        id="ebay-fixed-visible",
    ),
    pytest.param(
        ebay_page(
            item="385123456789",
            name=EBAY_CAMERA,
            price="US $749.99",
            list_price="US $979.99",
            save="US $230.00 (23% off)",
            similar=EBAY_SIMILAR,
        ),
        EBAY_URL,
        Shown(EBAY_CAMERA, "749.99", "USD", "979.99", "InStock", "385123456789"),
        id="ebay-list-price-visible",
    ),
    pytest.param(
        # the JSON-LD keeps the sale price; "Was" is struck beside it, and the quantity line carries other numbers
        ebay_page(
            item="385123456789",
            name=EBAY_CAMERA,
            price="US $749.99",
            list_price="US $979.99",
            save="US $230.00 (23% off)",
            s=EBAY_S | {"list": "Was:"},
            quantity="More than 10 available / 1,234 sold",
            similar=EBAY_SIMILAR,
            markup=offer_jsonld(EBAY_CAMERA, "749.99", "USD"),
        ),
        EBAY_URL,
        Shown(EBAY_CAMERA, "749.99", "USD", "979.99", "InStock", "385123456789"),
        id="ebay-was-quantity-jsonld",
    ),
    pytest.param(
        ebay_page(item="385123456789", name=EBAY_CAMERA, kind="out", price="US $879.00", similar=EBAY_SIMILAR),
        EBAY_URL,
        Shown(EBAY_CAMERA, "879.00", "USD", None, "OutOfStock", "385123456789"),
        id="ebay-fixed-out-of-stock-visible",
    ),
    pytest.param(
        # an auction with a Buy It Now beside the bid: the shopper's price now is the current bid
        ebay_page(
            item="126012345678",
            name=EBAY_WATCH,
            kind="auction",
            price="US $142.50",
            bids=12,
            bin_price="US $229.00",
            shipping="US $9.95 Standard Shipping",
            similar=EBAY_SIMILAR,
        ),
        EBAY_WATCH_URL,
        Shown(EBAY_WATCH, "142.50", "USD", None, None, "126012345678"),
        id="ebay-auction-bid-beside-buy-it-now-visible",
    ),
    pytest.param(
        ebay_page(
            item="126012345678",
            name=EBAY_WATCH,
            kind="auction",
            price="US $142.50",
            bids=12,
            shipping="US $9.95 Standard Shipping",
            similar=EBAY_SIMILAR,
            markup=offer_jsonld(EBAY_WATCH, "142.5", "USD"),
        ),
        EBAY_WATCH_URL,
        Shown(EBAY_WATCH, "142.50", "USD", None, None, "126012345678"),
        id="ebay-auction-current-bid-jsonld",
    ),
    pytest.param(
        ebay_page(item="126012345678", name=EBAY_WATCH, kind="start", price="US $0.99", bids=0, similar=EBAY_SIMILAR),
        EBAY_WATCH_URL,
        Shown(EBAY_WATCH, "0.99", "USD", None, None, "126012345678"),
        id="ebay-auction-starting-bid-visible",
    ),
    pytest.param(
        ebay_page(
            item="126012345678", name=EBAY_WATCH, kind="ended", price="US $310.00", bids=23, similar=EBAY_SIMILAR
        ),
        EBAY_WATCH_URL,
        Shown(EBAY_WATCH, "310.00", "USD", None, "OutOfStock", "126012345678"),
        id="ebay-ended-winning-bid-visible",
    ),
    pytest.param(
        ebay_page(
            lang="de",
            s=EBAY_DE,
            host="ebay.de",
            item="204512345678",
            name="Bosch Professional Akku-Bohrschrauber GSR 18V-55 Solo",
            price="EUR 89,99",
            list_price="EUR 129,99",
            save="EUR 40,00 (31%)",
            shipping="Kostenlos Standardversand",
            similar=EBAY_SIMILAR_DE,
        ),
        "https://www.ebay.de/itm/204512345678",
        Shown(
            "Bosch Professional Akku-Bohrschrauber GSR 18V-55 Solo", "89.99", "EUR", "129.99", "InStock", "204512345678"
        ),
        id="ebay-de-uvp-visible",
    ),
    pytest.param(
        ebay_page(
            lang="de",
            s=EBAY_DE,
            host="ebay.de",
            item="204598765432",
            name="Märklin H0 Dampflok BR 01 Digital",
            kind="auction",
            price="EUR 56,00",
            bids=7,
            shipping="EUR 6,99 DHL Paket",
            similar=EBAY_SIMILAR_DE,
        ),
        "https://www.ebay.de/itm/204598765432",
        Shown("Märklin H0 Dampflok BR 01 Digital", "56.00", "EUR", None, None, "204598765432"),
        id="ebay-de-auction-visible",
    ),
    pytest.param(
        ebay_page(
            lang="en-GB",
            s=EBAY_UK,
            host="ebay.co.uk",
            item="166312345678",
            name="LEGO Star Wars 75313 AT-AT Ultimate Collector Series - Sealed",
            kind="auction",
            price="£412.00",
            bids=31,
            shipping="£14.99 Parcelforce 48",
            similar=EBAY_SIMILAR_UK,
        ),
        "https://www.ebay.co.uk/itm/166312345678",
        Shown(
            "LEGO Star Wars 75313 AT-AT Ultimate Collector Series - Sealed", "412.00", "GBP", None, None, "166312345678"
        ),
        id="ebay-uk-auction-postage-visible",
    ),
]


# ---------------------------------------------------------------- Walmart (/ip/<slug>/<usItemId>)
# Written from memory of the Next.js item page: h1#main-title, span[itemprop=price][data-seo-id=hero-price] with the
# visually hidden "current price Now $24.88", span.strike "Was $34.99" / "You save $10.11", the unit price
# "21.9 ¢/oz", button "Add to cart" or "Out of stock" + "Get in-stock alert"; a Product JSON-LD (sku = usItemId,
# gtin13, offers); header with the cart total "$0.00"; "Similar items you might like" carousel with "Now $x" tiles.


def walmart_page(
    *,
    name: str,
    item: str,
    price: str,
    was: str = "",
    unit: str = "",
    in_stock: bool = True,
    markup: dict[str, Any] | None = None,
) -> str:
    now = "Now " if was else ""
    was_html = (
        f"""<span class="gray mr1 strike f5" data-testid="was-price">{was}</span><div class="dark-green b f7">You
      save <span>$10.11</span></div>"""
        if was
        else ""
    )
    unit_html = f'<span class="gray f6 f5-m fw4" data-testid="unit-price">{unit}</span>' if unit else ""
    buy = (
        """<button class="w_hhLG w_8nsR w_jDfj" data-automation-id="atc" data-dca-name="ItemBuyBoxAddToCartButton">
      Add to cart</button>"""
        if in_stock
        else """<div class="b red f5" data-testid="oos-text">Out of stock</div><button class="w_hhLG w_8nsR"
      data-testid="get-in-stock-alert">Get in-stock alert</button>"""
    )
    body = f"""<header class="bg-blue"><a href="/" aria-label="Walmart. Save Money. Live Better. Home Page"></a>
      <form role="search" action="/search"><input type="search" aria-label="Search" name="q"></form>
      <a href="/cart" aria-label="Cart contains 0 items Total Amount $0.00" link-identifier="cartIcon"><span
      class="f7">$0.00</span></a></header>
      <nav aria-label="breadcrumb"><ol><li><a href="/cp/home/4044">Home</a></li><li><a
      href="/cp/kitchen-dining/623679">Kitchen &amp; Dining</a></li></ol></nav>
      <main><section data-testid="item-page-vertical-carousel-hero-image-container"><img
      src="https://i5.walmartimages.com/seo/{item}.jpeg?odnHeight=640" alt="{name}"></section>
      <section data-testid="product-info"><a class="prod-brandName" href="/brand/ninja">Ninja</a>
      <h1 id="main-title" class="lh-copy dark-gray mv1 f3 mh0-l mh3 b" itemprop="name">{name}</h1>
      <div data-testid="add-to-cart-section"><div class="flex flex-wrap justify-start items-center lh-title mb1"
      data-testid="price-wrap"><span itemprop="price" data-seo-id="hero-price" data-fs-element="price"><span
      class="w_iUH7">current price {now}{price}</span><span class="inline-flex flex-column" aria-hidden="true">{now}
      {price}</span></span>{was_html}{unit_html}</div>
      <div class="mt3">{buy}</div></div>
      <div class="mt2 f6">Free shipping, arrives in 2 days</div></section>
      {
        carousel(
            "Similar items you might like",
            [("Ninja Foodi 6-in-1 Air Fryer", "Now $89.00"), ("COSORI Pro Air Fryer", "$79.99")],
            "carousel",
        )
    }
      <section class="about-product"><h2>About this item</h2><p>Crisp, roast and reheat.</p></section></main>
      <footer><p>&copy; 2026 Walmart. All Rights Reserved.</p></footer>"""
    head = jsonld(markup) if markup else ""
    return page("en-US", f"{name} - Walmart.com", body, head)


WM_NAME = "Ninja AF101 Air Fryer, 4 Qt, Black"
WM_URL = "https://www.walmart.com/ip/Ninja-AF101-Air-Fryer-4-Qt-Black/271894638"

WALMART = [
    pytest.param(
        walmart_page(
            name=WM_NAME,
            item="271894638",
            price="$69.00",
            markup=offer_jsonld(WM_NAME, "69", "USD", sku="271894638", gtin13="0622356230370"),
        ),
        WM_URL,
        Shown(WM_NAME, "69.00", "USD", None, "InStock", "271894638"),
        id="walmart-regular-jsonld",
    ),
    pytest.param(
        walmart_page(name=WM_NAME, item="271894638", price="$59.00", was="$69.00"),
        WM_URL,
        Shown(WM_NAME, "59.00", "USD", "69.00", "InStock", "271894638"),
        id="walmart-rollback-was-visible",
    ),
    pytest.param(
        # the same page as a shop sends it without the itemprop Walmart keeps on its hero price
        without_microdata(walmart_page(name=WM_NAME, item="271894638", price="$59.00", was="$69.00")),
        WM_URL,
        Shown(WM_NAME, "59.00", "USD", "69.00", "InStock", "271894638"),
        id="walmart-rollback-was-no-itemprop",
    ),
    pytest.param(
        walmart_page(name=WM_NAME, item="271894638", price="$69.00", in_stock=False),
        WM_URL,
        Shown(WM_NAME, "69.00", "USD", None, "OutOfStock", "271894638"),
        id="walmart-out-of-stock-visible",
    ),
    pytest.param(
        walmart_page(
            name="Great Value Whole Vitamin D Milk, 1 Gallon, 128 fl oz",
            item="10450114",
            price="$3.48",
            unit="2.7 ¢/fl oz",
        ),
        "https://www.walmart.com/ip/Great-Value-Whole-Vitamin-D-Milk-1-Gallon-128-fl-oz/10450114",
        Shown("Great Value Whole Vitamin D Milk, 1 Gallon, 128 fl oz", "3.48", "USD", None, "InStock", "10450114"),
        id="walmart-unit-price-visible",
    ),
]


# ---------------------------------------------------------------- Target (/p/<slug>/-/A-<TCIN>)
# Written from memory: h1[data-test=product-title], span[data-test=product-price] "$24.99", the sale line
# "reg $29.99" (span[data-test=product-regular-price]) and "Sale" badge, "Shipping" fulfilment cards, button
# "Add to cart" / "Sold out" / "Out of stock", Specifications with "TCIN: 81234567" and "UPC: ...";
# no JSON-LD Product on the rendered item page (the app data sits in a __TGT_DATA__ script); cart link in the header.


def target_page(*, name: str, tcin: str, price: str, reg: str = "", buy: str = "Add to cart") -> str:
    reg_html = (
        f"""<div data-test="product-regular-price"><span>reg {reg}</span></div><div class="h-text-red"
      data-test="product-sale-badge">Sale</div>"""
        if reg
        else ""
    )
    disabled = " disabled" if buy != "Add to cart" else ""
    body = f"""<header data-test="@web/Header"><a href="/" aria-label="Target home">Target</a><a href="/cart"
      data-test="@web/CartLink" aria-label="cart 0 items">Cart</a></header>
      <nav aria-label="Breadcrumbs" data-test="@web/Breadcrumbs"><a href="/c/kitchen-dining/-/N-hz89j">Kitchen &amp;
      Dining</a> <a href="/c/coffee-makers-kitchen-appliances/-/N-5xtz5">Coffee Makers</a></nav>
      <main><div data-test="product-detail-page"><h1 data-test="product-title" class="sc-fb6b5b1e-0">{name}</h1>
      <div data-test="ratingFeedbackContainer"><span>4.6 out of 5 stars with 2831 ratings</span></div>
      <div data-module-type="ProductDetailPrice"><span data-test="product-price" class="h-text-red">{price}</span>
      {reg_html}</div><div data-test="fulfillment-cell-shipping"><span>Shipping</span><span>Get it by Thu, Dec
      3</span></div><button type="button" data-test="shippingButton" class="styles_ndsButton"{disabled}>{buy}
      </button>
      <div data-test="item-details-specifications"><div><b>Dimensions (Overall):</b> 12 Inches (H)</div><div><b>TCIN
      </b>: {tcin}</div><div><b>UPC</b>: 611247373064</div><div><b>Origin</b>: Imported</div></div></div>
      {carousel("Guests also viewed", [("Mr. Coffee 12-Cup", "$29.99"), ("Keurig K-Mini", "$69.99 - $79.99")])}
      </main><footer><p>&copy;2026 Target Brands, Inc.</p></footer>"""
    return page("en-US", f"{name} : Target", body)


TG_NAME = "Keurig K-Express Single-Serve K-Cup Pod Coffee Maker - Black"
TG_URL = "https://www.target.com/p/keurig-k-express-single-serve-k-cup-pod-coffee-maker-black/-/A-81423537"

TARGET = [
    pytest.param(
        target_page(name=TG_NAME, tcin="81423537", price="$59.99", reg="$89.99"),
        TG_URL,
        Shown(TG_NAME, "59.99", "USD", "89.99", "InStock", "81423537"),
        id="target-sale-reg-visible",
    ),
    pytest.param(
        target_page(name=TG_NAME, tcin="81423537", price="$89.99", buy="Sold out"),
        TG_URL,
        Shown(TG_NAME, "89.99", "USD", None, "OutOfStock", "81423537"),
        id="target-sold-out-visible",
    ),
]


# ---------------------------------------------------------------- Best Buy US / Canada
# US, written from memory: /site/<slug>/<skuId>.p?skuId=<skuId>; div.sku-title h1.heading-5, div.sku-model with
# "Model:" and "SKU:" (span.product-data-value), div.priceView-hero-price.priceView-customer-price with the price
# twice (aria-hidden visible copy and a visually hidden "Your price for this item is $279.99"), div.pricing-price
# __regular-price "Was $349.99", "Save $70", button.add-to-cart-button "Add to Cart" or .btn-disabled "Sold Out";
# a Product JSON-LD (sku, gtin13, model, offers). Canada (/en-ca/product/<slug>/<id>): "Web Code: 16523456",
# "SAVE $70" badge, "Was $349.99", "Add to Cart" or "Sold out online", prices "$279.99".


def bestbuy_page(
    *,
    name: str,
    sku: str,
    price: str,
    was: str = "",
    buy: str = "Add to Cart",
    markup: dict[str, Any] | None = None,
    monthly: str = "",
) -> str:
    finance = (
        f"""<div class="pricing-price__financing"><span class="financing-offer">or {monthly}/mo. for 12 months*
      </span><span class="financing-disclaimer">*with a Best Buy Credit Card</span></div>"""
        if monthly
        else ""
    )
    was_html = (
        f"""<div class="pricing-price__savings-regular-price"><div class="pricing-price__regular-price-content"><div
      class="pricing-price__regular-price sr-only">The previous price was {was}</div><div aria-hidden="true"
      class="pricing-price__regular-price">Was {was}</div></div><div class="pricing-price__savings">Save
      $70</div></div>"""
        if was
        else ""
    )
    disabled = " btn-disabled" if buy != "Add to Cart" else " btn-primary"
    body = f"""<header class="header"><a href="/" class="logo" aria-label="Best Buy home page"></a><a href="/cart"
      class="cart-label" aria-label="Cart, 0 items">Cart</a></header>
      <ol class="c-breadcrumbs"><li><a href="/site/electronics/headphones/abcat0204000.c">Headphones</a></li></ol>
      <div class="shop-product-title"><div class="sku-title"><h1 class="heading-5 v-fw-regular">{name}</h1></div>
      <div class="sku-model"><div class="model product-data"><span class="product-data-label body-copy">Model:
      </span><span class="product-data-value body-copy">WH1000XM5/B</span></div><div class="sku product-data"><span
      class="product-data-label body-copy">SKU:</span><span class="product-data-value body-copy">{sku}</span></div>
      </div></div>
      <div class="pricing-price"><div class="priceView-hero-price priceView-customer-price"><span
      aria-hidden="true">{price}</span><span class="sr-only">Your price for this item is {price}</span></div>
      {was_html}{finance}</div>
      <div class="fulfillment-add-to-cart-button"><button class="c-button{disabled} c-button-lg c-button-block
      add-to-cart-button" type="button" data-sku-id="{sku}">{buy}</button></div>
      {carousel("Customers also bought", [("Sony WF-1000XM5 Earbuds", "$249.99"), ("Bose QC Ultra", "$379.00")])}
      <footer class="footer"><p>&copy; 2026 Best Buy. All rights reserved.</p></footer>"""
    return page("en-US", f"{name} - Best Buy", body, jsonld(markup) if markup else "")


BB_NAME = "Sony - WH-1000XM5 Wireless Noise-Canceling Over-the-Ear Headphones - Black"
BB_URL = "https://www.bestbuy.com/site/sony-wh1000xm5-wireless-noise-canceling-headphones-black/6505727.p?skuId=6505727"


def bestbuy_ca_page(*, name: str, web_code: str, price: str, was: str = "", sold_out: bool = False) -> str:
    save = (
        f"""<div class="productSaleSavings_3Tr7V"><span class="saleBadge">SAVE $70</span></div><div
      class="productSaleLabel_1qLgr">Was <span class="regularPrice_3p0Y6">{was}</span></div>"""
        if was
        else ""
    )
    buy = (
        '<div class="availabilityMessage_ig-s5">Sold out online</div>'
        if sold_out
        else '<button class="button_E6SE9 addToCartButton" type="submit"><span>Add to Cart</span></button>'
    )
    body = f"""<header><a href="/en-ca" class="logo">Best Buy Canada</a><a href="/en-ca/basket"
      data-automation="basket-icon">Cart</a></header>
      <div class="x-product-detail-page"><h1 class="productName_2KoPa">{name}</h1>
      <div class="modelInformation_1ZG9l">Model: <span>WH1000XM5/B</span> Web Code: <span>{web_code}</span></div>
      <div class="pricingContainer_9GyCd"><div class="price_2j8lL" data-automation="product-price"><span
      class="screenReaderOnly_3anTj">{price}</span><div aria-hidden="true">{price}</div></div>{save}</div>
      <div class="addToCartContainer">{buy}</div></div>
      {carousel("Frequently bought together", [("Sony WH-1000XM4", "$349.99")])}
      <footer>&copy; 2026 Best Buy Canada Ltd.</footer>"""
    return page("en-CA", f"{name} | Best Buy Canada", body)


BBCA_URL = "https://www.bestbuy.ca/en-ca/product/sony-wh-1000xm5-noise-cancelling-headphones-black/16523456"

BESTBUY = [
    pytest.param(
        bestbuy_page(
            name=BB_NAME,
            sku="6505727",
            price="$329.99",
            markup=offer_jsonld(BB_NAME, "329.99", "USD", sku="6505727", gtin13="0027242923782", model="WH1000XM5/B"),
        ),
        BB_URL,
        Shown(BB_NAME, "329.99", "USD", None, "InStock", "6505727"),
        id="bestbuy-regular-jsonld",
    ),
    pytest.param(
        bestbuy_page(name=BB_NAME, sku="6505727", price="$279.99", was="$349.99"),
        BB_URL,
        Shown(BB_NAME, "279.99", "USD", "349.99", "InStock", "6505727"),
        id="bestbuy-was-visible",
    ),
    pytest.param(
        bestbuy_page(name=BB_NAME, sku="6505727", price="$349.99", buy="Sold Out"),
        BB_URL,
        Shown(BB_NAME, "349.99", "USD", None, "OutOfStock", "6505727"),
        id="bestbuy-sold-out-visible",
    ),
    pytest.param(
        bestbuy_page(name=BB_NAME, sku="6505727", price="$329.99", monthly="$27.50"),
        BB_URL,
        Shown(BB_NAME, "329.99", "USD", None, "InStock", "6505727"),
        id="bestbuy-monthly-financing-visible",
    ),
    pytest.param(
        bestbuy_ca_page(
            name="Sony WH-1000XM5 Noise Cancelling Headphones - Black",
            web_code="16523456",
            price="$379.99",
            was="$449.99",
        ),
        BBCA_URL,
        Shown("Sony WH-1000XM5 Noise Cancelling Headphones - Black", "379.99", "CAD", "449.99", "InStock", "16523456"),
        id="bestbuy-ca-was-visible",
    ),
    pytest.param(
        bestbuy_ca_page(
            name="Sony WH-1000XM5 Noise Cancelling Headphones - Black",
            web_code="16523456",
            price="$449.99",
            sold_out=True,
        ),
        BBCA_URL,
        Shown("Sony WH-1000XM5 Noise Cancelling Headphones - Black", "449.99", "CAD", None, "OutOfStock", "16523456"),
        id="bestbuy-ca-sold-out-online-visible",
    ),
]


# ---------------------------------------------------------------- Newegg (/p/<item number>)
# Written from memory: h1.product-title, div.product-price ul.price: li.price-was with span.price-was-data "$349.99",
# li.price-current "$<strong>279</strong><sup>.99</sup>", li.price-save "Save: $70.00", div.product-inventory
# "In stock." or "OUT OF STOCK.", button.btn-primary "Add to cart", "Item #: N82E16820147795" and "Model #:" in the
# specs; a Product JSON-LD; header with the cart count.


def newegg_page(
    *, name: str, item: str, dollars: str, cents: str, was: str = "", stock: str = "In stock.", seller: str = ""
) -> str:
    sold_by = (
        f"""<div class="product-seller">Sold and Shipped by: <a href="/Seller-Store/{seller}"><strong>{seller}
      </strong></a></div><li class="price-ship">$4.99 Shipping</li>"""
        if seller
        else ""
    )
    was_html = f'<li class="price-was"><span class="price-was-data">{was}</span></li>' if was else ""
    save = '<li class="price-save"><span class="price-save-label">Save: </span>$70.00</li>' if was else ""
    buy = (
        '<button class="btn btn-primary btn-wide" type="button">Add to cart <i class="fas fa-caret-right"></i></button>'
        if stock.startswith("In")
        else '<button class="btn btn-message btn-wide" type="button" disabled>Auto Notify</button>'
    )
    body = f"""<header class="header2020"><a class="header2020-logo-img" href="https://www.newegg.com"></a><a
      class="header2020-cart" href="https://secure.newegg.com/shop/cart" title="Shopping Cart"><i
      class="fas fa-shopping-cart"></i><span class="header2020-cart-count">0</span></a></header>
      <ol class="breadcrumb"><li><a href="/Components/Store">Components</a></li><li><a
      href="/SSDs/Category/ID-119">SSDs</a></li></ol>
      <div class="product-wrap"><h1 class="product-title">{name}</h1>
      <div class="product-inventory"><strong>{stock}</strong></div>
      <div class="product-price"><ul class="price">{was_html}<li class="price-current"><span
      class="price-current-label"></span>$<strong>{dollars}</strong><sup>{cents}</sup></li>{save}{sold_by}</ul></div>
      <div class="product-buy">{buy}</div>
      <div class="tab-pane"><table class="table-horizontal"><tr><th>Brand</th><td>SAMSUNG</td></tr><tr><th>Model
      </th><td>MZ-V9P2T0B/AM</td></tr></table><div class="product-item-number">Item #: {item}</div></div></div>
      {carousel("Customers also bought", [("WD_BLACK SN850X 2TB", "$149.99"), ("Crucial T500 2TB", "$139.99")])}
      <footer class="footer"><p>&copy; 2000-2026 Newegg Inc. All rights reserved.</p></footer>"""
    return page("en-US", f"{name} - Newegg.com", body)


NE_NAME = "SAMSUNG 990 PRO 2TB PCIe 4.0 NVMe M.2 Internal SSD MZ-V9P2T0B/AM"
NE_URL = "https://www.newegg.com/samsung-2tb-990-pro/p/N82E16820147861"

NEWEGG = [
    pytest.param(
        newegg_page(name=NE_NAME, item="N82E16820147861", dollars="169", cents=".99", was="$239.99"),
        NE_URL,
        Shown(NE_NAME, "169.99", "USD", "239.99", "InStock", "N82E16820147861"),
        id="newegg-split-price-was-visible",
    ),
    pytest.param(
        newegg_page(name=NE_NAME, item="N82E16820147861", dollars="239", cents=".99", stock="OUT OF STOCK."),
        NE_URL,
        Shown(NE_NAME, "239.99", "USD", None, "OutOfStock", "N82E16820147861"),
        id="newegg-out-of-stock-visible",
    ),
    pytest.param(
        newegg_page(name=NE_NAME, item="9SIA7254KX1234", dollars="184", cents=".95", seller="TechDeals Outlet"),
        "https://www.newegg.com/p/1Z4-0002-01234?Item=9SIA7254KX1234",
        Shown(NE_NAME, "184.95", "USD", None, "InStock", "9SIA7254KX1234"),
        id="newegg-marketplace-seller-shipping-visible",
    ),
]


# ---------------------------------------------------------------- The Home Depot (/p/<slug>/<Internet #>)
# Written from memory: h1.product-details__title, "Internet #317012345  Model #WM3400CW  Store SKU #1005412345"
# (div.product-info-bar), the price as three spans: "$" superscript, dollars, cents WITHOUT a decimal point
# (div.price-format__large), "Was $1,099.00" struck (span.u__strike) and "Save $200.00 (18%)", "Add to Cart" button;
# a Product JSON-LD (sku = Internet #, productID, gtin13, offers).


def homedepot_page(*, name: str, internet: str, dollars: str, cents: str, was: str = "", card_offer: str = "") -> str:
    offer = (
        f"""<div class="price-detailed__card-offer"><img src="/card.svg" alt="The Home Depot Consumer Card"><span>Pay
      <b>{card_offer}</b> after <b>$100 OFF</b> your total qualifying purchase upon opening a new card.</span>
      <a href="/c/Credit_Center">Apply for a Home Depot Consumer Card</a></div>"""
        if card_offer
        else ""
    )
    was_html = (
        f"""<div class="price-detailed__was-price"><span>Was </span><span class="u__strike"><span>{was}</span>
      </span></div><div class="price-detailed__savings">Save $200.00 (18%)</div>"""
        if was
        else ""
    )
    body = f"""<header class="header"><a href="/" class="header__logo">The Home Depot</a><a href="/mycart/home"
      class="MyCart__link" aria-label="Cart with 0 items">Cart</a></header>
      <nav class="breadcrumb"><a href="/b/Appliances/N-5yc1vZbv1w">Appliances</a> / <a
      href="/b/Appliances-Washers-Dryers/N-5yc1vZc3oo">Washers &amp; Dryers</a></nav>
      <div class="product-details"><span class="product-details__brand">LG</span><h1
      class="product-details__title">{name}</h1><div class="product-info-bar"><h2>Internet #{internet}</h2>
      <h2>Model #WM3400CW</h2><h2>Store SKU #1005412345</h2></div>
      <div class="price-format__large price-format__main-price"><span class="sui-text-3xl">$</span><span
      class="sui-text-9xl">{dollars}</span><span class="sui-text-3xl">{cents}</span></div>{was_html}{offer}
      <div class="fulfillment"><span>Delivery</span><span>Free</span></div>
      <button class="bttn bttn--primary" type="button"><span class="bttn__content">Add to Cart</span></button></div>
      {carousel("Customers Also Viewed", [("Samsung 4.5 cu. ft. Washer", "$599.00"), ("GE 4.8 cu. ft.", "$698.00")])}
      <footer>&copy; 2000-2026 Home Depot Product Authority, LLC. All Rights Reserved.</footer>"""
    return page("en-US", f"{name} - The Home Depot", body)


HD_NAME = "4.5 cu. ft. Stackable SMART Front Load Washer in White with TurboWash 360"
HD_URL = "https://www.homedepot.com/p/LG-4-5-cu-ft-Stackable-SMART-Front-Load-Washer-WM3400CW/317012345"

HOMEDEPOT = [
    pytest.param(
        homedepot_page(name=HD_NAME, internet="317012345", dollars="899", cents="00", was="$1,099.00"),
        HD_URL,
        Shown(HD_NAME, "899.00", "USD", "1099.00", "InStock", "317012345"),
        id="homedepot-superscript-cents-was-visible",
    ),
    pytest.param(
        homedepot_page(name=HD_NAME, internet="317012345", dollars="1,049", cents="97"),
        HD_URL,
        Shown(HD_NAME, "1049.97", "USD", None, "InStock", "317012345"),
        id="homedepot-superscript-cents-visible",
    ),
    pytest.param(
        homedepot_page(name=HD_NAME, internet="317012345", dollars="899", cents="00", card_offer="$799.00"),
        HD_URL,
        Shown(HD_NAME, "899.00", "USD", None, "InStock", "317012345"),
        id="homedepot-card-offer-visible",
    ),
]


# ---------------------------------------------------------------- Etsy listing (/listing/<listing id>/<slug>)
# Written from memory: h1[data-buy-box-listing-title], div[data-buy-box-region=price] with p.wt-text-title-larger
# (visually hidden "Price:" then "€24.65"), p.wt-text-strikethrough ("Original Price:" hidden, "€32.87") and
# "(25% off)", "Sale ends in 19:42:12", "VAT included (where applicable)", "Only 1 left" / "Low in stock", the
# variation <select> "Select an option", button "Add to basket"; a Product JSON-LD (offers price/priceCurrency,
# sku = listing id is NOT given: it carries "url" and "productID"); "You may also like" listings with prices.


def etsy_page(
    *, name: str, price: str, original: str = "", note: str = "", markup: dict[str, Any] | None = None
) -> str:
    sale = (
        f"""<p class="wt-text-caption wt-text-slime"><span class="wt-screen-reader-only">Original Price:</span><span
      class="wt-text-strikethrough">{original}</span> <span>(25% off)</span></p><p class="wt-text-caption
      wt-text-slime">Sale ends in 19:42:12</p>"""
        if original
        else ""
    )
    body = f"""<header class="wt-display-flex-xs"><a href="/" class="wt-text-brick">Etsy</a><a href="/cart"
      aria-label="Basket" class="wt-tooltip"><span class="wt-screen-reader-only">Basket</span></a></header>
      <div class="listing-page-image-carousel-component"><img src="https://i.etsystatic.com/123/r/il/abc.jpg"
      alt="{name}"></div>
      <div data-buy-box-region="price"><div class="wt-mb-xs-3"><p class="wt-text-title-larger wt-mr-xs-1
      wt-text-slime"><span class="wt-screen-reader-only">Price:</span>{price}</p>{sale}</div>
      <p class="wt-text-caption">VAT included (where applicable), plus delivery</p></div>
      <h1 class="wt-text-body-01 wt-line-height-tight wt-break-word" data-buy-box-listing-title="true">{name}</h1>
      <div class="wt-text-caption wt-text-brick">{note}</div>
      <div data-selector="listing-page-variations"><label for="variation-selector-0">Size</label><select
      id="variation-selector-0"><option value="">Select an option</option><option value="1">Small</option>
      </select></div>
      <div data-selector="add-to-cart-button"><button class="wt-btn wt-btn--filled wt-width-full" type="submit">
      <div class="wt-btn__text">Add to basket</div></button></div>
      {carousel("You may also like", [("Personalised Leather Keyring", "€11.90"), ("Wooden Name Sign", "€18.45")])}
      <footer><p>&copy; 2026 Etsy, Inc.</p></footer>"""
    return page("en-GB", f"{name} - Etsy UK", body, jsonld(markup) if markup else "")


ET_NAME = "Personalised Leather Wallet, Engraved Mens Wallet, Anniversary Gift for Him"
ET_URL = "https://www.etsy.com/uk/listing/1234567890/personalised-leather-wallet-engraved"

ETSY = [
    pytest.param(
        etsy_page(name=ET_NAME, price="£24.65", original="£32.87", note="Only 1 left"),
        ET_URL,
        Shown(ET_NAME, "24.65", "GBP", "32.87", "InStock", "1234567890"),
        id="etsy-sale-only-one-left-visible",
    ),
    pytest.param(
        etsy_page(
            name=ET_NAME,
            price="£24.65",
            original="£32.87",
            markup=offer_jsonld(ET_NAME, "24.65", "GBP", productID="1234567890", url=ET_URL),
        ),
        ET_URL,
        Shown(ET_NAME, "24.65", "GBP", "32.87", "InStock", "1234567890"),
        id="etsy-sale-jsonld",
    ),
    pytest.param(
        etsy_page(name=ET_NAME, price="£32.87"),
        ET_URL,
        Shown(ET_NAME, "32.87", "GBP", None, "InStock", "1234567890"),
        id="etsy-regular-visible",
    ),
]


# ---------------------------------------------------------------- auction houses: Catawiki, LiveAuctioneers, Invaluable
# Catawiki lot (/en/l/<lot id>-<slug>), written from memory: h1.LotTitle, a bid section with "Current bid" and the
# amount ("€ 2,150"), "Estimate" "€ 3,800 - € 4,500" (the expert's estimate, not a price anyone pays), "Closes in",
# button "Place bid" and the quick-bid chips ("€ 2,200"), "Buyer Protection"; recommendations with current bids;
# no Product markup. LiveAuctioneers item (/item/<id>_<slug>): h1, "Est. $800 - $1,200", "Current Bid" "$450",
# "Place Bid"; Invaluable lot (/auction-lot/<slug>-<ref>): "Estimate: $500 - $700", "Current Bid: $275", "Bid Now".


def catawiki_page(*, name: str, bid: str, label: str = "Current bid", estimate: str, chips: tuple[str, ...]) -> str:
    chip_html = "".join(f'<button class="QuickBid_chip" type="button">{c}</button>' for c in chips)
    body = f"""<header class="c-header"><a href="/en/" class="c-header__logo">Catawiki</a><a href="/en/favorites"
      aria-label="Favourites">Favourites</a><a href="/en/account">My Catawiki</a></header>
      <nav aria-label="Breadcrumb"><a href="/en/c/333-watches">Watches</a> / <a href="/en/a/723456">Rolex auction</a>
      </nav><main><div class="LotGallery"><img src="https://assets.catawiki.nl/assets/2026/11/lot.jpg" alt=""></div>
      <div class="LotDetails"><h1 class="LotTitle_title">{name}</h1><p class="LotTitle_subtitle">No reserve
      price</p>
      <section class="BiddingBlock"><div class="BiddingBlock_estimate"><span>Estimate</span><span>{estimate}</span>
      </div><div class="BiddingBlock_current"><span class="BiddingBlock_label">{label}</span><span
      class="BiddingBlock_amount">{bid}</span></div><div class="BiddingBlock_closes">Closes in 1 d 4 h</div>
      <div class="QuickBid">{chip_html}</div><button class="c-button c-button--primary" type="button">Place bid
      </button><p class="BiddingBlock_protection">Buyer Protection: your payment is held safely.</p></section>
      </div>{carousel("You might also like", [("Omega Seamaster 300", "€ 1,450"), ("Tudor Black Bay", "€ 2,050")])}
      </main><footer><p>&copy; 2026 Catawiki</p></footer>"""
    return page("en", f"{name} - Catawiki", body)


def auction_item_page(*, name: str, estimate: str, bid: str, bid_label: str, button: str, site: str) -> str:
    # LiveAuctioneers and Invaluable show the same bid box: lot number, estimate line, bid line, bid button
    body = f"""<header class="site-header"><a href="/" class="logo">{site}</a><a href="/login">Log In</a></header>
      <main class="item-page"><div class="lot-number">Lot 0123</div><h1 class="item-title">{name}</h1>
      <div class="bid-box"><div class="estimate">{estimate}</div><div class="current-bid"><span
      class="label">{bid_label}</span> <span class="amount">{bid}</span></div><div class="bid-count">8 Bids</div>
      <button class="btn btn-primary place-bid" type="button">{button}</button><div class="live-time">Live auction
      begins Dec 12, 2026 10:00 AM EST</div></div>
      <section class="description"><h2>Description</h2><p>Sterling silver, marked; 1.2 kg.</p></section>
      {carousel("Similar Items", [("Georg Jensen Silver Bowl", "Est. $1,000 - $1,500"), ("Gorham Tray", "$220")])}
      </main><footer>&copy; 2026 {site}</footer>"""
    return page("en-US", f"{name} | {site}", body)


CW_NAME = "Rolex - Datejust - 16234 - Men - 1990-1999"
CW_URL = "https://www.catawiki.com/en/l/81234567-rolex-datejust-16234-men-1990-1999"
LA_NAME = "Tiffany & Co. Sterling Silver Center Bowl"

AUCTIONS = [
    pytest.param(
        catawiki_page(name=CW_NAME, bid="€ 2,150", estimate="€ 3,800 - € 4,500", chips=("€ 2,200", "€ 2,300")),
        CW_URL,
        Shown(CW_NAME, "2150", "EUR", None, None, "81234567"),
        id="catawiki-current-bid-beside-estimate",
    ),
    pytest.param(
        catawiki_page(name=CW_NAME, bid="€ 1", label="Starting bid", estimate="€ 3,800 - € 4,500", chips=("€ 5",)),
        CW_URL,
        Shown(CW_NAME, "1", "EUR", None, None, "81234567"),
        id="catawiki-starting-bid-beside-estimate",
    ),
    pytest.param(
        auction_item_page(
            name=LA_NAME,
            estimate="Est. $800 - $1,200",
            bid="$450",
            bid_label="Current Bid",
            button="Place Bid",
            site="LiveAuctioneers",
        ),
        "https://www.liveauctioneers.com/item/171234567_tiffany-and-co-sterling-silver-center-bowl",
        Shown(LA_NAME, "450", "USD", None, None, "171234567"),
        id="liveauctioneers-current-bid-beside-estimate",
    ),
    pytest.param(
        auction_item_page(
            name=LA_NAME,
            estimate="Estimate: $500 - $700",
            bid="$275",
            bid_label="Current Bid:",
            button="Bid Now",
            site="Invaluable",
        ),
        "https://www.invaluable.com/auction-lot/tiffany-and-co-sterling-silver-center-bowl-123-c-4a5b6c7d8e",
        Shown(LA_NAME, "275", "USD"),
        id="invaluable-current-bid-beside-estimate",
    ),
]


# ---------------------------------------------------------------- deals: Groupon, Slickdeals, Dealabs
# Groupon deal (/deals/<slug>), written from memory: h1#deal-title, the options list (one radio per option, each
# with its title, the struck original value, the deal price and "-44%"; the first selected), "Buy Now" button,
# "1,000+ bought", fine print; no Product JSON-LD on the rendered page. Slickdeals thread (/f/<id>-<slug>): h1 with
# the deal title (price in it), div.dealPrice "$189.99", span.oldListPrice struck "$249.00", "at Amazon", a "See Deal"
# button linking OUT to the store, comments. Dealabs (/bons-plans/<slug>-<id>): h1.thread-title, span.thread-price
# "189,99€", struck "249€", "-24%", "Voir le deal" link out to the merchant.


def groupon_page(*, title: str, options: list[tuple[str, str, str, str]]) -> str:
    opts = "".join(
        f"""<li class="option{" selected" if i == 0 else ""}"><label><input type="radio" name="option" value="{i}"
        {"checked" if i == 0 else ""}><div class="option-details"><div class="option-title">{t}</div><div
        class="option-price"><s class="option-value">{value}</s> <span class="option-deal-price">{deal}</span>
        <span class="option-discount">{off}</span></div></div></label></li>"""
        for i, (t, value, deal, off) in enumerate(options)
    )
    body = f"""<header id="ls-header"><a href="/" class="ls-logo">Groupon</a><a href="/cart" aria-label="Cart"
      class="ls-cart">Cart</a></header><nav class="breadcrumbs"><a href="/local/chicago">Chicago</a> &gt; <a
      href="/local/chicago/beauty-and-spas">Beauty &amp; Spas</a></nav>
      <main><div class="deal-gallery"><img src="https://img.grouponcdn.com/deal/abc/c700x420.jpg" alt=""></div>
      <h1 id="deal-title" class="deal-page-title">{title}</h1><div class="merchant-name">The Spa at Lakeside</div>
      <div class="bought-count">1,000+ bought</div><ul class="options-list">{opts}</ul>
      <button id="buy-link" class="btn-buy-big" type="button">Buy Now</button>
      <section class="fine-print"><h2>The Fine Print</h2><p>Promotional value expires 120 days after purchase.</p>
      </section>{carousel("Customers Also Viewed", [("Deep Tissue Massage", "$59"), ("Facial at Glow", "$39")])}
      </main><footer>&copy; 2026 Groupon, Inc. All Rights Reserved.</footer>"""
    return page("en-US", f"{title} | Groupon", body)


def slickdeals_page(*, title: str, price: str, was: str) -> str:
    body = f"""<header class="slickdealsHeader"><a href="/" class="slickdealsHeader__logo">Slickdeals</a><a
      href="/forums/">Forums</a></header><main><div class="dealDetailsMain"><h1
      class="dealTitle">{title}</h1><div class="dealDetailsMainDealBox"><div class="dealPrice">{price}</div><span
      class="oldListPrice">{was}</span><span class="dealStore">at Amazon</span><a class="button button--primary
      seeDealButton" href="https://www.amazon.com/dp/B0CHWRXH8B?tag=slickdeals" rel="nofollow">See Deal</a></div>
      <div class="dealDetailsDescription"><p>Amazon has Apple AirPods Pro 2 with USB-C case for $189.99. Shipping is
      free.</p></div></div><section class="comments"><h2>Top Comments</h2><p>Got mine for $179 last month.</p>
      </section>{carousel("Popular Deals", [("Anker 737 Power Bank", "$69.99"), ("Kindle Paperwhite", "$99.99")])}
      </main><footer>&copy; 1999-2026 Slickdeals, LLC.</footer>"""
    return page("en-US", f"{title} | Slickdeals.net", body)


def dealabs_page(*, title: str, price: str, was: str, off: str) -> str:
    body = f"""<header class="header"><a href="/" class="header-logo">Dealabs</a><a href="/login">Connexion</a>
      </header><main><article class="thread thread--deal"><h1 class="thread-title">{title}</h1><div
      class="threadItemCard-price"><span class="thread-price text--b">{price}</span> <span class="mute--text
      text--lineThrough">{was}</span> <span class="space--ml-1 text--color-charcoal">{off}</span></div><div
      class="thread-merchant">Disponible chez <a href="/bons-plans-amazon">Amazon</a></div><a class="button
      button--type-primary" href="https://www.dealabs.com/visit/thread/2712345" rel="nofollow">Voir le deal</a>
      <div class="userHtml">Les AirPods Pro 2 avec boîtier USB-C au meilleur prix.</div></article>
      {carousel("Deals similaires", [("Samsung Galaxy Buds2 Pro", "119€"), ("Sony WF-1000XM5", "229€")])}
      </main><footer>&copy; 2026 Dealabs</footer>"""
    return page("fr", f"{title} - Dealabs.com", body)


GR_TITLE = "Up to 44% Off on Swedish Massage at The Spa at Lakeside"
AIRPODS = "Apple AirPods Pro 2 w/ USB-C Case $189.99 + Free Shipping"

DEALS = [
    pytest.param(
        groupon_page(
            title=GR_TITLE,
            options=[
                ("One 60-Minute Swedish Massage", "$80", "$45", "-44%"),
                ("One 90-Minute Swedish Massage", "$120", "$69", "-43%"),
            ],
        ),
        "https://www.groupon.com/deals/the-spa-at-lakeside-12",
        Shown(GR_TITLE, "45", "USD", "80", "InStock"),
        id="groupon-deal-price-beside-value-visible",
    ),
    pytest.param(
        slickdeals_page(title=AIRPODS, price="$189.99", was="$249.00"),
        "https://slickdeals.net/f/17123456-apple-airpods-pro-2-w-usb-c-case-189-99-free-shipping",
        Shown(AIRPODS, "189.99", "USD", "249.00"),
        id="slickdeals-deal-price-visible",
    ),
    pytest.param(
        dealabs_page(title="Écouteurs Apple AirPods Pro 2 (USB-C)", price="189,99€", was="249€", off="-24%"),
        "https://www.dealabs.com/bons-plans/ecouteurs-apple-airpods-pro-2-usb-c-2712345",
        Shown("Écouteurs Apple AirPods Pro 2 (USB-C)", "189.99", "EUR", "249"),
        id="dealabs-deal-price-visible",
    ),
]


# ---------------------------------------------------------------- tickets: Eventbrite, StubHub
# Eventbrite event (/e/<slug>-tickets-<id>), written from memory: h1.event-title, the date and venue, a
# conversion bar with "From $25.00" and the "Get tickets" button; a schema.org Event JSON-LD (no Product) with an
# AggregateOffer (lowPrice/highPrice/priceCurrency, availability). StubHub event (/<slug>/event/<id>/): h1 with the
# performer, date/venue line, "Tickets from $45" and a list of listings (section, row, price incl. fees).


def eventbrite_page(*, name: str, low: str, markup: bool) -> str:
    body = f"""<header class="global-header"><a href="/" class="logo">Eventbrite</a><a href="/d/ny--new-york/events/">
      Find events</a><a href="/signin/">Log In</a></header><main class="event-details"><img
      src="https://img.evbuc.com/event/812345678901.jpg" alt=""><div class="event-details__main"><time
      class="start-date">Saturday, December 12</time><h1 class="event-title">{name}</h1><p
      class="summary">Five comics, one mic, two drink minimum.</p><div class="location-info__address">The Bell House,
      149 7th St, Brooklyn, NY 11215</div></div>
      <div class="conversion-bar"><div class="conversion-bar__panel-info">From {low}</div><button
      class="eds-btn eds-btn--fill" type="button" data-testid="checkout-widget-button">Get tickets</button></div>
      {carousel("More events from this organizer", [("Queens Comedy Hour", "From $18.00")])}
      </main><footer>&copy; 2026 Eventbrite</footer>"""
    event = {
        "@context": "https://schema.org",
        "@type": "ComedyEvent",
        "name": name,
        "startDate": "2026-12-12T20:00:00-05:00",
        "location": {"@type": "Place", "name": "The Bell House"},
        "offers": [
            {
                "@type": "AggregateOffer",
                "lowPrice": low.strip("$"),
                "highPrice": "45.00",
                "priceCurrency": "USD",
                "availability": "InStock",
                "url": "https://www.eventbrite.com/e/brooklyn-comedy-night-tickets-812345678901",
            }
        ],
    }
    return page(
        "en-US", f"{name} Tickets, Sat, Dec 12, 2026 at 8:00 PM | Eventbrite", body, jsonld(event) if markup else ""
    )


def stubhub_page(*, performer: str, low: str) -> str:
    rows = "".join(
        f"""<li class="listing"><div class="section">Section {sec}, Row {row}</div><div class="qty">2 tickets</div>
        <div class="listing-price">{p} <span>incl. fees</span></div></li>"""
        for sec, row, p in (("112", "14", low), ("224", "3", "$78"), ("Floor A", "22", "$310"))
    )
    body = f"""<header><a href="/" class="logo">StubHub</a><a href="/my/orders">My Tickets</a></header>
      <main><div class="event-header"><h1 class="event-name">{performer}</h1><div class="event-meta">Sat, Dec 12 •
      8:00 PM • Madison Square Garden, New York</div><div class="event-from-price">Tickets from {low}</div></div>
      <div class="filters"><button type="button">2 tickets</button></div><ul class="listings">{rows}</ul>
      </main><footer>&copy; 2026 StubHub</footer>"""
    return page("en-US", f"{performer} New York Tickets - Madison Square Garden | StubHub", body)


TICKETS = [
    pytest.param(
        eventbrite_page(name="Brooklyn Comedy Night", low="$25.00", markup=True),
        "https://www.eventbrite.com/e/brooklyn-comedy-night-tickets-812345678901",
        Shown("Brooklyn Comedy Night", "25.00", "USD", None, "InStock"),
        id="eventbrite-from-price-event-jsonld",
    ),
    pytest.param(
        eventbrite_page(name="Brooklyn Comedy Night", low="$25.00", markup=False),
        "https://www.eventbrite.com/e/brooklyn-comedy-night-tickets-812345678901",
        Shown("Brooklyn Comedy Night", "25.00", "USD", None, "InStock"),
        marks=defect(EVENT_PRICE_UNREAD),
        id="eventbrite-from-price-visible",
    ),
    pytest.param(
        stubhub_page(performer="Billy Joel", low="$45"),
        "https://www.stubhub.com/billy-joel-new-york-tickets-12-12-2026/event/151234567/",
        Shown("Billy Joel", "45", "USD"),
        id="stubhub-tickets-from-visible",
    ),
]


# ---------------------------------------------------------------- classifieds: Craigslist, Kleinanzeigen, Leboncoin,
# OLX, Avito, Facebook Marketplace. Written from memory. No cart anywhere: "reply" / "Nachricht schreiben" /
# "Envoyer un message" / "Napisz" / "Написать" / "Message" reach the seller.
# Craigslist post (/<area>/<cat>/d/<slug>/<post id>.html): h1.postingtitle > span.postingtitletext with
# span#titletextonly, span.price "$450" and the location, section#postingbody, p.postinginfo "post id: 7712345678",
# button.reply-button "reply". Kleinanzeigen (/s-anzeige/<slug>/<ad id>-<cat>-<loc>): h1#viewad-title,
# h2#viewad-price "250 € VB", "Anzeigen-ID" and the id, "Nachricht schreiben". Leboncoin (/ad/<cat>/<id>): h1
# [data-qa-id=adview_title], p[data-qa-id=adview_price] "850 €", buttons "Acheter" and "Envoyer un message". OLX.pl
# (/d/oferta/<slug>-CID<cat>-ID<code>.html): NO <h1>: title in div[data-testid=ad_title] > h4, price in
# div[data-testid=ad-price-container] > h3 "1 200 zł" + "do negocjacji", "ID: 912345678". Avito
# (/<city>/<cat>/<slug>_<id>): Product/Offer microdata (itemprop price content="25000", priceCurrency RUB),
# h1[itemprop=name], "№ 3456789012". Facebook Marketplace (/marketplace/item/<id>/): obfuscated classes, h1 > span
# title, a bare <span> "$450", "Listed 2 days ago in Austin, TX", div[role=button] "Message", og tags.


def craigslist_page(*, title: str, price: str, post_id: str) -> str:
    body = f"""<header class="global-header"><a href="/" class="header-logo">CL</a> <span class="breadcrumb">SF bay
      area &gt; san francisco &gt; for sale &gt; bicycles - by owner</span><a href="https://accounts.craigslist.org/
      login/home">account</a></header><section class="body"><div class="postingtitle"><button class="reply-button
      js-only" type="button">reply</button><h1 class="postingtitle"><span class="postingtitletext"><span
      id="titletextonly">{title}</span> <span class="price">{price}</span><span class="postingtitle-location">
      (mission district)</span></span></h1></div><figure class="iw"><img src="https://images.craigslist.org/
      00a0a_abc_600x450.jpg" alt=""></figure><div class="mapAndAttrs"><p class="attrgroup"><span>condition: <b>like
      new</b></span> <span>frame size: <b>M</b></span></p></div><section id="postingbody">Barely ridden, tuned
      last month. Cash only, no trades.</section><div class="postinginfos"><p class="postinginfo">post id:
      {post_id}</p><p class="postinginfo reveal">posted: <time class="date timeago" datetime="2026-11-28T10:12:00">
      2026-11-28 10:12</time></p></div></section><footer><a href="/about/help">help</a> &copy; 2026 craigslist
      </footer>"""
    return page("en", f"{title} - bicycles - by owner - bike sale - craigslist", body)


def kleinanzeigen_page(*, title: str, price: str, ad_id: str) -> str:
    body = f"""<header id="site-header-top"><a href="/" class="site-logo">Kleinanzeigen</a><a
      href="/m-meine-anzeigen.html">Meine Anzeigen</a><a href="/p-anzeige-aufgeben.html" class="button">Anzeige
      aufgeben</a></header><div id="vap-brdcrmb" class="breadcrump"><a href="/s-berlin/l3331">Berlin</a> &gt; <a
      href="/s-fahrraeder/c217">Fahrräder &amp; Zubehör</a></div><article id="viewad-main" class="itemtile-fullpic">
      <div id="viewad-product"><div class="galleryimage-large"><img src="https://img.kleinanzeigen.de/api/v1/prod-ads/
      images/ab/abc.jpg" alt=""></div><h1 id="viewad-title" class="boxedarticle--title">{title}</h1><div
      class="boxedarticle--flex--container"><h2 class="boxedarticle--price" id="viewad-price">{price}</h2></div>
      <div id="viewad-locality">10437 Berlin - Prenzlauer Berg</div><div id="viewad-extra-info"><div><i
      class="icon icon-small icon-calendar-gray-simple"></i><span>28.11.2026</span></div></div>
      <div id="viewad-details"><ul class="addetailslist"><li class="addetailslist--detail">Art<span
      class="addetailslist--detail--value">Damen</span></li></ul></div><div id="viewad-description"><p
      id="viewad-description-text">Gut erhalten, 7-Gang Nabenschaltung.</p></div></div>
      <div id="viewad-ad-id-box"><ul class="flexlist text-light-800"><li>Anzeigen-ID</li><li>{ad_id}</li></ul></div>
      </article><aside id="viewad-sidebar"><div id="viewad-contact"><a id="viewad-contact-button" class="button
      button-primary" href="#">Nachricht schreiben</a></div></aside>
      {carousel("Das könnte dich auch interessieren", [("Herrenrad 28 Zoll", "180 € VB"), ("Kinderrad", "60 €")])}
      <footer><p>&copy; 2009-2026 Kleinanzeigen GmbH</p></footer>"""
    return page("de", f"{title} in Berlin - Prenzlauer Berg | Kleinanzeigen", body)


def leboncoin_page(*, title: str, price: str) -> str:
    body = f"""<header><a href="/" aria-label="leboncoin">leboncoin</a><a href="/deposer-une-annonce">Déposer une
      annonce</a><a href="/mes-messages">Messages</a></header><main><nav aria-label="Fil d'Ariane"><a
      href="/recherche?category=55">Vélos</a></nav><div data-qa-id="adview_spotlight_container"><img
      src="https://img.leboncoin.fr/api/v1/lbcpb1/images/ab/cd/ef.jpg" alt=""><h1 data-qa-id="adview_title"
      class="text-headline-1-expanded">{title}</h1><div data-qa-id="adview_price"><p class="text-callout">{price}</p>
      </div><p class="text-caption">Lyon 69003 · 28/11/2026 à 10:12</p></div>
      <div data-qa-id="adview_description_container"><p>Vélo électrique en très bon état, batterie 500 Wh.</p></div>
      <div data-qa-id="adview_contact_container"><button type="button" data-qa-id="adview_button_buy">Acheter
      </button><button type="button" data-qa-id="adview_contact_button">Envoyer un message</button></div>
      {carousel("Ces annonces peuvent vous intéresser", [("VTT Rockrider ST 540", "320 €"), ("Vélo ville", "90 €")])}
      </main><footer>&copy; leboncoin 2006 - 2026</footer>"""
    return page("fr", f"{title} - Vélos | leboncoin", body)


def olx_page(*, title: str, price: str, negotiable: str, ad_id: str) -> str:
    body = f"""<header data-testid="header"><a href="/" aria-label="OLX">OLX</a><a href="/mojolx/">Twoje
      konto</a><a href="/d/nowe-ogloszenie/" class="css-1x0h3y">Dodaj ogłoszenie</a></header><main><ol
      data-testid="breadcrumbs"><li><a href="/sport-hobby/">Sport i Hobby</a></li><li><a
      href="/sport-hobby/rowery/">Rowery</a></li></ol><div data-testid="ad-photo"><img
      src="https://ireland.apollo.olxcdn.com/v1/files/abc/image;s=1000x700" alt=""></div><div
      data-testid="ad_title" class="css-1soizd2"><h4 class="css-1kc83jo">{title}</h4></div><div
      data-testid="ad-price-container" class="css-e2ir3r"><h3 class="css-90xrc0">{price}</h3><p
      class="css-nw4rgq">{negotiable}</p></div><div data-testid="ad_description"><div
      class="css-1o924a9">Rama 19", osprzęt Shimano Deore.</div></div><div class="css-cgp8kk"><span
      class="css-12hdxwj">ID: {ad_id}</span></div><button data-testid="ad-contact-message-button" type="button"
      class="css-1w6n6bf">Napisz</button><button data-testid="ad-contact-phone" type="button">Zadzwoń</button>
      {carousel("Podobne ogłoszenia", [("Rower Kross Level 3.0", "2 300 zł"), ("Rower Romet", "650 zł")])}
      </main><footer>&copy; 2026 OLX</footer>"""
    return page("pl", f"{title} Kraków • OLX.pl", body)


def avito_page(*, title: str, price: str, content: str, item_id: str) -> str:
    body = f"""<header><a href="/" class="logo">Авито</a><a href="/profile">Мои объявления</a><a
      href="/additem" class="button">Разместить объявление</a></header><div class="item-view" itemscope
      itemtype="http://schema.org/Product"><div class="breadcrumbs"><a href="/moskva">Москва</a> · <a
      href="/moskva/velosipedy">Велосипеды</a></div><h1 class="title-info-title" itemprop="name"><span
      class="title-info-title-text" data-marker="item-view/title-info">{title}</span></h1><div
      class="item-view-gallery"><img itemprop="image" src="https://00.img.avito.st/image/1/abc.jpg" alt=""></div>
      <div class="item-view-price" itemprop="offers" itemscope itemtype="http://schema.org/Offer"><span
      class="style-price-value-main" data-marker="item-view/item-price" itemprop="price"
      content="{content}">{price}</span><meta itemprop="priceCurrency" content="RUB"><link itemprop="availability"
      href="http://schema.org/InStock"></div><div class="item-description" itemprop="description"><p>Рама 18,
      21 скорость, обслужен.</p></div><span data-marker="item-view/item-id">№ {item_id}</span><button
      data-marker="messenger-button/button" type="button">Написать сообщение</button><button
      data-marker="item-phone-button/card" type="button">Показать телефон</button></div>
      {carousel("Похожие объявления", [("Велосипед Forward", "12 000 ₽"), ("Велосипед Stern", "18 500 ₽")])}
      <footer>© Авито — сайт объявлений, 2007–2026</footer>"""
    return page("ru", f"{title} купить в Москве | Хобби и отдых | Авито", body)


def facebook_page(*, title: str, price: str, item_id: str) -> str:
    body = f"""<div role="banner"><a aria-label="Facebook" href="/">f</a><a aria-label="Marketplace"
      href="/marketplace/">Marketplace</a></div><div role="main"><div class="x1n2onr6"><img class="xz74otr"
      src="https://scontent.xx.fbcdn.net/v/t45/abc.jpg" alt="Product photo of {title}"></div><div class="x9f619
      x78zum5"><h1 class="x1heor9g x1qlqyl8"><span class="x193iq5w xeuugli">{title}</span></h1><div
      class="x1xmf6yo"><span class="x193iq5w xeuugli x13faqbe">{price}</span></div><div class="x1n2onr6"><span
      class="x193iq5w">Listed 2 days ago in Austin, TX</span></div><div class="x1i10hfl" role="button"
      tabindex="0"><span>Message</span></div><div class="x1i10hfl" role="button" aria-label="Save"
      tabindex="0"><span>Save</span></div><div class="xod5an3"><span>Details</span><span>Condition</span><span>Used
      - Like New</span></div><div class="x1a2a7pz"><span>Send seller a message</span><input type="text"
      value="Hi, is this available?" aria-label="Message text"><div role="button"><span>Send</span></div></div>
      </div></div>"""
    head = f"""<meta property="og:title" content="{title} - Furniture - Austin, Texas | Facebook Marketplace">
      <meta property="og:image" content="https://scontent.xx.fbcdn.net/v/t45/abc.jpg"><meta property="og:url"
      content="https://www.facebook.com/marketplace/item/{item_id}/">"""
    return page("en", f"{title} - Furniture - Austin, Texas | Facebook Marketplace", body, head)


CL_URL = "https://sfbay.craigslist.org/sfc/bik/d/san-francisco-trek-marlin-mountain-bike/7712345678.html"
KA_URL = "https://www.kleinanzeigen.de/s-anzeige/damenfahrrad-28-zoll-pegasus/2712345678-217-3331"
AV_NAME = "Горный велосипед Stels Navigator 500"
AV_URL = "https://www.avito.ru/moskva/velosipedy/gornyy_velosiped_stels_navigator_500_3456789012"

CLASSIFIEDS = [
    pytest.param(
        craigslist_page(title="Trek Marlin 5 Mountain Bike", price="$450", post_id="7712345678"),
        CL_URL,
        Shown("Trek Marlin 5 Mountain Bike", "450", "USD", None, None, "7712345678"),
        id="craigslist-post-visible",
    ),
    pytest.param(
        kleinanzeigen_page(title="Damenfahrrad 28 Zoll Pegasus", price="250 € VB", ad_id="2712345678"),
        KA_URL,
        Shown("Damenfahrrad 28 Zoll Pegasus", "250", "EUR", None, None, "2712345678"),
        id="kleinanzeigen-vb-visible",
    ),
    pytest.param(
        leboncoin_page(title="Vélo électrique Rockrider E-ST 520", price="850 €"),
        "https://www.leboncoin.fr/ad/velos/2712345678",
        Shown("Vélo électrique Rockrider E-ST 520", "850", "EUR", None, None, "2712345678"),
        id="leboncoin-ad-visible",
    ),
    pytest.param(
        olx_page(
            title='Rower górski Kross Hexagon 6.0 29"', price="1 200 zł", negotiable="do negocjacji", ad_id="912345678"
        ),
        "https://www.olx.pl/d/oferta/rower-gorski-kross-hexagon-6-0-29-CID767-ID10abCd.html",
        Shown('Rower górski Kross Hexagon 6.0 29"', "1200", "PLN"),
        id="olx-pl-no-h1-visible",
    ),
    pytest.param(
        avito_page(title=AV_NAME, price="25 000 ₽", content="25000", item_id="3456789012"),
        AV_URL,
        Shown(AV_NAME, "25000", "RUB", None, "InStock", "3456789012"),
        id="avito-microdata",
    ),
    pytest.param(
        without_microdata(avito_page(title=AV_NAME, price="25 000 ₽", content="25000", item_id="3456789012")),
        AV_URL,
        Shown(AV_NAME, "25000", "RUB", None, None, "3456789012"),
        id="avito-visible",
    ),
    pytest.param(
        facebook_page(title="Herman Miller Aeron Chair Size B", price="$450", item_id="1234567890123456"),
        "https://www.facebook.com/marketplace/item/1234567890123456/",
        Shown("Herman Miller Aeron Chair Size B", "450", "USD", None, None, "1234567890123456"),
        id="facebook-marketplace-visible",
    ),
]


# ---------------------------------------------------------------- AliExpress, Temu, SHEIN, Costco
# AliExpress item (/item/<id>.html), written from memory of the 2024 PDP: h1[data-pl=product-title], a price block
# div.price--current--… with span.price--currentPriceText "US $15.20" (or a range "US $12.34 - 25.67" until a variant
# is picked), span.price--originalText "US $30.40" (struck by the stylesheet only), span.price--discount "-50%", the
# coins line "Extra 2% off with coins", div.sku-item--selected among the variant images, "Free shipping", quantity
# "6 available", buttons "Buy now" / "Add to cart"; no JSON-LD Product; "More to love" tiles. A pulled item shows
# "Sorry, this item is no longer available!". Temu (/<slug>-g-<goods id>.html): obfuscated classes, the price as
# aria-label'd div with "$" "12" ".98" spans, a struck "$25.49" (style), "-49%", "Only 3 left", "Add to cart";
# SHEIN (/<slug>-p-<id>.html): h1.product-intro__head-name, "SKU: sz2212…" (div.product-intro__head-sku),
# div.product-intro__head-mainprice "$8.49", del.del-price "$14.99", "-43%", "ADD TO CART"; Costco
# (/<slug>.product.<id>.html): h1[automation-id=productName], "Item 1712345 Model OLED65C3PUA", "Member Only Item",
# an instant-savings block: "Price $1,899.99", "-$300.00 Instant Savings", "Your Price $1,599.99", "Add to Cart".


def aliexpress_page(*, name: str, price: str, original: str = "", pulled: bool = False) -> str:
    old = (
        f"""<span class="price--originalText--gxVO5_d">{original}</span><span
      class="price--discount--Y9uG2LK">-50%</span>"""
        if original
        else ""
    )
    buy = (
        '<div class="pdp-comp-unavailable">Sorry, this item is no longer available!</div>'
        if pulled
        else """<div class="quantity--info--jnoo_pD"><span>6 available</span></div><div
      class="action--container--MzQ0Njc"><button class="comet-v2-btn comet-v2-btn-primary" type="button"><span>Buy
      now</span></button><button class="comet-v2-btn comet-v2-btn-important" type="button"><span>Add to cart</span>
      </button></div>"""
    )
    body = f"""<div id="header" class="esm--header"><a href="https://www.aliexpress.com/" class="logo--logo">
      AliExpress</a><a href="https://www.aliexpress.com/p/shoppingcart/index.html" class="cart--cart">Cart
      <span class="cart--num">0</span></a></div><div class="pdp-body"><div class="image-view--wrap"><img
      src="https://ae01.alicdn.com/kf/S1234.jpg_640x640.jpg" alt=""></div><div class="pdp-info-right"><div
      class="price--wrap--tA4MDk4"><div class="price--current--I3Zeidd"><span
      class="price--currentPriceText--V8_y_b5 pdp-comp-price-current">{price}</span></div><div
      class="price--original--wEueRiZ">{old}</div></div><div class="coin-tag">Extra 2% off with coins</div>
      <h1 data-pl="product-title">{name}</h1><div class="sku-item--property"><span>Color: Black</span><div
      class="sku-item--image sku-item--selected"><img src="https://ae01.alicdn.com/kf/black.jpg" alt="Black"></div>
      <div class="sku-item--image"><img src="https://ae01.alicdn.com/kf/white.jpg" alt="White"></div></div>
      <div class="dynamic-shipping">Free shipping<br>Delivery: Dec 10 - 18</div>{buy}</div></div>
      {carousel("More to love", [("USB C Cable 100W 2m", "US $2.99"), ("65W GaN Charger", "US $11.08")])}
      <div class="site-footer">© 2010-2026 AliExpress.com. All rights reserved.</div>"""
    head = f'<meta property="og:title" content="{name} - AliExpress 44">'
    return page("en", f"{name} - AliExpress 44", body, head)


def temu_page(*, name: str, goods_id: str) -> str:
    body = f"""<div class="_2Ckhs7v8"><a href="/" aria-label="Temu">Temu</a><a href="/bgt_cart.html"
      aria-label="Cart">Cart</a></div><div class="_3ZME8QTs"><div class="_1YBVObhm"><img
      src="https://img.kwcdn.com/product/fancy/abc.jpg" alt="{name}"></div><div class="_1-EqH4uA"><h1
      class="_2rn4tqXP">{name}</h1><div class="_3oV8Gtg6"><div class="_1vkz0rqG" aria-label="$12.98"><span
      class="_2de9ERAH">$</span><span class="_2de9ERAH">12</span><span class="_3SrxhhHh">.98</span></div><span
      class="_3TAPHDOX" style="text-decoration: line-through;">$25.49</span><span class="_1wmCeUU8">-49%</span>
      </div><div class="_2Nrf6Ivt">Only 3 left</div><div class="_2uFcrZbd">Color: Black</div><div
      class="_3NrhfLGW" role="button" tabindex="0" aria-label="Add to cart">Add to cart</div></div></div>
      {carousel("Explore your interests", [("Phone Stand", "$3.48"), ("Cable Organizer", "$1.99")])}"""
    return page("en", f"{name} - Temu", body)


def shein_page(*, name: str, price: str, was: str, sku: str) -> str:
    body = f"""<header class="bsc-header"><a href="/" class="bsc-header-logo">SHEIN</a><a href="/cart"
      class="bsc-header-cart" aria-label="Bag">Bag</a></header><div class="goods-detailv2"><div
      class="product-intro"><div class="product-intro__gallery"><img src="//img.ltwebstatic.com/images3_pi/abc.jpg"
      alt=""></div><div class="product-intro__info"><h1 class="product-intro__head-name">{name}</h1><div
      class="product-intro__head-sku">SKU: {sku}</div><div class="product-intro__head-price"><div
      class="product-intro__head-mainprice"><div class="discount from"><span>{price}</span></div><del
      class="del-price">{was}</del><div class="discount-tips">-43%</div></div></div><div
      class="product-intro__size"><span>Size:</span> <span class="product-intro__size-radio
      product-intro__size-radio_active">M</span><span class="product-intro__size-radio">L</span></div><div
      class="product-intro__add-cart"><button class="she-btn-black she-btn-xl" type="button">ADD TO CART
      </button></div></div></div>
      {carousel("You May Also Like", [("Ribbed Knit Tank", "$5.49"), ("Wide Leg Jeans", "$17.99")])}</div>
      <footer>©2009-2026 SHEIN All Rights Reserved</footer>"""
    return page("en", f"{name} | SHEIN USA", body)


def costco_page(*, name: str, item: str) -> str:
    body = f"""<header><a href="/" id="logo-wrapper">Costco Wholesale</a><a href="/CheckoutCartDisplayView"
      id="cart-d" aria-label="Cart, 0 items">Cart</a></header><ol class="crumbs"><li><a
      href="/electronics.html">Electronics</a></li><li><a href="/televisions.html">TVs</a></li></ol>
      <div class="product-page"><div class="member-only">Member Only Item</div><h1 automation-id="productName"
      itemprop="name">{name}</h1><p class="item-number">Item <span>{item}</span> Model <span>OLED65C3PUA</span></p>
      <div class="instant-savings"><div class="row"><span class="label">Price</span> <span>$1,899.99</span></div>
      <div class="row"><span class="label">Instant Savings</span> <span>-$300.00</span></div><div class="row
      your-price"><span class="label">Your Price</span> <span class="value" automation-id="productPriceOutput">
      $1,599.99</span></div><p class="promo-end">Ends 12/8/26</p></div><div class="add-to-cart"><input
      type="button" id="add-to-cart-btn" class="btn btn-primary btn-block" value="Add to Cart"></div></div>
      {carousel("Members Also Bought", [("Sonos Arc", "$899.99"), ("LG 55 C3", "$1,299.99")])}
      <footer>&copy; 1998 - 2026 Costco Wholesale Corporation. All rights reserved.</footer>"""
    return page("en-US", f"{name} | Costco", body)


AE_NAME = "Baseus 65W GaN Charger USB C Fast Charger for iPhone 15 MacBook Samsung"
AE_URL = "https://www.aliexpress.com/item/1005006123456789.html"
SH_NAME = "SHEIN EZwear Solid Ribbed Knit Crop Tee"
CO_NAME = 'LG 65" Class - OLED C3 Series - 4K UHD OLED TV'

ASIAN_AND_WAREHOUSE = [
    pytest.param(
        aliexpress_page(name=AE_NAME, price="US $15.20", original="US $30.40"),
        AE_URL,
        Shown(AE_NAME, "15.20", "USD", "30.40", "InStock", "1005006123456789"),
        id="aliexpress-selected-variant-sale-visible",
    ),
    pytest.param(
        aliexpress_page(name=AE_NAME, price="US $12.34 - 25.67"),
        AE_URL,
        Shown(AE_NAME, "12.34", "USD", None, "InStock", "1005006123456789"),
        id="aliexpress-price-range-visible",
    ),
    pytest.param(
        aliexpress_page(name=AE_NAME, price="US $15.20", pulled=True),
        AE_URL,
        Shown(AE_NAME, "15.20", "USD", None, "OutOfStock", "1005006123456789"),
        id="aliexpress-no-longer-available-visible",
    ),
    pytest.param(
        temu_page(name="Wireless Earbuds Bluetooth 5.3 With Charging Case", goods_id="601099512345678"),
        "https://www.temu.com/wireless-earbuds-bluetooth-5-3-g-601099512345678.html",
        Shown(
            "Wireless Earbuds Bluetooth 5.3 With Charging Case", "12.98", "USD", "25.49", "InStock", "601099512345678"
        ),
        id="temu-split-price-visible",
    ),
    pytest.param(
        shein_page(name=SH_NAME, price="$8.49", was="$14.99", sku="sz2212345678901234"),
        "https://us.shein.com/SHEIN-EZwear-Solid-Ribbed-Knit-Crop-Tee-p-12345678.html",
        Shown(SH_NAME, "8.49", "USD", "14.99", "InStock", "sz2212345678901234"),
        id="shein-sale-sku-visible",
    ),
    pytest.param(
        costco_page(name=CO_NAME, item="1712345"),
        "https://www.costco.com/lg-65-class-oled-c3-series-4k-uhd-oled-tv.product.4000212345.html",
        Shown(CO_NAME, "1599.99", "USD", "1899.99", "InStock"),
        id="costco-member-instant-savings-visible",
    ),
]


# ---------------------------------------------------------------- pages of the same sites that are NOT product pages
# Written from memory: an eBay search (ul.srp-results of li.s-item cards with s-item__price and "Buy It Now" /
# "12 bids" lines), a Groupon city listing (deal cards with value and deal price), an Eventbrite city listing (event
# cards "From $18.00"), a Craigslist search (li.cl-search-result cards with their prices), a Walmart cart.


def ebay_search_page() -> str:
    cards = "".join(
        f"""<li class="s-item s-item__pl-on-bottom"><div class="s-item__image-section"><img src="/{i}.jpg" alt="">
        </div><div class="s-item__info"><a class="s-item__link" href="https://www.ebay.com/itm/38512345{i:04d}"><div
        class="s-item__title"><span role="heading" aria-level="3">{t}</span></div></a><div class="s-item__details">
        <span class="s-item__price">{p}</span><span class="s-item__purchase-options">{how}</span><span
        class="s-item__shipping">+$9.95 shipping</span></div></div></li>"""
        for i, (t, p, how) in enumerate(
            [
                ("Canon EOS R10 Body Only", "$679.00", "Buy It Now"),
                ("Canon EOS R10 with 18-45mm Lens", "$749.99", "Buy It Now"),
                ("Canon EOS R10 Mirrorless Kit - Used", "$512.00", "12 bids"),
                ("Canon R10 + RF-S 18-150mm", "$1,049.00", "or Best Offer"),
                ("Canon EOS R10 Camera Body (Black)", "$655.00", "Buy It Now"),
            ]
        )
    )
    body = f"""<header id="gh"><a href="https://www.ebay.com" id="gh-la">eBay</a><a
      href="https://cart.payments.ebay.com/sc/view" aria-label="Your shopping cart">Cart</a></header>
      <div class="srp-controls"><h1 class="srp-controls__count-heading"><span class="BOLD">1,200+</span> results for
      <span class="BOLD">canon r10</span></h1><a href="/sch/i.html?_nkw=canon+r10&amp;LH_BIN=1">Buy It Now</a><a
      href="/sch/i.html?_nkw=canon+r10&amp;LH_Auction=1">Auction</a></div><ul class="srp-results">{cards}</ul>
      <footer id="glbfooter">Copyright &copy; 1995-2026 eBay Inc.</footer>"""
    return page("en", "canon r10 for sale | eBay", body)


def groupon_city_page() -> str:
    cards = "".join(
        f"""<figure class="card-ui cui-c-udc"><a href="/deals/{t.lower().replace(" ", "-")}"><img src="/{t[:3]}.jpg"
        alt=""><div class="cui-udc-title">{t}</div><div class="cui-location-name">Chicago</div><div
        class="cui-price"><s class="cui-price-original">{v}</s> <span class="cui-price-discount">{d}</span></div>
        </a></figure>"""
        for t, v, d in [
            ("60-Minute Swedish Massage", "$80", "$45"),
            ("Chicago Architecture River Cruise", "$55", "$41"),
            ("Escape Room for Four", "$140", "$79"),
            ("Laser Hair Removal Six Sessions", "$1,200", "$199"),
        ]
    )
    body = f"""<header id="ls-header"><a href="/" class="ls-logo">Groupon</a><a href="/cart">Cart</a></header>
      <main><h1>Things to Do in Chicago</h1><div class="browse-filters"><button type="button">Sort by:
      Relevance</button></div><div class="deal-cards">{cards}</div></main><footer>&copy; 2026 Groupon</footer>"""
    return page("en-US", "Chicago Deals & Coupons - Things to Do | Groupon", body)


def eventbrite_listing_page() -> str:
    cards = "".join(
        f"""<li><div class="event-card"><a class="event-card-link" href="/e/{t.lower().replace(" ", "-")}-tickets-
        81234567{i}"><h3>{t}</h3></a><p>Sat, Dec {12 + i} • 8:00 PM</p><p>Brooklyn, NY</p><p
        class="event-card__price">From {p}</p></div></li>"""
        for i, (t, p) in enumerate(
            [
                ("Brooklyn Comedy Night", "$25.00"),
                ("Jazz at the Loft", "$18.00"),
                ("Holiday Makers Market", "Free"),
                ("Rooftop Yoga", "$12.00"),
            ]
        )
    )
    body = f"""<header class="global-header"><a href="/" class="logo">Eventbrite</a><a href="/signin/">Log In</a>
      </header><main><h1>Events in New York, NY</h1><div class="filters"><button type="button">Today</button><button
      type="button">This weekend</button></div><ul class="search-results">{cards}</ul></main>
      <footer>&copy; 2026 Eventbrite</footer>"""
    return page("en-US", "Events in New York, NY | Eventbrite", body)


def craigslist_search_page() -> str:
    cards = "".join(
        f"""<li class="cl-search-result cl-search-view-mode-gallery" data-pid="77123456{i}"><a
        href="https://sfbay.craigslist.org/sfc/bik/d/san-francisco-{t.lower().replace(" ", "-")}/77123456{i}.html"
        class="posting-title"><span class="label">{t}</span></a><span class="priceinfo">{p}</span><div
        class="meta">11/28<span class="separator">·</span>mission district</div></li>"""
        for i, (t, p) in enumerate(
            [
                ("Trek Marlin 5 Mountain Bike", "$450"),
                ("Specialized Sirrus X", "$380"),
                ("Kids bike 20in", "$60"),
                ("Brompton M6L folding", "$1,350"),
                ("Road bike 56cm", "$220"),
            ]
        )
    )
    body = f"""<header class="cl-header"><a href="/" class="cl-logo">CL</a><span>SF bay area</span></header>
      <form class="cl-search-query-form" action="/search/bia"><input name="query" value=""><button
      type="submit">search</button></form><div class="cl-results-page"><ol class="cl-static-search-results">{cards}
      </ol></div><footer>&copy; 2026 craigslist</footer>"""
    return page("en", "SF bay area bicycles - by owner - craigslist", body)


def walmart_cart_page() -> str:
    body = """<header class="bg-blue"><a href="/" aria-label="Walmart. Save Money. Live Better. Home Page"></a><a
      href="/cart" aria-label="Cart contains 2 items Total Amount $72.48">$72.48</a></header><main><h1>Cart (2
      items)</h1><ul class="cart-items"><li><a href="/ip/Ninja-AF101-Air-Fryer-4-Qt-Black/271894638">Ninja AF101 Air
      Fryer, 4 Qt, Black</a><div class="cart-item-price">$69.00</div><select aria-label="Quantity"><option
      selected>1</option></select><button type="button">Remove</button></li><li><a
      href="/ip/Great-Value-Whole-Vitamin-D-Milk-1-Gallon-128-fl-oz/10450114">Great Value Whole Vitamin D Milk</a>
      <div class="cart-item-price">$3.48</div><button type="button">Remove</button></li></ul><div
      class="order-summary"><div>Subtotal (2 items) <span>$72.48</span></div><div>Shipping <span>Free</span></div>
      <div>Estimated total <span class="total">$72.48</span></div><button type="button">Continue to
      checkout</button></div></main><footer>&copy; 2026 Walmart</footer>"""
    return page("en-US", "Shopping Cart - Walmart.com", body)


NON_PRODUCT = [
    pytest.param(ebay_search_page(), "https://www.ebay.com/sch/i.html?_nkw=canon+r10", id="ebay-search"),
    pytest.param(groupon_city_page(), "https://www.groupon.com/local/chicago/things-to-do", id="groupon-city"),
    pytest.param(eventbrite_listing_page(), "https://www.eventbrite.com/d/ny--new-york/events/", id="eventbrite-city"),
    pytest.param(craigslist_search_page(), "https://sfbay.craigslist.org/search/bia", id="craigslist-search"),
    pytest.param(walmart_cart_page(), "https://www.walmart.com/cart", id="walmart-cart"),
]


CASES = [
    *EBAY,
    *WALMART,
    *TARGET,
    *BESTBUY,
    *NEWEGG,
    *HOMEDEPOT,
    *ETSY,
    *AUCTIONS,
    *DEALS,
    *TICKETS,
    *CLASSIFIEDS,
    *ASIAN_AND_WAREHOUSE,
]


@pytest.mark.parametrize(("html", "url", "shown"), CASES)
def test_marketplace_product_page_reads_as_the_shopper_reads_it(html: str, url: str, shown: Shown) -> None:
    result = extract_structured(html, url)
    assert result.name == shown.name
    assert (result.price, result.currency) == (Decimal(shown.price), shown.currency)
    assert result.regular_price == (Decimal(shown.regular_price) if shown.regular_price else None)
    if shown.availability is not None:
        assert result.availability == shown.availability
    if shown.sku is not None:
        assert result.sku == shown.sku


# Product pages whose page evidence alone says "not a product" today (id -> what is wrong, the module responsible).
EVIDENCE_DEFECTS: dict[str, str] = {
    "eventbrite-from-price-visible": (
        "score 0.05-0.27: the price the page shows is not found (see the first test's reason), so the page gets "
        "'no_price' (-1.0) and none of the price signals although it shows a name, a price and a buy/bid/ticket "
        "control (product_verdict.py follows the price readers)"
    ),
    "stubhub-tickets-from-visible": (
        "score 0.27: an event page with 'Tickets from $45' and ticket listings (section/row/price) but no buy "
        "button until a listing is picked; no control, no stock word (product_verdict.py)"
    ),
    "aliexpress-no-longer-available-visible": (
        "score 0.38: a pulled item still shows its title, price and 'Sorry, this item is no longer available!'; "
        "without a buy button the price block ABOVE the <h1> earns neither price_near_heading nor one_price "
        "(product_verdict.py)"
    ),
}


def _evidence_cases() -> list[Any]:
    product = [
        pytest.param(
            case.values[0],
            case.values[1],
            True,
            id=case.id,
            marks=defect(EVIDENCE_DEFECTS[case.id]) if case.id in EVIDENCE_DEFECTS else (),
        )
        for case in CASES
    ]
    return product + [pytest.param(*case.values, False, id=case.id) for case in NON_PRODUCT]


@pytest.mark.parametrize(("html", "url", "is_product"), _evidence_cases())
def test_page_alone_says_whether_it_is_a_product_page(html: str, url: str, is_product: bool) -> None:
    score = extract_structured(html, url).evidence.score
    assert (score >= 0.5) == is_product, score
