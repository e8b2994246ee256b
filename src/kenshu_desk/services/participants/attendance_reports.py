"""Reading online-meeting attendance reports: Zoom participant exports and Teams reports.

Both vary by version and UI language, so nothing depends on a fixed layout:

* Zoom: CSV (UTF-8, often with BOM), optionally a meeting preamble (Meeting ID / Topic /
  Start Time …) above the participant table; one row per join/leave, or one row per person
  with "Show unique users" (then only a total duration, no times). An "In Waiting Room" column
  marks time spent outside the meeting.
* Teams: UTF-16 with BOM, tab-separated, numbered sections "1. Summary" / "2. Participants"
  (first join, last leave, in-meeting duration) and, in newer reports, "3. In-Meeting
  Activities" (one row per join/leave) — or 「1. 要約」「2. 参加者」「3. 会議中のアクティビティ」.

The header row is found by keywords (DESIGN.md "Attendance reports"). Rows of one person
(re-joins, a second device) are grouped; minutes are computed later by merging intervals
(domain-level arithmetic in ``attendance_matching``), never by adding durations.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from kenshu_desk.domain.japanese import match_key
from kenshu_desk.errors import UserError
from kenshu_desk.messages import msg
from kenshu_desk.services.participants.attendance_legacy import legacy_teams_rows
from kenshu_desk.services.participants.attendance_values import (
    LOBBY_WORDS,
    SET_ASIDE_REASONS,
    SUPPORTED_TEXT,
    SetAsideRow,
    column_kind,
    is_device_name,
    is_participant_header,
    is_room_account,
    map_columns,
    parse_datetime,
    parse_duration,
    person_name,
    refuse_cut_off,
    tool_of,
    what_was_found,
    without_clock_only,
)
from kenshu_desk.services.shared.tabular import Table, read_table

__all__ = [
    "SET_ASIDE_REASONS",
    "AttendanceReport",
    "ReportEntry",
    "ReportPerson",
    "SetAsideRow",
    "column_kind",
    "is_room_account",
    "map_columns",
    "parse_datetime",
    "parse_duration",
    "parse_report_file",
    "parse_table",
]

Interval = tuple[dt.datetime, dt.datetime]


# --- the report ---------------------------------------------------------------------------


@dataclass
class ReportEntry:
    """One row of the report's participant table."""

    line: int
    name: str
    email: str
    join: dt.datetime | None
    leave: dt.datetime | None
    seconds: int | None  # the duration column, when there is one
    role: str = ""


@dataclass
class ReportPerson:
    """The rows of one person (by e-mail, else by name), in the order they appear."""

    name: str
    email: str
    entries: list[ReportEntry] = field(default_factory=list)

    @property
    def lines(self) -> list[int]:
        return [e.line for e in self.entries]

    @property
    def names(self) -> list[str]:
        out: list[str] = []
        for e in self.entries:
            if e.name and e.name not in out:
                out.append(e.name)
        return out

    @property
    def intervals(self) -> list[Interval]:
        return [(e.join, e.leave) for e in self.entries if e.join and e.leave and e.leave >= e.join]

    @property
    def reported_seconds(self) -> int | None:
        """Sum of the duration column (an upper bound: overlapping devices count twice)."""
        if any(e.seconds is None for e in self.entries):
            return None
        return sum(e.seconds or 0 for e in self.entries)

    @property
    def has_times(self) -> bool:
        return any(e.join and e.leave for e in self.entries)


@dataclass
class AttendanceReport:
    source: str
    kind: str  # "Zoom" / "Teams" / another tool's table ("表" in the running language)
    format_label: str
    title: str = ""
    meeting_start: dt.datetime | None = None
    meeting_end: dt.datetime | None = None
    host_email: str = ""  # Zoom's preamble names the host's account
    people: list[ReportPerson] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    set_aside: list[SetAsideRow] = field(default_factory=list)

    @property
    def has_times(self) -> bool:
        return any(p.has_times for p in self.people)

    def span(self) -> Interval | None:
        times = [t for p in self.people for iv in p.intervals for t in iv]
        return (min(times), max(times)) if times else None


_SECTION = re.compile(r"^\s*(\d)\s*[.．]\s*(.+?)\s*$")
_SUMMARY_WORDS = ("summary", "要約", "概要")
_PARTICIPANT_WORDS = ("participants", "参加者")
_ACTIVITY_WORDS = ("activities", "アクティビティ", "activity")


def _keyset(*words: str) -> frozenset[str]:
    return frozenset(match_key(w) for w in words)


# Summary lines (Teams) and the meeting preamble (Zoom), English and Japanese UI.
_TITLE_KEYS = _keyset("Meeting title", "会議のタイトル", "Topic", "トピック", "会議名")
_START_KEYS = _keyset("Start time", "開始時刻", "開始時間", "会議の開始時刻")
_END_KEYS = _keyset("End time", "終了時刻", "終了時間", "会議の終了時刻")
_EMAIL_KEYS = _keyset("User Email", "ユーザーメール", "Email", "メール")
_MEETING_ID_KEYS = _keyset(
    "Meeting ID", "ミーティングID", "ミーティング ID", "Webinar ID", "ウェビナーID"
)
_ZOOM_MARKS = tuple(
    match_key(w) for w in ("(Original Name)", "(元の名前)", "ユーザーメール", "User Email")
)


# Zoom webinar reports: one table per section, each with its own header row.
_WEBINAR_SECTIONS = {
    **{match_key(w): "host" for w in ("Host Details", "ホストの詳細", "ホスト詳細")},
    **{match_key(w): "panelist" for w in ("Panelist Details", "パネリストの詳細", "パネリスト詳細")},
    **{match_key(w): "attendee" for w in ("Attendee Details", "出席者の詳細", "出席者詳細",
                                           "Other Attended", "その他の出席者")},
}  # fmt: skip
_WEBINAR_ROLES = {"host": "Host", "panelist": "Panelist", "attendee": ""}


def _webinar_section(cells: list[str]) -> str | None:
    filled = [c for c in cells if c.strip()]
    if len(filled) != 1 or not cells[0].strip():
        return None
    return _WEBINAR_SECTIONS.get(match_key(cells[0]))


def _parse_webinar(table: Table, sections: list[tuple[int, str]]) -> AttendanceReport:
    report = AttendanceReport(table.name, "Zoom", str(msg("attendance.zoom_webinar_report")))
    _zoom_preamble(table, sections[0][0], report)
    report.kind = "Zoom"
    entries: list[ReportEntry] = []
    bounds = [start for start, _ in sections] + [len(table.rows)]
    for (start, kind), end in zip(sections, bounds[1:], strict=True):
        found = _find_header(table, start + 1, end)
        if found is None:
            continue
        header_index, cols = found
        section = _entries(table, header_index + 1, end, cols, report)
        for e in section:
            e.role = e.role or _WEBINAR_ROLES[kind]
        entries += section
    if not entries:
        raise UserError.of("attendance.no_attendee_rows", name=table.name)
    report.people = group_entries(entries)
    return report


def _section_of(cells: list[str]) -> str | None:
    if not cells or not cells[0] or any(c for c in cells[1:]):
        return None
    m = _SECTION.match(cells[0])
    if m is None:
        return None
    title = match_key(m.group(2))
    for kind, words in (("summary", _SUMMARY_WORDS), ("activities", _ACTIVITY_WORDS),
                        ("participants", _PARTICIPANT_WORDS)):  # fmt: skip
        if any(match_key(w) in title for w in words):
            return kind
    return "other"


def parse_table(table: Table) -> AttendanceReport:
    """The report in ``table``; UserError when no participant table is found."""
    sections: dict[str, int] = {}
    for index, cells in enumerate(table.rows):
        kind = _section_of(cells)
        if kind is not None:
            sections.setdefault(kind, index)
    if _is_registration_report(table):
        raise UserError.of("attendance.registration_report", name=table.name)
    webinar = [(i, k) for i, cells in enumerate(table.rows) if (k := _webinar_section(cells))]
    if webinar:
        return _parse_webinar(table, webinar)
    if "participants" in sections or "activities" in sections:
        report = AttendanceReport(table.name, "Teams", table.format_label)
        _teams_summary(table, sections, report)
        ranges = _section_ranges(sections, len(table.rows))
        chosen = None
        for kind in ("activities", "participants"):
            if kind in ranges:
                start, end = ranges[kind]
                found = _find_header(table, start + 1, end)
                if found is not None and _has_data(table, found[0] + 1, end):
                    chosen = (found, end)
                    break
        if chosen is None:
            raise UserError.of(
                "attendance.teams_without_table",
                name=table.name,
                found=what_was_found(table),
                supported=SUPPORTED_TEXT,
            )
        (header_index, cols), end = chosen
    else:
        found = _find_header(table, 0, len(table.rows))
        legacy = legacy_teams_rows(table) if found is None else None
        if legacy:
            label = msg("attendance.legacy_teams_list", format=table.format_label)
            report = AttendanceReport(table.name, "Teams", str(label))
            entries = [ReportEntry(line, name, "", a, b, None) for line, name, a, b in legacy]
            report.people = group_entries(entries)
            # No role column: the organiser's row is neither set aside nor guessed; it is
            # matched like any row and, matching no registrant, left for the user to decide.
            first = min(entries, key=lambda e: (e.join or dt.datetime.max, e.line))
            report.warnings.append(
                str(msg("attendance.legacy_teams_no_organiser", name=first.name))
            )
            return report
        if found is None:
            raise UserError.of(
                "attendance.not_a_report",
                name=table.name,
                found=what_was_found(table),
                supported=SUPPORTED_TEXT,
            )
        header_index, cols = found
        end = len(table.rows)
        kind = tool_of(table.rows[header_index]) or str(msg("attendance.kind_table"))
        report = AttendanceReport(table.name, kind, table.format_label)
        _zoom_preamble(table, header_index, report)
        _flat_export_host(table, header_index, cols, report)
    refuse_cut_off(table, header_index, end, cols)
    entries = _entries(table, header_index + 1, end, cols, report)
    if not entries:
        raise UserError.of("attendance.no_participant_rows", name=table.name)
    for e in entries:
        if report.host_email and e.email.casefold() == report.host_email.casefold() and not e.role:
            e.role = "Host"
    report.people = group_entries(entries)
    if not report.has_times:
        report.warnings.append(str(msg("attendance.no_times")))
    return report


_REGISTRATION_TITLES = _keyset(
    "Registration Report", "登録レポート", "登録者レポート", "登録者の詳細"
)
_REGISTRATION_COLUMNS = _keyset(
    "Registration Time", "Approval Status", "登録時間", "承認ステータス"
)


def _is_registration_report(table: Table) -> bool:
    """Zoom's webinar registration report: who signed up, not who attended."""
    if any(cells and match_key(cells[0]) in _REGISTRATION_TITLES for cells in table.rows[:3]):
        return True
    if _find_header(table, 0, len(table.rows)) is not None:
        return False  # an attendee report also has Registration Time; it has join times too
    for cells in table.rows[:40]:
        keys = {match_key(c) for c in cells if c.strip()}
        if len(keys & _REGISTRATION_COLUMNS) >= 2:
            return True
    return False


def parse_report_file(path: Path) -> AttendanceReport:
    return parse_table(read_table(path))


def _section_ranges(sections: dict[str, int], total: int) -> dict[str, tuple[int, int]]:
    starts = sorted(sections.values())
    out = {}
    for kind, start in sections.items():
        later = [s for s in starts if s > start]
        out[kind] = (start, later[0] if later else total)
    return out


def _find_header(table: Table, start: int, end: int) -> tuple[int, dict[str, int]] | None:
    for index in range(start, end):
        cols = map_columns(table.rows[index])
        if is_participant_header(cols):
            return index, cols
    return None


def _has_data(table: Table, start: int, end: int) -> bool:
    return any(any(c for c in table.rows[i]) for i in range(start, end))


def _teams_summary(table: Table, sections: dict[str, int], report: AttendanceReport) -> None:
    if "summary" not in sections:
        return
    for cells in table.rows[sections["summary"] + 1 :]:
        if _section_of(cells) is not None:
            break
        if len(cells) < 2:
            continue
        key, value = match_key(cells[0]), cells[1]
        if key in _TITLE_KEYS:
            report.title = value
        elif key in _START_KEYS:
            report.meeting_start = parse_datetime(value)
        elif key in _END_KEYS:
            report.meeting_end = parse_datetime(value)


def _zoom_preamble(table: Table, header_index: int, report: AttendanceReport) -> None:
    for index in range(header_index):
        keys = [match_key(c) for c in table.rows[index]]
        if not any(k in _MEETING_ID_KEYS for k in keys):
            continue
        report.kind = "Zoom"
        values = table.rows[index + 1] if index + 1 < header_index else []
        for col, key in enumerate(keys):
            value = values[col] if col < len(values) else ""
            if key in _TITLE_KEYS:
                report.title = value
            elif key in _START_KEYS:
                report.meeting_start = parse_datetime(value)
            elif key in _END_KEYS:
                report.meeting_end = parse_datetime(value)
            elif key in _EMAIL_KEYS and "@" in value:
                report.host_email = value
        return
    headers = "".join(match_key(c) for c in table.rows[header_index])
    if any(mark in headers for mark in _ZOOM_MARKS):
        report.kind = "Zoom"


def _flat_export_host(
    table: Table, header_index: int, cols: dict[str, int], report: AttendanceReport
) -> None:
    """Zoom's export with meeting data: the host's User Email comes before the participant's."""
    header = table.rows[header_index]
    first_email = next((i for i, c in enumerate(header) if column_kind(c) == "email"), None)
    if first_email is None or first_email == cols.get("email"):
        return
    rows = table.rows[header_index + 1 :]
    value = rows[0][first_email].strip() if rows and first_email < len(rows[0]) else ""
    if "@" in value:
        report.kind = "Zoom"
        report.host_email = report.host_email or value


def _entries(
    table: Table, start: int, end: int, cols: dict[str, int], report: AttendanceReport
) -> list[ReportEntry]:
    def cell(cells: list[str], kind: str) -> str:
        col = cols.get(kind)
        return cells[col].strip() if col is not None and col < len(cells) else ""

    entries: list[ReportEntry] = []
    unreadable: list[int] = []
    waiting: list[SetAsideRow] = []
    for index in range(start, end):
        cells = table.rows[index]
        line = table.lines[index]
        if not any(cells) or _section_of(cells) is not None or _webinar_section(cells):
            if entries:
                break  # the end of this table (Teams: the next section follows)
            continue
        if map_columns(cells) == cols:
            continue  # a repeated header
        role_key = match_key(cell(cells, "role"))
        if match_key(cell(cells, "waiting")) in ("yes", "はい") or (
            role_key and any(w in role_key for w in LOBBY_WORDS)
        ):
            name = person_name(cell(cells, "name"), cell(cells, "first"), cell(cells, "last"))
            waiting.append(SetAsideRow(line, name, cell(cells, "email"), "waiting_room"))
            continue
        if "attended" in cols and match_key(cell(cells, "attended")) in ("no", "いいえ"):
            continue  # registered for the webinar, did not attend
        name = person_name(cell(cells, "name"), cell(cells, "first"), cell(cells, "last"))
        email = cell(cells, "email") or (cell(cells, "upn") if "@" in cell(cells, "upn") else "")
        join_text, leave_text = (without_clock_only(cell(cells, k)) for k in ("join", "leave"))
        join = parse_datetime(join_text) if join_text else None
        leave = parse_datetime(leave_text) if leave_text else None
        seconds = parse_duration(cell(cells, "duration")) if "duration" in cols else None
        if (
            (join_text and join is None)
            or (leave_text and leave is None)
            or (join and leave and leave < join)
        ):
            unreadable.append(line)
            join = leave = None
        if not name and not email:
            continue
        if is_room_account(name, email):
            report.set_aside.append(SetAsideRow(line, name, email, "room_account"))
            continue
        entries.append(ReportEntry(line, name, email, join, leave, seconds, cell(cells, "role")))
    if unreadable:
        shown = str(msg("participants.list_separator")).join(str(n) for n in unreadable[:5])
        warning = msg("attendance.unreadable_times", count=len(unreadable), lines=shown)
        report.warnings.append(str(warning))
    if waiting:
        report.warnings.append(str(msg("attendance.waiting_room_rows", count=len(waiting))))
        inside = {match_key(e.email or e.name) for e in entries} | {
            match_key(e.name) for e in entries
        }
        for row in waiting:
            if match_key(row.email or row.name) not in inside and match_key(row.name) not in inside:
                report.set_aside.append(row)  # waited and was never let in
    return entries


def group_entries(entries: list[ReportEntry]) -> list[ReportPerson]:
    """Group rows by e-mail; a row without e-mail joins the one e-mail group with its name;
    a default device name or phone number without e-mail stays a row of its own."""
    people: list[ReportPerson] = []
    by_email: dict[str, ReportPerson] = {}
    by_name: dict[str, list[ReportPerson]] = {}
    for e in entries:
        if not e.email:
            continue
        key = e.email.casefold()
        person = by_email.get(key)
        if person is None:
            person = by_email[key] = ReportPerson(e.name, e.email)
            people.append(person)
        person.entries.append(e)
        by_name.setdefault(match_key(e.name), [])
        if person not in by_name[match_key(e.name)]:
            by_name[match_key(e.name)].append(person)
    nameless: dict[str, ReportPerson] = {}
    for e in entries:
        if e.email:
            continue
        key = match_key(e.name)
        if is_device_name(e.name):  # two people's 「iPad」 are two devices, not one person
            people.append(ReportPerson(e.name, "", [e]))
            continue
        groups = by_name.get(key, [])
        if len(groups) == 1:
            groups[0].entries.append(e)
            continue
        person = nameless.get(key)
        if person is None:
            person = nameless[key] = ReportPerson(e.name, "")
            people.append(person)
        person.entries.append(e)
    for p in people:
        p.entries.sort(key=lambda e: e.line)
    people.sort(key=lambda p: p.entries[0].line)
    return people
