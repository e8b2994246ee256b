"""Calls the window makes: each opens its own session, is one transaction, returns plain data.

The 年間 windows (the year at a glance, each municipality's record, the progress table and
the dispatch dialog) call these instead of opening sessions themselves. Team-mode checks
pass through unchanged: a refused change raises ConcurrentEditError (StaleRecordError for
a municipality record), a missing row UserError.
"""

from __future__ import annotations

from kenshu_desk.database import Database
from kenshu_desk.domain.progress import MunicipalityOverview, ProgressTable
from kenshu_desk.services.year.dispatches import (
    DispatchChoices,
    DispatchEntry,
    DispatchInput,
    StoredDispatch,
    add_dispatch,
    dispatch_choices,
    dispatches_by_municipality,
    dispatches_for,
    get_dispatch,
    update_dispatch,
)
from kenshu_desk.services.year.municipality_records import (
    AttendedEvent,
    CarryForwardReport,
    RecordInput,
    attended_events,
    carry_forward,
    overview,
    save_record,
)
from kenshu_desk.services.year.progress import progress_table, recorded_fiscal_years
from kenshu_desk.services.year.year_view import YearPlan, year_plan

# --- the year at a glance and the progress table --------------------------------------------


def plan_of_year(db: Database, fy: int) -> YearPlan:
    """The fiscal year's events as the year view and its PDF show them."""
    with db.session() as s:
        return year_plan(s, fy)


def progress_of_year(db: Database, fy: int) -> ProgressTable:
    with db.session() as s:
        return progress_table(s, fy)


def records_year(db: Database, this_year: int) -> int:
    """The latest fiscal year with municipality records up to this_year (else this_year)."""
    with db.session() as s:
        years = [y for y in recorded_fiscal_years(s) if y <= this_year]
    return years[0] if years else this_year


# --- each municipality's record -------------------------------------------------------------


def year_overview(db: Database, fy: int) -> list[MunicipalityOverview]:
    """Every municipality with its record of the year (if any), in code order."""
    with db.session() as s:
        return overview(s, fy)


def year_dispatches(db: Database, fy: int) -> dict[int, list[DispatchEntry]]:
    """Every dispatch of the year, keyed by the municipality it counts for."""
    with db.session() as s:
        return dispatches_by_municipality(s, fy)


def municipality_year(
    db: Database, organisation_id: int, fy: int
) -> tuple[list[DispatchEntry], list[AttendedEvent]]:
    """The municipality's dispatches and the events its people attended in the year."""
    with db.session() as s:
        return dispatches_for(s, organisation_id, fy), attended_events(s, organisation_id, fy)


def save_municipality_record(
    db: Database, organisation_id: int, fy: int, data: RecordInput, expected_version: int | None
) -> None:
    """Save the form; StaleRecordError when another organiser saved the record first."""
    with db.session() as s:
        save_record(s, organisation_id, fy, data, expected_version=expected_version)


def carry_records_forward(db: Database, from_fy: int, to_fy: int) -> CarryForwardReport:
    with db.session() as s:
        return carry_forward(s, from_fy, to_fy)


# --- dispatches -----------------------------------------------------------------------------


def dispatch_form(
    db: Database, municipality_id: int, event_id: int | None = None
) -> tuple[DispatchChoices, StoredDispatch | None]:
    """Where and who may be chosen, and the recorded dispatch to correct (with event_id)."""
    with db.session() as s:
        choices = dispatch_choices(s, municipality_id)
        stored = get_dispatch(s, event_id) if event_id is not None else None
    return choices, stored


def stored_dispatch(db: Database, event_id: int) -> StoredDispatch:
    """The dispatch as it is stored now (UserError when it was deleted)."""
    with db.session() as s:
        return get_dispatch(s, event_id)


def record_dispatch(db: Database, data: DispatchInput) -> int:
    """Record a new dispatch; its event id."""
    with db.session() as s:
        return add_dispatch(s, data).id


def correct_dispatch(db: Database, stored: StoredDispatch, data: DispatchInput) -> int:
    """Save a corrected dispatch over the version that was read; its event id."""
    with db.session() as s:
        return update_dispatch(s, stored.event_id, data, stored.version).id
