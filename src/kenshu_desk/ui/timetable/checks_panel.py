"""Live checks under the programme: overrun, gaps, pinned overlaps, double-booked speakers.

Shown in the window as the programme changes, never as pop-ups. Clicking a check that
concerns one item selects that item.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle, QWidget

from kenshu_desk.services.timetable.event_view import WARNING, Check

ITEM_INDEX_ROLE = Qt.ItemDataRole.UserRole + 30


class ChecksPanel(QListWidget):
    item_chosen = Signal(int)  # index of the programme item a check concerns

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWordWrap(True)
        self.setAccessibleName(self.tr("時間割のチェック"))
        self.itemClicked.connect(self._on_clicked)
        self._checks: tuple[Check, ...] = ()

    def set_checks(self, checks: Sequence[Check] | None) -> None:
        self._checks = tuple(checks or ())
        self.clear()
        if checks is None:
            return
        style = self.style()
        if not any(c.level == WARNING for c in self._checks):
            ok = QListWidgetItem(
                style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton),
                self.tr("時間割に問題はありません"),
            )
            ok.setForeground(Qt.GlobalColor.darkGreen)
            self.addItem(ok)
        for check in self._checks:
            icon = (
                QStyle.StandardPixmap.SP_MessageBoxWarning
                if check.level == WARNING
                else QStyle.StandardPixmap.SP_MessageBoxInformation
            )
            item = QListWidgetItem(style.standardIcon(icon), check.message)
            if check.item_index is not None:
                item.setData(ITEM_INDEX_ROLE, check.item_index)
                item.setToolTip(self.tr("クリックすると該当する項目を選択します"))
            self.addItem(item)

    def messages(self) -> list[str]:
        return [c.message for c in self._checks]

    def warnings(self) -> list[str]:
        return [c.message for c in self._checks if c.level == WARNING]

    def _on_clicked(self, item: QListWidgetItem) -> None:
        index = item.data(ITEM_INDEX_ROLE)
        if index is not None:
            self.item_chosen.emit(int(index))
