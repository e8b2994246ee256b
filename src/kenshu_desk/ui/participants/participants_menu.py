"""The 参加者 menu of the main window: directory, registrations, reception, imports, coverage.

Kept apart from ui/shell/main_window.py, which only calls ``install_participants_menu(self)``.
Each view opens as its own window (a reception desk runs full screen on another machine's
display); a second request brings the open one to the front.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QWidget

from kenshu_desk.errors import UserError
from kenshu_desk.paths import safe_file_name
from kenshu_desk.ui.shell.context import Refreshes, Reloads
from kenshu_desk.ui.shell.widgets import fit_to_screen

W = TypeVar("W", bound=QWidget)

# The windows and dialogs behind this menu are imported when first opened: the main window
# builds this menu at start-up and should not wait for all of them to load.
if TYPE_CHECKING:
    from kenshu_desk.ui.participants.checkin import CheckInWidget
    from kenshu_desk.ui.participants.coverage_view import CoverageView
    from kenshu_desk.ui.participants.participant_directory import ParticipantDirectoryWidget
    from kenshu_desk.ui.participants.registration_panel import RegistrationPanel
    from kenshu_desk.ui.shell.context import AppWindow


class ParticipantsMenu:
    def __init__(self, app: AppWindow) -> None:
        self.app = app
        self.window = cast(QMainWindow, app)  # the parent of the windows it opens
        self.db = app.db
        self.windows: dict[str, QWidget] = {}
        tr = app.tr
        menu = app.participants_menu
        self.menu = menu
        self.directory_action = self._add(tr("参加者名簿(&L)"), self.open_directory, "Ctrl+Shift+D")
        self.registrations_action = self._add(
            tr("申込・出欠(&R)"), self.open_registrations, "Ctrl+Shift+R", needs_event=True
        )
        self.checkin_action = self._add(
            tr("受付(&K)"), self.open_checkin, "Ctrl+Shift+K", needs_event=True
        )
        menu.addSeparator()
        self.import_action = self._add(tr("参加者名簿の取り込み(&I)…"), self.import_participants)
        self.report_action = self._add(
            tr("出席レポートの取り込み（Zoom・Teams）(&Z)…"), self.import_report, needs_event=True
        )
        self.export_action = self._add(tr("出欠の書き出し(&X)…"), self.export, needs_event=True)
        self.survey_action = self._add(
            tr("アンケートの取り込み(&Q)…"), self.import_survey, needs_event=True
        )
        self.survey_summary_action = self._add(
            tr("アンケート集計をプレビュー(&S)…"), self.open_survey_summary, needs_event=True
        )
        menu.addSeparator()
        self.coverage_action = self._add(tr("市町村の参加状況(&C)"), self.open_coverage)
        self._event_actions = [
            self.registrations_action,
            self.checkin_action,
            self.report_action,
            self.export_action,
            self.survey_action,
            self.survey_summary_action,
        ]
        menu.aboutToShow.connect(self._update)

    def _add(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: str | None = None,
        needs_event: bool = False,
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if needs_event:
            action.setStatusTip(self.window.tr("一覧で選んだ行事について"))
        action.triggered.connect(slot)
        self.menu.addAction(action)
        return action

    def _update(self) -> None:
        has_event = self.event_id() is not None
        for action in self._event_actions:
            action.setEnabled(has_event)

    def event_id(self) -> int | None:
        return self.app.current_event_id()

    def import_survey(self) -> None:
        from kenshu_desk.ui.participants.survey_actions import import_survey_file

        event_id = self.event_id()
        if event_id is not None:
            self.survey_runner = import_survey_file(self.window, self.db, event_id)

    def open_survey_summary(self) -> None:
        from kenshu_desk.ui.participants.survey_actions import open_summary_preview

        event_id = self.event_id()
        if event_id is not None:
            open_summary_preview(self.window, self.db, event_id)

    def _show(self, key: str, make: Callable[[], W]) -> W:
        """The window of `key`, made by `make` the first time (each key has one maker)."""
        widget = cast("W | None", self.windows.get(key))
        if widget is None:
            widget = make()
            widget.setParent(self.window, Qt.WindowType.Window)
            widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            widget.destroyed.connect(lambda _o=None, k=key: self.windows.pop(k, None))
            self.windows[key] = widget
            fit_to_screen(widget, 1100, 700)
        widget.show()
        widget.raise_()
        widget.activateWindow()
        return widget

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)

    # --- actions ------------------------------------------------------------------------

    def open_directory(self) -> ParticipantDirectoryWidget:
        from kenshu_desk.ui.participants.participant_directory import ParticipantDirectoryWidget

        return self._show("directory", lambda: ParticipantDirectoryWidget(self.db))

    def open_registrations(self) -> RegistrationPanel | None:
        eid = self.event_id()
        if eid is None:
            self._say(self.window.tr("先に行事を選んでください。"))
            return None

        def make() -> RegistrationPanel:
            from kenshu_desk.ui.participants.registration_panel import RegistrationPanel

            panel = RegistrationPanel(self.db, eid)
            for text, slot in (
                (self.window.tr("受付(&K)"), self.open_checkin),
                (self.window.tr("出席レポート(&Z)…"), self.import_report),
            ):
                action = QAction(text, panel)
                action.triggered.connect(slot)
                panel.add_tool_action(action)
            return panel

        return self._show(f"registrations:{eid}", make)

    def open_checkin(self) -> CheckInWidget | None:
        eid = self.event_id()
        if eid is None:
            self._say(self.window.tr("先に行事を選んでください。"))
            return None

        def make() -> CheckInWidget:
            from kenshu_desk.ui.participants.checkin import CheckInWidget

            desk = CheckInWidget(self.db, eid)
            desk.checked_in.connect(lambda _pid: self._refresh_registrations(eid))
            return desk

        return self._show(f"checkin:{eid}", make)

    def _refresh_registrations(self, eid: int) -> None:
        panel = self.windows.get(f"registrations:{eid}")
        if isinstance(panel, Refreshes):
            panel.refresh()

    def import_participants(self) -> None:
        from kenshu_desk.ui.participants.participant_import_dialog import ParticipantImportWizard

        wizard = ParticipantImportWizard(self.db, event_id=self.event_id(), parent=self.window)
        wizard.imported.connect(lambda result: self._after_import(result.summary()))
        wizard.exec()

    def _after_import(self, text: str) -> None:
        self._say(text)
        for key, widget in list(self.windows.items()):
            if key == "directory" and isinstance(widget, Reloads):
                widget.reload()
            elif key.startswith(("registrations:", "checkin:")) and isinstance(widget, Refreshes):
                widget.refresh()

    def import_report(self) -> None:
        eid = self.event_id()
        if eid is None:
            self._say(self.window.tr("先に行事を選んでください。"))
            return
        from kenshu_desk.ui.participants.attendance_import_dialog import AttendanceImportDialog

        dialog = AttendanceImportDialog(self.db, eid, parent=self.window)
        dialog.applied.connect(lambda result: self._after_import(result.summary()))
        dialog.exec()

    def export(self, path: str | None = None) -> None:
        eid = self.event_id()
        if eid is None:
            return
        from kenshu_desk.services.participants import actions

        title = actions.event_label(self.db, eid).title
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self.window,
                self.window.tr("出欠の書き出し"),
                safe_file_name(f"{title}_出欠.xlsx", "出欠.xlsx"),
                self.window.tr("Excel ブック (*.xlsx);;CSV UTF-8 (*.csv)"),
            )
        if not path:
            return
        try:
            count = actions.export_attendance(self.db, eid, Path(path))
        except UserError as exc:
            self._say(str(exc))
            return
        self._say(self.window.tr("{0} 件を {1} に書き出しました。").format(count, path))

    def open_coverage(self) -> CoverageView:
        from kenshu_desk.ui.participants.coverage_view import CoverageView

        view = self._show("coverage", lambda: CoverageView(self.db))
        year = self.app.current_fiscal_year()  # the selected event's fiscal year first
        if year is not None:
            view.select_year(year)
        return view


def install_participants_menu(app: AppWindow) -> ParticipantsMenu:
    return ParticipantsMenu(app)
