"""Keyboard-wedge scans recognised against typing, by inter-key timing alone.

Target: 100% of scans (5-15 ms between keys, EAN-8/13, GS1-128 of 20-40 characters)
recognised whole, 0% of typing (60 ms and slower between keys, plus an occasional
fast pair at 25-40 ms as people roll keys) taken for a scan.
Usage: python bench/wedge_accuracy.py [--trials 10000] [--seed 6]
"""

from __future__ import annotations

import argparse
import random

from common import report

from drivers.scanner.wedge_burst import Burst, BurstDetector, Release


def play(detector: BurstDetector, keys: list[tuple[str, float]]) -> list:
    out = []
    for text, at in keys:
        while (d := detector.deadline()) is not None and d < at:
            out += detector.tick(d + 0.001)
        out += detector.suffix(text, at) if text == "\n" else detector.key(text, text, at)
    if (d := detector.deadline()) is not None:
        out += detector.tick(d + 1)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=6)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    detector: BurstDetector = BurstDetector()
    t = 0.0
    scans_ok = typing_ok = 0
    for _ in range(args.trials):
        length = rng.choice([8, 13, 13, 13, rng.randint(20, 40)])
        code = "".join(rng.choice("0123456789") for _ in range(length))
        keys = []
        for ch in [*code, "\n"]:
            t += rng.uniform(5, 15)
            keys.append((ch, t))
        scans_ok += play(detector, keys) == [Burst(code, [*code, "\n"])]
        t += rng.uniform(300, 3000)
        word = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(rng.randint(1, 14)))
        typed = []
        for ch in [*word, "\n"]:
            t += rng.uniform(25, 40) if rng.random() < 0.1 else rng.uniform(60, 300)
            typed.append((ch, t))
        out = play(detector, typed)
        typing_ok += (not any(isinstance(a, Burst) for a in out)
                      and [k for a in out if isinstance(a, Release) for k in a.keys] == [*word, "\n"])
        t += rng.uniform(300, 3000)
    report("wedge scans recognised", 100 * scans_ok / args.trials, "%", 100, lower_is_better=False,
           extra=f"{args.trials} scans at 5-15 ms")
    report("typing taken for a scan", 100 * (args.trials - typing_ok) / args.trials, "%", 0,
           extra=f"{args.trials} words at 60-300 ms, 10% of keys at 25-40 ms")


if __name__ == "__main__":
    main()
