"""Wedge bursts versus typing, by timing alone (no display): scans whole, typing untouched."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from drivers.scanner.wedge_burst import Burst, BurstDetector, Release


def play(detector: BurstDetector, keys: list[tuple[str, float]]) -> list:
    """keys: (text, at_ms); '\\n' is the suffix. Ticks at every deadline, like a timer would."""
    out = []
    for text, at in keys:
        while (d := detector.deadline()) is not None and d < at:
            out += detector.tick(d + 0.001)
        out += detector.suffix(text, at) if text == "\n" else detector.key(text, text, at)
    if (d := detector.deadline()) is not None:
        out += detector.tick(d + 1)
    return out


def timed(text: str, gap: float, start: float = 0.0) -> list[tuple[str, float]]:
    return [(ch, start + i * gap) for i, ch in enumerate(text)]


def test_a_scan_is_one_burst_and_nothing_is_released():
    out = play(BurstDetector(), timed("6901234567892\n", 8))
    assert out == [Burst("6901234567892", list("6901234567892\n"))]


def test_typing_is_released_key_by_key_and_enter_passes():
    out = play(BurstDetector(), timed("kkkl\n", 90))
    released = [k for a in out if isinstance(a, Release) for k in a.keys]
    assert released == list("kkkl\n")
    assert not any(isinstance(a, Burst) for a in out)


def test_a_short_fast_burst_is_typing():
    out = play(BurstDetector(min_length=4), timed("12\n", 5))
    assert [k for a in out for k in a.keys] == ["1", "2", "\n"] and all(isinstance(a, Release) for a in out)


def test_a_scan_right_after_typing_keeps_both_apart():
    keys = timed("ab", 120) + timed("4006381333931\n", 7, start=400)
    out = play(BurstDetector(), keys)
    assert out[0] == Release(["a"]) and out[1] == Release(["b"])
    assert out[2] == Burst("4006381333931", list("4006381333931\n"))


def test_without_suffix_a_pause_ends_the_scan():
    out = play(BurstDetector(suffix_ends=False), timed("123456", 6))
    assert out == [Burst("123456", list("123456"))]


def test_a_non_printable_key_releases_what_was_held():
    d = BurstDetector()
    assert d.key("a", "a", 0) == []
    assert d.other(5) == [Release(["a"])]


def test_accuracy_scans_at_5_to_15_ms_against_typing_at_60_ms_and_slower():
    rng = random.Random(6)
    detector = BurstDetector()
    t, scans_ok, typing_ok = 0.0, 0, 0
    for _ in range(300):
        code = "".join(rng.choice("0123456789") for _ in range(rng.choice([8, 12, 13])))
        keys = []
        for ch in [*code, "\n"]:
            t += rng.uniform(5, 15)
            keys.append((ch, t))
        out = play(detector, keys)
        scans_ok += out == [Burst(code, [*code, "\n"])]
        t = keys[-1][1] + 500
        word = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(rng.randint(1, 12)))
        typed = []
        for ch in [*word, "\n"]:
            t += rng.uniform(60, 250)
            typed.append((ch, t))
        out = play(detector, typed)
        typing_ok += [k for a in out if isinstance(a, Release) for k in a.keys] == [*word, "\n"]
        t += 500
    assert (scans_ok, typing_ok) == (300, 300)


@given(st.lists(st.tuples(st.sampled_from(["a", "1", "\n"]), st.floats(0, 200)), max_size=60))
def test_every_key_comes_out_exactly_once_in_order(steps):
    t, keys = 0.0, []
    for text, gap in steps:
        t += gap
        keys.append((text, t))
    out = play(BurstDetector(), keys)
    delivered = [k for a in out for k in a.keys]
    assert delivered == [k for k, _t in keys]
