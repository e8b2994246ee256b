"""The event form: every field saves itself (editingFinished / change), one undo step each.

There is no Save button and so nothing to lose: the form emits `edit_committed` and the
window turns it into an undo command. `set_view` shows what is stored; a field that
already shows the stored value is left alone so the cursor does not jump while typing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QWidget,
)

from kenshu_desk.domain.japanese import day_warning, fiscal_year
from kenshu_desk.services.timetable.event_edit import EVENT_KINDS
from kenshu_desk.services.timetable.event_view import EventView
from kenshu_desk.ui.shell.date_edit import DateEdit
from kenshu_desk.ui.shell.i18n import fiscal_year_name
from kenshu_desk.ui.shell.widgets import SavingTextEdit, set_combo_text, set_line


class EventForm(QWidget):
    edit_committed = Signal(int, dict, str, object)  # event id, changes, undo text, merge token

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._event_id: int | None = None
        self._stored: dict[str, Any] = {}
        self._labels = {
            "kind": self.tr("種別"),
            "title": self.tr("行事名"),
            "date": self.tr("開催日"),
            "start_time": self.tr("開始時刻"),
            "end_time": self.tr("終了時刻"),
            "venue": self.tr("会場"),
            "online_url": self.tr("オンライン会議URL"),
            "target_audience": self.tr("対象"),
            "organiser_name": self.tr("主催"),
            "notes": self.tr("備考"),
            "agenda_notes": self.tr("次第の注記"),
            "cancelled": self.tr("中止"),
        }

        self.kind = QComboBox(editable=True)
        self.kind.addItems(list(EVENT_KINDS))
        self.kind.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.kind.setMinimumContentsLength(6)
        self.kind.activated.connect(lambda _i: self._commit("kind", self.kind.currentText()))
        kind_edit = self.kind.lineEdit()
        assert kind_edit is not None  # an editable combo box has its line edit
        kind_edit.editingFinished.connect(lambda: self._commit("kind", self.kind.currentText()))

        self.title = self._line("title", self.tr("例: 第1回市町村情報交換会"))
        self.cancelled = QCheckBox(self.tr("中止"))
        self.cancelled.setToolTip(self.tr("行事を中止にします（一覧に「中止」と表示されます）"))
        self.cancelled.toggled.connect(lambda on: self._commit("cancelled", on))

        # Typed freely (2022/10/20, R4.10.20, 10/20 …); saved only when it is a real date.
        self.date = DateEdit()
        self.date.fiscal_year_for_short = self._fiscal_year
        self.date.dateCommitted.connect(lambda d: self._commit("date", d))
        self.date.dateChanged.connect(self._date_typed)
        self.date_label = self.date.hint  # 令和3年11月25日（木）, or in red why it cannot be read
        self.date_warning = QLabel()
        self.date_warning.setStyleSheet("color: #b45309; font-weight: bold;")

        self.start = self._time("start_time")
        self.end = self._time("end_time")

        self.venue = self._line("venue", self.tr("例: 埼玉県庁 第二庁舎 4階 第3会議室"))
        self.online_url = self._line("online_url", "https://…")
        self.target_audience = self._line(
            "target_audience", self.tr("例: 市町村、市町村社協、地域包括支援センター")
        )
        self.organiser = self._line("organiser_name", self.tr("例: 福祉部 地域包括ケア課"))
        self.notes = SavingTextEdit()
        self.notes.setPlaceholderText(self.tr("内部向けのメモ（次第には印刷しません）"))
        self.notes.committed.connect(lambda text, token: self._commit("notes", text, token))
        self.agenda_notes = SavingTextEdit()
        self.agenda_notes.setPlaceholderText(
            self.tr("次第の末尾に「※」付きで印刷する注記（1行に1つ）")
        )
        self.agenda_notes.committed.connect(
            lambda text, token: self._commit("agenda_notes", text, token)
        )
        for edit in (self.notes, self.agenda_notes):
            # Exactly three lines: a half-shown fourth line looks like a mistake (so the
            # bottom margin, where the next line would peek through, is left out).
            margins = int(edit.document().documentMargin()) + edit.frameWidth() * 2
            edit.setFixedHeight(edit.fontMetrics().height() * 3 + margins)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)

        def label(text: str, buddy: QWidget) -> QLabel:
            widget = QLabel(text)
            widget.setBuddy(buddy)
            widget.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return widget

        title_row = QHBoxLayout()
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.cancelled)
        grid.addWidget(label(self.tr("種別(&K)"), self.kind), 0, 0)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind)
        kind_row.addStretch(1)
        grid.addLayout(kind_row, 0, 1)
        grid.addWidget(label(self.tr("行事名(&T)"), self.title), 0, 2)
        grid.addLayout(title_row, 0, 3)

        date_row = QHBoxLayout()
        date_row.addWidget(self.date)
        date_row.addWidget(self.date_warning)
        date_row.addStretch(1)
        time_row = QHBoxLayout()
        time_row.addWidget(self.start)
        time_row.addWidget(QLabel("～"))
        time_row.addWidget(self.end)
        time_row.addStretch(1)
        grid.addWidget(label(self.tr("開催日(&D)"), self.date), 1, 0)
        grid.addLayout(date_row, 1, 1)
        grid.addWidget(label(self.tr("時間"), self.start), 1, 2)
        grid.addLayout(time_row, 1, 3)

        grid.addWidget(label(self.tr("会場"), self.venue), 2, 0)
        grid.addWidget(self.venue, 2, 1)
        grid.addWidget(label(self.tr("オンライン"), self.online_url), 2, 2)
        grid.addWidget(self.online_url, 2, 3)
        grid.addWidget(label(self.tr("対象"), self.target_audience), 3, 0)
        grid.addWidget(self.target_audience, 3, 1)
        grid.addWidget(label(self.tr("主催"), self.organiser), 3, 2)
        grid.addWidget(self.organiser, 3, 3)
        notes_label = label(self.tr("備考"), self.notes)
        notes_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        agenda_label = label(self.tr("次第の注記"), self.agenda_notes)
        agenda_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        grid.addWidget(notes_label, 4, 0)
        grid.addWidget(self.notes, 4, 1)
        grid.addWidget(agenda_label, 4, 2)
        grid.addWidget(self.agenda_notes, 4, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.setEnabled(False)

    # --- building ------------------------------------------------------------------------

    def _line(self, field: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(placeholderText=placeholder)
        edit.setClearButtonEnabled(False)
        edit.editingFinished.connect(lambda: self._commit(field, edit.text()))
        return edit

    def _time(self, field: str) -> QTimeEdit:
        edit = QTimeEdit()
        edit.setDisplayFormat("HH:mm")
        edit.setKeyboardTracking(False)
        edit.timeChanged.connect(lambda t: self._commit(field, t.toPython()))
        return edit

    # --- showing and saving --------------------------------------------------------------

    @property
    def event_id(self) -> int | None:
        return self._event_id

    def set_view(self, view: EventView | None) -> None:
        if view is None:
            self._event_id = None
            self._stored = {}
            self.setEnabled(False)
            for edit in (self.title, self.venue, self.online_url):
                set_line(edit, "")
            self.date.setDate(None)
            self.date_warning.clear()
            return
        self.setEnabled(True)
        self._event_id = view.id
        f = self._stored = dict(view.fields)
        set_combo_text(self.kind, f["kind"])
        set_line(self.title, f["title"])
        with QSignalBlocker(self.cancelled):
            self.cancelled.setChecked(bool(f["cancelled"]))
        if self.date.line.hasFocus() and self.date.date() != f["date"]:
            self.date.set_stored(
                f["date"]
            )  # the user's typing stays; a later save compares to this
        else:
            self.date.setDate(f["date"])
        with QSignalBlocker(self.start):
            self.start.setTime(QTime(f["start_time"].hour, f["start_time"].minute))
        with QSignalBlocker(self.end):
            self.end.setTime(QTime(f["end_time"].hour, f["end_time"].minute))
        set_line(self.venue, f["venue"])
        set_line(self.online_url, f["online_url"])
        set_line(self.target_audience, f["target_audience"])
        set_line(self.organiser, f["organiser_name"])
        self.notes.set_stored(f["notes"])
        self.agenda_notes.set_stored(f["agenda_notes"])
        self._show_date(f["date"])

    def _fiscal_year(self) -> int:
        """The year of "10/20": the fiscal year of the event's stored date."""
        stored = self._stored.get("date")
        return fiscal_year(stored if isinstance(stored, dt.date) else dt.date.today())

    def _date_typed(self, day: dt.date | None) -> None:
        if day is None:
            self.date_warning.clear()
        else:
            self._show_date(day)

    def _show_date(self, day: dt.date) -> None:
        self.date_label.setToolTip(fiscal_year_name(fiscal_year(day)))
        warning = day_warning(day)
        self.date_warning.setText(f"▲ {warning}" if warning else "")
        self.date_warning.setToolTip(self.tr("土日・祝日に開催しますか？") if warning else "")

    def _commit(self, field: str, value: Any, merge_token: object | None = None) -> None:
        if self._event_id is None or self._stored.get(field) == value:
            return
        if field in ("title", "kind") and not str(value).strip():
            # An emptied name is put back rather than saved: an event always has one.
            self.set_view_field(field)
            return
        text = self.tr("%1の変更").replace("%1", self._labels[field])
        self.edit_committed.emit(self._event_id, {field: value}, text, merge_token)

    def set_view_field(self, field: str) -> None:
        value = self._stored.get(field, "")
        if field == "title":
            set_line(self.title, value)
        elif field == "kind":
            set_combo_text(self.kind, value)
