"""Calendar files read back by an independent parser (the `ical` package)."""

from __future__ import annotations

import datetime as dt

import pytest
from ical.calendar_stream import IcsCalendarStream
from sqlalchemy import select

from kenshu_desk.documents.ics import (
    CalendarPerson,
    description_text,
    invitation_calendar,
    place_text,
    publish_calendar,
)
from kenshu_desk.domain.models import Event, ItemPresenter, ProgrammeItem, RecordingLink, Speaker
from kenshu_desk.services.timetable.events import get_event

TRICKY = "第3回, 研修; \\C:\\共有\\資料\n二行目，全角；も"
NOW = dt.datetime(2026, 5, 1, 3, 4, 5, tzinfo=dt.UTC)


def parse(data: bytes):  # type: ignore[no-untyped-def]
    return IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))


@pytest.fixture
def tricky_event(db):  # type: ignore[no-untyped-def]
    with db.session() as s:
        speaker = Speaker(name="山田, 太郎; \\ 講師", affiliation="〇〇大学", honorific="氏")
        event = Event(
            title=TRICKY,
            date=dt.date(2026, 6, 10),
            start_time=dt.time(13, 30),
            end_time=dt.time(15, 0),
            venue="県庁 第二庁舎, 4階; 第3会議室",
            online_url="https://example.jp/zoom/j/123?pwd=a;b,c",
            organiser_name="埼玉県 福祉部 地域包括ケア課",
            organiser_email="chiiki@example.jp",
            organiser_contact="TEL 048-000-0000\nE-mail chiiki@example.jp",
            notes="内部メモ: 会場費未払い",
        )
        event.items.append(
            ProgrammeItem(position=0, item_type="挨拶", title="開会, 挨拶", minutes=5)
        )
        lecture = ProgrammeItem(
            position=1, item_type="講演", title="講演; 「包括的支援」\\体制", minutes=85
        )
        lecture.presenters.append(ItemPresenter(position=0, speaker=speaker, topic=""))
        event.items.append(lecture)
        event.recordings.append(RecordingLink(url="https://example.jp/rec/1", passcode="PASS-9f3k"))
        s.add(event)
        s.flush()
        event_id = event.id
    with db.session() as s:
        return get_event(s, event_id)


def test_publish_round_trips_japanese_text_exactly(tricky_event):
    data = publish_calendar(tricky_event, now=NOW)
    cal = parse(data)
    assert cal.method == "PUBLISH"
    [event] = cal.events
    assert event.summary == TRICKY
    assert (
        event.location
        == place_text(tricky_event)
        == ("県庁 第二庁舎, 4階; 第3会議室 / https://example.jp/zoom/j/123?pwd=a;b,c")
    )
    assert event.description == description_text(tricky_event)
    assert "13:30～13:35 (5分)　開会, 挨拶" in event.description
    assert "13:35～15:00 (85分)　講演; 「包括的支援」\\体制" in event.description
    assert "〇〇大学 山田, 太郎; \\ 講師 氏" in event.description
    assert "https://example.jp/zoom/j/123?pwd=a;b,c" in event.description
    assert event.uid == tricky_event.calendar_uid
    assert event.sequence == 0
    assert event.organizer.uri == "mailto:chiiki@example.jp"
    assert event.attendees == []


def test_times_timezone_and_stamp(tricky_event):
    data = publish_calendar(tricky_event, now=NOW)
    text = data.decode()
    assert "DTSTART;TZID=Asia/Tokyo:20260610T133000\r\n" in text
    assert "DTEND;TZID=Asia/Tokyo:20260610T150000\r\n" in text
    assert "DTSTAMP:20260501T030405Z\r\n" in text
    assert text.index("BEGIN:VTIMEZONE") < text.index("BEGIN:VEVENT")
    assert text.count("BEGIN:STANDARD") == 1 and "DAYLIGHT" not in text
    cal = parse(data)
    [tz] = cal.timezones
    assert tz.tz_id == "Asia/Tokyo"
    assert tz.standard[0].tz_offset_to.offset == dt.timedelta(hours=9)
    [event] = cal.events
    assert event.dtstart == dt.datetime(2026, 6, 10, 4, 30, tzinfo=dt.UTC)
    assert event.dtstamp.utcoffset() == dt.timedelta(0)


def test_lines_are_crlf_and_folded_at_75_octets(tricky_event):
    data = publish_calendar(tricky_event, now=NOW)
    assert data.endswith(b"\r\n")
    lines = data.split(b"\r\n")
    assert all(b"\n" not in line for line in lines)
    assert max(len(line) for line in lines) <= 75
    for line in lines:
        line.decode("utf-8")  # a fold never splits a character


def test_request_names_organizer_and_the_one_attendee(tricky_event):
    data = invitation_calendar(
        tricky_event,
        organizer=CalendarPerson("埼玉県, 地域包括ケア課", "sender@example.jp"),
        attendee=CalendarPerson("髙橋　美咲", "m.takahashi@example.jp"),
        now=NOW,
        alarm_minutes=30,
    )
    cal = parse(data)
    assert cal.method == "REQUEST"
    [event] = cal.events
    assert event.organizer.uri == "mailto:sender@example.jp"
    assert event.organizer.common_name == "埼玉県, 地域包括ケア課"
    assert event.organizer.sent_by is None
    [who] = event.attendees
    assert who.uri == "mailto:m.takahashi@example.jp"
    assert who.common_name == "髙橋　美咲"
    assert (who.role, who.status, who.rsvp) == ("REQ-PARTICIPANT", "NEEDS-ACTION", True)
    assert event.status == "CONFIRMED"
    [alarm] = event.alarm
    assert alarm.trigger == dt.timedelta(minutes=-30)
    assert alarm.action == "DISPLAY"


def test_cancel_is_method_cancel_and_status_cancelled(tricky_event):
    tricky_event.calendar_sequence = 3
    data = invitation_calendar(
        tricky_event,
        organizer=CalendarPerson("", "sender@example.jp"),
        attendee=CalendarPerson("", "a@example.jp"),
        cancel=True,
        now=NOW,
        alarm_minutes=30,
    )
    cal = parse(data)
    assert cal.method == "CANCEL"
    [event] = cal.events
    assert event.status == "CANCELLED" and event.sequence == 3
    assert event.uid == tricky_event.calendar_uid
    assert event.alarm == []
    assert len(event.attendees) == 1


def test_no_passcode_and_no_internal_notes_in_any_calendar(tricky_event):
    outputs = [
        publish_calendar(tricky_event, now=NOW),
        invitation_calendar(
            tricky_event,
            organizer=CalendarPerson("", "s@example.jp"),
            attendee=CalendarPerson("", "a@example.jp"),
        ),
    ]
    for data in outputs:
        unfolded = data.replace(b"\r\n ", b"").decode()
        assert "PASS-9f3k" not in unfolded
        assert "rec/1" not in unfolded
        assert "会場費" not in unfolded


def test_every_demo_event_parses(demo_db):
    with demo_db.session() as s:
        ids = list(s.scalars(select(Event.id)))
        for event_id in ids:
            event = get_event(s, event_id)
            cal = parse(publish_calendar(event))
            [parsed] = cal.events
            assert parsed.summary == event.title
            assert parsed.dtend > parsed.dtstart
