"""How a product is found by what a cashier types: Chinese characters, pinyin, initials, English.

The till's full-text index (SQLite FTS5, `unicode61` tokenizer) splits on spaces and
punctuation, but a run of Chinese characters has no spaces: "可口可乐" would be one
token, and "可乐" would not find it.  So the indexed text puts every Chinese character
in a token of its own and a query of Chinese characters becomes a phrase of them,
which matches the characters in a row.  Pinyin comes from central (it knows the
words, so 重庆 reads chong qing, not zhong qing): per word, the full syllables and
the initials, and the initials of the whole name run together, so "kkkl", "kekou",
"jd" (the second word's initials) and "kkkljd" all find 可口可乐 经典.  Every query term is a
prefix, so the list narrows as the cashier types.
"""

from __future__ import annotations

import re
import unicodedata

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
_WORD = re.compile(r"[0-9a-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]+")
MAX_QUERY_TERMS = 6


def _normalise(text: str) -> str:
    # Full-width letters and digits from a Chinese input method become ASCII.
    return unicodedata.normalize("NFKC", text).lower()


def _spaced(text: str) -> str:
    """Each Chinese character on its own; other runs (letters, digits) kept whole."""
    return " ".join(_CJK.sub(lambda m: f" {m.group(0)} ", _normalise(text)).split())


def index_text(name: str, name_en: str = "", brand: str = "", pinyin: str = "",
               initials: str = "") -> str:
    """The text the till indexes for one product.

    `pinyin` and `initials` are central's spoken forms of the name, one group per word
    ("kekoukele jingdian", "kkkl jd"); the initials run together are added so a cashier
    who types the initials of the whole name without a pause finds it too.  The brand
    is left out when the name already holds it: every token costs index time.
    """
    parts = [_spaced(name), "" if brand in name else _spaced(brand), _normalise(name_en),
             _normalise(pinyin)]
    words = _normalise(initials).split()
    parts.extend(words)
    if len(words) > 1:
        parts.append("".join(words))
    return " ".join(p for p in parts if p)


def match_query(typed: str) -> str | None:
    """An FTS5 MATCH expression for what was typed, or None when there is nothing to look for.

    Terms are ANDed; each is a phrase (a Chinese run: its characters in a row) whose
    last token is a prefix ("可乐3" finds 可乐 330ml).  Only letters, digits and Chinese
    characters survive, each term double-quoted, so nothing typed can be FTS5 syntax.
    """
    terms = [f'"{_spaced(word)}"*' for word in _WORD.findall(_normalise(typed))[:MAX_QUERY_TERMS]]
    return " AND ".join(terms) if terms else None
