"""The till's journal: every sale, drawer opening and login, each entry chained to the last.

An entry's hash covers its own content and the previous entry's hash, so editing an
entry breaks its hash, and deleting or reordering entries breaks the chain after them.
Someone with the database file could rewrite the whole chain from the edit onwards; the
entries already sent to central (as `audit.recorded` events) are out of their reach,
and central checks that each batch continues the chain it already holds.

Pure: the store writes entries, `pos-client journal verify` and central check them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64
"""The previous hash of a device's first entry."""


@dataclass(frozen=True, slots=True)
class JournalEntry:
    seq: int
    at: str
    """When, as an RFC 3339 UTC timestamp (text, so the hash never depends on formatting)."""
    kind: str
    staff: str
    """Staff number of whoever acted ('' when nobody was logged in)."""
    data: dict[str, Any]
    prev_hash: str
    hash: str


def entry_hash(prev_hash: str, seq: int, at: str, kind: str, staff: str, data: dict[str, Any]) -> str:
    canonical = json.dumps([prev_hash, seq, at, kind, staff, data], ensure_ascii=False, sort_keys=True,
                           separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def next_entry(previous: JournalEntry | None, at: str, kind: str, staff: str,
               data: dict[str, Any]) -> JournalEntry:
    seq = previous.seq + 1 if previous else 1
    prev_hash = previous.hash if previous else GENESIS
    digest = entry_hash(prev_hash, seq, at, kind, staff, data)
    return JournalEntry(seq, at, kind, staff, data, prev_hash, digest)


@dataclass(frozen=True, slots=True)
class ChainProblem:
    seq: int
    reason: str
    """'edited' (content does not match its hash), 'missing' (entries before it are gone),
    'reordered' or 'relinked' (it does not follow the entry before it)."""

    def describe(self) -> str:
        return {
            "edited": f"entry {self.seq} was changed after it was written",
            "missing": f"entries before {self.seq} are missing",
            "reordered": f"entry {self.seq} is out of order",
            "relinked": f"entry {self.seq} does not follow the entry before it",
        }[self.reason]


def verify_chain(entries: Iterable[JournalEntry], after: JournalEntry | None = None) -> list[ChainProblem]:
    """Problems in a run of entries in seq order; `after` is the entry known to come just before."""
    problems: list[ChainProblem] = []
    previous = after
    for entry in entries:
        expected_seq = previous.seq + 1 if previous else 1
        expected_prev = previous.hash if previous else GENESIS
        recomputed = entry_hash(entry.prev_hash, entry.seq, entry.at, entry.kind, entry.staff, entry.data)
        if recomputed != entry.hash:
            problems.append(ChainProblem(entry.seq, "edited"))
        if entry.seq > expected_seq:
            problems.append(ChainProblem(entry.seq, "missing"))
        elif entry.seq < expected_seq:
            problems.append(ChainProblem(entry.seq, "reordered"))
        elif entry.prev_hash != expected_prev:
            problems.append(ChainProblem(entry.seq, "relinked"))
        previous = entry
    return problems
