"""Which of the municipalities took part in the fiscal year's events, and which in none.

The prefecture's goal is every municipality. A municipality takes part through its own staff
or through a body linked to it (its 社会福祉協議会, 地域包括支援センター …). By default only
attendance counts (会場 or オンライン); ``basis="registered"`` counts registrations that were
not cancelled, for events still ahead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from kenshu_desk.domain.japanese import FiscalYearName, fiscal_year_range
from kenshu_desk.domain.models import (
    AttendanceState,
    Event,
    Organisation,
    Participant,
    Registration,
)
from kenshu_desk.messages import msg

Basis = Literal["attended", "registered"]


SHORT_TITLE = 12


@dataclass(frozen=True)
class CoverageEvent:
    id: int
    date: str
    title: str
    kind: str
    cancelled: bool

    @property
    def short_title(self) -> str:
        """The title for a narrow column heading: at most SHORT_TITLE characters."""
        title = self.title.strip()
        return title if len(title) <= SHORT_TITLE else title[: SHORT_TITLE - 1] + "…"


@dataclass
class CoverageRow:
    municipality_id: int
    name: str
    lgcode: str
    kind: str  # 市 / 町 / 村
    people: dict[int, int] = field(default_factory=dict)  # event id → number of people

    @property
    def events_taken_part(self) -> int:
        return sum(1 for n in self.people.values() if n)


@dataclass
class Coverage:
    fiscal_year: int
    basis: Basis
    events: list[CoverageEvent]
    rows: list[CoverageRow]

    @property
    def covered(self) -> list[CoverageRow]:
        return [r for r in self.rows if r.events_taken_part]

    @property
    def uncovered(self) -> list[CoverageRow]:
        return [r for r in self.rows if not r.events_taken_part]

    def per_event(self, event_id: int) -> int:
        return sum(1 for r in self.rows if r.people.get(event_id))

    def summary(self) -> str:
        figures = {
            "year": FiscalYearName(self.fiscal_year),
            "total": len(self.rows),
            "covered": len(self.covered),
            "uncovered": len(self.uncovered),
        }
        if self.basis == "attended":
            return str(msg("participants.coverage_attended", **figures))
        return str(msg("participants.coverage_registered", **figures))

    def to_dict(self) -> dict[str, object]:
        return {
            "fiscal_year": self.fiscal_year,
            "basis": self.basis,
            "events": [{**e.__dict__, "short_title": e.short_title} for e in self.events],
            "municipalities": [
                {
                    "name": r.name,
                    "lgcode": r.lgcode,
                    "events": [eid for eid, n in r.people.items() if n],
                    "people": sum(r.people.values()),
                }
                for r in self.rows
            ],
            "none": [r.name for r in self.uncovered],
        }


def fiscal_years_with_events(session: Session) -> list[int]:
    """The fiscal years that have events, newest first."""
    from kenshu_desk.domain.japanese import fiscal_year

    return sorted({fiscal_year(d) for d in session.scalars(select(Event.date))}, reverse=True)


def fiscal_year_coverage(session: Session, fiscal_year: int, basis: Basis = "attended") -> Coverage:
    first, last = fiscal_year_range(fiscal_year)
    events = [
        CoverageEvent(e.id, e.date.isoformat(), e.title, e.kind, e.cancelled)
        for e in session.scalars(
            select(Event)
            # Adviser dispatches are visits to one municipality, not events it takes part in.
            .where(Event.date >= first, Event.date <= last, Event.host_organisation_id.is_(None))
            .order_by(Event.date, Event.start_time, Event.id)
        )
    ]
    rows = {
        m.id: CoverageRow(m.id, m.name, m.lgcode or "", m.municipality_kind)
        for m in session.scalars(
            select(Organisation)
            .where(Organisation.lgcode.is_not(None))
            .order_by(Organisation.lgcode)
        )
    }
    if basis == "attended":
        states = [AttendanceState.ATTENDED_VENUE.value, AttendanceState.ATTENDED_ONLINE.value]
    else:
        states = [s.value for s in AttendanceState if s != AttendanceState.CANCELLED]
    org = aliased(Organisation)
    stmt = (
        select(Registration.event_id, org.id, org.lgcode, org.municipality_id)
        .join(Registration.participant)
        .join(org, Participant.organisation_id == org.id)
        .join(Registration.event)
        .where(
            Event.date >= first,
            Event.date <= last,
            Event.host_organisation_id.is_(None),
            Registration.state.in_(states),
        )
    )
    for event_id, org_id, lgcode, municipality_id in session.execute(stmt):
        municipality = org_id if lgcode else municipality_id
        row = rows.get(municipality) if municipality is not None else None
        if row is not None:
            row.people[event_id] = row.people.get(event_id, 0) + 1
    return Coverage(fiscal_year, basis, events, list(rows.values()))
