"""Names people give things (carts, items, themselves): one line of visible text.

They travel into email subjects and bodies, so characters that end a line there (NUL, U+0085, U+2028/2029) or
reorder what the reader sees (U+202E and the other bidi controls) are refused at the edge, with a 422.
"""

from __future__ import annotations

import unicodedata

from pydantic import AfterValidator

# Control (Cc), format (Cf), surrogate (Cs), line (Zl) and paragraph (Zp) separators.
_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
# Zero-width (non-)joiners are format characters that real names need: emoji sequences, Persian, Indic scripts.
_ALLOWED_FORMAT = frozenset({"\u200c", "\u200d"})


def check_one_line(value: str) -> str:
    for character in value:
        if unicodedata.category(character) in _REFUSED_CATEGORIES and character not in _ALLOWED_FORMAT:
            raise ValueError(f"must not contain control or separator characters (found U+{ord(character):04X})")
    return value


OneLine = AfterValidator(check_one_line)


def _visible(value: str) -> str:
    return "".join(" " if _refused(character) else character for character in value)


def _refused(character: str) -> bool:
    return unicodedata.category(character) in _REFUSED_CATEGORIES and character not in _ALLOWED_FORMAT


def _cut(value: str, max_length: int) -> str:
    return value if len(value) <= max_length else value[: max_length - 1].rstrip() + "…"


def display_line(value: str, *, max_length: int) -> str:
    """`value` made safe to show as one line of an email (older data predates the 422 above): control, bidi and
    line-breaking characters become spaces, runs of spaces fold into one, and it is cut to `max_length`."""
    return _cut(" ".join(_visible(value).split()), max_length)


def display_paragraphs(value: str, *, max_length: int) -> str:
    """Like display_line, for free text whose line breaks are kept (a message): at most two in a row."""
    lines = [" ".join(_visible(line).split()) for line in value.splitlines()]
    text = "\n".join(lines).strip("\n")
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return _cut(text, max_length)
