"""Cold start to ready-for-input: a new process until the till window is painted with focus.

Target: 2 s or less, with the demo catalog (2,000 products) and with 200,000.
Usage: python bench/cold_start.py [--products 2000 200000] [--runs 5]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import prepare_till, report, summary

TARGET_S = 2.0


def one_start(data_dir: Path) -> float:
    start = time.time()
    out = subprocess.run([sys.executable, str(Path(__file__).with_name("start_till_once.py")),
                          str(data_dir)], capture_output=True, text=True, timeout=60)
    ready = [ln for ln in out.stdout.splitlines() if ln.startswith("READY")]
    if not ready:
        raise SystemExit(f"the till did not start:\n{out.stderr}")
    return float(ready[0].split()[1]) - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--products", type=int, nargs="+", default=[2000, 200_000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work-dir", default=None, help="keep prepared tills here between runs")
    args = parser.parse_args()
    work = Path(args.work_dir or tempfile.mkdtemp(prefix="bench-cold-"))
    ok = True
    for n in args.products:
        paths = prepare_till(work / f"till-{n}", n)
        one_start(paths.data_dir)  # warm the OS file cache once, as on a till that was used before
        times = [one_start(paths.data_dir) for _ in range(args.runs)]
        ok &= report(f"cold start, {n:,} products (worst of {args.runs})", max(times), "s", TARGET_S,
                     extra=summary(times))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
