"""InvitationCalendars (a send run's calendars, serialised once) gives exactly the bytes of
invitation_calendar() for each recipient, whatever the names hold."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kenshu_desk.documents.ics import CalendarPerson, InvitationCalendars, invitation_calendar
from kenshu_desk.domain.models import Event, ItemPresenter, ProgrammeItem, Speaker

NOW = dt.datetime(2026, 5, 1, 3, 4, 5, tzinfo=dt.UTC)
ORGANIZER = CalendarPerson("埼玉県 福祉部 地域包括ケア課（地域包括ケア担当）", "chiiki@example.jp")
NAMES = [
    "髙橋　美咲",
    "参加者　とても長いお名前の方で行の折り返しが三回は必要になるくらい長い名前の人です",
    '中村, 拓也; \\ "ニックネーム": 𠮷田',
    "",
]


def _event() -> Event:
    event = Event(
        kind="研修",
        title="第2回市町村情報交換会, 研修; \\C:\\共有",
        date=dt.date(2026, 11, 25),
        start_time=dt.time(14, 30),
        end_time=dt.time(16, 0),
        venue="埼玉県県民健康センター 大ホール",
        online_url="https://example.jp/zoom/j/8812?pwd=a;b,c",
        target_audience="",
        agenda_notes="",
        organiser_contact="TEL 048-830-3256",
        organiser_name="埼玉県",
        cancelled=False,
        calendar_uid="batch@kenshu-desk",
        calendar_sequence=2,
    )
    talk = ProgrammeItem(position=0, item_type="講演", title="包括的な支援体制", minutes=85)
    speaker = Speaker(kind="person", name="中島 修", affiliation="文京学院大学", honorific="氏")
    talk.presenters.append(ItemPresenter(position=0, speaker=speaker))
    event.items.append(talk)
    return event


@pytest.mark.parametrize("cancel", [False, True])
@pytest.mark.parametrize("alarm_minutes", [None, 30])
def test_each_recipient_gets_the_bytes_invitation_calendar_gives(cancel, alarm_minutes):
    event = _event()
    calendars = InvitationCalendars(
        event, organizer=ORGANIZER, cancel=cancel, now=NOW, alarm_minutes=alarm_minutes
    )
    for n, name in enumerate(NAMES):
        person = CalendarPerson(name, f"p{n}@example.jp")
        expected = invitation_calendar(
            event, organizer=ORGANIZER, attendee=person, cancel=cancel, now=NOW,
            alarm_minutes=alarm_minutes,
        )  # fmt: skip
        assert calendars.for_attendee(person) == expected
        assert b"placeholder" not in expected


@settings(max_examples=80, deadline=None)
@given(
    name=st.text(
        alphabet=st.one_of(
            st.sampled_from(list(",;:\\\"'　、。髙𠮷👨‍👩‍👧ｶﾞ")),
            st.characters(min_codepoint=0x3041, max_codepoint=0x30FF),
            st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
            st.characters(min_codepoint=0x20, max_codepoint=0x7E),
        ),
        max_size=120,
    )
)
def test_any_attendee_name_gives_the_same_bytes(name):
    event = _event()
    person = CalendarPerson(name, "p0001@example.jp")
    calendars = InvitationCalendars(event, organizer=ORGANIZER, now=NOW)
    expected = invitation_calendar(event, organizer=ORGANIZER, attendee=person, now=NOW)
    assert calendars.for_attendee(person) == expected


def test_without_the_placeholder_line_each_calendar_is_built_whole():
    """What a later icalendar that writes lines differently would get: the same bytes."""
    event = _event()
    calendars = InvitationCalendars(event, organizer=ORGANIZER, now=NOW)
    calendars._split = None  # as if the placeholder line had not been found
    for n, name in enumerate(NAMES):
        person = CalendarPerson(name, f"p{n}@example.jp")
        expected = invitation_calendar(event, organizer=ORGANIZER, attendee=person, now=NOW)
        assert calendars.for_attendee(person) == expected
