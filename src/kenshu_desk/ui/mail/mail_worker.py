"""Sending mail off the GUI thread: a QRunnable on the global QThreadPool, with Cancel.

The worker never shares a Session with the GUI: it is given the Database and opens its own
sessions (the outbox service commits per message). Progress and the result come back as
queued signals, so slots run on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from kenshu_desk.database import Database
from kenshu_desk.errors import UserError
from kenshu_desk.mail.transport import SmtpConfig, SmtpTransport
from kenshu_desk.services.mail.outbox import SendProgress, SendReport, send_queued


class WorkerSignals(QObject):
    progress = Signal(int, int, str)  # done, total, current recipient / note
    finished = Signal(object)  # SendReport (or whatever the job returns)
    failed = Signal(str)  # a message for the user


class SendWorker(QRunnable):
    """Optionally prepare (queue messages in its own transaction), then send the queue.

    `prepare` may return the outbox ids it queued: then exactly those are sent."""

    def __init__(
        self,
        db: Database,
        config: SmtpConfig,
        *,
        event_id: int | None = None,
        ids: list[int] | None = None,
        prepare: Callable[[], Any] | None = None,
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the dialog keeps it until its signals are done
        self.signals = WorkerSignals()
        self._db = db
        self._config = config
        self._event_id = event_id
        self._ids = ids
        self._prepare = prepare
        self._cancelled = False
        self._transport: SmtpTransport | None = None

    def cancel(self) -> None:
        """Stop before the next message; a wait for a server that does not answer while
        connecting ends at once (the message in flight, if any, is never cut off)."""
        self._cancelled = True
        transport = self._transport
        if transport is not None:
            transport.abort()

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def _progress(self, p: SendProgress) -> None:
        self.signals.progress.emit(p.done, p.total, p.current)

    def run(self) -> None:
        try:
            ids = self._ids
            if self._prepare is not None:
                self.signals.progress.emit(0, 0, "メールを作成しています")
                prepared = self._prepare()
                if isinstance(prepared, list):
                    ids = prepared
            if self._cancelled:
                self.signals.finished.emit(SendReport(cancelled=True))
                return
            self._transport = SmtpTransport(self._config)
            report: SendReport = send_queued(
                self._db,
                self._transport,
                event_id=self._event_id,
                ids=ids,
                progress=self._progress,
                should_cancel=lambda: self._cancelled,
            )
        except UserError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:
            # Only the kind of error: its text may carry names, addresses or the message.
            self.signals.failed.emit(
                f"送信中に予期しないエラーが起きました（{type(exc).__name__}）"
            )
        else:
            self.signals.finished.emit(report)


class FunctionWorker(QRunnable):
    """Run one function off the GUI thread (a test message, a connection check)."""

    def __init__(self, function: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = WorkerSignals()
        self._function = function

    def run(self) -> None:
        try:
            result = self._function()
        except UserError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:
            self.signals.failed.emit(str(exc) or repr(exc))
        else:
            self.signals.finished.emit(result)


def start(worker: QRunnable) -> None:
    QThreadPool.globalInstance().start(worker)
