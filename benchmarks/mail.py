"""Mail benchmarks: 1,000 calendar files; 1,000 invitations to a local SMTP server.

    PYTHONPATH=src python benchmarks/mail.py

Prints one line per figure. The goal (issue 5): 1,000 invitations go out in under 30 s.
The ".ics built" line makes the 1,000 calendars the way a send run does (InvitationCalendars:
serialised once, the ATTENDEE line per recipient); "one by one" calls invitation_calendar()
for each, as before. The "bare smtplib" line sends the same 1,000 stored messages in a plain
loop over one connection, with no database: the difference is what the outbox's
bookkeeping (one committed transaction per message, for crash safety) costs.
"""

from __future__ import annotations

import datetime as dt
import smtplib
import socket
import sys
import tempfile
import time
from pathlib import Path

from aiosmtpd.controller import Controller
from sqlalchemy import select

try:
    from benchmarks.common import Figure
except ModuleNotFoundError:  # run as a script: python benchmarks/mail.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from benchmarks.common import Figure
from kenshu_desk.database import open_database
from kenshu_desk.documents.ics import CalendarPerson, InvitationCalendars, invitation_calendar
from kenshu_desk.domain.models import (
    Event,
    ItemPresenter,
    OutboxMessage,
    Participant,
    ProgrammeItem,
    Registration,
    Speaker,
)
from kenshu_desk.mail.compose import MailAddress
from kenshu_desk.mail.transport import Security, SmtpConfig, SmtpTransport
from kenshu_desk.services.mail.invitations import queue_messages
from kenshu_desk.services.mail.outbox import send_queued

COUNT = 1000
GOAL_SECONDS = 30.0
SENDER = MailAddress("埼玉県 福祉部 地域包括ケア課", "chiiki@example.jp")


class CountingHandler:
    def __init__(self) -> None:
        self.count = 0

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        self.count += 1
        return "250 OK"


def _event(count: int) -> Event:
    event = Event(
        title="第2回市町村情報交換会",
        date=dt.date(2027, 1, 28),
        start_time=dt.time(14, 0),
        end_time=dt.time(16, 0),
        venue="埼玉県県民健康センター 大ホール",
        online_url="https://example.jp/zoom/j/1",
        organiser_contact="TEL 048-830-3256",
        organiser_name="埼玉県 福祉部 地域包括ケア課",
        target_audience="",
        agenda_notes="",
        cancelled=False,
        calendar_sequence=0,
    )
    speaker = Speaker(
        kind="person", name="中島 修", affiliation="文京学院大学", title="教授", honorific="氏"
    )
    for position, minutes in enumerate((5, 40, 30, 5, 40)):
        item = ProgrammeItem(
            position=position, title=f"項目{position + 1}", minutes=minutes, description=""
        )
        item.presenters.append(ItemPresenter(position=0, speaker=speaker))
        event.items.append(item)
    for n in range(count):
        person = Participant(name=f"参加者　{n:04d}", reading=f"さんかしゃ{n:04d}",
                             email=f"p{n:04d}@example.jp")  # fmt: skip
        event.registrations.append(Registration(participant=person))
    return event


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bare_ics(event: Event, n: int) -> bytes:
    """The .ics baseline: the same VEVENT fields through icalendar directly (no escaping
    rules of our own, no description, no timezone block)."""
    import icalendar

    start = dt.datetime.combine(event.date, event.start_time)
    cal = icalendar.Calendar()
    cal.add("prodid", "-//bench//")
    cal.add("version", "2.0")
    cal.add("method", "REQUEST")
    vevent = icalendar.Event()
    vevent.add("uid", event.calendar_uid)
    vevent.add("summary", event.title)
    vevent.add("location", event.venue)
    vevent.add("dtstart", start)
    vevent.add("dtend", dt.datetime.combine(event.date, event.end_time))
    vevent.add("attendee", f"mailto:p{n:04d}@example.jp")
    cal.add_component(vevent)
    return cal.to_ical()


def run(db_path: Path | None = None) -> list[Figure]:
    """Figures in ms with their baselines. The invitations go to a fresh database holding
    one event with 1,000 registrations (the large database's events have ~120 each)."""
    ics, one_by_one, bare, queued, sent, total, bare_smtp = (
        seconds * 1000 for _, seconds, _ in _measure()
    )
    return [
        Figure(
            f"{COUNT:,} .ics built (as a send run builds them)",
            ics,
            "ms",
            "bare icalendar VEVENT",
            bare,
            max_ratio=3.0,
        ),
        Figure(
            f"{COUNT:,} .ics built one by one (invitation_calendar)",
            one_by_one,
            "ms",
            "bare icalendar VEVENT",
            bare,
        ),
        Figure(
            f"{COUNT:,} invitations composed and queued",
            queued,
            "ms",
        ),
        Figure(
            f"{COUNT:,} invitations sent to a local aiosmtpd (outbox)",
            sent,
            "ms",
            "bare smtplib loop, one connection",
            bare_smtp,
            max_ratio=3.0,
        ),
        Figure(
            f"{COUNT:,} invitations composed, queued and sent",
            total,
            "ms",
            max_value=GOAL_SECONDS * 1000,
        ),
    ]


def _measure() -> list[tuple[str, float, str]]:
    results: list[tuple[str, float, str]] = []
    event = _event(0)
    event.calendar_uid = "bench@kenshu-desk"
    organizer = CalendarPerson(SENDER.name, SENDER.address)
    start = time.perf_counter()
    calendars = InvitationCalendars(event, organizer=organizer)
    for n in range(COUNT):
        calendars.for_attendee(CalendarPerson(f"参加者　{n:04d}", f"p{n:04d}@example.jp"))
    results.append(
        (f"{COUNT} .ics built", time.perf_counter() - start, "as a send run: InvitationCalendars")
    )
    start = time.perf_counter()
    for n in range(COUNT):
        invitation_calendar(
            event,
            organizer=organizer,
            attendee=CalendarPerson(f"参加者　{n:04d}", f"p{n:04d}@example.jp"),
        )
    results.append(
        (f"{COUNT} .ics built one by one", time.perf_counter() - start, "invitation_calendar")
    )
    start = time.perf_counter()
    for n in range(COUNT):
        bare_ics(event, n)
    results.append(("bare icalendar", time.perf_counter() - start, "same fields, no rules"))

    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
        with db.session() as s:
            s.add(_event(COUNT))
        with db.session() as s:
            event_id = s.scalar(select(Event.id))
            start = time.perf_counter()
            ids = queue_messages(s, event_id, SENDER).ids
        queued_in = time.perf_counter() - start
        results.append(
            (f"{len(ids)} invitations composed and queued", queued_in, "one transaction")
        )

        handler = CountingHandler()
        port = _free_port()
        controller = Controller(handler, hostname="127.0.0.1", port=port)
        controller.start()
        try:
            transport = SmtpTransport(SmtpConfig("127.0.0.1", port, Security.NONE))
            start = time.perf_counter()
            report = send_queued(db, transport, event_id=event_id)
            took = time.perf_counter() - start
            results.append(
                (
                    f"{report.sent} invitations sent through the outbox",
                    took,
                    f"{report.connections} connection(s), one commit per message",
                )
            )
            total = queued_in + took
            verdict = "OK" if total < GOAL_SECONDS and report.sent == COUNT else "TOO SLOW"
            results.append(
                (
                    f"{COUNT} invitations, compose + queue + send",
                    total,
                    f"goal < {GOAL_SECONDS:.0f} s: {verdict}",
                )
            )
            with db.session() as s:
                payloads = list(s.scalars(select(OutboxMessage.payload)))
            start = time.perf_counter()
            with smtplib.SMTP("127.0.0.1", port) as smtp:
                for n, payload in enumerate(payloads):
                    smtp.sendmail(SENDER.address, [f"p{n:04d}@example.jp"], payload)
            results.append(
                (
                    f"{len(payloads)} messages, bare smtplib loop",
                    time.perf_counter() - start,
                    "one connection, no database",
                )
            )
            assert handler.count == 2 * COUNT, handler.count
        finally:
            controller.stop()
            db.dispose()
    return results


if __name__ == "__main__":
    for name, seconds, note in _measure():
        print(f"{name:<45} {seconds:8.2f} s   {note}")
    sys.exit(0)
