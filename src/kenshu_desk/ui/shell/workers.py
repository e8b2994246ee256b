"""Long work off the GUI thread: a QRunnable with progress, cancel, and a result signal.

The work function receives ``progress(done, total)`` and ``cancelled() -> bool``; it calls
services, which open their own sessions on the worker (a session is never shared across
threads). Results and errors come back as queued signals, so slots run on the GUI thread.
A UserError's message is shown as it is; anything else is reported as an unexpected error
with its type.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from kenshu_desk.errors import UserError

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class TaskSignals(QObject):
    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    finished = Signal()


class Task(QRunnable):
    def __init__(self, work: Work) -> None:
        super().__init__()
        self.work = work
        self.signals = TaskSignals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)  # the owner keeps it until finished

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self.work(self.signals.progress.emit, self._cancel.is_set)
        except UserError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # a bug: keep the window alive and say what happened
            traceback.print_exc()
            self.signals.failed.emit(
                f"予期しないエラーが発生しました（{type(exc).__name__}: {exc}）"
            )
        else:
            self.signals.succeeded.emit(result)
        finally:
            self.signals.finished.emit()


class TaskRunner(QObject):
    """Runs one task at a time for a dialog, on its own pool, and can wait for it."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.task: Task | None = None

    def start(
        self,
        work: Work,
        on_success: Callable[[Any], None],
        on_failure: Callable[[str], None],
        on_progress: Callable[[int, int], None] | None = None,
    ) -> Task:
        task = Task(work)
        task.signals.succeeded.connect(on_success)
        task.signals.failed.connect(on_failure)
        if on_progress is not None:
            task.signals.progress.connect(on_progress)
        # A bound slot (not a lambda): Qt drops the connection when this runner is deleted
        # first (its window closed while the task was still running).
        task.signals.finished.connect(self._on_finished)
        self.task = task
        self.busy_changed.emit(True)
        self.pool.start(task)
        return task

    def _on_finished(self) -> None:
        # An earlier task may finish after a new one started (its signals are queued).
        if self.task is not None and self.sender() is self.task.signals:
            self.task = None
            self.busy_changed.emit(False)

    @property
    def busy(self) -> bool:
        return self.task is not None

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)
