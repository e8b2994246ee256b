"""Sending the recording link after the event, against a real SMTP server on 127.0.0.1."""

from __future__ import annotations

import csv
import datetime as dt
import email
import io
import json
from email import policy

import pytest
from mailkit import PEOPLE, make_event
from openpyxl import load_workbook
from sqlalchemy import select

from kenshu_desk.cli import main
from kenshu_desk.documents.ics import invitation_calendar, publish_calendar
from kenshu_desk.documents.recording_export import log_csv, log_xlsx
from kenshu_desk.domain.models import (
    AttendanceState,
    Event,
    RecordingDelivery,
    Registration,
)
from kenshu_desk.errors import UserError
from kenshu_desk.mail.recording_template import DEFAULT_TEMPLATE
from kenshu_desk.mail.templates import MailTemplate, TemplateError
from kenshu_desk.services.recordings import recordings as rec
from kenshu_desk.services.recordings.recording_log import delivery_log, follow_up

ADDRESSES = [p[3] for p in PEOPLE]
URL = "https://example.jp/rec/abc?pwd=1"
PASSCODE = "Zq7#secret"


def run(capsys, *argv: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def send_args(db_arg: str, event_id: int, server, *extra: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [
        "--db", db_arg, "recordings", "send", str(event_id), "--url", URL,
        "--passcode", PASSCODE, "--until", "2026-12-25",
        "--smtp-host", server.host, "--smtp-port", str(server.port),
        "--smtp-security", "none", "--from", "chiiki@example.jp", *extra,
    ]  # fmt: skip


def log(capsys, db_arg: str, event_id: int) -> list[dict]:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "--db", db_arg, "recordings", "log", str(event_id), "--json")
    assert code == 0
    return json.loads(out)


def set_states(db, event_id: int, states: dict[str, AttendanceState]) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        event = s.get(Event, event_id)
        for reg in event.registrations:
            if reg.participant.email in states:
                reg.state = states[reg.participant.email].value


@pytest.fixture
def event_id(db):  # type: ignore[no-untyped-def]
    """Two attended, one absent, one only registered, one cancelled."""
    event_id = make_event(db)
    set_states(
        db,
        event_id,
        {
            ADDRESSES[0]: AttendanceState.ATTENDED_VENUE,
            ADDRESSES[1]: AttendanceState.ATTENDED_ONLINE,
            ADDRESSES[2]: AttendanceState.ABSENT,
            ADDRESSES[4]: AttendanceState.CANCELLED,
        },
    )
    return event_id


ABSENTEES = [ADDRESSES[2], ADDRESSES[3]]


def test_absentees_get_exactly_one_message_each_and_attendees_none(
    capsys, db, db_arg, event_id, smtp_server
):
    code, _out, err = run(capsys, *send_args(db_arg, event_id, smtp_server))
    assert code == 0, err
    by = smtp_server.handler.by_recipient()
    assert sorted(by) == sorted(ABSENTEES)
    assert all(len(v) == 1 for v in by.values())
    msg = email.message_from_bytes(by[ADDRESSES[2]][0].data, policy=policy.default)
    assert msg.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in msg.iter_parts()] == ["text/plain", "text/html"]
    text = msg.get_body(("plain",)).get_content()
    assert "五十嵐　彩 様" in text and URL in text and PASSCODE in text
    assert "令和8年12月25日（金）まで" in text
    assert "第2回市町村情報交換会" in str(msg["Subject"])

    entries = log(capsys, db_arg, event_id)
    assert sorted(e["address"] for e in entries) == sorted(ABSENTEES)
    for e in entries:
        assert {"recipient", "address", "url", "sent_at", "status", "method", "note"} <= set(e)
        assert e["status"] == "sent" and e["url"] == URL and e["method"] == "email"
        assert e["sent_at"].endswith("Z")
    assert {e["recipient"] for e in entries} == {PEOPLE[2][0], PEOPLE[3][0]}


def test_rerunning_sends_nothing_twice_unless_resend(capsys, db, db_arg, event_id, smtp_server):
    assert run(capsys, *send_args(db_arg, event_id, smtp_server))[0] == 0
    code, out, _ = run(capsys, *send_args(db_arg, event_id, smtp_server))
    assert code == 0 and "送信先 0 人" in out
    assert len(smtp_server.handler.arrived) == 2
    assert len(log(capsys, db_arg, event_id)) == 2

    code, _, err = run(capsys, *send_args(db_arg, event_id, smtp_server, "--resend"))
    assert code == 0, err
    by = smtp_server.handler.by_recipient()
    assert all(len(by[a]) == 2 for a in ABSENTEES)
    entries = log(capsys, db_arg, event_id)
    assert len(entries) == 4 and all(e["status"] == "sent" for e in entries)
    with db.session() as s:  # the link was reused, not created again
        assert len(rec.list_recordings(s, event_id)) == 1


def test_all_registrants_and_extra_addresses(capsys, db, db_arg, event_id, smtp_server):
    extra = "鳩山町 福祉課=fukushi@town.example.jp"
    code, _, err = run(
        capsys, *send_args(db_arg, event_id, smtp_server, "--to", "all", "--extra", extra)
    )
    assert code == 0, err
    by = smtp_server.handler.by_recipient()
    assert sorted(by) == sorted([*ADDRESSES[:4], "fukushi@town.example.jp"])
    entries = {e["address"]: e for e in log(capsys, db_arg, event_id)}
    assert entries["fukushi@town.example.jp"]["recipient"] == "鳩山町 福祉課"


def test_a_refused_address_is_recorded_as_failed(capsys, db, db_arg, event_id, smtp_server):
    smtp_server.handler.reject[ADDRESSES[2]] = "550 5.1.1 unknown user"
    code, _, err = run(capsys, *send_args(db_arg, event_id, smtp_server))
    assert code == 1 and "550 5.1.1" in err
    by = {e["address"]: e for e in log(capsys, db_arg, event_id)}
    assert by[ADDRESSES[2]]["status"] == "failed" and "550" in by[ADDRESSES[2]]["note"]
    assert by[ADDRESSES[3]]["status"] == "sent"
    with db.session() as s:
        rows = {r.participant_id: r for r in follow_up(s, event_id)}
        failed = next(r for r in rows.values() if r.email == ADDRESSES[2])
        assert failed.neither and not failed.received


def test_dry_run_and_eml_dir(capsys, db, db_arg, event_id, smtp_server, tmp_path):
    code, out, _ = run(capsys, *send_args(db_arg, event_id, smtp_server, "--dry-run"))
    assert code == 0 and "送信先 2 人" in out and ADDRESSES[2] in out
    assert smtp_server.handler.arrived == [] and log(capsys, db_arg, event_id) == []
    with db.session() as s:
        assert rec.list_recordings(s, event_id) == []
    code, out, _ = run(
        capsys, *send_args(db_arg, event_id, smtp_server, "--eml-dir", str(tmp_path))
    )
    assert code == 0
    files = sorted(tmp_path.glob("*.eml"))
    assert len(files) == 2 and files[0].read_bytes().startswith(b"X-Unsent: 1\r\n")
    entries = log(capsys, db_arg, event_id)
    assert {(e["status"], e["method"]) for e in entries} == {("saved", "eml")}


def test_unknown_event_and_bad_url_exit_1(capsys, db, db_arg, smtp_server):
    event_id = make_event(db)
    code, _, err = run(capsys, *send_args(db_arg, 999, smtp_server))
    assert code == 1 and "999" in err
    args = send_args(db_arg, event_id, smtp_server)
    args[args.index(URL)] = "ftp://x"
    code, _, err = run(capsys, *args)
    assert code == 1 and "URL" in err


def test_manual_delivery_and_follow_up(capsys, db, db_arg, event_id, smtp_server):
    assert run(capsys, *send_args(db_arg, event_id, smtp_server))[0] == 0
    with db.session() as s:
        regs = s.scalars(select(Registration).where(Registration.event_id == event_id)).all()
        ids = {r.participant.email: r.participant_id for r in regs}
    code, _, err = run(
        capsys, "--db", db_arg, "recordings", "manual", str(event_id), "--url", URL,
        "--participant", str(ids[ADDRESSES[4]]), "--method", "phone",
        "--date", "2026-11-30", "--note", "電話で URL を伝えた",
    )  # fmt: skip
    assert code == 0, err
    entries = log(capsys, db_arg, event_id)
    manual = [e for e in entries if e["method"] == "phone"]
    assert len(manual) == 1 and manual[0]["status"] == "manual"
    assert (
        manual[0]["sent_at"].startswith("2026-11-30") and manual[0]["note"] == "電話で URL を伝えた"
    )
    code, out, _ = run(capsys, "--db", db_arg, "recordings", "follow-up", str(event_id), "--json")
    rows = {r["email"]: r for r in json.loads(out)}
    assert ADDRESSES[4] not in rows  # cancelled registrations are not followed up
    assert rows[ADDRESSES[0]]["attended"] and not rows[ADDRESSES[0]]["neither"]
    assert rows[ADDRESSES[2]]["received"] and rows[ADDRESSES[3]]["received"]


def test_follow_up_lists_who_needs_action(db, event_id):
    with db.session() as s:
        link = rec.add_recording(s, event_id, URL, PASSCODE)
        rows = follow_up(s, event_id)
        assert {r.email for r in rows if r.neither} == set(ABSENTEES)
        pid = next(r.participant_id for r in rows if r.email == ADDRESSES[3])
        rec.record_manual_delivery(s, link.id, method="hand", participant_id=pid, note="窓口で")
    with db.session() as s:
        neither = {r.email for r in follow_up(s, event_id) if r.neither}
        assert neither == {ADDRESSES[2]}
        manual = s.scalars(select(RecordingDelivery)).one()
        with pytest.raises(UserError):
            rec.record_manual_delivery(s, link.id, method="fax", name="x")
        rec.delete_delivery(s, manual.id)
    with db.session() as s:
        assert {r.email for r in follow_up(s, event_id) if r.neither} == set(ABSENTEES)


def test_links_add_edit_delete_and_dates(db, event_id):
    with db.session() as s:
        info = rec.add_recording(s, event_id, URL, "p", dt.date(2027, 1, 31), "前半")
    with db.session() as s:
        rec.edit_recording(
            s, info.id, url=URL + "2", passcode="q", available_until=None, note="全編"
        )
    with db.session() as s:
        (row,) = rec.list_recordings(s, event_id)
        assert (row.url, row.passcode, row.available_until, row.note) == (
            URL + "2",
            "q",
            None,
            "全編",
        )
        rec.edit_recording(
            s, info.id, url=URL, passcode="", available_until=dt.date(2027, 3, 1), note=""
        )
    with db.session() as s:
        assert rec.list_recordings(s, event_id)[0].available_until == dt.date(2027, 3, 1)
        rec.delete_recording(s, info.id)
    with db.session() as s:
        assert rec.list_recordings(s, event_id) == []


def test_template_placeholders_and_refusals(db, event_id):
    with db.session() as s:
        info = rec.add_recording(s, event_id, URL, "")
        event = s.get(Event, event_id)
        filled = rec.render_recording(DEFAULT_TEMPLATE, info, event, "山田")
        assert "■パスコード" not in filled.body  # a line whose fields are empty disappears
        assert "■公開期限" not in filled.body and URL in filled.body
        with pytest.raises(TemplateError, match="動画URX"):
            rec.render_recording(MailTemplate("x", "{動画URX}"), info, event, "山田")
        plan = rec.plan_recording(
            s, info.id, "absent", extras=[("悪い", "a@b.jp\r\nBcc: x@y.jp"), ("重複", ADDRESSES[2])]
        )
        found = [m.recipient for m in plan.messages]
        assert sorted(r.address for r in found) == sorted(ABSENTEES)  # the header injection is
        assert [who for who, _ in plan.skipped] == [
            "悪い",
            "重複",
        ]  # refused, the duplicate left out
        picked = rec.plan_recording(s, info.id, "picked", picked=[found[0].participant_id])
        assert [m.recipient for m in picked.messages] == [found[0]]


def test_passcode_never_reaches_a_calendar_file(db, event_id):
    with db.session() as s:
        rec.add_recording(s, event_id, URL, PASSCODE)
    with db.session() as s:
        event = s.get(Event, event_id)
        assert event.recordings  # the link is on the event the calendar writer gets
        from kenshu_desk.documents.ics import CalendarPerson

        calendars = [
            publish_calendar(event),
            invitation_calendar(
                event,
                organizer=CalendarPerson("県", "chiiki@example.jp"),
                attendee=CalendarPerson("人", ADDRESSES[0]),
            ),
        ]
    for data in calendars:
        assert PASSCODE.encode() not in data and b"rec/abc" not in data
    import inspect

    import kenshu_desk.documents.ics as ics

    source = inspect.getsource(ics)
    assert (
        ".recordings" not in source and ".passcode" not in source and "RecordingLink" not in source
    )


def test_export_files_read_back(capsys, db, db_arg, event_id, smtp_server, tmp_path):
    smtp_server.handler.reject[ADDRESSES[3]] = "550 5.1.1 unknown user"
    run(capsys, *send_args(db_arg, event_id, smtp_server, "--extra", "=cmd@example.jp"))
    with db.session() as s:
        link = rec.list_recordings(s, event_id)[0]
        rec.record_manual_delivery(s, link.id, method="phone", name="=HYPERLINK(1)", note="-2")
    target = tmp_path / "記録.csv"
    code, _out, _ = run(
        capsys, "--db", db_arg, "recordings", "log", str(event_id), "-o", str(target)
    )
    assert code == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:5] == ["氏名", "アドレス", "動画URL", "方法", "結果"]
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name["'=HYPERLINK(1)"][6] == "'-2"
    assert by_name[PEOPLE[3][0]][4] == "送信失敗"
    assert by_name[PEOPLE[2][0]][4] == "送信済み"
    assert len(rows) == 1 + 4
    xlsx = tmp_path / "記録.xlsx"
    assert run(capsys, "--db", db_arg, "recordings", "log", str(event_id), "-o", str(xlsx))[0] == 0
    ws = load_workbook(xlsx).active
    values = [[c.value for c in row] for row in ws.iter_rows(min_row=4)]
    assert len(values) == 4
    assert any(v[0] == "=HYPERLINK(1)" for v in values)
    assert all(ws.cell(row=r, column=1).data_type == "s" for r in range(4, 8))
    with db.session() as s:
        entries = delivery_log(s, event_id)
    assert (
        log_csv(entries).startswith(b"\xef\xbb\xbf") and log_xlsx(entries, title="t")[:2] == b"PK"
    )


def test_a_link_deleted_and_added_again_is_not_sent_twice(
    capsys, db, db_arg, event_id, smtp_server
):
    assert run(capsys, *send_args(db_arg, event_id, smtp_server))[0] == 0
    with db.session() as s:
        rec.delete_recording(s, rec.list_recordings(s, event_id)[0].id)
    code, out, _ = run(capsys, *send_args(db_arg, event_id, smtp_server))
    assert code == 0 and "送信先 0 人" in out  # SQLite may even reuse the deleted link's id
    assert len(smtp_server.handler.arrived) == 2
    # A new URL (a re-encoded video) is a new link: it goes to the absentees once.
    args = send_args(db_arg, event_id, smtp_server)
    args[args.index(URL)] = URL + "&v=2"
    assert run(capsys, *args)[0] == 0
    assert len(smtp_server.handler.arrived) == 4


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("R8.12.25", dt.date(2026, 12, 25)),
        ("令和9年1月15日", dt.date(2027, 1, 15)),
        ("２０２７／２／１", dt.date(2027, 2, 1)),
        ("12/25", dt.date(2026, 12, 25)),  # the event (2026-11-25) is in 令和8年度
        ("1/15", dt.date(2027, 1, 15)),  # January of that fiscal year is in 2027
    ],
)
def test_until_takes_dates_as_people_type_them(
    capsys, db, db_arg, event_id, tmp_path, smtp_server, typed, expected
):
    args = send_args(db_arg, event_id, smtp_server, "--eml-dir", str(tmp_path))
    args[args.index("2026-12-25")] = typed
    code, _, err = run(capsys, *args)
    assert code == 0, err
    with db.session() as s:
        assert rec.list_recordings(s, event_id)[0].available_until == expected


@pytest.mark.parametrize(
    ("typed", "message"), [("2026/2/30", "「2026/2/30」"), ("2/30", "「2/30」")]
)
def test_impossible_until_is_refused_and_nothing_kept(
    capsys, db, db_arg, event_id, tmp_path, smtp_server, typed, message
):
    args = send_args(db_arg, event_id, smtp_server, "--eml-dir", str(tmp_path))
    args[args.index("2026-12-25")] = typed
    code, _, err = run(capsys, *args)
    assert code in (1, 2) and message in err and "Traceback" not in err
    assert not list(tmp_path.glob("*.eml"))
    with db.session() as s:
        assert rec.list_recordings(s, event_id) == []


def test_manual_date_month_and_day(capsys, db, db_arg, event_id):
    code, _, err = run(
        capsys, "--db", db_arg, "recordings", "manual", str(event_id), "--url", URL,
        "--name", "川越 太郎", "--date", "11/30",
    )  # fmt: skip
    assert code == 0, err
    assert any(e["sent_at"].startswith("2026-11-30") for e in log(capsys, db_arg, event_id))


def test_the_events_materials_go_with_the_link_after_the_event(
    capsys, db, db_arg, event_id, smtp_server
):
    """recordings send --materials: each absentee gets the link with the materials attached,
    listed at the end of the text; the file arrives byte for byte."""
    import hashlib

    from test_reminders import real_pdf

    from kenshu_desk.services.materials.materials import add_material

    pdf = real_pdf("当日資料")
    with db.session() as s:
        add_material(s, event_id, "当日資料_重層的支援体制.pdf", pdf, "当日の説明資料")
    code, _out, err = run(capsys, *send_args(db_arg, event_id, smtp_server, "--materials"))
    assert code == 0, err
    by = smtp_server.handler.by_recipient()
    assert sorted(by) == sorted(ABSENTEES) and all(len(v) == 1 for v in by.values())
    msg = email.message_from_bytes(by[ADDRESSES[2]][0].data, policy=policy.default)
    assert msg.get_content_type() == "multipart/mixed"
    text = msg.get_body(("plain",)).get_content()
    assert URL in text and "■添付資料" in text
    assert "・当日の説明資料（当日資料_重層的支援体制.pdf）" in text
    files = {part.get_filename(): part.get_content() for part in msg.iter_attachments()}
    assert (
        hashlib.sha256(files["当日資料_重層的支援体制.pdf"]).digest()
        == hashlib.sha256(pdf).digest()
    )
