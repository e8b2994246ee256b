"""The main window: events by fiscal year on the left, the selected event's form, programme
and live checks on the right; the speaker directory in a second tab.

The window is the edit context of the undo commands: a command runs its service, then
calls `after_edit`, and the window refreshes exactly what changed. Other features add
their menu actions to the named menus (`file_menu`, `event_menu`, `participants_menu`,
`mail_menu` …) and read `current_event_id()` / `current_event_changed`.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QWidget,
)

from kenshu_desk.database import ConcurrentEditError, Database
from kenshu_desk.errors import UserError
from kenshu_desk.services.shared.versions import WrittenVersions
from kenshu_desk.services.timetable import event_edit
from kenshu_desk.services.timetable import window as window_service
from kenshu_desk.services.timetable.event_view import EventView
from kenshu_desk.services.timetable.events import NotFoundError
from kenshu_desk.ui.mail.mail_menu import install_mail_menu
from kenshu_desk.ui.participants.participants_menu import install_participants_menu
from kenshu_desk.ui.shell.db_settings_dialog import install_db_settings_action
from kenshu_desk.ui.shell.document_actions import install_document_actions
from kenshu_desk.ui.shell.guide import install_guide_action
from kenshu_desk.ui.shell.i18n import install_language_menu, long_date
from kenshu_desk.ui.shell.team_sync import ChangeWatcher
from kenshu_desk.ui.timetable import commands
from kenshu_desk.ui.timetable.checks_panel import ChecksPanel
from kenshu_desk.ui.timetable.event_dialogs import DuplicateDialog
from kenshu_desk.ui.timetable.event_form import EventForm
from kenshu_desk.ui.timetable.event_list import EventListModel, EventRow
from kenshu_desk.ui.timetable.event_list_panel import EventListPanel
from kenshu_desk.ui.timetable.programme_editor import ProgrammeEditor
from kenshu_desk.ui.timetable.speaker_directory import SpeakerDirectory
from kenshu_desk.ui.timetable.speakers_view import SpeakersPanel
from kenshu_desk.ui.year.year_menu import install_year_menu

EVENT_LIST_WIDTH = 372


class _ShowWhenFilled(QObject):
    """Keeps a menu hidden until some feature adds an action to it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ActionAdded and isinstance(watched, QMenu):
            watched.menuAction().setVisible(True)
        return False


def database_label(db: Database) -> str:
    """Which database the window shows: the file, or the shared server's database."""
    if db.path is not None:
        return str(db.path)
    return QCoreApplication.translate("MainWindow", "{0}（共有）").format(db.server_label)


class MainWindow(QMainWindow):
    current_event_changed = Signal(object)  # the event id shown in the editor, or None

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        # The platform adds " — kenshu-desk" (the application's display name) itself.
        self.setWindowTitle(database_label(db))
        self._current_id: int | None = None
        self._view: EventView | None = None
        self.undo_stack = QUndoStack(self)
        self.versions = WrittenVersions.of(db)  # team mode: undo never writes over others' edits
        self.undo_stack.setUndoLimit(500)

        self.events_model = EventListModel(self)
        self.speakers = SpeakerDirectory(db, self)
        self.speakers.failed.connect(self.report_error)
        self.speakers_model = self.speakers.model

        self._build_event_list()
        self.form = EventForm()
        self.form.edit_committed.connect(self._on_form_edit)
        self.programme = ProgrammeEditor(self, self.undo_stack, self.speakers)
        self.checks = ChecksPanel()
        self.checks.item_chosen.connect(self._on_check_chosen)
        self.speakers_panel = SpeakersPanel(self, self.undo_stack, self.speakers)
        self.speakers_panel.event_chosen.connect(self.open_event)

        editor = QSplitter(Qt.Orientation.Vertical)
        editor.addWidget(self.form)
        editor.addWidget(self.programme)
        editor.addWidget(self.checks)
        editor.setStretchFactor(0, 0)
        editor.setStretchFactor(1, 1)
        editor.setStretchFactor(2, 0)
        editor.setChildrenCollapsible(False)
        self.checks.setMinimumHeight(self.checks.fontMetrics().lineSpacing() * 3 + 12)
        editor.setSizes([self.form.sizeHint().height(), 400, 80])
        self.editor_splitter = editor

        self.main_splitter = QSplitter()
        self.main_splitter.addWidget(self.event_list_panel)
        self.main_splitter.addWidget(editor)
        self.main_splitter.setStretchFactor(0, 0)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setChildrenCollapsible(False)
        self.main_splitter.setSizes([EVENT_LIST_WIDTH, 1366 - EVENT_LIST_WIDTH])

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.main_splitter, self.tr("行事と時間割"))
        self.tabs.addTab(self.speakers_panel, self.tr("講師名簿"))
        self.setCentralWidget(self.tabs)
        self._build_menus()
        self.count_label = QLabel()
        self.statusBar().addPermanentWidget(self.count_label)
        for signal in (
            self.events_model.modelReset,
            self.events_model.rowsInserted,
            self.events_model.rowsRemoved,
        ):
            signal.connect(self._update_count)
        self.reload()
        self.change_watcher = ChangeWatcher(self)  # team mode: others' changes show up

    # --- building ------------------------------------------------------------------------

    def _build_event_list(self) -> None:
        tr = self.tr
        self.new_event_action = QAction(tr("新しい行事(&N)"), self, shortcut=QKeySequence("Ctrl+N"))
        self.new_event_action.setIconText(tr("新規"))
        self.new_event_action.triggered.connect(self.new_event)
        self.duplicate_action = QAction(
            tr("行事を複製(&C)…"), self, shortcut=QKeySequence("Ctrl+D")
        )
        self.duplicate_action.setIconText(tr("複製"))
        self.duplicate_action.triggered.connect(lambda: self.duplicate_event())
        self.delete_event_action = QAction(tr("行事を削除(&R)…"), self)
        self.delete_event_action.setIconText(tr("削除"))
        self.delete_event_action.triggered.connect(lambda: self.delete_event())
        panel = self.event_list_panel = EventListPanel(
            self.events_model,
            [self.new_event_action, self.duplicate_action, self.delete_event_action],
        )
        panel.event_chosen.connect(self._set_current)
        # Short names used by other features and the tests.
        self.events_proxy = panel.proxy
        self.events_view = panel.view
        self.search = panel.search
        self.fiscal_year = panel.fiscal_year
        self.new_button, self.duplicate_button, self.delete_button = panel.buttons

    def _build_menus(self) -> None:
        tr = self.tr
        bar = self.menuBar()
        self.file_menu = bar.addMenu(tr("ファイル(&F)"))
        self.edit_menu = bar.addMenu(tr("編集(&E)"))
        self.event_menu = bar.addMenu(tr("行事(&V)"))
        self.participants_menu = bar.addMenu(tr("参加者(&P)"))
        self.mail_menu = bar.addMenu(tr("メール(&M)"))
        self.view_menu = bar.addMenu(tr("表示(&W)"))
        self.help_menu = bar.addMenu(tr("ヘルプ(&H)"))
        self._menu_filter = _ShowWhenFilled(self)
        for menu in (self.participants_menu, self.mail_menu):
            menu.menuAction().setVisible(False)
            menu.installEventFilter(self._menu_filter)

        self.quit_action = QAction(tr("終了(&X)"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.undo_action = self.undo_stack.createUndoAction(self, tr("元に戻す"))
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo_action = self.undo_stack.createRedoAction(self, tr("やり直し"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.find_action = QAction(tr("検索(&S)"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self._focus_search)
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.find_action)

        self.event_menu.addAction(self.new_event_action)
        self.event_menu.addAction(self.duplicate_action)
        self.event_menu.addAction(self.delete_event_action)
        self.event_menu.addSeparator()
        self.event_menu.addActions(self.programme.item_actions)

        for n, title in enumerate((tr("行事と時間割(&E)"), tr("講師名簿(&S)"))):
            action = QAction(title, self, shortcut=QKeySequence(f"Ctrl+{n + 1}"))
            action.triggered.connect(lambda _=False, n=n: self.tabs.setCurrentIndex(n))
            self.view_menu.addAction(action)

        about = QAction(tr("kenshu-desk について(&A)"), self)
        about.triggered.connect(self._about)
        self.help_menu.addAction(about)
        install_guide_action(self, self.help_menu)  # ヘルプ → 使い方 (F1), F1 everywhere
        # Features that live in modules of their own add their menus and actions here.
        install_document_actions(self)
        self.participants = install_participants_menu(self)  # its windows and actions
        install_mail_menu(self)
        self.year_menu = install_year_menu(self)
        install_language_menu(self)
        install_db_settings_action(self)
        # Shortcuts of the window-wide actions work from every widget of the window.
        self.addActions([self.undo_action, self.redo_action, self.find_action])

    # --- loading -------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the events and the speaker directory again (e.g. after an import)."""
        rows = [EventRow.of(e) for e in window_service.event_list(self.db)]
        self.events_model.set_rows(rows)
        self.event_list_panel.fill_fiscal_years()
        self.speakers.load()  # in the background: thousands of speakers take a moment
        current = self._current_id
        if current is not None and self.events_model.row_of(current) >= 0:
            self.select_event(current)
        elif rows:
            self.select_event(self._next_event(rows))
        else:
            self._set_current(None)

    @staticmethod
    def _next_event(rows: list[EventRow]) -> int:
        """The next event from today (what the organiser is preparing), else the newest."""
        today = dt.date.today().isoformat()
        upcoming = [r for r in rows if r.iso_date >= today and not r.cancelled]
        if upcoming:
            return min(upcoming, key=lambda r: r.sort_key).id
        return max(rows, key=lambda r: r.sort_key).id

    def _update_count(self) -> None:
        self.count_label.setText(
            self.tr("行事 %1 件").replace("%1", str(self.events_model.rowCount()))
        )

    def _refresh_event_row(self, event_id: int) -> None:
        event = window_service.find_event(self.db, event_id)
        row = EventRow.of(event) if event is not None else None
        if row is None:
            self.events_model.remove(event_id)
            return
        known_year = self.event_list_panel.knows_fiscal_year(row.fiscal_year)
        self.events_model.upsert(row)
        if not known_year:
            self.event_list_panel.fill_fiscal_years()

    # --- the current event ---------------------------------------------------------------

    def current_event_id(self) -> int | None:
        """The event shown in the editor (it stays shown while a search hides its row)."""
        return self._current_id

    def current_event_view(self) -> EventView | None:
        return self._view

    def current_fiscal_year(self) -> int | None:
        """The fiscal year of the event shown, if any (the year windows open on it)."""
        return self._view.fiscal_year if self._view is not None else None

    def select_event(self, event_id: int, focus_item_id: int | None = None) -> None:
        """Show an event: select its row (clearing a filter that hides it) and load it."""
        if self.events_model.row_of(event_id) < 0:
            return
        self._set_current(event_id, focus_item_id)

    def open_event(self, event_id: int) -> None:
        """Switch to the editor tab and show the event (from the speaker directory)."""
        self.tabs.setCurrentIndex(0)
        self.select_event(event_id)

    def _set_current(self, event_id: int | None, focus_item_id: int | None = None) -> None:
        changed = event_id != self._current_id
        self._current_id = event_id
        self.event_list_panel.set_shown(event_id)
        self._show_event(focus_item_id)
        if changed:
            self.current_event_changed.emit(event_id)

    def _show_event(self, focus_item_id: int | None = None) -> None:
        view = None
        if self._current_id is not None:
            try:
                view = window_service.event_view(self.db, self._current_id)
            except NotFoundError:
                self._current_id = None
        self._view = view
        self.form.set_view(view)
        self.programme.set_view(view, focus_item_id)
        self.checks.set_checks(view.checks if view else None)
        self.duplicate_action.setEnabled(view is not None)
        self.delete_event_action.setEnabled(view is not None)

    def _focus_search(self) -> None:
        if self.tabs.currentIndex() == 1:
            self.speakers_panel.search.setFocus()
            self.speakers_panel.search.selectAll()
        else:
            self.search.setFocus()
            self.search.selectAll()

    def _on_check_chosen(self, index: int) -> None:
        if self._view is not None and 0 <= index < len(self._view.items):
            self.programme.select_item(self._view.items[index].id)
            self.programme.table.setFocus()

    # --- edit context (called by the undo commands) --------------------------------------

    def after_edit(self, change: commands.Change) -> None:
        if change.speakers_changed:
            self.speakers.refresh(change.speaker_ids)
            self.speakers_panel.show_speaker(change.focus_speaker_id)
        if change.removed_event_id is not None:
            row = self.event_list_panel.selected_row()
            self._refresh_event_row(change.removed_event_id)
            if change.removed_event_id == self._current_id:
                self._select_nearest(row)
        if change.event_id is not None:
            self._refresh_event_row(change.event_id)
            if change.event_id != self._current_id:
                self.select_event(change.event_id, change.focus_item_id)
            else:
                self.event_list_panel.sync()  # a new date moves the row; a title may hide it
                self._show_event(change.focus_item_id)
        elif change.speakers_changed and self._current_id is not None:
            self._show_event()  # a renamed speaker shows in the programme and the checks

    def report_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 15000)
        if self._current_id is not None:
            self._show_event()  # put back what is stored in a field that was refused

    def report_unsaved(self, message: str) -> None:
        """Not saved because of the server or the file: what was typed stays on the screen
        (the field still differs from what is stored, so confirming it again saves it)."""
        self.statusBar().showMessage(message, 30000)

    def after_conflict(self) -> None:
        """Another organiser saved the same row first: forget the now unsafe undo history
        (its steps would write back values read before their change) and show what is stored.
        Deferred: the refused command is still inside the undo stack's push."""
        QTimer.singleShot(0, self, self._reload_after_conflict)

    def _reload_after_conflict(self) -> None:
        self.undo_stack.clear()
        self.change_watcher.reload_window(note=False)

    def _select_nearest(self, row: int) -> None:
        event_id = self.event_list_panel.visible_event_near(row)
        if event_id is None:
            self._set_current(None)
        else:
            self.select_event(event_id)

    def _on_form_edit(self, event_id: int, changes: dict, text: str, token: object) -> None:
        view = self._view
        seen = view.version if view is not None and view.id == event_id else None
        self.undo_stack.push(
            commands.UpdateEvent(self, event_id, changes, text, token, expected_version=seen)
        )

    # --- event list actions ----------------------------------------------------------------

    def new_event(self) -> None:
        """A new event today, selected, with its title ready to type over."""
        fields = event_edit.default_fields(dt.date.today())
        fields["title"] = self.tr("新しい行事")
        command = commands.CreateEvent(self, self.tr("新しい行事の作成"), fields=fields)
        self.undo_stack.push(command)
        if command.event_id is not None:
            self.tabs.setCurrentIndex(0)
            self.form.title.setFocus()
            self.form.title.selectAll()

    def duplicate_event(self, new_date: dt.date | None = None, title: str | None = None) -> None:
        """Copy the current event and its programme to a new date (asks when not given)."""
        view = self._view
        if view is None:
            return
        if new_date is None:
            dialog = DuplicateDialog(view.fields["title"], view.fields["date"], self)
            if dialog.exec() != DuplicateDialog.DialogCode.Accepted:
                return
            new_date, title = dialog.new_date(), dialog.new_title() or None
        text = self.tr("行事「%1」の複製").replace("%1", view.fields["title"])
        self.undo_stack.push(
            commands.CreateEvent(self, text, copy_of=view.id, new_date=new_date, title=title)
        )

    def delete_event(self, confirm: bool = True) -> None:
        view = self._view
        if view is None:
            return
        dependents = window_service.event_dependents(self.db, view.id)
        name = f"{view.fields['title']}（{long_date(view.fields['date'])}）"
        if dependents.none:
            question = self.tr(
                "行事「%1」と時間割を削除しますか？\n「元に戻す」(Ctrl+Z) で取り消せます。"
            )
        else:
            question = self.tr(
                "行事「%1」を削除しますか？\nこの行事には%2があり、一緒に削除されます。"
                "\nこの削除は元に戻せません（元に戻す履歴も消去されます）。"
            ).replace("%2", dependents.describe())
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("行事の削除"),
                question.replace("%1", name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        text = self.tr("行事「%1」の削除").replace("%1", view.fields["title"])
        shown_items = {item.id: item.version for item in view.items}
        if dependents.none:
            self.undo_stack.push(
                commands.DeleteEvent(self, view.id, text, view.version, shown_items)
            )
            return
        try:
            window_service.delete_event_and_dependents(
                self.db, view.id, expected_version=view.version, expected_items=shown_items
            )
        except ConcurrentEditError as exc:
            self.report_error(str(exc))
            self.after_conflict()
            return
        except UserError as exc:  # DatabaseError too
            self.report_error(str(exc).splitlines()[0])
            return
        self.undo_stack.clear()
        self.after_edit(commands.Change(removed_event_id=view.id))
        self.statusBar().showMessage(self.tr("%1 を削除しました。").replace("%1", name), 10000)

    # --- window ---------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        # A field being typed in saves when it loses the focus: make it lose it now.
        focused = QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused):
            self.programme.table.commit_pending_edit()
            focused.clearFocus()
        self.speakers.wait()  # no worker left reading a database about to be closed
        super().closeEvent(event)

    def _about(self) -> None:
        from kenshu_desk.ui.shell.about_dialog import AboutDialog

        AboutDialog(self.db, self).exec()
