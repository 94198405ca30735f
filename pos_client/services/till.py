"""A till's parts, opened from its data directory and wired together once.

The UI, the command line and the tests all start here, so they exercise the
same objects in the same order.
"""

from __future__ import annotations

import logging
import platform
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drivers.interfaces import DeviceKind
from drivers.printer.escpos_render import PaperProfile
from drivers.printer.printers import ReceiptPrinter, open_printer
from drivers.printer.spool import PrintSpool
from drivers.registry import DeviceContext, default_registry
from drivers.urls import DeviceUrlError
from pos_client.config import Config, Paths, load_config, save_config
from pos_client.domain.returns import RefundPolicy
from pos_client.domain.tenders import CashRounding
from pos_client.store import journal
from pos_client.store.catalog import CatalogReader
from pos_client.store.changes import StateApplier
from pos_client.store.database import open_database
from pos_client.store.outbox import Outbox
from pos_client.store.pickup import PickupStore
from pos_client.store.sales import SalesReader, UnitOfWork
from pos_client.store.settings import Settings
from pos_client.store.sold_tags import SoldTags
from pos_client.store.staff import StaffReader
from sync.client import CentralClient
from sync.engine import Progress, SyncEngine
from sync.errors import AuthRejected, NotEnrolled

from .auth import AuthService
from .backups import Z_REPORT, BackupService
from .checkout import CheckoutService, StoreIdentity
from .fulfilment import FulfilmentQueue
from .guide import GuideService
from .pickup import DeskSettings, PickupDesk, ReservedStockGuard
from .returns import ReturnService
from .shifts import ShiftService
from .stock_work import StockWork
from .sync_service import make_engine
from .token_store import TokenStoreUnavailable, chosen_store_kind, token_store

log = logging.getLogger(__name__)


class Till:
    def __init__(self, paths: Paths, config: Config | None = None) -> None:
        self.paths = paths
        self.config = config or load_config(paths.config_file)
        self.engine = open_database(paths.database, paths.backups)
        self.settings = Settings(self.engine)
        self.catalog = CatalogReader(self.engine)
        self.staff = StaffReader(self.engine)
        self.outbox = Outbox(self.engine)
        self.sales = SalesReader(self.engine)
        self.writer = UnitOfWork(self.engine)
        self.applier = StateApplier(self.engine)
        self.sold_tags = SoldTags(self.engine)
        self.auth = AuthService(self.staff, self.settings, record=self.record)
        self.backups = BackupService(paths, self.config, self.engine)

    def record(self, kind: str, staff: str, data: dict) -> None:
        """A journal entry for something that is not part of a sale (logins, logouts)."""
        with self.engine.begin() as conn:
            journal.append(conn, kind, staff, data)

    # ------------------------------------------------------------- identity
    def identity(self) -> StoreIdentity:
        cfg = self.catalog.store_config() or {}
        return StoreIdentity(store_code=self.config.device.store_code or cfg.get("store_code", "?"),
                             terminal_no=self.config.device.terminal_no or "00",
                             currency=cfg.get("currency", "CNY"),
                             timezone=cfg.get("timezone") or "Asia/Shanghai",
                             cash_rounding=CashRounding.from_config(cfg.get("cash_rounding")))

    def store_name(self) -> str:
        cfg = self.catalog.store_config() or {}
        return cfg.get("name") or self.config.device.store_code or "POS"

    def checkout(self) -> CheckoutService:
        service = CheckoutService(self.catalog, self.writer, self.identity())
        policy = DeskSettings.from_store_config(self.catalog.store_config()).reserved_policy
        service.stock_guard = ReservedStockGuard(PickupStore(self.engine), policy)
        return service

    def returns(self) -> ReturnService:
        cfg = self.catalog.store_config() or {}
        from .wallet import WalletPayments

        ident = self.identity()
        return ReturnService(self.engine, self.writer, ident,
                             self.client if self.config.enrolled else None,
                             policy=RefundPolicy.from_config(cfg.get("refund_policy")),
                             wallet=WalletPayments(self.client, ident) if self.config.enrolled else None)

    def guide(self) -> GuideService:
        """The sales guide: network stock, orders for customers, commission (services/guide.py)."""
        return GuideService(self.catalog, self.writer, self.identity(),
                            self.client if self.config.enrolled else None)

    def stock_work(self) -> StockWork:
        """Counts, receiving, safety stock, transfers, damage (services/stock_work.py)."""
        return StockWork(self.catalog, self.writer, self.identity().store_code,
                         self.client if self.config.enrolled else None)

    def shifts(self) -> ShiftService:
        return ShiftService(self.engine, self.writer, self.identity(),
                            after_close=lambda _z: self.backups.backup_in_background(Z_REPORT))

    def fulfilment(self, clock=None) -> FulfilmentQueue:
        """Ship-from-store: the delivery orders central routed to this store."""
        return FulfilmentQueue(self.engine, self.identity(), self.catalog, clock=clock)

    def pickup_desk(self, clock=None) -> PickupDesk:
        """The pickup desk, with the store's rules (ID-check threshold, lockout, reserved-stock policy)."""
        settings = DeskSettings.from_store_config(self.catalog.store_config())
        return PickupDesk(self.engine, self.identity(), settings, clock=clock)

    # ------------------------------------------------------------- devices
    def printer(self) -> ReceiptPrinter:
        p = self.config.printer
        profile = PaperProfile.for_width(p.paper_mm, encoding=p.encoding,
                                         chinese_mode=p.chinese_mode, drawer_pin=p.drawer_pin,
                                         text_as_image=p.text_as_image, font_path=p.font_path)
        return open_printer(p.url, profile, self.paths.data_dir)

    def scanners(self) -> list[tuple[str, Any]]:
        """Configured scanners opened through the driver registry: (url, driver), or (url, the error)."""
        registry = default_registry()
        context = DeviceContext(self.paths.data_dir)
        opened: list[tuple[str, Any]] = []
        for url in self.config.scanner.urls:
            try:
                opened.append((url, registry.open(DeviceKind.SCANNER, url, context)))
            except DeviceUrlError as exc:
                log.warning("scanner %s not opened: %s", url, exc)
                opened.append((url, exc))
        return opened

    def rfid_reader(self) -> Any | None:
        """The configured RFID reader, opened through the registry (None when none or a bad URL)."""
        if not self.config.rfid.url:
            return None
        try:
            return default_registry().open(DeviceKind.RFID, self.config.rfid.url, DeviceContext(
                self.paths.data_dir, {"rfid_window_ms": self.config.rfid.window_ms}))
        except DeviceUrlError as exc:
            log.warning("RFID reader %s not opened: %s", self.config.rfid.url, exc)
            return None

    def customer_displays(self) -> list[Any]:
        """The configured pole display, if any, opened through the registry (a bad URL is logged)."""
        if not self.config.display.url:
            return []
        try:
            return [default_registry().open(DeviceKind.DISPLAY, self.config.display.url,
                                            DeviceContext(self.paths.data_dir))]
        except DeviceUrlError as exc:
            log.warning("customer display %s not opened: %s", self.config.display.url, exc)
            return []

    def print_spool(self) -> PrintSpool:
        """The durable print queue: receipts wait here until the printer took them."""
        return PrintSpool(self.paths.data_dir / "devices" / "print-queue")

    # ------------------------------------------------------------- sync
    def client(self) -> CentralClient:
        return client_for(self.paths, self.config)

    def sync_engine(self, client: CentralClient | None = None, progress: Progress | None = None,
                    *, flush_journal: bool = False, network_snapshot: bool = False) -> SyncEngine:
        return make_engine(client or self.client(), self.config.device.device_id, self.outbox,
                           self.settings, self.applier, progress=progress,
                           lock_file=self.paths.data_dir / "sync.lock", flush_journal=flush_journal,
                           network_snapshot=network_snapshot)

    def close(self) -> None:
        self.backups.wait()
        self.engine.dispose()


def client_for(paths: Paths, config: Config) -> CentralClient:
    """A client with this till's token (for the till and for commands that open no Till)."""
    if not config.enrolled:
        raise NotEnrolled("this till is not enrolled with a central platform")
    try:
        store = token_store(paths.data_dir, config.device.token_store)
    except TokenStoreUnavailable as exc:
        raise AuthRejected(str(exc)) from exc
    token = store.get(config.device.device_id)
    if not token:
        raise AuthRejected("no device token is stored on this till; enrol it again")
    return CentralClient(config.central.url, token)


@dataclass(frozen=True)
class Enrolment:
    device_id: str
    store_code: str
    terminal_no: str


def enroll(paths: Paths, central_url: str, code: str, device_name: str | None = None) -> Enrolment:
    """Spend a one-time code at central and keep the token where the platform keeps secrets."""
    store = token_store(paths.data_dir)  # refuse before spending the code if no place for the token
    name = device_name or socket.gethostname()
    with CentralClient(central_url) as client:
        answer = client.register(code, name, f"{platform.system()} {platform.release()}")
    store.put(answer.device_id, answer.token)
    config = load_config(paths.config_file)
    config.central.url = central_url
    config.device.device_id = answer.device_id
    config.device.store_id = answer.store_id
    config.device.store_code = answer.store_code
    config.device.terminal_no = answer.terminal_no
    config.device.name = name
    config.device.token_store = chosen_store_kind()
    save_config(paths.config_file, config)
    return Enrolment(answer.device_id, answer.store_code, answer.terminal_no)


def ensure_dirs(paths: Paths) -> None:
    Path(paths.data_dir).mkdir(parents=True, exist_ok=True)
