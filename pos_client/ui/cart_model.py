"""The cart as a Qt table: item, qty, unit price, discount, amount."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from pos_client.domain.cart import Cart, format_kg
from pos_client.ui.money_text import format_amount

Index = QModelIndex | QPersistentModelIndex


class CartModel(QAbstractTableModel):
    COLUMNS = 5

    def __init__(self, cart: Cart) -> None:
        super().__init__()
        self._cart = cart
        self._rows_shown = len(cart.lines)
        self._figures: list[tuple[int, int]] = [(ln.discount, ln.amount) for ln in cart.lines]
        """Each shown line's discount and amount, to tell which lines a reprice moved."""

    def set_cart(self, cart: Cart) -> None:
        self.beginResetModel()
        self._cart = cart
        self._rows_shown = len(cart.lines)
        self._figures = [(ln.discount, ln.amount) for ln in cart.lines]
        self.endResetModel()

    def refresh(self) -> None:
        self.beginResetModel()
        self._rows_shown = len(self._cart.lines)
        self._figures = [(ln.discount, ln.amount) for ln in self._cart.lines]
        self.endResetModel()

    def line_changed(self, row: int) -> None:
        """One line was added or changed: tell the view about that row only.

        A full reset re-measures and repaints every row, which is what makes a
        long cart slow to scan into.
        """
        known = self._rows_shown
        if row >= known:
            self.beginInsertRows(QModelIndex(), known, row)
            self._rows_shown = row + 1
            self.endInsertRows()
        else:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.COLUMNS - 1))
        # A promotion can move other lines' discounts (a bundle completed, the second item of a
        # deal): redraw the discount and amount cells of just the lines whose figures moved.
        shown = [(ln.discount, ln.amount) for ln in self._cart.lines[: self._rows_shown]]
        for other, (before, now) in enumerate(zip(self._figures, shown, strict=False)):
            if before != now and other != row:
                self.dataChanged.emit(self.index(other, 3), self.index(other, 4))
        self._figures = shown

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._rows_shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Item"), self.tr("Qty"), self.tr("Unit price"), self.tr("Discount"),
                    self.tr("Amount"))[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._cart.lines):
            return None
        line = self._cart.lines[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return line.product.name
            if col == 1:
                return format_kg(line.weight_g) if line.weight_g is not None and line.label_price is None \
                    else str(line.qty)
            if col == 2:
                per_kg = line.weight_g is not None and line.label_price is None
                return format_amount(line.unit_price) + ("/kg" if per_kg else "")
            if col == 3:
                return format_amount(-line.discount) if line.discount else ""
            return format_amount(line.amount)
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return f"{line.product.name_en}\n{line.product.sku}  {line.product.barcode or ''}"
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
