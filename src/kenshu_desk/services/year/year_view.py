"""The year at a glance (R3事業スケジュール): a fiscal year's events by line of work and month.

One plain snapshot feeds both the screen and the PDF, so they always agree. The seed's
three lines come first and are always there (an empty line is information too); a line an
organiser named on an event comes next, and その他 last, only when it has something.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kenshu_desk.domain.japanese import fiscal_year, fiscal_year_range, wareki
from kenshu_desk.domain.models import Event, EventAdviser, WorkLine
from kenshu_desk.domain.year_plan import STANDARD_LINES, YearEntry, YearLine, YearPlan
from kenshu_desk.services.year.dispatches import STAFF_ONLY, family_name

__all__ = ["YearEntry", "YearLine", "YearPlan", "event_fiscal_year", "year_plan"]


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
