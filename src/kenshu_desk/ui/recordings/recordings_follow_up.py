"""The 確認 tab of the recordings dialog: who attended, who received the link, who has
neither; recording a delivery by telephone or by hand; the delivery log and its export."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kenshu_desk.errors import UserError
from kenshu_desk.paths import safe_file_name
from kenshu_desk.services.recordings import actions
from kenshu_desk.services.recordings import recordings as rec
from kenshu_desk.ui.recordings.recordings_models import DeliveryLogModel, FollowUpModel, table_view
from kenshu_desk.ui.shell.labels import shown

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox, QLabel

    from kenshu_desk.database import Database


class RecordingsHost(Protocol):
    """What the 確認 tab uses of the recordings dialog that holds it."""

    db: Database
    event_id: int
    event_title: str
    link_choice: QComboBox

    def show_status(self, text: str, *, error: bool = ..., label: QLabel | None = ...) -> None: ...
    def save_change(self, action: Callable[[], object]) -> None: ...
    def windowTitle(self) -> str: ...


class FollowUpTab(QWidget):
    def __init__(self, dialog: RecordingsHost) -> None:
        super().__init__()
        self.dialog = dialog
        self.follow_model = FollowUpModel(self)
        self.follow_view = table_view(self.follow_model)
        self.only_neither = QCheckBox(self.tr("要対応の人だけ表示(&O)"))
        self.only_neither.toggled.connect(lambda _: self.refresh())
        self.follow_summary = QLabel()
        manual = QPushButton(self.tr("電話・手渡しでの伝達を記録(&M)…"))
        manual.clicked.connect(lambda: self.record_manual())
        self.log_model = DeliveryLogModel(self)
        self.log_view = table_view(self.log_model)
        export = QPushButton(self.tr("配信記録を書き出す(&X)…"))
        export.clicked.connect(lambda: self.export_log())
        top = QHBoxLayout()
        top.addWidget(self.only_neither)
        top.addWidget(self.follow_summary, 1)
        top.addWidget(manual)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("配信記録")))
        bottom.addStretch()
        bottom.addWidget(export)
        self.follow_status = QLabel()
        self.follow_status.setWordWrap(True)
        self.follow_status.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.follow_view, 3)
        layout.addLayout(bottom)
        layout.addWidget(self.log_view, 2)
        layout.addWidget(self.follow_status)

    def refresh(self) -> None:
        rows, log = actions.follow_up_and_log(self.dialog.db, self.dialog.event_id)
        neither = sum(r.neither for r in rows)
        self.follow_summary.setText(
            self.tr("申込 {0} 人、出席 {1} 人、送付済み {2} 人、要対応 {3} 人").format(
                len(rows), sum(r.attended for r in rows), sum(r.received for r in rows), neither
            )
        )
        self.follow_model.set_rows(
            [r for r in rows if r.neither or not self.only_neither.isChecked()]
        )
        self.log_model.set_rows(log)

    def say(self, text: str, *, error: bool = False) -> None:
        self.dialog.show_status(text, error=error, label=self.follow_status)

    def record_manual(
        self, method: str | None = None, note: str | None = None, when: dt.datetime | None = None
    ) -> None:
        rows = self.follow_view.selectionModel().selectedRows()
        link_id = self.dialog.link_choice.currentData()
        if not rows or link_id is None:
            self.say(
                self.tr("表で相手を選んでください（動画リンクがなければ先に追加してください）。"),
                error=True,
            )
            return
        person = self.follow_model.row_at(rows[0].row())
        if method is None:
            methods = list(rec.MANUAL_METHODS)
            labels = [shown(rec.MANUAL_METHODS[m]) for m in methods]  # in the window's language
            label, ok = QInputDialog.getItem(
                self, self.tr("伝達の記録"), self.tr("{0} さんへの伝達方法").format(person.name),
                labels, 0, False,
            )  # fmt: skip
            if not ok:
                return
            method = methods[labels.index(label)]
            note, ok = QInputDialog.getText(
                self, self.tr("伝達の記録"), self.tr("備考（日時・内容など）")
            )
            if not ok:
                return
        self.dialog.save_change(
            lambda: actions.record_manual(
                self.dialog.db, link_id, method=method, participant_id=person.participant_id,
                when=when, note=note or "",
            )
        )  # fmt: skip

    def export_log(self, path: str | None = None) -> None:
        title = self.dialog.event_title
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("配信記録を書き出す"), safe_file_name(f"{title}_動画配信記録.xlsx", "動画配信記録.xlsx"),
                self.tr("Excel ブック (*.xlsx);;CSV (*.csv)"),
            )  # fmt: skip
            if not path:
                return
        from kenshu_desk.documents.recording_export import TITLE_SUFFIX, write_log  # openpyxl

        try:
            count = write_log(self.log_model.rows(), Path(path), title=f"{title} {TITLE_SUFFIX}")
        except UserError as exc:
            QMessageBox.warning(self, self.dialog.windowTitle(), str(exc))
            return
        self.say(self.tr("{0} 件を {1} に書き出しました。").format(count, path))
