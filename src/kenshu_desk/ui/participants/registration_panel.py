"""One event's registrations: who is expected, their attendance, add/remove — with undo.

Every change is a QUndoCommand (Ctrl+Z / Ctrl+Shift+Z) and one transaction. Commands name
people by participant id, which survives removing and restoring a registration.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kenshu_desk.database import ConcurrentEditError, Database
from kenshu_desk.domain.models import ATTENDANCE_LABELS, AttendanceState, Registration
from kenshu_desk.errors import UserError
from kenshu_desk.paths import safe_file_name
from kenshu_desk.services.participants import actions
from kenshu_desk.services.participants import registrations as regs
from kenshu_desk.services.shared.versions import WrittenVersions
from kenshu_desk.ui.participants.participant_directory import configure_table
from kenshu_desk.ui.participants.participant_models import RegistrationModel
from kenshu_desk.ui.participants.participant_picker import ParticipantPickerDialog
from kenshu_desk.ui.participants.reply_answers import reply_answers
from kenshu_desk.ui.shell.db_wait import run_waiting
from kenshu_desk.ui.shell.i18n import event_heading
from kenshu_desk.ui.shell.labels import shown

STATE_SHORTCUTS = {
    AttendanceState.REGISTERED: "Ctrl+1",
    AttendanceState.ATTENDED_VENUE: "Ctrl+2",
    AttendanceState.ATTENDED_ONLINE: "Ctrl+3",
    AttendanceState.ABSENT: "Ctrl+4",
    AttendanceState.CANCELLED: "Ctrl+5",
}


class RegistrationView(Protocol):
    """What an undo step uses of the window showing the registrations (the list or the
    reception desk)."""

    db: Database
    event_id: int
    undo_stack: QUndoStack
    versions: WrittenVersions
    refused: bool

    def show_message(self, text: str) -> None: ...
    def refresh(self) -> None: ...
    def tr(self, text: str, disambiguation: str | None = ..., n: int = ...) -> str: ...


class DbCommand(QUndoCommand):
    """An undoable change: ``apply(forward)`` runs in one transaction, then the view refreshes.

    Team mode: the first run applies to the registrations as the list showed them
    (`shown`: participant id → version); every later undo or redo only to registrations
    as this program's own last write left them. Anything else was changed by another
    organiser meanwhile, and the step is refused rather than writing over it."""

    def __init__(
        self, panel: RegistrationView, text: str, shown: Mapping[int, int] | None = None
    ) -> None:
        super().__init__(text)
        self.panel = panel
        self.shown = dict(shown or {})
        self.ran = False

    def version_of(self) -> regs.VersionOf:
        if not self.ran:
            shown = self.shown
            return lambda reg: shown.get(reg.participant_id)
        book = self.panel.versions
        # A registration this program did not write last is someone else's: never matches.
        return lambda reg: book.get(Registration, reg.id) or -1

    def apply(self, forward: bool) -> None:
        """The step's database work: runs on a thread of its own (no widgets here)."""
        raise NotImplementedError

    def applied(self, forward: bool) -> None:
        """After a step was saved, on the GUI thread."""

    def _run(self, forward: bool) -> None:
        try:
            # The window stays alive while a server answers (ui/shell/db_wait.py).
            run_waiting(lambda: self.apply(forward))
            self.ran = True
            self.applied(forward)
        except UserError as exc:
            # Nothing was saved: the step leaves the stack rather than claim a state it lacks.
            self.setObsolete(True)
            self.panel.refused = True
            self.panel.show_message(
                self.panel.tr("「{0}」を実行できませんでした: {1}").format(self.text(), exc)
            )
            if isinstance(exc, ConcurrentEditError):
                # Someone else changed these registrations: earlier steps would write back
                # states read before that change, so the history goes (after this push ends).
                QTimer.singleShot(0, self.panel.undo_stack, self.panel.undo_stack.clear)
        self.panel.refresh()

    def redo(self) -> None:
        self._run(True)

    def undo(self) -> None:
        self._run(False)


class SetStatesCommand(DbCommand):
    def __init__(
        self,
        panel: RegistrationPanel,
        changes: list[tuple[int, str, str]],
        text: str,
        shown: Mapping[int, int] | None = None,
    ) -> None:
        super().__init__(panel, text, shown)
        self.changes = changes  # (participant id, old state, new state)

    def apply(self, forward: bool) -> None:
        actions.set_attendance(
            self.panel.db,
            self.panel.event_id,
            [(pid, new if forward else old) for pid, old, new in self.changes],
            self.version_of(),
        )


class AddCommand(DbCommand):
    def __init__(self, panel: RegistrationPanel, participant_ids: list[int]) -> None:
        super().__init__(panel, panel.tr("{0} 人を申込に追加").format(len(participant_ids)))
        self.participant_ids = participant_ids
        self.added: list[int] = []  # the people this step registered (not those already in)

    def apply(self, forward: bool) -> None:
        db, event_id = self.panel.db, self.panel.event_id
        if forward:
            self.added = actions.add_registrations(db, event_id, self.participant_ids)
        else:
            actions.remove_registrations(db, event_id, self.added, self.version_of())


class RemoveCommand(DbCommand):
    def __init__(
        self,
        panel: RegistrationPanel,
        participant_ids: list[int],
        shown: Mapping[int, int] | None = None,
    ) -> None:
        super().__init__(panel, panel.tr("{0} 人の申込を削除").format(len(participant_ids)), shown)
        self.participant_ids = participant_ids
        self.removed: list[regs.RemovedRegistration] = []

    def apply(self, forward: bool) -> None:
        db, event_id = self.panel.db, self.panel.event_id
        if forward:
            self.removed = actions.remove_registrations(
                db, event_id, self.participant_ids, self.version_of()
            )
        else:
            actions.restore_registrations(db, self.removed)


class RegistrationPanel(QWidget):
    """The registration list of one event; ``changed`` after every change."""

    changed = Signal()

    def __init__(self, db: Database, event_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.event_id = event_id
        label = actions.event_label(db, event_id)
        self.heading_text = event_heading(label.title, label.date, label.start, label.end)
        self.event_title = label.title
        self.setWindowTitle(self.tr("申込・出欠 — {0}").format(self.event_title))
        self.undo_stack = QUndoStack(self)
        self.versions = WrittenVersions.of(db)  # team mode: what this program wrote last
        self.refused = False  # the last pushed step was refused (its message stays)
        self.model = RegistrationModel(self)

        self.heading = QLabel(self.heading_text)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("申込者を絞り込み（氏名・ふりがな・所属）"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.model.set_search)

        self.view = QTableView()
        self.view.setModel(self.model)
        configure_table(self.view)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        for col, width in enumerate((130, 150, 220, 200, 90, 130, 120, 200)):
            self.view.setColumnWidth(col, width)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.selectionModel().selectionChanged.connect(self._update_actions)
        header = self.view.horizontalHeader()
        header.setSectionsClickable(True)
        header.sectionClicked.connect(self._sort_by)

        self.add_action = self._action(self.tr("追加(&A)…"), self.add_people, "Ctrl+Shift+A")
        self.remove_action = self._action(
            self.tr("申込を削除(&R)"), self.remove_selected, QKeySequence.StandardKey.Delete
        )
        self.state_actions: dict[AttendanceState, QAction] = {}
        for state, shortcut in STATE_SHORTCUTS.items():
            action = self._action(
                shown(ATTENDANCE_LABELS[state]), self._state_setter(state), shortcut
            )
            self.state_actions[state] = action
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("元に戻す"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("やり直し"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.export_action = self._action(self.tr("書き出し(&X)…"), self.export)
        self.extra_actions: list[QAction] = []  # check-in, report import: set by the opener

        state_button = QToolButton()
        state_button.setText(self.tr("出欠(&S)"))
        state_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        state_menu = QMenu(state_button)
        for action in self.state_actions.values():
            state_menu.addAction(action)
        state_button.setMenu(state_menu)

        self.bar = QHBoxLayout()
        self.bar.addWidget(self.search, 1)
        for action in (self.add_action, self.remove_action):
            self.bar.addWidget(self._button(action))
        self.bar.addWidget(state_button)
        for action in (self.undo_action, self.redo_action, self.export_action):
            self.bar.addWidget(self._button(action))

        self.summary = QLabel()
        self.message = QLabel()
        self.message.setStyleSheet("color: #8a4b00")
        footer = QHBoxLayout()
        footer.addWidget(self.summary)
        footer.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.bar)
        layout.addWidget(self.view, 1)
        layout.addLayout(footer)
        self.refresh()

    def _action(self, text: str, slot: Callable[[], None], shortcut=None) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    @staticmethod
    def _button(action: QAction) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        return button

    def add_tool_action(self, action: QAction) -> None:
        """An action of the opener (check-in, report import) shown in this panel's bar."""
        self.extra_actions.append(action)
        self.bar.addWidget(self._button(action))

    def _state_setter(self, state: AttendanceState) -> Callable[[], None]:
        return lambda: self.set_selected_state(state)

    # --- data ---------------------------------------------------------------------------

    def refresh(self) -> None:
        keep = self.selected_participants()
        rows = actions.registration_list(self.db, self.event_id)
        self.model.set_rows(rows)
        counts = regs.state_counts(rows)
        replies = reply_answers(self.db, self.event_id)  # issue 20: the answers to invitations
        self.model.set_answers(replies.answers)
        self.summary.setText(
            self.tr("申込 {0} 人").format(len(rows))
            + "（"
            + "、".join(
                f"{shown(ATTENDANCE_LABELS[s])} {counts[s.value]}"
                for s in AttendanceState
                if counts[s.value]
            )
            + "）"
            + (f"　{self.tr('返信')}: {replies.counts}" if replies.answers else "")
        )
        selection = self.view.selectionModel()
        for pid in keep:
            row = next((n for n, r in enumerate(self.model.rows()) if r.participant_id == pid), -1)
            if row >= 0:
                selection.select(
                    self.model.index(row, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )
        self._update_actions()
        self.changed.emit()

    def selected_rows(self) -> list[regs.RegistrationRow]:
        rows = sorted(i.row() for i in self.view.selectionModel().selectedRows())
        return [r for r in (self.model.row_at(n) for n in rows) if r is not None]

    def selected_participants(self) -> list[int]:
        return [r.participant_id for r in self.selected_rows()]

    def _update_actions(self, *_args: QItemSelection) -> None:
        has = bool(self.view.selectionModel().selectedRows())
        for action in (self.remove_action, *self.state_actions.values()):
            action.setEnabled(has)

    def _sort_by(self, column: int) -> None:
        header = self.view.horizontalHeader()
        order = (
            Qt.SortOrder.DescendingOrder
            if header.sortIndicatorSection() == column
            and header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
            and header.isSortIndicatorShown()
            else Qt.SortOrder.AscendingOrder
        )
        header.setSortIndicatorShown(True)
        header.setSortIndicator(column, order)
        self.model.sort(column, order)

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def _context_menu(self, pos) -> None:  # type: ignore[no-untyped-def]
        menu = QMenu(self)
        for action in self.state_actions.values():
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.remove_action)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    # --- actions ------------------------------------------------------------------------

    def set_selected_state(self, state: AttendanceState) -> None:
        changes = [
            (r.participant_id, r.state, state.value)
            for r in self.selected_rows()
            if r.state != state.value
        ]
        if not changes:
            return
        label = shown(ATTENDANCE_LABELS[state])
        text = (
            self.tr("{0} さんを「{1}」に").format(self.selected_rows()[0].name, label)
            if len(changes) == 1
            else self.tr("{0} 人を「{1}」に").format(len(changes), label)
        )
        seen = {r.participant_id: r.version for r in self.selected_rows()}
        if self._push(SetStatesCommand(self, changes, text, seen)):
            self.show_message(text + self.tr("しました（Ctrl+Z で元に戻せます）"))

    def add_people(self) -> None:
        existing = {r.participant_id for r in self.model.all_rows()}
        picker = ParticipantPickerDialog(
            self.db, title=self.tr("申込に追加する人"), exclude=existing, parent=self
        )
        if picker.exec():
            self.add_participants(picker.selected_ids())

    def add_participants(self, participant_ids: list[int]) -> None:
        existing = {r.participant_id for r in self.model.all_rows()}
        new = [pid for pid in participant_ids if pid not in existing]
        if new:
            command = AddCommand(self, new)
            if self._push(command):
                message = self.tr("{0} 人を申込に追加しました。").format(len(command.added))
                if len(command.added) < len(new):
                    message += self.tr("{0} 人は他の方が既に追加していました。").format(
                        len(new) - len(command.added)
                    )
                self.show_message(message)

    def remove_selected(self) -> None:
        rows = self.selected_rows()
        pids = [r.participant_id for r in rows]
        shown = {r.participant_id: r.version for r in rows}
        if pids and self._push(RemoveCommand(self, pids, shown)):
            self.show_message(
                self.tr("{0} 人の申込を削除しました（Ctrl+Z で元に戻せます）。").format(len(pids))
            )

    def _push(self, command: DbCommand) -> bool:
        """Run a new step; False when it was refused (its message is shown instead)."""
        self.refused = False
        self.undo_stack.push(command)
        return not self.refused

    def export(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("出欠の書き出し"),
                safe_file_name(f"{self.event_title}_出欠.xlsx", "出欠.xlsx"),
                self.tr("Excel ブック (*.xlsx);;CSV UTF-8 (*.csv)"),
            )
        if not path:
            return
        try:
            count = actions.export_attendance(self.db, self.event_id, Path(path))
        except UserError as exc:
            self.show_message(str(exc))
            return
        self.show_message(self.tr("{0} 件を {1} に書き出しました。").format(count, path))
