"""Product pages as more shop platforms' default storefronts render them, written by hand.

The companion of test_platform_layouts.py for platforms strong outside the English-speaking web (nopCommerce,
Sylius, Odoo website_sale, ...): each page follows the markup one default storefront template renders, with the usual
chrome around it, and is checked against what a shopper reads on it. The template each page follows is named beside
it; no template code is copied, only what the browser receives.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.extraction.structured import extract_structured
from tests.extraction.test_platform_layouts import Shown, page, without_microdata

# ---------------------------------------------------------------- nopCommerce 4.x default theme
# nopSolutions/nopCommerce src/Presentation/Nop.Web/Views/Product/ProductTemplate.Simple.cshtml (div.product-name h1,
# overview), _SKU_Man_GTIN_Ven.cshtml ("SKU:" span.label + span.value), _Availability.cshtml ("Availability:" with the
# stock text), _ProductPrice.cshtml (div.old-product-price "Old price:", div.product-price with span.price-value-N),
# _AddToCart.cshtml (qty input, button.add-to-cart-button; an out-of-stock product keeps its button, the cart refuses
# it), _Microdata.cshtml (a hidden block of <meta> microdata after the page: sku, gtin, Offer price/currency/stock),
# RelatedProducts.cshtml + Shared/_ProductBox.cshtml (span.price.actual-price, span.price.old-price); header links
# from Views/Shared/Components/HeaderLinks ("Shopping cart (0)"); strings from the en-US and ru-RU language packs.


def nop_box(name: str, price: str, old: str = "", button: str = "Add to cart") -> str:
    old_html = f'<span class="price old-price">{old}</span>' if old else ""
    return f"""<div class="item-box"><div class="product-item" data-productid="12"><div class="picture"><a
      href="/{name.lower().replace(" ", "-")}" title="{name}"><img alt="{name}" src="/images/thumbs/0000012_415.jpeg"
      title="{name}"></a></div><div class="details"><h2 class="product-title"><a
      href="/{name.lower().replace(" ", "-")}">{name}</a></h2><div class="product-rating-box" title="0 review(s)">
      <div class="rating"><div style="width: 0%"></div></div></div><div class="description">{name}</div>
      <div class="add-info"><div class="prices">{old_html}<span class="price actual-price">{price}</span></div>
      <div class="buttons"><button type="button" class="button-2 product-box-add-to-cart-button">{button}</button>
      </div></div></div></div></div>"""


def nop_page(
    *,
    lang: str = "en",
    name: str,
    price: str,
    old: str = "",
    stock: str,
    sku: str,
    related: str,
    microdata: tuple[str, str, str] | None,
    url: str,
    strings: dict[str, str] | None = None,
) -> str:
    s = {
        "old": "Old price",
        "price": "Price",
        "availability": "Availability",
        "sku": "SKU",
        "qty": "Qty:",
        "add": "Add to cart",
        "cart": "Shopping cart",
        "related": "Related products",
        "empty": "You have no items in your shopping cart.",
        "tax": "Excluding tax",
    } | (strings or {})
    old_html = f"""<div class="old-product-price"><label>{s["old"]}:</label><span>{old}</span></div>""" if old else ""
    price_label = f"<label>{s['price']}:</label>" if old else ""
    meta = ""
    if microdata:
        value, currency, availability = microdata
        meta = f"""<!--Microdata--><div itemscope itemtype="http://schema.org/Product">
          <meta itemprop="name" content="{name}"/><meta itemprop="sku" content="{sku}"/>
          <meta itemprop="gtin" content=""/><meta itemprop="mpn" content=""/>
          <meta itemprop="description" content=""/>
          <meta itemprop="image" content="https://nop.example.com/images/thumbs/0000020_550.jpeg"/>
          <div itemprop="offers" itemscope itemtype="http://schema.org/Offer">
            <meta itemprop="url" content="{url}"/><meta itemprop="price" content="{value}"/>
            <meta itemprop="priceCurrency" content="{currency}"/><meta itemprop="priceValidUntil"/>
            <meta itemprop="availability" content="http://schema.org/{availability}" /></div>
          <div itemprop="review" itemscope itemtype="http://schema.org/Review"><meta itemprop="author" content="ALL"/>
            <meta itemprop="url" content="/productreviews/20"/></div></div>"""
    body = f"""<div class="master-wrapper-page"><div class="header"><div class="header-upper"><div
      class="header-links-wrapper"><div class="header-links"><ul><li><a href="/register?returnUrl=%2F"
      class="ico-register">Register</a></li><li><a href="/login?returnUrl=%2F" class="ico-login">Log in</a></li>
      <li><a href="/wishlist" class="ico-wishlist"><span class="wishlist-label">Wishlist</span><span
      class="wishlist-qty">(0)</span></a></li><li id="topcartlink"><a href="/cart" class="ico-cart"><span
      class="cart-label">{s["cart"]}</span><span class="cart-qty">(0)</span></a></li></ul></div>
      <div id="flyout-cart" class="flyout-cart"><div class="mini-shopping-cart"><div class="count">{s["empty"]}
      </div></div></div></div></div><div class="header-lower"><div class="header-logo"><a href="/"><img
      alt="Your store name" src="/Themes/DefaultClean/Content/images/logo.png"></a></div></div></div>
      <div class="master-wrapper-content"><div class="master-column-wrapper"><div class="center-1">
      <div class="breadcrumb"><ul><li><span><a href="/"><span>Home</span></a></span><span
      class="delimiter">/</span></li><li><strong class="current-item">{name}</strong></li></ul></div>
      <div class="page product-details-page"><div class="page-body"><form method="post" id="product-details-form"
      action="/{url.rsplit("/", 1)[-1]}"><div data-productid="20"><div class="product-essential">
        <div class="gallery"><div class="picture-gallery"><div class="picture"><img alt="{name}"
        src="/images/thumbs/0000020_550.jpeg" title="{name}" id="main-product-img-20"></div></div></div>
        <div class="overview"><div class="product-name"><h1>{name}</h1></div>
          <div class="short-description">Compact, fast and reliable.</div>
          <div class="additional-details"><div class="sku"><span class="label">{s["sku"]}:</span>
            <span class="value" id="sku-20">{sku}</span></div></div>
          <div class="availability"><div class="stock"><span class="label">{s["availability"]}:</span>
            <span class="value" id="stock-availability-value-20">{stock}</span></div></div>
          <div class="prices">{old_html}<div class="product-price">{price_label}<span id="price-value-20"
            class="price-value-20">{price}</span></div><div class="tax-shipping-info">{s["tax"]}</div></div>
          <div class="add-to-cart"><div class="add-to-cart-panel"><label class="qty-label"
            for="addtocart_20_EnteredQuantity">{s["qty"]}</label><input id="product_enteredQuantity_20"
            class="qty-input" type="text" aria-label="Enter a quantity" data-val="true"
            name="addtocart_20.EnteredQuantity" value="1">
            <button type="button" id="add-to-cart-button-20" class="button-1 add-to-cart-button"
            data-productid="20" onclick="AjaxCart.addproducttocart_details('/addproducttocart/details/20/1',
            '#product-details-form');return false;">{s["add"]}</button></div></div>
          <div class="overview-buttons"><div class="add-to-wishlist"><button type="button"
            id="add-to-wishlist-button-20" class="button-2 add-to-wishlist-button" value="Add to wishlist"
            data-productid="20">Add to wishlist</button></div></div></div>
        <div class="full-description"><p>A dependable machine for daily work.</p></div></div>
      <div class="product-collateral"><div class="related-products-grid product-grid"><div
        class="title"><strong>{s["related"]}</strong></div><div class="item-grid">{related}</div></div></div>
      </div></form>{meta}</div></div></div></div></div>
      <div class="footer"><div class="footer-lower"><div class="footer-info"><span class="footer-disclaimer">Copyright
      &copy; 2026 Your store name. All rights reserved.</span></div><div class="footer-powered-by">Powered by <a
      href="https://www.nopcommerce.com/">nopCommerce</a></div></div></div></div>"""
    return page(lang, f"Your store. {name}", body)


NOP_URL = "https://nop.example.com/lenovo-ideacentre"
NOP_RELATED = nop_box("Apple MacBook Pro", "$1,800.00") + nop_box("HP Spectre XT", "$1,350.00", old="$1,460.00")
NOP_RU = {
    "old": "Старая цена",
    "price": "Цена",
    "availability": "Наличие",
    "sku": "Артикул",
    "qty": "Кол-во:",
    "add": "В корзину",
    "cart": "Корзина",
    "related": "Похожие товары",
    "empty": "Ваша корзина пуста.",
    "tax": "Без учета НДС",
}
NOP_RU_URL = "https://nop.example.ru/noutbuk-lenovo"
NOP_RU_RELATED = nop_box("Ноутбук HP", "54 990,00 ₽", button="В корзину") + nop_box(
    "Ноутбук Asus", "61 500,00 ₽", old="69 900,00 ₽", button="В корзину"
)


def nop_en(**kw: object) -> str:
    args: dict = {"name": "Lenovo IdeaCentre", "sku": "LE_IC_600", "related": NOP_RELATED, "url": NOP_URL} | kw
    return nop_page(**args)


NOPCOMMERCE = [
    pytest.param(
        nop_en(price="$500.00", stock="In stock", microdata=("500.00", "USD", "InStock")),
        NOP_URL,
        Shown("Lenovo IdeaCentre", "500.00", "USD", None, "InStock", "LE_IC_600"),
        id="nop-regular-microdata",
    ),
    pytest.param(
        nop_en(price="$500.00", stock="In stock", microdata=None),
        NOP_URL,
        Shown("Lenovo IdeaCentre", "500.00", "USD", None, "InStock", "LE_IC_600"),
        id="nop-regular-visible",
    ),
    pytest.param(
        nop_en(price="$450.00", old="$520.00", stock="In stock", microdata=("450.00", "USD", "InStock")),
        NOP_URL,
        Shown("Lenovo IdeaCentre", "450.00", "USD", "520.00", "InStock", "LE_IC_600"),
        id="nop-old-price-microdata",
    ),
    pytest.param(
        nop_en(price="$450.00", old="$520.00", stock="In stock", microdata=None),
        NOP_URL,
        Shown("Lenovo IdeaCentre", "450.00", "USD", "520.00", "InStock", "LE_IC_600"),
        id="nop-old-price-visible",
    ),
    pytest.param(
        nop_en(price="$500.00", stock="Out of stock", microdata=("500.00", "USD", "OutOfStock")),
        NOP_URL,
        Shown("Lenovo IdeaCentre", "500.00", "USD", None, "OutOfStock"),
        id="nop-out-of-stock-microdata",
    ),
    pytest.param(
        # the buy button stays on an out-of-stock nopCommerce page; the stock line is what the shopper reads
        nop_en(price="$500.00", stock="Out of stock", microdata=None),
        NOP_URL,
        Shown("Lenovo IdeaCentre", "500.00", "USD", None, "OutOfStock"),
        id="nop-out-of-stock-visible",
    ),
    pytest.param(
        nop_page(
            lang="ru",
            name="Ноутбук Lenovo IdeaPad 3",
            price="47 990,00 ₽",
            old="52 490,00 ₽",
            stock="В наличии",
            sku="LEN-IP3-15",
            related=NOP_RU_RELATED,
            microdata=None,
            url=NOP_RU_URL,
            strings=NOP_RU,
        ),
        NOP_RU_URL,
        Shown("Ноутбук Lenovo IdeaPad 3", "47990.00", "RUB", "52490.00", "InStock", "LEN-IP3-15"),
        id="nop-ru-old-price-visible",
    ),
    pytest.param(
        nop_page(
            lang="ru",
            name="Ноутбук Lenovo IdeaPad 3",
            price="47 990,00 ₽",
            stock="Нет в наличии",
            sku="LEN-IP3-15",
            related=NOP_RU_RELATED,
            microdata=("47990.00", "RUB", "OutOfStock"),
            url=NOP_RU_URL,
            strings=NOP_RU,
        ),
        NOP_RU_URL,
        Shown("Ноутбук Lenovo IdeaPad 3", "47990.00", "RUB", None, "OutOfStock", "LEN-IP3-15"),
        id="nop-ru-out-of-stock-microdata",
    ),
]


# ---------------------------------------------------------------- Sylius 2 shop (Bootstrap)
# Sylius/Sylius src/Sylius/Bundle/ShopBundle/templates/product/show/page/info/summary/header.html.twig (h1.text-break),
# .../summary/price.html.twig + price/original.html.twig (div.fs-2 price, then <del> original price in a sibling div
# that is d-none without a discount), price/discount.html.twig (the EU "lowest price ... before the discount" note),
# .../variant_selection/availability_check.html.twig ("Out of stock" text instead of the add-to-cart form),
# .../variant_selection/add_to_cart/submit.html.twig (button "Add to cart"), shared/components/header/cart.html.twig
# (cart button with the items total, no count for an empty cart),
# product/show/page/product_listing/association.html.twig (products-grid of
# cards with prices). Sylius renders no schema.org markup. Strings from UiBundle/Resources/translations
# messages.{en,pl}.yml and messages+intl-icu.en.yml.


def sylius_card(name: str, price: str, original: str = "") -> str:
    original_html = f'<div class="text-body-tertiary"><del>{original}</del></div>' if original else ""
    return f"""<div><div class="card border-0"><a href="/en_US/products/{name.lower().replace(" ", "-")}"
      class="link-reset"><div class="mb-4 overflow-auto bg-light rounded-3"><img class="animate-image"
      src="/media/cache/sylius_shop_product_large_thumbnail/ab/cd/{name[:3].lower()}.jpg" alt="{name}"></div>
      <div class="h6 text-break">{name}</div><div class="d-flex gap-3 mt-2"><div>{price}</div>{original_html}
      </div></a></div></div>"""


def sylius_page(
    *,
    lang: str = "en",
    name: str,
    price: str,
    original: str = "",
    lowest: str = "",
    in_stock: bool = True,
    cart_total: str = "$0.00",
    related: str,
    related_heading: str = "Similar products",
    strings: dict[str, str] | None = None,
) -> str:
    s = {"add": "Add to cart", "out": "Out of stock", "qty": "Quantity"} | (strings or {})
    original_html = f"<div><del>{original}</del></div>" if original else '<div class="d-none"></div>'
    lowest_html = f'<div><small class="text-body-tertiary">{lowest}</small></div>' if lowest else ""
    buy = (
        f"""<form name="sylius_shop_add_to_cart" method="post" action="/{lang}/cart/add?productId=7"
          novalidate="novalidate"><div class="mb-4"><label for="sylius_shop_add_to_cart_cartItem_quantity"
          class="form-label required">{s["qty"]}</label><input type="number"
          id="sylius_shop_add_to_cart_cartItem_quantity"
          name="sylius_shop_add_to_cart[cartItem][quantity]" required="required" min="1" class="form-control"
          value="1"></div><div class="mb-3"><button type="submit" class="btn btn-primary px-4 py-2"
          id="add-to-cart-button">{s["add"]}</button></div></form>"""
        if in_stock
        else f"<div>{s['out']}</div>"
    )
    body = f"""<header><div class="container"><div class="row align-items-center py-3"><div class="col-auto"><a
      href="/{lang}/"><img src="/build/shop/images/logo.png" alt="Sylius logo" class="py-4"></a></div>
      <div class="col-auto position-relative"><div><button class="btn btn-icon btn-transparent px-0 position-relative"
      data-bs-toggle="offcanvas" data-bs-target="#offcanvasCart"><svg viewBox="0 0 24 24"></svg><span
      class="d-none d-lg-block ps-1">{cart_total}</span></button></div></div></div></div></header>
      <main><div class="container mb-6"><nav aria-label="breadcrumb"><ol class="breadcrumb"><li
      class="breadcrumb-item"><a href="/{lang}/">Home</a></li><li class="breadcrumb-item active">{name}</li></ol></nav>
      <div class="row g-3 g-lg-6"><div class="col-12 col-lg-7"><div class="overflow-auto bg-light rounded-3"><img
      class="img-fluid w-100" src="/media/cache/sylius_shop_product_large_thumbnail/7f/a1/main.jpg" alt="{name}">
      </div></div><div class="col-12 col-lg-5"><div class="sticky-top">
        <div class="mb-4"><h1 class="text-break">{name}</h1></div>
        <div class="mb-3 pb-1"><div class="mb-2"><div class="d-flex gap-3 align-items-center"><div
          class="fs-2">{price}</div>{original_html}</div></div><div>{lowest_html}</div></div>
        <div class="mb-5">{buy}</div>
        <div class="mb-4"><p>Comfortable everyday cotton.</p></div>
      </div></div></div></div>
      <div class="container mb-6"><h2 class="mb-5">{related_heading}</h2><div><div class="products-grid">{related}
      </div></div></div></main>
      <footer class="bg-light"><div class="container py-5"><div class="text-center">Powered by <a
      href="https://sylius.com">Sylius</a></div></div></footer>"""
    return page(lang, f"{name} | Fashion Web Store", body)


SYLIUS_URL = "https://sylius.example.com/en_US/products/everyday-white-basic-t-shirt"
SYLIUS_RELATED = sylius_card("Loose white designer T-Shirt", "$35.69") + sylius_card(
    "Ribbed copper slim fit Tee", "$28.14", "$41.00"
)
SYLIUS_PL = {"add": "Dodaj do koszyka", "out": "Brak w magazynie", "qty": "Ilość"}
SYLIUS_PL_URL = "https://sylius.example.pl/pl_PL/products/koszulka-basic-biala"
SYLIUS_PL_RELATED = sylius_card("Luźna biała koszulka", "129,00 zł") + sylius_card(
    "Prążkowana koszulka slim", "89,00 zł", "119,00 zł"
)

SYLIUS = [
    pytest.param(
        sylius_page(name="Everyday white basic T-Shirt", price="$42.36", related=SYLIUS_RELATED),
        SYLIUS_URL,
        Shown("Everyday white basic T-Shirt", "42.36", "USD", None, "InStock"),
        id="sylius-regular-visible",
    ),
    pytest.param(
        sylius_page(
            name="Everyday white basic T-Shirt",
            price="$33.89",
            original="$42.36",
            lowest="The lowest price from 30 days prior to the current discount was $38.10",
            related=SYLIUS_RELATED,
        ),
        SYLIUS_URL,
        Shown("Everyday white basic T-Shirt", "33.89", "USD", "42.36", "InStock"),
        id="sylius-discount-lowest-price-visible",
    ),
    pytest.param(
        sylius_page(name="Everyday white basic T-Shirt", price="$42.36", in_stock=False, related=SYLIUS_RELATED),
        SYLIUS_URL,
        Shown("Everyday white basic T-Shirt", "42.36", "USD", None, "OutOfStock"),
        id="sylius-out-of-stock-visible",
    ),
    pytest.param(
        sylius_page(
            lang="pl",
            name="Koszulka basic biała",
            price="99,00 zł",
            original="139,00 zł",
            # no Polish text for this message: Symfony falls back to the English one
            lowest="The lowest price from 30 days prior to the current discount was 119,00 zł",
            cart_total="0,00 zł",
            related=SYLIUS_PL_RELATED,
            related_heading="Podobne produkty",
            strings=SYLIUS_PL,
        ),
        SYLIUS_PL_URL,
        Shown("Koszulka basic biała", "99.00", "PLN", "139.00", "InStock"),
        id="sylius-pl-discount-visible",
    ),
    pytest.param(
        sylius_page(
            lang="pl",
            name="Koszulka basic biała",
            price="139,00 zł",
            in_stock=False,
            cart_total="0,00 zł",
            related=SYLIUS_PL_RELATED,
            related_heading="Podobne produkty",
            strings=SYLIUS_PL,
        ),
        SYLIUS_PL_URL,
        Shown("Koszulka basic biała", "139.00", "PLN", None, "OutOfStock"),
        id="sylius-pl-out-of-stock-visible",
    ),
]


# ---------------------------------------------------------------- Odoo 16/17 website_sale
# odoo/odoo addons/website_sale/views/templates.xml: template "product" (h1 itemprop="name", the Product microdata
# on #product_detail), "product_price" (div.product_price itemprop="offers" Offer; h3.css_editable_mode_hidden with
# span.oe_price > span.oe_currency_value; hidden span itemprop="price" and itemprop="priceCurrency"; the struck
# span.oe_default_price itemprop="listPrice" that is d-none without a discount; then h3.css_non_editable_mode_hidden
# with the list price, which only the website editor shows), #product_unavailable, the quantity widget and
# a#add_to_cart "Add to cart"; header cart link with sup.my_cart_quantity. Alternative products load by JS
# (s_dynamic_snippet_products), so the server page has none. Monetary fields: "$ 1,000.00" / "1.000,00 €".


def odoo_money(amount: str, symbol: str, after: bool) -> str:
    value = f'<span class="oe_currency_value">{amount}</span>'
    return f"{value}&nbsp;{symbol}" if after else f"{symbol}&nbsp;{value}"


def odoo_page(
    *,
    lang: str = "en-US",
    name: str,
    price: str,
    price_value: str,
    currency: str,
    symbol: str = "$",
    after: bool = False,
    list_price: str = "",
    microdata: bool = True,
    strings: dict[str, str] | None = None,
) -> str:
    s = {"add": "Add to cart", "shop": "Shop", "terms": "Terms and Conditions", "return": "30-day money-back guarantee"}
    s |= strings or {}
    discount = bool(list_price)
    struck = odoo_money(list_price or price, symbol, after)
    shown = odoo_money(price, symbol, after)
    body = f"""<div id="wrapwrap" class=" o_header_standard"><header id="top" data-anchor="true" data-name="Header"
      class="o_header_standard"><nav data-name="Navbar" aria-label="Main" class="navbar navbar-expand-lg navbar-light
      o_colored_level o_cc shadow-sm"><div id="o_main_nav" class="container"><a data-name="Navbar Logo" href="/"
      class="navbar-brand logo me-4"><span role="img" aria-label="Logo of My Company" title="My Company"><img
      src="/web/image/website/1/logo/My%20Company?unique=1" class="img img-fluid" alt="My Company"></span></a>
      <ul id="top_menu" role="menu" class="nav navbar-nav o_menu_loading flex-grow-1"><li role="presentation"
      class="nav-item"><a role="menuitem" href="/shop" class="nav-link "><span>{s["shop"]}</span></a></li></ul>
      <ul class="navbar-nav align-items-center gap-2 flex-shrink-0 justify-content-end ps-3"><li
      class="o_wsale_my_cart align-self-md-start "><a href="/shop/cart" aria-label="eCommerce cart"
      class="o_navlink_background btn position-relative rounded-circle p-1 text-center text-reset"><div class=""><i
      class="fa fa-shopping-cart fa-stack"></i><sup class="my_cart_quantity badge text-bg-primary position-absolute
      top-0 end-0 mt-n1 me-n1 rounded-pill d-none" data-order-id="">0</sup></div></a></li></ul></div></nav></header>
      <main><div itemscope="itemscope" itemtype="http://schema.org/Product" id="wrap"
      class="js_sale o_wsale_product_page ecom-zoomable zoomodoo-next">
      <section id="product_detail" class="container py-4 oe_website_sale"
      data-view-track="1"><div class="row justify-content-between mt-4 mb-5"><div class="col-lg-6 mt-lg-4
      o_wsale_product_images position-relative"><div class="o_carousel_product_outer carousel-outer position-relative
      flex-grow-1"><img src="/web/image/product.product/7/image_1024/%5BFURN_7800%5D%20Desk?unique=2f3a"
      itemprop="image" class="img img-fluid product_detail_img mh-100" alt="{name}"></div></div>
      <div id="product_details" class="col-lg-6 mt-md-4"><h1 itemprop="name">{name}</h1>
        <span itemprop="url" style="display:none;">https://odoo.example.com/shop/furn-7800-desk-7</span>
        <form action="/shop/cart/update" method="POST"><input type="hidden" name="csrf_token" value="ab12">
        <div class="js_product js_main_product mb-3"><div><div itemprop="offers" itemscope="itemscope"
          itemtype="http://schema.org/Offer" class="product_price mt-2 mb-3 d-inline-block"><h3
          class="css_editable_mode_hidden"><span class="oe_price" style="white-space: nowrap;"
          data-oe-type="monetary" data-oe-expression="combination_info['price']">{shown}</span>
          <span itemprop="price" style="display:none;">{price_value}</span><span itemprop="priceCurrency"
          style="display:none;">{currency}</span><span style="text-decoration: line-through; white-space: nowrap;"
          itemprop="listPrice" class="text-danger oe_default_price ms-1 h5 {"" if discount else "d-none"}"
          data-oe-type="monetary" data-oe-expression="combination_info['list_price']">{struck}</span></h3>
          <h3 class="css_non_editable_mode_hidden decimal_precision" data-precision="2"><span>{struck}</span></h3>
          </div><div id="product_unavailable" class="d-none"><h3 class="fst-italic">Not Available For Sale</h3>
          </div></div>
          <input type="hidden" class="product_id" name="product_id" value="7"><input type="hidden"
          class="product_template_id" name="product_template_id" value="7">
          <p class="css_not_available_msg alert alert-warning">This combination does not exist.</p>
          <div id="o_wsale_cta_wrapper" class="d-flex flex-wrap align-items-center"><div contenteditable="false"
          class="css_quantity input-group d-inline-flex me-2 mb-2 align-middle"><a class="btn btn-link
          js_add_cart_json" aria-label="Remove one" title="Remove one" href="#"><i class="fa fa-minus"></i></a><input
          type="text" class="form-control quantity text-center" data-min="1" name="add_qty" value="1"><a
          class="btn btn-link float_left js_add_cart_json" aria-label="Add one" title="Add one" href="#"><i class="fa
          fa-plus"></i></a></div><div id="add_to_cart_wrap" class="d-inline-flex align-items-center mb-2 me-auto"><a
          data-animation-selector=".o_wsale_product_images" role="button" id="add_to_cart" href="#"
          class="btn btn-primary js_check_product a-submit flex-grow-1"><i class="fa fa-shopping-cart me-2"></i>
          {s["add"]}</a></div></div></div></form>
        <div id="o_product_terms_and_share" class="d-flex justify-content-between flex-column flex-md-row
          align-items-md-end gap-3 mb-3"><p class="text-muted mb-0"><a href="/terms" class="text-muted"><u>{s["terms"]}
          </u></a><br>{s["return"]}</p></div>
      </div></div></section>
      <div itemprop="description" class="oe_structure oe_empty mt16" id="product_full_description"><p>Solid oak
      top.</p></div></div></main>
      <footer id="bottom" data-anchor="true" data-name="Footer" class="o_footer o_colored_level o_cc "><div
      class="o_footer_copyright o_colored_level o_cc" data-name="Copyright"><div class="container py-3"><span
      class="o_footer_copyright_name me-2">Copyright &copy; My Company</span><a class="o_brand_promotion_link"
      href="http://www.odoo.com" target="_blank">Powered by <span class="o_brand_promotion_text">Odoo</span></a>
      </div></div></footer></div>"""
    return page(lang, f"{name} | My Company", body if microdata else without_microdata(body))


ODOO_URL = "https://odoo.example.com/shop/furn-7800-desk-7"
ODOO_ES = {
    "add": "Añadir al carrito",
    "shop": "Tienda",
    "terms": "Términos y condiciones",
    "return": "Garantía de devolución 30 días",
}
ODOO_ES_URL = "https://odoo.example.es/es/shop/escritorio-roble-7"
ODOO_EUR = {"currency": "EUR", "symbol": "€", "after": True}

ODOO = [
    pytest.param(
        odoo_page(name="Desk Combination", price="1,150.00", price_value="1150.0", currency="USD"),
        ODOO_URL,
        Shown("Desk Combination", "1150.00", "USD", None, "InStock"),
        id="odoo-regular-microdata",
    ),
    pytest.param(
        odoo_page(name="Desk Combination", price="1,150.00", price_value="1150.0", currency="USD", microdata=False),
        ODOO_URL,
        Shown("Desk Combination", "1150.00", "USD", None, "InStock"),
        id="odoo-regular-visible",
    ),
    pytest.param(
        odoo_page(name="Desk Combination", price="977.50", price_value="977.5", currency="USD", list_price="1,150.00"),
        ODOO_URL,
        Shown("Desk Combination", "977.50", "USD", "1150.00", "InStock"),
        id="odoo-discount-microdata",
    ),
    pytest.param(
        odoo_page(
            name="Desk Combination",
            price="977.50",
            price_value="977.5",
            currency="USD",
            list_price="1,150.00",
            microdata=False,
        ),
        ODOO_URL,
        Shown("Desk Combination", "977.50", "USD", "1150.00", "InStock"),
        id="odoo-discount-visible",
    ),
    pytest.param(
        odoo_page(
            lang="es-ES",
            name="Escritorio de roble",
            price="1.249,00",
            price_value="1249.0",
            list_price="1.499,00",
            strings=ODOO_ES,
            **ODOO_EUR,
        ),
        ODOO_ES_URL,
        Shown("Escritorio de roble", "1249.00", "EUR", "1499.00", "InStock"),
        id="odoo-es-discount-microdata",
    ),
    pytest.param(
        odoo_page(
            lang="es-ES",
            name="Escritorio de roble",
            price="1.249,00",
            price_value="1249.0",
            strings=ODOO_ES,
            microdata=False,
            **ODOO_EUR,
        ),
        ODOO_ES_URL,
        Shown("Escritorio de roble", "1249.00", "EUR", None, "InStock"),
        id="odoo-es-regular-visible",
    ),
]


# ---------------------------------------------------------------- Solidus classic frontend (Spree heritage)
# solidusio/solidus frontend/app/views/spree/products/show.html.erb (div[data-hook=product_show] with the Product
# microdata, h1.product-title itemprop name), products/_cart_form.html.erb (the Offer microdata; h6 "Price",
# span.price.selling itemprop="price" with the formatted amount, an empty span itemprop="priceCurrency" content=...,
# link availability InStock when it can supply, else span.out-of-stock "Out of Stock" under a buy button that stays),
# shared/_header.html.erb + _main_nav_bar ("Cart: (Empty)"), products/_taxons.html.erb ("Look for similar items",
# taxon links without prices). Solidus shows no struck price. Strings from solidus_i18n en and es.


def solidus_page(
    *,
    lang: str = "en",
    name: str,
    price: str,
    currency: str,
    in_stock: bool,
    microdata: bool = True,
    strings: dict[str, str] | None = None,
) -> str:
    s = {
        "price": "Price",
        "add": "Add To Cart",
        "out": "Out of Stock",
        "cart": "Cart: (Empty)",
        "similar": "Look for similar items",
        "properties": "Properties",
        "login": "Login",
    } | (strings or {})
    stock = (
        '<link itemprop="availability" href="http://schema.org/InStock" />'
        if in_stock
        else f'<br /><span class="out-of-stock">{s["out"]}</span>'
    )
    body = f"""<header id="header" data-hook><div id="spree-header"><div class="container"><figure id="logo"
      class="columns six" data-hook><a href="/"><img alt="Sample Store" src="/assets/logo/solidus.svg"></a></figure>
      <nav id="top-nav-bar" class="columns ten"><ul id="nav-bar" class="inline" data-hook><li id="search-bar"
      data-hook><form action="/products" method="get"><input type="search" name="keywords" id="keywords"
      placeholder="Search"><input type="submit" value="Search"></form></li><li id="link-to-login"><a
      href="/login">{s["login"]}</a></li><li id="link-to-cart" data-hook><a class="cart-info empty"
      href="/cart">{s["cart"]}</a></li></ul></nav></div></div></header>
      <div class="container"><div id="wrapper" class="row" data-hook><div id="content" class="columns sixteen"
      data-hook><div data-hook="product_show" itemscope itemtype="http://schema.org/Product">
        <div class="columns six alpha" data-hook="product_left_part">
          <div class="row" data-hook="product_left_part_wrap">
          <div id="product-images" data-hook="product_images"><div id="main-image" class="panel panel-default"
          data-hook><img alt="{name}" itemprop="image" src="/spree/products/1/large/tote.jpg"></div></div>
          <div data-hook="product_properties"><h6 class="product-section-title">{s["properties"]}</h6><table
          id="product-properties" class="table-display"><tbody><tr class="even"><td><strong>Material</strong></td>
          <td>Canvas</td></tr></tbody></table></div></div></div>
        <div class="columns ten omega" data-hook="product_right_part"><div class="row"
          data-hook="product_right_part_wrap"><div id="product-description" data-hook="product_description">
          <h1 class="product-title" itemprop="name">{name}</h1><div itemprop="description"
          data-hook="description">Roomy canvas bag for every day.</div>
          <div id="cart-form" data-hook="cart_form"><form action="/orders/populate" accept-charset="UTF-8"
          method="post"><div id="inside-product-cart-form" data-hook="inside_product_cart_form" itemprop="offers"
          itemscope itemtype="http://schema.org/Offer"><input type="hidden" name="variant_id" id="variant_id"
          value="1"><div data-hook="product_price" class="columns five  alpha "><div id="product-price"><h6
          class="product-section-title">{s["price"]}</h6><div><span class="price selling" itemprop="price">
          {price}</span><span itemprop="priceCurrency" content="{currency}"></span></div>{stock}</div>
          <div class="add-to-cart"><input type="number" name="quantity" id="quantity" value="1" class="title"
          min="1"><button name="button" type="submit" class="large primary" id="add-to-cart-button">{s["add"]}
          </button></div></div></div></form></div></div>
          <div id="taxon-crumbs" class="columns five omega" data-hook><h6
          class="product-section-title">{s["similar"]}</h6><div data-hook="product_taxons">
          <ul id="similar_items_by_taxon"
          data-hook><li><a href="/t/categories/bags">Bags</a></li></ul></div></div></div></div></div></div></div></div>
      <footer id="footer" class="sixteen columns" data-hook><div id="footer-left" class="columns alpha eight"
      data-hook><p>Powered by <a href="http://solidus.io/">Solidus</a></p></div></footer>"""
    return page(lang, f"{name} - Sample Store", body if microdata else without_microdata(body))


SOLIDUS_URL = "https://solidus.example.com/products/solidus-tote"
SOLIDUS_ES = {
    "price": "Precio",
    "add": "Agregar al carrito",
    "out": "Agotado",
    "cart": "Carrito: (Vacío)",
    "similar": "Buscar artículos similares",
    "properties": "Propiedades",
    "login": "Ingresar",
}

SOLIDUS = [
    pytest.param(
        solidus_page(name="Solidus Tote", price="$15.99", currency="USD", in_stock=True),
        SOLIDUS_URL,
        Shown("Solidus Tote", "15.99", "USD", None, "InStock"),
        id="solidus-regular-microdata",
    ),
    pytest.param(
        solidus_page(name="Solidus Tote", price="$15.99", currency="USD", in_stock=True, microdata=False),
        SOLIDUS_URL,
        Shown("Solidus Tote", "15.99", "USD", None, "InStock"),
        id="solidus-regular-visible",
    ),
    pytest.param(
        solidus_page(name="Solidus Tote", price="$15.99", currency="USD", in_stock=False),
        SOLIDUS_URL,
        Shown("Solidus Tote", "15.99", "USD", None, "OutOfStock"),
        id="solidus-out-of-stock-microdata",
    ),
    pytest.param(
        solidus_page(name="Solidus Tote", price="$15.99", currency="USD", in_stock=False, microdata=False),
        SOLIDUS_URL,
        Shown("Solidus Tote", "15.99", "USD", None, "OutOfStock"),
        id="solidus-out-of-stock-visible",
    ),
    pytest.param(
        solidus_page(
            lang="es", name="Bolsa Solidus", price="15,99 €", currency="EUR", in_stock=False, strings=SOLIDUS_ES
        ),
        "https://solidus.example.es/products/bolsa-solidus",
        Shown("Bolsa Solidus", "15.99", "EUR", None, "OutOfStock"),
        id="solidus-es-out-of-stock-microdata",
    ),
]


# ---------------------------------------------------------------- OXID eShop 6 "wave" theme
# OXID-eSales/wave-theme tpl/page/details/inc/productmain.tpl (div.details-info with the Product microdata,
# h1#productTitle, "Product number:" (ARTNUM), the Offer itemscope on div.details-information that closes BEFORE the
# price, so itemprop="price" (a hidden copy of the formatted price) and the availability links sit on the Product;
# del.price-old for the RRP, label#productPrice span.price with "*" markup, button#toBasket "To cart", or no form
# controls when the article cannot be bought; span.stockFlag "Ready for shipping" / notOnStock with the
# MESSAGE_NOT_ON_STOCK text), widget/product/listitem_grid.tpl for the "Similar products" boxes (oldPrice del + lead
# price), layout/header.tpl minibasket button, layout/footer.tpl VAT note; strings from OXID-eSales/oxideshop_ce
# source/Application/translations/{en,de}/lang.php.


def oxid_box(name: str, price: str, old: str = "") -> str:
    old_html = f'<span class="oldPrice text-muted"><del>{old}</del></span>' if old else ""
    return f"""<div class="productData col-12 col-sm-6 col-md-4 productBox"><form name="tobasketproductList_1"
      action="/index.php?" method="post" class="js-oxProductForm"><div class="picture text-center"><a
      href="/{name.lower().replace(" ", "-")}.html" title="{name}"><img src="/out/pictures/generated/product/1/
      390_245_75/nopic.jpg" alt="{name}" class="img-fluid"></a></div><div class="listDetails text-center"><div
      class="title"><a id="productList_1" href="/{name.lower().replace(" ", "-")}.html" class="title"
      title="{name}"><span>{name}</span></a></div><div class="price text-center"><div class="content">{old_html}
      <span class="lead text-nowrap">{price}*</span></div></div></div></form></div>"""


def oxid_page(
    *,
    lang: str = "en",
    name: str,
    price: str,
    rrp: str = "",
    artnum: str,
    buyable: bool,
    related: str,
    microdata: bool = True,
    strings: dict[str, str] | None = None,
) -> str:
    s = {
        "artnum": "Product number:",
        "cart": "To cart",
        "ready": "Ready for shipping",
        "not_on_stock": "This item is not on stock and has to be re-ordered.",
        "delivery": "Delivery time: 1 - 2 days",
        "similar": "Similar products",
        "vat": "* incl. tax, plus Shipping costs",
        "basket": "Basket",
    } | (strings or {})
    rrp_html = f'<del class="price-old">{rrp}</del><br />' if rrp else ""
    danger = ' class="text-danger"' if rrp else ""
    if buyable:
        basket = f"""<div class="tobasketFunction tobasket-function"><div class="input-group tobasket-input-group">
          <input id="amountToBasket" type="text" name="am" value="1" autocomplete="off" class="form-control"><div
          class="input-group-append"><button id="toBasket" type="submit" class="btn btn-primary submitButton"><i
          class="fa fa-shopping-cart"></i> {s["cart"]}</button></div></div></div>
          <span class="stockFlag"><link itemprop="availability" href="http://schema.org/InStock"/><i class="fa
          fa-circle text-success"></i> {s["ready"]}</span><div class="deliverytime small">{s["delivery"]}</div>"""
    else:
        basket = f"""<div class="tobasketFunction tobasket-function"></div><span class="stockFlag notOnStock"><i
          class="fa fa-circle text-danger"></i><link itemprop="availability" href="http://schema.org/OutOfStock"/>
          {s["not_on_stock"]}</span>"""
    body = f"""<header id="header" class="header"><div class="header-box"><div class="container"><div class="row">
      <div class="col-12 col-md-6 col-lg-3 logo-col"><a href="/" title=""><img
      src="/out/wave/img/logo_oxid.png" alt="" style="width:auto;max-width:250px;"></a></div>
      <div class="col-12 col-md-6 col-lg-9 menus-col"><div class="menu-dropdowns"><div class="btn-group
      minibasket-menu"><button type="button" class="btn dropdown-toggle" data-toggle="dropdown"
      data-href="/index.php?cl=basket" aria-label="{s["basket"]}"><i class="fa fa-shopping-cart fa-2x"
      aria-hidden="true"></i></button><ul class="dropdown-menu dropdown-menu-right float-right" role="menu"><li>
      <div class="row"><div class="col-12"><div class="minibasket-menu-box"></div></div></div></li></ul></div>
      </div></div></div></div></div></header>
      <div id="wrapper"><div class="container"><div class="underdog"><div class="content-box"><div id="content"
      class="details"><div id="details_container"><div id="productinfo"><div id="details"><form
      class="js-oxProductForm" action="/index.php?" method="post"><div class="hidden"><input type="hidden"
      name="cl" value="details"><input type="hidden" name="aid" value="dc5ffdf380e15674b56dd562a7cb6aec"><input
      type="hidden" name="fnc" value="tobasket"></div>
      <div class="details-info" itemscope itemtype="http://schema.org/Product"><div class="row">
        <div class="col-12 col-md-4 details-col-left"><div class="picture details-picture"><img
          src="/out/pictures/generated/product/1/540_340_75/kite.jpg" alt="{name} " itemprop="image"
          class="img-fluid"></div></div>
        <div class="col-12 col-sm-8 col-md-5 col-lg-6 details-col-middle">
          <h1 id="productTitle" class="details-title" itemprop="name">{name} </h1>
          <span class="small text-muted">{s["artnum"]} {artnum}</span>
          <p class="details-shortdesc" id="productShortdesc" itemprop="description">Freestyle kite.</p>
          <div class="details-information" itemprop="offers" itemscope itemtype="http://schema.org/Offer"></div>
          <div class="price-wrapper">{rrp_html}<label id="productPrice" class="price-label"><span{danger}><span
            class="price-from"></span><span class="price">{price}</span><span class="price-markup">*</span><span
            class="d-none"><span itemprop="price">{price}</span></span></span></label></div>
          <div class="tobasket">{basket}</div></div>
        <div class="col-12 col-sm-4 col-md-3 col-lg-2 details-col-right"><ul class="list-unstyled
          details-action-links"><li><a id="loginToNotice" href="/index.php?cl=account">Add to wish list</a></li></ul>
        </div></div></div></form></div></div>
      <div class="boxwrapper" id="boxwrapper_similar"><div class="page-header"><h2>{s["similar"]}</h2></div><div
        class="list-container" id="similar"><div class="row gridView">{related}</div></div></div>
      </div></div></div></div></div></div>
      <footer class="footer" id="footer"><div class="container"><div class="row"><div class="col-12"><div
      class="footer-box footer-box-vat">{s["vat"]}</div></div></div></div></footer>"""
    return page(
        lang, f"OXID Surf and Kite Shop | {name} | online kaufen", body if microdata else without_microdata(body)
    )


OXID_URL = "https://oxid.example.com/en/Kiteboarding/Kites/Kite-CORE-GTS.html"
OXID_RELATED = oxid_box("Kite NBK REBEL", "€699.00", old="€799.00") + oxid_box("Kite RRD PASSION", "€539.00")
OXID_DE = {
    "artnum": "Artikelnummer:",
    "cart": "In den Warenkorb",
    "ready": "Sofort lieferbar",
    "not_on_stock": "Dieser Artikel ist nicht auf Lager und muss erst nachbestellt werden.",
    "delivery": "Lieferzeit: 1 - 2 Tage",
    "similar": "Ähnliche Produkte",
    "vat": "* inkl. MwSt., zzgl. Versandkosten",
    "basket": "Warenkorb",
}
OXID_DE_URL = "https://oxid.example.de/Kiteboarding/Kites/Kite-CORE-GTS.html"
OXID_DE_RELATED = oxid_box("Kite NBK REBEL", "699,00 €", old="799,00 €") + oxid_box("Kite RRD PASSION", "539,00 €")

OXID = [
    pytest.param(
        oxid_page(name="Kite CORE GTS", price="€879.00", artnum="1402", buyable=True, related=OXID_RELATED),
        OXID_URL,
        Shown("Kite CORE GTS", "879.00", "EUR", None, "InStock", "1402"),
        id="oxid-regular-microdata",
    ),
    pytest.param(
        oxid_page(
            name="Kite CORE GTS", price="€879.00", artnum="1402", buyable=True, related=OXID_RELATED, microdata=False
        ),
        OXID_URL,
        Shown("Kite CORE GTS", "879.00", "EUR", None, "InStock", "1402"),
        id="oxid-regular-visible",
    ),
    pytest.param(
        oxid_page(
            name="Kite CORE GTS", price="€749.00", rrp="€879.00", artnum="1402", buyable=True, related=OXID_RELATED
        ),
        OXID_URL,
        Shown("Kite CORE GTS", "749.00", "EUR", "879.00", "InStock", "1402"),
        id="oxid-rrp-microdata",
    ),
    pytest.param(
        oxid_page(name="Kite CORE GTS", price="€879.00", artnum="1402", buyable=False, related=OXID_RELATED),
        OXID_URL,
        Shown("Kite CORE GTS", "879.00", "EUR", None, "OutOfStock", "1402"),
        id="oxid-not-buyable-microdata",
    ),
    pytest.param(
        oxid_page(
            lang="de",
            name="Kite CORE GTS",
            price="749,00 €",
            rrp="879,00 €",
            artnum="1402",
            buyable=True,
            related=OXID_DE_RELATED,
            microdata=False,
            strings=OXID_DE,
        ),
        OXID_DE_URL,
        Shown("Kite CORE GTS", "749.00", "EUR", "879.00", "InStock", "1402"),
        id="oxid-de-rrp-visible",
    ),
    pytest.param(
        oxid_page(
            lang="de",
            name="Kite CORE GTS",
            price="879,00 €",
            artnum="1402",
            buyable=False,
            related=OXID_DE_RELATED,
            microdata=False,
            strings=OXID_DE,
        ),
        OXID_DE_URL,
        Shown("Kite CORE GTS", "879.00", "EUR", None, "OutOfStock", "1402"),
        id="oxid-de-not-buyable-visible",
    ),
]


CASES = [*NOPCOMMERCE, *SYLIUS, *ODOO, *SOLIDUS, *OXID]


@pytest.mark.parametrize(("html", "url", "shown"), CASES)
def test_more_platform_product_page_reads_as_the_shopper_reads_it(html: str, url: str, shown: Shown) -> None:
    result = extract_structured(html, url)
    assert result.name == shown.name
    assert (result.price, result.currency) == (Decimal(shown.price), shown.currency)
    assert result.regular_price == (Decimal(shown.regular_price) if shown.regular_price else None)
    if shown.availability is not None:
        assert result.availability == shown.availability
    if shown.sku is not None:
        assert result.sku == shown.sku
