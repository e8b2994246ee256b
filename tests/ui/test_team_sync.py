"""Team mode in the window: changes saved elsewhere show up without a restart."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from window_helpers import click_row, times

from kenshu_desk.database import open_database
from kenshu_desk.domain.models import Event, ProgrammeItem


def _nov(db):  # type: ignore[no-untyped-def]
    with db.session() as s:
        event_id = s.scalar(select(Event.id).where(Event.date == dt.date(2021, 11, 25)))
        item_ids = s.scalars(
            select(ProgrammeItem.id)
            .where(ProgrammeItem.event_id == event_id)
            .order_by(ProgrammeItem.position)
        ).all()
    return event_id, item_ids


def _set_minutes(db, item_id: int, minutes: int) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        s.get(ProgrammeItem, item_id).minutes = minutes


def test_a_change_saved_elsewhere_appears_after_the_poll(qtbot, open_window, demo_db):
    other = open_database(demo_db.url)
    try:
        window = open_window(demo_db)
        event_id, items = _nov(demo_db)
        window.select_event(event_id)
        window.search.setText("交換会")
        click_row(qtbot, window.programme.table, 2, 3)
        assert not window.change_watcher.poll()  # nothing changed yet
        _set_minutes(other, items[1], 60)
        assert window.change_watcher.poll()
        assert times(window)[1] == "14:35～15:35"
        assert window.current_event_id() == event_id
        assert window.programme.current_row() == 2
        assert window.search.text() == "交換会"
        assert window.statusBar().currentMessage() == "他の方の変更を読み込みました"
        assert not window.change_watcher.poll()  # seen once, not again
    finally:
        other.dispose()


def test_own_edits_do_not_count_as_changes_of_others(qtbot, open_window, demo_db):
    window = open_window(demo_db)
    event_id, _items = _nov(demo_db)
    window.select_event(event_id)
    click_row(qtbot, window.programme.table, 1, 1)
    qtbot.keyClick(window.programme.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "60")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    window.statusBar().clearMessage()
    assert not window.change_watcher.poll()
    assert window.statusBar().currentMessage() == ""


def test_the_reload_waits_while_the_user_types_in_a_field(qtbot, open_window, demo_db):
    other = open_database(demo_db.url)
    try:
        window = open_window(demo_db)
        event_id, items = _nov(demo_db)
        window.select_event(event_id)
        window.form.venue.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.form.venue)
        _set_minutes(other, items[1], 60)
        assert not window.change_watcher.poll()
        assert times(window)[1] == "14:35～15:20"  # not yet
        window.events_view.setFocus()  # the focus leaves the field: the reload runs
        qtbot.waitUntil(lambda: times(window)[1] == "14:35～15:35")
    finally:
        other.dispose()


def test_the_timer_polls_by_itself(qtbot, open_window, demo_db):
    other = open_database(demo_db.url)
    try:
        window = open_window(demo_db)
        event_id, items = _nov(demo_db)
        window.select_event(event_id)
        window.change_watcher.timer.setInterval(50)
        _set_minutes(other, items[1], 60)
        qtbot.waitUntil(lambda: times(window)[1] == "14:35～15:35")
    finally:
        other.dispose()
