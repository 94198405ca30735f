"""The customer-facing second screen: the current line and the total in large type.

Shown on the second screen when there is one (else as a normal window, for a
demo or a single-screen test).  It is the UI's customer display (show_content,
since QWidget.show is taken) and is only ever called on the UI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from drivers.interfaces import DisplayContent
from pos_client.ui.money_text import store_currency


class CustomerWindow(QWidget):
    url = "window://customer"

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("customerWindow")
        self.setWindowTitle(self.tr("Customer display"))
        self.line_label = QLabel()
        self.amount_label = QLabel()
        self.total_caption = QLabel(self.tr("Total"))
        self.total_label = QLabel()
        for label, size in ((self.line_label, 28), (self.amount_label, 28), (self.total_caption, 24),
                            (self.total_label, 64)):
            font = QFont(label.font())
            font.setPointSize(size)
            label.setFont(font)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.total_label.setObjectName("customerTotal")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for w in (self.line_label, self.amount_label, self.total_caption, self.total_label):
            layout.addWidget(w)
        layout.addStretch(1)

    def place(self) -> None:
        """Full screen on the second screen when there is one; a plain window otherwise."""
        screens = QApplication.screens()
        if len(screens) > 1:
            self.setGeometry(screens[1].geometry())
            self.showFullScreen()
        else:
            self.resize(800, 480)
            self.show()

    def show_content(self, content: DisplayContent) -> None:
        self.line_label.setText(content.line)
        self.amount_label.setText(content.amount)
        self.total_caption.setVisible(bool(content.total))
        self.total_label.setText(content.total and store_currency().receipt_symbol + content.total)

    def clear(self) -> None:
        self.show_content(DisplayContent())
