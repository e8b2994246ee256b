"""The programme table: its cell editors (minutes, type) and committing an open edit.

The programme editor (programme_editor) lays it out with its actions and the selected
item's details; the table's model is programme_model.ProgrammeModel.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from kenshu_desk.services.timetable.programme_edit import ITEM_TYPES, MAX_MINUTES

_Index = QModelIndex | QPersistentModelIndex


class MinutesDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        box = QSpinBox(parent)
        box.setRange(0, MAX_MINUTES)
        box.setAlignment(Qt.AlignmentFlag.AlignRight)
        box.setFrame(False)
        return box

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QSpinBox)
        editor.setValue(int(index.data(Qt.ItemDataRole.EditRole) or 0))
        editor.selectAll()

    def setModelData(self, editor: QWidget, model: Any, index: _Index) -> None:
        assert isinstance(editor, QSpinBox)
        editor.interpretText()
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)


class TypeDelegate(QStyledItemDelegate):
    """種別: the usual types to choose from, or any other typed in."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItems(list(ITEM_TYPES))
        return combo

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        text = index.data(Qt.ItemDataRole.EditRole) or ""
        found = editor.findText(text)
        if found >= 0:
            editor.setCurrentIndex(found)
        else:
            editor.setEditText(text)
        if (line := editor.lineEdit()) is not None:
            line.selectAll()

    def setModelData(self, editor: QWidget, model: Any, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        text = editor.currentText().strip()
        if text:
            model.setData(index, text, Qt.ItemDataRole.EditRole)


class ProgrammeTable(QTableView):
    def commit_pending_edit(self) -> None:
        """Save what is typed in an open cell editor before the rows change under it."""
        if self.state() != QAbstractItemView.State.EditingState:
            return
        editor = QApplication.focusWidget()
        while editor is not None and editor.parentWidget() is not self.viewport():
            editor = editor.parentWidget()
        if editor is not None:
            self.commitData(editor)
            self.closeEditor(editor, QStyledItemDelegate.EndEditHint.NoHint)
