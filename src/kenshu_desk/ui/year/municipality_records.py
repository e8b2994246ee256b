"""Each municipality's record: the 63 in code order, the year's record, events and dispatches.

Edits are saved, not held: moving to another municipality or year saves the form (one
transaction), Ctrl+S saves at once, Esc-like 元に戻す reloads what is stored. A save that
the rules refuse (or that another organiser overtook) keeps the form and says why.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QItemSelection, QModelIndex, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kenshu_desk.database import Database
from kenshu_desk.domain.japanese import fiscal_year_range
from kenshu_desk.errors import UserError
from kenshu_desk.services.year.actions import (
    carry_records_forward,
    municipality_year,
    save_municipality_record,
    year_dispatches,
    year_overview,
)
from kenshu_desk.ui.shell.fiscal_year_spin import FiscalYearSpin
from kenshu_desk.ui.shell.i18n import current_language, fiscal_year_name, long_date
from kenshu_desk.ui.shell.labels import shown
from kenshu_desk.ui.year.dispatch_dialog import DispatchDialog
from kenshu_desk.ui.year.municipality_models import (
    ID_ROLE,
    MunicipalityFilter,
    MunicipalityTableModel,
    SnapshotTableModel,
)
from kenshu_desk.ui.year.record_editor import RecordEditor
from kenshu_desk.ui.year.wording import list_text, who_went


def _table(model, stretch: int) -> QTableView:  # type: ignore[no-untyped-def]
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


class MunicipalityRecordsWidget(QWidget):
    eventActivated = Signal(int)  # open this event in the main window
    eventsChanged = Signal()  # a dispatch was added: the main window's list is stale

    def __init__(
        self, db: Database, fiscal_year: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.year = FiscalYearSpin(fiscal_year)
        self.year.setAccessibleName(self.tr("年度"))
        self._year_shown = self.year.value()
        self.search = QLineEdit(placeholderText=self.tr("市町村を検索（名前・コード・派遣実績）"))
        self.search.setClearButtonEnabled(True)
        self.carry_button = QPushButton(self.tr("前年度から引き継ぐ(&C)"))
        self.carry_button.setToolTip(
            self.tr(
                "前年度の実施・構築状況をこの年度の記録として作成します（既にある記録はそのまま）"
            )
        )
        self.dispatch_button = QPushButton(self.tr("派遣を記録(&D)…"))
        self.edit_dispatch_button = QPushButton(self.tr("派遣を修正(&E)…"))
        self.edit_dispatch_button.setToolTip(
            self.tr("派遣実績で選んだ記録の日付・アドバイザーなどを直します")
        )
        self.edit_dispatch_button.setEnabled(False)
        self.model = MunicipalityTableModel(self)
        self.proxy = MunicipalityFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = _table(self.proxy, 8)

        self.editor = RecordEditor()
        self.save_button = QPushButton(self.tr("保存(&S)"))
        self.revert_button = QPushButton(self.tr("元に戻す(&R)"))
        self.save_button.setEnabled(False)
        self.revert_button.setEnabled(False)
        self.message = QLabel()
        self.message.setWordWrap(True)

        self.dispatch_model = SnapshotTableModel(
            [self.tr("日付"), self.tr("種別"), self.tr("派遣先"), self.tr("アドバイザー")], self
        )
        self.attended_model = SnapshotTableModel(
            [self.tr("日付"), self.tr("種別"), self.tr("行事"), self.tr("出席者"), self.tr("申込")],
            self,
        )
        self.dispatch_view = _table(self.dispatch_model, 3)
        self.attended_view = _table(self.attended_model, 3)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.dispatch_view, self.tr("派遣実績"))
        self.tabs.addTab(self.attended_view, self.tr("参加した行事"))

        bar = QHBoxLayout()
        label = QLabel(self.tr("年度(&Y):"))
        label.setBuddy(self.year)
        bar.addWidget(label)
        bar.addWidget(self.year)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.carry_button)
        bar.addWidget(self.dispatch_button)
        bar.addWidget(self.edit_dispatch_button)

        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.editor, 3)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.tabs, 2)
        splitter = QSplitter()
        splitter.addWidget(self.view)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([800, 600])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

        self.search.textChanged.connect(self.proxy.set_search)
        self.year.valueChanged.connect(self._year_changed)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.editor.dirtyChanged.connect(self.save_button.setEnabled)
        self.editor.dirtyChanged.connect(self.revert_button.setEnabled)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.carry_button.clicked.connect(self.carry_forward)
        self.dispatch_button.clicked.connect(self.record_dispatch)
        self.edit_dispatch_button.clicked.connect(lambda: self.edit_dispatch())
        self.dispatch_view.selectionModel().selectionChanged.connect(
            lambda *_: self.edit_dispatch_button.setEnabled(self._selected_dispatch() is not None)
        )
        self.dispatch_model.modelReset.connect(lambda: self.edit_dispatch_button.setEnabled(False))
        self.dispatch_view.doubleClicked.connect(self._open_event)
        self.attended_view.doubleClicked.connect(self._open_event)
        self.dispatch_view.activated.connect(self._open_event)
        self.attended_view.activated.connect(self._open_event)
        QShortcut(QKeySequence.StandardKey.Save, self).activated.connect(self.save)
        QShortcut(QKeySequence.StandardKey.Find, self).activated.connect(self.search.setFocus)
        self._current_id: int | None = None
        self.reload()
        self.view.selectRow(0)

    # -- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Re-read the year's overview, keeping the selected municipality."""
        fy = self.year.value()
        rows = year_overview(self.db, fy)
        # The 派遣実績 column in English is worded from the visits themselves.
        self.model.set_rows(
            rows, year_dispatches(self.db, fy) if current_language() != "ja" else None
        )
        has_records = sum(r.has_record for r in rows)
        self.carry_button.setEnabled(has_records < len(rows))

    def select_municipality(self, organisation_id: int) -> bool:
        source = self.model.row_of(organisation_id)
        if source < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(source, 0))
        if not index.isValid():
            self.search.clear()
            index = self.proxy.mapFromSource(self.model.index(source, 0))
        self.view.selectRow(index.row())  # the selection handler saves and loads
        self.view.scrollTo(index)
        return self._current_id == organisation_id

    def current_municipality_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(ID_ROLE) if rows else None

    def _load_current(self, organisation_id: int | None) -> None:
        self._current_id = organisation_id
        if organisation_id is None:
            return
        row = self.model.row_at(self.model.row_of(organisation_id))
        self.editor.load(row)
        fy = self.year.value()
        dispatches, attended = municipality_year(self.db, organisation_id, fy)
        self.dispatch_model.set_rows(
            [
                (
                    d.event_id,
                    (
                        long_date(d.date) + (self.tr("（中止）") if d.cancelled else ""),
                        shown(d.kind),
                        d.host_name,
                        who_went(d),
                    ),
                )
                for d in dispatches
            ]
        )
        self.attended_model.set_rows(
            [
                (
                    a.event_id,
                    (
                        long_date(a.date),
                        shown(a.kind),
                        a.title,
                        list_text(a.attendees),
                        str(a.registered),
                    ),
                )
                for a in attended
            ]
        )
        self.tabs.setTabText(0, self.tr("派遣実績（{0}件）").format(len(dispatches)))
        self.tabs.setTabText(1, self.tr("参加した行事（{0}件）").format(len(attended)))

    # -- saving ----------------------------------------------------------------------------

    def save(self) -> bool:
        """Save the form if it changed; False (form kept, reason shown) when refused."""
        if self._current_id is None or not self.editor.is_dirty():
            return True
        name = self.model.row_at(self.model.row_of(self._current_id)).name
        try:
            save_municipality_record(
                self.db,
                self.editor.organisation_id,
                self.editor.fiscal_year,
                self.editor.value(),
                expected_version=self.editor.version,
            )
        except UserError as exc:
            self._say(str(exc), error=True)
            return False
        self._say(
            self.tr("{0}の{1}の記録を保存しました").format(
                name, fiscal_year_name(self.editor.fiscal_year)
            )
        )
        self.reload()
        self._load_current(self._current_id)
        return True

    def revert(self) -> None:
        self.reload()
        self._load_current(self._current_id)
        self._say(self.tr("保存されている内容に戻しました"))

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #a00" if error else "")
        self.message.setText(text)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        new_id = self.current_municipality_id()
        if new_id == self._current_id:
            return
        if self.editor.is_dirty() and not self.save():
            # Refused: stay on the municipality whose form holds the unsaved edit.
            previous = self._current_id
            if previous is not None:
                self.view.selectionModel().blockSignals(True)
                index = self.proxy.mapFromSource(self.model.index(self.model.row_of(previous), 0))
                self.view.selectRow(index.row())
                self.view.selectionModel().blockSignals(False)
            return
        self._load_current(new_id)

    def _year_changed(self, year: int) -> None:
        if year == self._year_shown:
            return
        if self.editor.is_dirty() and not self.save():
            self.year.blockSignals(True)
            self.year.setValue(self._year_shown)
            self.year.blockSignals(False)
            return
        self._year_shown = year
        self.reload()
        self._load_current(self._current_id)

    # -- actions ---------------------------------------------------------------------------

    def carry_forward(self) -> None:
        if not self.save():
            return
        fy = self.year.value()
        try:
            report = carry_records_forward(self.db, fy - 1, fy)
        except UserError as exc:
            self._say(str(exc), error=True)
            return
        self.reload()
        self._load_current(self._current_id)
        self._say(str(report.summary(fy)))

    def record_dispatch(self) -> None:
        if self._current_id is None or not self.save():
            return
        first, last = fiscal_year_range(self.year.value())
        today = dt.date.today()
        default = today if first <= today <= last else first
        dialog = DispatchDialog(self.db, self._current_id, default, self)
        if dialog.exec() and dialog.created_event_id is not None:
            self.reload()
            self._load_current(self._current_id)
            self._say(self.tr("派遣を記録しました"))
            self.eventsChanged.emit()

    def _selected_dispatch(self) -> int | None:
        rows = self.dispatch_view.selectionModel().selectedRows()
        value = rows[0].data(ID_ROLE) if rows else None
        return int(value) if value is not None else None

    def edit_dispatch(self, event_id: int | None = None) -> None:
        """Correct the dispatch selected in 派遣実績 (who went, the day, the kind …)."""
        event_id = event_id if event_id is not None else self._selected_dispatch()
        if self._current_id is None or event_id is None or not self.save():
            return
        try:
            dialog = DispatchDialog(
                self.db, self._current_id, dt.date.today(), self, event_id=event_id
            )
        except UserError as exc:  # deleted by someone else meanwhile
            self._say(str(exc), error=True)
            self.reload()
            return
        if dialog.exec() and dialog.saved_event_id is not None:
            self.reload()
            self._load_current(self._current_id)
            self._say(self.tr("派遣の記録を修正しました"))
            self.eventsChanged.emit()

    def _open_event(self, index: QModelIndex) -> None:
        event_id = index.data(ID_ROLE)
        if event_id is not None:
            self.eventActivated.emit(int(event_id))

    def closing(self) -> bool:
        """Save before the window closes; False if the save was refused."""
        return self.save()
