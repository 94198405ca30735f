"""The Windows-only code paths, behind the same interfaces as on Linux, run here with the
Windows APIs replaced by fakes (they cannot exist on this machine): raw printing through the
spooler (win32print), COM ports, and the OS keyring that keeps the device token."""

from __future__ import annotations

import sys
import types

import keyring
import pytest
from keyring.backend import KeyringBackend

from drivers.interfaces import PrinterCondition
from drivers.ports import PortInfo, resolve_port
from drivers.printer.document import ReceiptDocument, TextLine
from drivers.printer.escpos_render import PaperProfile
from drivers.printer.printers import PrinterFault, open_printer
from drivers.urls import parse_device_url
from pos_client.services.token_store import SERVICE, KeyringTokenStore, TokenStoreUnavailable
from tests.support.escpos_decoder import decode


class FakeSpooler(types.ModuleType):
    """win32print as pywin32 has it: the calls python-escpos's Win32Raw makes, recorded."""

    PRINTER_ENUM_NAME = 2

    def __init__(self, printers: list[str]) -> None:
        super().__init__("win32print")
        self.printers = printers
        self.calls: list[tuple] = []
        self.written = bytearray()

    def EnumPrinters(self, flags, name, level):
        return [{"pPrinterName": p} for p in self.printers]

    def GetDefaultPrinter(self):
        return self.printers[0]

    def OpenPrinter(self, name):
        self.calls.append(("open", name))
        return 4242

    def StartDocPrinter(self, handle, level, info):
        self.calls.append(("doc", handle, info[2]))
        return 1

    def StartPagePrinter(self, handle):
        self.calls.append(("page", handle))

    def WritePrinter(self, handle, data):
        self.written += data
        return len(data)

    def EndPagePrinter(self, handle):
        self.calls.append(("end_page", handle))

    def EndDocPrinter(self, handle):
        self.calls.append(("end_doc", handle))

    def ClosePrinter(self, handle):
        self.calls.append(("close", handle))


@pytest.fixture
def spooler(monkeypatch) -> FakeSpooler:
    from escpos.printer import win32raw

    fake = FakeSpooler(["EPSON TM-T88V Receipt", "Microsoft Print to PDF"])
    pywintypes = types.ModuleType("pywintypes")
    pywintypes.error = OSError
    monkeypatch.setitem(sys.modules, "win32print", fake)
    monkeypatch.setitem(sys.modules, "pywintypes", pywintypes)
    monkeypatch.setattr(win32raw, "win32print", fake, raising=False)
    monkeypatch.setattr(win32raw, "pywintypes", pywintypes, raising=False)
    monkeypatch.setattr(win32raw, "_DEP_WIN32PRINT", True)
    return fake


def test_a_receipt_goes_to_the_windows_spooler_as_one_raw_job(spooler: FakeSpooler, tmp_path) -> None:
    printer = open_printer("win32://EPSON TM-T88V Receipt", PaperProfile.for_width(80), tmp_path)
    printer.print_document(ReceiptDocument("W1", (TextLine("收银小票 receipt"),), open_drawer=True))
    assert spooler.calls[0] == ("open", "EPSON TM-T88V Receipt")
    assert ("doc", 4242, "RAW") in spooler.calls, "RAW datatype: the driver passes ESC/POS untouched"
    assert [c[0] for c in spooler.calls[-3:]] == ["end_page", "end_doc", "close"]
    got = decode(bytes(spooler.written))
    assert "收银小票 receipt" in got.text and got.cuts == 1 and got.drawer_pins == [2]
    assert printer.status().condition is PrinterCondition.UNKNOWN  # a spooler queue cannot be asked


def test_a_queue_name_windows_does_not_know_is_a_printer_fault(spooler: FakeSpooler, tmp_path) -> None:
    printer = open_printer("win32://No Such Printer", PaperProfile.for_width(58), tmp_path)
    with pytest.raises(PrinterFault, match="No Such Printer"):
        printer.send("W2", b"\x1b@hello")
    assert spooler.written == b""


def test_com_ports_are_named_and_found_again_by_usb_identity_after_a_replug() -> None:
    for url in ("serial://COM3?baud=19200", "serial:///COM3?baud=19200"):
        parsed = parse_device_url(url)
        assert parsed.serial_port == "COM3" and parsed.baud == 19200
    ports = [PortInfo("COM4", "USB Serial Port (COM4)", 0x0403, 0x6001, "A9XK2", "FTDI", None),
             PortInfo("COM7", "Prolific USB-to-Serial (COM7)", 0x067B, 0x2303, None, "Prolific", None)]
    assert resolve_port("COM3", serial_number="A9XK2", ports=ports) == "COM4"
    assert resolve_port("COM3", vid_pid="067B:2303", ports=ports) == "COM7"
    assert resolve_port("COM3", serial_number="GONE", ports=ports) == "COM3"


class MemoryVault(KeyringBackend):
    """Stands in for Windows Credential Manager (keyring's WinVaultKeyring) behind keyring's API."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.items.get((service, username))

    def set_password(self, service, username, password):
        self.items[(service, username)] = password

    def delete_password(self, service, username):
        self.items.pop((service, username))


def test_the_device_token_goes_to_the_os_credential_store_through_keyring() -> None:
    before = keyring.get_keyring()
    vault = MemoryVault()
    keyring.set_keyring(vault)
    try:
        store = KeyringTokenStore()
        store.put("dev-1", "tok-secret")
        assert vault.items == {(SERVICE, "dev-1"): "tok-secret"}
        assert store.get("dev-1") == "tok-secret"
        store.delete("dev-1")
        assert store.get("dev-1") is None
        from keyring.backends import fail

        keyring.set_keyring(fail.Keyring())
        with pytest.raises(TokenStoreUnavailable, match="POS_TOKEN_STORE=file"):
            KeyringTokenStore()
    finally:
        keyring.set_keyring(before)

