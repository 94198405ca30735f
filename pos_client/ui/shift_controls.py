"""The window's shift actions, auto-lock and quick staff switch, kept out of main_window.py.

Shortcuts: Ctrl+O open a shift, Ctrl+M cash in/out, Ctrl+T X report, Ctrl+B close the
shift (blind count, Z report), Ctrl+L lock / switch staff; the "Shift / Lock" button
offers them all for touch.  A lock puts the sale in progress on hold for its cashier,
on disk; it comes back by itself when that cashier logs in again, whoever used the
till meanwhile.
"""

from __future__ import annotations

import contextlib
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut, QWindow
from PySide6.QtWidgets import QDialog, QPushButton

from pos_client.domain.shifts import ShiftError, ShiftReport, z_label
from pos_client.services.auth import Session
from pos_client.services.shift_reports import float_document, movement_document, report_document
from pos_client.services.staff_lock import autolock_minutes, remember_hold, store_autolock_limit, take_hold
from pos_client.ui.money_text import format_money

from .messages import explain
from .shift_dialogs import CashMoveDialog, CloseShiftDialog, OpenShiftDialog, ShiftMenu

if TYPE_CHECKING:
    from .main_window import MainWindow

log = logging.getLogger(__name__)

ACTIVITY = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin,
                      QEvent.Type.Wheel, QEvent.Type.TabletPress})


class IdleWatcher(QObject):
    """Calls `on_idle` after `minutes` without a key press, click or touch in any of the app's windows.

    The filter sits on the focused top-level QWindow (each input event passes it once),
    not on the application, which would run Python for every paint and every widget on
    every scan (measured: about 0.7 ms a scan)."""

    def __init__(self, minutes: float, on_idle, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(on_idle)
        self.set_minutes(minutes)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self.watch)
            self.watch(app.focusWindow())

    def watch(self, window: QWindow | None) -> None:
        if window is not None:
            window.installEventFilter(self)  # installing twice only moves it: harmless

    def set_minutes(self, minutes: float) -> None:
        self.minutes = minutes
        self.timer.setInterval(max(1, int(minutes * 60_000)))
        self.restart()

    def restart(self) -> None:
        if self.minutes > 0:
            self.timer.start()
        else:
            self.timer.stop()

    def eventFilter(self, obj, event) -> bool:
        if self.minutes > 0 and event.type() in ACTIVITY:
            self.timer.start()
        return False

    def stop(self) -> None:
        self.timer.stop()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            with contextlib.suppress(RuntimeError, TypeError):  # already gone at shutdown
                app.focusWindowChanged.disconnect(self.watch)


class ShiftControls(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self.service = window.till.shifts()
        self.dialog: QDialog | None = None
        self.locked: Session | None = None
        """Who was logged in when the till locked (None: not locked)."""
        self.last_report: ShiftReport | None = None
        for keys, slot in (("Ctrl+O", self.open_shift), ("Ctrl+M", self.move_cash),
                           ("Ctrl+T", self.x_report), ("Ctrl+B", self.close_shift),
                           ("Ctrl+L", lambda: self.lock("switch"))):
            QShortcut(QKeySequence(keys), window, activated=slot)
        self.button = QPushButton(self.tr("Shift / Lock"))
        self.button.setObjectName("fkey")
        self.button.setMinimumHeight(44)
        self.button.clicked.connect(self.open_menu)
        keys_grid = window.checkout.layout().itemAt(1).layout() if window.checkout.layout() else None
        if keys_grid is not None:
            keys_grid.addWidget(self.button, 1, 5)
        self.idle = IdleWatcher(self._autolock_minutes(), lambda: self.lock("idle"), self)
        window.login.logged_in.connect(self.after_login)  # after MainWindow._on_login

    # ------------------------------------------------------------ helpers
    def _autolock_minutes(self) -> float:
        till = self.w.till
        return autolock_minutes(till.settings, store_autolock_limit(till.catalog.store_config()))

    def _ready(self) -> bool:
        return self.dialog is None and self.w._idle_checkout()

    def _show(self, dialog: QDialog, on_done=None) -> None:
        def finished(result: int) -> None:
            self.dialog = None
            dialog.deleteLater()
            if on_done is not None:
                on_done(result)
            self.w.checkout.focus_scan()

        dialog.finished.connect(finished)
        self.dialog = dialog
        dialog.open()

    def _print(self, doc) -> None:
        self.w.printing.submit(doc)

    # ------------------------------------------------------------ shift actions
    def open_menu(self) -> None:
        if not self._ready():
            return
        shift = self.service.current()
        if shift is None:
            status = self.tr("No shift is open at this till.")
        else:
            status = self.tr("Shift open since {time}, float {amount}.").format(
                time=f"{shift.opened_at.astimezone():%H:%M}",
                amount=format_money(shift.opening_float, self.w.locale))
        menu = ShiftMenu(status, self.w)
        menu.buttons["open"].setEnabled(shift is None)
        for key in ("move", "x", "close"):
            menu.buttons[key].setEnabled(shift is not None)
        actions = {"open": self.open_shift, "move": self.move_cash, "x": self.x_report,
                   "close": self.close_shift, "lock": lambda: self.lock("switch"), "reprint": self.reprint_z}
        picked: list[str] = []
        menu.chosen.connect(picked.append)
        self._show(menu, lambda _r: QTimer.singleShot(0, actions[picked[0]]) if picked else None)

    def open_shift(self) -> None:
        if not self._ready():
            return
        if self.service.current() is not None:
            self.w.checkout.show_error(self.tr("A shift is already open. Ctrl+B closes it."))
            return
        session = self.w.session

        def submit(amount: int) -> str | None:
            try:
                shift = self.service.open(session.cashier, amount)
            except Exception as exc:
                return self._explain(exc)
            self._print(float_document(shift, self.w.store_name))
            self.w.refresh_status()
            self.w.checkout.show_info(self.tr("Shift opened with a float of {amount}.").format(
                amount=format_money(amount, self.w.locale)))
            return None

        self._show(OpenShiftDialog(self.w.locale, submit, self.w))

    def move_cash(self) -> None:
        if not self._ready():
            return
        if self.service.current() is None:
            self.w.checkout.show_error(self.tr("No shift is open. Ctrl+O opens one with its float."))
            return
        session = self.w.session

        def submit(direction: str, amount: int, reason: str, note: str, approver_code: str,
                   approver_pin: str) -> str | None:
            try:
                approver = (self.w.till.auth.approve(approver_code, approver_pin, session.cashier.code)
                            if approver_code or approver_pin else None)
                movement = self.service.move(session.cashier, session.role, direction, amount, reason, note,
                                             approver)
                shift = self.service.current()
            except Exception as exc:
                return self._explain(exc)
            if shift is not None:
                self._print(movement_document(movement, shift, self.w.store_name))
            self.w.refresh_status()
            text = (self.tr("{amount} put into the drawer.") if direction == "in"
                    else self.tr("{amount} taken out of the drawer."))
            self.w.checkout.show_info(text.format(amount=format_money(amount, self.w.locale)))
            return None

        self._show(CashMoveDialog(session.role, submit, self.w))

    def x_report(self) -> None:
        if not self._ready():
            return
        try:
            report = self.service.x_report(self.w.session.cashier, self.w.session.role)
        except Exception as exc:
            self.w.checkout.show_error(self._explain(exc))
            return
        self.last_report = report
        self._print(report_document(report, self.w.store_name))
        self.w.checkout.show_info(self.tr("X report printing: {n} sale(s) so far; the shift stays "
                                          "open.").format(n=report.sales.sale_count))

    def reprint_z(self) -> None:
        """The last Z report again, marked as a copy (the first one went with the cash)."""
        if not self._ready():
            return
        report = self.service.last_z()
        if report is None:
            self.w.checkout.show_error(self.tr("No shift has been closed at this till yet."))
            return
        self.w.till.record("z_report.reprinted", self.w.session.cashier.code, {"z_no": report.z_no})
        self._print(report_document(report, self.w.store_name, copy=True))
        self.w.checkout.show_info(self.tr("Reprinting {z} as a copy.").format(z=z_label(report.z_no or 0)))

    def close_shift(self) -> None:
        if not self._ready():
            return
        if not self.w.checkout.checkout.cart.is_empty:
            self.w.checkout.show_error(self.tr("Pay for or hold (F7) the sale in progress before closing."))
            return
        if self.service.current() is None:
            self.w.checkout.show_error(self.tr("No shift is open. Ctrl+O opens one with its float."))
            return
        session = self.w.session

        def submit(counted: int) -> ShiftReport | str:
            try:
                report = self.service.close(session.cashier, counted)
            except Exception as exc:
                return self._explain(exc)
            self.last_report = report
            self._print(report_document(report, self.w.store_name))
            self.w.refresh_status()
            return report

        def done(_result: int) -> None:
            if self.last_report is not None and self.last_report.kind == "Z":
                self.w.checkout.show_info(self.tr("Shift closed. Ctrl+O opens the next one."))

        self._show(CloseShiftDialog(self.w.locale, submit, self.w), done)

    def _explain(self, error: BaseException) -> str:
        if isinstance(error, ShiftError):
            texts = {
                "already_open": self.tr("A shift is already open. Ctrl+B closes it."),
                "not_open": self.tr("No shift is open. Ctrl+O opens one with its float."),
                "bad_amount": self.tr("That amount cannot be right. Count again and enter it."),
                "bad_reason": self.tr("Choose a reason first."),
                "approval_needed": self.tr("Taking cash out needs a supervisor: their staff number and PIN."),
                "not_enough_cash": self.tr("The drawer should hold only {amount}: count again or take out "
                                           "less."),
            }
            text = texts.get(error.reason, self.tr("That amount cannot be right. Count again and enter it."))
            return text.format(amount=format_money(error.amount or 0, self.w.locale))
        log.error("shift action failed", exc_info=error)
        return explain(error, self.w.locale)

    # ------------------------------------------------------------ lock and switch
    def lock(self, reason: str) -> None:
        """Back to the login screen.  A sale in progress goes on hold, on disk, for its cashier:
        it comes back when they log in again (also after a restart), whoever uses the till meanwhile."""
        w = self.w
        if w.session is None or w.pages.currentWidget() is not w.checkout:
            return
        if w.checkout.busy:  # a sale is being saved: lock right after, never in the middle
            self.idle.restart()
            return
        for dialog in w.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()
        session = w.session
        service = w.checkout.checkout
        held = None
        if not service.cart.is_empty:
            try:
                held = service.hold(session.cashier.code)
                remember_hold(w.till.settings, session.cashier.code, held.id)
            except Exception as exc:  # the cart stays in memory; after_login still hands it over
                log.error("could not hold the sale at lock", exc_info=exc)
        w.till.record("till.locked", session.cashier.code,
                      {"reason": reason, "held": held.number if held else None})
        self.locked = session
        w.session = None
        w.top_bar.set_staff(None)
        w.checkout.model.set_cart(service.cart)
        w.pages.setCurrentWidget(w.login)
        w.login.reset()
        if held is None:
            text = self.tr("Locked. Log in to carry on.")
        else:
            text = self.tr("Locked. {name}'s sale is on hold as #{number}; it comes back when {name} "
                           "logs in.").format(name=session.cashier.name, number=held.number)
        w.login.error_label.setText(text)

    def after_login(self, session: Session) -> None:
        locked, self.locked = self.locked, None
        checkout = self.w.checkout
        service = checkout.checkout
        message = ""
        if locked is not None and locked.cashier.code != session.cashier.code and not service.cart.is_empty:
            try:  # the hold at lock failed: try again now that someone else takes the till
                held = service.hold(locked.cashier.code)
                remember_hold(self.w.till.settings, locked.cashier.code, held.id)
            except Exception as exc:
                log.error("could not hold the locked sale", exc_info=exc)
        parked = take_hold(self.w.till.settings, session.cashier.code)
        if parked is not None and service.cart.is_empty:
            try:
                if service.resume(parked, session.cashier.code):
                    message = self.tr("Your sale is back: carry on scanning or pay.")
            except Exception as exc:
                log.error("could not bring the held sale back", exc_info=exc)
        checkout.model.set_cart(service.cart)
        checkout.line_changed(None, message)
        if not message and self.service.current() is None:
            checkout.show_info(self.tr("No shift is open at this till: Ctrl+O opens one with its float."))
        self.idle.set_minutes(self._autolock_minutes())  # the store's limit may have come by sync

    def stop(self) -> None:
        self.idle.stop()
