"""印刷 menu entries for the day of the event: 名札, 卓上名札 and discussion groups (PDF previews)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from kenshu_desk.database import Database

if TYPE_CHECKING:
    from kenshu_desk.ui.shell.pdf_preview import Builder, Namer, PdfPreviewDialog


def _tr(text: str) -> str:
    return QCoreApplication.translate("DocumentActions", text)


def badges_builder(db: Database, event_id: int, layout: str) -> Builder:
    def build(_options: object, _progress: object) -> bytes:
        from kenshu_desk.services.participants.print_bytes import badges_pdf_bytes

        return badges_pdf_bytes(db, event_id, layout)

    return build


def groups_builder(db: Database, event_id: int, count: int, seed: int = 0) -> Builder:
    def build(_options: object, _progress: object) -> bytes:
        from kenshu_desk.services.participants.print_bytes import groups_pdf_bytes

        return groups_pdf_bytes(db, event_id, count, seed)

    return build


def event_namer(db: Database, event_id: int, what: str, heading: str | None = None) -> Namer:
    """An event document's preview title ("{heading}{event title}", by default "{what} — …")
    and the file name it offers (YYYYMMDD_{event title}_{what}.pdf)."""
    from kenshu_desk.services.timetable.documents_data import event_title_and_date

    found = event_title_and_date(db, event_id)
    title, stem = (
        (found[0], f"{found[1]:%Y%m%d}_{found[0]}") if found else ("", f"event-{event_id}")
    )
    prefix = f"{what} — " if heading is None else heading

    def name(_options: object) -> tuple[str, str]:
        return prefix + title, f"{stem}_{what}.pdf"

    return name


def _open(parent: QWidget, builder: Builder, namer: Namer) -> PdfPreviewDialog:
    from kenshu_desk.ui.shell.pdf_preview import PdfPreviewDialog

    dialog = PdfPreviewDialog(builder, namer, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)  # non-modal, as the others
    dialog.show()
    return dialog


def open_badges_preview(
    parent: QWidget, db: Database, event_id: int, layout: str = "name-card"
) -> PdfPreviewDialog:
    what = _tr("名札") if layout == "name-card" else _tr("卓上名札")
    return _open(parent, badges_builder(db, event_id, layout), event_namer(db, event_id, what))


def open_groups_dialog(parent: QWidget, db: Database, event_id: int) -> QWidget:
    """The event's stored groups: moved by drag and drop, dealt anew, printed."""
    from kenshu_desk.ui.participants.groups_dialog import GroupsDialog

    dialog = GroupsDialog(db, event_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.show()
    return dialog


def open_groups_preview(
    parent: QWidget, db: Database, event_id: int, count: int | None = None
) -> PdfPreviewDialog | None:
    if count is None:
        count, ok = QInputDialog.getInt(parent, _tr("グループ分け"), _tr("グループ数:"), 5, 1, 100)
        if not ok:
            return None
    builder = groups_builder(db, event_id, count)
    return _open(parent, builder, event_namer(db, event_id, _tr("グループ分け")))


def add_print_extras(menu: QMenu, parent: QWidget, db_of, with_event) -> list[QAction]:  # type: ignore[no-untyped-def]
    """Append the three actions to the 印刷 menu; with_event runs a callback on the event."""
    menu.addSeparator()
    cards = QAction(_tr("名札をプレビュー…"), menu)
    tents = QAction(_tr("卓上名札をプレビュー…"), menu)
    groups = QAction(_tr("グループ分け…"), menu)
    for action in (cards, tents, groups):
        menu.addAction(action)
    cards.triggered.connect(lambda: with_event(lambda e: open_badges_preview(parent, db_of(), e)))
    tents.triggered.connect(
        lambda: with_event(lambda e: open_badges_preview(parent, db_of(), e, "table-tent"))
    )
    groups.triggered.connect(lambda: with_event(lambda e: open_groups_dialog(parent, db_of(), e)))
    return [cards, tents, groups]
