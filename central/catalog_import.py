"""Importing a retailer's catalog from CSV: all of it or none of it, changes only.

Columns (header row, any order): sku, barcode, name, name_en, category, brand, unit,
price, member_price.  sku, name and price are required; prices are in yuan with at most
two decimals ("3.5", "12.90"); member_price may be empty.  A SKU with several barcodes
lists them in one cell separated by "|" or ";", or repeats its row with another barcode
(the other cells must then agree).  Barcodes are GTINs with a valid check digit or
internal codes (a letter, then letters, digits, "-", "_", ".").

Every row is checked first and every problem reported with its line number; if there
is any, nothing is written.  Otherwise one transaction inserts new products and updates
changed ones; for a SKU in the file its barcodes become exactly the file's (others are
removed), and an empty member_price removes the member price.  SKUs not in the file are
left alone, so a file may carry part of the catalog.  Only real changes enter the change
log, so re-importing the same file sends nothing to the tills.

Files saved by Excel in China are often GB18030 rather than UTF-8; both are read.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import biip
from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from pos_client.domain.money import InvalidAmount, parse_amount

from .catalog import product_data
from .changelog import ensure_scope, log_changes
from .models import CHAIN_SCOPE, MEMBER_SCOPE, Barcode, Price, Product

COLUMNS = ("sku", "barcode", "name", "name_en", "category", "brand", "unit", "price", "member_price")
REQUIRED = ("sku", "name", "price")
_SKU = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-_.]{0,31}")
_INTERNAL_CODE = re.compile(r"[A-Za-z][A-Za-z0-9\-_.]{1,31}")
_LIMITS = {"name": 200, "name_en": 200, "category": 64, "brand": 64, "unit": 16}
_CHUNK = 900  # SQLite's default limit on bound parameters is 999


@dataclass
class ImportedProduct:
    sku: str
    name: str
    name_en: str
    category: str
    brand: str
    unit: str
    price: int
    member_price: int | None
    barcodes: list[str] = field(default_factory=list)
    line: int = 0


@dataclass
class ImportReport:
    rows: int = 0
    products: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    barcodes_added: int = 0
    barcodes_removed: int = 0
    changes: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


class CatalogFileError(Exception):
    """The file as a whole cannot be read (encoding, no header, missing columns)."""


def read_text(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return raw.decode("gb18030")
        except UnicodeDecodeError as exc:
            raise CatalogFileError("the file is neither UTF-8 nor GB18030 text; "
                                   "save it as CSV UTF-8") from exc


def _barcode_problem(code: str) -> str | None:
    if code.isascii() and code.isdigit():
        if len(code) not in (8, 12, 13, 14):
            return f"barcode {code} has {len(code)} digits (a GTIN has 8, 12, 13 or 14)"
        if biip.parse(code).gtin is None:
            return f"barcode {code} has a wrong check digit"
        return None
    if not _INTERNAL_CODE.fullmatch(code):
        return f"barcode {code!r} is neither a GTIN nor an internal code"
    return None


def parse_rows(text: str, report: ImportReport) -> dict[str, ImportedProduct]:
    """Every row checked; problems go to `report.errors` as (line, reason)."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if reader.fieldnames is None:
        raise CatalogFileError("the file is empty")
    header = [h.strip().lower() for h in reader.fieldnames]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise CatalogFileError(f"the header lacks column(s) {', '.join(missing)}; "
                               f"expected {', '.join(COLUMNS)}")
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        raise CatalogFileError(f"unknown column(s) {', '.join(unknown)}; expected {', '.join(COLUMNS)}")
    reader.fieldnames = header
    products: dict[str, ImportedProduct] = {}
    owner: dict[str, tuple[str, int]] = {}
    for record in reader:
        line = reader.line_num
        report.rows += 1
        if None in record:
            report.errors.append((line, "more cells than columns in the header"))
            continue
        cells = {k: (v or "").strip() for k, v in record.items()}
        problems = []
        sku = cells.get("sku", "")
        if not _SKU.fullmatch(sku):
            problems.append(f"sku {sku!r} must be 1-32 letters, digits, '-', '_' or '.'" if sku
                            else "sku is empty")
        if not cells.get("name"):
            problems.append("name is empty")
        for column, limit in _LIMITS.items():
            if len(cells.get(column, "")) > limit:
                problems.append(f"{column} is longer than {limit} characters")
        price = member = None
        try:
            price = parse_amount(cells.get("price", ""))
        except InvalidAmount:
            problems.append(f"price {cells.get('price', '')!r} is not an amount in yuan (like 12.90)")
        if cells.get("member_price"):
            try:
                member = parse_amount(cells["member_price"])
            except InvalidAmount:
                problems.append(f"member_price {cells['member_price']!r} is not an amount in yuan")
        if price is not None and member is not None and member > price:
            problems.append("member_price is above price")
        # Internal codes are kept upper-case, as a till reads them whatever the label's case.
        codes = [c.strip().upper() for c in re.split(r"[|;]", cells.get("barcode", "")) if c.strip()]
        for code in codes:
            problem = _barcode_problem(code)
            if problem:
                problems.append(problem)
            elif code in owner and owner[code][0] != sku:
                problems.append(f"barcode {code} is also given to {owner[code][0]} on line {owner[code][1]}")
            else:
                owner.setdefault(code, (sku, line))
        if problems:
            report.errors.extend((line, p) for p in problems)
            continue
        assert price is not None
        row = ImportedProduct(sku=sku, name=cells["name"], name_en=cells.get("name_en", ""),
                              category=cells.get("category", ""), brand=cells.get("brand", ""),
                              unit=cells.get("unit", ""), price=price, member_price=member, line=line)
        earlier = products.get(sku)
        if earlier is None:
            row.barcodes = list(dict.fromkeys(codes))
            products[sku] = row
        elif (earlier.name, earlier.name_en, earlier.category, earlier.brand, earlier.unit, earlier.price,
              earlier.member_price) != (row.name, row.name_en, row.category, row.brand, row.unit,
                                        row.price, row.member_price):
            report.errors.append((line, f"sku {sku} appears on line {earlier.line} with different details"))
        else:
            earlier.barcodes.extend(c for c in codes if c not in earlier.barcodes)
    return products


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i:i + _CHUNK]


def import_catalog(session: Session, path: Path) -> ImportReport:
    """Check the whole file, then apply it in the session's transaction (the caller commits)."""
    report = ImportReport()
    products = parse_rows(read_text(path), report)
    report.products = len(products)
    if report.errors:
        return report
    skus = sorted(products)
    taken_elsewhere = _barcodes_owned_elsewhere(session, products)
    if taken_elsewhere:
        # A barcode moving from a SKU not in the file would leave that SKU silently without it.
        for code, other in taken_elsewhere:
            sku = next(s for s, p in products.items() if code in p.barcodes)
            report.errors.append((products[sku].line, f"barcode {code} belongs to {other}, which is not in "
                                                      "this file; move it by listing both SKUs"))
        return report
    apply_products(session, [products[s] for s in skus], report)
    return report


def _barcodes_owned_elsewhere(session: Session,
                              products: dict[str, ImportedProduct]) -> list[tuple[str, str]]:
    codes = sorted({c for p in products.values() for c in p.barcodes})
    found = []
    for part in _chunks(codes):
        for code, sku in session.execute(select(Barcode.code, Barcode.sku).where(Barcode.code.in_(part))):
            if sku not in products:
                found.append((code, sku))
    return found


def apply_products(session: Session, rows: Iterable[ImportedProduct], report: ImportReport) -> None:
    ensure_scope(session, CHAIN_SCOPE)
    rows = list(rows)
    skus = [r.sku for r in rows]
    have_products: dict[str, dict] = {}
    have_codes: dict[str, set[str]] = {s: set() for s in skus}
    have_prices: dict[tuple[str, str], int] = {}
    for part in _chunks(skus):
        for p in session.execute(select(Product.sku, Product.name, Product.name_en, Product.category,
                                        Product.brand, Product.unit, Product.pinyin, Product.initials)
                                 .where(Product.sku.in_(part))):
            have_products[p.sku] = dict(p._mapping)
        for code, sku in session.execute(select(Barcode.code, Barcode.sku).where(Barcode.sku.in_(part))):
            have_codes[sku].add(code)
        for sku, scope, amount in session.execute(select(Price.sku, Price.scope, Price.amount).where(
                Price.sku.in_(part), Price.scope.in_(["*", MEMBER_SCOPE]))):
            have_prices[(sku, scope)] = amount

    changes: list[dict] = []
    # Removed barcodes first: a barcode may move between two SKUs of this file.
    for row in rows:
        for code in sorted(have_codes[row.sku] - set(row.barcodes)):
            session.execute(delete(Barcode).where(Barcode.code == code))
            changes.append({"entity": "barcode", "entity_id": code, "op": "delete", "data": None})
            report.barcodes_removed += 1
    session.flush()
    for row in rows:
        data = product_data(row)  # type: ignore[arg-type]
        before = have_products.get(row.sku)
        changed = before != data
        if before is None:
            session.execute(insert(Product).values(**data))
        elif changed:
            session.execute(update(Product).where(Product.sku == row.sku).values(**data))
        if changed:
            changes.append({"entity": "product", "entity_id": row.sku, "op": "upsert", "data": data})
        for code in row.barcodes:
            if code in have_codes[row.sku]:
                continue
            moved = session.execute(update(Barcode).where(Barcode.code == code).values(sku=row.sku)).rowcount
            if not moved:
                session.execute(insert(Barcode).values(code=code, sku=row.sku))
            changes.append({"entity": "barcode", "entity_id": code, "op": "upsert",
                            "data": {"code": code, "sku": row.sku}})
            report.barcodes_added += 1
            changed = True
        changed |= bool(have_codes[row.sku] - set(row.barcodes))
        changed |= _set_price(session, row.sku, "*", "chain", row.price, have_prices, changes)
        changed |= _set_price(session, row.sku, MEMBER_SCOPE, MEMBER_SCOPE, row.member_price, have_prices,
                              changes)
        if before is None:
            report.added += 1
        elif changed:
            report.updated += 1
        else:
            report.unchanged += 1
    log_changes(session, CHAIN_SCOPE, changes)
    report.changes = len(changes)


def _set_price(session: Session, sku: str, scope: str, wire_scope: str, amount: int | None,
               have: dict[tuple[str, str], int], changes: list[dict]) -> bool:
    before = have.get((sku, scope))
    if amount == before:
        return False
    entity_id = f"{sku}@{scope}"
    if amount is None:
        session.execute(delete(Price).where(Price.sku == sku, Price.scope == scope))
        changes.append({"entity": "price", "entity_id": entity_id, "op": "delete", "data": None})
    else:
        if before is None:
            session.execute(insert(Price).values(sku=sku, scope=scope, amount=amount))
        else:
            session.execute(update(Price).where(Price.sku == sku, Price.scope == scope).values(amount=amount))
        changes.append({"entity": "price", "entity_id": entity_id, "op": "upsert",
                        "data": {"sku": sku, "amount": amount, "scope": wire_scope}})
    return True
