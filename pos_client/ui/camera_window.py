"""The camera scanner window: what the camera sees (to aim the code) and the last code it read.

Frames arrive from the camera's own thread about ten times a second; only the
newest is painted, on the UI thread.  Opened when a camera URL asks for it
(`camera://0?preview=1`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from drivers.interfaces import Scan


class CameraWindow(QWidget):
    def __init__(self, url: str) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("cameraWindow")
        self.setWindowTitle(self.tr("Camera scanner"))
        self.picture = QLabel()
        self.picture.setMinimumSize(320, 240)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.last_label = QLabel(self.tr("Hold the code in front of the camera."))
        self.last_label.setObjectName("cameraLast")
        layout = QVBoxLayout(self)
        layout.addWidget(self.picture, 1)
        layout.addWidget(self.last_label)
        self.frames_shown = 0
        self.resize(680, 560)

    def show_frame(self, frame: Any) -> None:
        """A BGR frame (numpy array from OpenCV), scaled into the window."""
        height, width = frame.shape[:2]
        image = QImage(frame.data, width, height, frame.strides[0], QImage.Format.Format_BGR888).copy()
        self.picture.setPixmap(QPixmap.fromImage(image).scaled(
            self.picture.size(), Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.FastTransformation))
        self.frames_shown += 1

    def show_scan(self, scan: Scan) -> None:
        self.last_label.setText(self.tr("Read: {code}").format(code=scan.data[:80]))
