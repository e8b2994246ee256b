"""Presenters of one programme item: in order (①②…), chosen with type-ahead or created here.

Type a name, a reading (ひらがな/カタカナ/ﾊﾝｶｸ alike) or an affiliation; pick from the list
with ↓ and Enter, or press Enter on a name that is not in the directory to create the
speaker on the spot (one undo step). The widget only emits requests; the programme editor
turns them into undo commands.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kenshu_desk.domain.japanese import circled_number, match_key
from kenshu_desk.services.timetable.event_view import ItemView, PresenterView
from kenshu_desk.services.timetable.programme_edit import PresenterRef
from kenshu_desk.services.timetable.speakers import new_speaker_fields
from kenshu_desk.ui.timetable.speaker_directory import SpeakerDirectory
from kenshu_desk.ui.timetable.speaker_models import SPEAKER_ID_ROLE, SpeakerChoices

_Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("PresentersEditor", text)


class PresenterModel(QAbstractTableModel):
    """The presenters of the selected item; the talk title (演題) is editable."""

    topic_edited = Signal(int, str)  # row, new topic

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: tuple[PresenterView, ...] = ()
        self._headers = (_tr("発表者"), _tr("演題"))

    def set_presenters(self, presenters: Sequence[PresenterView]) -> None:
        presenters = tuple(presenters)
        if [p.speaker_id for p in presenters] == [p.speaker_id for p in self._rows]:
            self._rows = presenters
            if presenters:
                self.dataChanged.emit(self.index(0, 0), self.index(len(presenters) - 1, 1))
            return
        self.beginResetModel()
        self._rows = presenters
        self.endResetModel()

    def refs(self) -> list[PresenterRef]:
        return [PresenterRef(p.speaker_id, p.topic) for p in self._rows]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < 2 else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        p = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return f"{circled_number(index.row() + 1)} {p.short}"
            return p.topic
        if role == Qt.ItemDataRole.EditRole:
            return p.short if index.column() == 0 else p.topic
        if role == Qt.ItemDataRole.ToolTipRole:
            return p.display
        if role == SPEAKER_ID_ROLE:
            return p.speaker_id
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 1:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != 1:
            return False
        if not isinstance(value, str) or value == self._rows[index.row()].topic:
            return False
        self.topic_edited.emit(index.row(), value)
        return True


class PresentersEditor(QWidget):
    presenters_requested = Signal(list, str)  # new list of PresenterRef, undo text
    new_speaker_requested = Signal(dict, list)  # speaker fields, current PresenterRefs
    message = Signal(str)

    def __init__(self, directory: SpeakerDirectory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._item: ItemView | None = None
        self.directory = directory
        self.speakers = speakers = directory.model
        self.model = PresenterModel(self)
        self.model.topic_edited.connect(self._on_topic)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

        self.choices = SpeakerChoices(speakers, self)
        self.completer = QCompleter(self.choices, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(10)
        # The QModelIndex overload of the signal; PySide6's stubs do not know signal indexing.
        self.completer.activated[QModelIndex].connect(self._on_chosen)  # type: ignore[index]

        self.entry = QLineEdit()
        self.entry.setToolTip(
            _tr(
                "名前・ふりがな・所属の一部を入力し、↓ で候補を選んで Enter。"
                "名簿にない名前は Enter で新しく登録します。"
            )
        )
        directory.loaded.connect(self._update_buttons)
        # setWidget, not QLineEdit.setCompleter: the line edit must not copy the chosen
        # suggestion into itself (it is cleared once the presenter is added).
        self.completer.setWidget(self.entry)
        self.entry.textEdited.connect(self._on_typed)
        self.entry.returnPressed.connect(self._on_return)
        self.create_button = QPushButton(_tr("新規登録"))
        self.create_button.setToolTip(_tr("入力した名前で講師名簿に登録し、発表者に加えます"))
        self.create_button.clicked.connect(self._create_from_entry)

        self.up_button = QPushButton(_tr("↑"))
        self.up_button.setToolTip(_tr("発表順を上げる"))
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button = QPushButton(_tr("↓"))
        self.down_button.setToolTip(_tr("発表順を下げる"))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.remove_button = QPushButton(_tr("外す"))
        self.remove_button.setToolTip(
            _tr("選んだ発表者をこの項目から外します（講師名簿には残ります）")
        )
        self.remove_button.clicked.connect(self._remove)
        for button in (self.up_button, self.down_button):
            button.setFixedWidth(button.fontMetrics().horizontalAdvance("↑") + 24)

        entry_row = QHBoxLayout()
        entry_row.addWidget(self.entry, 1)
        entry_row.addWidget(self.create_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addLayout(entry_row)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.set_item(None)

    # --- showing -------------------------------------------------------------------------

    def set_item(self, item: ItemView | None) -> None:
        previous = self._item
        keep = self.table.currentIndex().row()
        self._item = item
        self.model.set_presenters(item.presenters if item else ())
        self.setEnabled(item is not None)
        if item is not None and previous is not None and previous.id == item.id and keep >= 0:
            self.table.selectRow(min(keep, self.model.rowCount() - 1))
        self.table.resizeRowsToContents()
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.table.currentIndex().row()
        count = self.model.rowCount()
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)
        self.remove_button.setEnabled(0 <= row < count)
        # Until the directory is read, a typed name could not be found and would be created
        # a second time: the entry waits.
        ready = not self.directory.loading
        self.entry.setEnabled(ready)
        self.entry.setPlaceholderText(
            _tr("講師名・ふりがなで追加") if ready else _tr("講師名簿を読み込み中…")
        )
        self.create_button.setEnabled(
            ready and self._item is not None and bool(self.entry.text().strip())
        )

    # --- type-ahead ----------------------------------------------------------------------

    def _on_typed(self, text: str) -> None:
        self.choices.set_search(text)
        self._update_buttons()
        if text.strip() and self.choices.rowCount() > 0:
            # Wide enough for "name（affiliation title）", opening leftwards from the
            # entry's right edge (the entry sits at the window's right side).
            popup = self._popup()
            width = max(self.entry.width(), min(popup.sizeHintForColumn(0) + 28, 520))
            self.completer.complete(
                QRect(self.entry.width() - width, 0, width, self.entry.height())
            )
            # Nothing highlighted: Enter means "what I typed", ↓ picks a suggestion.
            self._popup().setCurrentIndex(QModelIndex())
        else:
            self._popup().hide()

    def _popup(self) -> QAbstractItemView:
        popup = self.completer.popup()
        assert popup is not None  # a QCompleter with a widget always has its list
        return popup

    def _on_chosen(self, index: QModelIndex) -> None:
        speaker_id = index.data(SPEAKER_ID_ROLE)
        if speaker_id is not None:
            self._add(int(speaker_id))

    def _on_return(self) -> None:
        """Enter without choosing: an exact or single match is taken, else a new speaker."""
        if self._popup().isVisible() and self._popup().currentIndex().isValid():
            return  # the completer handles it (activated)
        text = self.entry.text().strip()
        if not text or self._item is None:
            return
        self.choices.set_search(text)
        key = match_key(text)
        exact = [
            r
            for r in self.speakers.rows_view()
            if match_key(r.name) == key or match_key(r.short) == key
        ]
        if len(exact) == 1:
            self._add(exact[0].id)
        elif len(exact) > 1 or self.choices.rowCount() > 1:
            self.message.emit(_tr("候補が複数あります。一覧から選んでください。"))
            self.completer.complete()
        elif self.choices.rowCount() == 1:
            self._add(int(self.choices.index(0, 0).data(SPEAKER_ID_ROLE)))
        else:
            self._create_from_entry()

    def _create_from_entry(self) -> None:
        text = self.entry.text().strip()
        if not text or self._item is None:
            return
        self._popup().hide()
        self.entry.clear()
        self._update_buttons()
        self.new_speaker_requested.emit(new_speaker_fields(text), self.model.refs())

    # --- changes -------------------------------------------------------------------------

    def _add(self, speaker_id: int) -> None:
        self._popup().hide()
        self.entry.clear()
        self.choices.set_search("")
        self._update_buttons()
        refs = self.model.refs()
        if any(r.speaker_id == speaker_id for r in refs):
            speaker = self.speakers.speaker(speaker_id)
            name = speaker.short if speaker else ""
            self.message.emit(_tr("%1 は既に発表者に入っています。").replace("%1", name))
            return
        self.presenters_requested.emit([*refs, PresenterRef(speaker_id)], _tr("発表者の追加"))

    def _remove(self) -> None:
        row = self.table.currentIndex().row()
        refs = self.model.refs()
        if 0 <= row < len(refs):
            del refs[row]
            self.presenters_requested.emit(refs, _tr("発表者を外す"))

    def _move(self, step: int) -> None:
        row = self.table.currentIndex().row()
        refs = self.model.refs()
        target = row + step
        if 0 <= row < len(refs) and 0 <= target < len(refs):
            refs[row], refs[target] = refs[target], refs[row]
            self.presenters_requested.emit(refs, _tr("発表順の変更"))
            self.table.selectRow(target)

    def _on_topic(self, row: int, topic: str) -> None:
        refs = self.model.refs()
        refs[row] = PresenterRef(refs[row].speaker_id, topic)
        self.presenters_requested.emit(refs, _tr("演題の変更"))
