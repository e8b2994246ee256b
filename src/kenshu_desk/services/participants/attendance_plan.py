"""What applying an attendance report would do: each report person's match (Outcome), each
registration's new state (Change), and the plan the organiser reviews before applying it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kenshu_desk.domain.japanese import match_key
from kenshu_desk.domain.models import AttendanceState
from kenshu_desk.messages import msg
from kenshu_desk.services.participants.attendance_names import ORGANISER_ROLES
from kenshu_desk.services.participants.attendance_reports import Interval, ReportPerson


@dataclass(frozen=True)
class Candidate:
    participant_id: int
    name: str
    organisation: str
    email: str
    registered: bool

    def label(self) -> str:
        if not self.organisation:
            return self.name
        return str(msg("attendance.candidate", name=self.name, organisation=self.organisation))


@dataclass
class Outcome:
    """One person of the report and what they matched."""

    index: int
    person: ReportPerson
    participant_id: int | None = None
    how: str = ""  # email / name / assigned / new
    candidates: list[Candidate] = field(default_factory=list)
    seconds: int = 0  # for an unmatched row: this row alone; for a match: the participant's total
    # Why an unmatched row needs a decision: "device" (a default device name: the candidates
    # are people it may belong to), "other_organisation" (a namesake who names another
    # organisation), "namesakes" (several registrants of that name), or "".
    why: str = ""

    @property
    def device(self) -> bool:
        return self.why == "device"

    @property
    def matched(self) -> bool:
        return self.participant_id is not None or self.how == "new"

    @property
    def is_organiser(self) -> bool:
        """The meeting's organiser (Teams role), usually the prefecture's own account."""
        return any(match_key(e.role) in ORGANISER_ROLES for e in self.person.entries)

    @property
    def minutes(self) -> int:
        return round(self.seconds / 60)


@dataclass
class Change:
    """What happens to one registration."""

    participant_id: int | None  # None: a person to be added (Outcome.how == "new")
    name: str
    organisation: str
    old_state: str | None  # None: a new registration
    new_state: str
    minutes: int
    outcome_index: int | None = None
    kept: bool = False  # would have been lowered (出席 → 欠席); kept as recorded

    @property
    def changed(self) -> bool:
        return self.old_state != self.new_state


@dataclass
class AttendancePlan:
    event_id: int
    event_title: str
    window: Interval
    threshold_pct: float
    mark_missing_absent: bool
    outcomes: list[Outcome]
    changes: list[Change]
    warnings: list[str] = field(default_factory=list)

    @property
    def nothing_matched(self) -> bool:
        """The report has people, and not one of them is anyone of ours."""
        people = [o for o in self.outcomes if not o.is_organiser]
        return bool(people) and not any(o.matched for o in people)

    @property
    def event_minutes(self) -> int:
        return round((self.window[1] - self.window[0]).total_seconds() / 60)

    @property
    def threshold_minutes(self) -> float:
        return self.event_minutes * self.threshold_pct / 100

    @property
    def unmatched(self) -> list[Outcome]:
        """Rows the organiser has to resolve (the meeting's organiser is not one of them)."""
        return [o for o in self.outcomes if not o.matched and not o.is_organiser]

    def count(self, state: AttendanceState) -> int:
        return sum(1 for c in self.changes if c.new_state == state.value)

    def summary(self) -> str:
        summary = msg(
            "attendance.plan_summary",
            online=self.count(AttendanceState.ATTENDED_ONLINE),
            absent=self.count(AttendanceState.ABSENT),
            venue=self.count(AttendanceState.ATTENDED_VENUE),
            unmatched=len(self.unmatched),
            threshold=self.threshold_minutes,
            minutes=self.event_minutes,
            pct=self.threshold_pct,
        )
        return str(summary)
