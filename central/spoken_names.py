"""Pinyin for product names, computed once at central so no till has to.

A till searching a million products by pinyin needs each name's spoken form; pypinyin
segments names into words with its phrase dictionary (重庆 is chong qing, 银行 yin
hang), which costs tens of microseconds a name: fine once per import at central, too
slow for a till loading a million products.  Names repeat across sizes and packs, so
the results are cached.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pypinyin import Style, lazy_pinyin

_KEEP = re.compile(r"[^0-9a-z]+")


def spoken_forms(name: str) -> tuple[str, str]:
    """(full pinyin, initials), one space-separated group per word of the name.

    "可口可乐 经典 330ml" -> ("kekoukele jingdian 330ml", "kkkl jd 330ml").  Letters and
    digits pass through; punctuation and symbols are dropped.
    """
    full, initials = [], []
    for word in name.split():
        f, i = _word_forms(word)
        if f:
            full.append(f)
            initials.append(i)
    return " ".join(full), " ".join(initials)


@lru_cache(maxsize=200_000)
def _word_forms(word: str) -> tuple[str, str]:
    """Words repeat across a catalog (brands, sizes, flavours): each is converted once."""
    full = _KEEP.sub("", "".join(lazy_pinyin(word)).lower())
    initials = _KEEP.sub("", "".join(lazy_pinyin(word, style=Style.FIRST_LETTER)).lower())
    return full, initials
