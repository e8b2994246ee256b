"""The left side of the main window: events by fiscal year, newest first, a search box and
the New / Duplicate / Delete buttons.

The panel reports the row the user picks (`event_chosen`). It knows which event the editor
shows (`set_shown`) and keeps that row selected while a search lets it through; rows that
come and go with a filter are not the user choosing another event.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelection, QSignalBlocker, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kenshu_desk.ui.shell import preferences
from kenshu_desk.ui.shell.i18n import fiscal_year_name
from kenshu_desk.ui.timetable.event_list import (
    EVENT_ID_ROLE,
    DateAndKindDelegate,
    EventFilterProxy,
    EventListModel,
)


class EventListPanel(QWidget):
    event_chosen = Signal(int)

    def __init__(
        self, model: EventListModel, actions: Sequence[QAction], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = EventFilterProxy(self)
        self.proxy.setSourceModel(model)
        self._shown: int | None = None
        self._quiet = False

        self.fiscal_year = QComboBox()
        self.fiscal_year.setToolTip(self.tr("年度で絞り込み"))
        self.fiscal_year.currentIndexChanged.connect(self._on_fiscal_year)
        self.search = QLineEdit(placeholderText=self.tr("行事を検索（行事名・種別・年度・会場）"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)

        # The adviser visits (派遣) are many small events; the organiser can put them aside.
        self.show_dispatches = QCheckBox(self.tr("派遣を表示"))
        self.show_dispatches.setToolTip(
            self.tr("アドバイザー派遣（市町村への訪問）を一覧に表示します")
        )
        show = preferences.show_dispatches()
        self.show_dispatches.setChecked(bool(show))
        self.proxy.set_hide_dispatches(not show)
        self.show_dispatches.toggled.connect(self._on_show_dispatches)

        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(True)
        self.view.setItemDelegateForColumn(EventListModel.COL_DATE, DateAndKindDelegate(self.view))
        metrics = self.view.fontMetrics()
        # Two lines a row (date over kind; a long title wraps) at a fixed height: fast to
        # lay out however many events there are.
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(metrics.lineSpacing() * 2 + 10)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(EventListModel.COL_DATE, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(
            EventListModel.COL_DATE, metrics.horizontalAdvance("令和10年12月28日（木）") + 10
        )
        header.setSectionResizeMode(EventListModel.COL_TITLE, QHeaderView.ResizeMode.Stretch)
        hidden = (
            EventListModel.COL_FY,
            EventListModel.COL_KIND,
            EventListModel.COL_TIME,
            EventListModel.COL_VENUE,
        )
        for col in hidden:  # the year is the filter, the kind sits under the date
            self.view.setColumnHidden(col, True)
        self.view.selectionModel().selectionChanged.connect(self._on_selection)

        buttons = QHBoxLayout()
        self.buttons = [self._button_for(action) for action in actions]
        for button in self.buttons:
            buttons.addWidget(button)
        buttons.addStretch(1)
        filters = QHBoxLayout()
        filters.addWidget(self.fiscal_year)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.show_dispatches)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    @staticmethod
    def _button_for(action: QAction) -> QPushButton:
        button = QPushButton(action.iconText())
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        tip = action.text().replace("&", "").rstrip("…")
        button.setToolTip(f"{tip}（{shortcut}）" if shortcut else tip)
        button.clicked.connect(action.trigger)
        action.enabledChanged.connect(button.setEnabled)
        return button

    # --- the fiscal years ----------------------------------------------------------------

    def fill_fiscal_years(self) -> None:
        """Offer every year that has an event, newest first, keeping the chosen one."""
        keep = self.fiscal_year.currentData()
        with QSignalBlocker(self.fiscal_year):
            self.fiscal_year.clear()
            self.fiscal_year.addItem(self.tr("すべての年度"), None)
            for fy in self.model.fiscal_years():
                self.fiscal_year.addItem(fiscal_year_name(fy), fy)
            self.fiscal_year.setCurrentIndex(max(self.fiscal_year.findData(keep), 0))
        self._filtered(lambda: self.proxy.set_fiscal_year(self.fiscal_year.currentData()))

    def knows_fiscal_year(self, fy: int) -> bool:
        return self.fiscal_year.findData(fy) >= 0

    # --- the shown event -----------------------------------------------------------------

    def set_shown(self, event_id: int | None) -> None:
        """The event the editor shows: select its row, showing it if a filter hides it."""
        self._shown = event_id
        if event_id is None:
            self._sync_selection()
            return
        if not self._proxy_index(event_id).isValid():
            self.clear_filters()
        if not self._proxy_index(event_id).isValid() and self.proxy.hides_dispatches:
            self.show_dispatches.setChecked(True)  # a visit chosen elsewhere is shown
        self._sync_selection()
        index = self._proxy_index(event_id)
        if index.isValid():
            self.view.scrollTo(index)

    def visible_event_near(self, row: int) -> int | None:
        """The event at (or just above) a row of the list, e.g. after a deletion."""
        count = self.proxy.rowCount()
        if count == 0:
            return None
        return int(self.proxy.index(min(max(row, 0), count - 1), 0).data(EVENT_ID_ROLE))

    def selected_row(self) -> int:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].row() if rows else 0

    def clear_filters(self) -> None:
        with QSignalBlocker(self.search):
            self.search.clear()
        with QSignalBlocker(self.fiscal_year):
            self.fiscal_year.setCurrentIndex(0)
        self._filtered(self.proxy.clear_filters)

    def _proxy_index(self, event_id: int):  # type: ignore[no-untyped-def]
        return self.proxy.mapFromSource(self.model.index(self.model.row_of(event_id), 0))

    def sync(self) -> None:
        """After the shown event's row changed (moved by a new date, or filtered away)."""
        self._sync_selection()

    def _sync_selection(self) -> None:
        """Select the shown event's row if the filter lets it through, else select nothing."""
        self._quiet = True
        try:
            index = self._proxy_index(self._shown) if self._shown is not None else None
            selection = self.view.selectionModel()
            if index is None or not index.isValid():
                selection.clear()
            elif not selection.isRowSelected(index.row()):
                self.view.selectRow(index.row())
        finally:
            self._quiet = False

    # --- filters and choice --------------------------------------------------------------

    def _filtered(self, change) -> None:  # type: ignore[no-untyped-def]
        self._quiet = True
        try:
            change()
        finally:
            self._quiet = False
        self._sync_selection()

    def _on_search(self, text: str) -> None:
        self._filtered(lambda: self.proxy.set_search(text))

    def _on_show_dispatches(self, show: bool) -> None:
        preferences.save_show_dispatches(show)
        self._filtered(lambda: self.proxy.set_hide_dispatches(not show))

    def _on_fiscal_year(self, _index: int) -> None:
        self._filtered(lambda: self.proxy.set_fiscal_year(self.fiscal_year.currentData()))

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._quiet:
            return
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return
        event_id = rows[0].data(EVENT_ID_ROLE)
        if event_id is not None and event_id != self._shown:
            self.event_chosen.emit(int(event_id))
