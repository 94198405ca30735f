"""Telling a keyboard-wedge scanner's burst from typing, by inter-key timing: pure logic, no Qt.

A scanner "types" a whole code in a burst, 5-15 ms between keys, then its suffix
(Enter or Tab); people type 60 ms or more apart, and even fast typists do not keep
under 30 ms for four keys in a row.  Keys are *held* while they may still be a
burst, so a scan never lands half in a search box: when the burst ends in the
suffix it is a Scan; when a gap is too long, or it ends too short, the held keys
are *released* to the focused widget as typing, in order.  The first key of
ordinary typing is delayed by at most `max_gap_ms`.

Callers feed key presses with their timestamps and call `tick()` at `deadline()`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

K = TypeVar("K")
"""Whatever the caller needs to replay a key (a Qt key event copy); here only carried along."""


@dataclass(frozen=True, slots=True)
class Release(Generic[K]):
    """Deliver these keys as typed, in this order."""

    keys: list[K]


@dataclass(frozen=True, slots=True)
class Burst(Generic[K]):
    """A scan: `text` without the suffix; `keys` are swallowed."""

    text: str
    keys: list[K]


@dataclass
class BurstDetector(Generic[K]):
    max_gap_ms: float = 30.0
    min_length: int = 4
    suffix_ends: bool = True
    """True: a burst ends with the suffix key (Enter/Tab). False (suffix none): it ends on a pause."""
    _held: list[tuple[str, K]] = field(default_factory=list)
    _last_ms: float | None = None
    scans: int = 0
    released: int = 0

    def key(self, text: str, key: K, at_ms: float) -> list[Release[K] | Burst[K]]:
        """A printable key press. Returns what to do now (possibly releasing earlier keys)."""
        out = self.tick(at_ms)
        self._held.append((text, key))
        self._last_ms = at_ms
        return out

    def suffix(self, key: K, at_ms: float) -> list[Release[K] | Burst[K]]:
        """Enter or Tab (the configured suffix)."""
        out = self.tick(at_ms)
        if self.suffix_ends and self._held and len(self._held) >= self.min_length:
            burst = Burst("".join(t for t, _k in self._held), [k for _t, k in self._held] + [key])
            self._reset()
            self.scans += 1
            return [*out, burst]
        return [*out, *self._release(), Release([key])]

    def tick(self, now_ms: float) -> list[Release[K] | Burst[K]]:
        """Time passed: held keys whose burst stalled are released (or, without a suffix, scanned)."""
        if not self._held or self._last_ms is None or now_ms - self._last_ms <= self.max_gap_ms:
            return []
        if not self.suffix_ends and len(self._held) >= self.min_length:
            burst = Burst("".join(t for t, _k in self._held), [k for _t, k in self._held])
            self._reset()
            self.scans += 1
            return [burst]
        return self._release()

    def other(self, at_ms: float) -> list[Release[K] | Burst[K]]:
        """A non-printable key (arrows, F-keys, Backspace): anything held was typing, released first."""
        return [*self.tick(at_ms), *self._release()]

    def deadline(self) -> float | None:
        """When to call tick() next, in the same clock as the key timestamps."""
        return None if self._last_ms is None or not self._held else self._last_ms + self.max_gap_ms

    @property
    def holding(self) -> int:
        return len(self._held)

    def _release(self) -> list[Release[K] | Burst[K]]:
        if not self._held:
            return []
        keys = [k for _t, k in self._held]
        self._reset()
        self.released += len(keys)
        return [Release(keys)]

    def _reset(self) -> None:
        self._held = []
        self._last_ms = None
