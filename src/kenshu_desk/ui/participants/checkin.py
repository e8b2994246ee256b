"""The reception desk: type a few characters of a reading or name, Enter marks present.

Built for speed at a queue: the search box keeps the focus, ↑/↓ move through the matches
without leaving it, Enter checks in the highlighted person and clears the box for the next
one, Ctrl+Z undoes the last check-in. Nothing pops up.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kenshu_desk.database import Database
from kenshu_desk.domain.japanese import match_key
from kenshu_desk.domain.models import ATTENDANCE_LABELS, AttendanceState
from kenshu_desk.services.participants import actions
from kenshu_desk.services.participants import registrations as regs
from kenshu_desk.services.shared.versions import WrittenVersions
from kenshu_desk.ui.participants.participant_directory import configure_table
from kenshu_desk.ui.participants.participant_models import RegistrationModel
from kenshu_desk.ui.participants.registration_panel import DbCommand
from kenshu_desk.ui.shell.i18n import event_heading

VENUE = AttendanceState.ATTENDED_VENUE.value


def match_rank(row: regs.RegistrationRow, words: list[str]) -> tuple[int, int]:
    """Who the desk most likely means: a reading or name that *begins* with what was typed
    (family or given name) before one that merely contains it, then the organisation, then
    people not yet here before those already checked in."""
    parts = [match_key(p) for p in (*row.reading.split(), *row.name.split())]
    whole = (match_key(row.reading), match_key(row.name))
    first = words[0]
    if any(k.startswith(first) for k in whole):
        rank = 0
    elif any(p.startswith(first) for p in parts):
        rank = 1
    elif any(first in k for k in whole):
        rank = 2
    else:
        rank = 3
    return (rank, 1 if row.state == VENUE else 0)


class CheckInCommand(DbCommand):
    """Check one person in. Team mode (DbCommand): only on the registration as this desk
    showed it — a second desk, or the organiser's list, changed it meanwhile: refused."""

    def __init__(
        self, view: CheckInWidget, participant_id: int, name: str, old_state: str, version: int
    ) -> None:
        super().__init__(view, view.tr("{0} さんの受付").format(name), {participant_id: version})
        self.view = view
        self.participant_id, self.old_state = participant_id, old_state

    def apply(self, forward: bool) -> None:
        state = VENUE if forward else self.old_state
        actions.set_attendance(
            self.panel.db, self.panel.event_id, [(self.participant_id, state)], self.version_of()
        )

    def applied(self, forward: bool) -> None:
        if not forward:
            self.view.say(self.view.tr("取り消しました: {0}").format(self.text()), ok=True)


class CheckInWidget(QWidget):
    checked_in = Signal(int)  # participant id

    def __init__(self, db: Database, event_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.event_id = event_id
        label = actions.event_label(db, event_id)
        heading = event_heading(label.title, label.date, label.start, label.end)
        self.setWindowTitle(self.tr("受付 — {0}").format(heading))
        self.undo_stack = QUndoStack(self)
        self.versions = WrittenVersions.of(db)  # team mode: what this program wrote last
        self.refused = False  # the last check-in was refused (its message stays)
        self.model = RegistrationModel(self)

        title = QLabel(heading)
        title.setTextFormat(Qt.TextFormat.PlainText)
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("ふりがな・氏名の一部を入力して Enter（例: たかは）")
        )
        big = self.search.font()
        big.setPointSizeF(big.pointSizeF() * 1.6)
        self.search.setFont(big)
        self.search.textChanged.connect(self._on_search)
        self.search.returnPressed.connect(self.check_in_current)
        self.search.installEventFilter(self)

        self.view = QTableView()
        self.view.setModel(self.model)
        configure_table(self.view)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the search box keeps the focus
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        for col, width in enumerate((150, 180, 260, 200, 100, 130)):
            self.view.setColumnWidth(col, width)
        self.view.setColumnHidden(6, True)  # minutes online: not a reception-desk matter
        self.view.doubleClicked.connect(lambda _i: self.check_in_current())

        self.feedback = QLabel()
        self.feedback.setTextFormat(Qt.TextFormat.PlainText)
        self.feedback.setFont(big)
        self.counter = QLabel()
        self.counter.setFont(big)
        undo = QPushButton(self.tr("直前の受付を取り消す (Ctrl+Z)"))
        undo.clicked.connect(self.undo_stack.undo)
        undo_action = self.undo_stack.createUndoAction(self)
        undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        undo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(undo_action)

        bottom = QHBoxLayout()
        bottom.addWidget(self.counter)
        bottom.addStretch(1)
        bottom.addWidget(undo)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.search)
        layout.addWidget(self.feedback)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self.refresh()
        self.search.setFocus()

    def refresh(self) -> None:
        rows = actions.registration_list(self.db, self.event_id)
        self.model.set_rows(rows)
        expected = [r for r in rows if r.state != AttendanceState.CANCELLED.value]
        here = sum(1 for r in rows if r.state == VENUE)
        self.counter.setText(self.tr("受付済み {0} / 申込 {1} 人").format(here, len(expected)))
        self._select_first()

    def _on_search(self, text: str) -> None:
        self.model.set_search(text)
        words = self.model.words()
        if words:
            self.model.rank_shown(lambda r: match_rank(r, words))
        self._select_first()

    def _select_first(self) -> None:
        if self.model.rowCount():
            self.view.selectRow(0)
        else:
            self.view.clearSelection()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
        ):
            if event.matches(QKeySequence.StandardKey.Undo):
                # The box would undo its own typing; at the desk Ctrl+Z means the last check-in.
                self.undo_stack.undo()
                return True
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                self._move(key)
                return True
            if key == Qt.Key.Key_Escape:
                self.search.clear()
                return True
        return super().eventFilter(watched, event)

    def _move(self, key: int) -> None:
        rows = self.view.selectionModel().selectedRows()
        current = rows[0].row() if rows else -1
        step = {
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_PageUp: -10,
            Qt.Key.Key_PageDown: 10,
        }[Qt.Key(key)]
        target = max(0, min(self.model.rowCount() - 1, current + step))
        if self.model.rowCount():
            self.view.selectRow(target)
            self.view.scrollTo(self.model.index(target, 0))

    def current_row(self) -> regs.RegistrationRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def check_in_current(self) -> None:
        row = self.current_row()
        if row is None or not self.search.text().strip():
            if self.search.text().strip():
                self.say(
                    self.tr("「{0}」に当たる申込者がいません。").format(self.search.text()),
                    ok=False,
                )
            return
        org = f"（{row.organisation}）" if row.organisation else ""
        if row.state == VENUE:
            self.say(self.tr("{0}{1} さんは受付済みです。").format(row.name, org), ok=False)
            self.search.clear()
            return
        note = ""
        if row.state == AttendanceState.CANCELLED.value:
            note = self.tr("（「{0}」から変更）").format(
                ATTENDANCE_LABELS[AttendanceState.CANCELLED]
            )
        self.refused = False
        self.undo_stack.push(
            CheckInCommand(self, row.participant_id, row.name, row.state, row.version)
        )
        if not self.refused:
            self.say(self.tr("✓ {0}{1} さんを受付しました{2}").format(row.name, org, note), ok=True)
            self.checked_in.emit(row.participant_id)
        self.search.clear()

    def show_message(self, text: str) -> None:
        """A refused step's message (DbCommand)."""
        self.say(text, ok=False)

    def say(self, text: str, ok: bool) -> None:
        self.feedback.setStyleSheet("color: #1b5e20" if ok else "color: #b00020")
        self.feedback.setText(text)
