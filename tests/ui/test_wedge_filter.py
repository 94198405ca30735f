"""The wedge filter in a real (offscreen) Qt application: bursts become scans, typing is untouched."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from pos_client.ui.wedge_filter import WedgeFilter


def test_a_burst_is_handed_over_whole_and_typing_reaches_the_field(qapp, qtbot):
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    entered: list[str] = []
    field.returnPressed.connect(lambda: entered.append(field.text()))
    scans: list[str] = []
    wedge = WedgeFilter(qapp, lambda text: scans.append(text) or True, max_gap_ms=40)
    try:
        QTest.keyClicks(field, "6901234567892")  # as fast as a scanner, faster in fact
        QTest.keyClick(field, Qt.Key.Key_Return)
        assert scans == ["6901234567892"]
        assert field.text() == "" and entered == []  # nothing of the scan reached the search box

        for ch in "kkkl":  # a person typing
            QTest.keyClicks(field, ch)
            qtbot.wait(70)
        QTest.keyClick(field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: entered == ["kkkl"], timeout=2000)
        assert scans == ["6901234567892"]

        field.clear()
        QTest.keyClicks(field, "AB")  # a fast but short pair, then a pause: typing
        qtbot.waitUntil(lambda: field.text() == "AB", timeout=2000)
    finally:
        wedge.remove()


def test_a_scan_nobody_takes_goes_to_the_focused_field_whole(qapp, qtbot):
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    entered: list[str] = []
    field.returnPressed.connect(lambda: entered.append(field.text()))
    wedge = WedgeFilter(qapp, lambda text: False)
    try:
        QTest.keyClicks(field, "4006381333931")
        QTest.keyClick(field, Qt.Key.Key_Return)
        assert entered == ["4006381333931"]
    finally:
        wedge.remove()


def test_held_typing_reaches_the_field_before_a_shortcut_fires(qapp, qtbot):
    from PySide6.QtGui import QKeySequence, QShortcut
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    window = QWidget()
    layout = QVBoxLayout(window)
    field = QLineEdit()
    layout.addWidget(field)
    qtbot.addWidget(window)
    seen_at_shortcut: list[str] = []
    QShortcut(QKeySequence(Qt.Key.Key_F12), window, activated=lambda: seen_at_shortcut.append(field.text()))
    window.show()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    wedge = WedgeFilter(qapp, lambda text: True, max_gap_ms=200)
    try:
        QTest.keyClicks(field, "12")  # held: it could still become a scan
        QTest.keyClick(field, Qt.Key.Key_F12)
        qtbot.waitUntil(lambda: bool(seen_at_shortcut), timeout=2000)
        assert seen_at_shortcut == ["12"]
    finally:
        wedge.remove()


def test_a_burst_with_capitals_survives_the_scanners_shift_presses(qapp, qtbot):
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    scans: list[str] = []
    wedge = WedgeFilter(qapp, lambda text: scans.append(text) or True, max_gap_ms=40)
    try:
        for ch in "AB12CD":
            if ch.isupper():
                QTest.keyPress(field, Qt.Key.Key_Shift)
            QTest.keyClicks(field, ch)
            if ch.isupper():
                QTest.keyRelease(field, Qt.Key.Key_Shift)
        QTest.keyClick(field, Qt.Key.Key_Return)
        assert scans == ["AB12CD"] and field.text() == ""
    finally:
        wedge.remove()
