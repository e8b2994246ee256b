"""The one way the window runs work off the GUI thread: a Task run by a TaskRunner.

A Task runs a work function ``work(progress, cancelled)``: ``progress(done, total, note="")``
reports how far it is (and, optionally, what it is doing: a recipient, a step);
``cancelled() -> bool`` says whether the user pressed Cancel. The work calls services, which
open their own sessions on the worker (a session is never shared across threads). Results
and errors come back as queued signals, so slots run on the GUI thread: ``succeeded(result)``,
``failed(message)`` — a UserError's message as it is; anything else as an unexpected error
naming only its type (its text may carry names, addresses or a message's content), with the
traceback on stderr for the log — then ``finished()``.

Cancel sets the flag the work polls and calls the task's ``on_cancel`` (e.g. the SMTP
transport's abort, which ends a wait for a silent server at once).

A TaskRunner runs its owner's tasks one after another on its own pool and can wait for
them (a window waits before it closes). ``wait_for_all_runners`` is for the tests: no test
may leave a task running.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from kenshu_desk.errors import UserError


class Progress(Protocol):
    def __call__(self, done: int, total: int, note: str = "", /) -> None: ...


Work = Callable[[Progress, Callable[[], bool]], Any]


class TaskSignals(QObject):
    progress = Signal(int, int)
    note = Signal(str)  # what the task is doing now, for the status line
    succeeded = Signal(object)
    failed = Signal(str)
    finished = Signal()


def unexpected_error_message(exc: BaseException) -> str:
    return QCoreApplication.translate(
        "workers", "予期しないエラーが発生しました（{0}）。詳しい記録は標準エラー出力にあります。"
    ).format(type(exc).__name__)


class Task(QRunnable):
    def __init__(self, work: Work, on_cancel: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.work = work
        self.signals = TaskSignals()
        self._cancel = threading.Event()
        self._on_cancel = on_cancel
        self.setAutoDelete(False)  # the owner keeps it until finished

    def cancel(self) -> None:
        self._cancel.set()
        if self._on_cancel is not None:
            self._on_cancel()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, done: int, total: int, note: str = "", /) -> None:
        self.signals.progress.emit(done, total)
        if note:
            self.signals.note.emit(note)

    def run(self) -> None:
        try:
            result = self.work(self._progress, self._cancel.is_set)
        except UserError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # a bug: keep the window alive and say what happened
            traceback.print_exc()
            self.signals.failed.emit(unexpected_error_message(exc))
        else:
            self.signals.succeeded.emit(result)
        finally:
            self.signals.finished.emit()


# Every runner's pool, kept for the life of the program and never a child of a window. A pool
# destroyed with its window (Qt deletes children) waits for its running task inside the
# destructor, while PySide holds the interpreter lock there; a task still in Python code (a
# team-mode poll finishing its read) then waits for that lock: both wait forever. Idle pools
# cost nothing (their threads end after 30 s).
_POOLS: list[QThreadPool] = []


def wait_for_all_runners(msecs: int = 30000) -> bool:
    """True when every runner's tasks have ended within msecs (tests: nothing left running)."""
    done = True
    for pool in list(_POOLS):
        done = pool.waitForDone(msecs) and done
    return done


class TaskRunner(QObject):
    """Runs one task at a time for a dialog, on its own pool, and can wait for it."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool()  # no parent: see _POOLS
        self.pool.setMaxThreadCount(1)
        _POOLS.append(self.pool)
        self.task: Task | None = None

    def start(
        self,
        work: Work,
        on_success: Callable[[Any], None],
        on_failure: Callable[[str], None],
        on_progress: Callable[[int, int], None] | None = None,
        *,
        on_cancel: Callable[[], None] | None = None,
        on_note: Callable[[str], None] | None = None,
    ) -> Task:
        task = Task(work, on_cancel)
        if on_note is not None:
            task.signals.note.connect(on_note)
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


def start_thread(target: Callable[[], None], name: str) -> None:
    """Run target on a daemon thread of its own: for one database step the GUI thread waits
    for (ui/shell/db_wait.py). Not a pool's thread: a step stuck on a server that stopped
    answering must not hold up the next one."""
    threading.Thread(target=target, name=name, daemon=True).start()
