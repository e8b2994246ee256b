"""印刷 → 名札 / 卓上名札 / グループ分け: the previews from the main window's menu, read back."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader
from sqlalchemy import select

from kenshu_desk.domain.models import Event
from kenshu_desk.ui.shell.main_window import MainWindow
from kenshu_desk.ui.shell.pdf_preview import PdfPreviewDialog
from kenshu_desk.ui.shell.print_extras import open_groups_preview


def event_id_on(db, date: dt.date) -> int:
    with db.session() as session:
        return session.scalars(select(Event.id).where(Event.date == date)).one()


def text_of(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def test_name_cards_and_table_tents_from_the_menu(qtbot, ui_app, demo_db):
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.select_event(event_id_on(demo_db, dt.date(2021, 11, 25)))
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "印刷(&R)")
    actions = {a.text(): a for a in menu.actions() if not a.isSeparator()}
    for label, pages, file_end in (
        ("名札をプレビュー…", 3, "_名札.pdf"),
        ("卓上名札をプレビュー…", 29, "_卓上名札.pdf"),
    ):
        assert actions[label].isEnabled()
        actions[label].trigger()
        dialog = window.findChildren(PdfPreviewDialog)[-1]
        qtbot.waitSignal(dialog.document_ready, timeout=20000).wait()
        data = dialog.pdf_bytes()
        assert len(PdfReader(io.BytesIO(data)).pages) == pages
        assert "髙橋" in text_of(data)
        assert dialog.suggested_file_name().endswith(file_end)
        dialog.close()
        dialog.deleteLater()
        qtbot.waitUntil(lambda: not window.findChildren(PdfPreviewDialog), timeout=5000)


def test_groups_preview_lists_and_seats(qtbot, ui_app, demo_db):
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    dialog = open_groups_preview(window, demo_db, event_id_on(demo_db, dt.date(2021, 11, 25)), 4)
    assert dialog is not None
    qtbot.waitSignal(dialog.document_ready, timeout=20000).wait()
    text = text_of(dialog.pdf_bytes())
    assert "グループ一覧" in text and "座席表" in text and "第4グループ" in text
    assert "第5グループ" not in text
    dialog.grab().save("/tmp/wt21p_groups_preview.png")
    dialog.close()
