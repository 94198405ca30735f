"""Ship-from-store (Ctrl+E): delivery orders central routed to this store, soonest ship-by first.

Choose an order, scan each item into the tote (a wrong item is refused at once) or read the
whole tote with the till's RFID reader (F6: each tag counts once; a wrong item is refused
at once, named, with what is still missing shown), F2 packs, scan or type the courier's
tracking number and F12 ships.  F4 rejects the chosen line
when the store cannot fill it: central routes it to another store.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
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

from drivers.interfaces import TagRead
from pos_client.domain.sale import Cashier
from pos_client.services.fulfilment import (
    BadTracking,
    FulfilmentProblem,
    FulfilmentQueue,
    NotReady,
    QueueOrder,
    WrongItem,
)
from pos_client.services.tote_pick import TagPick, ToteOutcome, ToteRead, still_missing
from pos_client.ui.time_text import day_time_text
from pos_client.ui.work_windows import fit_to_parent, open_over_checkout

STAGE_LABELS = {
    "routed": QT_TRANSLATE_NOOP("FulfilmentQueue", "To pick"),
    "picked": QT_TRANSLATE_NOOP("FulfilmentQueue", "Picked"),
    "packed": QT_TRANSLATE_NOOP("FulfilmentQueue", "Packed"),
    "shipped": QT_TRANSLATE_NOOP("FulfilmentQueue", "Shipped"),
    "rejected": QT_TRANSLATE_NOOP("FulfilmentQueue", "Rejected"),
}
CARRIERS = ("SF", "JD", "ZTO", "YTO", "EMS")


class FulfilmentDialog(QDialog):
    def __init__(
        self,
        queue: FulfilmentQueue,
        staff: Cashier,
        *,
        timezone: str = "Asia/Shanghai",
        reader=None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("fulfilmentQueue")
        self.setWindowTitle(self.tr("Ship from store"))
        self.setModal(True)
        fit_to_parent(self, parent, 900, 600)
        self.queue, self.staff = queue, staff
        try:
            self._zone = ZoneInfo(timezone)
        except Exception:
            self._zone = None
        self.current: QueueOrder | None = None
        self.reader = reader
        """The till's RFID reader (None: the till has none); its tags come through take_tag."""
        self.tote: ToteRead | None = None
        """The tote being read, while "Read tote" is on."""

        self.orders = QTableWidget(0, 4)
        self.orders.setObjectName("fulfilmentOrders")
        self.orders.setHorizontalHeaderLabels(
            [self.tr("Order"), self.tr("Status"), self.tr("Ship by"), self.tr("Customer")]
        )
        self.orders.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.orders.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.orders.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.orders.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.orders.verticalHeader().setDefaultSectionSize(44)
        self.orders.itemSelectionChanged.connect(self._chosen)
        self.lines = QTableWidget(0, 3)
        self.lines.setObjectName("fulfilmentLines")
        self.lines.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Qty"), self.tr("Picked")])
        self.lines.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.lines.verticalHeader().setDefaultSectionSize(44)
        self.scan_field = QLineEdit()
        self.scan_field.setObjectName("fulfilmentScan")
        self.scan_field.setPlaceholderText(self.tr("Scan each item into the tote, then Enter"))
        self.scan_field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.scan_field.returnPressed.connect(self.scan)
        self.scan_field.setMinimumHeight(44)
        self.tracking = QLineEdit()
        self.tracking.setObjectName("fulfilmentTracking")
        self.tracking.setPlaceholderText(self.tr("Courier's tracking number"))
        self.tracking.returnPressed.connect(self.ship)
        self.tracking.setMinimumHeight(44)
        self.carrier = QComboBox()
        self.carrier.setAccessibleName(self.tr("Courier"))
        self.carrier.setMinimumHeight(44)
        self.carrier.addItems(CARRIERS)
        self.message = QLabel()
        self.message.setObjectName("fulfilmentMessage")
        self.message.setWordWrap(True)
        self.missing = QLabel()
        self.missing.setObjectName("fulfilmentMissing")
        self.missing.setWordWrap(True)
        self.tote_button = QPushButton(self.tr("F6 Read tote (RFID)"))
        self.tote_button.setObjectName("fulfilmentReadTote")
        self.tote_button.setAutoDefault(False)
        self.tote_button.setMinimumHeight(44)
        self.tote_button.clicked.connect(self.toggle_tote)
        pack = QPushButton(self.tr("F2 Pack"))
        pack.clicked.connect(self.pack)
        reject = QPushButton(self.tr("F4 Reject the chosen line"))
        reject.clicked.connect(self.reject_line)
        ship = QPushButton(self.tr("F12 Ship"))
        ship.clicked.connect(self.ship)
        close = QPushButton(self.tr("Back (Esc)"))
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        for widget in (pack, reject, self.tracking, self.carrier, ship, close):
            if isinstance(widget, QPushButton):
                widget.setAutoDefault(False)
            widget.setMinimumHeight(44)
            row.addWidget(widget)
        for key, slot in (("F2", self.pack), ("F4", self.reject_line), ("F6", self.toggle_tote),
                          ("F12", self.ship)):
            QShortcut(QKeySequence(key), self, activated=slot)
        layout = QVBoxLayout(self)
        layout.addWidget(self.orders, 2)
        layout.addWidget(self.lines, 2)
        pick_row = QHBoxLayout()
        pick_row.addWidget(self.scan_field, 1)
        pick_row.addWidget(self.tote_button)
        layout.addLayout(pick_row)
        layout.addWidget(self.message)
        layout.addWidget(self.missing)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        todo = self.queue.queue()
        self.orders.blockSignals(True)
        self.orders.setRowCount(len(todo))
        for r, o in enumerate(todo):
            for c, text in enumerate(
                (o.fulfilment_id, self._stage(o.status), self._when(o.ship_by), o.customer)
            ):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, o.fulfilment_id)
                self.orders.setItem(r, c, item)
        self.orders.blockSignals(False)
        if self.current is None and todo:
            self.orders.selectRow(0)
            self._chosen()

    def _chosen(self) -> None:
        items = self.orders.selectedItems()
        if items:
            chosen = self.queue.order(items[0].data(Qt.ItemDataRole.UserRole))
            if self.tote is not None and (chosen is None or chosen.fulfilment_id != self.tote.fulfilment_id):
                self.stop_tote()  # another order: its tote is another tote
            self._show(chosen)
            self.scan_field.setFocus()

    def _show(self, o: QueueOrder | None) -> None:
        self.current = o
        self.lines.setRowCount(0 if o is None else len(o.lines))
        for r, ln in enumerate(o.lines if o else ()):
            picked = self.tr("rejected") if ln.rejected else str(ln.picked)
            for c, text in enumerate((ln.name, str(ln.qty), picked)):
                self.lines.setItem(r, c, QTableWidgetItem(text))
        self.missing.setText(self.missing_text(o) if o is not None else "")

    def missing_text(self, o: QueueOrder) -> str:
        """What the tote still lacks, line by line (empty when nothing is)."""
        gaps = still_missing(o)
        if not gaps:
            return self.tr("Everything is in the tote: pack it (F2).") if o.fully_picked else ""
        return self.tr("Still missing: {items}").format(
            items=", ".join(self.tr("{name} × {qty}").format(name=ln.name, qty=n) for ln, n in gaps)
        )

    # ---------------------------------------------------------------- reading the tote (RFID)
    def toggle_tote(self) -> None:
        if self.tote is not None:
            self.stop_tote()
            self._say(self.tr("Stopped reading the tote."), "info")
            return
        if self.current is None:
            self._say(self.tr("Choose an order in the list first."), "error")
            return
        if self.reader is None:
            self._say(
                self.tr(
                    "This till has no RFID reader. Set one up in Devices (Ctrl+D), or scan each item "
                    "into the tote."
                ),
                "error",
            )
            return
        if self.current.status not in ("routed", "picked"):
            self._say(self.explain(NotReady(self.current.fulfilment_id)), "error")
            return
        self.tote = ToteRead(self.queue, self.current.fulfilment_id, self.staff)
        if hasattr(self.reader, "reread"):
            self.reader.reread()  # tags of a tote already on the reader are reported again
        self.tote_button.setText(self.tr("F6 Stop reading"))
        self._say(self.tr("Reading the tote: hold it to the RFID reader."), "info")

    def stop_tote(self) -> None:
        self.tote = None
        self.tote_button.setText(self.tr("F6 Read tote (RFID)"))

    def take_tag(self, tag: TagRead) -> bool:
        """A tag from the till's reader (UI thread): taken while a tote is being read."""
        if self.tote is None:
            return False
        try:
            result = self.tote.add(tag)
        except FulfilmentProblem as problem:  # the order was shipped or rejected meanwhile
            self.stop_tote()
            self._say(self.explain(problem), "error")
            return True
        if result is None or result.outcome is ToteOutcome.REPEAT:
            return True
        order = self.queue.order(self.tote.fulfilment_id)
        self._show(order)
        self.refresh()
        if result.refused:
            QApplication.beep()
            self._say(self.tote_refusal(result), "error")
        elif order is not None and order.fully_picked:
            self.stop_tote()
            self._say(self.tr("{item} is in the tote. Every item is picked: pack it (F2).").format(
                item=result.name), "success")
        else:
            self._say(self.tr("{item} is in the tote.").format(item=result.name), "success")
        return True

    def tote_refusal(self, result: TagPick) -> str:
        """Which item, why it was refused, what to do."""
        tag = result.epc[-8:]
        if result.outcome is ToteOutcome.NOT_ON_ORDER:
            return self.tr(
                "Wrong item: {item} (tag …{tag}) is not on this order. Take it out of the tote; nothing "
                "was counted."
            ).format(item=result.name, tag=tag)
        if result.outcome is ToteOutcome.LINE_COMPLETE:
            return self.tr(
                "One too many: every {item} this order wants is already in the tote (tag …{tag}). Take "
                "one out; nothing was counted."
            ).format(item=result.name, tag=tag)
        if result.outcome is ToteOutcome.SOLD:
            return self.tr(
                "Already sold: {item} (tag …{tag}) was sold at this till on receipt {receipt}. Take it out "
                "of the tote and pick another from the shelf; nothing was counted."
            ).format(item=result.name, tag=tag, receipt=result.receipt_no)
        if result.outcome is ToteOutcome.UNKNOWN_GTIN:
            return self.tr(
                "Tag …{tag} (GTIN {gtin}) is no product of this store. Take that item out and scan its "
                "barcode."
            ).format(tag=tag, gtin=result.gtin)
        return self.tr(
            "Tag …{tag} is not a product tag. Take that item out of the tote and scan its barcode."
        ).format(tag=tag)

    def _run(self, work, done: str) -> None:
        if self.current is None:
            self._say(self.tr("Choose an order in the list first."), "error")
            return
        try:
            order = work(self.current.fulfilment_id)
        except FulfilmentProblem as problem:
            self._say(self.explain(problem), "error")
            return
        self._show(order)
        self.refresh()
        self._say(done, "success")

    def scan(self) -> None:
        code = self.scan_field.text().strip()
        self.scan_field.clear()
        if code:
            self._run(
                lambda fid: self.queue.scan_item(fid, code, self.staff),
                self.tr("Item {code} is in the tote.").format(code=code),
            )

    def pack(self) -> None:
        self._run(
            lambda fid: self.queue.pack(fid, self.staff),
            self.tr("Packed. Scan or type the courier's tracking number, then F12."),
        )
        self.tracking.setFocus()

    def ship(self) -> None:
        number, carrier = self.tracking.text(), self.carrier.currentText()
        self._run(
            lambda fid: self.queue.ship(fid, number, carrier, self.staff),
            self.tr("Shipped with {carrier} {number}.").format(
                carrier=carrier, number=number.strip().upper()
            ),
        )

    def reject_line(self) -> None:
        rows = self.lines.selectionModel().selectedRows() if self.current else []
        if self.current is not None and not rows:
            self._say(self.tr("Choose the line this store cannot fill first."), "error")
            return
        line_no = self.current.lines[rows[0].row()].line_no if self.current else 0
        self._run(
            lambda fid: self.queue.reject_line(fid, line_no, "cannot fill", self.staff),
            self.tr("Line rejected: central sends it to another store."),
        )

    def explain(self, problem: FulfilmentProblem) -> str:
        if isinstance(problem, WrongItem):
            return self.tr(
                "{item} is not on this order (or all of it is picked). Put it back; nothing was counted."
            ).format(item=problem.name or problem.scanned)
        if isinstance(problem, BadTracking):
            return self.tr(
                "That is not a tracking number (4-64 letters, digits or dashes). Scan the courier's "
                "label again."
            )
        if isinstance(problem, NotReady):
            return self.tr(
                "Not yet: pick every item, then pack (F2), then ship (F12). Shipped orders cannot ship again."
            )
        return str(problem)

    def _say(self, text: str, kind: str) -> None:
        self.message.setText(text)
        self.message.setProperty("kind", kind)

    def _stage(self, stage: str) -> str:
        return QCoreApplication.translate("FulfilmentQueue", STAGE_LABELS.get(stage, stage))

    def _when(self, iso: str | None) -> str:
        if not iso:
            return ""
        try:
            return day_time_text(datetime.fromisoformat(iso), zone=self._zone)
        except ValueError:
            return iso


def open_fulfilment(window) -> FulfilmentDialog | None:
    """Open the fulfilment queue from the main window (Ctrl+E); None when the till is busy."""
    if not window._idle_checkout() or window.fulfilment_dialog is not None:
        return None
    dialog = FulfilmentDialog(
        window.till.fulfilment(),
        window.session.cashier,
        timezone=window.till.identity().timezone,
        reader=getattr(window, "rfid_reader", None),
        parent=window,
    )
    return open_over_checkout(window, window, "fulfilment_dialog", dialog, dialog.scan_field)
