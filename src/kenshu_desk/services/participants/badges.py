"""The people to print name cards / table tents for: everyone registered for the event except
cancelled registrations and people already marked absent, in participant order."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from kenshu_desk.domain.models import Event, Participant, Registration
from kenshu_desk.services.participants.groups import LEFT_OUT
from kenshu_desk.services.timetable.events import NotFoundError


def badge_people(session: Session, event_id: int) -> list[tuple[str, str, str]]:
    """(name, reading, organisation) per person."""
    if session.get(Event, event_id) is None:
        raise NotFoundError.of("participants.event_not_found", event_id=event_id)
    stmt = (
        select(Registration)
        .where(Registration.event_id == event_id, Registration.state.not_in(LEFT_OUT))
        .options(joinedload(Registration.participant).joinedload(Participant.organisation))
        .order_by(Registration.participant_id)
    )
    return [
        (r.participant.name, r.participant.reading, r.participant.organisation_name)
        for r in session.scalars(stmt)
    ]
