"""Reading events: lists, the computed schedule, and the JSON shape of the command line."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from kenshu_desk.domain.japanese import fiscal_year
from kenshu_desk.domain.models import (
    Event,
    ItemPresenter,
    Participant,
    ProgrammeItem,
    Registration,
)
from kenshu_desk.domain.programme import event_schedule
from kenshu_desk.errors import UserError
from kenshu_desk.messages import Message, msg


class NotFoundError(UserError):
    """An id the user named does not exist; the message is for the user."""


def joined(parts: Sequence[Message | str]) -> Message | str:
    """Parts as one list, "a、b、c" (in English "a, b, c"), worded where it is shown."""
    if not parts:
        return ""
    result = parts[-1]
    for part in reversed(parts[:-1]):
        result = msg("timetable.list_pair", first=part, rest=result)
    return result


def _with_programme():  # type: ignore[no-untyped-def]
    return (
        selectinload(Event.items)
        .selectinload(ProgrammeItem.presenters)
        .selectinload(ItemPresenter.speaker)
    )


def get_event_joined(session: Session, event_id: int) -> Event:
    """The event and its whole programme in one statement (joins, not one query per level):
    what the window shows when the user picks an event, where each query is a round trip."""
    programme = (
        joinedload(Event.items)
        .joinedload(ProgrammeItem.presenters)
        .joinedload(ItemPresenter.speaker)
    )
    event = session.get(Event, event_id, options=[programme])
    if event is None:
        raise NotFoundError.of("events.not_found", event_id=event_id)
    return event


def list_events(session: Session) -> list[Event]:
    """Newest first, programme loaded."""
    stmt = (
        select(Event)
        .options(_with_programme())
        .order_by(Event.date.desc(), Event.start_time.desc(), Event.id.desc())
    )
    return list(session.scalars(stmt))


def get_event(session: Session, event_id: int) -> Event:
    event = session.get(Event, event_id, options=[_with_programme()])
    if event is None:
        raise NotFoundError.of("events.not_found", event_id=event_id)
    return event


def get_event_with_registrants(session: Session, event_id: int) -> Event:
    """The event with its programme and every registration's person loaded in a fixed number
    of queries (mail runs read each recipient; one query per person is a round trip each)."""
    people = (
        selectinload(Event.registrations)
        .selectinload(Registration.participant)
        .selectinload(Participant.organisation)
    )
    event = session.get(Event, event_id, options=[_with_programme(), people])
    if event is None:
        raise NotFoundError.of("events.not_found", event_id=event_id)
    return event


def event_to_dict(event: Event) -> dict[str, Any]:
    schedule = event_schedule(event)
    programme = []
    for item, slot in zip(event.items, schedule.slots, strict=True):
        programme.append(
            {
                "start": slot.start_time.strftime("%H:%M"),
                "end": slot.end_time.strftime("%H:%M"),
                "minutes": item.minutes,
                "item_type": item.item_type,
                "title": item.title,
                "description": item.description,
                "fixed_start": item.fixed_start.strftime("%H:%M") if item.fixed_start else None,
                "presenters": [p.display() for p in item.presenters],
            }
        )
    return {
        "id": event.id,
        "kind": event.kind,
        "title": event.title,
        "date": event.date.isoformat(),
        "start": event.start_time.strftime("%H:%M"),
        "end": event.end_time.strftime("%H:%M"),
        "venue": event.venue,
        "online_url": event.online_url,
        "target_audience": event.target_audience,
        "organiser": event.organiser_name,
        "fiscal_year": fiscal_year(event.date),
        "cancelled": event.cancelled,
        "programme": programme,
        "issues": [issue.message() for issue in schedule.issues],
    }
