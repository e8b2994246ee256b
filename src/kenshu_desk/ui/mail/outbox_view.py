"""The sent-mail log: every message with its state, the server's answer, and "send again"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kenshu_desk.database import Database
from kenshu_desk.mail.settings import get_password, load_settings
from kenshu_desk.mail.templates import kind_label
from kenshu_desk.services.mail.actions import outbox_entries
from kenshu_desk.services.mail.outbox import (
    RESENDABLE,
    STATUS_LABELS,
    OutboxEntry,
    SendReport,
    Status,
    recover_interrupted,
    requeue,
)
from kenshu_desk.ui.mail.mail_worker import SendJob
from kenshu_desk.ui.shell.i18n import date_time_label
from kenshu_desk.ui.shell.labels import shown
from kenshu_desk.ui.shell.list_model import ListTableModel
from kenshu_desk.ui.shell.widgets import fit_to_screen
from kenshu_desk.ui.shell.workers import Task, TaskRunner

_Index = QModelIndex | QPersistentModelIndex
ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
TROUBLE = {Status.FAILED.value, Status.UNKNOWN.value}
# "Send again" for failed / unknown / saved / sent ones; queued ones left by a stopped run
# are simply sent.
SENDABLE = {s.value for s in RESENDABLE} | {Status.QUEUED.value}


def _status_label(status: str) -> str:
    """The state's label in the window's language (a Message); an unknown value as stored."""
    label = next((label for s, label in STATUS_LABELS.items() if s.value == status), None)
    return status if label is None else str(label)


class OutboxModel(ListTableModel):
    HEADERS = (
        "状態",
        "種類",
        "宛先",
        "アドレス",
        "件名",
        "試行",
        "送信日時",
        "サーバーの応答・エラー",
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [QCoreApplication.translate("OutboxModel", h) for h in self.HEADERS], parent
        )

    def entry(self, row: int) -> OutboxEntry:
        return self._rows[row]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        e = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(e, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 7:
            return e.error or e.server_reply or None
        if role == Qt.ItemDataRole.ForegroundRole and e.status in TROUBLE:
            return QBrush(QColor("#a00000"))
        if role == ENTRY_ID_ROLE:
            return e.id
        return None

    @staticmethod
    def _text(e: OutboxEntry, column: int) -> str:
        match column:
            case 0:
                return _status_label(e.status)
            case 1:
                return shown(kind_label(e.kind))
            case 2:
                return e.recipient_name
            case 3:
                return e.recipient
            case 4:
                return e.subject
            case 5:
                return str(e.attempts)
            case 6:
                return date_time_label(e.sent_at)
            case 7:
                return (e.error or e.server_reply).replace("\n", " ")
        return ""


class OutboxView(QDialog):
    def __init__(
        self, db: Database, event_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.event_id = event_id
        self.worker: Task | None = None
        self.send_runner = TaskRunner(self)
        self.setWindowTitle(self.tr("送信済みメール"))
        self.model = OutboxModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Subjects are long and alike; the server's answer is what the organiser looks for.
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(4, 240)
        header.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.only_event = QCheckBox(self.tr("選択中の行事のみ(&O)"))
        self.only_event.setChecked(event_id is not None)
        self.only_event.setEnabled(event_id is not None)
        self.only_event.toggled.connect(self.reload)
        self.order = QComboBox()
        self.order.addItem(self.tr("失敗・結果不明を先頭に"), "first")
        self.order.addItem(self.tr("失敗・結果不明だけ"), "only")
        self.order.addItem(self.tr("送信した順"), "all")
        self.order.setToolTip(self.tr("送れなかったメールを探しやすく並べます"))
        self.order.currentIndexChanged.connect(self.reload)
        self.summary = QLabel()
        self.resend_button = QPushButton(self.tr("再送(&R)"))
        self.resend_button.setToolTip(
            self.tr(
                "選んだメールを送ります（失敗・結果不明のものはもう一度、送信待ちのものはそのまま）"
            )
        )
        self.resend_button.clicked.connect(self.resend_selected)
        self.reload_button = QPushButton(self.tr("最新の状態に更新"))
        self.reload_button.setShortcut(QKeySequence.StandardKey.Refresh)
        self.reload_button.clicked.connect(self.reload)
        self.cancel_button = QPushButton(self.tr("キャンセル"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self._cancel)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.only_event)
        top.addWidget(self.order)
        top.addStretch()
        top.addWidget(self.summary)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.cancel_button)
        bottom.addStretch()
        bottom.addWidget(self.reload_button)
        bottom.addWidget(self.resend_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(bottom)
        fit_to_screen(self, 1100, 500)
        self.reload()

    def reload(self) -> None:
        if self.worker is None:
            recover_interrupted(self.db)  # a run that died shows as 結果不明, not 送信中
        event = self.event_id if self.only_event.isChecked() else None
        rows = outbox_entries(self.db, event)
        counts: dict[str, int] = {}
        for e in rows:
            counts[e.status] = counts.get(e.status, 0) + 1
        self.summary.setText(
            "　".join(f"{_status_label(s)} {n}" for s, n in sorted(counts.items()))
            or self.tr("記録はありません")
        )
        order = self.order.currentData()
        if order == "only":
            rows = [e for e in rows if e.status in TROUBLE]
        elif order == "first":  # stable: within each group, the order they were sent in
            rows = sorted(rows, key=lambda e: e.status not in TROUBLE)
        self.model.set_rows(rows)
        self._update_buttons()

    def selected_entries(self) -> list[OutboxEntry]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.entry(r) for r in rows]

    def _update_buttons(self) -> None:
        resendable = SENDABLE
        chosen = [e for e in self.selected_entries() if e.status in resendable]
        self.resend_button.setEnabled(bool(chosen) and self.worker is None)

    def resend_selected(self) -> None:
        ids = [e.id for e in self.selected_entries() if e.status in SENDABLE]
        if not ids:
            return
        settings = load_settings()
        if not settings.host:
            self._show(self.tr("SMTP サーバーが設定されていません（メール → メール設定）。"), True)
            return
        password = get_password(settings)
        if settings.user and not password:
            password, ok = QInputDialog.getText(
                self,
                self.tr("SMTP のパスワード"),
                settings.keyring_account,
                QLineEdit.EchoMode.Password,
            )
            if not ok:
                return
        requeue(self.db, ids)
        job = SendJob(self.db, settings.smtp_config(password), ids=ids)
        self.worker = self.send_runner.start(
            job,
            self._finished,
            self._failed,
            self._progress,
            on_cancel=job.cancel,
            on_note=lambda current: self._show(current, False),
        )
        self.progress.setVisible(True)
        self.progress.setRange(0, len(ids))
        self.cancel_button.setVisible(True)
        self.reload()

    def _progress(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _end(self) -> None:
        self.worker = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.reload()

    def _finished(self, report: SendReport) -> None:
        self._end()
        self._show(str(report.summary()), bool(report.failed or report.error))

    def _failed(self, message: str) -> None:
        self._end()
        self._show(message, True)

    def _cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()

    def _show(self, text: str, error: bool) -> None:
        self.status.setStyleSheet("color: #a00000" if error else "")
        self.status.setText(text)

    def done(self, result: int) -> None:
        if self.worker is not None:
            self._cancel()
            return
        super().done(result)
