"""The 年間 screens driven as a user meets them: demo data, clicks, keys, Japanese typing."""

from __future__ import annotations

import datetime as dt

import openpyxl
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from tests.municipalities import find_municipality

from kenshu_desk.domain.models import Event, MeasureState
from kenshu_desk.services.year.municipality_records import get_record
from kenshu_desk.services.year.progress import progress_table
from kenshu_desk.ui.shell.main_window import MainWindow
from kenshu_desk.ui.year.dispatch_dialog import DispatchDialog
from kenshu_desk.ui.year.municipality_models import ID_ROLE
from kenshu_desk.ui.year.progress_view import ProgressView
from kenshu_desk.ui.year.year_view import YearViewWidget


def _main(qtbot, db) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.resize(1200, 700)
    window.show()
    return window


def test_clicking_a_box_selects_the_event_in_the_main_window(qtbot, ui_app, demo_db):
    window = _main(qtbot, demo_db)
    tool = window.year_menu.show_year_view()
    qtbot.addWidget(tool)
    view: YearViewWidget = tool.content
    view.year.setValue(2021)
    chart = view.chart
    boxes = chart.boxes()
    assert len(boxes) == 24
    with demo_db.session() as s:
        nov = s.query(Event).filter(Event.date == dt.date(2021, 11, 25)).one().id
    rect = next(r for event_id, r in boxes if event_id == nov)
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert window.current_event_id() == nov
    assert window.form.title.text() == "第2回市町村情報交換会"  # the editor shows it
    # Arrow keys walk the boxes in date order; Enter opens the focused one.
    with qtbot.waitSignal(view.eventActivated) as blocker:
        qtbot.keyClick(chart, Qt.Key.Key_Right)
        qtbot.keyClick(chart, Qt.Key.Key_Return)
    assert blocker.args[0] == chart.current_event_id() != nov
    with qtbot.waitSignal(view.eventOpened) as blocker:
        qtbot.mouseDClick(chart, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert blocker.args[0] == nov
    # Another year: no boxes, and a click on empty space does nothing.
    view.year.setValue(2030)
    assert chart.boxes() == []
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(300, 80))
    assert "0 件" in view.summary.text()


def test_year_view_exports_the_pdf(qtbot, ui_app, demo_db, tmp_path):
    view = YearViewWidget(demo_db, 2021)
    qtbot.addWidget(view)
    view.export_pdf(tmp_path / "y.pdf")
    text = PdfReader(tmp_path / "y.pdf").pages[0].extract_text()
    assert "事業スケジュール" in text
    # The button's way: on the thread pool, the window stays responsive.
    view.paper.setCurrentIndex(view.paper.findData("A4"))
    with qtbot.waitSignal(view.export_signals.finished, timeout=30_000):
        view.start_export(tmp_path / "y4.pdf", view.paper.currentData())
    assert "y4.pdf に出力しました" in view.summary.text() and view.export_button.isEnabled()
    assert round(float(PdfReader(tmp_path / "y4.pdf").pages[0].mediabox.width)) == 842
    with qtbot.waitSignal(view.export_signals.failed, timeout=30_000):
        view.start_export(tmp_path / "missing" / "y.pdf")
    assert "見つかりません" in view.summary.text()


def test_models_pass_the_model_tester(qtbot, qtmodeltester, ui_app, demo_db):
    window = _main(qtbot, demo_db)
    records = window.year_menu.show_records().content
    qtbot.addWidget(records)
    qtmodeltester.check(records.model)
    qtmodeltester.check(records.proxy)
    records.select_municipality(_id(demo_db, "志木市"))
    qtmodeltester.check(records.dispatch_model)
    qtmodeltester.check(records.attended_model)
    progress = ProgressView(demo_db, 2021)
    qtbot.addWidget(progress)
    qtmodeltester.check(progress.model)


def _id(db, name: str) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return find_municipality(s, name).id


def test_records_list_edit_and_save(qtbot, ui_app, demo_db, ime_type):
    window = _main(qtbot, demo_db)
    tool = window.year_menu.show_records()
    qtbot.addWidget(tool)
    records = tool.content
    records.year.setValue(2021)
    model = records.model
    assert model.rowCount() == 63
    assert [model.index(r, 1).data() for r in range(3)] == ["さいたま市", "川越市", "熊谷市"]
    shiki = model.row_of(_id(demo_db, "志木市"))
    assert model.index(shiki, 8).data() == "8/12(県職員)、10/20(猪鼻・加藤)"

    ime_type(records.search, "志木")
    assert records.proxy.rowCount() == 1
    records.view.selectRow(0)
    assert records.editor.heading.text().startswith("志木市")
    assert records.tabs.tabText(0) == "派遣実績（2件）"

    # Plan a team for next fiscal year, add a line to 現状, save with Ctrl+S.
    team = records.editor.measures[next(m for m in records.editor.measures if m.value == "team")]
    team.state.setCurrentIndex(team.state.findData(MeasureState.PLANNED.value))
    team.year.setValue(2022)
    records.editor.situation.moveCursor(records.editor.situation.textCursor().MoveOperation.End)
    qtbot.keyClick(records.editor.situation, Qt.Key.Key_Return)
    ime_type(records.editor.situation, "高齢部門とのチーム化を検討中")
    assert records.save_button.isEnabled()
    tool.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tool)
    qtbot.keyClick(records.editor.situation, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "保存しました" in records.message.text()
    with demo_db.session() as s:
        record = get_record(s, _id(demo_db, "志木市"), 2021)
        assert record.team_state == "planned" and record.team_year == 2022
        assert record.situation.endswith("高齢部門とのチーム化を検討中")
        table = progress_table(s, 2021)
    assert table.value("window_and_team", "planned_next_year") == 16
    assert model.index(shiki, 4).data() == "R4予定"


def test_leaving_a_municipality_saves_and_a_refused_save_stays(qtbot, ui_app, demo_db):
    records = _main(qtbot, demo_db).year_menu.show_records().content
    records.year.setValue(2021)
    records.select_municipality(_id(demo_db, "越生町"))
    records.editor.requested.setChecked(True)
    records.select_municipality(_id(demo_db, "川越市"))  # leaving saves
    with demo_db.session() as s:
        assert get_record(s, _id(demo_db, "越生町"), 2021).adviser_requested
    # A plan in a year already past is refused; the form and the selection stay.
    window_editor = next(e for m, e in records.editor.measures.items() if m.value == "window")
    window_editor.state.setCurrentIndex(window_editor.state.findData("planned"))
    window_editor.year.setValue(2019)
    records.view.selectRow(5)
    assert "予定年度" in records.message.text()
    assert records.current_municipality_id() == _id(demo_db, "川越市")
    assert records.editor.is_dirty()
    records.revert()
    assert not records.editor.is_dirty()


def test_new_year_from_the_previous_one_and_a_dispatch(qtbot, ui_app, demo_db, monkeypatch):
    window = _main(qtbot, demo_db)
    records = window.year_menu.show_records().content
    records.year.setValue(2022)
    assert records.carry_button.isEnabled()
    records.carry_forward()
    assert "63件" in records.message.text()
    assert not records.carry_button.isEnabled()
    with demo_db.session() as s:
        assert progress_table(s, 2022).row("support_system").values[0] == 30

    # Record a visit with two advisers through the dialog.
    records.select_municipality(_id(demo_db, "鳩山町"))
    events_before = window.events_model.rowCount()

    def fill_and_accept(dialog: DispatchDialog) -> int:
        dialog.kind.setCurrentIndex(dialog.kind.findData("研修会"))
        for n in range(dialog.advisers.count()):
            item = dialog.advisers.item(n)
            if item.text().startswith(("野村", "熊木")):
                item.setCheckState(Qt.CheckState.Checked)
        dialog.date.setDate(dt.date(2022, 6, 14))
        dialog.accept()
        return 1

    monkeypatch.setattr(DispatchDialog, "exec", fill_and_accept)
    with qtbot.waitSignal(records.eventsChanged):
        records.record_dispatch()
    row = records.model.row_of(_id(demo_db, "鳩山町"))
    assert records.model.index(row, 8).data() == "6/14(熊木・野村)"
    assert window.events_model.rowCount() == events_before + 1
    # Double-clicking the dispatch opens it in the main window.
    index = records.dispatch_model.index(0, 0)
    records._open_event(index)
    assert window.current_event_id() == index.data(ID_ROLE)


def test_correcting_who_went_on_a_dispatch(qtbot, ui_app, demo_db, monkeypatch):
    from kenshu_desk.services.year.dispatches import (
        DispatchInput,
        add_dispatch,
        get_dispatch,
        update_dispatch,
    )

    with demo_db.session() as s:
        town = find_municipality(s, "鳩山町")
        event_id = add_dispatch(s, DispatchInput(dt.date(2021, 9, 7), "勉強会", town.id)).id
    window = _main(qtbot, demo_db)
    records = window.year_menu.show_records().content
    records.year.setValue(2021)
    records.select_municipality(_id(demo_db, "鳩山町"))
    assert not records.edit_dispatch_button.isEnabled()
    row = next(
        r
        for r in range(records.dispatch_model.rowCount())
        if records.dispatch_model.index(r, 0).data(ID_ROLE) == event_id
    )
    records.dispatch_view.selectRow(row)
    assert records.edit_dispatch_button.isEnabled()
    seen: list[str] = []

    def tick_nomura_and_save(dialog: DispatchDialog) -> int:
        assert dialog.windowTitle() == "派遣の記録を修正"
        assert dialog.date.date() == dt.date(2021, 9, 7)
        for n in range(dialog.advisers.count()):
            item = dialog.advisers.item(n)
            if item.text().startswith("野村"):
                item.setCheckState(Qt.CheckState.Checked)
        if not seen:  # the first time, another organiser moves the day meanwhile
            with demo_db.session() as s:
                other = get_dispatch(s, event_id)
                moved = DispatchInput(**{**vars(other.data), "date": dt.date(2021, 9, 8)})
                update_dispatch(s, event_id, moved, other.version)
            dialog.accept()
            seen.append(dialog.error.text())
            # Refused; the form now shows their day, and this user's tick is still to redo.
            assert dialog.date.date() == dt.date(2021, 9, 8)
            for n in range(dialog.advisers.count()):
                item = dialog.advisers.item(n)
                if item.text().startswith("野村"):
                    item.setCheckState(Qt.CheckState.Checked)
        dialog.accept()
        return 1

    monkeypatch.setattr(DispatchDialog, "exec", tick_nomura_and_save)
    with qtbot.waitSignal(records.eventsChanged):
        records.edit_dispatch()
    assert "他の方が先に" in seen[0] and "いま保存されている内容" in seen[0]
    town_row = records.model.row_of(_id(demo_db, "鳩山町"))
    assert records.model.index(town_row, 8).data() == "9/8(野村)"


def test_progress_view_and_its_exports(qtbot, ui_app, demo_db, tmp_path):
    view = ProgressView(demo_db, 2021)
    qtbot.addWidget(view)
    view.resize(1100, 800)
    view.show()
    model = view.model
    labels = [model.index(r, 1).data() for r in range(model.rowCount())]
    system = labels.index("市町村総合相談支援体制構築")
    assert [model.index(system, c).data() for c in range(2, 6)] == ["30", "32", "40", "48"]
    assert model.headerData(2, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == (
        "令和3年度 実施・構築済み"
    )
    view.export("xlsx", tmp_path / "p.xlsx")
    view.export("pdf", tmp_path / "p.pdf")
    view.export("png", tmp_path / "p.png")
    assert openpyxl.load_workbook(tmp_path / "p.xlsx")["進捗状況"]["C7"].value == 30
    assert "実施・構築状況" in PdfReader(tmp_path / "p.pdf").pages[0].extract_text()
    image = QImage(str(tmp_path / "p.png"))
    assert image.width() >= 2000 and image.height() > 600
    # Not a blank picture: the stacked bars are there in their colour.
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 7)
        for y in range(0, image.height(), 7)
    }
    assert "#2f5c9e" in colours
    view.copy_chart()
    assert not QApplication.clipboard().image().isNull()


def test_fiscal_year_spin_shows_wareki_and_takes_typed_years(qtbot, ui_app):
    from kenshu_desk.ui.shell.fiscal_year_spin import FiscalYearSpin

    spin = FiscalYearSpin(2021)
    qtbot.addWidget(spin)
    assert spin.text() == "令和3年度（2021）"
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin, "2019")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert spin.value() == 2019 and spin.text() == "令和元年度（2019）"
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert spin.value() == 2020


def test_closing_the_main_window_saves_the_record_form_first(qtbot, ui_app, demo_db):
    window = _main(qtbot, demo_db)
    tool = window.year_menu.show_records()
    records = tool.content
    records.year.setValue(2021)
    records.select_municipality(_id(demo_db, "寄居町"))
    records.editor.requested.setChecked(True)
    assert window.close()
    with demo_db.session() as s:
        assert get_record(s, _id(demo_db, "寄居町"), 2021).adviser_requested
    # A form the rules refuse keeps both windows open.
    window.show()
    tool = window.year_menu.show_records()
    records = tool.content
    editor = next(e for m, e in records.editor.measures.items() if m.value == "team")
    editor.state.setCurrentIndex(editor.state.findData("planned"))
    editor.year.setValue(2020)
    assert not window.close()
    assert tool.isVisible() and "予定年度" in records.message.text()
    records.revert()


def test_dispatch_date_typed_key_by_key(qtbot, ui_app, demo_db):  # type: ignore[no-untyped-def]
    """Each keystroke of 2022/10/20 goes where it is typed: no part of the date is changed
    behind the user's back (issue 18: 2022/10/20 became 2022/11/10)."""
    dialog = DispatchDialog(demo_db, _id(demo_db, "鳩山町"), dt.date(2021, 11, 25))
    qtbot.addWidget(dialog)
    dialog.show()
    line = dialog.date.line
    line.setFocus()
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Delete)
    qtbot.keyClicks(line, "2022/10/20")
    assert line.text() == "2022/10/20"
    assert dialog.date.date() == dt.date(2022, 10, 20)
    line.selectAll()
    qtbot.keyClicks(line, "R3.11.29")
    assert dialog.date.date() == dt.date(2021, 11, 29)
