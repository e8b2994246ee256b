"""Outlook .msg files: a meeting response saved from Outlook, and a damaged file."""

from __future__ import annotations

import datetime as dt

from msgkit import meeting_response
from replykit import PEOPLE

from kenshu_desk.services.replies.actions import reply_list
from kenshu_desk.services.replies.files import import_files
from kenshu_desk.services.replies.msg_file import uid_of_global_object_id


def test_outlook_meeting_responses_saved_as_msg(db, invited, tmp_path):
    kato, yamada = PEOPLE["kato"], PEOPLE["yamada"]
    accepted = meeting_response(
        tmp_path / "承諾 研修.msg", uid=invited.uid, address=kato[1], name=kato[0],
        comment="会場に直接伺います。",
    )  # fmt: skip
    declined = meeting_response(
        tmp_path / "辞退 研修.msg", uid=invited.uid, address=yamada[1].upper(), name=yamada[0],
        partstat="DECLINED", answered=dt.datetime(2021, 11, 19, 8, 0, tzinfo=dt.UTC),
    )  # fmt: skip
    stranger = meeting_response(
        tmp_path / "other.msg", uid=invited.uid, address="someone@example.ne.jp", name="誰か"
    )
    summary = import_files(db, [accepted, declined, stranger])

    assert (summary.applied, summary.listed, summary.malformed) == (2, 1, 0)
    rows = {r.name: r.to_json() for r in reply_list(db, invited.event_id) if r.participant_id}
    assert rows["加藤 恵"]["partstat"] == "ACCEPTED"
    assert rows["加藤 恵"]["comment"] == "会場に直接伺います。"
    assert rows["加藤 恵"]["source"] == "msg"
    assert rows["山田 太郎"]["partstat"] == "DECLINED"
    assert rows["山田 太郎"]["replied_at"] == "2021-11-19T17:00:00+09:00"

    again = import_files(db, [accepted])
    assert (again.applied, again.duplicates) == (0, 1)


def test_a_damaged_msg_is_left_alone(db, invited, tmp_path):
    broken = tmp_path / "壊れた.msg"
    broken.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    summary = import_files(db, [broken])
    assert (summary.malformed, summary.applied) == (1, 0)
    assert summary.left_alone == ["壊れた.msg"]


def test_the_uid_inside_a_global_object_id():
    data = b"vCal-Uid\x01\x00\x00\x00" + b"0f3c@kenshu-desk\x00"
    assert uid_of_global_object_id(data) == "0f3c@kenshu-desk"
    assert uid_of_global_object_id(b"\x00" * 20) == ""  # a meeting Outlook made itself
