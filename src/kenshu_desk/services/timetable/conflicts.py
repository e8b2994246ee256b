"""A speaker booked in two events at the same time (same day, overlapping slots).

The programme's own checks (overrun, gaps, pinned overlaps) are pure and live in
domain.programme; this one needs the other events of the day, so it is a service.
Cancelled events are ignored: their slots are free again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kenshu_desk.domain.japanese import time_range
from kenshu_desk.domain.models import Event, ItemPresenter, ProgrammeItem
from kenshu_desk.domain.programme import from_minutes, overlaps
from kenshu_desk.messages import Message, msg
from kenshu_desk.services.timetable.events import event_schedule


@dataclass(frozen=True)
class DoubleBooking:
    speaker_id: int
    speaker_name: str
    item_index: int  # the item of this event
    start: dt.time
    end: dt.time
    other_event_id: int
    other_event_title: str
    other_item_title: str
    other_start: dt.time
    other_end: dt.time

    def message(self) -> str:
        """The check's line in the program's language (Check.message keeps a str)."""
        return str(self.worded())

    def worded(self) -> Message:
        return msg(
            "programme.double_booking",
            number=self.item_index + 1,
            speaker=self.speaker_name,
            event=self.other_event_title,
            item=self.other_item_title,
            time=time_range(self.other_start, self.other_end),
        )


def _programme():  # type: ignore[no-untyped-def]
    return (
        selectinload(Event.items)
        .selectinload(ProgrammeItem.presenters)
        .selectinload(ItemPresenter.speaker)
    )


def _slots(event: Event) -> list[tuple[int, ProgrammeItem, int, int]]:
    schedule = event_schedule(event)
    return [
        (index, item, slot.start, slot.end)
        for index, (item, slot) in enumerate(zip(event.items, schedule.slots, strict=True))
    ]


def double_bookings(session: Session, event_id: int) -> list[DoubleBooking]:
    """Speakers of this event who present elsewhere on the same day at an overlapping time."""
    event = session.get(Event, event_id, options=[_programme()])
    if event is None or event.cancelled:
        return []
    speaker_ids = {p.speaker_id for item in event.items for p in item.presenters}
    if not speaker_ids:
        return []
    others = session.scalars(
        select(Event)
        .where(Event.date == event.date, Event.id != event.id, Event.cancelled.is_(False))
        .where(
            Event.id.in_(
                select(ProgrammeItem.event_id)
                .join(ItemPresenter)
                .where(ItemPresenter.speaker_id.in_(speaker_ids))
            )
        )
        .options(_programme())
        .order_by(Event.start_time, Event.id)
    ).all()
    found: list[DoubleBooking] = []
    mine = _slots(event)
    for other in others:
        theirs = _slots(other)
        for index, item, start, end in mine:
            for presenter in item.presenters:
                for _, other_item, o_start, o_end in theirs:
                    if not overlaps(start, end, o_start, o_end):
                        continue
                    if any(p.speaker_id == presenter.speaker_id for p in other_item.presenters):
                        found.append(
                            DoubleBooking(
                                speaker_id=presenter.speaker_id,
                                speaker_name=presenter.speaker.name,
                                item_index=index,
                                start=from_minutes(start),
                                end=from_minutes(end),
                                other_event_id=other.id,
                                other_event_title=other.title,
                                other_item_title=other_item.title,
                                other_start=from_minutes(o_start),
                                other_end=from_minutes(o_end),
                            )
                        )
    return found
