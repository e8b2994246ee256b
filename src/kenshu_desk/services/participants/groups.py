"""Discussion groups for an event: who takes part, fed to the dealing rule in domain.groups."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from kenshu_desk.domain.groups import STAFF_CATEGORIES, Group, GroupMember, assign_groups
from kenshu_desk.domain.japanese import match_key
from kenshu_desk.domain.models import (
    AttendanceState,
    Event,
    ItemPresenter,
    Organisation,
    Participant,
    ProgrammeItem,
    Registration,
    Speaker,
    SpeakerKind,
)
from kenshu_desk.errors import UserError
from kenshu_desk.services.timetable.events import NotFoundError

# Groups are made before the day (from registrations) or on the day: everyone registered,
# except cancelled registrations and people already marked absent.
LEFT_OUT = (AttendanceState.CANCELLED.value, AttendanceState.ABSENT.value)


def size_class(org: Organisation | None) -> str:
    """政令指定都市 / 中核市 / 市 / 町 / 村 for a municipality (or a body belonging to one)."""
    if org is None:
        return ""
    town = org if org.is_municipality else org.municipality
    if town is None:
        return ""
    return town.designation if town.designation else town.municipality_kind


def _presenter_keys(session: Session, event_id: int) -> set[str]:
    """The names (matching keys) of the people presenting at the event."""
    names = session.scalars(
        select(Speaker.name)
        .join(ItemPresenter, ItemPresenter.speaker_id == Speaker.id)
        .join(ProgrammeItem, ItemPresenter.item_id == ProgrammeItem.id)
        .where(ProgrammeItem.event_id == event_id, Speaker.kind == SpeakerKind.PERSON.value)
    )
    return {match_key(name) for name in names if name}


def group_members(session: Session, event_id: int) -> list[GroupMember]:
    if session.get(Event, event_id) is None:
        raise NotFoundError.of("participants.event_not_found", event_id=event_id)
    stmt = (
        select(Registration)
        .where(Registration.event_id == event_id, Registration.state.not_in(LEFT_OUT))
        .options(
            joinedload(Registration.participant)
            .joinedload(Participant.organisation)
            .joinedload(Organisation.municipality)
        )
        .order_by(Registration.participant_id)
    )
    presenters = _presenter_keys(session, event_id)
    members = []
    for registration in session.scalars(stmt):
        person = registration.participant
        org = person.organisation
        members.append(
            GroupMember(
                participant_id=person.id,
                name=person.name,
                organisation=person.organisation_name,
                size_class=size_class(org),
                # Prefecture staff and the event's own speakers (registered as participants
                # too) are spread over the groups, one a group while there are enough.
                staff=(org is not None and org.category in STAFF_CATEGORIES)
                or match_key(person.name) in presenters,
            )
        )
    return members


def event_groups(session: Session, event_id: int, count: int, seed: int = 0) -> list[Group]:
    members = group_members(session, event_id)
    if count < 1 or count > max(len(members), 1):
        raise UserError.of("groups.bad_count", count=count, people=len(members))
    return assign_groups(members, count, seed)
