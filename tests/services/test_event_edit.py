"""Event create / update / duplicate / delete on a real SQLite file, with the demo data."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from kenshu_desk.domain.models import Event, ItemPresenter, ProgrammeItem, Registration
from kenshu_desk.errors import UserError
from kenshu_desk.services.timetable import event_edit as ee
from kenshu_desk.services.timetable.event_view import load_event_view
from kenshu_desk.services.timetable.events import event_to_dict, get_event

T = dt.time


def _event_id(db, date: str) -> int:
    with db.session() as s:
        return s.scalar(select(Event.id).where(Event.date == dt.date.fromisoformat(date)))


def test_create_gives_sequence_zero_and_a_fresh_uid(db):
    with db.session() as s:
        a = ee.create_event(s, ee.default_fields(dt.date(2026, 4, 1)))
        b = ee.create_event(s, ee.default_fields(dt.date(2026, 4, 1)))
    with db.session() as s:
        ea, eb = s.get(Event, a), s.get(Event, b)
        assert ea.calendar_sequence == 0 and ea.calendar_uid != eb.calendar_uid
        assert ea.title == "新しい行事" and ea.kind == "研修"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": "   "}, "行事名を入力"),
        ({"end_time": T(13, 0)}, "終了時刻は開始時刻より後"),
        ({"start_time": T(17, 0)}, "終了時刻は開始時刻より後"),
        ({"online_url": "zoom.us/j/1"}, "https://"),
        ({"organiser_email": "not an address"}, "メールアドレス"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_bad_updates_are_refused_whole(db, changes, message):
    with db.session() as s:
        event_id = ee.create_event(s, ee.default_fields(dt.date(2026, 4, 1)))
    with pytest.raises(UserError, match=message), db.session() as s:
        ee.update_event(s, event_id, {"venue": "県庁", **changes})
    with db.session() as s:
        assert s.get(Event, event_id).venue == ""


def test_update_returns_previous_values_and_bumps_sequence_on_time_or_place(db):
    with db.session() as s:
        event_id = ee.create_event(s, ee.default_fields(dt.date(2026, 4, 1)))
    with db.session() as s:
        assert ee.update_event(s, event_id, {"title": "第1回研修"}) == {"title": "新しい行事"}
    with db.session() as s:
        assert s.get(Event, event_id).calendar_sequence == 1  # the title is in the invitation
    with db.session() as s:
        previous = ee.update_event(s, event_id, {"start_time": T(14, 0)})
    with db.session() as s:
        ee.update_event(s, event_id, previous)  # an undo
    with db.session() as s:
        event = s.get(Event, event_id)
        assert event.start_time == T(13, 30)
        assert event.calendar_sequence == 3  # never lower, not even on undo


def test_duplicate_copies_programme_presenters_and_pins_to_a_new_date(demo_db):
    source_id = _event_id(demo_db, "2021-11-25")
    with demo_db.session() as s:
        ProgrammeItem_ = get_event(s, source_id).items[3]
        ProgrammeItem_.fixed_start = T(16, 0)
    with demo_db.session() as s:
        copy_id = ee.duplicate_event(s, source_id, dt.date(2022, 11, 24))
    with demo_db.session() as s:
        source, copy = get_event(s, source_id), get_event(s, copy_id)
        assert copy.calendar_uid != source.calendar_uid and copy.calendar_sequence == 0
        assert copy.date == dt.date(2022, 11, 24) and copy.title == source.title
        assert copy.registrations == [] and copy.recordings == []
        a, b = event_to_dict(source), event_to_dict(copy)
        assert a["programme"] == b["programme"]
        assert b["programme"][3]["presenters"] == [
            "ふじみ野市社会福祉協議会 「市社会福祉協議会と市との連携について」",
            "狭山市 「庁内における情報共有について」",
        ]
        assert b["programme"][3]["fixed_start"] == "16:00"
        assert {i.id for i in copy.items}.isdisjoint({i.id for i in source.items})


def test_delete_with_registrations_needs_force(demo_db):
    event_id = _event_id(demo_db, "2021-11-25")
    with demo_db.session() as s:
        dependents = ee.event_dependents(s, event_id)
    assert dependents.registrations > 0 and "申込・出欠" in dependents.describe()
    with pytest.raises(UserError, match="削除できません"), demo_db.session() as s:
        ee.delete_event(s, event_id)
    with demo_db.session() as s:
        ee.delete_event(s, event_id, force=True)
    with demo_db.session() as s:
        assert s.get(Event, event_id) is None
        count = s.scalar(select(func.count()).select_from(Registration))
        assert count == s.scalar(
            select(func.count()).select_from(Registration).where(Registration.event_id != event_id)
        )


def test_delete_and_restore_is_exact(db, demo_db):
    with demo_db.session() as s:
        source_id = _event_id(demo_db, "2021-05-24")
        event_id = ee.duplicate_event(s, source_id, dt.date(2022, 5, 23), "第1回（複製）")
    with demo_db.session() as s:
        before = load_event_view(s, event_id)
        uid = s.get(Event, event_id).calendar_uid
    with demo_db.session() as s:
        snapshot = ee.delete_event(s, event_id)
    with demo_db.session() as s:
        assert s.get(Event, event_id) is None
        orphans = s.scalar(
            select(func.count())
            .select_from(ItemPresenter)
            .where(~ItemPresenter.item_id.in_(select(ProgrammeItem.id)))
        )
        assert orphans == 0
    with demo_db.session() as s:
        assert ee.restore_event(s, snapshot) == event_id
    with demo_db.session() as s:
        after = load_event_view(s, event_id)
        assert s.get(Event, event_id).calendar_uid == uid
    assert after == before


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("online_url", "https://example.jp/j/1\r\nBcc: x@example.jp", "空白や改行"),
        ("online_url", "https://example.jp/j/1 2", "空白や改行"),
        ("title", "第2回\n市町村情報交換会", "1 行で"),
        ("organiser_email", "a..b@example.jp", "形式が正しくありません"),
        ("organiser_email", "chiiki@例え.jp", "形式が正しくありません"),
    ],
)
def test_values_the_sender_would_refuse_are_refused_in_the_form(db, field, value, message):  # type: ignore[no-untyped-def]
    from kenshu_desk.errors import UserError
    from kenshu_desk.services.timetable.event_edit import create_event, default_fields

    fields = default_fields(dt.date(2026, 11, 25))
    fields.update(title="情報交換会", organiser_email="chiiki@example.jp")
    fields[field] = value
    with pytest.raises(UserError, match=message), db.session() as s:
        create_event(s, fields)
