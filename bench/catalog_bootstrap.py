"""A fresh till loads a catalog from central: snapshot streams of products, barcodes and prices.

Target: 1,000,000 products in 60 s or less on a 2-core machine, peak RSS of the till
process 300 MB or less. Central runs as its own `pos-central serve` process; the
till is the real `pos-client enroll` + `pos-client sync` command, timed from start to exit.
Usage: python bench/catalog_bootstrap.py --products 1000000 [--work-dir DIR]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import report

TARGET_S = 60.0
TARGET_RSS_MB = 300.0
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def central_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "central.cli", *args]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--products", type=int, default=1_000_000)
    parser.add_argument("--work-dir", default=None, help="keeps the seeded central between runs")
    args = parser.parse_args()
    work = Path(args.work_dir or tempfile.mkdtemp(prefix="bench-bootstrap-"))
    work.mkdir(parents=True, exist_ok=True)
    db_file = work / f"central-{args.products}.db"
    db = f"sqlite:///{db_file}"
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "POS_TOKEN_STORE": "file", "PYTHONPATH": str(root)}
    if not db_file.exists():
        started = time.monotonic()
        subprocess.run(central_cmd("seed-demo", "--db", db, "--products", str(args.products)),
                       check=True, env=env, cwd=root)
        print(f"(seeded central with {args.products:,} products in {time.monotonic() - started:.0f} s)")
    port = free_port()
    server = subprocess.Popen(central_cmd("serve", "--db", db, "--port", str(port)), env=env, cwd=root,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        code = subprocess.run(central_cmd("enroll", "--db", db, "--store", "S001"), check=True, env=env,
                              cwd=root, capture_output=True, text=True).stdout.strip().splitlines()[-1]
        till = Path(tempfile.mkdtemp(prefix="bench-till-", dir=work))
        client = [sys.executable, "-m", "pos_client"]
        subprocess.run([*client, "enroll", "--central", url, "--code", code, "--data-dir", str(till)],
                       check=True, env=env, cwd=root, capture_output=True)
        started = time.monotonic()
        with open(work / "sync.out", "w+") as out:
            proc = subprocess.Popen([*client, "sync", "--data-dir", str(till)], env=env, cwd=root,
                                    stdout=out, stderr=subprocess.STDOUT, text=True)
            _pid, status_code, usage = os.wait4(proc.pid, 0)  # this child's own peak RSS
            elapsed = time.monotonic() - started
            out.seek(0)
            output = out.read()
        rss_mb = usage.ru_maxrss / 1024
        if os.waitstatus_to_exitcode(status_code) != 0:
            print(output, file=sys.stderr)
            return 1
        print(output.strip().splitlines()[-1])
        status = subprocess.run([*client, "status", "--json", "--data-dir", str(till)], env=env, cwd=root,
                                capture_output=True, text=True).stdout
        loaded = '"product_count": ' + str(args.products) in status
        ok = report(f"catalog bootstrap, {args.products:,} products", elapsed, "s", TARGET_S,
                    extra="" if loaded else "PRODUCT COUNT WRONG")
        ok &= report("till peak RSS during bootstrap", rss_mb, "MB", TARGET_RSS_MB)
        return 0 if ok and loaded else 1
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    raise SystemExit(main())
