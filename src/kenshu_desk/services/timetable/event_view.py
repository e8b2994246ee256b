"""What the editor shows of one event: plain, frozen snapshots (the Qt models adapt them).

One read per user action: the event's fields, its programme with the computed times and
presenters, and every check (programme issues and speakers booked elsewhere at the time).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kenshu_desk.domain.japanese import circled_number, fiscal_year, time_range
from kenshu_desk.domain.models import Event, SpeakerKind
from kenshu_desk.domain.programme import IssueKind
from kenshu_desk.services.timetable.conflicts import double_bookings
from kenshu_desk.services.timetable.event_edit import EVENT_FIELDS
from kenshu_desk.services.timetable.events import event_schedule, get_event_joined


@dataclass(frozen=True)
class PresenterView:
    speaker_id: int
    name: str
    short: str  # 中島 修 氏 / 桶川市
    display: str  # the agenda line: 文京学院大学 人間学部 … 教授 中島 修 氏
    topic: str
    is_person: bool


@dataclass(frozen=True)
class ItemView:
    id: int
    item_type: str
    title: str
    description: str
    minutes: int
    fixed_start: dt.time | None
    start: dt.time
    end: dt.time
    presenters: tuple[PresenterView, ...]
    version: int = 0  # the row version shown: an edit made on it is refused once it moved

    @property
    def time_label(self) -> str:
        return time_range(self.start, self.end)

    @property
    def presenters_label(self) -> str:
        """①桶川市 ②川越市 … when several, as the seed numbers them; one: just the name."""
        if len(self.presenters) == 1:
            return self.presenters[0].short
        return " ".join(
            f"{circled_number(n)}{p.short}" for n, p in enumerate(self.presenters, start=1)
        )


WARNING = "warning"
INFO = "info"


@dataclass(frozen=True)
class Check:
    level: str  # WARNING or INFO
    message: str  # in Japanese (the command line, the logs)
    item_index: int | None = None
    # What was found (a ProgrammeIssue or a DoubleBooking): the window words it in its language.
    finding: Any = None


@dataclass(frozen=True)
class EventView:
    id: int
    fields: dict[str, Any]
    calendar_sequence: int
    items: tuple[ItemView, ...]
    checks: tuple[Check, ...]
    version: int = 0  # the event row version shown (team mode: stale edits are refused)

    @property
    def fiscal_year(self) -> int:
        return fiscal_year(self.fields["date"])

    def item_index(self, item_id: int) -> int:
        for index, item in enumerate(self.items):
            if item.id == item_id:
                return index
        return -1


def load_event_view(session: Session, event_id: int) -> EventView:
    event = get_event_joined(session, event_id)
    schedule = event_schedule(event)
    items = []
    for item, slot in zip(event.items, schedule.slots, strict=True):
        presenters = tuple(
            PresenterView(
                speaker_id=p.speaker_id,
                name=p.speaker.name,
                short=(
                    f"{p.speaker.name} {p.speaker.honorific}".strip()
                    if p.speaker.kind == SpeakerKind.PERSON
                    else p.speaker.name
                ),
                display=p.speaker.display(),
                topic=p.topic,
                is_person=p.speaker.kind == SpeakerKind.PERSON,
            )
            for p in item.presenters
        )
        items.append(
            ItemView(
                id=item.id,
                item_type=item.item_type,
                title=item.title,
                description=item.description,
                minutes=item.minutes,
                fixed_start=item.fixed_start,
                start=slot.start_time,
                end=slot.end_time,
                presenters=presenters,
                version=item.version,
            )
        )
    checks = [
        Check(
            INFO if issue.kind == IssueKind.EARLY_END else WARNING,
            issue.message(),
            issue.index,
            issue,
        )
        for issue in schedule.issues
    ]
    checks.extend(
        Check(WARNING, booking.message(), booking.item_index, booking)
        for booking in double_bookings(session, event_id)
    )
    return EventView(
        id=event.id,
        fields={name: getattr(event, name) for name in EVENT_FIELDS},
        calendar_sequence=event.calendar_sequence,
        items=tuple(items),
        checks=tuple(checks),
        version=event.version,
    )


def list_event_summaries(session: Session) -> list[Event]:
    """Every event without its programme (the event list needs only the event's own columns)."""
    stmt = select(Event).order_by(Event.date.desc(), Event.start_time.desc(), Event.id.desc())
    return list(session.scalars(stmt))
