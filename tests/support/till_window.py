"""The real till window with a simulated RFID reader on a pseudo-terminal, logged in.

Several window tests need the same start: a reader the till drives over a real serial line,
the window shown, and staff logged in with the keyboard. One place, so a change in how the
till starts or logs in is made once.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtWidgets import QApplication

from drivers.rfid.simulator import PtyRfidReader
from pos_client.services.till import Till
from pos_client.ui.app import TillApp
from sync.errors import SyncBusy


@dataclass
class RunningTill:
    app: TillApp
    reader: PtyRfidReader

    @property
    def window(self):
        return self.app.window


@contextmanager
def till_with_reader(qapp, qtbot, till: Till, *, protocol: str = "r2000", staff: str = "1001",
                     pin: str = "1234") -> Iterator[RunningTill]:
    reader = PtyRfidReader(protocol)
    till.config.rfid.url = f"serial://{reader.port}?baud=57600&protocol={protocol}"
    app = TillApp(till, app=qapp, sync_enabled=False)
    try:
        window = app.window
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.login.staff_field)
        window.login.staff_field.setText(staff)
        window.login.staff_field.returnPressed.emit()
        window.login.pin_field.setText(pin)
        window.login.pin_field.returnPressed.emit()
        qtbot.waitUntil(lambda: window.pages.currentWidget() is window.checkout)
        yield RunningTill(app, reader)
    finally:
        app.close()
        reader.close()


def sync_beside_the_app(qtbot, till: Till) -> None:
    """A sync of the test's own while a TillApp is running: the app syncs on its own thread (at
    start and when poked), and the till's sync lock refuses a second one at once, so this waits
    its turn; the sync it then makes must succeed."""
    reports = []

    def attempt() -> bool:
        with till.client() as client:
            report = till.sync_engine(client).run_once()
        reports.append(report)
        return not isinstance(report.error, SyncBusy)

    qtbot.waitUntil(attempt, timeout=10000)
    assert reports[-1].ok, reports[-1].error
