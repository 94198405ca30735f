"""Shared set-up for the benchmarks: a till data dir holding N products, and reporting.

The catalog is written through the same StateApplier that sync uses, page by
page, so the till's tables and indexes are exactly what a real pull builds,
without spending minutes serving N products over HTTP first.
"""

from __future__ import annotations

import os
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("POS_TOKEN_STORE", "file")

from central.demo_catalog import demo_products  # noqa: E402
from central.promotions import DEMO_PROMOTIONS  # noqa: E402
from central.seed import DEMO_STAFF  # noqa: E402
from central.spoken_names import spoken_forms  # noqa: E402
from pos_client.config import Config, Paths, save_config  # noqa: E402
from pos_client.domain.pins import hash_pin  # noqa: E402
from pos_client.store.changes import StateApplier, StateChange  # noqa: E402
from pos_client.store.database import open_database  # noqa: E402
from pos_client.store.snapshot import SnapshotWriter  # noqa: E402


def prepare_till(data_dir: Path, products: int) -> Paths:
    paths = Paths.resolve(data_dir)
    marker = paths.data_dir / f".bench-{products}"
    if marker.exists():
        return paths
    engine = open_database(paths.database, paths.backups)
    applier = StateApplier(engine)
    applier.apply_page([
        StateChange("store_config", "bench-store", "upsert",
                    {"store_code": "S001", "name": "上海南京西路店", "currency": "CNY"}),
        *[StateChange("staff", f"staff-{s.code}", "upsert",
                      {"staff_id": f"staff-{s.code}", "code": s.code, "name": s.name, "role": s.role,
                       "pin_hash": hash_pin(s.pin), "active": True}) for s in DEMO_STAFF[:2]],
        # The demo chain's promotions, so every scan and sale is priced as in a real store.
        *[StateChange("promotion", pid, "upsert", {"promotion_id": pid, "version": 1, "definition": d})
          for pid, d in DEMO_PROMOTIONS.items()],
    ], "0")
    # Products, barcodes and prices go in as a first catalog load does: snapshot pages.
    writers = {entity: SnapshotWriter(engine, entity) for entity in ("product", "barcode", "price")}
    pages: dict[str, list] = {entity: [] for entity in writers}

    def flush() -> None:
        for entity, rows in pages.items():
            writers[entity].add(rows)
            rows.clear()

    for p in demo_products(products):
        pinyin, initials = spoken_forms(p.name)  # as central sends them
        pages["product"].append((p.sku, {
            "sku": p.sku, "name": p.name, "name_en": p.name_en, "category": p.category,
            "brand": p.brand, "unit": p.unit, "pinyin": pinyin, "initials": initials}))
        pages["barcode"].append((p.barcode, {"code": p.barcode, "sku": p.sku}))
        pages["price"].append((f"{p.sku}@*", {"sku": p.sku, "amount": p.price, "scope": "chain"}))
        if len(pages["product"]) >= 5000:
            flush()
    flush()
    for writer in writers.values():
        writer.finish()  # the sweep, and for products the search index built in one go
        writer.close()
    applier.apply_page([], str(products))
    engine.dispose()
    config = Config()
    config.device.store_code, config.device.terminal_no = "S001", "01"
    save_config(paths.config_file, config)
    marker.touch()
    return paths


def barcodes(products: int, sample: int, seed: int = 7) -> list[str]:
    import random

    every = [p.barcode for p in demo_products(products)]
    return random.Random(seed).sample(every, min(sample, len(every)))


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1))))
    return ordered[k]


def report(name: str, figure: float, unit: str, target: float, lower_is_better: bool = True,
           extra: str = "") -> bool:
    ok = figure <= target if lower_is_better else figure >= target
    sign = "<=" if lower_is_better else ">="
    print(f"{name}: {figure:.2f} {unit}  (target {sign} {target:g} {unit})  "
          f"{'PASS' if ok else 'MISS'}{'  ' + extra if extra else ''}", flush=True)
    return ok


def summary(values: list[float]) -> str:
    return (f"n={len(values)} p50={percentile(values, 50):.2f} p95={percentile(values, 95):.2f} "
            f"p99={percentile(values, 99):.2f} max={max(values):.2f} mean={statistics.mean(values):.2f}")
