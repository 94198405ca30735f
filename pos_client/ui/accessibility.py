"""Accessible names for the controls that would otherwise have none.

Qt names a button after its text, but a line edit, a table or a combo box is anonymous to a
screen reader unless told.  Rather than repeat every placeholder or form label a second
time, `name_unnamed` gives each unnamed field the words a sighted user sees beside it: its
form label, else its placeholder; a table is named by its column headings.  Those words
are already translated, so the names are too.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QWidget,
)


def _form_label(widget: QWidget) -> str:
    parent = widget.parentWidget()
    while parent is not None:
        layout = parent.layout()
        forms = [layout] if isinstance(layout, QFormLayout) else []
        forms += parent.findChildren(QFormLayout)
        for form in forms:
            label = form.labelForField(widget)
            if isinstance(label, QLabel) and label.text():
                return label.text()
        parent = parent.parentWidget()
    return ""


def _headings(view: QTableView) -> str:
    model = view.model()
    if model is None:
        return ""
    from PySide6.QtCore import Qt

    names = [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(model.columnCount())]
    return ", ".join(n for n in names if n)


def name_unnamed(root: QWidget) -> int:
    """Name every unnamed input and table under `root`; returns how many were named."""
    named = 0
    for widget in root.findChildren(QWidget):
        if widget.accessibleName():
            continue
        name = ""
        if isinstance(widget, QLineEdit):
            name = _form_label(widget) or widget.placeholderText()
        elif isinstance(widget, QComboBox):
            name = _form_label(widget)
        elif isinstance(widget, QAbstractItemView) and isinstance(widget, QTableView):
            name = _headings(widget)
        if name:
            widget.setAccessibleName(name.replace("&", ""))
            named += 1
    return named


def unnamed_controls(root: QWidget) -> list[str]:
    """Inputs and tables a screen reader could not name (for tests)."""
    missing = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLineEdit | QComboBox | QTableView) and not widget.accessibleName():
            if widget.parentWidget() is not None and isinstance(widget.parentWidget(), QComboBox):
                continue  # a combo box's own line edit
            missing.append(f"{type(widget).__name__} {widget.objectName() or '?'}")
    return missing
