"""Property: any Japanese text (commas, semicolons, backslashes, line breaks, emoji, kanji
variants, characters outside the BMP) survives a .ics written by documents/ics.py and read
back by the independent `ical` parser, exactly."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st
from ical.calendar_stream import IcsCalendarStream

from kenshu_desk.documents.ics import CalendarPerson, invitation_calendar, publish_calendar
from kenshu_desk.domain.models import Event

NOW = dt.datetime(2026, 5, 1, 3, 4, 5, tzinfo=dt.UTC)
TRICKY = list(
    ",;:\\\"'\n\t　、。，；：＼￥・〜ー―々〆ヶ"
    "髙﨑𠮷德塚神祇辻󠄀葛󠄀"  # variants, a surrogate-plane kanji, ideographic variation selectors
    "👍🏻👨‍👩‍👧🇯🇵❤️"  # modifiers, ZWJ sequences, flags, VS16
    "ｶﾞｷﾞﾝｺﾞ①②Ⅲ㈱㌔"  # half-width kana, circled and unit symbols
)
text = st.text(
    alphabet=st.one_of(
        st.sampled_from(TRICKY),
        st.characters(min_codepoint=0x3041, max_codepoint=0x30FF),  # kana
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),  # kanji
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),  # ASCII
    ),
    min_size=1,
    max_size=120,
)
# Titles and venues are single-line fields in the editor, stripped on entry.
line = text.map(lambda s: " ".join(s.split())).filter(bool)


def _event(title: str, venue: str, audience: str) -> Event:
    return Event(
        kind="研修",
        title=title,
        date=dt.date(2026, 11, 25),
        start_time=dt.time(14, 30),
        end_time=dt.time(16, 0),
        venue=venue,
        online_url="",
        target_audience=audience,
        agenda_notes="",
        organiser_contact="",
        organiser_name="埼玉県",
        cancelled=False,
        calendar_uid="prop@kenshu-desk",
        calendar_sequence=0,
    )


def _read(data: bytes):  # type: ignore[no-untyped-def]
    calendar = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    (vevent,) = calendar.events
    return vevent


@settings(max_examples=150, deadline=None)
@given(title=line, venue=line, audience=text)
def test_publish_round_trip_is_exact(title, venue, audience):
    vevent = _read(publish_calendar(_event(title, venue, audience), now=NOW))
    assert vevent.summary == title
    assert vevent.location == venue
    assert vevent.description is not None
    assert vevent.description.splitlines()[0] == title.splitlines()[0]
    assert f"対象：{audience}" in vevent.description


@settings(max_examples=60, deadline=None)
@given(title=line, name=line)
def test_invitation_round_trip_keeps_title_and_attendee_name(title, name):
    data = invitation_calendar(
        _event(title, "県庁", ""),
        organizer=CalendarPerson("埼玉県 福祉部", "chiiki@example.jp"),
        attendee=CalendarPerson(name, "p0001@example.jp"),
        now=NOW,
    )
    vevent = _read(data)
    assert vevent.summary == title
    (attendee,) = vevent.attendees
    assert attendee.common_name == name
