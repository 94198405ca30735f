"""The serving process's heap, settled once at start so the cyclic garbage collector stops walking it.

Profiling `GET /stock` (bench/network_stock.py) showed its p99 was the collector, not the query: the
1 % slow answers (70-140 ms against a p50 of 8-18 ms) were exactly the full (generation 2)
collections, each walking every object of FastAPI, SQLAlchemy and pydantic loaded at start.
`gc.freeze()` after start moves those long-lived objects out of the collector's sight; requests
still have their garbage collected as before.
"""

from __future__ import annotations

import gc


def settle_heap() -> None:
    """Call once, after the app is built and before serving."""
    gc.collect()
    gc.freeze()
