"""The Qt binding itself must hold up for a shift of selling: a till emits signals all day.

PySide6 6.12.0 under Python 3.11 drops a reference to True on every Signal.emit, so after
a few hundred emits (a few dozen scans) the interpreter aborts in bool_dealloc.  This
pins the binding's behaviour, whichever version pyproject.toml lets in."""

from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Signal


class _Emitter(QObject):
    fired = Signal()
    carried = Signal(int)


class _Model(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 3

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 3

    def data(self, index, role=0):
        return None


def test_emitting_signals_leaves_the_interpreter_s_booleans_alone(qapp) -> None:
    emitter, model = _Emitter(), _Model()
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(50):
        emitter.fired.emit()
        emitter.carried.emit(1)
        model.dataChanged.emit(model.index(0, 0), model.index(2, 2))
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before
