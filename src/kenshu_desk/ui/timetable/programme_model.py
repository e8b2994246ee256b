"""The programme table: a Qt model over the event view's item snapshots.

The model never changes the database itself. An edit in a cell (setData) or a drop
(dropMimeData / moveRows) is turned into a request signal; the editor pushes an undo command,
the command runs the service, and the window hands the model the fresh snapshot.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from kenshu_desk.domain.models import ItemType
from kenshu_desk.services.timetable.event_view import ItemView
from kenshu_desk.ui.shell.labels import shown

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 10
MIME_TYPE = "application/x-kenshu-desk-programme-item"

COL_TIME, COL_MINUTES, COL_TYPE, COL_TITLE, COL_PRESENTERS = range(5)
_FIELD_OF_COLUMN = {COL_MINUTES: "minutes", COL_TYPE: "item_type", COL_TITLE: "title"}

_Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProgrammeModel", text)


class ProgrammeModel(QAbstractTableModel):
    edit_requested = Signal(int, str, object)  # item id, field, new value
    move_requested = Signal(int, int)  # item id, index it should end up at

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._event_id: int | None = None
        self._items: tuple[ItemView, ...] = ()
        self._flagged: frozenset[int] = frozenset()
        self._headers = (_tr("時間"), _tr("分"), _tr("種別"), _tr("内容"), _tr("発表者"))

    # --- the snapshot -------------------------------------------------------------------

    def set_items(
        self,
        event_id: int | None,
        items: Sequence[ItemView],
        flagged: frozenset[int] = frozenset(),
    ) -> None:
        """Show a new snapshot: same rows in the same order only repaint, anything else resets.

        `flagged`: rows a check warns about; their time shows in red.
        """
        items = tuple(items)
        self._flagged = flagged
        same_rows = event_id == self._event_id and [i.id for i in items] == [
            i.id for i in self._items
        ]
        if same_rows:
            self._items = items
            if items:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(items) - 1, len(self._headers) - 1)
                )
            return
        self.beginResetModel()
        self._event_id = event_id
        self._items = items
        self.endResetModel()

    @property
    def event_id(self) -> int | None:
        return self._event_id

    def item_at(self, row: int) -> ItemView:
        return self._items[row]

    def row_of(self, item_id: int) -> int:
        for row, item in enumerate(self._items):
            if item.id == item_id:
                return row
        return -1

    # --- read ---------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return str(section + 1)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, col)
        if role == Qt.ItemDataRole.EditRole:
            return {COL_MINUTES: item.minutes, COL_TYPE: item.item_type, COL_TITLE: item.title}.get(
                col, self._display(item, col)
            )
        if role == ITEM_ID_ROLE:
            return item.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_TIME, COL_MINUTES):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and col == COL_TIME and item.fixed_start is not None:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_TIME and index.row() in self._flagged:
                return QBrush(QColor("#b91c1c"))
            if col == COL_TIME and item.fixed_start is not None:
                return QBrush(QColor("#1d4ed8"))  # pinned: bold blue
            if item.item_type == ItemType.BREAK:
                return QBrush(QColor("#5f6b7a"))
        return None

    def _display(self, item: ItemView, col: int) -> str:
        if col == COL_TIME:
            return item.time_label
        if col == COL_MINUTES:
            return str(item.minutes)
        if col == COL_TYPE:
            return shown(item.item_type)
        if col == COL_TITLE:
            return f"{item.title}\n{item.description}" if item.description else item.title
        return item.presenters_label

    def _tooltip(self, item: ItemView, col: int) -> str | None:
        if col == COL_TIME and item.fixed_start is not None:
            return _tr("開始時刻を %1 に固定しています").replace(
                "%1", item.fixed_start.strftime("%H:%M")
            )
        if col == COL_PRESENTERS and item.presenters:
            return "\n".join(f"{p.display} {p.topic}".strip() for p in item.presenters)
        if col == COL_TITLE and item.title:
            return item.title
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            # Drops go between rows, never onto an item.
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        flags |= Qt.ItemFlag.ItemIsDragEnabled
        if index.column() in _FIELD_OF_COLUMN:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # --- edit requests -------------------------------------------------------------------

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        field = _FIELD_OF_COLUMN.get(index.column())
        if field is None or not 0 <= index.row() < len(self._items):
            return False
        item = self._items[index.row()]
        if field == "minutes":
            try:
                value = int(value)
            except (TypeError, ValueError):
                return False
        elif not isinstance(value, str):
            return False
        if getattr(item, field) == value:
            return False
        self.edit_requested.emit(item.id, field, value)
        return True

    # --- drag and drop: a move within this event's programme ----------------------------

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if rows and self._event_id is not None:
            payload = f"{self._event_id}:{self._items[rows[0]].id}"
            mime.setData(MIME_TYPE, QByteArray(payload.encode("ascii")))
        return mime

    def _dragged(self, data: QMimeData) -> int | None:
        """The item id carried by `data`, if it is an item of the event shown here."""
        if data is None or not data.hasFormat(MIME_TYPE):
            return None
        try:
            event_id, item_id = (
                int(x) for x in bytes(data.data(MIME_TYPE).data()).decode().split(":")
            )
        except ValueError:
            return None
        if event_id != self._event_id or self.row_of(item_id) < 0:
            return None
        return item_id

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        return action == Qt.DropAction.MoveAction and self._dragged(data) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        item_id = self._dragged(data)
        if item_id is None or action != Qt.DropAction.MoveAction:
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._items)
        return self._request_move(self.row_of(item_id), row)

    def moveRows(
        self,
        source_parent: _Index,
        source_row: int,
        count: int,
        destination_parent: _Index,
        destination_child: int,
    ) -> bool:
        if source_parent.isValid() or destination_parent.isValid() or count != 1:
            return False
        if not 0 <= source_row < len(self._items):
            return False
        return self._request_move(source_row, destination_child)

    def _request_move(self, from_row: int, before_row: int) -> bool:
        """Move the item at from_row so that it lands before the item now at before_row."""
        to_index = before_row - 1 if before_row > from_row else before_row
        to_index = max(0, min(to_index, len(self._items) - 1))
        if to_index == from_row:
            return False
        self.move_requested.emit(self._items[from_row].id, to_index)
        return True

    def removeRows(self, row: int, count: int, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        # A finished drag asks the source to remove the moved rows; the move command has
        # already done all there is to do.
        return False
