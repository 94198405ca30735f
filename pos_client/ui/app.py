"""Starting the till's window, with sync and the printer on their own threads."""

from __future__ import annotations

import logging
import os
import sys

from filelock import FileLock, Timeout
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from drivers.ports import PortWatcher
from drivers.scanner.wedge import WedgeScanner
from drivers.urls import parse_device_url
from pos_client.config import load_config, save_config
from pos_client.domain.cart import Cart, cart_from_dict, cart_to_dict
from pos_client.services.backups import HOURLY
from pos_client.services.customer_display import CustomerDisplayService, display_content
from pos_client.services.printing import PrintService
from pos_client.services.sale_recovery import recover_after_crash, save_in_progress
from pos_client.services.till import Till, enroll
from sync.errors import SyncError
from sync.scheduler import SyncScheduler

from .accessibility import name_unnamed
from .background import TaskRunner
from .camera_window import CameraWindow
from .crash_guard import CrashGuard
from .customer_window import CustomerWindow
from .fonts import register_shipped_fonts
from .i18n import install_translators, pick_language
from .main_window import MainWindow
from .money_text import store_currency
from .theme import apply_theme
from .wedge_filter import WedgeFilter

log = logging.getLogger(__name__)
CJK_FAMILIES = ["Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei",
                "PingFang SC", "WenQuanYi Micro Hei"]


def display_problem() -> str | None:
    """Why a window cannot open here, in words for IT, before Qt aborts with a trace."""
    if sys.platform.startswith("linux"):
        platform = os.environ.get("QT_QPA_PLATFORM", "")
        if platform.startswith(("offscreen", "minimal", "vnc")):
            return None
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            return ("No display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so the POS "
                    "window cannot open.\n"
                    "On a machine without a screen, run it under a virtual display:\n"
                    "    sudo apt-get install -y xvfb && xvfb-run -a -s '-screen 0 1366x768x24' "
                    "bash scripts/demo.sh\n"
                    "or connect with a desktop session (ssh -X, VNC) and run it there.")
    return None


class TillApp:
    """Everything the running window needs, built and torn down in one place."""

    def __init__(self, till: Till, *, app: QApplication | None = None,
                 sync_enabled: bool = True) -> None:
        self.app = app or QApplication.instance() or QApplication(sys.argv[:1])
        self.app.setApplicationName("POS")
        language = pick_language(till.config.ui.language)
        self.translators = install_translators(self.app, language)
        self.shipped_fonts = register_shipped_fonts()  # Chinese renders without system CJK fonts
        font = QFont()
        font.setFamilies([*CJK_FAMILIES, *self.shipped_fonts, font.defaultFamily()])
        self.app.setFont(font)
        self.theme = apply_theme(self.app, till.config.ui.theme)

        self.till = till
        self._window_lock = FileLock(till.paths.data_dir / "till-window.lock")  # a restore waits for it
        try:
            self._window_lock.acquire(timeout=0)
        except Timeout:
            log.warning("another till window is open on %s", till.paths.data_dir)
        self.runner = TaskRunner()
        self.printing = PrintService(till.printer(),
                                     on_status=lambda s: self.runner.to_ui(
                                         lambda: self.window.on_printer_status(s)),
                                     spool=till.print_spool(),
                                     poll_seconds=till.config.printer.status_poll_seconds)
        self.scheduler: SyncScheduler | None = None
        self.recovered = recover_after_crash(till.engine)  # a sale the program did not finish
        self.window = self._make_window(language)
        # Dialogs are named as they come up (once per window activation: no per-event cost).
        self.app.focusWindowChanged.connect(self._name_active_window)
        self.wedge: WedgeFilter | None = None
        self.scanners: list = []
        self.camera_windows: list[CameraWindow] = []
        self._start_scanners()
        self.rfid = till.rfid_reader()
        self.window.rfid_reader = self.rfid  # the fulfilment queue reads a tote with it
        if self.rfid is not None:
            self.rfid.start(lambda tag: self.runner.to_ui(lambda: self.window.on_rfid_tag(tag)),
                            lambda status: self.runner.to_ui(lambda: self.window.on_rfid_status(status)))
        self.port_watcher: PortWatcher | None = None
        pokeable = [d for d in [*self.scanners, self.rfid] if hasattr(d, "poke")]
        if pokeable:
            self.port_watcher = PortWatcher(
                lambda added, removed: self._ports_changed(added, removed, pokeable))
            self.port_watcher.start()
        self.displays = CustomerDisplayService(till.customer_displays())
        self.customer_window: CustomerWindow | None = None
        if till.config.display.window:
            self.customer_window = CustomerWindow()
            self.customer_window.place()
        self.window.checkout.cart_changed.connect(self._cart_changed)
        self._cart_changed()
        if sync_enabled and till.config.enrolled:
            self._start_sync()
        elif not till.config.enrolled:
            self.window.top_bar.set_online(False, "not enrolled")
        self._status_timer = QTimer(self.window)
        self._status_timer.timeout.connect(lambda: self.window.refresh_status())
        self._status_timer.start(10_000)
        QTimer.singleShot(1500, self.printing.warm_up)  # after the first paint, not during it
        self.crash_guard = CrashGuard(self.window, till.paths.logs)
        # The sale in progress goes to disk shortly after each change (and every 10 s), so a
        # till that dies keeps it; the next start puts it on hold for its cashier.
        self._recovery_timer = QTimer(self.window)
        self._recovery_timer.setSingleShot(True)
        self._recovery_timer.setInterval(500)
        self._recovery_timer.timeout.connect(self._save_sale_in_progress)
        self.window.checkout.cart_changed.connect(self._recovery_timer.start)
        self._status_timer.timeout.connect(self._recovery_timer.start)
        if self.recovered is not None:
            self.window.login.error_label.setText(QCoreApplication.translate(
                "TillApp", "The till stopped during a sale. It is on hold as #{number}; it comes back "
                "when staff {staff} logs in.").format(number=self.recovered.held.number,
                                                     staff=self.recovered.staff))
        self._backup_timer = QTimer(self.window)
        self._backup_timer.timeout.connect(lambda: till.backups.backup_in_background(HOURLY))
        if till.config.backup.interval_minutes > 0:
            self._backup_timer.start(int(till.config.backup.interval_minutes * 60_000))

    def _sale_in_progress(self) -> tuple[Cart, str | None, dict]:
        checkout = self.window.checkout.checkout
        session = self.window.session
        extras = {"member_id": checkout.member.member_id if checkout.member else None,
                  "coupons": [c.code for c in checkout.coupons]}
        copy = cart_from_dict(cart_to_dict(checkout.cart))  # a snapshot: the cart changes on this thread
        return copy, session.cashier.code if session is not None else None, extras

    def _save_sale_in_progress(self) -> None:
        cart, staff, extras = self._sale_in_progress()
        self.runner.write(lambda: save_in_progress(self.till.engine, cart, staff, extras), lambda _r: None,
                          lambda exc: log.error("could not keep the sale in progress: %s", exc))

    def _make_window(self, language: str) -> MainWindow:
        window = MainWindow(self.till, self.runner, self.printing, "zh_CN" if language == "zh_CN" else "en",
                            poke_sync=self.poke_sync, reenrol=self.reenrol)
        window.rfid_reader = getattr(self, "rfid", None)
        name_unnamed(window)
        window.login.language_requested.connect(self.switch_language)
        return window

    def switch_language(self, language: str) -> None:
        """From the login screen (nobody logged in, no sale): the window comes back in the other
        language at once, and the till keeps it (config ui.language) for its next start."""
        if self.window.session is not None or language not in ("zh_CN", "en"):
            return
        for translator in self.translators:
            self.app.removeTranslator(translator)
        self.translators = install_translators(self.app, language)
        config = load_config(self.till.paths.config_file)
        config.ui.language = language
        save_config(self.till.paths.config_file, config)
        self.till.config.ui.language = language
        old = self.window
        self.window = self._make_window(language)
        self.window.checkout.cart_changed.connect(self._cart_changed)
        self.window.checkout.cart_changed.connect(self._recovery_timer.start)
        for timer in (self._status_timer, self._recovery_timer, self._backup_timer):
            timer.setParent(self.window)  # they were the old window's children
        self.crash_guard.set_parent(self.window)
        self.window.setGeometry(old.geometry())
        if old.isFullScreen():
            self.window.showFullScreen()
        else:
            self.window.show()
        old.shift_controls.stop()
        old.close()
        old.deleteLater()
        self.window.login.reset()

    def _name_active_window(self, _window) -> None:
        active = QApplication.activeWindow()
        if active is not None:
            name_unnamed(active)

    def _start_scanners(self) -> None:
        """Serial scanners read on their own threads; a wedge scanner gets the app-wide key filter."""
        for url, scanner in self.till.scanners():
            if isinstance(scanner, Exception):
                continue
            if isinstance(scanner, WedgeScanner):
                parsed = parse_device_url(url)
                suffix = (parsed.param("suffix") or "cr").lower()
                self.wedge = WedgeFilter(
                    self.app, lambda text, s=scanner: self._wedge_scan(s, text),
                    max_gap_ms=parsed.int_param("max_gap_ms", 30, 5, 200),
                    min_length=parsed.int_param("min_length", 4, 2, 64),
                    suffix="none" if suffix == "none" else "tab" if suffix == "tab" else "enter")
                continue
            on_scan = self._scan_handler(scanner, url)
            scanner.start(on_scan,
                          lambda status: self.runner.to_ui(lambda: self.window.on_scanner_status(status)))
            self.scanners.append(scanner)

    @staticmethod
    def _ports_changed(added: list, removed: list, devices: list) -> None:
        for p in added:
            log.info("serial device plugged in: %s %s %s", p.device, p.usb_id or "", p.serial_number or "")
        for p in removed:
            log.info("serial device pulled out: %s", p.device)
        if added:
            for device in devices:
                device.poke()

    def _cart_changed(self) -> None:
        content = display_content(self.window.checkout.checkout.cart, store_currency())
        if self.customer_window is not None:
            self.customer_window.show_content(content)
        if self.displays.displays:
            self.displays.show(content)

    def _scan_handler(self, scanner, url: str):
        """Scans to the window; a camera asked to (?preview=1) also gets its preview window."""
        parsed = parse_device_url(url)
        if not hasattr(scanner, "on_frame") or parsed.param("preview") not in ("1", "yes", "true"):
            return lambda scan: self.runner.to_ui(lambda: self.window.on_device_scan(scan))
        preview = CameraWindow(url)
        preview.show()
        self.camera_windows.append(preview)
        latest: list = []

        def on_frame(frame) -> None:  # camera thread: keep only the newest, paint on the UI thread
            pending = bool(latest)
            latest[:] = [frame]
            if not pending:
                self.runner.to_ui(lambda: latest and preview.show_frame(latest.pop()))

        scanner.on_frame = on_frame

        def on_scan(scan) -> None:
            self.runner.to_ui(lambda: (preview.show_scan(scan), self.window.on_device_scan(scan)))

        return on_scan

    def _wedge_scan(self, scanner: WedgeScanner, text: str) -> bool:
        scan = scanner.to_scan(text)
        return scan is not None and self.window.take_scan(scan)

    def _engine(self):
        def progress(what: str, done: int, total: int) -> None:
            self.runner.to_ui(lambda: self.window.on_sync_progress(what, done, total))

        return self.till.sync_engine(progress=progress, network_snapshot=True)  # the guide screen offline

    def _start_sync(self) -> None:
        try:
            engine = self._engine()
        except SyncError as exc:
            log.warning("sync disabled: %s", exc)
            self.window.top_bar.set_online(False, exc.message)
            return
        self.scheduler = SyncScheduler(
            engine, interval=self.till.config.sync.interval_seconds,
            on_report=lambda r: self.runner.to_ui(lambda: self.window.on_sync_report(r)))
        self.scheduler.start()

    def reenrol(self, url: str, code: str, on_success, on_failure) -> None:
        """Enrol again in the background; sync resumes with the new token, unsent events kept."""
        def work() -> object:
            result = enroll(self.till.paths, url, code, self.till.config.device.name or None)
            self.till.config = load_config(self.till.paths.config_file)
            return result

        def done(result: object) -> None:
            if self.scheduler is None:
                self._start_sync()
            else:
                self.scheduler.replace_engine(self._engine())
            on_success(result)

        self.runner.network(work, done, on_failure)

    def poke_sync(self) -> None:
        if self.scheduler is not None:
            self.scheduler.poke()

    def close(self) -> None:
        self.app.focusWindowChanged.disconnect(self._name_active_window)
        self._status_timer.stop()
        self._recovery_timer.stop()
        try:  # closing with a sale on screen: it is there again, on hold, at the next start
            save_in_progress(self.till.engine, *self._sale_in_progress())
        except Exception as exc:
            log.error("could not keep the sale in progress: %s", exc)
        self._backup_timer.stop()
        self.crash_guard.uninstall()
        self.window.shift_controls.stop()
        if self.scheduler is not None:
            self.scheduler.stop()
        self.printing.close()
        for scanner in self.scanners:
            scanner.stop()
        if self.rfid is not None:
            self.rfid.stop()
        if self.port_watcher is not None:
            self.port_watcher.stop()
        for preview in self.camera_windows:
            preview.close()
            preview.deleteLater()
        self.displays.close()
        if self.customer_window is not None:
            self.customer_window.close()
            self.customer_window.deleteLater()
        if self.wedge is not None:
            self.wedge.remove()
        self.runner.shutdown()
        if self._window_lock.is_locked:
            self._window_lock.release()
        self.window.close()
        self.window.deleteLater()


def run_app(till: Till) -> int:
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    app = QApplication(sys.argv[:1])
    till_app = TillApp(till, app=app)
    till_app.window.resize(1366, 768)
    till_app.window.show()
    try:
        return app.exec()
    finally:
        till_app.close()
