"""The kinds, types and states the data model stores: plain enums, no SQLAlchemy.

Their values are what the database holds (the Japanese names of the source documents for
kinds and programme types); the window words them in its language. ``models`` re-exports
them, so ``from kenshu_desk.domain.models import EventKind`` keeps working.
"""

from __future__ import annotations

from enum import StrEnum


class EventKind(StrEnum):
    EXCHANGE = "情報交換会"
    TRAINING = "研修"
    COMMITTEE = "部会"
    STUDY = "勉強会"
    # Adviser dispatches (アドバイザー派遣) to one municipality, which is the event's host.
    HEARING = "ヒアリング"
    MUNICIPAL_TRAINING = "研修会"
    REVIEW_MEETING = "検討会議への参加"
    OTHER = "その他"


# What a visit to one municipality can be (the seed's 支援内容); 勉強会 is also a general kind.
DISPATCH_KINDS = (
    EventKind.HEARING,
    EventKind.STUDY,
    EventKind.MUNICIPAL_TRAINING,
    EventKind.REVIEW_MEETING,
)


class WorkLine(StrEnum):
    """A row of the year view (R3事業スケジュール): the line of work an event belongs to."""

    DISPATCH = "アドバイザー派遣"
    COMMITTEE = "部会"
    TRAINING = "研修・情報交換会"
    OTHER = "その他"


class SupportType(StrEnum):
    NEW = "新規"
    CONTINUING = "継続"


class MeasureState(StrEnum):
    """Where a municipality stands on one measure (window, team, 重層, 移行準備)."""

    NONE = ""  # neither in place nor planned (or not known)
    IN_PLACE = "in_place"  # 実施・構築済み
    PLANNED = "planned"  # 実施・構築予定 (in the fiscal year given, or later when none)


class ItemType(StrEnum):
    GREETING = "挨拶"
    LECTURE = "講演"
    BRIEFING = "説明"
    CASE_REPORT = "事例発表"
    DISCUSSION = "意見交換"
    BREAK = "休憩"
    QA = "質疑応答"
    CLOSING = "閉会"
    OTHER = "その他"


class AttendanceState(StrEnum):
    REGISTERED = "registered"
    ATTENDED_VENUE = "attended_venue"
    ATTENDED_ONLINE = "attended_online"
    ABSENT = "absent"
    CANCELLED = "cancelled"

    @property
    def attended(self) -> bool:
        return self in (AttendanceState.ATTENDED_VENUE, AttendanceState.ATTENDED_ONLINE)


ATTENDANCE_LABELS = {
    AttendanceState.REGISTERED: "申込",
    AttendanceState.ATTENDED_VENUE: "出席（会場）",
    AttendanceState.ATTENDED_ONLINE: "出席（オンライン）",
    AttendanceState.ABSENT: "欠席",
    AttendanceState.CANCELLED: "取消",
}


class SpeakerKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
