"""Reminders before an event: one message per registered person who has not declined.

A reminder carries the join URL, the date and time (和暦), optionally the 次第 as a PDF and
the event's materials. It goes through the same outbox as invitations (kind "reminder"):
retries, the `unknown` policy, the journal, the .eml drafts all apply unchanged.

Once per person per reminder: the dedup key names the event, the event's date and start
time, and the address. Running again (the window, a scheduled task, both) sends nothing to
whoever already has it; a person registered since gets theirs; when the event moves to
another day or time, that is a new reminder. A message that failed for good, or whose fate
is unknown, is reported, not sent again by itself (the outbox's 再送 does that).

"Has declined" is one function, has_declined(), so the replies (RSVP) work can extend it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from email.utils import make_msgid
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kenshu_desk.atomic_file import write_atomically
from kenshu_desk.documents.agenda import agenda_pdf
from kenshu_desk.documents.ics import when_text
from kenshu_desk.domain.japanese import reading_sort_key
from kenshu_desk.domain.models import AttendanceState, Event, OutboxMessage, Registration, utcnow
from kenshu_desk.errors import UserError
from kenshu_desk.mail.attachments import (
    DEFAULT_LIMIT_MB,
    Attachment,
    attach,
    attachment_part,
    encoded_size,
    limit_bytes,
    splice_parts,
)
from kenshu_desk.mail.compose import (
    MailAddress,
    MessageError,
    as_draft,
    compose_text_message,
    message_bytes,
)
from kenshu_desk.mail.reminder_template import DEFAULT_TEMPLATE, PLACEHOLDERS
from kenshu_desk.mail.templates import MailTemplate, render_template
from kenshu_desk.messages import Message, msg
from kenshu_desk.services.mail.invitations import eml_name
from kenshu_desk.services.mail.queueing import (
    Skip,
    insert_messages,
    record_skipped,
    take_over_queued,
)
from kenshu_desk.services.mail.status import STATUS_LABELS, Status
from kenshu_desk.services.materials.materials import PDF, materials_with_data, size_text
from kenshu_desk.services.timetable.events import get_event_with_registrants

KIND = "reminder"


def has_declined(registration: Registration, partstat: str | None = None) -> bool:
    """Whether the person said they will not come: the registration was cancelled (取消) or
    marked 欠席, or their latest calendar reply (`partstat`, from answers()) is DECLINED."""
    if partstat == "DECLINED":
        return True
    return registration.state in (AttendanceState.CANCELLED, AttendanceState.ABSENT)


def answers(session: Session, event_id: int) -> dict[int, str]:
    """participant id → PARTSTAT of the reply to the invitation that counts (the newest)."""
    from kenshu_desk.services.replies.record import current_answers

    return {pid: reply.partstat for pid, reply in current_answers(session, event_id).items()}


@dataclass(frozen=True)
class Recipient:
    participant_id: int
    name: str
    organisation: str
    address: str


@dataclass(frozen=True)
class PlannedReminder:
    recipient: Recipient
    dedup_key: str
    existing_id: int | None = None  # a queued row for the same key, rebuilt


@dataclass
class ReminderPlan:
    event_id: int
    messages: list[PlannedReminder] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (who, why)
    unusable: list[Skip] = field(default_factory=list)  # also in skipped; recorded as rows
    declined: int = 0
    already: int = 0  # people who have this reminder already

    @property
    def count(self) -> int:
        return len(self.messages)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def round_prefix(event: Event) -> str:
    """The reminder's identity: the event, its date and start time."""
    return f"rem:ev{event.id}:{event.date:%Y%m%d}T{event.start_time:%H%M}:"


def check_sendable(event: Event, today: dt.date) -> None:
    if event.cancelled:
        raise UserError.of("reminders.event_cancelled", title=event.title)
    if event.date < today:
        raise UserError.of("reminders.event_over", title=event.title)


def plan_reminder(session: Session, event_id: int, *, today: dt.date | None = None) -> ReminderPlan:
    """Who would get the reminder now; nothing is written."""
    event = get_event_with_registrants(session, event_id)
    check_sendable(event, today or dt.date.today())
    plan = ReminderPlan(event_id)
    prefix = round_prefix(event)
    rows = {
        row.dedup_key: row
        for row in session.scalars(
            select(OutboxMessage).where(OutboxMessage.dedup_key.like(prefix + "%"))
        )
    }
    people: list[tuple[tuple, Recipient]] = []
    seen: set[str] = set()
    replied = answers(session, event_id)
    for reg in event.registrations:
        person = reg.participant
        if has_declined(reg, replied.get(reg.participant_id)):
            plan.declined += 1
            continue
        address = person.email.strip()
        if not address:
            plan.unusable.append(Skip(person.name, "", str(msg("outbox.no_address")), person.id))
            continue
        try:
            MailAddress(person.name, address)
        except MessageError as exc:
            plan.unusable.append(Skip(person.name, address, str(exc), person.id))
            continue
        if address.lower() in seen:
            repeated = str(msg("recordings.address_repeated", address=address))
            plan.unusable.append(Skip(person.name, address, repeated, person.id))
            continue
        seen.add(address.lower())
        recipient = Recipient(person.id, person.name, person.organisation_name, address)
        people.append((reading_sort_key(person.reading, person.name), recipient))
    plan.skipped = [(s.name, s.reason) for s in plan.unusable]
    for _, r in sorted(people, key=lambda pair: pair[0]):
        key = prefix + _digest(r.address.lower())
        row = rows.get(key)
        if row is None:
            plan.messages.append(PlannedReminder(r, key))
        elif row.status == Status.QUEUED:
            plan.messages.append(PlannedReminder(r, key, row.id))
        else:
            plan.already += 1
            label = STATUS_LABELS.get(Status(row.status), row.status)
            plan.skipped.append((r.name, str(msg("reminders.already", status=label))))
    return plan


# ---------------------------------------------------------------- attachments and size


def agenda_attachment(event: Event) -> Attachment:
    name = f"{event.date:%Y%m%d}_{event.title}_次第.pdf"
    from kenshu_desk.services.materials.materials import clean_file_name

    return Attachment(clean_file_name(name), PDF, agenda_pdf(event))


def attachments_of(
    session: Session, event: Event, *, agenda: bool, materials: bool
) -> list[Attachment]:
    found = [agenda_attachment(event)] if agenda else []
    if materials:
        found += [
            Attachment(info.file_name, info.media_type, data)
            for info, data in materials_with_data(session, event.id)
        ]
    return found


def attachment_lines(attachments: list[Attachment], titles: dict[str, str]) -> str:
    """The {添付} text: a heading and one line per file, or "" (the line then disappears)."""
    if not attachments:
        return ""
    lines = [f"・{titles.get(a.file_name, a.file_name)}（{a.file_name}）" for a in attachments]
    return "\n".join(["■添付資料", *lines])


def checked_link(link: str) -> str:
    """A download link as pasted (spaces around it removed), or "" for none; UserError for
    anything that is not one http(s) address (a reader's mail program must open it)."""
    link = link.strip()
    if not link:
        return ""
    if not re.fullmatch(r"https?://[^\s<>\"]+", link, flags=re.IGNORECASE) or len(link) > 1000:
        raise UserError.of("reminders.bad_link", link=link[:200])
    return link


def download_lines(titles: list[str], link: str) -> str:
    """The {添付} text for materials offered as a download: their titles, then the link."""
    if not link:
        return ""
    lines = [f"・{title}" for title in titles]
    return "\n".join(["■資料のダウンロード", *lines, link])


def size_warning(size: int, limit_mb: float) -> Message | None:
    """A warning when a message of `size` bytes would pass the limit in the mail settings."""
    if limit_mb > 0 and size > limit_bytes(limit_mb):
        return msg("reminders.too_large", size=size_text(size), limit=f"{limit_mb:g} MB")
    return None


def estimated_size(attachments: list[Attachment], text_bytes: int = 8 * 1024) -> int:
    """The encoded size of one message: its text (an allowance) and its files."""
    return size_of_files([len(a.data) for a in attachments], text_bytes)


def size_of_files(sizes: list[int], text_bytes: int = 8 * 1024) -> int:
    """The same from the files' sizes alone (the window: no bytes loaded to tell)."""
    return text_bytes + sum(encoded_size(size) + 300 for size in sizes)


class MessageTooLarge(UserError):
    """A reminder would pass the size limit of the mail settings."""


# ---------------------------------------------------------------- composing and queueing


def template_values(
    event: Event, recipient: Recipient, sender_name: str, files: str
) -> dict[str, str]:
    venue = event.venue or ("オンライン開催" if event.online_url else "")
    return {
        "氏名": recipient.name,
        "所属": recipient.organisation,
        "行事名": event.title,
        "日時": when_text(event),
        "会場": venue,
        "参加URL": event.online_url,
        "添付": files,
        "差出人": sender_name or event.organiser_name,
        "問い合わせ先": event.organiser_contact.strip(),
    }


def compose_reminder(
    event: Event,
    recipient: Recipient,
    sender: MailAddress,
    template: MailTemplate,
    attachments: list[Attachment],
    files_text: str,
    parts: list[bytes] | None = None,
) -> tuple[str, str, bytes]:
    """(subject, Message-ID, payload). `parts`: the attachments encoded once per run."""
    values = template_values(event, recipient, sender.name, files_text)
    filled = render_template(template, values, PLACEHOLDERS)
    message_id = make_msgid(domain=sender.domain)
    message = compose_text_message(
        sender=sender,
        recipient=MailAddress(recipient.name, recipient.address),
        subject=filled.subject,
        text=filled.body,
        message_id=message_id,
    )
    if not attachments:
        return filled.subject, message_id, message_bytes(message)
    if parts is None:
        return filled.subject, message_id, message_bytes(attach(message, attachments))
    message.make_mixed()
    return filled.subject, message_id, splice_parts(message_bytes(message), parts)


@dataclass
class ReminderQueueReport:
    plan: ReminderPlan
    ids: list[int] = field(default_factory=list)  # outbox rows ready to send
    paths: list[Path] = field(default_factory=list)  # .eml files written
    skipped_ids: list[int] = field(default_factory=list)
    size: int = 0  # the largest message, bytes


def queue_reminder(
    session: Session,
    event_id: int,
    sender: MailAddress,
    template: MailTemplate | None = None,
    *,
    attach_agenda: bool = False,
    attach_materials: bool = False,
    materials_link: str = "",
    size_limit_mb: float = DEFAULT_LIMIT_MB,
    allow_large: bool = False,
    eml_dir: Path | None = None,
    today: dt.date | None = None,
) -> ReminderQueueReport:
    """Compose and queue (or save as .eml) one reminder per person, in one transaction.
    MessageTooLarge, with nothing written, when a message would pass the size limit and
    `allow_large` is not given."""
    if eml_dir is not None and not eml_dir.is_dir():
        raise MessageError.of("outbox.eml_folder_missing", folder=eml_dir)
    plan = plan_reminder(session, event_id, today=today)
    event = get_event_with_registrants(session, event_id)
    report = ReminderQueueReport(plan)
    attachments = attachments_of(session, event, agenda=attach_agenda, materials=attach_materials)
    titles = {a.file_name: "次第" for a in attachments[:1] if attach_agenda}
    if attach_materials:
        from kenshu_desk.services.materials.materials import list_materials

        titles.update({m.file_name: m.title for m in list_materials(session, event_id)})
    files_text = attachment_lines(attachments, titles)
    link = checked_link(materials_link)
    if link:
        from kenshu_desk.services.materials.materials import list_materials

        offered = download_lines(
            [m.title or m.file_name for m in list_materials(session, event_id)], link
        )
        files_text = "\n".join(t for t in (files_text, offered) if t)
    warning = size_warning(estimated_size(attachments), size_limit_mb)
    if warning is not None and not allow_large and plan.messages:
        raise MessageTooLarge(warning)
    template = template or DEFAULT_TEMPLATE
    parts = [attachment_part(a) for a in attachments] if plan.messages else []
    status = Status.QUEUED.value if eml_dir is None else Status.SAVED.value
    fresh: list[dict[str, object]] = []
    fresh_at: list[int] = []
    ids: list[int] = []
    taken: list[tuple[int, dict[str, object]]] = []
    for index, planned in enumerate(plan.messages, start=1):
        r = planned.recipient
        subject, message_id, payload = compose_reminder(
            event, r, sender, template, attachments, files_text, parts
        )
        report.size = max(report.size, len(payload))
        values: dict[str, object] = {
            "participant_id": r.participant_id, "kind": KIND, "recipient_name": r.name[:200],
            "recipient_address": r.address, "subject": subject[:500], "message_id": message_id,
            "payload": payload, "status": status, "last_error": "", "next_attempt_at": None,
        }  # fmt: skip
        if eml_dir is not None:
            path = eml_dir / eml_name(index, r.name, r.address)
            write_atomically(path, as_draft(payload))
            values["sent_at"] = utcnow()
            values["server_reply"] = str(msg("outbox.saved_to", path=path))
            report.paths.append(path)
        if planned.existing_id is None:
            fresh_at.append(len(ids))
            ids.append(0)
            fresh.append(
                {"event_id": event_id, "dedup_key": planned.dedup_key, "attempts": 0, **values}
            )
        else:
            taken.append((planned.existing_id, values))
            ids.append(planned.existing_id)
    take_over_queued(session, taken)
    session.flush()
    for position, row_id in zip(fresh_at, insert_messages(session, fresh), strict=True):
        ids[position] = row_id
    report.ids = ids
    prefix = "remskip:" + round_prefix(event)
    report.skipped_ids = record_skipped(
        session, event_id, KIND, [(f"{prefix}p{s.participant_id}", s) for s in plan.unusable]
    )
    return report
