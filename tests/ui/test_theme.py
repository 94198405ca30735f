"""Light and dark themes: the same screens, sizes and touch targets, in the colours chosen."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QPushButton

from pos_client.services.till import Till
from pos_client.ui.app import TillApp


def mean_lightness(widget) -> float:
    image = widget.grab().toImage()
    step = 16
    values = [QColor(image.pixel(x, y)).lightness()
              for x in range(0, image.width(), step) for y in range(0, image.height(), step)]
    return sum(values) / len(values)


def test_the_dark_theme_is_dark_and_keeps_the_touch_targets(qapp, qtbot, till: Till) -> None:
    looks = {}
    for theme in ("light", "dark"):
        till.config.ui.theme = theme
        app = TillApp(till, app=qapp, sync_enabled=False)
        try:
            window = app.window
            window.resize(1366, 768)
            window.show()
            qtbot.waitExposed(window)
            qtbot.waitUntil(lambda w=window: QApplication.focusWidget() is w.login.staff_field)
            assert app.theme == theme
            looks[theme] = mean_lightness(window)
            buttons = [b for b in window.findChildren(QPushButton) if b.isVisible()]
            assert buttons and all(b.height() >= 44 for b in buttons)
        finally:
            app.close()
    assert looks["light"] > 150 > 90 > looks["dark"], looks


def test_an_unknown_theme_is_light(qapp) -> None:
    from pos_client.ui.theme import resolve_theme

    assert resolve_theme("neon") == "light" and resolve_theme("") == "light"
    assert resolve_theme("system") in ("light", "dark")


def test_the_login_screen_switches_the_language_at_once_and_keeps_it(qapp, qtbot, till: Till) -> None:
    from PySide6.QtCore import Qt

    from pos_client.config import load_config

    till.config.ui.language = "zh_CN"
    app = TillApp(till, app=qapp, sync_enabled=False)
    try:
        window = app.window
        window.show()
        qtbot.waitExposed(window)
        assert window.login.login_button.text() == "登录" and window.login.language_button.text() == "English"
        qtbot.mouseClick(window.login.language_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: app.window is not window)
        new = app.window
        qtbot.waitExposed(new)
        assert new.login.login_button.text() == "Log in" and new.login.language_button.text() == "中文"
        assert load_config(till.paths.config_file).ui.language == "en"
        qtbot.waitUntil(lambda: QApplication.focusWidget() is new.login.staff_field)
        new.login.staff_field.setText("1001")
        new.login.staff_field.returnPressed.emit()
        new.login.pin_field.setText("1234")
        new.login.pin_field.returnPressed.emit()
        qtbot.waitUntil(lambda: new.pages.currentWidget() is new.checkout)
        new.refresh_status()  # the status timer now serves the new window
        assert app._status_timer.parent() is new
    finally:
        app.close()
        till.config.ui.language = ""
