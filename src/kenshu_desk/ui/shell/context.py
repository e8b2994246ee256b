"""What a feature module may use of the main window: the application context, as a type.

The menus of the features (印刷, 参加者, メール, 年間, the team-mode watcher) are installed by
the main window, which passes itself. They used to look its parts up by name with getattr, so
renaming an attribute silently dropped a menu, and each imported the main window for its
type, which made import cycles. They now ask for an `AppWindow`: mypy checks that the main
window has every part named here, and nothing imports main_window but the application.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, cast, runtime_checkable

if TYPE_CHECKING:
    from PySide6.QtCore import QObject, SignalInstance
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu, QMenuBar, QSplitter, QStatusBar, QTableView, QWidget

    from kenshu_desk.database import Database
    from kenshu_desk.ui.timetable.programme_editor import ProgrammeEditor


class AppWindow(Protocol):
    """The main window as the features see it."""

    db: Database
    file_menu: QMenu
    participants_menu: QMenu
    mail_menu: QMenu
    help_menu: QMenu
    quit_action: QAction
    events_view: QTableView
    programme: ProgrammeEditor
    editor_splitter: QSplitter
    current_event_changed: SignalInstance

    def current_event_id(self) -> int | None: ...
    def current_fiscal_year(self) -> int | None: ...
    def select_event(self, event_id: int) -> None: ...
    def reload(self) -> None: ...

    # The QMainWindow parts they use.
    def menuBar(self) -> QMenuBar: ...
    def statusBar(self) -> QStatusBar: ...
    def tr(self, text: str, disambiguation: str | None = ..., n: int = ...) -> str: ...
    def installEventFilter(self, filter: QObject) -> None: ...
    def show(self) -> None: ...
    def showNormal(self) -> None: ...
    def isMinimized(self) -> bool: ...
    def raise_(self) -> None: ...
    def activateWindow(self) -> None: ...
    def window(self) -> Any: ...


def as_widget(window: AppWindow) -> QWidget:
    """The main window as the parent of a dialog (it is a QMainWindow)."""
    return cast("QWidget", window)


@runtime_checkable
class Reloads(Protocol):
    """A screen that reads everything it shows again (after changes made elsewhere)."""

    def reload(self) -> None: ...


@runtime_checkable
class Refreshes(Protocol):
    """A screen that reads its rows again, keeping the selection and what was typed."""

    def refresh(self) -> None: ...
