"""Sales on hold at this till: pick one (Up/Down, Enter) to bring it back."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from pos_client.store.parked import ParkedSale
from pos_client.ui.money_text import format_money


class HeldSalesDialog(QDialog):
    """`chosen` holds the held sale's id when accepted."""

    def __init__(self, held: list[ParkedSale], locale: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("heldDialog")
        self.setWindowTitle(self.tr("Sales on hold"))
        self.setModal(True)
        self.chosen: str | None = None
        self.list = QListWidget()
        self.list.setObjectName("heldList")
        for sale in held:
            text = self.tr("#{number}  {time}  by {staff}  {total}  ({items} items)").format(
                number=sale.number, time=sale.parked_at[11:16], staff=sale.staff,
                total=format_money(sale.total, locale), items=sale.items)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, sale.id)
            item.setSizeHint(QSize(0, 48))  # a touch target
            self.list.addItem(item)
        if held:
            self.list.setCurrentRow(len(held) - 1)
        hint = QLabel(self.tr("Up/Down to choose, Enter to bring the sale back, Esc to go back."))
        hint.setWordWrap(True)
        resume = QPushButton(self.tr("Resume (Enter)"))
        resume.setObjectName("primaryButton")
        back = QPushButton(self.tr("Back (Esc)"))
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(resume)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        self.resize(560, 420)
        resume.clicked.connect(self._choose)
        back.clicked.connect(self.reject)
        self.list.itemActivated.connect(lambda _item: self._choose())
        self.list.setFocus()

    def _choose(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self.chosen = item.data(Qt.ItemDataRole.UserRole)
        self.accept()
