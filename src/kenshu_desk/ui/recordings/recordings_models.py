"""Table models of the recording dialog: links, the delivery log, the follow-up.

Each is a QAbstractTableModel over plain snapshots taken in one session by the dialog.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from kenshu_desk.domain.models import ATTENDANCE_LABELS, AttendanceState
from kenshu_desk.services.recordings.recording_log import DeliveryEntry, FollowUpRow
from kenshu_desk.services.recordings.recordings import RecordingInfo
from kenshu_desk.ui.shell.i18n import date_time_label, long_date
from kenshu_desk.ui.shell.labels import shown

_Index = QModelIndex | QPersistentModelIndex
ALERT = QBrush(QColor("#a00000"))


def table_view(model: QAbstractTableModel) -> QTableView:
    """A read-only list of whole rows, one selected at a time, sized to its contents."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


class _SnapshotModel(QAbstractTableModel):
    HEADERS: tuple[str, ...] = ()
    CONTEXT = "RecordingModels"

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rows(self) -> list[Any]:
        return list(self._rows)

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
            and 0 <= section < len(self.HEADERS)
        ):
            return QCoreApplication.translate(self.CONTEXT, self.HEADERS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        item = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(item, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and self.alert(item):
            return ALERT
        return None

    def text(self, item: Any, column: int) -> str:
        raise NotImplementedError

    def alert(self, item: Any) -> bool:
        return False


class RecordingsModel(_SnapshotModel):
    HEADERS = ("動画URL", "パスコード", "公開期限", "備考")

    def text(self, item: RecordingInfo, column: int) -> str:
        until = long_date(item.available_until) if item.available_until else ""
        return (item.url, item.passcode, until, item.note)[column]


class DeliveryLogModel(_SnapshotModel):
    HEADERS = ("氏名", "アドレス", "方法", "結果", "日時", "動画URL", "備考")

    def text(self, item: DeliveryEntry, column: int) -> str:
        when = date_time_label(item.sent_at)
        values = (
            item.recipient,
            item.address,
            shown(item.method_label),
            shown(item.status_label),
            when,
            item.url,
            item.note,
        )
        return values[column]

    def alert(self, item: DeliveryEntry) -> bool:
        return item.status in ("failed", "unknown")


class FollowUpModel(_SnapshotModel):
    HEADERS = ("所属", "氏名", "出欠", "動画の送付", "次の対応")

    def text(self, item: FollowUpRow, column: int) -> str:
        state = shown(ATTENDANCE_LABELS.get(AttendanceState(item.state), item.state))
        received = QCoreApplication.translate(self.CONTEXT, "送付済み") if item.received else ""
        todo = QCoreApplication.translate(self.CONTEXT, "要対応") if item.neither else ""
        return (item.organisation, item.name, state, received, todo)[column]

    def alert(self, item: FollowUpRow) -> bool:
        return item.neither
