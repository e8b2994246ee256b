"""Attendance reports exported from Japanese-UI accounts, built to the products' layouts
(sources and how sure each header is in tests/data/README.md): Google Meet's attendance report
(名 / 姓 / メールアドレス / 所要時間 / 参加時刻 / 退出時刻), Webex' attendee report (UTF-16, tabs,
the meeting's name in every row) and Zoom's webinar attendee report (出席者レポート with the
sections ホストの詳細 / パネリストの詳細 / 出席者の詳細). The same 18 people attend as in
test_report_formats.py; each file must find at least 17 of them and mark no absentee present.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from sqlalchemy import select
from tests.services.test_report_formats import ATTENDEES, HOST, START, _times

from kenshu_desk.domain.models import AttendanceState, Participant, Registration
from kenshu_desk.errors import UserError
from kenshu_desk.services.participants.attendance_matching import plan_attendance
from kenshu_desk.services.participants.attendance_reports import AttendanceReport, parse_report_file

TITLE = "令和3年度 第2回市町村情報交換会"


def _csv(rows: list[list[str]], delimiter: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def _ja(t: dt.datetime) -> str:
    return f"{t:%Y/%m/%d %H:%M:%S}"


def _minutes(n: int) -> int:
    join, leave = _times(n)
    return int((leave - join).total_seconds() // 60)


def _meet(path: Path, *, duration_header: str = "所要時間") -> Path:
    """Google Meet's attendance report from a Japanese-UI account, downloaded from Sheets as
    CSV (UTF-8, no BOM): given name, family name, address, duration, times of day."""
    rows = [["名", "姓", "メールアドレス", duration_header, "参加時刻", "退出時刻"]]
    for n, (_display, email, family, given, _) in enumerate(ATTENDEES):
        join, leave = _times(n)
        m = _minutes(n)
        rows.append([given, family, email, f"{m // 60} 時間 {m % 60} 分", f"{join:%H:%M}",
                     f"{leave:%H:%M}"])  # fmt: skip
    path.write_bytes(_csv(rows).encode("utf-8"))
    return path


def _meet_en(path: Path) -> Path:
    rows = [["First name", "Last name", "Email", "Duration", "Time joined", "Time exited"]]
    for n, (_display, email, family, given, _) in enumerate(ATTENDEES):
        join, leave = _times(n)
        m = _minutes(n)
        rows.append([given, family, email, f"{m // 60} hr {m % 60} min", f"{join:%I:%M %p}",
                     f"{leave:%I:%M %p}"])  # fmt: skip
    path.write_bytes(_csv(rows).encode("utf-8"))
    return path


def _webex(path: Path) -> Path:
    """Webex' attendee report from the Japanese site: UTF-16LE with BOM, tab-separated, the
    meeting's name and times in every row before the attendee's."""
    rows = [["ミーティング名", "ミーティングの開始時刻", "ミーティングの終了時刻", "名前",
             "出席者のメールアドレス", "参加時刻", "退出時刻", "出席時間", "接続タイプ"]]  # fmt: skip
    for n, (display, email, *_rest) in enumerate(ATTENDEES):
        join, leave = _times(n)
        rows.append([TITLE, "2021/11/25 14:25", "2021/11/25 16:30", display, email,
                     f"{join:%Y/%m/%d %H:%M}", f"{leave:%Y/%m/%d %H:%M}", f"{_minutes(n)} 分",
                     "デスクトップアプリ"])  # fmt: skip
    path.write_bytes(_csv(rows, delimiter="\t").encode("utf-16"))
    return path


def _zoom_webinar(path: Path) -> Path:
    """Zoom's webinar 出席者レポート from a Japanese-UI account: report title, generated line,
    the webinar's line, then ホストの詳細 / パネリストの詳細 / 出席者の詳細, each with its own
    header row; 「はい」/「いいえ」 in 出席済み; dates 2021/11/25 14:28:13."""
    detail = ["出席済み", "ユーザー名（元の名前）", "メール", "参加時間", "退出時間",
              "セッション時間（分）", "ゲストである", "国/地域名"]  # fmt: skip
    rows = [
        ["出席者レポート"],
        ["レポート生成日時:", "2021/11/26 09:12:44"],
        ["トピック", "ウェビナーID", "実際の開始時刻", "実際の所要時間（分）", "登録済み数",
         "キャンセル済み", "ユニーク視聴者数", "総ユーザー数", "最大同時視聴数"],
        [TITLE, "812 3456 7890", _ja(START), "125", "23", "0", "18", "19", "18"],
        ["ホストの詳細"], detail,
        ["はい", HOST[0], HOST[1], _ja(START), "2021/11/25 16:30:05", "125", "いいえ", "日本"],
        ["パネリストの詳細"], detail,
        ["はい", "中島 修", "nakajima@example.ac.jp", _ja(START), "2021/11/25 16:30:00", "125",
         "はい", "日本"],
        ["出席者の詳細"],
        ["出席済み", "ユーザー名（元の名前）", "名", "姓", "メール", "登録時間", "承認ステータス",
         "参加時間", "退出時間", "セッション時間（分）", "ゲストである", "国/地域名"],
    ]  # fmt: skip
    for n, (display, email, family, given, _) in enumerate(ATTENDEES):
        join, leave = _times(n)
        rows.append(["はい", display, given, family, email, "2021/11/20 10:00:00", "承認済み",
                     _ja(join), _ja(leave), str(_minutes(n)), "はい", "日本"])  # fmt: skip
    # Registered, never came: 出席済み = いいえ and no times.
    rows.append(["いいえ", "", "千秋", "大野", "c.ono@example.jp", "2021/11/20 10:00:00", "承認済み",
                 "--", "--", "--", "--", "--"])  # fmt: skip
    rows.append(["いいえ", "", "恵子", "坂本", "k.sakamoto@example.jp", "2021/11/21 10:00:00",
                 "承認済み", "--", "--", "--", "--", ""])  # fmt: skip
    path.write_bytes(_csv(rows).encode("utf-8-sig"))
    return path


def _present(demo_db, kokan2, report: AttendanceReport) -> set[str]:  # type: ignore[no-untyped-def]
    with demo_db.session() as s:
        plan = plan_attendance(s, kokan2, report)
        email_of = dict(s.execute(
            select(Participant.id, Participant.email)
            .join(Registration).where(Registration.event_id == kokan2)
        ).all())  # fmt: skip
    return {
        email_of[c.participant_id]
        for c in plan.changes
        if c.participant_id in email_of and c.new_state == AttendanceState.ATTENDED_ONLINE.value
    }


FORMATS = {
    "google-meet-ja": (lambda d: _meet(d / "出席状況.csv"), "Google Meet"),
    "google-meet-ja-sankajikan": (
        lambda d: _meet(d / "meet.csv", duration_header="参加時間"),
        "Google Meet",
    ),
    "google-meet-en": (lambda d: _meet_en(d / "attendance.csv"), "Google Meet"),
    "webex-ja": (lambda d: _webex(d / "出席者レポート.csv"), "Webex"),
    "zoom-webinar-ja": (lambda d: _zoom_webinar(d / "ウェビナー出席者.csv"), "Zoom"),
}


@pytest.mark.parametrize("fmt", FORMATS)
def test_japanese_ui_reports_find_the_attendees_and_mark_no_absentee_present(  # type: ignore[no-untyped-def]
    demo_db, kokan2, tmp_path, fmt
):
    make, kind = FORMATS[fmt]
    report = parse_report_file(make(tmp_path))
    assert report.kind == kind
    present = _present(demo_db, kokan2, report)
    expected = {a[4] for a in ATTENDEES}
    assert len(present & expected) >= 17, sorted(expected - present)
    assert present <= expected, f"absentees marked present: {sorted(present - expected)}"
    names = {p.name for p in report.people}
    assert TITLE not in names  # the meeting's name is not a person


def test_meet_reads_family_name_first_and_the_duration(tmp_path: Path):
    report = parse_report_file(_meet(tmp_path / "meet.csv"))
    first = report.people[0]
    assert first.name == "髙橋 美咲" and first.email == "m.takahashi@example.jp"
    assert first.reported_seconds == _minutes(0) * 60
    assert not any("読めません" in w for w in report.warnings), report.warnings
    # 参加時間 beside 参加時刻 is the time spent in the call, not a second join time.
    other = parse_report_file(_meet(tmp_path / "m2.csv", duration_header="参加時間"))
    assert other.people[0].reported_seconds == _minutes(0) * 60


def test_the_japanese_webinar_sets_the_host_aside_and_skips_non_attendees(tmp_path: Path):
    report = parse_report_file(_zoom_webinar(tmp_path / "webinar.csv"))
    hosts = [p.email for p in report.people if any(e.role == "Host" for e in p.entries)]
    assert hosts == [HOST[1]]
    emails = {p.email for p in report.people}
    assert "c.ono@example.jp" not in emails and "k.sakamoto@example.jp" not in emails
    takahashi = next(p for p in report.people if p.email == "m.takahashi@example.jp")
    assert takahashi.entries[0].join == dt.datetime(2021, 11, 25, 14, 26)
    assert report.title == TITLE


def test_a_meet_report_without_times_or_duration_is_refused(tmp_path: Path):
    path = tmp_path / "names.csv"
    path.write_bytes(_csv([["名", "姓", "メールアドレス"], ["美咲", "髙橋", "m@example.jp"]])
                     .encode("utf-8"))  # fmt: skip
    with pytest.raises(UserError, match="出席レポートの形式ではありません"):
        parse_report_file(path)


def test_a_variant_kanji_registrant_is_matched_and_a_look_alike_is_not(demo_db, kokan2):  # type: ignore[no-untyped-def]
    """Registered as 桒原 / 𡈽屋 / 靑木 (as written in the family register); the report shows
    the everyday 桑原 / 土屋 / 青木. 士屋 (a different kanji that looks like 土) is not 土屋."""
    from kenshu_desk.services.participants.attendance_reports import ReportEntry, ReportPerson

    at = dt.datetime(2021, 11, 25, 14, 28), dt.datetime(2021, 11, 25, 16, 29)
    registered = {"桒原 健一": "くわばら けんいち", "𡈽屋 恵": "つちや めぐみ",
                  "靑木 淸": "あおき きよし"}  # fmt: skip
    with demo_db.session() as s:
        ids = {}
        for name, reading in registered.items():
            p = Participant(name=name, reading=reading)
            s.add(p)
            s.flush()
            s.add(Registration(event_id=kokan2, participant_id=p.id))
            ids[name] = p.id
    shown = ["桑原 健一", "土屋 恵", "青木 清", "士屋 恵"]
    people = [
        ReportPerson(n, "", [ReportEntry(i + 2, n, "", *at, None)]) for i, n in enumerate(shown)
    ]
    report = AttendanceReport("r.csv", "Zoom", "Zoom", people=people)
    with demo_db.session() as s:
        plan = plan_attendance(s, kokan2, report)
    by_row = {o.person.name: o.participant_id for o in plan.outcomes}
    assert by_row["桑原 健一"] == ids["桒原 健一"]
    assert by_row["土屋 恵"] == ids["𡈽屋 恵"]
    assert by_row["青木 清"] == ids["靑木 淸"]
    assert by_row["士屋 恵"] is None  # not 𡈽屋 (土屋): listed for the organiser to decide


@pytest.mark.parametrize("fmt", ["google-meet-ja", "webex-ja", "zoom-webinar-ja"])
def test_the_participant_import_refuses_japanese_ui_reports(tmp_path: Path, fmt: str):
    """Given to the participant list import by mistake, a Japanese-UI report would make its
    display names into people: it is named as an attendance report instead."""
    from kenshu_desk.services.participants.participant_import import ParticipantImport

    with pytest.raises(UserError, match="出席レポートのようです"):
        ParticipantImport.from_file(FORMATS[fmt][0](tmp_path))
