"""The send run's fast composition (mail/batch.py, services.invitations.RunComposer) gives
the message the email package gives, so the speed-up cannot silently change what goes out.

Compared: the bytes (boundaries are random in both, so they are set equal; the Message-ID
is compared where both sides can be given the same one), and the messages read back by the
email package and the calendar by the independent `ical` parser.
"""

from __future__ import annotations

import datetime as dt
import email
import re
from email import policy
from email.header import decode_header, make_header

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ical.calendar_stream import IcsCalendarStream
from mailkit import make_event

from kenshu_desk.documents.ics import CalendarPerson, invitation_calendar
from kenshu_desk.mail import batch
from kenshu_desk.mail.batch import CalendarMessageFrame
from kenshu_desk.mail.compose import (
    MailAddress,
    compose_calendar_message,
    message_bytes,
    text_to_html,
)
from kenshu_desk.mail.templates import MailTemplate, MessageKind
from kenshu_desk.services.mail.invitations import (
    Recipient,
    RunComposer,
    compose_message,
    recipients_of,
)
from kenshu_desk.services.timetable.events import get_event

NOW = dt.datetime(2026, 11, 1, 0, 30, tzinfo=dt.UTC)
SENDER = MailAddress("埼玉県 福祉部 地域包括ケア課（地域包括ケア担当）", "chiiki@example.jp")
LONG_NAME = "髙橋　美咲（さいたま市 福祉局 生活福祉部 地域包括ケア推進課 主任 兼 地域支援係長）"
LONG_SUBJECT = (
    "【ご案内】令和8年度 第2回市町村情報交換会（令和8年11月25日（水）14:30～16:00）"
    "のご案内とオンライン参加の方法について"
)
BOUNDARY = re.compile(rb"={15}\d+==")


def same_boundaries(raw: bytes) -> bytes:
    """Number the boundaries in order of appearance (each message draws its own)."""
    seen: dict[bytes, bytes] = {}
    return BOUNDARY.sub(lambda m: seen.setdefault(m.group(), b"B%d" % len(seen)), raw)


def decoded(raw_header: str) -> str:
    return str(make_header(decode_header(raw_header)))


def read_back(raw: bytes) -> dict[str, object]:
    """What a mail client sees: decoded headers, the parts' types and decoded contents."""
    legacy = email.message_from_bytes(raw)
    msg = email.message_from_bytes(raw, policy=policy.default)
    parts = [
        (part.get_content_type(), part.get("Content-Type"), part.get_payload(decode=True))
        for part in msg.walk()
        if not part.is_multipart()
    ]
    (calendar_bytes,) = {p for t, _, p in parts if t == "text/calendar"}
    (vevent,) = IcsCalendarStream.calendar_from_ics(calendar_bytes.decode()).events
    (attendee,) = vevent.attendees
    return {
        "from": decoded(legacy["From"]),
        "to": decoded(legacy["To"]),
        "subject": msg["Subject"],
        "date": msg["Date"],
        "structure": [p.get_content_type() for p in msg.walk()],
        "parts": parts,
        "ics": (
            vevent.uid, vevent.sequence, vevent.summary, vevent.location, vevent.dtstamp,
            vevent.dtstart, vevent.organizer.uri, vevent.organizer.common_name,
            attendee.uri, attendee.common_name, attendee.rsvp, vevent.description,
        ),
    }  # fmt: skip


def reference(recipient: MailAddress, subject: str, text: str, calendar: bytes, method: str):  # type: ignore[no-untyped-def]
    msg = compose_calendar_message(
        sender=SENDER, recipient=recipient, subject=subject, text=text,
        calendar=calendar, method=method, date=NOW, message_id="<1.2.3@example.jp>",
    )  # fmt: skip
    return message_bytes(msg)


@pytest.mark.parametrize("method", ["REQUEST", "CANCEL"])
def test_frame_gives_the_email_packages_bytes_for_long_japanese_headers(db, method):
    frame = CalendarMessageFrame(sender=SENDER, method=method, date=NOW)
    recipient = MailAddress(LONG_NAME, "m.takahashi@example.jp")
    with db.session() as s:
        calendar = invitation_calendar(
            get_event(s, make_event(db)),
            organizer=CalendarPerson(SENDER.name, SENDER.address),
            attendee=CalendarPerson(recipient.name, recipient.address),
            cancel=method == "CANCEL",
            now=NOW,
        )
    for text in ("本文\n二行目\r\nhttps://example.jp/x?a=1&b=2\n" * 40, "", "一行"):
        fast = frame.message(
            recipient=recipient, subject=LONG_SUBJECT, text=text,
            html_body=text_to_html(text), calendar=calendar, message_id="<1.2.3@example.jp>",
        )  # fmt: skip
        slow = reference(recipient, LONG_SUBJECT, text, calendar, method)
        head = fast.split(b"\r\n\r\n", 1)[0]
        assert head.count(b"\r\nTo: ") == 1 and head.count(b"\r\n =?utf-8?b?") >= 4  # folded
        assert b"placeholder" not in fast
        assert same_boundaries(fast) == same_boundaries(slow)
        assert read_back(fast) == read_back(slow)
        assert read_back(fast)["to"] == f"{LONG_NAME} <m.takahashi@example.jp>"


def test_each_message_draws_its_own_boundaries():
    frame = CalendarMessageFrame(sender=SENDER, method="REQUEST", date=NOW)
    fields = {
        "recipient": MailAddress("髙橋　美咲", "m.takahashi@example.jp"), "subject": "件名",
        "text": "本文", "html_body": "<p>本文</p>", "calendar": b"X", "message_id": "<1@x.jp>",
    }  # fmt: skip
    first, second = frame.message(**fields), frame.message(**fields)
    assert set(BOUNDARY.findall(first)).isdisjoint(BOUNDARY.findall(second))
    assert len(set(BOUNDARY.findall(first))) == 2


@settings(max_examples=40, deadline=None)
@given(
    name=st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x9FFF), max_size=80),
    subject=st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x9FFF), max_size=120),
)
def test_any_name_and_subject_fold_as_the_email_package_folds_them(name, subject):
    name, subject = " ".join(name.split()), " ".join(subject.split())
    recipient = MailAddress(name, "p0001@example.jp")
    frame = CalendarMessageFrame(sender=SENDER, method="REQUEST", date=NOW)
    fast = frame.message(
        recipient=recipient, subject=subject, text="本文", html_body=text_to_html("本文"),
        calendar=b"BEGIN:VCALENDAR\r\n", message_id="<1.2.3@example.jp>",
    )  # fmt: skip
    assert same_boundaries(fast) == same_boundaries(
        reference(recipient, subject, "本文", b"BEGIN:VCALENDAR\r\n", "REQUEST")
    )


def without_message_id(raw: bytes) -> bytes:
    return re.sub(rb"\r\nMessage-ID: <[^>]+>\r\n", b"\r\nMessage-ID: <X>\r\n", raw)


@pytest.mark.parametrize("kind", list(MessageKind)[:3])
def test_run_composer_gives_the_reference_message(db, kind):
    people = [(LONG_NAME, "たかはし　みさき", "さいたま市", "m.takahashi@example.jp")]
    event_id = make_event(db, people=people)
    templates = {
        kind: MailTemplate(
            "【ご案内】{氏名} 様 {行事名}（{日時}）のご案内について", "{氏名} 様\n{プログラム}"
        )
    }
    with db.session() as s:
        event = get_event(s, event_id)
        (recipient,), _ = recipients_of(event)
        composer = RunComposer(event, SENDER, templates, alarm_minutes=15, now=NOW)
        subject, message_id, fast = composer.compose(recipient, kind)
        ref_subject, _, slow = compose_message(
            event, recipient, kind, SENDER, templates, alarm_minutes=15, now=NOW
        )
    assert subject == ref_subject and LONG_NAME in subject
    assert f"\r\nMessage-ID: {message_id}\r\n".encode() in fast
    assert same_boundaries(without_message_id(fast)) == same_boundaries(without_message_id(slow))
    assert read_back(fast) == read_back(slow)


def test_run_composer_composes_the_slow_way_when_the_frame_cannot_be_built(db, monkeypatch):
    event_id = make_event(db)

    def mismatch(**_kwargs):  # type: ignore[no-untyped-def]
        raise batch.FrameMismatch("a future email package")

    monkeypatch.setattr("kenshu_desk.services.mail.composer.CalendarMessageFrame", mismatch)
    with db.session() as s:
        event = get_event(s, event_id)
        recipient = Recipient(1, "髙橋　美咲", "さいたま市", "m.takahashi@example.jp")
        _, _, payload = RunComposer(event, SENDER, now=NOW).compose(
            recipient, MessageKind.INVITATION
        )
    assert read_back(payload)["to"] == "髙橋　美咲 <m.takahashi@example.jp>"
