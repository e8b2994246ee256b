"""Team mode in the window: presenters, moves, deletes, undo and speakers of two organisers.

Two windows on one database (two engines), their change polling stopped, as if the second
organiser saved within the polling interval: the first one's edit on what it still shows
is refused with a message, the window shows what is stored, nothing of the other's is lost.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from window_helpers import click_row, programme_rows, titles

from kenshu_desk.database import open_database
from kenshu_desk.domain.models import Event, ProgrammeItem, Speaker
from kenshu_desk.services.timetable import speakers

REFUSED = "他の方が先に同じ内容を変更しました"


@pytest.fixture
def other(demo_db):  # type: ignore[no-untyped-def]
    database = open_database(demo_db.url)
    yield database
    database.dispose()


def _nov(db) -> tuple[int, list[int]]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        event_id = s.scalar(select(Event.id).where(Event.date == dt.date(2021, 11, 25)))
        ids = s.scalars(
            select(ProgrammeItem.id)
            .where(ProgrammeItem.event_id == event_id)
            .order_by(ProgrammeItem.position)
        ).all()
    return event_id, list(ids)


def _quiet(window, event_id: int | None = None):  # type: ignore[no-untyped-def]
    """No polling: the window keeps showing what it read until the user acts."""
    window.change_watcher.timer.stop()
    window.removeEventFilter(window.change_watcher)
    if event_id is not None:
        window.select_event(event_id)
    return window


def _activate(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.focusWindow() is window.windowHandle())


def _refused(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    assert REFUSED in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window.undo_stack.count() == 0)  # the stale history is gone


def _edit_minutes(qtbot, window, row: int, minutes: str) -> None:  # type: ignore[no-untyped-def]
    _activate(qtbot, window)
    table = window.programme.table
    click_row(qtbot, table, row, 1)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, minutes)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the view commits an Enter in a cell editor from its queue


def _presenters(db, item_id: int) -> list[str]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return [p.speaker.name for p in s.get(ProgrammeItem, item_id).presenters]


def test_a_stale_presenter_reorder_is_refused(qtbot, open_window, demo_db, other):
    event_id, items = _nov(demo_db)
    window_a = _quiet(open_window(demo_db), event_id)
    window_b = _quiet(open_window(other), event_id)
    # B takes 東京都豊島区 off the examples from other prefectures.
    _activate(qtbot, window_b)
    click_row(qtbot, window_b.programme.table, 2, 3)
    click_row(qtbot, window_b.programme.presenters.table, 1, 0)
    qtbot.mouseClick(window_b.programme.presenters.remove_button, Qt.MouseButton.LeftButton)
    assert _presenters(demo_db, items[2]) == ["岩手県遠野市"]
    # A, still showing both, moves 遠野市 down.
    _activate(qtbot, window_a)
    click_row(qtbot, window_a.programme.table, 2, 3)
    assert programme_rows(window_a)[2][4] == "①岩手県遠野市 ②東京都豊島区"
    click_row(qtbot, window_a.programme.presenters.table, 0, 0)
    qtbot.mouseClick(window_a.programme.presenters.down_button, Qt.MouseButton.LeftButton)
    _refused(qtbot, window_a)
    assert "発表順の変更" in window_a.statusBar().currentMessage()
    qtbot.waitUntil(lambda: programme_rows(window_a)[2][4] == "岩手県遠野市")
    assert _presenters(demo_db, items[2]) == ["岩手県遠野市"]
    assert window_a.programme.current_item().id == items[2]  # still on the same item


def test_a_move_on_a_reordered_programme_is_refused(qtbot, open_window, demo_db, other):
    event_id, items = _nov(demo_db)
    window_a = _quiet(open_window(demo_db), event_id)
    window_b = _quiet(open_window(other), event_id)
    _activate(qtbot, window_b)
    click_row(qtbot, window_b.programme.table, 3, 3)
    qtbot.keyClick(window_b.programme.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    b_order = [items[0], items[1], items[3], items[2]]
    with demo_db.session() as s:
        assert (
            s.scalars(
                select(ProgrammeItem.id)
                .order_by(ProgrammeItem.position)
                .where(ProgrammeItem.event_id == event_id)
            ).all()
            == b_order
        )
    shown_a = titles(window_a)
    _activate(qtbot, window_a)
    click_row(qtbot, window_a.programme.table, 1, 3)
    qtbot.keyClick(window_a.programme.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    _refused(qtbot, window_a)
    qtbot.waitUntil(lambda: titles(window_a) == [shown_a[0], shown_a[1], shown_a[3], shown_a[2]])
    assert titles(window_b) == titles(window_a)
    # On the order it now shows, A's move goes through.
    click_row(qtbot, window_a.programme.table, 1, 3)
    qtbot.keyClick(window_a.programme.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert titles(window_a) == [shown_a[0], shown_a[3], shown_a[1], shown_a[2]]
    assert window_a.undo_stack.count() == 1


def test_an_item_changed_by_another_is_not_deleted(qtbot, open_window, demo_db, other):
    event_id, items = _nov(demo_db)
    window_a = _quiet(open_window(demo_db), event_id)
    window_b = _quiet(open_window(other), event_id)
    _edit_minutes(qtbot, window_b, 1, "60")
    _activate(qtbot, window_a)
    click_row(qtbot, window_a.programme.table, 1, 3)
    qtbot.keyClick(window_a.programme.table, Qt.Key.Key_Delete)
    _refused(qtbot, window_a)
    qtbot.waitUntil(lambda: programme_rows(window_a)[1][1] == "60")
    assert len(titles(window_a)) == 4
    with demo_db.session() as s:
        assert s.get(ProgrammeItem, items[1]).minutes == 60
    # Deleted on what A now shows, and undone: the item comes back with B's 60 minutes.
    click_row(qtbot, window_a.programme.table, 1, 3)
    qtbot.keyClick(window_a.programme.table, Qt.Key.Key_Delete)
    assert len(titles(window_a)) == 3
    window_a.undo_stack.undo()
    assert programme_rows(window_a)[1][1] == "60"
    window_a.undo_stack.redo()
    assert len(titles(window_a)) == 3


def test_undo_does_not_write_over_another_organisers_change(qtbot, open_window, demo_db, other):
    event_id, items = _nov(demo_db)
    window = _quiet(open_window(demo_db), event_id)
    _edit_minutes(qtbot, window, 1, "50")
    window.programme.table.setFocus()
    qtbot.keyClick(window.programme.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    editor = window.focusWidget()  # the new item's minutes, ready to type
    qtbot.keyClicks(editor, "15")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the view commits an Enter in a cell editor from its queue
    assert programme_rows(window)[2][1] == "15"
    assert window.undo_stack.count() == 3  # undo works for a new item edited since
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert len(titles(window)) == 4 and window.undo_stack.index() == 1
    with other.session() as s:  # B renames the item A changed the minutes of
        s.get(ProgrammeItem, items[1]).title = "基調講演（差し替え）"
    window.undo_stack.undo()  # would put back 45 minutes on a row A no longer knows
    _refused(qtbot, window)
    assert "所要時間の変更" in window.statusBar().currentMessage()
    with demo_db.session() as s:
        item = s.get(ProgrammeItem, items[1])
        assert (item.title, item.minutes) == ("基調講演（差し替え）", 50)
    qtbot.waitUntil(lambda: titles(window)[1] == "基調講演（差し替え）")


def _speaker_id(db, name: str) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return s.scalar(select(Speaker.id).where(Speaker.name == name))


def test_a_stale_speaker_edit_is_refused(qtbot, open_window, demo_db, other, ime_type):
    window = _quiet(open_window(demo_db))
    window.tabs.setCurrentIndex(1)
    panel = window.speakers_panel
    nakajima = _speaker_id(demo_db, "中島 修")
    panel.select_speaker(nakajima)
    shown_title = panel.title.text()
    with other.session() as s:
        speakers.update_speaker(s, nakajima, {"title": "学長"})
    panel.affiliation.setFocus()
    panel.affiliation.selectAll()
    ime_type(panel.affiliation, "別の大学")
    qtbot.keyClick(panel.affiliation, Qt.Key.Key_Return)
    _refused(qtbot, window)
    qtbot.waitUntil(lambda: not window.speakers.loading and panel.title.text() == "学長")
    assert shown_title != "学長"
    assert panel.current_speaker_id() == nakajima
    with demo_db.session() as s:
        stored = s.get(Speaker, nakajima)
        assert stored.title == "学長" and stored.affiliation != "別の大学"
    # Edited again on what it now shows, it is saved.
    panel.affiliation.setFocus()
    panel.affiliation.selectAll()
    ime_type(panel.affiliation, "別の大学")
    qtbot.keyClick(panel.affiliation, Qt.Key.Key_Return)
    with demo_db.session() as s:
        stored = s.get(Speaker, nakajima)
        assert (stored.title, stored.affiliation) == ("学長", "別の大学")


def test_a_speaker_changed_by_another_is_not_deleted(qtbot, open_window, demo_db, other):
    with demo_db.session() as s:
        new_id = speakers.create_speaker(s, {"name": "東海林 太郎"})
    window = _quiet(open_window(demo_db))
    window.tabs.setCurrentIndex(1)
    panel = window.speakers_panel
    panel.select_speaker(new_id)
    with other.session() as s:
        speakers.update_speaker(s, new_id, {"email": "shoji@example.jp"})
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    _refused(qtbot, window)
    with demo_db.session() as s:
        assert s.get(Speaker, new_id).email == "shoji@example.jp"
    qtbot.waitUntil(
        lambda: not window.speakers.loading and panel.email.text() == "shoji@example.jp"
    )


def test_undoing_an_insert_keeps_an_item_another_organiser_has_edited(
    qtbot, open_window, demo_db, other
):
    event_id, _ = _nov(demo_db)
    window = _quiet(open_window(demo_db), event_id)
    _activate(qtbot, window)
    click_row(qtbot, window.programme.table, 1, 3)
    qtbot.keyClick(window.programme.table, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert titles(window)[2] == "休憩"
    break_id = window.programme.current_item().id
    with other.session() as s:  # B makes A's new break longer
        s.get(ProgrammeItem, break_id).minutes = 15
    window.undo_stack.undo()  # would delete the break with B's 15 minutes
    _refused(qtbot, window)
    qtbot.waitUntil(lambda: programme_rows(window)[2][1] == "15")
    with demo_db.session() as s:
        assert s.get(ProgrammeItem, break_id).minutes == 15


def test_an_event_changed_by_another_is_not_deleted(qtbot, open_window, demo_db, other):
    """B changes the programme or retitles the event while A still shows it: A's delete is
    refused and A shows B's version. The demo's November meeting has registrations, so its
    delete cannot be undone (the window asks and says so); it is refused all the same."""
    event_id, items = _nov(demo_db)
    window_a = _quiet(open_window(demo_db), event_id)
    window_b = _quiet(open_window(other), event_id)
    _edit_minutes(qtbot, window_b, 1, "60")  # B changes the programme only
    _activate(qtbot, window_a)
    window_a.delete_event(confirm=False)
    _refused(qtbot, window_a)
    with demo_db.session() as s:
        assert s.get(Event, event_id) is not None
        assert s.get(ProgrammeItem, items[1]).minutes == 60
    qtbot.waitUntil(lambda: programme_rows(window_a)[1][1] == "60")
    with other.session() as s:  # B renames it: A's screen is stale again
        s.get(Event, event_id).title = "第2回 市町村情報交換会（改）"
    window_a.delete_event(confirm=False)
    _refused(qtbot, window_a)
    qtbot.waitUntil(lambda: window_a.current_event_view().fields["title"].endswith("（改）"))
    window_a.delete_event(confirm=False)  # on what A now shows
    with demo_db.session() as s:
        assert s.get(Event, event_id) is None


def test_an_undoable_event_delete_checks_versions_too(qtbot, open_window, demo_db, other):
    from kenshu_desk.services.timetable.event_edit import duplicate_event

    nov, _ = _nov(demo_db)
    with demo_db.session() as s:  # a copy: a programme, no registrations, so undoable
        event_id = duplicate_event(s, nov, dt.date(2022, 11, 24))
    window_a = _quiet(open_window(demo_db), event_id)
    window_b = _quiet(open_window(other), event_id)
    _edit_minutes(qtbot, window_b, 1, "60")
    _activate(qtbot, window_a)
    window_a.delete_event(confirm=False)
    _refused(qtbot, window_a)
    qtbot.waitUntil(lambda: programme_rows(window_a)[1][1] == "60")
    window_a.delete_event(confirm=False)
    assert window_a.undo_stack.count() == 1
    window_a.undo_stack.undo()
    with demo_db.session() as s:
        restored = s.get(Event, event_id)
        assert restored is not None and restored.items[1].minutes == 60
    window_a.undo_stack.redo()
    with demo_db.session() as s:
        assert s.get(Event, event_id) is None
    # Undone again, then changed by B: A's redo must not delete B's newer event.
    window_a.undo_stack.undo()
    with other.session() as s:
        s.get(Event, event_id).title = "B が直した題"
    window_a.undo_stack.redo()
    _refused(qtbot, window_a)
    with demo_db.session() as s:
        assert s.get(Event, event_id).title == "B が直した題"
