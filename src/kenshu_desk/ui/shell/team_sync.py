"""Team mode: the main window notices changes saved by other organisers (or other windows).

Every committed flush raises the database's change counter (database.py). This watcher
reads that counter on a timer and when the window is activated — one tiny query — and,
when it moved by more than this process's own commits, reloads the event list and the
shown event, keeping the selection, the search text and the scroll positions.

It never reloads under the user's fingers: while a text field of the editor has the focus,
an editor is open in the programme table or a modal dialog is shown, the reload waits and
runs as soon as the focus leaves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from kenshu_desk.database import OwnCommits
from kenshu_desk.errors import UserError
from kenshu_desk.ui.shell.context import as_widget
from kenshu_desk.ui.shell.db_wait import edit_in_flight
from kenshu_desk.ui.shell.workers import TaskRunner

if TYPE_CHECKING:
    from kenshu_desk.ui.shell.context import AppWindow

POLL_INTERVAL_MS = 5000
_TYPING_WIDGETS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox)


class ChangeWatcher(QObject):
    """Polls the change counter for a main window and reloads it when others changed data."""

    def __init__(self, window: AppWindow, interval_ms: int = POLL_INTERVAL_MS) -> None:
        super().__init__(as_widget(window))
        self.window = window
        self.own = OwnCommits(window.db)
        self._seen = self._read_counter()
        self._own_seen = self.own.total
        self._pending = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        # The timer's read runs on a worker: across an office network a query costs a round
        # trip or more, and the window must not wait for it (poll() itself stays synchronous).
        self._reader = TaskRunner(self)
        self.timer.timeout.connect(self.poll_in_background)
        self.timer.start()
        window.installEventFilter(self)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    def _read_counter(self) -> int | None:
        try:
            return self.window.db.change_counter()
        except UserError:
            return None  # the server is unreachable for a moment: try again next time

    def eventFilter(self, watched: QObject, ev: QEvent) -> bool:
        if watched is self.window and ev.type() == QEvent.Type.WindowActivate:
            QTimer.singleShot(0, self, self.poll_in_background)
        return False

    def poll_in_background(self) -> None:
        """Read the counter on a worker; the result is applied on the GUI thread."""
        if self._reader.busy:
            return  # the last read has not come back yet (a slow network): skip this tick
        db, own = self.window.db, self.own

        def read(_progress: object, _cancelled: object) -> tuple[int, int, int] | None:
            before = own.total
            try:
                counter = db.change_counter()
            except UserError:
                return None  # the server is unreachable for a moment: try again next time
            return before, counter, own.total

        self._reader.start(
            read,
            self._apply_read,
            lambda _message: None,
        )

    def _apply_read(self, result: tuple[int, int, int] | None) -> None:
        if result is None:
            return
        before, counter, after = result
        if before != after or after != self.own.total:
            return  # one of our own commits landed during the read: ask again next time
        self._apply(counter)

    def poll(self) -> bool:
        """Check the counter now; reload when others changed something. True if reloaded."""
        return self._apply(self._read_counter())

    def _apply(self, counter: int | None) -> bool:
        if counter is None:
            return False
        own = self.own.total
        foreign = (counter - (self._seen or 0)) - (own - self._own_seen)
        if self._seen is None or foreign <= 0:
            self._seen, self._own_seen = counter, own
            return False
        if self.busy():
            self._pending = True
            return False
        self._seen, self._own_seen = counter, own
        self._pending = False
        self.reload_window()
        return True

    def busy(self) -> bool:
        """The user is typing in the editor or has a dialog open: do not pull the rug."""
        if QApplication.activeModalWidget() is not None or edit_in_flight():
            return True
        window = self.window
        if window.programme.table.state() == QAbstractItemView.State.EditingState:
            return True
        focused = QApplication.focusWidget()
        return isinstance(focused, _TYPING_WIDGETS) and window.editor_splitter.isAncestorOf(focused)

    def _on_focus_changed(self, _old: QWidget | None, _new: QWidget | None) -> None:
        if self._pending:
            # After the focus change has finished (a field saves on losing the focus).
            QTimer.singleShot(0, self, self.poll)

    def reload_window(self, note: bool = True) -> None:
        """Reload the list and the shown event, keeping what the user was looking at."""
        window = self.window
        list_bar = window.events_view.verticalScrollBar()
        table = window.programme.table
        item_bars = (table.verticalScrollBar(), table.horizontalScrollBar())
        positions = [list_bar.value(), *(bar.value() for bar in item_bars)]
        current = window.programme.current_item()
        column = table.currentIndex().column()
        window.reload()
        if current is not None:
            window.programme.select_item(current.id, max(column, 0))
        for bar, value in zip((list_bar, *item_bars), positions, strict=True):
            bar.setValue(value)
        self._seen, self._own_seen = self._read_counter(), self.own.total
        if note:
            window.statusBar().showMessage(self.tr("他の方の変更を読み込みました"), 8000)
