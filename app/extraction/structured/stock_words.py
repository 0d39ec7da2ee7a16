"""What shops write, in many languages, for "sold out", "in stock", "notify me", "was" and "now".

Where the phrases come from: the wording listed in issue 10 (seen on held-out shops), the storefront wording of
the large shop platforms (Shopify, WooCommerce, Magento, Shopware, PrestaShop) as shops show it, cross-checked
word by word against the product strings of Shopify's Dawn theme locale files (github.com/Shopify/dawn,
locales/*.json, Shopify theme licence; only used to check single words, nothing copied wholesale).
Scripts without spaces between words (Chinese, Japanese, Korean, Thai) are matched without word boundaries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A stock message that says the product cannot be bought now. Phrases are matched as whole words in the text
# lower-cased with "-" and "_" as spaces (see `_normalised`).
_SOLD_OUT = (
    "out of stock", "sold out", "soldout", "currently unavailable", "temporarily unavailable",
    "no longer available", "currently not available", "temporarily not available", "item not available",
    "product not available", "unavailable online", "discontinued", "no stock", "not in stock", "not on stock",
    "no longer in stock", "item unavailable", "product unavailable", "this item is unavailable",
    # a return said in the future: "We don't know when or if this item will be back in stock", "Expected to be
    # back in stock on 5 May" (not "Back in stock!", a restock badge)
    "be back in stock",
    # a listing its seller paused cannot be bought until it is reactivated (Mercado Libre, Mercado Livre)
    "publicación pausada", "anúncio pausado", "anuncio pausado",
    "sales ended", "sales have ended", "sale has ended", "ticket sales ended", "auction ended", "bidding has ended",
    "bidding closed", "this listing has ended", "listing has ended", "angebot beendet", "verkauf beendet",
    "auktion beendet", "enchère terminée", "vente terminée", "subasta finalizada", "asta terminata",
    # German, Dutch, Scandinavian, Finnish
    "ausverkauft", "nicht lieferbar", "nicht mehr lieferbar", "nicht vorrätig", "nicht auf lager",
    "nicht mehr verfügbar", "nicht lagernd", "nicht mehr lagernd", "vergriffen", "derzeit nicht verfügbar",
    "zurzeit nicht verfügbar", "bald wieder lagernd", "bald wieder auf lager", "bald wieder verfügbar",
    "aktuell nicht verfügbar", "momentan nicht verfügbar", "artikel nicht verfügbar", "online nicht verfügbar",
    "nicht bestellbar", "nicht mehr bestellbar", "nicht mehr erhältlich", "derzeit nicht erhältlich",
    "zurzeit nicht erhältlich", "aktuell nicht erhältlich", "nicht am lager",
    "niet meer verkrijgbaar", "tijdelijk niet beschikbaar", "momenteel niet beschikbaar", "niet bestelbaar",
    "slutsålt", "inte i lager", "loppu varastosta", "tilapäisesti loppu",
    "uitverkocht", "niet op voorraad", "niet meer op voorraad", "niet leverbaar", "niet meer leverbaar",
    "niet meer beschikbaar", "slutsåld", "slut i lager", "tillfälligt slut", "ej i lager", "udsolgt",
    "ikke på lager", "utsolgt", "ikke tilgjengelig", "loppuunmyyty", "loppunut", "ei varastossa", "ei saatavilla",
    # Romance languages
    "épuisé", "épuisée", "rupture de stock", "en rupture", "plus en stock", "pas en stock", "indisponible",
    "plus disponible", "esaurito", "esaurita", "non più disponibile", "agotado", "agotada", "sin stock",
    "sin existencias", "no hay stock", "producto no disponible", "actualmente no disponible",
    "temporalmente no disponible", "fuera de stock", "esgotado", "esgotada", "indisponível", "não disponível",
    "sem estoque", "fora de estoque", "sem stock", "indisponibil", "nu este în stoc",
    "nu există în stoc",
    "hors stock", "victime de son succès", "al momento non disponibile", "attualmente non disponibile",
    "temporaneamente non disponibile", "momentaneamente non disponibile", "prodotto non disponibile",
    "articolo non disponibile", "no hay existencias", "artículo no disponible", "no disponible por el momento",
    "em falta", "fora de stock", "produto indisponivel", "epuizat", "fără stoc", "fara stoc",
    "nu mai este disponibil",
    # Slavic, Baltic, Hungarian, Greek, Turkish
    "niedostępny", "niedostępna", "niedostępne", "brak w magazynie", "brak towaru", "wyprzedany", "wyprzedane",
    "vyprodáno", "není skladem", "nedostupné", "nedostupný", "vypredané", "nie je skladom", "rasprodano",
    "nema na zalihama", "nedostupno", "ni na zalogi", "razprodano", "išparduota", "nėra sandėlyje", "elfogyott",
    "nincs készleten", "εξαντλήθηκε", "μη διαθέσιμο", "χωρίς απόθεμα", "tükendi", "stokta yok", "stok yok",
    "нет в наличии", "нет на складе", "распродано", "товар закончился", "немає в наявності", "розпродано",
    "изчерпано", "изчерпани", "няма наличност",
    "brak na stanie", "wyprzedano", "nie je na sklade", "nema na stanju",
    "нема на стању", "распродато", "izpārdots", "nav noliktavā", "läbi müüdud", "pole laos",
    "laost otsas", "موجود نیست",
    "jelenleg nem elérhető", "átmenetileg nem elérhető", "εκτός αποθέματος", "εξαντλημένο", "tükenmiştir",
    "stokta bulunmamaktadır", "stokta bulunmuyor", "нет в продаже", "товар отсутствует", "временно отсутствует",
    "снят с продажи", "немає на складі", "товар закінчився", "знято з продажу", "не е наличен",
    # East and South-East Asian
    "품절", "일시품절", "재고 없음", "재고없음",
    # "sales ended / suspended" as a state ("판매종료된 상품입니다", "판매종료되었습니다"), not "판매종료일" (the end
    # date of a sale) or "판매종료까지" (a countdown): matched as substrings, so only the ended forms
    "판매종료된", "판매종료되었", "판매중지된", "판매중지되었",
    "缺貨", "缺货", "售完", "售罄", "無庫存", "无库存", "補貨中", "补货中", "無貨", "无货", "沒有貨", "没有货",
    "無現貨", "无现货", "已下架", "停售", "搶光", "抢光",
    "在庫なし", "在庫切れ", "売り切れ", "売切れ", "品切れ", "完売", "在庫がありません", "入荷待ち",
    "販売終了しました", "販売終了となりました", "販売を終了", "구매불가", "구매 불가", "판매완료", "재고가 없습니다",
    "หมดชั่วคราว", "ไม่มีสินค้า", "สินค้าหมด", "หมดสต็อก", "ขายหมดแล้ว", "หมดแล้ว",
    "hết hàng", "tạm hết", "đã bán hết", "không còn hàng", "ngừng kinh doanh",
    "stok habis", "habis terjual", "stok kosong",
    "kehabisan stok", "tiada stok", "stok tidak tersedia", "barang habis",
    # Arabic, Hebrew, Persian
    "نفدت الكمية", "نفذت الكمية", "غير متوفر", "غير متاح", "نفد من المخزون", "אזל מהמלאי", "לא במלאי", "אזל",
    "ناموجود", "نفد المخزون", "نفذ المخزون",
)  # fmt: skip
# Words that mean "sold out" only when they are the whole message (a badge, a disabled button's label): as part
# of a sentence they often speak of one option ("Pickup not available").
_SOLD_OUT_ALONE = frozenset({
    "unavailable", "not available", "habis", "nicht verfügbar", "non disponibile", "no disponible",
    "non disponible", "niet beschikbaar", "nem elérhető", "недоступно", "sold", "rupture", "esauriti", "agotados",
    "esgotados", "tidak tersedia", "inte tillgänglig", "ikke tilgængelig", "לא זמין", "ej tillgänglig", "nav pieejams",
    "nije dostupno", "není k dispozici", "판매종료", "판매 종료", "판매중지",
})  # fmt: skip
_IN_STOCK = (
    "in stock", "available for delivery", "available for pickup", "available for shipping", "ships today",
    "ships within", "left in stock", "ready to ship",
    "ready for shipping", "ready for dispatch", "auf lager", "lagernd", "sofort lieferbar", "vorrätig",
    "en stock", "en existencia", "disponible en stock", "stock disponible", "con stock", "disponibile subito",
    "disponibile in magazzino",
    "em estoque", "em stock", "disponível", "op voorraad", "direct leverbaar", "på lager", "i lager", "varastossa",
    "w magazynie", "dostępny", "skladem", "skladom", "na zalogi", "raktáron", "készleten", "σε απόθεμα", "stokta",
    "в наличии", "є в наявності", "в наявності", "на складе", "în stoc", "재고 있음", "구매 가능", "現貨", "现货",
    "有庫存", "有库存", "在庫あり", "在庫有り", "มีสินค้า", "มีในสต็อก", "còn hàng", "stok tersedia", "ada stok",
    "متوفر", "متاح", "במלאי", "yra sandėlyje", "ir noliktavā", "on laos", "موجود در انبار",
    # few left: the product can be bought ("Only 2 left", "Nur noch wenige", "在庫わずか")
    "low stock", "limited stock", "few left", "last few", "nur noch wenige", "sofort verfügbar", "geringer bestand",
    "disponible immédiatement", "derniers articles", "stock limité", "últimas unidades", "pocas unidades",
    "ultimi pezzi", "disponibilità immediata", "pronta consegna", "pronta entrega", "laatste stuks",
    "ostatnie sztuki", "stoc limitat", "άμεσα διαθέσιμο", "ready stock", "sẵn hàng", "구매가능",
    "在庫わずか", "残りわずか", "在庫僅少", "有貨", "有货", "พร้อมส่ง",
)  # fmt: skip
# Words that mean "in stock" only as the whole message: in a sentence they may speak of the future ("Bientôt
# disponible") or of an option ("Available in 3 colours").
_IN_STOCK_ALONE = frozenset({
    "available", "disponibile", "disponible", "verfügbar", "beschikbaar", "dostępne", "k dispozici", "elérhető",
    "доступно", "lieferbar", "leverbaar", "disponibil", "διαθέσιμο", "tersedia", "laos", "موجود",
})  # fmt: skip
# "Notify me when back in stock", "Email me when available": a form an in-stock page may carry hidden or for
# other variants. It says nothing about this product's stock on its own.
_NOTIFY = (
    "notify me", "email me", "e mail me", "alert me", "tell me", "let me know", "get notified", "back in stock",
    "waitlist", "wait list", "benachrichtig", "erinnern", "m'avertir", "m'alerter", "me prévenir",
    "prévenez moi", "avísame", "avisarme", "avise me", "avisa me", "avvisami", "hou me op de hoogte", "powiadom",
    "upozornit", "értesít", "haber ver", "сообщить о поступлении", "уведомить", "повідомити", "입고 알림",
    "재입고", "到貨通知", "到货通知", "入荷通知", "再入荷", "แจ้งเตือน", "thông báo khi có hàng", "beri tahu",
)  # fmt: skip
# A physical shop or pickup point the message speaks of.
_STORE_CHANNEL = re.compile(
    r"\b(?:in|at|from) (?:the |your |this |our |a |selected )?(?:\w+ )?stores?\b|\bin store\b|\bpick ?up\b"
    r"|\bclick (?:and|&) collect\b|\bim markt\b|\bin der filiale\b|\ben magasin\b|\ben tienda\b"
    r"|\bin negozio\b|\bna loja\b|\bin de winkel\b|\bw sklepie\b|\bna prodejně\b|店舗|門市|门店|매장"
)
_ONLINE = re.compile(r"\bonline\b|オンライン|線上|线上|온라인")
_NEGATIONS = frozenset({
    "not", "no", "nicht", "kein", "keine", "non", "niet", "geen", "nie", "ne", "não", "nao", "nem", "ikke", "inte",
    "ej", "ei", "не", "ні", "нет", "μη", "δεν", "nu",
})  # fmt: skip
# "Only 2 left", "Nur noch 3 Stück", "残り1点", "仅剩5件": a few can still be bought.
_FEW_LEFT = re.compile(
    r"\bonly \d+ left\b|\bnur noch \d+\b|\bplus que \d+\b|\bsolo quedan? \d+\b|\bsolo \d+ disponibil"
    r"|\bapenas \d+ unidades?\b|\bnog (?:maar )?\d+ (?:op voorraad|beschikbaar)|\bostatnie \d+\b|\bosta(?:ło|lo) \d+\b"
    r"|\bосталось \d+\b|残り\d+[点個]|(?:仅|僅|只)剩\d+|剩(?:余|餘)\d+件|\d+개 남음|남은 수량 \d+"
)
_STATED_RETURN = re.compile(r"\bbe back in stock\b")
_SPACE_LIKE = re.compile(r"[\s_\-\u00a0]+")
_WORD = re.compile(r"\w+")
_LONGEST_PHRASE_WORDS = 4
_FIRST_UNSPACED_CHAR = "\u0e00"  # Thai; CJK and Hangul come later


def says_sold_out(text: str) -> bool:
    normalised = _normalised(text)
    if normalised.strip(" .!:") in _SOLD_OUT_ALONE:
        return True
    return _has_phrase(normalised, _SOLD_OUT_PHRASES) and not _of_a_store_only(normalised)


def _of_a_store_only(normalised: str) -> bool:
    """ "Out of stock at Springfield store", "Nicht im Markt verfügbar": a shop's stock or its pickup, not the
    online stock ("Sold out online and in stores" still counts)."""
    return bool(_STORE_CHANNEL.search(normalised)) and not _ONLINE.search(normalised)


def says_in_stock(text: str) -> bool:
    normalised = _normalised(text)
    return (
        normalised.strip(" .!:") in _IN_STOCK_ALONE
        or _has_phrase(normalised, _IN_STOCK_PHRASES, _NEGATIONS)
        or bool(_FEW_LEFT.search(normalised))
    )


def asks_to_notify(text: str) -> bool:
    """Substring tests: some phrases are word stems on purpose ("benachrichtig", "értesít"). "Will be back in
    stock" states a return (a sold-out message), it asks for nothing."""
    normalised = _STATED_RETURN.sub(" ", _normalised(text))
    return any(phrase in normalised for phrase in _NOTIFY)


def _normalised(text: str) -> str:
    return _SPACE_LIKE.sub(" ", text.lower())


@dataclass(frozen=True, slots=True)
class _Phrases:
    spaced: frozenset[str]  # scripts written with spaces: matched as whole words
    first_words: frozenset[str]  # of the spaced phrases: where an n-gram can start
    unspaced: tuple[str, ...]  # Thai, Chinese, Japanese, Korean: matched anywhere


def _split_by_script(phrases: tuple[str, ...]) -> _Phrases:
    spaced = frozenset(phrase for phrase in phrases if phrase[0] < _FIRST_UNSPACED_CHAR)
    first_words = frozenset(phrase.split(" ", 1)[0] for phrase in spaced)
    return _Phrases(spaced, first_words, tuple(phrase for phrase in phrases if phrase not in spaced))


def _has_phrase(text: str, phrases: _Phrases, negations: frozenset[str] = frozenset()) -> bool:
    """Word n-grams looked up in a set, starting only at words that begin a phrase: a regex alternation of
    ~150 phrases costs tens of times more per text. A phrase after one of the `negations` does not count ("Not
    available for pickup")."""
    words = _WORD.findall(text)
    for start, word in enumerate(words):
        if word not in phrases.first_words or (start and words[start - 1] in negations):
            continue
        for end in range(start + 1, min(start + _LONGEST_PHRASE_WORDS, len(words)) + 1):
            if " ".join(words[start:end]) in phrases.spaced:
                return True
    unspaced = phrases.unspaced
    return bool(unspaced) and max(text, default=" ") >= _FIRST_UNSPACED_CHAR and any(p in text for p in unspaced)


_SOLD_OUT_PHRASES = _split_by_script(_SOLD_OUT)
_IN_STOCK_PHRASES = _split_by_script(_IN_STOCK)


# Labels before the price a shop sold at before the sale (or recommends): "Was $69", "UVP 129,99 €",
# "De R$ 199,90 por R$ 149,90", "原价 ¥299", "定価 3,300円".
FORMER_PRICE_LABEL = re.compile(
    r"^\W*(?:was\b|previous(?:ly)?\b|reg\b\.?|regular\b|list\b|orig\b\.?|original\b|compare at\b|before\b"
    r"|msrp\b|rrp\b|retail\b"
    r"|m\.?r\.?p\b\.?|value\b|typical price|[ua]vp\b|statt\b|vorher\b|normalpreis|ursprünglich|avant\b"
    r"|prix de référence"
    r"|prix barré|prix habituel|prix initial|prezzo consigliato|prezzo di listino|prezzo pieno|prezzo precedente"
    r"|antes\b|precio anterior|precio regular|precio habitual|precio de lista|pvpr?\b"
    r"|preço (?:de(?=\s*(?:r\$|:|$))|original\b)"
    r"|de(?=\s*(?:r\$|\$|€|:|$))|van\b|normale prijs|ord(?:inarie|\.)?\s?pris|før\b|normalpris|cena regularna"
    r"|plp\b|prp\b|pre[țţt]\s?(?:ul\s)?vechi|pre[țţt]\s?(?:ul\s)?(?:de\s)?list[ăa]"
    r"|cena katalogowa|stara cena|běžná cena|původní cena|eredeti ár|normál ár|eski fiyat|piyasa fiyatı"
    r"|обычная цена|старая цена|было\b|стара ціна|原价|原價|市价|市價|建议零售价|定価|通常価格|参考(?:基準)?価格"
    r"|希望小売価格|メーカー希望|정가|시중가|소비자가|ราคาปกติ|giá gốc|giá thị trường|harga normal|harga asli"
    r"|السعر الأصلي|السعر قبل|מחיר קודם|מחיר מקורי"
    # recommended retail prices, written unstruck above the shop's own: "Doporučená cena 3 290 Kč"
    r"|recommended (?:retail )?price|suggested (?:retail )?price|unverbindliche preisempfehlung|empfohlener"
    r"|prix conseillé|precio (?:de venta )?recomendado|preço sugerido|adviesprijs|adviesverkoopprijs"
    r"|doporučená (?:prodejní )?cena|odporúčaná (?:predajná )?cena|sugerowana cena|cena sugerowana|ajánlott ár"
    r"|suositushinta|veiledende pris|vejledende pris|rekommenderat pris|рекомендованная цена|önerilen fiyat)",
    re.I,
)
# "Price" as a label, in the languages of the shops we read ("Price $1,899.99", "价格 ¥399.00").
PRICE_WORD = (
    r"price|preis|prix|precio|preço|prezzo|prijs|cena|cijena|цена|ціна|fiyat|価格|价格|價格|가격|ราคา|giá|harga"
)
# Labels before the price the product sells at now.
CURRENT_PRICE_LABEL = re.compile(
    r"^\W*(?:now\b|sale\b|special\b|our price|your price|you pay|deal\b|today\b|price now|sale price|current bid"
    r"|winning bid|high bid|starting bid|current price|jetzt\b|nur\b|angebotspreis|aktionspreis|sonderpreis"
    r"|ahora\b|agora\b|por\b|maintenant\b|prix promo|prezzo scontato"
    r"|precio de (?:oferta|venta)|preço (?:promocional|de (?:oferta|venda))|prix de vente"
    r"|voor\b|cena promocyjna|akciós ár|indirimli fiyat|sepette\b|sepet fiyatı"
    r"|цена со скидкой|할인가|판매가|セール価格|販売価格|特価"
    r"|售价|售價|促销价|特價|優惠價|ราคาพิเศษ|giá bán|giá khuyến mãi|harga diskon|aktuelles gebot|enchère actuelle)",
    re.I,
)
# "You save R$ 40,00 (67%)": the discount, not a price (Japanese "お得" also starts "お得価格", a sale price).
SAVING_WORDS = (
    r"(?:you save\b|save\b|savings?\b|sie sparen|ersparnis|du sparst|vous économisez|économisez|économie\b"
    r"|ahorras?\b|ahorro\b|você economiza|economize\b|economia\b|risparmi\b|risparmio\b|u bespaart|bespaar\b"
    r"|oszczędzasz|ušetříte|ušetríte|sparar du|du sparer|du sparar|säästät|megtakarítás|tasarruf"
    r"|kazancınız|вы экономите|экономия|ви заощаджуєте|economisești|economisesti|節約|節省|节省|立省|할인 금액"
    r"|ประหยัด|tiết kiệm|hemat\b|وفر|توفير|חסכון|חסוך)"
)
SAVING_LABEL = re.compile(r"^\W*" + SAVING_WORDS, re.I)
# An auction's estimate is neither the price nor a price the product sold at.
ESTIMATE_LABEL = re.compile(r"^\W*(?:est\.|estimated?\b|schätzpreis|schätzung|estimation|stima|estimación)", re.I)
