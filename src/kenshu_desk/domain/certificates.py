"""修了証's plain data: who gets one, with what number, on which template (issue 21)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kenshu_desk.domain.japanese import era_of
from kenshu_desk.domain.models import Event
from kenshu_desk.domain.models_certificates import DEFAULT_BODY, DEFAULT_HEADING
from kenshu_desk.messages import Message

ERA_LETTERS = {"令和": "R", "平成": "H", "昭和": "S"}


ONLINE_NO_MINUTES = "オンライン（時間の記録なし）"


@dataclass(frozen=True)
class Recipient:
    participant_id: int
    registration_id: int
    name: str
    organisation: str
    how: str  # 会場 / オンライン（n 分） / ONLINE_NO_MINUTES: the JSON's "attended", in Japanese
    number: str = ""


@dataclass(frozen=True)
class Left:
    participant_id: int
    name: str
    why: Message  # worded in the running language; in JSON always Japanese (a stable value)


@dataclass(frozen=True)
class TemplateData:
    heading: str = DEFAULT_HEADING
    body: str = DEFAULT_BODY
    honorific: str = "様"
    organiser_title: str = ""
    organiser_name: str = ""
    seal_png: bytes | None = None
    version: int | None = None


@dataclass
class CertificatePlan:
    title: str
    date: dt.date
    recipients: list[Recipient]
    left: list[Left]
    template: TemplateData

    def to_dict(self) -> dict[str, object]:
        return {
            "certificates": [
                {"participant_id": r.participant_id, "name": r.name,
                 "organisation": r.organisation, "number": r.number, "attended": r.how}
                for r in self.recipients
            ],
            "not_issued": [
                {"participant_id": x.participant_id, "name": x.name, "reason": x.why.text("ja")}
                for x in self.left
            ],
        }  # fmt: skip


def duration_minutes(event: Event) -> int:
    start = dt.datetime.combine(event.date, event.start_time)
    end = dt.datetime.combine(event.date, event.end_time)
    return max(int((end - start).total_seconds() // 60), 0)


def number_text(event: Event, sequence: int) -> str:
    era, year = era_of(event.date)
    return f"第{ERA_LETTERS.get(era, era)}{year}-{event.date.month}-{sequence:03d}号"
