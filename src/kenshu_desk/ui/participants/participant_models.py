"""Qt models over plain snapshots: the directory, an event's registrations, a plain table.

Filter as you type over 20,000 people: the match keys are computed once per row
(services.participants.search_key) and the model filters its own snapshot in one Python pass
per keystroke, then resets. A QSortFilterProxyModel would call ``filterAcceptsRow`` from C++
into Python once per row — measured at about 350 ms per keystroke for 20,000 rows on the
development machine against a few ms for the pass here (benchmarks/participants.py).
Sorting is likewise one Python ``sort`` with a precomputed key per row.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from kenshu_desk.domain.japanese import match_key, reading_sort_key
from kenshu_desk.domain.models import AttendanceState
from kenshu_desk.services.participants.participants import DirectoryRow, search_words
from kenshu_desk.services.participants.registrations import RegistrationRow
from kenshu_desk.ui.shell.labels import shown
from kenshu_desk.ui.shell.list_model import ListTableModel

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
_DISPLAY = Qt.ItemDataRole.DisplayRole
_BASE_ROLES = frozenset({_DISPLAY, ID_ROLE, ROW_ROLE})

_Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row", DirectoryRow, RegistrationRow)

STATE_COLOURS = {
    AttendanceState.ATTENDED_VENUE.value: QColor("#e3f4e1"),
    AttendanceState.ATTENDED_ONLINE.value: QColor("#e1eef9"),
    AttendanceState.ABSENT.value: QColor("#fbe9e7"),
    AttendanceState.CANCELLED.value: QColor("#eeeeee"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ParticipantModels", text)


class SnapshotModel(QAbstractTableModel, Generic[Row]):
    """A read-only table over frozen row snapshots, filtered by typed words."""

    HEADERS: tuple[str, ...] = ()
    COLUMNS: tuple[Callable[[Any], Any], ...] = ()
    ROLES: frozenset[int] = frozenset()  # set below: display, ids, and what extra_data serves

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[Row] = []
        self._rows: list[Row] = []  # the rows shown: _all filtered by _words, same order
        self._row_of_id: dict[int, int] | None = None  # built when first asked for
        self._words: list[str] = []
        self._headers = tuple(_tr(h) for h in self.HEADERS)  # in the window's language

    # --- content ------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._all = list(rows)
        self._apply(self._all)
        self.endResetModel()

    def set_search(self, text: str) -> None:
        """Show only rows whose key holds every typed word; a no-op if the words are the same."""
        words = search_words(text)
        if words == self._words:
            return
        # Typing more only narrows: each old word is inside a new one, so search what is shown.
        narrowing = bool(self._words) and all(any(o in n for n in words) for o in self._words)
        self._words = words
        self.beginResetModel()
        self._apply(self._rows if narrowing else self._all)
        self.endResetModel()

    def _apply(self, source: list[Row]) -> None:
        words = self._words
        if not words:
            self._rows = list(source)
        elif len(words) == 1:  # the common case, without a generator per row
            w = words[0]
            self._rows = [r for r in source if w in r.search_key]
        else:
            self._rows = [r for r in source if all(w in r.search_key for w in words)]
        self._row_of_id = None

    def replace_rows(
        self, ids: Sequence[int], rows: Sequence[Row], key: Callable[[Row], Any]
    ) -> None:
        """Put fresh snapshots of ``ids`` in place (``rows`` may lack some: they are removed),
        keeping the order ``key`` gives; a one-person edit need not reload 20,000 people."""
        gone = set(ids)
        self.beginResetModel()
        self._all = [r for r in self._all if r.id not in gone]
        for row in rows:
            at = bisect.bisect_left(self._all, key(row), key=key)
            self._all.insert(at, row)
        self._apply(self._all)
        self.endResetModel()

    def rank_shown(self, key: Callable[[Row], Any]) -> None:
        """Reorder the rows shown (best match first); the full list keeps its order."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self._rows[p.row()].id if p.isValid() else None for p in persistent]
        self._rows.sort(key=key)
        self._row_of_id = None
        self.changePersistentIndexList(
            persistent,
            [
                self.index(self.row_of(i), p.column()) if i is not None else QModelIndex()
                for p, i in zip(persistent, ids, strict=True)
            ],
        )
        self.layoutChanged.emit()

    def words(self) -> list[str]:
        return list(self._words)

    def rows(self) -> list[Row]:
        return self._rows

    def all_rows(self) -> list[Row]:
        return self._all

    def total(self) -> int:
        return len(self._all)

    def row_at(self, row: int) -> Row | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def id_at(self, row: int) -> int | None:
        r = self.row_at(row)
        return r.id if r is not None else None

    def row_of(self, row_id: int) -> int:
        if self._row_of_id is None:
            self._row_of_id = {r.id: n for n, r in enumerate(self._rows)}
        return self._row_of_id.get(row_id, -1)

    # --- Qt -----------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called ~2,000 times per repaint (every role of every visible cell): answer the
        # roles this model never serves before touching the index.
        if role not in self.ROLES:
            return None
        row = index.row()
        if not 0 <= row < len(self._rows) or not index.isValid():
            return None
        r = self._rows[row]
        if role == _DISPLAY:
            return self.COLUMNS[index.column()](r)
        if role == ID_ROLE:
            return r.id
        if role == ROW_ROLE:
            return r
        return self.extra_data(r, index.column(), role)

    def extra_data(self, row: Row, column: int, role: int) -> Any:
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """One Python sort with a key per row (Qt would compare pairs through Python)."""
        if not 0 <= column < len(self.COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self._rows[p.row()].id if p.isValid() else None for p in persistent]
        key = self.sort_key(column)
        reverse = order == Qt.SortOrder.DescendingOrder
        self._all.sort(key=key, reverse=reverse)
        self._rows.sort(key=key, reverse=reverse)
        self._row_of_id = None
        self.changePersistentIndexList(
            persistent,
            [
                self.index(self.row_of(i), p.column()) if i is not None else QModelIndex()
                for p, i in zip(persistent, ids, strict=True)
            ],
        )
        self.layoutChanged.emit()

    def sort_key(self, column: int) -> Callable[[Row], Any]:
        getter = self.COLUMNS[column]
        return lambda r: match_key(str(getter(r) or ""))


class DirectoryModel(SnapshotModel[DirectoryRow]):
    HEADERS = ("氏名", "ふりがな", "所属", "部署", "職名", "メールアドレス", "申込", "出席")
    COLUMNS = (
        lambda r: r.name,
        lambda r: r.reading,
        lambda r: r.organisation,
        lambda r: r.department,
        lambda r: r.title,
        lambda r: r.email,
        lambda r: r.registered,
        lambda r: r.attended,
    )
    ROLES = _BASE_ROLES | {
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ToolTipRole,
    }

    def extra_data(self, row: DirectoryRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.archived:
            return QBrush(QColor("#888888"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 6:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and row.archived:
            return _tr("アーカイブ済み")
        return None

    def sort_key(self, column: int) -> Callable[[DirectoryRow], Any]:
        if column in (0, 1):
            return lambda r: r.sort_key
        if column in (6, 7):
            getter = self.COLUMNS[column]
            return lambda r: (getter(r), r.sort_key)
        return super().sort_key(column)


class RegistrationModel(SnapshotModel[RegistrationRow]):
    HEADERS = ("氏名", "ふりがな", "所属", "部署", "職名", "出欠", "オンライン（分）", "返信")
    COLUMNS: tuple[Callable[[Any], Any], ...] = (
        lambda r: r.name,
        lambda r: r.reading,
        lambda r: r.organisation,
        lambda r: r.department,
        lambda r: r.title,
        lambda r: shown(r.state_label),
        lambda r: r.minutes_online if r.minutes_online is not None else "",
    )
    STATE_COLUMN = 5
    REPLY_COLUMN = 7

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        # participant id → (the answer to the invitation and when, the comment): issue 20
        self.answers: dict[int, tuple[str, str]] = {}
        self.COLUMNS = (*type(self).COLUMNS, self._answer)

    def _answer(self, row: RegistrationRow) -> str:
        return self.answers.get(row.participant_id, ("", ""))[0]

    def set_answers(self, answers: dict[int, tuple[str, str]]) -> None:
        self.answers = dict(answers)
        if self.rowCount():
            top, bottom = (
                self.index(0, self.REPLY_COLUMN),
                self.index(self.rowCount() - 1, self.REPLY_COLUMN),
            )
            self.dataChanged.emit(top, bottom)

    ROLES = _BASE_ROLES | {
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ToolTipRole,
    }

    def extra_data(self, row: RegistrationRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and column == self.STATE_COLUMN:
            colour = STATE_COLOURS.get(row.state)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 6:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.REPLY_COLUMN:
            return self.answers.get(row.participant_id, ("", ""))[1] or None
        if role == Qt.ItemDataRole.ToolTipRole and row.email:
            return row.email
        return None

    def sort_key(self, column: int) -> Callable[[RegistrationRow], Any]:
        if column in (0, 1):
            return lambda r: reading_sort_key(r.reading, r.name)
        if column == 6:
            return lambda r: (r.minutes_online is None, r.minutes_online or 0)
        return super().sort_key(column)


class TupleTableModel(ListTableModel):
    """A small read-only table of tuples (a person's history, a preview, a plan)."""

    def __init__(self, headers: Sequence[str], parent: Any = None) -> None:
        super().__init__(headers, parent)
        self._backgrounds: list[QColor | None] = []
        self._tooltips: list[str] = []

    def set_rows(
        self,
        rows: Sequence[tuple[Any, ...]],
        backgrounds: Sequence[QColor | None] | None = None,
        tooltips: Sequence[str] | None = None,
    ) -> None:
        self._backgrounds = list(backgrounds or [None] * len(rows))
        self._tooltips = list(tooltips or [""] * len(rows))
        super().set_rows([tuple(r) for r in rows])

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = row[index.column()] if index.column() < len(row) else ""
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = self._backgrounds[index.row()]
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltips[index.row()] or None
        return None
