"""Invitations, updates and cancellations: who gets which message, composed and queued.

Which kind a participant gets (when the caller does not insist on one):
- the event is cancelled → a cancellation (METHOD:CANCEL) to every registered participant;
- the participant was already sent (or given, as an .eml) an invitation or update for an
  earlier SEQUENCE of the event → an update (METHOD:REQUEST, same UID, higher SEQUENCE);
- otherwise → an invitation.

Each message has a dedup key (event, participant, kind, sequence, address), unique in the
outbox, so running the same step twice never queues anything twice; a message that already
went out (or failed permanently, or whose fate is unknown) is reported, not queued again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.utils import make_msgid
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kenshu_desk.documents.ics import (
    CalendarPerson,
    InvitationCalendars,
    invitation_calendar,
    programme_text,
    when_text,
)
from kenshu_desk.domain.japanese import reading_sort_key
from kenshu_desk.domain.models import AttendanceState, Event, OutboxMessage, utcnow
from kenshu_desk.mail.batch import CalendarMessageFrame, FrameMismatch
from kenshu_desk.mail.compose import (
    MailAddress,
    MessageError,
    as_draft,
    compose_calendar_message,
    message_bytes,
    text_to_html,
)
from kenshu_desk.mail.templates import (
    DEFAULT_TEMPLATES,
    MailTemplate,
    MessageKind,
    kind_label,
    render_template,
)
from kenshu_desk.services.mail.outbox import Status
from kenshu_desk.services.shared.bulk import insert_in_order
from kenshu_desk.services.timetable.events import get_event_with_registrants

CALENDAR_KINDS = (MessageKind.INVITATION, MessageKind.UPDATE)
# Statuses after which the participant has (or may have) the calendar entry.
DELIVERED = (Status.SENT, Status.SAVED, Status.UNKNOWN, Status.SENDING)


@dataclass(frozen=True)
class Recipient:
    participant_id: int
    name: str
    organisation: str
    address: str

    @property
    def mail_address(self) -> MailAddress:
        return MailAddress(self.name, self.address)


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

    @property
    def count(self) -> int:
        return len(self.messages)

    def count_by_kind(self) -> dict[MessageKind, int]:
        counts: dict[MessageKind, int] = {}
        for m in self.messages:
            counts[m.kind] = counts.get(m.kind, 0) + 1
        return counts


def dedup_key(event_id: int, participant_id: int, kind: str, sequence: int, address: str) -> str:
    digest = hashlib.sha256(address.strip().lower().encode()).hexdigest()[:16]
    return f"ev{event_id}:p{participant_id}:{kind}:seq{sequence}:{digest}"


def recipients_of(event: Event) -> tuple[list[Recipient], list[tuple[str, str]]]:
    """Registered participants with an address, in 五十音 order; and who was left out, why."""
    found: list[tuple[tuple, Recipient]] = []
    skipped: list[tuple[str, str]] = []
    for reg in event.registrations:
        person = reg.participant
        if reg.state == AttendanceState.CANCELLED:
            continue
        address = person.email.strip()
        if not address:
            skipped.append((person.name, "メールアドレスがありません"))
            continue
        try:
            MailAddress(person.name, address)
        except MessageError as exc:
            skipped.append((person.name, str(exc)))
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
        if row.participant_id is not None:
            by_person.setdefault(row.participant_id, []).append(row)
    return by_person


def plan_messages(
    session: Session, event_id: int, kind: MessageKind | None = None
) -> InvitationPlan:
    """Who would get what now; nothing is written."""
    event = get_event_with_registrants(session, event_id)
    sequence = event.calendar_sequence
    plan = InvitationPlan(event_id, sequence)
    recipients, plan.skipped = recipients_of(event)
    history = _history(session, event_id)
    for r in recipients:
        rows = history.get(r.participant_id, [])
        chosen = kind or _automatic_kind(event, rows)
        key = dedup_key(event_id, r.participant_id, chosen, sequence, r.address)
        same = next((row for row in rows if row.dedup_key == key), None)
        if chosen in CALENDAR_KINDS:
            # An invitation and an update for the same sequence carry the same calendar.
            other = dedup_key(event_id, r.participant_id, _other(chosen), sequence, r.address)
            same = same or next((row for row in rows if row.dedup_key == other), None)
        if same is not None and same.status != Status.QUEUED:
            plan.skipped.append((r.name, _already(same)))
            continue
        if same is None:
            # A message still waiting from an earlier version of the event is replaced by
            # this one (it takes the row over), so nobody gets a stale calendar too.
            same = next((row for row in rows if row.status == Status.QUEUED), None)
        plan.messages.append(
            PlannedMessage(r, chosen, sequence, key, same.id if same is not None else None)
        )
    return plan


def _other(kind: MessageKind) -> MessageKind:
    return MessageKind.UPDATE if kind == MessageKind.INVITATION else MessageKind.INVITATION


def _automatic_kind(event: Event, rows: list[OutboxMessage]) -> MessageKind:
    if event.cancelled:
        return MessageKind.CANCELLATION
    had_calendar = any(row.kind in CALENDAR_KINDS and row.status in DELIVERED for row in rows)
    return MessageKind.UPDATE if had_calendar else MessageKind.INVITATION


def _already(row: OutboxMessage) -> str:
    label = kind_label(row.kind)
    match row.status:
        case Status.FAILED:
            return f"{label}の送信に失敗しています（送信済みメールから再送できます）"
        case Status.UNKNOWN:
            return f"{label}が届いたか不明です（送信済みメールで確認してください）"
        case Status.SAVED:
            return f"{label}はメールファイルに保存済みです"
        case _:
            return f"{label}は送信済みです"


def template_values(event: Event, recipient: Recipient, sender_name: str) -> dict[str, str]:
    return {**_event_values(event, sender_name), **_recipient_values(recipient)}


def _event_values(event: Event, sender_name: str) -> dict[str, str]:
    venue = event.venue or ("オンライン開催" if event.online_url else "")
    return {
        "行事名": event.title,
        "日時": when_text(event),
        "会場": venue,
        "参加URL": event.online_url,
        "プログラム": programme_text(event),
        "差出人": sender_name or event.organiser_name,
        "問い合わせ先": event.organiser_contact.strip(),
    }


def _recipient_values(recipient: Recipient) -> dict[str, str]:
    return {"氏名": recipient.name, "所属": recipient.organisation}


def compose_message(
    event: Event,
    recipient: Recipient,
    kind: MessageKind,
    sender: MailAddress,
    templates: Mapping[MessageKind, MailTemplate] | None = None,
    *,
    alarm_minutes: int | None = None,
    now: dt.datetime | None = None,
) -> tuple[str, str, bytes]:
    """(subject, Message-ID, payload bytes) of one participant's message.

    The reference composition, entirely through icalendar and the email package. A send
    run uses `RunComposer`, which gives the same message (tests/mail/test_batch.py) in a
    tenth of the time, and falls back to this if its frame cannot be built.
    """
    template = (templates or DEFAULT_TEMPLATES).get(kind) or DEFAULT_TEMPLATES[kind]
    filled = render_template(template, template_values(event, recipient, sender.name))
    calendar = invitation_calendar(
        event,
        organizer=CalendarPerson(sender.name, sender.address),
        attendee=CalendarPerson(recipient.name, recipient.address),
        cancel=kind == MessageKind.CANCELLATION,
        now=now,
        alarm_minutes=alarm_minutes,
    )
    message_id = make_msgid(domain=sender.domain)
    msg = compose_calendar_message(
        sender=sender,
        recipient=recipient.mail_address,
        subject=filled.subject,
        text=filled.body,
        calendar=calendar,
        method="CANCEL" if kind == MessageKind.CANCELLATION else "REQUEST",
        date=now,
        message_id=message_id,
    )
    return filled.subject, message_id, message_bytes(msg)


class RunComposer:
    """compose_message() for every recipient of one run, the shared work done once.

    Per run: the template values of the event (programme, date, place), one calendar per
    method with only the ATTENDEE line left to fill (InvitationCalendars), and one MIME
    frame per method with the From and Date headers and every part header already encoded
    (CalendarMessageFrame). Per recipient: the template, the ATTENDEE line, To, Subject
    (cached when it does not name the person), Message-ID and the bodies.
    """

    def __init__(
        self,
        event: Event,
        sender: MailAddress,
        templates: Mapping[MessageKind, MailTemplate] | None = None,
        *,
        alarm_minutes: int | None = None,
        now: dt.datetime,
    ) -> None:
        self.event = event
        self.sender = sender
        self.templates = templates
        self.alarm_minutes = alarm_minutes
        self.now = now
        self._values = _event_values(event, sender.name)
        self._calendars: dict[bool, InvitationCalendars] = {}
        self._frames: dict[str, CalendarMessageFrame | None] = {}

    def compose(self, recipient: Recipient, kind: MessageKind) -> tuple[str, str, bytes]:
        """(subject, Message-ID, payload bytes), as compose_message() returns them."""
        cancel = kind == MessageKind.CANCELLATION
        method = "CANCEL" if cancel else "REQUEST"
        frame = self._frame(method)
        if frame is None:
            return compose_message(
                self.event, recipient, kind, self.sender, self.templates,
                alarm_minutes=self.alarm_minutes, now=self.now,
            )  # fmt: skip
        template = (self.templates or DEFAULT_TEMPLATES).get(kind) or DEFAULT_TEMPLATES[kind]
        filled = render_template(template, {**self._values, **_recipient_values(recipient)})
        calendars = self._calendars.get(cancel)
        if calendars is None:
            calendars = self._calendars[cancel] = InvitationCalendars(
                self.event,
                organizer=CalendarPerson(self.sender.name, self.sender.address),
                cancel=cancel,
                now=self.now,
                alarm_minutes=self.alarm_minutes,
            )
        message_id = make_msgid(domain=self.sender.domain)
        payload = frame.message(
            recipient=recipient.mail_address,
            subject=filled.subject,
            text=filled.body,
            html_body=text_to_html(filled.body),
            calendar=calendars.for_attendee(CalendarPerson(recipient.name, recipient.address)),
            message_id=message_id,
        )
        return filled.subject, message_id, payload

    def _frame(self, method: str) -> CalendarMessageFrame | None:
        if method not in self._frames:
            try:
                self._frames[method] = CalendarMessageFrame(
                    sender=self.sender, method=method, date=self.now
                )
            except FrameMismatch:
                self._frames[method] = None  # this Python's email package: the slow way
        return self._frames[method]


@dataclass
class QueueReport:
    plan: InvitationPlan
    ids: list[int] = field(default_factory=list)  # outbox rows ready (new or reused)


def queue_messages(
    session: Session,
    event_id: int,
    sender: MailAddress,
    templates: Mapping[MessageKind, MailTemplate] | None = None,
    *,
    kind: MessageKind | None = None,
    alarm_minutes: int | None = None,
    status: Status = Status.QUEUED,
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
    for planned in plan.messages:
        subject, message_id, payload = composer.compose(planned.recipient, planned.kind)
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
        row = session.get(OutboxMessage, planned.existing_id) if planned.existing_id else None
        if row is None:
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
        else:
            for name, value in values.items():
                setattr(row, name, value)
            report.ids.append(row.id)
    session.flush()
    if fresh:
        inserted = insert_in_order(session, OutboxMessage, fresh)
        for position, row_id in zip(fresh_at, inserted, strict=True):
            report.ids[position] = row_id
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
) -> tuple[QueueReport, list[Path]]:
    """One .eml per recipient (X-Unsent: 1: Outlook opens it as a draft), recorded as saved.

    Recording them means a later run sends an update, not a second invitation, to people
    whose draft went out from Outlook.
    """
    if not folder.is_dir():
        raise MessageError(f"フォルダ {folder} が見つかりません。")
    report = queue_messages(
        session, event_id, sender, templates,
        kind=kind, alarm_minutes=alarm_minutes, status=Status.SAVED,
    )  # fmt: skip
    paths: list[Path] = []
    for index, row_id in enumerate(report.ids, start=1):
        row = session.get(OutboxMessage, row_id)
        assert row is not None
        path = folder / eml_file_name(index, row)
        try:
            path.write_bytes(as_draft(row.payload))
        except OSError as exc:
            raise MessageError(f"{path} に書き込めません: {exc.strerror}") from exc
        row.sent_at = utcnow()
        row.server_reply = f"保存先: {path}"
        paths.append(path)
    return report, paths
