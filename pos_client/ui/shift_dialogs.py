"""Shift dialogs: open with a float, cash in/out with a reason, the blind close, and a touch menu.

Each dialog hands what was typed to a `submit` callback and shows the message it returns
(None: done).  The close dialog is blind: nothing on it says what the drawer should hold
until the count has been submitted; only then does it show the difference.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from pos_client.domain.money import Amount, InvalidAmount
from pos_client.domain.shifts import CASH_IN, CASH_OUT, REASONS, ShiftReport, needs_approval, z_label
from pos_client.ui.money_text import format_money, parse_amount

REASON_TEXT = {
    "float_top_up": QT_TRANSLATE_NOOP("ShiftDialogs", "Float top-up"),
    "change_delivery": QT_TRANSLATE_NOOP("ShiftDialogs", "Change delivered to the till"),
    "correction": QT_TRANSLATE_NOOP("ShiftDialogs", "Correction"),
    "safe_drop": QT_TRANSLATE_NOOP("ShiftDialogs", "Drop to the safe"),
    "bank_deposit": QT_TRANSLATE_NOOP("ShiftDialogs", "Bank deposit"),
    "petty_expense": QT_TRANSLATE_NOOP("ShiftDialogs", "Petty expense"),
    "supplier_payment": QT_TRANSLATE_NOOP("ShiftDialogs", "Paid to a supplier"),
}


def _tr(text: str) -> str:
    """A string marked with QT_TRANSLATE_NOOP above, translated now."""
    return QCoreApplication.translate("ShiftDialogs", text)


def _amount_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
    field.setAlignment(Qt.AlignmentFlag.AlignRight)
    field.setMinimumHeight(48)
    return field


def _read_amount(field: QLineEdit) -> Amount | None:
    try:
        return parse_amount(field.text())
    except InvalidAmount:
        return None


class _ShiftDialog(QDialog):
    """Common frame: a form, an error line, Back (Esc) and Confirm (Enter) of touch size."""

    def __init__(self, title: str, parent=None) -> None:
        super().__init__(parent)
        self.setModal(True)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.ok_button = QPushButton(QCoreApplication.translate("ShiftDialogs", "Confirm (Enter)"))
        self.ok_button.setObjectName("primaryButton")
        self.ok_button.setDefault(True)  # Enter in any field confirms (once: no returnPressed too)
        self.back_button = QPushButton(QCoreApplication.translate("ShiftDialogs", "Back (Esc)"))
        for button in (self.ok_button, self.back_button):
            button.setMinimumHeight(48)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.ok_button)
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.form)
        self.body.addWidget(self.error_label)
        self.body.addLayout(buttons)
        self.ok_button.clicked.connect(self._confirm)  # each dialog below defines its own _confirm
        self.back_button.clicked.connect(self.reject)
        self.setMinimumWidth(520)


class OpenShiftDialog(_ShiftDialog):
    """The opening float: the cash put in the drawer before the first sale."""

    def __init__(self, locale: str, submit: Callable[[Amount], str | None], parent=None) -> None:
        super().__init__(QCoreApplication.translate("ShiftDialogs", "Open a shift"), parent)
        self.setObjectName("openShiftDialog")
        self._submit = submit
        hint = QLabel(
            QCoreApplication.translate(
                "ShiftDialogs", "Count the cash you put in the drawer to start with (0 for none)."
            )
        )
        hint.setWordWrap(True)
        self.float_field = _amount_field("floatField")
        self.float_field.setAccessibleName(QCoreApplication.translate("ShiftDialogs", "Opening float"))
        self.body.insertWidget(0, hint)  # above the form: a wrapped form row gets clipped
        self.form.addRow(QCoreApplication.translate("ShiftDialogs", "Opening float"), self.float_field)
        self.float_field.setFocus()

    def _confirm(self) -> None:
        amount = _read_amount(self.float_field)
        if amount is None:
            self.error_label.setText(
                QCoreApplication.translate("ShiftDialogs", "Enter an amount, like 500 or 500.00.")
            )
            return
        problem = self._submit(amount)
        if problem:
            self.error_label.setText(problem)
            return
        self.accept()


class CashMoveDialog(_ShiftDialog):
    """Cash put into or taken out of the drawer, with a reason (and a note when it helps).

    A cash out by a role that may not take cash alone shows a supervisor's number and PIN
    fields right here, as the line dialogs do."""

    def __init__(
        self, role: str, submit: Callable[[str, Amount, str, str, str, str], str | None], parent=None
    ) -> None:
        super().__init__(QCoreApplication.translate("ShiftDialogs", "Cash in or out"), parent)
        self.setObjectName("cashMoveDialog")
        self._role = role
        self._submit = submit
        self.direction_box = QComboBox()
        self.direction_box.setObjectName("cashDirection")
        self.direction_box.setMinimumHeight(48)
        self.direction_box.addItem(
            QCoreApplication.translate("ShiftDialogs", "Cash out of the drawer"), CASH_OUT
        )
        self.direction_box.addItem(
            QCoreApplication.translate("ShiftDialogs", "Cash into the drawer"), CASH_IN
        )
        self.amount_field = _amount_field("cashAmount")
        self.amount_field.setAccessibleName(QCoreApplication.translate("ShiftDialogs", "Amount"))
        self.reason_box = QComboBox()
        self.reason_box.setObjectName("cashReason")
        self.reason_box.setMinimumHeight(48)
        self.note_field = QLineEdit()
        self.note_field.setObjectName("cashNote")
        self.note_field.setMaxLength(200)
        self.note_field.setMinimumHeight(44)
        self.approver_field = QLineEdit()
        self.approver_field.setObjectName("approverField")
        self.approver_field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.approver_field.setMinimumHeight(44)
        self.pin_field = QLineEdit()
        self.pin_field.setObjectName("approverPin")
        self.pin_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.pin_field.setMinimumHeight(44)
        self.approver_hint = QLabel(
            QCoreApplication.translate(
                "ShiftDialogs", "Taking cash out needs a supervisor: their staff number and PIN."
            )
        )
        self.approver_hint.setWordWrap(True)
        self.approver_label = QLabel(QCoreApplication.translate("ShiftDialogs", "Supervisor number"))
        self.pin_label = QLabel(QCoreApplication.translate("ShiftDialogs", "Supervisor PIN"))
        self.form.addRow(QCoreApplication.translate("ShiftDialogs", "Direction"), self.direction_box)
        self.form.addRow(QCoreApplication.translate("ShiftDialogs", "Amount"), self.amount_field)
        self.form.addRow(QCoreApplication.translate("ShiftDialogs", "Reason"), self.reason_box)
        self.form.addRow(QCoreApplication.translate("ShiftDialogs", "Note (optional)"), self.note_field)
        self.form.addRow(self.approver_hint)
        self.form.addRow(self.approver_label, self.approver_field)
        self.form.addRow(self.pin_label, self.pin_field)
        self.direction_box.currentIndexChanged.connect(self._direction_changed)
        self._direction_changed()
        self.direction_box.setFocus()

    def _direction_changed(self) -> None:
        direction = self.direction_box.currentData()
        self.reason_box.clear()
        for code in REASONS[direction]:
            self.reason_box.addItem(_tr(REASON_TEXT[code]), code)
        approval = needs_approval(self._role, direction)
        for widget in (
            self.approver_hint,
            self.approver_label,
            self.approver_field,
            self.pin_label,
            self.pin_field,
        ):
            widget.setVisible(approval)

    def _confirm(self) -> None:
        amount = _read_amount(self.amount_field)
        if not amount:
            self.error_label.setText(
                QCoreApplication.translate("ShiftDialogs", "Enter an amount above zero, like 200 or 200.00.")
            )
            self.amount_field.setFocus()
            return
        problem = self._submit(
            self.direction_box.currentData(),
            amount,
            self.reason_box.currentData(),
            self.note_field.text(),
            self.approver_field.text().strip(),
            self.pin_field.text(),
        )
        if problem:
            self.error_label.setText(problem)
            self.pin_field.clear()
            return
        self.accept()


class CloseShiftDialog(_ShiftDialog):
    """The blind count first; after it, the expected cash and the difference, then the Z report."""

    def __init__(self, locale: str, submit: Callable[[Amount], ShiftReport | str], parent=None) -> None:
        super().__init__(QCoreApplication.translate("ShiftDialogs", "Close the shift"), parent)
        self.setObjectName("closeShiftDialog")
        self._locale = locale
        self._submit = submit
        self.report: ShiftReport | None = None
        hint = QLabel(
            QCoreApplication.translate(
                "ShiftDialogs",
                "Count all the cash in the drawer and enter the total. The till shows what "
                "it expected only after your count.",
            )
        )
        hint.setWordWrap(True)
        self.count_field = _amount_field("countField")
        self.count_field.setAccessibleName(QCoreApplication.translate("ShiftDialogs", "Cash counted"))
        self.body.insertWidget(0, hint)  # above the form: a wrapped form row gets clipped
        self.form.addRow(QCoreApplication.translate("ShiftDialogs", "Cash counted"), self.count_field)
        self.result_label = QLabel()
        self.result_label.setObjectName("closeResult")
        self.result_label.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.result_label.setWordWrap(True)
        self.result_label.setVisible(False)
        self.body.insertWidget(2, self.result_label)
        self.count_field.setFocus()

    def _confirm(self) -> None:
        if self.report is not None:  # the result is on screen: Enter closes
            self.accept()
            return
        amount = _read_amount(self.count_field)
        if amount is None:
            self.error_label.setText(
                QCoreApplication.translate("ShiftDialogs", "Enter the amount counted, like 1234.50.")
            )
            return
        answer = self._submit(amount)
        if isinstance(answer, str):
            self.error_label.setText(answer)
            return
        self.report = answer
        self.error_label.clear()
        self.count_field.setReadOnly(True)
        over_short = answer.over_short or 0
        if over_short > 0:
            difference = QCoreApplication.translate("ShiftDialogs", "Over by {amount}").format(
                amount=format_money(over_short, self._locale)
            )
        elif over_short < 0:
            difference = QCoreApplication.translate("ShiftDialogs", "Short by {amount}").format(
                amount=format_money(-over_short, self._locale)
            )
        else:
            difference = QCoreApplication.translate("ShiftDialogs", "The drawer balances.")
        self.result_label.setText(
            QCoreApplication.translate(
                "ShiftDialogs",
                "{z} closed. Expected {expected}, counted {counted}.\n{difference}\n"
                "The Z report is printing. Enter closes this.",
            ).format(
                z=z_label(answer.z_no or 0),
                expected=format_money(answer.expected_cash, self._locale),
                counted=format_money(answer.counted or 0, self._locale),
                difference=difference,
            )
        )
        self.result_label.setVisible(True)
        self.back_button.setVisible(False)
        self.ok_button.setText(QCoreApplication.translate("ShiftDialogs", "Done (Enter)"))
        self.adjustSize()  # grow to show the whole result
        self.ok_button.setFocus()


class ShiftMenu(QDialog):
    """Every shift action as a large button, for touch; each shows its shortcut."""

    chosen = Signal(str)

    ACTIONS = (
        ("open", QT_TRANSLATE_NOOP("ShiftDialogs", "Ctrl+O  Open shift")),
        ("move", QT_TRANSLATE_NOOP("ShiftDialogs", "Ctrl+M  Cash in / out")),
        ("x", QT_TRANSLATE_NOOP("ShiftDialogs", "Ctrl+T  X report")),
        ("close", QT_TRANSLATE_NOOP("ShiftDialogs", "Ctrl+B  Close shift, Z report")),
        ("lock", QT_TRANSLATE_NOOP("ShiftDialogs", "Ctrl+L  Lock / switch staff")),
        ("reprint", QT_TRANSLATE_NOOP("ShiftDialogs", "Reprint the last Z report")),
    )

    def __init__(self, status: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("shiftMenu")
        self.setModal(True)
        self.setWindowTitle(QCoreApplication.translate("ShiftDialogs", "Shift"))
        layout = QVBoxLayout(self)
        label = QLabel(status)
        label.setWordWrap(True)
        layout.addWidget(label)
        grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for i, (key, text) in enumerate(self.ACTIONS):
            button = QPushButton(_tr(text))
            button.setObjectName("shiftAction")
            button.setMinimumHeight(56)
            button.clicked.connect(lambda _=False, k=key: self._pick(k))
            grid.addWidget(button, i // 2, i % 2)
            self.buttons[key] = button
        layout.addLayout(grid)
        back = QPushButton(QCoreApplication.translate("ShiftDialogs", "Back (Esc)"))
        back.setMinimumHeight(48)
        back.clicked.connect(self.reject)
        layout.addWidget(back)
        self.setMinimumWidth(520)

    def _pick(self, key: str) -> None:
        self.chosen.emit(key)  # before accept(): `finished` acts on the choice
        self.accept()
