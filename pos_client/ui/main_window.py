"""The till's window: top bar, then login or checkout; payment and help as dialogs."""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from drivers.interfaces import DeviceEvent, DeviceKind, DeviceStatus, Scan, TagRead
from drivers.urls import DeviceUrlError
from pos_client.config import load_config, save_config
from pos_client.domain.money import currency_for
from pos_client.domain.permissions import Action
from pos_client.domain.returns import Return, ReturnLine
from pos_client.domain.sale import Sale
from pos_client.services.auth import Session
from pos_client.services.devices import list_devices, set_device_url, test_device
from pos_client.services.member_contact import member_contact
from pos_client.services.printing import PrinterStatus, PrintService
from pos_client.services.receipts import receipt_document, refund_document
from pos_client.services.returns import WalletRefundRefused, WalletRefundUnavailable
from pos_client.services.rfid_basket import RfidBasket, TagOutcome
from pos_client.services.rfid_count import catalog_lookup
from pos_client.services.sync_service import sync_health, sync_overview
from pos_client.services.till import Till
from pos_client.services.wallet import WalletPayments
from pos_client.ui.money_text import format_money, use_currency
from sync.engine import SyncReport
from sync.errors import AuthRejected, SyncBusy
from sync.scheduler import STOPPING_ERRORS

from .background import TaskRunner
from .checkout_screen import CheckoutScreen
from .devices_dialog import DevicesDialog
from .enrol_dialog import EnrolDialog
from .fulfilment_queue import open_fulfilment
from .guide_controls import SHORTCUTS as GUIDE_SHORTCUTS
from .guide_controls import GuideControls
from .held_dialog import HeldSalesDialog
from .line_dialog import LineDialog
from .login_screen import LoginScreen
from .member_dialog import MemberDialog
from .messages import explain, printer_condition_text, reserved_stock_text
from .payment_dialog import PaymentDialog
from .pickup_desk import open_pickup_desk
from .return_dialog import PENDING, ReturnDialog
from .search_dialog import ProductSearchDialog
from .shift_controls import ShiftControls
from .sync_panel import SyncPanel
from .top_bar import TopBar

log = logging.getLogger(__name__)

SHORTCUTS = (
    ("Enter", QT_TRANSLATE_NOOP("MainWindow",
                                "Add the scanned or typed barcode; in payment, confirm the cash")),
    ("F12", QT_TRANSLATE_NOOP("MainWindow", "Pay")),
    ("Up / Down", QT_TRANSLATE_NOOP("MainWindow", "Choose the cart line F3-F6 act on")),
    ("F3", QT_TRANSLATE_NOOP("MainWindow",
                             "Change the chosen line's quantity (lowering it needs a supervisor)")),
    ("F4", QT_TRANSLATE_NOOP("MainWindow", "Void the chosen line (supervisor, with a reason)")),
    ("F5", QT_TRANSLATE_NOOP("MainWindow", "Change the chosen line's price (supervisor, with a reason)")),
    ("F6", QT_TRANSLATE_NOOP("MainWindow", "Discount the chosen line (supervisor, capped per role)")),
    ("F7", QT_TRANSLATE_NOOP("MainWindow", "Put the sale on hold and start another")),
    ("F8", QT_TRANSLATE_NOOP("MainWindow", "Bring back a sale on hold (onto an empty sale)")),
    ("F11", QT_TRANSLATE_NOOP("MainWindow", "Void the whole sale (supervisor, with a reason)")),
    ("Ctrl+P", QT_TRANSLATE_NOOP("MainWindow", "Reprint the last receipt, marked as a copy")),
    ("Ctrl+I", QT_TRANSLATE_NOOP("MainWindow",
                                 "Member: find by mobile number or member code, or sign up; points")),
    ("Ctrl+D", QT_TRANSLATE_NOOP("MainWindow", "Devices: what is configured and found, with a test button")),
    ("Ctrl+R", QT_TRANSLATE_NOOP("MainWindow",
                                 "Return and refund: by receipt number (any store), or without a receipt")),
    ("F2", QT_TRANSLATE_NOOP("MainWindow",
                             "Find an item by name, pinyin or initials; Up/Down to choose, Enter to add")),
    ("F1", QT_TRANSLATE_NOOP("MainWindow", "Show this help")),
    ("F9", QT_TRANSLATE_NOOP("MainWindow", "Sync panel: what waits, what needs attention, sync now")),
    ("F10", QT_TRANSLATE_NOOP("MainWindow", "Log out (when the sale is empty)")),
    ("Ctrl+O", QT_TRANSLATE_NOOP("MainWindow", "Open a shift with its float")),
    ("Ctrl+M", QT_TRANSLATE_NOOP("MainWindow", "Cash into or out of the drawer, with a reason")),
    ("Ctrl+T", QT_TRANSLATE_NOOP("MainWindow", "X report: the shift so far (it stays open)")),
    ("Ctrl+B", QT_TRANSLATE_NOOP("MainWindow",
                                 "Close the shift: blind count, then over/short and the Z report")),
    ("Ctrl+L", QT_TRANSLATE_NOOP("MainWindow", "Lock the till / switch staff (the sale is kept)")),
    ("Esc", QT_TRANSLATE_NOOP("MainWindow", "Clear the barcode field; in payment, back to the sale")),
    ("Ctrl+U", QT_TRANSLATE_NOOP("MainWindow",
                                 "Pickup desk: verify a customer's pickup code, mark ready, hand over")),
    ("Ctrl+E", QT_TRANSLATE_NOOP("MainWindow",
                                 "Ship from store: pick delivery orders by scan, pack, ship with tracking")),
    *GUIDE_SHORTCUTS,
)


class MainWindow(QMainWindow):
    def __init__(self, till: Till, runner: TaskRunner, printing: PrintService, locale: str,
                 poke_sync=None, reenrol=None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.till = till
        self.runner = runner
        self.printing = printing
        self.locale = locale
        self._poke_sync = poke_sync or (lambda: None)
        self._reenrol = reenrol
        self.sync_panel: SyncPanel | None = None
        self.sync_online: bool | None = None
        self.sync_detail = ""
        self.session: Session | None = None
        self.payment_dialog: PaymentDialog | None = None
        self.help_dialog: QDialog | None = None
        self.enrol_dialog: EnrolDialog | None = None
        self.search_dialog: ProductSearchDialog | None = None
        self.line_dialog: LineDialog | None = None
        self.held_dialog: HeldSalesDialog | None = None
        self.return_dialog: ReturnDialog | None = None
        self.member_dialog: MemberDialog | None = None
        self.last_sale: Sale | None = None
        self.rfid_basket = RfidBasket(catalog_lookup(till.catalog), till.sold_tags.receipt_of,
                                      till.sold_tags.picked_for)
        self.last_return: Return | None = None

        ident = till.identity()
        use_currency(currency_for(ident.currency))  # every window shows and reads the store's money
        self.store_name = till.store_name()
        self.setWindowTitle(self.tr("{store} — till {till}").format(store=self.store_name,
                                                                     till=ident.terminal_no))
        self.top_bar = TopBar(self.tr("{store} · {code} · Till {till}").format(
            store=self.store_name, code=ident.store_code, till=ident.terminal_no))
        self.login = LoginScreen(till.auth, self.store_name, locale)
        self.checkout = CheckoutScreen(till.checkout(), locale)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.login)
        self.pages.addWidget(self.checkout)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.top_bar)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.login.logged_in.connect(self._on_login)
        self.checkout.pay_requested.connect(self.pay)
        self.checkout.coupon_scanned.connect(self.add_coupon)
        self.checkout.help_requested.connect(self.show_help)
        self.checkout.logout_requested.connect(self.logout)
        self.checkout.sync_requested.connect(self.open_sync_panel)
        self.checkout.search_requested.connect(self.open_search)
        self.checkout.line_change_requested.connect(self.change_line)
        self.checkout.hold_requested.connect(self.hold_sale)
        self.checkout.recall_requested.connect(self.recall_sale)
        self.checkout.void_sale_requested.connect(self.void_sale)
        self.checkout.cart_changed.connect(self._cart_changed)
        for key, slot in ((Qt.Key.Key_F12, self.pay), (Qt.Key.Key_F1, self.show_help),
                          (Qt.Key.Key_F9, self.open_sync_panel), (Qt.Key.Key_F2, self.open_search),
                          (Qt.Key.Key_F3, lambda: self.change_line(Action.RAISE_QTY)),
                          (Qt.Key.Key_F4, lambda: self.change_line(Action.VOID_LINE)),
                          (Qt.Key.Key_F5, lambda: self.change_line(Action.PRICE_OVERRIDE)),
                          (Qt.Key.Key_F6, lambda: self.change_line(Action.LINE_DISCOUNT)),
                          (Qt.Key.Key_F7, self.hold_sale), (Qt.Key.Key_F8, self.recall_sale),
                          (Qt.Key.Key_F11, self.void_sale),
                          (Qt.Key.Key_F10, self.logout), (Qt.Key.Key_Escape, self._escape)):
            QShortcut(QKeySequence(key), self, activated=slot)
        QShortcut(QKeySequence("Ctrl+P"), self, activated=self.reprint)
        QShortcut(QKeySequence("Ctrl+D"), self, activated=self.open_devices)
        self.devices_dialog: DevicesDialog | None = None
        QShortcut(QKeySequence("Ctrl+R"), self, activated=self.start_return)
        QShortcut(QKeySequence("Ctrl+I"), self, activated=self.open_member)
        self.pickup_dialog = None
        QShortcut(QKeySequence("Ctrl+U"), self, activated=self.open_pickup_desk)
        self.fulfilment_dialog = None
        self.rfid_reader = None
        """The till's RFID reader (set by TillApp), None when the till has none."""
        QShortcut(QKeySequence("Ctrl+E"), self, activated=lambda: open_fulfilment(self))
        self.shift_controls = ShiftControls(self)  # shifts, auto-lock, staff switch
        self.guide_controls = GuideControls(self)  # sales guide, stock work, guide attribution

        self.refresh_status()
        self.login.reset()

    # --------------------------------------------------------------- session
    def _on_login(self, session: Session) -> None:
        self.session = session
        self.top_bar.set_staff(session.cashier.name)
        self.pages.setCurrentWidget(self.checkout)
        self.checkout.focus_scan()

    def logout(self) -> None:
        if self.pages.currentWidget() is not self.checkout or self.checkout.busy:
            return
        if not self.checkout.checkout.cart.is_empty:
            self.checkout.show_error(self.tr("Pay for the sale in progress before logging out."))
            return
        self.till.auth.logout(self.session)
        self.session = None
        self.top_bar.set_staff(None)
        self.pages.setCurrentWidget(self.login)
        self.login.reset()

    def _escape(self) -> None:
        if self.pages.currentWidget() is self.checkout:
            self.checkout.scan_field.clear()
            self.checkout.focus_scan()

    # --------------------------------------------------------------- holding, voiding, reprinting
    def _idle_checkout(self) -> bool:
        return (self.pages.currentWidget() is self.checkout and not self.checkout.busy
                and self.session is not None and self.line_dialog is None and self.held_dialog is None
                and self.payment_dialog is None and self.search_dialog is None
                and self.return_dialog is None and self.member_dialog is None)

    def _show_cart(self, message: str) -> None:
        self.checkout.model.set_cart(self.checkout.checkout.cart)
        self.checkout.line_changed(None, message)

    def hold_sale(self) -> None:
        if not self._idle_checkout():
            return
        try:
            held = self.checkout.checkout.hold(self.session.cashier.code)
        except Exception as exc:
            self.checkout.show_error(explain(exc, self.locale))
            return
        self._show_cart(self.tr("Sale held as #{number} ({total}). F8 brings it back.").format(
            number=held.number, total=format_money(held.total, self.locale)))

    def recall_sale(self) -> None:
        if not self._idle_checkout():
            return
        service = self.checkout.checkout
        if not service.cart.is_empty:
            self.checkout.show_error(self.tr("Finish or hold (F7) the sale in progress first."))
            return
        held = service.held_sales()
        if not held:
            self.checkout.show_error(self.tr("No sale is on hold at this till."))
            return
        dialog = HeldSalesDialog(held, self.locale, self)
        dialog.finished.connect(lambda result: self._held_chosen(dialog, result))
        self.held_dialog = dialog
        dialog.open()

    def _held_chosen(self, dialog: HeldSalesDialog, result: int) -> None:
        self.held_dialog = None
        dialog.deleteLater()
        if (result == QDialog.DialogCode.Accepted and dialog.chosen and self.session is not None
                and self.checkout.checkout.resume(dialog.chosen, self.session.cashier.code)):
            self._show_cart(self.tr("Held sale is back: carry on scanning or pay."))
        self.checkout.focus_scan()

    def void_sale(self) -> None:
        if not self._idle_checkout():
            return
        service, session = self.checkout.checkout, self.session
        if service.cart.is_empty:
            self.checkout.show_error(self.tr("The sale is empty: there is nothing to void."))
            return

        def submit(_value, reason, approver_code: str, approver_pin: str) -> str | None:
            try:
                approver = (self.till.auth.approve(approver_code, approver_pin, session.cashier.code)
                            if approver_code or approver_pin else None)
                service.void_sale(actor_role=session.role, actor_code=session.cashier.code,
                                  approver=approver, reason=reason)
            except Exception as exc:
                return explain(exc, self.locale)
            return None

        summary = self.tr("{items} item(s), {total}").format(
            items=service.cart.item_count, total=format_money(service.cart.total, self.locale))
        dialog = LineDialog(Action.VOID_SALE, None, session.role, self.locale, submit, self, summary=summary)
        dialog.finished.connect(lambda result: self._void_closed(dialog, result))
        self.line_dialog = dialog
        dialog.open()

    def _void_closed(self, dialog: LineDialog, result: int) -> None:
        self.line_dialog = None
        dialog.deleteLater()
        if result == QDialog.DialogCode.Accepted:
            self._show_cart(self.tr("Sale voided. Nothing was charged."))
        self.checkout.focus_scan()

    def reprint(self) -> None:
        if not self._idle_checkout():
            return
        if self.last_sale is None:
            self.checkout.show_error(self.tr("No receipt to reprint since this till started."))
            return
        sale = self.last_sale
        self.till.record("receipt.reprinted", self.session.cashier.code, {"receipt_no": sale.receipt_no})
        self.printing.submit(receipt_document(sale, self.store_name, copy=True))
        self.checkout.show_info(self.tr("Reprinting {receipt} as a copy.").format(receipt=sale.receipt_no))

    # --------------------------------------------------------------- coupons
    def add_coupon(self, code: str) -> None:
        """Ask central whether the coupon is still unused; offline, the store's limit decides."""
        service = self.checkout.checkout
        member = service.member.member_id if service.member else None

        def ask():
            with self.till.client() as client:
                return client.validate_coupon(code, member)

        def put_on(live) -> None:
            try:
                coupon = service.add_coupon(code, live)
            except Exception as exc:
                self.checkout.show_error(explain(exc, self.locale))
                return
            pricing = service.cart.pricing
            if pricing is not None and coupon.code in pricing.unmet_coupons:
                text = self.tr("Coupon {name} is on the sale; it counts once the goods it covers reach "
                               "{amount}.")
                self.checkout.refresh_cart(text.format(name=coupon.name,
                                                       amount=format_money(coupon.min_spend, self.locale)))
            else:
                self.checkout.refresh_cart(self.tr("Coupon {name} is on the sale.").format(name=coupon.name),
                                           "success")

        self.checkout.show_info(self.tr("Checking coupon {code}…").format(code=code))
        self.runner.network(ask, put_on, lambda _error: put_on(None))

    # --------------------------------------------------------------- members
    def open_member(self) -> None:
        if not self._idle_checkout():
            return
        client = self.till.client if self.till.config.enrolled else None

        def reveal(member_id: str, staff_code: str, pin: str, on_contact, on_failure) -> None:
            self.runner.network(lambda: member_contact(client, member_id, staff_code, pin), on_contact,
                                on_failure)

        dialog = MemberDialog(self.checkout.checkout, self, reveal=reveal)
        dialog.finished.connect(lambda result: self._member_closed(dialog, result))
        self.member_dialog = dialog
        dialog.open()
        dialog.field.setFocus()

    def _member_closed(self, dialog: MemberDialog, result: int) -> None:
        self.member_dialog = None
        dialog.deleteLater()
        if result == QDialog.DialogCode.Accepted:
            member = self.checkout.checkout.member
            self._show_cart(self.tr("Member {phone} is on this sale.").format(phone=member.phone_masked)
                            if member else self.tr("The member was taken off this sale."))
        self.checkout.focus_scan()

    # --------------------------------------------------------------- pickup desk
    def open_pickup_desk(self) -> None:
        open_pickup_desk(self)

    # --------------------------------------------------------------- returns
    def start_return(self) -> None:
        if not self._idle_checkout():
            return
        if not self.checkout.checkout.cart.is_empty:
            self.checkout.show_error(self.tr("Finish or hold (F7) the sale in progress before a return."))
            return
        service, session, checkout = self.till.returns(), self.session, self.checkout.checkout

        def find(code: str, on_found, on_failure) -> None:
            self.runner.network(lambda: service.find_sale(code), on_found, on_failure)

        def item(code: str) -> ReturnLine:
            try:
                product = checkout.lookup(code)
            except Exception as exc:
                raise ValueError(explain(exc, self.locale)) from exc
            return ReturnLine(sku=product.sku, name=product.name, qty=1, amount=product.price)

        def refunds(total: int, original):
            return [(t.kind, t.amount, t.reference) for t in service.refunds_for(total, original)]

        def complete(original, lines, reason, approver_code: str, approver_pin: str, in_cash: bool) -> object:
            try:
                approver = (self.till.auth.approve(approver_code, approver_pin, session.cashier.code)
                            if approver_code or approver_pin else None)

                def run():
                    return service.complete(original, lines, reason=reason, cashier=session.cashier,
                                            actor_role=session.role, approver=approver,
                                            wallet_to_cash=in_cash)

                if not in_cash and service.needs_central(sum(ln.amount for ln in lines), original):
                    self.runner.network(run, done, failed)  # the wallet provider answers over the network
                    return PENDING
                self.last_return = run()
            except Exception as exc:
                return explain(exc, self.locale)
            return None

        def done(result) -> None:
            self.last_return = result
            dialog.finish(None)

        def failed(error: BaseException) -> None:
            offer = isinstance(error, WalletRefundUnavailable | WalletRefundRefused)
            dialog.finish(explain(error, self.locale), offer_cash=offer)

        dialog = ReturnDialog(self.locale, find, item, refunds, complete, self)
        dialog.finished.connect(lambda result: self._return_closed(dialog, result))
        self.return_dialog = dialog
        dialog.open()
        dialog.code_field.setFocus()

    def _return_closed(self, dialog: ReturnDialog, result: int) -> None:
        self.return_dialog = None
        dialog.deleteLater()
        done = self.last_return if result == QDialog.DialogCode.Accepted else None
        if done is not None:
            self.printing.submit(refund_document(done, self.store_name))
            self._poke_sync()
            self.refresh_status()
            self.checkout.show_info(self.tr("Refund {receipt}: {total} back to the customer. The slip is "
                                            "printing.").format(receipt=done.receipt_no,
                                                                total=format_money(done.total, self.locale)))
        self.checkout.focus_scan()

    # --------------------------------------------------------------- changing a line
    def change_line(self, action: Action) -> None:
        if (self.pages.currentWidget() is not self.checkout or self.checkout.busy or self.session is None
                or self.line_dialog is not None or self.payment_dialog is not None):
            return
        row = self.checkout.selected_row()
        if row is None:
            self.checkout.show_error(self.tr("The sale is empty: scan an item first."))
            return
        line = self.checkout.checkout.cart.lines[row]
        session = self.session

        def submit(value, reason, approver_code: str, approver_pin: str) -> str | None:
            approver = None
            try:
                if approver_code or approver_pin:
                    approver = self.till.auth.approve(approver_code, approver_pin, session.cashier.code)
                self.checkout.checkout.change_line(row, action, value, actor_role=session.role,
                                                   actor_code=session.cashier.code, approver=approver,
                                                   reason=reason)
            except Exception as exc:
                return explain(exc, self.locale)
            return None

        dialog = LineDialog(action, line, session.role, self.locale, submit, self)
        dialog.finished.connect(lambda result: self._line_dialog_closed(dialog, result, row, line))
        self.line_dialog = dialog
        dialog.open()

    def _line_dialog_closed(self, dialog: LineDialog, result: int, row: int, line) -> None:
        self.line_dialog = None
        dialog.deleteLater()
        if result == QDialog.DialogCode.Accepted:
            if dialog.action is Action.VOID_LINE:
                message = self.tr("{name} voided.").format(name=line.product.name)
            else:
                message = self.tr("{name}: now {amount}.").format(
                    name=line.product.name, amount=format_money(line.amount, self.locale))
                if self.checkout.checkout.stock_warning is not None:  # 'warn': the desk will be short
                    message += " " + reserved_stock_text(self.checkout.checkout.stock_warning)
            self.checkout.line_changed(row, message)
        self.checkout.focus_scan()

    # --------------------------------------------------------------- finding goods
    def open_search(self, text: str = "") -> None:
        if (self.pages.currentWidget() is not self.checkout or self.checkout.busy
                or self.search_dialog is not None or self.payment_dialog is not None):
            return
        dialog = ProductSearchDialog(self.till.catalog, self.locale, text if isinstance(text, str) else "",
                                     self)
        dialog.finished.connect(lambda result: self._search_finished(dialog, result))
        self.search_dialog = dialog
        dialog.open()

    def _search_finished(self, dialog: ProductSearchDialog, result: int) -> None:
        self.search_dialog = None
        dialog.deleteLater()
        if result == QDialog.DialogCode.Accepted and dialog.chosen_sku:
            self.checkout.add_picked(dialog.chosen_sku)
        self.checkout.focus_scan()

    # --------------------------------------------------------------- payment
    def pay(self) -> None:
        if (self.pages.currentWidget() is not self.checkout or self.checkout.busy
                or self.payment_dialog is not None):
            return
        if not self.checkout.check_payable():
            return
        overview = sync_overview(self.till.outbox, self.till.settings, self.till.catalog)
        dialog = PaymentDialog(self.checkout.checkout.payment(), self.locale, self,
                               noncash_locked=overview.offline.noncash_locked, wallet=self._charge_wallet,
                               points=self.checkout.checkout.points_tender
                               if self.checkout.checkout.member is not None else None)
        dialog.finished.connect(lambda result: self._paid(dialog, result))
        self.payment_dialog = dialog
        dialog.open()
        dialog.cash_field.setFocus()

    def _charge_wallet(self, code: str, amount: int, key: str, on_done, on_failure) -> None:
        payments = WalletPayments(self.till.client, self.till.identity())
        self.runner.network(lambda: payments.charge(code, amount, key), on_done, on_failure)

    def _paid(self, dialog: PaymentDialog, result: int) -> None:
        self.payment_dialog = None
        dialog.deleteLater()
        if result != QDialog.DialogCode.Accepted or not dialog.payment.settled or self.session is None:
            self.checkout.focus_scan()
            return
        payment, cashier = dialog.payment, self.session.cashier
        service = self.checkout.checkout
        self.checkout.set_busy(True)
        self.runner.write(lambda: service.complete_sale(payment, cashier, also=self.rfid_basket.record_sold),
                          self._committed, self._commit_failed)

    def _committed(self, sale: Sale) -> None:
        """Runs once the sale is durable on disk: only now is "paid" shown."""
        self.last_sale = sale
        self.checkout.set_busy(False)
        self.checkout.show_paid(sale)
        self.checkout.focus_scan()
        self.printing.submit(receipt_document(sale, self.store_name))
        self._poke_sync()
        self.refresh_status()

    def _commit_failed(self, error: BaseException) -> None:
        log.error("sale commit failed", exc_info=error)
        self.checkout.set_busy(False)
        if type(error).__name__ == "OrderAlreadyPaid":  # a guide order paid meanwhile: nothing was taken
            self.checkout.show_error(explain(error, self.locale))
            self.checkout.focus_scan()
            return
        self.checkout.show_error(self.tr(
            "The sale could not be saved ({error}). Nothing was charged and the cart is kept: "
            "try F12 again, and call IT if it keeps failing.").format(error=type(error).__name__))
        self.checkout.focus_scan()

    # --------------------------------------------------------------- help
    def show_help(self) -> None:
        if self.help_dialog is not None:
            return
        dialog = QDialog(self)
        dialog.setObjectName("helpDialog")
        dialog.setWindowTitle(self.tr("Keyboard shortcuts"))
        layout = QVBoxLayout(dialog)
        for key, text in SHORTCUTS:
            layout.addWidget(QLabel(f"<b>{key}</b> — {self.tr(text)}"))
        dialog.finished.connect(self._help_closed)
        self.help_dialog = dialog
        dialog.open()

    def _help_closed(self) -> None:
        self.help_dialog = None
        self.checkout.focus_scan()

    # --------------------------------------------------------------- status
    def refresh_status(self) -> None:
        health = sync_health(self.till.outbox, self.till.settings)
        self.top_bar.set_unsent(health.pending, health.oldest_pending_age_s)

    def on_sync_report(self, report: SyncReport) -> None:
        if isinstance(report.error, SyncBusy):  # another sync of this till ran: no news about central
            self.refresh_status()
            return
        if report.ok:
            self.sync_online, self.sync_detail = True, ""
            self.top_bar.set_online(True)
        elif isinstance(report.error, STOPPING_ERRORS):
            self.sync_online, self.sync_detail = False, self._stopped_text(report.error)
            self.top_bar.set_stopped(self.sync_detail)
        else:
            self.sync_online = report.reached_central
            self.sync_detail = report.error.message if report.error else ""
            self.top_bar.set_online(report.reached_central, self.sync_detail)
        self.refresh_status()
        self._refresh_sync_panel()
        self.guide_controls.on_sync()

    def _stopped_text(self, error: Exception) -> str:
        if isinstance(error, AuthRejected) and error.revoked:
            return self.tr("central revoked this till: it keeps selling, but sends nothing until "
                           "it is enrolled again (F9)")
        if isinstance(error, AuthRejected) and error.server_code == "token_expired":
            return self.tr("this till was out of touch with central so long that its token expired: "
                           "it keeps selling; enrol it again (F9)")
        if isinstance(error, AuthRejected):
            return self.tr("central no longer accepts this till's token: enrol it again (F9)")
        return self.tr("central needs a newer version of this app: ask IT to update it")

    def on_sync_progress(self, what: str, done: int, total: int) -> None:
        if what != "changes":  # a snapshot load can take a minute: say so where staff look
            self.top_bar.set_loading(what, done, total)
        if self.sync_panel is not None:
            self.sync_panel.show_progress(what, done, total)

    # --------------------------------------------------------------- sync panel
    def open_devices(self) -> None:
        if self.devices_dialog is not None or self.session is None:
            return
        configured = list_devices(self.till.config)["configured"]
        may_configure = self.session.role in ("manager", "admin", "it")
        dialog = DevicesDialog(configured, self._test_device, self,
                               save=self._save_devices if may_configure else None)
        dialog.finished.connect(self._devices_closed)
        self.devices_dialog = dialog
        dialog.open()

    def _test_device(self, kind: str, url: str) -> None:
        config, data_dir = self.till.config, self.till.paths.data_dir
        self.runner.network(
            lambda: test_device(url, DeviceKind(kind), config, data_dir, seconds=2.0),
            lambda result: self.devices_dialog and self.devices_dialog.show_result(result),
            lambda exc: self.devices_dialog and self.devices_dialog.show_result(None, str(exc)))

    def _save_devices(self, changes: list[tuple[str, int, str]]) -> str | None:
        """All or nothing: every changed URL must be one a driver takes before the file changes."""
        paths = self.till.paths
        config = load_config(paths.config_file)
        # Scanners from the last index down, so removing one does not shift the next.
        for kind, index, url in sorted(changes, key=lambda c: (c[0] != "scanner", -c[1])):
            try:
                set_device_url(config, DeviceKind(kind), url, index)
            except DeviceUrlError as exc:
                return f"{url or '—'}: {exc}"
        save_config(paths.config_file, config)
        self.till.record("devices.configured", self.session.cashier.code if self.session else "",
                         {"changes": [{"kind": k, "url": u} for k, _i, u in changes]})
        return None

    def _devices_closed(self) -> None:
        if self.devices_dialog is not None:
            self.devices_dialog.deleteLater()
        self.devices_dialog = None
        self.checkout.focus_scan()

    def open_sync_panel(self) -> None:
        if self.sync_panel is not None or self.session is None:
            return
        panel = SyncPanel(self, may_enrol=self.session.role in ("manager", "it", "supervisor"))
        panel.sync_requested.connect(self._poke_sync)
        panel.enrol_requested.connect(self._ask_enrolment)
        panel.finished.connect(self._sync_panel_closed)
        self.sync_panel = panel
        self._refresh_sync_panel()
        panel.open()

    def _sync_panel_closed(self) -> None:
        if self.sync_panel is not None:
            self.sync_panel.deleteLater()
        self.sync_panel = None
        self.checkout.focus_scan()

    def _refresh_sync_panel(self) -> None:
        if self.sync_panel is not None:
            overview = sync_overview(self.till.outbox, self.till.settings, self.till.catalog)
            self.sync_panel.show_overview(overview, self.sync_online, self.sync_detail)
            self.sync_panel.show_backup(self.till.backups.last())

    def _ask_enrolment(self) -> None:
        if self._reenrol is None:
            return
        dialog = EnrolDialog(self.till.config.central.url, self.sync_panel or self)
        dialog.finished.connect(lambda result: self._enrolment_answered(dialog, result))
        self.enrol_dialog = dialog
        dialog.open()

    def _enrolment_answered(self, dialog: EnrolDialog, result: int) -> None:
        self.enrol_dialog = None
        dialog.deleteLater()
        if result != QDialog.DialogCode.Accepted:
            return
        url, code = dialog.url_field.text().strip(), dialog.code_field.text().strip()
        self.top_bar.set_online(None)
        self._reenrol(url, code, self._enrolled, self._enrol_failed)

    def _enrolled(self, _result: object) -> None:
        self.sync_detail = ""
        self.top_bar.set_online(None)
        self._refresh_sync_panel()

    def _enrol_failed(self, error: BaseException) -> None:
        self.sync_online, self.sync_detail = False, self.tr("enrolment failed: {error}").format(
            error=getattr(error, "message", type(error).__name__))
        self.top_bar.set_online(False, self.sync_detail)
        self._refresh_sync_panel()

    # --------------------------------------------------------------- RFID
    def _cart_changed(self) -> None:
        if self.checkout.checkout.cart.is_empty:
            self.rfid_basket.reset()  # paid, held or voided: tags read from now on are a new basket

    def on_rfid_tag(self, tag: TagRead) -> None:
        """A de-duplicated tag read from the reader (on the UI thread now): one unit, once."""
        if self.fulfilment_dialog is not None and self.fulfilment_dialog.take_tag(tag):
            return  # a ship-from-store tote is being read
        if self.guide_controls.take_tag(tag):
            return  # a stock count or a receipt is reading
        if (self.pages.currentWidget() is not self.checkout or QApplication.activeModalWidget() is not None
                or self.checkout.busy):
            return
        event = self.rfid_basket.add(tag)
        if event.outcome is TagOutcome.ADDED:
            self.checkout.add_picked(event.sku)
        elif event.outcome is TagOutcome.ALREADY_SOLD:
            self.checkout.show_error(self.tr(
                "Tag {epc} was already sold on receipt {receipt}; it is not added. Put the item aside "
                "and call a supervisor.").format(epc=event.epc[-8:], receipt=event.receipt_no))
        elif event.outcome is TagOutcome.PICKED_FOR_DELIVERY:
            self.checkout.show_error(self.tr(
                "Tag {epc} is picked for delivery order {order} and waits to ship; it is not added. "
                "Put the item back in that order's tote.").format(epc=event.epc[-8:], order=event.order_id))
        elif event.outcome is TagOutcome.UNKNOWN_GTIN:
            self.checkout.show_error(self.tr(
                "A tag with GTIN {gtin} is no product of this store; scan that item's barcode.").format(
                gtin=event.gtin))
        elif event.outcome is TagOutcome.NOT_GS1:
            log.info("RFID tag %s is not a product tag (not GS1); ignored", event.epc)

    def on_rfid_status(self, status: DeviceStatus) -> None:
        if status.event is DeviceEvent.DISCONNECTED:
            self.checkout.show_error(self.tr(
                "The RFID reader is not connected ({detail}). It is used again as soon as it is "
                "back.").format(detail=status.detail[:60]))

    # --------------------------------------------------------------- scanners
    def take_scan(self, scan: Scan) -> bool:
        """A complete scan from any scanner: into the sale when the checkout has the floor."""
        if (self.pages.currentWidget() is not self.checkout or QApplication.activeModalWidget() is not None
                or self.checkout.busy):
            return False
        self.checkout.scan_code(scan.data)
        return True

    def on_device_scan(self, scan: Scan) -> None:
        """A scan from a serial or camera scanner (on the UI thread now): the sale, else the focused field."""
        if scan.source.startswith(("camera:", "sim://camera")):
            QApplication.beep()  # a camera gives no beep of its own: the cashier hears it was read
        if self.take_scan(scan):
            return
        field = QApplication.focusWidget()
        if isinstance(field, QLineEdit):
            field.insert(scan.data)
            field.returnPressed.emit()

    def on_scanner_status(self, status: DeviceStatus) -> None:
        if status.event is DeviceEvent.DISCONNECTED:
            self.checkout.show_error(self.tr(
                "The scanner is not connected ({detail}). Scans will work again as soon as it is "
                "plugged in.").format(detail=status.detail[:60]))
        elif status.event is DeviceEvent.BAD_INPUT:
            self.checkout.show_error(self.tr("The scanner sent something unreadable; please scan again."))

    def on_printer_status(self, status: PrinterStatus) -> None:
        self.top_bar.set_printer(status.ok, status.waiting, status.condition)
        if not status.ok and status.waiting == 0:  # found by the idle status check, before any receipt
            self.checkout.show_error(self.tr(
                "The printer reports: {what}. Fix it before the next receipt; receipts wait "
                "until it is fixed.").format(what=printer_condition_text(status.condition)))
        elif not status.ok:
            self.checkout.show_error(self.tr(
                "The receipt did not print ({detail}). It is kept and will print when the "
                "printer is fixed.").format(detail=status.detail[:80]))
