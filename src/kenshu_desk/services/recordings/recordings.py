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

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from email.utils import make_msgid
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, selectinload

from kenshu_desk.domain.japanese import reading_sort_key, wareki
from kenshu_desk.domain.models import (
    AttendanceState,
    Event,
    OutboxMessage,
    Participant,
    RecordingDelivery,
    RecordingLink,
    Registration,
    utcnow,
)
from kenshu_desk.errors import UserError
from kenshu_desk.mail.compose import (
    MailAddress,
    MessageError,
    as_draft,
    compose_text_message,
    message_bytes,
)
from kenshu_desk.mail.recording_template import DEFAULT_TEMPLATE, PLACEHOLDERS
from kenshu_desk.mail.templates import MailTemplate, render_template
from kenshu_desk.services.mail.invitations import eml_name as _eml_name
from kenshu_desk.services.mail.outbox import STATUS_LABELS, Status
from kenshu_desk.services.shared.bulk import insert_in_order
from kenshu_desk.services.timetable.events import get_event

KIND = "recording"
GROUPS = ("absent", "all", "picked")
MANUAL_METHODS = {"phone": "電話で伝達", "hand": "手渡し・口頭"}
METHOD_LABELS = {"email": "メール", "eml": "メールファイル", **MANUAL_METHODS}
MANUAL = "manual"
STATUS_TEXT = {**{s.value: label for s, label in STATUS_LABELS.items()}, MANUAL: "伝達済み"}
# What counts as "received the link" in the follow-up: the server took it, or the organiser
# told the person. An .eml draft may never have been sent from Outlook, so it does not count.
RECEIVED = (Status.SENT.value, MANUAL)
# Statuses after which a plain re-run leaves the address alone (resend to override).
DONE = (Status.SENT, Status.SAVED, Status.UNKNOWN, Status.SENDING, Status.FAILED)

# ---------------------------------------------------------------- recording links


@dataclass(frozen=True)
class RecordingInfo:
    id: int
    event_id: int
    url: str
    passcode: str
    available_until: dt.date | None
    note: str

    @classmethod
    def of(cls, row: RecordingLink) -> RecordingInfo:
        return cls(row.id, row.event_id, row.url, row.passcode, row.available_until, row.note)


def _check_url(url: str) -> str:
    url = url.strip()
    if not url.startswith(("https://", "http://")) or any(c.isspace() for c in url):
        raise UserError(f"動画の URL は http:// または https:// で始めてください: {url}")
    return url


def list_recordings(session: Session, event_id: int) -> list[RecordingInfo]:
    get_event(session, event_id)
    rows = session.scalars(
        select(RecordingLink).where(RecordingLink.event_id == event_id).order_by(RecordingLink.id)
    )
    return [RecordingInfo.of(r) for r in rows]


def add_recording(
    session: Session,
    event_id: int,
    url: str,
    passcode: str = "",
    available_until: dt.date | None = None,
    note: str = "",
) -> RecordingInfo:
    get_event(session, event_id)
    row = RecordingLink(
        event_id=event_id,
        url=_check_url(url),
        passcode=passcode.strip(),
        available_until=available_until,
        note=note,
    )
    session.add(row)
    session.flush()
    return RecordingInfo.of(row)


def _recording(session: Session, recording_id: int) -> RecordingLink:
    # The event's registrations and people come along: choosing recipients reads each one.
    people = (
        selectinload(RecordingLink.event)
        .selectinload(Event.registrations)
        .selectinload(Registration.participant)
        .selectinload(Participant.organisation)
    )
    row = session.get(RecordingLink, recording_id, options=[people])
    if row is None:
        raise UserError(f"動画リンク {recording_id} が見つかりません。")
    return row


def edit_recording(
    session: Session,
    recording_id: int,
    *,
    url: str,
    passcode: str,
    available_until: dt.date | None,
    note: str,
) -> RecordingInfo:
    row = _recording(session, recording_id)
    row.url = _check_url(url)
    row.passcode = passcode.strip()
    row.available_until = available_until
    row.note = note
    session.flush()
    return RecordingInfo.of(row)


def delete_recording(session: Session, recording_id: int) -> None:
    """Deletes the link and its delivery log (the outbox keeps the mails themselves)."""
    session.delete(_recording(session, recording_id))
    session.flush()


def find_or_add_recording(
    session: Session,
    event_id: int,
    url: str,
    passcode: str | None = None,
    available_until: dt.date | None = None,
) -> RecordingInfo:
    """The event's link with this URL (updated with a passcode/date given), or a new one."""
    url = _check_url(url)
    row = session.scalars(
        select(RecordingLink).where(RecordingLink.event_id == event_id, RecordingLink.url == url)
    ).first()
    if row is None:
        return add_recording(session, event_id, url, passcode or "", available_until)
    if passcode is not None:
        row.passcode = passcode.strip()
    if available_until is not None:
        row.available_until = available_until
    session.flush()
    return RecordingInfo.of(row)


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


def choose_recipients(
    event: Event,
    group: str = "absent",
    picked: Iterable[int] = (),
    extras: Iterable[tuple[str, str]] = (),
) -> tuple[list[Recipient], list[tuple[str, str]]]:
    """The recipients of a group plus extra (name, address) pairs; and who was left out, why."""
    if group not in GROUPS:
        raise UserError(f"送信先の指定が正しくありません: {group}（absent / all / picked）")
    chosen = set(picked)
    found: list[Recipient] = []
    skipped: list[tuple[str, str]] = []
    seen: set[str] = set()

    def take(name: str, address: str, pid: int | None) -> None:
        address = address.strip()
        if not address:
            skipped.append((name, "メールアドレスがありません"))
            return
        try:
            MailAddress(name, address)
        except MessageError as exc:
            skipped.append((name, str(exc)))
            return
        if address.lower() in seen:
            skipped.append((name, f"{address} は既に送信先に含まれています"))
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
    recipients, skipped = choose_recipients(link.event, group, picked, extras)
    plan = RecordingPlan(recording_id, skipped=skipped)
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
            plan.skipped.append((r.name, f"{STATUS_TEXT.get(last.status, last.status)}です"))
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
) -> tuple[str, str, bytes]:
    filled = render_recording(template or DEFAULT_TEMPLATE, link, link.event, recipient.name)
    message_id = make_msgid(domain=sender.domain)
    msg = compose_text_message(
        sender=sender,
        recipient=MailAddress(recipient.name, recipient.address),
        subject=filled.subject,
        text=filled.body,
        message_id=message_id,
    )
    return filled.subject, message_id, message_bytes(msg)


@dataclass
class RecordingQueueReport:
    plan: RecordingPlan
    ids: list[int] = field(default_factory=list)  # outbox rows ready
    paths: list[Path] = field(default_factory=list)  # .eml files written


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
) -> RecordingQueueReport:
    """Compose, queue (or save as .eml) and log one message per recipient, in one transaction."""
    if eml_dir is not None and not eml_dir.is_dir():
        raise MessageError(f"フォルダ {eml_dir} が見つかりません。")
    link = _recording(session, recording_id)
    plan = plan_recording(session, recording_id, group, picked, extras, resend=resend)
    report = RecordingQueueReport(plan)
    # A fixed number of statements, not a few per recipient: across an office network each
    # statement is a round trip. Fresh rows go in with multi-row INSERTs, reused ones (a queue
    # not yet sent) are updated through the ORM in one flush.
    method = "email" if eml_dir is None else "eml"
    status = Status.QUEUED.value if eml_dir is None else Status.SAVED.value
    ids: list[int] = []
    fresh: list[dict[str, object]] = []
    fresh_at: list[int] = []
    people: list[dict[str, object]] = []
    for index, planned in enumerate(plan.messages, start=1):
        subject, message_id, payload = compose_recording(link, planned.recipient, sender, template)
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
            try:
                path.write_bytes(as_draft(payload))
            except OSError as exc:
                raise MessageError(f"{path} に書き込めません: {exc.strerror}") from exc
            values["sent_at"] = delivery["delivered_at"] = utcnow()
            values["server_reply"] = f"保存先: {path}"
            report.paths.append(path)
        people.append(delivery)
        # plan_recording loaded the existing rows: this get reads the identity map.
        row = session.get(OutboxMessage, planned.existing_id) if planned.existing_id else None
        if row is None:
            fresh_at.append(len(ids))
            ids.append(0)
            fresh.append(
                {"event_id": link.event_id, "dedup_key": planned.dedup_key, "attempts": 0, **values}
            )
        else:
            for name, value in values.items():
                setattr(row, name, value)
            ids.append(row.id)
    session.flush()
    for position, row_id in zip(
        fresh_at, insert_in_order(session, OutboxMessage, fresh), strict=True
    ):
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
    return report


def record_manual_delivery(
    session: Session,
    recording_id: int,
    *,
    method: str,
    participant_id: int | None = None,
    name: str = "",
    address: str = "",
    when: dt.datetime | None = None,
    note: str = "",
) -> int:
    """ "Told by phone" or "handed over": entered by hand, with its date and a note."""
    if method not in MANUAL_METHODS:
        raise UserError(f"伝達方法は {' / '.join(MANUAL_METHODS)} のいずれかです: {method}")
    _recording(session, recording_id)
    if participant_id is not None:
        person = session.get(Participant, participant_id)
        if person is None:
            raise UserError(f"参加者 {participant_id} が見つかりません。")
        name = name or person.name
        address = address or person.email
    if not name.strip():
        raise UserError("伝えた相手の氏名を入力してください。")
    row = RecordingDelivery(
        recording_id=recording_id,
        participant_id=participant_id,
        recipient_name=name.strip(),
        address=address.strip(),
        method=method,
        status=MANUAL,
        delivered_at=when or utcnow(),
        note=note,
    )
    session.add(row)
    session.flush()
    return row.id


def delete_delivery(session: Session, delivery_id: int) -> None:
    """Only a manual entry can be removed; e-mail deliveries are the outbox's record."""
    row = session.get(RecordingDelivery, delivery_id)
    if row is None:
        raise UserError(f"配信記録 {delivery_id} が見つかりません。")
    if row.outbox_message_id is not None or row.status != MANUAL:
        raise UserError("メールの配信記録は削除できません。")
    session.delete(row)
    session.flush()


def outbox_ids(session: Session, ids: Sequence[int]) -> list[int]:
    """The queued ones among ids (what send_queued should be given)."""
    return list(
        session.scalars(
            select(OutboxMessage.id).where(
                OutboxMessage.id.in_(list(ids)), OutboxMessage.status == Status.QUEUED
            )
        )
    )
