"""Choosing people from the directory (to register them for an event, or to assign a row)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kenshu_desk.database import Database
from kenshu_desk.services.participants.actions import directory_list
from kenshu_desk.ui.participants.participant_dialog import ParticipantDialog
from kenshu_desk.ui.participants.participant_directory import configure_table
from kenshu_desk.ui.participants.participant_models import DirectoryModel
from kenshu_desk.ui.shell.widgets import fit_to_screen


class ParticipantPickerDialog(QDialog):
    """Search the directory and pick one or several people; 新規… adds someone first."""

    def __init__(
        self,
        db: Database,
        *,
        title: str,
        exclude: set[int] | None = None,
        multiple: bool = True,
        initial_search: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(title)
        self.exclude = exclude or set()
        self.model = DirectoryModel(self)
        self.search = QLineEdit(initial_search)
        self.search.setPlaceholderText(self.tr("氏名・ふりがな・所属・メールで検索"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)
        self.view = QTableView()
        self.view.setModel(self.model)
        configure_table(self.view)
        for col, width in enumerate((130, 150, 210, 180, 80, 200, 40, 40)):
            self.view.setColumnWidth(col, width)
        self.view.setSelectionMode(
            QAbstractItemView.SelectionMode.ExtendedSelection
            if multiple
            else QAbstractItemView.SelectionMode.SingleSelection
        )
        self.view.doubleClicked.connect(lambda _i: self.accept())
        self.hint = QLabel(
            self.tr("Ctrl または Shift を押しながらクリックすると複数選べます。")
            if multiple
            else ""
        )
        new = QPushButton(self.tr("名簿に新規登録(&N)…"))
        new.clicked.connect(self._new_person)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("選択"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("キャンセル"))
        buttons.addButton(new, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hint)
        layout.addWidget(buttons)
        fit_to_screen(self, 1000, 600)
        self._load()
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def _load(self) -> None:
        rows = [r for r in directory_list(self.db) if r.id not in self.exclude]
        self.model.set_rows(rows)
        self.model.set_search(self.search.text())
        if self.model.rowCount():
            self.view.selectRow(0)

    def _on_search(self, text: str) -> None:
        self.model.set_search(text)
        if self.model.rowCount():
            self.view.selectRow(0)

    def _new_person(self) -> None:
        dialog = ParticipantDialog(self.db, parent=self)
        if dialog.exec() and dialog.saved_id is not None:
            self.search.clear()
            self._load()
            row = self.model.row_of(dialog.saved_id)
            if row >= 0:
                self.view.selectRow(row)

    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.view.selectionModel().selectedRows())
        return [pid for pid in (self.model.id_at(r) for r in rows) if pid is not None]
