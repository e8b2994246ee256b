"""Each municipality's record per fiscal year: the hearing sheet and the survey's statuses.

Reading and writing go through here so the rules hold everywhere: a planned year is not
before the record's year, an in-place year not after it, and a stale edit (another
organiser saved first) is refused with a message instead of overwriting theirs.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from kenshu_desk.domain.japanese import FiscalYearName, fiscal_year_range
from kenshu_desk.domain.models import (
    AttendanceState,
    Event,
    MeasureState,
    MunicipalityRecord,
    Organisation,
    Participant,
    Registration,
    SupportType,
)
from kenshu_desk.domain.progress import (
    MEASURE_LABELS,
    Measure,
    MeasureStatus,
    MunicipalityOverview,
    MunicipalityStatus,
)
from kenshu_desk.errors import UserError
from kenshu_desk.messages import Message, msg
from kenshu_desk.services.year.dispatches import dispatch_record_text, dispatches_by_municipality


class StaleRecordError(UserError):
    """Someone else saved the record since it was read."""


# The measures as messages name them (the same Japanese as MEASURE_LABELS).
MEASURE_NAMES = {
    Measure.WINDOW: msg("records.measure_window"),
    Measure.TEAM: msg("records.measure_team"),
    Measure.MULTILAYER: msg("records.measure_multilayer"),
    Measure.TRANSITION: msg("records.measure_transition"),
}


@dataclass(frozen=True)
class RecordInput:
    support_type: str = ""
    situation: str = ""
    support: str = ""
    adviser_requested: bool = False
    window: MeasureStatus = field(default_factory=MeasureStatus)
    team: MeasureStatus = field(default_factory=MeasureStatus)
    multilayer: MeasureStatus = field(default_factory=MeasureStatus)
    transition: MeasureStatus = field(default_factory=MeasureStatus)

    def measure(self, measure: Measure) -> MeasureStatus:
        return getattr(self, measure.value)


def municipalities(session: Session) -> list[Organisation]:
    """The prefecture's municipalities in official code order (全国地方公共団体コード)."""
    stmt = select(Organisation).where(Organisation.lgcode.is_not(None))
    return list(session.scalars(stmt.order_by(Organisation.lgcode)))


def municipality(session: Session, organisation_id: int) -> Organisation:
    org = session.get(Organisation, organisation_id)
    if org is None or org.lgcode is None:
        raise UserError.of("records.municipality_not_found", id=organisation_id)
    return org


def measure_status(record: MunicipalityRecord, measure: Measure) -> MeasureStatus:
    state = getattr(record, f"{measure.value}_state") or ""
    return MeasureStatus(MeasureState(state), getattr(record, f"{measure.value}_year"))


def status_of(record: MunicipalityRecord) -> MunicipalityStatus:
    return MunicipalityStatus(
        window=measure_status(record, Measure.WINDOW),
        team=measure_status(record, Measure.TEAM),
        multilayer=measure_status(record, Measure.MULTILAYER),
        transition=measure_status(record, Measure.TRANSITION),
        adviser_requested=record.adviser_requested,
    )


def get_record(session: Session, organisation_id: int, fy: int) -> MunicipalityRecord | None:
    return session.scalar(
        select(MunicipalityRecord).where(
            MunicipalityRecord.organisation_id == organisation_id,
            MunicipalityRecord.fiscal_year == fy,
        )
    )


def records_of_year(session: Session, fy: int) -> dict[int, MunicipalityRecord]:
    """The year's records keyed by municipality id."""
    stmt = select(MunicipalityRecord).where(MunicipalityRecord.fiscal_year == fy)
    return {r.organisation_id: r for r in session.scalars(stmt)}


def _validate(fy: int, data: RecordInput) -> None:
    if data.support_type not in ("", *SupportType):
        raise UserError.of("records.support_type_invalid", value=data.support_type)
    for measure in Measure:
        status = data.measure(measure)
        name = MEASURE_NAMES[measure]
        year = status.fiscal_year
        if status.state == MeasureState.PLANNED and year is not None and year < fy:
            raise UserError.of(
                "records.planned_before_record",
                measure=name,
                year=FiscalYearName(year),
                record_year=FiscalYearName(fy),
            )
        if status.state == MeasureState.IN_PLACE and year is not None and year > fy:
            raise UserError.of(
                "records.in_place_after_record",
                measure=name,
                year=FiscalYearName(year),
                record_year=FiscalYearName(fy),
            )
        if status.state == MeasureState.NONE and status.fiscal_year is not None:
            raise UserError.of("records.year_without_state", measure=name)


def save_record(
    session: Session,
    organisation_id: int,
    fy: int,
    data: RecordInput,
    expected_version: int | None = None,
) -> MunicipalityRecord:
    """Create or replace the municipality's record for fiscal year fy.

    expected_version is the version the editor read (None when it saw no record): a record
    saved by someone else in between is refused, never overwritten.
    """
    org = municipality(session, organisation_id)
    _validate(fy, data)
    record = get_record(session, organisation_id, fy)
    if record is not None and record.version != expected_version:
        raise StaleRecordError.of(
            "records.saved_by_someone_else", municipality=org.name, year=FiscalYearName(fy)
        )
    if record is None:
        if expected_version is not None:
            raise StaleRecordError.of(
                "records.deleted", municipality=org.name, year=FiscalYearName(fy)
            )
        record = MunicipalityRecord(organisation_id=org.id, fiscal_year=fy)
        session.add(record)
    record.support_type = data.support_type
    record.situation = data.situation
    record.support = data.support
    record.adviser_requested = data.adviser_requested
    for measure in Measure:
        status = data.measure(measure)
        setattr(record, f"{measure.value}_state", status.state.value)
        setattr(record, f"{measure.value}_year", status.fiscal_year)
    session.flush()
    return record


@dataclass
class CarryForwardReport:
    created: int = 0
    kept: int = 0  # municipalities that already had a record for the new year
    overdue: list[str] = field(default_factory=list)  # "<municipality>: <measure>"

    def summary(self, fy: int) -> Message:
        return msg(
            "records.carried_forward",
            year=FiscalYearName(fy),
            created=self.created,
            kept=msg("records.carried_forward_kept", kept=self.kept) if self.kept else "",
            overdue=(
                msg("records.carried_forward_overdue", overdue=len(self.overdue))
                if self.overdue
                else ""
            ),
        )


def carry_forward(session: Session, from_fy: int, to_fy: int) -> CarryForwardReport:
    """Start year to_fy from year from_fy's statuses (new hearing text, no request yet).

    What was in place stays in place; a plan for a year now past cannot be known to have
    happened, so it is carried as planned for this year and listed for checking.
    """
    if to_fy <= from_fy:
        raise UserError.of("records.carry_forward_backwards")
    report = CarryForwardReport()
    existing = records_of_year(session, to_fy)
    names = {m.id: m.name for m in municipalities(session)}
    for org_id, old in sorted(records_of_year(session, from_fy).items()):
        if org_id in existing:
            report.kept += 1
            continue
        fields: dict[str, MeasureStatus] = {}
        for measure in Measure:
            status = measure_status(old, measure)
            year = status.fiscal_year
            if status.state == MeasureState.PLANNED and year is not None and year < to_fy:
                report.overdue.append(f"{names.get(org_id, org_id)}: {MEASURE_LABELS[measure]}")
                status = MeasureStatus(MeasureState.PLANNED, to_fy)
            fields[measure.value] = status
        data = RecordInput(
            support_type=SupportType.CONTINUING.value if old.support_type else "",
            situation=old.situation,
            window=fields[Measure.WINDOW.value],
            team=fields[Measure.TEAM.value],
            multilayer=fields[Measure.MULTILAYER.value],
            transition=fields[Measure.TRANSITION.value],
        )
        save_record(session, org_id, to_fy, data)
        report.created += 1
    return report


@dataclass(frozen=True)
class AttendedEvent:
    event_id: int
    date: dt.date
    kind: str
    title: str
    attendees: tuple[str, ...]  # "氏名（所属）" of those who attended
    registered: int  # registrations from the municipality, whatever their state


def attended_events(
    session: Session, municipality_id: int, fy: int | None = None
) -> list[AttendedEvent]:
    """The events the municipality's people (its own staff or its bodies') registered for."""
    org_ids = [
        municipality_id,
        *session.scalars(
            select(Organisation.id).where(Organisation.municipality_id == municipality_id)
        ),
    ]
    stmt = (
        select(Registration, Participant, Event, Organisation)
        .join(Participant, Registration.participant_id == Participant.id)
        .join(Event, Registration.event_id == Event.id)
        .join(Organisation, Participant.organisation_id == Organisation.id)
        .where(Participant.organisation_id.in_(org_ids))
        .order_by(Event.date, Event.start_time, Event.id, Participant.reading)
    )
    if fy is not None:
        first, last = fiscal_year_range(fy)
        stmt = stmt.where(Event.date >= first, Event.date <= last)
    events: dict[int, Event] = {}
    attendees: dict[int, list[str]] = defaultdict(list)
    registered: dict[int, int] = defaultdict(int)
    for reg, person, event, org in session.execute(stmt):
        events[event.id] = event
        registered[event.id] += 1
        if AttendanceState(reg.state).attended:
            attendees[event.id].append(f"{person.name}（{org.name}）")
    return [
        AttendedEvent(e.id, e.date, e.kind, e.title, tuple(attendees[e.id]), registered[e.id])
        for e in events.values()
    ]


def overview(session: Session, fy: int) -> list[MunicipalityOverview]:
    """All municipalities in official code order with their record of year fy (if any)."""
    records = records_of_year(session, fy)
    dispatches = dispatches_by_municipality(session, fy)
    rows = []
    for org in municipalities(session):
        record = records.get(org.id)
        rows.append(
            MunicipalityOverview(
                organisation_id=org.id,
                lgcode=org.lgcode or "",
                name=org.name,
                kind=org.municipality_kind,
                fiscal_year=fy,
                has_record=record is not None,
                version=record.version if record else None,
                support_type=record.support_type if record else "",
                adviser_requested=bool(record and record.adviser_requested),
                status=status_of(record) if record else MunicipalityStatus(),
                situation=record.situation if record else "",
                support=record.support if record else "",
                dispatch_record=dispatch_record_text(dispatches.get(org.id, [])),
            )
        )
    return rows
