"""Live checks under the programme: overrun, gaps, pinned overlaps, double-booked speakers.

Shown in the window as the programme changes, never as pop-ups. Clicking a check that
concerns one item selects that item.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle, QWidget

from kenshu_desk.domain.japanese import time_range
from kenshu_desk.domain.programme import IssueKind, ProgrammeIssue
from kenshu_desk.services.timetable.conflicts import DoubleBooking
from kenshu_desk.services.timetable.event_view import WARNING, Check

ITEM_INDEX_ROLE = Qt.ItemDataRole.UserRole + 30


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChecksPanel", text)


def check_text(check: Check) -> str:
    """A check in the window's language (the Japanese is the same as the services' text)."""
    found = check.finding
    if isinstance(found, ProgrammeIssue):
        where = (
            _tr("{0}番目の項目").format(found.index + 1)
            if found.index is not None
            else _tr("プログラム")
        )
        template = {
            IssueKind.OVERRUN: _tr("プログラムが終了時刻を{0}分超えています"),
            IssueKind.GAP: _tr("{1}の前に{0}分の空き時間があります"),
            IssueKind.OVERLAP: _tr("{1}（時刻固定）が前の項目と{0}分重なっています"),
            IssueKind.EARLY_END: _tr("プログラムが終了時刻の{0}分前に終わります"),
            IssueKind.BEFORE_START: _tr("{1}（時刻固定）が開始時刻より{0}分前に始まります"),
            IssueKind.NEGATIVE: _tr("{1}の所要時間が負の値です"),
        }[found.kind]
        return template.format(found.minutes, where)
    if isinstance(found, DoubleBooking):
        return _tr("{0}番目の項目：{1} は同じ時間帯に「{2}」の「{3}」（{4}）にも登壇します").format(
            found.item_index + 1,
            found.speaker_name,
            found.other_event_title,
            found.other_item_title,
            time_range(found.other_start, found.other_end),
        )
    return check.message


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
            item = QListWidgetItem(style.standardIcon(icon), check_text(check))
            if check.item_index is not None:
                item.setData(ITEM_INDEX_ROLE, check.item_index)
                item.setToolTip(self.tr("クリックすると該当する項目を選択します"))
            self.addItem(item)

    def messages(self) -> list[str]:
        return [check_text(c) for c in self._checks]

    def warnings(self) -> list[str]:
        return [check_text(c) for c in self._checks if c.level == WARNING]

    def _on_clicked(self, item: QListWidgetItem) -> None:
        index = item.data(ITEM_INDEX_ROLE)
        if index is not None:
            self.item_chosen.emit(int(index))
