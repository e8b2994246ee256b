"""The 年間 menu: the year at a glance, each municipality's record, the progress table.

The main window calls install_year_menu(self) once; each screen opens in a window of its
own (so it can sit beside the event list) and clicking an event there selects it in the
main window through its select_event(id).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QVBoxLayout, QWidget

from kenshu_desk.domain.japanese import fiscal_year
from kenshu_desk.ui.shell.context import Reloads
from kenshu_desk.ui.shell.widgets import fit_to_screen

if TYPE_CHECKING:
    from kenshu_desk.ui.shell.context import AppWindow


class ToolWindow(QWidget):
    """A top-level window around one screen; asks the screen before it closes."""

    def __init__(self, title: str, content: QWidget, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(title)
        self.content = content
        layout = QVBoxLayout(self)
        layout.addWidget(content)

    def reload(self) -> None:
        if isinstance(self.content, Reloads):
            self.content.reload()

    def closeEvent(self, event: QCloseEvent) -> None:
        closing = getattr(self.content, "closing", None)
        if closing is not None and not closing():
            event.ignore()
            return
        super().closeEvent(event)


class YearMenu(QObject):
    """Owns the three windows; created once per main window."""

    def __init__(self, app: AppWindow) -> None:
        window = cast(QMainWindow, app)  # the parent of the windows it opens
        super().__init__(window)
        self.app = app
        self.window = window
        # Closing the main window closes these too: give the records form its save first.
        window.installEventFilter(self)
        self.windows: dict[str, ToolWindow] = {}
        menu = QMenu(window.tr("年間(&Y)"), window)
        window.menuBar().insertMenu(app.help_menu.menuAction(), menu)  # keep ヘルプ last
        self.menu = menu
        self.year_action = self._action(
            menu, window.tr("年間スケジュール(&Y)"), "Ctrl+Shift+Y", self.show_year_view
        )
        self.records_action = self._action(
            menu, window.tr("市町村別の記録(&M)"), "Ctrl+Shift+U", self.show_records
        )
        self.progress_action = self._action(
            menu, window.tr("県内の進捗状況(&P)"), "Ctrl+Shift+P", self.show_progress
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            for tool in self.windows.values():
                if tool.isVisible() and not tool.close():
                    event.ignore()
                    tool.raise_()
                    return True
        return False

    def _action(self, menu, text: str, shortcut: str, slot: Callable[[], object]) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self.window, shortcut=QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _open(self, key: str, title: str, make: Callable[[], QWidget]) -> ToolWindow:
        existing = self.windows.get(key)
        if existing is None:
            existing = ToolWindow(title, make(), self.window)
            fit_to_screen(existing, 1340, 728)
            self.windows[key] = existing
        existing.show()
        existing.raise_()
        existing.activateWindow()
        return existing

    def _select_in_main(self, event_id: int) -> None:
        self.app.select_event(event_id)

    def _open_in_main(self, event_id: int) -> None:
        self._select_in_main(event_id)
        self.window.showNormal() if self.window.isMinimized() else self.window.show()
        self.window.raise_()
        self.window.activateWindow()

    def _events_changed(self) -> None:
        self.app.reload()
        year = self.windows.get("year")
        if year is not None:
            year.reload()

    def _selected_event_year(self) -> int | None:
        """The fiscal year of the event selected in the main window, if any."""
        return self.app.current_fiscal_year()

    def _records_year(self) -> int:
        """The latest year with records, up to this one: what the section works on."""
        from kenshu_desk.services.year.actions import records_year

        return records_year(self.app.db, fiscal_year(dt.date.today()))

    def show_year_view(self) -> ToolWindow:
        def make() -> QWidget:
            # The views are imported when first opened, not while the main window starts.
            from kenshu_desk.ui.year.year_view import YearViewWidget

            db = self.app.db
            view = YearViewWidget(db, self._selected_event_year())
            view.eventActivated.connect(self._select_in_main)
            view.eventOpened.connect(self._open_in_main)
            return view

        window = self._open("year", self.window.tr("年間スケジュール"), make)
        window.reload()  # events may have changed
        return window

    def show_records(self) -> ToolWindow:
        def make() -> QWidget:
            from kenshu_desk.ui.year.municipality_records import MunicipalityRecordsWidget

            view = MunicipalityRecordsWidget(self.app.db, self._records_year())
            view.eventActivated.connect(self._open_in_main)
            view.eventsChanged.connect(self._events_changed)
            return view

        window = self._open("records", self.window.tr("市町村別の記録"), make)
        window.reload()  # dispatches may have changed
        return window

    def show_progress(self) -> ToolWindow:
        def make() -> QWidget:
            from kenshu_desk.ui.year.progress_view import ProgressView

            return ProgressView(self.app.db, self._records_year())

        window = self._open("progress", self.window.tr("県内の進捗状況"), make)
        window.reload()  # records may have changed
        return window


def install_year_menu(window: AppWindow) -> YearMenu:
    return YearMenu(window)
