"""kill -9 trials: a sale shown as paid survives the kill; every event reaches central exactly once.

A till child process (tests/support/crash_worker.py) sells through the real checkout service and
syncs with an embedded central over loopback; it is killed with SIGKILL again and again on the same
data dir: at a random 5-400 ms into selling (mostly mid-commit), right at a PAID line, 5-150 ms into
a sync round, and while selling with frequent syncs.  After every kill the till's SQLite file is
opened read-only and checked; after the last one a final sync runs and central is checked too.

Target: >= 50 trials, 0 lost paid sales, 0 double-counted, 0 integrity failures, 0 other violations.
Usage: python bench/crash_trials.py [--trials 60] [--seed S] [--products 200] [--work-dir DIR] [--keep]
The seed fixes the kill plan (moments, modes, the children's choices); print it to replay a failure.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import tempfile
import time
from pathlib import Path

from common import ROOT

from central.db import session_factory
from central.seed import seed_demo
from central.server import EmbeddedCentral
from tests.support.crash_worker import CrashHarness, enroll_new_till, plan_trials

TARGET_TRIALS = 50


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=60)
    parser.add_argument("--seed", type=int, default=None, help="default: a new one, printed")
    parser.add_argument("--products", type=int, default=200)
    parser.add_argument("--work-dir", default=None)
    parser.add_argument("--keep", action="store_true", help="keep the work dir even when all is well")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1_000_000)
    os.environ["POS_TOKEN_STORE"] = "file"
    work = Path(args.work_dir or tempfile.mkdtemp(prefix="bench-crash-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"seed {seed}  work dir {work}  (replay: cd {ROOT} && .venv/bin/python bench/crash_trials.py "
          f"--trials {args.trials} --seed {seed})", flush=True)

    started = time.monotonic()
    server = EmbeddedCentral(f"sqlite:///{work / 'central.db'}").start()
    try:
        with session_factory(server.app.state.engine)() as session:
            seed_demo(session, products=args.products, scale_items=False)
        harness = CrashHarness(enroll_new_till(server, work / "till"), server, log_dir=work)
        for plan in plan_trials(args.trials, seed):
            result = harness.run_trial(plan)
            print(result.line(), flush=True)
            for v in result.violations[:5]:
                print(f"      [{v.kind}] {v.detail}", flush=True)
        final = harness.final_sync_and_check()
        print(f"final sync: {len(final)} new violation(s); central and till compared", flush=True)
        for v in final[:10]:
            print(f"      [{v.kind}] {v.detail}", flush=True)
    finally:
        server.stop()
    line, detail, verdict = harness.summary(TARGET_TRIALS)
    print(f"{detail}  elapsed {time.monotonic() - started:.0f} s", flush=True)
    print(f"{line}  seed={seed}", flush=True)
    if verdict != "FAIL" and not args.keep and not args.work_dir:
        shutil.rmtree(work, ignore_errors=True)
    elif verdict == "FAIL":
        print(f"kept for inspection: {work}", flush=True)
    return {"PASS": 0, "FAIL": 1}.get(verdict, 2)  # 2: no violation, but fewer trials than the target

if __name__ == "__main__":
    raise SystemExit(main())
