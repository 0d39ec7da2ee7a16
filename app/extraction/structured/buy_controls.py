"""The words of a shop's own buy control in the languages shops write in: add to cart, buy now, bid, book,
contact the seller (classifieds). Matched against a control's label and its class/id/value attributes.

Each entry is a short phrase as shops label the button, never a bare word like "cart" that a header's cart
link also carries (only buttons, inputs, cart forms and button-styled links are tested, see scan.py).
"""

from __future__ import annotations

import re

_PHRASES = (
    # English, and the attribute forms (add-to-cart, addToBag, btn-buy-now)
    r"add(?:ing)?[\s_-]*(?:it[\s_-]*)?to[\s_-]*(?:my[\s_-]*|your[\s_-]*)?(?:shopping[\s_-]*)?(?:cart|bag|basket|trolley)",
    r"addto(?:cart|bag|basket)", r"^\s*to\s+(?:the\s+)?(?:cart|basket)\s*$",  # OXID's whole label "To cart"
    r"buy[\s_-]*(?:it[\s_-]*)?now", r"pre-?order now", r"place[\s_-]*(?:a[\s_-]*)?bid",
    r"bid[\s_-]*now", r"(?:buy|get|book)[\s_-]*tickets?", r"get[\s_-]*(?:this[\s_-]*)?deal",
    r"idagdag sa (?:cart|basket)",  # Filipino
    r"buy[\s_-]*(?:this[\s_-]*)?deal",
    r"make[\s_-]*(?:an[\s_-]*)?offer",
    r"add to order", r"buy[\s_-]*button", r"btn[\s_-]*buy",
    # German, Dutch
    r"in den (?:warenkorb|einkaufswagen)", r"zum warenkorb hinzufügen", r"jetzt kaufen", r"sofort-?kaufen",
    r"in den korb", r"jetzt bieten", r"(?:tickets|karten) (?:jetzt )?kaufen",
    r"(?:toevoegen aan|in) (?:mijn )?(?:winkelwagen|winkelmand|winkelwagentje)", r"in winkelwagen", r"koop nu",
    # French, Italian, Spanish, Portuguese, Catalan
    r"ajouter au (?:panier|caddie)", r"acheter maintenant", r"ajout au panier",
    r"aggiungi al carrello", r"acquista ora", r"compra ora", r"aggiungi alla borsa",
    # "carro" is the cart in Chile and Colombia (Falabella's "Agregar al Carro")
    r"a[ñn]adir a(?:l)? (?:la )?(?:carrito|carro|cesta|bolsa)", r"agregar al? (?:carrito|carro|la bolsa|bolsa)",
    r"comprar ahora", r"comprar (?:entradas|boletos|ingressos|bilhetes)", r"acheter (?:des |mes |vos )?billets",
    r"adicionar (?:ao|à) (?:carrinho|sacola|cesto)", r"comprar agora",
    r"afegir a la cistella",
    # Nordic, Baltic, Finnish
    r"l[äa]gg i (?:varukorgen|kundvagnen)", r"k[öo]p nu", r"l[æa]g i (?:kurv|indk[øo]bskurv)", r"k[øo]b nu",
    r"legg i handlekurv(?:en)?", r"kj[øo]p nå", r"lis[äa][äa] ostoskoriin", r"osta nyt", r"lisää koriin",
    r"[ıi]dėti į krepšelį", r"^\s*į krepšelį\s*$", r"pievienot grozam", r"ielikt grozā", r"lisa (?:ostu)?korvi",
    r"(?:setja|bæta) í körfu",  # Icelandic
    # Central and Eastern Europe, Greek, Turkish
    r"dodaj do koszyka", r"kup teraz", r"\blicytuj\b",  # Polish "bid" (Allegro's auction button; not "licytujących")
    r"kup bilety?", r"(?:přidat )?do košíku", r"koupit", r"(?:pridať )?do košíka", r"kúpiť",
    r"kosárba", r"megveszem", r"adaug[ăa] [îi]n co[șş]", r"cump[ăa]r[ăa] acum", r"dodaj u ko[šs]aricu",
    r"dodaj v ko[šs]arico", r"dodaj u korpu", r"добави в количката", r"προσθήκη στο καλάθι", r"αγορά τώρα",
    r"sepete ekle", r"hemen al", r"satın al", r"bilet(?:leri)? al",
    # Cyrillic
    r"в корзину", r"добавить в корзину", r"купить(?: сейчас| в 1 клик| в один клик)?", r"до кошика", r"купити",
    # Arabic, Hebrew, Persian, Hindi
    r"أضف (?:إلى|الى|ل) ?(?:السلة|العربة|عربة التسوق)", r"أضف لل(?:سلة|عربة)",
    r"اشتر(?:ي)? الآن", r"הוס(?:ף|פה) ל(?:סל|עגלה)",
    r"קנ(?:ה|ו) עכשיו", r"افزودن به سبد", r"कार्ट में (?:जोड़ें|डालें)", r"अभी खरीदें",
    # East and South-East Asia
    r"カートに(?:入れる|追加)", r"(?:買い物)?かごに(?:入れる|追加)", r"今すぐ(?:購入|買う)", r"購入手続きへ",
    r"チケットを?購入",
    r"加入购物车", r"立即购买", r"加入購物車", r"立即購買", r"放入購物車", r"直接購買", r"马上抢", r"立即购",
    r"장바구니(?: 담기| 추가|에 담기)", r"바로 ?구매", r"구매하기",
    r"หยิบใส่ตะกร้า", r"(?:เพิ่ม|ใส่)(?:ลง|ใน)?ตะกร้า", r"ซื้อ(?:เลย|ทันที|สินค้า)",
    r"thêm vào giỏ(?: hàng)?", r"mua ngay", r"chọn mua",
    r"tambah(?:kan)? ke (?:keranjang|troli|troli)", r"masukkan (?:ke )?keranjang", r"beli sekarang", r"beli langsung",
    # Tokopedia's and Bukalapak's "+ Keranjang": the plus is the "add"; the header's cart link says "Keranjang" alone
    r"^\s*\+\s*(?:keranjang|troli)\s*$",
)  # fmt: skip

# A classified ad has no cart: reaching the seller (or the estate agent) is how one buys. Shops also put "show our
# phone number" in their header, so these count only outside the page's header (see visible.py). Not the bare whole
# label "Reply" (Craigslist) or "Message" (Facebook Marketplace): every comment of a WordPress blog has a "Reply"
# link, and contact forms and forums a "Message" button.
_CONTACT_PHRASES = (
    r"contact[\s_-]*(?:the[\s_-]*)?(?:seller|dealer|advertiser)", r"message[\s_-]*(?:the[\s_-]*)?seller",
    r"reply[\s_-]*to[\s_-]*(?:this[\s_-]*)?ad", r"show[\s_-]*(?:phone[\s_-]*)?number",
    r"verkäufer kontaktieren", r"anbieter kontaktieren", r"contacter le vendeur", r"contatta il venditore",
    r"contactar (?:al )?vendedor",
    r"(?:voir|afficher) le num[ée]ro", r"(?:telefon)?nummer anzeigen",
    r"mostra(?:r)? (?:el |il )?(?:n[úu]mero|tel[ée]fono)",
    r"ver (?:el )?(?:n[úu]mero|tel[ée]fono)", r"pokaż (?:numer|telefon)", r"zobrazit (?:číslo|telefon)",
    r"показать (?:номер|телефон)", r"показати (?:номер|телефон)", r"numarayı göster", r"toon (?:telefoon)?nummer",
    r"ნომრის ნახვა",
    r"(?:call|email|chat[\s_-]*with|ask)[\s_-]*(?:the[\s_-]*)?seller", r"contactar (?:al )?anunciante",
    r"contatta l['’]inserzionista", r"contacter l['’]annonceur", r"ver (?:o )?telefone", r"contatar (?:o )?vendedor",
    r"falar com (?:o )?vendedor", r"contact opnemen met (?:de )?verkoper",
    r"kontakt ze sprzedającym", r"napisz do sprzedającego", r"zapytaj sprzedającego", r"kontaktovat prodejce",
    r"wyświetl numer", r"napsat prodejci", r"(?:üzenet|írj) az eladónak", r"telefonszám megjelenítése",
    r"contactează vânzătorul",
    r"vis (?:telefon)?nummer", r"visa (?:telefon)?nummer",
    r"kontakt(?:a)? (?:selgeren|selger|säljaren|sælgeren|sælger|megler)",
    r"(?:contact|call|email)[\s_-]*(?:the[\s_-]*)?(?:agent|landlord|owner)",
    r"(?:request|book|arrange)[\s_-]*(?:a[\s_-]*)?viewing",
    r"написать продавцу", r"связаться с продавцом", r"написати продавцю", r"зв['’]язатися з продавцем",
    # Whole labels only: a bare "write" / "write a message" is the seller's button on an ad (OLX, Otomoto,
    # Kleinanzeigen), but inside a longer label it is anything ("Napisz recenzję", a forum's reply form).
    r"^\s*napisz\s*$", r"^\s*nachricht schreiben\s*$",
    r"satıcıya (?:mesaj|sor)", r"satıcıyla iletişime geç", r"اتصل بالبائع", r"إظهار الرقم", r"הצג מספר",
    r"出品者に(?:連絡|質問)", r"판매자(?:에게)? 문의",
    # a button revealing the seller's masked number: "+48 514 *** *** (Pokaż)", "06 ** ** ** **"
    r"\d[\d\s]{1,6}\*{2,3}\s?\*{2,3}",
)  # fmt: skip

# The whole label of a classified ad's only control: "Reply" (Craigslist), "Message" (Facebook Marketplace). Comment
# threads, forums and contact forms have such buttons too: these count only as buttons outside any discussion, on a
# page showing one price under its heading (see visible.py and product_verdict.py).
BARE_CONTACT_LABEL = re.compile(
    r"^\s*(?:reply|message|send(?:\s+a)?\s+message|chat(?:\s+now)?|nachricht|envoyer un message|enviar mensaje"
    r"|mensaje|enviar mensagem|mensagem|invia messaggio|messaggio|stuur (?:een )?bericht|bericht|wiadomość"
    r"|wyślij wiadomość|zadzwoń|сообщение|メッセージ|채팅하기|聊聊|私信|اطلاعات تماس|چت)\s*$",
    re.IGNORECASE,
)
# A deal site's button to the offer ("See Deal", "Voir le deal"): the page's one offer is bought through it, often on
# another site. Counted only when the page has one such target (see visible.py): a roundup has many.
DEAL_CONTROL = re.compile(
    r"^\s*(?:(?:see|get|view|go\s+to|grab|shop)\s+(?:the\s+|this\s+)?deal|voir\s+le\s+deal|zum\s+deal"
    r"|vai\s+al\s+deal|ir\s+a\s+la\s+oferta|ver\s+(?:la\s+)?oferta|ir\s+al\s+chollo|naar\s+de\s+deal"
    r"|przejdź\s+do\s+(?:okazji|promocji)|ir\s+para\s+(?:a\s+)?(?:oferta|promoção)|к\s+(?:акции|скидке))\s*$",
    re.IGNORECASE,
)
PURCHASE_CONTROL = re.compile("|".join(_PHRASES), re.IGNORECASE)
CONTACT_CONTROL = re.compile("|".join(_CONTACT_PHRASES), re.IGNORECASE)
BUY_CONTROL = re.compile("|".join(_PHRASES + _CONTACT_PHRASES), re.IGNORECASE)
