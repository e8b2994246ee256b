"""Reading the outbox: plain snapshots for the command line, the log view and the menus."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kenshu_desk.domain.models import OutboxMessage
from kenshu_desk.services.mail.status import Status


@dataclass(frozen=True)
class OutboxEntry:
    """A plain snapshot of one outbox row, for the command line and the log view."""

    id: int
    event_id: int | None
    participant_id: int | None
    recipient: str
    recipient_name: str
    kind: str
    status: str
    attempts: int
    created_at: dt.datetime
    sent_at: dt.datetime | None
    error: str
    server_reply: str
    subject: str
    message_id: str
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, row: OutboxMessage) -> OutboxEntry:
        return cls(
            id=row.id,
            event_id=row.event_id,
            participant_id=row.participant_id,
            recipient=row.recipient_address,
            recipient_name=row.recipient_name,
            kind=row.kind,
            status=row.status,
            attempts=row.attempts,
            created_at=row.created_at,
            sent_at=row.sent_at,
            error=row.last_error,
            server_reply=row.server_reply,
            subject=row.subject,
            message_id=row.message_id,
        )

    def to_dict(self) -> dict[str, Any]:
        def iso(value: dt.datetime | None) -> str | None:
            return None if value is None else value.replace(microsecond=0).isoformat() + "Z"

        return {
            "id": self.id,
            "event_id": self.event_id,
            "recipient": self.recipient,
            "recipient_name": self.recipient_name,
            "kind": self.kind,
            "status": self.status,
            "attempts": self.attempts,
            "created_at": iso(self.created_at),
            "sent_at": iso(self.sent_at),
            "error": self.error,
            "server_reply": self.server_reply,
            "subject": self.subject,
            "message_id": self.message_id,
        }


def list_outbox(session: Session, event_id: int | None = None) -> list[OutboxEntry]:
    stmt = select(OutboxMessage).order_by(OutboxMessage.id)
    if event_id is not None:
        stmt = stmt.where(OutboxMessage.event_id == event_id)
    return [OutboxEntry.of(row) for row in session.scalars(stmt)]


def pending_counts(session: Session) -> dict[str, int]:
    """How many messages wait (queued) or need a decision (failed, unknown)."""
    counts = dict.fromkeys((Status.QUEUED.value, Status.FAILED.value, Status.UNKNOWN.value), 0)
    for status in session.scalars(
        select(OutboxMessage.status).where(OutboxMessage.status.in_(list(counts)))
    ):
        counts[status] += 1
    return counts
