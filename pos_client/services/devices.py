"""What IT asks of devices: what is configured and found here, and "does this one work?".

Used by `pos-client devices list|test` (and later the settings screen's test
button).  Everything here blocks on device I/O: callers run it off the UI thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from drivers.interfaces import DeviceKind, DeviceStatus, PrinterCondition, Scan, TagRead
from drivers.ports import serial_ports
from drivers.printer.escpos_render import PaperProfile
from drivers.printer.testpage import printer_test_page
from drivers.registry import DeviceContext, DriverRegistry, default_registry
from drivers.urls import DeviceUrlError, parse_device_url
from pos_client.config import Config

Report = Callable[[str, dict[str, Any]], None]
"""Called as things happen ("scan", {...}), so a command line can show them live."""


def printer_profile(config: Config, paper_mm: int | None = None,
                    drawer_pin: int | None = None) -> PaperProfile:
    p = config.printer
    return PaperProfile.for_width(paper_mm or p.paper_mm, encoding=p.encoding, chinese_mode=p.chinese_mode,
                                  drawer_pin=drawer_pin or p.drawer_pin, text_as_image=p.text_as_image,
                                  font_path=p.font_path)


def configured(config: Config) -> list[tuple[DeviceKind, str]]:
    out = [(DeviceKind.PRINTER, config.printer.url)]
    out += [(DeviceKind.SCANNER, u) for u in config.scanner.urls]
    if config.rfid.url:
        out.append((DeviceKind.RFID, config.rfid.url))
    if config.display.url:
        out.append((DeviceKind.DISPLAY, config.display.url))
    return out


def set_device_url(config: Config, kind: DeviceKind, url: str, index: int = 0,
                   registry: DriverRegistry | None = None) -> list[tuple[DeviceKind, str]]:
    """Change one configured device, the same way the config file, the panel and the CLI do.

    `index` picks the scanner (one past the last adds one); an empty URL removes a scanner,
    an RFID reader or a customer display (a till always has a printer, `sim://printer` at
    least).  A URL no driver takes raises DeviceUrlError with the reason and changes nothing."""
    url = url.strip()
    if url:
        (registry or default_registry()).lookup(kind, url)
    elif kind is DeviceKind.PRINTER:
        raise DeviceUrlError("a till needs a receipt printer URL (sim://printer keeps receipts as files)")
    if kind is DeviceKind.PRINTER:
        config.printer.url = url
    elif kind is DeviceKind.SCANNER:
        urls = list(config.scanner.urls)
        if not 0 <= index <= len(urls):
            raise DeviceUrlError(f"there is no scanner number {index + 1}")
        if index == len(urls):
            urls += [url] if url else []
        elif url:
            urls[index] = url
        else:
            del urls[index]
        config.scanner.urls = urls
    elif kind is DeviceKind.RFID:
        config.rfid.url = url
    elif kind is DeviceKind.DISPLAY:
        config.display.url = url
    return configured(config)


def list_devices(config: Config, registry: DriverRegistry | None = None) -> dict[str, Any]:
    registry = registry or default_registry()
    devices = []
    for kind, url in configured(config):
        entry: dict[str, Any] = {"kind": kind.value, "url": url, "driver": None, "problem": None,
                                 "present": None}
        try:
            info, parsed = registry.lookup(kind, url)
            entry["driver"] = info.summary
            entry["present"] = _present(parsed)
        except DeviceUrlError as exc:
            entry["problem"] = str(exc)
        devices.append(entry)
    ports = [{"device": p.device, "description": p.description, "usb_id": p.usb_id,
              "serial_number": p.serial_number, "manufacturer": p.manufacturer, "product": p.product,
              "url": _suggested_url(p.device, p.serial_number)} for p in serial_ports()]
    printers = [{"device": str(n), "url": f"file://{n}"} for n in sorted(Path("/dev/usb").glob("lp*"))]
    cameras = [{"device": str(n), "url": f"camera://{n}"} for n in sorted(Path("/dev").glob("video*"))]
    drivers = [{"kind": d.kind.value, "scheme": d.scheme, "summary": d.summary,
                "unavailable": d.unavailable()} for d in registry.drivers()]
    return {"configured": devices, "serial_ports": ports, "printer_nodes": printers, "cameras": cameras,
            "drivers": drivers}


def _present(url: Any) -> bool | None:
    """Whether the device node is there now (serial ports, device files); None when we cannot tell."""
    if url.scheme == "serial":
        from drivers.ports import resolve_port

        port = resolve_port(url.serial_port, url.param("serial_number"), url.param("vid_pid"))
        if port.startswith("/"):
            return Path(port).exists()
        return any(p.device.upper() == port.upper() for p in serial_ports())
    if url.scheme == "file" or (url.scheme == "camera" and url.target.startswith("/")):
        return Path(url.target).exists()
    return None


def _suggested_url(device: str, serial_number: str | None) -> str:
    return f"serial://{device}" + (f"?serial_number={serial_number}" if serial_number else "")


def guess_kind(url: str, registry: DriverRegistry) -> DeviceKind:
    """The kind of device a URL names when the command line did not say (--as)."""
    parsed = parse_device_url(url)
    if parsed.scheme == "sim":
        aliases = {"llrp": DeviceKind.RFID, "camera": DeviceKind.SCANNER}
        if parsed.target in aliases:
            return aliases[parsed.target]
        for kind in DeviceKind:
            if parsed.target.startswith(kind.value):
                return kind
    if parsed.scheme == "serial" and parsed.param("protocol"):
        return DeviceKind.RFID
    kinds = registry.kinds_for(parsed)
    if len(kinds) == 1:
        return kinds[0]
    if not kinds:
        raise DeviceUrlError(f"{url!r}: no driver takes {parsed.scheme}://")
    names = ", ".join(k.value for k in kinds)
    raise DeviceUrlError(f"{url!r} could be a {names}: say which with --as")


def test_device(url: str, kind: DeviceKind, config: Config, data_dir: Path, *, seconds: float = 10.0,
                report: Report | None = None, paper_mm: int | None = None, drawer_pin: int | None = None,
                registry: DriverRegistry | None = None) -> dict[str, Any]:
    registry = registry or default_registry()
    report = report or (lambda what, data: None)
    context = DeviceContext(data_dir, {"profile": printer_profile(config, paper_mm, drawer_pin),
                                       "rfid_window_ms": config.rfid.window_ms})
    device = registry.open(kind, url, context)
    if kind is DeviceKind.PRINTER:
        return _test_printer(url, device, context.settings["profile"], report)
    if kind is DeviceKind.SCANNER:
        return _test_reader(url, kind, device, seconds, report)
    if kind is DeviceKind.RFID:
        return _test_reader(url, kind, device, seconds, report)
    return _test_display(url, device, seconds)


def _test_display(url: str, display: Any, seconds: float) -> dict[str, Any]:
    """Both lines filled edge to edge, then the welcome text: IT sees width, alignment and Chinese."""
    from drivers.interfaces import DisplayContent

    shown = []
    try:
        for content in (DisplayContent(line="显示测试 DISPLAY TEST", amount="8.88", total="1234567.89",
                                       line_en="DISPLAY TEST"),
                        DisplayContent(line="欢迎光临", line_en="WELCOME")):
            display.show(content)
            shown.append(content.line_en)
            time.sleep(min(max(seconds, 0.0), 3.0) / 2)
        ok, detail = True, ""
    except Exception as exc:
        ok, detail = False, str(exc)
    finally:
        display.close()
    return {"kind": "display", "url": url, "shown": shown, "ok": ok, "detail": detail}


test_device.__test__ = False  # type: ignore[attr-defined]  # not a pytest test, despite its name


def _test_printer(url: str, printer: Any, profile: PaperProfile, report: Report) -> dict[str, Any]:
    result: dict[str, Any] = {"kind": "printer", "url": url, "columns": profile.columns,
                              "drawer_pin": profile.drawer_pin, "printed": False}
    started = time.monotonic()
    state = printer.status()
    result["status"] = state.condition.value
    result["status_detail"] = state.detail
    report("status", {"status": state.condition.value, "detail": state.detail})
    if not state.can_print:
        result["detail"] = f"not sent: the printer reports {state.condition.value}"
        return result
    page = printer_test_page(url, profile, datetime.now())
    data = printer.render(page)
    try:
        printer.send(page.job_id, data)
    except Exception as exc:
        result["detail"] = str(exc)
        result["status"] = PrinterCondition.UNREACHABLE.value
        return result
    result.update(printed=True, bytes=len(data), job_id=page.job_id, drawer_kicked=page.open_drawer,
                  seconds=round(time.monotonic() - started, 3))
    return result


def _test_reader(url: str, kind: DeviceKind, device: Any, seconds: float, report: Report) -> dict[str, Any]:
    items: list[dict[str, Any]] = []
    statuses: list[dict[str, Any]] = []
    lock = threading.Lock()

    def on_item(item: Scan | TagRead) -> None:
        if isinstance(item, Scan):
            entry = {"data": item.data, "symbology": item.symbology, "aim": item.aim}
        else:
            entry = _tag_entry(item)
        with lock:
            items.append(entry)
        report("scan" if kind is DeviceKind.SCANNER else "tag", entry)

    def on_status(status: DeviceStatus) -> None:
        entry = {"event": status.event.value, "detail": status.detail}
        with lock:
            statuses.append(entry)
        report("status", entry)

    device.start(on_item, on_status)
    try:
        _demo_input(device)
        time.sleep(max(0.0, seconds))
    finally:
        device.stop()
    key = "scans" if kind is DeviceKind.SCANNER else "tags"
    with lock:
        return {"kind": kind.value, "url": url, "seconds": seconds, key: list(items),
                "events": list(statuses), "rejected": getattr(device, "rejected", 0)}


def _tag_entry(tag: TagRead) -> dict[str, Any]:
    from drivers.rfid.epc import decode_epc

    decoded = decode_epc(tag.epc)
    return {"epc": tag.epc, "antenna": tag.antenna, "rssi": tag.rssi, "scheme": decoded.scheme,
            "gtin": decoded.gtin, "serial": decoded.serial, "gs1": decoded.gs1}


def _demo_input(device: Any) -> None:
    """A simulator has no one to scan: it sends a few reads of its own, so the test shows something."""
    simulator = getattr(device, "simulator", None)
    if simulator is None:
        return
    time.sleep(0.1)
    demo = getattr(simulator, "demo", None)
    if demo is not None:
        demo()
    elif hasattr(simulator, "scan"):
        simulator.scan("6901234567892", aim="]E0")
        simulator.scan("\x1d0106901234567892\x1d10LOT42", aim="]C1")
