"""A return, by keyboard: scan or type the receipt number, choose units per line, refund.

Enter on the receipt number looks the sale up (this till's own offline, others' at central);
then digits + Enter set how many units of the chosen line come back (Up/Down choose the line),
F4 marks the chosen line as written off rather than back on the shelf, F3 switches to a
return without a receipt (scan the goods), F12 refunds.  The refund itself is committed by
the main window's `complete` callback; this dialog only collects what the cashier chose."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from pos_client.domain.permissions import REASONS, Action
from pos_client.domain.returns import OriginalSale, ReturnError, ReturnLine, refund_for
from pos_client.domain.tenders import CARD, CASH, WALLET
from pos_client.ui.money_text import format_amount, format_money
from pos_client.ui.time_text import when_text

from .line_dialog import REASON_TEXT

# find(receipt_no, on_found, on_failure): looks the sale up off the UI thread.
Find = Callable[[str, Callable[[OriginalSale], None], Callable[[BaseException], None]], None]
# item(code) -> a one-unit ReturnLine at today's price (no receipt), or raises with a message.
Item = Callable[[str], ReturnLine]
# refunds(total, original) -> [(kind, amount)] as the policy would refund it.
Refunds = Callable[[int, OriginalSale | None], list[tuple[str, int, str | None]]]
# complete(original, lines, reason, approver number, approver PIN, in cash) -> None when done, the
# message to show, or PENDING when the refund waits for central (money back to a wallet): the
# caller then ends it with finish().
Complete = Callable[[OriginalSale | None, tuple[ReturnLine, ...], str, str, str, bool], object]
PENDING = object()


class ReturnDialog(QDialog):
    def __init__(self, locale: str, find: Find, item: Item, refunds: Refunds, complete: Complete,
                 parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("returnDialog")
        self.setWindowTitle(self.tr("Return and refund"))
        self.setModal(True)
        self._locale, self._find, self._item, self._refunds, self._complete = (
            locale, find, item, refunds, complete)
        self.original: OriginalSale | None = None
        self.no_receipt = False
        self.counts: dict[int, int] = {}
        """Row → units to return."""
        self.written_off: set[int] = set()
        self.loose: list[ReturnLine] = []
        """Goods scanned for a return without a receipt."""
        self.searching = False

        self.mode_label = QLabel(self.tr("Scan the receipt's barcode or type its number, then Enter."))
        self.mode_label.setWordWrap(True)
        self.code_field = QLineEdit()
        self.code_field.setObjectName("returnCode")
        self.code_field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.code_field.setPlaceholderText(self.tr("Receipt number"))
        self.code_field.returnPressed.connect(self._code_entered)

        self.table = QTableWidget(0, 5)
        self.table.setObjectName("returnTable")
        self.table.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Sold"), self.tr("May return"),
                                              self.tr("Returning"), self.tr("Refund")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(44)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 5):
            self.table.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)

        self.qty_field = QLineEdit()
        self.qty_field.setObjectName("returnQty")
        self.qty_field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.qty_field.setPlaceholderText(self.tr("Units of the chosen line, then Enter"))
        self.qty_field.returnPressed.connect(self._qty_entered)
        self.reason_box = QComboBox()
        self.reason_box.setObjectName("returnReason")
        for code in REASONS[Action.RETURN]:
            self.reason_box.addItem(QCoreApplication.translate("LineDialog", REASON_TEXT[code]), code)
        self.approver_field = QLineEdit()
        self.approver_field.setObjectName("returnApprover")
        self.pin_field = QLineEdit()
        self.pin_field.setObjectName("returnApproverPin")
        self.pin_field.setEchoMode(QLineEdit.EchoMode.Password)
        for field in (self.approver_field, self.pin_field):
            field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
            field.returnPressed.connect(self.confirm)
        form = QFormLayout()
        form.addRow(self.tr("Units"), self.qty_field)
        form.addRow(self.tr("Reason"), self.reason_box)
        form.addRow(self.tr("Supervisor number (if asked)"), self.approver_field)
        form.addRow(self.tr("Supervisor PIN"), self.pin_field)

        self.refund_label = QLabel()
        self.refund_label.setObjectName("refundLabel")
        self.refund_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)

        self.no_receipt_button = QPushButton(self.tr("F3 No receipt"))
        self.no_receipt_button.clicked.connect(self.start_no_receipt)
        self.shelf_button = QPushButton(self.tr("F4 Back on shelf / written off"))
        self.shelf_button.clicked.connect(self.toggle_shelf)
        cancel = QPushButton(self.tr("Back (Esc)"))
        cancel.clicked.connect(self.reject)
        self.confirm_button = QPushButton(self.tr("F12 Refund"))
        self.confirm_button.setObjectName("primaryButton")
        self.confirm_button.clicked.connect(self.confirm)
        self.cash_button = QPushButton(self.tr("F5 Refund in cash"))
        self.cash_button.setObjectName("cashRefundButton")
        self.cash_button.clicked.connect(self.confirm_in_cash)
        self.cash_button.hide()  # offered when money cannot go back to a wallet
        self.waiting = False
        buttons = QHBoxLayout()
        for button in (self.no_receipt_button, self.shelf_button, cancel, self.cash_button,
                       self.confirm_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        for key, slot in (("F3", self.start_no_receipt), ("F4", self.toggle_shelf), ("F12", self.confirm),
                          ("F5", self.confirm_in_cash),
                          ("Up", lambda: self._move(-1)), ("Down", lambda: self._move(1))):
            QShortcut(QKeySequence(key), self, activated=slot)

        layout = QVBoxLayout(self)
        layout.addWidget(self.mode_label)
        layout.addWidget(self.code_field)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.refund_label)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.resize(900, 640)
        self.code_field.setFocus()

    # ------------------------------------------------------------------ finding the sale
    def _code_entered(self) -> None:
        code = self.code_field.text().strip()
        if not code or self.searching:
            return
        if self.no_receipt:
            try:
                line = self._item(code)
            except Exception as exc:  # the main window words what went wrong
                self.error_label.setText(str(exc))
                return
            self.loose.append(line)
            self.code_field.clear()
            self._show_loose()
            return
        self.searching = True
        self.error_label.setText(self.tr("Looking for receipt {receipt}…").format(receipt=code))
        self._find(code, self._found, self._not_found)

    def _found(self, sale: OriginalSale) -> None:
        self.searching = False
        self.original, self.counts, self.written_off = sale, {}, set()
        self.error_label.clear()
        self.mode_label.setText(self.tr("Receipt {receipt} of {when}: choose what comes back.").format(
            receipt=sale.receipt_no, when=when_text(sale.occurred_at.astimezone(), self._locale)))
        self.table.setRowCount(len(sale.lines))
        for row, line in enumerate(sale.lines):
            for col, text in enumerate((line.name, str(line.qty), str(line.returnable), "0", "")):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        first = next((r for r, ln in enumerate(sale.lines) if ln.returnable), None)
        if first is None:
            self.error_label.setText(self.tr("Everything on this receipt has already been returned."))
            return
        self.table.selectRow(first)
        self.qty_field.setFocus()
        self._update_refund()

    def _not_found(self, error: BaseException) -> None:
        self.searching = False
        asked = getattr(error, "asked_central", None)
        if asked is True:
            self.error_label.setText(self.tr(
                "No sale has receipt number {receipt}, here or at central. Check the number on the receipt."
            ).format(receipt=self.code_field.text().strip()))
        elif asked is False:
            self.error_label.setText(self.tr(
                "Receipt {receipt} is not one of this till's, and central cannot be reached to look it "
                "up. Try again when the till is online, or return without a receipt (F3)."
            ).format(receipt=self.code_field.text().strip()))
        else:
            self.error_label.setText(self.tr("The receipt could not be looked up ({error}).").format(
                error=type(error).__name__))
        self.code_field.selectAll()

    def start_no_receipt(self) -> None:
        if self.original is not None:
            return
        self.no_receipt = True
        self.loose = []
        self.mode_label.setText(self.tr("Return without a receipt: scan each item. A supervisor approves; "
                                        "the refund is in cash at today's price."))
        self.code_field.setPlaceholderText(self.tr("Barcode of the item coming back"))
        self.code_field.clear()
        self.code_field.setFocus()
        self._show_loose()

    def _show_loose(self) -> None:
        self.table.setRowCount(len(self.loose))
        for row, line in enumerate(self.loose):
            for col, text in enumerate((line.name, "", "", str(line.qty), format_amount(line.amount))):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self._update_refund()

    # ------------------------------------------------------------------ choosing
    def _row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _move(self, step: int) -> None:
        row = self._row()
        if self.table.rowCount():
            self.table.selectRow(max(0, min(self.table.rowCount() - 1, (row or 0) + step)))

    def _qty_entered(self) -> None:
        row, text = self._row(), self.qty_field.text().strip()
        if self.original is None or row is None:
            return
        line = self.original.lines[row]
        if not text.isdigit() or int(text) > line.returnable:
            self.error_label.setText(self.tr("Line {line}: at most {n} unit(s) can come back.").format(
                line=line.line_no, n=line.returnable))
            self.qty_field.selectAll()
            return
        self.counts[row] = int(text)
        self.table.item(row, 3).setText(text)
        self.table.item(row, 4).setText(format_amount(refund_for(line, int(text))) if int(text) else "")
        self.qty_field.clear()
        self.error_label.clear()
        following = [r for r in range(row + 1, len(self.original.lines)) if self.original.lines[r].returnable]
        if following:
            self.table.selectRow(following[0])
        self._update_refund()

    def toggle_shelf(self) -> None:
        row = self._row()
        if row is None or self.original is None:
            return
        self.written_off ^= {row}
        name = self.original.lines[row].name
        marked = self.tr("  (written off)") if row in self.written_off else ""
        self.table.item(row, 0).setText(name + marked)
        self._update_refund()

    def lines(self) -> tuple[ReturnLine, ...]:
        if self.no_receipt:
            return tuple(self.loose)
        if self.original is None:
            return ()
        out = []
        for row, qty in sorted(self.counts.items()):
            if qty:
                line = self.original.lines[row]
                out.append(ReturnLine(sku=line.sku, name=line.name, qty=qty, amount=refund_for(line, qty),
                                      restock=row not in self.written_off, original_line_no=line.line_no,
                                      weight_g=line.weight_g if qty == line.qty else None))
        return tuple(out)

    def _update_refund(self) -> None:
        lines = self.lines()
        total = sum(ln.amount for ln in lines)
        if not total:
            self.refund_label.setText("")
            return
        names = {CASH: self.tr("cash"), CARD: self.tr("card"), WALLET: self.tr("mobile pay"),
                 "online": self.tr("the online payment (the web shop pays it back)")}
        parts = [f"{names.get(kind, kind)} {format_money(amount, self._locale)}"
                 for kind, amount, _ref in self._refunds(total, self.original)]
        self.refund_label.setText(self.tr("Refund {total}: {how}").format(
            total=format_money(total, self._locale), how=", ".join(parts)))

    # ------------------------------------------------------------------ refunding
    def confirm(self, in_cash: bool = False) -> None:
        if self.waiting:
            return
        lines = self.lines()
        if not lines:
            self.error_label.setText(self.tr("Choose what comes back first: units per line, then Enter."))
            return
        try:
            problem = self._complete(self.original, lines, self.reason_box.currentData(),
                                     self.approver_field.text().strip(), self.pin_field.text(), in_cash)
        except ReturnError as exc:
            problem = str(exc)
        if problem is PENDING:
            self.waiting = True
            self.confirm_button.setEnabled(False)
            self.error_label.setText(self.tr("Sending the money back to the customer's mobile wallet…"))
            return
        self.finish(problem)  # type: ignore[arg-type]

    def confirm_in_cash(self) -> None:
        if self.cash_button.isVisible():
            self.confirm(in_cash=True)

    def finish(self, problem: str | None, offer_cash: bool = False) -> None:
        """The refund's outcome: done (None), or what to tell the cashier."""
        self.waiting = False
        self.confirm_button.setEnabled(True)
        if problem:
            self.error_label.setText(problem)
            self.pin_field.clear()
            self.cash_button.setVisible(offer_cash or self.cash_button.isVisible())
            return
        self.accept()

    def reject(self) -> None:
        if self.waiting:  # the wallet provider is being asked: wait for its answer
            self.error_label.setText(self.tr("Waiting for the wallet's answer…"))
            return
        super().reject()
