"""A store's policy set at central (`pos-central store-policy`) reaches its tills by sync."""

from __future__ import annotations

from sqlalchemy import text

from central.cli import main as central_main
from central.server import EmbeddedCentral
from pos_client.cli import main as client_main
from pos_client.domain.tenders import CashRounding
from pos_client.services.checkout import CheckoutService
from pos_client.services.staff_lock import autolock_minutes, set_autolock_minutes, store_autolock_limit
from pos_client.services.till import Till


def _sync(till: Till) -> None:
    with till.client() as client:
        assert till.sync_engine(client).run_once().ok


def test_cash_rounding_and_limits_set_at_central_apply_at_the_till(
        till: Till, central: EmbeddedCentral, capsys) -> None:
    assert till.identity().cash_rounding is CashRounding.NONE
    assert central_main(["store-policy", "--db", central.db_url, "--store", "S001",
                         "--cash-rounding", "jiao_down", "--max-offline-coupon", "20",
                         "--autolock-minutes", "3"]) == 0
    out = capsys.readouterr().out
    assert "cash rounding jiao_down" in out and "20.00" in out and "3 minutes" in out
    _sync(till)

    ident = till.identity()
    assert ident.cash_rounding is CashRounding.JIAO_DOWN
    checkout = CheckoutService(till.catalog, till.writer, ident)
    with till.engine.connect() as conn:
        code = conn.execute(text("SELECT b.code FROM barcode b JOIN price p ON p.sku = b.sku "
                                 "WHERE p.amount > 0 LIMIT 1")).scalar_one()
    checkout.scan(code)
    payment = checkout.payment()
    assert payment.rounding_rule is CashRounding.JIAO_DOWN
    payment.total = 1239  # the demo's prices are whole jiao: show the fen going
    assert payment.cash_due == 1230  # 抹零
    assert till.catalog.store_config()["offline_limits"]["max_offline_coupon"] == 2000

    limit = store_autolock_limit(till.catalog.store_config())
    assert autolock_minutes(till.settings, limit) == 3  # the till's own 5 minutes is too long now
    set_autolock_minutes(till.settings, 2)
    assert autolock_minutes(till.settings, limit) == 2  # sooner is allowed
    set_autolock_minutes(till.settings, 0)
    assert autolock_minutes(till.settings, limit) == 3  # "never" is not, once the store has a limit


def test_a_policy_central_cannot_apply_changes_nothing(central: EmbeddedCentral, capsys) -> None:
    assert central_main(["store-policy", "--db", central.db_url, "--store", "S001",
                         "--autolock-minutes", "0"]) == 2
    assert "nothing was changed" in capsys.readouterr().err
    assert central_main(["store-policy", "--db", central.db_url, "--store", "S999",
                         "--cash-rounding", "jiao"]) == 2
    assert "no store 'S999'" in capsys.readouterr().err
    assert central_main(["store-policy", "--db", central.db_url, "--store", "S001",
                         "--till-decides-autolock"]) == 0
    assert "each till's own setting" in capsys.readouterr().out


def test_the_autolock_command_says_when_the_store_caps_it(till: Till, central: EmbeddedCentral,
                                                         capsys) -> None:
    assert central_main(["store-policy", "--db", central.db_url, "--store", "S001",
                         "--autolock-minutes", "4"]) == 0
    _sync(till)
    till.close()
    assert client_main(["autolock", "--data-dir", str(till.paths.data_dir)]) == 0
    out = capsys.readouterr().out
    assert "locks after 4 minutes" in out and "at most 4 minutes" in out


def test_a_store_setting_the_till_does_not_name_yet_is_kept_as_sent() -> None:
    from sync.protocol import StoreConfigData

    data = StoreConfigData.model_validate({"store_code": "S001", "name": "店", "loyalty_day": "tuesday"})
    assert data.model_dump()["loyalty_day"] == "tuesday"
