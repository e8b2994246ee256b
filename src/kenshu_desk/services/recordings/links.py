"""Recording links of an event: add, edit, delete, find by URL."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kenshu_desk.domain.models import Event, Participant, RecordingLink, Registration
from kenshu_desk.errors import UserError
from kenshu_desk.services.timetable.events import get_event


@dataclass(frozen=True)
class RecordingInfo:
    id: int
    event_id: int
    url: str
    passcode: str
    available_until: dt.date | None
    note: str

    @classmethod
    def of(cls, row: RecordingLink) -> RecordingInfo:
        return cls(row.id, row.event_id, row.url, row.passcode, row.available_until, row.note)


def _check_url(url: str) -> str:
    url = url.strip()
    if not url.startswith(("https://", "http://")) or any(c.isspace() for c in url):
        raise UserError.of("recordings.url_scheme", url=url)
    return url


def list_recordings(session: Session, event_id: int) -> list[RecordingInfo]:
    get_event(session, event_id)
    rows = session.scalars(
        select(RecordingLink).where(RecordingLink.event_id == event_id).order_by(RecordingLink.id)
    )
    return [RecordingInfo.of(r) for r in rows]


def add_recording(
    session: Session,
    event_id: int,
    url: str,
    passcode: str = "",
    available_until: dt.date | None = None,
    note: str = "",
) -> RecordingInfo:
    get_event(session, event_id)
    row = RecordingLink(
        event_id=event_id,
        url=_check_url(url),
        passcode=passcode.strip(),
        available_until=available_until,
        note=note,
    )
    session.add(row)
    session.flush()
    return RecordingInfo.of(row)


def _recording(session: Session, recording_id: int) -> RecordingLink:
    # The event's registrations and people come along: choosing recipients reads each one.
    people = (
        selectinload(RecordingLink.event)
        .selectinload(Event.registrations)
        .selectinload(Registration.participant)
        .selectinload(Participant.organisation)
    )
    row = session.get(RecordingLink, recording_id, options=[people])
    if row is None:
        raise UserError.of("recordings.link_missing", recording_id=recording_id)
    return row


def edit_recording(
    session: Session,
    recording_id: int,
    *,
    url: str,
    passcode: str,
    available_until: dt.date | None,
    note: str,
) -> RecordingInfo:
    row = _recording(session, recording_id)
    row.url = _check_url(url)
    row.passcode = passcode.strip()
    row.available_until = available_until
    row.note = note
    session.flush()
    return RecordingInfo.of(row)


def delete_recording(session: Session, recording_id: int) -> None:
    """Deletes the link and its delivery log (the outbox keeps the mails themselves)."""
    session.delete(_recording(session, recording_id))
    session.flush()


def find_or_add_recording(
    session: Session,
    event_id: int,
    url: str,
    passcode: str | None = None,
    available_until: dt.date | None = None,
) -> RecordingInfo:
    """The event's link with this URL (updated with a passcode/date given), or a new one."""
    url = _check_url(url)
    row = session.scalars(
        select(RecordingLink).where(RecordingLink.event_id == event_id, RecordingLink.url == url)
    ).first()
    if row is None:
        return add_recording(session, event_id, url, passcode or "", available_until)
    if passcode is not None:
        row.passcode = passcode.strip()
    if available_until is not None:
        row.available_until = available_until
    session.flush()
    return RecordingInfo.of(row)
