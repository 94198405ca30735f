"""Camera scanning on real images and a real video file, through OpenCV and both decoders."""

from __future__ import annotations

import queue
import time

import cv2
import numpy as np
import pytest
import qrcode
from barcode import EAN13
from barcode.writer import ImageWriter

from drivers.interfaces import DeviceEvent, DeviceKind
from drivers.registry import DeviceContext, default_registry
from drivers.scanner.camera import DECODERS
from drivers.urls import DeviceUrlError


def qr_image(data: str, path, size: int = 480):
    img = qrcode.make(data).convert("RGB").resize((size, size))
    canvas = np.full((480, 640, 3), 255, np.uint8)
    canvas[:size, 80:80 + size] = np.array(img)[:, :, ::-1]
    cv2.imwrite(str(path), canvas)
    return canvas


def ean_image(code: str, path) -> None:
    EAN13(code, writer=ImageWriter()).save(str(path.with_suffix("")), {"module_width": 0.4})


@pytest.mark.parametrize("decoder", ["zxing", "zbar"])
def test_decoders_read_qr_and_ean13(decoder, tmp_path):
    qr_image("PICKUP-123456", tmp_path / "qr.png")
    ean_image("690123456789", tmp_path / "ean.png")
    decode = DECODERS[decoder]()
    qr = decode(cv2.imread(str(tmp_path / "qr.png"), cv2.IMREAD_GRAYSCALE))
    ean = decode(cv2.imread(str(tmp_path / "ean.png"), cv2.IMREAD_GRAYSCALE))
    assert [t for t, _s in qr] == ["PICKUP-123456"]
    assert [t for t, _s in ean] == ["6901234567892"]
    assert decode(np.full((480, 640), 255, np.uint8)) == []


def test_a_code_held_in_front_of_the_camera_is_one_scan(tmp_path):
    qr_image("https://example.com/o/42", tmp_path / "qr.png")
    scanner = default_registry().open(DeviceKind.SCANNER, f"sim://camera?file={tmp_path / 'qr.png'}",
                                      DeviceContext(tmp_path))
    scans, events = queue.Queue(), queue.Queue()
    scanner.start(scans.put, events.put)
    try:
        first = scans.get(timeout=5)
        deadline = time.monotonic() + 5
        while scanner.frames < 10 and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        scanner.stop()
    assert first.data == "https://example.com/o/42" and first.symbology
    assert scans.empty() and scanner.scans == 1  # ten frames, one scan (debounced)


def test_a_video_file_plays_through_the_same_code(tmp_path):
    path = tmp_path / "counter.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 30, (640, 480))
    assert writer.isOpened()
    blank = np.full((480, 640, 3), 255, np.uint8)
    code = qr_image("6901234567892", tmp_path / "frame.png")
    for frame in [blank] * 10 + [code] * 10:
        writer.write(frame)
    writer.release()
    scanner = default_registry().open(DeviceKind.SCANNER, f"camera://{path}?decoder=zbar",
                                      DeviceContext(tmp_path))
    scans, events = queue.Queue(), queue.Queue()
    scanner.start(scans.put, events.put)
    try:
        assert scans.get(timeout=5).data == "6901234567892"
        assert events.get(timeout=5).event is DeviceEvent.CONNECTED
    finally:
        scanner.stop()


def test_camera_urls(tmp_path):
    registry = default_registry()
    with pytest.raises(DeviceUrlError, match="file=PATH"):
        registry.open(DeviceKind.SCANNER, "sim://camera", DeviceContext(tmp_path))
    with pytest.raises(DeviceUrlError, match="decoder="):
        registry.open(DeviceKind.SCANNER, "camera://0?decoder=magic", DeviceContext(tmp_path))
    missing = registry.open(DeviceKind.SCANNER, "camera:///dev/video99", DeviceContext(tmp_path))
    events = queue.Queue()
    missing.start(lambda s: None, events.put)
    try:
        assert events.get(timeout=5).event is DeviceEvent.DISCONNECTED
    finally:
        missing.stop()
