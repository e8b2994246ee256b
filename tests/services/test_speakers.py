"""The speaker directory and the double-booking check, on the demo data in a real SQLite file."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from kenshu_desk.domain.models import Event, Speaker
from kenshu_desk.errors import UserError
from kenshu_desk.services.timetable import event_edit as ee
from kenshu_desk.services.timetable import programme_edit as pe
from kenshu_desk.services.timetable import speakers as sp
from kenshu_desk.services.timetable.conflicts import double_bookings
from kenshu_desk.services.timetable.event_view import load_event_view

T = dt.time


def _speaker_id(db, name: str) -> int:
    with db.session() as s:
        return s.scalar(select(Speaker.id).where(Speaker.name == name))


def test_directory_is_in_gojuon_order_of_the_reading(demo_db):
    with demo_db.session() as s:
        sp.create_speaker(s, {"name": "東海林 太郎", "reading": "しょうじ　たろう"})
        sp.create_speaker(s, {"name": "阿部 花子", "reading": ""})  # no reading: last
        rows = sp.list_speakers(s)
    names = [r.name for r in rows]
    assert names[:3] == ["秋山 由美子", "猪鼻 紗都子", "岩手県遠野市"]
    assert names.index("東海林 太郎") < names.index("田中 悠美子")  # し < た, whatever the kanji
    assert names[-1] == "阿部 花子"


def test_create_update_delete_restore(db):
    with db.session() as s:
        sid = sp.create_speaker(s, sp.new_speaker_fields("桶川市"))
    with db.session() as s:
        speaker = s.get(Speaker, sid)
        assert speaker.kind == "organisation" and speaker.honorific == ""
        assert sp.update_speaker(s, sid, {"reading": "おけがわし"}) == {"reading": ""}
    with db.session() as s:
        snapshot = sp.delete_speaker(s, sid)
    with db.session() as s:
        assert s.get(Speaker, sid) is None
        assert sp.restore_speaker(s, snapshot) == sid
    with db.session() as s:
        assert s.get(Speaker, sid).reading == "おけがわし"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("桶川市", "organisation"),
        ("厚生労働省 社会・援護局 地域福祉課 地域共生社会推進室", "organisation"),
        ("ふじみ野市社会福祉協議会", "organisation"),
        ("中島 修", "person"),
        ("中島修", "person"),
    ],
)
def test_kind_of_a_speaker_created_on_the_spot(name, kind):
    fields = sp.new_speaker_fields(name)
    assert fields["kind"] == kind
    assert fields["honorific"] == ("氏" if kind == "person" else "")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": " "}, "名前"),
        ({"honorific": "さん"}, "敬称"),
        ({"kind": "robot"}, "区分"),
        ({"email": "a@b"}, "メールアドレス"),
    ],
)
def test_bad_speaker_values_are_refused(db, changes, message):
    with db.session() as s:
        sid = sp.create_speaker(s, {"name": "野村 政子"})
    with pytest.raises(UserError, match=message), db.session() as s:
        sp.update_speaker(s, sid, changes)


def test_a_speaker_in_a_programme_cannot_be_deleted(demo_db):
    sid = _speaker_id(demo_db, "中島 修")
    with pytest.raises(UserError, match="時間割に登録されているため"), demo_db.session() as s:
        sp.delete_speaker(s, sid)


def test_appearances_list_events_newest_first_with_times(demo_db):
    with demo_db.session() as s:
        found = sp.speaker_appearances(s, _speaker_id(demo_db, "中島 修"))
    dates = [a.date for a in found]
    assert dates == sorted(dates, reverse=True)
    nov = next(a for a in found if a.date == dt.date(2021, 11, 25))
    assert (nov.item_title, nov.start, nov.end) == (
        "市町村総合相談支援体制に関する基調講演",
        T(14, 35),
        T(15, 20),
    )


def test_double_booking_same_day_overlapping_slots(demo_db):
    nakajima = _speaker_id(demo_db, "中島 修")
    with demo_db.session() as s:
        nov = s.scalar(select(Event.id).where(Event.date == dt.date(2021, 11, 25)))
        other = ee.create_event(
            s,
            ee.default_fields(dt.date(2021, 11, 25))
            | {"title": "別の研修", "start_time": T(15, 0), "end_time": T(16, 0)},
        )
        item = pe.add_item(s, other, pe.ItemData("講演", "講義", minutes=30))
        pe.set_presenters(s, item, [pe.PresenterRef(nakajima)])
    with demo_db.session() as s:
        found = double_bookings(s, nov)
        assert [(b.speaker_name, b.other_event_title, b.item_index) for b in found] == [
            ("中島 修", "別の研修", 1)
        ]
        assert found[0].message() == (
            "2番目の項目：中島 修 は同じ時間帯に「別の研修」の「講義」（15:00～15:30）にも登壇します"
        )
        assert found[0].message() in [c.message for c in load_event_view(s, nov).checks]
        assert [b.other_event_title for b in double_bookings(s, other)] == ["第2回市町村情報交換会"]
    # Moved after the keynote (15:20): touching, not overlapping.
    with demo_db.session() as s:
        ee.update_event(s, other, {"start_time": T(15, 20)})
        assert double_bookings(s, nov) == []
    # A cancelled event frees the slot.
    with demo_db.session() as s:
        ee.update_event(s, other, {"start_time": T(15, 0), "cancelled": True})
        assert double_bookings(s, nov) == []
