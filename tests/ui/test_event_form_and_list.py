"""The event form saves at once and undoes; the event list creates, copies, deletes, filters."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import func, select
from window_helpers import answer_next_message_box, programme_rows, times, type_date

from kenshu_desk.domain.models import Event, Registration
from kenshu_desk.services.timetable.events import event_to_dict, get_event
from kenshu_desk.ui.timetable.event_dialogs import DuplicateDialog
from kenshu_desk.ui.timetable.event_list import EVENT_ID_ROLE


def _event_id(db, day: dt.date) -> int:
    with db.session() as s:
        return s.scalar(select(Event.id).where(Event.date == day))


def _event(db, event_id: int) -> Event:
    with db.session() as s:
        return s.get(Event, event_id)


def test_fields_save_on_leaving_them_and_undo_one_by_one(qtbot, open_window, demo_db, ime_type):
    window = open_window(demo_db)
    event_id = _event_id(demo_db, dt.date(2021, 11, 25))
    window.select_event(event_id)
    form = window.form
    form.venue.setFocus()
    ime_type(form.venue, "埼玉会館 小ホール")
    assert _event(demo_db, event_id).venue == ""  # not yet: still typing
    qtbot.keyClick(form.venue, Qt.Key.Key_Tab)  # leaving the field saves it
    assert _event(demo_db, event_id).venue == "埼玉会館 小ホール"
    assert _event(demo_db, event_id).calendar_sequence == 1  # the place changed

    form.notes.setFocus()
    form.notes.selectAll()
    ime_type(form.notes, "会場とZoomの併用")
    form.target_audience.setFocus()  # leaving the notes saves them
    assert _event(demo_db, event_id).notes == "会場とZoomの併用"
    assert window.undo_stack.undoText() == "備考の変更"

    # the list shows the new venue at once (its tooltip) and the search finds it
    ime_type(window.search, "埼玉会館")
    assert window.events_proxy.rowCount() == 1
    window.search.clear()

    window.undo_stack.undo()
    assert _event(demo_db, event_id).notes.startswith("R3事業スケジュール")
    assert form.notes.toPlainText().startswith("R3事業スケジュール")
    window.undo_stack.undo()
    assert form.venue.text() == "" and _event(demo_db, event_id).venue == ""
    assert _event(demo_db, event_id).calendar_sequence == 2  # never lowered
    window.undo_stack.redo()
    assert form.venue.text() == "埼玉会館 小ホール"


def test_notes_save_after_a_pause_and_merge_into_one_undo_step(qtbot, open_window, demo_db):
    window = open_window(demo_db)
    event_id = _event_id(demo_db, dt.date(2021, 11, 25))
    window.select_event(event_id)
    notes = window.form.agenda_notes
    notes.setFocus()
    notes.moveCursor(notes.textCursor().MoveOperation.End)
    notes.insertPlainText("\n資料は前日までに")
    notes._timer.timeout.emit()  # the pause in typing
    notes.insertPlainText("送付します。")
    notes._timer.timeout.emit()
    assert _event(demo_db, event_id).agenda_note_lines()[-1] == "資料は前日までに送付します。"
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert len(_event(demo_db, event_id).agenda_note_lines()) == 2


def test_an_end_before_the_start_is_refused_and_the_field_put_back(qtbot, open_window, demo_db):
    window = open_window(demo_db)
    event_id = _event_id(demo_db, dt.date(2021, 11, 25))
    window.select_event(event_id)
    window.form.end.setFocus()
    qtbot.keyClicks(window.form.end, "1400")
    qtbot.keyClick(window.form.end, Qt.Key.Key_Tab)
    assert _event(demo_db, event_id).end_time == dt.time(16, 30)
    assert window.form.end.time().toString("HH:mm") == "16:30"
    assert "終了時刻は開始時刻より後にしてください" in window.statusBar().currentMessage()
    assert window.undo_stack.count() == 0


def test_weekend_and_holiday_warnings_beside_the_date(qtbot, open_window, demo_db):
    window = open_window(demo_db)
    window.select_event(_event_id(demo_db, dt.date(2021, 11, 25)))
    form = window.form
    type_date(qtbot, form.date, "2021/11/23")
    assert form.date_label.text().startswith("令和3年11月23日（火）")
    assert form.date_warning.text() == "▲ 祝日（勤労感謝の日）です"
    type_date(qtbot, form.date, "R3.11.27")
    assert form.date_warning.text() == "▲ 土曜日です"
    type_date(qtbot, form.date, "令和3年11月26日")
    assert form.date_warning.text() == ""
    assert window.undo_stack.count() == 3


def test_moving_an_event_to_another_year_keeps_it_selected_and_in_order(
    qtbot, open_window, demo_db
):
    window = open_window(demo_db)
    event_id = _event_id(demo_db, dt.date(2021, 11, 25))
    window.select_event(event_id)
    type_date(qtbot, window.form.date, "2028-06-01")
    proxy = window.events_proxy
    assert proxy.index(0, 3).data() == "第2回市町村情報交換会"
    assert proxy.index(0, 0).data() == "令和10年度"
    assert window.current_event_id() == event_id
    assert window.fiscal_year.findText("令和10年度") >= 0


def test_new_event_then_undo_removes_it(qtbot, open_window, demo_db):
    window = open_window(demo_db)
    count = window.events_model.rowCount()
    qtbot.keyClick(window.events_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    new_id = window.current_event_id()
    assert window.events_model.rowCount() == count + 1
    assert window.form.title.text() == "新しい行事" and window.form.kind.currentText() == "研修"
    assert _event(demo_db, new_id).date == dt.date.today()
    window.undo_stack.undo()
    assert window.events_model.rowCount() == count
    assert window.current_event_id() != new_id
    with demo_db.session() as s:
        assert s.get(Event, new_id) is None


def test_duplicate_asks_for_the_date_and_copies_the_programme(qtbot, open_window, demo_db):
    window = open_window(demo_db)
    source_id = _event_id(demo_db, dt.date(2021, 11, 25))
    window.select_event(source_id)

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, DuplicateDialog):
            QTimer.singleShot(20, fill_in)
            return
        assert dialog.new_date() == dt.date(2022, 11, 24)  # 52 weeks on: a Thursday again
        assert "令和4年11月24日（木）" in dialog.date_label.text()
        dialog.title.setText("第2回市町村情報交換会（令和4年度）")
        dialog.accept()

    QTimer.singleShot(0, fill_in)
    qtbot.mouseClick(window.duplicate_button, Qt.MouseButton.LeftButton)
    copy_id = window.current_event_id()
    assert copy_id != source_id
    assert window.form.title.text() == "第2回市町村情報交換会（令和4年度）"
    assert times(window) == ["14:30～14:35", "14:35～15:20", "15:20～16:00", "16:00～16:30"]
    assert programme_rows(window)[3][4] == "①ふじみ野市社会福祉協議会 ②狭山市"
    with demo_db.session() as s:
        copy, source = get_event(s, copy_id), get_event(s, source_id)
        assert copy.calendar_uid != source.calendar_uid and copy.calendar_sequence == 0
        assert copy.registrations == []
        assert event_to_dict(copy)["programme"] == event_to_dict(source)["programme"]
    window.undo_stack.undo()
    with demo_db.session() as s:
        assert s.get(Event, copy_id) is None


def test_delete_an_event_without_registrations_can_be_undone(qtbot, open_window, demo_db):
    window = open_window(demo_db)
    window.select_event(_event_id(demo_db, dt.date(2021, 11, 25)))
    window.duplicate_event(dt.date(2022, 11, 24), "複製")
    copy_id = window.current_event_id()
    seen = answer_next_message_box(qtbot, QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(window.delete_button, Qt.MouseButton.LeftButton)
    assert "元に戻す" in seen[0] and "取り消せます" in seen[0]
    with demo_db.session() as s:
        assert s.get(Event, copy_id) is None
    assert window.current_event_id() not in (None, copy_id)
    window.undo_stack.undo()
    assert window.current_event_id() == copy_id
    assert len(times(window)) == 4


def test_delete_with_registrations_warns_it_cannot_be_undone(qtbot, open_window, demo_db):
    window = open_window(demo_db)
    event_id = _event_id(demo_db, dt.date(2021, 11, 25))
    window.select_event(event_id)
    seen = answer_next_message_box(qtbot, QMessageBox.StandardButton.No)
    qtbot.mouseClick(window.delete_button, Qt.MouseButton.LeftButton)
    assert "申込・出欠" in seen[0] and "元に戻せません" in seen[0]
    assert _event(demo_db, event_id) is not None
    window.form.venue.setText("会場")
    window.form.venue.editingFinished.emit()
    assert window.undo_stack.count() == 1
    seen = answer_next_message_box(qtbot, QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(window.delete_button, Qt.MouseButton.LeftButton)
    with demo_db.session() as s:
        assert s.get(Event, event_id) is None
        left = s.scalar(
            select(func.count()).select_from(Registration).where(Registration.event_id == event_id)
        )
        assert left == 0
    assert window.undo_stack.count() == 0
    assert window.events_model.row_of(event_id) == -1


def test_search_and_fiscal_year_filter_keep_the_shown_event(qtbot, open_window, demo_db, ime_type):
    window = open_window(demo_db)
    event_id = _event_id(demo_db, dt.date(2021, 11, 25))
    window.select_event(event_id)
    ime_type(window.search, "研修")
    with demo_db.session() as s:
        expected = sum("研修" in e.title or "研修" in e.kind for e in s.query(Event))
    assert window.events_proxy.rowCount() == expected >= 4
    assert window.current_event_id() == event_id  # still shown in the editor
    assert not window.events_view.selectionModel().hasSelection()
    window.search.clear()
    selected = window.events_view.selectionModel().selectedRows()
    assert [i.data(EVENT_ID_ROLE) for i in selected] == [event_id]
    window.fiscal_year.setCurrentIndex(window.fiscal_year.findText("令和8年度"))
    assert window.events_proxy.rowCount() == 1
    # Undoing an edit of a hidden event shows it again (the filter gives way).
    window.select_event(event_id)
    assert window.fiscal_year.currentIndex() == 0
