"""Where the recording links went: the delivery log and the per-registrant follow-up.

The status of an e-mailed link is read from its outbox row at read time (see
services/recordings/recordings.py for why); a manual delivery carries its own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kenshu_desk.domain.models import (
    AttendanceState,
    OutboxMessage,
    RecordingDelivery,
    RecordingLink,
)
from kenshu_desk.services.mail.outbox import Status
from kenshu_desk.services.recordings.recordings import (
    METHOD_LABELS,
    RECEIVED,
    STATUS_TEXT,
    registrations_of,
)
from kenshu_desk.services.timetable.events import get_event


@dataclass(frozen=True)
class DeliveryEntry:
    id: int
    recording_id: int
    url: str
    participant_id: int | None
    recipient: str
    address: str
    method: str
    status: str
    sent_at: dt.datetime | None
    note: str
    outbox_message_id: int | None

    @property
    def status_label(self) -> str:
        return STATUS_TEXT.get(self.status, self.status)

    @property
    def local_time(self) -> str:
        """sent_at (stored as naive UTC) in the computer's time zone, for people and files."""
        if self.sent_at is None:
            return ""
        return f"{self.sent_at.replace(tzinfo=dt.UTC).astimezone():%Y-%m-%d %H:%M}"

    @property
    def method_label(self) -> str:
        return METHOD_LABELS.get(self.method, self.method)

    def to_dict(self) -> dict[str, object]:
        sent = self.sent_at
        return {
            "recipient": self.recipient,
            "address": self.address,
            "url": self.url,
            "sent_at": None if sent is None else sent.replace(microsecond=0).isoformat() + "Z",
            "status": self.status,
            "method": self.method,
            "note": self.note,
            "participant_id": self.participant_id,
            "recording_id": self.recording_id,
        }


def delivery_log(session: Session, event_id: int) -> list[DeliveryEntry]:
    """Every delivery of the event's recordings, oldest first, status read from the outbox."""
    get_event(session, event_id)
    rows = session.execute(
        select(RecordingDelivery, RecordingLink, OutboxMessage)
        .join(RecordingLink, RecordingDelivery.recording_id == RecordingLink.id)
        .outerjoin(OutboxMessage, RecordingDelivery.outbox_message_id == OutboxMessage.id)
        .where(RecordingLink.event_id == event_id)
        .order_by(RecordingDelivery.id)
    ).all()
    entries = []
    for delivery, link, message in rows:
        if message is not None:
            status, sent_at = message.status, message.sent_at
            note = delivery.note or (message.last_error if status == Status.FAILED else "")
        else:
            status, sent_at, note = delivery.status, delivery.delivered_at, delivery.note
        entries.append(
            DeliveryEntry(
                delivery.id,
                link.id,
                link.url,
                delivery.participant_id,
                delivery.recipient_name,
                delivery.address,
                delivery.method,
                status,
                sent_at,
                note,
                delivery.outbox_message_id,
            )
        )
    return entries


@dataclass(frozen=True)
class FollowUpRow:
    participant_id: int
    name: str
    organisation: str
    email: str
    state: str
    attended: bool
    received: bool

    @property
    def neither(self) -> bool:
        return not self.attended and not self.received


def follow_up(session: Session, event_id: int) -> list[FollowUpRow]:
    """Per registrant (not cancelled): attended, received the link, or neither."""
    event = get_event(session, event_id)
    received = {
        e.participant_id
        for e in delivery_log(session, event_id)
        if e.participant_id is not None and e.status in RECEIVED
    }
    return [
        FollowUpRow(
            reg.participant.id,
            reg.participant.name,
            reg.participant.organisation_name,
            reg.participant.email,
            reg.state,
            AttendanceState(reg.state).attended,
            reg.participant.id in received,
        )
        for reg in registrations_of(event)
    ]
