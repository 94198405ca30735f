"""The till's configuration: a TOML file IT can read and edit.

Only non-secret settings live here; the device token is in the OS keyring (or,
by explicit choice, in a 0600 file), never in this file or the database.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path

import platformdirs
import tomli_w

APP_NAME = "pos-client"


@dataclass
class CentralConfig:
    url: str = ""


@dataclass
class DeviceConfig:
    device_id: str = ""
    store_id: str = ""
    store_code: str = ""
    terminal_no: str = ""
    name: str = ""
    token_store: str = "keyring"
    """Where enrolment put the device token: "keyring", or "file" when POS_TOKEN_STORE=file chose it."""


@dataclass
class PrinterConfig:
    url: str = "sim://printer"
    paper_mm: int = 80
    encoding: str = "gb18030"
    chinese_mode: bool = True
    drawer_pin: int = 2
    text_as_image: bool = False
    """Print text as an image: for printers without a Chinese font (uses a CJK font on this machine)."""
    font_path: str = ""
    """That font, when it is not in a usual place (Noto CJK, WenQuanYi, YaHei, PingFang are found)."""
    status_poll_seconds: float = 15.0
    """Ask the printer its status this often while idle (0: only when printing)."""


@dataclass
class ScannerConfig:
    urls: list[str] = field(default_factory=list)
    """Every scanner at this till: wedge:// (turns on the key-timing filter), serial://PORT?baud=..,
    sim://scanner. Without wedge://, a keyboard-wedge scanner still types into the scan field."""


@dataclass
class RfidConfig:
    url: str = ""
    """serial://PORT?baud=57600&protocol=uhfreader18 (or protocol=r2000), sim://rfid; "" for none."""
    window_ms: int = 2000
    """A tag read again within this window is the same read."""


@dataclass
class DisplayConfig:
    url: str = ""
    """Customer display: serial://PORT?baud=9600 for a 2x20 pole display, sim://display; "" for none."""
    window: bool = False
    """Also show the customer window (full screen on the second screen when there is one)."""


@dataclass
class SyncConfig:
    interval_seconds: float = 30.0


@dataclass
class UiConfig:
    language: str = ""  # "" follows the system locale; "zh_CN" or "en"
    theme: str = "light"  # "light", "dark", or "system" (the desktop's colour scheme)


@dataclass
class BackupConfig:
    dir: str = ""
    """A second place IT chooses for the till's backups: another disk, a USB stick, a mounted
    network share ("" keeps them only beside the database, in <data-dir>/backups)."""
    interval_minutes: float = 60.0
    """How often the open till backs itself up (0: only at Z reports and by hand)."""
    keep: int = 48
    """How many hourly backups to keep; Z-report backups are kept apart (keep_z)."""
    keep_z: int = 62


@dataclass
class Config:
    central: CentralConfig = field(default_factory=CentralConfig)
    device: DeviceConfig = field(default_factory=DeviceConfig)
    printer: PrinterConfig = field(default_factory=PrinterConfig)
    scanner: ScannerConfig = field(default_factory=ScannerConfig)
    rfid: RfidConfig = field(default_factory=RfidConfig)
    display: DisplayConfig = field(default_factory=DisplayConfig)
    sync: SyncConfig = field(default_factory=SyncConfig)
    ui: UiConfig = field(default_factory=UiConfig)
    backup: BackupConfig = field(default_factory=BackupConfig)

    @property
    def enrolled(self) -> bool:
        return bool(self.device.device_id and self.central.url)


@dataclass(frozen=True)
class Paths:
    """Where a till keeps things. `--data-dir` puts everything under one folder."""

    data_dir: Path
    config_file: Path
    log_dir: Path | None = None

    @property
    def database(self) -> Path:
        return self.data_dir / "pos.db"

    @property
    def backups(self) -> Path:
        return self.data_dir / "backups"

    @property
    def logs(self) -> Path:
        return self.log_dir or self.data_dir / "logs"

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None) -> Paths:
        if data_dir:
            root = Path(data_dir).expanduser().resolve()
            return cls(root, root / "config.toml")
        return cls(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
                   Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.toml",
                   Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)))


def _section(cls, raw: dict):
    known = {k: v for k, v in raw.items() if k in cls.__dataclass_fields__}
    return cls(**known)


def load_config(path: Path) -> Config:
    if not path.exists():
        return Config()
    raw = tomllib.loads(path.read_text("utf-8"))
    return Config(
        central=_section(CentralConfig, raw.get("central", {})),
        device=_section(DeviceConfig, raw.get("device", {})),
        printer=_section(PrinterConfig, raw.get("printer", {})),
        scanner=_section(ScannerConfig, raw.get("scanner", {})),
        rfid=_section(RfidConfig, raw.get("rfid", {})),
        display=_section(DisplayConfig, raw.get("display", {})),
        sync=_section(SyncConfig, raw.get("sync", {})),
        ui=_section(UiConfig, raw.get("ui", {})),
        backup=_section(BackupConfig, raw.get("backup", {})),
    )


def save_config(path: Path, config: Config) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(tomli_w.dumps(asdict(config)), "utf-8")
    os.replace(tmp, path)
