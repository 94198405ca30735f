"""`pos-central`: serve the API, seed the demo chain, make enrolment codes."""

from __future__ import annotations

import argparse
import sys

DEFAULT_DB = "sqlite:///central.db"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pos-central", description="Reference central platform")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the HTTP API")
    serve.add_argument("--db", default=DEFAULT_DB, help="SQLAlchemy URL (sqlite:///f.db, postgresql+psycopg://...)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8600)
    serve.add_argument("--token-idle-days", type=float, default=30.0,
                       help="a till that has not called central for this long must be enrolled again")
    serve.add_argument("--expire-every", type=float, default=60.0, metavar="SECONDS",
                       help="run the pickup reservation expiry this often while serving (0: never)")
    seed = sub.add_parser("seed-demo", help="create the demo chain in an empty database")
    seed.add_argument("--db", default=DEFAULT_DB)
    seed.add_argument("--products", type=int, default=2000)
    enroll = sub.add_parser("enroll", help="make a one-time enrolment code for a store (valid 24 h)")
    enroll.add_argument("--db", default=DEFAULT_DB)
    enroll.add_argument("--store", required=True, help="store code, e.g. S001")
    report = sub.add_parser("report", help="a store's sales for one local day")
    report.add_argument("--db", default=DEFAULT_DB)
    report.add_argument("--store", required=True)
    report.add_argument("--date", required=True, help="YYYY-MM-DD, in the store's time zone")
    report.add_argument("--json", action="store_true")
    shifts = sub.add_parser("shifts", help="a store's closed shifts (Z reports) for one local day")
    shifts.add_argument("--db", default=DEFAULT_DB)
    shifts.add_argument("--store", required=True)
    shifts.add_argument("--date", required=True, help="YYYY-MM-DD, in the store's time zone")
    shifts.add_argument("--json", action="store_true")
    compact = sub.add_parser("compact", help="drop change-log entries older than the retention")
    compact.add_argument("--db", default=DEFAULT_DB)
    compact.add_argument("--keep-days", type=float, default=30.0)
    imp = sub.add_parser("import-catalog", help="add or update products from a CSV file (all or nothing)")
    imp.add_argument("--db", default=DEFAULT_DB)
    imp.add_argument("file", help="CSV with columns sku, barcode, name, name_en, category, brand, unit, "
                                  "price, member_price")
    imp.add_argument("--json", action="store_true", help="print the report as JSON")
    labels = sub.add_parser("scale-labels", help="set a store's scale-label barcode layouts")
    labels.add_argument("--db", default=DEFAULT_DB)
    labels.add_argument("--store", required=True)
    group = labels.add_mutually_exclusive_group(required=True)
    group.add_argument("--layout", action="append", metavar="PREFIX:MEASURE[:ITEM_DIGITS]",
                       help="e.g. 22:weight:5 (EAN-13 22 + 5-digit item + 5-digit grams); repeat for more")
    group.add_argument("--chain-default", action="store_true", help="use the chain's layouts again")
    policy = sub.add_parser("store-policy", help="show or change what a store's tills enforce")
    policy.add_argument("--db", default=DEFAULT_DB)
    policy.add_argument("--store", required=True)
    policy.add_argument("--cash-rounding", choices=("none", "jiao", "jiao_down"),
                        help="jiao: to the nearest 0.10; jiao_down: drop the fen (抹零)")
    policy.add_argument("--max-offline-coupon", metavar="YUAN",
                        help="largest coupon a till may take while it cannot ask central")
    policy.add_argument("--noncash-lock-hours", type=int, metavar="HOURS",
                        help="hours offline after which card and wallet payments stop")
    policy.add_argument("--currency", metavar="CODE",
                        help="ISO 4217 code the store sells in (CNY by default), before its first sale")
    lock = policy.add_mutually_exclusive_group()
    lock.add_argument("--autolock-minutes", type=int, metavar="MINUTES",
                      help="the longest a till may sit untouched before it locks")
    lock.add_argument("--till-decides-autolock", action="store_true",
                      help="let each till keep its own auto-lock setting")
    gaps = sub.add_parser("gaps", help="devices with missing event sequence numbers")
    gaps.add_argument("--db", default=DEFAULT_DB)
    promo = sub.add_parser("promotion",
                           help="put, end or list the chain's promotions (sent to tills by sync)")
    promo_sub = promo.add_subparsers(dest="action", required=True)
    put = promo_sub.add_parser("put", help="create or change a promotion from a JSON definition")
    put.add_argument("--db", default=DEFAULT_DB)
    put.add_argument("--id", required=True, help="the promotion's id, e.g. P-SPRING-300")
    put.add_argument("file", help="JSON definition (see README, Promotions); - for standard input")
    end = promo_sub.add_parser("end", help="stop a promotion in every store")
    end.add_argument("--db", default=DEFAULT_DB)
    end.add_argument("--id", required=True)
    listing = promo_sub.add_parser("list", help="the running promotions with their versions")
    listing.add_argument("--db", default=DEFAULT_DB)
    listing.add_argument("--json", action="store_true")
    lp = sub.add_parser("loss-prevention", help="coupons redeemed more than once, with store and receipt")
    lp.add_argument("--db", default=DEFAULT_DB)
    lp.add_argument("--json", action="store_true")
    coupon = sub.add_parser("coupon",
                            help="issue a coupon (as the online shop does when a customer claims one)")
    coupon.add_argument("--db", default=DEFAULT_DB)
    coupon.add_argument("--name", required=True)
    kind = coupon.add_mutually_exclusive_group(required=True)
    kind.add_argument("--value", help="amount off in yuan, e.g. 20")
    kind.add_argument("--percent-off", type=int)
    coupon.add_argument("--min-spend", default="0", help="in yuan")
    coupon.add_argument("--valid-to", help="YYYY-MM-DDTHH:MM, the store's local time")
    notes = sub.add_parser("notes",
                           help="what a person must look at: pricing mismatches, journal breaks, gaps")
    notes.add_argument("--db", default=DEFAULT_DB)
    notes.add_argument("--kind", help="only this kind, e.g. pricing_mismatch")
    notes.add_argument("--json", action="store_true")
    expire = sub.add_parser("expire-pickups",
                            help="release pickup reservations whose time ran out (cron, every minute)")
    expire.add_argument("--db", default=DEFAULT_DB)
    key = sub.add_parser("channel-key", help="print the key the online shop sends as X-Channel-Key")
    key.add_argument("--db", default=DEFAULT_DB)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from .db import init_db, make_engine, session_factory

    if args.command == "serve":
        from datetime import timedelta

        import uvicorn

        from .app import create_app

        app = create_app(args.db, token_idle_limit=timedelta(days=args.token_idle_days),
                         expire_every=args.expire_every or None)
        from .heap import settle_heap

        settle_heap()  # the long-lived start-up objects leave the collector's sight (p99 of GET /stock)
        uvicorn.run(app, host=args.host, port=args.port, log_level="info")
        return 0
    engine = make_engine(args.db)
    init_db(engine)
    factory = session_factory(engine)
    if args.command == "seed-demo":
        from .seed import seed_demo

        with factory() as session:
            count = seed_demo(session, args.products)
        print(f"demo chain ready: 3 stores, 5 staff, {count} products")
        from .pickup import seed_demo_pickups

        with factory() as session:
            for order in seed_demo_pickups(session):
                print(f"pickup order {order['order_id']} ({order['status']}): code {order['pickup_code']}")
        from .fulfilment import seed_demo_deliveries

        with factory() as session:
            for order in seed_demo_deliveries(session):
                stores = sorted({ln["store_code"] for ln in order["lines"] if ln.get("store_code")})
                print(f"delivery order {order['order_id']}: ships from {', '.join(stores)}")
        return 0
    if args.command in ("expire-pickups", "channel-key"):
        return _pickups(factory, args.command)
    if args.command == "report":
        return _report(factory, args)
    if args.command == "shifts":
        return _shifts(factory, args)
    if args.command == "import-catalog":
        return _import_catalog(factory, args)
    if args.command == "scale-labels":
        return _scale_labels(factory, args)
    if args.command == "compact":
        from datetime import timedelta

        from .maintenance import compact_change_log

        with factory() as session:
            removed = compact_change_log(session, timedelta(days=args.keep_days))
        print(f"removed {removed} change-log entries older than {args.keep_days:g} days")
        return 0
    if args.command == "promotion":
        return _promotion(factory, args)
    if args.command == "notes":
        return _notes(factory, args)
    if args.command == "store-policy":
        return _store_policy(factory, args)
    if args.command == "loss-prevention":
        return _loss_prevention(factory, args)
    if args.command == "coupon":
        return _coupon(factory, args)
    if args.command == "gaps":
        import json

        from .maintenance import sequence_gaps

        with factory() as session:
            print(json.dumps(sequence_gaps(session), indent=2))
        return 0
    from .devices import EnrollmentError, create_enrollment_code

    with factory() as session:
        try:
            code = create_enrollment_code(session, args.store)
        except EnrollmentError as exc:
            print(f"error: {exc.message}", file=sys.stderr)
            return 2
        session.commit()
    print(f"one-time enrolment code for {args.store}, valid 24 hours:", file=sys.stderr)
    print(code)
    return 0


def _pickups(factory, command: str) -> int:
    from .pickup import channel_key, expire

    with factory() as session:
        if command == "channel-key":
            print(channel_key(session))
        else:
            print(f"{expire(session.connection())} pickup orders expired")
        session.commit()
    return 0


def _promotion(factory, args: argparse.Namespace) -> int:
    import json

    from .promotions import active_promotions, end_promotion, put_promotion

    with factory() as session:
        if args.action == "list":
            rows = [{"id": p.id, "version": p.version, "definition": p.definition}
                    for p in active_promotions(session)]
            if args.json:
                print(json.dumps(rows, ensure_ascii=False, indent=2))
            for row in [] if args.json else rows:
                print(f"{row['id']}  v{row['version']}  {row['definition'].get('kind')}  "
                      f"{row['definition'].get('name')}")
            return 0
        if args.action == "end":
            if not end_promotion(session, args.id):
                print(f"error: no running promotion {args.id!r}", file=sys.stderr)
                return 1
            session.commit()
            print(f"{args.id} ended; tills drop it at their next pull")
            return 0
        try:
            with (sys.stdin if args.file == "-" else open(args.file, encoding="utf-8")) as f:
                definition = json.load(f)
            version = put_promotion(session, args.id, definition)
        except OSError as exc:
            print(f"error: cannot read {args.file}: {exc.strerror}", file=sys.stderr)
            return 2
        except ValueError as exc:  # bad JSON, or a definition the tills could not use
            print(f"error: {args.id} not saved: {exc}", file=sys.stderr)
            return 2
        session.commit()
    print(f"{args.id} is now version {version}; tills use it after their next pull")
    return 0


def _loss_prevention(factory, args: argparse.Namespace) -> int:
    import json

    from pos_client.domain.money import format_amount

    from .coupons import loss_prevention

    with factory() as session:
        cases = loss_prevention(session)
    if args.json:
        print(json.dumps(cases, ensure_ascii=False, indent=2))
        return 0
    if not cases:
        print("no coupon was redeemed more than once")
    for c in cases:
        flag = "AGAIN" if c["reused"] else "first"
        print(f"{c['code']}  {flag:<5}  {c['store']}  {c['receipt_no']}  {format_amount(c['amount'])}  "
              f"{c['at'][:19]}")
    return 0


def _coupon(factory, args: argparse.Namespace) -> int:
    from pos_client.domain.money import InvalidAmount, parse_amount

    from .coupons import issue_coupon

    try:
        value = parse_amount(args.value) if args.value else 0
        min_spend = parse_amount(args.min_spend)
    except InvalidAmount:
        print("error: amounts are in yuan, e.g. 20 or 9.90", file=sys.stderr)
        return 2
    with factory() as session:
        try:
            c = issue_coupon(session, args.name, value=value, percent_off=args.percent_off or 0,
                             min_spend=min_spend, valid_to=args.valid_to)
        except ValueError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        session.commit()
    print("coupon issued; tills redeem it by this code (or its QR):", file=sys.stderr)
    print(c.code)
    return 0


def _notes(factory, args: argparse.Namespace) -> int:
    import json

    from sqlalchemy import select

    from .models import Note, Store

    with factory() as session:
        stmt = (select(Note.created_at, Note.kind, Store.code, Note.device_id, Note.message)
                .join(Store, Store.id == Note.store_id, isouter=True).order_by(Note.id))
        if args.kind:
            stmt = stmt.where(Note.kind == args.kind)
        rows = [{"at": at.isoformat(), "kind": kind, "store": store, "device_id": device, "message": message}
                for at, kind, store, device, message in session.execute(stmt)]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for row in rows:
            print(f"{row['at'][:19]}  {row['kind']:<18} {row['store'] or '-':<6} {row['message']}")
    return 0


def _store_policy(factory, args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from pos_client.domain.money import currency_for, format_amount, parse_amount

    from .catalog import set_store_policy
    from .models import Store

    with factory() as session:
        current = session.scalar(select(Store.currency).where(Store.code == args.store))
        coupon = None
        if args.max_offline_coupon is not None:
            try:  # in the currency the store will sell in
                coupon = parse_amount(args.max_offline_coupon, currency_for(args.currency or current))
            except ValueError:
                print(f"error: --max-offline-coupon {args.max_offline_coupon!r} is not an amount "
                      "like 50 or 49.90", file=sys.stderr)
                return 2
        try:
            data = set_store_policy(session, args.store, cash_rounding=args.cash_rounding,
                                    max_offline_coupon=coupon,
                                    noncash_lock_after_hours=args.noncash_lock_hours,
                                    autolock_minutes=args.autolock_minutes,
                                    till_decides_autolock=args.till_decides_autolock,
                                    currency=args.currency)
        except LookupError:
            print(f"error: no store {args.store!r}", file=sys.stderr)
            return 2
        except ValueError as exc:
            print(f"error: {exc}; nothing was changed", file=sys.stderr)
            return 2
        session.commit()
    limits = data["offline_limits"]
    currency = currency_for(data["currency"])
    lock = (f"{data['autolock_minutes']:g} minutes at most" if data["autolock_minutes"]
            else "each till's own setting")
    print(f"{data['store_code']}: currency {data['currency']}; cash rounding {data['cash_rounding']}; "
          f"offline coupons up to {format_amount(limits['max_offline_coupon'], currency)}; "
          f"card and wallet stop after {limits['noncash_lock_after_hours']} h offline; auto-lock {lock}")
    return 0


def _scale_labels(factory, args: argparse.Namespace) -> int:
    import json

    from .catalog import set_scale_labels

    layouts = None
    if not args.chain_default:
        layouts = []
        for text in args.layout:
            parts = text.split(":")
            if len(parts) not in (2, 3) or (len(parts) == 3 and not parts[2].isdigit()):
                print(f"error: --layout {text!r} is not PREFIX:MEASURE[:ITEM_DIGITS]", file=sys.stderr)
                return 2
            layouts.append({"prefix": parts[0], "measure": parts[1],
                            "item_digits": int(parts[2]) if len(parts) == 3 else 5})
    with factory() as session:
        try:
            data = set_scale_labels(session, args.store, layouts)
        except LookupError:
            print(f"error: no store {args.store!r}", file=sys.stderr)
            return 2
        except ValueError as exc:
            print(f"error: {exc}; nothing was changed", file=sys.stderr)
            return 2
        session.commit()
    print(json.dumps(data["variable_barcodes"], ensure_ascii=False))
    return 0


def _import_catalog(factory, args: argparse.Namespace) -> int:
    import json
    from dataclasses import asdict
    from pathlib import Path

    from .catalog_import import CatalogFileError, import_catalog

    path = Path(args.file)
    if not path.is_file():
        print(f"error: no file {path}", file=sys.stderr)
        return 2
    with factory() as session:
        try:
            report = import_catalog(session, path)
        except CatalogFileError as exc:
            print(f"error: {path}: {exc}; nothing was imported", file=sys.stderr)
            return 1
        if report.ok:
            session.commit()
        else:
            session.rollback()
    if args.json:
        print(json.dumps({**asdict(report), "errors": [{"line": n, "reason": r} for n, r in report.errors],
                          "imported": report.ok}, ensure_ascii=False, indent=2))
    if not report.ok:
        if not args.json:
            for line, reason in report.errors:
                print(f"{path}:{line}: {reason}", file=sys.stderr)
        print(f"error: {len(report.errors)} problem(s) in {report.rows} rows; nothing was imported",
              file=sys.stderr)
        return 1
    if not args.json:
        print(f"imported {path}: {report.products} products in {report.rows} rows: {report.added} new, "
              f"{report.updated} changed, {report.unchanged} unchanged; barcodes +{report.barcodes_added} "
              f"-{report.barcodes_removed}; {report.changes} changes for the tills")
    return 0


def _report(factory, args: argparse.Namespace) -> int:
    import json
    from datetime import date

    from pos_client.domain.money import format_amount

    from .reports import UnknownStore, sales_report

    try:
        day = date.fromisoformat(args.date)
    except ValueError:
        print(f"error: --date {args.date!r} is not YYYY-MM-DD", file=sys.stderr)
        return 2
    with factory() as session:
        try:
            result = sales_report(session, args.store, day)
        except UnknownStore:
            print(f"error: no store {args.store!r}", file=sys.stderr)
            return 2
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return 0
    print(f"{result['store']} {result['date']} ({result['timezone']}): {result['sale_count']} sales")
    for key in ("gross", "discounts", "net"):
        print(f"  {key:>9}: {format_amount(result[key])}")
    for tender in result["tenders"]:
        print(f"  {tender['kind']:>9}: {format_amount(tender['amount'])} ({tender['count']})")
    return 0


def _shifts(factory, args: argparse.Namespace) -> int:
    import json
    from datetime import date

    from pos_client.domain.money import format_amount

    from .reports import UnknownStore, shifts_report

    try:
        day = date.fromisoformat(args.date)
    except ValueError:
        print(f"error: --date {args.date!r} is not YYYY-MM-DD", file=sys.stderr)
        return 2
    with factory() as session:
        try:
            result = shifts_report(session, args.store, day)
        except UnknownStore:
            print(f"error: no store {args.store!r}", file=sys.stderr)
            return 2
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return 0
    print(f"{result['store']} {result['date']} ({result['timezone']}): "
          f"{len(result['shifts'])} shifts closed, over/short {format_amount(result['over_short'])}")
    for s in result["shifts"]:
        print(f"  till {s['terminal_no']} Z{s['z_no']:05d} {s['opened_at'][:16]}..{s['closed_at'][:16]} "
              f"{s['closed_by']}: float {format_amount(s['opening_float'])}, expected "
              f"{format_amount(s['expected_cash'])}, counted {format_amount(s['counted_cash'])}, "
              f"over/short {format_amount(s['over_short'])}, {s['sale_count']} sales")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
