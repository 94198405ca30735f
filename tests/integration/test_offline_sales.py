"""Central down: the sale still completes, waits in the outbox, and goes when central is back."""

from __future__ import annotations

from sqlalchemy import text

from central.server import EmbeddedCentral
from pos_client.config import save_config
from pos_client.domain.sale import Cashier
from pos_client.services.till import Till
from tests.helpers import central_sales


def test_sale_made_while_central_is_down_is_sent_later(till: Till, central: EmbeddedCentral,
                                                       central_db_url: str) -> None:
    central.stop()
    with till.engine.connect() as conn:
        code = conn.execute(text("SELECT code FROM barcode LIMIT 1")).scalar_one()
    checkout = till.checkout()
    checkout.scan(code)
    sale = checkout.complete_cash_sale(10000, Cashier("s", "1001", "李娜"))
    with till.client() as client:
        report = till.sync_engine(client).run_once()
    assert not report.ok and report.error is not None and report.error.code == "unreachable"
    assert not report.reached_central
    assert till.outbox.stats().pending == 1
    assert till.sales.by_receipt(sale.receipt_no) is not None

    revived = EmbeddedCentral(central_db_url).start()  # same database, new port
    try:
        till.config.central.url = revived.url
        save_config(till.paths.config_file, till.config)
        with till.client() as client:
            report = till.sync_engine(client).run_once()
        assert report.ok and report.pushed == 1
        assert till.outbox.stats().pending == 0
        assert [s.sale_id for s in central_sales(revived)] == [sale.sale_id]
    finally:
        revived.stop()
