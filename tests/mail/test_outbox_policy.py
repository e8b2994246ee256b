"""What the outbox records and refuses: skipped recipients, withdrawn registrations, whole-event
cancellations only for cancelled events, --yes for calendar changes, updates for every change
the invitation shows, queueing that never takes back a row another run has, process liveness."""

from __future__ import annotations

import datetime as dt
import email
import json
import subprocess
import sys
from email import policy

import pytest
from ical.calendar_stream import IcsCalendarStream
from mailkit import PEOPLE, make_event
from sqlalchemy import select, update

from kenshu_desk.cli import main
from kenshu_desk.domain.models import (
    AttendanceState,
    Event,
    OutboxMessage,
    ProgrammeItem,
    Registration,
)
from kenshu_desk.mail.compose import MailAddress
from kenshu_desk.services.mail import outbox as outbox_service
from kenshu_desk.services.mail.invitations import queue_messages
from kenshu_desk.services.mail.queueing import QueueRaceLost, insert_messages, take_over_queued

SENDER = MailAddress("埼玉県 福祉部 地域包括ケア課", "chiiki@example.jp")
ADDRESSES = [p[3] for p in PEOPLE]
NO_ADDRESS = ("佐々木　健", "ささき　けん", "さいたま市", "")
BAD_ADDRESS = ("山本　花子", "やまもと　はなこ", "川越市", "hanako@@example")


def run(capsys, *argv: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    capsys.readouterr()
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def send(capsys, db_arg, event_id, server, *extra):  # type: ignore[no-untyped-def]
    return run(
        capsys, "--db", db_arg, "invites", "send", str(event_id),
        "--smtp-host", server.host, "--smtp-port", str(server.port), "--smtp-security", "none",
        *extra,
    )  # fmt: skip


def outbox(capsys, db_arg) -> list[dict]:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "--db", db_arg, "outbox", "--json")
    assert code == 0
    return json.loads(out)


def calendar_of(data: bytes):  # type: ignore[no-untyped-def]
    msg = email.message_from_bytes(data, policy=policy.default)
    part = next(p for p in msg.walk() if p.get_content_type() == "text/calendar")
    return part.get_param("method"), IcsCalendarStream.calendar_from_ics(
        part.get_payload(decode=True).decode("utf-8")
    )


def test_skipped_recipients_get_a_row_saying_why(capsys, db, db_arg, smtp_server):
    event_id = make_event(db, people=[*PEOPLE, NO_ADDRESS, BAD_ADDRESS])
    code, _, err = send(capsys, db_arg, event_id, smtp_server)
    assert code == 0 and "対象外" in err
    entries = outbox(capsys, db_arg)
    skipped = {e["recipient_name"]: e for e in entries if e["status"] == "skipped"}
    assert sorted(skipped) == sorted([NO_ADDRESS[0], BAD_ADDRESS[0]])
    assert "メールアドレスがありません" in skipped[NO_ADDRESS[0]]["error"]
    assert skipped[BAD_ADDRESS[0]]["recipient"] == BAD_ADDRESS[3]
    assert skipped[BAD_ADDRESS[0]]["error"]
    assert sorted(e["recipient"] for e in entries if e["status"] == "sent") == sorted(ADDRESSES)
    send(capsys, db_arg, event_id, smtp_server)  # running again: no second skip row
    assert len(outbox(capsys, db_arg)) == len(entries)
    code, out, _ = run(capsys, "--db", db_arg, "outbox")
    assert "対象外（送信せず）" in out


def test_recording_skips_are_recorded_too(capsys, db, db_arg, smtp_server):
    event_id = make_event(db, people=[*PEOPLE, NO_ADDRESS])
    code, _, _ = run(
        capsys, "--db", db_arg, "recordings", "send", str(event_id),
        "--url", "https://example.jp/v/1", "--to", "all", "--extra", "共有=" + ADDRESSES[0],
        "--smtp-host", smtp_server.host, "--smtp-port", str(smtp_server.port),
        "--smtp-security", "none",
    )  # fmt: skip
    assert code == 0
    skipped = [e for e in outbox(capsys, db_arg) if e["status"] == "skipped"]
    assert sorted(e["recipient_name"] for e in skipped) == sorted([NO_ADDRESS[0], "共有"])
    assert all(e["kind"] == "recording" and e["error"] for e in skipped)


def test_whole_event_cancellation_only_for_a_cancelled_event(capsys, db, db_arg, smtp_server):
    event_id = make_event(db)
    send(capsys, db_arg, event_id, smtp_server)
    before = len(outbox(capsys, db_arg))
    code, _, err = send(capsys, db_arg, event_id, smtp_server, "--kind", "cancellation", "--yes")
    assert code == 1 and "中止になっていません" in err and len(err.strip().splitlines()) == 1
    assert len(smtp_server.handler.arrived) == 5 and len(outbox(capsys, db_arg)) == before


def test_a_withdrawn_registration_gets_its_own_cancel_once(capsys, db, db_arg, smtp_server):
    event_id = make_event(db)
    send(capsys, db_arg, event_id, smtp_server)
    with db.session() as s:
        regs = {
            r.participant.email: r
            for r in s.scalars(select(Registration).where(Registration.event_id == event_id))
        }
        regs[ADDRESSES[0]].state = AttendanceState.CANCELLED.value
        s.delete(regs[ADDRESSES[1]])
    code, _, err = send(capsys, db_arg, event_id, smtp_server)
    assert code == 1 and "2 人の予定表" in err and "--yes" in err
    assert len(smtp_server.handler.arrived) == 5  # nothing without --yes
    code, out, _ = send(capsys, db_arg, event_id, smtp_server, "--yes")
    assert code == 0 and "参加取り消しのお知らせ 2" in out
    new = smtp_server.handler.arrived[5:]
    assert sorted(a.rcpt_tos[0] for a in new) == sorted(ADDRESSES[:2])
    with db.session() as s:
        uid = s.get(Event, event_id).calendar_uid
    for arrived in new:
        method, calendar = calendar_of(arrived.data)
        assert method == "CANCEL"
        (vevent,) = calendar.events
        assert vevent.uid == uid
        assert [a.uri.lower() for a in vevent.attendees] == ["mailto:" + arrived.rcpt_tos[0]]
    send(capsys, db_arg, event_id, smtp_server, "--yes")
    assert len(smtp_server.handler.arrived) == 7  # told once


@pytest.mark.parametrize("change", ["title", "programme"])
def test_every_change_the_invitation_shows_sends_an_update(capsys, db, db_arg, smtp_server, change):
    event_id = make_event(db)
    send(capsys, db_arg, event_id, smtp_server)
    with db.session() as s:
        event = s.get(Event, event_id)
        if change == "title":
            event.title = "第2回市町村情報交換会（改題）"
        else:
            event.items.append(ProgrammeItem(position=2, item_type="挨拶", title="閉会", minutes=5))
    code, out, _ = send(capsys, db_arg, event_id, smtp_server, "--kind", "update", "--yes")
    assert code == 0 and "変更のお知らせ 5" in out
    updates = smtp_server.handler.arrived[5:]
    assert len(updates) == 5
    _, calendar = calendar_of(updates[0].data)
    assert calendar.events[0].sequence == 1  # higher than the invitation's: clients apply it


def test_queueing_never_takes_back_a_row_another_run_has(db):
    event_id = make_event(db)
    with db.session() as s:
        ids = queue_messages(s, event_id, SENDER).ids
    with db.session() as s:
        s.execute(update(OutboxMessage).where(OutboxMessage.id == ids[0]).values(status="sent"))
    with pytest.raises(QueueRaceLost), db.session() as s:
        take_over_queued(s, [(ids[0], {"status": "queued", "message_id": "<new@x>"})])
    with db.session() as s:
        row = s.get(OutboxMessage, ids[0])
        assert row.status == "sent" and row.message_id != "<new@x>"
        taken = s.get(OutboxMessage, ids[1])
        key, address = taken.dedup_key, taken.recipient_address
    with pytest.raises(QueueRaceLost) as raised, db.session() as s:
        insert_messages(s, [{"dedup_key": key, "kind": "invitation", "recipient_address": address,
                             "payload": b"x", "status": "queued"}])  # fmt: skip
    assert address not in str(raised.value) and raised.value.__cause__ is None


def test_a_dead_run_is_told_apart_from_a_live_one_with_psutil(db):
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    assert outbox_service._process_alive(child.pid) is False
    me = outbox_service._runner_id()
    host, pid, _, started = me.split("|")
    assert outbox_service._process_alive(int(pid), started)
    assert not outbox_service._process_alive(int(pid), str(float(started) - 1000))  # reused pid
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    assert not outbox_service._claim_is_dead(me, now, now)
    assert outbox_service._claim_is_dead(f"{host}|{child.pid}|x|", now, now)
    assert "os.kill" not in outbox_service._process_alive.__code__.co_names
