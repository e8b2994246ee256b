"""The event form, the speaker form, the participant import and the sender agree on addresses.

Before issue 17 each had its own rule: the event form stored ``a..b@example.jp`` as the
organiser's address and sending then refused it. Now every entry point asks
``domain.validation``; this test drives each one with the same tricky addresses and checks
that whatever an entry point stores, the sender accepts, and that they refuse the same ones.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from kenshu_desk.database import Database
from kenshu_desk.domain.models import Event, Speaker
from kenshu_desk.domain.validation import EmailProblem, email_problem
from kenshu_desk.errors import UserError
from kenshu_desk.mail.compose import MailAddress, MessageError
from kenshu_desk.services.participants.participant_import import ParticipantImport
from kenshu_desk.services.timetable.event_edit import create_event
from kenshu_desk.services.timetable.speakers import create_speaker

GOOD = [
    "taro.yamada@example.jp",
    "a+tag@pref.saitama.lg.jp",
    "o'brien@example.com",
    "x@sub-domain.example.jp",
]
BAD = [
    "a..b@example.jp",  # consecutive dots (the bug of issue 17)
    ".a@example.jp",  # leading dot
    "a.@example.jp",  # trailing dot
    "a@example",  # no TLD
    "a@localhost",
    "a@-example.jp",  # label starts with a hyphen
    "a@example-.jp",
    "a@example..jp",
    "a@192.168.0.1",  # numeric TLD: no IP addresses
    "taro@例え.jp",  # IDN domain: the transport cannot send to it
    "たろう@example.jp",  # non-ASCII local part
    '"a b"@example.jp',  # quoted local part
    "a@b@example.jp",
    "a b@example.jp",
    "@example.jp",
    "a@",
    "a" * 65 + "@example.jp",  # local part over 64
    "a@" + ("b" * 60 + ".") * 5 + "jp",  # over 254
]
# Line breaks refused everywhere (header injection).
BREAKS = ["a@example.jp\r\nBcc: x@example.jp", "a@example.jp\nb"]


def sender_accepts(address: str) -> bool:
    try:
        MailAddress("", address)
    except MessageError:
        return False
    return True


def event_form_stores(db: Database, address: str) -> str | None:
    fields = {
        "title": "研修",
        "date": dt.date(2026, 7, 1),
        "start_time": dt.time(13, 30),
        "end_time": dt.time(16, 0),
        "organiser_email": address,
    }
    try:
        with db.session() as s:
            event_id = create_event(s, fields)
    except UserError:
        return None
    with db.session() as s:
        return s.get(Event, event_id).organiser_email


def speaker_form_stores(db: Database, address: str) -> str | None:
    try:
        with db.session() as s:
            speaker_id = create_speaker(s, {"name": "講師", "email": address})
    except UserError:
        return None
    with db.session() as s:
        return s.get(Speaker, speaker_id).email


def import_verdicts(db: Database, tmp_path: Path, addresses: list[str]) -> list[str | None]:
    """The address each row would import, or None when the row is refused for it."""
    path = tmp_path / "list.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["氏名", "メールアドレス"])
        for n, address in enumerate(addresses):
            w.writerow([f"参加者{n}", address])
    with db.session() as s:
        preview = ParticipantImport.from_file(path).preview(s)
    assert len(preview.rows) == len(addresses)
    return [
        None if any("メールアドレス" in e for e in row.errors) else row.values.email
        for row in preview.rows
    ]


def test_the_shared_rule():
    assert all(email_problem(a) is None for a in GOOD)
    assert all(email_problem(a) is not None for a in BAD)
    assert email_problem("") is EmailProblem.EMPTY
    assert email_problem("taro@例え.jp") is EmailProblem.NON_ASCII
    assert all(email_problem(a) is EmailProblem.LINE_BREAK for a in BREAKS)


def test_form_import_and_sender_agree(db: Database, tmp_path: Path):
    imported = import_verdicts(db, tmp_path, GOOD + BAD)
    for address, from_import in zip(GOOD + BAD, imported, strict=True):
        good = address in GOOD
        assert sender_accepts(address) is good, address
        assert (event_form_stores(db, address) == address) is good, address
        assert (speaker_form_stores(db, address) == address) is good, address
        assert (from_import == address) is good, (address, from_import)
        if not good:
            assert event_form_stores(db, address) is None, address
            assert speaker_form_stores(db, address) is None, address


@pytest.mark.parametrize("address", BREAKS)
def test_line_breaks_are_refused_by_the_forms_and_the_sender(db: Database, address: str):
    assert not sender_accepts(address)
    assert event_form_stores(db, address) is None
    assert speaker_form_stores(db, address) is None


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("  taro@example.jp  ", "taro@example.jp"),  # trailing spaces from a copy
        ("taro＠example.jp", "taro@example.jp"),  # full-width ＠ from a Japanese IME
        ("ｔａｒｏ@ｅｘａｍｐｌｅ.jp", "taro@example.jp"),
        ("mailto:taro@example.jp", "taro@example.jp"),
    ],
)
def test_what_any_entry_point_stores_the_sender_accepts(
    db: Database, tmp_path: Path, typed: str, stored: str
):
    """Entry points may tidy an address (the import undoes Excel's full-width letters), but
    what they store is always an address the sender accepts; they never store it untidied."""
    results = [
        event_form_stores(db, typed),
        speaker_form_stores(db, typed),
        *import_verdicts(db, tmp_path, [typed]),
    ]
    for result in results:
        assert result in (None, stored), (typed, result)
        if result is not None:
            assert sender_accepts(result)
    assert not sender_accepts(typed)
    assert results[-1] == stored  # the import tidies every one of these
