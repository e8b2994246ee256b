"""The outbox: every message queued in the database, then sent over one SMTP connection.

States: queued → sending → sent | failed, plus `saved` (written as an .eml instead) and
`unknown` (see below). Each step is its own committed transaction, so the record survives a
crash at any point.

Crash safety. A message is marked `sending` (committed) just before MAIL/RCPT/DATA and
`sent` right after the server's 250. If the process dies in between, the row stays
`sending` and nobody can tell from our side whether the server took it: SMTP has no way to
ask "did you get Message-ID X?". Resending would risk a duplicate invitation; not sending
would risk a missing one. The issue asks never to send twice, so the next run marks such
rows `unknown` (送信結果不明) and does not resend them; the outbox view and
`kenshu-desk outbox` show them, and the organiser decides ("send again"). The window is
small: only the message in flight at the moment of the crash.

A row is only declared interrupted when the run that claimed it is gone: the claim names
host and process; on this host a dead process is detected at once, a claim from another
host (a shared PostgreSQL database) only after STALE_AFTER.

Temporary failures (4xx, a dropped connection) go back to `queued` with a back-off and are
retried in the same run, on a new connection if needed; permanent ones (5xx) are marked
`failed` with the server's answer and the run goes on with the next recipient.
"""

from __future__ import annotations

import datetime as dt
import functools
import heapq
import os
import re
import socket
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from email.parser import BytesHeaderParser
from email.utils import parseaddr
from enum import StrEnum
from typing import Any, Protocol

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from kenshu_desk.database import Database
from kenshu_desk.domain.models import OutboxMessage, utcnow
from kenshu_desk.mail.transport import DeliveryError, SmtpConfigError


class Status(StrEnum):
    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    UNKNOWN = "unknown"
    SAVED = "saved"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS = {
    Status.QUEUED: "送信待ち",
    Status.SENDING: "送信中",
    Status.SENT: "送信済み",
    Status.FAILED: "送信失敗",
    Status.UNKNOWN: "送信結果不明",
    Status.SAVED: "ファイルに保存",
}

RESENDABLE = (Status.FAILED, Status.UNKNOWN, Status.SAVED, Status.SENT)
STALE_AFTER = dt.timedelta(minutes=15)
INTERRUPTED_NOTE = (
    "送信中にアプリケーションが終了しました。届いているかどうか分かりません。"
    "受信者に確認するか、「再送」を選んでください。"
)


class Transport(Protocol):
    def open(self) -> None: ...
    def close(self) -> None: ...
    def send(self, envelope_from: str, recipient: str, payload: bytes) -> str: ...


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 5
    first_delay: float = 2.0  # seconds; doubles each time
    max_delay: float = 120.0

    def delay(self, attempt: int) -> float:
        return min(self.first_delay * 2 ** max(attempt - 1, 0), self.max_delay)


DEFAULT_RETRY = RetryPolicy()


@dataclass(frozen=True)
class SendProgress:
    done: int
    total: int
    sent: int
    failed: int
    current: str  # recipient being handled, or a note


@dataclass
class SendReport:
    sent: int = 0
    failed: int = 0
    retried: int = 0
    interrupted: int = 0  # rows found `sending` from a dead run, now `unknown`
    left_queued: int = 0
    cancelled: bool = False
    error: str = ""  # why the run stopped early (cannot connect, login refused …)
    connections: int = 0

    def summary(self) -> str:
        parts = [f"送信 {self.sent} 件", f"失敗 {self.failed} 件"]
        if self.left_queued:
            parts.append(f"未送信 {self.left_queued} 件")
        if self.interrupted:
            parts.append(f"送信結果不明 {self.interrupted} 件")
        text = "、".join(parts)
        if self.cancelled:
            text += "（中止しました）"
        if self.error:
            text += f"。{self.error}"
        return text


def _runner_id() -> str:
    return f"{socket.gethostname()[:60]}|{os.getpid()}|{uuid.uuid4().hex[:12]}"


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return True  # Windows raises for pids it cannot signal; be conservative
    return True


def _claim_is_dead(claimed_by: str, claimed_at: dt.datetime | None, now: dt.datetime) -> bool:
    if claimed_at is None or now - claimed_at > STALE_AFTER:
        return True
    host, _, rest = claimed_by.partition("|")
    pid_text = rest.partition("|")[0]
    if host != socket.gethostname()[:60] or not pid_text.isdigit():
        return False
    return not _process_alive(int(pid_text))


def recover_interrupted(db: Database) -> int:
    """Mark rows left `sending` by a run that died as `unknown`. Never resends them."""
    now = utcnow()
    with db.session() as s:
        rows = s.scalars(select(OutboxMessage).where(OutboxMessage.status == Status.SENDING))
        count = 0
        for row in rows:
            if _claim_is_dead(row.claimed_by, row.claimed_at, now):
                row.status = Status.UNKNOWN.value
                row.last_error = INTERRUPTED_NOTE
                count += 1
    return count


_FROM_FIELD = re.compile(rb"^From:[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*", re.MULTILINE | re.IGNORECASE)
_HEADER_END = re.compile(rb"\r?\n\r?\n")


def envelope_sender(payload: bytes) -> str:
    """The From address of a stored message (what it was composed with)."""
    end = _HEADER_END.search(payload)
    found = _FROM_FIELD.search(payload, 0, end.start() if end else len(payload))
    return _address_of_from_field(found.group()) if found else ""


@functools.lru_cache(maxsize=32)
def _address_of_from_field(field: bytes) -> str:
    # Every message of a run has the same From: parsed once, not once per message.
    headers = BytesHeaderParser().parsebytes(field + b"\r\n\r\n")
    return parseaddr(str(headers.get("From", "")))[1]


def _queued_ids(db: Database, event_id: int | None, ids: Sequence[int] | None) -> list[int]:
    with db.session() as s:
        stmt = select(OutboxMessage.id).where(OutboxMessage.status == Status.QUEUED)
        if event_id is not None:
            stmt = stmt.where(OutboxMessage.event_id == event_id)
        if ids is not None:
            stmt = stmt.where(OutboxMessage.id.in_(list(ids)))
        return list(s.scalars(stmt.order_by(OutboxMessage.id)))


_TABLE = OutboxMessage.__table__
_CLAIMED_COLUMNS = (_TABLE.c.recipient_address, _TABLE.c.payload, _TABLE.c.attempts)


@dataclass(frozen=True)
class _Claimed:
    id: int
    recipient_address: str
    payload: bytes
    attempts: int


@dataclass(frozen=True)
class _Outcome:
    """What became of a message: the row's new values, not yet written."""

    row_id: int
    values: dict[str, Any]


@functools.cache
def _update_statement(columns: tuple[str, ...]) -> Any:
    """UPDATE … SET the given columns WHERE id = :row_id, built once per set of columns
    (building a statement per message cost as much as executing it)."""
    return (
        update(_TABLE)
        .where(_TABLE.c.id == bindparam("row_id"))
        .values({name: bindparam(f"new_{name}") for name in columns})
    )


def _record(session: Session, outcome: _Outcome) -> None:
    statement = _update_statement(tuple(sorted(outcome.values)))
    params = {f"new_{name}": value for name, value in outcome.values.items()}
    session.execute(statement, {"row_id": outcome.row_id, **params})


def _finish(db: Database, outcome: _Outcome) -> None:
    with db.session() as s:
        _record(s, outcome)


_CLAIM = (
    update(_TABLE)
    .where(_TABLE.c.id == bindparam("row_id"), _TABLE.c.status == Status.QUEUED.value)
    .values(
        status=Status.SENDING.value,
        attempts=_TABLE.c.attempts + 1,
        claimed_by=bindparam("runner"),
        claimed_at=bindparam("now"),
    )
)


def _claim(
    db: Database, row_id: int, runner: str, previous: _Outcome | None = None
) -> _Claimed | None:
    """Atomically queued → sending (committed), so no two runs send the same row.

    `previous` (the last message's "sent") is written in the same transaction: one commit
    per message instead of two, and "sent" is still committed before the next message
    starts. Core statements with RETURNING: the ORM's bookkeeping cost more than SMTP.
    """
    params = {"row_id": row_id, "runner": runner, "now": utcnow()}
    with db.session() as s:
        if previous is not None:
            _record(s, previous)
        if db.engine.dialect.update_returning:
            row = s.execute(_CLAIM.returning(*_CLAIMED_COLUMNS), params).first()
        else:  # an SQLite older than 3.35
            result: Any = s.execute(_CLAIM, params)
            row = None
            if result.rowcount == 1:
                row = s.execute(select(*_CLAIMED_COLUMNS).where(_TABLE.c.id == row_id)).first()
        if row is None:
            return None
        return _Claimed(row_id, row.recipient_address, row.payload, row.attempts)


def send_queued(
    db: Database,
    transport: Transport,
    *,
    event_id: int | None = None,
    ids: Sequence[int] | None = None,
    progress: Callable[[SendProgress], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
    retry: RetryPolicy | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> SendReport:
    """Send every queued message (of one event, or the given rows) over `transport`.

    Cancel stops before the next message, never in the middle of one. A connection that
    cannot be opened (or a login refused) stops the run with `error` set; the messages stay
    queued for the next run.
    """
    retry = retry or DEFAULT_RETRY
    cancelled = should_cancel or (lambda: False)
    report = SendReport(interrupted=recover_interrupted(db))
    pending = _queued_ids(db, event_id, ids)
    total = len(pending)
    due = [(0.0, row_id) for row_id in pending]  # (monotonic time due, id): a heap
    heapq.heapify(due)
    runner = _runner_id()
    connect_failures = 0
    done = 0
    # The last message's outcome, written together with the next claim (see _claim) when
    # that follows at once on an open connection; otherwise written on its own first.
    unwritten: _Outcome | None = None

    def tell(current: str) -> None:
        if progress is not None:
            progress(SendProgress(done, total, report.sent, report.failed, current))

    def write_outcome() -> None:
        nonlocal unwritten
        if unwritten is not None:
            outcome, unwritten = unwritten, None
            _finish(db, outcome)

    tell("")
    try:
        while due:
            if cancelled():
                report.cancelled = True
                break
            wait = due[0][0] - time.monotonic()
            if wait > 0:
                write_outcome()
                tell(f"再試行まで {wait:.0f} 秒待っています")
                sleep(min(wait, 0.2))  # short slices, so Cancel is honoured promptly
                continue
            if not getattr(transport, "is_open", False):
                write_outcome()  # connecting may take long: "sent" must not wait for it
            try:
                transport.open()
                connect_failures = 0
            except SmtpConfigError as exc:
                report.error = str(exc)
                break
            except DeliveryError as exc:
                connect_failures += 1
                if connect_failures >= retry.max_attempts:
                    report.error = exc.reply
                    break
                tell(f"接続を再試行します: {exc.reply}")
                _wait(retry.delay(connect_failures), sleep, cancelled)
                continue
            _, row_id = heapq.heappop(due)
            previous, unwritten = unwritten, None
            row = _claim(db, row_id, runner, previous)
            if row is None:  # another run took it, or it was cancelled meanwhile
                done += 1
                continue
            tell(row.recipient_address)
            try:
                reply = transport.send(
                    envelope_sender(row.payload), row.recipient_address, row.payload
                )
            except SmtpConfigError as exc:
                # Nothing wrong with this message: it waits for the settings to be fixed.
                _finish(
                    db, _Outcome(row_id, {"status": Status.QUEUED.value, "last_error": str(exc)})
                )
                report.error = str(exc)
                break
            except DeliveryError as exc:
                if exc.temporary and row.attempts < retry.max_attempts:
                    delay = retry.delay(row.attempts)
                    _finish(
                        db,
                        _Outcome(row_id, {
                            "status": Status.QUEUED.value, "last_error": exc.reply,
                            "server_reply": exc.reply,
                            "next_attempt_at": utcnow() + dt.timedelta(seconds=delay),
                        }),
                    )  # fmt: skip
                    heapq.heappush(due, (time.monotonic() + delay, row_id))
                    report.retried += 1
                    continue
                note = (
                    exc.reply
                    if not exc.temporary
                    else f"再試行を重ねても送れませんでした: {exc.reply}"
                )
                _finish(
                    db,
                    _Outcome(row_id, {
                        "status": Status.FAILED.value, "last_error": note,
                        "server_reply": exc.reply,
                    }),
                )  # fmt: skip
                report.failed += 1
            else:
                unwritten = _Outcome(row_id, {
                    "status": Status.SENT.value, "sent_at": utcnow(), "server_reply": reply,
                    "last_error": "", "next_attempt_at": None,
                })  # fmt: skip
                report.sent += 1
            done += 1
            tell(row.recipient_address)
    finally:
        try:
            write_outcome()
        finally:
            report.connections = getattr(transport, "connections_opened", 0)
            transport.close()
    report.left_queued = len(_queued_ids(db, event_id, ids))
    tell("")
    return report


def _wait(seconds: float, sleep: Callable[[float], None], cancelled: Callable[[], bool]) -> None:
    end = time.monotonic() + seconds
    while not cancelled() and time.monotonic() < end:
        sleep(min(0.2, max(end - time.monotonic(), 0)))


def requeue(db: Database, ids: Iterable[int]) -> int:
    """ "Send again": failed / unknown / saved / sent rows go back to the queue."""
    with db.session() as s:
        result: Any = s.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(list(ids)), OutboxMessage.status.in_(list(RESENDABLE)))
            .values(status=Status.QUEUED.value, next_attempt_at=None, attempts=0)
        )
        return int(result.rowcount)


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


def payload_of(session: Session, row_id: int) -> bytes:
    row = session.get(OutboxMessage, row_id)
    return b"" if row is None else row.payload
