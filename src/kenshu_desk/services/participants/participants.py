"""The participant directory: snapshots for lists, search, editing, archive instead of delete.

A person with history (any registration) is archived, never destroyed: the attendance record
of past events must stay true. Deleting an event deletes its registrations, not its people.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, aliased

from kenshu_desk.domain.japanese import match_key, sort_key_from_match_keys
from kenshu_desk.domain.models import (
    ATTENDANCE_LABELS,
    AttendanceState,
    Event,
    Organisation,
    Participant,
    Registration,
)
from kenshu_desk.errors import UserError
from kenshu_desk.messages import Message, msg
from kenshu_desk.services.participants.import_rows import name_problem, one_line
from kenshu_desk.services.participants.organisations import OrganisationIndex
from kenshu_desk.services.participants.participant_import import clean_email, is_valid_email
from kenshu_desk.services.shared.slices import sorted_in_slices
from kenshu_desk.services.shared.versions import expect_version


@dataclass(slots=True)  # not frozen: a frozen __init__ costs 10 % of opening 20,000 rows
class DirectoryRow:
    id: int
    name: str
    reading: str
    organisation: str
    department: str
    title: str
    email: str
    phone: str
    archived: bool
    registered: int  # events registered for (cancellations included)
    attended: int  # events attended (venue or online)
    search_key: str  # match_key of everything one may type to find the person
    sort_key: tuple = ()  # 五十音 order of the reading (domain.japanese.reading_sort_key)


def search_key(*parts: str) -> str:
    # A separator that match_key keeps, so a word cannot match across two fields.
    return "\x1f".join(match_key(p) for p in parts if p)


def search_words(text: str) -> list[str]:
    """The words of a search box, as match keys (全角/半角, カタカナ/ひらがな alike)."""
    return [k for k in (match_key(w) for w in text.replace("\u3000", " ").split()) if k]


def filter_rows(rows: list[DirectoryRow], text: str) -> list[DirectoryRow]:
    words = search_words(text)
    return [r for r in rows if all(w in r.search_key for w in words)]


def directory_rows(
    session: Session, include_archived: bool = False, ids: list[int] | None = None
) -> list[DirectoryRow]:
    """Everyone (or ``ids``), in 五十音 order of the reading, with counts of registrations and
    attendance."""
    attended = (AttendanceState.ATTENDED_VENUE.value, AttendanceState.ATTENDED_ONLINE.value)
    counts = (
        select(
            Registration.participant_id.label("pid"),
            func.count(Registration.id).label("registered"),
            func.sum(case((Registration.state.in_(attended), 1), else_=0)).label("attended"),
        )
        .group_by(Registration.participant_id)
        .subquery()
    )
    parent = aliased(Organisation)
    stmt = (
        select(
            Participant.id,
            Participant.name,
            Participant.reading,
            Organisation.name,
            Participant.department,
            Participant.title,
            Participant.email,
            Participant.phone,
            Participant.archived,
            counts.c.registered,
            counts.c.attended,
            Organisation.kana,
            parent.kana,
        )
        .outerjoin(Organisation, Participant.organisation_id == Organisation.id)
        # A 社協 or centre belongs to its municipality: かわごえ finds 川越市社会福祉協議会 too.
        .outerjoin(parent, Organisation.municipality_id == parent.id)
        .outerjoin(counts, counts.c.pid == Participant.id)
    )
    if not include_archived:
        stmt = stmt.where(Participant.archived.is_(False))
    if ids is not None:
        stmt = stmt.where(Participant.id.in_(ids))
    rows = []
    org_keys: dict[str, str] = {}  # a few hundred organisations for thousands of people
    for (
        pid, name, reading, org, dept, title, email, phone, archived, reg, att, kana, parent_kana,
    ) in session.connection().execute(stmt):  # fmt: skip
        org = org or ""
        org_key = org_keys.get(org)
        if org_key is None:
            # The organisation's name and its reading (and its municipality's): 川越市, かわごえし.
            org_key = org_keys[org] = search_key(org, kana or "", parent_kana or "")
        name_key, reading_key = match_key(name), match_key(reading)
        rows.append(
            DirectoryRow(
                pid,
                name,
                reading,
                org,
                dept,
                title,
                email,
                phone,
                bool(archived),
                int(reg or 0),
                int(att or 0),
                "\x1f".join((name_key, reading_key, org_key, match_key(email), match_key(dept))),
                sort_key_from_match_keys(reading_key, name_key, name),
            )
        )
    return sorted_in_slices(rows, key=lambda r: r.sort_key)


def search_participants(
    session: Session, text: str, include_archived: bool = False
) -> list[DirectoryRow]:
    return filter_rows(directory_rows(session, include_archived), text)


@dataclass
class ParticipantData:
    """What the edit dialog shows and saves; organisation by name (resolved on save)."""

    name: str = ""
    reading: str = ""
    organisation: str = ""
    department: str = ""
    title: str = ""
    email: str = ""
    phone: str = ""
    notes: str = ""
    archived: bool = False


EDITED_FIELDS = (
    "name",
    "reading",
    "organisation",
    "department",
    "title",
    "email",
    "phone",
    "notes",
)


@dataclass(frozen=True)
class MergedEdit:
    """An edit made on an older version, put on top of what another organiser saved since."""

    data: ParticipantData
    taken: tuple[str, ...]  # fields only they changed: their value is in `data`
    clashes: tuple[tuple[str, str], ...]  # (field, their value): both changed it differently


def merge_edit(
    original: ParticipantData, mine: ParticipantData, theirs: ParticipantData
) -> MergedEdit:
    """Field by field: what only one side changed is kept; where both changed a field
    differently, mine stays in the form and theirs is reported, for the user to decide
    before saving again. Nothing is saved here."""
    values: dict[str, object] = {"archived": theirs.archived}
    taken: list[str] = []
    clashes: list[tuple[str, str]] = []
    for field in EDITED_FIELDS:
        before, my, their = (getattr(d, field) for d in (original, mine, theirs))
        if my == before:
            values[field] = their
            if their != before:
                taken.append(field)
        else:
            values[field] = my
            if their not in (before, my):
                clashes.append((field, their))
    return MergedEdit(ParticipantData(**values), tuple(taken), tuple(clashes))  # type: ignore[arg-type]


def get_participant(session: Session, participant_id: int) -> Participant:
    person = session.get(Participant, participant_id)
    if person is None:
        raise UserError.of("participants.participant_not_found", participant_id=participant_id)
    return person


def participant_data(session: Session, participant_id: int) -> ParticipantData:
    p = get_participant(session, participant_id)
    return ParticipantData(
        p.name,
        p.reading,
        p.organisation_name,
        p.department,
        p.title,
        p.email,
        p.phone,
        p.notes,
        p.archived,
    )


def validate(data: ParticipantData) -> list[Message]:
    problems = []
    if not data.name.strip():
        problems.append(msg("participants.name_required"))
    elif (problem := name_problem(data.name.strip())) is not None:
        problems.append(problem)  # only invisible characters, a line break, RLO …
    email = clean_email(data.email)
    if email and not is_valid_email(email):
        problems.append(msg("participants.invalid_email", email=email))
    return problems


def participant_version(session: Session, participant_id: int) -> int:
    """The row version an edit dialog reads with the data (team mode: checked on save)."""
    return get_participant(session, participant_id).version


def save_participant(
    session: Session,
    data: ParticipantData,
    participant_id: int | None = None,
    *,
    expected_version: int | None = None,
) -> int:
    """Create or update; the organisation is found by name or created. Returns the id.

    `expected_version`: the version the editor read; refused (ConcurrentEditError) if
    another organiser saved the person since, so their change is not overwritten."""
    problems = validate(data)
    if problems:
        raise UserError(problems[0])
    person = get_participant(session, participant_id) if participant_id else Participant()
    if participant_id:
        expect_version(person, expected_version)
    person.name = data.name.strip()
    person.reading = data.reading.strip()
    person.department = one_line(data.department).strip()
    person.title = one_line(data.title).strip()
    person.email = clean_email(data.email)
    person.phone = data.phone.strip()
    person.notes = data.notes
    person.organisation_id = _organisation_id(session, one_line(data.organisation))
    if participant_id is None:
        session.add(person)
    session.flush()
    return person.id


def _organisation_id(session: Session, written: str) -> int | None:
    res = OrganisationIndex(session).resolve(written)
    if res is None:
        return None
    if res.existing_id is not None:
        return res.existing_id
    org = Organisation(
        name=res.new_name or written.strip(),
        category=res.category,
        municipality_id=res.municipality_id,
    )
    session.add(org)
    session.flush()
    return org.id


def organisation_names(session: Session) -> list[str]:
    """For the organisation field's completer: municipalities in code order, then the rest."""
    rows = session.execute(select(Organisation.name, Organisation.lgcode)).all()
    return [n for n, _ in sorted(rows, key=lambda r: (r[1] is None, r[1] or "", match_key(r[0])))]


def set_archived(session: Session, participant_id: int, archived: bool = True) -> None:
    get_participant(session, participant_id).archived = archived
    session.flush()


def delete_participant(session: Session, participant_id: int) -> None:
    """Delete a person without history; one with registrations must be archived instead."""
    person = get_participant(session, participant_id)
    n = session.scalar(
        select(func.count(Registration.id)).where(Registration.participant_id == participant_id)
    )
    if n:
        raise UserError.of("participants.has_history", name=person.name, count=n)
    session.delete(person)
    session.flush()


@dataclass(frozen=True)
class HistoryRow:
    event_id: int
    date: dt.date  # worded by the window (和暦 or English)
    title: str
    state: str  # the Japanese label
    minutes_online: int | None


def participant_history(session: Session, participant_id: int) -> list[HistoryRow]:
    """The events a person registered for, newest first, with the attendance state."""
    rows = session.execute(
        select(Event.id, Event.date, Event.title, Registration.state, Registration.minutes_online)
        .join(Registration.event)
        .where(Registration.participant_id == participant_id)
        .order_by(Event.date.desc(), Event.start_time.desc())
    ).all()
    return [
        HistoryRow(eid, d, title, state_label(state), minutes)
        for eid, d, title, state, minutes in rows
    ]


def state_label(state: str) -> str:
    try:
        return ATTENDANCE_LABELS[AttendanceState(state)]
    except ValueError:
        return state
