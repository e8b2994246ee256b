"""The year at a glance (R3事業スケジュール): a fiscal year's events by line of work and month.

One plain snapshot feeds both the screen and the PDF, so they always agree. The seed's
three lines come first and are always there (an empty line is information too); a line an
organiser named on an event comes next, and その他 last, only when it has something.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kenshu_desk.domain.japanese import (
    era_year_label,
    fiscal_year,
    fiscal_year_label,
    fiscal_year_range,
    wareki,
)
from kenshu_desk.domain.models import Event, EventAdviser, WorkLine
from kenshu_desk.services.dispatches import STAFF_ONLY, family_name

STANDARD_LINES = (WorkLine.DISPATCH.value, WorkLine.COMMITTEE.value, WorkLine.TRAINING.value)
MONTHS = (4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3)


def month_column(d: dt.date) -> int:
    """0 for April … 11 for March."""
    return (d.month - 4) % 12


@dataclass(frozen=True)
class YearEntry:
    event_id: int
    date: dt.date
    kind: str
    title: str  # the short title shown in the box
    detail: str  # a longer line for a tooltip
    cancelled: bool
    is_dispatch: bool
    with_adviser: bool

    @property
    def date_label(self) -> str:
        return f"{self.date.month}/{self.date.day}"

    @property
    def box_text(self) -> str:
        text = f"{self.date_label} {self.title}"
        return f"{text}（中止）" if self.cancelled else text


@dataclass(frozen=True)
class YearLine:
    name: str
    entries: tuple[YearEntry, ...]  # by date

    def by_month(self) -> tuple[tuple[YearEntry, ...], ...]:
        """Twelve tuples, April first."""
        months: list[list[YearEntry]] = [[] for _ in MONTHS]
        for entry in self.entries:
            months[month_column(entry.date)].append(entry)
        return tuple(tuple(m) for m in months)


@dataclass(frozen=True)
class YearPlan:
    fiscal_year: int
    lines: tuple[YearLine, ...]

    @property
    def label(self) -> str:
        return fiscal_year_label(self.fiscal_year)

    @property
    def event_count(self) -> int:
        return sum(len(line.entries) for line in self.lines)

    def month_labels(self) -> tuple[str, ...]:
        return tuple(f"{m}月" for m in MONTHS)

    def calendar_years(self) -> tuple[tuple[str, int], ...]:
        """(年 label, number of month columns): ("令和3年", 9), ("令和4年", 3)."""
        first, last = fiscal_year_range(self.fiscal_year)
        return ((era_year_label(first), 9), (era_year_label(last), 3))


def _entry(event: Event) -> YearEntry:
    advisers = tuple(family_name(a.speaker) for a in event.advisers)
    if event.is_dispatch:
        host = event.host_organisation.name if event.host_organisation else ""
        who = "・".join(advisers) if advisers else STAFF_ONLY
        title = f"{host} {event.kind}（{who}）"
    else:
        title = event.title
    detail = f"{wareki(event.date)} {event.start_time:%H:%M}～{event.end_time:%H:%M}　{event.kind}　{event.title}"
    return YearEntry(
        event_id=event.id,
        date=event.date,
        kind=event.kind,
        title=title,
        detail=detail + ("（中止）" if event.cancelled else ""),
        cancelled=event.cancelled,
        is_dispatch=event.is_dispatch,
        with_adviser=bool(advisers),
    )


def year_plan(session: Session, fy: int) -> YearPlan:
    first, last = fiscal_year_range(fy)
    stmt = (
        select(Event)
        .where(Event.date >= first, Event.date <= last)
        .options(
            selectinload(Event.advisers).selectinload(EventAdviser.speaker),
            selectinload(Event.host_organisation),
        )
        .order_by(Event.date, Event.start_time, Event.id)
    )
    by_line: dict[str, list[YearEntry]] = {name: [] for name in STANDARD_LINES}
    for event in session.scalars(stmt):
        by_line.setdefault(event.effective_work_line, []).append(_entry(event))
    custom = sorted(n for n in by_line if n not in STANDARD_LINES and n != WorkLine.OTHER)
    order = [*STANDARD_LINES, *custom]
    if by_line.get(WorkLine.OTHER.value):
        order.append(WorkLine.OTHER.value)
    return YearPlan(fy, tuple(YearLine(name, tuple(by_line[name])) for name in order))


def event_fiscal_year(session: Session, event_id: int) -> int | None:
    event = session.get(Event, event_id)
    return fiscal_year(event.date) if event is not None else None
