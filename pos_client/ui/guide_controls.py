"""The till window's way into the sales guide and stock work: Ctrl+G (guide screen), Ctrl+K
(stock work), Ctrl+H (the guide who helped with this sale; a guide's badge, GD + staff number,
scanned at the checkout does the same).  Kept apart from main_window.py, which only calls
`GuideControls(window)` and forwards sync reports, RFID tags and scans."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from drivers.interfaces import TagRead
from pos_client.domain.sale import Cashier
from pos_client.services.guide import BADGE_PREFIX, GuideService, NotAGuide
from pos_client.services.order_payment import start_order_payment

from .guide_window import GuideWindow
from .messages import explain
from .stock_window import StockWindow
from .work_windows import open_over_checkout

SHORTCUTS = (
    (
        "Ctrl+G",
        QT_TRANSLATE_NOOP(
            "MainWindow",
            "Sales guide: find a product, stock in every store nearest first, order for a "
            "customer, orders and commission",
        ),
    ),
    (
        "Ctrl+K",
        QT_TRANSLATE_NOOP(
            "MainWindow", "Stock work: count (RFID or scan), receive, below safety stock, transfers, damage"
        ),
    ),
    (
        "Ctrl+H",
        QT_TRANSLATE_NOOP(
            "MainWindow", "The sales guide who helped with this sale (or scan the guide's badge)"
        ),
    ),
)


class GuidePickDialog(QDialog):
    """Scan the guide's badge or type their staff number, or press their name."""

    def __init__(self, service: GuideService, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("guidePick")
        self.setWindowTitle(self.tr("Sales guide for this sale"))
        self.service = service
        self.chosen: Cashier | None = None
        self.field = QLineEdit()
        self.field.setObjectName("guideBadge")
        self.field.setMinimumHeight(48)
        self.field.setPlaceholderText(
            self.tr("Scan the guide's badge or type their staff number, then Enter")
        )
        self.field.returnPressed.connect(lambda: self.pick(self.field.text()))
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        row = QHBoxLayout()
        for guide in service.guides():
            button = QPushButton(f"{guide.name} {guide.code}")
            button.setMinimumHeight(48)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, code=guide.code: self.pick(code))
            row.addWidget(button)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        self.field.setFocus()

    def pick(self, typed: str) -> None:
        try:
            self.chosen = self.service.guide_by_code(typed)
        except NotAGuide:
            self.error_label.setText(
                self.tr(
                    '"{code}" is no sales guide of this store. Scan the badge again '
                    "or press the guide's name."
                ).format(code=typed.strip()[:16])
            )
            self.field.selectAll()
            return
        self.accept()


class GuideControls:
    def __init__(self, window) -> None:
        self.window = window
        self.guide_window: GuideWindow | None = None
        self.stock_window: StockWindow | None = None
        self.pick_dialog: GuidePickDialog | None = None
        QShortcut(QKeySequence("Ctrl+G"), window, activated=self.open_guide)
        QShortcut(QKeySequence("Ctrl+K"), window, activated=self.open_stock)
        QShortcut(QKeySequence("Ctrl+H"), window, activated=self.pick_guide)
        window.checkout.badge_handler = self.badge_scanned

    def _logged_in(self) -> bool:
        w = self.window
        return w.session is not None and w.pages.currentWidget() is w.checkout and not w.checkout.busy

    def _service(self) -> GuideService:
        return self.window.till.guide()

    # ------------------------------------------------------------ guide attribution
    def badge_scanned(self, raw: str) -> bool:
        """A guide's badge in the checkout's scan field: the sale is theirs. False: not a badge."""
        code = raw.strip().upper()
        if not code.startswith(BADGE_PREFIX) or not code[len(BADGE_PREFIX) :].isdigit():
            return False
        try:
            self.attribute(self._service().guide_by_code(code))
        except NotAGuide:
            self.window.checkout.show_error(
                self.window.tr(
                    "Badge {code} is no sales guide of this store: the sale is not attributed."
                ).format(code=code[:16])
            )
        return True

    def attribute(self, guide: Cashier) -> None:
        self.window.checkout.checkout.guide = guide
        self.window.checkout.show_info(
            self.window.tr("This sale is attributed to sales guide {name} ({code}).").format(
                name=guide.name, code=guide.code
            )
        )

    def pick_guide(self) -> None:
        if not self._logged_in():
            return
        dialog = GuidePickDialog(self._service(), self.window)
        self.pick_dialog = dialog

        def closed(result: int) -> None:
            self.pick_dialog = None
            dialog.deleteLater()
            if result == QDialog.DialogCode.Accepted and dialog.chosen is not None:
                self.attribute(dialog.chosen)
            self.window.checkout.focus_scan()

        dialog.finished.connect(closed)
        dialog.open()

    # ------------------------------------------------------------ windows
    def open_guide(self) -> None:
        if not self._logged_in():
            return
        w = self.window
        window = GuideWindow(
            self._service(), w.runner, w.session, w.locale, w.till.checkout(), w.store_name, w
        )
        window.slip_requested.connect(w.printing.submit)
        window.pay_requested.connect(self.pay_order)
        open_over_checkout(w, self, "guide_window", window)

    def pay_order(self, order_id: str) -> None:
        """A guide order paid at this till: its amount due goes on the (empty) sale, and the normal
        payment dialog opens (any tender; the sale is in this shift and its Z report)."""
        w = self.window
        service = w.checkout.checkout
        try:
            order = start_order_payment(service, order_id)
        except Exception as exc:  # already paid, refused, or a sale in progress: said, nothing taken
            text = explain(exc, w.locale)
            if self.guide_window is not None:
                self.guide_window.say(text, "error")
            else:
                w.checkout.show_error(text)
            return
        if self.guide_window is not None:
            self.guide_window.accept()
        w.checkout.model.set_cart(service.cart)
        w.checkout.refresh_cart(w.tr("Guide order {order}: take the payment (F12).").format(
            order=order.order_no or order.order_id[:8]))
        w.pay()

    def _sync_once(self) -> None:
        till = self.window.till
        with till.client() as client:
            report = till.sync_engine(client).run_once()
        if not report.ok:
            raise RuntimeError(report.error.message if report.error else "sync failed")

    def open_stock(self) -> None:
        if not self._logged_in():
            return
        w = self.window
        window = StockWindow(
            w.till.stock_work(),
            w.runner,
            w.session,
            w.till.auth,
            self._sync_once if w.till.config.enrolled else None,
            w,
        )
        open_over_checkout(w, self, "stock_window", window)

    # ------------------------------------------------------------ forwarded by the main window
    def on_sync(self) -> None:
        """After a sync: queued orders may be placed now, transfers may have moved."""
        if self.guide_window is not None:
            self.guide_window.refresh_orders()
        if self.stock_window is not None:
            self.stock_window.refresh_lists()

    def take_tag(self, tag: TagRead) -> bool:
        return self.stock_window is not None and self.stock_window.take_tag(tag)
