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
    seed = sub.add_parser("seed-demo", help="create the demo chain in an empty database")
    seed.add_argument("--db", default=DEFAULT_DB)
    seed.add_argument("--products", type=int, default=2000)
    enroll = sub.add_parser("enroll", help="make a one-time enrolment code for a store (valid 24 h)")
    enroll.add_argument("--db", default=DEFAULT_DB)
    enroll.add_argument("--store", required=True, help="store code, e.g. S001")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from .db import init_db, make_engine, session_factory

    if args.command == "serve":
        import uvicorn

        from .app import create_app

        uvicorn.run(create_app(args.db), host=args.host, port=args.port, log_level="info")
        return 0
    engine = make_engine(args.db)
    init_db(engine)
    factory = session_factory(engine)
    if args.command == "seed-demo":
        from .seed import seed_demo

        with factory() as session:
            count = seed_demo(session, args.products)
        print(f"demo chain ready: 3 stores, 5 staff, {count} products")
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


if __name__ == "__main__":
    raise SystemExit(main())
