"""Invitations through a real SMTP server on 127.0.0.1: what arrives, byte by byte."""

from __future__ import annotations

import base64
import datetime as dt
import email
import threading
from email import policy

import pytest
from ical.calendar_stream import IcsCalendarStream
from mailkit import PASSWORD, PEOPLE, USER, make_event
from sqlalchemy import select

from kenshu_desk.domain.models import Event, OutboxMessage
from kenshu_desk.mail.compose import MailAddress
from kenshu_desk.mail.transport import Security, SmtpConfig, SmtpConfigError, SmtpTransport
from kenshu_desk.services.mail.invitations import plan_messages, queue_messages
from kenshu_desk.services.mail.outbox import RetryPolicy, SendReport, Status, send_queued
from kenshu_desk.services.timetable.calendar import cancel_event

SENDER = MailAddress("埼玉県 福祉部 地域包括ケア課", "chiiki@example.jp")
FAST = RetryPolicy(max_attempts=4, first_delay=0.01)
ADDRESSES = [p[3] for p in PEOPLE]


def queue(db, event_id, kind=None) -> list[int]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return queue_messages(s, event_id, SENDER, kind=kind).ids


def send(db, server, **kwargs) -> SendReport:  # type: ignore[no-untyped-def]
    transport = SmtpTransport(SmtpConfig(server.host, server.port, Security.NONE, timeout=10))
    return send_queued(db, transport, retry=FAST, **kwargs)


def rows(db) -> dict[str, OutboxMessage]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return {r.recipient_address: r for r in s.scalars(select(OutboxMessage))}


def calendar_of(data: bytes):  # type: ignore[no-untyped-def]
    msg = email.message_from_bytes(data, policy=policy.default)
    part = next(p for p in msg.walk() if p.get_content_type() == "text/calendar")
    return IcsCalendarStream.calendar_from_ics(part.get_payload(decode=True).decode("utf-8"))


def test_one_message_per_recipient_exactly_as_composed(db, smtp_server):
    event_id = make_event(db)
    ids = queue(db, event_id)
    assert len(ids) == len(PEOPLE)
    report = send(db, smtp_server)
    assert (report.sent, report.failed, report.connections) == (5, 0, 1)

    stored = rows(db)
    arrived = smtp_server.handler.by_recipient()
    assert sorted(arrived) == sorted(ADDRESSES)
    with db.session() as s:
        event = s.get(Event, event_id)
        uid = event.calendar_uid
    for name, _reading, _org, address in PEOPLE:
        [got] = arrived[address]
        row = stored[address]
        assert got.rcpt_tos == [address]
        assert got.mail_from == SENDER.address
        assert got.data == row.payload  # byte for byte what was composed and stored
        assert row.status == Status.SENT and row.attempts == 1 and row.sent_at is not None
        assert row.server_reply.startswith("250 ")

        raw = got.data
        header_block = raw.split(b"\r\n\r\n", 1)[0]
        assert header_block.isascii()
        assert all(len(line) <= 78 for line in raw.split(b"\r\n"))
        msg = email.message_from_bytes(raw, policy=policy.default)
        assert msg["To"].addresses[0].display_name == name
        assert msg["To"].addresses[0].addr_spec == address
        assert msg["From"].addresses[0].display_name == SENDER.name
        assert (
            msg["Subject"]
            == "【ご案内】第2回市町村情報交換会（令和8年11月25日（水）　14:30～16:00）"
        )
        assert msg["Message-ID"] == row.message_id and msg["Message-ID"].endswith("@example.jp>")
        assert email.utils.parsedate_to_datetime(msg["Date"]).tzinfo is not None
        for header in ("Cc", "Bcc", "Reply-To"):
            assert msg[header] is None

        # multipart/mixed → multipart/alternative (plain, html, calendar last) + invite.ics
        assert msg.get_content_type() == "multipart/mixed"
        alternative, attachment = msg.get_payload()
        assert alternative.get_content_type() == "multipart/alternative"
        assert [p.get_content_type() for p in alternative.get_payload()] == [
            "text/plain",
            "text/html",
            "text/calendar",
        ]
        calendar_part = alternative.get_payload()[2]
        assert b"Content-Type: text/calendar; charset=UTF-8; method=REQUEST\r\n" in raw
        assert attachment.get_content_type() == "application/ics"
        assert attachment.get_filename() == "invite.ics"
        ics = calendar_part.get_payload(decode=True)
        assert attachment.get_payload(decode=True) == ics
        cal = IcsCalendarStream.calendar_from_ics(ics.decode("utf-8"))
        [vevent] = cal.events
        assert cal.method == "REQUEST" and vevent.uid == uid and vevent.sequence == 0
        assert [a.uri for a in vevent.attendees] == [f"mailto:{address}"]
        assert vevent.attendees[0].common_name == name
        assert vevent.organizer.uri == f"mailto:{SENDER.address}"
        text = alternative.get_payload()[0].get_content()
        assert f"{name} 様" in text and "https://example.jp/zoom/j/8812?pwd=abc" in text
        html = alternative.get_payload()[1].get_content()
        assert '<a href="https://example.jp/zoom/j/8812?pwd=abc">' in html

        # Nobody sees another participant's address, in any part, however encoded.
        decoded = raw + b"".join(
            base64.b64decode(b"".join(part.get_payload().encode().split()))
            for part in msg.walk()
            if not part.is_multipart()
        )
        for other in ADDRESSES:
            if other != address:
                assert other.encode() not in decoded


def test_misbehaving_server_every_participant_ends_sent_once_or_failed(db, smtp_server):
    handler = smtp_server.handler
    refused, flaky = ADDRESSES[1], ADDRESSES[3]
    handler.reject[refused] = f"550 5.1.1 <{refused}>: Recipient address rejected"
    handler.refuse_once[flaky] = "451 4.7.1 Greylisted, try again"
    handler.drop_on_rcpt.add(2)  # the connection dies before the second message is handed over
    event_id = make_event(db)
    queue(db, event_id)
    progress = []
    report = send(db, smtp_server, progress=progress.append)

    arrived = handler.by_recipient()
    stored = rows(db)
    for address in ADDRESSES:
        if address == refused:
            assert address not in arrived
            assert stored[address].status == Status.FAILED
            assert "550 5.1.1" in stored[address].last_error
            assert stored[address].attempts == 1
        else:
            assert len(arrived[address]) == 1, address
            assert stored[address].status == Status.SENT
    assert stored[flaky].attempts == 2
    assert report.sent == 4 and report.failed == 1 and report.retried == 2
    assert report.connections == 2  # reopened once after the drop
    assert progress[-1].done == progress[-1].total == 5


def test_running_again_sends_nothing_twice(db, smtp_server):
    event_id = make_event(db)
    queue(db, event_id)
    send(db, smtp_server)
    assert queue(db, event_id) == []
    with db.session() as s:
        plan = plan_messages(s, event_id)
    assert plan.count == 0 and len(plan.skipped) == 5
    assert all("送信済み" in why for _, why in plan.skipped)
    report = send(db, smtp_server)
    assert report.sent == 0
    assert len(smtp_server.handler.arrived) == 5


def test_update_after_start_time_change_same_uid_higher_sequence(db, smtp_server):
    event_id = make_event(db)
    queue(db, event_id)
    send(db, smtp_server)
    with db.session() as s:
        s.get(Event, event_id).start_time = dt.time(15, 0)
    with db.session() as s:
        plan = plan_messages(s, event_id)
    assert {m.kind.value for m in plan.messages} == {"update"} and plan.count == 5
    queue(db, event_id)
    send(db, smtp_server)
    by_rcpt = smtp_server.handler.by_recipient()
    for address in ADDRESSES:
        first, second = (calendar_of(a.data) for a in by_rcpt[address])
        assert second.events[0].uid == first.events[0].uid
        assert second.events[0].sequence == 1 > first.events[0].sequence == 0
        assert second.events[0].dtstart.astimezone(dt.UTC).hour == 6  # 15:00 JST
        msg = email.message_from_bytes(by_rcpt[address][1].data, policy=policy.default)
        assert msg["Subject"].startswith("【変更】")


def test_cancellation_carries_cancel_and_a_higher_sequence(db, smtp_server):
    event_id = make_event(db)
    queue(db, event_id)
    send(db, smtp_server)
    with db.session() as s:
        cancel_event(s, event_id)
    queue(db, event_id)
    send(db, smtp_server)
    for address in ADDRESSES:
        invite, cancel = smtp_server.handler.by_recipient()[address]
        cal = calendar_of(cancel.data)
        assert cal.method == "CANCEL"
        assert cal.events[0].status == "CANCELLED"
        assert cal.events[0].sequence == 1
        assert cal.events[0].uid == calendar_of(invite.data).events[0].uid
        assert b"method=CANCEL\r\n" in cancel.data


def test_cancel_flag_stops_between_messages(db, smtp_server):
    event_id = make_event(db)
    queue(db, event_id)
    seen = []
    report = send(
        db, smtp_server, progress=seen.append, should_cancel=lambda: seen and seen[-1].sent >= 2
    )
    assert report.cancelled and report.sent == 2 and report.left_queued == 3
    assert len(smtp_server.handler.arrived) == 2
    report = send(db, smtp_server)
    assert report.sent == 3
    assert sorted(smtp_server.handler.by_recipient()) == sorted(ADDRESSES)


def test_permanent_failures_are_kept_and_not_retried_on_the_next_run(db, smtp_server):
    smtp_server.handler.reject[ADDRESSES[0]] = "550 no such user"
    event_id = make_event(db)
    queue(db, event_id)
    send(db, smtp_server)
    smtp_server.handler.reject.clear()
    assert queue(db, event_id) == []
    with db.session() as s:
        skipped = dict(plan_messages(s, event_id).skipped)
    assert "送信に失敗" in skipped[PEOPLE[0][0]]


def test_starttls_with_login(db, tls_server_factory):
    server = tls_server_factory("starttls")
    event_id = make_event(db)
    queue(db, event_id)
    config = SmtpConfig(
        server.host,
        server.port,
        Security.STARTTLS,
        user=USER,
        password=PASSWORD,
        ssl_context=server.client_context(),
    )
    report = send_queued(db, SmtpTransport(config), retry=FAST)
    assert report.sent == 5
    assert len(server.handler.arrived) == 5


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_implicit_tls(db, tls_server_factory):
    server = tls_server_factory("ssl")
    event_id = make_event(db)
    queue(db, event_id)
    config = SmtpConfig(
        server.host,
        server.port,
        Security.SSL,
        user=USER,
        password=PASSWORD,
        ssl_context=server.client_context(),
    )
    assert send_queued(db, SmtpTransport(config), retry=FAST).sent == 5


def test_wrong_password_stops_the_run_and_keeps_the_queue(db, tls_server_factory):
    server = tls_server_factory("starttls")
    event_id = make_event(db)
    queue(db, event_id)
    config = SmtpConfig(
        server.host,
        server.port,
        Security.STARTTLS,
        user=USER,
        password="wrong",
        ssl_context=server.client_context(),
    )
    report = send_queued(db, SmtpTransport(config), retry=FAST)
    assert report.sent == 0 and "ログインを拒否" in report.error
    assert {r.status for r in rows(db).values()} == {Status.QUEUED}


def test_untrusted_certificate_is_refused(tls_server_factory):
    server = tls_server_factory("starttls")
    transport = SmtpTransport(SmtpConfig(server.host, server.port, Security.STARTTLS))
    with pytest.raises(SmtpConfigError, match="証明書"):
        transport.open()


def test_plain_connection_to_a_server_that_requires_tls_keeps_the_queue(db, tls_server_factory):
    server = tls_server_factory("starttls")
    event_id = make_event(db)
    queue(db, event_id)
    report = send(db, server)
    assert report.sent == report.failed == 0
    assert "530" in report.error and "STARTTLS" in report.error
    assert {r.status for r in rows(db).values()} == {Status.QUEUED}


def test_a_change_before_sending_replaces_the_waiting_messages(db, smtp_server):
    event_id = make_event(db)
    queue(db, event_id)  # queued, not sent (say, the organiser cancelled the run)
    with db.session() as s:
        s.get(Event, event_id).start_time = dt.time(15, 0)
    assert len(queue(db, event_id)) == 5
    assert len(rows(db)) == 5  # the waiting rows were taken over, not doubled
    send(db, smtp_server)
    by_rcpt = smtp_server.handler.by_recipient()
    assert all(len(got) == 1 for got in by_rcpt.values()) and len(by_rcpt) == 5
    for got in by_rcpt.values():
        assert calendar_of(got[0].data).events[0].sequence == 1


def test_each_message_is_recorded_sent_before_the_next_one_goes_out(db, smtp_server):
    """The "sent" mark shares a transaction with the next claim (one commit per message):
    while the server holds the second message, the first is already committed as sent."""
    event_id = make_event(db)
    ids = queue(db, event_id)
    handler = smtp_server.handler
    handler.hold_on_data = 2
    reports: list[SendReport] = []
    worker = threading.Thread(target=lambda: reports.append(send(db, smtp_server)))
    worker.start()
    try:
        assert handler.held.wait(30)
        with db.session() as s:
            status = {r.id: r.status for r in s.scalars(select(OutboxMessage))}
        assert [status[i] for i in ids] == ["sent", "sending", "queued", "queued", "queued"]
    finally:
        handler.release.set()
        worker.join(60)
    assert not worker.is_alive()
    assert reports[0].sent == 5
    assert {r.status for r in rows(db).values()} == {Status.SENT.value}
