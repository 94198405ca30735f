"""`pos-client`: the app, the demo, and the commands IT and scripts use.

Commands other than the app never import Qt, so they run on a headless till.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime

from pos_client.config import Paths
from pos_client.logging_setup import setup_logging


def _data_dir_parent() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--data-dir", default=argparse.SUPPRESS,
                        help="keep the database, config, logs and device output in DIR")
    return parent


def _parser() -> argparse.ArgumentParser:
    common = _data_dir_parent()
    parser = argparse.ArgumentParser(prog="pos-client", parents=[common],
                                     description="Point-of-sale client (no command: open the till)")
    parser.add_argument("--demo", action="store_true",
                        help="open the POS against an embedded demo central with simulated devices")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation on a throw-away store and exit")
    sub = parser.add_subparsers(dest="command")
    enroll = sub.add_parser("enroll", parents=[common], help="register this till with central")
    enroll.add_argument("--central", required=True, help="central URL, e.g. https://central.example.com")
    enroll.add_argument("--code", required=True, help="one-time enrolment code from `pos-central enroll`")
    enroll.add_argument("--name", help="device name shown at central (default: host name)")
    sub.add_parser("sync", parents=[common], help="push unsent events and pull changes once")
    status = sub.add_parser("status", parents=[common], help="show sync health")
    status.add_argument("--json", action="store_true", help="machine-readable output")
    journal = sub.add_parser("journal", parents=[common], help="the till's hash-chained journal")
    journal_sub = journal.add_subparsers(dest="journal_command", required=True)
    verify = journal_sub.add_parser("verify", parents=[common],
                                    help="check that no entry was edited, deleted or reordered")
    verify.add_argument("--json", action="store_true", help="machine-readable output")
    show = journal_sub.add_parser("show", parents=[common], help="print the latest entries")
    show.add_argument("--last", type=int, default=20)
    autolock = sub.add_parser("autolock", parents=[common],
                              help="show or set the minutes of inactivity after which the till locks")
    autolock.add_argument("minutes", nargs="?", type=float, help="0 never locks; default 5")
    lookup = sub.add_parser("lookup", parents=[common],
                            help="find products by barcode, SKU, name, pinyin or initials")
    lookup.add_argument("query", help='a barcode, a SKU, or words of a name ("kkkl", "可乐", "cola")')
    lookup.add_argument("--limit", type=int, default=20)
    lookup.add_argument("--json", action="store_true", help="machine-readable output")
    devices = sub.add_parser("devices", parents=[common], help="printers, scanners, RFID readers, displays")
    devices_sub = devices.add_subparsers(dest="devices_command", required=True)
    dlist = devices_sub.add_parser("list", parents=[common],
                                   help="configured devices, serial ports and printer nodes found, drivers")
    dlist.add_argument("--json", action="store_true", help="machine-readable output")
    dtest = devices_sub.add_parser("test", parents=[common],
                                   help="open one device: print a test page, or report what it reads")
    dtest.add_argument("url", help="a device URL, e.g. tcp://192.168.1.50:9100 or serial:///dev/ttyUSB0")
    dtest.add_argument("--as", dest="kind", choices=["printer", "scanner", "rfid", "display"],
                       help="the kind of device, when the URL does not tell (serial://)")
    dtest.add_argument("--seconds", type=float, default=10.0, help="how long to read a scanner or reader")
    dtest.add_argument("--paper", type=int, choices=[58, 80], help="paper width (default: config)")
    dtest.add_argument("--drawer-pin", type=int, choices=[2, 5], help="drawer pin (default: config)")
    dtest.add_argument("--json", action="store_true", help="machine-readable output")
    dset = devices_sub.add_parser("set", parents=[common],
                                  help="configure a device by its URL (an empty URL removes it)")
    dset.add_argument("set_kind", choices=["printer", "scanner", "rfid", "display"])
    dset.add_argument("url", help='e.g. tcp://192.168.1.50:9100, serial:///dev/ttyUSB0?baud=9600, ""')
    dset.add_argument("--number", type=int, default=1, help="which scanner (default 1; one more adds one)")
    dsim = devices_sub.add_parser("simulate", parents=[common],
                                  help="run a device simulator driven from standard input (for developers)")
    dsim.add_argument("sim_kind", choices=["scanner", "rfid", "printer"])
    dsim.add_argument("--protocol", choices=["uhfreader18", "r2000"], default="uhfreader18")
    dsim.add_argument("--port", type=int, default=0, help="printer: TCP port (default: any free one)")
    dsim.add_argument("--out", help="printer: save every job's bytes in this folder")
    backup = sub.add_parser("backup", parents=[common],
                            help="back the database up now to the configured backup folder")
    backup.add_argument("--json", action="store_true", help="machine-readable output")
    restore = sub.add_parser("restore", parents=[common],
                             help="bring this till back from a backup file (close the till first)")
    restore.add_argument("backup_file", metavar="BACKUP", help="a backup file (pos-S001-01-...-hourly.db)")
    diagnostics = sub.add_parser("diagnostics", parents=[common],
                                 help="gather logs, config without secrets, versions, database and sync "
                                      "state into a zip for support")
    diagnostics.add_argument("--out", required=True, help="the zip to write, e.g. till-diag.zip")
    language = sub.add_parser("language", parents=[common],
                              help="show or set the till's language (takes effect at the next start)")
    language.add_argument("choice", nargs="?", choices=["zh_CN", "en", "system"],
                          help="zh_CN, en, or system (follow the system locale)")
    shots = sub.add_parser("screenshots", parents=[common],
                           help="every main screen of a demo till, at each size and language, as PNG files")
    shots.add_argument("--out", required=True, help="folder for LANG/WxH/NN-screen.png")
    shots.add_argument("--sizes", default="1366x768,1920x1080", help="comma-separated WxH")
    shots.add_argument("--languages", default="zh_CN,en", help="comma-separated: zh_CN, en")
    shots.add_argument("--only", default="", help="comma-separated screen names (default: all)")
    return parser


def _cmd_backup(paths: Paths, args: argparse.Namespace) -> int:
    from pos_client.services.backups import MANUAL
    from pos_client.services.till import Till

    till = Till(paths)
    try:
        result = till.backups.backup_now(MANUAL)
    finally:
        till.close()
    if args.json:
        print(json.dumps({"ok": result.ok, "written": [str(p) for p in result.written],
                          "problems": result.problems}, indent=2))
    for path in [] if args.json else result.written:
        print(f"backed up to {path}")
    for problem in result.problems:
        print(f"backup problem: {problem}", file=sys.stderr)
    return 0 if result.ok else 1


def _cmd_restore(paths: Paths, args: argparse.Namespace) -> int:
    from pathlib import Path

    from pos_client.services.backups import RestoreRefused, restore

    try:
        outcome = restore(paths, Path(args.backup_file).expanduser().resolve())
    except RestoreRefused as exc:
        print(f"error: not restored: {exc}. Nothing was changed.", file=sys.stderr)
        return 2
    info = outcome.restored
    print(f"restored from {info.path}: {info.sales} sales, {info.pending_events} unsent events "
          f"(schema {info.revision}, now migrated to this version)")
    if outcome.replaced_kept_at:
        print(f"the database it replaced is kept at {outcome.replaced_kept_at}")
    print(("checked with central: " if outcome.checked_with_central else "") + outcome.detail)
    print("sales made after that backup and not yet at central are not on this till; "
          "those central had are kept there")
    return 0


def _cmd_diagnostics(paths: Paths, args: argparse.Namespace) -> int:
    from pathlib import Path

    from pos_client.services.diagnostics import write_diagnostics

    out = Path(args.out).expanduser().resolve()
    summary = write_diagnostics(paths, out)
    db = summary["database"]
    print(f"wrote {out}: {len(summary['logs'])} log file(s), database integrity "
          f"{db.get('integrity_check', '-')}, {summary['sync'].get('outbox_depth', '-')} unsent event(s)")
    return 0


def _cmd_language(paths: Paths, choice: str | None) -> int:
    from pos_client.config import load_config, save_config

    config = load_config(paths.config_file)
    if choice is not None:
        config.ui.language = "" if choice == "system" else choice
        save_config(paths.config_file, config)
    print(f"language: {config.ui.language or 'system (follows the locale)'}"
          + (" (from the next start of the till)" if choice is not None else ""))
    return 0


def _cmd_screenshots(args: argparse.Namespace) -> int:
    import os
    from pathlib import Path

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display needed to take them
    from pos_client.ui.screenshots import take_screenshots

    sizes = [tuple(int(n) for n in s.lower().split("x")) for s in args.sizes.split(",") if s]
    written = take_screenshots(Path(args.out).expanduser().resolve(), sizes=sizes,
                               languages=[x for x in args.languages.split(",") if x],
                               only=[x for x in args.only.split(",") if x] or None)
    print(f"wrote {len(written)} screenshots to {Path(args.out).resolve()}")
    return 0


def _cmd_devices(paths: Paths, args: argparse.Namespace) -> int:
    from drivers.interfaces import DeviceKind
    from drivers.registry import default_registry
    from drivers.urls import DeviceUrlError
    from pos_client.config import load_config
    from pos_client.services.devices import guess_kind, list_devices, test_device

    if args.devices_command == "simulate":
        from pathlib import Path

        from pos_client.devices_sim import run_simulator

        try:
            out = Path(args.out) if args.out else None
            return run_simulator(args.sim_kind, args.protocol, args.port, out)
        except KeyboardInterrupt:
            return 0
    config = load_config(paths.config_file)
    registry = default_registry()
    if args.devices_command == "set":
        from pos_client.config import save_config
        from pos_client.services.devices import set_device_url

        try:
            now = set_device_url(config, DeviceKind(args.set_kind), args.url, args.number - 1, registry)
        except DeviceUrlError as exc:
            print(f"error: {exc}; nothing was changed", file=sys.stderr)
            return 2
        save_config(paths.config_file, config)
        for kind, url in now:
            print(f"{kind.value:<8} {url}")
        print("the till uses these from its next start")
        return 0
    if args.devices_command == "list":
        found = list_devices(config, registry)
        if args.json:
            print(json.dumps(found, ensure_ascii=False, indent=2))
            return 0
        print("configured:")
        for d in found["configured"]:
            here = {True: "  [present]", False: "  [NOT FOUND]", None: ""}[d["present"]]
            print(f"  {d['kind']:<8} {d['url']:<40} {d['driver'] or 'PROBLEM: ' + d['problem']}{here}")
        print("serial ports found:" if found["serial_ports"] else "serial ports found: none")
        for p in found["serial_ports"]:
            ident = " ".join(x for x in (p["usb_id"] and f"usb {p['usb_id']}",
                                         p["serial_number"] and f"serial {p['serial_number']}",
                                         p["manufacturer"], p["description"]) if x)
            print(f"  {p['device']:<16} {ident}\n  {'':<16} {p['url']}")
        for n in found["printer_nodes"]:
            print(f"printer node found: {n['device']}  ({n['url']})")
        for n in found["cameras"]:
            print(f"camera found: {n['device']}  ({n['url']})")
        print("drivers:")
        for d in found["drivers"]:
            note = f"  [not here: {d['unavailable']}]" if d["unavailable"] else ""
            print(f"  {d['kind']:<8} {d['scheme'] + '://':<10} {d['summary']}{note}")
        return 0

    def live(what: str, data: dict) -> None:
        if args.json:
            return
        if what == "scan":
            extra = f"  ({data['symbology']}, {data['aim']})" if data["aim"] else ""
            print(f"scan: {data['data']!r}{extra}", flush=True)
        elif what == "tag":
            what_it_is = f"GTIN {data['gtin']} serial {data['serial']}" if data["gtin"] else data["scheme"]
            print(f"tag: {data['epc']}  {what_it_is}  antenna {data['antenna']} rssi {data['rssi']}",
                  flush=True)
        elif what == "status":
            detail = data.get("detail") or ""
            said = data["event"] if "event" in data else f"printer status: {data['status']}"
            print(f"{said}{': ' + detail if detail else ''}", flush=True)

    try:
        kind = DeviceKind(args.kind) if args.kind else guess_kind(args.url, registry)
        result = test_device(args.url, kind, config, paths.data_dir, seconds=args.seconds, report=live,
                             paper_mm=args.paper, drawer_pin=args.drawer_pin, registry=registry)
    except (DeviceUrlError, ValueError) as exc:
        if args.json:
            print(json.dumps({"url": args.url, "error": str(exc)}, ensure_ascii=False, indent=2))
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    elif kind is DeviceKind.PRINTER:
        if result["printed"]:
            print(f"printed a test page ({result['bytes']} bytes, {result['columns']} columns) "
                  f"and kicked the drawer on pin {result['drawer_pin']}; status was {result['status']}")
        else:
            print(f"not printed: {result.get('detail')}", file=sys.stderr)
    elif kind is DeviceKind.DISPLAY:
        print(("showed: " + " / ".join(result["shown"])) if result["ok"] else f"failed: {result['detail']}")
    else:
        items = result.get("scans", result.get("tags", []))
        print(f"{len(items)} read in {result['seconds']:g} s, {result['rejected']} rejected as bad input")
    if kind is DeviceKind.PRINTER:
        return 0 if result["printed"] else 1
    if kind is DeviceKind.DISPLAY:
        return 0 if result["ok"] else 1
    return 0


def _cmd_journal(paths: Paths, args: argparse.Namespace) -> int:
    from pos_client.domain.journal import verify_chain
    from pos_client.store.database import open_database
    from pos_client.store.journal import SENT_KEY, entries
    from pos_client.store.settings import get_setting

    engine = open_database(paths.database, paths.backups)
    try:
        with engine.connect() as conn:
            every = list(entries(conn))
            sent = int(get_setting(conn, SENT_KEY, 0))
    finally:
        engine.dispose()
    if args.journal_command == "show":
        for e in every[-max(1, args.last):]:
            print(f"{e.seq:>7}  {e.at}  {e.kind:<14} {e.staff or '-':<6} "
                  f"{json.dumps(e.data, ensure_ascii=False, sort_keys=True)}")
        return 0
    problems = verify_chain(every)
    result = {
        "ok": not problems, "entries": len(every), "last_seq": every[-1].seq if every else 0,
        "head_hash": every[-1].hash if every else None, "sent_to_central_through": sent,
        "problems": [{"seq": p.seq, "reason": p.reason, "detail": p.describe()} for p in problems],
    }
    if args.json:
        print(json.dumps(result, indent=2))
    elif problems:
        for p in problems:
            print(f"journal: {p.describe()}", file=sys.stderr)
        print(f"journal: {len(problems)} problem(s) in {len(every)} entries: it was tampered with or "
              "damaged; keep this database file and tell the store manager", file=sys.stderr)
    else:
        print(f"journal ok: {len(every)} entries, head {result['head_hash'] or '-'}; "
              f"sent to central through entry {sent}")
    return 0 if not problems else 1


def _cmd_lookup(paths: Paths, args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from pos_client.domain.money import format_amount
    from pos_client.services.lookup import lookup
    from pos_client.services.till import Till

    till = Till(paths)
    try:
        results = lookup(till.catalog, args.query, max(1, args.limit))
    finally:
        till.close()
    if args.json:
        print(json.dumps([{"matched_by": r.matched_by, **asdict(r.product),
                           "promotions": [asdict(p) for p in r.promotions]} for r in results],
                         ensure_ascii=False, indent=2))
    elif not results:
        print(f"no product matches {args.query!r}", file=sys.stderr)
    for r in [] if args.json else results:
        p = r.product
        shown = format_amount(p.price) if p.price is not None else "no price"
        member = f"  member {format_amount(p.member_price)}" if p.member_price is not None else ""
        stock = f"  stock {p.on_hand}" if p.on_hand is not None else ""
        if p.reserved:
            stock += f" ({p.reserved} reserved, {(p.on_hand or 0) - p.reserved} free)"
        print(f"{p.sku}  {p.name}  {shown}{member}{stock}  {' '.join(p.barcodes)}")
        for promo in r.promotions:
            print(f"    promotion: {promo.name}" + ("  (members)" if promo.members_only else ""))
    return 0 if results else 1


def _cmd_autolock(paths: Paths, minutes: float | None) -> int:
    from pos_client.services.staff_lock import autolock_minutes, set_autolock_minutes, store_autolock_limit
    from pos_client.services.till import Till

    till = Till(paths)
    try:
        if minutes is not None:
            try:
                set_autolock_minutes(till.settings, minutes)
            except ValueError as exc:
                print(f"error: {exc}", file=sys.stderr)
                return 2
        limit = store_autolock_limit(till.catalog.store_config())
        current = autolock_minutes(till.settings, limit)
    finally:
        till.close()
    print(f"the till locks after {current:g} minutes without use" if current
          else "the till never locks by itself")
    if limit:
        print(f"(the store allows at most {float(limit):g} minutes)")
    return 0


def _cmd_enroll(paths: Paths, args: argparse.Namespace) -> int:
    from pos_client.services.till import enroll
    from pos_client.services.token_store import TokenStoreUnavailable
    from sync.errors import SyncError

    try:
        result = enroll(paths, args.central, args.code, args.name)
    except TokenStoreUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 3
    except SyncError as exc:
        print(f"error: enrolment failed: {exc.message}", file=sys.stderr)
        return 2
    print(f"enrolled: store {result.store_code}, till {result.terminal_no}, device {result.device_id}")
    return 0


def _progress_printer():
    """Progress lines for long loads, at most one per entity per 10%, so logs stay readable."""
    shown: dict[str, int] = {}

    def show(what: str, done: int, total: int) -> None:
        step = 100 if total <= 0 else min(100, done * 100 // total)
        if step - shown.get(what, -10) >= 10 or (step == 100 and shown.get(what) != 100):
            shown[what] = step
            label = f"{done}/{total}" if total else str(done)
            print(f"loading {what}: {label} ({step}%)", file=sys.stderr, flush=True)

    return show


def _cmd_sync(paths: Paths) -> int:
    from pos_client.services.till import Till
    from sync.errors import SyncError

    till = Till(paths)
    try:
        try:
            client = till.client()
        except SyncError as exc:
            print(f"error: {exc.message}", file=sys.stderr)
            return 2
        with client:
            engine = till.sync_engine(client, progress=_progress_printer(), flush_journal=True,
                                     network_snapshot=True)  # as the till window syncs
            report = engine.run_once()
        stats = till.outbox.stats()
        print(f"pushed {report.pushed} events ({report.duplicates} already there, "
              f"{report.rejected} rejected), loaded {report.loaded} snapshot rows, "
              f"pulled {report.pulled} changes, "
              f"{stats.pending} unsent, {stats.rejected} need attention")
        if report.error is not None:
            print(f"error: sync did not finish: {report.error.code}: {report.error.message}",
                  file=sys.stderr)
            return 1
        return 0
    finally:
        till.close()


def _cmd_status(paths: Paths, as_json: bool) -> int:
    from pos_client.services.sync_service import sync_health
    from pos_client.services.till import Till
    from sync.errors import SyncError

    till = Till(paths)
    try:
        health = sync_health(till.outbox, till.settings)
        online, detail = False, "not enrolled"
        if till.config.enrolled:
            try:
                with till.client() as client:
                    client.health()
                online, detail = True, "central answered"
            except SyncError as exc:
                detail = f"{exc.code}: {exc.message}"
        status = {
            "enrolled": till.config.enrolled,
            "store": till.config.device.store_code or None,
            "terminal": till.config.device.terminal_no or None,
            "central": till.config.central.url or None,
            "online": online,
            "detail": detail,
            "outbox_depth": health.pending,
            "needs_attention": health.rejected,
            "oldest_unsent_age_s": (round(health.oldest_pending_age_s, 1)
                                    if health.oldest_pending_age_s is not None else None),
            "last_sync_at": health.last_success_at.isoformat() if health.last_success_at else None,
            "product_count": till.catalog.product_count(),
            "last_backup": till.backups.last(),
            "checked_at": datetime.now(UTC).isoformat(),
        }
    finally:
        till.close()
    if as_json:
        print(json.dumps(status, ensure_ascii=False, indent=2))
    else:
        for key, value in status.items():
            print(f"{key:>20}: {value}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Every command: a database from a newer build is refused, clearly, and left untouched."""
    from pos_client.store.database import DatabaseTooNew

    try:
        return _main(argv)
    except DatabaseTooNew as exc:
        print(f"error: this till's database was written by a newer version of the till software "
              f"(schema {exc.found}; this version knows up to {exc.newest_known}). Install that "
              "version or newer, or restore a backup made by this version. Nothing was changed.",
              file=sys.stderr)
        return 3


def _main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    data_dir = getattr(args, "data_dir", None)
    setup_logging(None if args.self_test else Paths.resolve(data_dir).logs if not args.demo else None)
    if args.self_test:
        from pos_client.self_test import run_self_test

        return run_self_test()
    if args.demo:
        from pos_client.demo import run_demo

        return run_demo(data_dir)
    paths = Paths.resolve(data_dir)
    if args.command == "enroll":
        return _cmd_enroll(paths, args)
    if args.command == "sync":
        return _cmd_sync(paths)
    if args.command == "status":
        return _cmd_status(paths, args.json)
    if args.command == "lookup":
        return _cmd_lookup(paths, args)
    if args.command == "journal":
        return _cmd_journal(paths, args)
    if args.command == "devices":
        return _cmd_devices(paths, args)
    if args.command == "autolock":
        return _cmd_autolock(paths, args.minutes)
    if args.command == "backup":
        return _cmd_backup(paths, args)
    if args.command == "restore":
        return _cmd_restore(paths, args)
    if args.command == "diagnostics":
        return _cmd_diagnostics(paths, args)
    if args.command == "screenshots":
        return _cmd_screenshots(args)
    if args.command == "language":
        return _cmd_language(paths, args.choice)

    from pos_client.store.database import DatabaseTooNew
    from pos_client.ui.app import display_problem, run_app

    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    from pos_client.services.till import Till

    try:
        till = Till(paths)
    except DatabaseTooNew as exc:
        from pos_client.ui.startup_errors import show_database_too_new

        show_database_too_new(exc.found, exc.newest_known, till_language(paths))
        raise
    try:
        return run_app(till)
    finally:
        till.close()


def till_language(paths: Paths) -> str:
    from pos_client.config import load_config

    try:
        return load_config(paths.config_file).ui.language
    except Exception:  # an unreadable config must not hide the real problem
        return ""


if __name__ == "__main__":
    raise SystemExit(main())
