"""Recording links of an event, who gets them, and the record of where each one went.

Recipients. "absent" (the default group) means every registration that is neither attended
(会場/オンライン) nor cancelled: people marked 欠席 and people still only 申込 after the event
(no attendance was recorded for them, so they did not come). "all" is every registration not
cancelled; "picked" is a hand-chosen list of participant ids (registered for the event). Extra
addresses (a municipality's shared mailbox…) come on top, with a name.

Each message is queued in the outbox (kind "recording") with a dedup key per event, URL and
address, so running the same step twice never sends twice. `resend=True` sends again to
those who already got it: a new outbox row (the key gets a ":rN" suffix) and a new delivery,
so the log keeps every sending.

Status of an e-mail delivery is derived at read time from its outbox row (sent, failed,
unknown, saved, queued…), never copied: the outbox is the one record of what happened, and
a derived status cannot drift from it. A manual delivery (phone, handed over) has the status
"manual" and the date and note the organiser typed.

The passcode only ever goes into these mails: documents/ics.py never reads recordings.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from email.utils import make_msgid
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from kenshu_desk.atomic_file import write_atomically
from kenshu_desk.domain.japanese import reading_sort_key, wareki
from kenshu_desk.domain.models import (
    AttendanceState,
    Event,
    OutboxMessage,
    RecordingDelivery,
    RecordingLink,
    Registration,
    utcnow,
)
from kenshu_desk.errors import UserError
from kenshu_desk.mail.attachments import Attachment, attach
from kenshu_desk.mail.compose import (
    MailAddress,
    MessageError,
    as_draft,
    compose_text_message,
    message_bytes,
)
from kenshu_desk.mail.recording_template import DEFAULT_TEMPLATE, PLACEHOLDERS
from kenshu_desk.mail.templates import MailTemplate, render_template
from kenshu_desk.messages import Message, msg
from kenshu_desk.services.mail.invitations import eml_name as _eml_name
from kenshu_desk.services.mail.queueing import (
    Skip,
    insert_messages,
    record_skipped,
    take_over_queued,
)
from kenshu_desk.services.mail.status import STATUS_LABELS, Status
from kenshu_desk.services.recordings.links import (  # noqa: F401  (the module's API)
    RecordingInfo,
    _recording,
    add_recording,
    delete_recording,
    edit_recording,
    find_or_add_recording,
    list_recordings,
)

# Manual deliveries (phone, handed over) live in manual.py; part of this module's API too.
from kenshu_desk.services.recordings.manual import (  # noqa: F401
    MANUAL,
    MANUAL_METHOD_MESSAGES,
    MANUAL_METHODS,
    delete_delivery,
    record_manual_delivery,
)

KIND = "recording"
GROUPS = ("absent", "all", "picked")
# How a link went, in the running language (the command line's delivery log) …
METHOD_MESSAGES: dict[str, Message] = {
    "email": msg("recordings.method_email"),
    "eml": msg("recordings.method_eml"),
    **MANUAL_METHOD_MESSAGES,
}
# … and in Japanese, as the delivery log's files keep it.
METHOD_LABELS = {method: label.text("ja") for method, label in METHOD_MESSAGES.items()}
STATUS_MESSAGES: dict[str, Message] = {
    **{s.value: label for s, label in STATUS_LABELS.items()},
    MANUAL: msg("recordings.status_manual"),
}
# The same in Japanese: the delivery log's files keep it (the window shows it through shown()).
STATUS_TEXT = {status: label.text("ja") for status, label in STATUS_MESSAGES.items()}
# What counts as "received the link" in the follow-up: the server took it, or the organiser
# told the person. An .eml draft may never have been sent from Outlook, so it does not count.
RECEIVED = (Status.SENT.value, MANUAL)
# Statuses after which a plain re-run leaves the address alone (resend to override).
DONE = (Status.SENT, Status.SAVED, Status.UNKNOWN, Status.SENDING, Status.FAILED)

# ---------------------------------------------------------------- recipients and plan


@dataclass(frozen=True)
class Recipient:
    name: str
    address: str
    participant_id: int | None = None  # None: an extra address


@dataclass(frozen=True)
class PlannedRecording:
    recipient: Recipient
    dedup_key: str
    existing_id: int | None = None  # a queued outbox row for the same key, rebuilt


@dataclass
class RecordingPlan:
    recording_id: int
    messages: list[PlannedRecording] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (who, why)
    unusable: list[Skip] = field(default_factory=list)  # also in skipped; recorded as rows

    @property
    def count(self) -> int:
        return len(self.messages)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def dedup_prefix(event_id: int, url: str) -> str:
    """Keyed by the event and the URL, not the link's id: SQLite may reuse the id of a
    deleted link, and a link deleted and added again must not go out twice."""
    return f"rec:ev{event_id}:{_digest(url.strip())}:"


def dedup_base(event_id: int, url: str, address: str) -> str:
    return dedup_prefix(event_id, url) + _digest(address.strip().lower())


def is_absent(state: str) -> bool:
    return state not in (
        AttendanceState.ATTENDED_VENUE,
        AttendanceState.ATTENDED_ONLINE,
        AttendanceState.CANCELLED,
    )


def registrations_of(event: Event) -> list[Registration]:
    regs = [r for r in event.registrations if r.state != AttendanceState.CANCELLED]
    return sorted(regs, key=lambda r: reading_sort_key(r.participant.reading, r.participant.name))


def _choose(
    event: Event,
    group: str,
    picked: Iterable[int],
    extras: Iterable[tuple[str, str]],
) -> tuple[list[Recipient], list[Skip]]:
    if group not in GROUPS:
        raise UserError.of("recordings.group_unknown", group=group)
    chosen = set(picked)
    found: list[Recipient] = []
    skipped: list[Skip] = []
    seen: set[str] = set()

    def take(name: str, address: str, pid: int | None) -> None:
        address = address.strip()
        if not address:
            skipped.append(Skip(name, "", str(msg("outbox.no_address")), pid))
            return
        try:
            MailAddress(name, address)
        except MessageError as exc:
            skipped.append(Skip(name, address, str(exc), pid))
            return
        if address.lower() in seen:
            repeated = str(msg("recordings.address_repeated", address=address))
            skipped.append(Skip(name, address, repeated, pid))
            return
        seen.add(address.lower())
        found.append(Recipient(name, address, pid))

    for reg in registrations_of(event):
        person = reg.participant
        if group == "absent" and not is_absent(reg.state):
            continue
        if group == "picked" and person.id not in chosen:
            continue
        take(person.name, person.email, person.id)
    for name, address in extras:
        take(name.strip() or address.strip(), address, None)
    return found, skipped


def plan_recording(
    session: Session,
    recording_id: int,
    group: str = "absent",
    picked: Iterable[int] = (),
    extras: Iterable[tuple[str, str]] = (),
    *,
    resend: bool = False,
) -> RecordingPlan:
    """Who would get the link now; nothing is written."""
    link = _recording(session, recording_id)
    recipients, unusable = _choose(link.event, group, picked, extras)
    plan = RecordingPlan(
        recording_id, skipped=[(s.name, s.reason) for s in unusable], unusable=unusable
    )
    rows = session.scalars(
        select(OutboxMessage).where(
            OutboxMessage.dedup_key.like(dedup_prefix(link.event_id, link.url) + "%")
        )
    ).all()
    for r in recipients:
        base = dedup_base(link.event_id, link.url, r.address)
        same = [
            row for row in rows if row.dedup_key == base or row.dedup_key.startswith(base + ":")
        ]
        queued = next((row for row in same if row.status == Status.QUEUED), None)
        if queued is not None:
            plan.messages.append(PlannedRecording(r, queued.dedup_key, queued.id))
            continue
        if same and not resend:
            last = max(same, key=lambda row: row.id)
            status = STATUS_MESSAGES.get(last.status, last.status)
            plan.skipped.append((r.name, str(msg("recordings.already", status=status))))
            continue
        key = base if not same else f"{base}:r{len(same)}"
        plan.messages.append(PlannedRecording(r, key))
    return plan


# ---------------------------------------------------------------- composing and queueing


def template_values(link: RecordingLink | RecordingInfo, event: Event, name: str) -> dict[str, str]:
    until = link.available_until
    return {
        "氏名": name,
        "行事名": event.title,
        "動画URL": link.url,
        "パスコード": link.passcode,
        "公開期限": f"{wareki(until)}まで" if until else "",
    }


def render_recording(
    template: MailTemplate, link: RecordingLink | RecordingInfo, event: Event, name: str
) -> MailTemplate:
    return render_template(template, template_values(link, event, name), PLACEHOLDERS)


def compose_recording(
    link: RecordingLink,
    recipient: Recipient,
    sender: MailAddress,
    template: MailTemplate | None = None,
    attachments: Sequence[Attachment] = (),
    files_text: str = "",
) -> tuple[str, str, bytes]:
    """The message; with `attachments` (the event's materials, sent after the event) the files
    are attached and `files_text` (their list) closes the text."""
    filled = render_recording(template or DEFAULT_TEMPLATE, link, link.event, recipient.name)
    message_id = make_msgid(domain=sender.domain)
    body = f"{filled.body.rstrip()}\n\n{files_text}\n" if files_text else filled.body
    message = compose_text_message(
        sender=sender,
        recipient=MailAddress(recipient.name, recipient.address),
        subject=filled.subject,
        text=body,
        message_id=message_id,
    )
    return filled.subject, message_id, message_bytes(attach(message, attachments))


def _materials(
    session: Session, link: RecordingLink, wanted: bool, limit_mb: float, allow_large: bool
) -> tuple[list[Attachment], str]:
    """The event's materials as attachments and the text listing them (none unless wanted)."""
    if not wanted:
        return [], ""
    from kenshu_desk.services.materials.materials import list_materials
    from kenshu_desk.services.reminders.reminders import (
        MessageTooLarge,
        attachment_lines,
        attachments_of,
        estimated_size,
        size_warning,
    )

    attachments = attachments_of(session, link.event, agenda=False, materials=True)
    warning = size_warning(estimated_size(attachments), limit_mb)
    if warning is not None and not allow_large:
        raise MessageTooLarge(warning)
    titles = {m.file_name: m.title for m in list_materials(session, link.event_id)}
    return attachments, attachment_lines(attachments, titles)


@dataclass
class RecordingQueueReport:
    plan: RecordingPlan
    ids: list[int] = field(default_factory=list)  # outbox rows ready
    paths: list[Path] = field(default_factory=list)  # .eml files written
    skipped_ids: list[int] = field(default_factory=list)  # `skipped` rows written


def queue_recording(
    session: Session,
    recording_id: int,
    sender: MailAddress,
    template: MailTemplate | None = None,
    *,
    group: str = "absent",
    picked: Iterable[int] = (),
    extras: Iterable[tuple[str, str]] = (),
    resend: bool = False,
    eml_dir: Path | None = None,
    materials: bool = False,
    size_limit_mb: float = 0.0,
    allow_large: bool = False,
) -> RecordingQueueReport:
    """Compose, queue (or save as .eml) and log one message per recipient, in one transaction.
    `materials`: the event's materials (資料) go with the link, as attachments listed at the
    end of the text; MessageTooLarge, with nothing written, when one message would pass
    `size_limit_mb` (the mail settings' limit) and `allow_large` is not given."""
    if eml_dir is not None and not eml_dir.is_dir():
        raise MessageError.of("outbox.eml_folder_missing", folder=eml_dir)
    link = _recording(session, recording_id)
    plan = plan_recording(session, recording_id, group, picked, extras, resend=resend)
    report = RecordingQueueReport(plan)
    attachments, files_text = _materials(
        session, link, materials and bool(plan.messages), size_limit_mb, allow_large
    )
    # A fixed number of statements, not a few per recipient: across an office network each
    # statement is a round trip. Fresh rows go in with multi-row INSERTs, reused ones (a queue
    # not yet sent) are updated through the ORM in one flush.
    method = "email" if eml_dir is None else "eml"
    status = Status.QUEUED.value if eml_dir is None else Status.SAVED.value
    ids: list[int] = []
    fresh: list[dict[str, object]] = []
    fresh_at: list[int] = []
    taken: list[tuple[int, dict[str, object]]] = []  # queued rows rebuilt, written last
    people: list[dict[str, object]] = []
    for index, planned in enumerate(plan.messages, start=1):
        subject, message_id, payload = compose_recording(
            link, planned.recipient, sender, template, attachments, files_text
        )
        values: dict[str, object] = {
            "participant_id": planned.recipient.participant_id,
            "kind": KIND,
            "recipient_name": planned.recipient.name,
            "recipient_address": planned.recipient.address,
            "subject": subject,
            "message_id": message_id,
            "payload": payload,
            "status": status,
            "last_error": "",
            "next_attempt_at": None,
        }
        delivery: dict[str, object] = {
            "participant_id": planned.recipient.participant_id,
            "recipient_name": planned.recipient.name,
            "address": planned.recipient.address,
            "method": method,
            "status": status,  # as queued; read-time status comes from the outbox row
            "delivered_at": None,
        }
        if eml_dir is not None:
            path = eml_dir / _eml_name(index, planned.recipient.name, planned.recipient.address)
            write_atomically(path, as_draft(payload))
            values["sent_at"] = delivery["delivered_at"] = utcnow()
            values["server_reply"] = str(msg("outbox.saved_to", path=path))
            report.paths.append(path)
        people.append(delivery)
        # plan_recording loaded the existing rows: this get reads the identity map.
        if planned.existing_id is None:
            fresh_at.append(len(ids))
            ids.append(0)
            fresh.append(
                {"event_id": link.event_id, "dedup_key": planned.dedup_key, "attempts": 0, **values}
            )
        else:  # only while still queued: never a row another run has claimed or sent
            taken.append((planned.existing_id, values))
            ids.append(planned.existing_id)
    take_over_queued(session, taken)
    session.flush()
    for position, row_id in zip(fresh_at, insert_messages(session, fresh), strict=True):
        ids[position] = row_id
    known = (
        {
            d.outbox_message_id: d
            for d in session.scalars(
                select(RecordingDelivery).where(RecordingDelivery.outbox_message_id.in_(ids))
            )
        }
        if ids
        else {}
    )
    new_deliveries = []
    for row_id, values in zip(ids, people, strict=True):
        existing = known.get(row_id)
        if existing is None:
            new_deliveries.append(
                {"recording_id": recording_id, "outbox_message_id": row_id, **values}
            )
            continue
        for name, value in values.items():
            if name != "delivered_at" or value is not None:
                setattr(existing, name, value)
    session.flush()
    if new_deliveries:
        session.execute(insert(RecordingDelivery), new_deliveries)
    report.ids.extend(ids)
    prefix = f"recskip:ev{link.event_id}:{_digest(link.url.strip())}:"
    report.skipped_ids = record_skipped(
        session, link.event_id, KIND,
        [(prefix + _skip_who(skip), skip) for skip in plan.unusable],
    )  # fmt: skip
    return report


def _skip_who(skip: Skip) -> str:
    if skip.participant_id is not None:
        return f"p{skip.participant_id}"
    return "x" + _digest(f"{skip.name}\n{skip.address.strip().lower()}")
