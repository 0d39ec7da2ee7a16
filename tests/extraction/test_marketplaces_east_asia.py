"""Product pages of the large East Asian marketplaces and retailers, written by hand.

Held-out shops include Japanese, Korean, Chinese, Taiwanese and Hong Kong marketplaces, whose pages often carry no
schema.org markup at all, show whole-unit currencies ("3,980円", "39,800원"), a "¥" that is JPY on a .jp site and CNY
on a .cn/.com Chinese one, tax-included notes (税込), points earned ("39ポイント"), coupon and member prices, and
monthly sales counts beside the price. Each page here follows what a browser receives for one site's product page
(the rendered DOM: tags, class names, visually hidden labels, struck prices, stock words, the markup the site emits
or none), with the chrome around it: a header with a cart link, breadcrumbs, a carousel of other products with their
prices, a footer. Each is checked against what a shopper reads on it: the price they pay now for the selected offer,
the struck/was/list price only where one shows, the stock only where the page states it or shows a buy button, the
SKU only where the page shows the site's item code or the URL carries the marketplace's id. No page is copied (there
is no internet here): every builder is written from memory of the site's layout, as its comment says, so class names
may differ from today's site; the structures are the point.

A `Shown.price` of "" means the page shows no price for the product (an Amazon page whose item is out of stock).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from app.extraction.structured import extract_structured
from tests.extraction.test_platform_layouts import Shown, defect, page, without_microdata
from tests.support.markup import jsonld

# What each failing page shows to be wrong, and the part of app/extraction/structured we think is responsible.


def _product_ld(
    name: str,
    price: str,
    currency: str,
    availability: str = "InStock",
    sku: str | None = None,
    url: str | None = None,
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": name,
        "image": "https://img.example-cdn.net/main.jpg",
        "offers": {
            "@type": "Offer",
            "price": price,
            "priceCurrency": currency,
            "availability": f"https://schema.org/{availability}",
        },
    }
    if sku:
        data["sku"] = sku
    if url:
        data["offers"]["url"] = url
    return data


# ---------------------------------------------------------------- Rakuten Ichiba (楽天市場)
# From memory of the classic PC item page (item.rakuten.co.jp/<shop>/<item>/): the common Rakuten header with
# 買い物かご, the shop's breadcrumb, span.item_number (商品番号), span.item_name in an <h1>, the price table with
# "当店通常価格" (the shop's usual price, shown as a plain labelled amount) and span.price2 "3,980円" followed by
# 税込 / 送料無料, the points line ("39ポイント 1倍"), the かごに追加 button, or "売り切れました" instead of it;
# Product/Offer microdata on the item block (price content without separators, priceCurrency JPY). Under it a
# "この商品を見ている人はこんな商品も見ています" strip with other items' prices.


def rakuten_page(
    *,
    name: str,
    price: str,
    price_value: str,
    usual: str = "",
    off: str = "",
    points: str = "39",
    sold_out: bool = False,
    item: str = "kc-2231",
    microdata: bool = True,
) -> str:
    usual_html = (
        f"""<tr><td><span class="normal_reserve_item_original_price">当店通常価格<span
        class="double_price">{usual}</span>（税込）</span></td></tr>"""
        if usual
        else ""
    )
    off_html = f'<span class="discount_rate">{off}OFF</span>' if off else ""
    buy = (
        '<span class="soldout_msg">売り切れました</span>'
        if sold_out
        else """<table class="cart_table"><tr><td>個数<input type="text" name="units" value="1" size="3"></td>
        <td><button type="submit" class="new_addToCart" name="cart">かごに追加</button></td></tr></table>"""
    )
    availability = "OutOfStock" if sold_out else "InStock"
    body = f"""<div id="rakutenLimitedId_header" class="ri-cmn-hdr"><a href="https://www.rakuten.co.jp/"
      class="ri-cmn-hdr-logo">楽天市場</a><form action="https://search.rakuten.co.jp/search/mall/" method="get"><input
      type="text" name="sitem" placeholder="何をお探しですか？"><button type="submit">検索</button></form><a
      href="https://basket.step.rakuten.co.jp/rms/mall/bs/cartall/" class="ri-cmn-hdr-cart">買い物かご</a></div>
      <div id="pagebody"><table width="100%"><tr><td class="sdtext"><a href="https://www.rakuten.co.jp/kitchenco/">
      キッチンコレクション</a> &gt; <a href="https://item.rakuten.co.jp/kitchenco/c/0000000101/">フライパン</a>
      </td></tr></table>
      <div itemscope itemtype="http://schema.org/Product"><table class="item_table"><tr><td>
        <span class="image_main"><img itemprop="image" src="https://shop.r10s.jp/kitchenco/cabinet/{item}.jpg"
        alt="{name}"></span></td><td>
        <span class="item_number_title">商品番号：</span><span class="item_number">{item}</span><br>
        <h1><span class="item_name" itemprop="name"><b>{name}</b></span></h1>
        <table class="price_table">{usual_html}<tr><td><span class="price_label">販売価格</span>
          <span itemprop="offers" itemscope itemtype="http://schema.org/Offer"><span class="price2"
          itemprop="price" content="{price_value}">{price}</span><meta itemprop="priceCurrency" content="JPY"><link
          itemprop="availability" href="http://schema.org/{availability}"></span>
          <span class="tax_postage">（税込）<span class="dsf-postage">送料無料</span></span>{off_html}</td></tr>
          <tr><td><span class="point-summary"><span class="point-summary__total">{points}ポイント</span>
          <span class="point-summary__multiplier">1倍</span></span></td></tr></table>
        {buy}
        <p class="shop_point">楽天カード決済でポイント最大4倍</p></td></tr></table></div>
      <div class="rakuten-recommend"><h3>この商品を見ている人はこんな商品も見ています</h3><ul>
        <li><a href="https://item.rakuten.co.jp/kitchenco/kc-2232/">ガラス蓋 26cm</a><span>1,480円</span></li>
        <li><a href="https://item.rakuten.co.jp/kitchenco/kc-2240/">フライパン 20cm</a><span>2,980円</span></li>
      </ul></div></div>
      <div id="rakutenLimitedId_footer">&copy; Rakuten Group, Inc.</div>"""
    return page("ja", f"【楽天市場】{name}：キッチンコレクション", body if microdata else without_microdata(body))


# From memory of the 2023 item page (the same URL; rendered by script into #item-page-app): CSS-module class names
# with hashed suffixes, the name in an <h1>, the price split into a value div "3,980" and a unit div "円", then
# 税込 and 送料無料, the points block ("398ポイント" and "10倍 ポイントアップ"), a shop coupon ("400円OFFクーポン"
# with a クーポンを獲得する button), the quantity stepper and かごに追加 / 購入手続きへ, or a disabled "売り切れ" button
# with 在庫なし; no schema.org markup.


def rakuten_app_page(*, name: str, price: str, coupon: str = "", sold_out: bool = False) -> str:
    coupon_html = (
        f"""<div class="coupon--2Wc3x"><span class="text--1vBVC">{coupon}円OFFクーポン</span><span
        class="text--1vBVC">3,000円以上で利用可能</span><button class="button--3SNv6">クーポンを獲得する</button>
        </div>"""
        if coupon
        else ""
    )
    buy = (
        """<div class="stock--3ENm3">在庫なし</div><button class="button--3SNv6 disabled--2N8pX" disabled>売り切れ
        </button>"""
        if sold_out
        else """<div class="number-input--1Jb8M"><button aria-label="減らす">-</button><input type="number"
        value="1"><button aria-label="増やす">+</button></div><button class="button--3SNv6 type-primary--2n7Uw">
        かごに追加</button><button class="button--3SNv6 type-secondary--1Jq3s">購入手続きへ</button>"""
    )
    body = f"""<div id="rakutenLimitedId_header" class="ri-cmn-hdr"><a href="https://www.rakuten.co.jp/">楽天市場</a><a
      href="https://basket.step.rakuten.co.jp/rms/mall/bs/cartall/" class="ri-cmn-hdr-cart">買い物かご</a></div>
      <div id="item-page-app"><nav class="breadcrumb--3Rbx6"><a href="https://www.rakuten.co.jp/kitchenco/">
      キッチンコレクション</a> &gt; <span>フライパン</span></nav><div class="layout-inline--1ajCj"><div
      class="image-main--2FOaY"><img src="https://tshop.r10s.jp/kitchenco/cabinet/kc-2231.jpg" alt="{name}"></div>
      <div class="layout-vertical--3mx9J"><h1 class="text-display--1Iony type-header--18XjX">{name}</h1>
      <div class="price-wrapper--1ZdKo"><div class="value--1oSD_">{price}</div><div class="unit--3eCjo">円</div><span
      class="tax--3Wn0c">税込</span><span class="shipping--2D3oX">送料無料</span></div>
      <div class="point-summary--2m5yA"><span class="point--3Ym5E">398ポイント</span><span class="multiplier--1h0yV">
      10倍 ポイントアップ</span></div>{coupon_html}{buy}</div></div>
      <div class="recommend--1Xk8W"><h2>この商品を見ている人はこんな商品も見ています</h2><ul><li><a
      href="https://item.rakuten.co.jp/kitchenco/kc-2232/">ガラス蓋 26cm</a><div class="value--1oSD_">1,480</div><div
      class="unit--3eCjo">円</div></li></ul></div></div>
      <div id="rakutenLimitedId_footer">&copy; Rakuten Group, Inc.</div>"""
    return page("ja", f"【楽天市場】{name}：キッチンコレクション", body)


RAKUTEN_URL = "https://item.rakuten.co.jp/kitchenco/kc-2231/"
RAKUTEN_NAME = "【送料無料】IH対応 フライパン 26cm 深型 ガス火対応"

RAKUTEN = [
    pytest.param(
        rakuten_page(name=RAKUTEN_NAME, price="3,980円", price_value="3980"),
        RAKUTEN_URL,
        Shown(RAKUTEN_NAME, "3980", "JPY", None, "InStock", "kc-2231"),
        id="rakuten-regular-microdata",
    ),
    pytest.param(
        rakuten_page(name=RAKUTEN_NAME, price="3,980円", price_value="3980", microdata=False),
        RAKUTEN_URL,
        Shown(RAKUTEN_NAME, "3980", "JPY", None, "InStock", "kc-2231"),
        id="rakuten-regular-visible",
    ),
    pytest.param(
        rakuten_page(
            name=RAKUTEN_NAME, price="3,480円", price_value="3480", usual="4,980円", off="30%", microdata=False
        ),
        RAKUTEN_URL,
        Shown(RAKUTEN_NAME, "3480", "JPY", "4980", "InStock"),
        id="rakuten-usual-price-visible",
    ),
    pytest.param(
        rakuten_page(name=RAKUTEN_NAME, price="3,980円", price_value="3980", sold_out=True),
        RAKUTEN_URL,
        Shown(RAKUTEN_NAME, "3980", "JPY", None, "OutOfStock"),
        id="rakuten-sold-out-microdata",
    ),
    pytest.param(
        rakuten_page(name=RAKUTEN_NAME, price="3,980円", price_value="3980", sold_out=True, microdata=False),
        RAKUTEN_URL,
        Shown(RAKUTEN_NAME, "3980", "JPY", None, "OutOfStock"),
        id="rakuten-sold-out-visible",
    ),
    pytest.param(
        # size options priced apart and none chosen yet: the page shows a range, 3,980円 to 4,980円 (wave dash)
        rakuten_page(name=RAKUTEN_NAME, price="3,980円～4,980円", price_value="3980", microdata=False),
        RAKUTEN_URL,
        Shown(RAKUTEN_NAME, "3980", "JPY", None, "InStock", "kc-2231"),
        id="rakuten-from-price-range-visible",
    ),
    pytest.param(
        rakuten_app_page(name=RAKUTEN_NAME, price="3,980", coupon="400"),
        RAKUTEN_URL,
        Shown(RAKUTEN_NAME, "3980", "JPY", None, "InStock"),
        id="rakuten-2023-layout-coupon-points-visible",
    ),
    pytest.param(
        rakuten_app_page(name=RAKUTEN_NAME, price="3,980", sold_out=True),
        RAKUTEN_URL,
        Shown(RAKUTEN_NAME, "3980", "JPY", None, "OutOfStock"),
        id="rakuten-2023-layout-sold-out-visible",
    ),
]


# ---------------------------------------------------------------- Amazon.co.jp
# From memory of the desktop detail page (www.amazon.co.jp/<slug>/dp/<ASIN>): #nav-cart with #nav-cart-count and
# "カート", the wayfinding breadcrumb, span#productTitle (padded with whitespace), #bylineInfo, the
# #corePriceDisplay_desktop_feature_div block (span.savingsPercentage "-20%", span.a-price.priceToPay whose
# span.a-offscreen holds "￥7,990" and whose aria-hidden copy is split into a-price-symbol / a-price-whole, then
# "参考価格:" with a struck a-text-price data-a-strike="true"), #points_feature_div ("80ポイント(1%)"), the size
# twister with a price under each swatch, the buy box (#availability "在庫あり。", "カートに入れる" / "今すぐ買う",
# or #outOfStock "現在在庫切れです。" and no price at all), the detail bullets with "ASIN", and a
# "この商品をチェックした人はこんな商品もチェックしています" carousel with a-price blocks. Amazon emits no JSON-LD or
# microdata.


def amazon_price(amount: str, size: str = "xl", strike: bool = False) -> str:
    attrs = ' data-a-strike="true" data-a-color="secondary"' if strike else ""
    kind = "a-text-price" if strike else "aok-align-center"
    return f"""<span class="a-price {kind}" data-a-size="{size}"{attrs}><span class="a-offscreen">￥{amount}</span><span
      aria-hidden="true"><span class="a-price-symbol">￥</span><span
      class="a-price-whole">{amount}</span></span></span>"""


def amazon_card(name: str, amount: str) -> str:
    return f"""<li class="a-carousel-card"><div class="p13n-sc-uncoverable-faceout"><a class="a-link-normal"
      href="/dp/B0XXXXXXXX"><img alt="{name}" src="https://m.media-amazon.com/images/I/x.jpg"><div
      class="p13n-sc-truncate-desktop-type2">{name}</div></a><div class="a-row"><a class="a-link-normal a-text-normal"
      href="/dp/B0XXXXXXXX"><span class="a-size-base a-color-price">{amazon_price(amount, "base")}</span></a></div>
      </div></li>"""


AMAZON_TWISTER = """<div id="variation_size_name" class="a-section a-spacing-small"><div class="a-row"><label
  class="a-form-label">サイズ: </label><span class="selection">M</span></div><ul class="a-unordered-list
  a-nostyle a-button-list a-horizontal">
  <li class="swatchAvailable"><span class="a-button-text"><div class="twisterTextDiv text"><p>S</p></div><div
  class="twisterSlotDiv"><span class="a-size-mini twisterSwatchPrice"> ￥3,480 </span></div></span></li>
  <li class="swatchSelect"><span class="a-button-text"><div class="twisterTextDiv text"><p>M</p></div><div
  class="twisterSlotDiv"><span class="a-size-mini twisterSwatchPrice"> ￥3,980 </span></div></span></li>
  <li class="swatchAvailable"><span class="a-button-text"><div class="twisterTextDiv text"><p>L</p></div><div
  class="twisterSlotDiv"><span class="a-size-mini twisterSwatchPrice"> ￥4,280 </span></div></span></li>
  </ul></div>"""


def amazon_page(
    *,
    name: str,
    price: str = "",
    basis: str = "",
    saving: str = "",
    points: str = "",
    in_stock: bool = True,
    asin: str = "B0C3XZ7KQM",
    twister: str = "",
    basis_label: str = "参考価格",
    unit: str = "",
    subscribe: str = "",
    category: str = "ファッション",
) -> str:
    saving_html = (
        f"""<span class="a-size-large a-color-price savingPriceOverride aok-align-center
        reinventPriceSavingsPercentageMargin savingsPercentage">{saving}</span>"""
        if saving
        else ""
    )
    basis_html = (
        f"""<div class="a-section a-spacing-small aok-align-center"><span><span class="aok-offscreen">{basis_label}:
        ￥{basis}</span><span aria-hidden="true" class="a-size-small a-color-secondary aok-align-center basisPrice">
        {basis_label}: {amazon_price(basis, "s", strike=True)}</span></span></div>"""
        if basis
        else ""
    )
    # the price per unit beside the price (grocery), as "(￥80 / 100 g)"
    unit_html = (
        f"""<span class="a-size-mini aok-offscreen"> ￥{unit} / 100 g </span><span aria-hidden="true"
        class="a-size-small a-color-price">({amazon_price(unit, "mini")} / 100 g)</span>"""
        if unit
        else ""
    )
    core = (
        f"""<div id="corePriceDisplay_desktop_feature_div"><div class="a-section a-spacing-none aok-align-center
        aok-relative"><span class="aok-offscreen"> ￥{price} 税込 </span>{saving_html}<span
        class="a-price aok-align-center reinventPricePriceToPayMargin priceToPay" data-a-size="xl"><span
        class="a-offscreen">￥{price}</span><span aria-hidden="true"><span class="a-price-symbol">￥</span><span
        class="a-price-whole">{price}</span></span></span><span class="a-size-small a-color-base">税込</span>{unit_html}
        </div>{basis_html}</div>"""
        if price
        else ""
    )
    # the buy box's subscribe-and-save row under the one-time purchase row, which is the one selected
    subscribe_html = (
        f"""<div id="buyBoxAccordion" class="a-box-group"><div id="newAccordionRow" class="a-box
        a-accordion-active"><span class="a-text-bold">1回のみの購入</span> {amazon_price(price, "base")}</div><div
        id="snsAccordionRowMiddle" class="a-box"><span class="a-text-bold">定期おトク便</span>
        {amazon_price(subscribe, "base")} <span class="a-color-price">(10% OFF)</span><span> 定期おトク便の詳細</span>
        </div></div>"""
        if subscribe
        else ""
    )
    points_html = (
        f"""<div id="points_feature_div"><span class="a-size-base a-color-price a-text-bold">{points}ポイント
        (1%)</span><span class="a-size-base"> 詳細はこちら</span></div>"""
        if points
        else ""
    )
    if in_stock:
        buybox = f"""<div id="buybox">{subscribe_html}<div id="corePrice_feature_div">{amazon_price(price)}</div>
          <div id="mir-layout-DELIVERY_BLOCK"><span data-csa-c-delivery-price="無料">配送料無料 5月3日 金曜日
          にお届け</span></div><div id="availability" class="a-section a-spacing-base"><span
          class="a-size-medium a-color-success"> 在庫あり。 </span></div>
          <form id="addToCart" method="post" action="/gp/product/handle-buy-box/ref=dp_start-bbf_1_glance"><input
          type="hidden" name="ASIN" value="{asin}"><div id="quantityRelocate_feature_div"><label
          for="quantity">数量:</label><select name="quantity" id="quantity"><option value="1" selected>1</option>
          </select></div><span id="submit.add-to-cart" class="a-button a-button-primary a-button-icon"><span
          class="a-button-inner"><input id="add-to-cart-button" name="submit.add-to-cart" title="カートに追加"
          class="a-button-input" type="submit" value="カートに追加"><span id="submit.add-to-cart-announce"
          class="a-button-text" aria-hidden="true">カートに入れる</span></span></span><span id="submit.buy-now"
          class="a-button a-button-oneclick"><span class="a-button-inner"><input id="buy-now-button"
          name="submit.buy-now" title="今すぐ買う" class="a-button-input" type="submit"><span
          id="submit.buy-now-announce" class="a-button-text" aria-hidden="true">今すぐ買う</span></span></span>
          </form><div class="tabular-buybox-text">出荷元 Amazon 販売元 Amazon</div></div>"""
    else:
        buybox = """<div id="buybox"><div id="outOfStock" class="a-box a-alert-inline-info"><div class="a-box-inner">
          <div class="a-section a-spacing-small a-text-center"><span class="a-color-price a-text-bold">
          現在在庫切れです。</span><br><span class="a-color-secondary">この商品の再入荷予定は立っておりません。</span>
          </div></div></div><span class="a-button"><a href="/gp/wishlist/add" class="a-button-text">ほしい物リストに追加
          </a></span></div>"""
    body = f"""<header id="navbar-main" class="nav-opt-sprite"><div id="nav-belt"><a href="/ref=nav_logo"
      id="nav-logo-sprites" class="nav-logo-link" aria-label="Amazon.co.jp"></a><form id="nav-search-bar-form"
      action="/s/ref=nb_sb_noss" method="GET"><input type="text" id="twotabsearchtextbox" name="field-keywords"
      placeholder="検索 Amazon.co.jp"><input type="submit" id="nav-search-submit-button" value="Go"></form><a
      href="/gp/cart/view.html?ref_=nav_cart" id="nav-cart" aria-label="カートに0個の商品があります"><div
      id="nav-cart-count-container"><span id="nav-cart-count" aria-hidden="true">0</span></div><div
      id="nav-cart-text-container"><span class="nav-line-2">カート</span></div></a></div></header>
      <div id="dp" class="apparel ja_JP"><div id="wayfinding-breadcrumbs_feature_div"><ul class="a-unordered-list
      a-horizontal a-size-small"><li><a class="a-link-normal a-color-tertiary" href="/b?node=2229202051">
      {category}</a></li><li><span class="a-list-item a-color-tertiary">›</span></li><li><a class="a-link-normal
      a-color-tertiary" href="/b?node=2131417051">メンズ</a></li></ul></div>
      <div id="ppd"><div id="leftCol"><div id="imgTagWrapperId" class="imgTagWrapper"><img alt="{name}"
      src="https://m.media-amazon.com/images/I/71abc._AC_SX679_.jpg" id="landingImage"
      data-old-hires="https://m.media-amazon.com/images/I/71abc._AC_SL1500_.jpg"></div></div>
      <div id="centerCol"><div id="title_feature_div"><h1 id="title" class="a-size-large a-spacing-none"><span
      id="productTitle" class="a-size-large product-title-word-break">        {name}       </span></h1></div>
      <div id="bylineInfo_feature_div"><a id="bylineInfo" class="a-link-normal" href="/stores/page/1">ブランド:
      グンゼ</a></div><div id="averageCustomerReviews"><span class="a-icon-alt">5つ星のうち4.3</span><span
      id="acrCustomerReviewText">1,234個の評価</span></div><hr>
      {core}{points_html}{twister}
      <div id="feature-bullets"><h1 class="a-size-base-plus a-text-bold">この商品について</h1><ul><li><span
      class="a-list-item">綿100%</span></li><li><span class="a-list-item">洗濯機で洗えます</span></li></ul></div>
      </div><div id="rightCol">{buybox}</div></div>
      <div id="detailBullets_feature_div"><ul class="a-unordered-list a-nostyle a-vertical a-spacing-none
      detail-bullet-list"><li><span class="a-list-item"><span class="a-text-bold">製品サイズ &rlm; : &lrm;</span>
      <span>30 x 25 x 3 cm; 200 g</span></span></li><li><span class="a-list-item"><span class="a-text-bold">ASIN
      &rlm; : &lrm;</span><span>{asin}</span></span></li></ul></div>
      <div id="sims-consolidated-1_feature_div"><h2 class="a-carousel-heading">この商品をチェックした人はこんな商品も
      チェックしています</h2><ol class="a-carousel">{amazon_card("グンゼ ボクサーパンツ 3枚組", "2,480")}{
        amazon_card("BVD クルーネックTシャツ 2枚組", "1,780")
    }</ol></div></div>
      <div id="navFooter"><span>&copy; 1996-2026, Amazon.com, Inc. or its affiliates</span></div>"""
    return page("ja-JP", f"Amazon.co.jp: {name} : {category}", body)


AMAZON_URL = "https://www.amazon.co.jp/%E3%82%B0%E3%83%B3%E3%82%BC/dp/B0C3XZ7KQM/ref=sr_1_5"
AMAZON_NAME = "[グンゼ] パジャマ 長袖 綿100% 前開き メンズ"
AMAZON_GROCERY = "UCC ゴールドスペシャル コーヒー豆 (粉) 1000g×5袋 [ レギュラーコーヒー ]"

AMAZON = [
    pytest.param(
        amazon_page(name=AMAZON_NAME, price="3,980", points="40"),
        AMAZON_URL,
        Shown(AMAZON_NAME, "3980", "JPY", None, "InStock", "B0C3XZ7KQM"),
        id="amazon-jp-regular",
    ),
    pytest.param(
        amazon_page(name=AMAZON_NAME, price="3,184", basis="3,980", saving="-20%", points="32"),
        AMAZON_URL,
        Shown(AMAZON_NAME, "3184", "JPY", "3980", "InStock", "B0C3XZ7KQM"),
        id="amazon-jp-basis-price",
    ),
    pytest.param(
        amazon_page(name=AMAZON_NAME, in_stock=False),
        AMAZON_URL,
        Shown(AMAZON_NAME, "", "JPY", None, "OutOfStock", "B0C3XZ7KQM"),
        id="amazon-jp-out-of-stock-no-price",
    ),
    pytest.param(
        amazon_page(name=AMAZON_NAME, price="3,980", points="40", twister=AMAZON_TWISTER),
        AMAZON_URL,
        Shown(AMAZON_NAME, "3980", "JPY", None, "InStock", "B0C3XZ7KQM"),
        id="amazon-jp-size-twister",
    ),
    pytest.param(
        # a grocery item: the unit price, then a cheaper subscribe-and-save row the shopper has not chosen
        amazon_page(
            name=AMAZON_GROCERY,
            price="3,980",
            unit="80",
            subscribe="3,582",
            points="40",
            asin="B07QDJ1VHR",
            category="食品・飲料・お酒",
        ),
        "https://www.amazon.co.jp/dp/B07QDJ1VHR",
        Shown(AMAZON_GROCERY, "3980", "JPY", None, "InStock", "B07QDJ1VHR"),
        id="amazon-jp-unit-price-subscribe-and-save",
    ),
    pytest.param(
        # a time sale whose struck price is labelled "過去価格" (the past price) instead of "参考価格"
        amazon_page(name=AMAZON_NAME, price="2,786", basis="3,980", basis_label="過去価格", saving="-30%", points="28"),
        AMAZON_URL,
        Shown(AMAZON_NAME, "2786", "JPY", "3980", "InStock", "B0C3XZ7KQM"),
        id="amazon-jp-time-sale-past-price",
    ),
]


# ---------------------------------------------------------------- Yahoo!ショッピング
# From memory of the store item page (store.shopping.yahoo.co.jp/<store>/<item>.html): the Yahoo! JAPAN header
# with カート, the category breadcrumb, p.elCatchCopy above h1.elName, the price area (p.elOriginalPrice "通常価格"
# with a struck <del> amount, span.elPriceNumber + span.elPriceUnit "円" + "(税込)", a "30%OFF" badge), the
# PayPay points line ("+34円相当(1%)"), 送料無料, the stock line, the カートに入れる button, the item info table with
# 商品コード, and "この商品を見た人はこんな商品も見ています" with prices. A JSON-LD Product with an Offer sits in
# the head.


def yahoo_page(
    *, name: str, price: str, original: str = "", off: str = "", in_stock: bool = True, ld: dict[str, Any] | None = None
) -> str:
    original_html = (
        f"""<p class="elOriginalPrice"><span class="elOriginalPriceTitle">通常価格</span><del
        class="elOriginalPriceNumber">{original}円</del></p><p class="elDiscountRate">{off}OFF</p>"""
        if original
        else ""
    )
    stock = (
        """<p class="elStock">在庫あり</p><div class="elCartButton"><button type="submit" class="elButton
        elButton--cart">カートに入れる</button></div>"""
        if in_stock
        else """<p class="elStock elStock--soldout">在庫切れ</p><div class="elCartButton"><button type="button"
        class="elButton elButton--disabled" disabled>在庫切れ</button><a class="elRestock" href="#">再入荷お知らせ
        </a></div>"""
    )
    body = f"""<div id="msthd" class="yjContainer"><a href="https://shopping.yahoo.co.jp/"><img
      src="https://s.yimg.jp/images/shp_front/logo.png" alt="Yahoo!ショッピング"></a><a
      href="https://order.shopping.yahoo.co.jp/cgi-bin/cart-form" class="mhCart">カート</a></div>
      <div id="wrapper"><ol class="mdBreadCrumb"><li><a href="https://shopping.yahoo.co.jp/">トップ</a></li><li><a
      href="https://shopping.yahoo.co.jp/category/2498/">食品</a></li><li><a
      href="https://store.shopping.yahoo.co.jp/tokyo-cafe/">東京珈琲ストア</a></li></ol>
      <div class="mdItemImage"><img src="https://item-shopping.c.yimg.jp/i/n/tokyo-cafe_cb-500" alt="{name}"></div>
      <div class="mdItemInfoTitle"><p class="elCatchCopy">【ポイント5倍】 自家焙煎 送料無料</p><h1
      class="elName">{name}</h1></div>
      <div class="mdItemPrice"><div class="elPriceArea">{original_html}<p class="elPrice"><span
      class="elPriceNumber">{price}</span><span class="elPriceUnit">円</span><span class="elPriceTax">（税込）</span>
      </p></div><div class="elPoint"><span class="elPointLabel">獲得PayPayポイント</span><span
      class="elPointValue">+34円相当（1%）</span></div><p class="elPostage">送料無料</p></div>
      {stock}
      <table class="mdItemInfo"><tr><th>商品コード</th><td>cb-500</td></tr><tr><th>内容量</th><td>500g</td></tr>
      </table>
      <div class="mdRecommend"><h2>この商品を見た人はこんな商品も見ています</h2><ul>
      <li><a href="https://store.shopping.yahoo.co.jp/tokyo-cafe/cb-1000.html">コーヒー豆 1kg</a><span
      class="elPrice">5,980円</span></li><li><a href="https://store.shopping.yahoo.co.jp/tokyo-cafe/drip-20.html">
      ドリップバッグ 20袋</a><span class="elPrice">1,280円</span></li></ul></div></div>
      <div id="footer"><p>&copy; LY Corporation</p></div>"""
    return page("ja", f"{name} - 東京珈琲ストア - 通販 - Yahoo!ショッピング", body, jsonld(ld) if ld else "")


YAHOO_URL = "https://store.shopping.yahoo.co.jp/tokyo-cafe/cb-500.html"
YAHOO_NAME = "コーヒー豆 500g 深煎り ブレンド 自家焙煎"

YAHOO = [
    pytest.param(
        yahoo_page(
            name=YAHOO_NAME,
            price="2,480",
            original="3,480",
            off="28%",
            ld=_product_ld(YAHOO_NAME, "2480", "JPY", "InStock", "cb-500"),
        ),
        YAHOO_URL,
        Shown(YAHOO_NAME, "2480", "JPY", "3480", "InStock", "cb-500"),
        id="yahoo-shopping-sale-jsonld",
    ),
    pytest.param(
        yahoo_page(name=YAHOO_NAME, price="2,480", original="3,480", off="28%"),
        YAHOO_URL,
        Shown(YAHOO_NAME, "2480", "JPY", "3480", "InStock", "cb-500"),
        id="yahoo-shopping-sale-visible",
    ),
    pytest.param(
        yahoo_page(name=YAHOO_NAME, price="3,480", in_stock=False),
        YAHOO_URL,
        Shown(YAHOO_NAME, "3480", "JPY", None, "OutOfStock", "cb-500"),
        id="yahoo-shopping-sold-out-visible",
    ),
]


# ---------------------------------------------------------------- Yodobashi.com (ヨドバシ)
# From memory of the product page (www.yodobashi.com/product/<18-digit id>/): the header cart link "ショッピングカート"
# with its count, the breadcrumb, h1#products_maintitle, "販売価格(税込)" over span.productPrice "￥12,800", the
# Gold Point line ("1,280ゴールドポイント(10%還元)"), the stock line ("在庫あり(10点以上)" /
# "予定数の販売を終了しました"), the "ショッピングカートに入れる" button, the "配達料金: 無料", and a carousel
# "この商品を見た人はこんな商品も見ています" with ￥ prices and points. No schema.org markup.


def yodobashi_page(*, name: str, price: str, points: str, stock: str, buyable: bool) -> str:
    button = (
        '<a class="yBtnPrimary js_addCart" href="javascript:void(0);">ショッピングカートに入れる</a>'
        if buyable
        else '<span class="yBtnDisabled">販売を終了しました</span>'
    )
    body = f"""<div id="header"><a href="/" class="logo">ヨドバシ.com</a><div class="cartLink"><a
      href="https://order.yodobashi.com/yc/shoppingcart/index.html">ショッピングカート<span class="cartCount">0</span>
      </a></div></div>
      <div id="contents"><ul class="pankuzu"><li><a href="/">ヨドバシ.com</a></li><li><a href="/category/22052/">
      家電</a></li><li><a href="/category/22052/500000073035/">電気ケトル</a></li></ul>
      <div class="pImgArea"><img id="mainImg" src="https://image.yodobashi.com/product/100/000/001/004/660/100.jpg"
      alt="{name}"></div>
      <div class="pInfoArea"><div class="pName"><p class="maker">ティファール</p><h1 id="products_maintitle"><span>
      {name}</span></h1></div>
      <div class="salesInfo"><dl><dt>販売価格（税込）</dt><dd><span class="productPrice"
      id="js_scl_unitPrice">￥{price}</span></dd></dl><dl><dt>ポイント</dt><dd><span class="orange">{points}
      ゴールドポイント</span>（10％還元）</dd></dl><dl><dt>在庫状況</dt><dd><span class="stockInfo">{stock}</span>
      </dd></dl><dl><dt>配達料金</dt><dd>無料</dd></dl></div>
      <div class="buyBox"><select name="quantity"><option>1</option></select>{button}</div></div>
      <div class="pRecommend"><h2>この商品を見た人はこんな商品も見ています</h2><ul>
      <li><a href="/product/100000001004660200/">ティファール 電気ケトル 1.2L</a><span class="productPrice">
      ￥5,480</span><span class="orange">548ゴールドポイント</span></li>
      <li><a href="/product/100000001005550010/">象印 電気ポット 3.0L</a><span class="productPrice">￥14,800</span>
      </li></ul></div></div>
      <div id="footer"><p>Copyright &copy; Yodobashi Camera Co.,Ltd.</p></div>"""
    return page("ja", f"ヨドバシ.com - {name}【無料配達】", body)


YODOBASHI_URL = "https://www.yodobashi.com/product/100000001004660100/"
YODOBASHI_NAME = "ティファール T-fal KO3408JP [電気ケトル アプレシア ロック コントロール 0.8L]"

YODOBASHI = [
    pytest.param(
        yodobashi_page(name=YODOBASHI_NAME, price="6,980", points="698", stock="在庫あり（10点以上）", buyable=True),
        YODOBASHI_URL,
        Shown(YODOBASHI_NAME, "6980", "JPY", None, "InStock"),
        id="yodobashi-in-stock-visible",
    ),
    pytest.param(
        yodobashi_page(
            name=YODOBASHI_NAME, price="6,980", points="698", stock="予定数の販売を終了しました", buyable=False
        ),
        YODOBASHI_URL,
        Shown(YODOBASHI_NAME, "6980", "JPY", None, "OutOfStock"),
        id="yodobashi-sales-ended-visible",
    ),
]


# ---------------------------------------------------------------- Mercari (メルカリ) item
# From memory of the rendered item page (jp.mercari.com/item/m<11 digits>): the site header with "出品" and no cart,
# the image carousel with a "SOLD" sticker when sold, the item name in an <h1>, the price as a mer-price-like block
# (a small "¥" span, the digits, then "(税込) 送料込み"), the "購入手続きへ" button or a disabled "売り切れました",
# the item's details table (カテゴリー, 商品の状態, 配送料の負担), and "この商品を見ている人におすすめ" with other
# listings' prices. A JSON-LD Product is served with the page.


def mercari_page(*, name: str, price: str, sold: bool, ld: dict[str, Any] | None = None) -> str:
    sticker = '<div class="sticker" data-testid="thumbnail-sticker"><span>SOLD</span></div>' if sold else ""
    button = (
        '<button class="button" disabled data-testid="checkout-button">売り切れました</button>'
        if sold
        else '<button class="button" data-testid="checkout-button">購入手続きへ</button>'
    )
    body = f"""<header class="merNavigationTop"><a href="/" aria-label="メルカリ"><img src="/logo.svg" alt=""></a><div
      class="search"><input type="search" placeholder="なにをお探しですか？"></div><a href="/mypage/notifications">
      お知らせ</a><a href="/sell" class="merButton">出品</a></header>
      <main id="main"><article data-testid="item-detail-container"><section class="item-photos"><div
      class="slick-slide">{sticker}<img src="https://static.mercdn.net/item/detail/orig/photos/m27153061349_1.jpg"
      alt="{name}のサムネイル"></div></section>
      <section class="item-info"><div class="merHeading"><h1 class="heading page">{name}</h1></div>
      <div data-testid="price" class="merPrice"><span class="currency">¥</span><span class="number">{price}</span></div>
      <p class="merText">(税込) 送料込み</p>
      <div class="checkout">{button}</div>
      <div class="merText">商品の説明</div><pre data-testid="description">数回使用しました。目立つ傷はありません。</pre>
      <table data-testid="item-detail-table"><tr><th>カテゴリー</th><td>家電・スマホ・カメラ &gt; オーディオ機器</td>
      </tr><tr><th>商品の状態</th><td>目立った傷や汚れなし</td></tr><tr><th>配送料の負担</th><td>送料込み(出品者負担)
      </td></tr></table></section></article>
      <section class="recommend"><h2>この商品を見ている人におすすめ</h2><ul>
      <li><a href="/item/m11111111111"><div class="merItemThumbnail"><span class="price">¥5,500</span></div></a></li>
      <li><a href="/item/m22222222222"><div class="merItemThumbnail"><span class="price">¥7,200</span></div></a></li>
      </ul></section></main>"""
    return page("ja", f"{name} - メルカリ", body, jsonld(ld) if ld else "")


MERCARI_URL = "https://jp.mercari.com/item/m27153061349"
MERCARI_NAME = "SONY ワイヤレスイヤホン WF-1000XM4 ブラック"

MERCARI = [
    pytest.param(
        mercari_page(name=MERCARI_NAME, price="12,800", sold=False),
        MERCARI_URL,
        Shown(MERCARI_NAME, "12800", "JPY", None, "InStock"),
        id="mercari-on-sale-visible",
    ),
    pytest.param(
        mercari_page(name=MERCARI_NAME, price="12,800", sold=True),
        MERCARI_URL,
        Shown(MERCARI_NAME, "12800", "JPY", None, "OutOfStock"),
        id="mercari-sold-visible",
    ),
    pytest.param(
        mercari_page(
            name=MERCARI_NAME,
            price="12,800",
            sold=True,
            ld=_product_ld(MERCARI_NAME, "12800", "JPY", "SoldOut", url=MERCARI_URL),
        ),
        MERCARI_URL,
        Shown(MERCARI_NAME, "12800", "JPY", None, "OutOfStock"),
        id="mercari-sold-jsonld",
    ),
]


# ---------------------------------------------------------------- ZOZOTOWN
# From memory of the goods page (zozo.jp/shop/<shop>/goods/<id>/?did=<did>): the header with "カート", the
# breadcrumb, the brand name then h1.p-goods-information__heading, the price block (div.p-goods-information__proper
# with a struck u-text-style-strike "¥8,990 税込", a "30%OFF" badge, then div.p-goods-information__price--discount
# "¥6,293 税込"), the points line ("63pt(1%)還元"), and the colour/size table: one row per size with its stock word
# ("在庫あり", "残り1点", "在庫なし") and a "カートに入れる" button, or "入荷お知らせ" where none is left; "この
# アイテムを見た人はこちらもチェックしています" with other goods' prices. No schema.org markup.


def zozo_page(*, name: str, price: str, proper: str = "", off: str = "", sizes: list[tuple[str, str]]) -> str:
    proper_html = (
        f"""<div class="p-goods-information__proper"><span class="u-text-style-strike">¥{proper}</span> 税込</div>
        <div class="p-goods-information__discount-rate">{off}OFF</div>"""
        if proper
        else ""
    )
    price_class = "p-goods-information__price--discount" if proper else "p-goods-information__price"
    rows = "".join(
        f"""<dd class="p-goods-add-cart-list__item"><span class="p-goods-add-cart-list__size">{size}</span><span
        class="p-goods-add-cart-list__stock">{stock}</span>{
            '<button class="c-button p-goods-add-cart__favorite">入荷お知らせ</button>'
            if stock == "在庫なし"
            else '<button type="button" class="c-button p-goods-add-cart-button">カートに入れる</button>'
        }</dd>"""
        for size, stock in sizes
    )
    body = f"""<header class="l-header"><a href="/" class="l-header__logo">ZOZOTOWN</a><a href="/_cart/default.html"
      class="l-header__cart">カート</a></header>
      <main class="l-main"><ol class="c-breadcrumb"><li><a href="/">ZOZOTOWN</a></li><li><a
      href="/category/tops/">トップス</a></li><li><a href="/category/tops/knit-sweater/">ニット/セーター</a></li></ol>
      <div class="p-goods-photograph"><img src="https://c.imgz.jp/123/12345678/12345678b_8_d_500.jpg" alt="{name}">
      </div><div class="p-goods-information"><div class="p-goods-information__brand"><a href="/brand/beams/">BEAMS</a>
      </div><h1 class="p-goods-information__heading">{name}</h1>{proper_html}<div class="{price_class}">¥{price}
      <span class="u-tax">税込</span></div><div class="p-goods-information__point">63pt（1%）還元</div>
      <div class="p-goods-add-cart"><dl class="p-goods-add-cart-list"><dt class="p-goods-add-cart-list__color">
      ネイビー</dt>{rows}</dl></div></div>
      <section class="p-goods-recommend"><h2>このアイテムを見た人はこちらもチェックしています</h2><ul>
      <li><a href="/shop/beams/goods/11111111/"><p class="brand">BEAMS</p><p class="price">¥9,900</p></a></li>
      <li><a href="/shop/urban/goods/22222222/"><p class="brand">URBAN RESEARCH</p><p class="price">¥7,590</p></a></li>
      </ul></section></main>
      <footer class="l-footer"><small>&copy; ZOZO, Inc.</small></footer>"""
    return page("ja", f"BEAMS（ビームス）の「{name}」（ニット/セーター） - ZOZOTOWN", body)


ZOZO_URL = "https://zozo.jp/shop/beams/goods/12345678/?did=98765432"
ZOZO_NAME = "ウール クルーネック ニット"
ZOZO_SIZES = [("S", "在庫なし"), ("M", "残り1点"), ("L", "在庫あり")]

ZOZO = [
    pytest.param(
        zozo_page(name=ZOZO_NAME, price="6,293", proper="8,990", off="30%", sizes=ZOZO_SIZES),
        ZOZO_URL,
        Shown(ZOZO_NAME, "6293", "JPY", "8990", "InStock"),
        id="zozotown-sale-sizes-visible",
    ),
    pytest.param(
        zozo_page(name=ZOZO_NAME, price="8,990", sizes=[("S", "在庫なし"), ("M", "在庫なし"), ("L", "在庫なし")]),
        ZOZO_URL,
        Shown(ZOZO_NAME, "8990", "JPY", None, "OutOfStock"),
        id="zozotown-all-sizes-sold-out-visible",
    ),
]


# ---------------------------------------------------------------- Uniqlo Japan
# From memory of the product page (www.uniqlo.com/jp/ja/products/E<6 digits>-000/00): the header with "カート",
# the breadcrumb, h1.fr-ec-title, "商品番号:465185", the price (p.fr-ec-price-text "¥1,990"; on a limited-time
# offer a "期間限定価格" flag, the red price, and the original "¥2,990" struck beside it), the colour chips and size
# chips (a chip "在庫切れ" is struck), "在庫あり" / "在庫わずか" under the selected size, the "カートに追加する" button,
# and "この商品を見た人はこんな商品もチェックしています" with prices. A JSON-LD Product (offers with price and
# availability) sits in the page.


def uniqlo_page(
    *,
    name: str,
    price: str,
    original: str = "",
    stock: str = "在庫あり",
    sold_out: bool = False,
    ld: dict[str, Any] | None = None,
) -> str:
    flag = '<span class="fr-ec-flag fr-ec-flag--limited">期間限定価格</span>' if original else ""
    original_html = f'<p class="fr-ec-price__original"><s>¥{original}</s></p>' if original else ""
    price_class = "fr-ec-price-text fr-ec-price-text--color-promotional" if original else "fr-ec-price-text"
    body = f"""<header class="fr-ec-header"><a href="/jp/ja/" aria-label="UNIQLO">UNIQLO</a><a href="/jp/ja/cart"
      class="fr-ec-header__cart" aria-label="カート"><span class="fr-ec-badge">0</span></a></header>
      <main><nav class="fr-ec-breadcrumb"><a href="/jp/ja/men">MEN</a> / <a href="/jp/ja/men/tops">トップス</a></nav>
      <div class="fr-ec-product-image"><img
      src="https://image.uniqlo.com/UQ/ST3/jp/imagesgoods/465185/item/jpgoods_09_465185.jpg"
      alt="{name}"></div><div class="fr-ec-product-detail"><h1 class="fr-ec-title fr-ec-title--standard">{name}</h1>
      <p class="fr-ec-product-number">商品番号：465185</p>{flag}<div class="fr-ec-price"><p class="{price_class}">
      ¥{price}</p>{original_html}<span class="fr-ec-price__tax">税込</span></div>
      <div class="fr-ec-chip-group"><p>カラー: 09 BLACK</p><button class="fr-ec-chip fr-ec-chip--selected">09 BLACK
      </button><button class="fr-ec-chip">00 WHITE</button></div><div class="fr-ec-chip-group"><p>サイズ: メンズ M</p>
      <button class="fr-ec-chip">S</button><button class="fr-ec-chip fr-ec-chip--selected">M</button><button
      class="fr-ec-chip fr-ec-chip--outofstock"><s>L</s><span class="fr-ec-visually-hidden">在庫切れ</span></button>
      </div><p class="fr-ec-stock">{stock}</p><button class="fr-ec-button fr-ec-button--primary"
      data-test="add-to-cart-button"{" disabled" if sold_out else ""}>カートに追加する</button></div>
      <section class="fr-ec-recommend"><h2>この商品を見た人はこんな商品もチェックしています</h2><ul>
      <li><a href="/jp/ja/products/E460000-000/00"><p>エアリズムコットンT</p><p class="fr-ec-price-text">¥1,500</p></a>
      </li><li><a href="/jp/ja/products/E470000-000/00"><p>スウェットパンツ</p><p class="fr-ec-price-text">¥3,990</p>
      </a></li></ul></section></main>
      <footer class="fr-ec-footer"><small>&copy; UNIQLO CO., LTD.</small></footer>"""
    return page("ja", f"{name} | ユニクロ", body, jsonld(ld) if ld else "")


UNIQLO_URL = "https://www.uniqlo.com/jp/ja/products/E465185-000/00?colorDisplayCode=09&sizeDisplayCode=004"
UNIQLO_NAME = "スフレヤーンクルーネックセーター（長袖）"

UNIQLO = [
    pytest.param(
        uniqlo_page(name=UNIQLO_NAME, price="2,990", ld=_product_ld(UNIQLO_NAME, "2990", "JPY", "InStock", "465185")),
        UNIQLO_URL,
        Shown(UNIQLO_NAME, "2990", "JPY", None, "InStock", "465185"),
        id="uniqlo-jp-regular-jsonld",
    ),
    pytest.param(
        uniqlo_page(name=UNIQLO_NAME, price="1,990", original="2,990", stock="在庫わずか"),
        UNIQLO_URL,
        Shown(UNIQLO_NAME, "1990", "JPY", "2990", "InStock", "465185"),
        id="uniqlo-jp-limited-price-visible",
    ),
    pytest.param(
        # the selected size is gone too: its stock line says so and the cart button is disabled
        uniqlo_page(
            name=UNIQLO_NAME,
            price="2,990",
            stock="オンラインストアでは在庫切れです",
            sold_out=True,
            ld=_product_ld(UNIQLO_NAME, "2990", "JPY", "OutOfStock", "465185"),
        ),
        UNIQLO_URL,
        Shown(UNIQLO_NAME, "2990", "JPY", None, "OutOfStock", "465185"),
        id="uniqlo-jp-sold-out-jsonld",
    ),
]


# ---------------------------------------------------------------- Coupang (쿠팡)
# From memory of the classic product page (www.coupang.com/vp/products/<productId>?itemId=..&vendorItemId=..):
# the header's 장바구니 link with its count, the breadcrumb, h2.prod-buy-header__title, the price block
# (span.discount-rate "20%" and span.origin-price "39,800원", struck by CSS; span.total-price "31,840원" with the
# unit price "(100g당 796원)"; for Rocket WOW items a second total-price under a "와우할인가" badge), the shipping
# line ("무료배송", "내일(화) 도착 보장"), "최대 1,592원 적립" cashback, the quantity box and 장바구니 담기 / 바로구매,
# or an "일시품절" label with a 재입고 알림 신청 button instead; a "다른 고객이 함께 본 상품" carousel with prices.
# No schema.org markup.


def coupang_page(
    *, name: str, price: str, origin: str = "", rate: str = "", wow: str = "", sold_out: bool = False
) -> str:
    origin_html = (
        f"""<div class="prod-origin-price"><span class="discount-rate">{rate}</span><span
        class="origin-price">{origin}원</span></div>"""
        if origin
        else ""
    )
    wow_html = (
        f"""<div class="prod-coupon-price price-align major-price-coupon"><span class="total-price"><strong>{wow}<span
        class="price-unit">원</span></strong></span><img class="wow-coupon-discount" alt="와우할인가"
        src="//img1a.coupangcdn.com/image/badges/wow-discount.png"><span class="unit-price">(100g당 748원)</span>
        </div>"""
        if wow
        else ""
    )
    buy = (
        """<div class="oos-label">일시품절</div><div class="prod-buy-footer"><button class="prod-alarm-btn"
        type="button">재입고 알림 신청</button></div>"""
        if sold_out
        else """<div class="prod-buy-footer"><div class="prod-quantity__form"><input type="text"
        class="prod-quantity__input" value="1"><button class="prod-quantity__plus" type="button">수량더하기</button>
        </div><button class="prod-cart-btn" type="button">장바구니 담기</button><button class="prod-buy-btn"
        type="button"><span class="prod-buy-btn__txt">바로구매</span></button></div>"""
    )
    body = f"""<header id="header"><a href="https://www.coupang.com/" class="coupang-logo">쿠팡</a><form
      class="header-searchForm" action="/np/search"><input type="text" name="q" placeholder="찾고 싶은 상품을
      검색해보세요!">
      </form><ul class="my-menu"><li><a href="https://mc.coupang.com/ssr/desktop/order/list">마이쿠팡</a></li><li
      class="cart"><a href="https://cart.coupang.com/cartView.pang">장바구니 <em class="cart-count">0</em></a></li>
      </ul></header>
      <div id="contents" class="prod-atf"><ul id="breadcrumb" class="breadcrumb"><li><a href="/">쿠팡 홈</a></li><li>
      <a href="/np/categories/194276">식품</a></li><li><a href="/np/categories/194282">쌀/잡곡</a></li></ul>
      <div class="prod-image"><img class="prod-image__detail"
      src="//thumbnail6.coupangcdn.com/thumbnails/remote/492x492ex/image/retail/images/rice.jpg" alt="{name}"></div>
      <div class="prod-buy new-oos-style"><div class="prod-buy-header"><h2 class="prod-buy-header__title">{name}</h2>
      <div class="prod-buy-header__info"><span class="rating-star-num" style="width: 90%;"></span><span
      class="count">12,345개 상품평</span></div></div>
      <div class="prod-price-container"><div class="prod-price">{origin_html}<div class="prod-sale-price
      instant-discount"><span class="total-price"><strong>{price}<span class="price-unit">원</span></strong></span>
      <span class="unit-price">(100g당 796원)</span></div>{wow_html}</div></div>
      <div class="prod-shipping-fee-and-pdd-wrapper"><span class="prod-shipping-fee-message">무료배송</span><em
      class="prod-txt-onyx">내일(화) 도착 보장</em></div>
      <div class="prod-reward-cash-container"><span class="reward-cash-txt">최대 1,592원 적립</span></div>
      {buy}</div>
      <section class="product-carousel"><h3>다른 고객이 함께 본 상품</h3><ul>
      <li><a href="/vp/products/1111111111"><div class="name">곰곰 백미, 10kg</div><div class="price"><em
      class="sale">32,900원</em></div></a></li><li><a href="/vp/products/2222222222"><div class="name">곰곰 찹쌀,
      4kg</div><div class="price"><em class="sale">18,490원</em></div></a></li></ul></section></div>
      <footer id="footer"><p>&copy; Coupang Corp. All rights reserved.</p></footer>"""
    return page("ko", f"{name} - 쌀/잡곡 | 쿠팡", body)


COUPANG_URL = "https://www.coupang.com/vp/products/7335597976?itemId=18741704367&vendorItemId=85873964906"
COUPANG_NAME = "곰곰 무농약 현미, 4kg, 1개"

COUPANG = [
    pytest.param(
        coupang_page(name=COUPANG_NAME, price="31,840", origin="39,800", rate="20%"),
        COUPANG_URL,
        Shown(COUPANG_NAME, "31840", "KRW", "39800", "InStock", "7335597976"),
        id="coupang-discount-visible",
    ),
    pytest.param(
        coupang_page(name=COUPANG_NAME, price="39,800"),
        COUPANG_URL,
        Shown(COUPANG_NAME, "39800", "KRW", None, "InStock", "7335597976"),
        id="coupang-regular-visible",
    ),
    pytest.param(
        # a Rocket WOW item: "와우할인가" is a member price; everyone else pays the sale price above it
        coupang_page(name=COUPANG_NAME, price="31,840", origin="39,800", rate="20%", wow="29,900"),
        COUPANG_URL,
        Shown(COUPANG_NAME, "31840", "KRW", "39800", "InStock"),
        id="coupang-wow-member-price-visible",
    ),
    pytest.param(
        coupang_page(name=COUPANG_NAME, price="39,800", sold_out=True),
        COUPANG_URL,
        Shown(COUPANG_NAME, "39800", "KRW", None, "OutOfStock"),
        id="coupang-temporarily-sold-out-visible",
    ),
]


# ---------------------------------------------------------------- Gmarket (G마켓)
# From memory of the item page (item.gmarket.co.kr/Item?goodscode=<10 digits>): the header's 장바구니, the category
# path, h1.itemtit, the price box (span.price_innerwrap with the struck del.price_original "15,900원", a
# box__discount "15%", strong.price_real "13,500원", and a "쿠폰적용가 12,150원" line that needs a coupon to be
# claimed), "무료배송", "상품번호 : 2345678901", 구매하기 / 장바구니 buttons or a "일시품절된 상품입니다" box, and
# "이 상품과 함께 본 상품" with prices. OpenGraph tags only.


def gmarket_page(
    *, name: str, price: str, original: str = "", rate: str = "", coupon: str = "", sold_out: bool = False
) -> str:
    original_html = (
        f"""<span class="box__discount"><span class="text__value">{rate}</span><span class="text__unit">%</span>
        </span><del class="price_original">{original}<span class="unit">원</span></del>"""
        if original
        else ""
    )
    coupon_html = (
        f'<div class="box__coupon-price"><span class="text__title">쿠폰적용가</span> <strong>{coupon}원</strong></div>'
        if coupon
        else ""
    )
    buy = (
        '<div class="box__soldout"><p class="text__soldout">일시품절된 상품입니다</p></div>'
        if sold_out
        else """<div class="item-topinfo_btn"><button type="button" class="btn_buy" id="coreInsOrderBtn">구매하기
        </button><button type="button" class="btn_cart" id="coreAddCartBtn">장바구니</button></div>"""
    )
    head = f"""<meta property="og:title" content="[G마켓] {name}"><meta property="og:image"
      content="https://gdimg.gmarket.co.kr/2345678901/still/600"><meta property="og:url"
      content="http://item.gmarket.co.kr/Item?goodscode=2345678901">"""
    body = f"""<div id="header"><h1 class="logo"><a href="https://www.gmarket.co.kr/">G마켓</a></h1><ul
      class="list__util"><li><a href="https://cart.gmarket.co.kr/ko/pc/cart/">장바구니<span class="count">0</span></a>
      </li></ul></div>
      <div class="location-navi"><ul><li><a href="/">홈</a></li><li><a href="/n/list?category=100000005">생수/음료</a>
      </li></ul></div>
      <div class="item-topinfowrap"><div class="box__item-thumb"><img
      src="https://gdimg.gmarket.co.kr/2345678901/still/600"
      alt="{name}"></div><div class="item-topinfo"><div class="box__item-title"><h1 class="itemtit">{name}</h1></div>
      <div class="price"><span class="price_innerwrap">{original_html}<strong class="price_real">{price}<span
      class="unit">원</span></strong></span></div>{coupon_html}
      <ul class="list__delivery"><li>무료배송</li><li>내일 도착예정</li></ul>
      <ul class="list__item-info"><li>상품번호 : 2345678901</li><li>판매자 : 생수마트</li></ul>
      {buy}</div></div>
      <div class="box__recommend"><h3>이 상품과 함께 본 상품</h3><ul><li><a
      href="http://item.gmarket.co.kr/Item?goodscode=3333333333">아이시스 2L x 12</a><strong>11,900원</strong></li>
      <li><a href="http://item.gmarket.co.kr/Item?goodscode=4444444444">백산수 2L x 12</a><strong>14,300원</strong></li>
      </ul></div>
      <div id="footer"><p>Copyright &copy; Gmarket Inc.</p></div>"""
    return page("ko", f"G마켓 - {name}", body, head)


GMARKET_URL = "https://item.gmarket.co.kr/Item?goodscode=2345678901"
GMARKET_NAME = "[무료배송] 제주 삼다수 2L x 12병"

GMARKET = [
    pytest.param(
        gmarket_page(name=GMARKET_NAME, price="13,500", original="15,900", rate="15", coupon="12,150"),
        GMARKET_URL,
        Shown(GMARKET_NAME, "13500", "KRW", "15900", "InStock", "2345678901"),
        id="gmarket-discount-coupon-visible",
    ),
    pytest.param(
        gmarket_page(name=GMARKET_NAME, price="15,900", sold_out=True),
        GMARKET_URL,
        Shown(GMARKET_NAME, "15900", "KRW", None, "OutOfStock", "2345678901"),
        id="gmarket-sold-out-visible",
    ),
]


# ---------------------------------------------------------------- 11번가 (11st)
# From memory of the product page (www.11st.co.kr/products/<10 digits>): the header's 장바구니, the category path,
# h1.title in div.c_product_info_title, the price box (dl.price: "정상가" with a struck <del> amount, "판매가" with
# a "23%" rate and strong > span.value "29,900" + span.unit "원"; under it "최대할인가 26,910원" for card and coupon
# holders), the delivery line ("배송비 2,500원"), "11pay 포인트 최대 299P 적립", 구매하기 / 장바구니, or "판매종료된
# 상품입니다"; "상품번호" in the info table; "이 상품을 본 고객이 함께 본 상품" with prices. No schema.org markup.


def st11_page(*, name: str, price: str, normal: str = "", rate: str = "", ended: bool = False) -> str:
    normal_html = f"<dt>정상가</dt><dd><del>{normal}<span class='unit'>원</span></del></dd>" if normal else ""
    rate_html = (
        f'<span class="sale"><span class="value">{rate}</span><span class="unit">%</span></span>' if rate else ""
    )
    buy = (
        '<div class="c_product_soldout"><p>판매종료된 상품입니다.</p></div>'
        if ended
        else """<div class="c_product_btn"><button type="button" class="c_product_btn_buy">구매하기</button><button
        type="button" class="c_product_btn_cart">장바구니</button></div>"""
    )
    body = f"""<header id="gnb"><a href="https://www.11st.co.kr/" class="logo">11번가</a><a
      href="https://buy.11st.co.kr/cart/CartAction.tmall?method=getCartList" class="gnb_cart">장바구니</a></header>
      <div class="c_product_location"><a href="/">홈</a> &gt; <a href="/category/DisplayCategory.tmall?ctgrNo=1001">
      디지털</a></div>
      <div class="l_product_cont"><div class="c_product_view_img"><img
      src="https://cdn.011st.com/11dims/resize/600x600/quality/75/11src/product/4567890123/B.jpg"
      alt="{name}"></div><div class="l_product_side_info"><div class="c_product_info_title"><h1 class="title">{name}
      </h1></div><div class="b_product_info_price"><dl class="price">{normal_html}<dt>판매가</dt><dd
      class="price_info">{rate_html}<strong><span class="value">{price}</span><span class="unit">원</span></strong>
      </dd></dl><dl class="price_benefit"><dt>최대할인가</dt><dd><strong>26,910</strong>원</dd></dl></div>
      <dl class="c_product_delivery"><dt>배송비</dt><dd>2,500원 (30,000원 이상 구매시 무료)</dd></dl>
      <p class="c_product_point">11pay 포인트 최대 299P 적립</p>{buy}
      <table
      class="c_product_spec"><tr><th>상품번호</th><td>4567890123</td></tr><tr><th>상품상태</th><td>새상품</td></tr>
      </table></div></div>
      <div class="c_product_recommend"><h3>이 상품을 본 고객이 함께 본 상품</h3><ul><li><a
      href="https://www.11st.co.kr/products/5555555555">무선 마우스</a><span
      class="price">19,900원</span></li></ul></div>
      <footer><p>&copy; 11ST Co., Ltd.</p></footer>"""
    return page("ko", f"[11번가] {name}", body)


ST11_URL = "https://www.11st.co.kr/products/4567890123"
ST11_NAME = "로지텍 MX Keys S 무선 키보드"

ST11 = [
    pytest.param(
        st11_page(name=ST11_NAME, price="29,900", normal="39,000", rate="23"),
        ST11_URL,
        Shown(ST11_NAME, "29900", "KRW", "39000", "InStock", "4567890123"),
        id="11st-discount-visible",
    ),
    pytest.param(
        st11_page(name=ST11_NAME, price="39,000", ended=True),
        ST11_URL,
        Shown(ST11_NAME, "39000", "KRW", None, "OutOfStock", "4567890123"),
        id="11st-sales-ended-visible",
    ),
]


# ---------------------------------------------------------------- Naver Smart Store (스마트스토어)
# From memory of the product page (smartstore.naver.com/<store>/products/<id>): CSS-module-like hashed class names,
# span.blind (Naver's visually hidden text) labels "정가", "할인율", "할인가", the struck <del> list price, the
# strong sale price with "원", a "최대 1,080원 적립" points line, "배송비 3,000원" with a free-shipping threshold, the
# option dropdown, 구매하기 / 장바구니 / 찜하기, or "이 상품은 현재 구매하실 수 없는 상품입니다." and a 품절 button;
# the store's other products ("이 스토어의 다른 상품") with prices. A JSON-LD Product is served with the page.


def naver_page(
    *,
    name: str,
    price: str,
    list_price: str = "",
    rate: str = "",
    sold_out: bool = False,
    ld: dict[str, Any] | None = None,
) -> str:
    list_html = (
        f"""<div class="WrkQhIlUY0"><del class="VaZJPclpdJ"><span class="blind">정가</span><span
        class="_1LY7DqCnwR">{list_price}</span>원</del></div>"""
        if list_price
        else ""
    )
    rate_html = f'<span class="_1G-IvlyANt"><span class="blind">할인율</span>{rate}</span>' if rate else ""
    buy = (
        """<div class="_2BQ-WF2QUb"><p class="_3E-DpNFqUW">이 상품은 현재 구매하실 수 없는 상품입니다.</p><div
        class="_2-uvQuRWK5"><span class="_2x0qA8FNjw">품절</span></div></div>"""
        if sold_out
        else """<div class="_2-uvQuRWK5"><a href="#" class="_2-uvQuRWK5 N=a:pcs.buy" role="button">구매하기</a><a
        href="#" class="_3cMk0gxa3r N=a:pcs.cart" role="button">장바구니</a><a href="#" class="_3JFb4KQ9tN
        N=a:pcs.zzim" role="button"><span class="blind">찜하기</span></a></div>"""
    )
    body = f"""<div id="header"><a href="https://smartstore.naver.com/daily-lab" class="_3zzFY_wgQ6">데일리랩</a><a
      href="https://shopping.naver.com/cart" class="_2FMFFyTw7s"><span class="blind">장바구니</span></a></div>
      <div id="content"><div class="_2-I30XS1lA"><img src="https://shop-phinf.pstatic.net/20240101_1/main.jpg"
      alt="대표이미지"></div><fieldset class="_1DmkGa3nEr"><div class="_1eddO7u4UC"><h3 class="_22kNQuEXmb
      _copyable">{name}</h3></div><div class="_1rC1nCjp8V">{list_html}<div class="WrkQhIlUY0">{rate_html}<strong
      class="aICRqgP9zw _2DywKu0J_8"><span class="blind">할인가</span><span class="_1LY7DqCnwR">{price}</span><span
      class="won">원</span></strong></div></div>
      <div class="_2qO9iyG0Dj"><span>최대 1,080원 적립</span><span class="_3hO3pSF9SP">(네이버페이 포인트)</span></div>
      <div class="_1Hvn8bXxkd"><span class="blind">배송비</span>배송비 3,000원 <span>50,000원 이상 구매 시 무료</span>
      </div><div class="bd_2dy3Y"><a role="button" class="bd_1fhc9 bd_2gVQ8" aria-haspopup="listbox">색상</a></div>
      {buy}</fieldset>
      <div class="_3WkU3IPJxs"><h3>이 스토어의 다른 상품</h3><ul><li><a href="/daily-lab/products/6666666666"><strong
      class="_3jtSIHf7BY">후드 집업</strong><span class="_3a3p5Qn7ks">42,000원</span></a></li><li><a
      href="/daily-lab/products/7777777777"><strong class="_3jtSIHf7BY">맨투맨</strong><span
      class="_3a3p5Qn7ks">29,000원</span></a></li></ul></div></div>
      <div id="footer"><p>&copy; NAVER Corp.</p></div>"""
    return page("ko", f"{name} : 데일리랩", body, jsonld(ld) if ld else "")


NAVER_URL = "https://smartstore.naver.com/daily-lab/products/5678901234"
NAVER_NAME = "오버핏 기모 후드티 남녀공용"

NAVER = [
    pytest.param(
        naver_page(
            name=NAVER_NAME,
            price="36,000",
            list_price="45,000",
            rate="20%",
            ld=_product_ld(NAVER_NAME, "36000", "KRW", "InStock", "5678901234"),
        ),
        NAVER_URL,
        Shown(NAVER_NAME, "36000", "KRW", "45000", "InStock", "5678901234"),
        id="naver-smartstore-discount-jsonld",
    ),
    pytest.param(
        naver_page(name=NAVER_NAME, price="36,000", list_price="45,000", rate="20%"),
        NAVER_URL,
        Shown(NAVER_NAME, "36000", "KRW", "45000", "InStock", "5678901234"),
        id="naver-smartstore-discount-visible",
    ),
    pytest.param(
        naver_page(name=NAVER_NAME, price="45,000", sold_out=True),
        NAVER_URL,
        Shown(NAVER_NAME, "45000", "KRW", None, "OutOfStock", "5678901234"),
        id="naver-smartstore-sold-out-visible",
    ),
    pytest.param(
        naver_page(
            name=NAVER_NAME,
            price="45,000",
            sold_out=True,
            ld=_product_ld(NAVER_NAME, "45000", "KRW", "OutOfStock", "5678901234"),
        ),
        NAVER_URL,
        Shown(NAVER_NAME, "45000", "KRW", None, "OutOfStock", "5678901234"),
        id="naver-smartstore-sold-out-jsonld",
    ),
]


# ---------------------------------------------------------------- Musinsa (무신사)
# From memory of the product page (www.musinsa.com/products/<id>): styled-components class names, the brand link,
# the <h2> name, "품번 MST-HD01" and the product number, the price block (a struck "정상가" amount, "29%" and the sale
# price "63,000원", then a "최대혜택가 58,000원" for members with coupons and points), "무신사 회원가" note, "무료배송",
# the size select whose sold-out sizes say "(품절)", 구매하기 / 장바구니, and "함께 많이 본 상품" with prices. A
# JSON-LD Product is in the page.


MUSINSA_BUY = """<div class="sc-buy"><button type="button" class="sc-buy-btn">구매하기</button><button type="button"
  class="sc-cart-btn">장바구니</button></div>"""
MUSINSA_SOLD_OUT = """<div class="sc-buy"><button type="button" class="sc-buy-btn" disabled>품절</button><button
  type="button" class="sc-restock-btn">재입고 알림</button></div>"""


def musinsa_page(
    *, name: str, price: str, normal: str = "", rate: str = "", sold_out: bool = False, ld: dict[str, Any] | None = None
) -> str:
    normal_html = (
        f"""<span class="sc-1hw5bl8-5 text-gray-500 line-through">{normal}원</span><span
        class="sc-1hw5bl8-6 text-red">{rate}</span>"""
        if normal
        else ""
    )
    body = f"""<header class="sc-1r9ui5l-0"><a href="/" aria-label="무신사">MUSINSA</a><a href="/orders/cart"
      aria-label="장바구니" class="sc-1r9ui5l-3">장바구니</a></header>
      <main><div class="sc-1jl6n79-0"><ol class="sc-breadcrumb"><li><a href="/category/001">상의</a></li><li><a
      href="/category/001004">후드 티셔츠</a></li></ol>
      <div class="sc-1jl6n79-3"><img src="https://image.msscdn.net/images/goods_img/20240101/3456789/3456789_1_500.jpg"
      alt="{name}"></div><div class="sc-1jl6n79-5"><a href="/brand/mustudio" class="sc-brand">무스튜디오</a><h2
      class="sc-1omefes-0 text-title_18px_med">{name}</h2><p class="sc-code">품번 MST-HD01</p>
      <div class="sc-1hw5bl8-0"><div class="sc-1hw5bl8-3">{normal_html}</div><div class="sc-1hw5bl8-4"><span
      class="text-title_18px_semi">{price}원</span></div><div class="sc-1hw5bl8-9"><span>최대혜택가</span><span
      class="text-red">58,000원</span><button type="button">쿠폰받기</button></div></div>
      <p class="sc-delivery">무료배송</p>
      <select class="sc-size" aria-label="사이즈"><option>사이즈 선택</option><option>S
      (품절)</option><option>M</option>
      <option>L</option></select>
      {MUSINSA_SOLD_OUT if sold_out else MUSINSA_BUY}</div></div>
      <section><h3>함께 많이 본 상품</h3><ul><li><a href="/products/1111111"><p>스웨트 팬츠</p><span>39,000원</span></a>
      </li><li><a href="/products/2222222"><p>코치 재킷</p><span>79,000원</span></a></li></ul></section></main>
      <footer><p>&copy; MUSINSA All rights reserved.</p></footer>"""
    return page("ko", f"{name} | 무신사", body, jsonld(ld) if ld else "")


MUSINSA_URL = "https://www.musinsa.com/products/3456789"
MUSINSA_NAME = "헤비웨이트 스웨트 후드 블랙"

MUSINSA = [
    pytest.param(
        musinsa_page(
            name=MUSINSA_NAME,
            price="63,000",
            normal="89,000",
            rate="29%",
            ld=_product_ld(MUSINSA_NAME, "63000", "KRW", "InStock", "3456789"),
        ),
        MUSINSA_URL,
        Shown(MUSINSA_NAME, "63000", "KRW", "89000", "InStock"),
        id="musinsa-sale-jsonld",
    ),
    pytest.param(
        musinsa_page(name=MUSINSA_NAME, price="63,000", normal="89,000", rate="29%"),
        MUSINSA_URL,
        Shown(MUSINSA_NAME, "63000", "KRW", "89000", "InStock"),
        id="musinsa-sale-member-benefit-visible",
    ),
    pytest.param(
        musinsa_page(
            name=MUSINSA_NAME,
            price="89,000",
            sold_out=True,
            ld=_product_ld(MUSINSA_NAME, "89000", "KRW", "OutOfStock", "3456789"),
        ),
        MUSINSA_URL,
        Shown(MUSINSA_NAME, "89000", "KRW", None, "OutOfStock"),
        id="musinsa-sold-out-jsonld",
    ),
]


# ---------------------------------------------------------------- Tmall (天猫), classic detail page
# From memory of detail.tmall.com/item.htm?id=<id>: the site-nav with 购物车, h1 in div.tb-detail-hd, the price
# panel (dl.tm-price-panel "价格" ¥399.00, struck by CSS when a promotion runs, then dl.tm-promo-panel "促销价"
# em.tm-yen "¥" + span.tm-price "299.00"), the indicators ("月销量 2000+", "累计评价 12345", "送天猫积分 149"),
# the colour property list (li.tb-selected, li.tb-out-of-stock), 数量 with "库存1234件", 立即购买 / 加入购物车,
# and "看了又看" with ¥ prices. No schema.org markup; the page is zh-CN on tmall.com, so ¥ is CNY.


def tmall_page(*, name: str, price: str, promo: str = "", sales: str = "2000+") -> str:
    promo_html = (
        f"""<dl class="tm-promo-panel tm-promo-cur" id="J_PromoPrice"><dt class="tb-metatit">促销价</dt><dd><div
        class="tm-promo-price"><em class="tm-yen">¥</em> <span class="tm-price">{promo}</span></div></dd></dl>"""
        if promo
        else ""
    )
    body = f"""<div id="site-nav"><ul class="sn-quick-menu"><li class="sn-mytaobao"><a
    href="//i.taobao.com/my_taobao.htm">
      我的淘宝</a></li><li class="sn-cart"><a href="//cart.tmall.com/cart.htm" class="sn-cart-link">购物车<span
      class="mc-count">0</span>件</a></li></ul></div>
      <div id="header"><div class="tm-logo"><a href="//www.tmall.com/">天猫Tmall.com</a></div></div>
      <div id="J_DetailMeta" class="tm-detail-meta"><div class="tb-gallery"><img id="J_ImgBooth"
      src="//img.alicdn.com/imgextra/i1/2200000000001/O1CN01main.jpg_430x430q90.jpg" alt="{name}"></div>
      <div class="tb-property"><div class="tb-wrap"><div class="tb-detail-hd"><h1 data-spm="1000983">{name}</h1><p
      class="newp">官方正品 顺丰包邮</p></div>
      <div class="tm-fcs-panel"><dl class="tm-price-panel" id="J_StrPriceModBox"><dt class="tb-metatit">价格</dt><dd><em
      class="tm-yen">¥</em><span class="tm-price">{price}</span></dd></dl>{promo_html}</div>
      <ul class="tm-ind-panel"><li class="tm-ind-item tm-ind-sellCount"><div class="tm-indcon"><span
      class="tm-label">月销量</span><span class="tm-count">{sales}</span></div></li><li class="tm-ind-item
      tm-ind-reviewCount"><div class="tm-indcon"><span class="tm-label">累计评价</span><span
      class="tm-count">12345</span>
      </div></li><li class="tm-ind-item tm-ind-emPointCount"><div class="tm-indcon"><span class="tm-label">送天猫积分
      </span><span class="tm-count">149</span></div></li></ul>
      <div class="tb-key"><dl class="tb-prop tm-sale-prop"><dt class="tb-metatit">颜色分类</dt><dd><ul
      class="tm-clear J_TSaleProp"><li class="tb-selected" title="曜石黑"><a href="#"><span>曜石黑</span></a></li><li
      title="云雾白"><a href="#"><span>云雾白</span></a></li></ul></dd></dl><dl class="tb-amount"><dt
      class="tb-metatit">数量</dt><dd><input id="J_Amount" class="tb-text" value="1"> 件 <em id="J_EmStock"
      class="tb-hidden">库存1234件</em></dd></dl>
      <div class="tb-action"><div class="tb-btn-buy tb-btn-sku"><a id="J_LinkBuy" href="#" rel="nofollow">立即购买</a>
      </div><div class="tb-btn-basket tb-btn-sku"><a id="J_LinkBasket" href="#" rel="nofollow"><i
      class="tm-icon"></i>加入购物车</a></div></div></div></div></div></div>
      <div id="J_TjWaterfall" class="tm-rec"><h4>看了又看</h4><ul><li><a href="//detail.tmall.com/item.htm?id=11111">
      <img src="//img.alicdn.com/a.jpg" alt=""></a><p>¥259.00</p></li><li><a
      href="//detail.tmall.com/item.htm?id=22222"><img src="//img.alicdn.com/b.jpg" alt=""></a><p>¥329.00</p></li>
      </ul></div>
      <div id="footer"><p>&copy; 2003-2026 TMALL.COM 版权所有</p></div>"""
    return page("zh-CN", f"{name}-tmall.com天猫", body)


TMALL_URL = "https://detail.tmall.com/item.htm?id=678901234567&skuId=5012345678901"
TMALL_NAME = "小米Redmi Buds 5 Pro 真无线降噪蓝牙耳机"

TMALL = [
    pytest.param(
        tmall_page(name=TMALL_NAME, price="399.00", promo="299.00"),
        TMALL_URL,
        Shown(TMALL_NAME, "299.00", "CNY", "399.00", "InStock", "678901234567"),
        id="tmall-promo-price-monthly-sales",
    ),
    pytest.param(
        tmall_page(name=TMALL_NAME, price="399.00", sales="1.2万+"),
        TMALL_URL,
        Shown(TMALL_NAME, "399.00", "CNY", None, "InStock", "678901234567"),
        id="tmall-regular-price",
    ),
]


# ---------------------------------------------------------------- Taobao (淘宝), 2023 detail page
# From memory of item.taobao.com/item.htm?id=<id>: CSS-module class names with hashed suffixes
# (ItemHeader--mainTitle--3CIjqW5, Price--priceText--2nLbVda, SkuContent--valueItem--...), the price row ("¥" then
# the amount, "已售 1000+"), the SKU picker whose chosen value sets the shown price, the delivery line ("快递: 免运费"),
# 立即购买 / 加入购物车, and "店铺推荐" with ¥ prices. No schema.org markup.


def taobao_page(*, name: str, price: str, sold: str = "已售 1000+") -> str:
    body = f"""<div class="SiteNav--root--x7Q1fBp"><a href="//www.taobao.com/">淘宝网首页</a><a
      href="//cart.taobao.com/cart.htm">购物车<span>0</span></a></div>
      <div class="Item--main--3dNlXDS"><div class="PicGallery--root--2VjCyA0"><img
      class="PicGallery--mainPic--1RXQ9YF" src="//gw.alicdn.com/imgextra/O1CN01abc.jpg_q50.jpg" alt=""></div>
      <div class="BasicContent--root--1_NvQmc"><div class="ItemHeader--root--DXhqHxP"><h1
      class="ItemHeader--mainTitle--3CIjqW5">{name}</h1></div>
      <div class="Price--root--1CrVGjc"><div class="Price--priceWrap--3VJjm2J"><span
      class="Price--symbol--2dBzq3A">¥</span><span class="Price--priceText--2nLbVda">{price}</span></div><span
      class="Price--sales--1zw5P7H">{sold}</span></div>
      <div class="delivery-content--1bQOAOL"><span>快递: 免运费</span><span>48小时内发货</span></div>
      <div class="SkuContent--root--2EAqu4z"><div class="SkuContent--skuItem--3Nb1tMw"><div
      class="ItemLabel--label--1xqmxtL">颜色分类</div><div class="SkuContent--content--3CwErQm"><div
      class="SkuContent--valueItem--1Q5Qp78 SkuContent--isSelected--2sV2Ifg"><span>白色 S码</span></div><div
      class="SkuContent--valueItem--1Q5Qp78"><span>白色 M码</span></div><div class="SkuContent--valueItem--1Q5Qp78
      SkuContent--isDisabled--1xGFz9i"><span>黑色 L码</span></div></div></div></div>
      <div class="Actions--root--hwEujgc"><button class="Actions--leftBtn--3SkIQjW">立即购买</button><button
      class="Actions--rightBtn--1xeKUuT">加入购物车</button></div></div></div>
      <div
      class="ShopRecommend--root--3VbR0hT"><h3>店铺推荐</h3><ul><li><p>纯棉短袖T恤</p><span>¥39.90</span></li><li><p>
      宽松卫衣</p><span>¥89.00</span></li></ul></div>"""
    return page("zh-CN", f"{name}-淘宝网", body)


TAOBAO_URL = "https://item.taobao.com/item.htm?id=712345678901&skuId=5123456789012"
TAOBAO_NAME = "夏季纯棉宽松短袖T恤女 韩版百搭上衣"

TAOBAO = [
    pytest.param(
        taobao_page(name=TAOBAO_NAME, price="59.90"),
        TAOBAO_URL,
        Shown(TAOBAO_NAME, "59.90", "CNY", None, "InStock", "712345678901"),
        id="taobao-selected-sku-sales-count",
    ),
]


# ---------------------------------------------------------------- JD.com (京东)
# From memory of item.jd.com/<skuId>.html: the shortcut bar, the #settleup "我的购物车" with its count, the crumb
# path, div.sku-name, the summary price (div.dt "京 东 价", span.p-price "￥" + span.price "5999.00", a struck
# "[￥6999.00]" list price in span.pricing, the PLUS member price "￥5899.00" with its badge), 优惠券 "满5000减300",
# 累计评价, the delivery area with #store-prompt "有货" / "无货,此商品暂时售完", the colour choice, the 加入购物车
# button (greyed with a 到货通知 button when nothing is left), the parameter list with "商品编号:<skuId>", and the
# "店长推荐" column with prices. No schema.org markup.


def jd_page(
    *, name: str, price: str, pricing: str = "", plus: str = "", in_stock: bool = True, label: str = "京 东 价"
) -> str:
    pricing_html = f'<span class="pricing">[<del>￥{pricing}</del>]</span>' if pricing else ""
    plus_html = (
        f"""<span class="p-price-plus"><span class="price J-p-p-100012043978">￥{plus}</span></span><img
        src="//img30.360buyimg.com/devfe/jfs/plus.png" alt="PLUS会员专享价">"""
        if plus
        else ""
    )
    if in_stock:
        stock = "<strong>有货</strong> 支持 七天无理由退货"
        buttons = """<a href="//cart.jd.com/gate.action?pid=100012043978&pcount=1" id="InitCartUrl"
          class="btn-special1 btn-lg">加入购物车</a>"""
    else:
        stock = "<strong>无货</strong>，此商品暂时售完"
        buttons = """<a href="#none" id="InitCartUrl" class="btn-special1 btn-lg btn-disable">加入购物车</a><a
          href="#none" class="btn-special2 btn-lg J-notify-stock">到货通知</a>"""
    body = f"""<div id="shortcut-2014"><div class="w"><ul class="fr"><li id="ttbar-login"><a href="//passport.jd.com">
      你好，请登录</a></li><li class="fore2"><a
      href="//order.jd.com/center/list.action">我的订单</a></li></ul></div></div>
      <div id="search-2014"><input type="text" id="key" placeholder="手机"><button class="button">搜索</button></div>
      <div id="settleup" class="dropdown"><div class="cw-icon"><a
      href="//cart.jd.com/cart.action">我的购物车</a></div><i
      class="ci-count" id="shopping-amount">0</i></div>
      <div class="crumb-wrap"><div class="crumb"><div class="item first"><a href="//shouji.jd.com">手机</a></div><div
      class="sep">&gt;</div><div class="item"><a
      href="//list.jd.com/list.html?cat=9987,653">手机通讯</a></div></div></div>
      <div class="product-intro"><div class="preview-wrap"><img id="spec-img"
      src="//img14.360buyimg.com/n1/jfs/t1/main.jpg" alt="{name}"></div>
      <div class="itemInfo-wrap"><div class="sku-name">{name}</div><div class="news"><div class="item"
      id="p-ad">【至高立减500元】</div></div>
      <div class="summary summary-first"><div class="summary-price-wrap"><div class="summary-price J-summary-price"><div
      class="dt">{label}</div><div class="dd"><span class="p-price"><span>￥</span><span class="price
      J-p-100012043978">{price}</span></span>{pricing_html}{plus_html}<a class="notice J-notify-sale"
      href="#none">降价通知</a></div></div><div class="summary-info J-summary-info"><div id="comment-count"><p
      class="comment">累计评价</p><a class="count" href="#none">200万+</a></div></div>
      <div id="summary-quan" class="li"><div class="dt">优惠券</div><div class="dd"><span class="quan-item">满5000减300
      </span></div></div></div></div>
      <div id="summary-stock" class="li"><div class="dt">配 送 至</div><div class="dd"><div class="store-selector">
      北京朝阳区三环到四环之间</div><div id="store-prompt" class="store-prompt">{stock}</div></div></div>
      <div id="choose-attrs"><div id="choose-attr-1" class="li p-choose" data-type="颜色"><div
      class="dt">选择颜色</div><div
      class="dd"><div class="item selected" data-sku="100012043978"><a href="#none"><i>黑色</i></a></div><div
      class="item" data-sku="100012043979"><a href="#none"><i>蓝色</i></a></div></div></div></div>
      <div id="choose-btns" class="choose-btns"><div class="choose-amount"><input class="buy-num" id="buy-num"
      value="1">
      </div>{buttons}</div></div></div>
      <div class="detail"><ul class="parameter2 p-parameter-list"><li title="{name}">商品名称：Apple iPhone 15</li><li
      title="100012043978">商品编号：100012043978</li><li>商品毛重：0.3kg</li></ul></div>
      <div id="sp-hot-sale" class="m m-aside"><h3>店长推荐</h3><ul><li><div class="p-name"><a
      href="//item.jd.com/100066896338.html">Apple iPhone 15 Plus</a></div><div class="p-price"><strong
      class="J-p-100066896338"><i>￥6999.00</i></strong></div></li><li><div class="p-name"><a
      href="//item.jd.com/100038005189.html">Apple AirPods Pro</a></div><div class="p-price"><strong><i>￥1799.00</i>
      </strong></div></li></ul></div>
      <div id="footer-2014"><p>Copyright &copy; 2004-2026 京东JD.com 版权所有</p></div>"""
    return page("zh-CN", f"【AppleiPhone 15】{name}【行情 报价 价格 评测】-京东", body)


JD_URL = "https://item.jd.com/100012043978.html"
JD_NAME = "Apple/苹果 iPhone 15 (A3092) 128GB 黑色 支持移动联通电信5G 双卡双待手机"

JD = [
    pytest.param(
        jd_page(name=JD_NAME, price="5999.00", pricing="6999.00", plus="5899.00"),
        JD_URL,
        Shown(JD_NAME, "5999.00", "CNY", "6999.00", "InStock", "100012043978"),
        id="jd-price-list-plus-member",
    ),
    pytest.param(
        jd_page(name=JD_NAME, price="5999.00"),
        JD_URL,
        Shown(JD_NAME, "5999.00", "CNY", None, "InStock", "100012043978"),
        id="jd-regular",
    ),
    pytest.param(
        jd_page(name=JD_NAME, price="5999.00", in_stock=False),
        JD_URL,
        Shown(JD_NAME, "5999.00", "CNY", None, "OutOfStock", "100012043978"),
        id="jd-no-stock",
    ),
    pytest.param(
        # a 京东秒杀 flash sale: the label reads "秒 杀 价" and the 京东价 shows struck beside it
        jd_page(name=JD_NAME, price="4999.00", pricing="5999.00", label="秒 杀 价"),
        JD_URL,
        Shown(JD_NAME, "4999.00", "CNY", "5999.00", "InStock", "100012043978"),
        id="jd-flash-sale",
    ),
]


# ---------------------------------------------------------------- PChome 24h購物 (Taiwan)
# From memory of the 2023 product page (24h.pchome.com.tw/prod/<PROD-ID>): the header's 購物車, the breadcrumb,
# h1.o-prodMainName and the promotional sub-name, the price block (div.o-prodPrice__originalPrice "$14,900" struck
# by CSS as the suggested price, div.o-prodPrice__price "$12,900" labelled "網路價"), the instalment line ("分期0利率
# 6期 每期$2,150"), 加入購物車 / 立即購買, or a disabled "售完,補貨中!" button, and "看了此商品的人也看了" with
# prices. A JSON-LD Product is served with some pages. "$" on a zh-TW .com.tw page is TWD.


def pchome_page(
    *, name: str, price: str, original: str = "", sold_out: bool = False, ld: dict[str, Any] | None = None
) -> str:
    original_html = f'<div class="o-prodPrice__originalPrice"><del>${original}</del></div>' if original else ""
    buy = (
        '<button class="btn btn--disabled" disabled>售完，補貨中！</button>'
        if sold_out
        else """<button class="btn btn--addCart">加入購物車</button><button class="btn btn--buyNow">立即購買</button>"""
    )
    body = f"""<header class="c-header"><a href="https://24h.pchome.com.tw/" class="c-header__logo">PChome 24h購物</a><a
      href="https://ecssl.pchome.com.tw/sys/cflow/fsindex/BigCar/BIGCAR/ItemList" class="c-header__cart">購物車<span
      class="c-header__cartCount">0</span></a></header>
      <main><ol class="c-breadcrumb"><li><a href="https://24h.pchome.com.tw/">首頁</a></li><li><a
      href="https://24h.pchome.com.tw/store/DYAJ6Q">筆記型電腦</a></li></ol>
      <div class="c-prodInfoV2"><div class="c-prodInfoV2__gallery"><img
      src="https://cs-a.ecimg.tw/items/DYAJ6QA900FH1WW/000001_1700000000.jpg" alt="{name}"></div>
      <div class="c-prodInfoV2__head"><h1 class="o-prodMainName">{name}</h1><h2 class="o-prodSubName">★限時下殺★
      送無線滑鼠</h2></div>
      <div class="c-prodInfoV2__priceBar"><div class="o-prodPrice">{original_html}<div class="o-prodPrice__label">網路價
      </div><div class="o-prodPrice__price">${price}</div></div></div>
      <div class="c-prodInfoV2__installment">分期0利率 6期 每期$2,150</div>
      <div class="c-prodInfoV2__buy">{buy}</div></div>
      <section class="c-recommend"><h3>看了此商品的人也看了</h3><ul><li><a href="/prod/DYAJ6Q-A900FH2AA"><p>ASUS
      筆電 14吋</p><p class="o-prodPrice__price">$18,900</p></a></li><li><a href="/prod/DYAJ6Q-A900FH3BB"><p>Acer 筆電
      15吋</p><p class="o-prodPrice__price">$15,500</p></a></li></ul></section></main>
      <footer class="c-footer"><p>網路家庭 PChome Online 版權所有</p></footer>"""
    return page("zh-TW", f"{name} - PChome 24h購物", body, jsonld(ld) if ld else "")


PCHOME_URL = "https://24h.pchome.com.tw/prod/DYAJ6Q-A900FH1WW"
PCHOME_NAME = "Lenovo IdeaPad Slim 3 15吋筆電 (i5-12450H/16G/512G)"

PCHOME = [
    pytest.param(
        pchome_page(name=PCHOME_NAME, price="12,900", original="14,900"),
        PCHOME_URL,
        Shown(PCHOME_NAME, "12900", "TWD", "14900", "InStock", "DYAJ6Q-A900FH1WW"),
        id="pchome-web-price-instalments-visible",
    ),
    pytest.param(
        pchome_page(
            name=PCHOME_NAME,
            price="14,900",
            sold_out=True,
            ld=_product_ld(PCHOME_NAME, "14900", "TWD", "OutOfStock", "DYAJ6Q-A900FH1WW"),
        ),
        PCHOME_URL,
        Shown(PCHOME_NAME, "14900", "TWD", None, "OutOfStock", "DYAJ6Q-A900FH1WW"),
        id="pchome-sold-out-jsonld",
    ),
    pytest.param(
        pchome_page(name=PCHOME_NAME, price="14,900", sold_out=True),
        PCHOME_URL,
        Shown(PCHOME_NAME, "14900", "TWD", None, "OutOfStock"),
        id="pchome-sold-out-visible",
    ),
]


# ---------------------------------------------------------------- momo購物網 (Taiwan)
# From memory of www.momoshop.com.tw/goods/GoodsDetail.jsp?i_code=<code>: the top bar with 購物車, the category
# path, the name in div.prdnameTitle > h1, ul.prdPrice (li "市售價" with a struck <del>, li.special "促銷價" with
# span.seoPrice and "元"), the credit-card instalment line ("6期0利率 每期415元"), "商品編號:<code>",
# 直接購買 / 放入購物車, or "補貨中" in their place, and "看了又看" with prices. No schema.org markup.


def momo_page(*, name: str, price: str, market: str = "", restocking: bool = False) -> str:
    market_html = f"<li><span>市售價</span><del>${market}</del></li>" if market else ""
    buy = (
        '<a class="btn_disable" href="javascript:void(0);">補貨中</a>'
        if restocking
        else """<a id="buy_yes" class="buynow" href="javascript:void(0);">直接購買</a><a id="addCartBtn" class="addcar"
        href="javascript:void(0);">放入購物車</a>"""
    )
    body = f"""<div id="topArea"><a href="https://www.momoshop.com.tw/main/Main.jsp" class="logo">momo購物網</a><a
      href="https://www.momoshop.com.tw/order/OrderList.jsp" class="cartBtn">購物車<span>0</span></a></div>
      <div id="bt_2_layout_NAV"><ul><li><a
      href="/category/LgrpCategory.jsp?l_code=2900000000">美妝個清</a></li></ul></div>
      <div class="prdwarp"><div class="prdImgWrap"><img class="jqzoom" src="https://i4.momoshop.com.tw/main.jpg"
      alt="{name}"></div><div class="prdnoteArea"><div class="prdnameTitle"><h1>{name}</h1></div>
      <ul class="prdPrice">{market_html}<li class="special"><span>促銷價</span><span
      class="seoPrice">{price}</span>元</li>
      </ul><ul class="ineventArea"><li>信用卡分期 6期0利率 每期415元</li></ul>
      <p class="goodsNum">商品編號：11223344</p>
      <div class="buyBtnArea">{buy}</div></div></div>
      <div class="reCommendArea"><h3>看了又看</h3><ul><li><a href="/goods/GoodsDetail.jsp?i_code=11223355"><p>保濕化妝水
      </p><b class="price">$899</b></a></li><li><a href="/goods/GoodsDetail.jsp?i_code=11223366"><p>防曬乳</p><b
      class="price">$650</b></a></li></ul></div>
      <div id="footer"><p>富邦媒體科技股份有限公司 版權所有</p></div>"""
    return page("zh-TW", f"【資生堂】{name} - momo購物網", body)


MOMO_URL = "https://www.momoshop.com.tw/goods/GoodsDetail.jsp?i_code=11223344"
MOMO_NAME = "【SHISEIDO 資生堂】紅妍超導循環肌活露 75ml"

MOMO = [
    pytest.param(
        momo_page(name=MOMO_NAME, price="2,490", market="3,990"),
        MOMO_URL,
        Shown(MOMO_NAME, "2490", "TWD", "3990", "InStock", "11223344"),
        id="momo-promo-price-visible",
    ),
    pytest.param(
        momo_page(name=MOMO_NAME, price="3,990", restocking=True),
        MOMO_URL,
        Shown(MOMO_NAME, "3990", "TWD", None, "OutOfStock", "11223344"),
        id="momo-restocking-visible",
    ),
]


# ---------------------------------------------------------------- HKTVmall (Hong Kong)
# From memory of www.hktvmall.com/hktv/zh/main/<store>/s/<storeId>/<category>/p/<SKU>: the header with the cart icon
# and its count, the breadcrumb, the brand then h1.product-name-wrapper, the price block (div.promotional with the
# struck original price "$89.90" and div.price "$69.90", both "$" that mean HK$), "商品編號: <SKU>", "購買數量",
# 加入購物車, or "售罄" where nothing is left, and "其他人亦瀏覽" with prices. A JSON-LD Product is served with the
# page.


def hktv_page(
    *, name: str, price: str, original: str = "", sold_out: bool = False, ld: dict[str, Any] | None = None
) -> str:
    original_html = f'<div class="promotional"><del class="original-price">${original}</del></div>' if original else ""
    buy = (
        '<div class="soldout-label">售罄</div>'
        if sold_out
        else '<button class="btn-add-to-cart" type="button">加入購物車</button>'
    )
    body = f"""<header class="hktv-header"><a href="https://www.hktvmall.com/" class="logo">HKTVmall</a><a
      href="https://www.hktvmall.com/hktv/zh/cart" class="cart-icon" aria-label="購物車"><span
      class="cart-count">0</span></a></header>
      <div class="breadcrumb"><a href="/hktv/zh/">主頁</a> &gt; <a href="/hktv/zh/main/personal-care">個人護理</a></div>
      <div class="product-detail"><div class="product-gallery"><img
      src="https://images.hktv-img.com/images/HKTV/10888/H0888001_main.jpg" alt="{name}"></div><div
      class="product-info"><div class="product-brand-name-wrapper"><a href="/hktv/zh/brand/colgate">Colgate 高露潔</a>
      </div><h1 class="product-name-wrapper">{name}</h1><div class="price-block">{original_html}<div class="price">
      <span>${price}</span></div></div><div class="sku-code">商品編號: H0888001_S_P10012345</div>
      <div class="qty-selector"><span>購買數量</span><input type="number" value="1"></div>{buy}</div></div>
      <div class="recommend"><h3>其他人亦瀏覽</h3><ul><li><p>高露潔 牙刷 4支裝</p><span
      class="price">$39.90</span></li><li>
      <p>高露潔 漱口水 500ml</p><span class="price">$45.00</span></li></ul></div>
      <footer><p>&copy; 2026 HKTVmall</p></footer>"""
    return page("zh-HK", f"{name} | HKTVmall 香港最大網購平台", body, jsonld(ld) if ld else "")


HKTV_URL = (
    "https://www.hktvmall.com/hktv/zh/main/Colgate-Official-Store/s/H0888001/personal-care/oral-care/"
    "p/H0888001_S_P10012345"
)
HKTV_NAME = "高露潔 全效專業護理牙膏 160克 x 3支"

HKTV = [
    pytest.param(
        hktv_page(
            name=HKTV_NAME,
            price="69.90",
            original="89.90",
            ld=_product_ld(HKTV_NAME, "69.9", "HKD", "InStock", "H0888001_S_P10012345"),
        ),
        HKTV_URL,
        Shown(HKTV_NAME, "69.90", "HKD", "89.90", "InStock", "H0888001_S_P10012345"),
        id="hktvmall-discount-jsonld",
    ),
    pytest.param(
        hktv_page(name=HKTV_NAME, price="69.90", original="89.90"),
        HKTV_URL,
        Shown(HKTV_NAME, "69.90", "HKD", "89.90", "InStock", "H0888001_S_P10012345"),
        id="hktvmall-discount-visible",
    ),
    pytest.param(
        hktv_page(name=HKTV_NAME, price="89.90", sold_out=True),
        HKTV_URL,
        Shown(HKTV_NAME, "89.90", "HKD", None, "OutOfStock"),
        id="hktvmall-sold-out-visible",
    ),
]


# ---------------------------------------------------------------- pages of the same sites that are not product pages
# Written from memory like the product pages: search results, a category grid, a cart and a help page. Each shows
# several products' names and prices (and sometimes buy buttons), none is one product's page.


def rakuten_search() -> str:
    cards = "".join(
        f"""<div class="searchresultitem"><div class="image"><a href="https://item.rakuten.co.jp/{shop}/{item}/"><img
        src="https://thumbnail.image.rakuten.co.jp/@0_mall/{shop}/cabinet/{item}.jpg" alt=""></a></div><div
        class="title"><h2 class="title-link-wrapper"><a href="https://item.rakuten.co.jp/{shop}/{item}/">{name}</a></h2>
        </div><div class="price"><span class="price--3zUvK">{price}円</span><span class="free-shipping">送料無料</span>
        </div><div class="points"><span>{points}ポイント(1倍)</span></div><div class="merchant"><a
        href="https://www.rakuten.co.jp/{shop}/">{shop}</a></div></div>"""
        for shop, item, name, price, points in (
            ("kitchenco", "kc-2231", "IH対応 フライパン 26cm 深型", "3,980", "39"),
            ("panya", "fp-28", "ガス火対応 フライパン 28cm", "2,780", "27"),
            ("nabeya", "nb-20", "鉄 フライパン 20cm 国産", "4,400", "44"),
            ("kitchenco", "kc-2240", "フライパン 20cm 軽量", "2,980", "29"),
        )
    )
    body = f"""<div id="rakutenLimitedId_header" class="ri-cmn-hdr"><a href="https://www.rakuten.co.jp/">楽天市場</a><a
      href="https://basket.step.rakuten.co.jp/rms/mall/bs/cartall/">買い物かご</a></div>
      <div class="searchresults"><h1 class="section">「フライパン」の検索結果</h1><div class="count">1～45件
      （約125,000件）
      </div><div class="dui-container searchresults">{cards}</div><div class="pagination"><a href="?p=2">次のページ</a>
      </div></div><div id="rakutenLimitedId_footer">&copy; Rakuten Group, Inc.</div>"""
    return page("ja", "【楽天市場】フライパンの通販", body)


def coupang_cart() -> str:
    rows = "".join(
        f"""<tr class="cart-deal-item"><td class="product-box"><div class="product-name-part"><a
        href="/vp/products/{pid}" class="product-name">{name}</a></div><div class="option-price-part"><span
        class="unit-cost">{price}원</span><select class="quantity-select"><option
        selected>1</option></select></div></td>
        <td class="unit-total-price"><div class="unit-total-sale-price">{price}원</div></td><td class="delivery-fee">
        무료</td></tr>"""
        for pid, name, price in (
            ("7335597976", "곰곰 무농약 현미, 4kg, 1개", "31,840"),
            ("1111111111", "곰곰 백미, 10kg", "32,900"),
        )
    )
    body = f"""<header id="header"><a href="https://www.coupang.com/" class="coupang-logo">쿠팡</a></header>
      <div id="cartContent"><h1 class="cart-title">장바구니</h1><table class="cartTable"><tbody>{rows}</tbody></table>
      <div class="cart-total-price"><span>총 상품가격</span><em class="final-product-price">64,740원</em><span>총 배송비
      </span><em>0원</em><span>총 주문금액</span><em class="final-order-price">64,740원</em></div>
      <div class="order-buttons"><a href="https://www.coupang.com/" class="goShopping">계속 쇼핑하기</a><button
      type="button" class="goPayment" id="btnPay">구매하기</button></div></div>
      <footer id="footer"><p>&copy; Coupang Corp.</p></footer>"""
    return page("ko", "쿠팡! | 장바구니", body)


def jd_list() -> str:
    items = "".join(
        f"""<li class="gl-item" data-sku="{sku}"><div class="gl-i-wrap"><div class="p-img"><a
        href="//item.jd.com/{sku}.html"><img src="//img14.360buyimg.com/n7/{sku}.jpg" alt=""></a></div><div
        class="p-price"><strong class="J_{sku}"><em>￥</em><i>{price}</i></strong></div><div class="p-name"><a
        href="//item.jd.com/{sku}.html"><em>{name}</em></a></div><div class="p-commit"><strong><a>{reviews}</a>条评价
        </strong></div><div class="p-operate"><a class="p-o-btn addcart" href="//cart.jd.com/gate.action?pid={sku}"
        >加入购物车</a></div></div></li>"""
        for sku, name, price, reviews in (
            ("100012043978", "Apple iPhone 15 128GB 黑色", "5999.00", "200万+"),
            ("100066896338", "Apple iPhone 15 Plus 128GB", "6999.00", "50万+"),
            ("100038005189", "小米14 12GB+256GB", "3999.00", "100万+"),
        )
    )
    body = f"""<div id="shortcut-2014"><ul><li><a href="//passport.jd.com">你好，请登录</a></li></ul></div>
      <div id="settleup"><a href="//cart.jd.com/cart.action">我的购物车</a></div>
      <div class="crumbs-nav"><a href="//shouji.jd.com">手机通讯</a> &gt; <strong>手机</strong></div>
      <div id="J_goodsList" class="goods-list-v2"><ul class="gl-warp clearfix">{items}</ul></div>
      <div id="J_bottomPage"><span class="p-num"><a class="curr">1</a><a href="?page=3">2</a></span></div>"""
    return page("zh-CN", "手机 - 商品搜索 - 京东", body)


def amazon_help() -> str:
    body = """<header id="navbar-main"><a href="/ref=nav_logo" aria-label="Amazon.co.jp"></a><a
      href="/gp/cart/view.html?ref_=nav_cart" id="nav-cart"><span id="nav-cart-count">0</span><span>カート</span></a>
      </header><div
      class="help-content"><h1>返品・交換の条件</h1><p>Amazon.co.jpが販売、発送する商品は、商品到着後30日以内
      であれば返品を受け付けます。</p><h2>返送料について</h2><p>お客様のご都合による返品の場合、返送料として
      ￥500（税込）をご負担いただきます。商品代金が￥3,000以上の場合も同様です。</p><ul><li><a
      href="/gp/help/customer/display.html?nodeId=201819090">返品受付センター</a></li><li><a
      href="/gp/css/order-history">注文履歴</a></li></ul></div>
      <div id="navFooter"><span>&copy; 1996-2026, Amazon.com, Inc. or its affiliates</span></div>"""
    return page("ja-JP", "Amazon.co.jp ヘルプ: 返品・交換の条件", body)


def musinsa_category() -> str:
    cards = "".join(
        f"""<div class="sc-1y072n9-0"><a href="/products/{pid}"><img src="https://image.msscdn.net/{pid}.jpg" alt="">
        </a><p class="text-body_13px_semi">{brand}</p><a href="/products/{pid}"><p class="text-body_13px_reg">{name}</p>
        </a><div class="sc-price"><span class="text-red">{rate}</span><span class="text-body_13px_semi">{price}원</span>
        </div></div>"""
        for pid, brand, name, rate, price in (
            ("3456789", "무스튜디오", "헤비웨이트 스웨트 후드 블랙", "29%", "63,000"),
            ("1111111", "커버낫", "어센틱 로고 후드 그레이", "35%", "45,500"),
            ("2222222", "디스이즈네버댓", "T-Logo 후디 네이비", "", "89,000"),
        )
    )
    body = f"""<header class="sc-1r9ui5l-0"><a href="/" aria-label="무신사">MUSINSA</a><a href="/orders/cart">장바구니
      </a></header><main><h1 class="text-title_18px_semi">후드 티셔츠</h1><div class="sc-sort"><button>무신사 추천순
      </button></div><div class="sc-grid">{cards}</div></main>"""
    return page("ko", "후드 티셔츠 | 무신사", body)


NOT_PRODUCT = [
    pytest.param(rakuten_search(), "https://search.rakuten.co.jp/search/mall/フライパン/", id="rakuten-search-results"),
    pytest.param(coupang_cart(), "https://cart.coupang.com/cartView.pang", id="coupang-cart"),
    pytest.param(jd_list(), "https://list.jd.com/list.html?cat=9987,653,655", id="jd-category-list"),
    pytest.param(
        amazon_help(), "https://www.amazon.co.jp/gp/help/customer/display.html?nodeId=201910250", id="amazon-jp-help"
    ),
    pytest.param(musinsa_category(), "https://www.musinsa.com/category/001004", id="musinsa-category-grid"),
]


CASES = [
    *RAKUTEN,
    *AMAZON,
    *YAHOO,
    *YODOBASHI,
    *MERCARI,
    *ZOZO,
    *UNIQLO,
    *COUPANG,
    *GMARKET,
    *ST11,
    *NAVER,
    *MUSINSA,
    *TMALL,
    *TAOBAO,
    *JD,
    *PCHOME,
    *MOMO,
    *HKTV,
]


@pytest.mark.parametrize(("html", "url", "shown"), CASES)
def test_east_asian_marketplace_page_reads_as_the_shopper_reads_it(html: str, url: str, shown: Shown) -> None:
    result = extract_structured(html, url)
    assert result.name == shown.name
    if shown.price:
        assert (result.price, result.currency) == (Decimal(shown.price), shown.currency)
    else:
        assert result.price is None
    assert result.regular_price == (Decimal(shown.regular_price) if shown.regular_price else None)
    if shown.availability is not None:
        assert result.availability == shown.availability
    if shown.sku is not None:
        assert result.sku == shown.sku


# Product pages whose page evidence alone falls below 0.5, and why.
EVIDENCE_DEFECTS: dict[str, str] = {}
LISTING_READ_AS_PRODUCT: dict[str, str] = {}


def _verdict_cases() -> list[Any]:
    cases = []
    for case in CASES:
        html, url, _ = case.values
        marks = [defect(EVIDENCE_DEFECTS[case.id])] if case.id in EVIDENCE_DEFECTS else []
        cases.append(pytest.param(html, url, True, marks=marks, id=case.id))
    for case in NOT_PRODUCT:
        html, url = case.values
        marks = [defect(LISTING_READ_AS_PRODUCT[case.id])] if case.id in LISTING_READ_AS_PRODUCT else []
        cases.append(pytest.param(html, url, False, marks=marks, id=case.id))
    return cases


@pytest.mark.parametrize(("html", "url", "is_product"), _verdict_cases())
def test_the_page_alone_says_whether_it_is_a_product_page(html: str, url: str, is_product: bool) -> None:
    score = extract_structured(html, url).evidence.score
    assert (score >= 0.5) == is_product, score
