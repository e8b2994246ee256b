"""The mail commands as a script uses them, against a real SMTP server on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import email
import json
import os
import signal
import subprocess
import sys
from email import policy
from pathlib import Path

import pytest
from ical.calendar_stream import IcsCalendarStream
from mailkit import PASSWORD, PEOPLE, USER, make_event
from sqlalchemy import select

from kenshu_desk.cli import main
from kenshu_desk.domain.models import Event, OutboxMessage
from kenshu_desk.mail import settings as mail_settings

ADDRESSES = [p[3] for p in PEOPLE]


def run(capsys, *argv: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def send_args(db_arg: str, event_id: int, server, *extra: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [
        "--db", db_arg, "invites", "send", str(event_id),
        "--smtp-host", server.host, "--smtp-port", str(server.port),
        "--smtp-security", "none", *extra,
    ]  # fmt: skip


def outbox(capsys, db_arg: str) -> list[dict]:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "--db", db_arg, "outbox", "--json")
    assert code == 0
    return json.loads(out)


def test_ics_command_writes_a_publish_calendar(capsys, db, db_arg, tmp_path):
    event_id = make_event(db)
    target = tmp_path / "予定.ics"
    code, out, _ = run(capsys, "--db", db_arg, "ics", str(event_id), "-o", str(target))
    assert code == 0 and str(target) in out
    cal = IcsCalendarStream.calendar_from_ics(target.read_text(encoding="utf-8"))
    assert cal.method == "PUBLISH" and cal.events[0].summary == "第2回市町村情報交換会"
    code, _, err = run(capsys, "--db", db_arg, "ics", "999", "-o", str(target))
    assert code == 1 and "999" in err


def test_send_then_outbox_json(capsys, db, db_arg, smtp_server):
    event_id = make_event(db)
    smtp_server.handler.reject[ADDRESSES[0]] = "550 5.1.1 unknown user"
    code, out, err = run(capsys, *send_args(db_arg, event_id, smtp_server, "--from-name", "県庁"))
    assert code == 1  # one permanent failure
    assert "送信先 5 人（招待 5）" in out and "送信 4 件、失敗 1 件" in out
    assert "550 5.1.1" in err
    entries = outbox(capsys, db_arg)
    assert len(entries) == 5
    for e in entries:
        assert {"recipient", "kind", "status", "attempts", "sent_at", "error"} <= e.keys()
        assert e["kind"] == "invitation"
    by = {e["recipient"]: e for e in entries}
    assert by[ADDRESSES[0]]["status"] == "failed" and "550" in by[ADDRESSES[0]]["error"]
    assert by[ADDRESSES[0]]["sent_at"] is None
    assert by[ADDRESSES[1]]["status"] == "sent" and by[ADDRESSES[1]]["sent_at"].endswith("Z")
    # the sender defaults to the event's organiser address
    msg = email.message_from_bytes(smtp_server.handler.arrived[0].data, policy=policy.default)
    assert msg["From"].addresses[0].addr_spec == "chiiki@example.jp"
    assert msg["From"].addresses[0].display_name == "県庁"

    # again: nothing new goes out
    code, out, _ = run(capsys, *send_args(db_arg, event_id, smtp_server))
    assert "送信先 0 人" in out and "送信 0 件" in out
    assert len(smtp_server.handler.arrived) == 4


def test_dry_run_sends_and_writes_nothing(capsys, db, db_arg, smtp_server):
    event_id = make_event(db)
    code, out, _ = run(capsys, *send_args(db_arg, event_id, smtp_server, "--dry-run"))
    assert code == 0 and "送信先 5 人（招待 5）" in out
    for address in ADDRESSES:
        assert address in out
    assert smtp_server.handler.arrived == []
    assert outbox(capsys, db_arg) == []


def test_eml_files_are_drafts_and_count_as_given(capsys, db, db_arg, tmp_path, smtp_server):
    event_id = make_event(db)
    folder = tmp_path / "drafts"
    folder.mkdir()
    code, out, _ = run(capsys, *send_args(db_arg, event_id, smtp_server, "--eml-dir", str(folder)))
    assert code == 0 and "5 件のメールファイル" in out
    files = sorted(folder.glob("*.eml"))
    assert len(files) == 5
    for path in files:
        data = path.read_bytes()
        assert data.startswith(b"X-Unsent: 1\r\n")
        msg = email.message_from_bytes(data, policy=policy.default)
        assert len(msg["To"].addresses) == 1
        assert msg["To"].addresses[0].addr_spec in path.name
    assert {e["status"] for e in outbox(capsys, db_arg)} == {"saved"}
    assert smtp_server.handler.arrived == []
    code, out, _ = run(capsys, *send_args(db_arg, event_id, smtp_server))
    assert "送信先 0 人" in out and smtp_server.handler.arrived == []
    code, out, _ = run(capsys, *send_args(db_arg, event_id, smtp_server, "--kind", "update"))
    assert "送信先 0 人" in out  # an update of the same version is the same calendar
    with db.session() as s:
        s.get(Event, event_id).start_time = dt.time(15, 0)
    code, out, _ = run(capsys, *send_args(db_arg, event_id, smtp_server, "--yes"))
    assert "送信先 5 人（変更のお知らせ 5）" in out and len(smtp_server.handler.arrived) == 5


def test_password_from_the_environment_over_starttls(
    capsys, db, db_arg, tls_server_factory, monkeypatch
):
    server = tls_server_factory("starttls")
    monkeypatch.setenv("SSL_CERT_FILE", str(server.cafile))  # trust the test's own CA
    event_id = make_event(db)
    argv = [
        "--db", db_arg, "invites", "send", str(event_id),
        "--smtp-host", server.host, "--smtp-port", str(server.port), "--smtp-user", USER,
    ]  # fmt: skip
    monkeypatch.delenv(mail_settings.PASSWORD_ENV, raising=False)
    code, _, err = run(capsys, *argv)
    assert code == 1 and mail_settings.PASSWORD_ENV in err  # no keyring here, no variable
    monkeypatch.setenv(mail_settings.PASSWORD_ENV, PASSWORD)
    code, out, _ = run(capsys, *argv)
    assert code == 0 and "送信 5 件" in out
    assert len(server.handler.arrived) == 5


def test_missing_server_is_a_one_line_error(capsys, db, db_arg):
    event_id = make_event(db)
    code, _, err = run(capsys, "--db", db_arg, "invites", "send", str(event_id))
    assert code == 1 and "--smtp-host" in err and err.count("\n") == 1


def test_unreachable_server_keeps_the_queue(capsys, db, db_arg, monkeypatch):
    from kenshu_desk.services.mail import outbox as outbox_service

    monkeypatch.setattr(outbox_service, "DEFAULT_RETRY", outbox_service.RetryPolicy(2, 0.01))
    event_id = make_event(db)
    code, _, err = run(
        capsys, "--db", db_arg, "invites", "send", str(event_id),
        "--smtp-host", "127.0.0.1", "--smtp-port", "1", "--smtp-security", "none",
    )  # fmt: skip
    assert code == 1 and "接続できません" in err
    assert {e["status"] for e in outbox(capsys, db_arg)} == {"queued"}


def test_killed_run_resumes_without_sending_anything_twice(capsys, db, db_arg, smtp_server):
    """The process dies after the server accepted message 3 but before it heard the 250."""
    event_id = make_event(db)
    handler = smtp_server.handler
    handler.hold_on_data = 3
    env = dict(os.environ)
    src = Path(__file__).resolve().parents[2] / "src"
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(src), env.get("PYTHONPATH", "")) if p)
    child = subprocess.Popen(
        [sys.executable, "-m", "kenshu_desk", *send_args(db_arg, event_id, smtp_server)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert handler.held.wait(60), "the child never reached the third message"
        child.send_signal(signal.SIGKILL)
        child.wait(30)
    finally:
        handler.release.set()
        if child.poll() is None:
            child.kill()
            child.wait()
    assert len(handler.arrived) == 3
    with db.session() as s:
        statuses = [r.status for r in s.scalars(select(OutboxMessage).order_by(OutboxMessage.id))]
    assert statuses == ["sent", "sent", "sending", "queued", "queued"]

    code, out, _ = run(capsys, *send_args(db_arg, event_id, smtp_server))
    assert "送信結果不明 1 件" in out
    by = handler.by_recipient()
    assert sorted(by) == sorted(ADDRESSES)
    assert all(len(got) == 1 for got in by.values())  # nobody got anything twice
    entries = outbox(capsys, db_arg)
    assert [e["status"] for e in entries] == ["sent", "sent", "unknown", "sent", "sent"]
    unknown = entries[2]
    assert "届いているかどうか分かりません" in unknown["error"]

    # The organiser decides to send it again: an explicit, recorded choice.
    code, out, _ = run(capsys, "--db", db_arg, "outbox", "--resend", str(unknown["id"]))
    assert code == 0 and "1 件" in out
    run(capsys, *send_args(db_arg, event_id, smtp_server))
    assert len(handler.by_recipient()[unknown["recipient"]]) == 2
    resent = outbox(capsys, db_arg)[2]
    assert resent["status"] == "sent"
    assert unknown["attempts"] == 1 and resent["attempts"] == 2  # every try counts


def test_update_via_cli_after_place_change(capsys, db, db_arg, smtp_server):
    event_id = make_event(db)
    run(capsys, *send_args(db_arg, event_id, smtp_server))
    with db.session() as s:
        s.get(Event, event_id).venue = "さいたま市民会館"
    code, out, err = run(capsys, *send_args(db_arg, event_id, smtp_server))
    assert code == 1 and "--yes" in err and "5 人の予定表" in err  # the count, nothing sent
    assert len(smtp_server.handler.arrived) == 5
    code, out, _ = run(capsys, *send_args(db_arg, event_id, smtp_server, "--yes"))
    assert code == 0 and "送信先 5 人（変更のお知らせ 5）" in out
    kinds = [e["kind"] for e in outbox(capsys, db_arg)]
    assert kinds == ["invitation"] * 5 + ["update"] * 5


@pytest.mark.parametrize("value", ["starttls", "ssl", "none"])
def test_security_choices_parse(capsys, value):
    from kenshu_desk.cli import build_parser

    args = build_parser().parse_args(["invites", "send", "1", "--smtp-security", value])
    assert args.smtp_security == value
