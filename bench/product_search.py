"""Finding goods at a million products: name search (Chinese, pinyin, initials, English) and lookup.

Queries are what cashiers type, drawn from random products of the catalog: the first
2-4 initials ("kkkl"), a 2-character run of the Chinese name ("可乐"), a 4-6 letter
prefix of the full pinyin ("kekou"), an English word prefix ("cola"), initials plus a
size ("kl 330"), and single letters (the worst case: most of the catalog matches).
Each query is timed through `CatalogReader.search`, the call the till makes on every
keystroke, from a warm cache as on a till in use.  Barcode and SKU lookups go through
`services.lookup`, as `pos-client lookup` does.

Targets: search p95 30 ms or less; lookup p95 30 ms or less.
Usage: python bench/product_search.py [--products 1000000] [--queries 600]
"""

from __future__ import annotations

import argparse
import random
import re
import tempfile
import time
from pathlib import Path

from common import percentile, prepare_till, report, summary

from central.demo_catalog import demo_products
from central.spoken_names import spoken_forms

TARGET_MS = 30.0
_CJK = re.compile(r"[\u4e00-\u9fff]{2,}")


def typed_queries(products: int, count: int, seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    picks = set(rng.sample(range(products), min(products, count)))
    queries: list[tuple[str, str]] = []
    for i, p in enumerate(demo_products(products)):
        if i not in picks:
            continue
        full, initials = spoken_forms(p.name)
        kind = rng.choice(("initials", "chinese", "pinyin", "english", "initials+size", "letter"))
        if kind == "initials" and initials:
            queries.append((kind, initials.split()[0][: rng.randint(2, 4)]))
        elif kind == "chinese" and (runs := _CJK.findall(p.name)):
            run = rng.choice(runs)
            start = rng.randrange(0, len(run) - 1)
            queries.append((kind, run[start:start + 2]))
        elif kind == "pinyin" and full:
            queries.append((kind, full.split()[0][: rng.randint(4, 6)]))
        elif kind == "english" and p.name_en:
            word = rng.choice(p.name_en.split())
            queries.append((kind, word[: max(3, len(word) - 1)]))
        elif kind == "initials+size" and initials and (size := re.search(r"\d+", p.name)):
            queries.append((kind, f"{initials.split()[0]} {size.group(0)}"))
        elif kind == "letter" and initials:
            queries.append((kind, initials[0]))
    rng.shuffle(queries)
    return queries


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--products", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=600)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--work-dir", default=None)
    args = parser.parse_args()
    work = Path(args.work_dir or tempfile.mkdtemp(prefix="bench-search-"))
    started = time.perf_counter()
    paths = prepare_till(work / f"till-{args.products}", args.products)
    print(f"(till with {args.products} products ready in {time.perf_counter() - started:.0f} s: "
          f"{paths.database})", flush=True)

    from pos_client.services.lookup import lookup
    from pos_client.services.till import Till

    till = Till(paths)
    try:
        queries = typed_queries(args.products, args.queries, args.seed)
        for _kind, q in queries[:20]:
            till.catalog.search(q)  # warm the page cache, as on a till that has been selling
        times: dict[str, list[float]] = {}
        empty = 0
        for kind, q in queries:
            t0 = time.perf_counter()
            found = till.catalog.search(q)
            times.setdefault(kind, []).append((time.perf_counter() - t0) * 1000)
            empty += not found
        every = [t for ts in times.values() for t in ts]
        for kind, ts in sorted(times.items()):
            print(f"  {kind:>14}: {summary(ts)} ms")
        ok = report("name search p95", percentile(every, 95), "ms", TARGET_MS,
                    extra=f"{summary(every)} ms; {empty} of {len(every)} queries found nothing")

        rng = random.Random(args.seed)
        sample = rng.sample(range(args.products), min(args.products, 300))
        wanted = set(sample)
        codes = [(p.barcode, p.sku) for i, p in enumerate(demo_products(args.products)) if i in wanted]
        lookups: list[float] = []
        wrong = 0
        for code, sku in codes:
            for query in (code, sku):
                t0 = time.perf_counter()
                results = lookup(till.catalog, query)
                lookups.append((time.perf_counter() - t0) * 1000)
                wrong += not results or results[0].product.sku != sku
        ok &= report("barcode/SKU lookup p95", percentile(lookups, 95), "ms", TARGET_MS,
                     extra=f"{summary(lookups)} ms; {wrong} wrong or missing")
        ok &= wrong == 0 and empty == 0
    finally:
        till.close()
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
