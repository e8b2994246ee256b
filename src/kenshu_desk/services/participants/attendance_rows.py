"""The rows of an attendance report, whatever the tool: the report, its people and their rows
(ReportEntry / ReportPerson / AttendanceReport), how a participant table's header is found, how
its rows are read (waiting room, room accounts, attended = No), and how rows are grouped into
people. The layouts themselves are read in attendance_zoom / attendance_teams, chosen in
attendance_reports."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from kenshu_desk.domain.japanese import match_key
from kenshu_desk.messages import msg
from kenshu_desk.services.participants.attendance_values import (
    LOBBY_WORDS,
    SetAsideRow,
    is_device_name,
    is_participant_header,
    is_room_account,
    map_columns,
    parse_datetime,
    parse_duration,
    person_name,
    without_clock_only,
)
from kenshu_desk.services.shared.tabular import Table

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


def keyset(*words: str) -> frozenset[str]:
    return frozenset(match_key(w) for w in words)


# Summary lines (Teams) and the meeting preamble (Zoom), English and Japanese UI.
# Summary lines (Teams) and the meeting preamble (Zoom), English and Japanese UI.
TITLE_KEYS = keyset("Meeting title", "会議のタイトル", "Topic", "トピック", "会議名")
START_KEYS = keyset("Start time", "開始時刻", "開始時間", "会議の開始時刻")
END_KEYS = keyset("End time", "終了時刻", "終了時間", "会議の終了時刻")


_WEBINAR_SECTIONS = {
    **{match_key(w): "host" for w in ("Host Details", "ホストの詳細", "ホスト詳細")},
    **{match_key(w): "panelist" for w in ("Panelist Details", "パネリストの詳細", "パネリスト詳細")},
    **{match_key(w): "attendee" for w in ("Attendee Details", "出席者の詳細", "出席者詳細",
                                           "Other Attended", "その他の出席者")},
}  # fmt: skip


def webinar_section(cells: list[str]) -> str | None:
    filled = [c for c in cells if c.strip()]
    if len(filled) != 1 or not cells[0].strip():
        return None
    return _WEBINAR_SECTIONS.get(match_key(cells[0]))


def section_of(cells: list[str]) -> str | None:
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


def find_header(table: Table, start: int, end: int) -> tuple[int, dict[str, int]] | None:
    for index in range(start, end):
        cols = map_columns(table.rows[index])
        if is_participant_header(cols):
            return index, cols
    return None


def has_data(table: Table, start: int, end: int) -> bool:
    return any(any(c for c in table.rows[i]) for i in range(start, end))


def read_entries(
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
        if not any(cells) or section_of(cells) is not None or webinar_section(cells):
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
