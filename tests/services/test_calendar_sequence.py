"""SEQUENCE goes up on every change of date, time or place and on cancel; never down."""

from __future__ import annotations

import datetime as dt

import pytest

from kenshu_desk.domain.calendar_sequence import CalendarState, next_sequence
from kenshu_desk.domain.models import Event
from kenshu_desk.services.timetable.calendar import (
    bump_if_schedule_changed,
    cancel_event,
    reinstate_event,
    snapshot,
)


@pytest.fixture
def event_id(db) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        event = Event(
            title="研修",
            date=dt.date(2026, 6, 10),
            start_time=dt.time(13, 30),
            end_time=dt.time(15, 0),
            venue="県庁",
        )
        s.add(event)
        s.flush()
        return event.id


def sequence(db, event_id: int) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return s.get(Event, event_id).calendar_sequence


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("date", dt.date(2026, 6, 11)),
        ("start_time", dt.time(14, 0)),
        ("end_time", dt.time(16, 0)),
        ("venue", "県民健康センター"),
        ("online_url", "https://example.jp/zoom/1"),
    ],
)
def test_each_schedule_change_raises_by_one_per_transaction(db, event_id, field, value):
    assert sequence(db, event_id) == 0
    with db.session() as s:
        setattr(s.get(Event, event_id), field, value)
    assert sequence(db, event_id) == 1


def test_a_new_title_raises_the_sequence(db, event_id):
    """The title is in the invitation: a change must reach calendars as an update."""
    with db.session() as s:
        s.get(Event, event_id).title = "研修（改題）"
    assert sequence(db, event_id) == 1


def test_other_edits_leave_the_sequence(db, event_id):
    with db.session() as s:
        event = s.get(Event, event_id)
        event.notes = "メモ"
        event.start_time = dt.time(13, 30)  # same value
    assert sequence(db, event_id) == 0


def test_several_changes_in_one_transaction_raise_once(db, event_id):
    with db.session() as s:
        event = s.get(Event, event_id)
        event.start_time = dt.time(14, 0)
        event.end_time = dt.time(16, 0)
        event.venue = "別会場"
    assert sequence(db, event_id) == 1


def test_explicit_bump_and_the_flush_hook_do_not_add_up(db, event_id):
    with db.session() as s:
        event = s.get(Event, event_id)
        before = snapshot(event)
        event.start_time = dt.time(10, 0)
        assert bump_if_schedule_changed(event, before) is True
        assert event.calendar_sequence == 1
        assert bump_if_schedule_changed(event, before) is True  # idempotent
        assert event.calendar_sequence == 1
    assert sequence(db, event_id) == 1


def test_never_lowered_even_by_an_undo_that_restores_an_old_snapshot(db, event_id):
    with db.session() as s:
        s.get(Event, event_id).start_time = dt.time(14, 0)
    with db.session() as s:
        event = s.get(Event, event_id)
        event.start_time = dt.time(13, 30)  # the undo restores the old time ...
        event.calendar_sequence = 0  # ... and the old sequence with it
    assert sequence(db, event_id) == 2
    with db.session() as s:
        s.get(Event, event_id).calendar_sequence = 0  # no schedule change at all
    assert sequence(db, event_id) == 2


def test_cancel_and_reinstate_raise(db, event_id):
    with db.session() as s:
        assert cancel_event(s, event_id).calendar_sequence == 1
    with db.session() as s:
        cancel_event(s, event_id)  # already cancelled: nothing changes
    assert sequence(db, event_id) == 1
    with db.session() as s:
        assert reinstate_event(s, event_id).cancelled is False
    assert sequence(db, event_id) == 2


def test_pure_rule():
    base = CalendarState(dt.date(2026, 1, 5), dt.time(9), dt.time(10), "", "", False, 4)
    moved = CalendarState(dt.date(2026, 1, 6), dt.time(9), dt.time(10), "", "", False, 4)
    assert next_sequence(base, base) == 4
    assert next_sequence(base, moved) == 5
    assert next_sequence(base, CalendarState(**{**moved.__dict__, "sequence": 9})) == 9
    assert next_sequence(base, CalendarState(**{**base.__dict__, "sequence": 1})) == 4


def test_a_programme_change_raises_the_sequence_once_per_transaction(db, event_id):
    """The programme is in the invitation too: adding, editing or removing an item."""
    from kenshu_desk.domain.models import ProgrammeItem

    with db.session() as s:
        event = s.get(Event, event_id)
        event.items.append(ProgrammeItem(position=0, item_type="講演", title="講義", minutes=60))
        event.items.append(ProgrammeItem(position=1, item_type="挨拶", title="閉会", minutes=5))
    assert sequence(db, event_id) == 1
    with db.session() as s:
        s.get(Event, event_id).items[0].title = "講義（差し替え）"
    assert sequence(db, event_id) == 2
    with db.session() as s:
        event = s.get(Event, event_id)
        s.delete(event.items[1])
    assert sequence(db, event_id) == 3


@pytest.mark.parametrize(
    ("field", "value"),
    [("target_audience", "市町村職員"), ("agenda_notes", "駐車場はありません"),
     ("organiser_contact", "TEL 048-000-0000")],
)  # fmt: skip
def test_what_the_calendar_description_shows_raises_the_sequence(db, event_id, field, value):
    """対象, the agenda's ※ notes and 問い合わせ先 are in the calendar's DESCRIPTION."""
    with db.session() as s:
        setattr(s.get(Event, event_id), field, value)
    assert sequence(db, event_id) == 1


def test_a_speaker_rename_plans_an_update(db, tmp_path):
    """A speaker's shown name is in the invitation's programme: renaming them raises the
    SEQUENCE of every event they present at, so `--kind auto` plans an update; a change the
    invitation does not show (their notes) does not."""
    from sqlalchemy import select
    from tests.mail.mailkit import make_event

    from kenshu_desk.domain.models import Speaker
    from kenshu_desk.mail.compose import MailAddress
    from kenshu_desk.services.mail.invitations import queue_messages, save_eml_files

    sender = MailAddress("埼玉県 福祉部 地域包括ケア課", "chiiki@example.jp")
    people = [("参加者　01", "さんかしゃ　01", "さいたま市", "p01@example.jp")]
    eid = make_event(db, people=people)
    with db.session() as s:
        save_eml_files(s, eid, sender, tmp_path)  # the invitation went out (as drafts)
    before = sequence(db, eid)
    with db.session() as s:
        s.scalars(select(Speaker)).one().notes = "控室 3F"
    assert sequence(db, eid) == before
    with db.session() as s:
        s.scalars(select(Speaker)).one().name = "中島 修一"
    assert sequence(db, eid) == before + 1
    with db.session() as s:
        queued = queue_messages(s, eid, sender)
    assert [m.kind.value for m in queued.plan.messages] == ["update"]
