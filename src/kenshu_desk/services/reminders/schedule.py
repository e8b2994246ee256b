"""An event's reminder schedule (e.g. 3 days before) and whether a reminder is due.

Due means: the event has a schedule, today is on or after (date − days_before), the event
has not begun its day yet or is today, it is not cancelled, and somebody who should get the
reminder does not have it yet. A scheduled task (`reminders send EVENT_ID --due`) and the
window ask the same question, so the answer cannot differ between them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kenshu_desk.domain.models import Event
from kenshu_desk.domain.models_materials import ReminderSchedule
from kenshu_desk.errors import UserError
from kenshu_desk.services.reminders.reminders import checked_link, plan_reminder

MAX_DAYS_BEFORE = 60


@dataclass(frozen=True)
class ScheduleInfo:
    event_id: int
    days_before: int
    attach_agenda: bool
    attach_materials: bool
    materials_link: str = ""

    def due_day(self, event_date: dt.date) -> dt.date:
        return event_date - dt.timedelta(days=self.days_before)


def get_schedule(session: Session, event_id: int) -> ScheduleInfo | None:
    row = session.get(ReminderSchedule, event_id)
    if row is None:
        return None
    return ScheduleInfo(
        row.event_id, row.days_before, row.attach_agenda, row.attach_materials, row.materials_link
    )


def set_schedule(
    session: Session,
    event_id: int,
    days_before: int | None,
    *,
    attach_agenda: bool = True,
    attach_materials: bool = False,
    materials_link: str = "",
) -> None:
    """Store (or with None, remove) the event's reminder schedule."""
    if session.get(Event, event_id) is None:
        raise UserError.of("events.not_found", event_id=event_id)
    row = session.get(ReminderSchedule, event_id)
    if days_before is None:
        if row is not None:
            session.delete(row)
        return
    if not 0 <= days_before <= MAX_DAYS_BEFORE:
        raise UserError.of("reminders.days_out_of_range", days=days_before, most=MAX_DAYS_BEFORE)
    if row is None:
        row = ReminderSchedule(event_id=event_id)
        session.add(row)
    row.days_before = days_before
    row.attach_agenda = attach_agenda
    row.attach_materials = attach_materials
    row.materials_link = checked_link(materials_link)
    session.flush()


@dataclass(frozen=True)
class DueReminder:
    event_id: int
    title: str
    date: dt.date
    schedule: ScheduleInfo
    people: int  # who would get it now


def due_reminder(session: Session, event_id: int, today: dt.date) -> DueReminder | None:
    """The event's scheduled reminder when it is due and not yet sent to everyone."""
    schedule = get_schedule(session, event_id)
    event = session.get(Event, event_id)
    if schedule is None or event is None or event.cancelled:
        return None
    if not schedule.due_day(event.date) <= today <= event.date:
        return None
    plan = plan_reminder(session, event_id, today=today)
    if not plan.messages:
        return None
    return DueReminder(event_id, event.title, event.date, schedule, plan.count)


def due_reminders(session: Session, today: dt.date) -> list[DueReminder]:
    """Every event whose scheduled reminder is due today (the window asks when it opens)."""
    ids = session.scalars(
        select(ReminderSchedule.event_id)
        .join(Event, Event.id == ReminderSchedule.event_id)
        .where(Event.date >= today, Event.cancelled.is_(False))
    )
    found = [due_reminder(session, event_id, today) for event_id in list(ids)]
    return [d for d in found if d is not None]
