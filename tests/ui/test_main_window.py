"""The main window, driven as a user meets it: demo data, Japanese text, search as you type."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QFontInfo

from kenshu_desk.ui.shell.main_window import MainWindow
from kenshu_desk.ui.timetable.event_list import EVENT_ID_ROLE, EventListModel, EventRow


def test_window_lists_demo_events_newest_first(qtbot, ui_app, demo_db):
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    proxy = window.events_proxy
    assert proxy.rowCount() >= 10
    first_dates = [proxy.index(r, 1).data() for r in range(2)]
    assert first_dates[0].startswith("令和9年1月28日") or first_dates[0].startswith("令和")
    years = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert years[0] >= years[-1]


def test_search_filters_with_half_and_full_width_input(qtbot, ui_app, demo_db, ime_type):
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    ime_type(window.search, "情報交換会")
    titles = {window.events_proxy.index(r, 3).data() for r in range(window.events_proxy.rowCount())}
    assert titles and all("情報交換会" in t for t in titles)
    window.search.clear()
    ime_type(window.search, "令和３年度　第２回")  # full-width digits and space
    rows = window.events_proxy.rowCount()
    assert rows >= 1
    assert all("第2回" in window.events_proxy.index(r, 3).data() for r in range(rows))


def test_selecting_an_event_shows_its_programme(qtbot, ui_app, demo_db):
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    with demo_db.session() as s:
        from kenshu_desk.domain.models import Event

        event_id = s.query(Event).filter(Event.date == dt.date(2021, 11, 25)).one().id
    window.select_event(event_id)
    model = window.programme.model
    rows = [[model.index(r, c).data() for c in range(5)] for r in range(model.rowCount())]
    assert rows[1] == [
        "14:35～15:20",
        "45",
        "講演",
        "市町村総合相談支援体制に関する基調講演",
        "中島 修 氏",
    ]
    assert rows[2][4] == "①岩手県遠野市 ②東京都豊島区"
    assert window.current_event_id() == event_id
    assert window.form.title.text() == "第2回市町村情報交換会"
    assert window.form.date_label.text().startswith("令和3年11月25日（木）")


def test_bundled_font_is_the_application_font(qtbot, ui_app, demo_db):
    families = QFontDatabase.families()
    assert "IPAexGothic" in families or "IPAexゴシック" in families
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    info = QFontInfo(window.events_view.font())
    assert info.family() in ("IPAexGothic", "IPAexゴシック")


def test_event_list_model_passes_the_model_tester(qtmodeltester, ui_app, demo_db):
    from kenshu_desk.services.timetable.events import list_events

    model = EventListModel()
    with demo_db.session() as s:
        model.set_rows([EventRow.of(e) for e in list_events(s)])
    qtmodeltester.check(model)
    assert model.headerData(3, Qt.Orientation.Horizontal) == "行事名"


def test_named_menus_for_other_features(qtbot, ui_app, demo_db):
    from PySide6.QtGui import QAction

    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    titles = [a.text() for a in window.menuBar().actions() if a.isVisible()]
    assert titles[:3] == ["ファイル(&F)", "編集(&E)", "行事(&V)"]
    assert "表示(&W)" in titles and titles[-1] == "ヘルプ(&H)"
    window.view_menu.addAction(QAction("何か", window))
    assert window.participants_menu.menuAction().isVisible()  # filled by the participants feature
    edit = [a.text() for a in window.edit_menu.actions() if a.text()]
    assert edit[:2] == ["元に戻す", "やり直し"]
    assert window.redo_action.shortcuts()[1].toString() == "Ctrl+Y"
    seen = []
    window.current_event_changed.connect(seen.append)
    other = window.events_proxy.index(3, 0).data(EVENT_ID_ROLE)
    window.select_event(other)
    assert seen == [other]


def test_no_two_menu_actions_share_a_shortcut(qtbot, ui_app, demo_db):
    from PySide6.QtWidgets import QMenu

    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    seen: dict[str, str] = {}
    clashes = []
    for menu in window.menuBar().findChildren(QMenu) + window.findChildren(QMenu):
        for action in menu.actions():
            for shortcut in action.shortcuts():
                key = shortcut.toString()
                if key in seen and seen[key] != action.text():
                    clashes.append((key, seen[key], action.text()))
                seen[key] = action.text()
    assert clashes == []
