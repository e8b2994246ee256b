"""Running a send job (mail_worker.SendJob) from a dialog: progress bar, Cancel, the result.

Shared by the invitation and the recording dialogs. The dialog provides `send_runner` (a
TaskRunner), `progress` (a QProgressBar), `cancel_button`, `show_status(text, error=...)` and
`after_send_run()`; `worker` is the running Task (None when no run is going on).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from kenshu_desk.services.mail.outbox import SendReport
from kenshu_desk.ui.mail.mail_worker import SendJob
from kenshu_desk.ui.shell.workers import Task, TaskRunner


def _tr(text: str) -> str:
    return QCoreApplication.translate("SendRun", text)


SHOWN_PROBLEMS = 5  # the rest are in 送信済みメール (failures first there)


def problem_text(report: SendReport) -> str:
    """The run's summary, then who failed (or is unknown) and why, one line each."""
    lines = [str(report.summary())]
    for problem in report.problems[:SHOWN_PROBLEMS]:
        mark = _tr("送信失敗") if problem.status == "failed" else _tr("送信結果不明")
        lines.append(f"・{mark} {problem.line()}")
    if len(report.problems) > SHOWN_PROBLEMS:
        lines.append(
            _tr("ほか {0} 件は「送信済みメール」で確かめられます。").format(
                len(report.problems) - SHOWN_PROBLEMS
            )
        )
    return "\n".join(lines)


class SendRunMixin:
    worker: Task | None
    send_runner: TaskRunner
    progress: Any
    cancel_button: Any

    def show_status(self, text: str, *, error: bool = False) -> None:
        raise NotImplementedError

    def after_send_run(self) -> None:
        """Refresh what the dialog shows once a run has ended."""

    def start_send_run(self, job: SendJob) -> None:
        """Show the progress and start the job on the dialog's runner."""
        self.worker = self.send_runner.start(
            job,
            self._finished,
            self._failed,
            self._progress,
            on_cancel=job.cancel,
            on_note=self._note,
        )
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.cancel_button.setVisible(True)
        self.cancel_button.setEnabled(True)
        self.show_status(_tr("送信を始めます…"))

    def _progress(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.setFormat(f"{done}/{total}")

    def _note(self, current: str) -> None:
        self.show_status(current)

    def _end_run(self) -> None:
        self.worker = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.after_send_run()

    def _finished(self, report: SendReport) -> None:
        self._end_run()
        self.show_status(problem_text(report), error=bool(report.failed or report.error))

    def _failed(self, message: str) -> None:
        self._end_run()
        self.show_status(message, error=True)

    def cancel_sending(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.cancel_button.setEnabled(False)
            self.show_status(_tr("送信中のメールが終わりしだい中止します…"))
