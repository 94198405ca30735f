"""The running till looks after itself: unhandled exceptions shown (the sale stays), backups on a timer."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer, QTranslator

from pos_client.domain.sale import Cashier
from pos_client.services.till import Till
from pos_client.ui.app import TillApp
from pos_client.ui.i18n import TRANSLATIONS
from pos_client.ui.startup_errors import database_too_new_text
from tests.ui.test_keyboard_sale import barcodes, type_into_focus

LINA = Cashier("s1", "1001", "李娜")


@pytest.fixture
def till_app(qapp, till: Till) -> Iterator[TillApp]:
    app = TillApp(till, app=qapp, sync_enabled=False)
    app.window.resize(1366, 768)
    app.window.show()
    yield app
    app.close()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_handler_is_logged_shown_and_the_sale_stays(
        qtbot, till_app: TillApp, till: Till, caplog) -> None:
    window = till_app.window
    qtbot.waitExposed(window)
    type_into_focus(qtbot, "1001")
    type_into_focus(qtbot, "1234")
    (code, _name, _price), (other, _n, _p) = barcodes(till)
    type_into_focus(qtbot, code)
    assert len(window.checkout.checkout.cart.lines) == 1

    def broken_handler() -> None:
        raise ZeroDivisionError("a bug somewhere in a slot")

    with caplog.at_level(logging.ERROR, logger="pos_client.crash"):
        QTimer.singleShot(0, broken_handler)
        qtbot.waitUntil(lambda: till_app.crash_guard.dialog is not None
                        and till_app.crash_guard.dialog.isVisible())
    record = next(r for r in caplog.records if r.name == "pos_client.crash")
    assert record.exc_info and record.exc_info[0] is ZeroDivisionError
    dialog = till_app.crash_guard.dialog
    assert "ZeroDivisionError" in dialog.text() and "kept" in dialog.text()
    assert str(till.paths.logs) in dialog.text()
    assert len(window.checkout.checkout.cart.lines) == 1, "the sale in progress is still there"
    dialog.accept()
    qtbot.keyClicks(window.checkout.scan_field, other)
    qtbot.keyClick(window.checkout.scan_field, Qt.Key.Key_Return)
    assert len(window.checkout.checkout.cart.lines) == 2, "and the till goes on selling"


def test_the_newer_database_message_is_translated(qapp) -> None:
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "pos_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        zh = database_too_new_text("z99", "d01")
    finally:
        QCoreApplication.removeTranslator(translator)
    en = database_too_new_text("z99", "d01")
    assert "newer version" in en and "Nothing was changed" in en
    assert zh != en and "z99" in zh and "d01" in zh and "版本" in zh


def test_the_open_till_backs_itself_up_on_its_timer(qapp, qtbot, till: Till, tmp_path) -> None:
    share = tmp_path / "share"
    till.config.backup.dir = str(share)
    till.config.backup.interval_minutes = 0.002  # 120 ms here; an hour by default
    app = TillApp(till, app=qapp, sync_enabled=False)
    try:
        qtbot.waitUntil(lambda: len(list(share.glob("pos-S001-*-hourly.db"))) >= 2, timeout=5000)
    finally:
        app.close()
    till.backups.wait()
    assert till.backups.last()["label"] == "hourly" and not till.backups.last()["problems"]


def test_screenshots_of_the_listed_screens_in_each_language(qapp, tmp_path) -> None:
    from PySide6.QtGui import QImage

    from pos_client.ui.screenshots import SCREENS, take_screenshots

    assert [s.name for s in SCREENS][:3] == ["login", "checkout", "payment"]
    listed = {"pickup-desk", "guide-order", "stock-count", "sync-panel", "shift-close"}  # the list
    assert listed <= {s.name for s in SCREENS}
    files = take_screenshots(tmp_path, sizes=[(1366, 768)], languages=["zh_CN", "en"],
                             only=["checkout", "payment"], app=qapp)
    assert sorted(str(f.relative_to(tmp_path)) for f in files) == [
        "en/1366x768/01-checkout.png", "en/1366x768/02-payment.png",
        "zh_CN/1366x768/01-checkout.png", "zh_CN/1366x768/02-payment.png"]
    zh, en = QImage(str(files[0])), QImage(str(files[2]))
    assert (zh.width(), zh.height()) == (1366, 768)
    assert zh != en, "the languages differ on screen"
    payment = QImage(str(files[1]))
    assert payment != zh, "the payment dialog is drawn over the window"


def test_a_restore_is_refused_while_the_till_window_is_open(qapp, till: Till) -> None:
    from pos_client.services.backups import RestoreRefused, restore

    backup = till.backups.backup_now("manual").written[0]
    app = TillApp(till, app=qapp, sync_enabled=False)
    try:
        with pytest.raises(RestoreRefused, match="close it first"):
            restore(till.paths, backup)
    finally:
        app.close()
    assert restore(till.paths, backup).restored.integrity == "ok"


def test_a_till_that_dies_mid_sale_gives_the_sale_back_at_the_cashier_s_next_login(
        qapp, qtbot, till: Till, tmp_path) -> None:
    import shutil

    from pos_client.config import Paths
    from pos_client.services.sale_recovery import RECOVERY_KEY
    from pos_client.store.backup_files import online_copy

    app = TillApp(till, app=qapp, sync_enabled=False)
    try:
        app.window.show()
        qtbot.waitExposed(app.window)
        login = app.window.login
        (code, _n, _p), (other, _n2, _p2) = barcodes(till)
        for field, typed in ((login.staff_field, "1001"), (login.pin_field, "1234"),
                             (app.window.checkout.scan_field, code), (app.window.checkout.scan_field, other)):
            qtbot.keyClicks(field, typed)
            qtbot.keyClick(field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: (till.settings.get(RECOVERY_KEY) or {}).get("cart", {}).get("lines", [])
                        .__len__() == 2, timeout=3000)
        # The machine loses power now: what is on its disk is this copy.
        crashed = Paths.resolve(tmp_path / "after-power-loss")
        crashed.data_dir.mkdir(parents=True)
        online_copy(till.paths.database, crashed.database)
        for name in ("config.toml", "token.secret"):
            shutil.copy(till.paths.data_dir / name, crashed.data_dir / name)
    finally:
        app.close()

    back = Till(crashed)
    again = TillApp(back, app=qapp, sync_enabled=False)
    try:
        assert again.recovered is not None and again.recovered.staff == "1001"
        assert "#1" in again.window.login.error_label.text()
        again.window.show()
        qtbot.waitExposed(again.window)
        login = again.window.login
        for field, typed in ((login.staff_field, "1001"), (login.pin_field, "1234")):
            qtbot.keyClicks(field, typed)
            qtbot.keyClick(field, Qt.Key.Key_Return)
        assert len(again.window.checkout.checkout.cart.lines) == 2, "the sale is back on the screen"
    finally:
        again.close()
        back.close()


def test_a_cart_paid_before_the_crash_never_comes_back(till: Till) -> None:
    from pos_client.services.sale_recovery import recover_after_crash, save_in_progress

    (code, _n, _p), _ = barcodes(till)
    checkout = till.checkout()
    checkout.scan(code)
    save_in_progress(till.engine, checkout.cart, "1001")
    checkout.complete_cash_sale(checkout.cart.total, LINA)  # paid; the program dies before clearing
    assert recover_after_crash(till.engine) is None
    checkout.new_sale()
    checkout.scan(code)
    save_in_progress(till.engine, checkout.cart, "1001")
    recovered = recover_after_crash(till.engine)
    assert recovered is not None and recovered.held.items == 1
    assert recover_after_crash(till.engine) is None, "recovered once"


def test_the_sync_panel_shows_the_last_backup_and_a_failed_folder(qapp, qtbot, till: Till, tmp_path) -> None:
    from pos_client.ui.sync_panel import SyncPanel

    panel = SyncPanel(may_enrol=False)
    panel.show_backup(None)
    assert panel.backup_label.text() == "None yet."
    till.config.backup.dir = str(tmp_path / "share")
    panel.show_backup(till.backups.backup_now("hourly") and till.backups.last())
    assert str(tmp_path / "share") in panel.backup_label.text()
    assert panel.backup_label.objectName() != "errorLabel"
    (tmp_path / "file").write_text("not a folder")
    till.config.backup.dir = str(tmp_path / "file")
    till.backups.backup_now("hourly")
    panel.show_backup(till.backups.last())
    assert "tell IT" in panel.backup_label.text() and panel.backup_label.objectName() == "errorLabel"
    panel.deleteLater()


def test_a_cart_put_on_hold_before_the_crash_is_not_held_twice(till: Till) -> None:
    from pos_client.services.sale_recovery import recover_after_crash, save_in_progress

    (code, _n, _p), _ = barcodes(till)
    checkout = till.checkout()
    checkout.scan(code)
    save_in_progress(till.engine, checkout.cart, "1001")
    checkout.hold("1001")  # Ctrl+L or F7, and the program dies before the next save
    assert recover_after_crash(till.engine) is None
    assert len(checkout.held_sales()) == 1
