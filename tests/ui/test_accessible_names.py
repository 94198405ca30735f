"""Every input and table on the main screens and dialogs has a name a screen reader can say."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pos_client.ui.accessibility import unnamed_controls
from tests.ui.test_keyboard_sale import till_app, type_into_focus  # noqa: F401  (fixture)


def test_screens_and_dialogs_name_their_controls(qtbot, till_app) -> None:  # noqa: F811
    window = till_app.window
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.login.staff_field)
    assert unnamed_controls(window.login) == []
    type_into_focus(qtbot, "1001")
    type_into_focus(qtbot, "1234")
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.checkout)
    assert unnamed_controls(window.checkout) == []
    assert window.checkout.scan_field.accessibleName()
    opened = {}
    for key, attr in ((Qt.Key.Key_I, "member_dialog"), (Qt.Key.Key_R, "return_dialog")):
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.checkout.scan_field)
        qtbot.keyClick(QApplication.focusWidget(), key, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda a=attr: getattr(window, a) is not None)
        dialog = getattr(window, attr)
        qtbot.waitUntil(lambda d=dialog: QApplication.activeWindow() is d)
        opened[attr] = unnamed_controls(dialog)
        dialog.reject()
        qtbot.waitUntil(lambda a=attr: getattr(window, a) is None)
    assert opened == {"member_dialog": [], "return_dialog": []}


def test_the_desk_and_stock_windows_name_their_controls(qtbot, till_app) -> None:  # noqa: F811
    """The guide screen, stock work, pickup desk and fulfilment queue, as each comes up."""
    window = till_app.window
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.login.staff_field)
    type_into_focus(qtbot, "1001")
    type_into_focus(qtbot, "1234")
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.checkout)
    opened = {}
    for key, owner, attr in ((Qt.Key.Key_G, window.guide_controls, "guide_window"),
                             (Qt.Key.Key_K, window.guide_controls, "stock_window"),
                             (Qt.Key.Key_U, window, "pickup_dialog"),
                             (Qt.Key.Key_E, window, "fulfilment_dialog")):
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.checkout.scan_field)
        qtbot.keyClick(QApplication.focusWidget(), key, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda o=owner, a=attr: getattr(o, a) is not None)
        dialog = getattr(owner, attr)
        qtbot.waitUntil(lambda d=dialog: QApplication.activeWindow() is d)
        opened[attr] = unnamed_controls(dialog)
        dialog.reject()
        qtbot.waitUntil(lambda o=owner, a=attr: getattr(o, a) is None)
    assert opened == {"guide_window": [], "stock_window": [], "pickup_dialog": [], "fulfilment_dialog": []}
