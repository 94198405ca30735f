"""`pos-client --demo`: the whole product on one machine, for a first look.

An embedded central platform on loopback with the demo chain, a till enrolled
in store S001, a simulated receipt printer writing ESC/POS files, and the
real window.  The catalog reaches the till through sync, as it would in a store.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

DEMO_PORT = 8765


def _start_central(db_url: str):
    from central.server import EmbeddedCentral

    try:  # expiring abandoned pickup orders every minute, as `pos-central serve` does
        return EmbeddedCentral(db_url, port=DEMO_PORT, expire_every=60.0).start()
    except OSError:  # the usual port is taken: any free one will do
        return EmbeddedCentral(db_url, expire_every=60.0).start()


def run_demo(data_dir: str | None) -> int:
    from pos_client.ui.app import display_problem

    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2

    from central.db import session_factory
    from central.devices import create_enrollment_code
    from central.seed import DEMO_STAFF, seed_demo
    from pos_client.config import Paths, load_config, save_config
    from pos_client.services.till import Till, enroll
    from pos_client.services.token_store import TOKEN_STORE_ENV

    default_root = Path(platformdirs.user_data_dir("pos-client", appauthor=False)) / "demo"
    root = Path(data_dir) if data_dir else default_root
    paths = Paths.resolve(root)
    from pos_client.logging_setup import setup_logging

    setup_logging(paths.logs)
    # The demo's token is a throw-away secret for a loopback server: keep it in the data dir.
    os.environ.setdefault(TOKEN_STORE_ENV, "file")
    central_dir = paths.data_dir / "central"
    central_dir.mkdir(parents=True, exist_ok=True)
    central = _start_central(f"sqlite:///{central_dir / 'central.db'}")
    try:
        factory = session_factory(central.app.state.engine)
        with factory() as session:
            print("preparing the demo chain (first run takes a few seconds)…", flush=True)
            products = seed_demo(session)
        from central.pickup import seed_demo_pickups

        with factory() as session:
            for order in seed_demo_pickups(session):
                print(f"pickup order {order['order_id']} ({order['status']}): code {order['pickup_code']}")
        from central.fulfilment import seed_demo_deliveries

        with factory() as session:
            seed_demo_deliveries(session)  # ship-from-store work for the fulfilment queue (Ctrl+E)
        config = load_config(paths.config_file)
        if not config.enrolled:
            with factory() as session:
                code = create_enrollment_code(session, "S001")
                session.commit()
            enroll(paths, central.url, code, "demo-till")
        elif config.central.url != central.url:
            config.central.url = central.url
            save_config(paths.config_file, config)
        config = load_config(paths.config_file)
        if not config.scanner.urls:  # the key-timing filter, as a till with a wedge scanner has it
            config.scanner.urls = ["wedge://"]
            save_config(paths.config_file, config)

        till = Till(paths)
        from pos_client.cli import _progress_printer

        with till.client() as client:
            report = till.sync_engine(client, progress=_progress_printer()).run_once()
        if report.error:
            print(f"first sync failed: {report.error.message}", file=sys.stderr)
        _print_welcome(till, central.url, products, [(s.code, s.name, s.role, s.pin) for s in DEMO_STAFF])
        from pos_client.ui.app import run_app

        try:
            return run_app(till)
        finally:
            till.close()
    finally:
        central.stop()


def _print_welcome(till, central_url: str, products: int, staff: list[tuple]) -> None:
    from sqlalchemy import text

    from pos_client.domain.money import format_money

    with till.engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT b.code, p.name, pr.amount FROM barcode b JOIN product p ON p.sku=b.sku "
            "JOIN price pr ON pr.sku=p.sku WHERE b.code NOT LIKE '2%' ORDER BY b.rowid LIMIT 6")).all()
    ident = till.identity()
    print()
    print(f"POS demo: store {ident.store_code} «{till.store_name()}», till {ident.terminal_no}")
    print(f"  central (embedded): {central_url}   products: {products}")
    print(f"  data dir:           {till.paths.data_dir}")
    print(f"  receipts (ESC/POS): {till.paths.data_dir / 'devices' / 'printer'}/<receipt-no>.bin")
    print("  staff (number / PIN / role):")
    for code, name, role, pin in staff:
        print(f"    {code} / {pin}  {name} ({role})")
    print("  barcodes to try:")
    for code, name, amount in rows:
        print(f"    {code}  {name}  {format_money(amount)}")
    print("  scale labels: 2200001005259 (富士苹果 0.525 kg) · 2100004023505 (熟食 卤牛肉, label ¥23.50)")
    print("  GS1-128 as typed: (01)02200001000001(3103)000750(17)301231 (富士苹果 0.750 kg)")
    print("  search: type initials in the scan field (kkkl + Enter) or press F2")
    print("  devices: `pos-client devices simulate scanner|rfid|printer` runs a simulator to plug in "
          "(see README, Devices); `pos-client devices test sim://printer` prints a test page")
    print("  keys: Enter adds a barcode · F2 find item · F12 pay · Enter confirms cash · F1 help · "
          "F10 log out")
    print(flush=True)
