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
