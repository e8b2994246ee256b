"""The speaker directory (講師名簿) tab: list in 五十音 order, a form that saves itself, and
the events each speaker appears in (double-click one to open it).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kenshu_desk.services.timetable.actions import appearances_of
from kenshu_desk.services.timetable.speakers import HONORIFICS, SPEAKER_CATEGORIES, SpeakerRow
from kenshu_desk.ui.shell.widgets import SavingTextEdit, set_combo_data, set_combo_text, set_line
from kenshu_desk.ui.timetable import commands
from kenshu_desk.ui.timetable.speaker_directory import SpeakerDirectory
from kenshu_desk.ui.timetable.speaker_models import (
    EVENT_ID_ROLE,
    SPEAKER_ID_ROLE,
    AppearanceModel,
    SpeakerFilterProxy,
)


class SpeakersPanel(QWidget):
    event_chosen = Signal(int)

    def __init__(
        self,
        ctx: commands.EditContext,
        stack: QUndoStack,
        directory: SpeakerDirectory,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stack = stack
        self.directory = directory
        self.model = model = directory.model
        self._current: SpeakerRow | None = None
        self.proxy = SpeakerFilterProxy(self)
        self.proxy.setSourceModel(model)

        self.search = QLineEdit(placeholderText=self.tr("講師を検索（名前・ふりがな・所属）"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_search)
        directory.loaded.connect(self.show_speaker)
        self._remembered: int | None = None
        model.modelAboutToBeReset.connect(self._remember)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        metrics = self.view.fontMetrics()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(1, metrics.horizontalAdvance("あきやま　ゆみこ") + 16)
        header.resizeSection(2, metrics.horizontalAdvance("区分") + 20)
        header.resizeSection(4, metrics.horizontalAdvance("相談支援機関") + 16)
        self.view.selectionModel().currentRowChanged.connect(self._on_current)
        self.count_label = QLabel()

        self.new_button = QPushButton(self.tr("新しい講師(&N)"))
        self.new_button.clicked.connect(self.new_speaker)
        self.delete_button = QPushButton(self.tr("削除"))
        self.delete_button.clicked.connect(self.delete_speaker)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        left_layout.addLayout(buttons)

        # --- the form ---
        self.kind = QComboBox()
        self.kind.addItem(self.tr("個人"), "person")
        self.kind.addItem(self.tr("団体"), "organisation")
        self.kind.activated.connect(lambda _i: self._commit("kind", self.kind.currentData()))
        self.name = self._line("name")
        self.reading = self._line("reading", self.tr("ひらがなで（並び順に使います）"))
        self.affiliation = self._line("affiliation", self.tr("例: 文京学院大学 人間学部"))
        self.title = self._line("title", self.tr("例: 教授"))
        self.honorific = QComboBox()
        for value in HONORIFICS:
            self.honorific.addItem(value or self.tr("なし"), value)
        self.honorific.activated.connect(
            lambda _i: self._commit("honorific", self.honorific.currentData())
        )
        self.category = QComboBox()
        self.category.addItems(list(SPEAKER_CATEGORIES))
        self.category.activated.connect(
            lambda _i: self._commit("category", self.category.currentText())
        )
        self.email = self._line("email", "name@example.jp")
        self.notes = SavingTextEdit()
        self.notes.committed.connect(lambda text, token: self._commit("notes", text, token))
        self.notes.setFixedHeight(int(self.notes.fontMetrics().lineSpacing() * 3.6) + 8)

        self.form_box = QGroupBox(self.tr("講師の情報"))
        form = QFormLayout(self.form_box)
        form.addRow(self.tr("区分"), self.kind)
        form.addRow(self.tr("名前"), self.name)
        form.addRow(self.tr("ふりがな"), self.reading)
        form.addRow(self.tr("所属"), self.affiliation)
        form.addRow(self.tr("職名"), self.title)
        form.addRow(self.tr("敬称"), self.honorific)
        form.addRow(self.tr("分野"), self.category)
        form.addRow(self.tr("メール"), self.email)
        form.addRow(self.tr("備考"), self.notes)

        self.appearances = AppearanceModel(self)
        self.appearances_view = QTableView()
        self.appearances_view.setModel(self.appearances)
        self.appearances_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.appearances_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.appearances_view.verticalHeader().hide()
        self.appearances_view.setWordWrap(True)
        self.appearances_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        a_header = self.appearances_view.horizontalHeader()
        a_header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        a_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        a_header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        a_header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.appearances_view.doubleClicked.connect(self._open_event)
        appearances_box = QGroupBox(self.tr("登壇する行事（ダブルクリックで開きます）"))
        QVBoxLayout(appearances_box).addWidget(self.appearances_view)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.form_box)
        right_layout.addWidget(appearances_box, 1)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._show(None)

    def _line(self, field: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(placeholderText=placeholder)
        edit.editingFinished.connect(lambda: self._commit(field, edit.text()))
        return edit

    # --- loading -------------------------------------------------------------------------

    def show_speaker(self, focus_speaker_id: int | None = None) -> None:
        """After the directory changed: keep (or move to) a speaker and show it afresh."""
        keep = focus_speaker_id or self.current_speaker_id() or self._remembered
        self.count_label.setText(self.tr("%1 名").replace("%1", str(self.model.rowCount())))
        if keep is not None and self.model.row_of(keep) >= 0:
            self.select_speaker(keep)
        else:
            self._show(None)

    def _remember(self) -> None:
        # A full reload resets the list (and its selection): keep the speaker shown.
        self._remembered = self.current_speaker_id()

    def select_speaker(self, speaker_id: int) -> None:
        source_row = self.model.row_of(speaker_id)
        if source_row < 0:
            self._show(None)
            return
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            self.search.clear()
            index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if self.view.currentIndex() != index:
            self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self._show(self.model.row_at(source_row))

    def current_speaker_id(self) -> int | None:
        return self._current.id if self._current else None

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        speaker_id = current.data(SPEAKER_ID_ROLE) if current.isValid() else None
        self._show(self.model.speaker(speaker_id) if speaker_id is not None else None)

    def _show(self, row: SpeakerRow | None) -> None:
        self._current = row
        self.form_box.setEnabled(row is not None)
        self.delete_button.setEnabled(row is not None)
        if row is None:
            for edit in (self.name, self.reading, self.affiliation, self.title, self.email):
                set_line(edit, "")
            self.notes.set_stored("")
            self.appearances.set_rows([])
            return
        set_combo_data(self.kind, row.kind)
        set_line(self.name, row.name)
        set_line(self.reading, row.reading)
        set_line(self.affiliation, row.affiliation)
        set_line(self.title, row.title)
        set_combo_data(self.honorific, row.honorific)
        set_combo_text(self.category, row.category)
        set_line(self.email, row.email)
        self.notes.set_stored(row.notes)
        self.appearances.set_rows(appearances_of(self.ctx.db, row.id))

    # --- edits ---------------------------------------------------------------------------

    def _commit(self, field: str, value: Any, merge_token: object | None = None) -> None:
        row = self._current
        if row is None or getattr(row, field) == value:
            return
        if field == "name" and not str(value).strip():
            set_line(self.name, row.name)
            self.ctx.report_error(self.tr("講師の名前は空にできません。"))
            return
        text = self.tr("講師「%1」の変更").replace("%1", row.name)
        self.stack.push(
            commands.UpdateSpeaker(
                self.ctx, row.id, {field: value}, text, merge_token, expected_version=row.version
            )
        )

    def new_speaker(self) -> None:
        fields = {"kind": "person", "name": self.tr("新しい講師"), "honorific": "氏"}
        command = commands.CreateSpeaker(self.ctx, fields, self.tr("講師の登録"))
        self.stack.push(command)
        if command.speaker_id is not None:
            self.select_speaker(command.speaker_id)
            self.name.setFocus()
            self.name.selectAll()

    def delete_speaker(self) -> None:
        row = self._current
        if row is None:
            return
        text = self.tr("講師「%1」の削除").replace("%1", row.name)
        self.stack.push(commands.DeleteSpeaker(self.ctx, row.id, text, row.version))

    def _open_event(self, index: QModelIndex) -> None:
        event_id = index.data(EVENT_ID_ROLE)
        if event_id is not None:
            self.event_chosen.emit(int(event_id))
