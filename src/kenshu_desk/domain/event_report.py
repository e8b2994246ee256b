"""The 実施報告書's figures as plain data (counted in services/reports/event_report.py, laid
out by documents/event_report*.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from kenshu_desk.domain.kinds import AttendanceState
from kenshu_desk.domain.models import Organisation

# The report's kinds of organisation, in its order; Organisation.category → one of them.
CATEGORY_ORDER = ("市町村", "社協", "地域包括", "その他")
_CATEGORY_OF = {
    "市町村": "市町村",
    "社会福祉協議会": "社協",
    "地域包括支援センター": "地域包括",
}


@dataclass(frozen=True)
class SurveyChoice:
    label: str
    count: int
    percent: float  # of the question's respondents


@dataclass(frozen=True)
class SurveyQuestion:
    title: str
    kind: str  # single / multiple / scale / text
    respondents: int
    choices: tuple[SurveyChoice, ...] = ()
    mean: float | None = None  # a scale's mean
    comments: tuple[str, ...] = ()
    scale_top: int | None = None  # a scale's best value (5 for 1–5 or a five-label scale)


@dataclass(frozen=True)
class ProgrammeLine:
    time: str  # 13:30～13:35
    minutes: str  # (5分)
    title: str
    presenters: tuple[str, ...]


@dataclass
class Tally:
    """People of one group: registered (not cancelled), at the venue, online, absent, and
    those whose attendance was not recorded (still 申込)."""

    registered: int = 0
    venue: int = 0
    online: int = 0
    absent: int = 0
    unrecorded: int = 0

    @property
    def attended(self) -> int:
        return self.venue + self.online

    def add(self, state: str) -> None:
        self.registered += 1
        if state == AttendanceState.ATTENDED_VENUE:
            self.venue += 1
        elif state == AttendanceState.ATTENDED_ONLINE:
            self.online += 1
        elif state == AttendanceState.ABSENT:
            self.absent += 1
        else:
            self.unrecorded += 1

    def as_dict(self) -> dict[str, int]:
        return {
            "registered": self.registered,
            "venue": self.venue,
            "online": self.online,
            "absent": self.absent,
            "unrecorded": self.unrecorded,
        }


@dataclass(frozen=True)
class MunicipalityLine:
    name: str
    lgcode: str
    tally: Tally


@dataclass(frozen=True)
class RecordingSummary:
    url: str
    received: int  # sent by e-mail, or handed over / told by phone
    failed: int
    waiting: int  # queued or not yet known
    not_reached: int  # registrants who neither attended nor received the link


@dataclass
class EventReport:
    event_id: int
    title: str
    kind: str
    fiscal_year: str  # 令和3年度
    date: str  # 令和3年11月25日（木）
    time: str  # 13:30～16:30
    venue: str
    online: bool
    audience: str
    organiser: str
    cancelled: bool
    programme: list[ProgrammeLine]
    total: Tally
    cancellations: int
    by_category: dict[str, Tally]
    municipalities: list[MunicipalityLine]  # every municipality, in code order
    recordings: list[RecordingSummary]
    survey: list[SurveyQuestion] | None = None
    notes: list[str] = field(default_factory=list)  # what the reader should know

    @property
    def municipalities_taking_part(self) -> list[MunicipalityLine]:
        """Attended when attendance was recorded, else registered (said in notes)."""
        if self.attendance_recorded:
            return [m for m in self.municipalities if m.tally.attended]
        return [m for m in self.municipalities if m.tally.registered]

    @property
    def attendance_recorded(self) -> bool:
        return self.total.registered > 0 and self.total.unrecorded < self.total.registered

    @property
    def attendance_rate(self) -> float | None:
        if not self.total.registered:
            return None
        return 100.0 * self.total.attended / self.total.registered

    def to_dict(self) -> dict[str, object]:
        return {
            "event_id": self.event_id,
            "title": self.title,
            "date": self.date,
            "time": self.time,
            "venue": self.venue,
            "total": self.total.as_dict(),
            "cancelled_registrations": self.cancellations,
            "by_category": {k: v.as_dict() for k, v in self.by_category.items()},
            "municipalities_taking_part": [m.name for m in self.municipalities_taking_part],
            "municipalities_total": len(self.municipalities),
            "recordings": [r.__dict__ for r in self.recordings],
            "survey": None
            if self.survey is None
            else [
                {
                    "title": q.title,
                    "kind": q.kind,
                    "respondents": q.respondents,
                    "choices": [c.__dict__ for c in q.choices],
                    "mean": q.mean,
                }
                for q in self.survey
            ],
        }


def category_of(org: Organisation | None) -> str:
    if org is None:
        return "その他"
    return _CATEGORY_OF.get(org.category, "その他")
