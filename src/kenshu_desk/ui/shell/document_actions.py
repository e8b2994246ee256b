"""The 印刷 menu of the main window: previews of the agenda, participant list, sign-in sheet
and the 実施報告書 (event report; also saved as an Excel workbook for the author to finish).

Kept out of main_window.py: the window only calls install_document_actions(self).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from kenshu_desk.database import Database
from kenshu_desk.domain.roster import RosterOrder
from kenshu_desk.services.timetable import documents_data

# The preview (QtPdf) loads when a document is first previewed, not while the window starts.
from kenshu_desk.ui.shell.context import as_widget

if TYPE_CHECKING:
    from kenshu_desk.ui.shell.context import AppWindow
    from kenshu_desk.ui.shell.pdf_preview import (
        Builder,
        Namer,
        PdfPreviewDialog,
        PreviewOptions,
        Progress,
    )


def _tr(text: str) -> str:
    return QCoreApplication.translate("DocumentActions", text)


def agenda_builder(db: Database, event_id: int) -> Builder:
    def build(_options: PreviewOptions, progress: Progress) -> bytes:
        # Runs on the worker thread: the service opens its own session there.
        return documents_data.agenda_pdf_bytes(db, event_id, progress)

    return build


def roster_builder(db: Database, event_id: int) -> Builder:
    def build(options: PreviewOptions, progress: Progress) -> bytes:
        roster = documents_data.roster_of(db, event_id, options.order)
        from kenshu_desk.documents.roster import roster_pdf  # reportlab: not at start-up

        return roster_pdf(roster, sign_in=options.sign_in, progress=progress)

    return build


def _event_heading(db: Database, event_id: int) -> tuple[str, str]:
    """(title for windows, "YYYYMMDD_title" for file names)."""
    heading = documents_data.event_title_and_date(db, event_id)
    if heading is None:
        return "", f"event-{event_id}"
    title, date = heading
    return title, f"{date:%Y%m%d}_{title}"


def agenda_namer(db: Database, event_id: int) -> Namer:
    title, stem = _event_heading(db, event_id)

    def name(_options: PreviewOptions) -> tuple[str, str]:
        return _tr("次第のプレビュー — ") + title, f"{stem}_次第.pdf"

    return name


def roster_namer(db: Database, event_id: int) -> Namer:
    title, stem = _event_heading(db, event_id)

    def name(options: PreviewOptions) -> tuple[str, str]:
        from kenshu_desk.documents.roster import document_name

        kind = document_name(options.sign_in)  # the file name is the printed document's
        order = options.order.label
        window_title = (
            _tr("受付簿のプレビュー — ") if options.sign_in else _tr("参加者名簿のプレビュー — ")
        )
        return window_title + title, f"{stem}_{kind}_{order}.pdf"

    return name


def open_agenda_preview(window: QWidget, db: Database, event_id: int) -> PdfPreviewDialog:
    from kenshu_desk.ui.shell.pdf_preview import PdfPreviewDialog

    dialog = PdfPreviewDialog(
        agenda_builder(db, event_id), agenda_namer(db, event_id), parent=window
    )
    _show(dialog)
    return dialog


def open_roster_preview(
    window: QWidget, db: Database, event_id: int, *, sign_in: bool
) -> PdfPreviewDialog:
    from kenshu_desk.ui.shell.pdf_preview import PdfPreviewDialog, PreviewOptions

    dialog = PdfPreviewDialog(
        roster_builder(db, event_id),
        roster_namer(db, event_id),
        options=PreviewOptions(order=RosterOrder.ORGANISATION, sign_in=sign_in),
        roster_options=True,
        parent=window,
    )
    _show(dialog)
    return dialog


def report_builder(db: Database, event_id: int) -> Builder:
    def build(_options: PreviewOptions, progress: Progress) -> bytes:
        from kenshu_desk.services.reports.event_report import report_pdf_bytes

        return report_pdf_bytes(db, event_id, progress)

    return build


def report_namer(db: Database, event_id: int) -> Namer:
    title, stem = _event_heading(db, event_id)

    def name(_options: PreviewOptions) -> tuple[str, str]:
        return _tr("実施報告書のプレビュー — ") + title, f"{stem}_実施報告書.pdf"

    return name


def open_report_preview(window: QWidget, db: Database, event_id: int) -> PdfPreviewDialog:
    from kenshu_desk.ui.shell.pdf_preview import PdfPreviewDialog

    dialog = PdfPreviewDialog(
        report_builder(db, event_id), report_namer(db, event_id), parent=window
    )
    _show(dialog)
    return dialog


def save_report_xlsx(window: AppWindow, event_id: int, path: str | None = None) -> None:
    """Ask where (unless path is given) and write the report as an Excel workbook on a worker."""
    from kenshu_desk.paths import safe_file_name
    from kenshu_desk.services.reports.event_report import report_xlsx_bytes
    from kenshu_desk.ui.shell.workers import TaskRunner

    parent = as_widget(window)
    if path is None:
        _title, stem = _event_heading(window.db, event_id)
        path, _filter = QFileDialog.getSaveFileName(
            parent,
            _tr("実施報告書を Excel で保存"),
            safe_file_name(f"{stem}_実施報告書") + ".xlsx",
            _tr("Excel ブック (*.xlsx)"),
        )
        if not path:
            return
    db, target = window.db, Path(path)
    if target.suffix.lower() != ".xlsx":
        target = target.with_suffix(".xlsx")

    def work(_progress: object, _cancelled: object) -> Path:
        from kenshu_desk.atomic_file import write_atomically

        write_atomically(target, report_xlsx_bytes(db, event_id))
        return target

    status = window.statusBar()
    runner = TaskRunner(parent)
    status.showMessage(_tr("実施報告書を作成しています…"))
    runner.start(
        work,
        lambda saved: status.showMessage(_tr("実施報告書を %1 に保存しました。").replace(
            "%1", str(saved)), 15000),
        lambda message: status.showMessage(message, 15000),
    )  # fmt: skip


def _show(dialog: PdfPreviewDialog) -> None:
    # Non-modal: the organiser can keep the preview open beside the main window.
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.show()


def install_document_actions(window: AppWindow) -> QMenu:
    """Add the 印刷 menu; its actions work on window.current_event_id()."""
    parent = as_widget(window)
    menu = QMenu(_tr("印刷(&R)"), parent)
    # Printing belongs beside the event it prints: right after the 行事 menu when there is one.
    window.menuBar().insertMenu(window.participants_menu.menuAction(), menu)
    agenda = QAction(_tr("次第をプレビュー…"), menu)
    agenda.setShortcut(QKeySequence.StandardKey.Print)
    roster = QAction(_tr("参加者名簿をプレビュー…"), menu)
    sign_in = QAction(_tr("受付簿をプレビュー…"), menu)
    report = QAction(_tr("実施報告書をプレビュー…"), menu)
    report_xlsx = QAction(_tr("実施報告書を Excel で保存…"), menu)
    actions: tuple[QAction, ...] = (agenda, roster, sign_in, report, report_xlsx)
    for action in actions:
        if action is report:
            menu.addSeparator()
        menu.addAction(action)

    def with_event(open_preview) -> None:  # type: ignore[no-untyped-def]
        event_id = window.current_event_id()
        if event_id is None:
            window.statusBar().showMessage(_tr("行事を選択してください。"), 5000)
            return
        open_preview(event_id)

    agenda.triggered.connect(
        lambda: with_event(lambda eid: open_agenda_preview(parent, window.db, eid))
    )
    roster.triggered.connect(
        lambda: with_event(lambda eid: open_roster_preview(parent, window.db, eid, sign_in=False))
    )
    sign_in.triggered.connect(
        lambda: with_event(lambda eid: open_roster_preview(parent, window.db, eid, sign_in=True))
    )

    report.triggered.connect(
        lambda: with_event(lambda eid: open_report_preview(parent, window.db, eid))
    )
    report_xlsx.triggered.connect(lambda: with_event(lambda eid: save_report_xlsx(window, eid)))
    from kenshu_desk.ui.shell.print_extras import add_print_extras

    actions += tuple(add_print_extras(menu, parent, lambda: window.db, with_event))
    from kenshu_desk.ui.shell.certificate_actions import add_certificate_actions

    actions += tuple(add_certificate_actions(menu, parent, lambda: window.db, with_event))

    def refresh() -> None:
        has_event = window.current_event_id() is not None
        for action in actions:
            action.setEnabled(has_event)

    # The event shown in the editor, which outlives a list filter.
    window.current_event_changed.connect(refresh)
    refresh()
    return menu
