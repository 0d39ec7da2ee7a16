"""Product pages of the large marketplaces of South/South-East Asia, the Middle East, Africa and Turkey, by hand.

The companion of test_platform_layouts.py for the marketplaces and retailers most shoppers there buy from (Amazon.in
and its Arabic sisters, Flipkart, Tokopedia, Shopee, Lazada, Tiki, Noon, Jumia, Takealot, Trendyol, Hepsiburada,
Digikala, ...): each page follows what the site's product page sends the browser (class names, visually hidden
labels, struck prices, stock words, the JSON-LD it emits or none, as many of them emit none), with the chrome around
it: a header with the cart, breadcrumbs, carousels of other products with their prices, sponsored items, footers.
Every page is written from memory of the rendered page (nothing could be fetched), and the layout each builder
follows is named beside it. Each page is checked against what a shopper reads on it, in the convention of the public
product-extraction benchmark: the price they pay now for the selected offer, currencies without minor units read
whole, the struck price only where one shows, the stock only where the page states it or shows a buy button, the SKU
where the page or its URL gives the site's own item code. A second test checks the page-evidence verdict alone on
the same product pages and on a few non-product pages of the same sites.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from app.extraction.structured import extract_structured
from tests.extraction.test_platform_layouts import Shown, defect, page, without_microdata
from tests.support.markup import jsonld

NO_PRICE = ""

# What each failing page shows to be wrong, and the part of app/extraction/structured we think is responsible.

STRUCK_BESIDE_MARKUP_PRICE = (
    "regular_price None: the JSON-LD Offer gives only the sale price; the visible struck price beside the shown "
    "price (Shopee div.ZA5sW5 '₫659.000', Jumia span.-lthr '₦ 45,000', Trendyol span.prc-org '899,99 TL'; struck by "
    "their class only) is not read as the regular price (visible.py old price next to a markup price)"
)
TRENDYOL_PRC_ORG = (
    "price 899.99 = the struck span.prc-org instead of span.prc-dsc 649.99, regular_price None: Trendyol's 'prc-org' "
    "(original price) is not an old-price class ('org prc' is listed, not 'prc org') (visible.py _FORMER_CONTAINER)"
)
MYNTRA_CARD_PRICE = (
    "price 599 / regular 1999 from the 'SIMILAR PRODUCTS' card (span.product-discountedPrice 'Rs. 599', "
    "span.product-strike 'Rs. 1999') instead of the buy box's span.pdp-price '₹649' + span.pdp-mrp <s>₹1799</s>; "
    "name 'Roadster' (brand h1.pdp-title) instead of brand + h1.pdp-name; availability None: 'ADD TO BAG' is a div "
    "(div.pdp-add-to-bag.pdp-button), not a button (visible.py price choice, heading name, buy_controls.py)"
)
MYNTRA_SOLD_OUT_CARD_PRICE = (
    "price 599 / regular 1999 from the 'SIMILAR PRODUCTS' card instead of the buy box's span.pdp-price '₹1799'; "
    "name 'Roadster' (brand h1 only) (visible.py price choice, heading name)"
)


# ---------------------------------------------------------------- Amazon (amazon.in, amazon.ae, amazon.sa)
# Written from memory of the desktop detail page: #navbar with #nav-cart ("Cart", count), #wayfinding-breadcrumbs,
# #centerCol with h1#title > span#productTitle, #bylineInfo, #corePriceDisplay_desktop_feature_div (savingsPercentage,
# span.a-price.priceToPay with an a-offscreen copy and the aria-hidden symbol/whole/fraction parts, "M.R.P.:" or
# "List Price:" a-text-price with data-a-strike), the "Inclusive of all taxes" line, the EMI line; #rightCol #buybox
# with the delivery line, div#availability and the add-to-cart / buy-now inputs; "Products related to this item"
# sponsored carousel (#sp_detail) with their own a-price spans; #detailBullets_feature_div with "ASIN : B0...".
# Amazon emits no schema.org markup on detail pages.


def amz_price(now: str, symbol: str, whole: str, fraction: str = "", strike: str = "", pct: str = "", s=None) -> str:
    s = s or AMZ_EN
    frac = f'<span class="a-price-fraction">{fraction}</span>' if fraction else ""
    was = (
        f"""<div class="a-section a-spacing-small aok-align-center"><span><span class="aok-relative"><span
        class="a-size-small a-color-secondary aok-align-center basisPrice">{s["was"]} <span
        class="a-price a-text-price" data-a-size="s" data-a-strike="true" data-a-color="secondary"><span
        class="a-offscreen">{strike}</span><span aria-hidden="true">{strike}</span></span></span></span></span></div>"""
        if strike
        else ""
    )
    saving = (
        f'<span class="a-size-large a-color-price savingPriceOverride aok-align-center reinventPriceSavingsPercentage'
        f'Margin savingsPercentage">{pct}</span>'
        if pct
        else ""
    )
    return f"""<div id="corePriceDisplay_desktop_feature_div" class="celwidget"><div class="a-section a-spacing-none
      aok-align-center aok-relative">{saving}<span class="a-price aok-align-center reinventPricePriceToPayMargin
      priceToPay" data-a-size="xl" data-a-color="base"><span class="a-offscreen">{now}</span><span aria-hidden="true">
      <span class="a-price-symbol">{symbol}</span><span class="a-price-whole">{whole}<span
      class="a-price-decimal">.</span></span>{frac}</span></span></div>{was}</div>"""


def amz_card(name: str, shown: str) -> str:
    return f"""<li class="a-carousel-card"><div class="sp_offerVertical p13n-asin sp_ltr_offer"><a class="a-link-normal"
      href="/sspa/click?ie=UTF8&amp;spc=MTo"><img alt="{name}" src="https://m.media-amazon.com/images/I/61x.jpg"
      height="160"><div class="sponsored-products-truncator-truncate">{name}</div></a><div class="a-row"><span
      class="a-size-mini a-color-secondary">Sponsored</span></div><div class="a-row"><a class="a-link-normal"
      href="/dp/B0X"><span class="a-price" data-a-size="m"><span class="a-offscreen">{shown}</span><span
      aria-hidden="true">{shown}</span></span></a></div></div></li>"""


AMZ_EN = {
    "was": "M.R.P.:",
    "cart": "Cart",
    "add": "Add to Cart",
    "buy": "Buy Now",
    "related": "Products related to this item",
    "taxes": "Inclusive of all taxes",
    "asin": "ASIN",
    "store": "Visit the boAt Store",
}
AMZ_AR = {
    "was": "السعر السابق:",
    "cart": "عربة التسوق",
    "add": "إضافة إلى عربة التسوق",
    "buy": "الشراء الآن",
    "related": "منتجات ذات صلة بهذا المنتج",
    "taxes": "جميع الأسعار تشمل ضريبة القيمة المضافة.",
    "asin": "رقم ASIN",
    "store": "زيارة متجر Samsung",
}


def amz_page(
    *,
    lang: str = "en-in",
    name: str,
    price_html: str,
    availability: str,
    buyable: bool,
    asin: str,
    cards: str,
    extra: str = "",
    s: dict[str, str] | None = None,
    dir_: str = "ltr",
) -> str:
    s = s or AMZ_EN
    buttons = (
        f"""<div id="addToCart_feature_div"><span class="a-button a-spacing-small a-button-primary
        a-button-icon natc-enabled" id="a-autoid-1"><span class="a-button-inner"><input id="add-to-cart-button"
        name="submit.add-to-cart" title="{s["add"]}" class="a-button-input" type="submit" value="{s["add"]}"
        aria-labelledby="submit.add-to-cart-announce"><span id="submit.add-to-cart-announce"
        class="a-button-text">{s["add"]}</span></span></span></div><div id="buyNow_feature_div"><span
        class="a-button a-button-oneclick"><span class="a-button-inner"><input id="buy-now-button"
        name="submit.buy-now" class="a-button-input" type="submit" title="{s["buy"]}"><span
        id="submit.buy-now-announce" class="a-button-text">{s["buy"]}</span></span></span></div>"""
        if buyable
        else """<div id="outOfStock" class="a-box a-alert-inline"><div class="a-box-inner">
        <span class="a-declarative"><a href="/gp/offer-listing/" class="a-button-text">See All Buying Options</a>
        </span></div></div>"""
    )
    body = f"""<header id="navbar-main" class="nav-opt-sprite nav-flex" dir="{dir_}"><div id="navbar"><div
      id="nav-belt"><div class="nav-left"><div id="nav-logo"><a href="/ref=nav_logo" id="nav-logo-sprites"
      class="nav-logo-link nav-progressive-attribute" aria-label="Amazon"><span class="nav-sprite
      nav-logo-base"></span></a></div></div><div class="nav-fill"><div id="nav-search"><form id="nav-search-bar-form"
      action="/s/ref=nb_sb_noss" role="search"><input type="text" id="twotabsearchtextbox" name="field-keywords"
      placeholder="Search Amazon"></form></div></div><div class="nav-right"><a href="/gp/cart/view.html?ref_=nav_cart"
      aria-label="0 items in cart" class="nav-a nav-a-2 nav-progressive-attribute" id="nav-cart"><div
      id="nav-cart-count-container"><span id="nav-cart-count" aria-hidden="true" class="nav-cart-count
      nav-cart-0">0</span></div><div id="nav-cart-text-container"><span class="nav-line-2">{s["cart"]}</span></div>
      </a></div></div></div></header>
      <div id="dp" class="electronics" dir="{dir_}"><div id="dp-container" class="a-container" role="main">
      <div id="wayfinding-breadcrumbs_feature_div"><ul class="a-unordered-list a-horizontal a-size-small"><li><span
      class="a-list-item"><a class="a-link-normal a-color-tertiary" href="/electronics/b">Electronics</a></span></li>
      <li class="a-breadcrumb-divider"><span class="a-list-item a-color-tertiary">&rsaquo;</span></li><li><span
      class="a-list-item"><a class="a-link-normal a-color-tertiary" href="/b?node=1388921031">Headphones</a></span>
      </li></ul></div>
      <div id="ppd"><div id="leftCol"><div id="imageBlock"><div id="main-image-container"><img alt="{name}"
      src="https://m.media-amazon.com/images/I/61u48FEsQKL._SX679_.jpg" id="landingImage"
      data-old-hires="https://m.media-amazon.com/images/I/61u48FEsQKL._SL1500_.jpg"></div></div></div>
      <div id="centerCol" class="centerColAlign"><div id="title_feature_div"><div id="titleSection"><h1 id="title"
      class="a-size-large a-spacing-none"><span id="productTitle" class="a-size-large product-title-word-break">
      {name}       </span></h1></div></div>
      <div id="bylineInfo_feature_div"><a id="bylineInfo" class="a-link-normal" href="/stores/page/1">{s["store"]}</a>
      </div><div id="averageCustomerReviews"><span class="a-icon-alt">4.1 out of 5 stars</span> <span
      id="acrCustomerReviewText" class="a-size-base">1,02,338 ratings</span></div><hr>
      {price_html}
      <div id="taxInclusiveMessage_feature_div"><span class="a-size-small">{s["taxes"]}</span></div>
      {extra}
      <div id="feature-bullets" class="a-section a-spacing-medium a-spacing-top-small"><ul class="a-unordered-list
      a-vertical a-spacing-mini"><li><span class="a-list-item">Up to 40 hours of playback.</span></li></ul></div>
      </div>
      <div id="rightCol"><div id="buybox"><div id="deliveryBlockMessage"><span data-csa-c-type="element"
      data-csa-c-delivery-price="FREE">FREE delivery <span class="a-text-bold">Sunday, 7 December</span>.</span>
      </div><div id="availability" class="a-section a-spacing-base">
      <span class="a-size-medium a-color-{"success" if buyable else "price"}">{availability}</span></div>
      <div id="selectQuantity"><label for="quantity">Quantity:</label><select name="quantity" id="quantity">
      <option value="1" selected>1</option></select></div>{buttons}</div></div></div>
      <div id="sp_detail" class="a-carousel-container"><h2 class="a-carousel-heading">{s["related"]}</h2><ol
      class="a-carousel" role="list">{cards}</ol></div>
      <div id="detailBullets_feature_div"><ul class="a-unordered-list a-nostyle a-vertical detail-bullet-list"><li><span
      class="a-list-item"><span class="a-text-bold">{s["asin"]} &rlm; : &lrm; </span><span>{asin}</span></span></li>
      <li><span class="a-list-item"><span class="a-text-bold">Item model number &rlm; : &lrm; </span><span>Rockerz
      450</span></span></li></ul></div>
      </div></div>
      <div id="navFooter" class="navLeftFooter nav-sprite-v1"><div class="navFooterLine"><a href="/gp/help/customer/
      display.html" class="nav_a">Help</a></div><div class="navFooterCopyright"><span>&copy; 1996-2026, Amazon.com,
      Inc. or its affiliates</span></div></div>"""
    return page(lang, f"{name} : Amazon.in: Electronics", body)


AMZ_IN_CARDS = amz_card("boAt Airdopes 141", "₹1,099.00") + amz_card("JBL Tune 510BT", "₹3,499.00")
AMZ_IN_NAME = "boAt Rockerz 450 Bluetooth On Ear Headphones with Mic, Upto 15 Hours Playback (Luscious Black)"
AMZ_IN_URL = "https://www.amazon.in/boAt-Rockerz-450-Bluetooth-Headphones/dp/B07PR1CL3S/ref=sr_1_3"
AMZ_IN_EMI = """<div id="emiBanner_feature_div"><span class="a-size-base">EMI starts at ₹71. No Cost EMI available
  <a href="#">EMI options</a></span></div><div id="vsxoffers_feature_div"><h5>Offers</h5><div class="a-carousel-card">
  <h6 class="offers-items-title">Bank Offer</h6><span class="a-truncate-full">Upto ₹250.00 discount on select Credit
  Cards</span></div><div class="a-carousel-card"><h6 class="offers-items-title">Cashback</h6><span
  class="a-truncate-full">Upto ₹44.00 cashback as Amazon Pay Balance</span></div></div>"""
AMZ_AE_URL = "https://www.amazon.ae/-/ar/dp/B0CMDRCZBJ/ref=sr_1_1"
AMZ_SA_URL = "https://www.amazon.sa/-/ar/dp/B0CMDRCZBJ"
AMZ_AR_NAME = "سامسونج سماعات جالكسي بودز FE لاسلكية، جرافيت"
AMZ_AR_CARDS = amz_card("سماعات أنكر ساوندكور", "١٤٩٫٠٠ درهم") + amz_card("سماعات جي بي ال", "٢٩٩٫٠٠ درهم")

AMAZON = [
    pytest.param(
        amz_page(
            name=AMZ_IN_NAME,
            price_html=amz_price("₹1,299.00", "₹", "1,299", strike="₹3,990", pct="-67%"),
            availability="In stock",
            buyable=True,
            asin="B07PR1CL3S",
            cards=AMZ_IN_CARDS,
            extra=AMZ_IN_EMI,
        ),
        AMZ_IN_URL,
        Shown(AMZ_IN_NAME, "1299", "INR", "3990", "InStock", "B07PR1CL3S"),
        id="amazon-in-deal-mrp",
    ),
    pytest.param(
        amz_page(
            name=AMZ_IN_NAME,
            price_html=amz_price("₹1,299.00", "₹", "1,299"),
            availability="Only 2 left in stock.",
            buyable=True,
            asin="B07PR1CL3S",
            cards=AMZ_IN_CARDS,
        ),
        AMZ_IN_URL,
        Shown(AMZ_IN_NAME, "1299", "INR", None, "InStock", "B07PR1CL3S"),
        id="amazon-in-regular-few-left",
    ),
    pytest.param(
        # a currently unavailable item: Amazon shows no price in the buy box at all, only the carousel's prices
        amz_page(
            name=AMZ_IN_NAME,
            price_html="",
            availability="Currently unavailable.<br>We don't know when or if this item will be back in stock.",
            buyable=False,
            asin="B07PR1CL3S",
            cards=AMZ_IN_CARDS,
        ),
        AMZ_IN_URL,
        Shown(AMZ_IN_NAME, NO_PRICE, "", None, "OutOfStock", "B07PR1CL3S"),
        id="amazon-in-currently-unavailable-no-price",
    ),
    pytest.param(
        # grocery: the unit price sits beside the price to pay, "(₹56.25 / 100 g)"
        amz_page(
            name="Tata Tea Gold, 500g",
            price_html=amz_price("₹281.25", "₹", "281", "25", strike="₹330", pct="-15%")
            + '<span class="a-size-mini aok-offscreen"> ₹56.25 per 100 g </span><span aria-hidden="true">'
            "(₹56.25<span> /</span>100 g)</span>",
            availability="In stock",
            buyable=True,
            asin="B00KFZF3T2",
            cards=AMZ_IN_CARDS,
        ),
        "https://www.amazon.in/Tata-Tea-Gold-500g/dp/B00KFZF3T2",
        Shown("Tata Tea Gold, 500g", "281.25", "INR", "330", "InStock", "B00KFZF3T2"),
        id="amazon-in-grocery-unit-price",
    ),
    pytest.param(
        # amazon.ae in Arabic: Eastern Arabic digits and the "درهم" word, right to left
        amz_page(
            lang="ar-ae",
            name=AMZ_AR_NAME,
            price_html=amz_price("٣٤٩٫٠٠ درهم", "درهم", "٣٤٩", "٠٠", strike="٥٤٩٫٠٠ درهم", pct="-٣٦٪", s=AMZ_AR),
            availability="متوفر",
            buyable=True,
            asin="B0CMDRCZBJ",
            cards=AMZ_AR_CARDS,
            s=AMZ_AR,
            dir_="rtl",
        ),
        AMZ_AE_URL,
        Shown(AMZ_AR_NAME, "349.00", "AED", "549.00", "InStock", "B0CMDRCZBJ"),
        id="amazon-ae-ar-sale",
    ),
    pytest.param(
        amz_page(
            lang="ar-sa",
            name=AMZ_AR_NAME,
            price_html="",
            availability="غير متوفر حاليًا.<br>لا نعرف متى أو إذا كان هذا المنتج سيعود إلى المخزون.",
            buyable=False,
            asin="B0CMDRCZBJ",
            cards=amz_card("سماعات أنكر", "ريال149.00") + amz_card("سماعات جي بي ال", "ريال299.00"),
            s=AMZ_AR,
            dir_="rtl",
        ),
        AMZ_SA_URL,
        Shown(AMZ_AR_NAME, NO_PRICE, "", None, "OutOfStock", "B0CMDRCZBJ"),
        id="amazon-sa-ar-currently-unavailable",
    ),
    pytest.param(
        amz_page(
            lang="ar-sa",
            name=AMZ_AR_NAME,
            price_html=amz_price("ريال299.00", "ريال", "299", "00", s=AMZ_AR),
            availability="متوفر",
            buyable=True,
            asin="B0CMDRCZBJ",
            cards=amz_card("سماعات أنكر", "ريال149.00") + amz_card("سماعات جي بي ال", "ريال349.00"),
            s=AMZ_AR,
            dir_="rtl",
        ),
        AMZ_SA_URL,
        Shown(AMZ_AR_NAME, "299.00", "SAR", None, "InStock", "B0CMDRCZBJ"),
        id="amazon-sa-ar-regular-riyal-word",
    ),
]


# ---------------------------------------------------------------- Flipkart
# Written from memory of the desktop product page (React, hashed class names that change with each build): a header
# with the search box and "Cart" link, a breadcrumb row, the title span inside h1, the "Special price" label over the
# price block (div "Nx9bqj CxhGGd" with the price, "yRaY8j" with the struck MRP, "UkUFwK" with "48% off"), the
# available-offers list ("Bank Offer ... ₹1,000 off"), the delivery pincode block, "ADD TO CART" / "BUY NOW" buttons,
# or "Sold Out" / "Currently Unavailable" text with a "NOTIFY ME" button; "Similar Products" carousel with prices.
# Flipkart sends a JSON-LD block (script#jsonLD) with the Product and its Offer and a BreadcrumbList.


def fk_page(
    *,
    name: str,
    price: str,
    mrp: str = "",
    off: str = "",
    state: str = "buy",
    markup: dict[str, Any] | None = None,
    variants: str = "",
) -> str:
    struck = (
        f'<div class="yRaY8j A6+E6v">{mrp}</div><div class="UkUFwK WW8yVX dB67CR"><span>{off}</span></div>'
        if mrp
        else ""
    )
    if state == "buy":
        buttons = """<ul class="row"><li class="col col-6-12"><button class="QqFHMw vslbG+ In9uk2"><svg
          class="V3Dp-t"></svg>ADD TO CART</button></li><li class="col col-6-12"><form><button class="QqFHMw vslbG+
          _3Yl67G _7Pd1Fp" type="button"><span class="z-Fhhz"></span>BUY NOW</button></form></li></ul>"""
        status = ""
    else:
        label = "Sold Out" if state == "sold" else "Currently Unavailable"
        status = f"""<div class="Z8JjpR">{label}</div><div class="ZvtMJt">This item is currently out of stock</div>"""
        buttons = """<ul class="row"><li class="col col-12-12"><button class="QqFHMw _2P4c0X">NOTIFY ME</button></li>
          </ul>"""
    body = f"""<div id="container"><div class="_1TmfNK"><header class="_2NhoPJ"><div class="_3qX0zy"><a
      href="/" title="Flipkart"><img src="https://static-assets-web.flixcart.com/fk-p-linchpin-web/fk-cp-zion/img/
      flipkart-plus_8d85f4.png" width="75" alt="Flipkart"></a><form class="header-form-search" action="/search"><input
      class="Pke_EE" type="text" title="Search for Products, Brands and More" name="q"></form><a class="_3RX0a-"
      href="/viewcart?exploreMode=true"><span>Cart</span></a></div></header></div>
      <div class="_39kFie N3De93 JxFEK3 _48O0EI"><div class="DOjaWF YJG4Cf"><div class="DOjaWF gdgoEp col-5-12
      MfqIAz"><div class="_8id3KM"><img loading="eager" class="DByuf4 IZexXJ jLEJ7H" alt="{name}"
      src="https://rukminim2.flixcart.com/image/416/416/xif0q/mobile/a/b/c/-original-imagtc2qzgnnuhxh.jpeg"></div>
      </div><div class="DOjaWF gdgoEp col-8-12"><div class="DOjaWF gdgoEp"><div class="r2CdBx"><div class="_7dPnhA">
      <div class="r2CdBx"><a class="R0cyWM" href="/">Home</a><svg></svg></div><div class="r2CdBx"><a class="R0cyWM"
      href="/mobiles-accessories/pr">Mobiles &amp; Accessories</a></div><div class="r2CdBx"><a class="R0cyWM"
      href="/mobiles/pr">Mobiles</a></div></div></div>
      <div class="C7fEHH"><div class=""><h1 class="_6EBuvT"><span class="VU-ZEz">{name}</span></h1></div>
      <div class="_5OesEi"><span class="Y1HWO0"><div class="XQDdHH">4.4<img></div></span><span class="Wphh3N"><span>
      <span>1,24,567 Ratings&nbsp;</span><span>&amp;</span><span>&nbsp;6,873 Reviews</span></span></span></div>
      <div class="x+7QT1"><div class="UOCQB1"><div class="_2lX4N0">Special price</div></div><div class="hl05eU"><div
      class="Nx9bqj CxhGGd">{price}</div>{struck}</div></div>{status}
      <div class="I4FUUH"><div class="_3rrFQu">Available offers</div><li class="kF1Ml8 col"><span class="ynXjOy">Bank
      Offer</span><span>5% Unlimited Cashback on Flipkart Axis Bank Credit Card</span></li><li class="kF1Ml8 col"><span
      class="ynXjOy">Special Price</span><span>Get extra ₹1,000 off (price inclusive of cashback/coupon)</span></li>
      </div>{variants}
      <div class="Gyc2xx"><div class="Bg1YwE">Delivery</div><div class="hVvnXm">Delivery by 6 Dec, Saturday | <span
      class="Y8v7Fl">₹40</span> Free</div></div>
      <div class="_2cwPmm">{buttons}</div></div></div></div></div>
      <div class="_1YokD2 _2GoDe3"><div class="_2CXBSi">Similar Products</div><div class="_3hNnPz"><a class="CGtC98"
      href="/redmi-13c/p/itm1"><div class="KzDlHZ">REDMI 13C (Starshine Green, 128 GB)</div><div
      class="Nx9bqj _4b5DiR">₹7,999</div><div class="yRaY8j ZYYwLA">₹10,999</div></a><a class="CGtC98"
      href="/poco-c65/p/itm2"><div class="KzDlHZ">POCO C65 (Pastel Blue, 128 GB)</div><div class="Nx9bqj
      _4b5DiR">₹6,799</div></a></div></div>
      <footer class="_1LjrNP"><div class="_1ZMrY_">&copy; 2007-2026 Flipkart.com</div></footer></div>"""
    return page("en", f"{name} Price in India - Buy Online", body, jsonld(markup) if markup else "")


def fk_markup(name: str, price: int, availability: str) -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": name,
        "image": "https://rukminim2.flixcart.com/image/416/416/xif0q/mobile/a/b/c/-original-imagtc2qzgnnuhxh.jpeg",
        "brand": {"@type": "Brand", "name": "SAMSUNG"},
        "offers": {
            "@type": "Offer",
            "price": price,
            "priceCurrency": "INR",
            "availability": f"https://schema.org/{availability}",
        },
        "aggregateRating": {"@type": "AggregateRating", "ratingValue": 4.4, "reviewCount": 124567},
    }


FK_NAME = "SAMSUNG Galaxy M35 5G (Moonlight Blue, 128 GB) (6 GB RAM)"
FK_URL = "https://www.flipkart.com/samsung-galaxy-m35-5g-moonlight-blue-128-gb/p/itm4a9b0c1d2e3f4?pid=MOBHY7GZZ7HGT6KR"
FK_STORAGE = """<div class="_22QfJJ"><span class="_1NLnx6">Storage</span><ul class="hSEbzK"><li class="aJWdJI"
  id="swatch-0-storage"><a class="CDDksN zmLe5G dpZEpc" href="/samsung-galaxy-m35/p/itm1?pid=MOBHY7GZZ7HGT6KR">128 GB
  </a></li><li class="aJWdJI" id="swatch-1-storage"><a class="CDDksN zmLe5G" href="/samsung-galaxy-m35/p/itm2?pid=
  MOBHY7GZXTNKZZKE">256 GB</a></li></ul></div>"""

FLIPKART = [
    pytest.param(
        fk_page(
            name=FK_NAME,
            price="₹14,999",
            mrp="₹24,499",
            off="38% off",
            markup=fk_markup(FK_NAME, 14999, "InStock"),
            variants=FK_STORAGE,
        ),
        FK_URL,
        Shown(FK_NAME, "14999", "INR", "24499", "InStock"),
        id="flipkart-special-price-jsonld",
    ),
    pytest.param(
        fk_page(name=FK_NAME, price="₹14,999", mrp="₹24,499", off="38% off", variants=FK_STORAGE),
        FK_URL,
        Shown(FK_NAME, "14999", "INR", "24499", "InStock"),
        id="flipkart-special-price-visible",
    ),
    pytest.param(
        fk_page(
            name=FK_NAME,
            price="₹14,999",
            mrp="₹24,499",
            off="38% off",
            state="sold",
            markup=fk_markup(FK_NAME, 14999, "OutOfStock"),
        ),
        FK_URL,
        Shown(FK_NAME, "14999", "INR", "24499", "OutOfStock"),
        id="flipkart-sold-out-jsonld",
    ),
    pytest.param(
        fk_page(name=FK_NAME, price="₹16,499", state="unavailable"),
        FK_URL,
        Shown(FK_NAME, "16499", "INR", None, "OutOfStock"),
        id="flipkart-currently-unavailable-visible",
    ),
]


# ---------------------------------------------------------------- Tokopedia
# Written from memory of the desktop PDP (Emotion css-xxxx classes, stable data-testid attributes): header with the
# search bar and the cart icon link, breadcrumb ol (data-testid lnkPDPDetailBreadcrumb), h1 lblPDPDetailProductName,
# "Terjual 1 rb+" sold count and the rating, div.price lblPDPDetailProductPrice, then lblPDPDetailDiscountPercentage
# "20%" beside the struck lblPDPDetailOriginalPrice, the variant chips ("Pilih warna: Hitam"), the right-hand order
# card ("Atur jumlah dan catatan", "Stok: 12" or "Stok Habis", Subtotal, "+ Keranjang" and "Beli Langsung" buttons),
# shop info, "Lainnya di toko ini" carousel. Tokopedia sends a JSON-LD Product with an Offer in IDR.


def toko_page(
    *,
    name: str,
    price: str,
    original: str = "",
    pct: str = "",
    stock: str = "Stok: <b>12</b>",
    buyable: bool = True,
    variants: str = "",
    markup: dict[str, Any] | None = None,
) -> str:
    discount = (
        f"""<div class="css-1fd1ekz"><span class="css-1gfmnhr" data-testid="lblPDPDetailDiscountPercentage">{pct}</span>
        <span class="css-1dzl06k" data-testid="lblPDPDetailOriginalPrice">{original}</span></div>"""
        if original
        else ""
    )
    buttons = (
        """<button class="css-1m3bw0z-unf-btn e1ggruw00" data-testid="pdpBtnNormalPrimary"><span>+ Keranjang</span>
        </button><button class="css-5ro9ya-unf-btn e1ggruw00" data-testid="pdpBtnNormalSecondary"><span>Beli
        Langsung</span></button>"""
        if buyable
        else """<button class="css-1m3bw0z-unf-btn e1ggruw00" disabled data-testid="pdpBtnNormalPrimary"><span>
        Stok Habis</span></button><button class="css-5ro9ya-unf-btn" data-testid="pdpBtnReminder"><span>Ingatkan
        Saya</span></button>"""
    )
    body = f"""<div id="zeus-root"><header class="css-1ydcp9e"><nav class="css-1e2jg4y"><a href="/"
      data-testid="icnHeaderIcon" aria-label="Tokopedia"><img src="https://assets.tokopedia.net/assets-tokopedia-lite/
      v2/zeus/kratos/logo.svg" alt="tokopedia-logo"></a><div class="css-1ll2wkz"><input type="search"
      aria-label="Cari di Tokopedia" placeholder="Cari di Tokopedia"></div><a href="/cart"
      data-testid="btnHeaderCart" aria-label="Keranjang"><span class="css-1ydcp9e">3</span></a></nav></header>
      <main><ol class="css-60knpe" data-testid="lnkPDPDetailBreadcrumb"><li><a href="/">Home</a></li><li><a
      href="/p/fashion-pria">Fashion Pria</a></li><li><a href="/p/fashion-pria/sepatu-pria">Sepatu Pria</a></li>
      <li>{name}</li></ol>
      <div class="css-1xzxp5u"><div class="css-1k04i9x" data-testid="PDPImageMain"><img alt="{name}"
      src="https://images.tokopedia.net/img/cache/500-square/VqbcmM/2025/3/12/a1b2c3.jpg"></div>
      <div class="css-856ghu" id="pdp_comp-product_content"><h1 class="css-1os9jjn"
      data-testid="lblPDPDetailProductName">{name}</h1><div class="css-bczdt6"><p class="css-vni7t6-unf-heading"
      data-testid="lblPDPDetailProductSoldCounter">Terjual 1 rb+</p><span data-testid="lblPDPDetailProductRatingNumber"
      >4.9</span> <span>(312 rating)</span></div>
      <div class="price" data-testid="lblPDPDetailProductPrice">{price}</div>{discount}
      <div class="css-1t9fh9i" data-testid="pdpVariantContainer">{variants}</div>
      <div data-testid="lblPDPDescriptionProduk">Sepatu lari ringan, sol karet.</div></div>
      <div class="css-1ktbh56" data-testid="PDPOrderCard"><p class="css-1j9yf1g">Atur jumlah dan catatan</p><div
      class="css-1yzzchx"><input data-testid="quantityEditor" value="1" aria-label="Jumlah"><p
      data-testid="stock-label">{stock}</p></div><div class="css-bnqgc7"><p>Subtotal</p><div
      class="css-4b6ae9">{price}</div></div>{buttons}</div></div>
      <div data-testid="pdpShopCredibility"><h2>Sneakers Official Store</h2><p>Jakarta Barat</p></div>
      <section data-testid="pdpRecomSection"><h2>Lainnya di toko ini</h2><div class="css-1oph3zj"><a
      href="/sneakersofficial/sepatu-slip-on"><div class="prd_link-product-name">Sepatu Slip On Canvas</div><div
      class="prd_link-product-price">Rp89.000</div><div class="prd_label-product-slash-price">Rp120.000</div></a><a
      href="/sneakersofficial/kaos-kaki"><div class="prd_link-product-name">Kaos Kaki Sport 3 Pasang</div><div
      class="prd_link-product-price">Rp25.000</div></a></div></section></main>
      <footer><p>&copy; 2009-2026, PT Tokopedia</p></footer></div>"""
    head = jsonld(markup) if markup else ""
    return page("id", f"Jual {name} - Sneakers Official Store | Tokopedia", body, head)


def toko_markup(name: str, price: str, availability: str) -> dict[str, Any]:
    return {
        "@context": "http://schema.org/",
        "@type": "Product",
        "name": name,
        "url": TOKO_URL,
        "image": "https://images.tokopedia.net/img/cache/500-square/VqbcmM/2025/3/12/a1b2c3.jpg",
        "aggregateRating": {"@type": "AggregateRating", "ratingValue": "4.9", "ratingCount": "312"},
        "offers": {
            "@type": "Offer",
            "price": price,
            "priceCurrency": "IDR",
            "availability": f"http://schema.org/{availability}",
        },
    }


TOKO_NAME = "Sepatu Lari Pria Aerostreet Hoops Runner Hitam"
TOKO_URL = "https://www.tokopedia.com/sneakersofficial/sepatu-lari-pria-aerostreet-hoops-runner-hitam"
TOKO_VARIANTS = """<p class="css-1k9fxvt">Pilih ukuran: <span>42</span></p><div class="css-hayuji"><button
  data-testid="btnVariantChip40" class="css-1ot3o1l">40</button><button data-testid="btnVariantChip42"
  class="css-1ot3o1l active" aria-pressed="true">42</button><button data-testid="btnVariantChip44" disabled
  class="css-1ot3o1l">44</button></div>"""

TOKOPEDIA = [
    pytest.param(
        toko_page(name=TOKO_NAME, price="Rp159.900", markup=toko_markup(TOKO_NAME, "159900", "InStock")),
        TOKO_URL,
        Shown(TOKO_NAME, "159900", "IDR", None, "InStock"),
        id="tokopedia-regular-jsonld",
    ),
    pytest.param(
        toko_page(name=TOKO_NAME, price="Rp159.900", original="Rp199.900", pct="20%", variants=TOKO_VARIANTS),
        TOKO_URL,
        Shown(TOKO_NAME, "159900", "IDR", "199900", "InStock"),
        id="tokopedia-discount-variant-visible",
    ),
    pytest.param(
        toko_page(
            name=TOKO_NAME,
            price="Rp159.900",
            original="Rp199.900",
            pct="20%",
            markup=toko_markup(TOKO_NAME, "159900", "InStock"),
        ),
        TOKO_URL,
        Shown(TOKO_NAME, "159900", "IDR", "199900", "InStock"),
        id="tokopedia-discount-jsonld",
    ),
    pytest.param(
        toko_page(name=TOKO_NAME, price="Rp159.900", stock="Stok <b>Habis</b>", buyable=False),
        TOKO_URL,
        Shown(TOKO_NAME, "159900", "IDR", None, "OutOfStock"),
        id="tokopedia-stok-habis-visible",
    ),
]


# ---------------------------------------------------------------- Shopee (shopee.co.id, shopee.vn, shopee.co.th)
# Written from memory of the desktop item page as rendered (React, short hashed class names that change between
# builds): header with the search bar and the cart drawer link (aria-label with the item count), breadcrumb, the
# title (a plain div/span in recent builds, h1 in some), rating / "10RB+ Terjual" sold count, the price section
# (struck original in one div, current price or a "Rp25.000 - Rp40.000" range before a variant is chosen, "-50%"
# badge), "Voucher Toko" chips, shipping ("Gratis Ongkir"), variant buttons (aria-disabled on sold-out ones,
# "selection-box-selected"), quantity with "tersisa 120 buah" stock, "masukkan keranjang" / "beli sekarang" buttons,
# "Habis" when sold out; shop block; "Produk lainnya dari toko ini" cards. Shopee sends a JSON-LD Product whose
# offers are an Offer, or an AggregateOffer with lowPrice/highPrice for products with variants at several prices.

SHOPEE_ID = {
    "lang": "id",
    "cart": "0 barang di keranjang",
    "sold": "Terjual",
    "voucher": "Voucher Toko",
    "voucher_value": "Diskon Rp5RB",
    "ship": "Gratis Ongkir",
    "qty": "Kuantitas",
    "left": "tersisa 120 buah",
    "add": "masukkan keranjang",
    "buy": "beli sekarang",
    "out": "Habis",
    "more": "PRODUK LAINNYA DARI TOKO INI",
    "variant": "Warna",
}
SHOPEE_VN = {
    "lang": "vi",
    "cart": "0 sản phẩm trong giỏ hàng",
    "sold": "Đã Bán",
    "voucher": "Mã Giảm Giá Của Shop",
    "voucher_value": "Giảm ₫10k",
    "ship": "Miễn phí vận chuyển",
    "qty": "Số Lượng",
    "left": "1.204 sản phẩm có sẵn",
    "add": "Thêm Vào Giỏ Hàng",
    "buy": "Mua Ngay",
    "out": "Hết hàng",
    "more": "CÁC SẢN PHẨM KHÁC CỦA SHOP",
    "variant": "Màu sắc",
}
SHOPEE_TH = {
    "lang": "th",
    "cart": "0 รายการในรถเข็น",
    "sold": "ขายแล้ว",
    "voucher": "โค้ดส่วนลดของร้าน",
    "voucher_value": "ลด ฿20",
    "ship": "ส่งฟรี",
    "qty": "จำนวน",
    "left": "มีสินค้าทั้งหมด 86 ชิ้น",
    "add": "เพิ่มไปยังรถเข็น",
    "buy": "ซื้อสินค้า",
    "out": "สินค้าหมด",
    "more": "สินค้าอื่นๆ ของร้านนี้",
    "variant": "สี",
}


def shopee_page(
    *,
    s: dict[str, str],
    name: str,
    price: str,
    original: str = "",
    pct: str = "",
    sold_out: bool = False,
    variants: tuple[tuple[str, bool, bool], ...] = (),
    cards: tuple[tuple[str, str], ...] = (),
    markup: dict[str, Any] | None = None,
) -> str:
    struck = f'<div class="ZA5sW5">{original}</div>' if original else ""
    badge = f'<div class="vms4_3">{pct}</div>' if pct else ""
    chips = "".join(
        f"""<button class="sApkZm{" selection-box-selected" if chosen else ""}" aria-label="{label}"
        aria-disabled="{"true" if off else "false"}">{label}</button>"""
        for label, chosen, off in variants
    )
    variant_html = (
        f"""<section class="flex items-center"><h2 class="Dagtcd">{s["variant"]}</h2><div
        class="flex items-center j7HL5Q">{chips}</div></section>"""
        if variants
        else ""
    )
    if sold_out:
        buy = f"""<div class="flex items-center"><div class="XaTSVf">{s["out"]}</div></div><div class="PMuAq5"><button
          type="button" class="btn btn-tinted btn--l YuENex" aria-disabled="true" disabled>{s["add"]}</button><button
          type="button" class="btn btn-solid-primary btn--l YuENex" aria-disabled="true" disabled>{s["buy"]}</button>
          </div>"""
    else:
        buy = f"""<section class="flex items-center"><h2 class="Dagtcd">{s["qty"]}</h2><div class="flex
          items-center"><button aria-label="Decrease">-</button><input class="shopee-input-quantity" type="text"
          role="spinbutton" aria-valuenow="1" value="1"><button aria-label="Increase">+</button><div>{s["left"]}</div>
          </div></section><div class="PMuAq5"><button type="button" class="btn btn-tinted btn--l YuENex"
          aria-disabled="false"><span>{s["add"]}</span></button><button type="button" class="btn btn-solid-primary
          btn--l YuENex" aria-disabled="false">{s["buy"]}</button></div>"""
    card_html = "".join(
        f"""<div class="shopee-search-item-result__item"><a href="/{n.replace(" ", "-")}-i.4412.{i}"><div
        class="line-clamp-2 break-words">{n}</div><div class="truncate flex items-baseline"><span
        class="font-medium text-base/5 truncate">{p}</span></div><div class="text-shopee-black87 text-xs">
        {s["sold"]} 1,2RB</div></a></div>"""
        for i, (n, p) in enumerate(cards)
    )
    body = f"""<div id="main"><div class="shopee-top"><header class="shopee-header"><a class="header-with-search__logo"
      href="/" aria-label="Shopee"><svg class="shopee-svg-icon icon-shopee-logo"></svg></a><form role="search"
      class="shopee-searchbar"><input class="shopee-searchbar-input__input" maxlength="128" aria-label="search"
      placeholder="Shopee"></form><div class="shopee-cart-wrapper"><a class="cart-drawer flex v-center" href="/cart"
      aria-label="{s["cart"]}"><svg class="shopee-svg-icon navbar__link-icon icon-shopping-cart-2"></svg></a>
      </div></header></div>
      <div class="container"><div class="flex items-center idLK2l page-product__breadcrumb"><a class="EtYbJs"
      href="/">Shopee</a><svg></svg><a class="EtYbJs" href="/Elektronik-cat.11044">Elektronik</a><svg></svg><span
      class="Tfhl5c">{name}</span></div>
      <section class="flex flex-auto YTDXQ0"><section class="flex flex-column"><div class="flex xxW0BG"><div
      class="UdI7e2"><picture><img class="IMAW1w" alt="{name}" src="https://down-id.img.susercontent.com/file/
      id-11134207-7r98o-lxf3x9.webp"></picture></div></div></section>
      <section class="flex flex-auto RBf1cu"><div class="flex-auto flex-column swTqJe"><div class="WBVL_7"><h1
      class="vR6K3w">{name}</h1></div><div class="flex X5u-5c"><button class="flex e2p50f"><div class="F9RHbS
      dQEiAI">4.9</div></button><button class="flex e2p50f"><div class="F9RHbS">2,1RB</div><div
      class="x1i_He">Penilaian</div></button><div class="flex aleSBU"><span class="AcmPRb">10RB+</span><span
      class="ZmQgNb">{s["sold"]}</span></div></div>
      <div class="flex flex-column"><section aria-live="polite"><div class="flex items-center"><div
      class="flex items-center">{struck}<div class="IZPeQz B67UQ0">{price}</div>{badge}</div></div></section></div>
      <div class="flex flex-column"><section class="flex items-center"><h2 class="Dagtcd">{s["voucher"]}</h2>
      <div class="voucher-ticket">{s["voucher_value"]}</div></section><section class="flex items-center"><h2
      class="Dagtcd">Pengiriman</h2><div>{s["ship"]}</div></section>{variant_html}{buy}</div></div></section>
      </section>
      <section class="page-product__shop"><div class="fV3TIn">Xiaomi Official Store</div><div>Aktif 5 menit lalu
      </div></section>
      <div class="page-product__content"><div class="product-detail"><h2 class="WjROdI">Spesifikasi Produk</h2><div
      class="Gf4Ro0">Garansi resmi 1 tahun.</div></div></div>
      <div class="shop-other-products"><div class="shopee-header-section__header__title">{s["more"]}</div><div
      class="shopee-header-section__content">{card_html}</div></div></div>
      <footer class="shopee-footer"><div>&copy; 2026 Shopee. Hak Cipta Dilindungi</div></footer></div>"""
    head = jsonld(markup) if markup else ""
    return page(s["lang"], f"Jual {name} | Shopee Indonesia", body, head)


def shopee_markup(name: str, currency: str, availability: str, price: str = "", low: str = "", high: str = "") -> dict:
    offers: dict[str, Any] = {"priceCurrency": currency, "availability": f"http://schema.org/{availability}"}
    if low:
        offers |= {"@type": "AggregateOffer", "lowPrice": low, "highPrice": high}
    else:
        offers |= {"@type": "Offer", "price": price}
    return {
        "@context": "http://schema.org",
        "@type": "Product",
        "name": name,
        "image": "https://down-id.img.susercontent.com/file/id-11134207-7r98o-lxf3x9",
        "brand": "Xiaomi",
        "offers": offers,
        "aggregateRating": {"@type": "AggregateRating", "bestRating": 5, "worstRating": 1, "ratingValue": "4.9"},
    }


SHOPEE_ID_NAME = "Xiaomi Redmi Buds 6 Active TWS Bluetooth 5.4 Garansi Resmi"
SHOPEE_ID_URL = "https://shopee.co.id/Xiaomi-Redmi-Buds-6-Active-TWS-Bluetooth-5.4-i.41234567.25498765432"
SHOPEE_ID_CARDS = (("Xiaomi Redmi Watch 5 Active", "Rp499.000"), ("Kabel Data USB-C Xiaomi 6A", "Rp39.000"))
SHOPEE_ID_COLOURS = (("Hitam", False, False), ("Putih", True, False), ("Pink", False, True))
SHOPEE_VN_NAME = "Tai nghe Bluetooth Xiaomi Redmi Buds 6 Active - Hàng chính hãng"
SHOPEE_VN_URL = "https://shopee.vn/Tai-nghe-Bluetooth-Xiaomi-Redmi-Buds-6-Active-i.88776655.23456789012"
SHOPEE_VN_CARDS = (("Sạc nhanh Xiaomi 33W", "₫159.000"), ("Cáp USB-C Xiaomi", "₫49.000"))
SHOPEE_TH_NAME = "Xiaomi Redmi Buds 6 Active หูฟังบลูทูธ ประกันศูนย์ไทย"
SHOPEE_TH_URL = "https://shopee.co.th/Xiaomi-Redmi-Buds-6-Active-i.33445566.21987654321"

SHOPEE = [
    pytest.param(
        # before a variant is chosen Shopee shows the range; the shopper pays its lower end at the least
        shopee_page(
            s=SHOPEE_ID,
            name=SHOPEE_ID_NAME,
            price="Rp229.000 - Rp259.000",
            cards=SHOPEE_ID_CARDS,
            markup=shopee_markup(SHOPEE_ID_NAME, "IDR", "InStock", low="229000", high="259000"),
        ),
        SHOPEE_ID_URL,
        Shown(SHOPEE_ID_NAME, "229000", "IDR", None, "InStock"),
        id="shopee-id-range-jsonld",
    ),
    pytest.param(
        shopee_page(
            s=SHOPEE_ID,
            name=SHOPEE_ID_NAME,
            price="Rp229.000",
            original="Rp459.000",
            pct="-50%",
            variants=SHOPEE_ID_COLOURS,
            cards=SHOPEE_ID_CARDS,
        ),
        SHOPEE_ID_URL,
        Shown(SHOPEE_ID_NAME, "229000", "IDR", "459000", "InStock"),
        id="shopee-id-variant-sale-visible",
    ),
    pytest.param(
        shopee_page(s=SHOPEE_ID, name=SHOPEE_ID_NAME, price="Rp229.000", sold_out=True, cards=SHOPEE_ID_CARDS),
        SHOPEE_ID_URL,
        Shown(SHOPEE_ID_NAME, "229000", "IDR", None, "OutOfStock"),
        id="shopee-id-habis-visible",
    ),
    pytest.param(
        shopee_page(
            s=SHOPEE_VN,
            name=SHOPEE_VN_NAME,
            price="₫429.000",
            original="₫659.000",
            pct="35% GIẢM",
            cards=SHOPEE_VN_CARDS,
            markup=shopee_markup(SHOPEE_VN_NAME, "VND", "InStock", price="429000"),
        ),
        SHOPEE_VN_URL,
        Shown(SHOPEE_VN_NAME, "429000", "VND", "659000", "InStock"),
        id="shopee-vn-sale-jsonld",
    ),
    pytest.param(
        shopee_page(s=SHOPEE_VN, name=SHOPEE_VN_NAME, price="₫429.000", sold_out=True, cards=SHOPEE_VN_CARDS),
        SHOPEE_VN_URL,
        Shown(SHOPEE_VN_NAME, "429000", "VND", None, "OutOfStock"),
        id="shopee-vn-het-hang-visible",
    ),
    pytest.param(
        shopee_page(
            s=SHOPEE_TH,
            name=SHOPEE_TH_NAME,
            price="฿599",
            original="฿1,290",
            pct="54% ส่วนลด",
            cards=(("Xiaomi Redmi Watch 5", "฿1,990"), ("สายชาร์จ USB-C", "฿89")),
        ),
        SHOPEE_TH_URL,
        Shown(SHOPEE_TH_NAME, "599", "THB", "1290", "InStock"),
        id="shopee-th-sale-visible",
    ),
]


# ---------------------------------------------------------------- Lazada (lazada.com.ph, lazada.com.my, lazada.co.th)
# Written from memory of the desktop PDP: the lzd header with the cart link (count), breadcrumb ul#J_breadcrumb,
# #module_product_title_1 h1.pdp-mod-product-badge-title, ratings, brand line, #module_product_price_1 with
# span.pdp-price.pdp-price_type_normal (the price) and div.origin-block with span.pdp-price_type_deleted (the struck
# price, styled by that class only) and span.pdp-product-price__discount "-50%", vouchers ("Store Voucher ₱50 off"),
# #module_sku-select
# (sku-variable-name "Color Family" with selected sku-variable-img-wrap-selected), #module_quantity-input (with
# "Only 5 items left" or "Out of Stock"), #module_add_to_cart with "Buy Now" / "Add to Cart"; delivery "Standard
# Delivery ₱58"; "From The Same Store" recommendations. Lazada sends a JSON-LD Product with brand, sku and an
# AggregateOffer (lowPrice, highPrice, offerCount, availability).

LAZADA_EN = {
    "buy": "Buy Now",
    "add": "Add to Cart",
    "qty": "Quantity",
    "out": "Out of Stock",
    "same": "From The Same Store",
}
LAZADA_TH = {"buy": "ซื้อเลย", "add": "หยิบใส่รถเข็น", "qty": "จำนวน", "out": "สินค้าหมด", "same": "สินค้าอื่นๆ จากร้านนี้"}


def lazada_page(
    *,
    lang: str,
    name: str,
    price: str,
    deleted: str = "",
    pct: str = "",
    sold_out: bool = False,
    shipping: str,
    voucher: str,
    cards: tuple[tuple[str, str], ...],
    s: dict[str, str],
    markup: dict[str, Any] | None = None,
) -> str:
    origin = (
        f"""<div class="origin-block"><span class="notranslate pdp-price pdp-price_type_deleted
        pdp-price_color_lightgray
        pdp-price_size_xs">{deleted}</span><span class="pdp-product-price__discount">{pct}</span></div>"""
        if deleted
        else ""
    )
    disabled = " pdp-button_disabled" if sold_out else ""
    stock = f'<span class="quantity-content-warning">{s["out"]}</span>' if sold_out else "Only 5 items left"
    card_html = "".join(
        f"""<div class="pdp-mod-card-item"><a href="//www.lazada.com.ph/products/x-i{i}.html"><div
        class="card-jfy-title"><span class="title">{n}</span></div><div class="pdp-price pdp-price_type_normal
        pdp-price_color_orange">{p}</div></a></div>"""
        for i, (n, p) in enumerate(cards)
    )
    body = f"""<div id="J_LZD_HEADER" class="lzd-header"><div class="lzd-logo-bar"><a class="lzd-logo-content"
      href="/"><img src="https://lzd-img-global.slatic.net/us/domino/lzd-logo.png" alt="Online Shopping Lazada Logo">
      </a><div class="lzd-nav-search"><form action="/catalog/"><input type="search" name="q" placeholder="Search in
      Lazada"></form></div><div class="lzd-nav-cart"><a href="https://cart.lazada.com.ph/cart"><span
      class="cart-icon"></span><span class="cart-num" id="topActionCartNumber">0</span></a></div></div></div>
      <div id="container"><div id="block-breadcrumb"><ul class="breadcrumb" id="J_breadcrumb"><li
      class="breadcrumb_item"><a class="breadcrumb_item_anchor" href="/shop-audio/"><span>Audio</span></a></li><li
      class="breadcrumb_item"><a class="breadcrumb_item_anchor" href="/shop-headphones/"><span>Headphones</span></a>
      </li><li class="breadcrumb_item"><span class="breadcrumb_item_text"><span title="{name}"
      class="breadcrumb_item_anchor breadcrumb_item_anchor_last">{name}</span></span></li></ul></div>
      <div id="block-gallery"><div class="gallery-preview-panel"><img class="pdp-mod-common-image
      gallery-preview-panel__image" src="https://img.lazcdn.com/g/p/a1b2c3.jpg_720x720q80.jpg" alt="{name}"></div></div>
      <div id="block-main"><div id="module_product_title_1" class="pdp-block pdp-block__product-title"><div
      class="pdp-mod-product-badge-wrapper"><h1 class="pdp-mod-product-badge-title">{name}</h1></div></div>
      <div id="module_product_review_star_1"><a class="pdp-link pdp-link_size_s pdp-link_theme_blue
      pdp-review-summary__link">1204 Ratings</a></div>
      <div id="module_product_brand_1"><div class="pdp-product-brand"><span class="pdp-product-brand__name">Brand:
      </span><a class="pdp-link pdp-link_size_s pdp-link_theme_blue pdp-product-brand__brand-link"
      href="/soundcore/">soundcore</a></div></div>
      <div id="module_product_price_1" class="pdp-block pdp-block__main-information"><div class="pdp-mod-product-price">
      <div class="pdp-product-price"><span class="notranslate pdp-price pdp-price_type_normal pdp-price_color_orange
      pdp-price_size_xl">{price}</span>{origin}</div></div></div>
      <div id="module_promotion_tags"><div class="promotion-tag-item">{voucher}</div></div>
      <div id="module_sku-select"><div class="sku-prop"><h6 class="section-title">Color Family</h6><div
      class="sku-prop-content"><span class="sku-variable-img-wrap sku-variable-img-wrap-selected"><img alt="Black">
      </span><span class="sku-variable-img-wrap"><img alt="White"></span></div></div></div>
      <div id="module_quantity-input"><div class="pdp-mod-product-info-section sku-quantity-selection"><h6
      class="section-title">{s["qty"]}</h6><div class="section-content"><div class="next-number-picker"><input
      value="1" aria-valuenow="1"></div><span class="quantity-content-default">{stock}</span></div></div></div>
      <div id="module_add_to_cart"><div class="pdp-cart-concern"><button class="add-to-cart-buy-now-btn pdp-button
      pdp-button_type_text pdp-button_theme_yellow pdp-button_size_xl{disabled}"><span class="pdp-button-text"><span
      class="">{s["buy"]}</span></span></button><button class="add-to-cart-buy-now-btn pdp-button pdp-button_type_text
      pdp-button_theme_orange pdp-button_size_xl{disabled}"><span class="pdp-button-text"><span
      class="">{s["add"]}</span></span></button></div></div></div>
      <div id="module_seller_delivery"><div class="delivery-option-item"><div class="delivery-option-item__title">
      Standard Delivery</div><div class="delivery-option-item__time">Guaranteed by 8-11 Dec</div><div
      class="delivery-option-item__shipping-fee no-subtitle">{shipping}</div></div></div>
      <div id="module_recommendation_1"><h3 class="pdp-mod-section-title">{s["same"]}</h3>{card_html}</div></div>
      <div id="J_LZD_FOOTER" class="lzd-footer"><div class="lzd-footer-copyright">&copy; Lazada 2026</div></div>"""
    head = jsonld(markup) if markup else ""
    return page(lang, f"{name} | Lazada", body, head)


def lazada_markup(name: str, low: str, high: str, currency: str, availability: str) -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": name,
        "image": "https://img.lazcdn.com/g/p/a1b2c3.jpg",
        "category": "Headphones",
        "brand": {"@type": "Brand", "name": "soundcore"},
        "sku": "3021456789_PH-15678901234",
        "mpn": "3021456789",
        "aggregateRating": {"@type": "AggregateRating", "ratingValue": "4.9", "ratingCount": "1204"},
        "offers": {
            "@type": "AggregateOffer",
            "lowPrice": low,
            "highPrice": high,
            "offerCount": 2,
            "priceCurrency": currency,
            "availability": f"https://schema.org/{availability}",
        },
    }


LAZADA_PH_NAME = "soundcore by Anker P20i True Wireless Earbuds, 10mm Drivers, Bluetooth 5.3"
LAZADA_PH_URL = (
    "https://www.lazada.com.ph/products/soundcore-by-anker-p20i-true-wireless-earbuds-i3021456789-s15678901234.html"
)
LAZADA_PH_CARDS = (("soundcore R50i NC Earbuds", "₱1,199.00"), ("Anker PowerCore 10000", "₱899.00"))
LAZADA_PH = {"lang": "en-PH", "name": LAZADA_PH_NAME, "cards": LAZADA_PH_CARDS, "s": LAZADA_EN}
LAZADA_TH_NAME = "หูฟังบลูทูธ soundcore P20i True Wireless"
LAZADA_TH_URL = "https://www.lazada.co.th/products/soundcore-p20i-i4123456789-s18765432109.html"

LAZADA = [
    pytest.param(
        lazada_page(
            **LAZADA_PH,
            price="₱999.00",
            deleted="₱2,499.00",
            pct="-60%",
            shipping="₱58",
            voucher="Store Voucher ₱50 off",
            markup=lazada_markup(LAZADA_PH_NAME, "999", "999", "PHP", "InStock"),
        ),
        LAZADA_PH_URL,
        Shown(LAZADA_PH_NAME, "999.00", "PHP", "2499.00", "InStock"),
        id="lazada-ph-sale-jsonld",
    ),
    pytest.param(
        lazada_page(
            **LAZADA_PH,
            price="₱999.00",
            deleted="₱2,499.00",
            pct="-60%",
            shipping="₱58",
            voucher="Store Voucher ₱50 off",
        ),
        LAZADA_PH_URL,
        Shown(LAZADA_PH_NAME, "999.00", "PHP", "2499.00", "InStock"),
        id="lazada-ph-sale-visible",
    ),
    pytest.param(
        lazada_page(
            **LAZADA_PH,
            price="₱1,499.00",
            sold_out=True,
            shipping="₱58",
            voucher="Store Voucher ₱50 off",
            markup=lazada_markup(LAZADA_PH_NAME, "1499", "1499", "PHP", "OutOfStock"),
        ),
        LAZADA_PH_URL,
        Shown(LAZADA_PH_NAME, "1499.00", "PHP", None, "OutOfStock"),
        id="lazada-ph-out-of-stock-jsonld",
    ),
    pytest.param(
        lazada_page(
            lang="en-MY",
            name="soundcore P20i True Wireless Earbuds",
            price="RM69.90",
            deleted="RM159.00",
            pct="-56%",
            shipping="RM4.90",
            voucher="Store Voucher RM5 off",
            cards=(("soundcore R50i", "RM89.00"), ("Anker Nano Charger", "RM49.90")),
            s=LAZADA_EN,
        ),
        "https://www.lazada.com.my/products/soundcore-p20i-true-wireless-earbuds-i2987654321-s14567890123.html",
        Shown("soundcore P20i True Wireless Earbuds", "69.90", "MYR", "159.00", "InStock"),
        id="lazada-my-sale-visible",
    ),
    pytest.param(
        lazada_page(
            lang="th",
            name=LAZADA_TH_NAME,
            price="฿599",
            sold_out=True,
            shipping="฿38",
            voucher="โค้ดส่วนลดร้านค้า ลด ฿40",
            cards=(("soundcore R50i", "฿790"), ("Anker Nano", "฿490")),
            s=LAZADA_TH,
        ),
        LAZADA_TH_URL,
        Shown(LAZADA_TH_NAME, "599", "THB", None, "OutOfStock"),
        id="lazada-th-sold-out-visible",
    ),
]


# ---------------------------------------------------------------- Tiki (tiki.vn)
# Written from memory of the desktop PDP (Next.js, styled-components plus a few stable BEM names): header with the
# search box and "Giỏ hàng" cart link with its count, breadcrumb, brand line "Thương hiệu: Xiaomi", h1 title,
# "Đã bán 5k+" sold count, div.product-price with product-price__current-price "1.290.000₫", product-price__discount
# -rate "-35%" and product-price__original-price (struck, a <del>), the "Giá gốc" hint, coupon chips ("Giảm 50K"),
# the delivery block ("Giao thứ 3, 09/12" and fee), the right-hand buy box (Số Lượng, Tạm tính, "Mua ngay" /
# "Thêm vào giỏ"; "Sản phẩm tạm hết hàng" and no buttons when sold out), "Sản phẩm tương tự" cards. Tiki sends a
# JSON-LD Product (sku, brand, offers with price, priceCurrency VND, availability).


def tiki_page(
    *, name: str, price: str, original: str = "", pct: str = "", sold_out: bool = False, markup: dict | None = None
) -> str:
    struck = (
        f"""<div class="product-price__discount-rate">{pct}</div><div class="product-price__original-price">
        <span class="hint">Giá gốc</span><del>{original}</del></div>"""
        if original
        else ""
    )
    buy = (
        """<div class="sold-out">Sản phẩm tạm hết hàng</div>"""
        if sold_out
        else f"""<div class="qty-and-message"><p class="label">Số Lượng</p><div class="group-input"><button
          class="disable">-</button><input type="text" value="1" class="input"><button>+</button></div></div>
          <div class="price-total"><div class="label">Tạm tính</div><div class="price">{price}</div></div>
          <div class="group-button"><button class="btn-buy">Mua ngay</button><button class="btn-add-to-cart">Thêm vào
          giỏ</button><button class="btn-installment">Mua trả góp - trả sau</button></div>"""
    )
    body = f"""<header class="style__Header"><div class="Container-sc-itwfbd-0"><a href="/" data-view-id="header_main
      _logo"><img src="https://salt.tikicdn.com/ts/upload/0e/07/78/ee828743c9afa9792cf20d75995e134e.png"
      alt="tiki-logo" width="96"></a><div class="FormSearch__Root"><input data-view-id="main_search_form_input"
      type="text" placeholder="100% hàng thật"></div><a href="/checkout/cart" data-view-id="header_header_cart"><div
      class="cart-wrapper"><img src="/cart.png" alt="header_header_img_Cart"><span class="item-count">0</span></div>
      <span>Giỏ hàng</span></a></div></header>
      <main><div class="breadcrumb"><a class="breadcrumb-item" href="/">Trang chủ</a><a class="breadcrumb-item"
      href="/thiet-bi-so-phu-kien-so/c1815">Thiết Bị Số - Phụ Kiện Số</a><span class="breadcrumb-item"><span
      title="{name}">{name}</span></span></div>
      <div class="Container-sc-itwfbd-0"><div class="style__ProductImagesStyle"><img alt="{name}"
      src="https://salt.tikicdn.com/cache/750x750/ts/product/ab/cd/ef/redmi-buds.jpg.webp"></div>
      <div class="style__StyledInfo"><div class="brand-and-author"><h6>Thương hiệu: <a href="/thuong-hieu/xiaomi.html">
      Xiaomi</a></h6></div><h1 class="Title__TitledStyled-sc-c64ni5-0 iXccQY">{name}</h1><div
      class="styles__StyledReview"><div class="styles__StyledQuantitySold">Đã bán 5k+</div></div>
      <div class="product-price"><div class="product-price__current-price">{price}</div>{struck}</div>
      <div class="coupon-list"><div class="coupon">Giảm 50K</div><div class="coupon">Giảm 5%</div></div>
      <div class="delivery"><p>Thông tin vận chuyển</p><p>Giao thứ 3, 09/12</p><p>Phí giao 16.500₫</p></div></div>
      <div class="style__AddToCartStyles">{buy}</div></div>
      <div class="WidgetTitle__WidgetContentStyled"><h2>Sản phẩm tương tự</h2><a href="/redmi-buds-5-p123.html"><h3
      class="style__NameStyled">Tai nghe Redmi Buds 5</h3><div class="price-discount__price">690.000<sup>₫</sup></div>
      <div class="price-discount__discount">-23%</div></a><a href="/xiaomi-band-9-p456.html"><h3
      class="style__NameStyled">Vòng đeo tay Xiaomi Band 9</h3><div class="price-discount__price">850.000<sup>₫</sup>
      </div></a></div></main>
      <footer><p>Bản quyền &copy; 2026 - Công Ty TNHH Ti Ki</p></footer>"""
    return page("vi", f"{name} | Tiki", body, jsonld(markup) if markup else "")


TIKI_NAME = "Tai Nghe Bluetooth Xiaomi Redmi Buds 6 Active - Hàng Chính Hãng"
TIKI_URL = (
    "https://tiki.vn/tai-nghe-bluetooth-xiaomi-redmi-buds-6-active-hang-chinh-hang-p273456789.html?spid=273456790"
)
TIKI_MARKUP = {
    "@context": "https://schema.org",
    "@type": "Product",
    "name": TIKI_NAME,
    "image": "https://salt.tikicdn.com/cache/750x750/ts/product/ab/cd/ef/redmi-buds.jpg.webp",
    "sku": "7328934155021",
    "brand": {"@type": "Brand", "name": "Xiaomi"},
    "offers": {
        "@type": "Offer",
        "price": 429000,
        "priceCurrency": "VND",
        "availability": "https://schema.org/InStock",
        "url": TIKI_URL,
    },
}

TIKI = [
    pytest.param(
        tiki_page(
            name=TIKI_NAME, price="429.000<sup>₫</sup>", original="659.000<sup>₫</sup>", pct="-35%", markup=TIKI_MARKUP
        ),
        TIKI_URL,
        Shown(TIKI_NAME, "429000", "VND", "659000", "InStock"),
        id="tiki-sale-jsonld",
    ),
    pytest.param(
        tiki_page(name=TIKI_NAME, price="429.000<sup>₫</sup>", original="659.000<sup>₫</sup>", pct="-35%"),
        TIKI_URL,
        Shown(TIKI_NAME, "429000", "VND", "659000", "InStock"),
        id="tiki-sale-visible",
    ),
    pytest.param(
        tiki_page(name=TIKI_NAME, price="659.000<sup>₫</sup>", sold_out=True),
        TIKI_URL,
        Shown(TIKI_NAME, "659000", "VND", None, "OutOfStock"),
        id="tiki-het-hang-visible",
    ),
]


# ---------------------------------------------------------------- Noon (noon.com, English and Arabic)
# Written from memory of the desktop PDP (Next.js, styled-components; stable data-qa attributes): header with the
# location, search and the cart link, breadcrumb, brand link, h1 (data-qa="pdp-name-<SKU>"), "Model Number",
# div.priceNow (data-qa="div-price-now") "AED 3,199.00", div.priceWas "AED 3,399.00" after a "Was:" label, "Saving:"
# with the amount and "5% Off", "Inclusive of VAT", the Tabby / Tamara instalment widgets ("4 interest-free payments
# of AED 799.75"), a cashback line, the express badge, qty select and "Add To Cart"; when out of stock the price
# stays, "This product is currently out of stock" shows and the button becomes "Notify Me". "Products related to
# this item" carousel. The Arabic pages (/uae-ar/, /saudi-ar/) use the same template with "ر.س" / "د.إ" and Arabic
# labels. Noon sends a JSON-LD Product (sku, brand, offers with price and priceCurrency).

NOON_EN = {
    "was": "Was:",
    "now": "Now:",
    "saving": "Saving:",
    "off": "Off",
    "vat": "Inclusive of VAT",
    "model": "Model Number",
    "add": "Add To Cart",
    "notify": "Notify Me",
    "oos": "This product is currently out of stock",
    "cart": "Cart",
    "related": "Products related to this item",
    "tabby": "4 interest-free payments of",
    "cashback": "Get {} cashback with the noon One Credit Card",
}
NOON_AR = {
    "was": "كان:",
    "now": "الآن:",
    "saving": "توفير:",
    "off": "خصم",
    "vat": "شامل ضريبة القيمة المضافة",
    "model": "رقم الموديل",
    "add": "أضف إلى العربة",
    "notify": "أعلمني",
    "oos": "هذا المنتج غير متوفر حالياً",
    "cart": "العربة",
    "related": "منتجات ذات صلة",
    "tabby": "4 دفعات بدون فوائد بقيمة",
    "cashback": "احصل على {} استرداد نقدي مع بطاقة نون الائتمانية",
}


def noon_page(
    *,
    lang: str,
    name: str,
    sku: str,
    now: str,
    was: str = "",
    saving: str = "",
    pct: str = "",
    quarter: str,
    cashback: str,
    in_stock: bool = True,
    cards: tuple[tuple[str, str], ...],
    s: dict[str, str],
    markup: dict[str, Any] | None = None,
) -> str:
    was_html = (
        f"""<div class="sc-8df39a2e-1 kdXpLV"><span class="sc-8df39a2e-2 label">{s["was"]}</span><div class="priceWas"
        data-qa="div-price-was">{was}</div></div><div class="sc-8df39a2e-3 priceSaving"><span class="label">
        {s["saving"]}</span><div class="saving" data-qa="div-price-saving">{saving}<span class="profit">{pct}
        {s["off"]}</span></div></div>"""
        if was
        else ""
    )
    buy = (
        f"""<div class="sc-4ef0b1e8-0 qtySelect"><select aria-label="Qty"><option value="1">1</option></select></div>
        <button class="sc-81f82df-0 addToCartButton" data-qa="pdp-add-to-cart"><span>{s["add"]}</span></button>"""
        if in_stock
        else f"""<div class="sc-d0b2a45f-0 outOfStock" data-qa="pdp-out-of-stock">{s["oos"]}</div><button
        class="sc-81f82df-0 notifyMeButton">{s["notify"]}</button>"""
    )
    card_html = "".join(
        f"""<div class="sc-57fe1f38-0 productContainer"><a href="/uae-en/x/N{i}A/p/"><div data-qa="product-name"
        title="{n}">{n}</div><div class="price"><strong class="amount">{p}</strong></div><div
        class="express">express</div></a></div>"""
        for i, (n, p) in enumerate(cards)
    )
    body = f"""<header class="sc-6a3b7c3d-0 header"><a href="/{lang}/" aria-label="noon"><img
      src="https://f.nooncdn.com/s/app/com/noon/design-system/logos/noon-logo-en.svg" alt="noon"></a><div
      class="searchWrapper"><input id="search-input" type="text" placeholder="What are you looking for?"></div><a
      href="/{lang}/cart/" class="cartLink" aria-label="{s["cart"]}"><span class="cartText">{s["cart"]}</span></a>
      </header>
      <main><div class="sc-breadcrumbs"><a href="/{lang}/">noon</a> <a href="/{lang}/electronics-and-mobiles/">
      Electronics &amp; Mobiles</a> <a href="/{lang}/electronics-and-mobiles/mobiles-and-accessories/">Mobiles</a></div>
      <div class="sc-d8caf424-0 coreWrapper"><div class="sc-d8caf424-1 imageColumn"><img alt="{name}"
      src="https://f.nooncdn.com/p/pzsku/Z1A2B3C4/45/_/1700000000/abc.jpg?format=avif&amp;width=800"></div>
      <div class="sc-d8caf424-2 detailsColumn"><div class="brand" data-qa="pdp-brand"><a href="/{lang}/apple/">Apple</a>
      </div><h1 class="sc-d8caf424-3 productTitle" data-qa="pdp-name-{sku}">{name}</h1><div class="modelNumber">
      {s["model"]} : MTP03AH/A</div>
      <div class="sc-8df39a2e-0 priceSection"><div class="sc-8df39a2e-1 nowRow"><span class="label">{s["now"]}</span>
      <div class="priceNow" data-qa="div-price-now">{now}</div><span class="vat">{s["vat"]}</span></div>{was_html}
      </div>
      <div class="tabbyWidget"><span>{s["tabby"]} {quarter}</span></div><div class="cashbackWidget">
      {s["cashback"].format(cashback)}</div>
      <div class="expressBadge">express</div>{buy}</div></div>
      <section class="relatedProducts"><h3>{s["related"]}</h3><div class="swiper-wrapper">{card_html}</div></section>
      </main><footer class="footer"><p>&copy; 2026 noon. All Rights Reserved</p></footer>"""
    return page(lang, f"{name} | noon", body, jsonld(markup) if markup else "")


NOON_NAME = "Apple iPhone 15 128GB Black 5G With FaceTime - Middle East Version"
NOON_SKU = "N53432547A"
NOON_URL = f"https://www.noon.com/uae-en/iphone-15-128gb-black-5g-with-facetime-middle-east-version/{NOON_SKU}/p/?o=e4c7a1b2c3d4e5f6"
NOON_EN_CARDS = (("Apple 20W USB-C Power Adapter", "AED 69.00"), ("Apple AirPods Pro 2", "AED 799.00"))
NOON_MARKUP = {
    "@context": "https://schema.org",
    "@type": "Product",
    "name": NOON_NAME,
    "sku": NOON_SKU,
    "brand": {"@type": "Brand", "name": "Apple"},
    "image": "https://f.nooncdn.com/p/pzsku/Z1A2B3C4/45/_/1700000000/abc.jpg",
    "offers": {
        "@type": "Offer",
        "price": "2649.00",
        "priceCurrency": "AED",
        "availability": "https://schema.org/InStock",
        "url": NOON_URL,
    },
}
NOON_AR_NAME = "ابل ايفون 15 بسعة 128 جيجابايت لون أسود 5G مع فيس تايم - إصدار الشرق الأوسط"
NOON_AR_URL = f"https://www.noon.com/saudi-ar/iphone-15-128gb-black-5g/{NOON_SKU}/p/"

NOON = [
    pytest.param(
        noon_page(
            lang="uae-en",
            name=NOON_NAME,
            sku=NOON_SKU,
            now="AED <!-- -->2,649.00",
            was="AED 3,399.00",
            saving="AED 750.00",
            pct="22%",
            quarter="AED 662.25",
            cashback="AED 132.45",
            cards=NOON_EN_CARDS,
            s=NOON_EN,
            markup=NOON_MARKUP,
        ),
        NOON_URL,
        Shown(NOON_NAME, "2649.00", "AED", "3399.00", "InStock", NOON_SKU),
        id="noon-ae-was-jsonld",
    ),
    pytest.param(
        noon_page(
            lang="uae-en",
            name=NOON_NAME,
            sku=NOON_SKU,
            now="AED <!-- -->2,649.00",
            was="AED 3,399.00",
            saving="AED 750.00",
            pct="22%",
            quarter="AED 662.25",
            cashback="AED 132.45",
            cards=NOON_EN_CARDS,
            s=NOON_EN,
        ),
        NOON_URL,
        Shown(NOON_NAME, "2649.00", "AED", "3399.00", "InStock", NOON_SKU),
        id="noon-ae-was-visible",
    ),
    pytest.param(
        noon_page(
            lang="uae-en",
            name=NOON_NAME,
            sku=NOON_SKU,
            now="AED <!-- -->3,399.00",
            quarter="AED 849.75",
            cashback="AED 169.95",
            in_stock=False,
            cards=NOON_EN_CARDS,
            s=NOON_EN,
        ),
        NOON_URL,
        Shown(NOON_NAME, "3399.00", "AED", None, "OutOfStock", NOON_SKU),
        id="noon-ae-out-of-stock-visible",
    ),
    pytest.param(
        noon_page(
            lang="saudi-ar",
            name=NOON_AR_NAME,
            sku=NOON_SKU,
            now="ر.س <!-- -->2,799.00",
            was="ر.س 3,499.00",
            saving="ر.س 700.00",
            pct="20%",
            quarter="ر.س 699.75",
            cashback="ر.س 139.95",
            cards=(("محول طاقة ابل 20 واط", "ر.س 79.00"), ("ايربودز برو 2", "ر.س 899.00")),
            s=NOON_AR,
        ).replace('dir="ltr"', ""),
        NOON_AR_URL,
        Shown(NOON_AR_NAME, "2799.00", "SAR", "3499.00", "InStock", NOON_SKU),
        id="noon-sa-ar-was-visible",
    ),
]


# ---------------------------------------------------------------- Jumia (jumia.com.ng, jumia.co.ke, jumia.com.eg)
# Written from memory of the desktop PDP (Jumia's utility classes: -fs20, -b, -lthr for the line-through, bdg _dsct
# for the discount badge): header with the search bar and the "Cart" link, breadcrumb (div.brcbs), h1.-fs20, "Brand:"
# line, the price row (span -b -ubpt -fs24 with the price, span -lthr with the old price, span.bdg._dsct "-35%"),
# "In stock" / "3 units left" / "Out of stock", "+ shipping from ₦ 720 to LEKKI-AJAH", the "ADD TO CART" button
# (or "NOTIFY ME" when out of stock), delivery and returns box, "Specifications" with "SKU: XX123EA1ABCDENAFAMZ",
# "Customers who viewed this also viewed" cards with prices. Jumia sends a JSON-LD Product (sku, brand, an Offer).

JUMIA_EN = {"stock": "In stock", "oos": "Out of stock", "add": "Add to cart", "notify": "Notify me", "cart": "Cart"}


def jumia_page(
    *,
    lang: str = "en",
    name: str,
    price: str,
    old: str = "",
    pct: str = "",
    stock: str,
    in_stock: bool = True,
    shipping: str,
    sku: str,
    cards: tuple[tuple[str, str, str], ...],
    s: dict[str, str] = JUMIA_EN,
    markup: dict[str, Any] | None = None,
) -> str:
    old_html = (
        f"""<span class="-tal -gy5 -lthr -fs16 -pvxs -ubpt" dir="ltr" data-price-old="">{old}</span><span
        class="bdg _dsct _dyn -mls" dir="ltr" data-disc="">{pct}</span>"""
        if old
        else ""
    )
    button = (
        f"""<button class="add btn _prim -pea _i -fw _md"><svg class="ic -f-wt -mra"></svg>{s["add"]}</button>"""
        if in_stock
        else f"""<button class="btn _def -pea -fw _md">{s["notify"]}</button>"""
    )
    card_html = "".join(
        f"""<article class="prd _box _hvr"><a class="core" href="/x-{i}.html"><div class="img-c"><img
        class="img" alt="{n}" src="https://ng.jumia.is/unsafe/fit-in/300x300/x.jpg"></div><div class="info"><h3
        class="name">{n}</h3><div class="prc">{p}</div>{
            f'<div class="old">{o}</div>' if o else ""
        }</div></a></article>"""
        for i, (n, p, o) in enumerate(cards)
    )
    body = f"""<header class="-pvs -df -i-ctr"><a class="-df -i-ctr" href="/" title="Jumia"><svg
      aria-label="Jumia"></svg></a><form class="-df" action="/catalog/" method="get" role="search"><input type="text"
      name="q" placeholder="Search products, brands and categories"></form><a class="-df -i-ctr -gy9 -hov-or5 -phs"
      href="/cart/"><span class="-pos-r"><svg class="ic"></svg></span><span class="-m -fs16 -plxs">{s["cart"]}</span>
      </a></header>
      <main class="-pvs"><div class="brcbs col16 -pts -pbm"><a class="cbs" href="/">Home</a><a class="cbs"
      href="/phones-tablets/">Phones &amp; Tablets</a><span class="cbs">{name}</span></div>
      <section class="col12 -df -d-co"><div class="row card _no-g -fg1 -pas"><div class="col6 -ptm"><div
      class="sldr _img _prod -rad4 -oh -mbs"><a href="/x.jpg" class="itm"><img class="-fw -fh" alt="{name}"
      src="https://ng.jumia.is/unsafe/fit-in/500x500/filters:fill(white)/product/12/345678/1.jpg"></a></div></div>
      <div class="col10"><div class="-df -j-bet"><div class="-fs0 -pls -prl"><h1 class="-fs20 -pts -pbxs">{name}</h1>
      <div class="-pvxs">Brand: <a href="/oraimo/">Oraimo</a> | <a href="/oraimo/">Similar products from
      Oraimo</a></div>
      </div></div><div class="-hr -mtxs"></div>
      <div class="-phs"><div class="-df -i-ctr -fw-w"><span class="-b -ubpt -tal -fs24 -prxs" dir="ltr"
      data-price="">{price}</span>{old_html}</div><p class="-df -i-ctr -fs12 -pbs {"-gy5" if in_stock else "-rd5"}">
      {stock}</p><div class="-df -i-ctr -fs12 -pbs">{shipping}</div>
      <div class="-pvs -mtxs -bt"><form method="POST" action="/cart/add/">{button}</form></div></div></div></div>
      <div class="card aim -mtm"><h2 class="-fs16 -m -phm -pvs">Specifications</h2><div class="row -pas"><article
      class="col8 -pvs"><div class="card-b -fh"><ul class="-pvs -mvxs -phm -lsn"><li class="-pvxs"><span
      class="-b">SKU</span>: {sku}</li><li class="-pvxs"><span class="-b">Model</span>: FreePods 4</li><li
      class="-pvxs"><span class="-b">Weight (kg)</span>: 0.2</li></ul></div></article></div></div></section>
      <section class="card -mtm"><header class="-df -j-bet -i-ctr -phm"><h2 class="-fs20 -m">Customers who viewed this
      also viewed</h2></header><div class="-pvs -phm">{card_html}</div></section></main>
      <footer class="-bg-gy8 -df"><p class="-fs12">&copy; 2026 Jumia</p></footer>"""
    return page(lang, f"{name} | Jumia Nigeria", body, jsonld(markup) if markup else "")


JUMIA_NAME = "Oraimo FreePods 4 ANC True Wireless Earbuds - Black"
JUMIA_SKU = "OR148EA2J7KLMNAFAMZ"
JUMIA_URL = "https://www.jumia.com.ng/oraimo-freepods-4-anc-true-wireless-earbuds-black-123456789.html"
JUMIA_CARDS = (
    ("Oraimo Traveler 20000mAh Power Bank", "₦ 24,900", "₦ 32,000"),
    ("Oraimo FreePods Lite", "₦ 16,990", ""),
)
JUMIA_NG_SHIPPING = "+ shipping from ₦ 720 to LEKKI-AJAH (SANGOTEDO)"
JUMIA_MARKUP = {
    "@context": "http://schema.org",
    "@type": "Product",
    "name": JUMIA_NAME,
    "sku": JUMIA_SKU,
    "brand": {"@type": "Brand", "name": "Oraimo"},
    "image": "https://ng.jumia.is/unsafe/fit-in/500x500/filters:fill(white)/product/12/345678/1.jpg",
    "offers": {
        "@type": "Offer",
        "priceCurrency": "NGN",
        "price": 29500,
        "availability": "http://schema.org/InStock",
        "url": JUMIA_URL,
    },
}

JUMIA = [
    pytest.param(
        jumia_page(
            name=JUMIA_NAME,
            price="₦ 29,500",
            old="₦ 45,000",
            pct="34%",
            stock="In stock",
            shipping=JUMIA_NG_SHIPPING,
            sku=JUMIA_SKU,
            cards=JUMIA_CARDS,
            markup=JUMIA_MARKUP,
        ),
        JUMIA_URL,
        Shown(JUMIA_NAME, "29500", "NGN", "45000", "InStock", JUMIA_SKU),
        id="jumia-ng-discount-jsonld",
    ),
    pytest.param(
        jumia_page(
            name=JUMIA_NAME,
            price="₦ 29,500",
            old="₦ 45,000",
            pct="34%",
            stock="3 units left",
            shipping=JUMIA_NG_SHIPPING,
            sku=JUMIA_SKU,
            cards=JUMIA_CARDS,
        ),
        JUMIA_URL,
        Shown(JUMIA_NAME, "29500", "NGN", "45000", "InStock", JUMIA_SKU),
        id="jumia-ng-discount-visible",
    ),
    pytest.param(
        jumia_page(
            name=JUMIA_NAME,
            price="₦ 29,500",
            stock="Out of stock",
            in_stock=False,
            shipping=JUMIA_NG_SHIPPING,
            sku=JUMIA_SKU,
            cards=JUMIA_CARDS,
        ),
        JUMIA_URL,
        Shown(JUMIA_NAME, "29500", "NGN", None, "OutOfStock", JUMIA_SKU),
        id="jumia-ng-out-of-stock-visible",
    ),
    pytest.param(
        jumia_page(
            name="Oraimo FreePods 4 ANC Earbuds",
            price="KSh 3,299",
            old="KSh 4,999",
            pct="34%",
            stock="In stock",
            shipping="+ shipping from KSh 160 to CBD - GPO/City Market",
            sku="OR148EA2J7KLMNAFAMZ",
            cards=(("Oraimo Power Bank 20000mAh", "KSh 2,599", "KSh 3,500"), ("Oraimo FreePods Lite", "KSh 1,899", "")),
        ),
        "https://www.jumia.co.ke/oraimo-freepods-4-anc-earbuds-98765432.html",
        Shown("Oraimo FreePods 4 ANC Earbuds", "3299", "KES", "4999", "InStock", "OR148EA2J7KLMNAFAMZ"),
        id="jumia-ke-discount-visible",
    ),
    pytest.param(
        # jumia.com.eg in Arabic: "جنيه" after the amount, Arabic labels
        jumia_page(
            lang="ar",
            name="سماعات أورايمو فري بودز 4 لاسلكية - أسود",
            price="1,299.00 جنيه",
            old="1,899.00 جنيه",
            pct="32%",
            stock="متوفر",
            shipping="+ رسوم الشحن من 45.00 جنيه إلى القاهرة",
            sku="OR148EA2J7KLMNAFAMZ",
            cards=(("باور بانك أورايمو 20000", "899.00 جنيه", ""), ("سماعات أورايمو لايت", "649.00 جنيه", "")),
            s={
                "stock": "متوفر",
                "oos": "غير متوفر",
                "add": "أضف إلى العربة",
                "notify": "أعلمني",
                "cart": "عربة التسوق",
            },
        ),
        "https://www.jumia.com.eg/ar/oraimo-freepods-4-anc-earbuds-black-45678912.html",
        Shown(
            "سماعات أورايمو فري بودز 4 لاسلكية - أسود", "1299.00", "EGP", "1899.00", "InStock", "OR148EA2J7KLMNAFAMZ"
        ),
        id="jumia-eg-ar-discount-visible",
    ),
]


# ---------------------------------------------------------------- Takealot (takealot.com)
# Written from memory of the desktop PDP (React with CSS-module classes "buybox-module_price_2YUFa"): header with the
# search bar and the cart link with its count, breadcrumb, h1 title, rating, the buy box (span.currency "R 1,299"
# with data-ref="buybox-price-main", "List price" struck "R 1,599" in a list-price span, the eBucks line "eB12,990",
# Payflex / "4 interest-free payments of R 324.75", "In stock" with the JHB / CPT warehouse badges or "Out of stock"
# with no button, "Add to Cart" and the wishlist heart), "Frequently bought together" and "Customers also viewed"
# carousels. Takealot sends a JSON-LD Product (sku, offers with price and priceCurrency ZAR).


def takealot_page(*, name: str, price: str, listed: str = "", in_stock: bool = True, markup: dict | None = None) -> str:
    listed_html = (
        f"""<div class="buybox-module_list-price_2-a-o"><span class="buybox-module_list-price-label_3rwbd">List price
        </span><span class="currency plus currency-module_currency_29IIm list-price">{listed}</span></div>"""
        if listed
        else ""
    )
    stock = (
        """<div class="stock-availability-status"><span class="stock-availability-module_status_2Fb8i">In stock</span>
        <div class="stock-availability-module_warehouses"><span class="badge">JHB</span><span class="badge">CPT</span>
        </div></div><div class="buybox-actions-module_add-to-cart"><button class="button add-to-cart-button
        button-module_button_1OLp1" data-ref="add-to-cart-button">Add to Cart</button></div>"""
        if in_stock
        else """<div class="stock-availability-status"><span class="stock-availability-module_status_2Fb8i">Out of
        stock</span></div><div class="buybox-module_out-of-stock">This product is currently out of stock. <a
        href="#">Add to list</a> to be notified.</div>"""
    )
    body = f"""<header class="top-nav-module_top-nav_3aJp1"><a href="/" class="logo-module_logo"><img
      src="https://www.takealot.com/static/images/logo_transparent.png" alt="Takealot logo"></a><form
      class="search-field-module_search-field"><input type="search" placeholder="Search for products, brands..."></form>
      <a href="/cart" class="mini-cart-button" data-ref="mini-cart-button"><span class="badge">0</span>Cart</a>
      </header>
      <main><ul class="breadcrumbs"><li><a href="/">Home</a></li><li><a href="/computers">Computers &amp; Tablets</a>
      </li><li><a href="/computers/laptops">Laptops</a></li></ul>
      <div class="pdp-module_pdp_1pw3b"><div class="image-module_image"><img
      src="https://media.takealot.com/covers_images/abc123/s-pdpxl.file" alt="{name}"></div>
      <div class="pdp-core-module_core"><h1 class="product-title">{name}</h1><div class="rating-module_rating">4.6
      <span>(212 reviews)</span></div></div>
      <div class="buybox-module_buybox_2W9zF"><div class="buybox-module_price_2YUFa"><span class="currency plus
      currency-module_currency_29IIm" data-ref="buybox-price-main">{price}</span></div>{listed_html}
      <div class="buybox-module_ebucks">eB128,990</div><div class="payflex-module_payflex">or 4 interest-free
      payments of R 3,224.75 with <img alt="Payflex" src="/payflex.svg"></div>{stock}</div></div>
      <section class="product-carousel"><h2>Customers Also Viewed</h2><div class="swiper"><div class="product-card"><a
      href="/hp-255-g10/PLID94451234"><h3>HP 255 G10 15.6" Laptop</h3><span class="currency plus
      currency-module_currency_29IIm">R 8,999</span></a></div><div class="product-card"><a
      href="/lenovo-v15/PLID92229999"><h3>Lenovo V15 G4 Laptop</h3><span class="currency plus
      currency-module_currency_29IIm">R 7,499</span></a></div></div></section></main>
      <footer><p>&copy; 2026 Takealot Online (RF) Pty Ltd</p></footer>"""
    return page("en-ZA", f"{name} | Buy Online in South Africa | takealot.com", body, jsonld(markup) if markup else "")


TAKEALOT_NAME = 'Lenovo IdeaPad Slim 3 15.6" Core i5 16GB 512GB SSD Laptop'
TAKEALOT_URL = "https://www.takealot.com/lenovo-ideapad-slim-3-15-6-core-i5-16gb-512gb-ssd-laptop/PLID95307684"
TAKEALOT_MARKUP = {
    "@context": "https://schema.org/",
    "@type": "Product",
    "name": TAKEALOT_NAME,
    "sku": "PLID95307684",
    "image": "https://media.takealot.com/covers_images/abc123/s-pdpxl.file",
    "brand": {"@type": "Brand", "name": "Lenovo"},
    "offers": {"@type": "Offer", "price": 12899, "priceCurrency": "ZAR", "availability": "https://schema.org/InStock"},
}

TAKEALOT = [
    pytest.param(
        takealot_page(name=TAKEALOT_NAME, price="R 12,899", listed="R 14,999", markup=TAKEALOT_MARKUP),
        TAKEALOT_URL,
        Shown(TAKEALOT_NAME, "12899", "ZAR", "14999", "InStock"),
        id="takealot-list-price-jsonld",
    ),
    pytest.param(
        takealot_page(name=TAKEALOT_NAME, price="R 12,899", listed="R 14,999"),
        TAKEALOT_URL,
        Shown(TAKEALOT_NAME, "12899", "ZAR", "14999", "InStock"),
        id="takealot-list-price-visible",
    ),
    pytest.param(
        takealot_page(name=TAKEALOT_NAME, price="R 12,899", in_stock=False),
        TAKEALOT_URL,
        Shown(TAKEALOT_NAME, "12899", "ZAR", None, "OutOfStock"),
        id="takealot-out-of-stock-visible",
    ),
]


# ---------------------------------------------------------------- Trendyol (trendyol.com)
# Written from memory of the desktop product page (server-rendered, BEM-ish short class names): header with the
# search box and "Sepetim" link, breadcrumb, h1.pr-new-br with the brand link and the name span, rating, the
# price container (div.pr-bx-nm with span.prc-org struck by its class and span.prc-dsc the price; or the basket
# discount box div.pr-bx-pr-dsc "Sepette %10 İndirim" with its own prc-org / prc-dsc), the "Kargo Bedava" and
# delivery estimate lines, size variants (sp-itm selected / so = sold out), "Sepete Ekle" button, or "Tükendi"
# button and "Gelince Haber Ver", seller box ("Satici" in Turkish), "Benzer Ürünler" carousel. Trendyol sends a JSON-LD
# Product (sku = the content id, brand, offers with price, priceCurrency TRY, availability).


def trendyol_page(*, brand: str, name: str, prices: str, sold_out: bool = False, markup: dict | None = None) -> str:
    button = (
        """<button class="add-to-basket sold-out" disabled><div class="add-to-basket-button-text">Tükendi</div>
        </button><button class="notify-me-button">Gelince Haber Ver</button>"""
        if sold_out
        else """<button class="add-to-basket"><div class="add-to-basket-button-text">Sepete Ekle</div></button>"""
    )
    body = f"""<div id="header"><div class="header-container"><a href="/" id="logo"><img alt="Trendyol"
      src="https://cdn.dsmcdn.com/web/logo/ty-web.svg"></a><div class="search-box-container"><input
      class="V8wbcUhU" placeholder="Aradığınız ürün, kategori veya markayı yazınız"></div><div class="account-nav-item
      basket-preview"><a href="/sepet" class="link account-basket"><i class="i-bagg"></i><p
      class="link-text">Sepetim</p></a></div></div></div>
      <div id="product-detail-app"><div class="product-detail-wrapper"><div class="breadcrumb-wrapper"><a
      class="breadcrumb-item" href="/">Trendyol</a><a class="breadcrumb-item" href="/elektronik">Elektronik</a><a
      class="breadcrumb-item" href="/kulaklik-x-c1234">Kulaklık</a></div>
      <div class="product-container"><div class="gallery-container"><img class="detail-section-img"
      src="https://cdn.dsmcdn.com/mnresize/1200/1800/ty1234/product/media/images/prod/SPM/PIM/1_org_zoom.jpg"
      alt="{brand} {name}"></div><div class="product-info-container"><div class="product-container"><div><h1
      class="pr-new-br" data-drroot="h1"><a href="/{brand.lower()}-x-b1234">{brand}</a> <span>{name}</span></h1>
      <div class="pr-in-rnr"><div class="ratings">4.5</div><a class="rvw-cnt-tx">2.341 Değerlendirme</a></div></div>
      <div class="product-price-container">{prices}</div>
      <div class="pr-shpmnt"><div class="free-cargo">Kargo Bedava</div><div class="dlvry-dt">Tahmini Kargoya Teslim:
      <span>2 gün içinde</span></div></div>
      <div class="sp-itms-cntnr"><span class="sp-itm selected">Siyah</span><span class="sp-itm so">Beyaz</span></div>
      <div class="product-button-container">{button}<button class="fv"><i class="i-heart"></i></button></div>
      <div class="seller-container"><span>Satıcı:</span> <a href="/magaza/x-m-1">Trendyol</a> <span
      class="sl-pn">9.4</span></div></div></div></div>
      <div class="product-slider-container"><h2>Benzer Ürünler</h2><div class="product-card"><div
      class="prdct-desc-cntnr-name">
      Xiaomi Redmi Buds 6 Play</div><div class="prc-box-dscntd">599,99 TL</div></div><div class="product-card"><div
      class="prdct-desc-cntnr-name">JBL Tune Flex</div><div class="prc-box-orgnl">2.999 TL</div><div
      class="prc-box-dscntd">2.499 TL</div></div></div></div></div>
      <footer><div class="footer-bottom">&copy; 2026 DSM Grup Danışmanlık İletişim ve Satış Tic. A.Ş.</div></footer>"""
    return page("tr", f"{brand} {name} Fiyatı, Yorumları - Trendyol", body, jsonld(markup) if markup else "")


def trendyol_markup(price: str, availability: str) -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": f"{TRENDYOL_BRAND} {TRENDYOL_NAME}",
        "sku": TRENDYOL_ID,
        "brand": {"@type": "Brand", "name": TRENDYOL_BRAND},
        "image": "https://cdn.dsmcdn.com/ty1234/product/media/images/prod/SPM/PIM/1_org_zoom.jpg",
        "offers": {
            "@type": "Offer",
            "url": TRENDYOL_URL,
            "priceCurrency": "TRY",
            "price": price,
            "itemCondition": "https://schema.org/NewCondition",
            "availability": f"https://schema.org/{availability}",
        },
    }


TRENDYOL_BRAND = "Xiaomi"
TRENDYOL_NAME = "Redmi Buds 6 Active Bluetooth Kulaklık Siyah"
TRENDYOL_ID = "812345678"
TRENDYOL_URL = f"https://www.trendyol.com/xiaomi/redmi-buds-6-active-bluetooth-kulaklik-siyah-p-{TRENDYOL_ID}?boutiqueId=61&merchantId=968"
TRENDYOL_SALE = """<div class="pr-bx-w"><div class="pr-bx-nm with-org-prc"><span class="prc-org">899,99 TL</span>
  <span class="prc-dsc">649,99 TL</span></div></div>"""
TRENDYOL_BASKET = """<div class="pr-bx-w"><div class="pr-bx-pr-dsc"><div class="pr-bx-pr-dsc-lbl"><span>Sepette %10
  İndirim</span></div><div class="pr-bx-pr-dsc-w"><span class="prc-org">649,99 TL</span><span
  class="prc-dsc">584,99 TL</span></div></div></div>"""
TRENDYOL_REGULAR = """<div class="pr-bx-w"><div class="pr-bx-nm"><span class="prc-dsc">649,99 TL</span></div></div>"""

TRENDYOL = [
    pytest.param(
        trendyol_page(
            brand=TRENDYOL_BRAND, name=TRENDYOL_NAME, prices=TRENDYOL_SALE, markup=trendyol_markup("649.99", "InStock")
        ),
        TRENDYOL_URL,
        Shown(f"{TRENDYOL_BRAND} {TRENDYOL_NAME}", "649.99", "TRY", "899.99", "InStock", TRENDYOL_ID),
        marks=defect(STRUCK_BESIDE_MARKUP_PRICE),
        id="trendyol-sale-jsonld",
    ),
    pytest.param(
        trendyol_page(brand=TRENDYOL_BRAND, name=TRENDYOL_NAME, prices=TRENDYOL_SALE),
        TRENDYOL_URL,
        Shown(f"{TRENDYOL_BRAND} {TRENDYOL_NAME}", "649.99", "TRY", "899.99", "InStock", TRENDYOL_ID),
        marks=defect(TRENDYOL_PRC_ORG),
        id="trendyol-sale-visible",
    ),
    pytest.param(
        # "Sepette %10 İndirim": the price the shopper pays is the basket price, the struck one the listed price
        trendyol_page(brand=TRENDYOL_BRAND, name=TRENDYOL_NAME, prices=TRENDYOL_BASKET),
        TRENDYOL_URL,
        Shown(f"{TRENDYOL_BRAND} {TRENDYOL_NAME}", "584.99", "TRY", "649.99", "InStock"),
        id="trendyol-basket-discount-visible",
    ),
    pytest.param(
        trendyol_page(
            brand=TRENDYOL_BRAND,
            name=TRENDYOL_NAME,
            prices=TRENDYOL_REGULAR,
            sold_out=True,
            markup=trendyol_markup("649.99", "OutOfStock"),
        ),
        TRENDYOL_URL,
        Shown(f"{TRENDYOL_BRAND} {TRENDYOL_NAME}", "649.99", "TRY", None, "OutOfStock", TRENDYOL_ID),
        id="trendyol-tukendi-jsonld",
    ),
    pytest.param(
        trendyol_page(brand=TRENDYOL_BRAND, name=TRENDYOL_NAME, prices=TRENDYOL_REGULAR, sold_out=True),
        TRENDYOL_URL,
        Shown(f"{TRENDYOL_BRAND} {TRENDYOL_NAME}", "649.99", "TRY", None, "OutOfStock"),
        id="trendyol-tukendi-visible",
    ),
]


# ---------------------------------------------------------------- Hepsiburada (hepsiburada.com)
# Written from memory of the older server-rendered product page (Knockout data-bind attributes, schema.org
# microdata on the product section): header with "Sepetim" and its count, breadcrumb, h1#product-name itemprop name,
# the price box (del#originalPrice "1.599,00 TL" struck, span#offering-price with content="1299.00" itemprop price and
# the amount split by data-bind spans, meta priceCurrency TRY, link availability), "%19 indirim" badge, "Tükendi"
# with "Gelince haber ver" in place of the "Sepete ekle" button when sold out, the seller line, "Benzer ürünler"
# cards, and the HBCV code as itemprop sku (the same code ends the URL, "-p-HBCV...").


def hb_page(*, name: str, price: str, value: str, old: str = "", sold_out: bool = False, microdata: bool = True) -> str:
    whole, fraction = price.split(",")
    old_html = (
        f"""<del id="originalPrice" class="price-old product-old-price">{old} TL</del><span class="discount-badge">
        %19 indirim</span>"""
        if old
        else ""
    )
    availability = "OutOfStock" if sold_out else "InStock"
    buy = (
        """<div class="out-of-stock-container"><span class="out-of-stock-text">Tükendi</span><button
        class="button big notify-me">Gelince haber ver</button></div>"""
        if sold_out
        else """<div class="addToCartButton"><button id="addToCart" class="button big with-icon" type="submit">Sepete
        ekle</button></div>"""
    )
    body = f"""<header id="header"><div class="header-container"><a href="/" title="Hepsiburada"><img
      src="https://images.hepsiburada.net/assets/sfstatic/Content/images/hb-logo.svg" alt="Hepsiburada"></a>
      <div class="search-box"><input type="text" placeholder="Ürün, kategori veya marka ara"></div><a href="/sepetim"
      id="shoppingCart"><span class="cart-title">Sepetim</span><span id="cartItemCount">0</span></a></div></header>
      <div class="wrapper"><ul class="breadcrumbs"><li><a href="/">Anasayfa</a></li><li><a
      href="/elektronik-c-2147483638">Elektronik</a></li><li><a href="/kulakliklar-c-60003131">Kulaklıklar</a></li></ul>
      <div class="product-detail-module" itemscope itemtype="https://schema.org/Product">
      <meta itemprop="sku" content="{HB_SKU}"><div class="product-image-wrapper"><img itemprop="image" alt="{name}"
      src="https://productimages.hepsiburada.net/s/123/550/110000456789.jpg"></div>
      <div class="product-information"><header class="title-wrapper"><h1 class="product-name best-price-trick"
      itemprop="name" id="product-name">{name}</h1><span class="brand-name">Marka: <a href="/xiaomi">Xiaomi</a></span>
      </header><div class="product-price-wrapper" itemprop="offers" itemscope itemtype="https://schema.org/Offer">
      <meta itemprop="priceCurrency" content="TRY"><link itemprop="availability" href="https://schema.org/{availability}">
      {old_html}<span class="product-price" id="offering-price" content="{value}" itemprop="price"><span
      data-bind="markupText:'currentPriceBeforePoint'">{whole}</span>,<span
      data-bind="markupText:'currentPriceAfterPoint'">{fraction}</span> TL</span></div>
      <div class="campaign-text">Sepette 100 TL indirim</div><div class="delivery-info">Yarın kargoda</div>{buy}
      <div class="seller-container">Satıcı: <a href="/magaza/hepsiburada">Hepsiburada</a></div></div></div>
      <section class="recommendations"><h2>Benzer ürünler</h2><div class="product-card"><h3>Xiaomi Redmi Buds 6
      Play</h3><div class="price-value">549,00 TL</div></div><div class="product-card"><h3>Anker Soundcore R50i</h3><div
      class="price-value">899,00 TL</div></div></section></div>
      <footer><div class="copyright">&copy; 2026 D-Market Elektronik Hizmetler ve Ticaret A.Ş.</div></footer>"""
    return page("tr", f"{name} Fiyatı - Hepsiburada", body if microdata else without_microdata(body))


HB_NAME = "Xiaomi Redmi Buds 6 Active Bluetooth Kulaklık Siyah"
HB_SKU = "HBCV00006ABCDE"
HB_URL = f"https://www.hepsiburada.com/xiaomi-redmi-buds-6-active-bluetooth-kulaklik-siyah-p-{HB_SKU}"

HEPSIBURADA = [
    pytest.param(
        hb_page(name=HB_NAME, price="1.299,00", value="1299.00", old="1.599,00"),
        HB_URL,
        Shown(HB_NAME, "1299.00", "TRY", "1599.00", "InStock", HB_SKU),
        id="hepsiburada-sale-microdata",
    ),
    pytest.param(
        hb_page(name=HB_NAME, price="1.299,00", value="1299.00", old="1.599,00", microdata=False),
        HB_URL,
        Shown(HB_NAME, "1299.00", "TRY", "1599.00", "InStock", HB_SKU),
        id="hepsiburada-sale-visible",
    ),
    pytest.param(
        hb_page(name=HB_NAME, price="1.599,00", value="1599.00", sold_out=True, microdata=False),
        HB_URL,
        Shown(HB_NAME, "1599.00", "TRY", None, "OutOfStock", HB_SKU),
        id="hepsiburada-tukendi-visible",
    ),
]


# ---------------------------------------------------------------- Digikala (digikala.com)
# Written from memory of the desktop PDP (Next.js, Tailwind-like utility classes, data-testid hooks), right to left,
# Persian digits: header with the search box and the cart link, breadcrumb, h1 (data-testid="pdp-title"), the
# seller box on the left with the discount percent badge (price-discount-percent), the struck price (price-no-discount,
# struck by a "line-through" class), the final price (price-final) followed by "تومان", the "افزودن به سبد" button
# (data-testid="add-to-cart"), or "ناموجود" and "این کالا فعلا موجود نیست ..." with a "موجود شد به من اطلاع بده"
# button; "کالاهای مشابه" carousel with prices. (The newest build draws "تومان" as an SVG icon; here it is text, as
# the pages of the last years and the mobile pages show it.)


def dk_page(*, name: str, price: str, old: str = "", pct: str = "", available: bool = True) -> str:
    old_html = (
        f"""<div class="flex items-center"><span class="line-through text-body-2 ml-1 color-300"
        data-testid="price-no-discount">{old}</span><div class="px-1 text-white rounded-large
        bg-hint-object-error"><span
        class="text-body2-strong" data-testid="price-discount-percent">{pct}</span></div></div>"""
        if old
        else ""
    )
    buy = (
        f"""<div class="flex flex-col items-end">{old_html}<div class="flex items-center"><span class="text-h4 ml-1
        color-800" data-testid="price-final">{price}</span><span class="text-body-2 color-800">تومان</span></div></div>
        <button class="relative flex items-center user-select-none text-button-1 styles_Button__primary"
        data-testid="add-to-cart"><div class="flex items-center justify-center relative grow">افزودن به سبد</div>
        </button>"""
        if available
        else """<p class="text-h5 color-400">ناموجود</p><p class="text-body-2 color-600">این کالا فعلا موجود نیست اما
        می‌توانید زنگوله را بزنید تا به محض موجود شدن، به شما خبر دهیم.</p><button class="styles_Button__secondary">
        موجود شد به من اطلاع بده</button>"""
    )
    body = f"""<header class="bg-neutral-000"><div class="flex items-center"><a href="/"><img alt="دیجی‌کالا"
      src="https://www.digikala.com/statics/img/svg/logo.svg"></a><div class="grow"><input placeholder="جستجو"
      type="text"></div><a href="/checkout/cart/" class="flex" data-cro-id="header-cart"><svg></svg><span
      class="text-caption">۰</span></a></div></header>
      <main><nav class="breadcrumb"><a href="/">دیجی‌کالا</a><span>/</span><a
      href="/main/mobile/">موبایل</a><span>/</span>
      <a href="/search/category-wireless-headphones/">هدفون بی سیم</a></nav>
      <div class="styles_InfoSection"><div class="styles_InfoSection__imageContainer"><img alt="{name}"
      src="https://dkstatics-public.digikala.com/digikala-products/abc123.jpg?x-oss-process=image/resize,m_lfit,h_800"></div>
      <div class="styles_InfoSection__leftSection"><a class="text-body-2 color-link" href="/brand/xiaomi/">شیائومی</a>
      <h1 class="text-h4 color-900 mb-2" data-testid="pdp-title">{name}</h1><div class="text-body-2">کد کالا: ۱۲۳۴۵۶۷۸
      </div><div class="text-body-2">۴.۳ (۲,۳۱۰ امتیاز)</div></div>
      <div class="styles_BuyBox" data-testid="buy-box"><p class="text-h5">فروشنده</p><p>دیجی‌کالا</p><p>گارانتی ۱۸ ماهه
      </p>{buy}</div></div>
      <section><h2>کالاهای مشابه</h2><div class="swiper-wrapper"><a href="/product/dkp-11111111/"><h3>هدفون بلوتوثی
      انکر مدل R50i</h3><span>۱,۴۹۰,۰۰۰</span><span>تومان</span></a><a href="/product/dkp-22222222/"><h3>هدفون
      بلوتوثی کیو سی وای T13</h3><span>۹۸۰,۰۰۰</span><span>تومان</span></a></div></section></main>
      <footer><p>برای استفاده از مطالب دیجی‌کالا، داشتن «هدف غیرتجاری» و ذکر «منبع» کافیست. تمامی حقوق متعلق به شرکت
      نوآوران فن آوازه (فروشگاه آنلاین دیجی‌کالا) است.</p></footer>"""
    return page("fa", f"مشخصات، قیمت و خرید {name} | دیجی‌کالا", body).replace("<html ", '<html dir="rtl" ', 1)


DK_NAME = "هدفون بلوتوثی شیائومی مدل Redmi Buds 6 Active"
DK_URL = "https://www.digikala.com/product/dkp-12345678/هدفون-بلوتوثی-شیائومی-مدل-redmi-buds-6-active/"

# Prices in tomans read as IRR with the digits the page shows (the toman, ten rials, has no ISO code: currency.py).
DIGIKALA = [
    pytest.param(
        dk_page(name=DK_NAME, price="۱,۲۴۹,۰۰۰", old="۱,۴۹۹,۰۰۰", pct="۱۷٪"),
        DK_URL,
        Shown(DK_NAME, "1249000", "IRR", "1499000", "InStock"),
        id="digikala-discount-toman-visible",
    ),
    pytest.param(
        dk_page(name=DK_NAME, price="۱,۴۹۹,۰۰۰"),
        DK_URL,
        Shown(DK_NAME, "1499000", "IRR", None, "InStock"),
        id="digikala-regular-toman-visible",
    ),
]


# ---------------------------------------------------------------- Myntra (myntra.com)
# Written from memory of the desktop PDP (server-rendered React, stable pdp-* classes): header with "Bag" link,
# breadcrumb, h1.pdp-title (brand) and h1.pdp-name (name), rating, p.pdp-discount-container with span.pdp-price
# strong "₹649", span.pdp-mrp "MRP" with <s>₹1799</s>, span.pdp-discount "(64% OFF)", "inclusive of all taxes",
# size buttons (size-buttons-size-button-selected; a struck-out size button for sold-out sizes), "ADD TO BAG" and
# "WISHLIST" (div buttons), "Best Offers" with "Best Price: ₹584", "Product Code: 12345678" in the details, "Similar
# products" cards. Myntra sends a JSON-LD Product (sku, mpn, brand, offers with price, priceCurrency INR).


def myntra_page(*, price: str, mrp: str = "", off: str = "", sold_out: bool = False, markup: dict | None = None) -> str:
    mrp_html = f'<span class="pdp-mrp"><s>{mrp}</s></span><span class="pdp-discount">{off}</span>' if mrp else ""
    buy = (
        """<div class="pdp-out-of-stock">OUT OF STOCK</div><div class="pdp-notify-me">NOTIFY ME</div>"""
        if sold_out
        else """<div class="pdp-add-to-bag pdp-button pdp-flex pdp-center"><span class="myntraweb-sprite
        pdp-whiteBag sprites-whiteBag pdp-flex pdp-center"></span>ADD TO BAG</div>"""
    )
    body = f"""<div id="mountRoot"><header id="desktop-header-cnt"><div class="desktop-bound"><a href="/"
      class="myntraweb-sprite desktop-logo sprites-headerLogo" aria-label="Myntra logo"></a><div
      class="desktop-query"><input placeholder="Search for products, brands and more" class="desktop-searchBar"></div>
      <a href="/checkout/cart" class="desktop-cart"><span class="myntraweb-sprite desktop-iconBag"></span><span
      class="desktop-userTitle">Bag</span></a></div></header>
      <main class="pdp-pdp-container"><div class="breadcrumbs-container"><a href="/">Home</a> / <a
      href="/clothing">Clothing</a> / <a href="/men-clothing">Men Clothing</a> / <a href="/shirts">Shirts</a> / <span
      class="breadcrumbs-link">Roadster Shirts</span></div>
      <div class="common-clearfix"><div class="image-grid-container"><div class="image-grid-image"
      style="background-image:
      url(&quot;https://assets.myntassets.com/h_720,q_90,w_540/v1/assets/images/12345678/2025/1/2/abc.jpg&quot;);">
      </div></div>
      <div class="pdp-description-container"><div class="pdp-price-info"><h1 class="pdp-title">Roadster</h1><h1
      class="pdp-name">Men Black Slim Fit Solid Casual Shirt</h1><div class="index-overallRatingContainer"><div
      class="index-overallRating"><div>4.2</div></div><div class="index-ratingsCount">18.4k Ratings</div></div>
      <p class="pdp-discount-container"><span class="pdp-price"><strong>{price}</strong></span>{mrp_html}</p><p
      class="pdp-selling-price"><span class="pdp-vatInfo">inclusive of all taxes</span></p></div>
      <div class="size-buttons-size-container"><h4 class="size-buttons-select-size">SELECT SIZE</h4><div
      class="size-buttons-size-buttons"><button class="size-buttons-size-button size-buttons-size-button-default">
      <p class="size-buttons-unified-size">S</p></button><button class="size-buttons-size-button
      size-buttons-size-button-default size-buttons-size-button-selected"><p
      class="size-buttons-unified-size">M</p></button><button class="size-buttons-size-button
      size-buttons-size-button-disabled"><p class="size-buttons-unified-size">XL</p></button></div></div>
      <div class="pdp-action-container pdp-fixed">{buy}<div class="pdp-add-to-wishlist pdp-button pdp-flex
      pdp-center">WISHLIST</div></div>
      <div class="pdp-offers-container"><h4>BEST OFFERS</h4><div class="pdp-offers-offerTitle">Best Price:
      <span class="pdp-offers-price">₹584</span></div><ul><li>Applicable on: Orders above Rs. 599 (only on first
      purchase)</li><li>Coupon code: <b>MYNTRA10</b></li></ul></div>
      <div class="pdp-productDescriptors"><div class="supplier-productSellerInfo"><div>Product Code: <span
      class="supplier-styleId">12345678</span></div><div>Seller: <span class="supplier-sellerName">Roadster Retail
      </span></div></div></div></div></div>
      <div class="product-sliderContainer"><h4>SIMILAR PRODUCTS</h4><li class="product-base"><a href="/shirts/here+now/
      2222/buy"><h3 class="product-brand">HERE&amp;NOW</h3><h4 class="product-product">Men Slim Fit Casual
      Shirt</h4><div
      class="product-price"><span><span class="product-discountedPrice">Rs. 599</span><span
      class="product-strike">Rs. 1999</span></span><span class="product-discountPercentage">(70% OFF)</span></div></a>
      </li></div></main>
      <footer class="desktop-base-footerContainer"><p>&copy; 2026 www.myntra.com. All rights
      reserved.</p></footer></div>"""
    return page(
        "en",
        "Buy Roadster Men Black Slim Fit Solid Casual Shirt - Shirts for Men 12345678 | Myntra",
        body,
        jsonld(markup) if markup else "",
    )


MYNTRA_URL = "https://www.myntra.com/shirts/roadster/roadster-men-black-slim-fit-solid-casual-shirt/12345678/buy"
MYNTRA_NAME = "Roadster Men Black Slim Fit Solid Casual Shirt"
MYNTRA_MARKUP = {
    "@context": "http://schema.org/",
    "@type": "Product",
    "name": MYNTRA_NAME,
    "image": "https://assets.myntassets.com/v1/assets/images/12345678/2025/1/2/abc.jpg",
    "sku": "12345678",
    "mpn": "12345678",
    "brand": {"@type": "Thing", "name": "Roadster"},
    "offers": {
        "@type": "Offer",
        "priceCurrency": "INR",
        "price": "649",
        "availability": "http://schema.org/InStock",
        "url": MYNTRA_URL,
    },
}

MYNTRA = [
    pytest.param(
        myntra_page(price="₹649", mrp="₹1799", off="(64% OFF)", markup=MYNTRA_MARKUP),
        MYNTRA_URL,
        Shown(MYNTRA_NAME, "649", "INR", "1799", "InStock", "12345678"),
        id="myntra-mrp-jsonld",
    ),
    pytest.param(
        # brand and name in two h1s, as the shopper reads them one after the other
        myntra_page(price="₹649", mrp="₹1799", off="(64% OFF)"),
        MYNTRA_URL,
        Shown(MYNTRA_NAME, "649", "INR", "1799", "InStock", "12345678"),
        marks=defect(MYNTRA_CARD_PRICE),
        id="myntra-mrp-visible",
    ),
    pytest.param(
        myntra_page(price="₹1799", sold_out=True),
        MYNTRA_URL,
        Shown(MYNTRA_NAME, "1799", "INR", None, "OutOfStock", "12345678"),
        marks=defect(MYNTRA_SOLD_OUT_CARD_PRICE),
        id="myntra-out-of-stock-visible",
    ),
]


# ---------------------------------------------------------------- Meesho (meesho.com)
# Written from memory of the desktop product page (styled-components "sc-eDvSVe" classes only, no headings): header
# with "Cart", breadcrumb, the product name in a span, h4 with the price, a struck MRP in a p (styled, no <s>),
# "42% off", "Free Delivery", "Select Size" chips, "Add to Cart" / "Buy Now" buttons, "Product Details", "People
# also viewed" cards with prices. Meesho sends no schema.org markup.


def meesho_page(*, name: str, price: str, mrp: str, off: str) -> str:
    body = f"""<div id="__next"><header class="sc-dkrFOg"><a href="/" aria-label="meesho"><svg></svg></a><div
      class="sc-hLBbgP"><input placeholder="Try Saree, Kurti or Search by Product Code" type="text"></div><a
      href="/cart" class="sc-iBYQkv"><svg></svg><span class="sc-eDvSVe">Cart</span></a></header>
      <div class="sc-gswNZR"><div class="sc-breadcrumbs"><a href="/">Home</a> / <a href="/women-ethnic">Women
      Ethnic</a> / <a href="/kurta-sets">Kurta Sets</a></div>
      <div class="sc-dmctIk"><div class="ProductDesktopImage__ImageWrapperDesktop"><img alt="{name}"
      src="https://images.meesho.com/images/products/412345678/abcd1_512.webp"></div>
      <div class="sc-jrcTuL ShippingInfo__DetailCard"><span class="sc-eDvSVe fhfLdV">{name}</span><div
      class="ShippingInfo__PriceRow"><h4 class="sc-eDvSVe biMVPh">{price}</h4><p class="sc-eDvSVe dUijPM">{mrp}</p><span
      class="sc-eDvSVe kKDsHa">{off}</span></div><div class="sc-eDvSVe">Free Delivery</div><div
      class="ShippingInfo__RatingRow"><span class="sc-eDvSVe">4.1</span><span class="sc-eDvSVe">12,457 Ratings</span>
      </div></div>
      <div class="sc-jrcTuL"><span class="sc-eDvSVe">Select Size</span><div class="sc-bjUoiL"><span
      class="sc-eDvSVe SizeSelectionChip">M</span><span class="sc-eDvSVe SizeSelectionChip">L</span></div></div>
      <div class="sc-jrcTuL"><button class="sc-bcXHqe ButtonSecondary"><span class="sc-eDvSVe">Add to Cart</span>
      </button><button class="sc-bcXHqe ButtonPrimary"><span class="sc-eDvSVe">Buy Now</span></button></div>
      <div class="sc-jrcTuL"><span class="sc-eDvSVe">Product Details</span><p class="sc-eDvSVe">Fabric: Rayon</p>
      </div></div>
      <div class="sc-jrcTuL"><span class="sc-eDvSVe">People also viewed</span><div class="NewProductCard"><p
      class="sc-eDvSVe">Women Rayon Kurta Set</p><h5 class="sc-eDvSVe">₹389</h5><p class="sc-eDvSVe">₹799</p></div>
      <div class="NewProductCard"><p class="sc-eDvSVe">Cotton Anarkali Kurti</p><h5 class="sc-eDvSVe">₹299</h5></div>
      </div></div><footer><p>&copy; 2015-2026 Meesho.com</p></footer></div>"""
    return page("en", f"{name} | Meesho", body)


MEESHO_NAME = "Aagam Ensemble Women Kurta Sets"

MEESHO = [
    pytest.param(
        meesho_page(name=MEESHO_NAME, price="₹349", mrp="₹599", off="42% off"),
        "https://www.meesho.com/aagam-ensemble-women-kurta-sets/p/5ab3cd",
        Shown(MEESHO_NAME, "349", "INR", "599", "InStock"),
        id="meesho-mrp-visible",
    ),
]


# More Amazon states: a size/colour "twister" whose swatches carry their own prices (the selected one is the price
# shown above), and amazon.ae in English with "List Price:" and the Tabby instalment line.
AMZ_TWISTER = """<div id="twister_feature_div"><div id="variation_color_name" class="a-section"><div class="a-row">
  <label
  class="a-form-label">Colour: </label><span class="selection">Luscious Black</span></div><ul class="a-unordered-list
  a-nostyle a-button-list a-horizontal"><li class="swatchSelect" data-defaultasin="B07PR1CL3S"><span
  class="a-button a-button-selected"><span class="a-button-inner"><span class="a-button-text"><div
  class="twisterTextDiv text"><p class="a-text-left a-size-base">Luscious Black</p></div><div
  class="twisterSlotDiv"><span class="a-size-mini twisterSwatchPrice"> ₹1,299.00 </span></div></span></span></span>
  </li><li class="swatchAvailable" data-defaultasin="B07PS2D2H4"><span class="a-button"><span
  class="a-button-inner"><span class="a-button-text"><div class="twisterTextDiv text"><p class="a-text-left
  a-size-base">Bluish Black</p></div><div class="twisterSlotDiv"><span class="a-size-mini twisterSwatchPrice">
  ₹1,499.00 </span></div></span></span></span></li><li class="swatchUnavailable" data-defaultasin="B07PS3X9ZZ"><span
  class="a-button a-button-unavailable"><span class="a-button-inner"><span class="a-button-text"><div
  class="twisterTextDiv text"><p class="a-text-left a-size-base">Aqua Blue</p></div><div class="twisterSlotDiv"><span
  class="a-size-mini twisterSwatchPrice"> Currently unavailable. </span></div></span></span></span></li></ul></div>
  </div>"""
AMZ_AE_EN = AMZ_EN | {"was": "List Price:", "taxes": "All prices include VAT.", "store": "Visit the Samsung Store"}
AMZ_AE_TABBY = """<div id="tabby_feature_div"><span class="a-size-base">Pay AED 87.25 now and rest in 3 interest-free
  payments with <img alt="tabby" src="https://m.media-amazon.com/images/G/39/tabby.png"></span></div>
  <div id="mbc_feature_div"><span>Save extra with <b>2 offers</b>: AED 50.00 cashback with Amazon.ae Credit Card</span>
  </div>"""
AMZ_AE_EN_NAME = "Samsung Galaxy Buds FE Wireless Earbuds, Graphite"

AMAZON_MORE = [
    pytest.param(
        amz_page(
            name=AMZ_IN_NAME,
            price_html=amz_price("₹1,299.00", "₹", "1,299", strike="₹3,990", pct="-67%"),
            availability="In stock",
            buyable=True,
            asin="B07PR1CL3S",
            cards=AMZ_IN_CARDS,
            extra=AMZ_TWISTER,
        ),
        AMZ_IN_URL,
        Shown(AMZ_IN_NAME, "1299", "INR", "3990", "InStock", "B07PR1CL3S"),
        id="amazon-in-twister-selected-colour",
    ),
    pytest.param(
        amz_page(
            lang="en-ae",
            name=AMZ_AE_EN_NAME,
            price_html=amz_price("AED349.00", "AED", "349", "00", strike="AED549.00", pct="-36%", s=AMZ_AE_EN),
            availability="In Stock",
            buyable=True,
            asin="B0CMDRCZBJ",
            cards=amz_card("Anker Soundcore Life P3", "AED199.00") + amz_card("JBL Tune 230NC", "AED299.00"),
            extra=AMZ_AE_TABBY,
            s=AMZ_AE_EN,
        ).replace("Amazon.in: Electronics", "Amazon.ae: Electronics"),
        "https://www.amazon.ae/Samsung-Galaxy-Wireless-Earbuds-Graphite/dp/B0CMDRCZBJ",
        Shown(AMZ_AE_EN_NAME, "349.00", "AED", "549.00", "InStock", "B0CMDRCZBJ"),
        id="amazon-ae-en-list-price-tabby",
    ),
]


# ---------------------------------------------------------------- Bukalapak (bukalapak.com)
# Written from memory of the desktop product page (server-rendered, BEM "c-main-product__" classes): header with the
# search bar and the "Keranjang" link, breadcrumb, h1.c-main-product__title, rating and "Terjual 1.203", the price
# block (div.c-product-price -discounted with the struck price in a <span> under the "-original" class, the price in
# span, "-16%"), the "Cicilan 0% mulai Rp16.583/bulan" instalment line, "Stok: 24" or "Stok habis", quantity and the
# "+ Keranjang" / "Beli Sekarang" buttons (disabled with "Stok habis" when sold out), the seller card, "Barang
# lain dari pelapak ini" cards. Bukalapak sends no schema.org Product markup on this layout.


def bl_page(*, name: str, price: str, original: str = "", stock: str, available: bool = True) -> str:
    struck = (
        f"""<div class="c-product-price -original"><span class="c-product-price__strike">{original}</span></div><span
        class="c-main-product__discount">-16%</span>"""
        if original
        else ""
    )
    disabled = "" if available else " disabled"
    body = f"""<header class="v-omnisearch"><a href="/" class="bl-logo" aria-label="Bukalapak">Bukalapak</a><input
      type="search" placeholder="Cari barang atau toko"><a href="/cart/carts" class="bl-header-cart">Keranjang</a>
      </header>
      <main class="c-main-product"><ul class="c-breadcrumb"><li><a href="/">Home</a></li><li><a
      href="/c/handphone">Handphone</a></li><li><a href="/c/handphone/aksesoris-handphone">Aksesoris</a></li></ul>
      <div class="c-main-product__gallery"><img alt="{name}" src="https://s1.bukalapak.com/img/1234567/large/tws.jpg">
      </div><div class="c-main-product__head"><h1 class="c-main-product__title">{name}</h1><div
      class="c-main-product__rating">4.8 | Terjual 1.203</div></div>
      <div class="c-main-product__price">{struck}<div class="c-product-price -main"><span>{price}</span></div></div>
      <div class="c-main-product__installment">Cicilan 0% mulai Rp16.583/bulan</div>
      <div class="c-main-product__stock">{stock}</div><div class="c-main-product__action"><div
      class="c-main-product__qty"><input type="number" value="1" aria-label="Jumlah"></div><button
      class="c-main-product__action__cart bl-button bl-button--outline"{disabled}>+ Keranjang</button><button
      class="c-main-product__action__buy bl-button bl-button--primary"{disabled}>Beli Sekarang</button></div>
      <div class="c-seller"><a href="/u/gadgetmurah">Gadget Murah Official</a><span>Jakarta Utara</span></div>
      <section class="c-seller-products"><h2>Barang lain dari pelapak ini</h2><div class="bl-product-card"><a
      href="/p/x/1-jual-powerbank">Powerbank 10000mAh</a><p class="bl-product-card__price">Rp129.000</p></div><div
      class="bl-product-card"><a href="/p/x/2-jual-kabel">Kabel Data Type-C</a><p
      class="bl-product-card__price">Rp25.000</p></div></section></main>
      <footer><p>&copy; 2010-2026 Bukalapak</p></footer>"""
    return page("id", f"Jual {name} - Gadget Murah Official | Bukalapak", body)


BL_NAME = "TWS Earbuds Bluetooth 5.3 Bass Stereo Garansi 1 Tahun"
BL_URL = "https://www.bukalapak.com/p/handphone/aksesoris-handphone/headset/4abcd5e-jual-tws-earbuds-bluetooth-5-3"

BUKALAPAK = [
    pytest.param(
        bl_page(name=BL_NAME, price="Rp199.000", original="Rp237.000", stock="Stok: 24"),
        BL_URL,
        Shown(BL_NAME, "199000", "IDR", "237000", "InStock"),
        id="bukalapak-discount-cicilan-visible",
    ),
    pytest.param(
        bl_page(name=BL_NAME, price="Rp199.000", stock="Stok habis", available=False),
        BL_URL,
        Shown(BL_NAME, "199000", "IDR", None, "OutOfStock"),
        id="bukalapak-stok-habis-visible",
    ),
]


# Jumia's flash sale: the deal price with the old price struck, a countdown and "Items left", the orange "Flash
# Sales" bar above the title (the same template, the bar added).
JUMIA_FLASH = [
    pytest.param(
        jumia_page(
            name=JUMIA_NAME,
            price="₦ 24,990",
            old="₦ 45,000",
            pct="44%",
            stock="12 items left",
            shipping=JUMIA_NG_SHIPPING,
            sku=JUMIA_SKU,
            cards=JUMIA_CARDS,
        ).replace(
            '<h1 class="-fs20',
            '<div class="-df -i-ctr -bg-or5 -phs -pvxs -fs14"><span>Flash Sales</span><span class="-fs14">Time Left:'
            ' <span class="cntdwn">05h : 12m : 09s</span></span></div><h1 class="-fs20',
        ),
        JUMIA_URL,
        Shown(JUMIA_NAME, "24990", "NGN", "45000", "InStock", JUMIA_SKU),
        id="jumia-ng-flash-sale-visible",
    ),
]


CASES = [
    *AMAZON,
    *FLIPKART,
    *TOKOPEDIA,
    *SHOPEE,
    *LAZADA,
    *TIKI,
    *NOON,
    *JUMIA,
    *TAKEALOT,
    *TRENDYOL,
    *HEPSIBURADA,
    *DIGIKALA,
    *MYNTRA,
    *MEESHO,
    *AMAZON_MORE,
    *BUKALAPAK,
    *JUMIA_FLASH,
]


# ---------------------------------------------------------------- Non-product pages of the same sites
# Search results, a category grid, a cart and a help article, each with prices and buy controls of its own, written
# from memory like the product pages above: the page evidence must not call any of them a product page.


def toko_search() -> str:
    cards = "".join(
        f"""<div class="css-5wh65g" data-testid="divProductWrapper"><a href="/{shop}/{slug}" class="css-54k5sq"><div
        class="css-1c345mg"><img alt="product-image" src="https://images.tokopedia.net/img/cache/200-square/{slug}.jpg">
        </div><div class="css-3um8ox"><span class="css-20kt3o" data-testid="spnSRPProdName">{name}</span><div
        class="css-pp6b3e"><span class="css-o5uqvq" data-testid="spnSRPProdPrice">{price}</span></div><div
        class="css-1rn0irl"><span class="css-q9wnub">{sold}</span></div><span class="css-1kdc32b
        flip">Jakarta Barat</span></div></a></div>"""
        for shop, slug, name, price, sold in (
            (
                "sneakersofficial",
                "sepatu-lari-a",
                "Sepatu Lari Pria Aerostreet Hoops Runner",
                "Rp159.900",
                "1rb+ terjual",
            ),
            ("ortuseight", "sepatu-lari-b", "Ortuseight Hyperblast 2.0 Sepatu Lari", "Rp499.000", "250+ terjual"),
            ("compass", "sepatu-lari-c", "Compass Velocity Running Shoes", "Rp728.000", "100+ terjual"),
            ("910", "sepatu-lari-d", "910 Nineten Haze 1.5 Sepatu Lari", "Rp349.000", "500+ terjual"),
        )
    )
    body = f"""<header><a href="/" aria-label="Tokopedia">Tokopedia</a><input type="search" value="sepatu lari"
      aria-label="Cari di Tokopedia"><a href="/cart" data-testid="btnHeaderCart" aria-label="Keranjang"></a></header>
      <main><div class="css-rjanld"><h1 class="css-1ad4f1l">Menampilkan 1 - 60 barang dari total 10rb+ untuk
      "sepatu lari"</h1><div class="css-1mc8y7g"><button>Urutkan: Paling Sesuai</button></div><div
      class="css-1gb9hzv" data-testid="filterSection"><p>Filter</p><label><input type="checkbox">Official Store</label>
      <label><input type="checkbox">Gratis Ongkir</label><label>Harga Minimum<input placeholder="Rp"></label></div>
      <div class="css-jza1fo" data-testid="divSRPContentProducts">{cards}</div></div></main>
      <footer><p>&copy; 2009-2026, PT Tokopedia</p></footer>"""
    return page("id", "Jual Sepatu Lari Terlengkap - Harga Murah | Tokopedia", body)


def flipkart_category() -> str:
    cards = "".join(
        f"""<div class="_75nlfW"><div data-id="MOB{i}" style="width:100%"><div class="tUxRFH"><a class="CGtC98"
        href="/x/p/itm{i}?pid=MOB{i}"><div class="Otbq5D"><img class="DByuf4" alt="{name}" src="https://rukminim2.flixcart
        .com/image/312/312/{i}.jpeg"></div><div class="yKfJKb row"><div class="col col-7-12"><div
        class="KzDlHZ">{name}</div><div class="_5OesEi"><span class="Y1HWO0"><div class="XQDdHH">4.3</div></span>
        </div></div><div class="col col-5-12 BfVC2z"><div class="cN1yYO"><div class="hl05eU"><div class="Nx9bqj
        _4b5DiR">{price}</div><div class="yRaY8j ZYYwLA">{mrp}</div><div class="UkUFwK"><span>{off}</span></div></div>
        </div></div></div></a></div></div></div>"""
        for i, (name, price, mrp, off) in enumerate(
            (
                ("SAMSUNG Galaxy M35 5G (Moonlight Blue, 128 GB)", "₹14,999", "₹24,499", "38% off"),
                ("REDMI 13C (Starshine Green, 128 GB)", "₹7,999", "₹10,999", "27% off"),
                ("POCO C65 (Pastel Blue, 128 GB)", "₹6,799", "₹9,999", "32% off"),
                ("vivo T3x 5G (Celestial Green, 128 GB)", "₹12,499", "₹16,499", "24% off"),
            )
        )
    )
    body = f"""<div id="container"><header class="_2NhoPJ"><a href="/" title="Flipkart">Flipkart</a><form
      action="/search"><input name="q" value="mobiles"></form><a href="/viewcart">Cart</a></header>
      <div class="DOjaWF YJG4Cf"><div class="DOjaWF gdgoEp col-2-12"><section class="_2hbLCH"><div
      class="_2lfNgP">Filters</div><div class="rWoNSA">Price</div><select><option>Min</option><option>₹10000
      </option></select></section></div><div class="DOjaWF gdgoEp col-10-12"><div class="_1YokD2"><h1
      class="BUOuZu"><span class="_10Ermr">Showing 1 – 24 of 3,217 results for "mobiles"</span></h1><div
      class="sHCOk2">Sort By <div class="zg-M3Z">Relevance</div><div class="zg-M3Z">Price -- Low to High</div></div>
      </div>{cards}</div></div>
      <footer class="_1LjrNP"><div class="_1ZMrY_">&copy; 2007-2026 Flipkart.com</div></footer></div>"""
    return page("en", "Mobiles- Buy Products Online at Best Price in India - All Categories | Flipkart.com", body)


def amazon_in_cart() -> str:
    body = f"""<header id="navbar-main"><a href="/" aria-label="Amazon.in">Amazon.in</a><a href="/gp/cart/view.html"
      id="nav-cart" aria-label="2 items in cart"><span id="nav-cart-count">2</span><span class="nav-line-2">Cart</span>
      </a></header>
      <div id="sc-active-cart" class="a-cardui"><h1 class="a-size-extra-large a-spacing-mini a-spacing-top-base
      a-text-normal">Shopping Cart</h1><div class="a-row a-spacing-mini sc-cart-header"><span
      class="a-size-base">Price</span></div>
      <div class="sc-list-item" data-asin="B07PR1CL3S" data-price="1299.0"><div class="sc-list-item-content"><img
      class="sc-product-image" alt="boAt Rockerz 450" src="https://m.media-amazon.com/images/I/61u48FEsQKL._AC_AA180_.jpg">
      <span class="a-truncate-full">{AMZ_IN_NAME}</span><span class="a-size-small sc-product-availability
      a-color-success">In stock</span><div class="sc-item-price-block"><span class="a-price sc-product-price"><span
      class="a-offscreen">₹1,299.00</span></span></div><span class="a-dropdown-prompt">Qty: 1</span><input
      type="submit" value="Delete" class="a-color-link"><input type="submit" value="Save for later"></div></div>
      <div class="sc-list-item" data-asin="B0BY8MCQ9S" data-price="1099.0"><span class="a-truncate-full">boAt Airdopes
      141 Bluetooth TWS Earbuds</span><span class="a-size-small sc-product-availability">Only 3 left in stock.</span>
      <span class="a-price sc-product-price"><span class="a-offscreen">₹1,099.00</span></span><span
      class="a-dropdown-prompt">Qty: 1</span><input type="submit" value="Delete"></div>
      <div id="sc-subtotal-label-activecart" class="a-size-medium">Subtotal (2 items): <span
      id="sc-subtotal-amount-activecart"><span class="a-size-medium a-color-base sc-price sc-white-space-nowrap">
      ₹2,398.00</span></span></div></div>
      <div id="sc-buy-box"><span class="a-color-success">Your order is eligible for FREE Delivery.</span><form
      action="/gp/cart/view.html/ref=ox_sc_proceed"><input name="proceedToRetailCheckout" class="a-button-input"
      type="submit" value="Proceed to Buy" aria-labelledby="sc-buy-box-ptc-button-announce"><span
      id="sc-buy-box-ptc-button-announce">Proceed to Buy (2 items)</span></form></div>
      <div id="sp_detail" class="a-carousel-container"><h2>Customers who bought items in your cart also bought</h2><ol
      class="a-carousel">{AMZ_IN_CARDS}</ol></div>
      <div id="navFooter"><span>&copy; 1996-2026, Amazon.com, Inc. or its affiliates</span></div>"""
    return page("en-in", "Amazon.in Shopping Cart", body)


def noon_help() -> str:
    body = """<header class="header"><a href="/uae-en/" aria-label="noon">noon</a><a href="/uae-en/cart/"
      class="cartLink">Cart</a></header>
      <main class="helpCenter"><nav class="sc-breadcrumbs"><a href="/uae-en/help/">Help Center</a> <a
      href="/uae-en/help/shipping/">Shipping &amp; Delivery</a></nav><h1>What are the delivery charges?</h1>
      <article class="helpArticle"><p>Delivery is free on orders of AED 100.00 and above for items sold by noon and
      fulfilled by noon (express). For orders below AED 100.00 a delivery fee of AED 10.00 applies.</p>
      <table><thead><tr><th>Order value</th><th>Delivery fee</th></tr></thead><tbody><tr><td>Below AED 100.00</td>
      <td>AED 10.00</td></tr><tr><td>AED 100.00 and above</td><td>Free</td></tr></tbody></table>
      <p>noon One members get free delivery on all express items. Cash on delivery carries a fee of AED 10.00.</p>
      <p>Was this article helpful? <button>Yes</button> <button>No</button></p></article>
      <aside><h2>Related articles</h2><ul><li><a href="/uae-en/help/returns/">How do I return an item?</a></li><li><a
      href="/uae-en/help/track/">Where is my order?</a></li></ul></aside></main>
      <footer class="footer"><p>&copy; 2026 noon. All Rights Reserved</p></footer>"""
    return page("uae-en", "Delivery charges | noon Help Center", body)


def trendyol_listing() -> str:
    cards = "".join(
        f"""<div class="p-card-wrppr with-campaign-view" data-id="{pid}"><div class="p-card-chldrn-cntnr card-border"><a
        href="/{brand.lower()}/{slug}-p-{pid}"><div class="image-container"><img class="p-card-img" alt="{brand} {name}"
        src="https://cdn.dsmcdn.com/mnresize/400/-/ty{pid}.jpg"></div><div class="prdct-desc-cntnr-wrppr"><h3
        class="prdct-desc-cntnr-ttl-w"><span class="prdct-desc-cntnr-ttl">{brand}</span> <span
        class="prdct-desc-cntnr-name">{name}</span></h3><div class="prc-box-dscntd">{price}</div></div></a><div
        class="add-to-bs-card"><button class="add-to-bs">Sepete Ekle</button></div></div></div>"""
        for pid, brand, slug, name, price in (
            ("812345678", "Xiaomi", "redmi-buds-6-active", "Redmi Buds 6 Active Bluetooth Kulaklık", "649,99 TL"),
            ("712345678", "JBL", "tune-flex", "Tune Flex ANC Kulak İçi Kulaklık", "2.499 TL"),
            ("612345678", "Anker", "soundcore-r50i", "Soundcore R50i Bluetooth Kulaklık", "899 TL"),
            ("512345678", "Lenovo", "lp40", "LP40 Pro Kablosuz Kulaklık", "349,90 TL"),
        )
    )
    body = f"""<div id="header"><a href="/" id="logo">Trendyol</a><input placeholder="Aradığınız ürün, kategori veya
      markayı yazınız"><a href="/sepet" class="link account-basket"><p class="link-text">Sepetim</p></a></div>
      <div id="search-app"><div class="srch-rslt-title"><div class="srch-ttl-cntnr-wrppr"><h1>Kulaklık</h1><div
      class="dscrptn">"kulaklık" araması için 12.483 sonuç listeleniyor</div></div><div class="sort-fltr-cntnr"><select>
      <option>Önerilen</option><option>En düşük fiyat</option></select></div></div><div class="fltrs-wrppr"><div
      class="fltr-cntnr-ttl">Marka</div><div class="fltr-item-text">Xiaomi</div><div
      class="fltr-cntnr-ttl">Fiyat</div><input placeholder="En Az"><input placeholder="En Çok"></div>
      <div class="prdct-cntnr-wrppr">{cards}</div></div>
      <footer><div class="footer-bottom">&copy; 2026 DSM Grup</div></footer>"""
    return page("tr", "Kulaklık Modelleri, Fiyatları - Trendyol", body)


NON_PRODUCT = [
    pytest.param(toko_search(), "https://www.tokopedia.com/search?st=&q=sepatu%20lari", id="tokopedia-search"),
    pytest.param(
        flipkart_category(), "https://www.flipkart.com/search?q=mobiles&otracker=search", id="flipkart-search"
    ),
    pytest.param(
        amazon_in_cart(),
        "https://www.amazon.in/gp/cart/view.html?ref_=nav_cart",
        id="amazon-in-cart",
    ),
    pytest.param(noon_help(), "https://www.noon.com/uae-en/help/delivery-charges/", id="noon-help"),
    pytest.param(
        trendyol_listing(),
        "https://www.trendyol.com/sr?q=kulakl%C4%B1k",
        id="trendyol-search",
    ),
]


@pytest.mark.parametrize(("html", "url", "shown"), CASES)
def test_marketplace_product_page_reads_as_the_shopper_reads_it(html: str, url: str, shown: Shown) -> None:
    result = extract_structured(html, url)
    assert result.name == shown.name
    if shown.price == NO_PRICE:
        assert result.price is None
    else:
        assert (result.price, result.currency) == (Decimal(shown.price), shown.currency)
    assert result.regular_price == (Decimal(shown.regular_price) if shown.regular_price else None)
    if shown.availability is not None:
        assert result.availability == shown.availability
    if shown.sku is not None:
        assert result.sku == shown.sku


# Product pages whose page evidence alone (before the URL model) does not say "product", and why we think so.
EVIDENCE_DEFECTS: dict[str, str] = {
    "myntra-mrp-visible": f"evidence 0.27 (no buy control, no main image: a background-image div): {MYNTRA_CARD_PRICE}",
}


def _evidence_case(case: Any) -> Any:
    html, url, _ = case.values
    reason = EVIDENCE_DEFECTS.get(case.id)
    return pytest.param(html, url, marks=defect(reason) if reason else (), id=case.id)


@pytest.mark.parametrize(("html", "url"), [_evidence_case(case) for case in CASES])
def test_marketplace_product_page_evidence_says_product(html: str, url: str) -> None:
    assert extract_structured(html, url).evidence.score >= 0.5


@pytest.mark.parametrize(("html", "url"), NON_PRODUCT)
def test_marketplace_non_product_page_evidence_says_not_product(html: str, url: str) -> None:
    assert extract_structured(html, url).evidence.score < 0.5
