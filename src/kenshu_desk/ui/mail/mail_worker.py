"""Sending mail as a Task (ui/shell/workers.py): prepare, then send the queue, with Cancel.

The work never shares a Session with the GUI: the outbox service opens its own sessions
(it commits per message). Progress (done, total, recipient) comes back through the task's
signals; the result is a SendReport.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication

from kenshu_desk.database import Database
from kenshu_desk.mail.transport import SmtpConfig, SmtpTransport
from kenshu_desk.services.mail.outbox import SendProgress, SendReport, send_queued
from kenshu_desk.ui.shell.workers import Progress


@dataclass
class SendJob:
    """What a send run does on the worker, and how Cancel reaches its connection."""

    db: Database
    config: SmtpConfig
    event_id: int | None = None
    ids: list[int] | None = None
    # Queues the messages in its own transaction; may return the outbox ids it queued:
    # then exactly those are sent.
    prepare: Callable[[], Any] | None = None
    _transport: SmtpTransport | None = field(default=None, repr=False)

    def cancel(self) -> None:
        """The task's Cancel (its flag is set first, so the run stops before the next
        message): a wait for a server that does not answer while connecting ends at once
        (the message in flight, if any, is never cut off)."""
        transport = self._transport
        if transport is not None:
            transport.abort()

    def __call__(self, progress: Progress, cancelled: Callable[[], bool]) -> SendReport:
        ids = self.ids
        if self.prepare is not None:
            progress(0, 0, QCoreApplication.translate("SendRun", "メールを作成しています"))
            prepared = self.prepare()
            if isinstance(prepared, list):
                ids = prepared
        if cancelled():
            return SendReport(cancelled=True)
        self._transport = SmtpTransport(self.config)
        if cancelled():  # Cancel came while the transport was being made
            self._transport.abort()

        def report(p: SendProgress) -> None:
            progress(p.done, p.total, p.current)

        return send_queued(
            self.db,
            self._transport,
            event_id=self.event_id,
            ids=ids,
            progress=report,
            should_cancel=cancelled,
        )
