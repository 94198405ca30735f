"""The sales guide's screen (Ctrl+G): find a product, see its sizes and colours and the stock in
every store and warehouse nearest first, order it for a customer, follow the orders, and see
the guide's own sales and commission.  Sized for a tablet (1024×700 and up, 48 px touch targets);
network work runs off the UI thread (ui/background.py)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt, Signal
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
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from drivers.printer.document import Align, Columns, QrCode, ReceiptDocument, Rule, TextLine
from pos_client.domain.guide_order import DraftLine, OrderDraft
from pos_client.domain.members import Member
from pos_client.domain.sale import Cashier
from pos_client.services.auth import Session
from pos_client.services.guide import GuideService, NetworkView, OrderProblems
from pos_client.store.guide import GuideOrderRow
from pos_client.ui.money_text import format_amount, format_money
from pos_client.ui.time_text import time_text
from pos_client.ui.work_windows import fit_to_parent
from sync.errors import NotFoundAtCentral
from sync.protocol import CommissionReport

from .background import TaskRunner
from .member_dialog import MemberDialog

TOUCH = 48
STATES = {
    "queued": QT_TRANSLATE_NOOP("GuideWindow", "Queued: placed as soon as the till is online"),
    "placed": QT_TRANSLATE_NOOP("GuideWindow", "Placed: waiting for the customer's payment"),
    "paid": QT_TRANSLATE_NOOP("GuideWindow", "Placed and paid"),
    "refused": QT_TRANSLATE_NOOP("GuideWindow", "Refused by central"),
}
PROBLEMS = {
    "no_lines": QT_TRANSLATE_NOOP("GuideWindow", "Add at least one item to the order."),
    "bad_qty": QT_TRANSLATE_NOOP("GuideWindow", "A quantity must be between 1 and 10,000."),
    "no_fulfilment": QT_TRANSLATE_NOOP("GuideWindow", "Choose how the customer gets the goods."),
    "no_name": QT_TRANSLATE_NOOP("GuideWindow", "Home delivery needs the customer's name."),
    "bad_phone": QT_TRANSLATE_NOOP("GuideWindow", "Home delivery needs an 11-digit mobile number."),
    "no_address": QT_TRANSLATE_NOOP("GuideWindow", "Home delivery needs the delivery address."),
    "no_pickup_store": QT_TRANSLATE_NOOP(
        "GuideWindow", "Choose the other store where the customer collects the goods."
    ),
    "no_payment": QT_TRANSLATE_NOOP("GuideWindow", "Choose how the customer pays."),
    "underpaid": QT_TRANSLATE_NOOP("GuideWindow", "Paid here: the amount taken must cover the order."),
}
FULFILMENT = (
    ("delivery", QT_TRANSLATE_NOOP("GuideWindow", "Home delivery")),
    ("pickup_other", QT_TRANSLATE_NOOP("GuideWindow", "Pickup at another store")),
    ("pickup_here", QT_TRANSLATE_NOOP("GuideWindow", "Pickup here later")),
)
# Paid here: the order's amount due is sold at this till (any tender, in the shift and Z report) right
# after the order is placed (services/order_payment.py).
PAYMENT = (
    ("link", QT_TRANSLATE_NOOP("GuideWindow", "Customer pays later by link / QR")),
    ("till", QT_TRANSLATE_NOOP("GuideWindow", "Customer pays at this till now (cash, card, wallet…)")),
)


def _age_text(_window: QWidget, seconds: float) -> str:
    # translate() with the context named: lupdate cannot tell a module function's `window.tr`
    # belongs to GuideWindow, and these strings went untranslated.
    minutes = int(seconds // 60)
    if minutes < 1:
        return QCoreApplication.translate("GuideWindow", "less than a minute")
    if minutes < 120:
        return QCoreApplication.translate("GuideWindow", "{n} min").format(n=minutes)
    return QCoreApplication.translate("GuideWindow", "{h} h {m} min").format(h=minutes // 60, m=minutes % 60)


def order_slip(row: GuideOrderRow, store_name: str) -> ReceiptDocument:
    """The slip the customer takes: the order's number and the QR to pay (or to collect) with."""
    data = row.data
    blocks: list = [
        TextLine(store_name, Align.CENTER, bold=True, large=True),
        TextLine("导购订单 Guide order", Align.CENTER),
        Rule(),
        TextLine(f"订单号 Order: {row.order_no or '(待上传 queued)'}"),
        TextLine(f"导购 Guide: {row.guide_code}"),
        Rule(),
    ]
    for line in data.get("lines", []):
        blocks.append(TextLine(line.get("name") or line["sku"]))
        blocks.append(
            Columns(f"  {line['qty']} x {format_amount(line['unit_price'])}", format_amount(line["amount"]))
        )
    blocks += [Rule(), Columns("合计 TOTAL", format_amount(data.get("total", 0)), bold=True)]
    # A link order that waits for payment carries the payment QR; an order paid here (or about to
    # be, at this till) carries the order's own code, shown to collect or to ask after it.
    to_pay = row.state == "placed" and bool(row.payment_url) and data.get("payment", "link") == "link"
    code = row.payment_url if to_pay else (row.order_no or row.order_id)
    blocks += [
        TextLine("扫码付款 Scan to pay" if to_pay else "凭码取货 Show to collect", Align.CENTER),
        QrCode(code),
    ]
    return ReceiptDocument(job_id=f"order-{row.order_no or row.order_id}", blocks=tuple(blocks))


class GuideWindow(QDialog):
    slip_requested = Signal(object)
    """An order slip (ReceiptDocument) for the print queue."""
    pay_requested = Signal(str)
    """An order id to take payment for at this till (ui/guide_controls.py puts it on the sale)."""

    def __init__(
        self,
        service: GuideService,
        runner: TaskRunner,
        session: Session,
        locale: str,
        member_checkout,
        store_name: str = "",
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("guideWindow")
        self.setWindowTitle(self.tr("Sales guide"))
        self.setMinimumSize(1000, 680)
        fit_to_parent(self, parent, 1000, 680)
        self.service = service
        self.runner = runner
        self.session = session
        self.locale = locale
        self.store_name = store_name
        self.member_checkout = member_checkout
        self.member: Member | None = None
        self.view: NetworkView | None = None
        self.sku: str | None = None
        self.order_lines: list[DraftLine] = []
        self.report: dict[str, CommissionReport] = {}
        self.member_dialog: MemberDialog | None = None
        self.closed = False
        self.pay_after = False

        self.tabs = QTabWidget()
        self.tabs.addTab(self._find_tab(), self.tr("Find and stock"))
        self.tabs.addTab(self._order_tab(), self.tr("Order for a customer"))
        self.tabs.addTab(self._orders_tab(), self.tr("Orders"))
        self.tabs.addTab(self._commission_tab(), self.tr("Sales and commission"))
        self.message = QLabel()
        self.message.setObjectName("guideMessage")
        self.message.setWordWrap(True)
        close = QPushButton(self.tr("Close (Esc)"))
        close.setMinimumHeight(TOUCH)
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.place_order)
        QShortcut(QKeySequence("Ctrl+I"), self, activated=self.find_customer)
        self.refresh_orders()
        self.search_field.setFocus()

    # ------------------------------------------------------------ building
    def _button(self, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setMinimumHeight(TOUCH)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    @staticmethod
    def _table(headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setDefaultSectionSize(TOUCH)
        return table

    @staticmethod
    def _name_column_stretches(table: QTableWidget, column: int) -> None:
        """Names get the room, figures just what they need (a few dozen rows: measuring is cheap)."""
        header = table.horizontalHeader()
        for c in range(table.columnCount()):
            header.setSectionResizeMode(
                c, QHeaderView.ResizeMode.Stretch if c == column else QHeaderView.ResizeMode.ResizeToContents)

    def _find_tab(self) -> QWidget:
        page = QWidget()
        self.search_field = QLineEdit()
        self.search_field.setObjectName("guideSearch")
        self.search_field.setMinimumHeight(TOUCH)
        self.search_field.setPlaceholderText(
            self.tr("Scan a barcode, or type a name, pinyin or SKU, then Enter")
        )
        self.search_field.returnPressed.connect(self.search)
        self.category = QComboBox()
        self.category.setMinimumHeight(TOUCH)
        self.category.addItem(self.tr("Browse by category…"), "")
        for name in self.service.data.categories():
            self.category.addItem(name, name)
        self.category.currentIndexChanged.connect(self.browse)
        self.results = QListWidget()
        self.results.setObjectName("guideResults")
        self.results.itemActivated.connect(
            lambda item: self.show_product(item.data(Qt.ItemDataRole.UserRole))
        )
        self.results.itemClicked.connect(lambda item: self.show_product(item.data(Qt.ItemDataRole.UserRole)))
        self.variants = self._table(
            [self.tr("SKU"), self.tr("Name"), self.tr("Colour"), self.tr("Size"), self.tr("Here")]
        )
        self.variants.cellClicked.connect(
            lambda row, _c: self.show_product(self.variants.item(row, 0).text())
        )
        self.freshness = QLabel()
        self.freshness.setObjectName("guideFreshness")
        self.freshness.setWordWrap(True)
        self.network = self._table(
            [
                self.tr("Store / warehouse"),
                self.tr("Distance"),
                self.tr("On hand"),
                self.tr("Reserved"),
                self.tr("Available"),
                self.tr("As of"),
            ]
        )
        self._name_column_stretches(self.network, 0)
        self._name_column_stretches(self.variants, 1)
        self.qty = QSpinBox()
        self.qty.setRange(1, 999)
        self.qty.setMinimumHeight(TOUCH)
        add = self._button(self.tr("Add to the customer's order"), self.add_to_order)
        top = QHBoxLayout()
        top.addWidget(self.search_field, 2)
        top.addWidget(self.category, 1)
        left = QVBoxLayout()
        left.addLayout(top)
        left.addWidget(self.results, 1)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Sizes and colours")))
        right.addWidget(self.variants, 1)
        right.addWidget(self.freshness)
        right.addWidget(self.network, 2)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Quantity")))
        row.addWidget(self.qty)
        row.addWidget(add, 1)
        right.addLayout(row)
        layout = QHBoxLayout(page)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)
        return page

    def _order_tab(self) -> QWidget:
        page = QWidget()
        self.lines_table = self._table([self.tr("SKU"), self.tr("Name"), self.tr("Qty"), self.tr("Amount")])
        self.total_label = QLabel()
        self.total_label.setObjectName("guideTotal")
        self.customer_label = QLabel(self.tr("No member chosen (optional)."))
        self.fulfilment = QComboBox()
        self.fulfilment.setMinimumHeight(TOUCH)
        for key, text in FULFILMENT:
            self.fulfilment.addItem(self.tr(text), key)
        self.pickup_store = QComboBox()
        self.pickup_store.setMinimumHeight(TOUCH)
        self.pickup_store.setEditable(True)
        self.name_field = QLineEdit()
        self.phone_field = QLineEdit()
        self.phone_field.setMaxLength(11)
        self.address_field = QLineEdit()
        for field in (self.name_field, self.phone_field, self.address_field):
            field.setMinimumHeight(TOUCH)
        self.payment = QComboBox()
        self.payment.setMinimumHeight(TOUCH)
        for key, text in PAYMENT:
            self.payment.addItem(self.tr(text), key)
        # Two columns, how the order goes and who it is for: six rows of touch-sized fields do not
        # fit under the lines at 1366x768.
        how, who = QFormLayout(), QFormLayout()
        how.addRow(self.tr("Delivery"), self.fulfilment)
        how.addRow(self.tr("Pickup store"), self.pickup_store)
        how.addRow(self.tr("Payment"), self.payment)
        who.addRow(self.tr("Customer"), self.customer_label)
        who.addRow(self.tr("Customer name"), self.name_field)
        who.addRow(self.tr("Mobile"), self.phone_field)
        who.addRow(self.tr("Address"), self.address_field)
        form = QHBoxLayout()
        form.addLayout(how, 1)
        form.addLayout(who, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(
            self._button(self.tr("Customer: member code or sign-up (Ctrl+I)"), self.find_customer)
        )
        buttons.addWidget(self._button(self.tr("Remove the chosen line"), self.remove_line))
        self.place_button = self._button(self.tr("Place the order (Ctrl+Enter)"), self.place_order)
        self.place_button.setObjectName("placeOrder")
        buttons.addWidget(self.place_button)
        self.lines_table.setMinimumHeight(4 * TOUCH)  # the header and three lines
        layout = QVBoxLayout(page)
        layout.addWidget(self.lines_table, 1)
        layout.addWidget(self.total_label)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self._show_lines()
        return page

    def _orders_tab(self) -> QWidget:
        page = QWidget()
        self.orders_table = self._table(
            [self.tr("Order"), self.tr("State"), self.tr("Delivery"), self.tr("Total"), self.tr("Guide")]
        )
        layout = QVBoxLayout(page)
        layout.addWidget(self.orders_table, 1)
        row = QHBoxLayout()
        row.addWidget(self._button(self.tr("Send queued orders now"), self.retry_orders))
        row.addWidget(self._button(self.tr("Print the order slip"), self.print_slip))
        self.pay_button = self._button(self.tr("Take payment at this till"), self.pay_chosen)
        self.pay_button.setObjectName("payOrder")
        row.addWidget(self.pay_button)
        layout.addLayout(row)
        return page

    def _commission_tab(self) -> QWidget:
        page = QWidget()
        self.commission_label = QLabel(self.tr("Press Refresh: the figures come from central."))
        self.commission_label.setObjectName("commissionLabel")
        self.commission_label.setWordWrap(True)
        self.commission_table = self._table(
            [
                self.tr("Guide"),
                self.tr("Today: sales"),
                self.tr("Today: commission"),
                self.tr("Month: sales"),
                self.tr("Month: commission"),
            ]
        )
        layout = QVBoxLayout(page)
        layout.addWidget(self.commission_label)
        layout.addWidget(self.commission_table, 1)
        layout.addWidget(self._button(self.tr("Refresh"), self.refresh_commission))
        return page

    # ------------------------------------------------------------ finding
    def say(self, text: str, kind: str = "info") -> None:
        self.message.setText(text)
        self.message.setProperty("kind", kind)

    def search(self) -> None:
        typed = self.search_field.text().strip()
        found = self.service.find(typed)
        self._fill_results(found)
        if not found:
            self.say(
                self.tr(
                    'Nothing matches "{text}": try fewer words, the pinyin initials, or scan the barcode.'
                ).format(text=typed[:30]),
                "error",
            )
        elif len(found) == 1:
            self.show_product(found[0][0])

    def browse(self) -> None:
        category = self.category.currentData()
        if category:
            self._fill_results(self.service.data.in_category(category))

    def _fill_results(self, rows) -> None:
        self.results.clear()
        for sku, name in rows:
            item = QListWidgetItem(f"{name}  ·  {sku}")
            item.setData(Qt.ItemDataRole.UserRole, sku)
            item.setSizeHint(QSize(0, TOUCH))
            self.results.addItem(item)

    def show_product(self, sku: str) -> None:
        self.sku = sku
        variants = self.service.data.variants(sku)
        self.variants.setRowCount(len(variants))
        for r, v in enumerate(variants):
            for c, value in enumerate(
                (v.sku, v.name, v.colour, v.size, "—" if v.on_hand is None else str(v.on_hand))
            ):
                self.variants.setItem(r, c, QTableWidgetItem(value))
            if v.sku == sku:
                self.variants.selectRow(r)
        self.freshness.setText(self.tr("Asking central for the stock in every store…"))
        self.runner.network(
            lambda: self.service.network(sku),
            lambda view: self._network_shown(sku, view),
            lambda error: self._network_failed(sku, error),
        )

    def done(self, result: int) -> None:
        self.closed = True  # answers from central that come later are dropped
        super().done(result)

    def _network_failed(self, sku: str, error: BaseException) -> None:
        if sku != self.sku or self.closed:
            return
        if isinstance(error, NotFoundAtCentral):
            self.freshness.setText(
                self.tr(
                    "Central does not know {sku}: it may be new here. Only this store's stock is known."
                ).format(sku=sku)
            )
        else:
            self.freshness.setText(
                self.tr("The network stock could not be read ({error}). Try again.").format(
                    error=str(error)[:80]
                )
            )

    def _network_shown(self, sku: str, view: NetworkView) -> None:
        if sku != self.sku or self.closed:
            return  # the guide has moved on to another product
        self.view = view
        now = datetime.now(UTC)
        if view.live:
            self.freshness.setText(
                self.tr("Live from central, {time}.").format(
                    time=time_text(view.fetched_at.astimezone(), self.locale, seconds=True)
                )
            )
            self.freshness.setProperty("kind", "success")
        elif view.own_store_only:
            self.freshness.setText(
                self.tr(
                    "OFFLINE: no network stock was kept for this item. Only this store's "
                    "stock is shown, as last synced."
                )
            )
            self.freshness.setProperty("kind", "error")
        elif view.snapshot:
            self.freshness.setText(
                self.tr(
                    "OFFLINE: network stock snapshot of the nearest stores, synced {age} ago (at {time}). "
                    "Figures may have changed."
                ).format(
                    age=_age_text(self, view.age_seconds(now)),
                    time=time_text(view.fetched_at.astimezone(), self.locale),
                )
            )
            self.freshness.setProperty("kind", "error")
        else:
            self.freshness.setText(
                self.tr(
                    "OFFLINE: last synced network stock, {age} old (from {time}). Figures may have changed."
                ).format(
                    age=_age_text(self, view.age_seconds(now)),
                    time=time_text(view.fetched_at.astimezone(), self.locale),
                )
            )
            self.freshness.setProperty("kind", "error")
        self.freshness.style().unpolish(self.freshness)
        self.freshness.style().polish(self.freshness)
        locations = view.stock.locations
        self.network.setRowCount(len(locations))
        for r, loc in enumerate(locations):
            at = next((s for s in loc.skus if s.sku == sku), None)
            kind = self.tr("warehouse") if loc.kind == "warehouse" else self.tr("store")
            distance = (
                "—" if loc.distance_m is None
                else self.tr("{km} km").format(km=f"{(loc.distance_m + 500) // 1000:,}")
            )
            as_of = (
                self.tr("unknown")
                if loc.as_of is None
                else self.tr("{age} before").format(
                    age=_age_text(self, max(0.0, (view.fetched_at - loc.as_of).total_seconds())))
            )
            values = (
                f"{loc.store_code} {loc.name} ({kind})",
                distance,
                str(at.on_hand) if at else "0",
                str(at.reserved) if at else "0",
                str(at.available) if at else "0",
                as_of,
            )
            for c, value in enumerate(values):
                self.network.setItem(r, c, QTableWidgetItem(value))
        own = self.service.store_code
        current = self.pickup_store.currentText()
        self.pickup_store.clear()
        for loc in locations:
            if loc.kind == "store" and loc.store_code != own:
                self.pickup_store.addItem(f"{loc.store_code} {loc.name}", loc.store_code)
        if current:
            self.pickup_store.setCurrentText(current)

    # ------------------------------------------------------------ ordering
    def add_to_order(self) -> None:
        if not self.sku:
            self.say(self.tr("Find a product first."), "error")
            return
        item = self.service.catalog.by_sku(self.sku)
        if item is None or item.price is None:
            self.say(
                self.tr("{sku} has no price at this store and cannot be ordered here.").format(sku=self.sku),
                "error",
            )
            return
        self.order_lines.append(
            DraftLine(item.sku, item.name, item.category or "", self.qty.value(), item.price)
        )
        self._show_lines()
        self.say(
            self.tr("{name} × {qty} is on the order.").format(name=item.name, qty=self.qty.value()), "success"
        )

    def remove_line(self) -> None:
        row = self.lines_table.currentRow()
        if 0 <= row < len(self.order_lines):
            del self.order_lines[row]
            self._show_lines()

    def _show_lines(self) -> None:
        self.lines_table.setRowCount(len(self.order_lines))
        for r, ln in enumerate(self.order_lines):
            for c, value in enumerate((ln.sku, ln.name, str(ln.qty), format_money(ln.amount, self.locale))):
                self.lines_table.setItem(r, c, QTableWidgetItem(value))
        total = sum(ln.amount for ln in self.order_lines)
        self.total_label.setText(
            self.tr("Order total: {total}").format(total=format_money(total, self.locale))
        )

    def find_customer(self) -> None:
        dialog = MemberDialog(self.member_checkout, self)
        dialog.finished.connect(lambda result: self._customer_chosen(dialog, result))
        self.member_dialog = dialog
        dialog.open()

    def _customer_chosen(self, dialog: MemberDialog, result: int) -> None:
        self.member_dialog = None
        dialog.deleteLater()
        if result == QDialog.DialogCode.Accepted:
            self.member = self.member_checkout.member
            self.customer_label.setText(
                self.tr("{phone} · {code}").format(phone=self.member.phone_masked, code=self.member.code)
                if self.member
                else self.tr("No member chosen (optional).")
            )

    def guide(self) -> Cashier:
        return self.session.cashier

    def draft(self) -> OrderDraft:
        payment = self.payment.currentData()
        return OrderDraft(
            lines=tuple(self.order_lines),
            fulfilment=self.fulfilment.currentData(),
            member_id=self.member.member_id if self.member else None,
            pickup_store_code=(
                self.pickup_store.currentData() or self.pickup_store.currentText().split(" ")[0] or None
            ),
            name=self.name_field.text(),
            phone=self.phone_field.text(),
            address=self.address_field.text(),
            payment="link" if payment == "link" else "till",
        )

    def place_order(self) -> None:
        draft = self.draft()
        guide = self.guide()
        try:
            self.service.guide_by_code(guide.code)
        except LookupError:
            self.say(
                self.tr("Orders are attributed to a sales guide: log in as the guide (Ctrl+L) to order."),
                "error",
            )
            return
        self.place_button.setEnabled(False)
        self.pay_after = draft.payment == "till"
        self.runner.write(lambda: self.service.place(draft, guide), self._written, self._not_written)

    def _not_written(self, error: BaseException) -> None:
        self.place_button.setEnabled(True)
        if isinstance(error, OrderProblems):
            self.say(" ".join(self.tr(PROBLEMS.get(code, code)) for code in error.codes), "error")
        else:
            self.say(
                self.tr(
                    "The order could not be saved on this till ({error}). Nothing was sent; try again."
                ).format(error=str(error)[:80]),
                "error",
            )

    def _written(self, order_id: str) -> None:
        self.place_button.setEnabled(True)
        self.order_lines = []
        self.member = None
        self._show_lines()
        self.customer_label.setText(self.tr("No member chosen (optional)."))
        self.say(self.tr("Order saved on the till; sending it to central…"), "info")
        self.refresh_orders()
        self.tabs.setCurrentIndex(2)
        self.runner.network(
            lambda: self.service.submit(order_id), self._submitted, lambda _e: self.refresh_orders()
        )
        if self.pay_after:  # the order is durable here: its payment is taken now, as a sale at this till
            self.pay_requested.emit(order_id)

    def _submitted(self, row: GuideOrderRow) -> None:
        if self.closed:
            return
        self.refresh_orders()
        if row.state == "queued":
            self.say(
                self.tr(
                    "Central cannot be reached: the order is queued on this till and is placed as soon "
                    "as the till is online. Its slip can be printed now."
                ),
                "error",
            )
        elif row.state == "refused":
            self.say(self.tr("Central refused the order: {why}").format(why=(row.error or "")[:120]), "error")
        else:
            self.say(self.tr("Order {no} placed.").format(no=row.order_no), "success")
            self.slip_requested.emit(order_slip(row, self.store_name))

    def retry_orders(self) -> None:
        queued = [o.order_id for o in self.service.orders() if o.state == "queued"]
        for order_id in queued:
            self.runner.network(
                lambda oid=order_id: self.service.submit(oid),
                lambda _r: self.refresh_orders(),
                lambda _e: self.refresh_orders(),
            )

    def refresh_orders(self) -> None:
        mine = None if self.session.role in ("manager", "supervisor", "admin") else self.session.cashier.code
        rows = self.service.orders(mine)
        self.orders_table.setRowCount(len(rows))
        names = dict(FULFILMENT)
        for r, o in enumerate(rows):
            state = self.tr(STATES.get(o.state, o.state))
            if o.error:
                state += f": {o.error[:60]}"
            values = (
                o.order_no or self.tr("(not yet numbered)"),
                state,
                self.tr(names.get(o.data.get("fulfilment", ""), "")),
                format_money(int(o.data.get("total", 0)), self.locale),
                o.guide_code,
            )
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, o.order_id)
                self.orders_table.setItem(r, c, item)

    def order_state(self, row: int) -> str:
        return self.orders_table.item(row, 1).text()

    def print_slip(self) -> None:
        row = self.orders_table.currentRow()
        if row < 0:
            self.say(self.tr("Choose an order in the list first."), "error")
            return
        found = self.service.data.order(self.orders_table.item(row, 0).data(Qt.ItemDataRole.UserRole))
        if found is not None:
            self.slip_requested.emit(order_slip(found, self.store_name))
            self.say(self.tr("The order slip is printing."), "success")

    def pay_chosen(self) -> None:
        row = self.orders_table.currentRow()
        if row < 0:
            self.say(self.tr("Choose an order in the list first."), "error")
            return
        self.pay_requested.emit(self.orders_table.item(row, 0).data(Qt.ItemDataRole.UserRole))

    # ------------------------------------------------------------ commission
    def refresh_commission(self) -> None:
        asking = self.session.cashier.code
        self.commission_label.setText(self.tr("Asking central…"))

        def both() -> dict[str, CommissionReport]:
            return {p: self.service.commission(p, asking) for p in ("today", "month")}

        self.runner.network(both, self._commission_shown, self._commission_offline)

    def _commission_offline(self, error: BaseException) -> None:
        """Central cannot be reached: this till's own figures, marked as such."""
        if self.closed:
            return
        mine = None if self.session.role in ("manager", "supervisor", "admin") else self.session.cashier.code
        self._commission_shown({p: self.service.local_commission(p, mine) for p in ("today", "month")})
        text = self.tr("OFFLINE ({error}): only this till's sales and returns, with the commission rules "
                       "last synced. Orders and other tills' sales are missing until the till is online.")
        self.commission_label.setText(text.format(error=str(error)[:60]))

    def _commission_shown(self, reports: dict[str, CommissionReport]) -> None:
        if self.closed:
            return
        self.report = reports
        guides: dict[str, dict] = {}
        for period, rep in reports.items():
            for g in rep.guides:
                guides.setdefault(g.guide_code, {"name": g.guide_name})[period] = g
        self.commission_table.setRowCount(len(guides))
        for r, (code, row) in enumerate(sorted(guides.items())):
            cells = [f"{code} {row['name']}"]
            for period in ("today", "month"):
                g = row.get(period)
                cells += [
                    format_money(g.sales if g else 0, self.locale),
                    format_money(g.commission if g else 0, self.locale),
                ]
            for c, value in enumerate(cells):
                self.commission_table.setItem(r, c, QTableWidgetItem(value))
        everyone = self.session.role in ("manager", "supervisor", "admin")
        self.commission_label.setText(
            self.tr("Every guide of this store (returns deducted).")
            if everyone
            else self.tr("Your attributed sales and commission (returns deducted).")
        )
