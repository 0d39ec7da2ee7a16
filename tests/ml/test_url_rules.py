"""The URL rule layer: marketplace and platform product patterns in many countries, pages that only look similar."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.ml.url_classifier import MODEL_SOURCE, UrlClassifier
from app.ml.url_rules import OTHER_PROBABILITY, PRODUCT_PROBABILITY, url_rule_answer

PRODUCT_URLS = [
    # classified ads, by their number
    "https://www.kijiji.ca/v-cell-phone/city-of-toronto/iphone-13/1612345678",
    "https://www.avito.ru/moskva/telefony/iphone_13_128gb_2345678901",
    "https://www.gumtree.com/p/mobile-phones/iphone-13-128gb/1451234567",
    "https://www.olx.pl/d/oferta/iphone-13-128gb-CID99-IDabc12.html",
    "https://www.olx.ua/d/uk/obyavlenie/iphone-13-128gb-IDR4xYz.html",
    "https://www.vinted.fr/items/1234567890-robe-zara",
    "https://es.wallapop.com/item/iphone-13-128gb-912345678",
    "https://www.kleinanzeigen.de/s-anzeige/iphone-13-128gb/2612345678-173-1234",
    "https://www.marktplaats.nl/v/telecommunicatie/mobiele-telefoons-apple-iphone/m2012345678-iphone-13",
    "https://www.subito.it/telefonia/iphone-13-128gb-milano-512345678.htm",
    "https://www.alza.cz/iphone-13-d6789012.htm",
    "https://prom.ua/ua/p1234567890-smartfon-apple-iphone.html",  # Prom.ua: a product, on the marketplace
    "https://new-market-cs3375066.prom.ua/p2045678901-navushniki-jbl-tune.html",  # ... and on a shop of it
    "https://tw.mercari.com/zh-hant/items/81e2722f-4c47-49e4-bec7-4f55e83f877a",
    "https://jp.mercari.com/shops/product/2abcDEFghiJKLmn",
    "https://www.gumtree.com.au/s-ad/sydney/phones/iphone-13/1312345678",
    "https://www.olx.in/item/iphone-13-iid-1712345678",
    "https://www.kijiji.ca/v-view-details.html?adId=1612345678",
    "https://www.toko.example.co.id/produk/kaos-polos-cotton-combed",  # Indonesian "product"
    "https://www.amazon.com/Sony-WH-1000XM4-Headphones/dp/B0863TXGM3",
    "https://www.amazon.co.uk/dp/B08H95Y452/ref=sr_1_1?keywords=ps5",
    "https://www.amazon.de/gp/product/B07PGL2ZSL?th=1",
    "https://www.amazon.co.jp/gp/aw/d/B09B8V1LZ3",
    "https://www.amazon.com.br/Echo-Dot-5a-geracao/dp/B09B8XJDW5",
    "https://www.amazon.in/Apple-iPhone-15-128-GB/dp/B0CHX1W1XY/",
    "https://smile.amazon.com/dp/B07FZ8S74R",
    "https://www.ebay.com/itm/134567890123",
    "https://www.ebay.co.uk/itm/Vintage-Leica-Camera/284912345678?hash=item42",
    "https://www.ebay.de/itm/285012345678",
    "https://www.ebay.com.au/itm/Makita-Drill/115678901234",
    "https://www.walmart.com/ip/Great-Value-Milk/10450114",
    "https://www.walmart.ca/en/ip/lego-city-fire-station/6000205423791",
    "https://www.bestbuy.com/site/apple-airpods-pro/5706659.p?skuId=5706659",
    "https://www.bestbuy.ca/en-ca/product/samsung-65-4k-tv/16489930",
    "https://www.newegg.com/p/N82E16819113793",
    "https://www.newegg.com/amd-ryzen-7-7800x3d/p/N82E16819113793",
    "https://www.newegg.ca/p/1FT-0004-000T5",
    "https://www.newegg.com/Product/Product.aspx?Item=N82E16832271289",
    "https://www.aliexpress.com/item/1005004567890123.html",
    "https://es.aliexpress.com/item/1005005123456789.html?spm=a2g0o",
    "https://www.aliexpress.us/item/3256805123456789.html",
    "https://www.etsy.com/listing/252423036/happy-soba-graphic-toddler-tee",
    "https://www.etsy.com/de/listing/1234567890/keramik-tasse",
    "https://www.target.com/p/hairpin-stool-walnut/-/A-52062126",
    "https://item.rakuten.co.jp/bookoffonline/0016123456/",
    "https://articulo.mercadolibre.com.ar/MLA-1234567890-zapatillas-nike-_JM",
    "https://www.mercadolibre.com.mx/apple-iphone-13/p/MLM18500854",
    "https://produto.mercadolivre.com.br/MLB-2345678901-tenis-adidas-_JM",
    "https://www.flipkart.com/apple-iphone-15-black-128-gb/p/itm6ac6485515ae4?pid=MOBGTAGPTB3VS24W",
    "https://allegro.pl/oferta/sluchawki-sony-wh-1000xm5-12345678901",
    "https://www.zalando.de/nike-sportswear-air-force-1-sneaker-low-white-ni112o0ds-a11.html",
    "https://www.zalando.fr/adidas-originals-superstar-baskets-basses-ad115o0a1-a11.html",
    "https://www.otto.de/p/samsung-galaxy-s24-1866112345/#variationId=1866112346",
    "https://www.coupang.com/vp/products/7335597976?itemId=18837647",
    "https://item.taobao.com/item.htm?id=654321987654",
    "https://detail.tmall.com/item.htm?spm=a230r&id=612345678901",
    "https://item.jd.com/100012043978.html",
    "https://www.lazada.com.my/products/xiaomi-redmi-note-13-i3456789012-s1234567890.html",
    "https://shopee.co.id/Sepatu-Sneakers-Pria-i.123456789.9876543210",
    "https://www.ozon.ru/product/smartfon-apple-iphone-15-1234567890/",
    "https://www.trendyol.com/apple/iphone-15-128-gb-p-762254888",
    "https://www.noon.com/uae-en/iphone-15-128gb-black/N53433056A/p/",
    "https://www.bol.com/nl/nl/p/philips-airfryer/9300000012345678/",
    "https://www.ikea.com/de/de/p/billy-buecherregal-weiss-00263850/",
    "https://www.homedepot.com/p/DEWALT-20V-Drill/204279858",
    "https://www.costco.com/Inner-Strength-Massage-Table.product.100325708.html",
    "https://jp.mercari.com/item/m12345678901",
    "https://cool-socks.myshopify.com/products/rainbow-socks",
    "https://www.gymshark.com/en-gb/products/gymshark-crest-t-shirt-black",
    "https://mollusksurfshop.com/collections/surfboards/products/christenson-flat-tracker",
    "https://www.lojinha.com.br/tenis-corrida-azul/p",
    "https://www.ceramica-atelier.it/product-page/tazza-blu",
    # "product" in the shop's language, then the product's number or its slug of three or more words
    "https://www.submarino.com.br/produto/132118431",
    "http://www.olcsobbat.hu/termek/dps_titan_8_wi_fi_4gb-534e01528e16d53c3a000322/",
    "https://www.zappos.com/product/8958197",
    "https://shop.example.com/product/article1234567-blue-mug",
    "https://www.example.ru/товар/чайник-электрический-bosch",
    "https://www.example.com.tr/urun/erkek-kosu-ayakkabisi-siyah",
    "https://shop.example.pl/produkt/kubek-ceramiczny-niebieski/",
    "https://www.example-auction.com/item/7754321",
    "https://www.example-hybris.com/en/power-drill-18v/p/000000000001234567",  # SAP Commerce (Hybris)
    "https://www.example-hybris.co.uk/kettle-steel/p/BP_123456",
    "https://www.euronics.de/haushalt/waschmaschine-w8/p/094HLEC9LG",
    "https://www.bigw.com.au/product/wheat-bag/p/1193138-wheat/",
    "https://www.adlibris.com/se/bok/introduction-to-econometrics-global-edition-9781292264455",  # an ISBN-13
    "https://adlibriscampus.com/b/9781292264455/introduction-to-econometrics-global-edition",
]

OTHER_URLS = [
    "https://www.kleinanzeigen.de/s-handy-telekom/c173",  # a classifieds category
    "https://new-market-cs3375066.prom.ua/ua/g89117728-elektronika-tehnika-aksessuary",  # a Prom.ua shop's group
    "https://shopee.sg/Automotive-cat.11000002?locations=Japan&sortBy=sales",  # a marketplace category
    "https://www.jumia.co.ke/catalog/productratingsreviews/sku/IT910MP0W26XFNAFAMZ/",  # a product's reviews
    "https://www.walmart.com.ni/7411000329702?map=ft",  # VTEX's full-text search for an EAN
    "https://www.amazon.com/s?k=headphones",
    "https://www.amazon.co.uk/gp/cart/view.html",
    "https://www.amazon.de/ap/signin?openid.return_to=x",
    # a product URL inside the query of a sign-in link is not this page's path
    "https://www.amazon.com/ap/signin?openid.return_to=https%3A%2F%2Fwww.amazon.com%2Fdp%2FB0057OC5O8%2Fref%3Dcm_cr",
    "https://www.amazon.com/gp/browse.html?node=172282",
    "https://www.amazon.com/b?node=16225007011",
    "https://www.ebay.com/sch/i.html?_nkw=leica",
    "https://www.ebay.de/b/Digitalkameras/31388/bn_1868217",
    "https://www.walmart.com/browse/electronics/3944",
    "https://www.walmart.com/search?q=milk",
    "https://www.etsy.com/search?q=mug",
    "https://www.etsy.com/cart",
    "https://www.target.com/s?searchTerm=stool",
    "https://www.aliexpress.com/category/44/consumer-electronics.html",
    "https://www.aliexpress.com/wholesale?SearchText=drone",
    "https://cool-socks.myshopify.com/collections/summer",
    "https://cool-socks.myshopify.com/collections/summer/",
    "https://cool-socks.myshopify.com/cart",
    "https://cool-socks.myshopify.com/pages/about-us",
    "https://cool-socks.myshopify.com/blogs/news/new-colours",
    "https://shop.example.de/checkout/onepage/",
    "https://shop.example.fr/fr/account/orders",
    "https://www.example-shop.com/customer/account/login/",
    "https://www.example-shop.com/catalogsearch/result/?q=lamp",
    "https://www.example-shop.com/category/lighting/",
    "https://www.example-shop.com/help/returns",
    "https://www.example-shop.com/",
    "https://www.example-shop.com/en-us/",
    "https://www.theguardian.com/technology/2017/jul/03/facebook-lawsuit",
    "https://www.bbc.com/news/business-40504764",
    "https://www.abendblatt.de/wirtschaft/article229123092/Hamburg-Grossmarkt-Obst.html",  # newsroom sections
    "http://ici.radio-canada.ca/nouvelle/1022038/kpmg-comptables-fiscalite",
    "https://timesofindia.indiatimes.com/city/delhi/articleshow/61234567.cms",
    "https://www.elmundo.es/espana/noticias/2024-madrid.html",
    "https://listado.mercadolibre.com.pe/lenovo-ideapad",  # search and listing hosts
    "https://lista.mercadolivre.com.br/tenis-corrida",
    "https://search.rakuten.co.jp/search/mall/switch/",
    "https://www.komus.ru/katalog/tovary-dlya-shkoly/guash/c/7190/",  # a Hybris category
    # blogs, newsrooms, help centres and CMS articles whose paths also say "product", an item number or an ISBN
    "https://www.example.com/blog/product/announcing-our-new-dashboard",
    "https://www.example.com/en/blog/product/whats-new-in-version-3",
    "https://www.example.com/news/product/apple-unveils-new-iphone",
    "https://www.example.com/2024/01/15/review-9780143127550",
    "https://www.example-news.com/component/k2/item/12345",
    "https://www.example-news.com/index.php?option=com_content&view=article&id=123456",
    "https://www.example.com/docs/product/getting-started-guide",
    "http://www.amazon.com/Python-Data-Analysis/product-reviews/1449319793/ref=cm_cr_dp_see_all_btm?ie=UTF8",
]

# Paths that resemble a rule but are not the pattern it names: left to the model (None), never a confident answer.
LOOKALIKE_URLS = [
    "https://www.avito.ru/moskva/telefony",  # a classifieds category: left to the model
    "https://www.gumtree.com/mobile-phones/london",
    "https://www.amazon.com/stores/page/ABCDEF12-3456",  # a brand store, not /dp/
    "https://www.example.com/dp/B0863TXGM3",  # /dp/ on a host that is not Amazon
    "https://www.notebay.com/itm/123",  # a host that only ends in "ebay"
    "https://www.etsy.com/shop/CeramicStudio",  # a seller's shop page
    "https://www.target.com/c/furniture/-/N-5xtnr",
    "https://www.newegg.com/Processors-Desktops/SubCategory/ID-343",
    "https://www.aliexpress.com/store/1101234567",
    "https://www.zalando.de/herrenschuhe-sneaker/",
    "https://shop.nordstrom.com/s/keepsake-the-label-dress/4608472",  # Nordstrom's /s/ is a product, not a search
    "http://www.gaggifts.com/glow-in-the-dark-toilet-paper.html?k=GLOWROLL",  # k= is a tracking code here
    "https://www.example.com/products/outdoor-lighting/post-lights/",  # /products/ followed by a category path
    "http://www.lampsplus.com/products/table-lamps/",  # a listing: Shopify product handles have no trailing slash
    "http://www.lacrossetechnology.com/products/weather",  # one word: a product family, not a handle
    "https://www.amazon.com/sspa/click?ie=UTF8&url=%2FArduino-Uno%2Fdp%2FB008GRTSV6%2Fref%3Dsr",  # an ad redirect
    # a product page whose tracking parameter is named `query`: not a search
    "https://www.debijenkorf.nl/sonos-play-1-wifi-speaker-1944090000-194409000000000?query=fh_location%3D%252F",
    "https://www.hatshop.example/newsboy-cap-tweed-123.html",  # "news" inside a word is no newsroom
    "https://www.shop.example.fr/article/12345-lampe-de-bureau",  # a French shop's "article" is its product
    "https://tunisiatech.tn/smartphones/1234-samsung-galaxy-a15.html",  # a PrestaShop product
    "https://shop.example.com/4-pack-usb-c-cable/",  # a number starting a product's slug
    "https://www.example.com/product/shoes",  # one word after "product": a family or a listing
    "https://www.example.com/product/running-shoes/trail",  # "product" not followed by the last segment
    "https://www.example.com/listing/2021-ford-f-150",  # "listing" names classified ads and directory entries
    "https://newsletter.example.com/p/the-2024-election-in-review",  # a newsletter post: a slug, not a code
    "https://example.substack.com/p/issue-142",
    "https://newsletter.example.com/p/predictions-2025",
    "https://www.instagram.com/p/cxyz123abc/",
    "https://www.example.com/product/" + "1" * 3000 + "x/y",  # no page a person opens: no rule reads it
    "https://sklep.example.pl/produkty/meble-ogrodowe-drewniane",  # Polish "products": a category
    "https://www.example-hybris.com/tools/c/drills",  # a category named by a word, left to the model
]


@pytest.mark.parametrize("url", PRODUCT_URLS)
def test_marketplace_and_platform_product_urls_are_products(url: str) -> None:
    answer = url_rule_answer(url)
    assert answer is not None, url
    assert answer.probability == PRODUCT_PROBABILITY


@pytest.mark.parametrize("url", OTHER_URLS)
def test_cart_search_listing_account_help_and_news_urls_are_not_products(url: str) -> None:
    answer = url_rule_answer(url)
    assert answer is not None, url
    assert answer.probability == OTHER_PROBABILITY


@pytest.mark.parametrize("url", LOOKALIKE_URLS)
def test_lookalikes_are_left_to_the_model(url: str) -> None:
    assert url_rule_answer(url) is None


def test_a_rule_answers_before_the_model_and_says_so(tiny_bert_dir: Path) -> None:
    urls = ["https://www.amazon.fr/dp/B0863TXGM3", "https://www.example.com/a/b-c", "https://shop.example/cart"]
    classifier = UrlClassifier(str(tiny_bert_dir))
    verdicts = classifier.classify(urls)
    assert [verdict.source if verdict else None for verdict in verdicts] == [
        "rule:amazon",
        MODEL_SOURCE,
        "rule:cart-account",
    ]
    assert classifier.predict_proba(urls) == [verdict.probability for verdict in verdicts if verdict]
    without_rules = UrlClassifier(str(tiny_bert_dir), use_rules=False).classify(urls)
    assert {verdict.source for verdict in without_rules if verdict} == {MODEL_SOURCE}


def test_without_a_model_the_rules_still_answer_and_the_rest_is_unknown() -> None:
    verdicts = UrlClassifier(None).classify(["https://www.ebay.it/itm/123456789012", "https://shop.example/a/b"])
    assert verdicts[0] is not None and verdicts[0].probability == PRODUCT_PROBABILITY
    assert verdicts[1] is None
