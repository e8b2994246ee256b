"""The speaker directory tab, the double-booking check on screen, and every Qt model checked
by qtmodeltester."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from sqlalchemy import select
from window_helpers import click_row

from kenshu_desk.domain.models import Event, Speaker
from kenshu_desk.services.timetable.event_view import load_event_view
from kenshu_desk.services.timetable.speakers import list_speakers, speaker_appearances
from kenshu_desk.ui.timetable.event_list import EventFilterProxy, EventListModel, EventRow
from kenshu_desk.ui.timetable.presenters_editor import PresenterModel
from kenshu_desk.ui.timetable.programme_model import ProgrammeModel
from kenshu_desk.ui.timetable.speaker_models import (
    AppearanceModel,
    SpeakerChoices,
    SpeakerFilterProxy,
    SpeakerListModel,
)


def _speaker_id(db, name: str) -> int:
    with db.session() as s:
        return s.scalar(select(Speaker.id).where(Speaker.name == name))


def test_directory_in_gojuon_order_with_appearances(qtbot, open_window, demo_db):
    window = open_window(demo_db)
    window.tabs.setCurrentIndex(1)
    panel = window.speakers_panel
    names = [panel.proxy.index(r, 0).data() for r in range(panel.proxy.rowCount())]
    assert names[:3] == ["秋山 由美子 氏", "猪鼻 紗都子 氏", "岩手県遠野市"]
    panel.select_speaker(_speaker_id(demo_db, "中島 修"))
    assert panel.name.text() == "中島 修" and panel.honorific.currentText() == "氏"
    assert panel.category.currentText() == "学識経験者"
    events = [panel.appearances.index(r, 1).data() for r in range(panel.appearances.rowCount())]
    assert "第2回市町村情報交換会" in events
    row = events.index("第2回市町村情報交換会")
    assert panel.appearances.index(row, 3).data() in ("14:35～15:20", "14:05～14:45")
    panel.appearances_view.doubleClicked.emit(panel.appearances.index(row, 0))
    assert window.tabs.currentIndex() == 0
    assert window.current_event_view().fields["title"] == "第2回市町村情報交換会"


def test_editing_a_speaker_shows_in_the_programme_and_undoes(qtbot, open_window, demo_db, ime_type):
    window = open_window(demo_db)
    with demo_db.session() as s:
        nov = s.scalar(select(Event.id).where(Event.date == dt.date(2021, 11, 25)))
    window.select_event(nov)
    window.tabs.setCurrentIndex(1)
    panel = window.speakers_panel
    panel.select_speaker(_speaker_id(demo_db, "中島 修"))
    panel.honorific.setCurrentIndex(panel.honorific.findData("様"))
    panel.honorific.activated.emit(panel.honorific.currentIndex())
    assert window.programme.model.index(1, 4).data() == "中島 修 様"
    panel.reading.setFocus()
    panel.reading.selectAll()
    ime_type(panel.reading, "ナカジマ　オサム")
    qtbot.keyClick(panel.reading, Qt.Key.Key_Return)
    with demo_db.session() as s:
        assert s.get(Speaker, _speaker_id(demo_db, "中島 修")).reading == "ナカジマ　オサム"
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert window.programme.model.index(1, 4).data() == "中島 修 氏"
    assert panel.reading.text() == "なかじま　おさむ"


def test_new_speaker_sorted_by_reading_and_used_ones_cannot_be_deleted(
    qtbot, open_window, demo_db, ime_type
):
    window = open_window(demo_db)
    window.tabs.setCurrentIndex(1)
    panel = window.speakers_panel
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    assert panel.name.hasFocus() and panel.name.selectedText() == "新しい講師"
    ime_type(panel.name, "東海林 太郎")
    qtbot.keyClick(panel.name, Qt.Key.Key_Tab)
    ime_type(panel.reading, "しょうじ　たろう")
    qtbot.keyClick(panel.reading, Qt.Key.Key_Tab)
    names = [panel.proxy.index(r, 0).data() for r in range(panel.proxy.rowCount())]
    assert names.index("東海林 太郎 氏") < names.index("田中 悠美子 氏")  # し before た
    assert panel.current_speaker_id() == _speaker_id(demo_db, "東海林 太郎")
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert _speaker_id(demo_db, "東海林 太郎") is None
    window.undo_stack.undo()
    assert _speaker_id(demo_db, "東海林 太郎") is not None

    panel.select_speaker(_speaker_id(demo_db, "中島 修"))
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert "時間割に登録されているため削除できません" in window.statusBar().currentMessage()
    assert _speaker_id(demo_db, "中島 修") is not None


def test_double_booking_appears_in_the_checks_panel(qtbot, open_window, demo_db, ime_type):
    window = open_window(demo_db)
    with demo_db.session() as s:
        nov = s.scalar(select(Event.id).where(Event.date == dt.date(2021, 11, 25)))
    window.select_event(nov)
    window.duplicate_event(dt.date(2021, 11, 25), "同日の別会場")
    assert len(window.checks.warnings()) == 5  # every presenter of the copy, same times
    window.form.start.setFocus()
    qtbot.keyClicks(window.form.start, "1000")
    qtbot.keyClick(window.form.start, Qt.Key.Key_Tab)
    assert "プログラムが終了時刻の" in window.checks.messages()[0]
    assert window.checks.warnings() == []
    window.select_event(nov)
    assert window.checks.warnings() == []
    window.undo_stack.undo()  # the start time again: the copy is shown with its warnings
    assert window.current_event_view().fields["title"] == "同日の別会場"
    assert window.checks.warnings()[0] == (
        "2番目の項目：中島 修 は同じ時間帯に「第2回市町村情報交換会」の"
        "「市町村総合相談支援体制に関する基調講演」（14:35～15:20）にも登壇します"
    )


def test_presenter_type_ahead_matches_kana_in_any_form(qtbot, open_window, demo_db, ime_type):
    window = open_window(demo_db)
    click_row(qtbot, window.programme.table, 0, 3)
    presenters = window.programme.presenters
    for typed in ("ﾅｶｼﾞﾏ", "ナカジマ", "なかじま", "文京学院"):
        presenters.entry.clear()
        ime_type(presenters.entry, typed)
        shown = [
            presenters.choices.index(r, 0).data() for r in range(presenters.choices.rowCount())
        ]
        assert shown == ["中島 修 氏（文京学院大学 人間学部 人間福祉学科 教授）"], typed
    presenters.completer.popup().hide()


# --- qtmodeltester on every model, filled with the demo data ---


def test_programme_model(qtmodeltester, ui_app, demo_db):
    model = ProgrammeModel()
    with demo_db.session() as s:
        nov = s.scalar(select(Event.id).where(Event.date == dt.date(2021, 11, 25)))
        view = load_event_view(s, nov)
    model.set_items(view.id, view.items)
    qtmodeltester.check(model)
    model.set_items(view.id, view.items[::-1])
    qtmodeltester.check(model)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "時間"
    mime = model.mimeData([model.index(0, 0)])
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, 2, 0, model.index(-1, -1))
    model.set_items(None, ())
    assert not model.canDropMimeData(mime, Qt.DropAction.MoveAction, 2, 0, model.index(-1, -1))


def test_presenter_model(qtmodeltester, ui_app, demo_db):
    model = PresenterModel()
    with demo_db.session() as s:
        nov = s.scalar(select(Event.id).where(Event.date == dt.date(2021, 11, 25)))
        view = load_event_view(s, nov)
    model.set_presenters(view.items[3].presenters)
    qtmodeltester.check(model)
    assert model.index(1, 0).data() == "② 狭山市"


def test_speaker_models(qtmodeltester, ui_app, demo_db):
    model = SpeakerListModel()
    with demo_db.session() as s:
        model.set_rows(list_speakers(s))
        appearances = speaker_appearances(s, _speaker_id(demo_db, "中島 修"))
    qtmodeltester.check(model)
    proxy = SpeakerFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_search("市")
    qtmodeltester.check(proxy)
    choices = SpeakerChoices(model)
    choices.set_search("ふじみの")
    qtmodeltester.check(choices)
    assert [choices.index(r, 0).data() for r in range(choices.rowCount())] == [
        "ふじみ野市",
        "ふじみ野市社会福祉協議会",
    ]
    choices.set_search("市")  # names that begin with it first: none; then 五十音
    assert choices.index(0, 0).data() == "岩手県遠野市"
    used = AppearanceModel()
    used.set_rows(appearances)
    qtmodeltester.check(used)


def test_event_list_models(qtmodeltester, ui_app, demo_db):
    from kenshu_desk.services.timetable.event_view import list_event_summaries

    model = EventListModel()
    with demo_db.session() as s:
        model.set_rows([EventRow.of(e) for e in list_event_summaries(s)])
    proxy = EventFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_search("第2回")
    proxy.set_fiscal_year(2021)
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 2  # 第2回 情報交換会 and 第2回 部会 of 令和3年度
