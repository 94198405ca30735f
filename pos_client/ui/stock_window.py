"""Stock work (Ctrl+K): count a shelf or the store (RFID reader and scans), receive a transfer or a
delivery against its expected list, send a transfer another store asked for, items below safety
stock with a transfer request, damage and write-off with reasons (gated by role).

RFID tags can arrive by the thousand: the UI thread only appends them to a queue; a worker
thread resolves them (EPC decode, catalog lookup) and the tables are redrawn at most five
times a second, so the window never stalls."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, Qt, QTimer
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
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from drivers.interfaces import TagRead
from pos_client.domain.stock_count import ADJUST_REASONS
from pos_client.services.auth import AuthService, LoginFailed, LoginLocked, Session
from pos_client.services.stock_work import NeedsApproval, Receiving, StockCount, StockWork, UnknownItem
from pos_client.ui.work_windows import fit_to_parent

from .background import TaskRunner

TOUCH = 48
REASON_TEXT = {
    "broken": QT_TRANSLATE_NOOP("StockWindow", "Broken"),
    "water": QT_TRANSLATE_NOOP("StockWindow", "Water damage"),
    "packaging": QT_TRANSLATE_NOOP("StockWindow", "Packaging damaged"),
    "customer_damage": QT_TRANSLATE_NOOP("StockWindow", "Damaged by a customer"),
    "expired": QT_TRANSLATE_NOOP("StockWindow", "Expired"),
    "lost": QT_TRANSLATE_NOOP("StockWindow", "Lost"),
    "theft": QT_TRANSLATE_NOOP("StockWindow", "Theft"),
    "recall": QT_TRANSLATE_NOOP("StockWindow", "Supplier recall"),
}


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().setDefaultSectionSize(TOUCH)
    return table


class RowsModel(QAbstractTableModel):
    """Rows of plain values for a QTableView: replacing them costs a reset, not a widget per cell,
    so a count of thousands of products redraws without stalling the UI thread."""

    def __init__(self, headers: list[str], parent=None, name_of: Callable[[str], str] | None = None) -> None:
        super().__init__(parent)
        self.headers = headers
        self.rows: list[tuple] = []
        # With name_of, column 1 shows the product's name for the row's SKU (rows stay plain values).
        # Qt asks only for the rows on screen, so a whole-store count looks up a screenful of names.
        self._name_of = name_of
        self._names: dict[str, str] = {}

    def rowCount(self, parent: QModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | None = None) -> int:
        return len(self.headers)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if self._name_of is None:
            return str(row[column])
        if column == 1:
            sku = str(row[0])
            if sku not in self._names:
                self._names[sku] = self._name_of(sku)
            return self._names[sku]
        return str(row[column - 1 if column > 1 else 0])

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def set_rows(self, rows: list[tuple]) -> None:
        if rows == self.rows:
            return
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()


def _view(headers: list[str], name_of: Callable[[str], str] | None = None) -> QTableView:
    view = QTableView()
    view.setModel(RowsModel(headers, view, name_of))
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    if name_of is not None:  # the name gets the room; SKU and figures fixed (no measuring 100,000 rows)
        header = view.horizontalHeader()
        for column in range(len(headers)):
            if column != 1:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
                header.resizeSection(column, 170 if column == 0 else 120)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(TOUCH)
    return view


def _fill(table: QTableWidget, rows: list[tuple]) -> None:
    table.setUpdatesEnabled(False)
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = table.item(r, c)
            if item is None:
                table.setItem(r, c, QTableWidgetItem(str(value)))
            elif item.text() != str(value):
                item.setText(str(value))
    table.setUpdatesEnabled(True)


class StockWindow(QDialog):
    def __init__(
        self,
        work: StockWork,
        runner: TaskRunner,
        session: Session,
        auth: AuthService,
        sync_first=None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("stockWindow")
        self.setWindowTitle(self.tr("Stock work"))
        self.setMinimumSize(1000, 680)
        fit_to_parent(self, parent, 1000, 680)
        self.work = work
        self.runner = runner
        self.session = session
        self.auth = auth
        self._sync_first = sync_first
        self.count: StockCount | None = None
        self.receiving: Receiving | None = None
        self._tags: deque[TagRead] = deque()
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="stock-tags")
        self._busy = threading.Event()
        self._dirty = False
        self.tags_processed = 0
        self.timer = QTimer(self)
        self.timer.setInterval(200)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

        self.tabs = QTabWidget()
        self.tabs.addTab(self._count_tab(), self.tr("Count"))
        self.tabs.addTab(self._receive_tab(), self.tr("Receive"))
        self.tabs.addTab(self._safety_tab(), self.tr("Below safety stock"))
        self.tabs.addTab(self._damage_tab(), self.tr("Damage and write-off"))
        self.message = QLabel()
        self.message.setObjectName("stockMessage")
        self.message.setWordWrap(True)
        close = self._button(self.tr("Close (Esc)"), self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        self.refresh_lists()

    def _button(self, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setMinimumHeight(TOUCH)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def say(self, text: str, kind: str = "info") -> None:
        self.message.setText(text)
        self.message.setProperty("kind", kind)

    # ------------------------------------------------------------ count
    def _product_name(self, sku: str) -> str:
        item = self.work.catalog.by_sku(sku)
        return item.name if item is not None else "—"

    def _count_tab(self) -> QWidget:
        page = QWidget()
        self.scope = QComboBox()
        self.scope.setAccessibleName(self.tr("What to count"))
        self.scope.setMinimumHeight(TOUCH)
        self.scope.addItem(self.tr("A shelf"), "shelf")
        self.scope.addItem(self.tr("The whole store"), "store")
        self.area = QLineEdit()
        self.area.setMinimumHeight(TOUCH)
        self.area.setPlaceholderText(self.tr("Shelf or area (optional)"))
        self.count_scan = QLineEdit()
        self.count_scan.setObjectName("countScan")
        self.count_scan.setMinimumHeight(TOUCH)
        self.count_scan.setPlaceholderText(self.tr("Scan items here, or hold the RFID reader to the shelf"))
        self.count_scan.returnPressed.connect(self._count_scanned)
        self.count_status = QLabel(self.tr("Start a count first."))
        self.count_status.setObjectName("countStatus")
        self.count_table = _view(
            [self.tr("SKU"), self.tr("Product"), self.tr("Expected"), self.tr("Counted"),
             self.tr("Difference")],
            self._product_name
        )
        self.unknown = QListWidget()
        self.unknown.setMaximumHeight(120)
        top = QHBoxLayout()
        top.addWidget(self.scope)
        top.addWidget(self.area, 1)
        top.addWidget(self._button(self.tr("Start the count"), self.start_count))
        self.submit_count_button = self._button(self.tr("Send the count"), self.submit_count)
        top.addWidget(self.submit_count_button)
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.count_scan)
        layout.addWidget(self.count_status)
        layout.addWidget(self.count_table, 1)
        layout.addWidget(QLabel(self.tr("Tags that are no product of this store")))
        layout.addWidget(self.unknown)
        return page

    def start_count(self) -> None:
        """Sync first, so the ledger positions the count is taken against include this till's sales."""
        self.count_status.setText(self.tr("Sending this till's sales first…"))

        def begin(_result=None, *, synced: bool = True) -> None:
            self.count = self.work.start_count(self.scope.currentData(), self.area.text())
            self.tags_processed = 0
            self._dirty = True
            self.count_status.setText(
                self.tr("Counting. Tags and scans are counted once each.")
                if synced
                else self.tr(
                    "Counting offline: sales this till has not sent yet may show as "
                    "differences until it is back online."
                )
            )
            self.count_scan.setFocus()

        if self._sync_first is None:
            begin()
            return
        self.runner.network(self._sync_first, begin, lambda _e: begin(synced=False))

    def _count_scanned(self) -> None:
        code = self.count_scan.text().strip()
        self.count_scan.clear()
        if not code:
            return
        target = self.count if self.tabs.currentIndex() == 0 else self.receiving
        if target is None:
            self.say(self.tr("Start a count (or choose what you receive) before scanning."), "error")
            return
        try:
            sku = self.work.sku_of(code)
        except UnknownItem:
            self.say(
                self.tr("No product with code {code} at this store: put it aside for a supervisor.").format(
                    code=code[:30]
                ),
                "error",
            )
            return
        if isinstance(target, StockCount):
            target.add_scan(sku)
        else:
            target.scanned[sku] += 1
        self._dirty = True

    def take_tag(self, tag: TagRead) -> bool:
        """A tag from the reader: queued at once (the UI thread does nothing else with it)."""
        if self.count is None and self.receiving is None:
            return False
        self._tags.append(tag)
        return True

    def _tick(self) -> None:
        if self._tags and not self._busy.is_set():
            batch = [self._tags.popleft() for _ in range(min(len(self._tags), 5000))]
            target = (
                self.count.rfid
                if self.tabs.currentIndex() == 0 and self.count
                else (self.receiving.rfid if self.receiving else None)
            )
            if target is not None:
                self._busy.set()

                def work() -> None:
                    try:
                        for n, tag in enumerate(batch, 1):
                            target.add(tag)
                            if n % 50 == 0:
                                time.sleep(0.001)  # hand the GIL back: the UI thread paints meanwhile
                    finally:
                        self.tags_processed += len(batch)
                        self._dirty = True
                        self._busy.clear()

                self._worker.submit(work)
        if self._dirty:
            self._dirty = False
            self._redraw()

    def _redraw(self) -> None:
        if self.count is not None:
            counted = self.count.counted()
            expected = self.count.expected
            skus = sorted(
                set(counted)
                | ({s for s, (q, _p) in expected.items() if q} if self.count.scope == "store" else set())
            )
            self.count_table.model().set_rows(
                [
                    (
                        s,
                        expected.get(s, (0, 0))[0],
                        counted.get(s, 0),
                        counted.get(s, 0) - expected.get(s, (0, 0))[0],
                    )
                    for s in skus
                ],
            )
            summary = self.count.summary()
            unknown = [
                self.tr("GTIN {gtin}: {n} tag(s)").format(gtin=g, n=n)
                for g, n in summary.unknown_gtins.items()
            ]
            unknown += [self.tr("Not a product tag: {epc}").format(epc=e) for e in summary.not_gs1[:50]]
            if self.unknown.count() != len(unknown):
                self.unknown.clear()
                self.unknown.addItems(unknown)
            self.count_status.setText(
                self.tr("Counting: {tags} tags, {scans} scans, {skus} items.").format(
                    tags=summary.tags, scans=sum(self.count.scanned.values()), skus=len(counted)
                )
            )
        if self.receiving is not None:
            self.receive_table.model().set_rows(
                [(ln.sku, ln.expected, ln.received, ln.shortage, ln.extra) for ln in self.receiving.lines()],
            )

    def submit_count(self) -> None:
        if self.count is None:
            self.say(self.tr("Start a count first."), "error")
            return
        if self._tags or self._busy.is_set():
            self.say(self.tr("Tags are still being counted: send again in a moment."), "error")
            return
        count, self.count = self.count, None
        staff = self.session.cashier.code
        self.runner.write(
            lambda: self.work.submit_count(count, staff),
            self._count_sent,
            lambda error: self.say(
                self.tr("The count could not be saved ({error}); nothing was sent. Count again.").format(
                    error=str(error)[:80]
                ),
                "error",
            ),
        )

    def _count_sent(self, lines) -> None:
        differences = sum(1 for ln in lines if ln.difference)
        self.say(
            self.tr(
                "Count saved: {n} items, {d} with a difference. Central books it against the stock "
                "as it was at the start of the count."
            ).format(n=len(lines), d=differences),
            "success",
        )
        self.count_status.setText(self.tr("Start a count first."))

    # ------------------------------------------------------------ receive and send
    def _receive_tab(self) -> QWidget:
        page = QWidget()
        self.incoming = QListWidget()
        self.incoming.setMaximumHeight(140)
        self.outgoing = QListWidget()
        self.outgoing.setMaximumHeight(140)
        self.receive_table = _view(
            [self.tr("SKU"), self.tr("Product"), self.tr("Expected"), self.tr("Received"), self.tr("Short"),
             self.tr("Extra")],
            self._product_name
        )
        self.receive_scan = QLineEdit()
        self.receive_scan.setMinimumHeight(TOUCH)
        self.receive_scan.setPlaceholderText(
            self.tr("Scan each item of the carton, or read it with the RFID reader")
        )
        self.receive_scan.returnPressed.connect(self._receive_scanned)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("Coming to this store")))
        layout.addWidget(self.incoming)
        row = QHBoxLayout()
        row.addWidget(self._button(self.tr("Receive the chosen transfer"), self.start_receiving))
        row.addWidget(self._button(self.tr("Receive a delivery without a list"), self.start_free_receiving))
        row.addWidget(self._button(self.tr("Book what was received"), self.submit_receiving))
        layout.addLayout(row)
        layout.addWidget(self.receive_scan)
        layout.addWidget(self.receive_table, 1)
        layout.addWidget(QLabel(self.tr("Asked of this store by others")))
        layout.addWidget(self.outgoing)
        layout.addWidget(self._button(self.tr("Send the chosen transfer (all of it)"), self.ship))
        return page

    def refresh_lists(self) -> None:
        self._incoming = self.work.incoming()
        self._outgoing = self.work.outgoing()
        self.incoming.clear()
        for t in self._incoming:
            state = self.tr("on its way") if t["status"] == "shipped" else self.tr("asked for, not sent yet")
            self.incoming.addItem(
                self.tr("{no} from {store}: {n} items, {state}").format(
                    no=t.get("transfer_no", ""), store=t["from_store_code"], n=len(t["lines"]), state=state
                )
            )
        self.outgoing.clear()
        for t in self._outgoing:
            self.outgoing.addItem(
                self.tr("{no} for {store}: {n} items").format(
                    no=t.get("transfer_no", ""), store=t["to_store_code"], n=len(t["lines"])
                )
            )
        self._fill_safety()

    def _receive_scanned(self) -> None:
        self.count_scan.setText(self.receive_scan.text())
        self.receive_scan.clear()
        self._count_scanned()

    def start_receiving(self) -> None:
        row = self.incoming.currentRow()
        if row < 0:
            self.say(self.tr("Choose the transfer you are receiving in the list."), "error")
            return
        self.receiving = self.work.start_receiving(self._incoming[row])
        self._dirty = True
        self.receive_scan.setFocus()

    def start_free_receiving(self) -> None:
        self.receiving = self.work.start_receiving(None, {})
        self._dirty = True
        self.receive_scan.setFocus()

    def submit_receiving(self) -> None:
        if self.receiving is None:
            self.say(self.tr("Choose what you are receiving first."), "error")
            return
        receiving, self.receiving = self.receiving, None
        staff = self.session.cashier.code
        self.runner.write(
            lambda: self.work.submit_receiving(receiving, staff),
            self._received,
            lambda error: self.say(str(error)[:120], "error"),
        )

    def _received(self, lines) -> None:
        short = sum(ln.shortage for ln in lines)
        extra = sum(ln.extra for ln in lines)
        self.say(
            self.tr("Received and booked: {short} short, {extra} extra (recorded for central).").format(
                short=short, extra=extra
            ),
            "success",
        )
        self.receive_table.model().set_rows([])

    def ship(self) -> None:
        row = self.outgoing.currentRow()
        if row < 0:
            self.say(self.tr("Choose the transfer you are sending in the list."), "error")
            return
        transfer = self._outgoing[row]
        staff = self.session.cashier.code
        self.runner.write(
            lambda: self.work.ship(transfer, staff),
            lambda _r: self.say(
                self.tr("Transfer {no} is booked as sent.").format(no=transfer.get("transfer_no", "")),
                "success",
            ),
            lambda error: self.say(str(error)[:120], "error"),
        )

    # ------------------------------------------------------------ safety stock
    def _safety_tab(self) -> QWidget:
        page = QWidget()
        self.safety_table = _table(
            [
                self.tr("SKU"),
                self.tr("Name"),
                self.tr("On hand"),
                self.tr("Safety stock"),
                self.tr("Suggested"),
            ]
        )
        self.source_store = QLineEdit()
        self.source_store.setMinimumHeight(TOUCH)
        self.source_store.setPlaceholderText(self.tr("Store or warehouse to ask (e.g. W001)"))
        layout = QVBoxLayout(page)
        layout.addWidget(self.safety_table, 1)
        row = QHBoxLayout()
        row.addWidget(self.source_store, 1)
        row.addWidget(
            self._button(
                self.tr("Ask for the suggested quantities of the chosen lines"), self.request_transfer
            )
        )
        layout.addLayout(row)
        return page

    def _fill_safety(self) -> None:
        self._low = self.work.below_safety()
        _fill(self.safety_table, [(s.sku, s.name, s.on_hand, s.min_qty, s.suggested) for s in self._low])

    def request_transfer(self) -> None:
        rows = sorted({i.row() for i in self.safety_table.selectedIndexes()}) or range(len(self._low))
        lines = {self._low[r].sku: self._low[r].suggested for r in rows if self._low[r].suggested}
        source = self.source_store.text().strip().upper()
        if not source and len(lines) == 1:
            sku, qty = next(iter(lines.items()))
            self.say(self.tr("Looking for the nearest store with spare stock…"))
            self.runner.network(
                lambda: self.work.nearest_with_spare(sku, qty),
                self._source_found,
                lambda error: self.say(
                    self.tr(
                        "Central cannot be reached ({error}): type the store or warehouse to ask."
                    ).format(error=str(error)[:60]),
                    "error",
                ),
            )
            return
        if not source or not lines:
            self.say(
                self.tr("Type the store or warehouse to ask, and choose lines with a suggested quantity."),
                "error",
            )
            return
        staff = self.session.cashier.code
        self.runner.network(
            lambda: self.work.request_transfer(source, lines, staff),
            lambda t: self.say(
                self.tr("Transfer {no} asked of {store}.").format(no=t.transfer_no, store=source), "success"
            ),
            lambda error: self.say(
                self.tr(
                    "The transfer could not be asked for ({error}). Asking needs central: "
                    "try again when the till is online."
                ).format(error=str(error)[:80]),
                "error",
            ),
        )

    def _source_found(self, code: str | None) -> None:
        if code is None:
            self.say(
                self.tr("No other store or warehouse has that much to spare: type the store to ask."), "error"
            )
            return
        self.source_store.setText(code)
        self.say(
            self.tr("{store} is the nearest with spare stock: press the button again to ask it.").format(
                store=code
            ),
            "success",
        )

    # ------------------------------------------------------------ damage
    def _damage_tab(self) -> QWidget:
        page = QWidget()
        self.damage_code = QLineEdit()
        self.damage_code.setMinimumHeight(TOUCH)
        self.damage_code.setPlaceholderText(self.tr("Scan the item"))
        self.damage_qty = QSpinBox()
        self.damage_qty.setRange(1, 9999)
        self.damage_qty.setMinimumHeight(TOUCH)
        self.damage_kind = QComboBox()
        self.damage_kind.setMinimumHeight(TOUCH)
        self.damage_kind.addItem(self.tr("Damage (supervisor)"), "damage")
        self.damage_kind.addItem(self.tr("Write-off (manager)"), "write_off")
        self.damage_reason = QComboBox()
        self.damage_reason.setMinimumHeight(TOUCH)
        self.damage_kind.currentIndexChanged.connect(self._reasons)
        self.approver_code = QLineEdit()
        self.approver_code.setPlaceholderText(self.tr("Approver's staff number (if your role may not)"))
        self.approver_pin = QLineEdit()
        self.approver_pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.approver_pin.setPlaceholderText(self.tr("Approver's PIN"))
        for field in (self.approver_code, self.approver_pin):
            field.setMinimumHeight(TOUCH)
        form = QFormLayout()  # labelled rows: a bare "1" in a box does not say it is the quantity
        form.addRow(self.tr("Item"), self.damage_code)
        form.addRow(self.tr("Quantity"), self.damage_qty)
        form.addRow(self.tr("Kind"), self.damage_kind)
        form.addRow(self.tr("Reason"), self.damage_reason)
        form.addRow(self.tr("Approver"), self.approver_code)
        form.addRow(self.tr("Approver's PIN"), self.approver_pin)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(self._button(self.tr("Book it out of stock"), self.write_down))
        layout.addStretch(1)
        self._reasons()
        return page

    def _reasons(self) -> None:
        self.damage_reason.clear()
        for reason in ADJUST_REASONS[self.damage_kind.currentData()]:
            self.damage_reason.addItem(self.tr(REASON_TEXT[reason]), reason)

    def write_down(self) -> None:
        try:
            sku = self.work.sku_of(self.damage_code.text())
        except UnknownItem:
            self.say(self.tr("Scan the damaged item first: no product has this code here."), "error")
            return
        approver = None
        if self.approver_code.text().strip():
            try:
                approver = self.auth.approve(
                    self.approver_code.text(), self.approver_pin.text(), self.session.cashier.code
                )
            except (LoginFailed, LoginLocked):
                self.say(
                    self.tr(
                        "That staff number and PIN do not match (or the till is locked for a while). "
                        "Nothing was booked."
                    ),
                    "error",
                )
                return
        kind, reason, qty = (
            self.damage_kind.currentData(),
            self.damage_reason.currentData(),
            self.damage_qty.value(),
        )
        staff, role = self.session.cashier.code, self.session.role

        def booked(_result) -> None:
            self.approver_code.clear()
            self.approver_pin.clear()
            self.damage_code.clear()
            self.say(self.tr("{qty} × {sku} booked out of stock.").format(qty=qty, sku=sku), "success")

        def refused(error: BaseException) -> None:
            if isinstance(error, NeedsApproval):
                self.say(
                    self.tr("Damage needs a supervisor: they type their staff number and PIN here.")
                    if kind == "damage"
                    else self.tr("A write-off needs a manager: they type their staff number and PIN here."),
                    "error",
                )
            else:
                self.say(
                    self.tr("Nothing was booked ({error}). Try again.").format(error=str(error)[:80]), "error"
                )

        self.runner.write(
            lambda: self.work.write_down(kind, reason, {sku: qty}, staff, role, approver), booked, refused
        )

    def done(self, result: int) -> None:
        self.timer.stop()
        self._worker.shutdown(wait=False, cancel_futures=True)
        super().done(result)
