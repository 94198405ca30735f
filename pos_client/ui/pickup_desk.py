"""The pickup desk (Ctrl+U): the store's pickup orders, verifying a customer's code, handing over.

Staff scan the customer's QR (or type the 8 digits) into the code field and press Enter:
the order opens with its lines and reserved quantities.  From the list, an order can be
opened to print its pick list (F3) and be marked ready (F2) without the customer; handing
over (F12) needs the code verified first.  A damaged or unwanted line is refused (F4)
before handing over the rest.  Everything works offline; the customer's name and phone
are shown masked.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from pos_client.domain.pickup_refunds import line_refund
from pos_client.domain.sale import Cashier
from pos_client.services.pick_list import pick_list_document
from pos_client.services.pickup import (
    AlreadyHandedOver,
    CodeNotRecognised,
    DeskLocked,
    DeskOrder,
    IdCheckRequired,
    NotCollectable,
    NotPaid,
    PickupDesk,
    PickupProblem,
    UnknownLine,
    Verified,
)
from pos_client.ui.money_text import format_money
from pos_client.ui.time_text import day_time_text, time_text, when_text
from pos_client.ui.work_windows import fit_to_parent, open_over_checkout

STATUS_LABELS = {
    "created": QT_TRANSLATE_NOOP("PickupDesk", "Awaiting payment"),
    "paid": QT_TRANSLATE_NOOP("PickupDesk", "To pick"),
    "ready": QT_TRANSLATE_NOOP("PickupDesk", "Ready"),
    "handed_over": QT_TRANSLATE_NOOP("PickupDesk", "Handed over"),
    "partly_handed_over": QT_TRANSLATE_NOOP("PickupDesk", "Partly handed over"),
    "cancelled": QT_TRANSLATE_NOOP("PickupDesk", "Cancelled"),
    "expired": QT_TRANSLATE_NOOP("PickupDesk", "Expired"),
}
REASONS = (
    ("damaged", QT_TRANSLATE_NOOP("PickupDesk", "Damaged")),
    ("unwanted", QT_TRANSLATE_NOOP("PickupDesk", "Customer does not want it")),
    ("missing", QT_TRANSLATE_NOOP("PickupDesk", "Not found in stock")),
)


def status_label(status: str) -> str:
    return QCoreApplication.translate("PickupDesk", STATUS_LABELS.get(status, status))


class PickupDeskDialog(QDialog):
    def __init__(
        self,
        desk: PickupDesk,
        staff: Cashier,
        locale: str,
        *,
        timezone: str = "Asia/Shanghai",
        print_pick_list: Callable[[DeskOrder], None] | None = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pickupDesk")
        self.setWindowTitle(self.tr("Pickup desk"))
        self.setModal(True)
        fit_to_parent(self, parent, 900, 640)
        self.desk, self.staff, self.locale = desk, staff, locale
        self._zone = _zone(timezone)
        self._print = print_pick_list
        self.current: DeskOrder | None = None
        self.verified: Verified | None = None

        self.code_field = QLineEdit()
        self.code_field.setObjectName("pickupCode")
        self.code_field.setPlaceholderText(
            self.tr("Scan the customer's QR or type the 8-digit code, then Enter")
        )
        self.code_field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.code_field.setMaxLength(64)
        self.code_field.returnPressed.connect(self.verify)
        self.search_field = QLineEdit()
        self.search_field.setObjectName("pickupSearch")
        self.search_field.setPlaceholderText(self.tr("Search: order number, phone last 4, name initial"))
        self.search_field.textChanged.connect(self.refresh_list)
        self.message = QLabel()
        self.message.setObjectName("pickupMessage")
        self.message.setWordWrap(True)

        self.orders = QTableWidget(0, 5)
        self.orders.setObjectName("pickupOrders")
        self.orders.setHorizontalHeaderLabels(
            [
                self.tr("Order"),
                self.tr("Status"),
                self.tr("Pick up by"),
                self.tr("Customer"),
                self.tr("Amount"),
            ]
        )
        self.orders.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.orders.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.orders.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.orders.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.orders.verticalHeader().setDefaultSectionSize(44)
        self.orders.itemSelectionChanged.connect(self._picked_from_list)

        self.title = QLabel()
        self.title.setObjectName("pickupOrderTitle")
        self.title.setWordWrap(True)
        self.lines = QTableWidget(0, 4)
        self.lines.setObjectName("pickupLines")
        self.lines.setHorizontalHeaderLabels(
            [self.tr("Item"), self.tr("Qty"), self.tr("Reserved"), self.tr("Refused")]
        )
        self.lines.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.lines.verticalHeader().setDefaultSectionSize(44)
        self.id_prompt = QCheckBox(self.tr("I have checked the customer's ID (name matches the order)"))
        self.id_prompt.setObjectName("pickupIdChecked")
        self.id_prompt.setMinimumHeight(44)
        self.id_prompt.hide()
        self.reason = QComboBox()
        self.reason.setObjectName("pickupRefuseReason")
        self.reason.setAccessibleName(self.tr("Why the line is refused"))
        self.reason.setMinimumHeight(44)
        for key, text in REASONS:
            self.reason.addItem(QCoreApplication.translate("PickupDesk", text), key)

        self.ready_button = QPushButton(self.tr("F2 Mark ready"))
        self.ready_button.setObjectName("pickupReady")
        self.ready_button.clicked.connect(self.mark_ready)
        self.print_button = QPushButton(self.tr("F3 Print pick list"))
        self.print_button.setObjectName("pickupPrint")
        self.print_button.clicked.connect(self.print_pick_list)
        self.refuse_button = QPushButton(self.tr("F4 Refuse the chosen line"))
        self.refuse_button.setObjectName("pickupRefuse")
        self.refuse_button.clicked.connect(self.refuse_line)
        self.hand_button = QPushButton(self.tr("F12 Hand over"))
        self.hand_button.setObjectName("pickupHandOver")
        self.hand_button.clicked.connect(self.hand_over)
        close = QPushButton(self.tr("Back (Esc)"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (
            self.ready_button,
            self.print_button,
            self.reason,
            self.refuse_button,
            self.hand_button,
            close,
        ):
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setMinimumHeight(44)
            buttons.addWidget(button)
        for key, slot in (
            ("F2", self.mark_ready),
            ("F3", self.print_pick_list),
            ("F4", self.refuse_line),
            ("F12", self.hand_over),
        ):
            QShortcut(QKeySequence(key), self, activated=slot)

        layout = QVBoxLayout(self)
        layout.addWidget(self.code_field)
        layout.addWidget(self.message)
        layout.addWidget(self.search_field)
        layout.addWidget(self.orders, 2)
        layout.addWidget(self.title)
        layout.addWidget(self.lines, 2)
        layout.addWidget(self.id_prompt)
        layout.addLayout(buttons)
        self.refresh_list()
        self._show(None)
        self.code_field.setFocus()

    # ---------------------------------------------------------------- the list
    def refresh_list(self, *_args) -> None:
        rows = self.desk.listing(self.search_field.text())
        self.orders.setRowCount(len(rows))
        for r, (o, shown) in enumerate(rows):
            cells = (
                o.order_id,
                status_label(shown) + (" ⚠" if o.conflict else ""),
                self._when(o.deadline),
                f"{o.customer}  ****{o.phone_last4}" if o.phone_last4 else o.customer,
                format_money(o.total, self.locale),
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, o.order_id)
                self.orders.setItem(r, c, item)

    def _picked_from_list(self) -> None:
        items = self.orders.selectedItems()
        if not items:
            return
        order_id = items[0].data(Qt.ItemDataRole.UserRole)
        if self.current is not None and self.current.order_id == order_id:
            return
        self.verified = None  # opened from the list, not by the customer's code
        self._show(self.desk.order(order_id))

    # ---------------------------------------------------------------- verify
    def verify(self) -> None:
        text = self.code_field.text()
        self.code_field.clear()
        if not text.strip():
            return
        try:
            self.verified = self.desk.verify(text, self.staff)
        except PickupProblem as problem:
            self.verified = None
            self._show(None)
            self._error(self.explain(problem))
            return
        self._show(self.verified.order)
        if self.verified.order.handover is not None:
            self._error(self.explain(AlreadyHandedOver(self.verified.order.handover)))
        elif not self.verified.order.collectable:
            self._error(
                self.explain(NotCollectable(self.verified.order.order_id, self.verified.order.status))
            )
        else:
            self._info(
                self.tr(
                    "Code verified: order {order}. Check the goods with the customer, then F12 to hand over."
                ).format(order=self.verified.order.order_id)
            )

    # ---------------------------------------------------------------- actions
    def mark_ready(self) -> None:
        if not self._need_order():
            return
        self._act(
            lambda o: self.desk.mark_ready(o.order_id, self.staff),
            self.tr("Order {order} is ready; the customer is told once the till syncs."),
        )

    def refuse_line(self) -> None:
        if not self._need_order():
            return
        rows = self.lines.selectionModel().selectedRows()
        if not rows:
            self._error(self.tr("Choose the line to refuse in the list of items first."))
            return
        line = self.current.lines[rows[0].row()]  # type: ignore[union-attr]
        reason = self.reason.currentData()
        done = self.tr("{item} refused; its reserved stock is released. Hand over the rest with F12.").format(
            item=line.name
        )
        if self.current.paid:  # type: ignore[union-attr]
            done += " " + self.refund_text(
                line_refund({"qty": line.qty, "unit_price": line.unit_price, "amount": line.amount},
                            line.qty - line.refused))
        self._act(lambda o: self.desk.refuse_line(o.order_id, line.line_no, reason, self.staff), done)

    def refund_text(self, amount: int) -> str:
        """The customer paid online for what they do not take: central has the web shop pay it back."""
        return self.tr(
            "{amount} is refunded online to the customer (paid back by the web shop once the till has "
            "synced); take no money at the desk."
        ).format(amount=format_money(amount, self.locale))

    def hand_over(self) -> None:
        if not self._need_order():
            return
        if self.verified is None or self.verified.order.order_id != self.current.order_id:  # type: ignore[union-attr]
            self._error(
                self.tr(
                    "Scan or type the customer's pickup code first: an order is handed over only "
                    "against its code."
                )
            )
            self.code_field.setFocus()
            return
        try:
            done = self.desk.hand_over(self.verified, self.staff, id_checked=self.id_prompt.isChecked())
        except PickupProblem as problem:
            self._error(self.explain(problem))
            self._show(self.desk.order(self.current.order_id))  # type: ignore[union-attr]
            return
        self.verified = None
        self.refresh_list()
        self._show(self.desk.order(done.order_id))
        text = self.tr("Order {order} handed over. The code cannot be used again.").format(
            order=done.order_id)
        order = self.desk.order(done.order_id)
        refused = 0 if order is None or not order.paid else sum(
            line_refund({"qty": ln.qty, "unit_price": ln.unit_price, "amount": ln.amount}, ln.refused)
            for ln in order.lines)
        if refused:
            text += " " + self.refund_text(refused)
        self._info(text, "success")
        self.code_field.setFocus()

    def print_pick_list(self) -> None:
        if not self._need_order():
            return
        if self._print is None:
            self._error(self.tr("No receipt printer is set up on this till. Set one up in Devices (Ctrl+D)."))
            return
        self._print(self.current)  # type: ignore[arg-type]
        self._info(self.tr("Pick list for {order} sent to the printer.").format(order=self.current.order_id))  # type: ignore[union-attr]

    def _act(self, work, done_text: str) -> None:
        try:
            order = work(self.current)
        except PickupProblem as problem:
            self._error(self.explain(problem))
            return
        if self.verified is not None and self.verified.order.order_id == order.order_id:
            self.verified = Verified(order, self.verified.via, self.verified.at)
        self.refresh_list()
        self._show(order)
        self._info(done_text.format(order=order.order_id), "success")

    def _need_order(self) -> bool:
        if self.current is None:
            self._error(self.tr("Scan the customer's code, or choose an order in the list, first."))
            return False
        return True

    # ---------------------------------------------------------------- showing
    def _show(self, order: DeskOrder | None) -> None:
        self.current = order
        if order is None:
            self.title.setText(self.tr("No order open."))
            self.lines.setRowCount(0)
            self.id_prompt.hide()
            for b in (self.ready_button, self.print_button, self.refuse_button, self.hand_button):
                b.setEnabled(False)
            return
        text = self.tr("Order {order} · {status} · pick up by {deadline} · {customer} ****{phone} · {total}")
        self.title.setText(
            text.format(
                order=order.order_id,
                status=status_label(order.status),
                deadline=self._when(order.deadline),
                customer=order.customer,
                phone=order.phone_last4,
                total=format_money(order.total, self.locale),
            )
        )
        if order.conflict:
            self.title.setText(
                self.title.text()
                + "\n"
                + self.tr("Central flagged this order ({conflict}); a manager must look at it.").format(
                    conflict=order.conflict
                )
            )
        self.lines.setRowCount(len(order.lines))
        for r, line in enumerate(order.lines):
            for c, value in enumerate(
                (line.name, str(line.qty), str(line.reserved), str(line.refused or ""))
            ):
                item = QTableWidgetItem(value)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.lines.setItem(r, c, item)
        self.id_prompt.setVisible(order.id_check and order.collectable)
        self.id_prompt.setChecked(False)
        open_ = order.collectable
        self.ready_button.setEnabled(open_ and order.status != "ready")
        self.print_button.setEnabled(open_)
        self.refuse_button.setEnabled(open_)
        self.hand_button.setEnabled(open_)

    def _when(self, iso: str | None) -> str:
        if not iso:
            return ""
        try:
            return day_time_text(datetime.fromisoformat(iso), self.locale, self._zone)
        except ValueError:
            return iso

    def _info(self, text: str, kind: str = "info") -> None:
        self.message.setText(text)
        if self.message.property("kind") != kind:
            self.message.setProperty("kind", kind)
            self.message.style().unpolish(self.message)
            self.message.style().polish(self.message)

    def _error(self, text: str) -> None:
        self._info(text, "error")

    def explain(self, problem: PickupProblem) -> str:
        """What happened and what to do, in the staff's language."""
        if isinstance(problem, DeskLocked):
            until = time_text(problem.until, self.locale, self._zone)
            return self.tr(
                "Too many wrong codes: the desk is locked until {time}. Ask the customer to open the "
                "order in the app, or call a supervisor."
            ).format(time=until)
        if isinstance(problem, CodeNotRecognised):
            if problem.malformed:
                text = self.tr(
                    "That is not a pickup code (8 digits, or the order's QR). {left} tries left "
                    "before the desk locks."
                )
            else:
                text = self.tr(
                    "No order here has this code. Check the digits with the customer; {left} tries "
                    "left before the desk locks."
                )
            return text.format(left=problem.failures_left)
        if isinstance(problem, AlreadyHandedOver):
            h = problem.handover
            when = when_text(datetime.fromisoformat(h.at), self.locale, self._zone)
            return self.tr(
                "Already handed over on {when} by {name} ({code}) at till {till}. Do not hand over "
                "again; call a supervisor."
            ).format(when=when, name=h.staff_name, code=h.staff_code, till=h.terminal_no)
        if isinstance(problem, IdCheckRequired):
            self.id_prompt.show()
            return self.tr(
                "This order is worth {total}: check the customer's ID, tick the box, then F12 again."
            ).format(total=format_money(problem.total, self.locale))
        if isinstance(problem, NotCollectable):
            return self.tr(
                "Order {order} is {status}: it cannot be handed over. Ask the customer to contact "
                "customer service."
            ).format(order=problem.order_id, status=status_label(problem.status))
        if isinstance(problem, NotPaid):
            text = self.tr("Order {order} is not paid yet ({total}). Ask the customer to pay in the app, "
                           "then sync (F9) and try again.")
            return text.format(order=problem.order_id, total=format_money(problem.total, self.locale))
        if isinstance(problem, UnknownLine):
            return self.tr("That line was already refused. Choose another line.")
        return str(problem)


def _zone(name: str):
    try:
        return ZoneInfo(name)
    except Exception:
        return None


def open_pickup_desk(window) -> PickupDeskDialog | None:
    """Open the desk from the main window (Ctrl+U) for the staff member logged in; None when busy."""
    if not window._idle_checkout() or window.pickup_dialog is not None:
        return None
    till = window.till
    store_name = window.store_name

    def print_list(order: DeskOrder) -> None:
        from datetime import UTC

        window.printing.submit(pick_list_document(order, store_name, datetime.now(UTC)))
        till.record("pickup.pick_list", window.session.cashier.code, {"order_id": order.order_id})

    dialog = PickupDeskDialog(
        till.pickup_desk(),
        window.session.cashier,
        window.locale,
        timezone=till.identity().timezone,
        print_pick_list=print_list,
        parent=window,
    )
    return open_over_checkout(window, window, "pickup_dialog", dialog, dialog.code_field)
