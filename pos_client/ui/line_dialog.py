"""Changing one line of the sale: quantity, void, price or discount, with a reason, and a
supervisor's staff number and PIN right here when the cashier may not do it alone."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from pos_client.domain.cart import CartLine
from pos_client.domain.money import InvalidAmount
from pos_client.domain.permissions import REASONS, ROLES, Action, allowed, cut_pct, needs_reason
from pos_client.ui.money_text import format_money, parse_amount

REASON_TEXT = {
    "scan_error": QT_TRANSLATE_NOOP("LineDialog", "Scanned by mistake"),
    "customer_changed_mind": QT_TRANSLATE_NOOP("LineDialog", "Customer changed their mind"),
    "damaged": QT_TRANSLATE_NOOP("LineDialog", "Damaged or faulty"),
    "out_of_date": QT_TRANSLATE_NOOP("LineDialog", "Past its date"),
    "shelf_price_differs": QT_TRANSLATE_NOOP("LineDialog", "Shelf price differs"),
    "price_match": QT_TRANSLATE_NOOP("LineDialog", "Price match"),
    "loyal_customer": QT_TRANSLATE_NOOP("LineDialog", "Regular customer"),
    "service_recovery": QT_TRANSLATE_NOOP("LineDialog", "Making up for poor service"),
    "customer_left": QT_TRANSLATE_NOOP("LineDialog", "Customer left without paying"),
    "payment_failed": QT_TRANSLATE_NOOP("LineDialog", "Customer could not pay"),
    "training": QT_TRANSLATE_NOOP("LineDialog", "Training or test sale"),
    "defective": QT_TRANSLATE_NOOP("LineDialog", "Faulty"),
    "wrong_item": QT_TRANSLATE_NOOP("LineDialog", "Wrong item or size"),
}
TITLES = {
    Action.RAISE_QTY: QT_TRANSLATE_NOOP("LineDialog", "Change quantity"),
    Action.VOID_LINE: QT_TRANSLATE_NOOP("LineDialog", "Void this line"),
    Action.PRICE_OVERRIDE: QT_TRANSLATE_NOOP("LineDialog", "Change the price"),
    Action.LINE_DISCOUNT: QT_TRANSLATE_NOOP("LineDialog", "Discount this line"),
    Action.VOID_SALE: QT_TRANSLATE_NOOP("LineDialog", "Void the whole sale"),
}
# Submit(value, reason, approver staff no, approver PIN) -> None, or the message to show.
Submit = Callable[[int | None, str | None, str, str], str | None]


class LineDialog(QDialog):
    def __init__(self, action: Action, line: CartLine | None, role: str, locale: str, submit: Submit,
                 parent=None, summary: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("lineDialog")
        self.setModal(True)
        self.action, self.line, self.role, self._locale, self._submit = action, line, role, locale, submit
        self.setWindowTitle(QCoreApplication.translate("LineDialog", TITLES[action]))

        what = QLabel(summary if line is None
                      else f"{line.product.name}    {format_money(line.amount, locale)}")
        what.setObjectName("lineWhat")
        what.setWordWrap(True)
        form = QFormLayout()
        self.value_field = QLineEdit()
        self.value_field.setObjectName("lineValue")
        self.value_field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        if action is Action.RAISE_QTY and line is not None:
            form.addRow(self.tr("New quantity"), self.value_field)
            self.value_field.setText(str(line.qty))
        elif action is Action.PRICE_OVERRIDE:
            form.addRow(self.tr("New price (per unit, or per kg)"), self.value_field)
        elif action is Action.LINE_DISCOUNT:
            form.addRow(self.tr("Discount (amount off this line)"), self.value_field)
        self.reason_box = QComboBox()
        self.reason_box.setObjectName("lineReason")
        reason_action = Action.LOWER_QTY if action is Action.RAISE_QTY else action
        for code in REASONS.get(reason_action, ()):
            self.reason_box.addItem(QCoreApplication.translate("LineDialog", REASON_TEXT[code]), code)
        self.reason_label = QLabel(self.tr("Reason"))
        form.addRow(self.reason_label, self.reason_box)
        self.approver_hint = QLabel()
        self.approver_hint.setObjectName("approverHint")
        self.approver_hint.setWordWrap(True)
        self.approver_field = QLineEdit()
        self.approver_field.setObjectName("approverField")
        self.approver_field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.pin_field = QLineEdit()
        self.pin_field.setObjectName("approverPin")
        self.pin_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.approver_label = QLabel(self.tr("Supervisor number"))
        self.pin_label = QLabel(self.tr("Supervisor PIN"))
        form.addRow(self.approver_hint)
        form.addRow(self.approver_label, self.approver_field)
        form.addRow(self.pin_label, self.pin_field)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)

        self.ok_button = QPushButton(self.tr("Confirm (Enter)"))
        self.ok_button.setObjectName("primaryButton")
        self.ok_button.setDefault(True)
        cancel = QPushButton(self.tr("Back (Esc)"))
        buttons = QHBoxLayout()
        buttons.addWidget(cancel)
        buttons.addStretch(1)
        buttons.addWidget(self.ok_button)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.resize(560, 0)

        self.ok_button.clicked.connect(self._confirm)
        cancel.clicked.connect(self.reject)
        for field in (self.value_field, self.approver_field, self.pin_field):
            field.returnPressed.connect(self._confirm)
        self.value_field.textChanged.connect(self._update)
        self._has_value = action not in (Action.VOID_LINE, Action.VOID_SALE)
        self.value_field.setVisible(self._has_value)
        if form.labelForField(self.value_field) is not None:
            form.labelForField(self.value_field).setVisible(self._has_value)
        self._update()
        (self.value_field if self._has_value else self.reason_box).setFocus()

    def _value(self) -> int | None:
        text = self.value_field.text().strip()
        if self.action is Action.RAISE_QTY:
            return int(text) if text.isdigit() else None
        try:
            return parse_amount(text)
        except InvalidAmount:
            return None

    def _effective(self) -> tuple[Action, int]:
        """The action as it will be judged (raising or lowering a quantity) and its cut in %."""
        value = self._value()
        if self.line is None:
            return self.action, 0
        if self.action is Action.RAISE_QTY:
            return (Action.RAISE_QTY if value is None or value >= self.line.qty else Action.LOWER_QTY), 0
        if self.action is Action.PRICE_OVERRIDE and value is not None:
            return self.action, cut_pct(self.line.list_gross, self.line.amount_if_overridden(value))
        if self.action is Action.LINE_DISCOUNT and value is not None:
            return self.action, cut_pct(self.line.list_gross, self.line.gross - value)
        return self.action, 0

    def _update(self) -> None:
        action, cut = self._effective()
        show_reason = needs_reason(action)
        self.reason_label.setVisible(show_reason)
        self.reason_box.setVisible(show_reason)
        alone = allowed(self.role, action, cut)
        for widget in (self.approver_hint, self.approver_label, self.approver_field, self.pin_label,
                       self.pin_field):
            widget.setVisible(not alone)
        if not alone:
            cap = ROLES.get(self.role)
            if cap is not None and action in cap.may:
                self.approver_hint.setText(self.tr("Above {cap}% off, a supervisor or manager must "
                                                   "approve.").format(cap=cap.max_discount_pct))
            else:
                self.approver_hint.setText(self.tr("A supervisor must approve this: their staff number "
                                                   "and PIN."))

    def _confirm(self) -> None:
        value = self._value() if self._has_value else None
        if self._has_value and value is None:
            self.error_label.setText(self.tr("Enter a number, like 2 or 12.50."))
            self.value_field.setFocus()
            return
        action, _cut = self._effective()
        reason = self.reason_box.currentData() if needs_reason(action) else None
        problem = self._submit(value, reason, self.approver_field.text().strip(), self.pin_field.text())
        if problem:
            self.error_label.setText(problem)
            self.pin_field.clear()
            return
        self.accept()
