"""The journal's hash chain: any edit, deletion or reordering of entries is found."""

from __future__ import annotations

import dataclasses

from hypothesis import given
from hypothesis import strategies as st

from pos_client.domain.journal import GENESIS, JournalEntry, next_entry, verify_chain


def chain(n: int) -> list[JournalEntry]:
    out: list[JournalEntry] = []
    for i in range(n):
        out.append(next_entry(out[-1] if out else None, f"2026-11-25T08:{i:02d}:00.000+00:00",
                              "sale" if i % 2 else "login", "1001",
                              {"receipt_no": f"R{i}", "total": 100 * i}))
    return out


def test_a_chain_as_written_verifies() -> None:
    entries = chain(10)
    assert entries[0].prev_hash == GENESIS and entries[0].seq == 1
    assert verify_chain(entries) == []
    assert verify_chain(entries[5:], after=entries[4]) == []


def test_an_edited_amount_is_found() -> None:
    entries = chain(6)
    entries[2] = dataclasses.replace(entries[2], data={**entries[2].data, "total": 1})
    assert [(p.seq, p.reason) for p in verify_chain(entries)] == [(3, "edited")]


def test_a_deleted_entry_is_found() -> None:
    entries = chain(6)
    del entries[3]
    assert [(p.seq, p.reason) for p in verify_chain(entries)] == [(5, "missing")]


def test_swapped_entries_are_found() -> None:
    entries = chain(6)
    entries[2], entries[3] = entries[3], entries[2]
    assert verify_chain(entries) != []


def test_a_rewritten_tail_is_found_against_what_came_before() -> None:
    """Someone re-chains the entries after an edit; the entry central already holds exposes it."""
    entries = chain(6)
    forged = [next_entry(entries[2], entries[3].at, "sale", "1001", {"receipt_no": "R3", "total": 1})]
    for e in entries[4:]:
        forged.append(next_entry(forged[-1], e.at, e.kind, e.staff, e.data))
    assert verify_chain(forged, after=entries[2]) == []  # consistent in itself...
    held_by_central = entries[3]
    assert [(p.seq, p.reason) for p in verify_chain(forged[1:], after=held_by_central)] == [(5, "relinked")]


@given(st.integers(min_value=0, max_value=7), st.sampled_from(["at", "kind", "staff", "data", "seq", "prev"]))
def test_any_single_change_to_any_entry_is_found(index: int, field: str) -> None:
    entries = chain(8)
    e = entries[index]
    changed = {
        "at": dataclasses.replace(e, at=e.at.replace("08:", "09:")),
        "kind": dataclasses.replace(e, kind="void"),
        "staff": dataclasses.replace(e, staff="2001"),
        "data": dataclasses.replace(e, data={**e.data, "x": 1}),
        "seq": dataclasses.replace(e, seq=e.seq + 100),
        "prev": dataclasses.replace(e, prev_hash="f" * 64),
    }[field]
    entries[index] = changed
    assert verify_chain(entries) != []
