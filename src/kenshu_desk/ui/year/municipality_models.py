"""Qt models over plain snapshots for the municipality records screen."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from kenshu_desk.domain.japanese import match_key
from kenshu_desk.domain.progress import Measure
from kenshu_desk.services.year.dispatches import DispatchEntry
from kenshu_desk.services.year.municipality_records import MunicipalityOverview
from kenshu_desk.ui.shell.list_model import ListTableModel
from kenshu_desk.ui.year.wording import (
    dispatch_record_text,
    requested_text,
    status_text,
    support_type_name,
)

_Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2


class MunicipalityTableModel(QAbstractTableModel):
    """The 63 municipalities in official code order with the year's statuses."""

    HEADERS = (
        "団体コード",
        "市町村",
        "新規・継続",
        "①窓口",
        "②チーム",
        "重層",
        "移行準備",
        "派遣希望",
        "派遣実績",
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[MunicipalityOverview] = []
        self._dispatches: Mapping[int, Sequence[DispatchEntry]] | None = None

    def set_rows(
        self,
        rows: Sequence[MunicipalityOverview],
        dispatches: Mapping[int, Sequence[DispatchEntry]] | None = None,
    ) -> None:
        """Same municipalities in the same order (a save, another year): update in place,
        so the view keeps its selection and no reset happens under a selection change.

        dispatches (the year's, by municipality) word the 派遣実績 column in English."""
        rows = list(rows)
        self._dispatches = dispatches
        same = [r.organisation_id for r in rows] == [r.organisation_id for r in self._rows]
        if same and rows:
            self._rows = rows
            last = self.index(len(rows) - 1, len(self.HEADERS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> MunicipalityOverview:
        return self._rows[row]

    def row_of(self, organisation_id: int) -> int:
        for n, r in enumerate(self._rows):
            if r.organisation_id == organisation_id:
                return n
        return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section])
        return None

    def _cells(self, r: MunicipalityOverview) -> tuple[str, ...]:
        measures = tuple(status_text(getattr(r.status, m.value), r.fiscal_year) for m in Measure)
        if not r.has_record:
            measures = ("",) * len(measures)
        return (
            r.lgcode,
            r.name,
            support_type_name(r.support_type),
            *measures,
            requested_text(r.adviser_requested),
            dispatch_record_text(
                r.dispatch_record,
                None if self._dispatches is None else self._dispatches.get(r.organisation_id, []),
            ),
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._cells(r)[col]
            if role == Qt.ItemDataRole.ToolTipRole and not r.has_record and 3 <= col <= 6:
                return self.tr("この年度の記録はまだありません")
            return text
        if role == ID_ROLE:
            return r.organisation_id
        if role == SEARCH_ROLE:
            return match_key(f"{r.name} {r.lgcode} {r.dispatch_record} {r.support_type}")
        if role == Qt.ItemDataRole.ForegroundRole and not r.has_record and col >= 2:
            return QColor("#888888")
        return None


class MunicipalityFilter(QSortFilterProxyModel):
    """Every typed word must appear in the name, code or dispatch record."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._words = [match_key(w) for w in text.split() if match_key(w)]
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self._words:
            return True
        key = self.sourceModel().index(source_row, 0, source_parent).data(SEARCH_ROLE) or ""
        return all(w in key for w in self._words)


class SnapshotTableModel(ListTableModel):
    """A read-only table of text rows, each carrying an id (the event's)."""

    def set_rows(self, rows: Sequence[tuple[int, Sequence[str]]]) -> None:
        super().set_rows([(row_id, tuple(cells)) for row_id, cells in rows])

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_for(index)
        if row is None:
            return None
        row_id, cells = row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return cells[index.column()]
        if role == ID_ROLE:
            return row_id
        return None
