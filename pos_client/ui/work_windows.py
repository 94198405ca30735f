"""Work windows (guide, stock, pickup desk, fulfilment): sized to the till's screen, and opened
over the checkout the same way.

A fixed 1000x680 is right at 1366x768 and leaves half of a 1920x1080 screen unused, with
tables showing four rows where twelve would fit. So these windows take most of the till
window, never less than they need.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

SHARE = 0.86
"""Of the till window: the top bar and the total stay in sight around the dialog."""


def fit_to_parent(dialog: QWidget, parent: QWidget | None, width: int, height: int) -> None:
    """At least width x height; else the SHARE of the parent, where there is a parent."""
    if parent is None or parent.width() <= 0:
        dialog.resize(width, height)
        return
    dialog.resize(max(width, int(parent.width() * SHARE)), max(height, int(parent.height() * SHARE)))


def open_over_checkout(window, owner: object, attr: str, dialog: QDialog,
                       focus: QWidget | None = None) -> QDialog:
    """Open `dialog` as `owner.attr` (one at a time, so a second Ctrl+key finds it open); when it
    closes, forget it, free it and give the scan field its focus back."""
    setattr(owner, attr, dialog)

    def closed(_result: int) -> None:
        setattr(owner, attr, None)
        dialog.deleteLater()
        window.checkout.focus_scan()

    dialog.finished.connect(closed)
    dialog.open()
    if focus is not None:
        focus.setFocus()
    return dialog
