"""The list of events: a Qt model over plain row snapshots, and its filter.

Newest first (by date, then start time), by fiscal year; the search matches every typed
word against a key computed once per row (full-width/half-width and kana alike), so
filtering as you type stays fast with hundreds of events.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from kenshu_desk.domain.japanese import fiscal_year, fiscal_year_label, match_key, wareki
from kenshu_desk.domain.models import Event
from kenshu_desk.ui.shell.i18n import fiscal_year_name, long_date
from kenshu_desk.ui.shell.labels import shown

SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
FISCAL_YEAR_ROLE = Qt.ItemDataRole.UserRole + 4

_Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("EventList", text)


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
    sort_key: str
    dispatch: bool = False  # an adviser visit to one municipality (派遣), which the list can hide

    @classmethod
    def of(cls, event: Event) -> EventRow:
        venue = event.venue or (_tr("オンライン") if event.online_url else "")
        fy = fiscal_year(event.date)
        date_label = long_date(event.date)
        start, end = event.start_time, event.end_time
        start_label = f"{start.hour:02d}:{start.minute:02d}"  # strftime costs 10× more
        iso_date = event.date.isoformat()
        return cls(
            id=event.id,
            fiscal_year=fy,
            date_label=date_label,
            iso_date=iso_date,
            kind=event.kind,
            title=event.title,
            time_label=f"{start_label}～{end.hour:02d}:{end.minute:02d}",
            venue=venue,
            cancelled=event.cancelled,
            search_key=match_key(
                " ".join(
                    (
                        fiscal_year_label(fy),
                        fiscal_year_name(fy),  # FY2021 in English (the same in Japanese)
                        wareki(event.date),
                        date_label,  # "Nov" finds November in English too
                        event.kind,
                        event.title,
                        venue,
                        event.notes,
                    )
                )
            ),
            sort_key=f"{iso_date} {start_label} {event.id:010d}",
            dispatch=event.host_organisation_id is not None,
        )


class EventListModel(QAbstractTableModel):
    COL_FY, COL_DATE, COL_KIND, COL_TITLE, COL_TIME, COL_VENUE = range(6)
    HEADERS = ("年度", "日付", "種別", "行事名", "時間", "会場")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[EventRow] = []
        self._row_of: dict[int, int] = {}
        self._headers = tuple(_tr(h) for h in self.HEADERS)

    def set_rows(self, rows: list[EventRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._row_of = {r.id: n for n, r in enumerate(self._rows)}
        self.endResetModel()

    def upsert(self, row: EventRow) -> None:
        """Replace the row of that event, or add it."""
        n = self._row_of.get(row.id)
        if n is not None:
            self._rows[n] = row
            self.dataChanged.emit(self.index(n, 0), self.index(n, len(self._headers) - 1))
            return
        n = len(self._rows)
        self.beginInsertRows(QModelIndex(), n, n)
        self._rows.append(row)
        self._row_of[row.id] = n
        self.endInsertRows()

    def remove(self, event_id: int) -> None:
        n = self._row_of.get(event_id)
        if n is None:
            return
        self.beginRemoveRows(QModelIndex(), n, n)
        del self._rows[n]
        self._row_of = {r.id: i for i, r in enumerate(self._rows)}
        self.endRemoveRows()

    def row_at(self, row: int) -> EventRow:
        return self._rows[row]

    def row_of(self, event_id: int) -> int:
        return self._row_of.get(event_id, -1)

    def fiscal_years(self) -> list[int]:
        return sorted({r.fiscal_year for r in self._rows}, reverse=True)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            title = f"{r.title}{_tr('（中止）')}" if r.cancelled else r.title
            return (
                fiscal_year_name(r.fiscal_year),
                r.date_label,
                shown(r.kind),
                title,
                r.time_label,
                r.venue,
            )[col]
        if role == SEARCH_ROLE:
            return r.search_key
        if role == EVENT_ID_ROLE:
            return r.id
        if role == SORT_ROLE:
            return r.sort_key
        if role == FISCAL_YEAR_ROLE:
            return r.fiscal_year
        if role == Qt.ItemDataRole.ToolTipRole and col == self.COL_TITLE:
            return f"{shown(r.kind)}　{r.title}\n{r.date_label} {r.time_label}　{r.venue}"
        if role == Qt.ItemDataRole.ForegroundRole and r.cancelled:
            return QBrush(QColor("#8a8a8a"))
        return None


class EventFilterProxy(QSortFilterProxyModel):
    """Newest first; every word typed must appear (full-width/half-width and kana alike)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._fiscal_year: int | None = None
        self._hide_dispatches = False
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)
        self.sort(0, Qt.SortOrder.DescendingOrder)

    def set_search(self, text: str) -> None:
        words = [k for k in (match_key(w) for w in text.split()) if k]
        if words == self._words:
            return
        self.beginFilterChange()
        self._words = words
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_fiscal_year(self, fiscal_year: int | None) -> None:
        if fiscal_year == self._fiscal_year:
            return
        self.beginFilterChange()
        self._fiscal_year = fiscal_year
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_hide_dispatches(self, hide: bool) -> None:
        """Hide (or show again) the adviser visits; a preference, kept by clear_filters."""
        if hide == self._hide_dispatches:
            return
        self.beginFilterChange()
        self._hide_dispatches = hide
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @property
    def hides_dispatches(self) -> bool:
        return self._hide_dispatches

    @property
    def filtering(self) -> bool:
        return bool(self._words) or self._fiscal_year is not None

    def clear_filters(self) -> None:
        self.beginFilterChange()
        self._words = []
        self._fiscal_year = None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self._words and self._fiscal_year is None and not self._hide_dispatches:
            return True
        model = self.sourceModel()
        if isinstance(model, EventListModel):
            row = model.row_at(source_row)
            key, fy = row.search_key, row.fiscal_year
            if self._hide_dispatches and row.dispatch:
                return False
        else:  # pragma: no cover - any other source model
            index = model.index(source_row, 0, source_parent)
            key, fy = index.data(SEARCH_ROLE) or "", index.data(FISCAL_YEAR_ROLE)
        if self._fiscal_year is not None and fy != self._fiscal_year:
            return False
        return all(w in key for w in self._words)


class DateAndKindDelegate(QStyledItemDelegate):
    """The date column shows the kind on a second line (saves a column in a narrow list)."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: _Index) -> None:
        super().initStyleOption(option, index)
        kind = index.sibling(index.row(), EventListModel.COL_KIND).data()
        if kind:
            option.text = f"{option.text}\u2028{kind}"  # LINE SEPARATOR: a break in a cell
