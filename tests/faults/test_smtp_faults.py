"""The outbox against a misbehaving SMTP server: never twice, never lost.

A real local server (aiosmtpd, or a raw socket for servers too broken for aiosmtpd) on
127.0.0.1 misbehaves in each way the issue lists — 550, 451 once, a drop after N messages,
421 at the greeting, a wrong password, a server that accepts TCP and never answers, one that
goes silent after DATA, TLS required but not offered, and one that trickles continuation
lines. For every kind of message (invitation, update, whole-event cancellation, the CANCEL to
a withdrawn registration, recording link) the messages arriving at the server are counted per
recipient and compared with `outbox --json`: each recipient has exactly one message or a
recorded failure / unknown (or, when the run stopped before them, still queued); then a
second run against a healthy server sends nothing twice.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from sqlalchemy import select

from kenshu_desk.cli import main
from kenshu_desk.domain.models import AttendanceState, Event, OutboxMessage, Registration
from kenshu_desk.mail.compose import MailAddress
from kenshu_desk.mail.transport import Security, SmtpConfig, SmtpTransport
from kenshu_desk.services.mail.invitations import queue_messages
from kenshu_desk.services.mail.outbox import RetryPolicy, SendReport, Status, send_queued
from kenshu_desk.services.recordings import recordings as rec
from kenshu_desk.services.timetable.calendar import cancel_event
from tests.mail.mailkit import Handler, make_event

SENDER = MailAddress("埼玉県 福祉部 地域包括ケア課", "chiiki@example.jp")
FAST = RetryPolicy(max_attempts=3, first_delay=0.01)
PEOPLE = [
    (f"参加者　{n:02d}", f"さんかしゃ　{n:02d}", "さいたま市", f"p{n:02d}@example.jp")
    for n in range(6)
]
ADDRESSES = [p[3] for p in PEOPLE]
KINDS = ("invitation", "update", "cancellation", "withdrawal", "recording")
URL = "https://example.jp/video/abc"


# ------------------------------------------------------------------ servers


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def aiosmtpd_server(handler: Handler, **options: object) -> Iterator[int]:
    port = _free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, **options)
    controller.start()
    try:
        yield port
    finally:
        handler.release.set()
        controller.stop()


@contextmanager
def raw_server(talk: Callable[[socket.socket], None]) -> Iterator[int]:
    """A listening socket; each connection is handed to `talk` (on its own thread)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def loop() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            accepted.append(conn)
            threading.Thread(target=talk, args=(conn,), daemon=True).start()

    threading.Thread(target=loop, daemon=True).start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        for conn in accepted:
            conn.close()
        listener.close()


def _silent(conn: socket.socket) -> None:
    """Accepts the connection and never says a word."""


def _greeting_421(conn: socket.socket) -> None:
    conn.sendall(b"421 4.3.2 Service not available, too busy\r\n")
    conn.close()


def _trickle(conn: socket.socket) -> None:
    """A greeting that never ends: a continuation line now and then (every 45 s in the field;
    every 0.3 s here, against a 1 s limit per step)."""
    try:
        while True:
            conn.sendall(b"220-still starting up\r\n")
            time.sleep(0.3)
    except OSError:
        return


def _silent_at(command: bytes) -> Callable[[socket.socket], None]:
    """Greets, answers EHLO (and MAIL FROM), then says nothing once `command` arrives."""

    def talk(conn: socket.socket) -> None:
        try:
            conn.sendall(b"220 mail.example.jp ESMTP\r\n")
            reader = conn.makefile("rb")
            for line in reader:
                verb = line[:4].upper()
                if verb == command:
                    time.sleep(30)  # silent until the client gives up (the socket closes)
                    return
                if verb in (b"EHLO", b"HELO"):
                    conn.sendall(b"250-mail.example.jp\r\n250 8BITMIME\r\n")
                elif verb == b"QUIT":
                    conn.sendall(b"221 bye\r\n")
                    return
                else:
                    conn.sendall(b"250 2.0.0 Ok\r\n")
        except OSError:
            return

    return talk


def _refuse_login(server, session, envelope, mechanism, auth_data):  # type: ignore[no-untyped-def]
    return AuthResult(success=False, handled=False)  # the server answers 535


# ------------------------------------------------------------------ messages of each kind


@dataclass
class Scenario:
    kind: str
    event_id: int
    recipients: list[str]  # who this kind of message goes to
    ids: list[int] | None = None  # recording: the queued rows; else the event's queue


def _send(db, port: int, *, security=Security.NONE, user="", timeout=1.0, ids=None, event_id=None):  # type: ignore[no-untyped-def]
    config = SmtpConfig("127.0.0.1", port, security, user=user, password="wrong" if user else "",
                        timeout=timeout)  # fmt: skip
    return send_queued(db, SmtpTransport(config), event_id=event_id, ids=ids, retry=FAST)


def prepare(db, kind: str) -> Scenario:  # type: ignore[no-untyped-def]
    """Queue messages of `kind`; what came before them went out through a healthy server."""
    event_id = make_event(db, people=PEOPLE)
    if kind == "recording":
        with db.session() as s:
            link = rec.add_recording(s, event_id, URL, "1234")
            ids = rec.queue_recording(s, link.id, SENDER, group="all").ids
        return Scenario(kind, event_id, list(ADDRESSES), ids)
    if kind != "invitation":
        with db.session() as s:
            queue_messages(s, event_id, SENDER)
        with aiosmtpd_server(Handler()) as port:
            assert _send(db, port, event_id=event_id).sent == len(ADDRESSES)
    recipients = list(ADDRESSES)
    with db.session() as s:
        event = s.get(Event, event_id)
        if kind == "update":
            event.title = "第2回市町村情報交換会（会場変更）"
            event.venue = "さいたま市民会館"
        elif kind == "cancellation":
            cancel_event(s, event_id)
        elif kind == "withdrawal":
            regs = s.scalars(select(Registration).where(Registration.event_id == event_id)).all()
            gone = sorted(regs, key=lambda r: r.participant.email)[:3]
            gone[0].state = AttendanceState.CANCELLED.value
            gone[1].state = AttendanceState.CANCELLED.value
            s.delete(gone[2])  # removed from the event altogether
            recipients = sorted(r.participant.email for r in gone)
    with db.session() as s:
        queued = queue_messages(s, event_id, SENDER)
    assert {m.kind.value for m in queued.plan.messages} == {kind}
    assert sorted(m.recipient.address for m in queued.plan.messages) == sorted(recipients)
    return Scenario(kind, event_id, recipients)


def outbox_json(capsys, db) -> list[dict]:  # type: ignore[no-untyped-def]
    capsys.readouterr()
    assert main(["--db", db.url, "outbox", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def check(
    capsys, db, scenario: Scenario, handler: Handler, before: int, report: SendReport
) -> None:  # type: ignore[no-untyped-def]
    """After a fault: one message, or a recorded failure/unknown (or still queued when the
    run stopped); then a healthy run sends nothing twice and leaves nothing behind."""

    def counts() -> dict[str, int]:
        got: dict[str, int] = {}
        for arrived in handler.arrived[before:]:
            for rcpt in arrived.rcpt_tos:
                got[rcpt] = got.get(rcpt, 0) + 1
        return got

    def rows() -> dict[str, dict]:
        entries = [e for e in outbox_json(capsys, db) if e["kind"] == scenario.kind]
        assert sorted(e["recipient"] for e in entries) == sorted(scenario.recipients)
        return {e["recipient"]: e for e in entries}

    got, after_fault = counts(), rows()
    for address in scenario.recipients:
        status = after_fault[address]["status"]
        assert got.get(address, 0) <= 1, address
        if got.get(address, 0) == 1:
            assert status in (Status.SENT, Status.UNKNOWN), (address, status)
        elif status == Status.QUEUED:
            assert report.error  # only a run that stopped leaves messages waiting
        else:
            assert status in (Status.FAILED, Status.UNKNOWN), (address, status)
            assert after_fault[address]["error"]
    handler.reset_faults()
    with aiosmtpd_server(handler) as port:
        second = _send(db, port, ids=scenario.ids, event_id=scenario.event_id)
    assert not second.error
    got, final = counts(), rows()
    for address in scenario.recipients:
        assert got.get(address, 0) <= 1, address  # nobody gets a second copy
        if after_fault[address]["status"] in (Status.SENT, Status.UNKNOWN, Status.FAILED):
            assert final[address]["status"] == after_fault[address]["status"]
        else:
            assert final[address]["status"] == Status.SENT and got[address] == 1


# ------------------------------------------------------------------ the faults


@pytest.fixture(params=KINDS)
def scenario(request, db) -> Scenario:  # type: ignore[no-untyped-def]
    return prepare(db, request.param)


def _fault_run(db, scenario: Scenario, handler: Handler, **options) -> SendReport:  # type: ignore[no-untyped-def]
    with aiosmtpd_server(handler, **options) as port:
        return _send(db, port, ids=scenario.ids, event_id=scenario.event_id)


def test_550_for_one_recipient(capsys, db, scenario):
    handler = Handler()
    refused = scenario.recipients[1]
    handler.reject[refused] = f"550 5.1.1 <{refused}>: Recipient address rejected"
    report = _fault_run(db, scenario, handler)
    assert report.failed == 1
    check(capsys, db, scenario, handler, 0, report)


def test_451_once(capsys, db, scenario):
    handler = Handler()
    handler.refuse_once[scenario.recipients[0]] = "451 4.7.1 Greylisted, try again"
    report = _fault_run(db, scenario, handler)
    assert report.retried == 1 and report.sent == len(scenario.recipients)
    check(capsys, db, scenario, handler, 0, report)


def test_drop_after_n_messages(capsys, db, scenario):
    """The connection drops after the 2nd message is handed over (no 250): unknown, never
    resent; the others go out on a new connection."""
    handler = Handler()
    handler.drop_on_data.add(2)
    report = _fault_run(db, scenario, handler)
    assert report.unknown == 1 and report.sent == len(scenario.recipients) - 1
    check(capsys, db, scenario, handler, 0, report)


def test_drop_before_the_message_is_retried(capsys, db, scenario):
    handler = Handler()
    handler.drop_on_rcpt.add(2)
    report = _fault_run(db, scenario, handler)
    assert report.sent == len(scenario.recipients) and report.retried == 1
    check(capsys, db, scenario, handler, 0, report)


def test_silent_after_data(capsys, db, scenario):
    handler = Handler()
    handler.hold_on_data = 1  # the server has the first message and never answers
    report = _fault_run(db, scenario, handler)
    assert report.unknown == 1
    check(capsys, db, scenario, handler, 0, report)


@pytest.mark.parametrize(
    "talk", [_greeting_421, _silent, _trickle], ids=["421", "silent", "trickle"]
)
def test_server_that_does_not_greet(capsys, db, scenario, talk):
    started = time.monotonic()
    with raw_server(talk) as port:
        report = _send(db, port, ids=scenario.ids, event_id=scenario.event_id)
    assert report.sent == 0 and report.error and "\n" not in report.error
    assert time.monotonic() - started < 15  # given up within the set time, not minutes
    check(capsys, db, scenario, Handler(), 0, report)


@pytest.mark.parametrize("command", [b"MAIL", b"RCPT"], ids=["mail-from", "rcpt"])
def test_a_server_silent_before_data_stops_the_run(capsys, db, command):
    """Greets, answers EHLO, then goes silent at MAIL FROM / RCPT: nothing was handed over,
    so the message stays queued and the run stops within about one step's limit instead of
    retrying each recipient with the full limit each time."""
    scenario = prepare(db, "invitation")
    started = time.monotonic()
    with raw_server(_silent_at(command)) as port:
        report = _send(db, port, event_id=scenario.event_id, timeout=1.0)
    assert time.monotonic() - started < 4
    assert report.sent == 0 and report.retried == 0 and report.failed == 0
    assert report.error and "\n" not in report.error and "timed out" in report.error
    statuses = [e["status"] for e in outbox_json(capsys, db) if e["kind"] == "invitation"]
    assert statuses == [Status.QUEUED] * len(ADDRESSES)
    check(capsys, db, scenario, Handler(), 0, report)


def test_wrong_password(capsys, db, scenario):
    handler = Handler()
    with aiosmtpd_server(handler, authenticator=_refuse_login, auth_required=True,
                         auth_require_tls=False) as port:  # fmt: skip
        report = _send(db, port, user="kenshu", ids=scenario.ids, event_id=scenario.event_id)
    assert "ログインを拒否" in report.error and report.sent == 0
    check(capsys, db, scenario, handler, 0, report)


def test_tls_required_but_not_offered(capsys, db, scenario):
    handler = Handler()
    with aiosmtpd_server(handler) as port:
        report = _send(db, port, security=Security.STARTTLS, ids=scenario.ids,
                       event_id=scenario.event_id)  # fmt: skip
    assert "STARTTLS" in report.error and report.sent == 0 and not handler.arrived
    check(capsys, db, scenario, handler, 0, report)


# ------------------------------------------------------------------ policies


def test_a_silent_step_is_given_up_within_the_set_time(db):
    """Each SMTP step has a total deadline: a trickling greeting cannot hold a send."""
    prepare(db, "invitation")
    with raw_server(_trickle) as port:
        started = time.monotonic()
        report = _send(db, port, timeout=1.0)
        took = time.monotonic() - started
    assert report.error and "timed out" in report.error
    assert took < 5


def test_a_port_outside_the_range_is_refused_at_once(capsys, db):
    event_id = make_event(db, people=PEOPLE)
    started = time.monotonic()
    try:
        code = main(["--db", db.url, "invites", "send", str(event_id), "--smtp-host", "127.0.0.1",
                     "--smtp-port", "70000", "--smtp-security", "none"])  # fmt: skip
    except SystemExit as exc:  # a usage error, before anything is opened
        code = int(exc.code or 0)
    err = capsys.readouterr().err
    assert code == 2 and "65,535" in err and "70000" in err and "Traceback" not in err
    assert time.monotonic() - started < 5
    code = main(["--db", db.url, "invites", "send", str(event_id), "--smtp-host", "127.0.0.1",
                 "--smtp-timeout", "0", "--smtp-security", "none"])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 1 and "待ち時間" in err and len(err.strip().splitlines()) == 1
    with db.session() as s:
        assert s.scalars(select(OutboxMessage)).all() == []


def test_unknown_rows_are_resent_only_when_the_organiser_asks(capsys, db):
    scenario = prepare(db, "invitation")
    handler = Handler()
    handler.hold_on_data = 1
    _fault_run(db, scenario, handler)
    unknown = [e for e in outbox_json(capsys, db) if e["status"] == "unknown"]
    assert len(unknown) == 1 and "待ち時間が過ぎました" in unknown[0]["error"]
    handler.reset_faults()
    before = len(handler.arrived)
    assert _fault_run(db, scenario, handler).sent == 0  # never by itself
    assert main(["--db", db.url, "outbox", "--resend", str(unknown[0]["id"])]) == 0
    assert _fault_run(db, scenario, handler).sent == 1  # the organiser's explicit choice
    assert [a.rcpt_tos for a in handler.arrived[before:]] == [[unknown[0]["recipient"]]]
