"""The outbox: every message queued in the database, then sent over one SMTP connection.

States: queued → sending → sent | failed | unknown, plus `saved` (written as an .eml
instead) and `skipped` (a recipient left out, with the reason). Each step is its own
committed transaction, so the record survives a crash at any point.

One policy for every uncertain outcome. A message is marked `sending` (committed) just
before MAIL/RCPT/DATA and `sent` (committed by itself) right after the server's 250. When
the outcome cannot be known — the process died in between, or the connection timed out or
dropped after the whole message was handed over — nobody can tell from our side whether
the server took it: SMTP has no way to ask "did you get Message-ID X?". Resending would
risk a duplicate; so such a message is marked `unknown` (送信結果不明, with what happened)
and never resent by itself; the organiser decides ("send again"). Temporary refusals
before the end of the message (4xx, a connection dropped before the message was complete)
go back to `queued` with a back-off and are retried; permanent ones (5xx) are `failed`.

Should the `sent` commit itself fail, the 250 goes to a local journal (journal.py), the run
stops, and the next run records the row as sent from the journal.

A row is only declared interrupted when the run that claimed it is gone: the claim names
host, process and its start time; on this host a dead process is detected at once (psutil,
on Windows too), a claim from another host (a shared PostgreSQL database) only after
STALE_AFTER.
"""

from __future__ import annotations

import datetime as dt
import functools
import heapq
import os
import socket
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, cast

import psutil
from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from kenshu_desk.database import Database
from kenshu_desk.domain.models import OutboxMessage, utcnow
from kenshu_desk.mail.envelope import envelope_sender
from kenshu_desk.mail.transport import DeliveryError, SmtpConfigError
from kenshu_desk.messages import Message, msg
from kenshu_desk.services.mail.journal import Accepted, apply_journal, write_accepted
from kenshu_desk.services.mail.outbox_log import (
    OutboxEntry,
    list_outbox,
    pending_counts,
)
from kenshu_desk.services.mail.send_report import (
    DEFAULT_RETRY,
    RetryPolicy,
    SendProblem,
    SendProgress,
    SendReport,
)
from kenshu_desk.services.mail.status import RESENDABLE, STATUS_LABELS, Status

__all__ = [
    "RESENDABLE",
    "STATUS_LABELS",
    "OutboxEntry",
    "RetryPolicy",
    "SendProblem",
    "SendProgress",
    "SendReport",
    "Status",
    "envelope_sender",
    "list_outbox",
    "pending_counts",
    "recover_interrupted",
    "requeue",
    "send_queued",
]  # fmt: skip

STALE_AFTER = dt.timedelta(minutes=15)
INTERRUPTED_NOTE = msg("outbox.interrupted")
# After this many uncertain outcomes in a row the server is not answering: stop the run.
UNCERTAIN_IN_A_ROW = 2


class Transport(Protocol):
    def open(self) -> None: ...
    def close(self) -> None: ...
    def send(self, envelope_from: str, recipient: str, payload: bytes) -> str: ...


def _process_start(pid: int) -> str:
    try:
        return f"{psutil.Process(pid).create_time():.1f}"
    except (psutil.Error, OSError):
        return ""


def _runner_id() -> str:
    pid = os.getpid()
    return f"{socket.gethostname()[:60]}|{pid}|{uuid.uuid4().hex[:12]}|{_process_start(pid)}"


def _process_alive(pid: int, started: str = "") -> bool:
    """Whether process `pid` (started at `started`, when known) still runs. psutil: on
    Windows os.kill(pid, 0) would send Ctrl+C to the console's process group."""
    try:
        if not psutil.pid_exists(pid):
            return False
    except (psutil.Error, OSError):
        return True  # cannot tell: be conservative
    now_started = _process_start(pid)
    if not started or not now_started:
        return True
    try:  # a pid reused by another program started at another time is not the run
        return abs(float(now_started) - float(started)) < 2.0
    except ValueError:
        return True


def _claim_is_dead(claimed_by: str, claimed_at: dt.datetime | None, now: dt.datetime) -> bool:
    if claimed_at is None or now - claimed_at > STALE_AFTER:
        return True
    host, _, rest = claimed_by.partition("|")
    fields = rest.split("|")
    pid_text = fields[0]
    started = fields[2] if len(fields) > 2 else ""
    if host != socket.gethostname()[:60] or not pid_text.isdigit():
        return False
    return not _process_alive(int(pid_text), started)


def recover_interrupted(db: Database) -> int:
    """Record the journal's 250s, then mark rows left `sending` by a run that died as
    `unknown`. Never resends them."""
    apply_journal(db)
    now = utcnow()
    with db.session() as s:
        rows = s.scalars(select(OutboxMessage).where(OutboxMessage.status == Status.SENDING))
        count = 0
        for row in rows:
            if _claim_is_dead(row.claimed_by, row.claimed_at, now):
                row.status = Status.UNKNOWN.value
                row.last_error = str(INTERRUPTED_NOTE)
                count += 1
    return count


def _queued_ids(db: Database, event_id: int | None, ids: Sequence[int] | None) -> list[int]:
    with db.session() as s:
        stmt = select(OutboxMessage.id).where(OutboxMessage.status == Status.QUEUED)
        if event_id is not None:
            stmt = stmt.where(OutboxMessage.event_id == event_id)
        if ids is not None:
            stmt = stmt.where(OutboxMessage.id.in_(list(ids)))
        return list(s.scalars(stmt.order_by(OutboxMessage.id)))


_TABLE = cast(Table, OutboxMessage.__table__)
_CLAIMED_COLUMNS = (
    _TABLE.c.recipient_address, _TABLE.c.payload, _TABLE.c.attempts, _TABLE.c.message_id,
    _TABLE.c.recipient_name,
)  # fmt: skip


@dataclass(frozen=True)
class _Claimed:
    id: int
    recipient_address: str
    payload: bytes
    attempts: int
    message_id: str
    recipient_name: str = ""


@dataclass(frozen=True)
class _Outcome:
    """What became of a message: the row's new values."""

    row_id: int
    values: dict[str, Any]


@functools.cache
def _update_statement(columns: tuple[str, ...]) -> Any:
    """UPDATE … SET the given columns WHERE id = :row_id AND status = 'sending', built once
    per set of columns (building a statement per message cost as much as executing it).
    Only the run's own claimed row is written: never one somebody has changed since."""
    return (
        update(_TABLE)
        .where(_TABLE.c.id == bindparam("row_id"), _TABLE.c.status == Status.SENDING.value)
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


def _claim(db: Database, row_id: int, runner: str) -> _Claimed | None:
    """Atomically queued → sending (committed), so no two runs send the same row.
    Core statements with RETURNING: the ORM's bookkeeping cost more than SMTP."""
    params = {"row_id": row_id, "runner": runner, "now": utcnow()}
    with db.session() as s:
        if db.engine.dialect.update_returning:
            row = s.execute(_CLAIM.returning(*_CLAIMED_COLUMNS), params).first()
        else:  # an SQLite older than 3.35
            result: Any = s.execute(_CLAIM, params)
            row = None
            if result.rowcount == 1:
                row = s.execute(select(*_CLAIMED_COLUMNS).where(_TABLE.c.id == row_id)).first()
        if row is None:
            return None
        return _Claimed(
            row_id, row.recipient_address, row.payload, row.attempts, row.message_id,
            row.recipient_name,
        )  # fmt: skip


_SENT = (
    update(_TABLE)
    .where(
        _TABLE.c.id == bindparam("row_id"),
        _TABLE.c.status.in_([Status.SENDING.value, Status.UNKNOWN.value]),
    )
    .values({
        name: bindparam(f"new_{name}")
        for name in ("status", "sent_at", "server_reply", "last_error", "next_attempt_at")
    })
)  # fmt: skip


class SentNotRecorded(Exception):
    """The server took a message (250) but the database did not take the `sent` mark."""


def _mark_sent(db: Database, row: _Claimed, reply: str) -> None:
    """`sent`, committed by itself at once; if that fails, the local journal keeps the 250
    and the run stops (SentNotRecorded, with a message for the user)."""
    now = utcnow()
    outcome = _Outcome(row.id, {
        "status": Status.SENT.value, "sent_at": now, "server_reply": reply,
        "last_error": "", "next_attempt_at": None,
    })  # fmt: skip
    try:
        with db.session() as s:
            # Also over `unknown`: had another run wrongly given this claim up, the 250 wins.
            s.execute(
                _SENT, {"row_id": row.id, **{f"new_{k}": v for k, v in outcome.values.items()}}
            )
        return
    except Exception as exc:  # whatever stopped the commit, the 250 must not be lost
        cause = str(getattr(exc, "orig", None) or exc).splitlines()[0][:200]
    try:
        path = write_accepted(db, Accepted(row.id, row.message_id, reply, now))
    except OSError as exc:
        raise SentNotRecorded(
            msg("outbox.sent_not_recorded_no_note", row_id=row.id, cause=cause, reason=exc.strerror)
        ) from None
    raise SentNotRecorded(
        msg("outbox.sent_not_recorded", row_id=row.id, cause=cause, path=path)
    ) from None


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
    queued for the next run. A server that does not answer at all is not tried again.
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
    uncertain_in_a_row = 0
    done = 0
    # Tries in this run: the retry budget. The row's `attempts` counts every try ever made
    # (a 再送 adds to it), so the record shows how often a message was tried.
    tries: dict[int, int] = {}

    def tell(current: str | Message) -> None:
        if progress is not None:
            progress(SendProgress(done, total, report.sent, report.failed, str(current)))

    tell("")
    try:
        while due:
            if cancelled():
                report.cancelled = True
                break
            wait = due[0][0] - time.monotonic()
            if wait > 0:
                tell(msg("send.waiting_to_retry", seconds=wait))
                sleep(min(wait, 0.2))  # short slices, so Cancel is honoured promptly
                continue
            if not getattr(transport, "is_open", False):
                tell(msg("send.connecting", waiting=_waiting(transport)))
            try:
                transport.open()
                connect_failures = 0
            except SmtpConfigError as exc:
                report.error = str(exc)
                break
            except DeliveryError as exc:
                connect_failures += 1
                if exc.timed_out or connect_failures >= retry.max_attempts:
                    report.error = exc.reply
                    break
                tell(msg("send.retrying_connection", reply=exc.reply))
                _wait(retry.delay(connect_failures), sleep, cancelled)
                continue
            _, row_id = heapq.heappop(due)
            row = _claim(db, row_id, runner)
            if row is None:  # another run took it, or it was cancelled meanwhile
                done += 1
                continue
            tries[row_id] = tries.get(row_id, 0) + 1
            tell(msg("send.sending_to", address=row.recipient_address, waiting=_waiting(transport)))
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
                if exc.uncertain:
                    uncertain = str(msg("outbox.uncertain", reply=exc.reply))
                    _finish(
                        db,
                        _Outcome(row_id, {
                            "status": Status.UNKNOWN.value,
                            "last_error": uncertain,
                            "server_reply": "", "next_attempt_at": None,
                        }),
                    )  # fmt: skip
                    report.unknown += 1
                    report.problems.append(SendProblem(
                        row.recipient_name, row.recipient_address, Status.UNKNOWN.value,
                        uncertain,
                    ))  # fmt: skip
                    done += 1
                    uncertain_in_a_row += 1
                    if uncertain_in_a_row >= UNCERTAIN_IN_A_ROW:
                        report.error = str(msg("send.no_answer_after_message", reply=exc.reply))
                        break
                    continue
                uncertain_in_a_row = 0
                if exc.timed_out:
                    # Silent before DATA: nothing was sent; the message waits for the next
                    # run and this run stops, as when the connection cannot be opened.
                    _finish(
                        db,
                        _Outcome(row_id, {
                            "status": Status.QUEUED.value, "last_error": exc.reply,
                            "server_reply": exc.reply, "next_attempt_at": None,
                        }),
                    )  # fmt: skip
                    report.error = exc.reply
                    break
                if exc.temporary and tries[row_id] < retry.max_attempts:
                    delay = retry.delay(tries[row_id])
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
                note = exc.reply if not exc.temporary else str(msg("send.gave_up", reply=exc.reply))
                _finish(
                    db,
                    _Outcome(row_id, {
                        "status": Status.FAILED.value, "last_error": note,
                        "server_reply": exc.reply,
                    }),
                )  # fmt: skip
                report.failed += 1
                report.problems.append(
                    SendProblem(row.recipient_name, row.recipient_address, "failed", note)
                )
            else:
                uncertain_in_a_row = 0
                try:
                    _mark_sent(db, row, reply)
                except SentNotRecorded as exc:
                    report.sent += 1
                    report.error = str(exc)
                    done += 1
                    break
                report.sent += 1
            done += 1
            tell(row.recipient_address)
    finally:
        report.connections = getattr(transport, "connections_opened", 0)
        transport.close()
    try:
        report.left_queued = len(_queued_ids(db, event_id, ids))
    except SQLAlchemyError:
        if not report.error:
            raise
    tell("")
    return report


def _waiting(transport: Transport) -> Message:
    timeout = getattr(getattr(transport, "config", None), "timeout", None)
    if timeout:
        return msg("send.awaiting_answer_at_most", seconds=timeout)
    return msg("send.awaiting_answer")


def _wait(seconds: float, sleep: Callable[[float], None], cancelled: Callable[[], bool]) -> None:
    end = time.monotonic() + seconds
    while not cancelled() and time.monotonic() < end:
        sleep(min(0.2, max(end - time.monotonic(), 0)))


def requeue(db: Database, ids: Iterable[int]) -> int:
    """ "Send again": failed / unknown / saved / sent rows go back to the queue. Their
    `attempts` keep counting (試行 shows every try, the resend included)."""
    with db.session() as s:
        result: Any = s.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(list(ids)), OutboxMessage.status.in_(list(RESENDABLE)))
            .values(status=Status.QUEUED.value, next_attempt_at=None)
        )
        return int(result.rowcount)
