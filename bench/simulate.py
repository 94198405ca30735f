"""Many seeded simulations of the chain (central, several tills, faults, crashes) in one process each.

Each run is tests/support/simulation.py with its own seed: tills in S001-S003 sell, sync, crash at
named points and lose their network while central changes prices, receives stock and compacts its
change log; at the end every partition heals and the invariants are checked (no lost or doubled
sale, gap-free event numbers, stock equals the sum of its movements, every till converged,
cursors only forward).  A failing run prints its seed; replay it alone with --runs 1 --seed S.

Target: >= 200 runs, 0 invariant violations.
Usage: python bench/simulate.py [--runs 200] [--seed S] [--steps 80] [--jobs 2] [--keep]
Seeds are S, S+1, ... S+runs-1; without --seed a new S is drawn and printed.
"""

from __future__ import annotations

import argparse
import os
import random
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from multiprocessing import get_context

from common import ROOT

TARGET_RUNS = 200


def run_one(seed: int, steps: int, products: int, keep: bool) -> tuple[int, list[str], float, str, str]:
    from tests.support.simulation import run_simulation

    result = run_simulation(seed, steps, products=products, keep=keep)
    message = result.failure_message(trace_tail=25) if result.violations else ""
    stats = result.summary.get("stats", {})
    crashes = sum(v for k, v in stats.items() if k.startswith("crash:"))
    faults = sum(v for k, v in stats.items() if k.startswith("net:"))
    brief = (f"sales={stats.get('sales', 0)} syncs={stats.get('syncs', 0)} crashes={crashes} "
             f"faults={faults} 410s={stats.get('central:410', 0)}")
    return seed, result.violations, result.elapsed, brief, message


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=TARGET_RUNS)
    parser.add_argument("--seed", type=int, default=None, help="first seed; default: a new one, printed")
    parser.add_argument("--steps", type=int, default=80, help="actions per run before the final sync")
    parser.add_argument("--products", type=int, default=40)
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--keep", action="store_true",
                        help="keep every run's work dir (a failed run's is always kept)")
    parser.add_argument("--verbose", action="store_true", help="one line per run")
    args = parser.parse_args()
    os.environ["POS_TOKEN_STORE"] = "file"
    base = args.seed if args.seed is not None else random.SystemRandom().randrange(1_000_000)
    seeds = list(range(base, base + args.runs))
    print(f"seeds {base}..{base + args.runs - 1}, {args.steps} steps each, {args.jobs} job(s)  "
          f"(replay one: cd {ROOT} && .venv/bin/python bench/simulate.py --runs 1 --seed S "
          f"--steps {args.steps})", flush=True)

    started = time.monotonic()
    failed: dict[int, list[str]] = {}
    durations: list[float] = []

    def report(seed: int, violations: list[str], elapsed: float, brief: str, message: str) -> None:
        durations.append(elapsed)
        if violations:
            failed[seed] = violations
            print(f"seed {seed} FAILED ({len(violations)} violation(s), {elapsed:.1f} s)\n{message}",
                  flush=True)
        elif args.verbose:
            print(f"seed {seed} ok  {elapsed:.1f} s  {brief}", flush=True)
        done = len(durations)
        if not args.verbose and done % 20 == 0:
            print(f"  {done}/{len(seeds)} runs, {len(failed)} failed, "
                  f"{time.monotonic() - started:.0f} s", flush=True)

    if args.jobs <= 1:
        for seed in seeds:
            report(*run_one(seed, args.steps, args.products, args.keep))
    else:
        with ProcessPoolExecutor(args.jobs, mp_context=get_context("spawn")) as pool:
            futures = [pool.submit(run_one, seed, args.steps, args.products, args.keep) for seed in seeds]
            for future in as_completed(futures):
                report(*future.result())

    elapsed = time.monotonic() - started
    violations = sum(len(v) for v in failed.values())
    runs = len(durations)
    verdict = "PASS" if runs >= TARGET_RUNS and not violations else ("FAIL" if violations else "SHORT")
    durations.sort()
    print(f"runtime {elapsed:.0f} s ({runs} runs, per run median {durations[len(durations) // 2]:.1f} s, "
          f"slowest {durations[-1]:.1f} s)", flush=True)
    if failed:
        print(f"failing seeds: {' '.join(str(s) for s in sorted(failed))}", flush=True)
    print(f"simulation runs: {runs} (target >= {TARGET_RUNS}), invariant violations: {violations} "
          f"(target 0) {verdict}  seeds={base}..{base + args.runs - 1}", flush=True)
    return {"PASS": 0, "FAIL": 1}.get(verdict, 2)  # 2: no violation, but fewer runs than the target


if __name__ == "__main__":
    raise SystemExit(main())
