"""Camera decodes per second at 640x480 and 1280x720: zxing-cpp against pyzbar, on the same frames.

Frames are real images: a QR code and an EAN-13 placed in a shelf-like scene, plus empty
frames (most frames a camera scanner sees hold no code). The faster decoder is the
default of camera:// (decoder=zxing|zbar). No target: the figures decide the default.
Usage: python bench/camera_decode.py [--seconds 3]
"""

from __future__ import annotations

import argparse
import time

import cv2
import numpy as np
import qrcode
from barcode import EAN13
from barcode.writer import ImageWriter
from common import report  # noqa: F401  (sets up the import path)

from drivers.scanner.camera import DECODERS


def scene(width: int, height: int, kind: str, rng: np.random.Generator) -> np.ndarray:
    # a shelf-like background: smooth shapes and mild sensor noise, not white noise
    frame = cv2.GaussianBlur(rng.integers(60, 220, (height // 16, width // 16), dtype=np.uint8), (3, 3), 0)
    frame = cv2.resize(frame, (width, height), interpolation=cv2.INTER_CUBIC)
    frame = cv2.add(frame, rng.integers(0, 8, (height, width), dtype=np.uint8))
    if kind == "qr":
        code = np.array(qrcode.make("https://example.com/pickup/0123456789").convert("L"))
    elif kind == "ean":
        image = EAN13("690123456789", writer=ImageWriter()).render({"module_width": 0.3})
        code = np.array(image.convert("L"))
    else:
        return frame
    side = min(height, width) // 2
    scale = side / max(code.shape)
    code = cv2.resize(code, (int(code.shape[1] * scale), int(code.shape[0] * scale)),
                      interpolation=cv2.INTER_NEAREST)
    y, x = (height - code.shape[0]) // 2, (width - code.shape[1]) // 2
    frame[y:y + code.shape[0], x:x + code.shape[1]] = code
    return frame


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    rng = np.random.default_rng(6)
    for width, height in ((640, 480), (1280, 720)):
        frames = [scene(width, height, k, rng) for k in ("qr", "ean", "empty", "empty")]
        for name, make in DECODERS.items():
            decode = make()
            found = {t for f in frames[:2] for t, _s in decode(f)}
            n, started = 0, time.perf_counter()
            while time.perf_counter() - started < args.seconds:
                decode(frames[n % len(frames)])
                n += 1
            rate = n / (time.perf_counter() - started)
            print(f"{name:>6} {width}x{height}: {rate:7.1f} frames/s  (found {sorted(found)})", flush=True)


if __name__ == "__main__":
    main()
