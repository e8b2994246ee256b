"""The calendar SEQUENCE rule: raised on every change an invitation shows (title, date, time,
place, URL, programme) and on cancel.

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
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event as sa_event
from sqlalchemy import inspect

# What a calendar entry shows that, when changed, calls for an update to every invitee.
# The calendar's DESCRIPTION also shows 対象, the agenda's ※ notes and 問い合わせ先; the
# programme (its items and presenters, and the speakers' names) is watched by
# `_programme_changed`.
SCHEDULE_FIELDS = (
    "title", "date", "start_time", "end_time", "venue", "online_url", "cancelled",
    "target_audience", "agenda_notes", "organiser_contact",
)  # fmt: skip
# What a speaker's line in the programme shows (Speaker.display).
SPEAKER_SHOWN = ("kind", "name", "honorific", "affiliation", "title")


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
    title: str = ""
    target_audience: str = ""
    agenda_notes: str = ""
    organiser_contact: str = ""

    @classmethod
    def of(cls, event: Any) -> CalendarState:
        return cls.read(lambda name: getattr(event, name))

    @classmethod
    def read(cls, value: Callable[[str], Any]) -> CalendarState:
        """The state from `value(field name)`: the event's attributes, or what the row held
        before a flush."""
        return cls(
            title=value("title") or "",
            date=value("date"),
            start_time=value("start_time"),
            end_time=value("end_time"),
            venue=value("venue") or "",
            online_url=value("online_url") or "",
            cancelled=bool(value("cancelled")),
            sequence=value("calendar_sequence") or 0,
            target_audience=value("target_audience") or "",
            agenda_notes=value("agenda_notes") or "",
            organiser_contact=value("organiser_contact") or "",
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
    before = CalendarState.read(lambda name: _loaded_value(state, name))
    wanted = next_sequence(before, CalendarState.of(target))
    if wanted != target.calendar_sequence:
        target.calendar_sequence = wanted


_CREATED = "kenshu_created_events"


def _forget_created(session: Any, transaction: Any) -> None:
    if transaction.parent is None:
        session.info.pop(_CREATED, None)


def _programme_changed(session: Any, _context: Any, _instances: Any) -> None:
    """A programme item (or its presenters) added, changed or removed: the invitation's
    programme changed, so its event's sequence goes up (once per flush and event)."""
    # Events created in this transaction have never been sent: their sequence stays.
    created = session.info.setdefault(_CREATED, [])
    created.extend(obj for obj in session.new if hasattr(obj, "calendar_sequence"))
    created_ids = {obj.id for obj in created} - {None}
    events = []
    for obj in (*session.new, *session.dirty, *session.deleted):
        item = getattr(obj, "item", None) if hasattr(obj, "speaker_id") else obj
        if item is None or not hasattr(item, "presenters") or not hasattr(item, "event"):
            continue
        if obj in session.dirty and not session.is_modified(obj):
            continue
        event = item.event
        if (
            event is not None
            and event not in session.new
            and event.id not in created_ids
            and event not in events
        ):
            events.append(event)
    for event in _events_of_renamed_speakers(session):
        if event.id not in created_ids and event not in events:
            events.append(event)
    for event in events:
        if event in session.deleted:
            continue
        loaded = _loaded_value(inspect(event), "calendar_sequence") or 0
        if (event.calendar_sequence or 0) <= loaded:
            event.calendar_sequence = loaded + 1


def _events_of_renamed_speakers(session: Any) -> list[Any]:
    """Events whose programme shows a speaker whose shown name, affiliation or title changed
    in this flush (a speaker is shared: every event they present at)."""
    changed = [
        obj.id
        for obj in session.dirty
        if hasattr(obj, "honorific")
        and obj.id is not None
        and any(inspect(obj).attrs[name].history.has_changes() for name in SPEAKER_SHOWN)
    ]
    if not changed:
        return []
    from sqlalchemy import select

    event_class = _EVENT_CLASS[0]
    item_class = inspect(event_class).relationships["items"].mapper.class_
    presenter_class = inspect(item_class).relationships["presenters"].mapper.class_
    with session.no_autoflush:
        ids = session.scalars(
            select(item_class.event_id)
            .join(presenter_class, presenter_class.item_id == item_class.id)
            .where(presenter_class.speaker_id.in_(changed))
            .distinct()
        ).all()
        return [session.get(event_class, event_id) for event_id in ids]


# The Event class the rule was installed on (the models import this module, not back).
_EVENT_CLASS: list[Any] = []


def install_sequence_rule(event_class: type) -> None:
    """Attach the rule to the Event mapper and the programme hook to every Session
    (idempotent)."""
    from sqlalchemy.orm import Session

    _EVENT_CLASS[:] = [event_class]

    if not sa_event.contains(event_class, "before_update", _before_update):
        sa_event.listen(event_class, "before_update", _before_update)
    if not sa_event.contains(Session, "before_flush", _programme_changed):
        sa_event.listen(Session, "before_flush", _programme_changed)
        sa_event.listen(Session, "after_transaction_end", _forget_created)
