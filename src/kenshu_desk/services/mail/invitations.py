"""Invitations, updates and cancellations: who gets which message, composed and queued.

Which kind a participant gets (when the caller does not insist on one):
- the event is cancelled → a cancellation (METHOD:CANCEL) to every registered participant;
- the participant was already sent (or given, as an .eml) an invitation or update for an
  earlier SEQUENCE of the event → an update (METHOD:REQUEST, same UID, higher SEQUENCE);
  the SEQUENCE goes up with every change the invitation shows (domain.calendar_sequence);
- otherwise → an invitation.
And someone whose registration was cancelled or removed after they got the calendar gets a
cancellation of their own (RFC 5546: a CANCEL to that attendee), once.

A whole-event cancellation is only for a cancelled event: `kind=CANCELLATION` on an event
that is not cancelled is refused (it would empty everyone's calendar).

Each message has a dedup key (event, participant, kind, sequence, address), unique in the
outbox, so running the same step twice never queues anything twice; a message that already
went out (or failed permanently, or whose fate is unknown) is reported, not queued again.
Recipients left out (no usable address) get a `skipped` row saying why (queueing.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kenshu_desk.atomic_file import write_atomically
from kenshu_desk.domain.japanese import reading_sort_key
from kenshu_desk.domain.models import AttendanceState, Event, OutboxMessage, Participant, utcnow
from kenshu_desk.errors import UserError
from kenshu_desk.mail.attachments import Attachment, attach_to_payload
from kenshu_desk.mail.compose import MailAddress, MessageError, as_draft
from kenshu_desk.mail.templates import CANCEL_KINDS, MailTemplate, MessageKind, kind_message
from kenshu_desk.messages import Message, msg
from kenshu_desk.services.mail.composer import (
    Recipient,
    RunComposer,
    compose_message,
    template_values,
)
from kenshu_desk.services.mail.queueing import (
    Skip,
    insert_messages,
    record_skipped,
    take_over_queued,
)
from kenshu_desk.services.mail.status import Status
from kenshu_desk.services.timetable.events import get_event_with_registrants

__all__ = [
    "InvitationPlan", "PlannedMessage", "QueueReport", "Recipient", "RunComposer",
    "compose_message", "dedup_key", "eml_file_name", "eml_name", "plan_messages", "queue_messages",
    "recipients_of", "save_eml_files", "template_values",
]  # fmt: skip

CALENDAR_KINDS = (MessageKind.INVITATION, MessageKind.UPDATE)
# Statuses after which the participant has (or may have) the calendar entry.
DELIVERED = (Status.SENT, Status.SAVED, Status.UNKNOWN, Status.SENDING)
# Kinds that change a calendar the recipient already has: confirmed before sending.
CHANGING_KINDS = (MessageKind.UPDATE, *CANCEL_KINDS)


@dataclass(frozen=True)
class PlannedMessage:
    recipient: Recipient
    kind: MessageKind
    sequence: int
    dedup_key: str
    existing_id: int | None = None  # a queued row for the same key, reused


@dataclass
class InvitationPlan:
    event_id: int
    sequence: int
    messages: list[PlannedMessage] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (who, why)
    unusable: list[Skip] = field(default_factory=list)  # also in skipped; recorded as rows

    @property
    def count(self) -> int:
        return len(self.messages)

    def count_by_kind(self) -> dict[MessageKind, int]:
        counts: dict[MessageKind, int] = {}
        for m in self.messages:
            counts[m.kind] = counts.get(m.kind, 0) + 1
        return counts

    @property
    def changing(self) -> int:
        """Messages that would change calendars people already have (updates, cancels)."""
        return sum(1 for m in self.messages if m.kind in CHANGING_KINDS)


def dedup_key(event_id: int, participant_id: int, kind: str, sequence: int, address: str) -> str:
    digest = hashlib.sha256(address.strip().lower().encode()).hexdigest()[:16]
    return f"ev{event_id}:p{participant_id}:{kind}:seq{sequence}:{digest}"


def skip_key(event_id: int, participant_id: int | None) -> str:
    return f"skip:ev{event_id}:p{participant_id}"


def recipients_of(event: Event) -> tuple[list[Recipient], list[tuple[str, str]]]:
    """Registered participants with an address, in 五十音 order; and who was left out, why."""
    found, unusable = _recipients(event)
    return found, [(s.name, s.reason) for s in unusable]


def _recipients(event: Event) -> tuple[list[Recipient], list[Skip]]:
    found: list[tuple[tuple, Recipient]] = []
    skipped: list[Skip] = []
    for reg in event.registrations:
        person = reg.participant
        if reg.state == AttendanceState.CANCELLED:
            continue
        address = person.email.strip()
        if not address:
            skipped.append(Skip(person.name, "", str(msg("outbox.no_address")), person.id))
            continue
        try:
            MailAddress(person.name, address)
        except MessageError as exc:
            skipped.append(Skip(person.name, address, str(exc), person.id))
            continue
        recipient = Recipient(person.id, person.name, person.organisation_name, address)
        found.append((reading_sort_key(person.reading, person.name), recipient))
    found.sort(key=lambda pair: pair[0])
    return [r for _, r in found], skipped


def _history(session: Session, event_id: int) -> dict[int, list[OutboxMessage]]:
    rows = session.scalars(
        select(OutboxMessage).where(OutboxMessage.event_id == event_id).order_by(OutboxMessage.id)
    )
    by_person: dict[int, list[OutboxMessage]] = {}
    for row in rows:
        if row.participant_id is not None and row.status != Status.SKIPPED:
            by_person.setdefault(row.participant_id, []).append(row)
    return by_person


def plan_messages(
    session: Session, event_id: int, kind: MessageKind | None = None
) -> InvitationPlan:
    """Who would get what now; nothing is written."""
    event = get_event_with_registrants(session, event_id)
    if kind == MessageKind.CANCELLATION and not event.cancelled:
        raise UserError.of("outbox.event_not_cancelled", title=event.title)
    sequence = event.calendar_sequence
    plan = InvitationPlan(event_id, sequence)
    recipients, plan.unusable = _recipients(event)
    plan.skipped = [(s.name, s.reason) for s in plan.unusable]
    history = _history(session, event_id)
    for r in recipients:
        rows = history.get(r.participant_id, [])
        chosen = kind or _automatic_kind(event, rows)
        _plan_one(plan, event_id, r, chosen, rows)
    if kind in (None, MessageKind.CANCELLATION):
        active = {r.participant_id for r in recipients} | {s.participant_id for s in plan.unusable}
        for person_id, rows in history.items():
            if person_id not in active:
                withdrawn = _withdrawn(session, person_id, rows)
                if withdrawn is not None:
                    _plan_one(plan, event_id, withdrawn, MessageKind.WITHDRAWAL, rows)
    return plan


def _plan_one(
    plan: InvitationPlan,
    event_id: int,
    r: Recipient,
    chosen: MessageKind,
    rows: list[OutboxMessage],
) -> None:
    sequence = plan.sequence
    key = dedup_key(event_id, r.participant_id, chosen, sequence, r.address)
    same = next((row for row in rows if row.dedup_key == key), None)
    if chosen in CALENDAR_KINDS:
        # An invitation and an update for the same sequence carry the same calendar.
        other = dedup_key(event_id, r.participant_id, _other(chosen), sequence, r.address)
        same = same or next((row for row in rows if row.dedup_key == other), None)
    if same is not None and same.status != Status.QUEUED:
        plan.skipped.append((r.name, str(_already(same))))
        return
    if same is None:
        # A message still waiting from an earlier version of the event is replaced by
        # this one (it takes the row over), so nobody gets a stale calendar too.
        same = next((row for row in rows if row.status == Status.QUEUED), None)
    plan.messages.append(
        PlannedMessage(r, chosen, sequence, key, same.id if same is not None else None)
    )


def _withdrawn(session: Session, person_id: int, rows: list[OutboxMessage]) -> Recipient | None:
    """Someone no longer registered whose calendar still holds the event: their address."""
    relevant = [
        row for row in rows
        if row.kind in (*CALENDAR_KINDS, *CANCEL_KINDS)
        and row.status in (*DELIVERED, Status.QUEUED)
    ]  # fmt: skip
    if not relevant:
        return None
    last = relevant[-1]
    if last.kind in CANCEL_KINDS and last.status != Status.QUEUED:
        return None  # already told
    if last.kind in CANCEL_KINDS:
        last = next((row for row in reversed(relevant) if row.kind in CALENDAR_KINDS), last)
    if last.kind in CALENDAR_KINDS and last.status not in DELIVERED:
        return None  # only ever queued: nothing in their calendar
    person = session.get(Participant, person_id)
    name = person.name if person is not None else last.recipient_name
    organisation = person.organisation_name if person is not None else ""
    return Recipient(person_id, name, organisation, last.recipient_address)


def _other(kind: MessageKind) -> MessageKind:
    return MessageKind.UPDATE if kind == MessageKind.INVITATION else MessageKind.INVITATION


def _automatic_kind(event: Event, rows: list[OutboxMessage]) -> MessageKind:
    if event.cancelled:
        return MessageKind.CANCELLATION
    had_calendar = any(row.kind in CALENDAR_KINDS and row.status in DELIVERED for row in rows)
    return MessageKind.UPDATE if had_calendar else MessageKind.INVITATION


def _already(row: OutboxMessage) -> Message:
    label = kind_message(row.kind)
    match row.status:
        case Status.FAILED:
            return msg("outbox.already_failed", kind=label)
        case Status.UNKNOWN:
            return msg("outbox.already_unknown", kind=label)
        case Status.SAVED:
            return msg("outbox.already_saved", kind=label)
        case _:
            return msg("outbox.already_sent", kind=label)


@dataclass
class QueueReport:
    plan: InvitationPlan
    ids: list[int] = field(default_factory=list)  # outbox rows ready (new or reused)
    skipped_ids: list[int] = field(default_factory=list)  # `skipped` rows written


def queue_messages(
    session: Session,
    event_id: int,
    sender: MailAddress,
    templates: Mapping[MessageKind, MailTemplate] | None = None,
    *,
    kind: MessageKind | None = None,
    alarm_minutes: int | None = None,
    status: Status = Status.QUEUED,
    attachments: Sequence[Attachment] = (),
) -> QueueReport:
    """Compose and queue one message per planned recipient, in the caller's transaction.

    New rows go in with one multi-row INSERT (the ORM's one flush per row took 2 s for
    1,000); rows reused from an earlier queue are updated through the ORM, one flush.
    """
    event = get_event_with_registrants(session, event_id)
    plan = plan_messages(session, event_id, kind)
    report = QueueReport(plan)
    composer = RunComposer(
        event, sender, templates, alarm_minutes=alarm_minutes, now=dt.datetime.now(dt.UTC)
    )
    fresh: list[dict[str, object]] = []
    fresh_at: list[int] = []  # where each fresh row's id goes in report.ids
    taken: list[tuple[int, dict[str, object]]] = []  # queued rows rebuilt, written last
    for planned in plan.messages:
        subject, message_id, payload = composer.compose(planned.recipient, planned.kind)
        if attachments and planned.kind not in CANCEL_KINDS:  # e.g. the 次第 (issue 20)
            payload = attach_to_payload(payload, attachments)
        # A queued row not yet sent is rebuilt: today's template, a fresh DTSTAMP.
        values: dict[str, object] = {
            "dedup_key": planned.dedup_key,
            "kind": planned.kind.value,
            "recipient_name": planned.recipient.name,
            "recipient_address": planned.recipient.address,
            "subject": subject,
            "message_id": message_id,
            "payload": payload,
            "status": status.value,
            "last_error": "",
            "next_attempt_at": None,
        }
        if planned.existing_id is None:
            fresh_at.append(len(report.ids))
            report.ids.append(0)
            fresh.append(
                {
                    "event_id": event_id,
                    "participant_id": planned.recipient.participant_id,
                    "attempts": 0,
                    **values,
                }
            )
        else:  # only while still queued: never a row another run has claimed or sent
            taken.append((planned.existing_id, values))
            report.ids.append(planned.existing_id)
    take_over_queued(session, taken)
    session.flush()
    if fresh:
        inserted = insert_messages(session, fresh)
        for position, row_id in zip(fresh_at, inserted, strict=True):
            report.ids[position] = row_id
    report.skipped_ids = record_skipped(
        session, event_id, (kind or MessageKind.INVITATION).value,
        [(skip_key(event_id, skip.participant_id), skip) for skip in plan.unusable],
    )  # fmt: skip
    return report


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def eml_name(index: int, name: str, address: str) -> str:
    who = _UNSAFE.sub("_", f"{name}_{address}").strip(" ._")
    return f"{index:03d}_{who[:80]}.eml"


def eml_file_name(index: int, row: OutboxMessage) -> str:
    return eml_name(index, row.recipient_name, row.recipient_address)


def save_eml_files(
    session: Session,
    event_id: int,
    sender: MailAddress,
    folder: Path,
    templates: Mapping[MessageKind, MailTemplate] | None = None,
    *,
    kind: MessageKind | None = None,
    alarm_minutes: int | None = None,
    attachments: Sequence[Attachment] = (),
) -> tuple[QueueReport, list[Path]]:
    """One .eml per recipient (X-Unsent: 1: Outlook opens it as a draft), recorded as saved.

    Recording them means a later run sends an update, not a second invitation, to people
    whose draft went out from Outlook.
    """
    if not folder.is_dir():
        raise MessageError.of("outbox.eml_folder_missing", folder=folder)
    report = queue_messages(
        session, event_id, sender, templates,
        kind=kind, alarm_minutes=alarm_minutes, status=Status.SAVED, attachments=attachments,
    )  # fmt: skip
    paths: list[Path] = []
    for index, row_id in enumerate(report.ids, start=1):
        row = session.get(OutboxMessage, row_id)
        assert row is not None
        path = folder / eml_file_name(index, row)
        write_atomically(path, as_draft(row.payload))
        row.sent_at = utcnow()
        row.server_reply = str(msg("outbox.saved_to", path=path))
        paths.append(path)
    return report, paths
