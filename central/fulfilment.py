"""Ship-from-store: delivery orders routed to the nearest store that has the stock.

A delivery order goes whole to the nearest store that can fill every line (available =
on hand − reserved, as for pickup); only when no single store can is it split, each line
to the nearest store that has it.  Each store's part is a `fulfilment_order`, with
reservations like a pickup order's (until the ship-by time), sent down to that store
only.  The store picks (`fulfilment.picked`), ships with the courier's tracking number
(`fulfilment.shipped`: reservation and stock consumed once), or rejects lines it cannot
fill (`fulfilment.rejected`): they are released there and routed to the next nearest
store that has not refused them; a line no store can fill is marked unfillable and a
note opened.  Reservations are taken under the store's change-scope lock, as in pickup.
"""

from __future__ import annotations

import math
import secrets
from datetime import datetime, timedelta

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.orm import Session

from pos_client.domain import pickup as rules
from sync.protocol import ErrorBody, Event, FulfilmentPicked, FulfilmentRejected, FulfilmentShipped

from .changelog import reserve_seqs
from .db import utcnow
from .models import DeliveryOrder, FulfilmentOrder, Note, Product, Reservation, Store, StoreLocation
from .pickup import PickupError, _iso, _publish, _store_silent, availability, reservation_data
from .stock import move_stock_many

ENTITY = "fulfilment_order"
SHIP_WITHIN = timedelta(hours=24)
_FO = FulfilmentOrder.__table__
_DO = DeliveryOrder.__table__
_RES = Reservation.__table__

# Demo store coordinates (micro-degrees): Shanghai, Beijing, Shenzhen.
DEMO_LOCATIONS = {
    "S001": (31_229_000, 121_454_000),
    "S002": (39_936_000, 116_455_000),
    "S003": (22_541_000, 114_110_000),
}


def distance_km(lat_a: int, lon_a: int, lat_b: int, lon_b: int) -> int:
    """Great-circle distance in whole kilometres between two points in micro-degrees."""
    la, lb = math.radians(lat_a / 1e6), math.radians(lat_b / 1e6)
    dlat, dlon = lb - la, math.radians((lon_b - lon_a) / 1e6)
    h = math.sin(dlat / 2) ** 2 + math.cos(la) * math.cos(lb) * math.sin(dlon / 2) ** 2
    return round(2 * 6371 * math.asin(min(1.0, math.sqrt(h))))


def set_location(session: Session, store_code: str, latitude_e6: int, longitude_e6: int) -> None:
    store = session.scalar(select(Store).where(Store.code == store_code))
    if store is None:
        raise LookupError(store_code)
    row = session.get(StoreLocation, store.id)
    if row is None:
        session.add(StoreLocation(store_id=store.id, latitude_e6=latitude_e6, longitude_e6=longitude_e6))
    else:
        row.latitude_e6, row.longitude_e6 = latitude_e6, longitude_e6
    session.flush()


def seed_demo_locations(session: Session) -> None:
    for code, (lat, lon) in DEMO_LOCATIONS.items():
        if session.scalar(select(Store.id).where(Store.code == code)):
            set_location(session, code, lat, lon)


def stores_by_distance(conn: Connection, lat: int, lon: int) -> list[tuple[str, str, int]]:
    """(store id, code, km) of every located store, nearest first (ties by store code)."""
    rows = conn.execute(
        select(Store.id, Store.code, StoreLocation.latitude_e6, StoreLocation.longitude_e6).join(
            StoreLocation, StoreLocation.store_id == Store.id
        )
    ).all()
    ranked = [(sid, code, distance_km(lat, lon, la, lo)) for sid, code, la, lo in rows]
    return sorted(ranked, key=lambda r: (r[2], r[1]))


def _can_fill(conn: Connection, store_id: str, wanted: dict[str, int], now: datetime) -> bool:
    if _store_silent(conn, store_id, now):
        return False
    free = availability(conn, store_id, sorted(wanted), now)
    return all(free[sku]["available"] >= qty for sku, qty in wanted.items())


def _route(conn: Connection, lines: list[dict], lat: int, lon: int, now: datetime) -> dict[str, list[dict]]:
    """store id → the lines it ships.  Whole to one store if any can; else line by line."""
    ranked = stores_by_distance(conn, lat, lon)
    wanted: dict[str, int] = {}
    for ln in lines:
        wanted[ln["sku"]] = wanted.get(ln["sku"], 0) + ln["qty"]
    for store_id, _code, _km in ranked:
        if not any(store_id in ln.get("tried", []) for ln in lines) and _can_fill(
            conn, store_id, wanted, now
        ):
            return {store_id: lines}
    routed: dict[str, list[dict]] = {}
    for ln in lines:
        for store_id, _code, _km in ranked:
            if store_id in ln.get("tried", []):
                continue
            already = sum(x["qty"] for x in routed.get(store_id, []) if x["sku"] == ln["sku"])
            if _can_fill(conn, store_id, {ln["sku"]: ln["qty"] + already}, now):
                routed.setdefault(store_id, []).append(ln)
                break
    return routed


def _fulfilment_data(conn: Connection, f) -> dict:
    d = conn.execute(select(_DO.c.customer_name, _DO.c.address).where(_DO.c.id == f.delivery_order_id)).one()
    return {
        "fulfilment_id": f.id,
        "delivery_order_id": f.delivery_order_id,
        "status": f.status,
        "lines": f.lines,
        "ship_by": _iso(f.ship_by),
        "customer": rules.mask_name(d.customer_name),
        "city_hint": d.address[:6],
        "tracking_no": f.tracking_no,
        "conflict": f.conflict,
    }


def _open_fulfilment(conn: Connection, order_id: str, store_id: str, lines: list[dict], now: datetime) -> str:
    """One store's part: its row, its reservations, and their changes for that store."""
    fid = "FF" + secrets.token_hex(6).upper()
    ship_by = now + SHIP_WITHIN
    part = [
        {
            "line_no": ln["line_no"],
            "sku": ln["sku"],
            "name": ln["name"],
            "qty": ln["qty"],
            "picked": 0,
            "status": "open",
        }
        for ln in lines
    ]
    first = reserve_seqs(conn, store_id, 1 + len(part))  # the store's lock, then its rows
    conn.execute(
        insert(_FO).values(
            id=fid,
            delivery_order_id=order_id,
            store_id=store_id,
            status="routed",
            lines=part,
            ship_by=ship_by,
            created_at=now,
        )
    )
    rows = [
        {
            "id": f"{fid}-{ln['line_no']}",
            "store_id": store_id,
            "order_id": fid,
            "line_no": ln["line_no"],
            "sku": ln["sku"],
            "qty": ln["qty"],
            "status": "held",
            "expires_at": ship_by,
            "created_at": now,
        }
        for ln in part
    ]
    conn.execute(insert(_RES), rows)
    f = conn.execute(select(_FO).where(_FO.c.id == fid)).one()
    entries = [(ENTITY, fid, "upsert", _fulfilment_data(conn, f))]
    entries += [("reservation", r["id"], "upsert", reservation_data(_Row(r))) for r in rows]
    _publish(conn, store_id, entries, now, first)
    for ln in lines:
        ln.update(store_id=store_id, fulfilment_id=fid, status="routed")
    return fid


class _Row:
    def __init__(self, d: dict) -> None:
        self.__dict__.update(d)


def create_delivery_order(
    session: Session,
    *,
    external_ref: str,
    customer_name: str,
    customer_phone: str,
    address: str,
    latitude_e6: int,
    longitude_e6: int,
    lines: list,
    now: datetime | None = None,
) -> dict:
    now = now or utcnow()
    existing = session.scalar(select(DeliveryOrder).where(DeliveryOrder.external_ref == external_ref))
    if existing is not None:
        return delivery_answer(session.connection(), existing.id)
    conn = session.connection()
    lock_all_scopes(conn)
    names = dict(
        conn.execute(
            select(Product.sku, Product.name).where(Product.sku.in_(sorted({ln.sku for ln in lines})))
        ).all()
    )
    order_lines = [
        {
            "line_no": i,
            "sku": ln.sku,
            "name": ln.name or names.get(ln.sku, ln.sku),
            "qty": ln.qty,
            "unit_price": ln.unit_price,
            "amount": ln.unit_price * ln.qty,
            "tried": [],
        }
        for i, ln in enumerate(lines, start=1)
    ]
    routed = _route(conn, order_lines, latitude_e6, longitude_e6, now)
    if sum(len(v) for v in routed.values()) < len(order_lines):
        placed = {id(ln) for part in routed.values() for ln in part}
        short = [ln["sku"] for ln in order_lines if id(ln) not in placed]
        raise PickupError(409, "not_enough_stock", "No store can ship " + ", ".join(short) + " now.")
    order_id = "DO" + secrets.token_hex(6).upper()
    conn.execute(
        insert(_DO).values(
            id=order_id,
            external_ref=external_ref,
            status="routed",
            customer_name=customer_name[:100],
            customer_phone=customer_phone[:20],
            address=address[:300],
            latitude_e6=latitude_e6,
            longitude_e6=longitude_e6,
            lines=order_lines,
            created_at=now,
        )
    )
    for store_id, part in routed.items():
        _open_fulfilment(conn, order_id, store_id, part, now)
    conn.execute(update(_DO).where(_DO.c.id == order_id).values(lines=order_lines))
    return delivery_answer(conn, order_id)


def delivery_answer(conn: Connection, order_id: str) -> dict:
    o = conn.execute(select(_DO).where(_DO.c.id == order_id)).one()
    codes = dict(conn.execute(select(Store.id, Store.code)).all())
    return {
        "order_id": o.id,
        "external_ref": o.external_ref,
        "status": o.status,
        "lines": [
            {k: v for k, v in ln.items() if k != "tried"} | {"store_code": codes.get(ln.get("store_id"))}
            for ln in o.lines
        ],
    }


def cancel_delivery_order(session: Session, order_id: str, now: datetime | None = None) -> dict:
    """Cancelled online: every part not yet shipped is released at its store.  A store that ships
    it anyway before hearing of this (offline) is a conflict at central, not a refusal."""
    now = now or utcnow()
    conn = session.connection()
    lock_all_scopes(conn)
    order = conn.execute(select(_DO).where(_DO.c.id == order_id).with_for_update()).first()
    if order is None:
        raise PickupError(404, "unknown_order", f"No delivery order {order_id}.")
    if order.status in ("shipped", "partly_shipped"):
        raise PickupError(409, "shipped", f"Delivery order {order_id} has shipped; take it back as a return.")
    for f in conn.execute(
        select(_FO).where(_FO.c.delivery_order_id == order_id, _FO.c.status.in_(("routed", "picked")))
    ).all():
        conn.execute(update(_FO).where(_FO.c.id == f.id).values(status="cancelled"))
        conn.execute(
            update(_RES).where(_RES.c.order_id == f.id, _RES.c.status == "held").values(status="released")
        )
        _republish(conn, f.store_id, f.id, now)
    conn.execute(update(_DO).where(_DO.c.id == order_id).values(status="cancelled"))
    return delivery_answer(conn, order_id)


# ------------------------------------------------------------------ events
class UnknownFulfilment(Exception):
    def __init__(self, fid: str) -> None:
        super().__init__(fid)
        self.code, self.message = "unknown_fulfilment", f"No fulfilment order {fid} for this store."


def lock_all_scopes(conn: Connection) -> None:
    """Routing may touch any located store: take their scope locks up front, in store-id order,
    so two routings (or a routing and a re-routing) never wait on each other in a circle."""
    for sid in sorted(conn.execute(select(StoreLocation.store_id)).scalars()):
        reserve_seqs(conn, sid, 0)


def _locked(conn: Connection, store_id: str, fid: str):
    reserve_seqs(conn, store_id, 0)
    f = conn.execute(select(_FO).where(_FO.c.id == fid, _FO.c.store_id == store_id).with_for_update()).first()
    if f is None:
        raise UnknownFulfilment(fid)
    return f


def _republish(conn: Connection, store_id: str, fid: str, now: datetime) -> None:
    f = conn.execute(select(_FO).where(_FO.c.id == fid)).one()
    entries = [(ENTITY, fid, "upsert", _fulfilment_data(conn, f))]
    for r in conn.execute(select(_RES).where(_RES.c.order_id == fid).order_by(_RES.c.line_no)).all():
        entries.append(
            ("reservation", r.id, "upsert", reservation_data(r))
            if r.status == "held"
            else ("reservation", r.id, "delete", None)
        )
    _publish(conn, store_id, entries, now)


def apply_picked(
    conn: Connection, device_id: str, store_id: str, event: Event, p: FulfilmentPicked, now: datetime
) -> ErrorBody | None:
    f = _locked(conn, store_id, p.fulfilment_id)
    if f.status != "routed":
        return None
    lines = [dict(ln) for ln in f.lines]
    got = {x.line_no: x.qty for x in p.lines}
    for ln in lines:
        if ln["status"] == "open":
            ln["picked"] = min(ln["qty"], got.get(ln["line_no"], 0))
    conn.execute(update(_FO).where(_FO.c.id == f.id).values(status="picked", lines=lines))
    _republish(conn, store_id, f.id, now)
    return None


def apply_shipped(
    conn: Connection, device_id: str, store_id: str, event: Event, p: FulfilmentShipped, now: datetime
) -> ErrorBody | None:
    f = _locked(conn, store_id, p.fulfilment_id)
    if f.status == "shipped":
        message = (
            f"Fulfilment {f.id} was shipped twice (tracking {f.tracking_no}, then {p.tracking_no}); "
            "stock was counted once."
        )
        conn.execute(
            insert(Note.__table__),
            {
                "store_id": store_id,
                "device_id": device_id,
                "kind": "fulfilment_conflict",
                "created_at": now,
                "message": message,
            },
        )
        return ErrorBody(code="fulfilment_shipped_twice", message=message)
    conflict = None
    if f.status == "cancelled":
        message = (
            f"Fulfilment {f.id} was cancelled online but shipped by {p.staff} at till {p.terminal_no} "
            f"(tracking {p.tracking_no}): stop the parcel or refund the customer."
        )
        conn.execute(
            insert(Note.__table__),
            {
                "store_id": store_id,
                "device_id": device_id,
                "kind": "fulfilment_conflict",
                "created_at": now,
                "message": message,
            },
        )
        conn.execute(update(_FO).where(_FO.c.id == f.id).values(conflict="fulfilment_cancelled_then_shipped"))
        conflict = ErrorBody(code="fulfilment_cancelled_then_shipped", message=message)
    lines = [dict(ln) for ln in f.lines]
    sent = {x.line_no: x.qty for x in p.lines}
    moved: dict[str, int] = {}
    for ln in lines:
        qty = min(sent.get(ln["line_no"], 0), ln["qty"]) if ln["status"] == "open" else 0
        if qty:
            ln["status"], ln["shipped"] = "shipped", qty
            moved[ln["sku"]] = moved.get(ln["sku"], 0) - qty
            conn.execute(
                update(_RES)
                .where(_RES.c.order_id == f.id, _RES.c.line_no == ln["line_no"], _RES.c.status == "held")
                .values(status="consumed")
            )
    conn.execute(
        update(_FO)
        .where(_FO.c.id == f.id)
        .values(
            status="shipped",
            lines=lines,
            carrier=p.carrier,
            tracking_no=p.tracking_no,
            shipped_event=event.event_id,
        )
    )
    move_stock_many(conn, store_id, moved, "ship", event.event_id, now)
    _settle_delivery(conn, f.delivery_order_id, f.id, {ln["line_no"]: ln["status"] for ln in lines})
    _republish(conn, store_id, f.id, now)
    return conflict


def apply_rejected(
    conn: Connection, device_id: str, store_id: str, event: Event, p: FulfilmentRejected, now: datetime
) -> ErrorBody | None:
    """Release the refused lines here and route them to the next nearest store that has them."""
    lock_all_scopes(conn)
    f = _locked(conn, store_id, p.fulfilment_id)
    lines = [dict(ln) for ln in f.lines]
    refused = {x.line_no for x in p.lines}
    for ln in lines:
        if ln["line_no"] in refused and ln["status"] == "open":
            ln["status"] = "rejected"
            conn.execute(
                update(_RES)
                .where(_RES.c.order_id == f.id, _RES.c.line_no == ln["line_no"], _RES.c.status == "held")
                .values(status="released")
            )
    status = "rejected" if all(ln["status"] == "rejected" for ln in lines) else f.status
    conn.execute(update(_FO).where(_FO.c.id == f.id).values(status=status, lines=lines))
    _republish(conn, store_id, f.id, now)
    # Re-route: the delivery order's lines that were refused here.
    order = conn.execute(select(_DO).where(_DO.c.id == f.delivery_order_id).with_for_update()).one()
    order_lines = [dict(ln) for ln in order.lines]
    again = [
        ln
        for ln in order_lines
        if ln.get("fulfilment_id") == f.id
        and ln["line_no"] in {x["line_no"] for x in lines if x["status"] == "rejected"}
        and ln.get("status") == "routed"
    ]
    for ln in again:
        ln["tried"] = [*ln.get("tried", []), store_id]
    routed = _route(conn, again, order.latitude_e6, order.longitude_e6, now) if again else {}
    for new_store, part in routed.items():
        _open_fulfilment(conn, order.id, new_store, part, now)
    placed = {id(ln) for part in routed.values() for ln in part}
    stuck = [ln for ln in again if id(ln) not in placed]
    for ln in stuck:
        ln["status"] = "unfillable"
    conn.execute(update(_DO).where(_DO.c.id == order.id).values(lines=order_lines))
    if stuck:
        message = (
            f"Delivery order {order.id}: no store can ship "
            + ", ".join(f"{ln['sku']} x{ln['qty']}" for ln in stuck)
            + "; contact the customer."
        )
        conn.execute(
            insert(Note.__table__),
            {
                "store_id": store_id,
                "device_id": device_id,
                "kind": "fulfilment_unfillable",
                "created_at": now,
                "message": message,
            },
        )
    return None


def _settle_delivery(conn: Connection, order_id: str, fid: str, statuses: dict[int, str]) -> None:
    order = conn.execute(select(_DO).where(_DO.c.id == order_id).with_for_update()).one()
    lines = [dict(ln) for ln in order.lines]
    for ln in lines:
        if ln.get("fulfilment_id") == fid and statuses.get(ln["line_no"]) == "shipped":
            ln["status"] = "shipped"
    done = {ln["status"] for ln in lines}
    status = "shipped" if done == {"shipped"} else ("partly_shipped" if "shipped" in done else order.status)
    conn.execute(update(_DO).where(_DO.c.id == order_id).values(lines=lines, status=status))


def snapshot_fulfilments(store_id: str):
    return select(FulfilmentOrder).where(
        FulfilmentOrder.store_id == store_id, FulfilmentOrder.status.in_(("routed", "picked"))
    )


# Home deliveries the demo's web shop took, to addresses in Shanghai: the nearest store with the
# stock is S001, so the demo till's fulfilment queue (Ctrl+E) has work on it.
DEMO_DELIVERIES = (
    ("DEMO-DEL-001", "陈静", "13900001111", "上海市静安区南京西路 1266 号 12 楼", 31_230_500, 121_452_000),
    ("DEMO-DEL-002", "Liu Yang", "13900002222", "上海市黄浦区淮海中路 300 号", 31_221_000, 121_472_000),
)


def seed_demo_deliveries(session: Session, now: datetime | None = None) -> list[dict]:
    """Two delivery orders routed by the real routing (not placed by hand); none if any exist."""
    from sqlalchemy import func

    from .models import Price, StockLevel
    from .pickup import OrderLineIn

    if session.scalar(select(func.count()).select_from(DeliveryOrder)):
        return []
    s001 = session.scalar(select(Store.id).where(Store.code == "S001"))
    if s001 is None:
        return []
    stocked = session.execute(
        select(Product.sku, Price.amount).join(Price, Price.sku == Product.sku)
        .join(StockLevel, StockLevel.sku == Product.sku)
        .where(Price.scope == "*", StockLevel.store_id == s001, StockLevel.on_hand >= 20,
               Product.unit != "kg")
        .order_by(Product.sku.desc()).limit(3)
    ).all()
    if len(stocked) < 3:
        return []
    made = []
    for i, (ref, name, phone, address, lat, lon) in enumerate(DEMO_DELIVERIES):
        lines = [OrderLineIn(sku, qty, amount)
                 for (sku, amount), qty in zip(stocked[i:i + 2], (1, 2), strict=False)]
        made.append(create_delivery_order(session, external_ref=ref, customer_name=name,
                                          customer_phone=phone, address=address, latitude_e6=lat,
                                          longitude_e6=lon, lines=lines, now=now))
    session.commit()
    return made
