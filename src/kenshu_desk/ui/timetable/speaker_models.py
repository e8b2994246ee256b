"""Qt models over speaker snapshots: the directory, its type-ahead, and where one speaks."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from kenshu_desk.domain.japanese import match_key, time_range
from kenshu_desk.services.timetable.speakers import SpeakerRow, sort_key
from kenshu_desk.ui.shell.i18n import long_date
from kenshu_desk.ui.shell.list_model import ListTableModel

SPEAKER_ID_ROLE = Qt.ItemDataRole.UserRole + 20
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 21
EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 22

_Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("SpeakerModels", text)


def kind_label(kind: str) -> str:
    return _tr("個人") if kind == "person" else _tr("団体")


class SpeakerListModel(QAbstractTableModel):
    """The directory, in the order given (五十音 of the reading; services.speakers sorts)."""

    COL_NAME, COL_READING, COL_KIND, COL_AFFILIATION, COL_CATEGORY = range(5)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[SpeakerRow] = []
        self._keys: list[tuple] = []
        self._row_of: dict[int, int] = {}
        self._headers = (_tr("名前"), _tr("ふりがな"), _tr("区分"), _tr("所属・職名"), _tr("分野"))

    def set_rows(self, rows: Sequence[SpeakerRow]) -> None:
        """Rows already in directory order (services.speakers.list_speakers)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._keys = [sort_key(r) for r in self._rows]
        self._row_of = {r.id: n for n, r in enumerate(self._rows)}
        self.endResetModel()

    def upsert(self, row: SpeakerRow) -> None:
        """Add or replace one speaker, keeping the 五十音 order (after an edit)."""
        self.remove(row.id)
        key = sort_key(row)
        n = bisect.bisect_left(self._keys, key)
        self.beginInsertRows(QModelIndex(), n, n)
        self._rows.insert(n, row)
        self._keys.insert(n, key)
        self._row_of = {r.id: i for i, r in enumerate(self._rows)}
        self.endInsertRows()

    def remove(self, speaker_id: int) -> None:
        n = self._row_of.get(speaker_id)
        if n is None:
            return
        self.beginRemoveRows(QModelIndex(), n, n)
        del self._rows[n]
        del self._keys[n]
        self._row_of = {r.id: i for i, r in enumerate(self._rows)}
        self.endRemoveRows()

    def row_at(self, row: int) -> SpeakerRow:
        return self._rows[row]

    def row_of(self, speaker_id: int) -> int:
        return self._row_of.get(speaker_id, -1)

    def speaker(self, speaker_id: int) -> SpeakerRow | None:
        row = self._row_of.get(speaker_id)
        return None if row is None else self._rows[row]

    def rows(self) -> list[SpeakerRow]:
        return list(self._rows)

    def rows_view(self) -> Sequence[SpeakerRow]:
        """The rows themselves, not a copy: read, never change."""
        return self._rows

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
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == self.COL_NAME:
                return r.short
            if col == self.COL_READING:
                return r.reading
            if col == self.COL_KIND:
                return kind_label(r.kind)
            if col == self.COL_AFFILIATION:
                return " ".join(p for p in (r.affiliation, r.title) if p)
            return r.category
        if role == SPEAKER_ID_ROLE:
            return r.id
        if role == SEARCH_ROLE:
            return r.search_key
        if role == Qt.ItemDataRole.ToolTipRole:
            return r.display
        return None


class SpeakerFilterProxy(QSortFilterProxyModel):
    """Every typed word must appear in the name, reading, affiliation or title (kana alike)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []

    def set_search(self, text: str) -> None:
        words = [k for k in (match_key(w) for w in text.split()) if k]
        if words == self._words:
            return
        self.beginFilterChange()
        self._words = words
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        if isinstance(model, SpeakerListModel):
            key = model.row_at(source_row).search_key
        else:  # pragma: no cover - any other source model
            key = model.index(source_row, 0, source_parent).data(SEARCH_ROLE) or ""
        return all(w in key for w in self._words)


class SpeakerChoices(QAbstractTableModel):
    """The type-ahead suggestions: the directory's matches for what is typed, best first.

    A small model of its own (at most MAX rows) rather than a filter proxy over the whole
    directory: one pass over precomputed keys per keystroke, however many speakers there are.
    """

    MAX = 30

    def __init__(self, directory: SpeakerListModel, parent: Any = None) -> None:
        super().__init__(parent)
        self._directory = directory
        self._rows: list[SpeakerRow] = []

    def set_search(self, text: str) -> None:
        words = [k for k in (match_key(w) for w in text.split()) if k]
        found: list[SpeakerRow] = []
        if words:
            found = [
                r for r in self._directory.rows_view() if all(w in r.search_key for w in words)
            ]
            # Names and readings that begin with what was typed come first (stable: 五十音).
            found.sort(key=lambda r: not r.search_key.startswith(words[0]))
        self.beginResetModel()
        self._rows = found[: self.MAX]
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            extra = " ".join(p for p in (r.affiliation, r.title) if p)
            return f"{r.short}（{extra}）" if extra else r.short
        if role == Qt.ItemDataRole.EditRole:
            return r.short
        if role == SPEAKER_ID_ROLE:
            return r.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return r.display
        return None


class AppearanceModel(ListTableModel):
    """The programme items a speaker appears in, newest first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__((_tr("開催日"), _tr("行事"), _tr("項目"), _tr("時間")), parent)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        a = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            title = f"{a.event_title}{_tr('（中止）')}" if a.cancelled else a.event_title
            return (long_date(a.date), title, a.item_title, time_range(a.start, a.end))[
                index.column()
            ]
        if role == EVENT_ID_ROLE:
            return a.event_id
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (1, 2):
            return f"{a.event_kind} {a.event_title}\n{a.item_title}"
        return None
