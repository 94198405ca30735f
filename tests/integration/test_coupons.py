"""Coupons claimed online, redeemed in store: checked live when online, within the offline limit
when not, and a coupon used twice offline is kept and listed for loss prevention."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from central.coupons import issue_coupon, loss_prevention
from central.db import session_factory
from central.models import Coupon
from central.server import EmbeddedCentral
from pos_client.config import Paths
from pos_client.domain.coupons import CouponRefused
from pos_client.domain.sale import Cashier
from pos_client.services.till import Till, enroll
from tests.conftest import make_code
from tests.helpers import run_main as run

CASHIER = Cashier("s", "1001", "李娜")
GREEN_TEA = "6972718281825"  # 13.40


def sync(till: Till) -> None:
    with till.client() as client:
        report = till.sync_engine(client).run_once()
    assert report.ok, report.error


def live(till: Till, code: str):
    with till.client() as client:
        return client.validate_coupon(code)


@pytest.fixture
def second_till(central: EmbeddedCentral, tmp_path: Path) -> Iterator[Till]:
    paths = Paths.resolve(tmp_path / "till-2")
    enroll(paths, central.url, make_code(central, "S002"), "till-2")
    t = Till(paths)
    sync(t)
    yield t
    t.close()


def status(central: EmbeddedCentral, code: str) -> str:
    with session_factory(central.app.state.engine)() as s:
        return s.get(Coupon, code).status


def test_online_a_coupon_is_checked_live_redeemed_once_and_refused_after(
        till: Till, second_till: Till, central: EmbeddedCentral) -> None:
    checkout = till.checkout()
    for _ in range(8):
        checkout.scan(GREEN_TEA)  # 107.20
    checkout.add_coupon("cpdemo100off20", live(till, "CPDEMO100OFF20"))
    assert checkout.cart.total == 10720 - 2000
    sale = checkout.complete_cash_sale(10_000, CASHIER)
    assert sale.coupon_codes == ("CPDEMO100OFF20",)
    checkout.new_sale()
    for _ in range(8):
        checkout.scan(GREEN_TEA)
    with pytest.raises(CouponRefused, match="used"):
        checkout.add_coupon("CPDEMO100OFF20", None)  # this till knows it used it, even offline
    sync(till)
    assert status(central, "CPDEMO100OFF20") == "redeemed"
    other = second_till.checkout()
    other.scan(GREEN_TEA)
    with pytest.raises(CouponRefused) as refused:
        other.add_coupon("CPDEMO100OFF20", live(second_till, "CPDEMO100OFF20"))
    assert refused.value.reason == "used"


def test_a_coupon_short_of_its_minimum_spend_is_not_redeemed(till: Till, central: EmbeddedCentral) -> None:
    checkout = till.checkout()
    checkout.scan(GREEN_TEA)
    checkout.add_coupon("CPDEMO100OFF20", None)
    assert checkout.cart.pricing.unmet_coupons == ("CPDEMO100OFF20",) and checkout.cart.total == 1340
    sale = checkout.complete_cash_sale(2000, CASHIER)
    assert sale.coupon_codes == ()
    sync(till)
    assert status(central, "CPDEMO100OFF20") == "issued"


def test_offline_only_small_coupons_and_a_double_use_is_flagged_for_loss_prevention(
        till: Till, second_till: Till, central: EmbeddedCentral, tmp_path: Path) -> None:
    for t in (till, second_till):
        checkout = t.checkout()
        for _ in range(2):
            checkout.scan(GREEN_TEA)
        with pytest.raises(CouponRefused) as big:
            checkout.add_coupon("CPDEMOBIG8000", None)  # ¥80: over the ¥50 offline limit
        assert (big.value.reason, big.value.limit) == ("over_offline_limit", 5000)
        checkout.add_coupon("CPDEMO10YUAN1", None)  # offline: no live check possible
        assert checkout.complete_cash_sale(5000, CASHIER).coupon_codes == ("CPDEMO10YUAN1",)
    sync(till)
    sync(second_till)
    with session_factory(central.app.state.engine)() as s:
        cases = loss_prevention(s)
    assert [(c["code"], c["store"], c["reused"]) for c in cases] == [
        ("CPDEMO10YUAN1", "S001", False), ("CPDEMO10YUAN1", "S002", True)]
    report = run("central.cli", "loss-prevention", "--db", central.db_url, "--json")
    assert report.returncode == 0, report.stderr
    assert "CPDEMO10YUAN1" in report.stdout and "S002" in report.stdout


def test_a_coupon_claimed_online_minutes_ago_is_taken_before_the_till_has_synced_it(
        till: Till, central: EmbeddedCentral) -> None:
    with session_factory(central.app.state.engine)() as s:
        code = issue_coupon(s, "新客5元券", value=500).code
        s.commit()
    checkout = till.checkout()
    checkout.scan(GREEN_TEA)
    with pytest.raises(CouponRefused, match="unknown"):
        checkout.add_coupon(code, None)  # offline and never heard of: refused
    checkout.add_coupon(code, live(till, code))
    assert checkout.cart.total == 840
    with session_factory(central.app.state.engine)() as s:
        assert s.scalars(select(Coupon.code).where(Coupon.code == code)).one() == code
