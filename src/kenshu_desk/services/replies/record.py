"""Recording parsed replies in the database, and what an event's replies say.

A reply is applied when its attendee is a person registered for the event (their address,
their second address, or the address an invitation of that event went to). A reply from an
address we did not invite, a delegation and a COUNTER are recorded but only listed: the
organiser decides. The same reply read twice is one row (its key), so importing a file again
or fetching the mailbox again changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kenshu_desk.database import Database
from kenshu_desk.domain.japanese import reading_sort_key
from kenshu_desk.domain.models import (
    AttendanceState,
    Event,
    OutboxMessage,
    Participant,
    Registration,
)
from kenshu_desk.domain.models_replies import (
    CalendarReply,
    PartStat,
    ReplySource,
    ReplyStatus,
    SeenMessage,
)
from kenshu_desk.services.replies.parse import Outcome, ParsedReply, ReadMail

TOKYO = ZoneInfo("Asia/Tokyo")
INVITATION_KINDS = ("invitation", "update")


@dataclass
class ImportSummary:
    """What a fetch or an import did: counts, and the files or mails left alone."""

    mails: int = 0
    applied: int = 0  # new replies applied to a registration
    listed: int = 0  # new replies kept for the organiser's decision
    duplicates: int = 0  # replies already recorded
    not_ours: int = 0  # replies for a UID that is none of our events
    not_reply: int = 0  # mails without a calendar reply (left alone)
    malformed: int = 0  # calendar parts that could not be read
    already_read: int = 0  # mails skipped by their Message-ID
    left_alone: list[str] = field(default_factory=list)  # names of malformed files/mails

    def add(self, other: ImportSummary) -> None:
        for name in ("mails", "applied", "listed", "duplicates", "not_ours", "not_reply"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.malformed += other.malformed
        self.already_read += other.already_read
        self.left_alone.extend(other.left_alone)


def already_read(session: Session, message_ids: list[str]) -> set[str]:
    found: set[str] = set()
    wanted = [m for m in message_ids if m]
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(
            session.scalars(select(SeenMessage.message_id).where(SeenMessage.message_id.in_(chunk)))
        )
    return found


def remember(session: Session, message_id: str, source: str, outcome: str) -> None:
    if not message_id or len(message_id) > 300:
        return
    if session.scalar(select(SeenMessage.id).where(SeenMessage.message_id == message_id)):
        return
    session.add(SeenMessage(message_id=message_id, source=source, outcome=outcome))


def _invited(session: Session, event: Event, address: str) -> int | None:
    """The registered participant this address belongs to, or None."""
    registered = (
        select(Participant.id)
        .join(Registration, Registration.participant_id == Participant.id)
        .where(Registration.event_id == event.id)
    )
    pid = session.scalar(
        registered.where(
            or_(
                func.lower(Participant.email) == address,
                func.lower(Participant.other_email) == address,
            )
        ).limit(1)
    )
    if pid is not None:
        return int(pid)
    sent_to = session.scalar(
        select(OutboxMessage.participant_id)
        .join(Registration, Registration.participant_id == OutboxMessage.participant_id)
        .where(
            OutboxMessage.event_id == event.id,
            Registration.event_id == event.id,
            OutboxMessage.kind.in_(INVITATION_KINDS),
            func.lower(OutboxMessage.recipient_address) == address,
        )
        .limit(1)
    )
    return int(sent_to) if sent_to is not None else None


def _status(reply: ParsedReply, participant_id: int | None) -> ReplyStatus:
    if reply.method == "COUNTER":
        return ReplyStatus.COUNTER
    if reply.partstat == PartStat.DELEGATED or reply.delegated_to:
        return ReplyStatus.DELEGATED
    if participant_id is None:
        return ReplyStatus.UNKNOWN_ADDRESS
    return ReplyStatus.APPLIED


def record_mail(
    session: Session, mail: ReadMail, source: ReplySource, name: str = ""
) -> ImportSummary:
    """Record one mail's (or file's) replies in the caller's transaction."""
    summary = ImportSummary(mails=1)
    if mail.outcome is Outcome.MALFORMED:
        summary.malformed += 1
        summary.left_alone.append(name or mail.message_id)
    elif mail.outcome is Outcome.NOT_REPLY:
        summary.not_reply += 1
    ours = False
    for reply in mail.replies:
        event = session.scalar(select(Event).where(Event.calendar_uid == reply.uid))
        if event is None:
            summary.not_ours += 1
            continue
        ours = True
        key = reply.key()
        if session.scalar(select(CalendarReply.id).where(CalendarReply.dedup_key == key)):
            summary.duplicates += 1
            continue
        participant_id = _invited(session, event, reply.address)
        status = _status(reply, participant_id)
        session.add(
            CalendarReply(
                event_id=event.id,
                participant_id=participant_id,
                status=status.value,
                partstat=reply.partstat[:20],
                address=reply.address[:320],
                attendee_name=reply.name[:200],
                sender=mail.sender[:320],
                replied_at=reply.dtstamp,
                sequence=reply.sequence,
                comment=reply.comment,
                delegated_to=reply.delegated_to[:320],
                proposal=reply.proposal,
                source=source.value,
                message_id=mail.message_id[:300],
                dedup_key=key,
            )
        )
        session.flush()
        if status is ReplyStatus.APPLIED:
            summary.applied += 1
        else:
            summary.listed += 1
    outcome = mail.outcome.value if not mail.replies or ours else "not_ours"
    remember(session, mail.message_id, source.value, outcome)
    return summary


def record_in_own_transaction(
    db: Database, mail: ReadMail, source: ReplySource, name: str = ""
) -> ImportSummary:
    """record_mail in a transaction of its own. Two organisers reading the same mailbox at
    once (team mode) may both find a reply new and both insert it: the second insert is
    refused by the unique key, and the mail is recorded again, now seeing the other's row."""
    for attempt in (1, 2):
        try:
            with db.session() as s:
                return record_mail(s, mail, source, name)
        except IntegrityError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


@dataclass(frozen=True)
class ReplyRow:
    """A registered person's answer (or none), or a reply listed for a decision."""

    participant_id: int | None
    name: str
    address: str
    partstat: str | None
    replied_at: dt.datetime | None  # naive UTC
    comment: str
    sequence: int | None
    source: str | None
    status: str | None  # applied / unknown_address / delegated / counter; None = no reply
    earlier_version: bool = False  # answers an older SEQUENCE than the event's
    delegated_to: str = ""
    proposal: str = ""
    reply_id: int | None = None

    def replied_at_text(self) -> str | None:
        if self.replied_at is None:
            return None
        return self.replied_at.replace(tzinfo=dt.UTC).astimezone(TOKYO).isoformat()

    def to_json(self) -> dict[str, object]:
        return {
            "participant_id": self.participant_id,
            "name": self.name,
            "address": self.address,
            "partstat": self.partstat,
            "replied_at": self.replied_at_text(),
            "comment": self.comment,
            "sequence": self.sequence,
            "source": self.source,
            "status": self.status,
            "earlier_version": self.earlier_version,
            "delegated_to": self.delegated_to,
            "proposal": self.proposal,
        }


def _newest(replies: list[CalendarReply]) -> CalendarReply:
    """The latest reply wins: highest SEQUENCE, then DTSTAMP, then the one read last."""
    return max(replies, key=lambda r: (r.sequence, r.replied_at or dt.datetime.min, r.id))


def current_answers(session: Session, event_id: int) -> dict[int, CalendarReply]:
    """participant id → the reply that counts, for the event's applied replies."""
    by_person: dict[int, list[CalendarReply]] = {}
    for reply in session.scalars(
        select(CalendarReply).where(
            CalendarReply.event_id == event_id,
            CalendarReply.status == ReplyStatus.APPLIED.value,
            CalendarReply.participant_id.is_not(None),
        )
    ):
        by_person.setdefault(int(reply.participant_id or 0), []).append(reply)
    return {pid: _newest(replies) for pid, replies in by_person.items()}


def _row(reply: CalendarReply, event: Event, name: str) -> ReplyRow:
    return ReplyRow(
        participant_id=reply.participant_id if reply.status == ReplyStatus.APPLIED else None,
        name=name or reply.attendee_name,
        address=reply.address,
        partstat=reply.partstat,
        replied_at=reply.replied_at,
        comment=reply.comment,
        sequence=reply.sequence,
        source=reply.source,
        status=reply.status,
        earlier_version=reply.sequence < (event.calendar_sequence or 0),
        delegated_to=reply.delegated_to,
        proposal=reply.proposal,
        reply_id=reply.id,
    )


def event_replies(session: Session, event: Event) -> list[ReplyRow]:
    """Every registered person (not cancelled) with the answer that counts, then the replies
    listed for a decision (unknown address, delegated, counter), newest first."""
    answers = current_answers(session, event.id)
    rows: list[ReplyRow] = []
    people = sorted(
        event.registrations,
        key=lambda r: reading_sort_key(r.participant.reading, r.participant.name),
    )
    for registration in people:  # 五十音 order, as the registration list
        if registration.state == AttendanceState.CANCELLED.value:
            continue
        person = registration.participant
        reply = answers.get(person.id)
        if reply is not None:
            rows.append(_row(reply, event, person.name))
        else:
            rows.append(
                ReplyRow(person.id, person.name, person.email, None, None, "", None, None, None)
            )
    listed = session.scalars(
        select(CalendarReply)
        .where(
            CalendarReply.event_id == event.id, CalendarReply.status != ReplyStatus.APPLIED.value
        )
        .order_by(CalendarReply.replied_at.desc(), CalendarReply.id.desc())
    )
    rows.extend(_row(reply, event, "") for reply in listed)
    return rows


def answer_counts(rows: list[ReplyRow]) -> dict[str, int]:
    """出席予定 / 欠席の連絡 / 未定 / 返信なし / 要確認 for an event's rows."""
    counts = {"ACCEPTED": 0, "DECLINED": 0, "TENTATIVE": 0, "none": 0, "listed": 0}
    for row in rows:
        if row.status is None:
            counts["none"] += 1
        elif row.status != ReplyStatus.APPLIED:
            counts["listed"] += 1
        elif row.partstat in counts:
            counts[row.partstat] += 1
    return counts
