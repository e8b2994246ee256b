"""Programme (時間割) times: computed from the event start and the durations.

Pure functions over plain values, so the editor, the agenda, the calendar text and the
command line all agree on one schedule. An item may be pinned to a fixed start; then a
gap before it or an overlap with the item before it is reported, never silently fixed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from kenshu_desk.messages import Message, msg

if TYPE_CHECKING:
    from kenshu_desk.domain.models import Event


def to_minutes(t: dt.time) -> int:
    return t.hour * 60 + t.minute


def from_minutes(m: int) -> dt.time:
    """Clock time of a minute count; a programme never crosses midnight, so clamp to 23:59."""
    m = max(0, min(m, 24 * 60 - 1))
    return dt.time(m // 60, m % 60)


@dataclass(frozen=True)
class SlotInput:
    minutes: int
    fixed_start: dt.time | None = None


@dataclass(frozen=True)
class Slot:
    start: int  # minutes since midnight
    end: int

    @property
    def start_time(self) -> dt.time:
        return from_minutes(self.start)

    @property
    def end_time(self) -> dt.time:
        return from_minutes(self.end)

    @property
    def minutes(self) -> int:
        return self.end - self.start


class IssueKind(StrEnum):
    OVERRUN = "overrun"  # the programme ends after the event end
    GAP = "gap"  # unscheduled time before a pinned item
    OVERLAP = "overlap"  # a pinned item starts before the previous item ends
    EARLY_END = "early_end"  # the programme ends before the event end
    BEFORE_START = "before_start"  # a pinned item starts before the event starts
    NEGATIVE = "negative"  # a duration below zero


@dataclass(frozen=True)
class ProgrammeIssue:
    kind: IssueKind
    index: int | None  # the item concerned, or None for the programme as a whole
    minutes: int

    def message(self) -> str:
        """The line shown in the editor's check panel, in the program's language (a str:
        the services keep it in Check.message and in the event's JSON)."""
        return str(self.worded())

    def worded(self) -> Message:
        where = (
            msg("programme.item", number=self.index + 1)
            if self.index is not None
            else msg("programme.whole")
        )
        minutes = self.minutes
        match self.kind:
            case IssueKind.OVERRUN:
                return msg("programme.overrun", minutes=minutes)
            case IssueKind.GAP:
                return msg("programme.gap", where=where, minutes=minutes)
            case IssueKind.OVERLAP:
                return msg("programme.overlap", where=where, minutes=minutes)
            case IssueKind.EARLY_END:
                return msg("programme.early_end", minutes=minutes)
            case IssueKind.BEFORE_START:
                return msg("programme.before_start", where=where, minutes=minutes)
            case IssueKind.NEGATIVE:
                return msg("programme.negative", where=where)


@dataclass(frozen=True)
class Schedule:
    slots: tuple[Slot, ...]
    issues: tuple[ProgrammeIssue, ...]

    @property
    def end(self) -> int | None:
        return self.slots[-1].end if self.slots else None


def compute_schedule(
    event_start: dt.time, event_end: dt.time, items: Sequence[SlotInput]
) -> Schedule:
    """Lay the items one after another from the event start, honouring pinned starts."""
    start = to_minutes(event_start)
    cursor = start
    slots: list[Slot] = []
    issues: list[ProgrammeIssue] = []
    for index, item in enumerate(items):
        minutes = item.minutes
        if minutes < 0:
            issues.append(ProgrammeIssue(IssueKind.NEGATIVE, index, minutes))
            minutes = 0
        if item.fixed_start is not None:
            pinned = to_minutes(item.fixed_start)
            if pinned < start:
                issues.append(ProgrammeIssue(IssueKind.BEFORE_START, index, start - pinned))
            if pinned > cursor:
                issues.append(ProgrammeIssue(IssueKind.GAP, index, pinned - cursor))
            elif pinned < cursor and index > 0:
                issues.append(ProgrammeIssue(IssueKind.OVERLAP, index, cursor - pinned))
            item_start = pinned
        else:
            item_start = cursor
        slot = Slot(item_start, item_start + minutes)
        slots.append(slot)
        cursor = slot.end
    end = to_minutes(event_end)
    if slots:
        if cursor > end:
            issues.append(ProgrammeIssue(IssueKind.OVERRUN, None, cursor - end))
        elif cursor < end:
            issues.append(ProgrammeIssue(IssueKind.EARLY_END, None, end - cursor))
    return Schedule(tuple(slots), tuple(issues))


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Half-open intervals: 13:00–14:00 and 14:00–15:00 do not overlap."""
    return a_start < b_end and b_start < a_end


def event_schedule(event: Event) -> Schedule:
    """The computed start of every programme item of ``event`` (pins respected)."""
    return compute_schedule(
        event.start_time,
        event.end_time,
        [SlotInput(item.minutes, item.fixed_start) for item in event.items],
    )
