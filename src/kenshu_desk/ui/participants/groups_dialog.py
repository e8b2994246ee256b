"""グループ分け: the event's discussion groups side by side; people moved by drag and drop (or
選んで「移動」), each move one undo step; a ⚠ marks two people of one organisation in a group;
自動で分ける deals new groups (asking first over a hand-edited grouping); 印刷 previews the
list and the seating sheet of what is stored."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kenshu_desk.database import ConcurrentEditError, Database
from kenshu_desk.errors import UserError
from kenshu_desk.ui.shell.db_wait import run_waiting

PID = Qt.ItemDataRole.UserRole


def _tr(text: str) -> str:
    return QCoreApplication.translate("GroupsDialog", text)


class _Move(QUndoCommand):
    def __init__(self, dialog: GroupsDialog, pid: int, name: str, to: int) -> None:
        super().__init__(_tr("%1 さんをグループ %2 へ").replace("%1", name).replace("%2", str(to)))
        self.dialog, self.pid, self.to, self.before = dialog, pid, to, 0

    def redo(self) -> None:
        before = self.dialog.apply_move(self.pid, self.to)
        if before is None:
            self.setObsolete(True)
        elif not self.before:
            self.before = before

    def undo(self) -> None:
        if self.before and self.dialog.apply_move(self.pid, self.before) is None:
            self.setObsolete(True)


class _GroupList(QListWidget):
    def __init__(self, dialog: GroupsDialog, number: int) -> None:
        super().__init__()
        self.dialog, self.number = dialog, number
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.model().rowsInserted.connect(self._inserted)

    def _inserted(self, _parent: object, first: int, last: int) -> None:
        if self.dialog.loading:
            return
        # The dropped item gets its data after the row is inserted: read it once the drop is
        # done; the move is stored and the lists are rebuilt from what is stored.
        QTimer.singleShot(0, self, lambda: self._dropped(first, last))

    def _dropped(self, first: int, last: int) -> None:
        for row in range(first, last + 1):
            item = self.item(row)
            if item is not None and item.data(PID) is not None:
                name = item.data(Qt.ItemDataRole.AccessibleTextRole)
                self.dialog.move_person(int(item.data(PID)), name, self.number)
                return


class GroupsDialog(QDialog):
    def __init__(self, db: Database, event_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.event_id = db, event_id
        self.loading = False
        self.version: int | None = None
        self.setWindowTitle(_tr("グループ分け"))
        self.undo_stack = QUndoStack(self)
        self.count = QSpinBox()
        self.count.setRange(1, 100)
        self.count.setValue(5)
        self.count.setPrefix(_tr("グループ数 "))
        self.seed = QSpinBox()
        self.seed.setRange(0, 9999)
        self.seed.setPrefix(_tr("種 "))
        deal = QPushButton(_tr("自動で分ける(&A)"))
        deal.clicked.connect(lambda: self.deal())
        undo = QPushButton(_tr("元に戻す"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.clicked.connect(self.undo_stack.undo)
        self.print_button = QPushButton(_tr("印刷(&P)…"))
        self.print_button.clicked.connect(self.preview)
        self.target = QComboBox()
        move = QPushButton(_tr("選んだ人を移動(&M)"))
        move.clicked.connect(self.move_selected)
        top = QHBoxLayout()
        for w in (self.count, self.seed, deal, undo, QLabel(_tr("移動先")), self.target, move):
            top.addWidget(w)
        top.addStretch()
        top.addWidget(self.print_button)
        self.columns = QWidget()
        self.columns_layout = QHBoxLayout(self.columns)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.columns)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll)
        layout.addWidget(self.status)
        self.lists: list[_GroupList] = []
        self.resize(1200, 640)  # fits a 1366×768 laptop; more groups scroll sideways
        self.reload()

    # --- data -------------------------------------------------------------------------
    def reload(self) -> None:
        from kenshu_desk.services.participants import groups_store

        stored = groups_store.load(self.db, self.event_id)
        self.loading = True
        try:
            self._show(stored)
        finally:
            self.loading = False

    def _show(self, stored) -> None:  # type: ignore[no-untyped-def]
        for lst in self.lists:
            lst.setParent(None)
            lst.deleteLater()
        self.lists = []
        while self.columns_layout.count():
            taken = self.columns_layout.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        self.target.clear()
        if stored is None:
            self.version = None
            self.status.setText(
                _tr("まだグループ分けがありません。「自動で分ける」で分けてください。")
            )
            self.print_button.setEnabled(False)
            return
        self.version = stored.version
        self.count.setValue(stored.count)
        self.print_button.setEnabled(True)
        for group in stored.groups:
            warn = stored.same_organisation(group.number)
            column = QVBoxLayout()
            box = QWidget()
            box.setLayout(column)
            column.addWidget(QLabel(_tr("グループ %1（%2 人）").replace("%1", str(group.number))
                                    .replace("%2", str(len(group.members)))))  # fmt: skip
            lst = _GroupList(self, group.number)
            for m in group.members:
                text = f"{'⚠ ' if m.participant_id in warn else ''}{m.name}（{m.organisation}）"
                item = QListWidgetItem(text)
                item.setData(PID, m.participant_id)
                item.setData(Qt.ItemDataRole.AccessibleTextRole, m.name)
                if m.participant_id in warn:
                    item.setToolTip(_tr("同じ所属の人が同じグループにいます"))
                lst.addItem(item)
            lst.setMinimumWidth(170)
            column.addWidget(lst)
            self.columns_layout.addWidget(box)
            self.lists.append(lst)
            self.target.addItem(_tr("グループ %1").replace("%1", str(group.number)), group.number)
        extra = (
            _tr(" まだグループのない人: ") + "、".join(m.name for m in stored.ungrouped)
            if stored.ungrouped
            else ""
        )
        edited = _tr("（手で直してあります）") if stored.edited else ""
        self.status.setText(_tr("人を別のグループへドラッグするか、選んで「移動」を押します。")
                            + edited + extra)  # fmt: skip

    # --- actions ------------------------------------------------------------------------
    def deal(self, confirm: bool = True) -> None:
        from kenshu_desk.services.participants import groups_store

        current = groups_store.load(self.db, self.event_id)
        replace = False
        if current is not None and current.edited:
            if (
                confirm
                and QMessageBox.question(
                    self, _tr("グループ分け"), _tr("手で直したグループ分けを分け直しますか？")
                )
                != QMessageBox.StandardButton.Yes
            ):
                return
            replace = True
        try:
            groups_store.deal(
                self.db, self.event_id, self.count.value(), self.seed.value(), replace=replace
            )
        except UserError as exc:
            self.status.setText(str(exc))
            return
        self.undo_stack.clear()
        self.reload()

    def move_selected(self) -> None:
        number = self.target.currentData()
        for lst in self.lists:
            item = lst.currentItem()
            if (item is not None and lst.hasFocus()) or (item is not None and item.isSelected()):
                self.move_person(
                    int(item.data(PID)), item.data(Qt.ItemDataRole.AccessibleTextRole), number
                )
                return

    def move_person(self, pid: int, name: str, number: int) -> None:
        self.undo_stack.push(_Move(self, pid, name, number))

    def apply_move(self, pid: int, number: int) -> int | None:
        """Store the move (on a thread of its own); the group before, or None when refused."""
        from kenshu_desk.services.participants import groups_store

        db, event_id, version = self.db, self.event_id, self.version

        def step() -> tuple[int, int]:
            return groups_store.move(db, event_id, pid, number, version)

        try:
            before, self.version = run_waiting(step)
        except ConcurrentEditError as exc:
            self.status.setText(str(exc))
            QTimer.singleShot(0, self, self._after_conflict)
            return None
        except UserError as exc:
            self.status.setText(str(exc))
            QTimer.singleShot(0, self, self.reload)
            return None
        QTimer.singleShot(0, self, self.reload)
        return before

    def _after_conflict(self) -> None:
        self.undo_stack.clear()
        self.reload()

    def preview(self) -> None:
        from kenshu_desk.services.participants.print_bytes import stored_groups_pdf_bytes
        from kenshu_desk.ui.shell.pdf_preview import PdfPreviewDialog

        db, event_id = self.db, self.event_id
        dialog = PdfPreviewDialog(
            lambda _o, _p: stored_groups_pdf_bytes(db, event_id),
            lambda _o: (_tr("グループ分け"), "グループ分け.pdf"),
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.show()
        self.last_preview = dialog
