"""Creating, changing, duplicating and deleting events.

As in programme_edit, each function runs inside the caller's transaction and returns what an
undo needs. A change of date, time or place raises the calendar SEQUENCE (never lowers it,
not even on undo), so that an invitation sent later replaces the one already in calendars.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kenshu_desk.database import ConcurrentEditError
from kenshu_desk.domain.models import (
    Event,
    EventKind,
    OutboxMessage,
    ProgrammeItem,
    RecordingLink,
    Registration,
)
from kenshu_desk.domain.validation import is_meeting_url, is_valid_email
from kenshu_desk.errors import UserError
from kenshu_desk.messages import Message, msg
from kenshu_desk.services.shared.versions import expect_version
from kenshu_desk.services.timetable.events import NotFoundError, joined
from kenshu_desk.services.timetable.programme_edit import (
    ItemData,
    apply_presenters,
    check_speakers_exist,
)

EVENT_KINDS: tuple[str, ...] = tuple(k.value for k in EventKind)
EVENT_FIELDS: tuple[str, ...] = (
    "kind",
    "title",
    "date",
    "start_time",
    "end_time",
    "venue",
    "online_url",
    "target_audience",
    "organiser_name",
    "organiser_email",
    "organiser_contact",
    "notes",
    "agenda_notes",
    "cancelled",
)
# A change to one of these makes invitations already sent out of date.
CALENDAR_FIELDS = frozenset(
    {"title", "date", "start_time", "end_time", "venue", "online_url", "cancelled"}
)
_TEXT_LIMITS = {
    "kind": 40,
    "title": 300,
    "venue": 300,
    "online_url": 1000,
    "target_audience": 500,
    "organiser_name": 200,
    "organiser_email": 320,
}
NEW_EVENT_TITLE = "新しい行事"


def default_fields(day: dt.date) -> dict[str, Any]:
    """A new event: an afternoon 研修 on `day`, to be renamed at once."""
    return {
        "kind": EventKind.TRAINING.value,
        "title": NEW_EVENT_TITLE,
        "date": day,
        "start_time": dt.time(13, 30),
        "end_time": dt.time(16, 30),
    }


def _check_field(name: str, value: Any) -> Any:
    if name not in EVENT_FIELDS:
        raise UserError.of("events.unknown_field", name=name)
    if name == "date":
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            raise UserError.of("events.bad_date")
        return value
    if name in ("start_time", "end_time"):
        if not isinstance(value, dt.time):
            raise UserError.of("events.bad_time")
        return value.replace(second=0, microsecond=0)
    if name == "cancelled":
        return bool(value)
    if not isinstance(value, str):
        raise UserError.of("timetable.text_expected")
    if name in ("kind", "title"):
        value = value.strip()
        if not value:
            if name == "title":
                raise UserError.of("events.title_required")
            raise UserError.of("timetable.kind_required")
        if "\n" in value or "\r" in value:
            # The title is the invitation's Subject: a line break there cannot be sent.
            raise UserError.of("events.single_line")
    if name == "online_url":
        value = value.strip()
        if any(c.isspace() or ord(c) < 32 for c in value):
            raise UserError.of("events.url_whitespace")
        if value and not is_meeting_url(value):
            raise UserError.of("events.url_not_https")
    if name == "organiser_email":
        value = value.strip()
        if value and not is_valid_email(value):  # the sender's rule (domain/validation.py)
            raise UserError.of("timetable.email_invalid", address=value)
    limit = _TEXT_LIMITS.get(name)
    if limit is not None and len(value) > limit:
        raise UserError.of("timetable.too_long", limit=limit)
    return value


def _check_times(start: dt.time, end: dt.time) -> None:
    if end <= start:
        raise UserError.of("events.end_before_start")


def _event(session: Session, event_id: int) -> Event:
    event = session.get(Event, event_id)
    if event is None:
        raise NotFoundError.of("events.not_found", event_id=event_id)
    return event


def create_event(session: Session, fields: Mapping[str, Any]) -> int:
    """A new event with SEQUENCE 0 and a fresh calendar UID; returns its id."""
    values = {name: _check_field(name, value) for name, value in fields.items()}
    for required in ("title", "date", "start_time", "end_time"):
        if required not in values:
            raise UserError.of("events.required_fields")
    _check_times(values["start_time"], values["end_time"])
    event = Event(**values)
    session.add(event)
    session.flush()
    return event.id


def update_event(
    session: Session,
    event_id: int,
    changes: Mapping[str, Any],
    *,
    expected_version: int | None = None,
) -> dict[str, Any]:
    """Change some fields at once; returns their previous values (for undo).

    `expected_version`: the version the user saw; refused if the event changed since."""
    event = _event(session, event_id)
    expect_version(event, expected_version)
    checked = {name: _check_field(name, value) for name, value in changes.items()}
    _check_times(
        checked.get("start_time", event.start_time), checked.get("end_time", event.end_time)
    )
    previous = {name: getattr(event, name) for name in checked}
    changed = {name for name, value in checked.items() if previous[name] != value}
    for name in changed:
        setattr(event, name, checked[name])
    if changed & CALENDAR_FIELDS:
        event.calendar_sequence += 1
    session.flush()
    return previous


def duplicate_event(
    session: Session, event_id: int, new_date: dt.date, title: str | None = None
) -> int:
    """Copy an event and its whole programme (presenters, pins) to a new date.

    The copy is a new calendar event (new UID, SEQUENCE 0), not cancelled, with no
    registrations or recordings: organisers reuse last year's 研修 as a template.
    """
    source = _event(session, event_id)
    values = {name: getattr(source, name) for name in EVENT_FIELDS}
    values["date"] = new_date
    values["cancelled"] = False
    if title is not None:
        values["title"] = title
    new_id = create_event(session, values)
    copy = _event(session, new_id)
    for position, item in enumerate(source.items):
        data = ItemData.of(item)
        new_item = ProgrammeItem(
            position=position,
            item_type=data.item_type,
            title=data.title,
            description=data.description,
            minutes=data.minutes,
            fixed_start=data.fixed_start,
        )
        apply_presenters(new_item, data.presenters)
        copy.items.append(new_item)
    session.flush()
    return new_id


@dataclass(frozen=True)
class Dependents:
    """What else hangs on an event besides its programme."""

    registrations: int
    recordings: int
    messages: int

    @property
    def none(self) -> bool:
        return not (self.registrations or self.recordings or self.messages)

    def worded(self) -> Message | str:
        parts: list[Message | str] = []
        if self.registrations:
            parts.append(msg("events.registrations", count=self.registrations))
        if self.recordings:
            parts.append(msg("events.recordings", count=self.recordings))
        if self.messages:
            parts.append(msg("events.sent_messages", count=self.messages))
        return joined(parts)

    def describe(self) -> str:
        """The list in the program's language (the window puts it into its question)."""
        return str(self.worded())


def event_dependents(session: Session, event_id: int) -> Dependents:
    def count(column: Any) -> int:
        return session.scalar(select(func.count()).where(column == event_id)) or 0

    return Dependents(
        registrations=count(Registration.event_id),
        recordings=count(RecordingLink.event_id),
        messages=count(OutboxMessage.event_id),
    )


@dataclass(frozen=True)
class EventSnapshot:
    """An event with its programme, enough to put it back with the same ids and UID."""

    id: int
    fields: tuple[tuple[str, Any], ...]
    calendar_uid: str
    calendar_sequence: int
    created_at: dt.datetime
    items: tuple[tuple[int, ItemData], ...]

    @property
    def title(self) -> str:
        return dict(self.fields)["title"]


def snapshot_event(session: Session, event_id: int) -> EventSnapshot:
    event = _event(session, event_id)
    return EventSnapshot(
        id=event.id,
        fields=tuple((name, getattr(event, name)) for name in EVENT_FIELDS),
        calendar_uid=event.calendar_uid,
        calendar_sequence=event.calendar_sequence,
        created_at=event.created_at,
        items=tuple((item.id, ItemData.of(item)) for item in event.items),
    )


def delete_event(
    session: Session,
    event_id: int,
    *,
    force: bool = False,
    expected_version: int | None = None,
    expected_items: Mapping[int, int] | None = None,
) -> EventSnapshot:
    """Delete an event and its programme; returns a snapshot for undo.

    Registrations, recordings and sent-mail records cannot be brought back by an undo, so an
    event that has any is deleted only with `force` (the window asks first and says so).
    Team mode: with the event version and the {item id: version} the screen showed, an
    event that another organiser changed since (its fields or its programme) is not deleted.
    """
    event = _event(session, event_id)
    expect_version(event, expected_version)
    if expected_items is not None and {i.id: i.version for i in event.items} != dict(
        expected_items
    ):
        raise ConcurrentEditError()
    dependents = event_dependents(session, event_id)
    if not dependents.none and not force:
        raise UserError.of("events.has_dependents", dependents=dependents.worded())
    snapshot = snapshot_event(session, event_id)
    session.delete(event)
    session.flush()
    return snapshot


def restore_event(session: Session, snapshot: EventSnapshot) -> int:
    """Put a deleted (or undone) event back with its id, UID and programme item ids."""
    if session.get(Event, snapshot.id) is not None:
        raise UserError.of("events.id_exists", event_id=snapshot.id)
    fields = dict(snapshot.fields)
    event = Event(
        id=snapshot.id,
        calendar_uid=snapshot.calendar_uid,
        calendar_sequence=snapshot.calendar_sequence,
        created_at=snapshot.created_at,
        **fields,
    )
    for position, (item_id, data) in enumerate(snapshot.items):
        check_speakers_exist(session, data.presenters)
        item = ProgrammeItem(
            id=item_id,
            position=position,
            item_type=data.item_type,
            title=data.title,
            description=data.description,
            minutes=data.minutes,
            fixed_start=data.fixed_start,
        )
        apply_presenters(item, data.presenters)
        event.items.append(item)
    session.add(event)
    session.flush()
    return event.id
