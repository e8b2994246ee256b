"""返信（出欠の回答）: what the people invited answered, read from the mailbox or from files.

"受信サーバーから取り込む" reads the organiser's mailbox (IMAP) on a worker, with progress and
Cancel; files (.eml, Outlook .msg, .ics) come from a file dialog or are dropped on the
window. The mailbox is only read: nothing is marked as read, moved or deleted.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kenshu_desk.database import Database
from kenshu_desk.messages import msg
from kenshu_desk.services.replies.actions import reply_list
from kenshu_desk.services.replies.record import ImportSummary, ReplyRow, answer_counts
from kenshu_desk.ui.participants.participant_models import TupleTableModel
from kenshu_desk.ui.shell.i18n import date_time_label
from kenshu_desk.ui.shell.widgets import fit_to_screen
from kenshu_desk.ui.shell.workers import Task, TaskRunner

FILE_SUFFIXES = (".eml", ".msg", ".ics")
ANSWER_COLOURS = {
    "ACCEPTED": QColor("#dff0d8"),
    "DECLINED": QColor("#f2dede"),
    "TENTATIVE": QColor("#fcf8e3"),
}
LISTED_COLOUR = QColor("#fde2c4")
SOURCE_LABELS = {"imap": "受信サーバー", "eml": ".eml", "msg": ".msg", "ics": ".ics"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReplyLabels", text)


def answer_label(row: ReplyRow) -> str:
    """出席予定 / 欠席の連絡 / 未定, 要確認 (…) for the listed ones, "" for no answer."""
    if row.status is None:
        return ""
    if row.status == "unknown_address":
        return _tr("要確認（招待していないアドレス）")
    if row.status == "delegated":
        return _tr("要確認（代理を指名）")
    if row.status == "counter":
        return _tr("要確認（別の日時を提案）")
    label = {
        "ACCEPTED": _tr("出席予定"),
        "DECLINED": _tr("欠席の連絡"),
        "TENTATIVE": _tr("未定"),
    }.get(row.partstat or "", row.partstat or "")
    if row.earlier_version:
        label += _tr("（変更前の案内への返信）")
    return label


def counts_text(rows: list[ReplyRow]) -> str:
    counts = answer_counts(rows)
    text = _tr("出席予定 {0} 人、欠席の連絡 {1} 人、未定 {2} 人、返信なし {3} 人").format(
        counts["ACCEPTED"], counts["DECLINED"], counts["TENTATIVE"], counts["none"]
    )
    if counts["listed"]:
        text += _tr("、要確認 {0} 件").format(counts["listed"])
    return text


def summary_text(summary: ImportSummary) -> str:
    names = ("mails", "applied", "listed", "duplicates", "not_ours", "not_reply", "malformed")
    counts = {n: getattr(summary, n) for n in names} | {"already_read": summary.already_read}
    text = str(msg("replies.summary", **counts))
    if summary.left_alone:
        text += "\n" + str(msg("replies.left_alone", names="、".join(summary.left_alone)))
    return text


class ReplyDialog(QDialog):
    HEADERS = ("回答", "氏名", "アドレス", "日時", "コメント", "経路")

    def __init__(self, db: Database, event_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.event_id = event_id
        self.setWindowTitle(self.tr("返信（出欠の回答）"))
        self.setAcceptDrops(True)
        self.runner = TaskRunner(self)
        self.runner.busy_changed.connect(self._busy)
        self.task: Task | None = None

        self.counts = QLabel()
        self.model = TupleTableModel([self.tr(h) for h in self.HEADERS], self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        for col, width in enumerate((230, 110, 230, 215, 190, 80)):
            self.view.setColumnWidth(col, width)
        self.view.horizontalHeader().setStretchLastSection(True)
        hint = QLabel(
            self.tr(
                "返信のメール（.eml）、Outlook のメッセージ（.msg）、予定表（.ics）を"
                "ここにドロップしても取り込めます。受信サーバーのメールは既読にも移動にもしません。"
            )
        )
        hint.setWordWrap(True)

        self.fetch_button = QPushButton(self.tr("受信サーバーから取り込む(&F)"))
        self.fetch_button.clicked.connect(self.fetch)
        self.files_button = QPushButton(self.tr("ファイルから取り込む(&O)…"))
        self.files_button.clicked.connect(lambda: self.choose_files())
        self.settings_button = QPushButton(self.tr("受信サーバーの設定(&S)…"))
        self.settings_button.clicked.connect(self.open_settings)
        self.assign_button = QPushButton(self.tr("申込者の回答にする(&A)…"))
        self.assign_button.setToolTip(
            self.tr("招待していないアドレスからの返信を、選んだ申込者の回答として反映します")
        )
        self.assign_button.clicked.connect(lambda: self.assign_selected())
        self.assign_button.setEnabled(False)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.cancel_button = QPushButton(self.tr("取り込みを中止(&C)"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        bar = QHBoxLayout()
        for button in (
            self.fetch_button,
            self.settings_button,
            self.files_button,
            self.cancel_button,
        ):
            bar.addWidget(button)
        bar.addWidget(self.progress, 1)
        bar.addWidget(self.assign_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.view, 1)
        layout.addWidget(hint)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        fit_to_screen(self, 1080, 560)
        self.refresh()

    # -- data ----------------------------------------------------------------------------

    def refresh(self) -> None:
        rows = reply_list(self.db, self.event_id)
        self.rows = rows
        self.counts.setText(counts_text(rows))
        table = [
            (
                answer_label(r),
                r.name,
                r.address,
                date_time_label(r.replied_at),
                " ".join(p for p in (r.proposal, r.delegated_to, r.comment) if p),
                _tr(SOURCE_LABELS[r.source]) if r.source in SOURCE_LABELS else (r.source or ""),
            )
            for r in rows
        ]
        colours = [
            LISTED_COLOUR
            if r.status not in (None, "applied")
            else ANSWER_COLOURS.get(r.partstat or "")
            if r.status
            else None
            for r in rows
        ]
        self.model.set_rows(table, colours, [r.comment for r in rows])
        self._selection_changed()

    def selected_row(self) -> ReplyRow | None:
        chosen = self.view.selectionModel().selectedRows()
        return self.rows[chosen[0].row()] if chosen else None

    def _selection_changed(self, *_args: object) -> None:
        row = self.selected_row()
        self.assign_button.setEnabled(row is not None and row.status == "unknown_address")

    def assign_selected(self, participant_id: int | None = None) -> None:
        """Make the selected reply (from an address not invited) a registrant's answer."""
        from PySide6.QtWidgets import QInputDialog

        from kenshu_desk.errors import UserError
        from kenshu_desk.services.replies.actions import assign_reply

        row = self.selected_row()
        if row is None or row.reply_id is None or row.status != "unknown_address":
            return
        people = [(r.participant_id, r.name) for r in self.rows if r.participant_id is not None]
        if participant_id is None:
            names = [f"{name}（{pid}）" for pid, name in people]
            chosen, ok = QInputDialog.getItem(
                self,
                self.tr("申込者の回答にする"),
                self.tr("{0} からの返信を、どの申込者の回答にしますか").format(row.address),
                names,
                0,
                False,
            )
            if not ok or chosen not in names:
                return
            participant_id = people[names.index(chosen)][0]
        try:
            assign_reply(self.db, row.reply_id, participant_id)
        except UserError as exc:
            self.show_status(str(exc), error=True)
            return
        self.refresh()
        self.show_status(self.tr("返信を申込者の回答として反映しました。"))

    # -- fetching and importing ----------------------------------------------------------

    def fetch(self) -> None:
        from kenshu_desk.mail.imap import ImapConfig
        from kenshu_desk.mail.imap_settings import get_imap_password, load_imap_settings
        from kenshu_desk.services.replies.fetch import fetch_replies

        settings = load_imap_settings()
        if not settings.host.strip():
            self.show_status(str(msg("replies.imap_no_host")), error=True)
            return
        config = ImapConfig(settings, get_imap_password(settings))
        self._start(lambda progress, cancelled: fetch_replies(self.db, config, progress, cancelled))

    def open_settings(self) -> None:
        from kenshu_desk.ui.mail.imap_settings_dialog import ImapSettingsDialog

        ImapSettingsDialog(self).exec()

    def choose_files(self, paths: list[str] | None = None) -> None:
        if paths is None:
            paths, _ = QFileDialog.getOpenFileNames(
                self,
                self.tr("返信のファイルを選ぶ"),
                "",
                self.tr("返信（*.eml *.msg *.ics）"),
            )
        if paths:
            self.import_paths([Path(p) for p in paths])

    def import_paths(self, paths: list[Path]) -> None:
        from kenshu_desk.services.replies.files import import_files

        self._start(lambda progress, cancelled: import_files(self.db, paths, progress))

    def _start(self, work: Any) -> None:
        if self.runner.busy:
            return
        self.show_status(self.tr("取り込んでいます…"))
        self.progress.setRange(0, 0)
        self.task = self.runner.start(work, self._done, self._failed, self._progress)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _done(self, summary: ImportSummary) -> None:
        text = summary_text(summary)
        if self.task is not None and self.task.cancelled:
            text = f"{msg('replies.cancelled')}\n{text}"
        self.show_status(text, error=bool(summary.left_alone))
        self.refresh()

    def _failed(self, text: str) -> None:
        self.show_status(text, error=True)
        self.refresh()  # what was read before the failure is recorded: show it

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.show_status(self.tr("中止しています…"))

    def _busy(self, busy: bool) -> None:
        self.fetch_button.setEnabled(not busy)
        self.settings_button.setEnabled(not busy)
        self.files_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.progress.setVisible(busy)

    def show_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #a94442" if error else "")

    # -- drag and drop -------------------------------------------------------------------

    @staticmethod
    def _dropped(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        paths = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
        return [p for p in paths if p.suffix.lower() in FILE_SUFFIXES]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped(event) and not self.runner.busy:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._dropped(event)
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    def done(self, result: int) -> None:
        """Closing stops a fetch (after the mail being read) and waits for it to end."""
        self.runner.cancel()
        self.runner.wait()
        super().done(result)
