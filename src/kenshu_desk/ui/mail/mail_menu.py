"""The mail features in the main window: File → Export calendar, and a メール menu.

Kept out of main_window.py so that it needs only one call there.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from kenshu_desk.atomic_file import write_atomically
from kenshu_desk.database import Database
from kenshu_desk.errors import UserError

if TYPE_CHECKING:
    from kenshu_desk.ui.shell.context import AppWindow

# The mail modules (email, smtplib, keyring) load when mail is first needed, after start-up.


class HasEvents(Protocol):
    db: Database

    def current_event_id(self) -> int | None: ...


def install_mail_menu(app: AppWindow) -> None:
    window = cast(QMainWindow, app)  # the parent of the dialogs
    host: HasEvents = app
    tr = window.tr
    file_menu = app.file_menu
    export = QAction(tr("カレンダーを書き出す(&C)…"), window)
    export.setShortcut(QKeySequence("Ctrl+Shift+E"))
    export.triggered.connect(lambda: export_calendar(window, host))
    file_menu.insertAction(app.quit_action, export)

    mail = app.mail_menu
    invite = QAction(tr("招待メールを送信(&I)…"), window)
    invite.setShortcut(QKeySequence("Ctrl+Shift+M"))
    invite.triggered.connect(lambda: open_invites(window, host))
    log = QAction(tr("送信済みメール(&L)…"), window)
    log.setShortcut(QKeySequence("Ctrl+Shift+L"))
    log.triggered.connect(lambda: open_outbox(window, host))
    recordings = QAction(tr("録画の送付と配信記録(&R)…"), window)
    recordings.setShortcut(QKeySequence("Ctrl+Shift+V"))
    recordings.triggered.connect(lambda: open_recordings(window, host))
    replies = QAction(tr("返信を取り込む(&P)…"), window)
    replies.triggered.connect(lambda: open_replies(window, host))
    reminders = QAction(tr("資料とリマインド(&M)…"), window)
    reminders.triggered.connect(lambda: open_reminders(window, host))
    settings = QAction(tr("メール設定(&S)…"), window)
    settings.triggered.connect(lambda: open_settings(window))
    for action in (invite, replies, reminders, recordings, log):
        mail.addAction(action)
    mail.addSeparator()
    mail.addAction(settings)
    # After the window has filled its list (which sets its own status message).
    QTimer.singleShot(0, window, lambda: announce_pending_mail(window, host))
    QTimer.singleShot(0, window, lambda: announce_due_reminders(window, host))


def announce_due_reminders(window: QMainWindow, host: HasEvents) -> None:
    """On the scheduled day (or after it, before the event), say which reminders are due."""
    import datetime as dt

    from kenshu_desk.services.reminders.actions import due_list

    try:
        due = due_list(host.db, dt.date.today())
    except UserError:
        return
    if due:
        titles = "、".join(f"「{d.title}」（{d.people} 人）" for d in due[:3])
        text = window.tr("リマインドの送付日です: {0}（メール → 資料とリマインド で送れます）")
        before = window.statusBar().currentMessage()
        shown = text.format(titles)
        window.statusBar().showMessage(f"{before}　{shown}" if before else shown, 60000)


def announce_pending_mail(window: QMainWindow, host: HasEvents) -> None:
    """After a crash or a stopped run, say on start-up that mail is waiting (no pop-up)."""
    from kenshu_desk.services.mail.actions import pending_mail
    from kenshu_desk.services.mail.outbox import recover_interrupted

    recover_interrupted(host.db)
    counts = pending_mail(host.db)
    parts = []
    if counts["queued"]:
        parts.append(window.tr("送信待ち {0} 件").format(counts["queued"]))
    if counts["unknown"]:
        parts.append(window.tr("送信結果不明 {0} 件").format(counts["unknown"]))
    if counts["failed"]:
        parts.append(window.tr("送信失敗 {0} 件").format(counts["failed"]))
    if parts:
        window.statusBar().showMessage(
            window.tr("メール: {0}（メール → 送信済みメール で確認できます）").format(
                "、".join(parts)
            ),
            30000,
        )


def _event_or_say(window: QMainWindow, host: HasEvents) -> int | None:
    event_id = host.current_event_id()
    if event_id is None:
        window.statusBar().showMessage(window.tr("行事を選んでください。"), 5000)
    return event_id


def export_calendar(window: QMainWindow, host: HasEvents, path: str | None = None) -> Path | None:
    event_id = _event_or_say(window, host)
    if event_id is None:
        return None
    from kenshu_desk.mail.settings import load_settings
    from kenshu_desk.services.mail.actions import event_calendar

    data, suggested = event_calendar(host.db, event_id, load_settings().alarm_minutes)
    if path is None:
        path, _ = QFileDialog.getSaveFileName(
            window, window.tr("カレンダーを書き出す"), suggested, window.tr("カレンダー (*.ics)")
        )
        if not path:
            return None
    target = Path(path)
    try:
        write_atomically(target, data)
    except UserError as exc:
        QMessageBox.warning(window, "kenshu-desk", str(exc))
        return None
    window.statusBar().showMessage(window.tr("{0} に書き出しました").format(target), 8000)
    return target


def open_invites(window: QMainWindow, host: HasEvents) -> None:
    from kenshu_desk.ui.mail.invite_dialog import InviteDialog

    event_id = _event_or_say(window, host)
    if event_id is not None:
        InviteDialog(host.db, event_id, window).exec()


def open_replies(window: QMainWindow, host: HasEvents) -> None:
    from kenshu_desk.ui.mail.replies_dialog import ReplyDialog

    event_id = _event_or_say(window, host)
    if event_id is not None:
        ReplyDialog(host.db, event_id, window).exec()


def open_recordings(window: QMainWindow, host: HasEvents) -> None:
    from kenshu_desk.ui.recordings.recordings_dialog import RecordingsDialog

    event_id = _event_or_say(window, host)
    if event_id is not None:
        RecordingsDialog(host.db, event_id, window).exec()


def open_reminders(window: QMainWindow, host: HasEvents) -> None:
    from kenshu_desk.ui.reminders.reminder_dialog import ReminderDialog

    event_id = _event_or_say(window, host)
    if event_id is not None:
        ReminderDialog(host.db, event_id, window).exec()


def open_outbox(window: QMainWindow, host: HasEvents) -> None:
    from kenshu_desk.ui.mail.outbox_view import OutboxView

    OutboxView(host.db, host.current_event_id(), window).exec()


def open_settings(window: QMainWindow) -> None:
    from kenshu_desk.ui.mail.mail_settings_dialog import MailSettingsDialog

    MailSettingsDialog(window).exec()
