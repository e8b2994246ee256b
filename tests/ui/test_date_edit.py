"""The date field typed key by key (issue 18): what people type is what is saved, or nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from window_helpers import type_date

from kenshu_desk.domain.models import Event
from kenshu_desk.ui.recordings.recording_link_form import RecordingLinkForm
from kenshu_desk.ui.shell.date_edit import DateEdit
from kenshu_desk.ui.timetable.event_dialogs import DuplicateDialog


@pytest.fixture
def field(qtbot, ui_app):
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

    window = QWidget()  # a form: the date and a next field for Tab to move to
    layout = QVBoxLayout(window)
    edit = DateEdit(dt.date(2022, 11, 10))
    layout.addWidget(edit)
    layout.addWidget(QLineEdit())
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    committed: list[dt.date] = []
    edit.dateCommitted.connect(committed.append)
    yield edit, committed
    window.close()


@pytest.mark.parametrize(
    "typed",
    [
        "2022/10/20",
        "2022-10-20",
        "20221020",
        "R4.10.20",
        "R4/10/20",
        "令和4年10月20日",
        "２０２２／１０／２０",
        "10/20",  # the field's date is in 令和4年度
    ],
)
def test_typed_over_the_selected_text(qtbot, field, typed):
    edit, committed = field
    type_date(qtbot, edit, typed, finish=None)
    assert edit.hint.text() == "令和4年10月20日（木）"  # shown while typing, before leaving
    qtbot.keyClick(edit.line, Qt.Key.Key_Tab)
    assert committed == [dt.date(2022, 10, 20)]
    assert edit.date() == dt.date(2022, 10, 20) and edit.line.text() == "2022/10/20"


def test_typed_key_by_key_with_the_cursor_at_the_end(qtbot, field):
    """Clearing with Backspace and typing: no keystroke changes another part of the date."""
    edit, committed = field
    edit.line.setFocus()
    edit.line.end(False)
    for _ in range(len(edit.line.text())):
        qtbot.keyClick(edit.line, Qt.Key.Key_Backspace)
    seen = []
    for ch in "2022/10/20":
        qtbot.keyClicks(edit.line, ch)
        seen.append(edit.line.text())
    assert seen[-1] == "2022/10/20" and all("/11/" not in s for s in seen)
    assert committed == []  # nothing saved while typing
    qtbot.keyClick(edit.line, Qt.Key.Key_Return)
    assert committed == [dt.date(2022, 10, 20)]


def test_the_year_section_selected_then_typed(qtbot, field):
    """The report: 2022 selected in 2022/11/10, typed 2022/10/20 gave 2022/11/10."""
    edit, committed = field
    edit.line.setFocus()
    edit.line.setSelection(0, 4)  # only the year selected, as a double-click leaves it
    qtbot.keyClicks(edit.line, "2021")
    qtbot.keyClick(edit.line, Qt.Key.Key_Return)
    assert committed == [dt.date(2021, 11, 10)]
    type_date(qtbot, edit, "2021/11/25")
    assert committed[-1] == dt.date(2021, 11, 25)


@pytest.mark.parametrize("typed", ["2022/2/30", "H31.5.1", "2022/10", "abc", "R99.1.1", ""])
def test_unreadable_stays_marked_and_is_not_committed(qtbot, field, typed):
    edit, committed = field
    type_date(qtbot, edit, typed, finish=Qt.Key.Key_Tab) if typed else _clear(qtbot, edit)
    assert committed == []
    assert edit.date() is None and not edit.is_valid()
    assert edit.line.text() == typed  # the user's text is kept, not replaced by a guess
    assert edit.hint.text().startswith("✖") and edit.line.property("invalid") is True
    type_date(qtbot, edit, "R4.10.20")
    assert committed == [dt.date(2022, 10, 20)] and edit.line.property("invalid") is False


def _clear(qtbot, edit):  # type: ignore[no-untyped-def]
    edit.line.setFocus()
    edit.line.selectAll()
    qtbot.keyClick(edit.line, Qt.Key.Key_Delete)
    qtbot.keyClick(edit.line, Qt.Key.Key_Tab)


def test_calendar_pick_commits(qtbot, field):
    edit, committed = field
    from PySide6.QtCore import QDate

    edit._calendar.clicked.emit(QDate(2022, 12, 1))
    assert committed == [dt.date(2022, 12, 1)] and edit.line.text() == "2022/12/01"


def test_event_form_date_typed_over_the_selection_is_saved_as_typed(qtbot, open_window, demo_db):
    window = open_window(demo_db)
    with demo_db.session() as s:
        event_id = s.scalar(select(Event.id).where(Event.date == dt.date(2021, 11, 25)))
    window.select_event(event_id)
    type_date(qtbot, window.form.date, "2022/10/20", finish=Qt.Key.Key_Tab)
    with demo_db.session() as s:
        assert s.get(Event, event_id).date == dt.date(2022, 10, 20)
    assert window.form.date_label.text() == "令和4年10月20日（木）"
    type_date(qtbot, window.form.date, "2021/11/25", finish=Qt.Key.Key_Tab)
    with demo_db.session() as s:
        assert s.get(Event, event_id).date == dt.date(2021, 11, 25)


def test_event_form_refuses_an_impossible_date(qtbot, open_window, demo_db):
    window = open_window(demo_db)
    with demo_db.session() as s:
        event_id = s.scalar(select(Event.id).where(Event.date == dt.date(2021, 11, 25)))
    window.select_event(event_id)
    undo_before = window.undo_stack.count()
    type_date(qtbot, window.form.date, "2021/11/31", finish=Qt.Key.Key_Tab)
    with demo_db.session() as s:
        assert s.get(Event, event_id).date == dt.date(2021, 11, 25)
    assert window.undo_stack.count() == undo_before
    assert "2021年11月31日という日はありません" in window.form.date_label.text()
    type_date(qtbot, window.form.date, "2/1", finish=Qt.Key.Key_Tab)  # 令和3年度 → 2022
    with demo_db.session() as s:
        assert s.get(Event, event_id).date == dt.date(2022, 2, 1)


def test_duplicate_dialog_blocks_an_unreadable_date(qtbot, ui_app):
    dialog = DuplicateDialog("第2回市町村情報交換会", dt.date(2021, 11, 25))
    qtbot.addWidget(dialog)
    ok = dialog._ok
    type_date(qtbot, dialog.date, "R4.2.30", finish=None)
    assert not ok.isEnabled() and "✖" in dialog.date_label.text()
    dialog.accept()
    assert dialog.result() != DuplicateDialog.DialogCode.Accepted
    type_date(qtbot, dialog.date, "R4.11.24", finish=None)
    assert ok.isEnabled() and dialog.date_label.text() == "令和4年11月24日（木）"
    dialog.accept()
    assert dialog.new_date() == dt.date(2022, 11, 24)


def test_recording_until_blocks_an_unreadable_date(qtbot, ui_app):
    form = RecordingLinkForm(None)  # type: ignore[arg-type]
    qtbot.addWidget(form)
    form.has_until.setChecked(True)
    type_date(qtbot, form.until, "2026/13/1", finish=None)
    form.accept()
    assert form.result() != RecordingLinkForm.DialogCode.Accepted
    type_date(qtbot, form.until, "令和8年12月25日", finish=None)
    form.accept()
    assert form.values()[2] == dt.date(2026, 12, 25)
    form.has_until.setChecked(False)
    assert form.values()[2] is None


def test_tab_into_the_date_and_type_as_in_the_report(qtbot, open_window, demo_db):
    """Issue 18's steps: Tab into 開催日, type 2022/10/20 key by key: 2022-10-20 is saved."""
    window = open_window(demo_db)
    with demo_db.session() as s:
        event_id = s.scalar(select(Event.id).where(Event.date == dt.date(2021, 11, 25)))
    window.select_event(event_id)
    form = window.form
    form.cancelled.setFocus()
    qtbot.keyClick(form.cancelled, Qt.Key.Key_Tab)
    assert form.date.line.hasFocus(), QApplication.focusWidget()
    assert form.date.line.selectedText() == "2021/11/25"  # Tab selects the whole text
    for ch in "2022/10/20":
        qtbot.keyClicks(QApplication.focusWidget(), ch)
    assert form.date.line.text() == "2022/10/20"
    assert form.date_label.text() == "令和4年10月20日（木）"
    qtbot.keyClick(form.date.line, Qt.Key.Key_Tab)
    with demo_db.session() as s:
        assert s.get(Event, event_id).date == dt.date(2022, 10, 20)
