"""Currency symbols and codes to ISO-4217, resolving shared symbols ($, kr, £, ¥, Rs) from the page's locale."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import pycountry
from price_parser._currencies import CURRENCIES  # price-parser's symbol table (version pinned)

ISO_CODES = frozenset(currency.alpha_3 for currency in pycountry.currencies) - {"XXX", "XTS"}
_THREE_DECIMAL = {"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"}
_ZERO_DECIMAL = {
    "BIF", "CLP", "COP", "DJF", "GNF", "HUF", "IDR", "IRR", "ISK", "JPY", "KMF", "KRW", "LBP", "MGA", "PYG",
    "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF",
}  # fmt: skip

# fmt: off
# Symbols that name one currency wherever they appear (compared case-insensitively).
_UNAMBIGUOUS = {
    "€": "EUR", "euro": "EUR", "euros": "EUR",
    "us$": "USD", "usd$": "USD", "u$s": "USD", "us $": "USD",
    "c$": "CAD", "ca$": "CAD", "can$": "CAD", "cad$": "CAD", "cdn$": "CAD",
    "a$": "AUD", "au$": "AUD", "aud$": "AUD", "au $": "AUD",
    "nz$": "NZD", "hk$": "HKD", "s$": "SGD", "sg$": "SGD", "nt$": "TWD", "ntd": "TWD",
    "mx$": "MXN", "mex$": "MXN", "r$": "BRL", "ar$": "ARS", "cl$": "CLP", "co$": "COP", "rd$": "DOP",
    "j$": "JMD", "tt$": "TTD", "n$": "NAD", "$u": "UYU", "bz$": "BZD", "bds$": "BBD", "$b": "BOB",
    "e£": "EGP", "l.e": "EGP", "l.e.": "EGP", "lb£": "LBP", "sy£": "SYP",
    "cn¥": "CNY", "人民币": "CNY", "rmb": "CNY", "yuan": "CNY",
    "円": "JPY", "yen": "JPY", "₩": "KRW", "원": "KRW",
    "zł": "PLN", "zl": "PLN", "kč": "CZK", "lei": "RON", "лв": "BGN", "лв.": "BGN",
    "₽": "RUB", "руб": "RUB", "руб.": "RUB", "р.": "RUB", "₴": "UAH", "грн": "UAH", "грн.": "UAH",
    "₪": "ILS", "nis": "ILS", 'ש"ח': "ILS", "ש״ח": "ILS", "₺": "TRY", "tl": "TRY", "₸": "KZT", "тг": "KZT",
    "฿": "THB", "บาท": "THB", "₫": "VND", "đ": "VND", "vnđ": "VND", "rp": "IDR", "rm": "MYR", "₱": "PHP",
    "₹": "INR", "s/": "PEN", "s/.": "PEN", "₦": "NGN", "₵": "GHS", "gh₵": "GHS", "ksh": "KES", "kshs": "KES",
    "₡": "CRC", "₲": "PYG", "₭": "LAK", "៛": "KHR", "₮": "MNT", "৳": "BDT", "₼": "AZN", "₾": "GEL", "ლარი": "GEL",
    "֏": "AMD", "din": "RSD", "дин": "RSD", "дин.": "RSD", "sfr": "CHF",
    "د.إ": "AED", "ر.س": "SAR", "ر.ق": "QAR", "د.ك": "KWD", "د.ب": "BHD", "ر.ع": "OMR", "د.أ": "JOD",
    "kd": "KWD", "qr": "QAR",
    # The toman (ten rials) has no ISO code: a price in tomans is read as IRR with the digits the page shows, so
    # the amount is the one a shopper reads (and that the page's next visit compares with), in toman units.
    # "IRT" is the toman's unofficial code (WooCommerce's, in the markup of many Iranian shops).
    "تومان": "IRR", "toman": "IRR", "irt": "IRR",
}
# Symbols that are currencies only as capitalised ("16 ft" is a length, "16 Ft" forints).
_CASE_SENSITIVE = {"Ft": "HUF", "FT": "HUF", "KM": "BAM", "G$": "GYD", "GY$": "GYD", "LE": "EGP"}
_NORDIC_KRONE = {"SE": "SEK", "NO": "NOK", "DK": "DKK", "IS": "ISK", "FO": "DKK", "GL": "DKK"}
_RUPEE = {"IN": "INR", "PK": "PKR", "LK": "LKR", "NP": "NPR", "MU": "MUR", "SC": "SCR"}
# Symbols several currencies share: the page's country decides, else the usual reading (None: too ambiguous).
_AMBIGUOUS: dict[str, tuple[dict[str, str], str | None]] = {
    "$": ({
        "US": "USD", "CA": "CAD", "AU": "AUD", "NZ": "NZD", "MX": "MXN", "SG": "SGD", "HK": "HKD", "TW": "TWD",
        "AR": "ARS", "CL": "CLP", "CO": "COP", "UY": "UYU", "JM": "JMD", "TT": "TTD", "BS": "BSD", "BB": "BBD",
        "BZ": "BZD", "FJ": "FJD", "NA": "NAD", "LR": "LRD", "BN": "BND", "GY": "GYD", "SR": "SRD", "KY": "KYD",
        "BM": "BMD", "DO": "DOP", "CU": "CUP", "BR": "BRL", "EC": "USD", "SV": "USD", "PA": "USD", "PR": "USD",
    }, "USD"),
    "kr": (_NORDIC_KRONE, None),
    "kr.": (_NORDIC_KRONE, None),
    "£": ({"EG": "EGP", "LB": "LBP", "SY": "SYP", "GI": "GIP", "FK": "FKP", "SH": "SHP"}, "GBP"),
    "￡": ({}, "GBP"),
    "¥": ({"CN": "CNY", "JP": "JPY"}, "JPY"),
    "￥": ({"CN": "CNY", "JP": "JPY"}, "JPY"),
    "rs": (_RUPEE, "INR"),
    "rs.": (_RUPEE, "INR"),
    "₨": (_RUPEE, "INR"),
    "r": ({"ZA": "ZAR", "RU": "RUB", "BY": "BYN"}, "ZAR"),
    "fr": ({"CH": "CHF", "LI": "CHF"}, "CHF"),
    "fr.": ({"CH": "CHF", "LI": "CHF"}, "CHF"),
    "l": ({"HN": "HNL", "AL": "ALL", "MD": "MDL", "RO": "RON"}, None),
    "bs": ({"VE": "VES", "BO": "BOB"}, None),
    "q": ({"GT": "GTQ"}, None),  # "Q 1,299" in Guatemala; elsewhere a quarter ("Q4 2026") or a question
    "mn": ({"MX": "MXN"}, None),  # "MN 1,500,000", "$1,299 M.N.": moneda nacional; elsewhere a state, a minute
    "m.n.": ({"MX": "MXN"}, None),
    "pound": ({"EG": "EGP"}, "GBP"),
    "元": ({"TW": "TWD", "HK": "HKD", "MO": "MOP"}, "CNY"),  # "2,490元" in Taiwan is New Taiwan dollars
    # Currency words written after the amount on Arabic pages ("549.00 درهم"), and their Latin abbreviations.
    "درهم": ({"AE": "AED", "MA": "MAD"}, "AED"),
    "dh": ({"AE": "AED", "MA": "MAD"}, "AED"),
    "dhs": ({"AE": "AED", "MA": "MAD"}, "AED"),
    "جنيه": ({"EG": "EGP", "SD": "SDG", "SS": "SSP"}, "EGP"),
    "ريال": ({"SA": "SAR", "QA": "QAR", "OM": "OMR", "YE": "YER", "IR": "IRR"}, None),
    "دينار": ({"KW": "KWD", "BH": "BHD", "JO": "JOD", "IQ": "IQD", "LY": "LYD", "TN": "TND", "DZ": "DZD"}, None),
}
# A language without a region still names the country for these.
_LANGUAGE_COUNTRY = {
    "sv": "SE", "nb": "NO", "nn": "NO", "no": "NO", "da": "DK", "is": "IS", "ja": "JP", "zh": "CN", "ko": "KR",
    "pl": "PL", "cs": "CZ", "hu": "HU", "ro": "RO", "bg": "BG", "ru": "RU", "uk": "UA", "he": "IL", "tr": "TR",
    "th": "TH", "vi": "VN", "id": "ID", "ms": "MY", "hi": "IN",
}
# ccTLDs used as generic names say nothing about the shop's country.
_SECOND_LEVEL_LABELS = {"com", "net", "org", "gob", "gov", "edu", "co"}
_GENERIC_CCTLDS = {"co", "io", "ai", "tv", "me", "ly", "fm", "to", "cc", "ws", "la", "nu", "am", "gg", "so", "sh", "ac"}
# Languages that write 1.234,56; the regions listed after them write 1,234.56 even so.
_DECIMAL_COMMA_LANGUAGES = {
    "de", "fr", "es", "it", "pt", "nl", "ru", "pl", "cs", "sk", "sl", "hr", "sr", "bs", "bg", "ro", "hu", "tr",
    "id", "vi", "da", "sv", "nb", "nn", "no", "fi", "el", "uk", "lt", "lv", "et", "is", "ca", "gl", "eu",
}
_DECIMAL_POINT_REGIONS = {"MX", "CH", "LI", "US", "PR", "GT", "HN", "NI", "PA", "SV", "DO"}
# fmt: on

_ENGLISH_WORD_CODES = {"all", "top", "cup", "mad", "try", "bob", "sos", "pen", "gel", "mop", "lak"}
_CODE_WITH_SYMBOL = re.compile(r"^[A-Z]{2,3} ?[$€£¥]$")
_BIDI_MARKS = str.maketrans("", "", "\u200e\u200f\u061c")  # written around Arabic symbols ("ر.س.\u200f")
_LOCALE_TAG = re.compile(r"^\s*([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{2}))?(?![a-zA-Z])")


def _symbols_naming_one_currency() -> dict[str, str]:
    """price-parser's symbol table, keeping only the symbols that name exactly one current ISO currency."""
    owners: dict[str, set[str]] = {}
    for code, info in CURRENCIES.items():
        if code not in ISO_CODES:
            continue
        for symbol in (info["s"], info["sn"], *info.get("sn2", [])):
            key = symbol.translate(_BIDI_MARKS).strip().casefold()
            owners.setdefault(key, set()).add(code)
            if not key.isascii() and key.endswith("."):
                owners.setdefault(key[:-1], set()).add(code)  # "ج.م." is written "ج.م" too
    return {symbol: codes.pop() for symbol, codes in owners.items() if symbol and len(codes) == 1}


_SYMBOL_TABLE = _symbols_naming_one_currency()


@dataclass(frozen=True, slots=True)
class PageLocale:
    """Where the page sells: a language and a country (ISO 3166 alpha-2), either maybe unknown."""

    language: str | None = None
    country: str | None = None
    tagged_country: str | None = None  # the region a locale tag names ("nl-NL"), not one guessed from the language

    @property
    def uses_decimal_comma(self) -> bool:
        return self.language in _DECIMAL_COMMA_LANGUAGES and self.country not in _DECIMAL_POINT_REGIONS


_KANA_IN_JAPANESE_TEXT = 10  # a Chinese page may quote a Japanese brand ("日本の味"); Japanese text is full of kana
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_THAI = re.compile(r"[\u0e00-\u0e7f]")


def language_of_script(title: str | None, text_sample: str = "") -> str | None:
    """The language a title's script can only be (hangul: ko, kana: ja, Thai: th; Chinese characters: zh, unless
    the page's first text is full of kana, as on a Japanese shop whose title is all kanji; one kana is a quoted
    Japanese name on a Chinese page), for pages that declare none: "¥" then reads as yen or yuan as the page means
    it."""
    title = (title or "")[:200]
    if _HANGUL.search(title):
        return "ko"
    kana = len(_KANA.findall(title))
    han = _HAN.search(title) is not None
    if kana >= 2 or ((kana or han) and len(_KANA.findall(text_sample)) >= _KANA_IN_JAPANESE_TEXT):
        return "ja"
    if han:
        return "zh"
    if kana:
        return "ja"
    if _THAI.search(title):
        return "th"
    return None


def page_locale(url: str, *locale_tags: str | None) -> PageLocale:
    """Language from the first tag naming one (html lang, og:locale, …); country from the ccTLD, else from a tag."""
    language = tag_country = None
    for tag in locale_tags:
        match = _LOCALE_TAG.match(tag or "")
        if not match:
            continue
        language = language or match.group(1).lower()
        if match.group(2) and not tag_country:
            tag_country = match.group(2).upper()
    if tag_country == "AR" and language == "ar":
        tag_country = None  # Facebook's "ar_AR" is Arabic anywhere, not Argentina
    country = _country_from_url(url) or tag_country or _LANGUAGE_COUNTRY.get(language or "")
    return PageLocale(language=language, country=country, tagged_country=tag_country)


# The currency a country's shops price in, for a page that writes its prices without any sign or code.
_EURO_COUNTRIES = (
    "AT", "BE", "CY", "DE", "EE", "ES", "FI", "FR", "GR", "HR",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PT", "SI", "SK",
)  # fmt: skip
_COUNTRY_CURRENCY = {country: "EUR" for country in _EURO_COUNTRIES} | {
    "GB": "GBP", "CH": "CHF", "LI": "CHF", "PL": "PLN", "CZ": "CZK", "HU": "HUF", "RO": "RON", "BG": "BGN",
    "SE": "SEK", "NO": "NOK", "DK": "DKK", "IS": "ISK", "RU": "RUB", "UA": "UAH", "BY": "BYN", "KZ": "KZT",
    "TR": "TRY", "IL": "ILS", "AE": "AED", "SA": "SAR", "EG": "EGP", "MA": "MAD", "TN": "TND", "DZ": "DZD",
    "ZA": "ZAR", "NG": "NGN", "KE": "KES", "IN": "INR", "PK": "PKR", "BD": "BDT", "LK": "LKR", "CN": "CNY",
    "HK": "HKD", "TW": "TWD", "JP": "JPY", "KR": "KRW", "TH": "THB", "VN": "VND", "ID": "IDR", "MY": "MYR",
    "SG": "SGD", "PH": "PHP", "AU": "AUD", "NZ": "NZD", "CA": "CAD", "US": "USD", "MX": "MXN", "BR": "BRL",
    "AR": "ARS", "CL": "CLP", "CO": "COP", "PE": "PEN", "UY": "UYU", "GE": "GEL", "AM": "AMD", "RS": "RSD",
    "MD": "MDL",
}  # fmt: skip


def local_currency(url: str, locale: PageLocale | None = None) -> str | None:
    """The currency of the country the page's domain names (".de" -> EUR), else of the region its locale tag names
    (bol.com's lang="nl-NL" -> EUR), when it names one (a language alone, or one guessed from the text, does not)."""
    country = _country_from_url(url) or (locale.tagged_country if locale else None)
    return _COUNTRY_CURRENCY.get(country) if country else None


def _country_from_url(url: str) -> str | None:
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    labels = host.lower().split(".")
    tld = labels[-1]
    if len(tld) != 2 or not tld.isalpha():
        return None
    if tld in _GENERIC_CCTLDS and not (len(labels) >= 3 and labels[-2] in _SECOND_LEVEL_LABELS):
        return None  # "shop.co" is generic, "tienda.com.co" is Colombian
    return "GB" if tld == "uk" else tld.upper()


def to_iso_currency(symbol: str | None, locale: PageLocale | None = None) -> str | None:
    """ISO-4217 code for a currency code or symbol as shown in a page; None when unknown or too ambiguous."""
    if not symbol:
        return None
    cleaned = symbol.translate(_BIDI_MARKS).strip().strip(":").strip()
    if cleaned.upper() in ISO_CODES:
        return cleaned.upper()
    if cleaned in _CASE_SENSITIVE:
        return _CASE_SENSITIVE[cleaned]
    key = cleaned.casefold()
    if key in _UNAMBIGUOUS:
        return _UNAMBIGUOUS[key]
    if key in _AMBIGUOUS:
        by_country, usual = _AMBIGUOUS[key]
        country = locale.country if locale else None
        if country in by_country:
            return by_country[country]
        if key == "$" and locale and locale.language in {"es", "pt"} and country is None:
            return None  # a Spanish/Portuguese page without a country is more often in pesos than dollars
        return usual
    letters = re.sub(r"[^A-Za-z]", "", cleaned).upper()  # a code glued to a symbol: 'USD$', 'CAD $', 'EUR.'
    if letters in ISO_CODES:
        return letters
    if cleaned.isalpha() and cleaned.islower():
        return None  # "ft", "da", "in": words far more often than currency symbols
    return _SYMBOL_TABLE.get(key)


def is_currency_symbol(text: str) -> bool:
    """True when the text, as written, names a currency: an ISO code, a known symbol, or both ('NZD $')."""
    text = text.translate(_BIDI_MARKS)
    key = text.casefold()
    if text.upper() in ISO_CODES:
        return text.isupper() or key not in _ENGLISH_WORD_CODES
    if text in _CASE_SENSITIVE or key in _UNAMBIGUOUS or key in _AMBIGUOUS:
        return True
    if _CODE_WITH_SYMBOL.match(text):
        return to_iso_currency(text) is not None
    lowercase_word = text.isalpha() and text.islower()  # "da", "in", "ft": words far more often than symbols
    return not lowercase_word and key in _SYMBOL_TABLE


def is_shared_symbol(symbol: str | None) -> bool:
    """True for symbols several currencies use ($, kr, £, ¥, Rs, R)."""
    return symbol is not None and symbol.strip().casefold() in _AMBIGUOUS


def minor_unit_digits(currency: str | None) -> int | None:
    """Decimal digits the currency's prices are written with, when that tells "1.500" apart from "1,500"."""
    if currency in _THREE_DECIMAL:
        return 3
    if currency in _ZERO_DECIMAL:
        return 0
    return None
