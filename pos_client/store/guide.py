"""The till's reads and writes for the sales guide and stock work (tables of migration g01)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Engine, func, insert, select, update
from sqlalchemy.dialects.sqlite import insert as upsert

from .schema import (
    commission_rule,
    guide_order,
    network_stock,
    product,
    return_line,
    return_record,
    safety_stock,
    sale,
    sale_guide,
    sale_line,
    sold_tag,
    stock_level,
    transfer,
    variant,
)


@dataclass(frozen=True, slots=True)
class VariantRow:
    sku: str
    name: str
    size: str
    colour: str
    on_hand: int | None


@dataclass(frozen=True, slots=True)
class GuideOrderRow:
    order_id: str
    state: str
    """queued (not yet at central), placed (awaiting payment by link), paid, refused."""
    order_no: str | None
    payment_url: str | None
    guide_code: str
    data: dict
    created_at: str
    error: str | None


@dataclass(frozen=True, slots=True)
class BelowSafety:
    sku: str
    name: str
    on_hand: int
    min_qty: int
    target_qty: int


def _order_row(r) -> GuideOrderRow:
    return GuideOrderRow(r.order_id, r.state, r.order_no, r.payment_url, r.guide_code, json.loads(r.data),
                         r.created_at, r.error)


def record_sale_guide(conn: Connection, sale_id: str, guide_id: str, guide_code: str) -> None:
    conn.execute(insert(sale_guide).values(sale_id=sale_id, guide_id=guide_id, guide_code=guide_code))


class GuideStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # ------------------------------------------------------------ catalog
    def variants(self, sku: str) -> list[VariantRow]:
        """The SKU's style, every size and colour of it (the SKU alone when it has none)."""
        with self.engine.connect() as conn:
            style = conn.scalar(select(variant.c.style).where(variant.c.sku == sku))
            cols = (
                product.c.sku,
                product.c.name,
                func.coalesce(variant.c.size, ""),
                func.coalesce(variant.c.colour, ""),
                stock_level.c.on_hand,
            )
            base = select(*cols).select_from(
                product.outerjoin(variant, variant.c.sku == product.c.sku).outerjoin(
                    stock_level, stock_level.c.sku == product.c.sku
                )
            )
            rows = conn.execute(
                base.where(variant.c.style == style).order_by(variant.c.colour, variant.c.size)
                if style
                else base.where(product.c.sku == sku)
            ).all()
        return [VariantRow(*r) for r in rows]

    def categories(self) -> list[str]:
        with self.engine.connect() as conn:
            return [
                c
                for (c,) in conn.execute(
                    select(product.c.category)
                    .where(product.c.category != "")
                    .distinct()
                    .order_by(product.c.category)
                )
            ]

    def in_category(self, category: str, limit: int = 200) -> list[tuple[str, str]]:
        with self.engine.connect() as conn:
            return [
                tuple(r)
                for r in conn.execute(
                    select(product.c.sku, product.c.name)
                    .where(product.c.category == category)
                    .order_by(product.c.sku)
                    .limit(limit)
                )
            ]  # type: ignore[misc]

    def commission_rules(self) -> list[dict]:
        with self.engine.connect() as conn:
            return [json.loads(d) for (d,) in conn.execute(select(commission_rule.c.data))]

    # ------------------------------------------------------------ network stock
    def keep_network(self, sku: str, data: dict, fetched_at: datetime) -> None:
        """The last answer of central for a style, kept under each of its SKUs for offline use."""
        skus = [v["sku"] for v in data.get("variants", [])] or [sku]
        stmt = upsert(network_stock)
        with self.engine.begin() as conn:
            conn.execute(
                stmt.on_conflict_do_update(
                    index_elements=["sku"],
                    set_={"data": stmt.excluded.data, "fetched_at": stmt.excluded.fetched_at},
                ),
                [
                    {
                        "sku": s,
                        "data": json.dumps(data, ensure_ascii=False),
                        "fetched_at": fetched_at.isoformat(),
                    }
                    for s in skus
                ],
            )

    def last_network(self, sku: str) -> tuple[dict, datetime] | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(network_stock.c.data, network_stock.c.fetched_at).where(network_stock.c.sku == sku)
            ).first()
        return (json.loads(row[0]), datetime.fromisoformat(row[1])) if row else None

    # ------------------------------------------------------------ guide orders
    @staticmethod
    def add_order(conn: Connection, order_id: str, guide_code: str, data: dict, at: datetime) -> None:
        conn.execute(
            insert(guide_order).values(
                order_id=order_id,
                state="queued",
                guide_code=guide_code,
                data=json.dumps(data, ensure_ascii=False),
                created_at=at.isoformat(),
            )
        )

    def order_placed(self, order_id: str, state: str, order_no: str, payment_url: str | None) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(guide_order)
                .where(guide_order.c.order_id == order_id)
                .values(state=state, order_no=order_no, payment_url=payment_url, error=None)
            )

    def order_refused(self, order_id: str, message: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(guide_order)
                .where(guide_order.c.order_id == order_id)
                .values(state="refused", error=message[:300])
            )

    def orders(self, guide_code: str | None = None, limit: int = 100) -> list[GuideOrderRow]:
        stmt = select(guide_order).order_by(guide_order.c.created_at.desc()).limit(limit)
        if guide_code:
            stmt = stmt.where(guide_order.c.guide_code == guide_code)
        with self.engine.connect() as conn:
            return [_order_row(r) for r in conn.execute(stmt).all()]

    def order(self, order_id: str) -> GuideOrderRow | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(guide_order).where(guide_order.c.order_id == order_id)).first()
        return _order_row(row) if row is not None else None

    # ------------------------------------------------------------ stock work
    def levels(self, skus: list[str] | None = None) -> dict[str, tuple[int, int]]:
        """SKU -> (on hand, ledger position) as central last sent them."""
        stmt = select(stock_level.c.sku, stock_level.c.on_hand, stock_level.c.position)
        if skus is not None:
            stmt = stmt.where(stock_level.c.sku.in_(skus))
        with self.engine.connect() as conn:
            return {s: (q, p) for s, q, p in conn.execute(stmt)}

    def sold_since(self, since: datetime) -> tuple[dict[str, int], list[tuple[str, str]]]:
        """Units sold at this till since `since`: untagged units by SKU, and (epc, sku) of tagged ones."""
        start = since.isoformat()
        with self.engine.connect() as conn:
            sold = dict(
                conn.execute(
                    select(sale_line.c.sku, func.sum(sale_line.c.qty))
                    .join(sale, sale.c.sale_id == sale_line.c.sale_id)
                    .where(sale.c.occurred_at >= start, sale_line.c.weight_g.is_(None))
                    .group_by(sale_line.c.sku)
                ).all()
            )
            tags = [
                (e, s)
                for e, s in conn.execute(
                    select(sold_tag.c.epc, sold_tag.c.sku)
                    .join(sale, sale.c.sale_id == sold_tag.c.sale_id)
                    .where(sale.c.occurred_at >= start)
                )
            ]
        untagged = dict(sold)
        for _epc, sku in tags:
            untagged[sku] = untagged.get(sku, 0) - 1
        return {k: int(v) for k, v in untagged.items() if v > 0}, tags

    def below_safety(self) -> list[BelowSafety]:
        on_hand = func.coalesce(stock_level.c.on_hand, 0)
        stmt = (
            select(
                safety_stock.c.sku,
                func.coalesce(product.c.name, safety_stock.c.sku),
                on_hand,
                safety_stock.c.min_qty,
                safety_stock.c.target_qty,
            )
            .select_from(
                safety_stock.outerjoin(stock_level, stock_level.c.sku == safety_stock.c.sku).outerjoin(
                    product, product.c.sku == safety_stock.c.sku
                )
            )
            .where(on_hand < safety_stock.c.min_qty)
            .order_by(safety_stock.c.sku)
        )
        with self.engine.connect() as conn:
            return [BelowSafety(*r) for r in conn.execute(stmt)]

    def transfers(self) -> list[dict]:
        with self.engine.connect() as conn:
            return [
                json.loads(d)
                for (d,) in conn.execute(select(transfer.c.data).order_by(transfer.c.transfer_id))
            ]


def attributed_lines(engine: Engine, since: datetime) -> list[tuple]:
    """(guide_id, guide_code, sale_id, line_no, category, amount) of this till's guide-attributed sales."""
    stmt = (
        select(
            sale_guide.c.guide_id,
            sale_guide.c.guide_code,
            sale_line.c.sale_id,
            sale_line.c.line_no,
            func.coalesce(product.c.category, ""),
            sale_line.c.amount,
        )
        .join(sale, sale.c.sale_id == sale_guide.c.sale_id)
        .join(sale_line, sale_line.c.sale_id == sale.c.sale_id)
        .outerjoin(product, product.c.sku == sale_line.c.sku)
        .where(sale.c.occurred_at >= since.isoformat())
    )
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(stmt)]


def returned_amounts(engine: Engine, sale_ids: list[str]) -> dict[tuple[str, int], list[int]]:
    """(sale_id, line_no) -> amounts returned against it at this till, in order."""
    stmt = (
        select(return_record.c.original_sale_id, return_line.c.original_line_no, return_line.c.amount)
        .join(return_line, return_line.c.return_id == return_record.c.return_id)
        .where(return_record.c.original_sale_id.in_(sale_ids))
        .order_by(return_record.c.occurred_at)
    )
    out: dict[tuple[str, int], list[int]] = {}
    with engine.connect() as conn:
        for sale_id, line_no, amount in conn.execute(stmt):
            if line_no is not None:
                out.setdefault((sale_id, int(line_no)), []).append(int(amount))
    return out
