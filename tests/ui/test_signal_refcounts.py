"""Emitting Qt signals from Python must not leak or lose references to Python's singletons.

PySide6 6.12.0 decrements True/False/None once per `Signal.emit()`; on Python 3.11, where those
objects are not immortal, the program aborts after a few thousand emits (a whole afternoon's
work in the window). pyproject.toml keeps 3.11 below 6.12; this test catches the next such
release before a user does (on 3.12+ the singletons are immortal and their counts fixed).
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    bare = Signal()
    number = Signal(int)
    thing = Signal(object)

    def slot(self, *_args: object) -> None:
        pass


def _counts() -> list[int]:
    gc.collect()
    return [sys.getrefcount(x) for x in (None, True, False)]


def test_emitting_signals_keeps_the_singletons_references(qapp) -> None:  # type: ignore[no-untyped-def]
    emitter = _Emitter()
    emitter.bare.connect(emitter.slot)
    emitter.number.connect(emitter.slot)
    emitter.thing.connect(lambda value: None)
    for _ in range(10):  # warm caches
        emitter.bare.emit()
    before = _counts()
    for n in range(60):
        emitter.bare.emit()
        emitter.number.emit(n)
        emitter.thing.emit(None)
    after = _counts()
    # A few references come and go with caches; a loss per emit would be 60 or more
    # (few enough emits that a leaking release fails here instead of aborting the run).
    assert all(abs(a - b) < 30 for a, b in zip(after, before, strict=True)), (before, after)
