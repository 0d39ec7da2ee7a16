"""Write training/url_labels/synthetic.csv: URLs built from the documented URL conventions of marketplaces and shop
platforms, product pages and the other pages of the same shops (listing, search, cart, account, help, blog).

    .venv/bin/python scripts/synthesise_url_labels.py

Every row is marked `synthetic` (origin) with the convention it follows (source). Deterministic (fixed seed), so the
committed file can be rebuilt byte for byte. The words are a small hand-written multilingual list: the point is the
shape of each platform's paths, in the languages and country domains the shops use.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote


def _words(text: str) -> list[str]:
    return text.split()


REPO_ROOT = Path(__file__).resolve().parents[1]
OUT = REPO_ROOT / "training" / "url_labels" / "synthetic.csv"
SEED = 20261130
SHOPS_PER_PLATFORM = 26
URLS_PER_SHOP = (5, 5)  # products, other pages
URLS_PER_MARKETPLACE_DOMAIN = (3, 3)

# language -> (product nouns, adjectives/colours, category words, service words by role)
WORDS: dict[str, dict[str, list[str]]] = {
    "en": {
        "noun": _words(
            "sneaker jacket dress lamp sofa kettle headphones backpack watch mug blender drill tent jeans "
            "hoodie wallet sunglasses mattress pillow rug chair desk laptop-stand charger candle"
        ),
        "adj": _words(
            "black white navy red blue green grey oak walnut leather cotton wireless waterproof slim vintage "
            "organic stainless ceramic linen wool compact"
        ),
        "cat": _words(
            "women men kids home garden electronics shoes accessories sale new-arrivals furniture kitchen "
            "beauty toys sports outdoor lighting bedding bags jewelry"
        ),
        "cart": ["cart", "basket", "bag", "shopping-cart", "checkout"],
        "account": ["account", "login", "sign-in", "register", "my-account", "wishlist", "orders"],
        "search": ["search"],
        "help": ["help", "faq", "contact", "shipping", "returns", "about-us", "privacy-policy", "terms", "stores"],
        "blog": ["blog", "journal", "stories", "news"],
        "product": ["product", "products", "p", "item"],
        "category": ["category", "c", "shop", "collections", "department"],
    },
    "de": {
        "noun": _words(
            "laufschuh jacke kleid stehlampe sofa wasserkocher kopfhoerer rucksack armbanduhr tasse mixer "
            "akkuschrauber zelt jeans kapuzenpullover geldboerse sonnenbrille matratze kissen teppich stuhl"
        ),
        "adj": _words(
            "schwarz weiss blau rot gruen grau eiche leder baumwolle kabellos wasserdicht herren damen "
            "edelstahl keramik leinen wolle"
        ),
        "cat": _words(
            "damen herren kinder wohnen garten elektronik schuhe accessoires sale neuheiten moebel kueche "
            "beauty spielzeug sport outdoor leuchten"
        ),
        "cart": ["warenkorb", "kasse", "checkout"],
        "account": ["konto", "anmelden", "login", "registrieren", "mein-konto", "merkzettel", "wunschliste"],
        "search": ["suche", "search"],
        "help": ["hilfe", "faq", "kontakt", "versand", "impressum", "agb", "datenschutz", "filialen", "ueber-uns"],
        "blog": ["blog", "magazin", "ratgeber"],
        "product": ["produkt", "artikel", "p"],
        "category": ["kategorie", "c", "shop", "sortiment"],
    },
    "fr": {
        "noun": _words(
            "basket veste robe lampadaire canape bouilloire casque sac-a-dos montre tasse mixeur perceuse "
            "tente jean sweat portefeuille lunettes matelas coussin tapis chaise bureau"
        ),
        "adj": _words(
            "noir blanc bleu rouge vert gris chene cuir coton sans-fil impermeable homme femme inox ceramique lin laine"
        ),
        "cat": _words(
            "femme homme enfant maison jardin high-tech chaussures accessoires soldes nouveautes meubles "
            "cuisine beaute jouets sport"
        ),
        "cart": ["panier", "commande", "checkout"],
        "account": ["mon-compte", "connexion", "compte", "inscription", "identification", "favoris"],
        "search": ["recherche", "search"],
        "help": ["aide", "faq", "contact", "livraison", "mentions-legales", "cgv", "magasins", "qui-sommes-nous"],
        "blog": ["blog", "conseils", "actualites"],
        "product": ["produit", "p", "article"],
        "category": ["categorie", "c", "rayon", "univers"],
    },
    "es": {
        "noun": _words(
            "zapatilla chaqueta vestido lampara sofa hervidor auriculares mochila reloj taza batidora "
            "taladro tienda-campana vaqueros sudadera cartera gafas colchon almohada alfombra silla"
        ),
        "adj": _words(
            "negro blanco azul rojo verde gris roble cuero algodon inalambrico impermeable hombre mujer "
            "acero ceramica lino lana"
        ),
        "cat": _words(
            "mujer hombre ninos hogar jardin electronica zapatos accesorios rebajas novedades muebles cocina "
            "belleza juguetes deportes"
        ),
        "cart": ["carrito", "cesta", "checkout", "finalizar-compra"],
        "account": ["mi-cuenta", "cuenta", "iniciar-sesion", "login", "registro", "favoritos"],
        "search": ["buscar", "busqueda", "search"],
        "help": ["ayuda", "preguntas-frecuentes", "contacto", "envios", "aviso-legal", "tiendas", "quienes-somos"],
        "blog": ["blog", "noticias", "consejos"],
        "product": ["producto", "p", "articulo"],
        "category": ["categoria", "c", "catalogo", "departamento"],
    },
    "pt": {
        "noun": _words(
            "tenis jaqueta vestido luminaria sofa chaleira fone-de-ouvido mochila relogio caneca "
            "liquidificador furadeira barraca calca moletom carteira oculos colchao travesseiro tapete"
        ),
        "adj": _words(
            "preto branco azul vermelho verde cinza carvalho couro algodao sem-fio masculino feminino inox "
            "ceramica linho"
        ),
        "cat": _words(
            "feminino masculino infantil casa jardim eletronicos calcados acessorios promocao lancamentos "
            "moveis cozinha beleza brinquedos esportes"
        ),
        "cart": ["carrinho", "checkout", "sacola"],
        "account": ["minha-conta", "conta", "login", "entrar", "cadastro", "lista-de-desejos"],
        "search": ["busca", "pesquisa", "search"],
        "help": ["ajuda", "atendimento", "contato", "entrega", "trocas-e-devolucoes", "lojas", "institucional"],
        "blog": ["blog", "dicas", "noticias"],
        "product": ["produto", "p"],
        "category": ["categoria", "departamento", "c"],
    },
    "it": {
        "noun": _words(
            "scarpa giacca vestito lampada divano bollitore cuffie zaino orologio tazza frullatore trapano "
            "tenda jeans felpa portafoglio occhiali materasso cuscino tappeto sedia"
        ),
        "adj": _words(
            "nero bianco blu rosso verde grigio rovere pelle cotone wireless impermeabile uomo donna acciaio "
            "ceramica lino lana"
        ),
        "cat": _words(
            "donna uomo bambini casa giardino elettronica scarpe accessori saldi novita mobili cucina "
            "bellezza giocattoli sport"
        ),
        "cart": ["carrello", "cassa", "checkout"],
        "account": ["il-mio-account", "account", "accedi", "login", "registrati", "lista-desideri"],
        "search": ["cerca", "ricerca", "search"],
        "help": ["aiuto", "faq", "contatti", "spedizioni", "resi", "negozi", "chi-siamo", "privacy"],
        "blog": ["blog", "magazine", "consigli"],
        "product": ["prodotto", "p", "articolo"],
        "category": ["categoria", "c", "reparto"],
    },
    "nl": {
        "noun": _words(
            "sneaker jas jurk vloerlamp bank waterkoker koptelefoon rugzak horloge mok blender boormachine "
            "tent spijkerbroek hoodie portemonnee zonnebril matras kussen vloerkleed stoel"
        ),
        "adj": _words(
            "zwart wit blauw rood groen grijs eiken leer katoen draadloos waterdicht heren dames rvs "
            "keramiek linnen wol"
        ),
        "cat": _words(
            "dames heren kinderen wonen tuin elektronica schoenen accessoires sale nieuw meubels keuken "
            "beauty speelgoed sport"
        ),
        "cart": ["winkelwagen", "winkelmand", "afrekenen", "checkout"],
        "account": ["mijn-account", "account", "inloggen", "registreren", "verlanglijst"],
        "search": ["zoeken", "search"],
        "help": ["klantenservice", "faq", "contact", "verzenden", "retourneren", "winkels", "over-ons"],
        "blog": ["blog", "inspiratie"],
        "product": ["product", "p", "artikel"],
        "category": ["categorie", "c", "assortiment"],
    },
    "pl": {
        "noun": _words(
            "buty kurtka sukienka lampa sofa czajnik sluchawki plecak zegarek kubek blender wiertarka "
            "namiot jeansy bluza portfel okulary materac poduszka dywan krzeslo"
        ),
        "adj": _words(
            "czarny bialy niebieski czerwony zielony szary dab skora bawelna bezprzewodowy wodoodporny "
            "meski damski stal ceramika len welna"
        ),
        "cat": _words(
            "kobieta mezczyzna dziecko dom ogrod elektronika obuwie akcesoria wyprzedaz nowosci meble "
            "kuchnia uroda zabawki sport"
        ),
        "cart": ["koszyk", "zamowienie", "checkout"],
        "account": ["moje-konto", "konto", "logowanie", "rejestracja", "ulubione"],
        "search": ["szukaj", "wyszukiwanie", "search"],
        "help": ["pomoc", "faq", "kontakt", "dostawa", "zwroty", "regulamin", "sklepy", "o-nas"],
        "blog": ["blog", "poradnik"],
        "product": ["produkt", "p"],
        "category": ["kategoria", "c", "k"],
    },
    "tr": {
        "noun": _words(
            "ayakkabi ceket elbise lambader kanepe su-isitici kulaklik sirt-cantasi kol-saati kupa blender "
            "matkap cadir kot-pantolon sweatshirt cuzdan gunes-gozlugu yatak yastik hali sandalye"
        ),
        "adj": _words(
            "siyah beyaz mavi kirmizi yesil gri mese deri pamuk kablosuz su-gecirmez erkek kadin celik "
            "seramik keten yun"
        ),
        "cat": _words(
            "kadin erkek cocuk ev bahce elektronik ayakkabi aksesuar indirim yeni-gelenler mobilya mutfak "
            "kozmetik oyuncak spor"
        ),
        "cart": ["sepet", "sepetim", "odeme"],
        "account": ["hesabim", "giris", "uye-ol", "favorilerim", "siparislerim"],
        "search": ["ara", "arama", "search"],
        "help": ["yardim", "sss", "iletisim", "kargo", "iade", "magazalar", "hakkimizda"],
        "blog": ["blog"],
        "product": ["urun", "p"],
        "category": ["kategori", "c"],
    },
    "ru": {
        "noun": _words(
            "krossovki kurtka platye torsher divan chaynik naushniki ryukzak chasy kruzhka blender drel "
            "palatka dzhinsy tolstovka koshelek ochki matras podushka kover stul"
        ),
        "adj": _words(
            "chernyy belyy siniy krasnyy zelenyy seryy dub kozha khlopok besprovodnoy muzhskoy zhenskiy "
            "stal keramika len sherst"
        ),
        "cat": _words(
            "zhenshchinam muzhchinam detyam dom sad elektronika obuv aksessuary rasprodazha novinki mebel "
            "kukhnya krasota igrushki sport"
        ),
        "cart": ["korzina", "cart", "checkout", "oformlenie-zakaza"],
        "account": ["lichnyy-kabinet", "personal", "login", "registratsiya", "izbrannoe"],
        "search": ["search", "poisk"],
        "help": ["pomoshch", "faq", "kontakty", "dostavka", "vozvrat", "magaziny", "o-kompanii"],
        "blog": ["blog", "stati", "novosti"],
        "product": ["product", "tovar", "catalog/item"],
        "category": ["catalog", "category", "c"],
    },
    "ja": {
        "noun": _words(
            "スニーカー ジャケット ワンピース ランプ ソファ ケトル "
            "ヘッドホン リュック 腕時計 マグカップ ミキサー テント "
            "ジーンズ パーカー 財布 サングラス マットレス 枕 ラグ 椅子"
        ),
        "adj": _words(
            "ブラック ホワイト ネイビー レッド ブルー グレー 木製 本革 綿 ワイヤレス 防水 メンズ レディース ステンレス"
        ),
        "cat": _words(
            "レディース メンズ キッズ インテリア ガーデン 家電 シューズ "
            "雑貨 セール 新着 家具 キッチン コスメ おもちゃ スポーツ"
        ),
        "cart": ["cart", "basket"],
        "account": ["mypage", "login", "member", "favorite"],
        "search": ["search"],
        "help": ["help", "faq", "guide", "contact", "company", "law", "privacy", "shop-list"],
        "blog": ["blog", "column", "news"],
        "product": ["item", "products", "goods", "product"],
        "category": ["category", "c", "list"],
    },
    "ko": {
        "noun": _words(
            "운동화 자켓 원피스 조명 소파 전기포트 헤드폰 백팩 시계 머그컵 "
            "블렌더 드릴 텐트 청바지 후드티 지갑 선글라스 매트리스 베개 러그"
        ),
        "adj": _words("블랙 화이트 네이비 레드 블루 그레이 원목 가죽 면 무선 방수 남성 여성 스텐"),
        "cat": _words("여성 남성 키즈 홈 가든 가전 신발 액세서리 세일 신상품 가구 주방 뷰티 완구 스포츠"),
        "cart": ["cart", "order/cart"],
        "account": ["mypage", "member/login", "login", "join", "wishlist"],
        "search": ["search"],
        "help": ["cs", "faq", "notice", "board", "company", "agreement", "privacy"],
        "blog": ["blog", "magazine", "event"],
        "product": ["product", "goods", "products"],
        "category": ["category", "display", "list"],
    },
    "zh": {
        "noun": _words(
            "运动鞋 夹克 连衣裙 台灯 沙发 电水壶 耳机 背包 手表 马克杯 "
            "搅拌机 电钻 帐篷 牛仔裤 卫衣 钱包 太阳镜 床垫 枕头 地毯"
        ),
        "adj": _words("黑色 白色 蓝色 红色 绿色 灰色 实木 真皮 纯棉 无线 防水 男款 女款 不锈钢"),
        "cat": _words("女装 男装 童装 家居 园艺 数码 鞋靴 配饰 特价 新品 家具 厨房 美妆 玩具 运动"),
        "cart": ["cart", "shoppingcart"],
        "account": ["member", "login", "user", "favorites"],
        "search": ["search"],
        "help": ["help", "faq", "about", "contact", "service"],
        "blog": ["news", "article"],
        "product": ["item", "product", "goods", "detail"],
        "category": ["category", "list", "c"],
    },
}

COUNTRIES: list[tuple[str, str]] = [  # (top-level domain, language)
    ("com", "en"),
    ("co.uk", "en"),
    ("com.au", "en"),
    ("ca", "en"),
    ("in", "en"),
    ("ie", "en"),
    ("co.nz", "en"),
    ("sg", "en"),
    ("de", "de"),
    ("at", "de"),
    ("ch", "de"),
    ("fr", "fr"),
    ("be", "fr"),
    ("es", "es"),
    ("com.mx", "es"),
    ("com.ar", "es"),
    ("cl", "es"),
    ("com.co", "es"),
    ("com.br", "pt"),
    ("pt", "pt"),
    ("it", "it"),
    ("nl", "nl"),
    ("pl", "pl"),
    ("com.tr", "tr"),
    ("ru", "ru"),
    ("co.jp", "ja"),
    ("jp", "ja"),
    ("co.kr", "ko"),
    ("kr", "ko"),
    ("cn", "zh"),
    ("com.tw", "zh"),
    ("hk", "zh"),
]
BRANDS = _words("acme nordic lumen kora velo atlas boreal sora mira terra nova orbit pico vento alba luna rhea zeta")
SYLLABLES = _words("ka lo mi ra ne so ta vi pe lu do ri ma ko sa be no fi gu ha")


class Maker:
    """Random pieces of URLs in one language."""

    def __init__(self, rng: random.Random, language: str) -> None:
        self.rng, self.words, self.language = rng, WORDS[language], language

    def pick(self, role: str) -> str:
        return self.rng.choice(self.words[role])

    def name_words(self) -> list[str]:
        words = [self.pick("adj"), self.pick("noun")]
        if self.rng.random() < 0.7:
            words.insert(0, self.rng.choice(BRANDS))
        if self.rng.random() < 0.5:
            words.append(self.pick("adj"))
        if self.rng.random() < 0.4:
            words.append(self.rng.choice(["42", "xl", "500ml", "2-pack", "128gb", "160x200", "v2", "pro", "mini"]))
        return list(dict.fromkeys(words))

    def slug(self, separator: str = "-") -> str:
        text = separator.join(self.name_words())
        if self.language in ("ja", "ko", "zh") and self.rng.random() < 0.5:
            return quote(text)  # shops percent-encode non-Latin slugs as often as not
        return text

    def category_path(self, depth: int | None = None) -> str:
        depth = depth or self.rng.choice([1, 1, 2, 2, 3])
        parts = [self.pick("cat")] + [
            self.pick("cat") if self.rng.random() < 0.5 else self.pick("noun") + "s" for _ in range(depth - 1)
        ]
        return "/".join(dict.fromkeys(parts))

    def number(self, digits: int) -> str:
        return str(self.rng.randrange(10 ** (digits - 1), 10**digits))

    def code(self, length: int = 8) -> str:
        return "".join(self.rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(length))

    def query(self) -> str:
        return quote(" ".join(self.name_words()[-2:]))

    def service_page(self) -> str:
        role = self.rng.choice(["cart", "account", "help", "help", "search"])
        if role == "search":
            key = self.rng.choice(["q", "query", "text", "keyword", "s"])
            return f"/{self.pick('search')}?{key}={self.query()}"
        endings = ["", "/", "", ".html"] if role == "help" else ["", "/"]
        return f"/{self.pick(role)}" + self.rng.choice(endings)

    def blog_post(self) -> str:
        topic = self.rng.choice(["guide", "tips", "2024", "ideas"])
        post = "-".join([self.pick("adj"), self.pick("noun"), topic])
        return f"/{self.pick('blog')}/{post}" + self.rng.choice(["", "/", ".html"])


Template = Callable[[Maker], str]
PRESTASHOP_LANGUAGES = ["fr", "es", "it", "de", "en"]
SFCC_LOCALES = ["us/en", "de/de", "fr/fr", "en-gb", "es-es"]
DEMANDWARE = "/on/demandware.store"
# Each platform: (product templates, other-page templates). Paths follow each platform's documented defaults.
PLATFORMS: dict[str, tuple[list[Template], list[Template]]] = {
    "shopify": (
        [
            lambda m: f"/products/{m.slug()}",
            lambda m: f"/collections/{m.pick('cat')}/products/{m.slug()}",
            lambda m: f"/products/{m.slug()}?variant={m.number(14)}",
            lambda m: f"/{m.rng.choice(['en', 'de', 'fr', 'en-gb', 'fr-ca'])}/products/{m.slug()}",
        ],
        [
            lambda m: f"/collections/{m.pick('cat')}",
            lambda m: f"/collections/{m.pick('cat')}?page={m.rng.randint(2, 9)}",
            lambda m: "/collections/all",
            lambda m: f"/pages/{m.pick('help')}",
            lambda m: f"/blogs/{m.pick('blog')}/{m.slug()}-{m.rng.choice(['guide', 'lookbook', 'story'])}",
            lambda m: "/cart",
            lambda m: "/account/login",
            lambda m: f"/search?q={m.query()}",
            lambda m: f"/policies/{m.rng.choice(['refund-policy', 'shipping-policy', 'privacy-policy'])}",
            lambda m: "/",
        ],
    ),
    "woocommerce": (
        [
            lambda m: f"/{m.pick('product')}/{m.slug()}/",
            lambda m: f"/product/{m.slug()}/",
            lambda m: f"/shop/{m.pick('cat')}/{m.slug()}/",
            lambda m: f"/?product={m.slug()}",
        ],
        [
            lambda m: f"/product-category/{m.category_path()}/",
            lambda m: f"/product-tag/{m.pick('adj')}/",
            lambda m: "/shop/",
            lambda m: f"/shop/page/{m.rng.randint(2, 12)}/",
            lambda m: f"/{m.pick('cart')}/",
            lambda m: f"/{m.pick('account')}/",
            lambda m: f"/?s={m.query()}&post_type=product",
            lambda m: f"/{m.rng.randint(2015, 2025)}/{m.rng.randint(1, 12):02d}/{m.slug()}/",
            lambda m: f"/{m.pick('help')}/",
        ],
    ),
    "magento": (
        [
            lambda m: f"/{m.slug()}.html",
            lambda m: f"/{m.pick('cat')}/{m.slug()}.html",
            lambda m: f"/{m.slug()}-{m.code(6).lower()}.html",
            lambda m: f"/catalog/product/view/id/{m.number(5)}/",
        ],
        [
            lambda m: f"/{m.category_path()}.html",
            lambda m: f"/{m.category_path(1)}.html?p={m.rng.randint(2, 9)}",
            lambda m: f"/{m.category_path(2)}.html?color={m.number(2)}",
            lambda m: "/checkout/cart/",
            lambda m: "/customer/account/login/",
            lambda m: f"/catalogsearch/result/?q={m.query()}",
            lambda m: f"/{m.pick('help')}",
            lambda m: "/wishlist/",
        ],
    ),
    "shopware": (
        [
            lambda m: f"/{m.slug().title()}/{m.rng.choice(['SW', 'AR', ''])}{m.number(5)}",
            lambda m: f"/detail/{m.code(32).lower()}",
            lambda m: f"/{m.pick('cat').title()}/{m.slug().title()}/{m.number(5)}",
            lambda m: f"/{m.slug()}/{m.number(6)}?number=SW{m.number(5)}",
        ],
        [
            lambda m: "/" + "/".join(w.title() for w in m.category_path().split("/")) + "/",
            lambda m: f"/search?search={m.query()}",
            lambda m: "/checkout/cart",
            lambda m: "/account/login",
            lambda m: "/wishlist",
            lambda m: f"/{m.pick('help')}/",
            lambda m: f"/navigation/{m.code(32).lower()}",
        ],
    ),
    "prestashop": (
        [
            lambda m: f"/{m.number(3)}-{m.slug()}.html",
            lambda m: f"/{m.rng.choice(PRESTASHOP_LANGUAGES)}/{m.pick('cat')}/{m.number(3)}-{m.slug()}.html",
            lambda m: f"/{m.pick('cat')}/{m.number(3)}-{m.number(4)}-{m.slug()}.html",
            lambda m: f"/index.php?id_product={m.number(3)}&controller=product",
        ],
        [
            lambda m: f"/{m.rng.choice(PRESTASHOP_LANGUAGES)}/{m.number(2)}-{m.pick('cat')}",
            lambda m: f"/{m.number(2)}-{m.pick('cat')}?page={m.rng.randint(2, 9)}",
            lambda m: f"/content/{m.number(1)}-{m.pick('help')}",
            lambda m: f"/{m.number(2)}_{m.rng.choice(BRANDS)}",
            lambda m: f"/{m.pick('cart')}?action=show",
            lambda m: f"/{m.pick('account')}",
            lambda m: f"/recherche?controller=search&s={m.query()}",
            lambda m: "/index.php?controller=order",
        ],
    ),
    "bigcommerce": (
        [
            lambda m: f"/{m.slug()}/",
            lambda m: f"/products/{m.slug()}.html",
            lambda m: f"/{m.slug()}-{m.code(6).lower()}/",
        ],
        [
            lambda m: f"/{m.pick('cat')}/",
            lambda m: f"/categories/{m.category_path()}.html",
            lambda m: f"/brands/{m.rng.choice(BRANDS).title()}.html",
            lambda m: "/cart.php",
            lambda m: "/login.php",
            lambda m: "/account.php?action=order_status",
            lambda m: f"/search.php?search_query={m.query()}",
            lambda m: f"/{m.pick('help')}/",
        ],
    ),
    "salesforce-commerce-cloud": (
        [
            lambda m: f"/{m.slug()}/{m.code(8)}.html",
            lambda m: f"/{m.rng.choice(SFCC_LOCALES)}/{m.slug()}/{m.number(6)}.html",
            lambda m: f"/{m.slug()}-{m.number(6)}.html?dwvar_{m.number(6)}_color={m.number(3)}",
            lambda m: f"{DEMANDWARE}/Sites-{m.rng.choice(BRANDS)}-Site/en_US/Product-Show?pid={m.code(8)}",
        ],
        [
            lambda m: f"/{m.category_path()}/",
            lambda m: f"/{m.rng.choice(['us/en', 'de/de', 'fr/fr'])}/{m.category_path()}/",
            lambda m: f"/search?q={m.query()}",
            lambda m: "/cart",
            lambda m: "/account",
            lambda m: f"/on/demandware.store/Sites-{m.rng.choice(BRANDS)}-Site/en_US/Cart-Show",
            lambda m: "/stores",
            lambda m: f"/{m.pick('help')}",
        ],
    ),
    "vtex": (
        [
            lambda m: f"/{m.slug()}/p",
            lambda m: f"/{m.slug()}-{m.number(6)}/p",
            lambda m: f"/{m.slug()}/p?idsku={m.number(5)}",
        ],
        [
            lambda m: f"/{m.category_path()}",
            lambda m: f"/{m.pick('noun')}?_q={m.query()}&map=ft",
            lambda m: f"/busca?ft={m.query()}",
            lambda m: "/checkout/#/cart",
            lambda m: "/account",
            lambda m: "/login",
            lambda m: f"/institucional/{m.pick('help')}",
            lambda m: f"/{m.pick('cat')}?O=OrderByPriceASC&PS=24",
        ],
    ),
    "wix": (
        [lambda m: f"/product-page/{m.slug()}"],
        [
            lambda m: "/shop",
            lambda m: f"/shop?category={m.pick('cat')}",
            lambda m: f"/category/{m.pick('cat')}",
            lambda m: "/cart-page",
            lambda m: "/account/my-orders",
            lambda m: f"/post/{m.slug()}-{m.rng.choice(['tips', 'story'])}",
            lambda m: f"/{m.pick('help')}",
        ],
    ),
    "squarespace": (
        [lambda m: f"/{m.rng.choice(['shop', 'store'])}/p/{m.slug()}"],
        [
            lambda m: f"/{m.rng.choice(['shop', 'store'])}",
            lambda m: f"/shop?category={m.pick('cat')}",
            lambda m: "/cart",
            lambda m: f"/blog/{m.slug()}",
            lambda m: f"/{m.pick('help')}",
        ],
    ),
    "opencart": (
        [
            lambda m: f"/index.php?route=product/product&product_id={m.number(2)}",
            lambda m: f"/index.php?route=product/product&path={m.number(2)}&product_id={m.number(3)}",
            lambda m: f"/{m.pick('cat')}/{m.slug()}",
        ],
        [
            lambda m: f"/index.php?route=product/category&path={m.number(2)}_{m.number(2)}",
            lambda m: "/index.php?route=checkout/cart",
            lambda m: "/index.php?route=account/login",
            lambda m: f"/index.php?route=product/search&search={m.query()}",
            lambda m: f"/index.php?route=information/information&information_id={m.number(1)}",
        ],
    ),
    "custom-retailer": (
        [
            lambda m: f"/p/{m.slug()}/{m.number(8)}",
            lambda m: f"/product/{m.number(7)}/{m.slug()}",
            lambda m: f"/pd/{m.slug()}/{m.number(9)}",
            lambda m: f"/item/{m.number(9)}",
            lambda m: f"/{m.slug()}-p{m.number(7)}.html",
            lambda m: f"/{m.pick('cat')}/{m.slug()}-{m.number(6)}.html",
            lambda m: f"/{m.slug()}_{m.code(8)}.htm",
            lambda m: f"/{m.pick('product')}/{m.slug()}-{m.number(6)}",
            lambda m: f"/goods/{m.number(8)}",
            lambda m: f"/detail/{m.number(10)}.html",
            lambda m: f"/shop/{m.pick('cat')}/{m.slug()}/prod{m.number(8)}",
            lambda m: f"/{m.pick('product')}.do?id={m.number(7)}",
        ],
        [
            lambda m: f"/c/{m.category_path()}",
            lambda m: f"/c/{m.pick('cat')}/{m.number(5)}",
            lambda m: f"/{m.pick('category')}/{m.category_path()}",
            lambda m: f"/b/{m.pick('cat')}/N-{m.code(5).lower()}",
            lambda m: f"/browse/{m.category_path()}",
            lambda m: f"/{m.category_path()}/",
            lambda m: f"/{m.category_path(2)}?sort=price-asc&page={m.rng.randint(2, 9)}",
            lambda m: f"/brands/{m.rng.choice(BRANDS)}",
            lambda m: f"/stores/{m.pick('cat')}",
            lambda m: m.service_page(),
            lambda m: m.service_page(),
            lambda m: m.blog_post(),
            lambda m: "/",
            lambda m: f"/{m.rng.choice(['deals', 'sale', 'outlet', 'gift-cards', 'new'])}",
        ],
    ),
}

# Marketplaces and big retailers in the countries they operate: (name, domains, product templates, other templates).
MARKETPLACES: list[tuple[str, list[str], list[Template], list[Template]]] = [
    (
        "amazon",
        [
            f"www.amazon.{tld}"
            for tld in _words(
                "com co.uk de fr it es ca com.mx com.br co.jp in com.au nl se pl com.tr ae sa sg eg com.be"
            )
        ],
        [
            lambda m: f"/{m.slug().title()}/dp/B0{m.code(8)}",
            lambda m: f"/dp/B0{m.code(8)}",
            lambda m: f"/dp/B0{m.code(8)}/ref=sr_1_{m.rng.randint(1, 40)}?keywords={m.query()}",
            lambda m: f"/gp/product/B0{m.code(8)}",
            lambda m: f"/gp/aw/d/B0{m.code(8)}",
            lambda m: f"/{m.slug().title()}/dp/{m.number(10)}",
        ],
        [
            lambda m: f"/s?k={m.query()}",
            lambda m: f"/s?k={m.query()}&i={m.pick('cat')}&ref=nb_sb_noss",
            lambda m: f"/b?node={m.number(9)}",
            lambda m: f"/{m.pick('cat')}/b?ie=UTF8&node={m.number(9)}",
            lambda m: "/gp/cart/view.html",
            lambda m: "/ap/signin",
            lambda m: f"/gp/help/customer/display.html?nodeId={m.number(9)}",
            lambda m: f"/stores/{m.rng.choice(BRANDS).title()}/page/{m.code(8)}",
            lambda m: "/gp/bestsellers/",
            lambda m: f"/gp/browse.html?node={m.number(9)}",
            lambda m: f"/product-reviews/B0{m.code(8)}",
        ],
    ),
    (
        "ebay",
        [f"www.ebay.{tld}" for tld in _words("com co.uk de fr it es ca com.au at ch nl pl ie com.sg")],
        [
            lambda m: f"/itm/{m.number(12)}",
            lambda m: f"/itm/{m.slug().title()}/{m.number(12)}",
            lambda m: f"/itm/{m.number(12)}?hash=item{m.code(10).lower()}",
            lambda m: f"/p/{m.number(9)}",
        ],
        [
            lambda m: f"/sch/i.html?_nkw={m.query()}",
            lambda m: f"/b/{m.slug().title()}/{m.number(5)}/bn_{m.number(7)}",
            lambda m: f"/str/{m.rng.choice(BRANDS)}{m.rng.choice(SYLLABLES)}",
            lambda m: f"/usr/{m.rng.choice(BRANDS)}_{m.number(3)}",
            lambda m: "/mye/myebay/summary",
            lambda m: f"/help/{m.pick('cat')}",
            lambda m: "/deals",
        ],
    ),
    (
        "walmart",
        ["www.walmart.com", "www.walmart.ca", "www.walmart.com.mx"],
        [lambda m: f"/ip/{m.slug().title()}/{m.number(9)}", lambda m: f"/en/ip/{m.slug()}/{m.number(13)}"],
        [
            lambda m: f"/browse/{m.category_path()}/{m.number(4)}_{m.number(4)}",
            lambda m: f"/search?q={m.query()}",
            lambda m: f"/cp/{m.pick('cat')}/{m.number(7)}",
            lambda m: "/cart",
            lambda m: "/account/login",
            lambda m: "/store/finder",
        ],
    ),
    (
        "aliexpress",
        [
            "www.aliexpress.com",
            "es.aliexpress.com",
            "fr.aliexpress.com",
            "pt.aliexpress.com",
            "www.aliexpress.us",
            "aliexpress.ru",
            "de.aliexpress.com",
            "ja.aliexpress.com",
            "ko.aliexpress.com",
        ],
        [
            lambda m: f"/item/100500{m.number(10)}.html",
            lambda m: f"/item/{m.number(11)}.html?spm=a2g0o.{m.code(6)}",
        ],
        [
            lambda m: f"/category/{m.number(6)}/{m.pick('cat')}.html",
            lambda m: f"/w/wholesale-{m.query()}.html",
            lambda m: f"/wholesale?SearchText={m.query()}",
            lambda m: f"/store/{m.number(7)}",
            lambda m: "/p/shoppingcart/index.html",
            lambda m: "/p/order/index.html",
        ],
    ),
    (
        "etsy",
        ["www.etsy.com"],
        [
            lambda m: f"/listing/{m.number(10)}/{m.slug()}",
            lambda m: f"/{m.rng.choice(['de', 'fr', 'nl', 'it', 'es'])}/listing/{m.number(9)}/{m.slug()}",
        ],
        [
            lambda m: f"/c/{m.category_path()}",
            lambda m: f"/search?q={m.query()}",
            lambda m: f"/shop/{m.rng.choice(BRANDS).title()}{m.rng.choice(SYLLABLES).title()}Studio",
            lambda m: "/cart",
            lambda m: "/signin",
            lambda m: f"/market/{m.pick('noun')}",
        ],
    ),
    (
        "mercadolibre",
        [
            "articulo.mercadolibre.com.ar",
            "articulo.mercadolibre.com.mx",
            "produto.mercadolivre.com.br",
            "articulo.mercadolibre.cl",
            "articulo.mercadolibre.com.co",
            "www.mercadolibre.com.mx",
        ],
        [
            lambda m: f"/ML{m.rng.choice('AMBCO')}-{m.number(10)}-{m.slug()}-_JM",
            lambda m: f"/{m.slug()}/p/ML{m.rng.choice('AMBCO')}{m.number(8)}",
        ],
        [
            lambda m: f"/{m.category_path()}",
            lambda m: "/ofertas#nav-header",
            lambda m: f"/tiendas-oficiales/{m.pick('cat')}",
            lambda m: "/gz/cart/v2",
            lambda m: f"/ayuda/{m.number(4)}",
        ],
    ),
    (
        "zalando",
        [f"www.zalando.{tld}" for tld in _words("de fr it es nl pl at ch be co.uk se dk")],
        [lambda m: f"/{m.slug()}-{m.code(9).lower()}-{m.code(3).lower()}.html"],
        [
            lambda m: f"/{m.pick('cat')}-{m.pick('cat')}/",
            lambda m: f"/{m.pick('cat')}/{m.rng.choice(BRANDS)}/",
            lambda m: f"/catalog/?q={m.query()}",
            lambda m: "/cart/",
            lambda m: "/myaccount/",
            lambda m: f"/faq/{m.pick('help')}",
        ],
    ),
    (
        "otto",
        ["www.otto.de"],
        [
            lambda m: f"/p/{m.slug()}-{m.number(8)}/#variationId={m.number(10)}",
            lambda m: f"/p/{m.slug()}-{m.code(10)}/",
        ],
        [
            lambda m: f"/{m.category_path()}/",
            lambda m: f"/suche/{m.query()}/",
            lambda m: "/order/basket",
            lambda m: "/myaccount/dashboard",
            lambda m: f"/shoppages/service/{m.pick('help')}",
        ],
    ),
    (
        "rakuten-jp",
        ["item.rakuten.co.jp"],
        [lambda m: f"/{m.rng.choice(BRANDS)}{m.rng.choice(SYLLABLES)}/{m.code(8).lower()}/"],
        [],
    ),
    (
        "rakuten-jp-other",
        ["search.rakuten.co.jp", "www.rakuten.co.jp", "basket.step.rakuten.co.jp"],
        [],
        [
            lambda m: f"/search/mall/{m.query()}/",
            lambda m: f"/category/{m.number(6)}/",
            lambda m: "/rms/mall/bs/cartfor/",
        ],
    ),
    (
        "coupang",
        ["www.coupang.com", "m.coupang.com"],
        [
            lambda m: f"/vp/products/{m.number(10)}?itemId={m.number(11)}&vendorItemId={m.number(11)}",
            lambda m: f"/vm/products/{m.number(9)}",
        ],
        [
            lambda m: f"/np/search?q={m.query()}",
            lambda m: f"/np/categories/{m.number(6)}",
            lambda m: "/cart/cartView.pang",
            lambda m: "/np/campaigns/82",
        ],
    ),
    (
        "jd",
        ["item.jd.com", "search.jd.com", "list.jd.com", "cart.jd.com"],
        [lambda m: f"/{m.number(12)}.html"],
        [
            lambda m: f"/Search?keyword={m.query()}&enc=utf-8",
            lambda m: f"/list.html?cat=670,671,{m.number(4)}",
            lambda m: "/cart.action",
        ],
    ),
    (
        "taobao-tmall",
        ["item.taobao.com", "detail.tmall.com", "s.taobao.com", "list.tmall.com"],
        [
            lambda m: f"/item.htm?id={m.number(12)}",
            lambda m: f"/item.htm?spm=a230r.1.14.{m.number(2)}&id={m.number(12)}",
        ],
        [lambda m: f"/search?q={m.query()}", lambda m: f"/search_product.htm?cat={m.number(8)}"],
    ),
    (
        "flipkart",
        ["www.flipkart.com"],
        [lambda m: f"/{m.slug()}/p/itm{m.code(13).lower()}?pid={m.code(16)}"],
        [
            lambda m: f"/search?q={m.query()}",
            lambda m: f"/{m.category_path()}/pr?sid={m.code(3).lower()},{m.code(3).lower()}",
            lambda m: "/viewcart",
            lambda m: "/account/login",
            lambda m: "/helpcentre",
        ],
    ),
    (
        "lazada-shopee",
        [
            "www.lazada.co.th",
            "www.lazada.com.my",
            "www.lazada.sg",
            "www.lazada.com.ph",
            "www.lazada.vn",
            "shopee.co.id",
            "shopee.co.th",
            "shopee.vn",
            "shopee.ph",
            "shopee.com.my",
            "shopee.tw",
            "shopee.com.br",
        ],
        [
            lambda m: f"/products/{m.slug()}-i{m.number(10)}-s{m.number(11)}.html",
            lambda m: f"/{m.slug()}-i.{m.number(9)}.{m.number(10)}",
        ],
        [
            lambda m: f"/catalog/?q={m.query()}",
            lambda m: f"/search?keyword={m.query()}",
            lambda m: f"/{m.category_path(1)}-cat.{m.number(8)}",
            lambda m: "/cart",
            lambda m: "/user/account/profile",
            lambda m: f"/shop/{m.rng.choice(BRANDS)}-official-store/",
        ],
    ),
    (
        "trendyol-hepsiburada",
        ["www.trendyol.com", "www.hepsiburada.com", "www.n11.com"],
        [
            lambda m: f"/{m.rng.choice(BRANDS)}/{m.slug()}-p-{m.number(9)}",
            lambda m: f"/{m.slug()}-p-HBC{m.code(11)}",
            lambda m: f"/urun/{m.slug()}-{m.number(9)}",
        ],
        [
            lambda m: f"/sr?q={m.query()}",
            lambda m: f"/{m.pick('cat')}-x-c{m.number(3)}",
            lambda m: f"/ara?q={m.query()}",
            lambda m: "/sepet",
            lambda m: "/hesabim",
            lambda m: f"/magaza/{m.rng.choice(BRANDS)}-m-{m.number(6)}",
        ],
    ),
    (
        "ozon-wildberries",
        ["www.ozon.ru", "www.wildberries.ru", "market.yandex.ru"],
        [
            lambda m: f"/product/{m.slug()}-{m.number(9)}/",
            lambda m: f"/catalog/{m.number(8)}/detail.aspx",
            lambda m: f"/product--{m.slug()}/{m.number(9)}",
        ],
        [
            lambda m: f"/category/{m.pick('cat')}-{m.number(5)}/",
            lambda m: f"/search/?text={m.query()}",
            lambda m: f"/catalog/{m.category_path()}",
            lambda m: "/cart",
            lambda m: "/lk/basket",
            lambda m: "/my/main",
        ],
    ),
    (
        "bol-noon-kaufland",
        ["www.bol.com", "www.noon.com", "www.kaufland.de", "www.cdiscount.com", "www.fnac.com", "www.allegro.pl"],
        [
            lambda m: f"/nl/nl/p/{m.slug()}/{m.number(16)}/",
            lambda m: f"/uae-en/{m.slug()}/N{m.number(8)}A/p/",
            lambda m: f"/product/{m.number(9)}/",
            lambda m: f"/{m.pick('cat')}/{m.slug()}/f-{m.number(7)}-{m.code(8).lower()}.html",
            lambda m: f"/a{m.number(8)}/{m.slug()}",
            lambda m: f"/oferta/{m.slug()}-{m.number(11)}",
        ],
        [
            lambda m: f"/nl/nl/l/{m.pick('cat')}/{m.number(5)}/",
            lambda m: f"/uae-en/search?q={m.query()}",
            lambda m: f"/category/{m.number(5)}/",
            lambda m: f"/l-{m.number(4)}/{m.pick('cat')}.html",
            lambda m: f"/kategoria/{m.pick('cat')}-{m.number(5)}",
            lambda m: "/basket",
            lambda m: f"/listing?string={m.query()}",
        ],
    ),
    (
        "us-big-box",
        [
            "www.target.com",
            "www.bestbuy.com",
            "www.newegg.com",
            "www.homedepot.com",
            "www.lowes.com",
            "www.costco.com",
            "www.bestbuy.ca",
            "www.newegg.ca",
            "www.costco.co.uk",
            "www.ikea.com",
            "www.argos.co.uk",
            "www.currys.co.uk",
        ],
        [
            lambda m: f"/p/{m.slug()}/-/A-{m.number(8)}",
            lambda m: f"/site/{m.slug()}/{m.number(7)}.p?skuId={m.number(7)}",
            lambda m: f"/p/N82E168{m.number(8)}",
            lambda m: f"/{m.slug()}/p/{m.number(3)}-{m.code(4)}-{m.code(5)}",
            lambda m: f"/p/{m.slug().title()}/{m.number(9)}",
            lambda m: f"/pd/{m.slug().title()}/{m.number(10)}",
            lambda m: f"/{m.slug().title()}.product.{m.number(9)}.html",
            lambda m: f"/us/en/p/{m.slug()}-{m.number(8)}/",
            lambda m: f"/product/{m.number(7)}",
            lambda m: f"/products/{m.slug()}-{m.number(8)}.html",
        ],
        [
            lambda m: f"/c/{m.category_path()}/-/N-{m.code(5).lower()}",
            lambda m: f"/site/{m.category_path()}/pcmcat{m.number(9)}.c?id=pcmcat{m.number(9)}",
            lambda m: f"/searchpage.jsp?st={m.query()}",
            lambda m: f"/b/{m.category_path()}/N-{m.code(10)}",
            lambda m: f"/pl/{m.category_path()}/{m.number(10)}",
            lambda m: f"/{m.pick('cat')}.html",
            lambda m: f"/us/en/cat/{m.pick('cat')}-{m.number(5)}/",
            lambda m: f"/browse/{m.pick('cat')}/c/{m.number(5)}",
            lambda m: "/cart",
            lambda m: "/account/signin",
            lambda m: "/store-locator",
            lambda m: f"/s?searchTerm={m.query()}",
            lambda m: f"/p/pl?d={m.query()}",
        ],
    ),
]


def random_shop_host(rng: random.Random, tld: str) -> str:
    name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
    name += rng.choice(["", "shop", "store", "-home", "market", "boutique", "laden", "tienda", "-mode", "design"])
    return rng.choice(["www.", "", "shop.", "www."]) + f"{name}.{tld}"


def rows() -> list[dict[str, str]]:
    rng = random.Random(SEED)
    out: list[dict[str, str]] = []
    seen: set[str] = set()

    def add(url: str, label: int, source: str) -> None:
        if url not in seen:
            seen.add(url)
            out.append({"url": url, "label": str(label), "origin": "synthetic", "source": source})

    for platform, (products, others) in PLATFORMS.items():
        for _ in range(SHOPS_PER_PLATFORM):
            tld, language = rng.choice(COUNTRIES)
            host = random_shop_host(rng, tld)
            maker = Maker(rng, language)
            for _ in range(URLS_PER_SHOP[0]):
                add(f"https://{host}{rng.choice(products)(maker)}", 1, f"platform:{platform}")
            for _ in range(URLS_PER_SHOP[1]):
                add(f"https://{host}{rng.choice(others)(maker)}", 0, f"platform:{platform}")
    languages_by_tld = dict(COUNTRIES)
    for name, domains, products, others in MARKETPLACES:
        for host in domains:
            tld = host.split(".", 2)[-1] if host.count(".") >= 2 else host.split(".")[-1]
            maker = Maker(rng, languages_by_tld.get(tld, languages_by_tld.get(host.rsplit(".", 1)[-1], "en")))
            for _ in range(URLS_PER_MARKETPLACE_DOMAIN[0] if products else 0):
                add(f"https://{host}{rng.choice(products)(maker)}", 1, f"marketplace:{name}")
            for _ in range(URLS_PER_MARKETPLACE_DOMAIN[1] if others else 0):
                add(f"https://{host}{rng.choice(others)(maker)}", 0, f"marketplace:{name}")
    return out


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    data = rows()
    with OUT.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["url", "label", "origin", "source"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(data)
    products = sum(row["label"] == "1" for row in data)
    print(f"{len(data)} synthetic URLs ({products} product, {len(data) - products} other) -> {OUT}")


if __name__ == "__main__":
    main()
