"""Members: found by phone or code offline, masked; points earned and spent, reconciled at central;
a sign-up made offline on two tills ends as one member."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text

from central.db import session_factory
from central.models import Member, Note
from central.server import EmbeddedCentral
from pos_client.config import Paths
from pos_client.domain.members import MemberError
from pos_client.domain.sale import Cashier
from pos_client.services.till import Till, enroll
from tests.conftest import make_code

CASHIER = Cashier("s", "1001", "李娜")
GREEN_TEA = "6972718281825"  # 13.40


def sync(till: Till) -> None:
    with till.client() as client:
        report = till.sync_engine(client).run_once()
    assert report.ok, report.error


def central_member(central: EmbeddedCentral, phone: str) -> Member | None:
    with session_factory(central.app.state.engine)() as s:
        return s.scalar(select(Member).where(Member.phone == phone))


@pytest.fixture
def second_till(central: EmbeddedCentral, tmp_path: Path) -> Iterator[Till]:
    paths = Paths.resolve(tmp_path / "till-2")
    enroll(paths, central.url, make_code(central, "S001"), "till-2")
    t = Till(paths)
    sync(t)
    yield t
    t.close()


def test_the_till_keeps_members_masked_and_finds_them_by_phone_or_code(till: Till) -> None:
    checkout = till.checkout()
    found = checkout.find_member("138 0013 8000")
    assert found is not None
    assert (found.phone_masked, found.name_masked, found.tier) == ("138****8000", "王**", "gold")
    assert checkout.find_member(found.code).member_id == found.member_id
    assert checkout.find_member("13700000000") is None
    with pytest.raises(MemberError):
        checkout.find_member("hello")
    with till.engine.connect() as conn:
        dump = " ".join(str(v) for row in conn.execute(text("SELECT * FROM member")) for v in row)
    assert "13800138000" not in dump and "王小明" not in dump  # the till holds no phone and no name


def test_points_are_earned_and_spent_at_the_till_and_booked_at_central(till: Till,
                                                                      central: EmbeddedCentral) -> None:
    checkout = till.checkout()
    checkout.attach_member(checkout.find_member("13912345678"))  # 800 points
    for _ in range(3):
        checkout.scan(GREEN_TEA)  # 40.20
    payment = checkout.payment()
    points = checkout.points_tender(payment)
    assert (points.amount, points.points) == (800, 800)  # all 800 points pay ¥8.00
    payment.add(points)
    payment.add_cash(5000)
    sale = checkout.complete_sale(payment, CASHIER)
    assert sale.points_earned == 32 and sale.points_balance == 32  # ¥32.20 paid in money
    sync(till)
    assert central_member(central, "13912345678").points == 32
    assert checkout.find_member("13912345678").points == 32  # central's balance came back down


def test_one_phone_signed_up_offline_on_two_tills_becomes_one_member(till: Till, second_till: Till,
                                                                     central: EmbeddedCentral) -> None:
    first, second = till.checkout(), second_till.checkout()
    a = first.sign_up("13655556666", "赵六")
    b = second.sign_up("136 5555 6666", "赵六")
    assert a.member_id != b.member_id and a.phone_masked == "136****6666"
    with pytest.raises(MemberError, match="already_member"):
        first.sign_up("13655556666")
    second.scan(GREEN_TEA)
    second.complete_cash_sale(2000, CASHIER)  # earns 13 points under the second till's id
    sync(till)
    sync(second_till)
    member = central_member(central, "13655556666")
    assert member is not None and member.id == a.member_id and member.points == 13
    with session_factory(central.app.state.engine)() as s:
        assert len(s.scalars(select(Member).where(Member.phone == "13655556666")).all()) == 1
    sync(second_till)
    assert second.find_member("13655556666").member_id == a.member_id


def test_points_spent_twice_offline_are_kept_and_flagged(till: Till, second_till: Till,
                                                         central: EmbeddedCentral) -> None:
    for t in (till, second_till):
        checkout = t.checkout()
        checkout.attach_member(checkout.find_member("13912345678"))
        checkout.scan(GREEN_TEA)
        payment = checkout.payment()
        payment.add(checkout.points_tender(payment))  # 800 points each, offline
        payment.add_cash(1000)
        checkout.complete_sale(payment, CASHIER)
    sync(till)
    sync(second_till)
    assert central_member(central, "13912345678").points < 0
    with session_factory(central.app.state.engine)() as s:
        kinds = s.scalars(select(Note.kind).where(Note.kind == "points_overdrawn")).all()
    assert kinds == ["points_overdrawn"]


def test_a_held_sale_comes_back_with_its_member_and_coupon(till: Till) -> None:
    checkout = till.checkout()
    checkout.attach_member(checkout.find_member("13800138000"))
    checkout.scan(GREEN_TEA)
    checkout.add_coupon("CPDEMO10YUAN2", None)
    held = checkout.hold("1001")
    assert checkout.member is None and checkout.coupons == []
    assert checkout.resume(held.id, "1001")
    assert checkout.member is not None and checkout.member.phone_masked == "138****8000"
    assert [c.code for c in checkout.coupons] == ["CPDEMO10YUAN2"] and checkout.cart.total == 340


def test_full_contact_is_online_only_and_never_for_a_malformed_pin() -> None:
    from pos_client.services.member_contact import ContactRefused, ContactUnavailable, member_contact
    from sync.client import CentralClient

    with pytest.raises(ContactUnavailable):
        member_contact(lambda: CentralClient("http://127.0.0.1:9"), "M-some-member", "3001", "4567")
    with pytest.raises(ContactUnavailable):
        member_contact(None, "M-some-member", "3001", "4567")
    with pytest.raises(ContactRefused):  # refused before anything is sent
        member_contact(lambda: CentralClient("http://127.0.0.1:9"), "M-some-member", "3001", "45x7")
