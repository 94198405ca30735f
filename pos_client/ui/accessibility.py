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
    QAbstractSpinBox,
    QBoxLayout,
    QComboBox,
    QFormLayout,
    QLabel,
    QLayout,
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


def _label_beside(widget: QWidget) -> str:
    """A label that says what the field is: its buddy, or the label just before it in a row."""
    parent = widget.parentWidget()
    if parent is None:
        return ""
    for label in parent.findChildren(QLabel):
        if label.buddy() is widget and label.text():
            return label.text()
    layouts = [parent.layout(), *parent.findChildren(QLayout)]
    for layout in layouts:
        if not isinstance(layout, QBoxLayout):
            continue
        for i in range(1, layout.count()):
            if layout.itemAt(i).widget() is widget:
                before = layout.itemAt(i - 1).widget()
                if isinstance(before, QLabel) and before.text():
                    return before.text()
    return ""


def _combo_prompt(combo: QComboBox) -> str:
    """An unlabelled choice says what it asks by its placeholder or its prompt item ("Browse…")."""
    if combo.placeholderText():
        return combo.placeholderText()
    first = combo.itemText(0) if combo.count() else ""
    return first if first.endswith(("…", "...")) else ""


def _inside_own_editor(widget: QWidget) -> bool:
    """A combo box's or spin box's own line edit: the screen reader names the box, not it."""
    return isinstance(widget.parentWidget(), QComboBox | QAbstractSpinBox)


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
            if _inside_own_editor(widget):
                continue
            name = _form_label(widget) or _label_beside(widget) or widget.placeholderText()
        elif isinstance(widget, QComboBox):
            name = _form_label(widget) or _label_beside(widget) or _combo_prompt(widget)
        elif isinstance(widget, QAbstractSpinBox):
            name = _form_label(widget) or _label_beside(widget)
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
        if isinstance(widget, QLineEdit | QComboBox | QAbstractSpinBox | QTableView) \
                and not widget.accessibleName():
            if _inside_own_editor(widget):
                continue
            missing.append(f"{type(widget).__name__} {widget.objectName() or '?'}")
    return missing
