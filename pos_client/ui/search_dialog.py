"""Finding an item without a barcode: type part of its name, pinyin or initials, pick it, Enter.

The text field keeps the keyboard while Up/Down move through the list, so the cashier
never reaches for the mouse; on a touch screen a tap on a row picks it and the Add
button (or a double tap) adds it.  Unlike the scan field, this field accepts a Chinese
input method, so 可乐 can be typed as well as kl.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from pos_client.store.catalog import CatalogReader, ProductMatch
from pos_client.ui.money_text import format_money

ROW_HEIGHT = 48
_Index = QModelIndex | QPersistentModelIndex


class MatchModel(QAbstractTableModel):
    def __init__(self, locale: str) -> None:
        super().__init__()
        self._locale = locale
        self.matches: list[ProductMatch] = []

    def set_matches(self, matches: list[ProductMatch]) -> None:
        self.beginResetModel()
        self.matches = matches
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.matches)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (self.tr("Item"), self.tr("Price"), self.tr("In stock"))[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        match = self.matches[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return match.item.name
            if index.column() == 1:
                return (format_money(match.item.price, self._locale) if match.item.price is not None
                        else self.tr("no price"))
            if match.on_hand is None:
                return ""
            if match.reserved:  # available = on hand - held for online pickup orders
                return self.tr("{available} ({reserved} held)").format(available=match.available,
                                                                     reserved=match.reserved)
            return str(match.on_hand)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return f"{match.item.name_en}\n{match.item.sku}  {match.item.barcode or ''}".strip()
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ProductSearchDialog(QDialog):
    """`chosen_sku` holds the pick when the dialog is accepted."""

    def __init__(self, catalog: CatalogReader, locale: str, text: str = "", parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("searchDialog")
        self.setWindowTitle(self.tr("Find an item"))
        self.setModal(True)
        self.catalog = catalog
        self.chosen_sku: str | None = None

        self.query_field = QLineEdit()
        self.query_field.setObjectName("searchField")
        self.query_field.setPlaceholderText(self.tr("Name, pinyin or initials (e.g. kkkl for 可口可乐)"))
        self.query_field.setAccessibleName(self.tr("Search"))
        self.query_field.setMaxLength(40)
        self.model = MatchModel(locale)
        self.table = QTableView()
        self.table.setObjectName("searchResults")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard stays in the text field
        font = self.table.font()
        font.setPixelSize(18)
        self.table.setFont(font)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.status_label = QLabel()
        self.status_label.setObjectName("searchStatus")
        self.status_label.setWordWrap(True)

        self.add_button = QPushButton(self.tr("Add (Enter)"))
        self.add_button.setObjectName("searchAdd")
        self.add_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.cancel_button = QPushButton(self.tr("Back (Esc)"))
        self.cancel_button.setObjectName("searchCancel")
        self.cancel_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.query_field)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)
        self.resize(760, 560)

        self.query_field.textChanged.connect(self._search)
        self.query_field.returnPressed.connect(self._choose)
        self.query_field.installEventFilter(self)
        self.add_button.clicked.connect(self._choose)
        self.cancel_button.clicked.connect(self.reject)
        self.table.doubleClicked.connect(lambda _index: self._choose())
        self.query_field.setText(text)
        if not text:
            self._search("")
        self.query_field.setFocus()

    def eventFilter(self, obj, event) -> bool:
        """Up and Down in the text field move through the list, so typing never stops."""
        if obj is self.query_field and event.type() == event.Type.KeyPress:
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 8,
                    Qt.Key.Key_PageUp: -8}.get(event.key())
            if step is not None and self.model.matches:
                row = self._row() if self._row() is not None else -1
                self._select(max(0, min(len(self.model.matches) - 1, row + step)))
                return True
        return super().eventFilter(obj, event)

    def _row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _select(self, row: int) -> None:
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))

    def _search(self, text: str) -> None:
        matches = self.catalog.search(text) if text.strip() else []
        self.model.set_matches(matches)
        if matches:
            self._select(0)
            self.status_label.setText(self.tr("%n match(es): Up/Down to choose, Enter to add", None,
                                              len(matches)))
        elif text.strip():
            self.status_label.setText(self.tr("Nothing matches \"{text}\". Try fewer letters, or the "
                                              "item's barcode.").format(text=text.strip()[:20]))
        else:
            self.status_label.setText(self.tr("Type part of the name, its pinyin or its initials."))

    def _choose(self) -> None:
        row = self._row()
        if row is None:
            return
        self.chosen_sku = self.model.matches[row].item.sku
        self.accept()
