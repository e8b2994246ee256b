"""The calendar SEQUENCE rule: raised on every change of date, time or place and on cancel.

Calendar clients (Outlook, Google, Apple) apply an update only if its SEQUENCE is higher than
the one they hold, so the number must go up whenever what a participant's calendar shows
would change, and must never go down. The rule lives here, once, in two forms:

- `next_sequence(before, after)`: a pure function over plain snapshots, for code that wants
  to know (the editor's "send an update?" prompt, tests).
- `install_sequence_rule(Event)`: a mapper `before_update` hook, so that *every* flush that
  changes those columns raises the number, whichever service or undo command made the
  change. It compares with the values loaded from the database, so a caller that already
  raised the number in the same transaction is not raised twice, and a value set lower
  (for example an undo that restores an old snapshot) is clamped back up.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event as sa_event
from sqlalchemy import inspect

# What a calendar entry shows that, when changed, calls for an update to every invitee.
SCHEDULE_FIELDS = ("date", "start_time", "end_time", "venue", "online_url", "cancelled")


@dataclass(frozen=True)
class CalendarState:
    """The parts of an event a participant's calendar holds, plus the sequence it has."""

    date: dt.date
    start_time: dt.time
    end_time: dt.time
    venue: str
    online_url: str
    cancelled: bool
    sequence: int

    @classmethod
    def of(cls, event: Any) -> CalendarState:
        return cls(
            date=event.date,
            start_time=event.start_time,
            end_time=event.end_time,
            venue=event.venue or "",
            online_url=event.online_url or "",
            cancelled=bool(event.cancelled),
            sequence=event.calendar_sequence or 0,
        )

    def schedule(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in SCHEDULE_FIELDS)


def schedule_changed(before: CalendarState, after: CalendarState) -> bool:
    return before.schedule() != after.schedule()


def next_sequence(before: CalendarState, after: CalendarState) -> int:
    """The sequence `after` must carry: one above `before` if the schedule changed.

    Never lower than either side, and idempotent: calling it again on its own result
    gives the same number.
    """
    floor = max(before.sequence, after.sequence)
    if schedule_changed(before, after):
        return max(floor, before.sequence + 1)
    return floor


def _loaded_value(state: Any, name: str) -> Any:
    """The value the row had in the database before this flush."""
    history = state.attrs[name].load_history()
    if history.deleted:
        return history.deleted[0]
    if history.unchanged:
        return history.unchanged[0]
    return getattr(state.obj(), name)


def _before_update(_mapper: Any, _connection: Any, target: Any) -> None:
    state = inspect(target)
    loaded = {name: _loaded_value(state, name) for name in SCHEDULE_FIELDS}
    before = CalendarState(
        date=loaded["date"],
        start_time=loaded["start_time"],
        end_time=loaded["end_time"],
        venue=loaded["venue"] or "",
        online_url=loaded["online_url"] or "",
        cancelled=bool(loaded["cancelled"]),
        sequence=_loaded_value(state, "calendar_sequence") or 0,
    )
    wanted = next_sequence(before, CalendarState.of(target))
    if wanted != target.calendar_sequence:
        target.calendar_sequence = wanted


def install_sequence_rule(event_class: type) -> None:
    """Attach the rule to the Event mapper (idempotent)."""
    if not sa_event.contains(event_class, "before_update", _before_update):
        sa_event.listen(event_class, "before_update", _before_update)
