"""Work windows (guide, stock, pickup desk, fulfilment) sized to the till's screen.

A fixed 1000x680 is right at 1366x768 and leaves half of a 1920x1080 screen unused, with
tables showing four rows where twelve would fit. So these windows take most of the till
window, never less than they need.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

SHARE = 0.86
"""Of the till window: the top bar and the total stay in sight around the dialog."""


def fit_to_parent(dialog: QWidget, parent: QWidget | None, width: int, height: int) -> None:
    """At least width x height; else the SHARE of the parent, where there is a parent."""
    if parent is None or parent.width() <= 0:
        dialog.resize(width, height)
        return
    dialog.resize(max(width, int(parent.width() * SHARE)), max(height, int(parent.height() * SHARE)))
