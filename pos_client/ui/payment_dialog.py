"""Payment: the amount due, very large; cash by keyboard, keypad or quick-cash buttons; card on the
store's external terminal (its reference and the card's last 4 digits typed in); several tenders
for one sale until it is covered.

The dialog only collects tenders into a `Payment`; the sale is committed by the main window once
the payment is settled, so Esc at any point loses nothing and charges nothing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos_client.domain.members import MemberError
from pos_client.domain.money import InvalidAmount
from pos_client.domain.sale import InsufficientTender
from pos_client.domain.tenders import (
    CARD,
    CASH,
    POINTS,
    Payment,
    Tender,
    TenderError,
    WalletKind,
    card_tender,
    quick_cash_amounts,
    wallet_kind,
)
from pos_client.services.wallet import (
    WalletDeclined,
    WalletOutcomeUnknown,
    WalletUnavailable,
    new_idempotency_key,
)
from pos_client.ui.money_text import format_amount, format_money, parse_amount, store_currency

from .messages import explain

WalletCharger = Callable[[str, int, str, Callable[[Tender], None], Callable[[BaseException], None]], None]
"""(code, amount, idempotency key, on approved, on failure): runs the charge off the UI thread."""


class PaymentDialog(QDialog):
    def __init__(self, payment: Payment, locale: str, parent=None, *, noncash_locked: bool = False,
                 wallet: WalletCharger | None = None,
                 points: Callable[[Payment], Tender] | None = None) -> None:
        super().__init__(parent)
        self._wallet = wallet
        self._points = points
        self._wallet_keys: dict[tuple[str, int], str] = {}
        self.charging = False
        self.setObjectName("paymentDialog")
        self.setWindowTitle(self.tr("Payment"))
        self.setModal(True)
        self.payment = payment
        self._locale = locale
        self._noncash_locked = noncash_locked

        self.due_caption = QLabel(self.tr("Amount due"))
        self.due_label = QLabel()
        self.due_label.setObjectName("dueLabel")
        self.due_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.tenders_label = QLabel()
        self.tenders_label.setObjectName("tendersLabel")
        self.tenders_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.tenders_label.setWordWrap(True)

        self.modes = QStackedWidget()
        self.modes.addWidget(self._cash_page())
        self.modes.addWidget(self._card_page())

        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)

        self.cash_button = QPushButton(self.tr("F2 Cash"))
        self.cash_button.clicked.connect(self.show_cash)
        self.card_button = QPushButton(self.tr("F3 Card"))
        self.card_button.clicked.connect(self.show_card)
        self.undo_button = QPushButton(self.tr("F4 Remove last tender"))
        self.undo_button.clicked.connect(self.remove_last)
        self.points_button = QPushButton(self.tr("F5 Points"))
        self.points_button.clicked.connect(self.pay_with_points)
        self.points_button.setVisible(points is not None)
        cancel = QPushButton(self.tr("Back to sale (Esc)"))
        cancel.clicked.connect(self.reject)
        for key, slot in (("F2", self.show_cash), ("F3", self.show_card), ("F4", self.remove_last),
                          ("F5", self.pay_with_points),
                          ("Ctrl+Return", self.confirm_part), ("Ctrl+Enter", self.confirm_part)):
            QShortcut(QKeySequence(key), self, activated=slot)
        # One row for the tender kinds and the way back: the dialog must fit a 768-px-high till.
        kinds = QHBoxLayout()
        for button in (self.cash_button, self.card_button, self.undo_button, self.points_button, cancel):
            kinds.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.due_caption)
        layout.addWidget(self.due_label)
        layout.addWidget(self.tenders_label)
        layout.addLayout(kinds)
        layout.addWidget(self.modes)
        layout.addWidget(self.error_label)

        # Enter confirms through the focused field alone: QDialog would otherwise also
        # "click" whichever button is the default one.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
        self._refresh()
        self.cash_field.setFocus()

    # ------------------------------------------------------------------ pages
    def _cash_page(self) -> QWidget:
        page = QWidget()
        self.cash_field = QLineEdit()
        self.cash_field.setObjectName("cashField")
        self.cash_field.setAccessibleName(self.tr("Cash received"))
        self.cash_field.setPlaceholderText(self.tr("Cash received or payment code"))
        self.cash_field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.cash_field.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.change_label = QLabel()
        self.change_label.setObjectName("changeLabel")
        self.change_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.quick_row = QHBoxLayout()
        self.quick_buttons: list[QPushButton] = []

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

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.cash_field)
        layout.addWidget(self.change_label)
        layout.addLayout(self.quick_row)
        layout.addLayout(keypad)
        layout.addWidget(self.confirm_button)
        self.cash_field.textChanged.connect(self._update_change)
        self.cash_field.returnPressed.connect(self.confirm)
        return page

    def _card_page(self) -> QWidget:
        page = QWidget()
        hint = QLabel(self.tr("Take the card on the payment terminal, then type what its slip says."))
        hint.setWordWrap(True)
        self.card_amount = QLineEdit()
        self.card_amount.setObjectName("cardAmount")
        self.card_amount.setAccessibleName(self.tr("Amount on the card"))
        self.card_reference = QLineEdit()
        self.card_reference.setObjectName("cardReference")
        self.card_reference.setPlaceholderText(self.tr("Terminal reference (approval code)"))
        self.card_reference.setAccessibleName(self.tr("Terminal reference (approval code)"))
        self.card_reference.setMaxLength(32)
        self.card_last4 = QLineEdit()
        self.card_last4.setObjectName("cardLast4")
        self.card_last4.setPlaceholderText(self.tr("Last 4 digits of the card"))
        self.card_last4.setAccessibleName(self.tr("Last 4 digits of the card"))
        self.card_last4.setMaxLength(4)
        for field in (self.card_amount, self.card_reference, self.card_last4):
            field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.card_confirm = QPushButton(self.tr("Record card payment (Enter)"))
        self.card_confirm.setObjectName("primaryButton")
        self.card_confirm.clicked.connect(self.confirm_card)
        self.card_amount.returnPressed.connect(lambda: self._focus_all(self.card_reference))
        self.card_reference.returnPressed.connect(lambda: self._focus_all(self.card_last4))
        self.card_last4.returnPressed.connect(self.confirm_card)
        grid = QGridLayout(page)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(hint, 0, 0, 1, 2)
        for row, (caption, field) in enumerate(((self.tr("Amount"), self.card_amount),
                                                (self.tr("Reference"), self.card_reference),
                                                (self.tr("Card ending"), self.card_last4)), start=1):
            grid.addWidget(QLabel(caption), row, 0)
            grid.addWidget(field, row, 1)
        grid.addWidget(self.card_confirm, 4, 0, 1, 2)
        grid.setRowStretch(5, 1)  # top-aligned: the cash page sets the height of both
        return page

    # ------------------------------------------------------------------ state
    def _refresh(self) -> None:
        """Due, tenders so far and quick-cash amounts after every tender taken or removed."""
        p = self.payment
        due = p.cash_due if self.modes.currentIndex() == 0 else p.remaining
        self.due_caption.setText(self.tr("Amount due") if not p.tenders else self.tr("Still due"))
        self.due_label.setText(format_money(due, self._locale))
        rows = [self._describe(t) for t in p.tenders]
        if p.cash_due != p.remaining and self.modes.currentIndex() == 0:
            rows.append(self.tr("Rounded for cash from {amount}").format(
                amount=format_money(p.remaining, self._locale)))
        self.tenders_label.setText("\n".join(rows))
        self.undo_button.setEnabled(bool(p.tenders))
        self.card_button.setEnabled(not self._noncash_locked)
        if self._noncash_locked:
            self.card_button.setToolTip(self.tr(
                "Card payments are locked: this till has been offline longer than the store allows."))
        while self.quick_row.count():
            item = self.quick_row.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.quick_buttons = []
        for i, amount in enumerate(quick_cash_amounts(p.cash_due, store_currency())):
            button = QPushButton(self.tr("Exact") if i == 0 else format_money(amount, self._locale))
            button.setObjectName("quickCash")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, a=amount: self._set_amount(a))
            self.quick_row.addWidget(button)
            self.quick_buttons.append(button)
        self.card_amount.setText(format_amount(p.remaining))
        self._update_change()

    def _describe(self, tender: Tender) -> str:
        if tender.kind == CASH:
            return self.tr("Cash {amount}").format(amount=format_money(tender.tendered, self._locale))
        if tender.kind == POINTS:
            return self.tr("Points {amount}").format(amount=format_money(tender.amount, self._locale))
        if tender.kind == CARD:
            return self.tr("Card {amount} (****{last4})").format(
                amount=format_money(tender.amount, self._locale), last4=tender.last4 or "")
        return self.tr("Mobile pay {amount}").format(amount=format_money(tender.amount, self._locale))

    def show_cash(self) -> None:
        self.modes.setCurrentIndex(0)
        self.error_label.clear()
        self._refresh()
        self.cash_field.setFocus()

    def show_card(self) -> None:
        if self._noncash_locked:
            self.error_label.setText(self.tr(
                "Card payments are locked because this till has been offline longer than the store "
                "allows. Take cash, or bring the till back online (F9 shows why it is offline)."))
            return
        self.modes.setCurrentIndex(1)
        self.error_label.clear()
        self._refresh()
        self.card_reference.setFocus()

    def remove_last(self) -> None:
        if self.payment.remove_last() is not None:
            self.error_label.setText(self.tr("The last tender was taken off the sale."))
            self._refresh()

    # ------------------------------------------------------------------ cash
    def _set_amount(self, amount: int) -> None:
        self.cash_field.setText(format_amount(amount))
        self.cash_field.setFocus()

    def _read(self) -> int | None:
        text = self.cash_field.text()
        if not text.strip():
            return None
        return parse_amount(text)

    def _update_change(self) -> None:
        due = self.payment.cash_due
        try:
            amount = self._read()
        except InvalidAmount:
            self.change_label.setText(self.tr("Not an amount"))
            return
        if amount is None:
            self.change_label.setText("")
        elif amount < due:
            self.change_label.setText(self.tr("Still due: {amount}").format(
                amount=format_money(due - amount, self._locale)))
        else:
            self.change_label.setText(self.tr("Change: {amount}").format(
                amount=format_money(amount - due, self._locale)))

    def confirm_part(self) -> None:
        """Ctrl+Enter: take less cash than due on purpose, the rest to come another way."""
        self.confirm(part=True)

    def confirm(self, part: bool = False) -> None:
        """Enter on the cash field: the cash settles the rest.  Less than due is refused (a slip
        of the finger), unless the cashier says it is part payment with Ctrl+Enter."""
        if self.charging:
            return
        if wallet_kind(self.cash_field.text()) is not None:
            self._charge_wallet(self.cash_field.text().strip())
            return
        try:
            amount = self._read()
        except InvalidAmount:
            self.error_label.setText(self.tr(
                "\"{text}\" is not an amount of cash. Type the cash received, e.g. 100 or 52.50.")
                .format(text=self.cash_field.text()[:20]))
            self.cash_field.selectAll()
            return
        due = self.payment.cash_due
        if amount is None:
            amount = due  # Enter on an empty field: the customer paid exactly
        if amount < due and not (part and not self._noncash_locked and amount > 0):
            text = explain(InsufficientTender(due, amount), self._locale)
            if not self._noncash_locked and amount > 0:
                text += " " + self.tr("To take it as part payment and pay the rest by card, "
                                      "press Ctrl+Enter.")
            self.error_label.setText(text)
            self.cash_field.selectAll()
            return
        try:
            self.payment.add_cash(amount)
        except TenderError as exc:
            self.error_label.setText(self._tender_error(exc))
            return
        self.cash_field.clear()
        self._after_tender()

    # ------------------------------------------------------------------ points
    def pay_with_points(self) -> None:
        """The member's points pay as much of the rest as they cover (100 points = ¥1)."""
        if self._points is None or self.charging:
            return
        if any(t.kind == POINTS for t in self.payment.tenders):
            self.error_label.setText(self.tr("Points are already paying part of this sale."))
            return
        try:
            tender = self._points(self.payment)
            self.payment.add(tender)
        except MemberError:
            self.error_label.setText(self.tr("The member has no points to spend."))
            return
        except TenderError as exc:
            self.error_label.setText(self._tender_error(exc))
            return
        self.error_label.setText(self.tr("{points} points pay {amount}.").format(
            points=f"{tender.points or 0:,}", amount=format_money(tender.amount, self._locale)))
        self._after_tender()

    # ------------------------------------------------------------------ wallet
    def _charge_wallet(self, code: str) -> None:
        """A payment code scanned (or typed) into the cash field: charge the rest to the wallet."""
        self.cash_field.clear()
        if self._noncash_locked:
            self.error_label.setText(self.tr(
                "Mobile payment is locked because this till has been offline longer than the store "
                "allows. Take cash."))
            return
        if self._wallet is None:
            self.error_label.setText(self.tr(
                "Mobile payment is not set up on this till. Take cash or a card."))
            return
        amount = self.payment.remaining
        key = self._wallet_keys.setdefault((code, amount), new_idempotency_key())
        self.charging = True
        self.cash_field.setEnabled(False)
        name = self.tr("WeChat Pay") if wallet_kind(code) is WalletKind.WECHAT else self.tr("Alipay")
        self.error_label.setText(self.tr("Charging {amount} to the customer's {wallet}…").format(
            amount=format_money(amount, self._locale), wallet=name))
        self._wallet(code, amount, key, lambda t: self._wallet_done(code, amount, t),
                     lambda e: self._wallet_failed(e))

    def _wallet_done(self, code: str, amount: int, tender: Tender) -> None:
        self.charging = False
        self.cash_field.setEnabled(True)
        self._wallet_keys.pop((code, amount), None)
        try:
            self.payment.add(tender)
        except TenderError as exc:  # cannot happen while the dialog is modal; say so if it does
            self.error_label.setText(self._tender_error(exc))
            return
        self._after_tender()

    def _wallet_failed(self, error: BaseException) -> None:
        self.charging = False
        self.cash_field.setEnabled(True)
        self.cash_field.setFocus()
        if isinstance(error, WalletDeclined):
            reasons = {
                "insufficient_funds": self.tr("the wallet has too little money"),
                "code_expired": self.tr("the payment code has expired"),
            }
            reason = reasons.get(error.decline_code, error.message or error.decline_code)
            self.error_label.setText(self.tr(
                "Mobile payment declined: {reason}. Ask the customer for a fresh code or another way "
                "to pay.").format(reason=reason))
        elif isinstance(error, WalletOutcomeUnknown):
            self.error_label.setText(self.tr(
                "No answer from central: the customer may have been charged. Scan the same code "
                "again to ask once more; it is never charged twice."))
        elif isinstance(error, WalletUnavailable):
            self.error_label.setText(self.tr(
                "Mobile payment needs central, which this till cannot reach now. Take cash or a card."))
        else:
            self.error_label.setText(self.tr("Mobile payment failed ({error}). Take cash or a card.")
                                     .format(error=type(error).__name__))

    def reject(self) -> None:
        if self.charging:  # the customer's wallet is being charged: wait for its answer
            self.error_label.setText(self.tr("Waiting for the wallet's answer…"))
            return
        super().reject()

    # ------------------------------------------------------------------ card
    def confirm_card(self) -> None:
        try:
            amount = parse_amount(self.card_amount.text())
        except InvalidAmount:
            self.error_label.setText(self.tr("Type the amount charged on the card, e.g. 52.50."))
            self.card_amount.setFocus()
            return
        try:
            tender = card_tender(amount, self.payment.remaining, self.card_reference.text(),
                                 self.card_last4.text())
            self.payment.add(tender)
        except TenderError as exc:
            self.error_label.setText(self._tender_error(exc))
            self._focus_all({"bad_reference": self.card_reference, "bad_last4": self.card_last4}
                            .get(exc.reason, self.card_amount))
            return
        self.card_reference.clear()
        self.card_last4.clear()
        self._after_tender()

    @staticmethod
    def _focus_all(field: QLineEdit) -> None:
        """Focus with the text selected, so typing replaces what was wrong."""
        field.setFocus()
        field.selectAll()

    def _after_tender(self) -> None:
        if self.payment.settled:
            self.accept()
            return
        self.error_label.setText(self.tr("Part paid. Take the rest: cash here, or F3 for a card."))
        self.show_cash()

    def _tender_error(self, exc: TenderError) -> str:
        messages = {
            "bad_reference": self.tr("The terminal reference is 4 to 32 letters or digits, as printed "
                                     "on the terminal's slip."),
            "bad_last4": self.tr("Type the last 4 digits of the card, as printed on the terminal's slip."),
            "over_due": self.tr("A card pays at most what is still due ({amount}).").format(
                amount=format_money(exc.amount or 0, self._locale)),
            "too_many_tenders": self.tr("A sale takes at most {n} tenders. Remove one (F4) or pay the "
                                        "rest in one go.").format(n=exc.amount),
            "nothing_tendered": self.tr("Type the cash received, e.g. 100 or 52.50."),
            "already_paid": self.tr("The sale is already paid."),
        }
        return messages.get(exc.reason, self.tr("This tender cannot be taken ({reason}).").format(
            reason=exc.reason))
