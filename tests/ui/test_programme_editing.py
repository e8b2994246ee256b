"""Programme editing in the window: shortcuts, minutes, pins, delete, presenters order."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from window_helpers import click_row, programme_rows, times, titles

from kenshu_desk.domain.models import Event, ProgrammeItem

CTRL = Qt.KeyboardModifier.ControlModifier
NOV = ["14:30～14:35", "14:35～15:20", "15:20～16:00", "16:00～16:30"]


def _open_nov(open_window, db):  # type: ignore[no-untyped-def]
    window = open_window(db)
    with db.session() as s:
        event_id = s.scalar(select(Event.id).where(Event.date == dt.date(2021, 11, 25)))
    window.select_event(event_id)
    return window, event_id


def test_ctrl_up_and_down_move_the_current_item_and_times_follow(qtbot, open_window, demo_db):
    window, _ = _open_nov(open_window, demo_db)
    table = window.programme.table
    click_row(qtbot, table, 3, 3)
    qtbot.keyClick(table, Qt.Key.Key_Up, CTRL)
    qtbot.keyClick(table, Qt.Key.Key_Up, CTRL)
    assert titles(window)[1].endswith("県内自治体事例発表")
    assert times(window) == ["14:30～14:35", "14:35～15:05", "15:05～15:50", "15:50～16:30"]
    assert window.programme.current_item().title.endswith("県内自治体事例発表")
    qtbot.keyClick(table, Qt.Key.Key_Down, CTRL)
    assert titles(window)[2].endswith("県内自治体事例発表")
    window.undo_stack.undo()
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert times(window) == NOV and titles(window)[3].endswith("県内自治体事例発表")
    assert not window.programme.up_action.isEnabled() or window.programme.current_row() > 0


def test_programme_shortcuts_do_nothing_outside_the_programme(qtbot, open_window, demo_db):
    window, event_id = _open_nov(open_window, demo_db)
    click_row(qtbot, window.programme.table, 2, 3)
    window.form.venue.setFocus()
    qtbot.keyClick(window.form.venue, Qt.Key.Key_Delete)
    qtbot.keyClick(window.form.venue, Qt.Key.Key_Up, CTRL)
    assert len(titles(window)) == 4 and times(window) == NOV
    window.events_view.setFocus()
    qtbot.keyClick(window.events_view, Qt.Key.Key_Delete)
    qtbot.keyClick(window.events_view, Qt.Key.Key_Up, CTRL)  # moves in the list, not the programme
    assert window.undo_stack.count() == 0
    with demo_db.session() as s:
        items = s.scalars(
            select(ProgrammeItem).where(ProgrammeItem.event_id == event_id).order_by("position")
        ).all()
        assert [i.minutes for i in items] == [5, 45, 40, 30]


def test_editing_minutes_moves_every_later_time_and_reports_the_overrun(
    qtbot, open_window, demo_db
):
    window, _ = _open_nov(open_window, demo_db)
    table = window.programme.table
    click_row(qtbot, table, 1, 1)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "60")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert times(window) == ["14:30～14:35", "14:35～15:35", "15:35～16:15", "16:15～16:45"]
    assert window.checks.warnings() == ["プログラムが終了時刻を15分超えています"]
    window.undo_stack.undo()
    assert times(window) == NOV
    assert window.checks.warnings() == []


def test_pin_makes_a_gap_and_an_overlap_visible_and_unpin_restores(qtbot, open_window, demo_db):
    window, _ = _open_nov(open_window, demo_db)
    table = window.programme.table
    click_row(qtbot, table, 3, 3)
    qtbot.keyClick(table, Qt.Key.Key_T, CTRL)  # pin 16:00
    assert window.programme.pin_box.isChecked()
    window.programme.pin_time.setFocus()
    qtbot.keyClicks(window.programme.pin_time, "1610")
    qtbot.keyClick(window.programme.pin_time, Qt.Key.Key_Tab)
    assert times(window)[3] == "16:10～16:40"
    assert window.checks.warnings() == [
        "4番目の項目の前に10分の空き時間があります",
        "プログラムが終了時刻を10分超えています",
    ]
    # Earlier items grow: the pinned item does not move, it overlaps.
    click_row(qtbot, table, 1, 1)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "65")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert times(window)[2:] == ["15:40～16:20", "16:10～16:40"]
    assert "4番目の項目（時刻固定）が前の項目と10分重なっています" in window.checks.warnings()
    # clicking the check selects the item it is about
    check = next(
        window.checks.item(n)
        for n in range(window.checks.count())
        if "重なっています" in window.checks.item(n).text()
    )
    window.checks.itemClicked.emit(check)
    assert window.programme.current_row() == 3
    for _ in range(3):
        window.undo_stack.undo()
    assert times(window) == NOV and not window.programme.pin_box.isChecked()


def test_pin_and_presenter_order_survive_delete_and_undo(qtbot, open_window, demo_db):
    window, event_id = _open_nov(open_window, demo_db)
    table = window.programme.table
    click_row(qtbot, table, 3, 3)
    presenters = window.programme.presenters
    click_row(qtbot, presenters.table, 1, 0)
    qtbot.mouseClick(presenters.up_button, Qt.MouseButton.LeftButton)
    assert programme_rows(window)[3][4] == "①狭山市 ②ふじみ野市社会福祉協議会"
    qtbot.keyClick(table, Qt.Key.Key_T, CTRL)
    with demo_db.session() as s:
        item_id = s.scalars(
            select(ProgrammeItem.id).where(ProgrammeItem.event_id == event_id).order_by("position")
        ).all()[3]
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert len(titles(window)) == 3
    assert window.programme.current_row() == 2  # the neighbour is selected
    window.undo_stack.undo()
    with demo_db.session() as s:
        item = s.get(ProgrammeItem, item_id)
        assert item.position == 3 and item.fixed_start == dt.time(16, 0)
        assert [(p.speaker.name, p.topic) for p in item.presenters] == [
            ("狭山市", "「庁内における情報共有について」"),
            ("ふじみ野市社会福祉協議会", "「市社会福祉協議会と市との連携について」"),
        ]
    assert programme_rows(window)[3][4] == "①狭山市 ②ふじみ野市社会福祉協議会"


def test_topic_of_a_presenter_is_edited_in_place(qtbot, open_window, demo_db, ime_type):
    window, _ = _open_nov(open_window, demo_db)
    click_row(qtbot, window.programme.table, 2, 3)
    presenters = window.programme.presenters
    click_row(qtbot, presenters.table, 0, 1)
    qtbot.keyClick(presenters.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    ime_type(editor, "「遠野市の総合相談」")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert presenters.model.index(0, 1).data() == "「遠野市の総合相談」"
    assert window.undo_stack.undoText() == "演題の変更"
    window.undo_stack.undo()
    assert presenters.model.index(0, 1).data() == ""


def test_insert_before_and_break_after(qtbot, open_window, demo_db):
    window, _ = _open_nov(open_window, demo_db)
    table = window.programme.table
    click_row(qtbot, table, 1, 3)
    qtbot.keyClick(table, Qt.Key.Key_B, CTRL)
    assert titles(window)[2] == "休憩" and times(window)[2] == "15:20～15:25"
    assert window.programme.current_row() == 2
    click_row(qtbot, table, 0, 3)
    qtbot.keyClick(
        table, Qt.Key.Key_Return, CTRL | Qt.KeyboardModifier.ShiftModifier
    )  # insert before 挨拶, editing its minutes
    editor = QApplication.focusWidget()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert titles(window)[0] == "" and times(window)[:2] == ["14:30～14:40", "14:40～14:45"]
    assert window.checks.warnings() == ["プログラムが終了時刻を15分超えています"]


def test_enter_on_presenters_goes_to_the_presenter_box(qtbot, open_window, demo_db):
    window, _ = _open_nov(open_window, demo_db)
    table = window.programme.table
    click_row(qtbot, table, 2, 4)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(window.programme.presenters.entry.hasFocus)
    assert window.programme.current_row() == 2


def test_the_window_opens_on_the_next_event(qtbot, open_window, demo_db):
    from kenshu_desk.services.timetable import event_edit

    with demo_db.session() as s:
        soon = event_edit.create_event(
            s, event_edit.default_fields(dt.date.today() + dt.timedelta(days=3))
        )
        event_edit.create_event(
            s, event_edit.default_fields(dt.date.today() + dt.timedelta(days=400))
        )
    window = open_window(demo_db)
    assert window.current_event_id() == soon
    assert window.count_label.text() == f"行事 {window.events_model.rowCount()} 件"
