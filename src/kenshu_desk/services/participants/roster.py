"""Gathering the people registered for an event, in print order (the documents stay pure)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from kenshu_desk.domain.japanese import fiscal_year, fiscal_year_label
from kenshu_desk.domain.models import (
    AttendanceState,
    Event,
    Organisation,
    Participant,
    Registration,
)
from kenshu_desk.domain.roster import (
    Roster,
    RosterEntry,
    RosterOrder,
    organisation_sort_key,
    sort_entries,
)
from kenshu_desk.services.timetable.events import NotFoundError


def event_roster(
    session: Session,
    event_id: int,
    order: RosterOrder = RosterOrder.ORGANISATION,
    *,
    as_of: dt.date | None = None,
) -> Roster:
    """Everyone registered for the event except cancelled registrations, sorted by order."""
    event = session.get(Event, event_id)
    if event is None:
        raise NotFoundError.of("participants.event_not_found", event_id=event_id)
    stmt = (
        select(Registration)
        .where(
            Registration.event_id == event_id,
            Registration.state != AttendanceState.CANCELLED.value,
        )
        .options(
            joinedload(Registration.participant)
            .joinedload(Participant.organisation)
            .joinedload(Organisation.municipality)
        )
    )
    keys: dict[int | None, tuple] = {}
    entries = []
    for registration in session.scalars(stmt):
        person = registration.participant
        org = person.organisation
        org_id = org.id if org is not None else None
        if org_id not in keys:
            keys[org_id] = organisation_sort_key(org)
        entries.append(
            RosterEntry(
                participant_id=person.id,
                name=person.name,
                reading=person.reading,
                organisation=org.name if org is not None else "",
                department=person.department,
                title=person.title,
                organisation_key=keys[org_id],
            )
        )
    title = f"{fiscal_year_label(fiscal_year(event.date))} {event.title}"
    return Roster(
        event_title=f"【中止】{title}" if event.cancelled else title,
        date=event.date,
        start=event.start_time,
        end=event.end_time,
        venue=event.venue,
        online_url=event.online_url,
        entries=tuple(sort_entries(entries, order)),
        order=order,
        as_of=as_of or dt.date.today(),
    )
