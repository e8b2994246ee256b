"""Teams' attendance report v2: numbered sections 1. Summary (1. 要約 / 1. 概要) /
2. Participants (2. 参加者) / 3. In-Meeting Activities (3. 会議中のアクティビティ), UTF-16 or
UTF-8, CSV or XLSX. The old single list (Full Name / User Action / Timestamp) is read in
attendance_legacy."""

from __future__ import annotations

from kenshu_desk.domain.japanese import match_key
from kenshu_desk.errors import UserError
from kenshu_desk.services.participants.attendance_rows import (
    END_KEYS,
    START_KEYS,
    TITLE_KEYS,
    AttendanceReport,
    find_header,
    has_data,
    section_of,
)
from kenshu_desk.services.participants.attendance_values import (
    SUPPORTED_TEXT,
    parse_datetime,
    what_was_found,
)
from kenshu_desk.services.shared.tabular import Table


def section_ranges(sections: dict[str, int], total: int) -> dict[str, tuple[int, int]]:
    starts = sorted(sections.values())
    out = {}
    for kind, start in sections.items():
        later = [s for s in starts if s > start]
        out[kind] = (start, later[0] if later else total)
    return out


def teams_summary(table: Table, sections: dict[str, int], report: AttendanceReport) -> None:
    if "summary" not in sections:
        return
    for cells in table.rows[sections["summary"] + 1 :]:
        if section_of(cells) is not None:
            break
        if len(cells) < 2:
            continue
        key, value = match_key(cells[0]), cells[1]
        if key in TITLE_KEYS:
            report.title = value
        elif key in START_KEYS:
            report.meeting_start = parse_datetime(value)
        elif key in END_KEYS:
            report.meeting_end = parse_datetime(value)


def teams_table(
    table: Table, sections: dict[str, int]
) -> tuple[AttendanceReport, int, dict[str, int], int]:
    """The report with its summary, and the table to read: (report, header row, columns, end).
    In-Meeting Activities (one row per join/leave) when it has rows, else Participants."""
    report = AttendanceReport(table.name, "Teams", table.format_label)
    teams_summary(table, sections, report)
    ranges = section_ranges(sections, len(table.rows))
    for kind in ("activities", "participants"):
        if kind in ranges:
            start, end = ranges[kind]
            found = find_header(table, start + 1, end)
            if found is not None and has_data(table, found[0] + 1, end):
                return report, found[0], found[1], end
    raise UserError.of(
        "attendance.teams_without_table",
        name=table.name,
        found=what_was_found(table),
        supported=SUPPORTED_TEXT,
    )
