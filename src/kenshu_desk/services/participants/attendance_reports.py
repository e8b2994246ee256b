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
from kenshu_desk.services.shared.tabular import Table, read_table

Interval = tuple[dt.datetime, dt.datetime]


# --- dates and durations ------------------------------------------------------------------

_DATE_YMD = r"(?P<y>\d{4})\s*[/\-.年]\s*(?P<m>\d{1,2})\s*[/\-.月]\s*(?P<d>\d{1,2})\s*日?"
_DATE_MDY = r"(?P<m2>\d{1,2})/(?P<d2>\d{1,2})/(?P<y2>\d{2,4})"
# Zoom's webinar reports: "Nov 25, 2021 14:28:13" (English month names).
_DATE_NAMED = r"(?P<mon>[A-Za-z]{3})[a-z]*\.?\s+(?P<d3>\d{1,2}),?\s+(?P<y3>\d{4})"
_MONTHS = {m: n for n, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1
)}  # fmt: skip
_TIME = (
    r"(?P<ampm1>午前|午後|AM|PM|am|pm)?\s*(?P<H>\d{1,2})[:時](?P<M>\d{2})(?:[:分](?P<S>\d{2}))?"
    r"(?:\.\d+)?秒?\s*(?P<ampm2>AM|PM|am|pm|午前|午後)?"
)
_DATETIME = re.compile(
    rf"^\s*(?:{_DATE_YMD}|{_DATE_MDY}|{_DATE_NAMED})\s*(?:T|,)?\s*{_TIME}\s*(?:JST|\+09:?00)?\s*$"
)


def parse_datetime(text: str) -> dt.datetime | None:
    """The date-times Zoom, Teams and Excel write, or None.

    "11/25/2021 02:28:13 PM", "11/25/21, 2:28:13 PM", "2021/11/25 14:28:13",
    "2021-11-25 14:28", "2021-11-25T14:28:13", "2021/11/25 午後 2:28:13".
    A slashed date with the day first (25/11/2021) is recognised when the first number
    cannot be a month.
    """
    m = _DATETIME.match(text.replace("\u3000", " "))
    if m is None:
        return None
    g = m.groupdict()
    if g["y"]:
        year, month, day = int(g["y"]), int(g["m"]), int(g["d"])
    elif g["mon"]:
        month = _MONTHS.get(g["mon"].lower(), 0)
        year, day = int(g["y3"]), int(g["d3"])
        if not month:
            return None
    else:
        month, day, year = int(g["m2"]), int(g["d2"]), int(g["y2"])
        if year < 100:
            year += 2000
        if month > 12 >= day:
            month, day = day, month
    hour, minute, second = int(g["H"]), int(g["M"]), int(g["S"] or 0)
    marker = (g["ampm1"] or g["ampm2"] or "").upper()
    if marker in ("PM", "午後") and hour < 12:
        hour += 12
    elif marker in ("AM", "午前") and hour == 12:
        hour = 0
    try:
        return dt.datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


_DURATION_UNITS = re.compile(
    r"^\s*(?:(?P<h>\d+)\s*(?:h|hr|hrs|hours?|時間))?\s*(?:(?P<m>\d+)\s*(?:m|min|mins|minutes?|分))?"
    r"\s*(?:(?P<s>\d+)\s*(?:s|sec|secs|seconds?|秒))?\s*$",
    re.IGNORECASE,
)


def parse_duration(text: str) -> int | None:
    """Seconds from "1h 27m 51s", "2 時間 31 分 49 秒", "45" (minutes), "1:27:51"."""
    text = text.strip()
    if not text:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return round(float(text) * 60)
    parts = text.split(":")
    if 2 <= len(parts) <= 3 and all(p.strip().isdigit() for p in parts):
        nums = [int(p) for p in parts] + ([0] if len(parts) == 2 else [])
        return nums[0] * 3600 + nums[1] * 60 + nums[2]
    m = _DURATION_UNITS.match(text)
    if m is None or not any(m.groupdict().values()):
        return None
    return int(m["h"] or 0) * 3600 + int(m["m"] or 0) * 60 + int(m["s"] or 0)


# --- columns ------------------------------------------------------------------------------

# Checked in this order against match_key(header); the first rule that fits names the column.
_COLUMN_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("waiting", ("in waiting room", "待機室")),
    ("upn", ("(upn)", "upn")),
    ("duration", ("duration", "期間", "会議の長さ", "出席時間", "参加時間(分)", "時間(分)", "(分)",
                  "minutes", "会議中の時間")),
    ("join", ("join", "参加時刻", "参加時間", "最初の参加", "初めての参加", "入室")),
    ("leave", ("leave", "退出", "退室")),
    ("email", ("email", "e-mail", "メール", "mail")),
    ("role", ("role", "役割")),
    ("first", ("first name", "given name", "名（名前）")),
    ("last", ("last name", "family name", "surname", "姓")),
    ("name", ("name", "名前", "氏名", "表示名")),
)  # fmt: skip
# Headers about the meeting, not the person (Webex' "Meeting Name", Zoom's "Topic").
_MEETING_WORDS = tuple(
    match_key(w) for w in ("meeting", "webinar", "session name", "topic", "会議", "ミーティング",
                           "ウェビナー", "トピック")
)  # fmt: skip
_ORIGINAL_NAME = tuple(match_key(w) for w in ("original name", "元の名前"))
_COLUMN_KEYS = tuple((col, tuple(match_key(w) for w in words)) for col, words in _COLUMN_RULES)


def column_kind(header: str) -> str | None:
    key = match_key(header)
    if not key:
        return None
    if key in ("attended", "出席", "出席済み"):
        return "attended"
    for col, words in _COLUMN_KEYS:
        if any(w in key for w in words):
            if col in ("name", "first", "last") and any(m in key for m in _MEETING_WORDS):
                return None  # the meeting's name: Webex writes it in every row
            return col
    return None


def map_columns(cells: list[str]) -> dict[str, int]:
    """Which column holds what. Zoom's flat export with meeting data repeats User Email and
    Duration (Minutes): the host's in the meeting columns, then the participant's after
    "Name (Original Name)" — from there on the participant's columns win."""
    found: dict[str, int] = {}
    keys = [match_key(c) for c in cells]
    start = next((i for i, k in enumerate(keys) if any(w in k for w in _ORIGINAL_NAME)), 0)
    for index in [*range(start, len(cells)), *range(start)]:
        kind = column_kind(cells[index])
        if kind is not None and kind not in found:
            found[kind] = index
    return found


def _is_participant_header(cols: dict[str, int]) -> bool:
    named = "name" in cols or ("first" in cols and "last" in cols)
    return named and bool({"join", "duration"} & cols.keys())


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
    kind: str  # "Zoom" / "Teams" / "表"
    format_label: str
    title: str = ""
    meeting_start: dt.datetime | None = None
    meeting_end: dt.datetime | None = None
    host_email: str = ""  # Zoom's preamble names the host's account
    people: list[ReportPerson] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

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
    report = AttendanceReport(table.name, "Zoom", "Zoom ウェビナーの出席者レポート")
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
        raise UserError(f"{table.name} の出席者の表に行がありません。")
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
            raise UserError(
                f"{table.name} の参加者の表が見つかりません（Teams の出席レポートの形式が違います）。"
            )
        (header_index, cols), end = chosen
    else:
        found = _find_header(table, 0, len(table.rows))
        if found is None:
            raise UserError(
                f"{table.name} に参加者の表が見つかりません。Zoom の「参加者」レポートか Teams の"
                "出席レポートを指定してください（見出しに「名前」と「参加時刻」または「期間」が必要です）。"
            )
        header_index, cols = found
        end = len(table.rows)
        report = AttendanceReport(table.name, "表", table.format_label)
        _zoom_preamble(table, header_index, report)
        _flat_export_host(table, header_index, cols, report)
    _refuse_cut_off(table, header_index, end, cols)
    entries = _entries(table, header_index + 1, end, cols, report)
    if not entries:
        raise UserError(f"{table.name} の参加者の表に行がありません。")
    for e in entries:
        if report.host_email and e.email.casefold() == report.host_email.casefold() and not e.role:
            e.role = "Host"
    report.people = group_entries(entries)
    if not report.has_times:
        report.warnings.append(
            "参加・退出の時刻がないため合計時間で判定します（行事の時間外の参加も含まれます）。"
        )
    return report


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
        if _is_participant_header(cols):
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


def _refuse_cut_off(table: Table, header_index: int, end: int, cols: dict[str, int]) -> None:
    """A report saved while it was still downloading ends in the middle of a row: that
    person's leave time or duration is missing, and they would be counted absent."""
    if end != len(table.rows) or "区切り" not in table.format_label:
        return  # another section follows, or a workbook (its rows end where their data ends)
    last = len(table.rows) - 1
    while last > header_index and not any(table.rows[last]):
        last -= 1
    if last <= header_index:
        return
    width = len(table.rows[header_index])
    cells = table.rows[last]
    needed = [cols[k] for k in ("join", "leave", "duration") if k in cols]
    if len(cells) < width and any(col >= len(cells) for col in needed):
        raise UserError(
            f"{table.name} は {table.lines[last]} 行目の途中で終わっています（ダウンロードの途中で"
            "保存されたファイルかもしれません）。その人の参加時間が分からないため取り込みません。"
            "もう一度ダウンロードしてください。何も変更していません。"
        )


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


def _person_name(name: str, first: str, last: str) -> str:
    """The display name, else family and given name as the language writes them."""
    if name or not (first or last):
        return name
    if all(c.isascii() for c in first + last):
        return f"{first} {last}".strip()
    return f"{last} {first}".strip()  # 髙橋 美咲: family name first


def _entries(
    table: Table, start: int, end: int, cols: dict[str, int], report: AttendanceReport
) -> list[ReportEntry]:
    def cell(cells: list[str], kind: str) -> str:
        col = cols.get(kind)
        return cells[col].strip() if col is not None and col < len(cells) else ""

    entries: list[ReportEntry] = []
    unreadable: list[int] = []
    waiting = 0
    for index in range(start, end):
        cells = table.rows[index]
        line = table.lines[index]
        if not any(cells) or _section_of(cells) is not None or _webinar_section(cells):
            if entries:
                break  # the end of this table (Teams: the next section follows)
            continue
        if map_columns(cells) == cols:
            continue  # a repeated header
        if match_key(cell(cells, "waiting")) in ("yes", "はい"):
            waiting += 1
            continue
        if "attended" in cols and match_key(cell(cells, "attended")) in ("no", "いいえ"):
            continue  # registered for the webinar, did not attend
        name = _person_name(cell(cells, "name"), cell(cells, "first"), cell(cells, "last"))
        email = cell(cells, "email") or (cell(cells, "upn") if "@" in cell(cells, "upn") else "")
        join_text, leave_text = cell(cells, "join"), cell(cells, "leave")
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
        entries.append(ReportEntry(line, name, email, join, leave, seconds, cell(cells, "role")))
    if unreadable:
        shown = "、".join(str(n) for n in unreadable[:5])
        report.warnings.append(
            f"{len(unreadable)} 行の参加・退出時刻が読めませんでした（{shown} 行目）。期間の列で判定します。"
        )
    if waiting:
        report.warnings.append(f"待機室にいた {waiting} 行は参加時間に含めません。")
    return entries


def group_entries(entries: list[ReportEntry]) -> list[ReportPerson]:
    """Group rows by e-mail; a row without e-mail joins the one e-mail group with its name."""
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
