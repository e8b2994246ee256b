"""Calendar files (.ics): a PUBLISH calendar for an event, and per-recipient invitations.

Follows DESIGN.md "Calendar invitations": one VEVENT, the event's stored UID and SEQUENCE,
DTSTAMP in UTC, times with TZID=Asia/Tokyo and a VTIMEZONE (a single STANDARD block, +0900)
before the VEVENT, ORGANIZER = the sender, one ATTENDEE = the recipient. The online URL goes
in LOCATION and DESCRIPTION because clients ignore CONFERENCE.

All text goes through `icalendar`, which escapes (`, ; \\ newline`) and folds lines at 75
octets without splitting a UTF-8 character; nothing here escapes by hand.

Only the event, its programme and the organiser's contact are written: never the notes and
never a recording (its passcode is for the people it is sent to, not for a calendar).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Timezone, TimezoneStandard, vCalAddress
from icalendar import Event as VEvent

from kenshu_desk import __version__
from kenshu_desk.domain.japanese import minutes_label, time_range, wareki
from kenshu_desk.domain.models import Event
from kenshu_desk.domain.programme import event_schedule
from kenshu_desk.domain.validation import is_meeting_url
from kenshu_desk.errors import UserError

TZID = "Asia/Tokyo"
TOKYO = ZoneInfo(TZID)
PRODID = f"-//kenshu-desk//kenshu-desk {__version__}//JA"


class Method(StrEnum):
    PUBLISH = "PUBLISH"
    REQUEST = "REQUEST"
    CANCEL = "CANCEL"


@dataclass(frozen=True)
class CalendarPerson:
    """A name and an e-mail address, as ORGANIZER or ATTENDEE."""

    name: str
    address: str

    def cal_address(self) -> vCalAddress:
        value = vCalAddress(f"mailto:{self.address}")
        if self.name:
            value.params["CN"] = self.name
        return value


def place_text(event: Event) -> str:
    """The LOCATION: the venue and/or the online URL, on one line."""
    parts = [p for p in (event.venue.strip(), event.online_url.strip()) if p]
    return " / ".join(parts)


def programme_text(event: Event) -> str:
    """The programme as plain text, one item per line, presenters indented below it."""
    lines: list[str] = []
    schedule = event_schedule(event)
    for item, slot in zip(event.items, schedule.slots, strict=True):
        when = f"{time_range(slot.start_time, slot.end_time)} {minutes_label(item.minutes)}"
        lines.append(f"{when}　{item.title}".rstrip())
        if item.description:
            lines.extend(f"　　{line}" for line in item.description.splitlines() if line.strip())
        lines.extend(f"　　{p.display()}" for p in item.presenters)
    return "\n".join(lines)


def when_text(event: Event) -> str:
    """令和3年11月25日（木）14:30～16:30"""
    return f"{wareki(event.date)}　{time_range(event.start_time, event.end_time)}"


def description_text(event: Event) -> str:
    """DESCRIPTION: date, place, online URL, programme, notes for the agenda, contact."""
    blocks: list[str] = []
    if event.cancelled:
        blocks.append("【中止】この行事は中止になりました。")
    head = [event.title, f"日時：{when_text(event)}"]
    if event.venue:
        head.append(f"会場：{event.venue}")
    if event.online_url:
        head.append(f"参加URL：{event.online_url}")
    if event.target_audience:
        head.append(f"対象：{event.target_audience}")
    blocks.append("\n".join(head))
    programme = programme_text(event)
    if programme:
        blocks.append(f"【プログラム】\n{programme}")
    notes = event.agenda_note_lines()
    if notes:
        blocks.append("\n".join(f"※{line.lstrip('※')}" for line in notes))
    if event.organiser_contact.strip():
        blocks.append(f"【問い合わせ先】\n{event.organiser_contact.strip()}")
    return "\n\n".join(blocks)


def _tokyo(date: dt.date, time: dt.time) -> dt.datetime:
    return dt.datetime.combine(date, time, tzinfo=TOKYO)


def _vtimezone() -> Timezone:
    """Japan has had no daylight saving since 1951: one STANDARD block is the whole truth."""
    tz = Timezone()
    tz.add("tzid", TZID)
    standard = TimezoneStandard()
    standard.add("dtstart", dt.datetime(1970, 1, 1))
    standard.add("tzoffsetfrom", dt.timedelta(hours=9))
    standard.add("tzoffsetto", dt.timedelta(hours=9))
    standard.add("tzname", "JST")
    tz.add_component(standard)
    return tz


def _vevent(event: Event, now: dt.datetime, alarm_minutes: int | None) -> VEvent:
    vevent = VEvent()
    vevent.add("uid", event.calendar_uid)
    vevent.add("sequence", event.calendar_sequence or 0)
    vevent.add("dtstamp", now.astimezone(dt.UTC))
    vevent.add("dtstart", _tokyo(event.date, event.start_time))
    vevent.add("dtend", _tokyo(event.date, event.end_time))
    vevent.add("summary", event.title)
    location = place_text(event)
    if location:
        vevent.add("location", location)
    if event.online_url:
        if not is_meeting_url(event.online_url):  # stored by an older version, or by hand
            raise UserError.of("ics.meeting_url_invalid", title=event.title)
        vevent.add("url", event.online_url)
    vevent.add("description", description_text(event))
    vevent.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    vevent.add("transp", "OPAQUE")
    if alarm_minutes is not None and not event.cancelled:
        if alarm_minutes < 0:
            raise ValueError("alarm_minutes must be zero or more")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", dt.timedelta(minutes=-alarm_minutes))
        alarm.add("description", event.title)
        vevent.add_component(alarm)
    return vevent


def _calendar(method: Method, vevent: VEvent) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", method.value)
    cal.add_component(_vtimezone())
    cal.add_component(vevent)
    return cal.to_ical()


def _now(now: dt.datetime | None) -> dt.datetime:
    if now is None:
        return dt.datetime.now(dt.UTC)
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return now


def publish_calendar(
    event: Event,
    *,
    organizer: CalendarPerson | None = None,
    now: dt.datetime | None = None,
    alarm_minutes: int | None = None,
) -> bytes:
    """METHOD:PUBLISH, for posting on a site or importing into any calendar. No attendees."""
    vevent = _vevent(event, _now(now), alarm_minutes)
    if organizer is None and event.organiser_email:
        organizer = CalendarPerson(event.organiser_name, event.organiser_email)
    if organizer is not None:
        vevent.add("organizer", organizer.cal_address())
    return _calendar(Method.PUBLISH, vevent)


def invitation_calendar(
    event: Event,
    *,
    organizer: CalendarPerson,
    attendee: CalendarPerson,
    cancel: bool = False,
    now: dt.datetime | None = None,
    alarm_minutes: int | None = None,
) -> bytes:
    """METHOD:REQUEST (invitation or update) or METHOD:CANCEL for one recipient.

    A cancellation carries STATUS:CANCELLED whether or not the event row is marked
    cancelled yet; its SEQUENCE is the event's, which the cancel raised (services.calendar).
    """
    vevent = _invitation_vevent(event, organizer, cancel, _now(now), alarm_minutes)
    vevent.add("attendee", _attendee_address(attendee))
    return _calendar(Method.CANCEL if cancel else Method.REQUEST, vevent)


def _invitation_vevent(
    event: Event,
    organizer: CalendarPerson,
    cancel: bool,
    now: dt.datetime,
    alarm_minutes: int | None,
) -> VEvent:
    vevent = _vevent(event, now, None if cancel else alarm_minutes)
    if cancel:
        vevent["status"] = "CANCELLED"
    vevent.add("organizer", organizer.cal_address())
    return vevent


def _attendee_address(attendee: CalendarPerson) -> vCalAddress:
    value = attendee.cal_address()
    value.params["ROLE"] = "REQ-PARTICIPANT"
    value.params["PARTSTAT"] = "NEEDS-ACTION"
    value.params["RSVP"] = "TRUE"
    return value


_PLACEHOLDER = CalendarPerson("kenshu-desk-placeholder", "placeholder@attendee.invalid")


class InvitationCalendars:
    """invitation_calendar() for many recipients of one event: the same bytes, made faster.

    A send run gives every recipient the same calendar except the ATTENDEE line, so the
    calendar is serialised once (by icalendar, with a placeholder attendee) and each
    recipient's ATTENDEE content line (escaped and folded by icalendar too) replaces the
    placeholder's. Content lines are folded one by one, so the result is byte for byte what
    invitation_calendar() returns (tests/documents/test_ics_batch.py compares them). Should
    a later icalendar write the placeholder line differently, each calendar is built whole.
    """

    def __init__(
        self,
        event: Event,
        *,
        organizer: CalendarPerson,
        cancel: bool = False,
        now: dt.datetime | None = None,
        alarm_minutes: int | None = None,
    ) -> None:
        self._method = Method.CANCEL if cancel else Method.REQUEST
        self._vevent = _invitation_vevent(event, organizer, cancel, _now(now), alarm_minutes)
        self._vevent.add("attendee", _attendee_address(_PLACEHOLDER))
        whole = _calendar(self._method, self._vevent)
        placeholder = self._line(_PLACEHOLDER)
        self._split: tuple[bytes, bytes] | None = None
        if whole.count(placeholder) == 1:
            head, _, tail = whole.partition(placeholder)
            self._split = (head, tail)

    def _line(self, attendee: CalendarPerson) -> bytes:
        return self._vevent.content_line("ATTENDEE", _attendee_address(attendee)).to_ical()

    def for_attendee(self, attendee: CalendarPerson) -> bytes:
        if self._split is None:  # the slow way: the whole calendar for this attendee
            self._vevent["attendee"] = _attendee_address(attendee)
            return _calendar(self._method, self._vevent)
        head, tail = self._split
        return head + self._line(attendee) + tail
