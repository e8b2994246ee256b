"""The programme (時間割) editor: the table (programme_table), its actions, and the selected
item's details.

Keyboard: Ctrl+Enter adds an item after the current one and opens its minutes; Tab moves
on to 種別 and 内容; Ctrl+Shift+Enter inserts before; Ctrl+B adds a break; Delete removes;
Ctrl+↑/↓ move; Ctrl+T pins the start. Rows can also be dragged. Every change is an undo
command pushed on the window's stack.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, QSignalBlocker, Qt, QTime, QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QSplitter,
    QTimeEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kenshu_desk.services.timetable.event_view import WARNING, EventView, ItemView
from kenshu_desk.services.timetable.programme_edit import ItemData, break_item
from kenshu_desk.ui.shell.widgets import set_line
from kenshu_desk.ui.timetable import commands, programme_commands
from kenshu_desk.ui.timetable.presenters_editor import PresentersEditor
from kenshu_desk.ui.timetable.programme_model import (
    COL_MINUTES,
    COL_PRESENTERS,
    COL_TIME,
    COL_TITLE,
    COL_TYPE,
    ProgrammeModel,
)
from kenshu_desk.ui.timetable.programme_table import MinutesDelegate, ProgrammeTable, TypeDelegate
from kenshu_desk.ui.timetable.speaker_directory import SpeakerDirectory


class ProgrammeEditor(QWidget):
    def __init__(
        self,
        ctx: commands.EditContext,
        stack: QUndoStack,
        speakers: SpeakerDirectory,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stack = stack
        self._view: EventView | None = None

        self.model = ProgrammeModel(self)
        self.model.edit_requested.connect(self._on_cell_edit)
        self.model.move_requested.connect(self._on_move_request)

        self.table = ProgrammeTable()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setTabKeyNavigation(True)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.table.setDragDropOverwriteMode(False)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setDropIndicatorShown(True)
        self.table.setItemDelegateForColumn(COL_MINUTES, MinutesDelegate(self.table))
        self.table.setItemDelegateForColumn(COL_TYPE, TypeDelegate(self.table))
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        header.setSectionResizeMode(COL_TIME, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(COL_TIME, metrics.horizontalAdvance("00:00～00:00") + 16)
        header.setSectionResizeMode(COL_MINUTES, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(COL_MINUTES, metrics.horizontalAdvance("000") + 28)
        header.setSectionResizeMode(COL_TYPE, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(COL_TYPE, metrics.horizontalAdvance("質疑応答") + 24)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_PRESENTERS, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_PRESENTERS, metrics.horizontalAdvance("①" * 11) + 12)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        # Enter or a double-click on 発表者 goes to the presenter box of the details.
        self.table.activated.connect(self._on_activated)
        self.table.doubleClicked.connect(self._on_activated)

        self._build_actions()

        # --- the selected item's details ---
        self.description = QLineEdit(
            placeholderText=self.tr("例: 参加自治体から事例発表市町村への質問")
        )
        self.description.editingFinished.connect(self._on_description)
        self.pin_box = QCheckBox(self.tr("開始時刻を固定"))
        self.pin_box.toggled.connect(self._on_pin_box)
        self.pin_time = QTimeEdit()
        self.pin_time.setDisplayFormat("HH:mm")
        self.pin_time.setKeyboardTracking(False)
        self.pin_time.timeChanged.connect(self._on_pin_time)
        pin_row = QHBoxLayout()
        pin_row.addWidget(self.pin_box)
        pin_row.addWidget(self.pin_time)
        pin_row.addStretch(1)
        self.presenters = PresentersEditor(speakers)
        self.presenters.presenters_requested.connect(self._on_presenters)
        self.presenters.new_speaker_requested.connect(self._on_new_speaker)
        self.presenters.message.connect(self.ctx.report_error)

        self.details = QGroupBox(self.tr("選択中の項目"))
        form = QFormLayout(self.details)
        form.setContentsMargins(8, 6, 8, 6)
        form.addRow(self.tr("補足"), self.description)
        form.addRow(pin_row)
        form.addRow(self.presenters)

        tools = QHBoxLayout()
        tools.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[QAction, QToolButton] = {}
        for action in self.item_actions:
            if action is self.delete_action:
                tools.addSpacing(8)
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            tools.addWidget(button)
            self.buttons[action] = button
        tools.addStretch(1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(4)
        left_layout.addLayout(tools)
        left_layout.addWidget(self.table, 1)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.details.setMinimumWidth(self.fontMetrics().horizontalAdvance("あ") * 20)
        self.splitter.setSizes([660, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.set_view(None)

    # --- actions -------------------------------------------------------------------------

    def _action(self, text: str, short: str, keys: list[str], slot: Any, tip: str) -> QAction:
        action = QAction(text, self)
        action.setIconText(short)
        action.setShortcuts([QKeySequence(k) for k in keys])
        # Only while the programme has the focus (Delete in a list must not touch it).
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip}（{shortcut}）" if shortcut else tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        tr = self.tr
        self.add_action = self._action(
            tr("項目を追加(&A)"), tr("＋追加"), ["Ctrl+Return", "Ctrl+Enter"],
            self.add_item, tr("選択中の項目の後に新しい項目を追加"),
        )  # fmt: skip
        self.insert_action = self._action(
            tr("項目を前に挿入(&I)"), tr("挿入"), ["Ctrl+Shift+Return", "Ctrl+Shift+Enter"],
            self.insert_item, tr("選択中の項目の前に新しい項目を挿入"),
        )  # fmt: skip
        self.break_action = self._action(
            tr("休憩を追加(&B)"), tr("休憩"), ["Ctrl+B"],
            self.add_break, tr("選択中の項目の後に休憩（5分）を追加"),
        )  # fmt: skip
        self.delete_action = self._action(
            tr("項目を削除(&D)"), tr("削除"), ["Delete"],
            self.delete_item, tr("選択中の項目を削除"),
        )  # fmt: skip
        self.up_action = self._action(
            tr("項目を上へ(&U)"), tr("↑上へ"), ["Ctrl+Up"],
            lambda: self.move_current(-1), tr("選択中の項目を一つ前へ"),
        )  # fmt: skip
        self.down_action = self._action(
            tr("項目を下へ(&N)"), tr("↓下へ"), ["Ctrl+Down"],
            lambda: self.move_current(1), tr("選択中の項目を一つ後へ"),
        )  # fmt: skip
        self.pin_action = self._action(
            tr("開始時刻を固定(&P)"), tr("時刻固定"), ["Ctrl+T"],
            self.toggle_pin, tr("選択中の項目の開始時刻を今の時刻に固定／固定を解除"),
        )  # fmt: skip
        self.pin_action.setCheckable(True)
        self.item_actions = [
            self.add_action,
            self.insert_action,
            self.break_action,
            self.delete_action,
            self.up_action,
            self.down_action,
            self.pin_action,
        ]

    def _update_actions(self) -> None:
        has_event = self._view is not None
        row = self.current_row()
        count = self.model.rowCount()
        self.add_action.setEnabled(has_event)
        self.insert_action.setEnabled(has_event)
        self.break_action.setEnabled(has_event)
        self.delete_action.setEnabled(row >= 0)
        self.up_action.setEnabled(row > 0)
        self.down_action.setEnabled(0 <= row < count - 1)
        self.pin_action.setEnabled(row >= 0)
        with QSignalBlocker(self.pin_action):
            self.pin_action.setChecked(row >= 0 and self.model.item_at(row).fixed_start is not None)

    # --- showing -------------------------------------------------------------------------

    def set_view(self, view: EventView | None, focus_item_id: int | None = None) -> None:
        current = self.current_item()
        column = self.table.currentIndex().column()
        self._view = view
        flagged = frozenset(
            c.item_index
            for c in (view.checks if view else ())
            if c.level == WARNING and c.item_index is not None
        )
        self.model.set_items(view.id if view else None, view.items if view else (), flagged)
        target = focus_item_id if focus_item_id is not None else (current.id if current else None)
        if target is not None:
            self.select_item(target, column if column >= 0 else COL_TITLE)
        self.table.resizeRowsToContents()
        self._show_details()
        self._update_actions()

    def select_item(self, item_id: int, column: int = COL_TITLE) -> None:
        row = self.model.row_of(item_id)
        if row < 0:
            return
        current = self.table.currentIndex()
        if current.row() == row:
            return
        self.table.setCurrentIndex(self.model.index(row, max(0, column)))
        self.table.scrollTo(self.model.index(row, 0))

    def current_row(self) -> int:
        row = self.table.currentIndex().row()
        return row if 0 <= row < self.model.rowCount() else -1

    def current_item(self) -> ItemView | None:
        row = self.current_row()
        return self.model.item_at(row) if row >= 0 else None

    def _on_activated(self, index: QModelIndex) -> None:
        # After the click has been handled: the view takes the focus on the press.
        if index.isValid() and index.column() == COL_PRESENTERS:
            QTimer.singleShot(0, self.presenters.entry.setFocus)
        elif index.isValid() and index.column() == COL_TIME:
            QTimer.singleShot(0, self.pin_box.setFocus)

    def _on_current_row(self, *_: Any) -> None:
        self._show_details()
        self._update_actions()

    def _show_details(self) -> None:
        item = self.current_item()
        self.details.setEnabled(item is not None)
        row = self.current_row()
        self.details.setTitle(
            self.tr("選択中の項目（%1）").replace("%1", str(row + 1))
            if item
            else self.tr("選択中の項目")
        )
        set_line(self.description, item.description if item else "")
        with QSignalBlocker(self.pin_box):
            self.pin_box.setChecked(item is not None and item.fixed_start is not None)
        with QSignalBlocker(self.pin_time):
            when = (item.fixed_start or item.start) if item else dt.time(0, 0)
            self.pin_time.setTime(QTime(when.hour, when.minute))
        self.pin_time.setEnabled(item is not None and item.fixed_start is not None)
        self.presenters.set_item(item)

    # --- commands ------------------------------------------------------------------------

    def _push(self, command: commands.DbCommand) -> None:
        self.stack.push(command)

    def _insert(self, data: ItemData, index: int, text: str, edit: bool) -> None:
        if self._view is None:
            return
        self.table.commit_pending_edit()
        command = programme_commands.AddItem(self.ctx, self._view.id, data, index, text)
        self._push(command)
        if command.item_id is not None and edit:
            row = self.model.row_of(command.item_id)
            if row >= 0:
                index_ = self.model.index(row, COL_MINUTES)
                self.table.setCurrentIndex(index_)
                self.table.setFocus()
                self.table.edit(index_)

    def add_item(self) -> None:
        row = self.current_row()
        index = row + 1 if row >= 0 else self.model.rowCount()
        self._insert(ItemData(), index, self.tr("項目の追加"), edit=True)

    def insert_item(self) -> None:
        row = self.current_row()
        self._insert(ItemData(), max(row, 0), self.tr("項目の挿入"), edit=True)

    def add_break(self) -> None:
        row = self.current_row()
        index = row + 1 if row >= 0 else self.model.rowCount()
        self._insert(break_item(), index, self.tr("休憩の追加"), edit=False)

    def delete_item(self) -> None:
        item = self.current_item()
        if self._view is None or item is None:
            return
        self.table.commit_pending_edit()
        label = item.title or item.item_type
        text = self.tr("項目「%1」の削除").replace("%1", label)
        self._push(
            programme_commands.DeleteItem(
                self.ctx, self._view.id, item.id, text, expected_version=item.version
            )
        )

    def move_current(self, step: int) -> None:
        row = self.current_row()
        if row < 0:
            return
        target = row + step
        if 0 <= target < self.model.rowCount():
            self._on_move_request(self.model.item_at(row).id, target)

    def _on_move_request(self, item_id: int, to_index: int) -> None:
        if self._view is None:
            return
        self.table.commit_pending_edit()
        shown = [self.model.item_at(row).id for row in range(self.model.rowCount())]
        text = self.tr("項目の移動")
        self._push(
            programme_commands.MoveItem(
                self.ctx, self._view.id, item_id, to_index, text, expected_order=shown
            )
        )

    def _update_item(self, item_id: int, changes: dict[str, Any], text: str) -> None:
        if self._view is not None:
            row = self.model.row_of(item_id)
            seen = self.model.item_at(row).version if row >= 0 else None
            self._push(
                programme_commands.UpdateItem(
                    self.ctx, self._view.id, item_id, changes, text, expected_version=seen
                )
            )

    def _on_cell_edit(self, item_id: int, field: str, value: Any) -> None:
        row = self.model.row_of(item_id)
        if row < 0:
            return
        item = self.model.item_at(row)
        changes: dict[str, Any] = {field: value}
        if field == "item_type" and (not item.title or item.title == item.item_type):
            changes["title"] = value  # 挨拶 / 休憩 / 閉会: the title is the type
        texts = {
            "minutes": self.tr("所要時間の変更"),
            "item_type": self.tr("種別の変更"),
            "title": self.tr("内容の変更"),
        }
        self._update_item(item_id, changes, texts[field])

    def _on_description(self) -> None:
        item = self.current_item()
        if item is not None and self.description.text() != item.description:
            self._update_item(
                item.id, {"description": self.description.text()}, self.tr("補足の変更")
            )

    def toggle_pin(self) -> None:
        item = self.current_item()
        if item is None:
            return
        if item.fixed_start is None:
            self._update_item(item.id, {"fixed_start": item.start}, self.tr("開始時刻の固定"))
        else:
            self._update_item(item.id, {"fixed_start": None}, self.tr("開始時刻の固定を解除"))

    def _on_pin_box(self, checked: bool) -> None:
        item = self.current_item()
        if item is not None and checked != (item.fixed_start is not None):
            self.toggle_pin()

    def _on_pin_time(self, when: QTime) -> None:
        item = self.current_item()
        value = when.toPython()
        if item is not None and item.fixed_start is not None and value != item.fixed_start:
            self._update_item(item.id, {"fixed_start": value}, self.tr("固定時刻の変更"))

    def _on_presenters(self, refs: list, text: str) -> None:
        item = self.current_item()
        if self._view is not None and item is not None:
            self._push(
                programme_commands.SetPresenters(
                    self.ctx, self._view.id, item.id, refs, text, expected_version=item.version
                )
            )

    def _on_new_speaker(self, fields: dict, current: list) -> None:
        item = self.current_item()
        if self._view is None or item is None:
            return
        text = self.tr("講師「%1」を登録して発表者に追加").replace("%1", fields.get("name", ""))
        self._push(
            programme_commands.AddNewSpeakerAsPresenter(
                self.ctx, self._view.id, item.id, fields, current, text, item.version
            )
        )
