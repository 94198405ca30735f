"""Checkout: the cart as a large table, the total in large type, the scan field always ready."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_client.domain.cart import format_kg
from pos_client.domain.coupons import looks_like_coupon
from pos_client.domain.permissions import Action
from pos_client.domain.sale import EmptyCart, Sale
from pos_client.services.checkout import CheckoutService, UnknownCode
from pos_client.ui.money_text import format_amount, format_money

from .cart_model import CartModel
from .messages import explain, reserved_stock_text

SAVINGS_LINES = 4
"""Promotions named under the total; more are summed up in the last line."""


class CheckoutScreen(QWidget):
    pay_requested = Signal()
    coupon_scanned = Signal(str)
    help_requested = Signal()
    logout_requested = Signal()
    sync_requested = Signal()
    search_requested = Signal(str)
    line_change_requested = Signal(object)  # a permissions.Action
    hold_requested = Signal()
    recall_requested = Signal()
    void_sale_requested = Signal()
    cart_changed = Signal()  # lines or totals changed: the customer display follows

    def __init__(self, checkout: CheckoutService, locale: str) -> None:
        super().__init__()
        self.setObjectName("checkoutScreen")
        self.checkout = checkout
        self.badge_handler: Callable[[str], bool] | None = None
        self._locale = locale
        self.busy = False

        self.scan_field = QLineEdit()
        self.scan_field.setObjectName("scanField")
        self.scan_field.setPlaceholderText(
            self.tr("Scan or type a barcode (or an item's initials), then Enter"))
        self.scan_field.setAccessibleName(self.tr("Barcode"))
        self.scan_field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.scan_field.setMaxLength(64)

        self.model = CartModel(checkout.cart)
        self.table = QTableView()
        self.table.setObjectName("cartTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        palette = self.table.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Highlight, QColor("#fde68a"))
            palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#111827"))
        self.table.setPalette(palette)
        table_font = self.table.font()
        table_font.setPixelSize(18)
        self.table.setFont(table_font)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(44)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Fixed widths from the font, not ResizeToContents: that re-measures every row per scan.
        digits = self.table.fontMetrics().horizontalAdvance("0")
        for col, chars in ((1, 8), (2, 11), (3, 10), (4, 11)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(col, max(digits * chars + 24,
                                          header.fontMetrics().horizontalAdvance(
                                              self.model.headerData(col, Qt.Orientation.Horizontal)) + 24))

        self.message_label = QLabel()
        self.message_label.setObjectName("messageLabel")
        self.message_label.setWordWrap(True)
        self.message_label.setProperty("state", "info")

        total_caption = QLabel(self.tr("Total"))
        total_caption.setObjectName("totalCaption")
        self.total_label = QLabel()
        self.total_label.setObjectName("totalLabel")
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.count_label = QLabel()
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.member_label = QLabel()
        self.member_label.setObjectName("memberLabel")
        self.member_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.savings_label = QLabel()
        self.savings_label.setObjectName("savingsLabel")
        self.savings_label.setWordWrap(True)
        self.savings_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.result_label = QLabel()
        self.result_label.setObjectName("resultLabel")
        self.result_label.setWordWrap(True)
        self.result_label.setAlignment(Qt.AlignmentFlag.AlignRight)

        # Labels whose text changes on every scan get fixed heights: a size hint that moves
        # re-lays out, and so repaints, the whole screen on each scan.
        for label, lines in ((self.message_label, 2), (self.total_label, 1), (self.count_label, 1),
                             (self.result_label, 2), (self.savings_label, SAVINGS_LINES + 1),
                             (self.member_label, 1)):
            label.ensurePolished()  # the style sheet's font size, not the default one
            label.setFixedHeight(label.fontMetrics().lineSpacing() * lines + 16)
        side = QVBoxLayout()
        side.addWidget(total_caption)
        side.addWidget(self.total_label)
        side.addWidget(self.count_label)
        side.addWidget(self.member_label)
        side.addWidget(self.savings_label)
        side.addStretch(1)
        side.addWidget(self.result_label)
        side_box = QWidget()
        side_box.setObjectName("sidePanel")
        side_box.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        side_box.setLayout(side)
        side_box.setMinimumWidth(320)

        main = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.scan_field)
        left.addWidget(self.table, 1)
        left.addWidget(self.message_label)
        main.addLayout(left, 3)
        main.addWidget(side_box, 1)

        keys = QGridLayout()
        self.help_button = self._fkey(self.tr("F1 Help"), self.help_requested)
        self.find_button = QPushButton(self.tr("F2 Find item"))
        self.find_button.setObjectName("fkey")
        self.find_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.find_button.clicked.connect(lambda: self.search_requested.emit(""))
        self.line_buttons = []
        for text, action in ((self.tr("F3 Qty"), Action.RAISE_QTY),
                             (self.tr("F4 Void line"), Action.VOID_LINE),
                             (self.tr("F5 Price"), Action.PRICE_OVERRIDE),
                             (self.tr("F6 Discount"), Action.LINE_DISCOUNT)):
            button = QPushButton(text)
            button.setObjectName("fkey")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, a=action: self.line_change_requested.emit(a))
            self.line_buttons.append(button)
        self.hold_button = self._fkey(self.tr("F7 Hold"), self.hold_requested)
        self.recall_button = self._fkey(self.tr("F8 Recall"), self.recall_requested)
        self.void_sale_button = self._fkey(self.tr("F11 Void sale"), self.void_sale_requested)
        self.sync_button = self._fkey(self.tr("F9 Sync"), self.sync_requested)
        self.logout_button = self._fkey(self.tr("F10 Log out"), self.logout_requested)
        self.pay_button = self._fkey(self.tr("F12 Pay"), self.pay_requested)
        self.pay_button.setObjectName("payButton")
        # Two rows: finding and changing items above, the sale and the till below; Pay spans both.
        for col, button in enumerate([self.help_button, self.find_button, *self.line_buttons]):
            keys.addWidget(button, 0, col)
        for col, button in enumerate([self.hold_button, self.recall_button, self.void_sale_button,
                                      self.sync_button, self.logout_button]):
            keys.addWidget(button, 1, col)
        keys.setColumnStretch(6, 1)
        self.pay_button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.pay_button.setMinimumWidth(180)
        keys.addWidget(self.pay_button, 0, 7, 2, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(main, 1)
        layout.addLayout(keys)

        self.scan_field.returnPressed.connect(self._on_scan)
        self.scan_field.installEventFilter(self)
        self._show_totals()

    def eventFilter(self, obj, event) -> bool:
        """Up and Down in the scan field choose the cart line that F3-F6 act on."""
        if obj is self.scan_field and event.type() == event.Type.KeyPress and self.checkout.cart.lines:
            step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(event.key())
            if step is not None:
                row = self.selected_row()
                row = len(self.checkout.cart.lines) - 1 if row is None else row + step
                row = max(0, min(len(self.checkout.cart.lines) - 1, row))
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
                return True
        return super().eventFilter(obj, event)

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if rows and rows[0].row() < len(self.checkout.cart.lines):
            return rows[0].row()
        return len(self.checkout.cart.lines) - 1 if self.checkout.cart.lines else None

    def line_changed(self, row: int | None, message: str) -> None:
        """After a quantity, void, price or discount change: redraw and say what happened."""
        self.model.refresh()
        if row is not None and self.checkout.cart.lines:
            row = min(row, len(self.checkout.cart.lines) - 1)
            self.table.selectRow(row)
        self._set_message(message, "info")
        self._show_totals()

    def _fkey(self, text: str, signal) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName("fkey")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(signal.emit)
        return button

    def focus_scan(self) -> None:
        """Back to the scan field, also after a dialog closed and took window activation with it."""
        self.window().activateWindow()
        self.scan_field.setFocus()

    def _set_message(self, text: str, state: str) -> None:
        self.message_label.setText(text)
        if self.message_label.property("state") != state:  # re-polishing costs milliseconds
            self.message_label.setProperty("state", state)
            self.message_label.style().unpolish(self.message_label)
            self.message_label.style().polish(self.message_label)

    def _on_scan(self) -> None:
        raw = self.scan_field.text()
        self.scan_field.clear()
        self.scan_code(raw)

    def scan_code(self, raw: str) -> None:
        """A code from the scan field or, whole, from a scanner driver (not cut at the field's length)."""
        if self.busy or not raw.strip():
            return
        if self.result_label.text():
            self.result_label.clear()  # a new sale starts with the first scan after "paid"
        if self.badge_handler is not None and self.badge_handler(raw):
            return  # a sales guide's badge: the sale is attributed to them (ui/guide_controls.py)
        if looks_like_coupon(raw):
            self.coupon_scanned.emit(raw.strip().upper())  # checked live at central when online
            return
        try:
            row = self.checkout.scan(raw)
        except UnknownCode as exc:
            # Letters that are no code here may be a name's initials or pinyin ("kkkl"):
            # offer what they find instead of an error, when they find anything.
            if not raw.strip().isdigit() and self.checkout.search(raw, limit=1):
                self.search_requested.emit(raw.strip())
                return
            self._set_message(explain(exc, self._locale), "error")
            return
        except Exception as exc:  # every refusal is explained; nothing is added
            self._set_message(explain(exc, self._locale), "error")
            return
        self._line_added(row)

    def add_picked(self, sku: str) -> None:
        """Add the product the cashier picked in the search dialog."""
        if self.busy:
            return
        if self.result_label.text():
            self.result_label.clear()
        try:
            row = self.checkout.add_sku(sku)
        except Exception as exc:
            self._set_message(explain(exc, self._locale), "error")
            return
        self._line_added(row)

    def _line_added(self, row: int) -> None:
        self.model.line_changed(row)
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        line = self.checkout.cart.lines[row]
        if line.weight_g is not None and line.label_price is None:
            shown = self.tr("{name} {weight}").format(name=line.product.name, weight=format_kg(line.weight_g))
        elif line.label_price is not None:
            shown = self.tr("{name} (labelled {price})").format(
                name=line.product.name, price=format_money(line.label_price, self._locale))
        else:
            shown = self.tr("{name} × {qty}").format(name=line.product.name, qty=line.qty)
        warning = getattr(self.checkout, "stock_warning", None)
        if warning is not None:  # store policy 'warn': sold, but the pickup desk will be short
            self._set_message(shown + " — " + reserved_stock_text(warning), "warning")
            self._show_totals()
            return
        self._set_message(shown, "info")
        self._show_totals()

    def _show_totals(self) -> None:
        cart = self.checkout.cart
        self.total_label.setText(format_money(cart.total, self._locale))
        self.count_label.setText(self.tr("{n} item(s)").format(n=cart.item_count))
        self.savings_label.setText(self._savings_text())
        member = self.checkout.member
        self.member_label.setText(self.tr("Member {phone} · {points} points").format(
            phone=member.phone_masked, points=f"{member.points:,}") if member else "")
        self.cart_changed.emit()

    def _savings_text(self) -> str:
        """What the promotions took off, each named: the customer asks "why is it cheaper?"."""
        cart = self.checkout.cart
        applied = cart.pricing.applied if cart.pricing is not None else ()
        if not applied and not cart.discount_total:
            return ""
        rows = [self.tr("You save {amount}").format(amount=format_money(cart.discount_total, self._locale))]
        for a in applied[:SAVINGS_LINES]:
            name = a.name_en if self._locale.startswith("en") and a.name_en else a.name
            rows.append(f"{name}  −{format_amount(a.amount)}")
        if len(applied) > SAVINGS_LINES:
            rows[-1] = self.tr("…and {n} more").format(n=len(applied) - SAVINGS_LINES + 1)
        return "\n".join(rows)

    def check_payable(self) -> bool:
        if self.checkout.cart.is_empty:
            self._set_message(explain(EmptyCart(), self._locale), "error")
            return False
        return True

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.pay_button.setEnabled(not busy)
        if busy:
            self._set_message(self.tr("Saving the sale…"), "info")

    def show_paid(self, sale: Sale) -> None:
        self.checkout.new_sale()
        self.model.set_cart(self.checkout.cart)
        self._show_totals()
        self.result_label.setText(self.tr("Paid {total}\nChange {change}").format(
            total=format_money(sale.paid, self._locale),
            change=format_money(sale.change, self._locale)))
        self._set_message(self.tr("Sale {receipt} saved. Receipt is printing.").format(
            receipt=sale.receipt_no), "success")

    def refresh_cart(self, message: str, state: str = "info") -> None:
        """After something outside the cart changed its prices (a coupon, a member)."""
        self.model.refresh()
        self._show_totals()
        self._set_message(message, state)

    def show_error(self, text: str) -> None:
        self._set_message(text, "error")

    def show_info(self, text: str) -> None:
        self._set_message(text, "info")
