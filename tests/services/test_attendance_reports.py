"""Zoom and Teams attendance reports: parsing, interval merging, matching, states."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from kenshu_desk.database import Database
from kenshu_desk.domain.models import AttendanceState, Event, Participant, Registration
from kenshu_desk.errors import UserError
from kenshu_desk.services.participants.attendance_matching import (
    apply_attendance,
    merge_intervals,
    name_variants,
    plan_attendance,
    seconds_within,
)
from kenshu_desk.services.participants.attendance_reports import (
    parse_datetime,
    parse_duration,
    parse_report_file,
)

D = dt.datetime


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("11/25/2021 02:28:13 PM", D(2021, 11, 25, 14, 28, 13)),
        ("11/25/2021 12:05:00 AM", D(2021, 11, 25, 0, 5)),
        ("11/25/21, 2:28:13 PM", D(2021, 11, 25, 14, 28, 13)),
        ("2021/11/25 14:28:13", D(2021, 11, 25, 14, 28, 13)),
        ("2021-11-25 14:28", D(2021, 11, 25, 14, 28)),
        ("2021-11-25T14:28:13", D(2021, 11, 25, 14, 28, 13)),
        ("2021/11/25 午後 2:28:13", D(2021, 11, 25, 14, 28, 13)),
        ("2021年11月25日 14:28", D(2021, 11, 25, 14, 28)),
        ("25/11/2021 14:28:13", D(2021, 11, 25, 14, 28, 13)),
        ("yesterday", None),
        ("2021/13/45 14:00", None),
    ],
)
def test_dates_as_the_tools_write_them(text, expected):
    assert parse_datetime(text) == expected


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("45", 2700),
        ("1h 27m 51s", 5271),
        ("42m 0s", 2520),
        ("2 時間 31 分 49 秒", 9109),
        ("30 分 0 秒", 1800),
        ("1:27:51", 5271),
        ("", None),
        ("n/a", None),
    ],
)
def test_durations(text, seconds):
    assert parse_duration(text) == seconds


def test_interval_union_never_adds_overlaps():
    a = D(2021, 11, 25, 14, 0)
    ivs = [
        (a, a + dt.timedelta(minutes=60)),
        (a + dt.timedelta(minutes=30), a + dt.timedelta(minutes=90)),
    ]
    assert merge_intervals(ivs) == [(a, a + dt.timedelta(minutes=90))]
    window = (a + dt.timedelta(minutes=30), a + dt.timedelta(minutes=150))
    assert seconds_within(ivs, window) == 60 * 60


def test_name_variants_of_zoom_display_names():
    assert "高橋美咲" in name_variants("iPad (髙橋 美咲)")  # variants folded: 髙 → 高
    assert "高橋美咲" in name_variants("さいたま市_髙橋美咲")
    assert "高橋美咲" in name_variants("さいたま市 髙橋 美咲")  # Not only the whole


def test_zoom_english_with_preamble(data_dir: Path):
    report = parse_report_file(data_dir / "zoom_participants_en.csv")
    assert report.kind == "Zoom"
    assert report.title == "令和3年度 第2回市町村情報交換会"
    assert report.meeting_start == D(2021, 11, 25, 14, 5, 41)
    takahashi = next(p for p in report.people if p.email == "m.takahashi@example.jp")
    assert takahashi.lines == [7, 9]  # the waiting-room row (line 6) is not attendance
    igarashi = next(p for p in report.people if p.email.casefold() == "a.igarashi@example.jp")
    assert len(igarashi.entries) == 2  # e-mail compared without case
    assert any("待機室" in w for w in report.warnings)


def test_teams_utf16_three_sections_uses_the_activities(data_dir: Path):
    report = parse_report_file(data_dir / "teams_attendance_en.csv")
    assert report.kind == "Teams" and "UTF-16LE" in report.format_label
    fujita = next(p for p in report.people if p.email == "k.fujita@example.jp")
    assert len(fujita.intervals) == 2  # section 3: one row per join


def test_teams_japanese_two_sections(data_dir: Path):
    report = parse_report_file(data_dir / "teams_attendance_ja.csv")
    assert report.kind == "Teams"
    assert report.title == "令和3年度 第2回市町村情報交換会"
    assert [p.name for p in report.people] == ["髙橋 美咲", "藤田 健", "長谷川 典子"]
    assert report.people[0].reported_seconds == 7070


def states(db: Database, event_id: int) -> dict[str, tuple[str, int | None]]:
    with db.session() as s:
        rows = s.execute(
            select(Participant.email, Registration.state, Registration.minutes_online)
            .join(Registration.participant)
            .where(Registration.event_id == event_id)
        ).all()
    return {email: (state, minutes) for email, state, minutes in rows}


def test_zoom_report_sets_states_by_merged_minutes(demo_db: Database, kokan2: int, data_dir: Path):
    report = parse_report_file(data_dir / "zoom_participants_en.csv")
    with demo_db.session() as s:
        plan = plan_attendance(s, kokan2, report)
    assert plan.threshold_minutes == 60
    unmatched = {o.person.name: o for o in plan.unmatched}
    assert set(unmatched) == {"山口", "新井 一郎", "090XXXX1234"}  # the host is not asked about
    assert [c.name for c in unmatched["山口"].candidates] == ["山口\u3000香織"]
    with demo_db.session() as s:
        result = apply_attendance(s, kokan2, report)
    after = states(demo_db, kokan2)
    # 髙橋: PC and iPad overlap → 120 minutes inside the event, not 60 + 46 + 80.
    assert after["m.takahashi@example.jp"] == ("attended_online", 120)
    assert after["k.fujita@example.jp"] == ("absent", 35)  # joined 14:28, left 15:05
    assert after["a.igarashi@example.jp"] == ("attended_online", 120)  # overlapping re-join
    assert after["k.sato@example.jp"] == ("attended_online", 120)  # 「佐藤 健一（川越市）」 by name
    assert after["c.ono@example.jp"] == ("absent", 0)  # registered, not in the report
    assert result.unmatched == 3
    assert report.host_email == "chiiki-care@example.jp"


def test_threshold_is_the_users(demo_db: Database, kokan2: int, data_dir: Path):
    report = parse_report_file(data_dir / "zoom_participants_en.csv")
    with demo_db.session() as s:
        apply_attendance(s, kokan2, report, threshold_pct=25)
    assert states(demo_db, kokan2)["k.fujita@example.jp"] == ("attended_online", 35)


def test_venue_attendance_is_never_overwritten(demo_db: Database, kokan2: int, data_dir: Path):
    with demo_db.session() as s:
        reg = s.scalars(
            select(Registration)
            .join(Registration.participant)
            .where(Registration.event_id == kokan2, Participant.email == "k.fujita@example.jp")
        ).one()
        reg.state = AttendanceState.ATTENDED_VENUE.value
    with demo_db.session() as s:
        apply_attendance(s, kokan2, parse_report_file(data_dir / "teams_attendance_en.csv"))
    assert states(demo_db, kokan2)["k.fujita@example.jp"] == ("attended_venue", 40)


def test_teams_first_join_last_leave_is_capped_by_the_duration(
    demo_db: Database, kokan2: int, data_dir: Path
):
    with demo_db.session() as s:
        apply_attendance(s, kokan2, parse_report_file(data_dir / "teams_attendance_ja.csv"))
    after = states(demo_db, kokan2)
    assert after["k.fujita@example.jp"] == ("absent", 42)  # 14:28–16:20 but only 42 min inside
    assert after["m.takahashi@example.jp"] == ("attended_online", 118)


def test_unique_users_report_uses_totals(demo_db: Database, kokan2: int, data_dir: Path):
    report = parse_report_file(data_dir / "zoom_unique_users_en.csv")
    assert not report.has_times and report.warnings
    with demo_db.session() as s:
        apply_attendance(s, kokan2, report)
    after = states(demo_db, kokan2)
    assert after["m.takahashi@example.jp"] == ("attended_online", 120)  # 126 capped at 120
    assert after["k.fujita@example.jp"] == ("absent", 37)


def test_japanese_zoom_with_renamed_people(demo_db: Database, kokan2: int, data_dir: Path):
    report = parse_report_file(data_dir / "zoom_participants_ja.csv")
    with demo_db.session() as s:
        plan = plan_attendance(s, kokan2, report)
    how = {o.person.name: (o.participant_id is not None, o.how) for o in plan.outcomes}
    assert how["藤田 健 (藤田\u3000健)"] == (True, "name")
    assert how["髙橋 美咲"] == (True, "name")  # no e-mail: joins 髙橋 by name
    assert [c.name for c in plan.unmatched[0].candidates] == ["日下部\u3000亮"]


def test_assign_and_add_unmatched_rows(demo_db: Database, kokan2: int, data_dir: Path):
    report = parse_report_file(data_dir / "zoom_participants_en.csv")
    with demo_db.session() as s:
        plan = plan_attendance(s, kokan2, report)
        yamaguchi = next(o for o in plan.unmatched if o.person.name == "山口")
        arai = next(o for o in plan.unmatched if o.person.name == "新井 一郎")
        result = apply_attendance(
            s,
            kokan2,
            report,
            assignments={yamaguchi.index: yamaguchi.candidates[0].participant_id},
            additions=[arai.index],
        )
    assert result.participants_created == 1 and result.unmatched == 1  # the phone number
    after = states(demo_db, kokan2)
    assert after["k.yamaguchi@example.jp"] == ("attended_online", 114)
    assert after["i.arai@example.jp"] == ("attended_online", 120)


def test_report_of_another_day_is_refused(demo_db: Database, data_dir: Path):
    with demo_db.session() as s:
        other = s.scalars(select(Event.id).where(Event.date == dt.date(2021, 5, 24))).one()
    report = parse_report_file(data_dir / "zoom_participants_en.csv")
    with pytest.raises(UserError, match="重なりません"), demo_db.session() as s:
        plan_attendance(s, other, report)


def test_not_a_report(tmp_path: Path):
    path = tmp_path / "names.csv"
    path.write_text("氏名,所属\n髙橋,川越市\n", encoding="utf-8")
    with pytest.raises(UserError, match="出席レポートの形式ではありません") as err:
        parse_report_file(path)
    message = str(err.value)
    assert "「氏名」「所属」" in message and "参加時刻・期間の列がありません" in message
    for product in ("Zoom", "Teams", "Webex", "Google Meet"):
        assert product in message
    assert "髙橋" not in message  # the data itself is not quoted


def _report_of(*rows: tuple[str, str]):  # type: ignore[no-untyped-def]
    """A report as the readers build it: (display name, e-mail), each in the whole meeting."""
    from kenshu_desk.services.participants.attendance_reports import (
        AttendanceReport,
        ReportEntry,
        ReportPerson,
    )

    start, end = dt.datetime(2021, 11, 25, 14, 30), dt.datetime(2021, 11, 25, 16, 30)
    people = [
        ReportPerson(name, email, [ReportEntry(n + 2, name, email, start, end, 7200)])
        for n, (name, email) in enumerate(rows)
    ]
    return AttendanceReport("test.csv", "Zoom", "Zoom", meeting_start=start, meeting_end=end,
                            people=people)  # fmt: skip


def _registrant(db: Database, event_id: int, name: str, reading: str, organisation: str) -> int:
    from kenshu_desk.domain.models import Organisation

    with db.session() as s:
        org = s.scalars(select(Organisation).where(Organisation.name == organisation)).first()
        person = Participant(
            name=name, reading=reading, organisation=org or Organisation(name=organisation)
        )
        s.add(Registration(event_id=event_id, participant=person))
        s.flush()
        return person.id


@pytest.mark.parametrize(
    "display",
    ["石井 翔（さいたま市）", "石井翔＠さいたま市", "さいたま市_石井翔", "石井 翔/さいたま市"],
)
def test_a_namesake_from_another_organisation_is_never_matched(demo_db, kokan2, display):  # type: ignore[no-untyped-def]
    ishii = _registrant(demo_db, kokan2, "石井　翔", "いしい　しょう", "東秩父村")
    with demo_db.session() as s:
        plan = plan_attendance(s, kokan2, _report_of((display, "")))
    outcome = plan.outcomes[0]
    assert outcome.participant_id is None  # listed for the organiser, not taken
    assert outcome.why == "other_organisation"  # the dialog says so
    assert [c.participant_id for c in outcome.candidates] == [ishii]
    change = next(c for c in plan.changes if c.participant_id == ishii)
    assert change.new_state != AttendanceState.ATTENDED_ONLINE.value


def test_the_same_name_with_the_persons_own_organisation_matches(demo_db, kokan2):  # type: ignore[no-untyped-def]
    ishii = _registrant(demo_db, kokan2, "石井　翔", "いしい　しょう", "東秩父村")
    with demo_db.session() as s:
        plan = plan_attendance(
            s, kokan2, _report_of(("石井 翔（東秩父村）", ""), ("Guest (External)", ""))
        )
    assert plan.outcomes[0].participant_id == ishii


@pytest.mark.parametrize(
    ("registered", "typed"),
    [("髙橋　一平", "高橋 一平"), ("山﨑　聡", "山崎 聡"), ("渡邊　学", "渡辺 学"), ("齋藤　光", "斎藤 光"),
     ("濱田　誠", "浜田 誠"), ("澤井　哲", "沢井 哲"), ("嶋田　亮", "島田 亮"), ("廣瀬　葵", "広瀬 葵"),
     ("國井　守", "国井 守"), ("德永　陸", "徳永 陸"), ("渡邉　力", "渡辺 力")],
)  # fmt: skip
def test_variant_kanji_match_and_the_stored_name_stays(demo_db, kokan2, registered, typed):  # type: ignore[no-untyped-def]
    pid = _registrant(demo_db, kokan2, registered, "", "川越市")
    with demo_db.session() as s:
        plan = plan_attendance(s, kokan2, _report_of((typed, "")))
    assert plan.outcomes[0].participant_id == pid
    with demo_db.session() as s:
        assert s.get(Participant, pid).name == registered


@pytest.mark.parametrize(
    ("display", "name", "reading"),
    [("コバヤシ ショウ", "小林　翔", "こばやし　しょう"), ("Megumi Kato", "加藤　恵", "かとう　めぐみ"),
     ("YAMAGUCHI Misaki", "山口　美咲", "やまぐち　みさき"), ("Ohno Shota", "大野　翔太", "おおの　しょうた"),
     ("Syouta Oono", "大野　翔太", "おおの　しょうた"), ("しょうじ ゆうこ", "東海林　優子", "しょうじ　ゆうこ"),
     ("Honma Jun-ichi (Kawagoe)", "本間　純一", "ほんま　じゅんいち")],
)  # fmt: skip
def test_kana_and_romaji_display_names_match_the_stored_reading(  # type: ignore[no-untyped-def]
    demo_db, kokan2, display, name, reading
):
    pid = _registrant(demo_db, kokan2, name, reading, "川越市")
    with demo_db.session() as s:
        plan = plan_attendance(s, kokan2, _report_of((display, "")))
    assert plan.outcomes[0].participant_id == pid
    assert plan.outcomes[0].how == "reading"


def test_a_reading_shared_by_two_registrants_is_not_guessed(demo_db, kokan2):  # type: ignore[no-untyped-def]
    a = _registrant(demo_db, kokan2, "加藤　恵", "かとう　めぐみ", "川越市")
    b = _registrant(demo_db, kokan2, "加藤　恵美", "かとう　めぐみ", "鳩山町")
    with demo_db.session() as s:
        plan = plan_attendance(s, kokan2, _report_of(("Megumi Kato", "")))
    assert plan.outcomes[0].participant_id is None
    assert {c.participant_id for c in plan.outcomes[0].candidates} == {a, b}


def test_the_second_address_matches_the_report_row(demo_db, kokan2):  # type: ignore[no-untyped-def]
    pid = _registrant(demo_db, kokan2, "小川　恵", "おがわ　めぐみ", "川越市")
    with demo_db.session() as s:
        s.get(Participant, pid).other_email = "kyoiku@example.jp"  # 資料送付先のメールアドレス
    with demo_db.session() as s:
        plan = plan_attendance(s, kokan2, _report_of(("教育委員会 PC", "kyoiku@example.jp")))
    outcome = plan.outcomes[0]
    assert outcome.participant_id == pid and outcome.how == "email"
