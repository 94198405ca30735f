"""Promotions from central price sales at the till offline, and central recomputes every sale."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlalchemy import select, text

from central.db import session_factory
from central.models import Note, SalePricing
from central.promotions import DEMO_PROMOTIONS, end_promotion, put_promotion
from central.server import EmbeddedCentral
from pos_client.domain.sale import Cashier
from pos_client.services.checkout import CheckoutService
from pos_client.services.till import Till
from tests.helpers import central_events, central_sales
from tests.helpers import run_main as run

CASHIER = Cashier("s", "1001", "李娜")
GREEN_TEA = "6972718281825"  # 统一 绿茶, 饮料, 13.40
PRINGLES = "6958898621712"  # 品客 薯片, 休闲零食, 15.70
YOGURT = "6925078961609"  # 君乐宝 酸奶, 乳制品, 10.20


def put(central: EmbeddedCentral, promotion_id: str, definition: dict | None = None) -> int:
    with session_factory(central.app.state.engine)() as s:
        version = put_promotion(s, promotion_id, definition or DEMO_PROMOTIONS[promotion_id])
        s.commit()
    return version


def sync(till: Till):
    with till.client() as client:
        report = till.sync_engine(client).run_once()
    assert report.ok, report.error
    return report


def pricing_at_central(central: EmbeddedCentral, sale_id: str) -> SalePricing:
    with session_factory(central.app.state.engine)() as s:
        row = s.get(SalePricing, sale_id)
        assert row is not None
        return row


def notes(central: EmbeddedCentral, kind: str) -> list[str]:
    with session_factory(central.app.state.engine)() as s:
        return list(s.scalars(select(Note.message).where(Note.kind == kind)))


def at(hour: int) -> datetime:
    """A checkout whose clock reads `hour`:00 in Shanghai (UTC+8)."""
    when = datetime(2026, 12, 2, (hour - 8) % 24, 0, tzinfo=UTC)
    return when


def test_promotions_from_central_price_the_sale_and_central_agrees(till: Till,
                                                                  central: EmbeddedCentral) -> None:
    put(central, "P-DRINK-90")
    put(central, "P-SNACK-2ND")
    sync(till)
    checkout = till.checkout()
    checkout.scan(GREEN_TEA)
    checkout.scan(PRINGLES)
    checkout.scan(PRINGLES)
    assert checkout.cart.total == (1340 - 134) + (3140 - 785)
    names = [a.name for a in checkout.cart.pricing.applied]
    assert names == ["零食第二件半价", "饮料9折"]  # by priority
    sale = checkout.complete_cash_sale(5000, CASHIER)
    assert sale.total == 3561 and sale.change == 5000 - 3561
    assert [a.promotion_id for a in sale.promotions] == ["P-SNACK-2ND", "P-DRINK-90"]

    sync(till)
    [at_central] = central_sales(central)
    assert at_central.total == 3561 and at_central.discount_total == 134 + 785
    recorded = pricing_at_central(central, sale.sale_id)
    assert recorded.recomputed_total == 3561
    versions = {p["promotion_id"]: p["version"] for p in recorded.promotions}
    assert versions == {"P-SNACK-2ND": 1, "P-DRINK-90": 1}
    assert notes(central, "pricing_mismatch") == []
    [event] = central_events(central)[-1:]
    assert event.outcome["conflict"] is None


def test_a_total_the_named_promotions_do_not_give_is_kept_as_sold_and_flagged(
        till: Till, central: EmbeddedCentral) -> None:
    put(central, "P-DRINK-90")
    sync(till)
    checkout = till.checkout()
    checkout.scan(GREEN_TEA)
    sale = checkout.complete_cash_sale(2000, CASHIER)
    assert sale.total == 1206
    # The event as a buggy or tampered till would send it: the discount gone, the promotion still named.
    with till.engine.begin() as conn:
        seq, raw = conn.execute(text("SELECT seq, payload FROM outbox WHERE type = 'sale.completed'")).one()
        payload = json.loads(raw)
        payload["lines"][0].update(discount=0, amount=1340)
        payload.update(discount_total=0, total=1340)
        conn.execute(text("UPDATE outbox SET payload = :p WHERE seq = :s"),
                     {"p": json.dumps(payload, ensure_ascii=False), "s": seq})
    sync(till)
    stats = till.outbox.stats()
    assert (stats.pending, stats.rejected) == (0, 0)  # accepted: the customer paid, the sale is a fact
    [at_central] = central_sales(central)
    assert at_central.total == 1340
    assert pricing_at_central(central, sale.sale_id).recomputed_total == 1206
    [message] = notes(central, "pricing_mismatch")
    assert sale.receipt_no in message and "1340" in message and "1206" in message
    assert central_events(central)[-1].outcome["conflict"]["code"] == "pricing_mismatch"


def test_a_sale_priced_offline_with_an_old_version_is_recomputed_with_that_version(
        till: Till, central: EmbeddedCentral) -> None:
    put(central, "P-DRINK-90")
    sync(till)
    checkout = till.checkout()
    checkout.scan(GREEN_TEA)
    sale = checkout.complete_cash_sale(2000, CASHIER)  # 10 % off, version 1
    deeper = dict(DEMO_PROMOTIONS["P-DRINK-90"], percent_off=30, name="饮料7折")
    assert put(central, "P-DRINK-90", deeper) == 2  # central changes it before the till reconnects
    sync(till)
    assert pricing_at_central(central, sale.sale_id).recomputed_total == sale.total == 1206
    assert notes(central, "pricing_mismatch") == []
    checkout.new_sale()
    checkout.scan(GREEN_TEA)
    assert checkout.cart.total == 1340 - 402  # the next sale uses version 2


def test_an_ended_promotion_stops_at_the_next_pull(till: Till, central: EmbeddedCentral) -> None:
    put(central, "P-DRINK-90")
    sync(till)
    checkout = till.checkout()
    checkout.scan(GREEN_TEA)
    assert checkout.cart.total == 1206
    with session_factory(central.app.state.engine)() as s:
        assert end_promotion(s, "P-DRINK-90")
        s.commit()
    sync(till)
    checkout.new_sale()
    checkout.scan(GREEN_TEA)
    assert checkout.cart.total == 1340 and checkout.cart.pricing.applied == ()


def test_time_windows_are_the_store_s_wall_clock(till: Till, central: EmbeddedCentral) -> None:
    put(central, "P-DAIRY-EVENING")  # 19:00-22:00, 20 % off dairy
    sync(till)
    for hour, expected in ((12, 1020), (20, 816), (23, 1020)):
        checkout = CheckoutService(till.catalog, till.writer, till.identity(), clock=lambda h=hour: at(h))
        checkout.scan(YOGURT)
        assert checkout.cart.total == expected, hour
    evening = CheckoutService(till.catalog, till.writer, till.identity(), clock=lambda: at(20))
    evening.scan(YOGURT)
    sale = evening.complete_cash_sale(1000, CASHIER)
    assert sale.priced_at_local == "2026-12-02T20:00:00"
    sync(till)
    assert pricing_at_central(central, sale.sale_id).recomputed_total == 816


def test_lookup_shows_the_promotions_that_name_a_product(till: Till, central: EmbeddedCentral) -> None:
    put(central, "P-DRINK-90")
    put(central, "P-COLA-CHIPS")
    put(central, "P-SPEND-300")  # names every product
    sync(till)
    data = str(till.paths.data_dir)
    till.close()
    tea = run("pos_client", "lookup", GREEN_TEA, "--json", "--data-dir", data)
    assert tea.returncode == 0, tea.stderr
    [hit] = json.loads(tea.stdout)
    assert [p["id"] for p in hit["promotions"]] == ["P-DRINK-90", "P-SPEND-300"]
    assert hit["promotions"][0]["name"] == "饮料9折"
    plain = run("pos_client", "lookup", PRINGLES, "--data-dir", data)
    assert "promotion: 满200减20 满300减50" in plain.stdout and "饮料9折" not in plain.stdout
