"""What a cashier types finds the product: the index text and the query built from what was typed."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from central.spoken_names import spoken_forms
from pos_client.domain.search_text import index_text, match_query


def fts(rows: dict[str, str]) -> sqlite3.Connection:
    """A throw-away FTS5 table with the till's tokenizer, to test the two halves together."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(sku UNINDEXED, search, "
               "tokenize='unicode61 remove_diacritics 2', prefix='1 2')")
    for sku, name in rows.items():
        full, initials = spoken_forms(name)
        db.execute("INSERT INTO t VALUES (?, ?)", (sku, index_text(name, "", "", full, initials)))
    return db


def find(db: sqlite3.Connection, typed: str) -> set[str]:
    query = match_query(typed)
    if query is None:
        return set()
    return {r[0] for r in db.execute("SELECT sku FROM t WHERE t MATCH ?", (query,))}


CATALOG = {"A": "可口可乐 经典 330ml罐装", "B": "百事 可乐 1L", "C": "重庆小面", "D": "农夫山泉 天然饮用水",
           "E": "可比克 薯片"}


@pytest.mark.parametrize(("typed", "expected"), [
    ("kkkl", {"A"}),                 # initials of the first word
    ("kk", {"A"}),                   # the list narrows as the cashier types
    ("kekou", {"A"}),                # full pinyin prefix
    ("kkkljd", {"A"}),               # two words' initials run together
    ("jd", {"A"}),                   # initials of a later word
    ("可乐", {"A", "B"}),             # Chinese characters in a row, inside a word too
    ("乐可", set()),                  # ...in that order only
    ("可", {"A", "B", "E"}),
    ("kkkl 330", {"A"}),             # several terms: all must match
    ("kl 1", {"B"}),
    ("cqxm", {"C"}),                 # 重庆 read as chong qing, not zhong qing
    ("chongqing", {"C"}),
    ("ＫＫＫＬ", {"A"}),              # full-width letters from an input method
    ("nfsq", {"D"}),
])
def test_typed_text_finds_the_right_products(typed: str, expected: set[str]) -> None:
    assert find(fts(CATALOG), typed) == expected


@pytest.mark.parametrize("typed", ["", "   ", "*", '"', "()", "-", "AND", "NEAR(", "^", ":"])
def test_nothing_to_search_or_fts_syntax_never_reaches_the_index_as_syntax(typed: str) -> None:
    query = match_query(typed)
    if query is not None:
        fts(CATALOG).execute("SELECT * FROM t WHERE t MATCH ?", (query,)).fetchall()  # no error


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_any_typed_text_is_a_valid_query(typed: str) -> None:
    query = match_query(typed)
    if query is not None:
        fts(CATALOG).execute("SELECT * FROM t WHERE t MATCH ?", (query,)).fetchall()


def test_spoken_forms_keep_words_apart_and_drop_symbols() -> None:
    assert spoken_forms("可口可乐 经典 330ml") == ("kekoukele jingdian 330ml", "kkkl jd 330ml")
    assert spoken_forms("Coca-Cola") == ("cocacola", "cocacola")
    assert spoken_forms("") == ("", "")
