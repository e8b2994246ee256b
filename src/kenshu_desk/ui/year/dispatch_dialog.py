"""Recording an adviser dispatch (or a visit of prefecture staff) to a municipality."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from kenshu_desk.database import ConcurrentEditError, Database
from kenshu_desk.domain.japanese import day_warning
from kenshu_desk.domain.models import DISPATCH_KINDS
from kenshu_desk.errors import UserError
from kenshu_desk.services.year.actions import (
    correct_dispatch,
    dispatch_form,
    record_dispatch,
    stored_dispatch,
)
from kenshu_desk.services.year.dispatches import DispatchInput, StoredDispatch
from kenshu_desk.ui.shell.date_edit import DateEdit
from kenshu_desk.ui.shell.labels import shown
from kenshu_desk.ui.shell.widgets import buddy_label, fit_to_screen


def _as_time(value: object) -> dt.time:
    """QTime.toPython(), typed (PySide6 declares it as returning object)."""
    assert isinstance(value, dt.time)
    return value


class DispatchDialog(QDialog):
    """Date, kind, where (the municipality or one of its bodies) and who went.

    With event_id, the recorded dispatch is shown for correction (who went is the usual
    change) and saved over the version that was read.
    """

    def __init__(
        self,
        db: Database,
        municipality_id: int,
        date: dt.date,
        parent: QWidget | None = None,
        *,
        event_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.created_event_id: int | None = None
        self.saved_event_id: int | None = None
        self.stored: StoredDispatch | None = None
        choices, self.stored = dispatch_form(db, municipality_id, event_id)
        self.setWindowTitle(
            self.tr("派遣の記録を修正") if self.stored else self.tr("アドバイザー派遣を記録")
        )
        self.date = DateEdit(date)
        self.date_warning = QLabel()
        self.kind = QComboBox()
        for kind in DISPATCH_KINDS:
            self.kind.addItem(shown(kind.value), kind.value)
        self.host = QComboBox()
        for host_id, name in choices.hosts:
            self.host.addItem(name, host_id)
        self.start = QTimeEdit(QTime(10, 0))
        self.end = QTimeEdit(QTime(12, 0))
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("空欄なら「派遣先 種別」"))
        self.advisers = QListWidget()
        for speaker_id, name, affiliation in choices.advisers:
            item = QListWidgetItem(f"{name}　{affiliation}")
            item.setData(Qt.ItemDataRole.UserRole, speaker_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.advisers.addItem(item)
        self.error = QLabel()
        self.error.setStyleSheet("color: #a00")
        self.error.setWordWrap(True)

        when = QHBoxLayout()
        when.addWidget(self.date)
        when.addWidget(self.start)
        when.addWidget(QLabel("～"))
        when.addWidget(self.end)
        when.addStretch(1)
        form = QFormLayout()
        form.addRow(buddy_label(self.tr("日付・時刻(&D):"), self.date), when)
        form.addRow("", self.date_warning)
        form.addRow(self.tr("種別(&K):"), self.kind)
        form.addRow(self.tr("派遣先(&H):"), self.host)
        form.addRow(self.tr("件名(&T):"), self.title_edit)
        form.addRow(
            self.tr("アドバイザー(&A):"),
            QLabel(self.tr("派遣したアドバイザーにチェック（なしは県職員のみの訪問）")),
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("保存する") if self.stored else self.tr("記録する")
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("キャンセル"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.advisers, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.date.dateChanged.connect(self._check_day)
        if self.stored is not None:
            self._show(self.stored.data)
        self._check_day()
        fit_to_screen(self, 560, 520)

    def _show(self, data: DispatchInput) -> None:
        self.date.setDate(data.date)
        self.kind.setCurrentIndex(max(0, self.kind.findData(data.kind)))
        self.host.setCurrentIndex(max(0, self.host.findData(data.host_organisation_id)))
        self.start.setTime(QTime(data.start.hour, data.start.minute))
        self.end.setTime(QTime(data.end.hour, data.end.minute))
        self.title_edit.setText(data.title)
        went = set(data.adviser_ids)
        for n in range(self.advisers.count()):
            item = self.advisers.item(n)
            checked = int(item.data(Qt.ItemDataRole.UserRole)) in went
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _check_day(self, *_args: object) -> None:
        day = self.date.date()
        warning = day_warning(day) if day is not None else None
        self.date_warning.setText(self.tr("※ {0}").format(warning) if warning else "")

    def checked_adviser_ids(self) -> tuple[int, ...]:
        ids = []
        for n in range(self.advisers.count()):
            item = self.advisers.item(n)
            if item.checkState() == Qt.CheckState.Checked:
                ids.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return tuple(ids)

    def value(self) -> DispatchInput:
        kept = self.stored.data if self.stored is not None else None
        day = self.date.date()
        assert day is not None  # accept() checked it
        return DispatchInput(
            date=day,
            kind=self.kind.currentData(),
            host_organisation_id=int(self.host.currentData()),
            adviser_ids=self.checked_adviser_ids(),
            title=self.title_edit.text(),
            start=_as_time(self.start.time().toPython()),
            end=_as_time(self.end.time().toPython()),
            venue=kept.venue if kept else "",
            notes=kept.notes if kept else "",
        )

    def accept(self) -> None:
        if self.date.date() is None:
            self.error.setText(self.date.error())
            self.date.setFocus()
            return
        try:
            if self.stored is None:
                self.created_event_id = record_dispatch(self.db, self.value())
                self.saved_event_id = self.created_event_id
            else:
                self.saved_event_id = correct_dispatch(self.db, self.stored, self.value())
        except ConcurrentEditError as exc:
            # Someone else corrected it first: show theirs, so nothing of it is lost.
            self.stored = stored_dispatch(self.db, self.stored.event_id)  # type: ignore[union-attr]
            self._show(self.stored.data)
            self.error.setText(self.tr("{0}（いま保存されている内容を表示しました）").format(exc))
            return
        except UserError as exc:
            self.error.setText(str(exc))
            return
        super().accept()
