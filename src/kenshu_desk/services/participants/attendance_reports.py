"""Reading online-meeting attendance reports: which layout a file has, and its rows.

Every tool's report varies by version and UI language, so nothing depends on a fixed layout;
each is recognised by its own structure, section by section, or refused naming the formats read:

* Zoom (attendance_zoom): participant exports with or without the meeting preamble, the
  flat export "with meeting data", the webinar attendee report (sections Host / Panelist /
  Attendee Details, ホストの詳細 / パネリストの詳細 / 出席者の詳細); the webinar registration
  report is refused.
* Teams (attendance_teams): "1. Summary" / "2. Participants" / "3. In-Meeting Activities" or
  「1. 要約」/「1. 概要」「2. 参加者」「3. 会議中のアクティビティ」; the old single list
  (attendance_legacy).
* Webex attendee reports and Google Meet attendance (English and Japanese UI): one flat
  participant table, named by the header words only that tool writes (attendance_values).

The header row is found by keywords (DESIGN.md "Attendance reports"); rows are read and
grouped into people in attendance_rows. Minutes are computed later by merging intervals
(``attendance_matching``), never by adding durations.
"""

from __future__ import annotations

from pathlib import Path

from kenshu_desk.errors import UserError
from kenshu_desk.messages import msg
from kenshu_desk.services.participants.attendance_legacy import legacy_teams_report
from kenshu_desk.services.participants.attendance_rows import (
    AttendanceReport,
    Interval,
    ReportEntry,
    ReportPerson,
    find_header,
    group_entries,
    read_entries,
    section_of,
    webinar_section,
)
from kenshu_desk.services.participants.attendance_teams import teams_table
from kenshu_desk.services.participants.attendance_values import (
    SET_ASIDE_REASONS,
    SUPPORTED_TEXT,
    SetAsideRow,
    column_kind,
    is_room_account,
    map_columns,
    parse_datetime,
    parse_duration,
    refuse_cut_off,
    tool_of,
    what_was_found,
)
from kenshu_desk.services.participants.attendance_zoom import (
    flat_export_host,
    is_registration_report,
    parse_webinar,
    zoom_preamble,
)
from kenshu_desk.services.shared.tabular import Table, read_table

__all__ = [
    "SET_ASIDE_REASONS",
    "AttendanceReport",
    "Interval",
    "ReportEntry",
    "ReportPerson",
    "SetAsideRow",
    "column_kind",
    "group_entries",
    "is_room_account",
    "map_columns",
    "parse_datetime",
    "parse_duration",
    "parse_report_file",
    "parse_table",
]


def parse_table(table: Table) -> AttendanceReport:
    """The report in ``table``; UserError when no participant table is found."""
    sections: dict[str, int] = {}
    for index, cells in enumerate(table.rows):
        kind = section_of(cells)
        if kind is not None:
            sections.setdefault(kind, index)
    if is_registration_report(table):
        raise UserError.of("attendance.registration_report", name=table.name)
    webinar = [(i, k) for i, cells in enumerate(table.rows) if (k := webinar_section(cells))]
    if webinar:
        return parse_webinar(table, webinar)
    if "participants" in sections or "activities" in sections:
        report, header_index, cols, end = teams_table(table, sections)
    else:
        found = find_header(table, 0, len(table.rows))
        legacy = legacy_teams_report(table) if found is None else None
        if legacy is not None:
            return legacy
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
        zoom_preamble(table, header_index, report)
        flat_export_host(table, header_index, cols, report)
    refuse_cut_off(table, header_index, end, cols)
    entries = read_entries(table, header_index + 1, end, cols, report)
    if not entries:
        raise UserError.of("attendance.no_participant_rows", name=table.name)
    for e in entries:
        if report.host_email and e.email.casefold() == report.host_email.casefold() and not e.role:
            e.role = "Host"
    report.people = group_entries(entries)
    if not report.has_times:
        report.warnings.append(str(msg("attendance.no_times")))
    return report


def parse_report_file(path: Path) -> AttendanceReport:
    return parse_table(read_table(path))
