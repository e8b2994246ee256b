"""The 参加者 menu in the main window opens each view once, for the selected event."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from sqlalchemy import select

from kenshu_desk.domain.models import Event
from kenshu_desk.ui.participants.registration_panel import RegistrationPanel
from kenshu_desk.ui.shell.main_window import MainWindow


def test_menu_opens_views_for_the_selected_event(qtbot, ui_app, demo_db, tmp_path):
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    titles = [a.text() for a in window.menuBar().actions() if a.isVisible()]
    assert "参加者(&P)" in titles and titles[-1] == "ヘルプ(&H)"
    menu = window.participants
    with demo_db.session() as s:
        eid = s.scalars(select(Event.id).where(Event.date == dt.date(2021, 11, 25))).one()
    window.select_event(eid)
    panel = menu.open_registrations()
    assert isinstance(panel, RegistrationPanel) and panel.event_id == eid
    assert menu.open_registrations() is panel  # brought to the front, not opened twice
    assert panel.isWindow() and len(panel.extra_actions) == 2
    desk = menu.open_checkin()
    assert desk.event_id == eid
    directory = menu.open_directory()
    qtbot.waitUntil(lambda: directory.model.total() > 0)
    coverage = menu.open_coverage()
    assert coverage.model.rowCount() == 63
    # Issue 18: it opens on the selected event's fiscal year (not the newest), and each
    # column carries the event's title, not only its date (two events on one day differ).
    assert coverage.year.currentData() == 2021
    headers = [
        coverage.model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(1, coverage.model.columnCount() - 1)
    ]
    nov = next(h for h in headers if h.startswith("11/25\n"))
    assert "第2回市町" in nov.replace("\n", "")
    assert all(len(h.split("\n")) >= 3 for h in headers)
    column = 1 + next(i for i, h in enumerate(headers) if h.startswith("11/25\n"))
    tip = coverage.model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("令和3年11月25日（木） 第2回市町村情報交換会")
    out = tmp_path / "出欠.xlsx"
    menu.export(str(out))
    assert load_workbook(out).active["B3"].value == "氏名"
    assert "書き出しました" in window.statusBar().currentMessage()
    for w in (panel, desk, directory, coverage):
        w.close()


def test_the_suggested_export_name_is_safe_for_any_title(qtbot, ui_app, demo_db, monkeypatch):  # type: ignore[no-untyped-def]
    """A title with ":" and "/" (Windows refuses both; "/" would name a folder)."""
    from PySide6.QtWidgets import QFileDialog

    with demo_db.session() as s:
        event = s.scalars(select(Event).where(Event.date == dt.date(2021, 11, 25))).one()
        event.title = "研修: 上半期/下半期"
        eid = event.id
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.select_event(eid)
    suggested: list[str] = []

    def save_as(parent, caption, name, filters):  # type: ignore[no-untyped-def]
        suggested.append(name)
        return "", ""  # the organiser cancels: nothing is written

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    window.participants.export()
    panel = window.participants.open_registrations()
    panel.export()
    assert suggested == ["研修_ 上半期_下半期_出欠.xlsx"] * 2
    panel.close()
