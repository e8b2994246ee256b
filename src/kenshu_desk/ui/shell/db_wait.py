"""An edit's transaction runs off the GUI thread; the window stays alive while it waits.

The undo stack calls a command's redo()/undo() synchronously and expects it done on return
(the next step may name the row it created). Across an office network one step costs a few
round trips; a server that stops answering would freeze the window until the connection
gives up. `run_waiting` keeps the synchronous contract but runs the step on a thread of its
own while the GUI thread keeps painting:

- a step that ends within FAST_SECONDS (SQLite, a near server) costs no event loop at all;
- until DIALOG_AFTER_SECONDS the window repaints and runs its timers, and what the user types
  is held back (delivered afterwards, nothing lost, nothing run in between);
- then a small modal dialog says the program is waiting for the server, with the seconds, and
  a button to stop waiting. Stopping (or WAIT_LIMIT_SECONDS) raises ServerNotAnswering: the
  step's thread is left to finish or fail on its own (a thread cannot be stopped from outside;
  its result is then ignored, and the team-mode poll shows whatever the server ends up with).

While a step is waited for, `edit_in_flight()` is true: the team-mode reload waits.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from kenshu_desk.database import DatabaseError
from kenshu_desk.ui.shell.workers import start_thread

T = TypeVar("T")

FAST_SECONDS = 0.05
DIALOG_AFTER_SECONDS = 0.3
WAIT_LIMIT_SECONDS = 60.0
_TICK_SECONDS = 0.01

_in_flight = 0


def edit_in_flight() -> bool:
    return _in_flight > 0


def _tr(text: str) -> str:
    return QCoreApplication.translate("db_wait", text)


class ServerNotAnswering(DatabaseError):
    """The user stopped waiting for the database server (or the wait limit passed)."""

    def __init__(self, seconds: float) -> None:
        super().__init__(
            _tr(
                "データベースサーバーが %1 秒応答しないため、待つのをやめました。"
                "この変更が保存されたかどうかは確かめられていません。"
            ).replace("%1", str(round(seconds)))
        )


def run_waiting(work: Callable[[], T], parent: QWidget | None = None) -> T:
    """work() run on a thread of its own; its result or exception, as if called here."""
    outcome: dict[str, object] = {}
    done = threading.Event()

    def target() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:  # handed over to the caller's thread
            outcome["error"] = exc
        finally:
            done.set()

    start_thread(target, "kenshu-desk-edit")
    if not done.wait(FAST_SECONDS):
        _wait_alive(done, parent)
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]


def _wait_alive(done: threading.Event, parent: QWidget | None) -> None:
    global _in_flight
    _in_flight += 1
    started = time.monotonic() - FAST_SECONDS
    dialog: QProgressDialog | None = None
    try:
        held = QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents
        while not done.wait(_TICK_SECONDS):
            waited = time.monotonic() - started
            if dialog is None and waited >= DIALOG_AFTER_SECONDS:
                dialog = _waiting_dialog(parent)
            if dialog is not None:
                dialog.setLabelText(_label(waited))
                if dialog.wasCanceled() or waited >= WAIT_LIMIT_SECONDS:
                    raise ServerNotAnswering(waited)
                QApplication.processEvents()  # the dialog is modal: only it takes input
            else:
                QApplication.processEvents(held)
    finally:
        _in_flight -= 1
        if dialog is not None:
            dialog.close()
            dialog.deleteLater()


def _label(waited: float) -> str:
    return _tr("データベースサーバーの応答を待っています（%1 秒）…").replace(
        "%1", str(int(waited))
    )


def _waiting_dialog(parent: QWidget | None) -> QProgressDialog:
    dialog = QProgressDialog(_label(DIALOG_AFTER_SECONDS), _tr("待つのをやめる"), 0, 0, parent)
    dialog.setWindowTitle(_tr("保存しています"))
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.show()
    return dialog
