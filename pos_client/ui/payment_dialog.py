"""Payment: the amount due, very large; cash tendered by keyboard, keypad or quick-cash buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from pos_client.domain.money import Amount, InvalidAmount, format_amount, format_money, parse_amount
from pos_client.domain.sale import InsufficientTender, quick_cash_amounts

from .messages import explain


class PaymentDialog(QDialog):
    def __init__(self, due: Amount, locale: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("paymentDialog")
        self.setWindowTitle(self.tr("Payment"))
        self.setModal(True)
        self.due = due
        self.tendered: Amount | None = None
        self._locale = locale

        due_caption = QLabel(self.tr("Amount due"))
        self.due_label = QLabel(format_money(due, locale))
        self.due_label.setObjectName("dueLabel")
        self.due_label.setAlignment(Qt.AlignmentFlag.AlignRight)

        self.cash_field = QLineEdit()
        self.cash_field.setObjectName("cashField")
        self.cash_field.setAccessibleName(self.tr("Cash received"))
        self.cash_field.setPlaceholderText(self.tr("Cash received"))
        self.cash_field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.cash_field.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.change_label = QLabel()
        self.change_label.setObjectName("changeLabel")
        self.change_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)

        quick = QHBoxLayout()
        self.quick_buttons: list[QPushButton] = []
        for i, amount in enumerate(quick_cash_amounts(due)):
            text = self.tr("Exact") if i == 0 else format_money(amount, locale)
            button = QPushButton(text)
            button.setObjectName("quickCash")
            button.clicked.connect(lambda _=False, a=amount: self._set_amount(a))
            quick.addWidget(button)
            self.quick_buttons.append(button)

        keypad = QGridLayout()
        keys = ["7", "8", "9", "4", "5", "6", "1", "2", "3", "0", "00", "."]
        for i, key in enumerate(keys):
            button = QPushButton(key)
            button.setObjectName("keypad")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, k=key: self.cash_field.insert(k))
            keypad.addWidget(button, i // 3, i % 3)
        back = QPushButton("⌫")
        back.setObjectName("keypad")
        back.setAccessibleName(self.tr("Delete last digit"))
        back.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        back.clicked.connect(self.cash_field.backspace)
        keypad.addWidget(back, 0, 3)
        clear = QPushButton(self.tr("Clear"))
        clear.setObjectName("keypad")
        clear.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        clear.clicked.connect(self.cash_field.clear)
        keypad.addWidget(clear, 1, 3)

        self.confirm_button = QPushButton(self.tr("Confirm cash (Enter)"))
        self.confirm_button.setObjectName("primaryButton")
        self.confirm_button.clicked.connect(self.confirm)
        cancel = QPushButton(self.tr("Back to sale (Esc)"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(cancel)
        buttons.addWidget(self.confirm_button, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(due_caption)
        layout.addWidget(self.due_label)
        layout.addWidget(self.cash_field)
        layout.addWidget(self.change_label)
        layout.addLayout(quick)
        layout.addLayout(keypad)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)

        # Enter (main or keypad) confirms through the cash field alone: QDialog would
        # otherwise also "click" whichever button is the default one.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.cash_field.textChanged.connect(self._update_change)
        self.cash_field.returnPressed.connect(self.confirm)
        self.cash_field.setFocus()
        self._update_change()

    def _set_amount(self, amount: Amount) -> None:
        self.cash_field.setText(format_amount(amount))
        self.cash_field.setFocus()

    def _read(self) -> Amount | None:
        text = self.cash_field.text()
        if not text.strip():
            return None
        return parse_amount(text)

    def _update_change(self) -> None:
        self.error_label.clear()
        try:
            amount = self._read()
        except InvalidAmount:
            self.change_label.setText(self.tr("Not an amount"))
            return
        if amount is None:
            self.change_label.setText("")
        elif amount < self.due:
            self.change_label.setText(self.tr("Still due: {amount}").format(
                amount=format_money(self.due - amount, self._locale)))
        else:
            self.change_label.setText(self.tr("Change: {amount}").format(
                amount=format_money(amount - self.due, self._locale)))

    def confirm(self) -> None:
        try:
            amount = self._read()
        except InvalidAmount:
            self.error_label.setText(self.tr(
                "\"{text}\" is not an amount of cash. Type the cash received, e.g. 100 or 52.50.")
                .format(text=self.cash_field.text()[:20]))
            self.cash_field.selectAll()
            return
        if amount is None:
            amount = self.due  # Enter on an empty field: the customer paid exactly
        if amount < self.due:
            self.error_label.setText(explain(InsufficientTender(self.due, amount), self._locale))
            self.cash_field.selectAll()
            return
        self.tendered = amount
        self.accept()
