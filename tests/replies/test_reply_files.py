"""Replies read from files (.eml as each client writes it, bare .ics) and what they change."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from replykit import (
    PEOPLE,
    Invited,
    Reply,
    apple,
    google,
    malformed,
    outlook,
    plain_mail,
    thunderbird,
    thunderbird_calendar,
)

from kenshu_desk.database import Database
from kenshu_desk.domain.models import Event
from kenshu_desk.errors import UserError
from kenshu_desk.services.replies.actions import reply_counts, reply_list
from kenshu_desk.services.replies.files import import_files
from kenshu_desk.services.replies.parse import read_eml


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _by_name(db: Database, event_id: int) -> dict[str, dict[str, object]]:
    return {r.name: r.to_json() for r in reply_list(db, event_id) if r.participant_id}


def _reply(invited: Invited, who: str, **kw: object) -> Reply:
    name, address = PEOPLE[who]
    return Reply(uid=invited.uid, address=address, name=name, **kw)  # type: ignore[arg-type]


def test_each_clients_reply_is_recorded_with_its_answer_and_comment(db, invited, tmp_path):
    files = [
        _write(
            tmp_path, "outlook.eml", outlook(_reply(invited, "kato", comment="10分ほど遅れます。"))
        ),
        _write(
            tmp_path,
            "google.eml",
            google(_reply(invited, "megumi", partstat="DECLINED", comment="公務のため")),
        ),
        _write(
            tmp_path,
            "thunderbird.eml",
            thunderbird(
                _reply(invited, "suzuki", partstat="TENTATIVE", comment="午後の公務次第です")
            ),
        ),
        _write(tmp_path, "apple.eml", apple(_reply(invited, "tanaka"))),
    ]
    summary = import_files(db, files)

    assert (summary.mails, summary.applied, summary.listed, summary.duplicates) == (4, 4, 0, 0)
    rows = _by_name(db, invited.event_id)
    assert rows["加藤 恵"]["partstat"] == "ACCEPTED"
    assert rows["加藤 恵"]["comment"] == "10分ほど遅れます。"
    assert rows["加藤 恵"]["replied_at"] == "2021-11-18T10:12:03+09:00"
    assert rows["加藤 恵"]["source"] == "eml"
    assert rows["髙橋 めぐみ"]["partstat"] == "DECLINED"
    assert rows["髙橋 めぐみ"]["comment"] == "公務のため"  # Google: X-RESPONSE-COMMENT
    assert rows["鈴木 一郎"]["partstat"] == "TENTATIVE"
    assert rows["鈴木 一郎"]["comment"] == "午後の公務次第です"
    assert rows["田中 花子"]["partstat"] == "ACCEPTED"
    assert rows["田中 花子"]["address"] == "hanako.tanaka@icloud.com"  # MAILTO: in capitals
    assert rows["山田 太郎"]["partstat"] is None  # invited, no answer yet
    assert reply_counts(db, invited.event_id) == {
        "ACCEPTED": 2, "DECLINED": 1, "TENTATIVE": 1, "none": 1, "listed": 0,
    }  # fmt: skip


def test_the_same_reply_twice_counts_once(db, invited, tmp_path):
    """Google attaches the calendar twice in one mail; a file imported again adds nothing."""
    path = _write(tmp_path, "google.eml", google(_reply(invited, "megumi")))
    assert len(read_eml(path.read_bytes()).replies) == 1
    assert import_files(db, [path]).applied == 1
    again = import_files(db, [path])
    assert (again.applied, again.duplicates) == (0, 1)
    assert len(reply_list(db, invited.event_id)) == len(PEOPLE)


def test_a_stranger_a_delegation_and_a_counter_are_listed_not_applied(db, invited, tmp_path):
    stranger = Reply(uid=invited.uid, address="k.kato.private@example.ne.jp", name="加藤 恵")
    delegated = _reply(
        invited, "yamada", partstat="DELEGATED", delegated_to="sato@city.kawagoe.saitama.jp"
    )
    counter = _reply(
        invited, "suzuki", method="COUNTER", partstat="TENTATIVE", comment="26日なら出られます"
    )
    files = [
        _write(tmp_path, "stranger.eml", outlook(stranger)),
        _write(tmp_path, "delegated.eml", thunderbird(delegated)),
        _write(tmp_path, "counter.eml", outlook(counter)),
    ]
    summary = import_files(db, files)

    assert (summary.applied, summary.listed) == (0, 3)
    rows = reply_list(db, invited.event_id)
    assert all(r.status is None for r in rows if r.participant_id)  # nobody's answer changed
    listed = {r.status: r for r in rows if r.participant_id is None}
    assert listed["unknown_address"].address == "k.kato.private@example.ne.jp"
    assert listed["delegated"].delegated_to == "sato@city.kawagoe.saitama.jp"
    assert listed["counter"].proposal == "2021-11-26 10:00～2021-11-26 12:00"
    assert listed["counter"].comment == "26日なら出られます"
    assert reply_counts(db, invited.event_id)["listed"] == 3


def test_the_latest_reply_wins_by_sequence_then_dtstamp(db, invited, tmp_path):
    early = dt.datetime(2021, 11, 18, 1, 0, tzinfo=dt.UTC)
    later = dt.datetime(2021, 11, 19, 1, 0, tzinfo=dt.UTC)
    # read out of order: the later decline first, then the earlier accept
    files = [
        _write(
            tmp_path, "2.eml", outlook(_reply(invited, "kato", partstat="DECLINED", dtstamp=later))
        ),
        _write(
            tmp_path, "1.eml", outlook(_reply(invited, "kato", partstat="ACCEPTED", dtstamp=early))
        ),
    ]
    import_files(db, files)
    assert _by_name(db, invited.event_id)["加藤 恵"]["partstat"] == "DECLINED"

    # an answer to a newer SEQUENCE wins even with an older DTSTAMP (a slow clock)
    newer = _reply(invited, "kato", partstat="TENTATIVE", sequence=1, dtstamp=early)
    import_files(db, [_write(tmp_path, "3.eml", outlook(newer))])
    assert _by_name(db, invited.event_id)["加藤 恵"]["partstat"] == "TENTATIVE"


def test_a_reply_to_an_earlier_version_is_recorded_and_marked(db, invited, tmp_path):
    with db.session() as s:
        event = s.get(Event, invited.event_id)
        event.start_time = dt.time(15, 0)  # a change of time: SEQUENCE goes up
    with db.session() as s:
        assert s.get(Event, invited.event_id).calendar_sequence == 1

    import_files(
        db, [_write(tmp_path, "old.eml", thunderbird(_reply(invited, "suzuki", sequence=0)))]
    )
    row = _by_name(db, invited.event_id)["鈴木 一郎"]
    assert (row["partstat"], row["sequence"], row["earlier_version"]) == ("ACCEPTED", 0, True)


def test_mail_that_is_not_a_reply_or_not_ours_is_left_alone(db, invited, tmp_path):
    other_event = Reply(uid=invited.other_uid, address=PEOPLE["kato"][1], name="加藤 恵")
    not_ours = Reply(uid="040000008200E00074C5B7101A82E008@outlook.com", address=PEOPLE["kato"][1])
    files = [
        _write(tmp_path, "plain.eml", plain_mail()),
        _write(tmp_path, "broken.eml", malformed(invited.uid, PEOPLE["kato"][1])),
        _write(tmp_path, "other-event.eml", outlook(other_event)),
        _write(tmp_path, "not-ours.eml", google(not_ours)),
    ]
    summary = import_files(db, files)

    assert (summary.not_reply, summary.malformed, summary.not_ours, summary.applied) == (1, 1, 1, 1)
    assert summary.left_alone == ["broken.eml"]
    assert all(r.status is None for r in reply_list(db, invited.event_id))
    other = {r.name: r for r in reply_list(db, invited.other_event_id)}
    assert other["加藤 恵"].partstat == "ACCEPTED"


def test_a_bare_ics_reply_is_read(db, invited, tmp_path):
    ics = thunderbird_calendar(_reply(invited, "yamada", partstat="DECLINED", comment="出張のため"))
    summary = import_files(db, [_write(tmp_path, "reply.ics", ics.encode("utf-8"))])
    assert summary.applied == 1
    row = _by_name(db, invited.event_id)["山田 太郎"]
    assert (row["partstat"], row["comment"], row["source"]) == ("DECLINED", "出張のため", "ics")


def test_an_unknown_kind_of_file_refuses_the_list_before_recording(db, invited, tmp_path):
    good = _write(tmp_path, "ok.eml", outlook(_reply(invited, "kato")))
    odd = _write(tmp_path, "reply.txt", b"hello")
    with pytest.raises(UserError) as caught:
        import_files(db, [good, odd])
    assert caught.value.code == "replies.file_kind"
    assert all(r.status is None for r in reply_list(db, invited.event_id))


@pytest.mark.postgres_only
def test_two_organisers_recording_the_same_reply_at_once(db, invited, tmp_path):
    """Between this program's check and its insert, another organiser's program records the
    same reply (its own connection, committed): the unique key refuses the second insert and
    the mail is recorded again, finding the reply there — counted once, no error."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.orm import Session

    from kenshu_desk.domain.models_replies import ReplySource
    from kenshu_desk.services.replies.record import record_in_own_transaction, record_mail

    mail = read_eml(outlook(_reply(invited, "kato")))
    other = create_engine(db.url)
    raced = []

    def other_organiser_first(session, _context, _instances):  # type: ignore[no-untyped-def]
        if not raced:
            raced.append(True)
            with Session(other) as s, s.begin():
                record_mail(s, mail, ReplySource.IMAP)

    event.listen(db.sessions, "before_flush", other_organiser_first)
    try:
        summary = record_in_own_transaction(db, mail, ReplySource.EML, "a.eml")
    finally:
        event.remove(db.sessions, "before_flush", other_organiser_first)
        other.dispose()
    assert raced and (summary.applied, summary.duplicates) == (0, 1)
    rows = [r for r in reply_list(db, invited.event_id) if r.status]
    assert [(r.name, r.source) for r in rows] == [("加藤 恵", "imap")]
