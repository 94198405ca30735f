"""Child process of cold_start.py: start the till window and say READY when it can take input."""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    data_dir = sys.argv[1]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from pos_client.config import Paths
    from pos_client.services.till import Till
    from pos_client.ui.app import TillApp

    app = QApplication([])
    till = Till(Paths.resolve(data_dir))
    till_app = TillApp(till, app=app, sync_enabled=False)
    till_app.window.resize(1366, 768)
    till_app.window.show()

    def ready() -> None:
        # The window is painted and the staff field has focus: the till takes input now.
        field = till_app.window.login.staff_field
        print(f"READY {time.time():.6f} focus={field.hasFocus()}", flush=True)
        till_app.close()
        app.quit()

    QTimer.singleShot(0, ready)
    app.exec()
    till.close()


if __name__ == "__main__":
    main()
