"""Writing messages into the outbox, the same way for invitations, updates, cancellations and
recording links, so that queueing can never bring back a row another run has taken.

- A queued row rebuilt for this run (today's template, the event's latest version) is
  rewritten only while it is still `queued`: a conditional UPDATE. If another run has
  claimed it (`sending`) or sent it meanwhile, nothing is written and the whole queueing
  transaction is given up with QueueRaceLost — one line for the user, no traceback.
- New rows go in with one INSERT; the outbox's unique dedup key makes a second run that
  planned the same message at the same moment fail there: also QueueRaceLost, nothing kept.
- A recipient who is left out (no address, an address that cannot be used …) gets a row of
  its own with status `skipped` and the reason, so the record says why nobody wrote to them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kenshu_desk.domain.models import OutboxMessage
from kenshu_desk.errors import UserError
from kenshu_desk.messages import msg
from kenshu_desk.services.mail.status import Status
from kenshu_desk.services.shared.bulk import insert_in_order


class QueueRaceLost(UserError):
    """Another send run took (or queued) the same messages at the same moment."""

    def __init__(self) -> None:
        super().__init__(msg("outbox.queue_race_lost"))


def take_over_queued(session: Session, rows: Sequence[tuple[int, dict[str, Any]]]) -> None:
    """Rewrite rows that are still `queued`; QueueRaceLost if another run got there first.

    Called once, after every message is composed: on SQLite the first write takes the
    database's write lock, and a send run elsewhere must not wait while we compose."""
    for row_id, values in rows:
        result: Any = session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == row_id, OutboxMessage.status == Status.QUEUED.value)
            .values(**values)
            .execution_options(synchronize_session="evaluate")
        )
        if result.rowcount != 1:
            raise QueueRaceLost()


def insert_messages(session: Session, rows: Sequence[dict[str, Any]]) -> list[int]:
    """Insert new outbox rows (ids in order); QueueRaceLost on a dedup key another run took."""
    try:
        return insert_in_order(session, OutboxMessage, rows)
    except IntegrityError:
        raise QueueRaceLost() from None  # the error's text would carry names and addresses


@dataclass(frozen=True)
class Skip:
    """A recipient left out, and why (worded when the plan is made: the outbox stores it)."""

    name: str
    address: str
    reason: str
    participant_id: int | None = None


def record_skipped(
    session: Session, event_id: int | None, kind: str, skips: Sequence[tuple[str, Skip]]
) -> list[int]:
    """One `skipped` row per (dedup key, Skip): new, or the earlier skip's reason updated.
    A key that already holds a real message (sent, queued …) is left alone."""
    if not skips:
        return []
    keys = [key for key, _ in skips]
    existing = {
        row.dedup_key: row
        for row in session.execute(
            select(OutboxMessage.id, OutboxMessage.dedup_key, OutboxMessage.status).where(
                OutboxMessage.dedup_key.in_(keys)
            )
        )
    }
    fresh: list[dict[str, Any]] = []
    ids: list[int] = []
    for key, skip in skips:
        values = {
            "recipient_name": skip.name[:200],
            "recipient_address": skip.address[:320],
            "last_error": skip.reason,
        }
        found = existing.get(key)
        if found is None:
            fresh.append({
                "event_id": event_id, "participant_id": skip.participant_id, "kind": kind,
                "dedup_key": key, "status": Status.SKIPPED.value, "payload": b"",
                "attempts": 0, "subject": "", "message_id": "", "server_reply": "",
                **values,
            })  # fmt: skip
        elif found.status == Status.SKIPPED:
            session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.id == found.id, OutboxMessage.status == Status.SKIPPED.value)
                .values(**values)
                .execution_options(synchronize_session=False)
            )
            ids.append(found.id)
    return ids + insert_messages(session, fresh)
