"""`pos-client screenshots --out DIR`: every main screen, at every size, in every language.

The demo chain on an embedded central, a till enrolled in S001 and synced, the real
window driven the way staff drive it; each screen is grabbed (a dialog drawn over the
window where it opens) into DIR/LANG/WxH/NN-name.png. A new screen is one `Screen` in
`SCREENS` (or `register_screen`): `show` brings it up and returns the dialog to draw over
the window (None: the window itself), `close` puts the till back for the next one.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from pos_client.config import Paths
from pos_client.services.till import Till

SIZES = ((1366, 768), (1920, 1080))
LANGUAGES = ("zh_CN", "en")


@dataclass
class Context:
    """What a screen's steps may use: the running app and the demo till."""

    app: object  # TillApp
    till: Till
    language: str
    size: tuple[int, int]
    notes: list[str] = field(default_factory=list)

    @property
    def window(self):
        return self.app.window


@dataclass(frozen=True)
class Screen:
    name: str
    show: Callable[[Context], QWidget | None]
    close: Callable[[Context], None] = lambda ctx: None


def _settle(rounds: int = 5) -> None:
    for _ in range(rounds):
        QApplication.processEvents()


def _login(ctx: Context, staff: str = "1001", pin: str = "1234") -> None:
    login = ctx.window.login
    if ctx.window.session is not None:
        return
    login.staff_field.setText(staff)
    login.pin_field.setText(pin)
    login.attempt()
    _settle()


def _promoted_cart(ctx: Context) -> None:
    """Goods worth over ¥300, so the demo's spend thresholds and item promotions show."""
    checkout = ctx.window.checkout
    if checkout.checkout.cart.lines:
        return
    from sqlalchemy import text

    with ctx.till.engine.connect() as conn:
        codes = [r[0] for r in conn.execute(text(
            "SELECT b.code FROM barcode b JOIN price p ON p.sku = b.sku JOIN product pr ON pr.sku = b.sku "
            "WHERE p.scope = 'chain' AND p.amount BETWEEN 1500 AND 9000 "
            "AND pr.unit NOT IN ('kg', '千克', '公斤') "
            "AND length(b.code) = 13 ORDER BY p.amount DESC LIMIT 6"))]
    for code in [*codes, *codes[:1]]:  # the first one twice: a quantity of 2
        checkout.scan_code(code)
        _settle(2)


def _show_checkout(ctx: Context) -> None:
    _login(ctx)
    _promoted_cart(ctx)


def _show_payment(ctx: Context) -> QWidget | None:
    _show_checkout(ctx)
    ctx.window.pay()
    _settle()
    return ctx.window.payment_dialog


def _close_payment(ctx: Context) -> None:
    if ctx.window.payment_dialog is not None:
        ctx.window.payment_dialog.reject()
    _settle()


def _show_sync_panel(ctx: Context) -> QWidget | None:
    _login(ctx)
    ctx.window.open_sync_panel()
    _settle()
    return ctx.window.sync_panel


def _close_sync_panel(ctx: Context) -> None:
    if ctx.window.sync_panel is not None:
        ctx.window.sync_panel.reject()
    _settle()


def _show_shift_close(ctx: Context) -> QWidget | None:
    """The close-shift count (a blind count: the Z report's figures come after it)."""
    _login(ctx)
    controls = ctx.window.shift_controls
    if controls.service.current() is None:
        controls.service.open(ctx.window.session.cashier, 50_000)
    held = ctx.window.checkout.checkout.cart.lines
    if held:
        ctx.window.hold_sale()
        _settle()
    controls.close_shift()
    _settle()
    return controls.dialog


def _close_dialog_of(attr: str) -> Callable[[Context], None]:
    def close(ctx: Context) -> None:
        dialog = getattr(ctx.window.shift_controls, attr, None)
        if dialog is not None:
            dialog.reject()
        _settle()

    return close


def _show_window_dialog(opener: str, attr: str) -> Callable[[Context], QWidget | None]:
    def show(ctx: Context) -> QWidget | None:
        _login(ctx)
        getattr(ctx.window, opener)()
        _settle()
        return getattr(ctx.window, attr, None)

    return show


def _close_window_dialog(attr: str) -> Callable[[Context], None]:
    def close(ctx: Context) -> None:
        dialog = getattr(ctx.window, attr, None)
        if dialog is not None:
            dialog.reject()
        _settle()

    return close


PICKUP_CODES: list[str] = []
"""Codes of the demo's ready pickup orders at S001, so the desk is shown with one verified."""


def _show_pickup_desk(ctx: Context) -> QWidget | None:
    dialog = _show_window_dialog("open_pickup_desk", "pickup_dialog")(ctx)
    if dialog is not None and PICKUP_CODES:
        dialog.code_field.setText(PICKUP_CODES[0])
        dialog.code_field.returnPressed.emit()
        _settle()
    return dialog


def _open_fulfilment(window) -> None:
    from .fulfilment_queue import open_fulfilment

    open_fulfilment(window)


def _show_fulfilment(ctx: Context) -> QWidget | None:
    """The ship-from-store queue with the demo's first delivery order chosen and being picked."""
    _login(ctx)
    _open_fulfilment(ctx.window)
    _settle()
    dialog = ctx.window.fulfilment_dialog
    if dialog is not None and dialog.orders.rowCount():
        dialog.orders.selectRow(0)
        _settle()
    return dialog


def _wait(condition: Callable[[], bool], seconds: float = 5.0) -> bool:
    """Answers from central arrive on worker threads: let them land before the grab."""
    import time

    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.02)
    _settle()
    return condition()


def _guide_skus(ctx: Context, n: int) -> list[str]:
    """Priced apparel that has sizes and colours, so the variants table has rows."""
    from sqlalchemy import text

    with ctx.till.engine.connect() as conn:
        return [r[0] for r in conn.execute(text(
            "SELECT v.sku FROM variant v JOIN price pr ON pr.sku = v.sku AND pr.scope = 'chain' "
            "WHERE v.style = (SELECT style FROM variant GROUP BY style ORDER BY count(*) DESC, style "
            "LIMIT 1) "
            "ORDER BY v.colour, v.size LIMIT :n"), {"n": n})]


def _open_guide(ctx: Context):
    _login(ctx)
    controls = ctx.window.guide_controls
    if controls.guide_window is None:
        controls.open_guide()
        _settle()
    return controls.guide_window


def _show_guide_stock(ctx: Context) -> QWidget | None:
    """The endless aisle: a product found, its variants, and stock across the chain, live."""
    guide = _open_guide(ctx)
    skus = _guide_skus(ctx, 1)
    if guide is None or not skus:
        return guide
    item = ctx.till.catalog.by_sku(skus[0])
    guide.search_field.setText(item.name if item is not None else skus[0])
    guide.search()
    _settle()
    guide.show_product(skus[0])
    if not _wait(lambda: guide.view is not None and guide.view.live):
        ctx.notes.append("guide-stock: central did not answer the stock lookup in time")
    return guide


def _show_guide_order(ctx: Context) -> QWidget | None:
    """An order for a customer: two lines, pickup at another store, name and mobile filled in."""
    guide = _show_guide_stock(ctx)  # the stock lookup also lists the stores to collect from
    if guide is None:
        return guide
    if not guide.order_lines:
        for n, sku in enumerate(_guide_skus(ctx, 2), 1):
            guide.sku = sku
            guide.qty.setValue(n)
            guide.add_to_order()
    guide.tabs.setCurrentIndex(1)
    index = guide.fulfilment.findData("pickup_other")
    if index >= 0:
        guide.fulfilment.setCurrentIndex(index)
    guide.name_field.setText("王芳" if ctx.language == "zh_CN" else "Wang Fang")
    guide.phone_field.setText("13800138000")
    _settle()
    return guide


def _close_guide(ctx: Context) -> None:
    guide = ctx.window.guide_controls.guide_window
    if guide is not None:
        guide.reject()
    _settle()


def _show_stock_count(ctx: Context) -> QWidget | None:
    """A shelf count under way: scanned items against what the ledger expects, an unknown tag."""
    from sqlalchemy import text

    from drivers.interfaces import TagRead

    _login(ctx)
    controls = ctx.window.guide_controls
    controls.open_stock()
    _settle()
    stock = controls.stock_window
    if stock is None:
        return None
    stock.area.setText("A-03")
    stock.start_count()
    if not _wait(lambda: stock.count is not None):
        ctx.notes.append("stock-count: the count did not start in time")
        return stock
    with ctx.till.engine.connect() as conn:
        codes = [r[0] for r in conn.execute(text(
            "SELECT b.code FROM barcode b JOIN product p ON p.sku = b.sku "
            "WHERE length(b.code) = 13 AND p.unit NOT IN ('kg', '千克', '公斤') ORDER BY b.code LIMIT 6"))]
    for n, code in enumerate(codes):
        for _ in range(n % 3 + 1):
            stock.count_scan.setText(code)
            stock.count_scan.returnPressed.emit()
    stock.take_tag(TagRead(epc="E28011700000020A1B2C3D4E"))  # a tag of no product here
    _wait(lambda: stock.tags_processed >= 1, 3.0)
    _wait(lambda: stock.count_table.model().rowCount() > 0, 2.0)
    return stock


def _close_stock(ctx: Context) -> None:
    stock = ctx.window.guide_controls.stock_window
    if stock is not None:
        stock.reject()
    _settle()


SCREENS: list[Screen] = [
    Screen("login", lambda ctx: None),
    Screen("checkout", lambda ctx: _show_checkout(ctx)),
    Screen("payment", _show_payment, _close_payment),
    Screen("sync-panel", _show_sync_panel, _close_sync_panel),
    Screen("shift-close", _show_shift_close, _close_dialog_of("dialog")),
    Screen("pickup-desk", _show_pickup_desk, _close_window_dialog("pickup_dialog")),
    Screen("fulfilment-queue", lambda ctx: _show_fulfilment(ctx), _close_window_dialog("fulfilment_dialog")),
    Screen("guide-stock", _show_guide_stock, _close_guide),
    Screen("guide-order", _show_guide_order, _close_guide),
    Screen("stock-count", _show_stock_count, _close_stock),
]


def register_screen(screen: Screen, *, after: str | None = None) -> None:
    """Add a screen (pickup desk, guide order, stock count...) to every run."""
    names = [s.name for s in SCREENS]
    SCREENS.insert(names.index(after) + 1 if after in names else len(SCREENS), screen)


def compose(window: QWidget, dialog: QWidget | None) -> QImage:
    """The window as staff see it, with the dialog drawn where it opens (centred on it)."""
    image = window.grab().toImage()
    if dialog is not None and isinstance(dialog, QWidget) and dialog.isVisible():
        over = dialog.grab().toImage()
        painter = QPainter(image)
        at = QPoint(max(0, (image.width() - over.width()) // 2),
                    max(0, (image.height() - over.height()) // 2))
        painter.drawImage(at, over)
        painter.end()
    return image


def _demo_till(root: Path) -> tuple[object, Till]:
    from central.db import session_factory
    from central.devices import create_enrollment_code
    from central.seed import seed_demo
    from central.server import EmbeddedCentral
    from pos_client.services.till import enroll

    os.environ.setdefault("POS_TOKEN_STORE", "file")
    central = EmbeddedCentral(f"sqlite:///{root / 'central.db'}").start()
    factory = session_factory(central.app.state.engine)
    with factory() as session:
        seed_demo(session, products=300, scale_items=False)
    from central.pickup import DEMO_ORDERS, seed_demo_pickups

    with factory() as session:
        answers = seed_demo_pickups(session)
    PICKUP_CODES[:] = [a["pickup_code"] for order, a in zip(DEMO_ORDERS, answers, strict=False)
                       if order[0] == "S001" and a["status"] == "ready"]
    from central.fulfilment import seed_demo_deliveries

    with factory() as session:
        seed_demo_deliveries(session)
    with factory() as session:
        code = create_enrollment_code(session, "S001")
        session.commit()
    paths = Paths.resolve(root / "till")
    enroll(paths, central.url, code, "screenshots")
    till = Till(paths)
    with till.client() as client:
        report = till.sync_engine(client).run_once()
    if report.error:
        raise RuntimeError(f"demo sync failed: {report.error.message}")
    return central, till


def take_screenshots(out: Path, *, sizes=SIZES, languages=LANGUAGES, only: list[str] | None = None,
                     app: QApplication | None = None) -> list[Path]:
    """Every screen × size × language into `out`; returns the files written."""
    from pos_client.ui.app import TillApp

    app = app or QApplication.instance() or QApplication([])
    written: list[Path] = []
    screens = [s for s in SCREENS if not only or s.name in only]
    with tempfile.TemporaryDirectory(prefix="pos-screens-") as tmp:
        central, till = _demo_till(Path(tmp))
        try:
            for language in languages:
                for size in sizes:
                    till.config.ui.language = language
                    till_app = TillApp(till, app=app, sync_enabled=False)
                    ctx = Context(till_app, till, language, size)
                    try:
                        with till.client() as client:  # one real sync: the top bar shows it online
                            till_app.window.on_sync_report(till.sync_engine(client).run_once())
                        till_app.window.resize(*size)
                        till_app.window.show()
                        _settle()
                        for n, screen in enumerate(screens, 1):
                            dialog = screen.show(ctx)
                            _settle()
                            image = compose(till_app.window, dialog if isinstance(dialog, QDialog | QWidget)
                                            else None)
                            target = out / language / f"{size[0]}x{size[1]}" / f"{n:02d}-{screen.name}.png"
                            target.parent.mkdir(parents=True, exist_ok=True)
                            image.save(str(target))
                            written.append(target)
                            screen.close(ctx)
                    finally:
                        for t in till_app.translators:
                            app.removeTranslator(t)
                        if till_app.window.session is not None:
                            held = till_app.window.checkout.checkout.cart.lines
                            if held:
                                till_app.window.hold_sale()
                        till_app.close()
                        _settle()
        finally:
            till.close()
            central.stop()
    return written
