"""The list of events: a Qt model over plain row snapshots, and its filter."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from kenshu_desk.domain.japanese import fiscal_year, fiscal_year_label, match_key, wareki
from kenshu_desk.domain.models import Event

SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class EventRow:
    id: int
    fiscal_year: int
    date_label: str
    iso_date: str
    kind: str
    title: str
    time_label: str
    venue: str
    cancelled: bool
    search_key: str

    @classmethod
    def of(cls, event: Event) -> EventRow:
        venue = event.venue or ("オンライン" if event.online_url else "")
        fy = fiscal_year(event.date)
        return cls(
            id=event.id,
            fiscal_year=fy,
            date_label=wareki(event.date),
            iso_date=event.date.isoformat(),
            kind=event.kind,
            title=event.title,
            time_label=f"{event.start_time:%H:%M}～{event.end_time:%H:%M}",
            venue=venue,
            cancelled=event.cancelled,
            search_key=match_key(
                " ".join((fiscal_year_label(fy), event.kind, event.title, venue, event.notes))
            ),
        )


class EventListModel(QAbstractTableModel):
    HEADERS = ("年度", "日付", "種別", "行事名", "時間", "会場")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[EventRow] = []

    def set_rows(self, rows: list[EventRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> EventRow:
        return self._rows[row]

    def row_of(self, event_id: int) -> int:
        for n, r in enumerate(self._rows):
            if r.id == event_id:
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
            return self.HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            title = f"{r.title}（中止）" if r.cancelled else r.title
            return (
                fiscal_year_label(r.fiscal_year),
                r.date_label,
                r.kind,
                title,
                r.time_label,
                r.venue,
            )[col]
        if role == SEARCH_ROLE:
            return r.search_key
        if role == EVENT_ID_ROLE:
            return r.id
        if role == Qt.ItemDataRole.ToolTipRole and col == 3:
            return r.title
        return None


class EventFilterProxy(QSortFilterProxyModel):
    """Every word typed must appear (full-width/half-width and kana alike)."""

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
