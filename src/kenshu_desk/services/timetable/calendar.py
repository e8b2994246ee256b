"""Use cases around an event's calendar identity: cancel, reinstate, and the SEQUENCE rule.

The rule itself is in domain.calendar_sequence and also runs on every flush (a mapper hook),
so an editor that changes the date, a time or the place needs nothing more. These helpers
are for code that wants the new number before the flush, e.g. to tell the user "an update
will be sent" right after an edit.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from kenshu_desk.domain.calendar_sequence import CalendarState, next_sequence, schedule_changed
from kenshu_desk.domain.models import Event
from kenshu_desk.services.timetable.events import get_event

__all__ = [
    "CalendarState",
    "bump_if_schedule_changed",
    "cancel_event",
    "reinstate_event",
    "snapshot",
]


def snapshot(event: Event) -> CalendarState:
    """Take before an edit; pass to bump_if_schedule_changed after it."""
    return CalendarState.of(event)


def bump_if_schedule_changed(event: Event, before: CalendarState) -> bool:
    """Raise event.calendar_sequence if date, times, place or cancellation changed.

    Idempotent (calling it twice raises once) and never lowers the number. Returns whether
    the calendar entry changed, i.e. whether invitees need an update.
    """
    after = CalendarState.of(event)
    event.calendar_sequence = next_sequence(before, after)
    return schedule_changed(before, after)


def cancel_event(session: Session, event_id: int) -> Event:
    """Call the event off: participants will be sent METHOD:CANCEL with a higher SEQUENCE."""
    event = get_event(session, event_id)
    if not event.cancelled:
        before = snapshot(event)
        event.cancelled = True
        bump_if_schedule_changed(event, before)
        session.flush()
    return event


def reinstate_event(session: Session, event_id: int) -> Event:
    """Undo a cancellation; invitees get a new REQUEST with a higher SEQUENCE."""
    event = get_event(session, event_id)
    if event.cancelled:
        before = snapshot(event)
        event.cancelled = False
        bump_if_schedule_changed(event, before)
        session.flush()
    return event
