"""Zoom's layouts: the meeting preamble above the participant table (Meeting ID / Topic / Start
Time … and the host's User Email), the flat export "with meeting data" (the host's columns
first), the webinar attendee report (ホストの詳細 / パネリストの詳細 / 出席者の詳細, each section
with its own header) and the webinar registration report, which is refused."""

from __future__ import annotations

from kenshu_desk.domain.japanese import match_key
from kenshu_desk.errors import UserError
from kenshu_desk.messages import msg
from kenshu_desk.services.participants.attendance_rows import (
    END_KEYS,
    START_KEYS,
    TITLE_KEYS,
    AttendanceReport,
    ReportEntry,
    find_header,
    group_entries,
    keyset,
    read_entries,
)
from kenshu_desk.services.participants.attendance_values import column_kind, parse_datetime
from kenshu_desk.services.shared.tabular import Table

_EMAIL_KEYS = keyset("User Email", "ユーザーメール", "Email", "メール")
_MEETING_ID_KEYS = keyset(
    "Meeting ID", "ミーティングID", "ミーティング ID", "Webinar ID", "ウェビナーID"
)
_ZOOM_MARKS = tuple(
    match_key(w) for w in ("(Original Name)", "(元の名前)", "ユーザーメール", "User Email")
)


# Zoom webinar reports: one table per section, each with its own header row.
_WEBINAR_ROLES = {"host": "Host", "panelist": "Panelist", "attendee": ""}


def parse_webinar(table: Table, sections: list[tuple[int, str]]) -> AttendanceReport:
    report = AttendanceReport(table.name, "Zoom", str(msg("attendance.zoom_webinar_report")))
    zoom_preamble(table, sections[0][0], report)
    report.kind = "Zoom"
    entries: list[ReportEntry] = []
    bounds = [start for start, _ in sections] + [len(table.rows)]
    for (start, kind), end in zip(sections, bounds[1:], strict=True):
        found = find_header(table, start + 1, end)
        if found is None:
            continue
        header_index, cols = found
        section = read_entries(table, header_index + 1, end, cols, report)
        for e in section:
            e.role = e.role or _WEBINAR_ROLES[kind]
        entries += section
    if not entries:
        raise UserError.of("attendance.no_attendee_rows", name=table.name)
    report.people = group_entries(entries)
    return report


_REGISTRATION_TITLES = keyset(
    "Registration Report", "登録レポート", "登録者レポート", "登録者の詳細"
)
_REGISTRATION_COLUMNS = keyset("Registration Time", "Approval Status", "登録時間", "承認ステータス")


def is_registration_report(table: Table) -> bool:
    """Zoom's webinar registration report: who signed up, not who attended."""
    if any(cells and match_key(cells[0]) in _REGISTRATION_TITLES for cells in table.rows[:3]):
        return True
    if find_header(table, 0, len(table.rows)) is not None:
        return False  # an attendee report also has Registration Time; it has join times too
    for cells in table.rows[:40]:
        keys = {match_key(c) for c in cells if c.strip()}
        if len(keys & _REGISTRATION_COLUMNS) >= 2:
            return True
    return False


def zoom_preamble(table: Table, header_index: int, report: AttendanceReport) -> None:
    for index in range(header_index):
        keys = [match_key(c) for c in table.rows[index]]
        if not any(k in _MEETING_ID_KEYS for k in keys):
            continue
        report.kind = "Zoom"
        values = table.rows[index + 1] if index + 1 < header_index else []
        for col, key in enumerate(keys):
            value = values[col] if col < len(values) else ""
            if key in TITLE_KEYS:
                report.title = value
            elif key in START_KEYS:
                report.meeting_start = parse_datetime(value)
            elif key in END_KEYS:
                report.meeting_end = parse_datetime(value)
            elif key in _EMAIL_KEYS and "@" in value:
                report.host_email = value
        return
    headers = "".join(match_key(c) for c in table.rows[header_index])
    if any(mark in headers for mark in _ZOOM_MARKS):
        report.kind = "Zoom"


def flat_export_host(
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
