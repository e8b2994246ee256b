"""Recording-link deliveries the organiser enters by hand: told by phone, handed over."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from kenshu_desk.domain.models import Participant, RecordingDelivery, utcnow
from kenshu_desk.errors import UserError
from kenshu_desk.messages import Message, msg
from kenshu_desk.services.recordings.links import _recording

MANUAL_METHOD_MESSAGES: dict[str, Message] = {
    "phone": msg("recordings.method_phone"),
    "hand": msg("recordings.method_hand"),
}
# The same in Japanese: the stored word the window shows through shown() and files keep.
MANUAL_METHODS = {method: label.text("ja") for method, label in MANUAL_METHOD_MESSAGES.items()}
MANUAL = "manual"  # the status of a delivery recorded by hand


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
        raise UserError.of(
            "recordings.method_unknown", methods=" / ".join(MANUAL_METHODS), method=method
        )
    _recording(session, recording_id)
    if participant_id is not None:
        person = session.get(Participant, participant_id)
        if person is None:
            raise UserError.of("recordings.participant_missing", participant_id=participant_id)
        name = name or person.name
        address = address or person.email
    if not name.strip():
        raise UserError.of("recordings.name_required")
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
        raise UserError.of("recordings.delivery_missing", delivery_id=delivery_id)
    if row.outbox_message_id is not None or row.status != MANUAL:
        raise UserError.of("recordings.mail_delivery_kept")
    session.delete(row)
    session.flush()
