"""Attendance reports as each meeting tool writes them, read back and matched.

The files are built here to the products' published layouts (sources in tests/data/README.md):
Zoom's webinar attendee report (sections with their own header rows, First/Last Name,
"Nov 25, 2021 14:28:13"), Zoom's flat participant export "with meeting data" (User Email and
Duration repeated: the host's, then the participant's), Webex's attendee report (UTF-16,
tab-separated, the meeting's name in every row) and Google Meet's attendance report
(First name / Last name). The same 18 people attend in every file, written the noisy ways
people appear in these tools; the other registrants of the event must stay absent.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from kenshu_desk.domain.models import AttendanceState, Participant, Registration
from kenshu_desk.services.participants.attendance_matching import plan_attendance
from kenshu_desk.services.participants.attendance_reports import parse_report_file

# (display name, e-mail or "", family, given, registrant's e-mail)
ATTENDEES = [
    ("髙橋 美咲", "m.takahashi@example.jp", "髙橋", "美咲", "m.takahashi@example.jp"),
    ("コバヤシ ダイスケ", "", "小林", "大輔", "d.kobayashi@example.jp"),
    ("Aya Igarashi", "", "Igarashi", "Aya", "a.igarashi@example.jp"),
    ("山崎 翔太（狭山市）", "", "山崎", "翔太", "s.yamazaki@example.jp"),
    ("中村拓也", "t.nakamura@example.jp", "中村", "拓也", "t.nakamura@example.jp"),
    ("日下部 亮", "", "日下部", "亮", "r.kusakabe@example.jp"),
    ("HASEGAWA Noriko", "", "HASEGAWA", "Noriko", "n.hasegawa@example.jp"),
    ("角田 聡", "s.tsunoda@example.jp", "角田", "聡", "s.tsunoda@example.jp"),
    ("越谷市_清水麻衣", "", "清水", "麻衣", "m.shimizu@example.jp"),
    ("宮崎 由香", "", "宮崎", "由香", "y.miyazaki@example.jp"),
    ("井上 さやか", "s.inoue@example.jp", "井上", "さやか", "s.inoue@example.jp"),
    ("はやし まゆみ", "", "林", "真由美", "m.hayashi@example.jp"),
    ("高野 沙織", "", "高野", "沙織", "s.takano@example.jp"),
    ("石川 和也@伊奈町", "", "石川", "和也", "k.ishikawa@example.jp"),
    ("前田 智子", "t.maeda@example.jp", "前田", "智子", "t.maeda@example.jp"),
    ("Yusuke Okada", "", "Okada", "Yusuke", "y.okada@example.jp"),
    ("服部 舞", "m.hattori@example.jp", "服部", "舞", "m.hattori@example.jp"),
    ("Saito Manabu", "", "Saito", "Manabu", "m.saito@example.jp"),
]
HOST = ("埼玉県 地域包括ケア課", "chiiki-care@example.jp")
START = dt.datetime(2021, 11, 25, 14, 25, 10)


def _times(n: int) -> tuple[dt.datetime, dt.datetime]:
    """Everyone stays most of the meeting (14:30–16:30), joining a little apart."""
    join = dt.datetime(2021, 11, 25, 14, 26) + dt.timedelta(minutes=n % 4)
    return join, dt.datetime(2021, 11, 25, 16, 29) - dt.timedelta(minutes=n % 3)


def _named(t: dt.datetime) -> str:
    return f"{t:%b} {t.day}, {t:%Y %H:%M:%S}"


def _zoom_webinar(path: Path) -> Path:
    lines = [
        "Attendee Report",
        'Report Generated:,"Nov 26, 2021 09:12:44"',
        "Topic,Webinar ID,Actual Start Time,Actual Duration (minutes),# Registered,# Cancelled,"
        "Unique Viewers,Total Users,Max Concurrent Views",
        f'令和3年度 第2回市町村情報交換会,812 3456 7890,"{_named(START)}",125,23,0,18,19,18',
        "Host Details",
        "Attended,User Name (Original Name),Email,Join Time,Leave Time,Time in Session (minutes),"
        "Is Guest,Country/Region Name",
        f'Yes,{HOST[0]},{HOST[1]},"{_named(START)}","Nov 25, 2021 16:30:05",125,No,Japan',
        "Panelist Details",
        "Attended,User Name (Original Name),Email,Join Time,Leave Time,Time in Session (minutes),"
        "Is Guest,Country/Region Name",
        f'Yes,中島 修,nakajima@example.ac.jp,"{_named(START)}","Nov 25, 2021 16:30:00",125,Yes,Japan',
        "Attendee Details",
        "Attended,User Name (Original Name),First Name,Last Name,Email,Registration Time,"
        "Approval Status,Join Time,Leave Time,Time in Session (minutes),Is Guest,"
        "Country/Region Name",
    ]
    for n, (display, email, family, given, _) in enumerate(ATTENDEES):
        join, leave = _times(n)
        minutes = int((leave - join).total_seconds() // 60)
        lines.append(
            f'Yes,{display},{given},{family},{email},"Nov 20, 2021 10:00:00",approved,'
            f'"{_named(join)}","{_named(leave)}",{minutes},Yes,Japan'
        )
    # Registered, never came: Attended = No and no times.
    lines.append('No,,千秋,大野,c.ono@example.jp,"Nov 20, 2021 10:00:00",approved,--,--,--,--,--')
    lines.append(
        'No,,恵子,坂本,k.sakamoto@example.jp,"Nov 21, 2021 10:00:00",approved,--,--,--,--,'
    )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return path


def _zoom_flat(path: Path) -> Path:
    header = (
        "Topic,Meeting ID,User Name,User Email,Department,Group,Has Zoom Rooms,Creation Time,"
        "Start Time,End Time,Duration (Minutes),Participants,Name (Original Name),User Email,"
        "Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent,In Waiting Room"
    )
    meeting = (
        f"第2回市町村情報交換会,832 1234 5678,{HOST[0]},{HOST[1]},地域包括ケア課,,No,"
        "11/20/2021 09:00:00 AM,11/25/2021 02:25:10 PM,11/25/2021 04:30:05 PM,125,19"
    )
    lines = [header, f"{meeting},{HOST[0]},{HOST[1]},11/25/2021 02:25:10 PM,"
             "11/25/2021 04:30:05 PM,125,No,,No"]  # fmt: skip
    for n, (display, email, *_rest) in enumerate(ATTENDEES):
        join, leave = _times(n)
        minutes = int((leave - join).total_seconds() // 60)
        lines.append(
            f"{meeting},{display},{email},{join:%m/%d/%Y %I:%M:%S %p},"
            f"{leave:%m/%d/%Y %I:%M:%S %p},{minutes},{'No' if email else 'Yes'},Yes,No"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return path


def _webex(path: Path) -> Path:
    header = [
        "Meeting Name", "Meeting Start Time", "Meeting End Time", "Name", "Attendee Email",
        "Join Time", "Leave Time", "Attendance Duration", "Connection Type",
    ]  # fmt: skip
    lines = ["\t".join(header)]
    for n, (display, email, *_rest) in enumerate(ATTENDEES):
        join, leave = _times(n)
        minutes = int((leave - join).total_seconds() // 60)
        lines.append("\t".join([
            "令和3年度 第2回市町村情報交換会", "11/25/2021 2:25 PM", "11/25/2021 4:30 PM",
            display, email, f"{join:%m/%d/%Y %I:%M %p}", f"{leave:%m/%d/%Y %I:%M %p}",
            f"{minutes} mins", "Desktop app",
        ]))  # fmt: skip
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-16"))
    return path


def _google_meet(path: Path) -> Path:
    lines = ["First name,Last name,Email,Duration,Time joined,Time exited"]
    for n, (_display, email, family, given, _) in enumerate(ATTENDEES):
        join, leave = _times(n)
        minutes = int((leave - join).total_seconds() // 60)
        lines.append(
            f"{given},{family},{email},{minutes // 60} hr {minutes % 60} min,"
            f"{join:%I:%M %p},{leave:%I:%M %p}"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (_zoom_webinar, "Zoom"),
        (_zoom_flat, "Zoom"),
        (_webex, "Webex"),
        (_google_meet, "Google Meet"),
    ],
    ids=["zoom-webinar", "zoom-flat-export", "webex", "google-meet"],
)
def test_each_tool_finds_the_attendees_and_marks_no_absentee_present(  # type: ignore[no-untyped-def]
    demo_db, kokan2, tmp_path, make, kind
):
    report = parse_report_file(make(tmp_path / f"{make.__name__}.csv"))
    if kind:
        assert report.kind == kind
    with demo_db.session() as s:
        plan = plan_attendance(s, kokan2, report)
        email_of = dict(s.execute(
            select(Participant.id, Participant.email)
            .join(Registration).where(Registration.event_id == kokan2)
        ).all())  # fmt: skip
    present = {
        email_of[c.participant_id]
        for c in plan.changes
        if c.participant_id in email_of and c.new_state == AttendanceState.ATTENDED_ONLINE.value
    }
    expected = {a[4] for a in ATTENDEES}
    assert len(present & expected) >= 17, sorted(expected - present)
    assert present <= expected, f"absentees marked present: {sorted(present - expected)}"
    names = {p.name for p in report.people}
    assert "令和3年度 第2回市町村情報交換会" not in names  # Webex' meeting name is not a person


def test_the_webinar_host_is_set_aside_and_non_attendees_are_not_rows(tmp_path: Path):
    report = parse_report_file(_zoom_webinar(tmp_path / "webinar.csv"))
    hosts = [p for p in report.people if any(e.role == "Host" for e in p.entries)]
    assert [p.email for p in hosts] == [HOST[1]]
    emails = {p.email for p in report.people}
    assert "c.ono@example.jp" not in emails and "k.sakamoto@example.jp" not in emails
    takahashi = next(p for p in report.people if p.email == "m.takahashi@example.jp")
    assert takahashi.entries[0].join == dt.datetime(2021, 11, 25, 14, 26)


def test_the_flat_export_reads_the_participants_columns(tmp_path: Path):
    report = parse_report_file(_zoom_flat(tmp_path / "flat.csv"))
    assert report.host_email == HOST[1]
    assert len(report.people) == len(ATTENDEES) + 1  # the host's own row is one of them
    nakamura = next(p for p in report.people if p.email == "t.nakamura@example.jp")
    assert nakamura.name == "中村拓也"


def test_a_calendar_reply_is_named_as_such(tmp_path: Path):
    from kenshu_desk.errors import UserError
    from kenshu_desk.services.participants.participant_import import ParticipantImport

    reply = tmp_path / "返信.ics"
    reply.write_bytes(
        b"BEGIN:VCALENDAR\r\nPRODID:Microsoft Exchange Server 2010\r\nVERSION:2.0\r\n"
        b"METHOD:REPLY\r\nBEGIN:VEVENT\r\nATTENDEE;PARTSTAT=ACCEPTED;CN=\xe9\xab\x99\xe6\xa9\x8b:"
        b"mailto:m.takahashi@example.jp\r\nUID:kenshu-1@example.jp\r\nSEQUENCE:0\r\n"
        b"END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    for read in (parse_report_file, ParticipantImport.from_file):
        with pytest.raises(UserError, match="METHOD:REPLY"):
            read(reply)


def test_a_report_cut_off_in_the_middle_of_a_row_is_refused(tmp_path: Path):
    from kenshu_desk.errors import UserError

    whole = _zoom_flat(tmp_path / "whole.csv").read_text(encoding="utf-8-sig")
    cut = tmp_path / "cut.csv"
    cut.write_text(whole[: whole.rindex("PM,") + 1], encoding="utf-8-sig")  # mid-row, mid-date
    with pytest.raises(UserError, match="途中で終わっています"):
        parse_report_file(cut)
    # Cut inside the last needed cell: the duration "37" stops at "3", no line break after it.
    last_line = whole.rstrip("\n").rsplit("\n", 1)[1]
    cells = last_line.split(",")
    duration = whole.rstrip("\n").rindex(last_line) + len(",".join(cells[:16])) + 2
    assert len(cells[16]) >= 2 and cells[16].isdigit()
    cut.write_text(whole[:duration], encoding="utf-8-sig")
    assert cut.read_text(encoding="utf-8-sig").endswith("," + cells[16][0])
    with pytest.raises(UserError, match="途中で終わっています"):
        parse_report_file(cut)
    # A whole last row without the final line break still reads (it ends in a column that
    # does not count), and so does the whole file.
    cut.write_text(whole.rstrip("\n"), encoding="utf-8-sig")
    assert len(parse_report_file(cut).people) == len(
        parse_report_file(tmp_path / "whole.csv").people
    )
    assert parse_report_file(tmp_path / "whole.csv").people  # the whole file still reads


def test_a_second_device_is_proposed_and_counts_once_assigned(demo_db, kokan2, tmp_path):  # type: ignore[no-untyped-def]
    from kenshu_desk.services.participants.attendance_reports import (
        AttendanceReport,
        ReportEntry,
        ReportPerson,
    )

    def at(h: int, m: int) -> dt.datetime:
        return dt.datetime(2021, 11, 25, h, m)

    pc = ReportPerson(
        "藤田 健",
        "k.fujita@example.jp",
        [ReportEntry(2, "藤田 健", "k.fujita@example.jp", at(14, 30), at(15, 21), 3060)],
    )
    ipad = ReportPerson("iPad", "", [ReportEntry(3, "iPad", "", at(15, 22), at(16, 30), 4080)])
    report = AttendanceReport("r.csv", "Zoom", "Zoom", people=[pc, ipad])  # fmt: skip
    with demo_db.session() as s:
        plan = plan_attendance(s, kokan2, report)
        fujita = s.scalars(
            select(Participant.id).where(Participant.email == "k.fujita@example.jp")
        ).one()
    device = plan.outcomes[1]
    assert device.participant_id is None and device.device  # proposed, not assigned
    assert [c.participant_id for c in device.candidates] == [fujita]
    alone = next(c for c in plan.changes if c.participant_id == fujita)
    assert alone.new_state == AttendanceState.ABSENT.value and alone.minutes == 51
    with demo_db.session() as s:
        plan = plan_attendance(s, kokan2, report, assignments={1: fujita})
    both = next(c for c in plan.changes if c.participant_id == fujita)
    assert both.new_state == AttendanceState.ATTENDED_ONLINE.value and both.minutes == 119


def test_two_peoples_ipads_are_two_rows_each_assignable(demo_db, kokan2):  # type: ignore[no-untyped-def]
    from kenshu_desk.services.participants.attendance_reports import ReportEntry, group_entries

    def at(h: int, m: int) -> dt.datetime:
        return dt.datetime(2021, 11, 25, h, m)

    fujita, nakamura = "k.fujita@example.jp", "t.nakamura@example.jp"
    entries = [
        ReportEntry(2, "藤田 健", fujita, at(14, 30), at(15, 21), 3060),
        ReportEntry(3, "中村拓也", nakamura, at(14, 30), at(15, 0), 1800),
        ReportEntry(4, "iPad", "", at(15, 22), at(16, 30), 4080),
        ReportEntry(5, "iPad", "", at(15, 1), at(16, 30), 5340),
    ]
    people = group_entries(entries)
    assert [p.lines for p in people] == [[2], [3], [4], [5]]  # not one "iPad" of 2 h 37 min
    from kenshu_desk.services.participants.attendance_reports import AttendanceReport

    report = AttendanceReport("r.csv", "Zoom", "Zoom", people=people)  # fmt: skip
    with demo_db.session() as s:
        ids = {
            e: s.scalars(select(Participant.id).where(Participant.email == e)).one()
            for e in (fujita, nakamura)
        }
        plan = plan_attendance(s, kokan2, report)
        assert all(o.device and o.participant_id is None for o in plan.outcomes[2:])
        plan = plan_attendance(s, kokan2, report, assignments={2: ids[fujita], 3: ids[nakamura]})
    for email in (fujita, nakamura):
        change = next(c for c in plan.changes if c.participant_id == ids[email])
        assert change.new_state == AttendanceState.ATTENDED_ONLINE.value


def test_the_webinar_panelist_is_set_aside_like_the_host(demo_db, kokan2, tmp_path):  # type: ignore[no-untyped-def]
    report = parse_report_file(_zoom_webinar(tmp_path / "webinar.csv"))
    with demo_db.session() as s:
        plan = plan_attendance(s, kokan2, report)
    panelist = next(o for o in plan.outcomes if o.person.email == "nakajima@example.ac.jp")
    assert panelist.is_organiser and panelist not in plan.unmatched  # not "needs decision"


def test_google_meets_times_of_day_are_no_unreadable_rows(tmp_path):  # type: ignore[no-untyped-def]
    report = parse_report_file(_google_meet(tmp_path / "meet.csv"))
    assert report.kind == "Google Meet"
    assert not any("読めません" in w for w in report.warnings), report.warnings
    assert report.people[0].entries[0].seconds == 123 * 60  # "2 hr 3 min": the duration decides
