"""Calls the window makes: each opens its own session and returns plain data.

For the two import dialogs: the participant list wizard (events to register for, the preview,
the commit — the last two run on the wizard's worker) and the attendance report dialog (its
event, the plan, applying it — on the GUI thread). One call is one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypedDict

from kenshu_desk.database import Database
from kenshu_desk.services.participants.attendance_matching import (
    AttendancePlan,
    AttendanceResult,
    apply_attendance,
    plan_attendance,
)
from kenshu_desk.services.participants.attendance_reports import AttendanceReport
from kenshu_desk.services.participants.participant_import import (
    ImportPreview,
    ImportResult,
    ParticipantImport,
    Progress,
)
from kenshu_desk.services.participants.registrations import get_event
from kenshu_desk.services.timetable.events import list_events

# --- the participant list wizard -------------------------------------------------------------


@dataclass(frozen=True)
class EventChoice:
    """An event the imported people may be registered for."""

    id: int
    date: dt.date
    title: str


def event_choices(db: Database) -> list[EventChoice]:
    """Every event, newest first."""
    with db.session() as s:
        return [EventChoice(e.id, e.date, e.title) for e in list_events(s)]


def preview_import(
    db: Database, importer: ParticipantImport, event_id: int | None
) -> ImportPreview:
    """What the import would do, row by row; writes nothing."""
    with db.session() as s:
        return importer.preview(s, event_id)


def commit_import(
    db: Database,
    importer: ParticipantImport,
    *,
    event_id: int | None,
    skip_errors: bool,
    preview: ImportPreview,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportResult:
    """Apply the confirmed preview in one transaction: all or nothing (cancel rolls back)."""
    with db.session() as s:
        return importer.commit(
            s,
            event_id=event_id,
            skip_errors=skip_errors,
            progress=progress,
            cancelled=cancelled,
            preview=preview,
        )


# --- the attendance report dialog ------------------------------------------------------------


class AttendanceOptions(TypedDict):
    """The dialog's choices, as plan_attendance / apply_attendance take them."""

    threshold_pct: float
    mark_missing_absent: bool
    assignments: dict[int, int]
    additions: set[int]
    allow_lower: bool


@dataclass(frozen=True)
class AttendanceEvent:
    """What the dialog shows of its event: the parts of its heading (the window words them)."""

    title: str
    date: dt.date
    start: dt.time
    end: dt.time
    online_only: bool  # no venue: people missing from the report are absent by default


def attendance_event(db: Database, event_id: int) -> AttendanceEvent:
    """UserError when the event is gone."""
    with db.session() as s:
        event = get_event(s, event_id)
        return AttendanceEvent(
            event.title, event.date, event.start_time, event.end_time, not event.venue
        )


def plan_report(
    db: Database, event_id: int, report: AttendanceReport, options: AttendanceOptions
) -> AttendancePlan:
    """What applying ``report`` would change; writes nothing."""
    with db.session() as s:
        return plan_attendance(s, event_id, report, **options)


def apply_report(
    db: Database, event_id: int, report: AttendanceReport, options: AttendanceOptions
) -> AttendanceResult:
    """Plan again and apply the whole plan in one transaction."""
    with db.session() as s:
        return apply_attendance(s, event_id, report, **options)
