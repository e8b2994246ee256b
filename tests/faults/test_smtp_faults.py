"""SMTP servers that do not answer, answer 421 at the greeting, or go silent in the middle of
a message: a clear one-line reason, and nothing marked sent that the server did not accept.

Already covered elsewhere (not repeated here): connection refused
(tests/mail/test_mail_cli.py::test_unreachable_server_keeps_the_queue), login refused
(tests/mail/test_sending.py::test_wrong_password_stops_the_run_and_keeps_the_queue), 550/451 and a
connection dropped in DATA (test_misbehaving_server_every_participant_ends_sent_once_or_failed),
the sending process SIGKILLed mid-run
(tests/mail/test_mail_cli.py::test_killed_run_resumes_without_sending_anything_twice).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import socket
import threading
from collections.abc import Iterator

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

from kenshu_desk.domain.models import Event, OutboxMessage, Participant, Registration
from kenshu_desk.mail.compose import MailAddress
from kenshu_desk.mail.transport import Security, SmtpConfig, SmtpTransport
from kenshu_desk.services.mail.invitations import queue_messages
from kenshu_desk.services.mail.outbox import RetryPolicy, Status, send_queued

SENDER = MailAddress("埼玉県 福祉部 地域包括ケア課", "chiiki@example.jp")
FAST = RetryPolicy(max_attempts=2, first_delay=0.01)


def _queue_three(db) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        event = Event(
            kind="情報交換会",
            title="第2回市町村情報交換会",
            date=dt.date(2026, 11, 25),
            start_time=dt.time(14, 30),
            end_time=dt.time(16, 0),
            venue="埼玉県県民健康センター",
        )
        for n in range(3):
            person = Participant(name=f"参加者　{n}", reading=f"さんかしゃ{n}",
                                 email=f"p{n}@example.jp")  # fmt: skip
            event.registrations.append(Registration(participant=person))
        s.add(event)
        s.flush()
        queue_messages(s, event.id, SENDER)
        return event.id


def _statuses(db) -> list[str]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return [str(r.status) for r in s.scalars(select(OutboxMessage).order_by(OutboxMessage.id))]


@pytest.fixture
def raw_server() -> Iterator[tuple[socket.socket, list[socket.socket]]]:
    """A listening socket on 127.0.0.1; the test decides what (if anything) it says."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    accepted: list[socket.socket] = []
    yield listener, accepted
    for conn in accepted:
        conn.close()
    listener.close()


def _serve(listener: socket.socket, accepted: list[socket.socket], greeting: bytes) -> None:
    def loop() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            accepted.append(conn)
            if greeting:
                conn.sendall(greeting)
                conn.close()

    threading.Thread(target=loop, daemon=True).start()


def _send(db, port: int, timeout: float = 0.5):  # type: ignore[no-untyped-def]
    transport = SmtpTransport(SmtpConfig("127.0.0.1", port, Security.NONE, timeout=timeout))
    return send_queued(db, transport, retry=FAST)


def test_server_that_never_answers_times_out_and_keeps_the_queue(db, raw_server):
    listener, accepted = raw_server
    _serve(listener, accepted, b"")  # accepts the connection, then says nothing
    _queue_three(db)
    report = _send(db, listener.getsockname()[1])
    assert report.sent == 0
    assert "接続できません" in report.error and "\n" not in report.error
    assert "timed out" in report.error
    assert _statuses(db) == [Status.QUEUED] * 3


def test_421_at_the_greeting_is_reported_and_keeps_the_queue(db, raw_server):
    listener, accepted = raw_server
    _serve(listener, accepted, b"421 4.3.2 Service not available, too busy\r\n")
    _queue_three(db)
    report = _send(db, listener.getsockname()[1])
    assert report.sent == 0
    assert "421" in report.error and "\n" not in report.error
    assert _statuses(db) == [Status.QUEUED] * 3


class _SilentOnSecondData:
    """Accepts the first message; on the second, takes the data and never answers."""

    def __init__(self) -> None:
        self.data = 0
        self.release = threading.Event()

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        self.data += 1
        if self.data == 2:
            await asyncio.get_running_loop().run_in_executor(None, self.release.wait, 30)
        return "250 OK"


def test_server_silent_after_data_marks_unknown_and_never_resends(db):
    """No 250 within the timeout after the whole message went over: the server may have kept
    it, so the message is `unknown` (送信結果不明, with what happened), never sent again by
    itself; the others go out on a new connection."""
    handler = _SilentOnSecondData()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        _queue_three(db)
        report = _send(db, port, timeout=1.0)
        again = _send(db, port, timeout=1.0)
    finally:
        handler.release.set()
        controller.stop()
    assert (report.sent, report.unknown, report.retried, report.connections) == (2, 1, 0, 2)
    assert again.sent == 0
    with db.session() as s:
        rows = list(s.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))
    assert [r.status for r in rows] == [Status.SENT, Status.UNKNOWN, Status.SENT]
    assert "待ち時間が過ぎました" in rows[1].last_error and "再送" in rows[1].last_error
    assert [r.attempts for r in rows] == [1, 1, 1]
    assert handler.data == 3  # no duplicate of the silent one
