"""The event's materials (資料): a list in order, add / up / down / rename / remove / save as,
and files dropped from Explorer onto it. Every change is one service call (one transaction)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kenshu_desk.database import Database
from kenshu_desk.errors import UserError
from kenshu_desk.services.materials.materials import KINDS, MaterialInfo, size_text
from kenshu_desk.services.reminders import actions

FILTER_PATTERNS = " ".join(f"*{suffix}" for suffix in KINDS)


class MaterialsPanel(QWidget):
    changed = Signal()

    def __init__(self, db: Database, event_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.event_id = event_id
        self.materials: list[MaterialInfo] = []
        self.setAcceptDrops(True)
        self.list = QListWidget()
        self.list.setAcceptDrops(False)  # the panel takes the drop
        self.list.itemDoubleClicked.connect(lambda _: self.rename())
        hint = QLabel(
            self.tr(
                "PDF・PowerPoint・Word・Excel のファイルを追加できます"
                "（エクスプローラーからここへドラッグしても追加できます）。"
            )
        )
        hint.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QHBoxLayout()
        self.add_button = self._button(self.tr("追加(&A)…"), lambda: self.add())
        self.up_button = self._button(self.tr("上へ(&U)"), lambda: self.move_chosen(-1))
        self.down_button = self._button(self.tr("下へ(&D)"), lambda: self.move_chosen(1))
        self.rename_button = self._button(self.tr("題名の変更(&T)…"), lambda: self.rename())
        self.remove_button = self._button(self.tr("削除(&R)"), lambda: self.remove())
        self.save_button = self._button(self.tr("名前を付けて保存(&S)…"), lambda: self.save_as())
        for b in (
            self.add_button, self.up_button, self.down_button, self.rename_button,
            self.remove_button, self.save_button,
        ):  # fmt: skip
            buttons.addWidget(b)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.list.currentRowChanged.connect(lambda _: self._enable())
        self.refresh()

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        return button

    def refresh(self, select_id: int | None = None) -> None:
        current = select_id if select_id is not None else self.current_id()
        self.materials = actions.materials_of(self.db, self.event_id)
        self.list.clear()
        for n, m in enumerate(self.materials, start=1):
            item = QListWidgetItem(f"{n}. {m.title}　（{m.file_name}、{size_text(m.size)}）")
            item.setData(Qt.ItemDataRole.UserRole, m.id)
            self.list.addItem(item)
            if m.id == current:
                self.list.setCurrentItem(item)
        self._enable()

    def _enable(self) -> None:
        row = self.list.currentRow()
        chosen = row >= 0
        for b in (self.rename_button, self.remove_button, self.save_button):
            b.setEnabled(chosen)
        self.up_button.setEnabled(chosen and row > 0)
        self.down_button.setEnabled(chosen and row < self.list.count() - 1)

    def current_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def current(self) -> MaterialInfo | None:
        found = self.current_id()
        return next((m for m in self.materials if m.id == found), None)

    def show_status(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet("color: #a00000" if error else "")
        self.status.setText(text)

    def _do(self, action: Callable[[], object], select_id: int | None = None) -> bool:
        try:
            action()
        except UserError as exc:
            QMessageBox.warning(self, self.tr("資料"), str(exc))
            return False
        self.refresh(select_id)
        self.changed.emit()
        return True

    # --- actions -----------------------------------------------------------------------
    def add(self, paths: list[str] | None = None) -> None:
        if paths is None:
            paths, _ = QFileDialog.getOpenFileNames(
                self, self.tr("資料を追加"), "",
                self.tr("資料 ({0})").format(FILTER_PATTERNS),
            )  # fmt: skip
        added, refused = 0, []
        for path in paths:
            try:
                actions.add_file(self.db, self.event_id, Path(path))
                added += 1
            except UserError as exc:
                refused.append(str(exc))
        self.refresh()
        if added:
            self.changed.emit()
        text = self.tr("{0} 件の資料を追加しました。").format(added) if added else ""
        self.show_status("\n".join([text, *refused]).strip(), error=bool(refused))

    def move_chosen(self, step: int) -> None:
        chosen = self.current_id()
        if chosen is not None:
            self._do(lambda: actions.move(self.db, chosen, step), chosen)

    def rename(self, title: str | None = None) -> None:
        chosen = self.current()
        if chosen is None:
            return
        if title is None:
            title, ok = QInputDialog.getText(
                self, self.tr("題名の変更"), self.tr("資料の題名:"), text=chosen.title
            )
            if not ok:
                return
        self._do(lambda: actions.rename(self.db, chosen.id, title), chosen.id)

    def remove(self, confirm: bool = True) -> None:
        chosen = self.current()
        if chosen is None:
            return
        if confirm:
            answer = QMessageBox.question(
                self, self.tr("資料"), self.tr("「{0}」を削除しますか？").format(chosen.title)
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._do(lambda: actions.remove(self.db, chosen.id))

    def save_as(self, path: str | None = None) -> None:
        chosen = self.current()
        if chosen is None:
            return
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("名前を付けて保存"), chosen.file_name
            )
            if not path:
                return
        try:
            target = actions.save_as(self.db, chosen.id, Path(path))
        except UserError as exc:
            self.show_status(str(exc), error=True)
            return
        self.show_status(self.tr("{0} に保存しました。").format(target))

    # --- drag and drop -----------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add(paths)
