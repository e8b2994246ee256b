"""Calls the window makes: each opens its own session, is one transaction, returns plain data.

The 参加者 windows (registrations, reception desk, the participant form and picker, the
coverage table) call these instead of opening sessions themselves; one call is one user
action, committed whole or not at all. Team-mode checks (`VersionOf`, `expected_version`)
pass through unchanged: a refused change raises ConcurrentEditError, a missing row UserError.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kenshu_desk.database import Database
from kenshu_desk.documents.attendance_export import write_attendance
from kenshu_desk.domain.models import AttendanceState
from kenshu_desk.services.participants import registrations as regs
from kenshu_desk.services.participants.coverage import (
    Basis,
    Coverage,
    fiscal_year_coverage,
    fiscal_years_with_events,
)
from kenshu_desk.services.participants.participants import (
    DirectoryRow,
    ParticipantData,
    directory_rows,
    organisation_names,
    participant_data,
    participant_version,
    save_participant,
)

# --- one event's registrations ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EventLabel:
    """How a window names an event: its title (file names) and, for its heading, its day and
    hours (the window words them in its language)."""

    title: str
    date: dt.date
    start: dt.time
    end: dt.time


def event_label(db: Database, event_id: int) -> EventLabel:
    """UserError when the event does not exist."""
    with db.session() as s:
        event = regs.get_event(s, event_id)
        return EventLabel(event.title, event.date, event.start_time, event.end_time)


def registration_list(db: Database, event_id: int) -> list[regs.RegistrationRow]:
    """The event's registrations in 五十音 order of the reading."""
    with db.session() as s:
        return regs.registration_rows(s, event_id)


def set_attendance(
    db: Database,
    event_id: int,
    states: Iterable[tuple[int, AttendanceState | str]],
    version_of: regs.VersionOf | None = None,
) -> None:
    """Set several people's states (participant id, state): all of them, or none."""
    with db.session() as s:
        regs.set_states(s, event_id, states, version_of)


def add_registrations(db: Database, event_id: int, participant_ids: list[int]) -> list[int]:
    """Register people; returns those this call registered (not those already in), in order."""
    with db.session() as s:
        new_ids = set(regs.register(s, event_id, participant_ids))
        return [
            pid for pid in participant_ids if regs.registration_of(s, event_id, pid).id in new_ids
        ]


def remove_registrations(
    db: Database,
    event_id: int,
    participant_ids: Iterable[int],
    version_of: regs.VersionOf | None = None,
) -> list[regs.RemovedRegistration]:
    """Remove people's registrations, all or none; what is returned puts them back."""
    with db.session() as s:
        return regs.unregister_people(s, event_id, participant_ids, version_of)


def restore_registrations(db: Database, removed: Iterable[regs.RemovedRegistration]) -> None:
    """Put removed registrations back (undo of a removal), in one transaction."""
    with db.session() as s:
        for registration in removed:
            regs.restore_registration(s, registration)


def export_attendance(db: Database, event_id: int, path: Path) -> int:
    """Write the event's attendance list (.xlsx or .csv); returns the rows written."""
    with db.session() as s:
        return write_attendance(regs.event_with_registrations(s, event_id), path)


# --- the directory and the participant form -----------------------------------------------


def directory_list(db: Database) -> list[DirectoryRow]:
    """Everyone not archived, in 五十音 order of the reading."""
    with db.session() as s:
        return directory_rows(s)


@dataclass(frozen=True, slots=True)
class ParticipantForm:
    """What the participant form opens with."""

    data: ParticipantData
    version: int | None  # team mode: the save applies to this version (None: a new person)
    organisations: list[str]  # the completer's choices


def participant_form(db: Database, participant_id: int | None) -> ParticipantForm:
    """An existing person's data and version, or an empty form; UserError when gone."""
    with db.session() as s:
        data = participant_data(s, participant_id) if participant_id else ParticipantData()
        version = participant_version(s, participant_id) if participant_id else None
        return ParticipantForm(data, version, organisation_names(s))


def latest_participant(db: Database, participant_id: int) -> tuple[ParticipantData, int]:
    """A person as saved now, with the version (after another organiser's save)."""
    with db.session() as s:
        return participant_data(s, participant_id), participant_version(s, participant_id)


def save_participant_form(
    db: Database,
    data: ParticipantData,
    participant_id: int | None,
    expected_version: int | None,
) -> int:
    """Save a new or edited person; returns the id. ConcurrentEditError: saved meanwhile."""
    with db.session() as s:
        return save_participant(s, data, participant_id, expected_version=expected_version)


# --- municipal coverage -------------------------------------------------------------------


def coverage_years(db: Database) -> list[int]:
    """The fiscal years that have events, newest first."""
    with db.session() as s:
        return fiscal_years_with_events(s)


def year_coverage(db: Database, fiscal_year: int, basis: Basis = "attended") -> Coverage:
    """Which municipalities took part in the year's events."""
    with db.session() as s:
        return fiscal_year_coverage(s, fiscal_year, basis=basis)
