"""Registrations of one event: the list, add/remove, attendance states, check-in.

Each function is one small step inside the caller's transaction; the UI wraps each user
action in ``with db.session()`` and keeps what it needs to undo it (the old state, or the
removed registration) — see ``RemovedRegistration``.

Team mode: two organisers may work on the same event's list at once. A person is
registered once (a unique constraint; the second organiser's insert is refused, not
doubled), and a change of a registration can carry the version the screen showed
(`VersionOf`): if another organiser changed that registration since, it is refused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased, selectinload

from kenshu_desk.database import ConcurrentEditError
from kenshu_desk.domain.japanese import reading_sort_key
from kenshu_desk.domain.models import (
    AttendanceState,
    Event,
    Organisation,
    Participant,
    Registration,
)
from kenshu_desk.errors import UserError
from kenshu_desk.services.participants.participants import search_key, state_label
from kenshu_desk.services.shared.versions import expect_version

# The version a registration may have for a change to apply to it (None: any).
VersionOf = Callable[[Registration], int | None]


@dataclass(frozen=True, slots=True)
class RegistrationRow:
    id: int
    participant_id: int
    name: str
    reading: str
    organisation: str
    department: str
    title: str
    email: str
    state: str
    minutes_online: int | None
    note: str
    search_key: str
    version: int = 0  # the registration's row version read (team mode)

    @property
    def state_label(self) -> str:
        return state_label(self.state)


def get_event(session: Session, event_id: int) -> Event:
    event = session.get(Event, event_id)
    if event is None:
        raise UserError.of("participants.event_not_found", event_id=event_id)
    return event


def event_with_registrations(session: Session, event_id: int) -> Event:
    """The event with registrations, people and organisations loaded (for exports)."""
    event = session.get(
        Event,
        event_id,
        options=[
            selectinload(Event.registrations)
            .selectinload(Registration.participant)
            .selectinload(Participant.organisation)
            .selectinload(Organisation.municipality)
        ],
    )
    if event is None:
        raise UserError.of("participants.event_not_found", event_id=event_id)
    return event


def registration_rows(session: Session, event_id: int) -> list[RegistrationRow]:
    """The event's registrations in 五十音 order of the reading."""
    get_event(session, event_id)
    parent = aliased(Organisation)  # a 社協's municipality: かわごえ finds its people too
    stmt = (
        select(Registration, Participant, Organisation.name, Organisation.kana, parent.kana)
        .join(Registration.participant)
        .outerjoin(Organisation, Participant.organisation_id == Organisation.id)
        .outerjoin(parent, Organisation.municipality_id == parent.id)
        .where(Registration.event_id == event_id)
    )
    rows = []
    for reg, p, org, kana, parent_kana in session.execute(stmt):
        rows.append(
            RegistrationRow(
                reg.id,
                p.id,
                p.name,
                p.reading,
                org or "",
                p.department,
                p.title,
                p.email,
                reg.state,
                reg.minutes_online,
                reg.note,
                search_key(p.name, p.reading, org or "", kana or "", parent_kana or "", p.email),
                reg.version,
            )
        )
    rows.sort(key=lambda r: reading_sort_key(r.reading, r.name))
    return rows


def register(session: Session, event_id: int, participant_ids: Iterable[int]) -> list[int]:
    """Register people; those already registered are left as they are. Returns new reg ids.

    When another organiser registers the same person at the same moment, the unique
    constraint refuses the second insert: ConcurrentEditError, nothing of this call saved."""
    get_event(session, event_id)
    already = set(
        session.scalars(
            select(Registration.participant_id).where(Registration.event_id == event_id)
        )
    )
    added = []
    for pid in dict.fromkeys(participant_ids):
        if pid in already:
            continue
        if session.get(Participant, pid) is None:
            raise UserError.of("participants.participant_not_found", participant_id=pid)
        reg = Registration(event_id=event_id, participant_id=pid)
        session.add(reg)
        try:
            session.flush()
        except IntegrityError as exc:
            if _is_duplicate(session, event_id, pid):
                raise ConcurrentEditError() from exc
            # Otherwise the person or the event was deleted meanwhile (a foreign key).
            raise UserError.of("registrations.deleted_meanwhile") from exc
        added.append(reg.id)
    return added


def _is_duplicate(session: Session, event_id: int, participant_id: int) -> bool:
    """After a failed insert: was it the (event, person) pair registered meanwhile?"""
    session.rollback()  # the failed transaction reads nothing more (PostgreSQL)
    found = session.scalar(
        select(Registration.id).where(
            Registration.event_id == event_id, Registration.participant_id == participant_id
        )
    )
    return found is not None


def _expect(reg: Registration, version_of: VersionOf | None) -> None:
    if version_of is not None:
        expect_version(reg, version_of(reg))


@dataclass(frozen=True)
class RemovedRegistration:
    """Everything needed to put a removed registration back (undo)."""

    event_id: int
    participant_id: int
    state: str
    minutes_online: int | None
    note: str
    registered_at: dt.datetime


def get_registration(session: Session, registration_id: int) -> Registration:
    reg = session.get(Registration, registration_id)
    if reg is None:
        raise UserError.of("registrations.already_removed")
    return reg


def unregister(
    session: Session, registration_id: int, version_of: VersionOf | None = None
) -> RemovedRegistration:
    reg = get_registration(session, registration_id)
    _expect(reg, version_of)
    removed = RemovedRegistration(
        reg.event_id, reg.participant_id, reg.state, reg.minutes_online, reg.note, reg.registered_at
    )
    session.delete(reg)
    session.flush()
    return removed


def restore_registration(session: Session, removed: RemovedRegistration) -> int:
    existing = session.scalar(
        select(Registration).where(
            Registration.event_id == removed.event_id,
            Registration.participant_id == removed.participant_id,
        )
    )
    if existing is not None:
        return existing.id
    reg = Registration(
        event_id=removed.event_id,
        participant_id=removed.participant_id,
        state=removed.state,
        minutes_online=removed.minutes_online,
        note=removed.note,
        registered_at=removed.registered_at,
    )
    session.add(reg)
    session.flush()
    return reg.id


def registration_of(session: Session, event_id: int, participant_id: int) -> Registration:
    """The registration of a person for an event (undo commands keep these two ids, which
    survive a remove-and-restore, unlike the registration's own id)."""
    reg = session.scalar(
        select(Registration).where(
            Registration.event_id == event_id, Registration.participant_id == participant_id
        )
    )
    if reg is None:
        raise UserError.of("registrations.already_removed")
    return reg


def set_states(
    session: Session,
    event_id: int,
    states: Iterable[tuple[int, AttendanceState | str]],
    version_of: VersionOf | None = None,
) -> None:
    """Set several people's states at once (participant id, state)."""
    for pid, state in states:
        reg = registration_of(session, event_id, pid)
        _expect(reg, version_of)
        reg.state = AttendanceState(state).value
    session.flush()


def unregister_people(
    session: Session,
    event_id: int,
    participant_ids: Iterable[int],
    version_of: VersionOf | None = None,
) -> list[RemovedRegistration]:
    return [
        unregister(session, registration_of(session, event_id, pid).id, version_of)
        for pid in participant_ids
    ]


def state_counts(rows: Iterable[RegistrationRow]) -> dict[str, int]:
    counts = {s.value: 0 for s in AttendanceState}
    for r in rows:
        counts[r.state] = counts.get(r.state, 0) + 1
    return counts
