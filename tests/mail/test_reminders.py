"""Reminders through a real SMTP server on 127.0.0.1: each person once, decliners none, the
次第 and the materials attached and read back, the size limit, .eml drafts, --due."""

from __future__ import annotations

import datetime as dt
import email
import hashlib
import io
import json
from email import policy
from email.message import EmailMessage

import pytest
from mailkit import PEOPLE, make_event
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select

from kenshu_desk.cli import main
from kenshu_desk.domain.models import AttendanceState, Event, OutboxMessage
from kenshu_desk.mail.settings import load_settings, save_settings
from kenshu_desk.services.materials.materials import add_material

ADDRESSES = [p[3] for p in PEOPLE]
DECLINED = [ADDRESSES[2], ADDRESSES[4]]  # 欠席 (told us) and 取消
EXPECTED = [ADDRESSES[0], ADDRESSES[1], ADDRESSES[3]]
MATERIAL_NAME = "説明資料_重層的支援体制.pdf"


def run(capsys, *argv: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def real_pdf(text: str, pages: int = 1) -> bytes:
    """A PDF as reportlab writes it (a real producer), with `text` on each page."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    for n in range(pages):
        canvas.drawString(72, 720, f"{text} page {n + 1}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def send_args(db_arg: str, event_id: int, server, *extra: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [
        "--db", db_arg, "reminders", "send", str(event_id),
        "--smtp-host", server.host, "--smtp-port", str(server.port),
        "--smtp-security", "none", "--from", "chiiki@example.jp", *extra,
    ]  # fmt: skip


@pytest.fixture
def event_id(db):  # type: ignore[no-untyped-def]
    """In three days; one person said 欠席, one registration was cancelled."""
    event_id = make_event(db, date=dt.date.today() + dt.timedelta(days=3))
    with db.session() as s:
        event = s.get(Event, event_id)
        for reg in event.registrations:
            if reg.participant.email == ADDRESSES[2]:
                reg.state = AttendanceState.ABSENT.value
            if reg.participant.email == ADDRESSES[4]:
                reg.state = AttendanceState.CANCELLED.value
        add_material(s, event_id, MATERIAL_NAME, real_pdf("Material A"), "説明資料")
    return event_id


def parsed(data: bytes) -> EmailMessage:
    found = email.message_from_bytes(data, policy=policy.default)
    assert isinstance(found, EmailMessage)
    return found


def attachments(message: EmailMessage) -> dict[str, bytes]:
    return {str(part.get_filename()): part.get_content() for part in message.iter_attachments()}


def assert_fonts_embedded(pdf: bytes, folder) -> None:  # type: ignore[no-untyped-def]
    """What a print shop checks (poppler's pdffonts): the Japanese fonts are in the file."""
    import shutil
    import subprocess

    pdffonts = shutil.which("pdffonts")
    if pdffonts is None:
        pytest.skip("pdffonts not found: install poppler-utils")
    path = folder / "attached.pdf"
    path.write_bytes(pdf)
    lines = subprocess.run(
        [pdffonts, str(path)], capture_output=True, text=True, check=True, timeout=60
    ).stdout.splitlines()
    emb_at = lines[0].index("emb")
    fonts = [(line.split()[0], line[emb_at : emb_at + 3].strip()) for line in lines[2:] if line]
    assert fonts and all(emb == "yes" for _, emb in fonts), fonts
    assert any("IPAex" in name for name, _ in fonts), fonts


def test_each_person_once_decliners_none_with_agenda_and_materials(
    capsys, db, db_arg, event_id, smtp_server, tmp_path
):
    code, out, err = run(
        capsys, *send_args(db_arg, event_id, smtp_server, "--attach-agenda", "--materials")
    )
    assert code == 0, err
    assert "送信先 3 人" in out and "欠席・取消 2 人" in out
    by = smtp_server.handler.by_recipient()
    assert sorted(by) == sorted(EXPECTED)
    assert all(len(v) == 1 for v in by.values())

    message = parsed(by[ADDRESSES[0]][0].data)
    assert "【リマインド】" in str(message["Subject"])
    text = message.get_body(("plain",)).get_content()
    event_day = dt.date.today() + dt.timedelta(days=3)
    assert "髙橋　美咲 様" in text
    assert "令和" in text and f"{event_day.month}月{event_day.day}日" in text
    assert "14:30～16:00" in text
    assert "https://example.jp/zoom/j/8812?pwd=abc" in text
    assert "■添付資料\r\n・次第（" in text and "・説明資料（説明資料_重層的支援体制.pdf）" in text

    files = attachments(message)
    agenda_name = f"{event_day:%Y%m%d}_第2回市町村情報交換会_次第.pdf"
    assert sorted(files) == sorted([agenda_name, MATERIAL_NAME])
    agenda = PdfReader(io.BytesIO(files[agenda_name]))
    agenda_text = "".join(page.extract_text() for page in agenda.pages)
    assert "第2回市町村情報交換会" in agenda_text and "包括的な支援体制" in agenda_text
    assert_fonts_embedded(files[agenda_name], tmp_path)
    material = files[MATERIAL_NAME]
    with db.session() as s:
        from kenshu_desk.domain.models_materials import EventMaterial

        stored = s.scalars(select(EventMaterial)).one()
        assert hashlib.sha256(material).hexdigest() == stored.sha256
    assert "Material A page 1" in PdfReader(io.BytesIO(material)).pages[0].extract_text()

    # Re-running sends nothing twice.
    code, out, err = run(
        capsys, *send_args(db_arg, event_id, smtp_server, "--attach-agenda", "--materials")
    )
    assert code == 0, err
    assert "送信先 0 人" in out and "送付済み 3 人" in out
    assert len(smtp_server.handler.arrived) == 3
    with db.session() as s:
        rows = s.scalars(select(OutboxMessage).where(OutboxMessage.kind == "reminder")).all()
        assert sorted(r.recipient_address for r in rows) == sorted(EXPECTED)
        assert all(r.status == "sent" for r in rows)


def test_a_person_registered_later_gets_theirs_and_nobody_else_again(
    capsys, db, db_arg, event_id, smtp_server
):
    assert run(capsys, *send_args(db_arg, event_id, smtp_server))[0] == 0
    with db.session() as s:  # 欠席 withdrawn: the person will come after all
        event = s.get(Event, event_id)
        for reg in event.registrations:
            if reg.participant.email == ADDRESSES[2]:
                reg.state = AttendanceState.REGISTERED.value
    code, _out, err = run(capsys, *send_args(db_arg, event_id, smtp_server))
    assert code == 0, err
    by = smtp_server.handler.by_recipient()
    assert sorted(by) == sorted([*EXPECTED, ADDRESSES[2]])
    assert all(len(v) == 1 for v in by.values())


def test_a_temporary_refusal_is_retried_and_still_arrives_once(
    capsys, db, db_arg, event_id, smtp_server
):
    smtp_server.handler.refuse_once[ADDRESSES[1]] = "451 4.7.1 try again later"
    code, _, err = run(capsys, *send_args(db_arg, event_id, smtp_server))
    assert code == 0, err
    by = smtp_server.handler.by_recipient()
    assert sorted(by) == sorted(EXPECTED) and all(len(v) == 1 for v in by.values())


def test_size_limit_warns_and_sends_nothing_unless_allowed(
    capsys, db, db_arg, event_id, smtp_server
):
    settings = load_settings()
    from dataclasses import replace

    save_settings(replace(settings, size_limit_mb=1.0))
    with db.session() as s:  # about 1.2 MB of PDF: over 1 MB once base64-encoded
        big = real_pdf("Big " + "x" * 2000, pages=1) + b"%" + b"0" * (900 * 1024) + b"\n"
        add_material(s, event_id, "大きな資料.pdf", big)
    code, _out, err = run(capsys, *send_args(db_arg, event_id, smtp_server, "--materials"))
    assert code == 1
    assert "上限 1 MB を超えます" in err
    assert smtp_server.handler.arrived == []
    with db.session() as s:
        assert s.scalars(select(OutboxMessage)).all() == []
    code, _out, err = run(
        capsys, *send_args(db_arg, event_id, smtp_server, "--dry-run", "--materials")
    )
    assert code == 0 and "上限 1 MB を超えます" in err and smtp_server.handler.arrived == []
    # Without the materials the message is small: it goes.
    code, _, err = run(capsys, *send_args(db_arg, event_id, smtp_server))
    assert code == 0, err
    assert len(smtp_server.handler.arrived) == 3


def test_size_limit_can_be_passed_on_purpose(capsys, db, db_arg, event_id, smtp_server):
    from dataclasses import replace

    save_settings(replace(load_settings(), size_limit_mb=0.01))
    code, _, err = run(
        capsys, *send_args(db_arg, event_id, smtp_server, "--materials", "--allow-large")
    )
    assert code == 0, err
    assert len(smtp_server.handler.arrived) == 3


def test_eml_fallback_writes_drafts_and_a_later_send_does_not_repeat_them(
    capsys, db, db_arg, event_id, smtp_server, tmp_path
):
    folder = tmp_path / "drafts"
    folder.mkdir()
    code, out, err = run(
        capsys,
        *send_args(db_arg, event_id, smtp_server, "--attach-agenda", "--eml-dir", str(folder)),
    )
    assert code == 0, err
    files = sorted(folder.glob("*.eml"))
    assert len(files) == 3
    data = files[0].read_bytes()
    assert data.startswith(b"X-Unsent: 1\r\n")
    draft = parsed(data)
    ((name, pdf),) = attachments(draft).items()
    assert name.endswith("_次第.pdf") and PdfReader(io.BytesIO(pdf)).pages
    assert smtp_server.handler.arrived == []
    code, out, _ = run(capsys, *send_args(db_arg, event_id, smtp_server))
    assert code == 0 and "送信先 0 人" in out
    assert smtp_server.handler.arrived == []


def test_due_sends_only_on_or_after_the_scheduled_day_and_once(
    capsys, db, db_arg, event_id, smtp_server
):
    code, _, err = run(capsys, *send_args(db_arg, event_id, smtp_server, "--due"))
    assert code == 1 and "リマインドの予定が設定されていません" in err
    code, out, err = run(
        capsys, "--db", db_arg, "reminders", "schedule", str(event_id), "--days-before", "2",
        "--attach-agenda",
    )  # fmt: skip
    assert code == 0, err
    assert "2 日前" in out and "添付: 次第" in out
    code, out, _ = run(capsys, *send_args(db_arg, event_id, smtp_server, "--due"))
    assert code == 0 and "送付日" in out  # three days before: not yet
    assert smtp_server.handler.arrived == []

    run(capsys, "--db", db_arg, "reminders", "schedule", str(event_id), "--days-before", "3",
        "--attach-agenda")  # fmt: skip
    code, _, err = run(capsys, *send_args(db_arg, event_id, smtp_server, "--due"))
    assert code == 0, err
    by = smtp_server.handler.by_recipient()
    assert sorted(by) == sorted(EXPECTED)
    assert all(len(attachments(parsed(v[0].data))) == 1 for v in by.values())  # the 次第
    code, out, _ = run(capsys, *send_args(db_arg, event_id, smtp_server, "--due"))
    assert code == 0 and len(smtp_server.handler.arrived) == 3


def test_cancelled_or_past_events_get_no_reminder(capsys, db, db_arg, event_id, smtp_server):
    with db.session() as s:
        s.get(Event, event_id).date = dt.date.today() - dt.timedelta(days=1)
    code, _, err = run(capsys, *send_args(db_arg, event_id, smtp_server))
    assert code == 1 and "開催日を過ぎています" in err
    with db.session() as s:
        event = s.get(Event, event_id)
        event.date = dt.date.today()
        event.cancelled = True
    code, _, err = run(capsys, *send_args(db_arg, event_id, smtp_server))
    assert code == 1 and "中止" in err
    # A daily scheduled task is not an error after the event or for a cancelled one.
    run(capsys, "--db", db_arg, "reminders", "schedule", str(event_id), "--days-before", "3")
    code, out, _ = run(capsys, *send_args(db_arg, event_id, smtp_server, "--due"))
    assert code == 0 and "中止" in out
    assert smtp_server.handler.arrived == []


def test_outbox_lists_reminders_with_their_kind(capsys, db, db_arg, event_id, smtp_server):
    assert run(capsys, *send_args(db_arg, event_id, smtp_server))[0] == 0
    code, out, _ = run(capsys, "--db", db_arg, "outbox", "--json", "--event", str(event_id))
    rows = json.loads(out)
    assert code == 0 and {r["kind"] for r in rows} == {"reminder"} and len(rows) == 3
    code, out, _ = run(capsys, "--db", db_arg, "outbox", "--event", str(event_id))
    assert code == 0 and out.count("リマインド") == 3


def test_invitations_can_carry_the_agenda_and_keep_their_calendar(
    capsys, db, db_arg, event_id, smtp_server
):
    from icalendar import Calendar

    argv = send_args(db_arg, event_id, smtp_server, "--attach-agenda")
    argv[argv.index("reminders") : argv.index("reminders") + 2] = ["invites", "send"]
    code, _, err = run(capsys, *argv)
    assert code == 0, err
    by = smtp_server.handler.by_recipient()
    assert sorted(by) == sorted([*EXPECTED, ADDRESSES[2]])  # invitations: all but 取消
    raw = by[ADDRESSES[0]][0].data
    # Written as Outlook writes it, unquoted (clients compare it literally): kept so.
    assert b"Content-Type: text/calendar; charset=UTF-8; method=REQUEST\r\n" in raw
    message = parsed(raw)
    alternative = next(p for p in message.iter_parts() if p.is_multipart())
    calendar_part = list(alternative.iter_parts())[-1]
    calendar = Calendar.from_ical(calendar_part.get_content())
    assert calendar["METHOD"] == "REQUEST"
    files = attachments(message)
    assert "invite.ics" in files
    (agenda_name,) = [n for n in files if n.endswith("_次第.pdf")]
    reader = PdfReader(io.BytesIO(files[agenda_name]))
    assert "第2回市町村情報交換会" in reader.pages[0].extract_text()


def test_attachments_encoded_once_give_the_same_message_as_the_email_package():
    from kenshu_desk.mail.attachments import Attachment, attach, attachment_part, splice_parts
    from kenshu_desk.mail.compose import MailAddress, compose_text_message, message_bytes

    files = [
        Attachment("次第.pdf", "application/pdf", real_pdf("agenda")),
        Attachment("名簿（様式1）.xlsx", "application/vnd.ms-excel", b"\xd0\xcf\x11\xe0" * 999),
    ]

    def base():  # type: ignore[no-untyped-def]
        return compose_text_message(
            sender=MailAddress("埼玉県", "chiiki@example.jp"),
            recipient=MailAddress("髙橋　美咲", "m.takahashi@example.jp"),
            subject="【リマインド】研修", text="本文\nhttps://example.jp/j/1", message_id="<x@y>",
            date=dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC),
        )  # fmt: skip

    reference = parsed(message_bytes(attach(base(), files)))
    mixed = base()
    mixed.make_mixed()
    spliced = parsed(splice_parts(message_bytes(mixed), [attachment_part(f) for f in files]))
    for message in (reference, spliced):
        assert message.get_content_type() == "multipart/mixed"
        text = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
        assert text == "本文\nhttps://example.jp/j/1\n"
    assert attachments(spliced) == attachments(reference) == {f.file_name: f.data for f in files}
    assert [p.get_content_type() for p in spliced.iter_attachments()] == [
        f.media_type for f in files
    ]


def test_without_attachments_the_text_names_none(capsys, db, db_arg, event_id, smtp_server):
    code, _, err = run(capsys, *send_args(db_arg, event_id, smtp_server))
    assert code == 0, err
    message = parsed(smtp_server.handler.arrived[0].data)
    assert message.get_content_type() == "multipart/alternative"  # no attachment part at all
    text = message.get_body(("plain",)).get_content()
    assert "添付" not in text and "■参加URL" in text


def test_has_declined_takes_the_registration_and_a_reply():
    from kenshu_desk.domain.models import Registration
    from kenshu_desk.services.reminders.reminders import has_declined

    assert not has_declined(Registration(state="registered"))
    assert not has_declined(Registration(state="registered"), "ACCEPTED")
    assert has_declined(Registration(state="registered"), "DECLINED")
    assert has_declined(Registration(state="absent"))
    assert has_declined(Registration(state="cancelled"), "TENTATIVE")


def test_a_declining_calendar_reply_means_no_reminder(
    capsys, db, db_arg, event_id, smtp_server, tmp_path
):
    """A person who answered the invitation 欠席 (PARTSTAT=DECLINED, as Google Calendar writes
    the reply), read with `replies import`, is not reminded; the others are."""
    with db.session() as s:
        event = s.get(Event, event_id)
        uid, sequence = event.calendar_uid, event.calendar_sequence
    reply = tmp_path / "invite.ics"
    reply.write_bytes(
        "\r\n".join(
            [
                "BEGIN:VCALENDAR",
                "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
                "VERSION:2.0",
                "CALSCALE:GREGORIAN",
                "METHOD:REPLY",
                "BEGIN:VEVENT",
                "DTSTART:20991231T053000Z",
                "DTEND:20991231T070000Z",
                "DTSTAMP:20261204T010203Z",
                "ORGANIZER;CN=埼玉県:mailto:chiiki@example.jp",
                f"UID:{uid}",
                f"ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=DECLINED;"
                f"CN={ADDRESSES[1]}:mailto:{ADDRESSES[1]}",
                f"SEQUENCE:{sequence}",
                "STATUS:CONFIRMED",
                "SUMMARY:第2回市町村情報交換会",
                "END:VEVENT",
                "END:VCALENDAR",
                "",
            ]
        ).encode()
    )
    code, _out, err = run(capsys, "--db", db_arg, "replies", "import", str(reply))
    assert code == 0, err
    code, _out, err = run(capsys, *send_args(db_arg, event_id, smtp_server))
    assert code == 0, err
    assert sorted(smtp_server.handler.by_recipient()) == sorted([ADDRESSES[0], ADDRESSES[3]])


LINK = "https://pref-saitama.box.com/s/abc123?dl=1"


def test_materials_offered_as_a_download_link(capsys, db, db_arg, event_id, smtp_server):
    """The organiser pastes a file share's link: the text lists the materials' titles and the
    link, nothing is attached; a scheduled run (--due) uses the link stored with the schedule."""
    code, _out, err = run(
        capsys, *send_args(db_arg, event_id, smtp_server, "--materials-link", "file://x/資料")
    )
    assert code == 1 and "https://" in err and smtp_server.handler.arrived == []
    code, out, err = run(
        capsys, "--db", db_arg, "reminders", "schedule", str(event_id), "--days-before", "3",
        "--materials-link", f"  {LINK} ",
    )  # fmt: skip
    assert code == 0, err
    assert f"資料のダウンロード: {LINK}" in out
    code, _out, err = run(capsys, *send_args(db_arg, event_id, smtp_server, "--due"))
    assert code == 0, err
    by = smtp_server.handler.by_recipient()
    assert sorted(by) == sorted(EXPECTED)
    message = parsed(by[ADDRESSES[0]][0].data)
    text = message.get_body(("plain",)).get_content()
    assert "■資料のダウンロード\r\n・説明資料\r\n" + LINK in text
    assert attachments(message) == {}
