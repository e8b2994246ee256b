"""Team mode in the window: changes saved elsewhere show up without a restart."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from tests.mail.mailkit import make_event
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


def _activate(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.focusWindow() is window.windowHandle())


def _edit_minutes(qtbot, window, row: int, minutes: str) -> None:  # type: ignore[no-untyped-def]
    _activate(qtbot, window)
    table = window.programme.table
    click_row(qtbot, table, row, 1)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, minutes)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()


def test_a_stale_edit_in_the_window_is_refused_and_the_stored_value_shown(
    qtbot, open_window, demo_db
):
    other = open_database(demo_db.url)
    try:
        window_a = open_window(demo_db)
        window_b = open_window(other)
        event_id, items = _nov(demo_db)
        for window in (window_a, window_b):
            # As if A edited within the polling interval: it has not noticed B's change.
            window.change_watcher.timer.stop()
            window.removeEventFilter(window.change_watcher)
            window.select_event(event_id)
        _edit_minutes(qtbot, window_a, 0, "6")  # an earlier step on A's undo stack
        assert window_a.undo_stack.count() == 1

        _edit_minutes(qtbot, window_b, 1, "60")
        assert times(window_b)[1] == "14:36～15:36"
        assert times(window_a)[1] == "14:36～15:21"  # A still shows what it read

        _edit_minutes(qtbot, window_a, 1, "50")
        message = window_a.statusBar().currentMessage()
        assert "他の方が先に同じ内容を変更しました" in message
        qtbot.waitUntil(lambda: window_a.undo_stack.count() == 0)  # stale history dropped
        assert times(window_a)[1] == "14:36～15:36"  # B's value, read back
        with demo_db.session() as s:
            assert s.get(ProgrammeItem, items[1]).minutes == 60
            assert s.get(ProgrammeItem, items[0]).minutes == 6  # A's earlier edit stays
        # A can edit again on what it now shows.
        _edit_minutes(qtbot, window_a, 1, "50")
        assert times(window_a)[1] == "14:36～15:26"
        assert window_a.undo_stack.count() == 1
    finally:
        other.dispose()


def test_a_stale_event_field_edit_is_refused(qtbot, open_window, demo_db, ime_type):
    other = open_database(demo_db.url)
    try:
        window = open_window(demo_db)
        window.change_watcher.timer.stop()
        event_id, _ = _nov(demo_db)
        window.select_event(event_id)
        with other.session() as s:
            s.get(Event, event_id).venue = "さいたま市民会館"
        ime_type(window.form.venue, "別館")
        window.events_view.setFocus()
        assert "他の方が先に" in window.statusBar().currentMessage()
        qtbot.waitUntil(lambda: window.form.venue.text() == "さいたま市民会館")
        with demo_db.session() as s:
            assert s.get(Event, event_id).venue == "さいたま市民会館"
    finally:
        other.dispose()


def test_own_sending_does_not_count_as_changes_of_others(qtbot, open_window, demo_db, smtp_server):
    """A send run writes the outbox with statements, not flushes (queue, claim, sent): on a
    single-user database the status bar must not then say others changed something."""
    from kenshu_desk.mail.compose import MailAddress
    from kenshu_desk.mail.transport import Security, SmtpConfig, SmtpTransport
    from kenshu_desk.services.mail.invitations import queue_messages
    from kenshu_desk.services.mail.outbox import send_queued

    window = open_window(demo_db)
    event_id = make_event(demo_db)
    with demo_db.session() as s:
        queue_messages(s, event_id, MailAddress("研修担当", "chiiki@example.jp"))
    config = SmtpConfig(smtp_server.host, smtp_server.port, Security.NONE, timeout=10)
    assert send_queued(demo_db, SmtpTransport(config)).sent == 5
    window.statusBar().clearMessage()
    assert not window.change_watcher.poll()
    assert window.statusBar().currentMessage() == ""
