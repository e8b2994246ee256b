"""Teams' first attendance list (2020–2021, "meetingAttendanceList.csv"): one table of
Full Name / User Action / Timestamp, a row per join or leave, no e-mail and no durations.

Each person's Joined ("Joined before" for those already in when the list was taken) opens an
interval and Left closes it; a join never closed lasts until the last time in the list (the
list was downloaded while the meeting went on)."""

from __future__ import annotations

import datetime as dt

from kenshu_desk.domain.japanese import match_key
from kenshu_desk.messages import msg
from kenshu_desk.services.participants.attendance_rows import (
    AttendanceReport,
    ReportEntry,
    group_entries,
)
from kenshu_desk.services.participants.attendance_values import parse_datetime
from kenshu_desk.services.shared.tabular import Table

_NAME = frozenset(match_key(w) for w in ("Full Name", "フル ネーム", "フルネーム", "氏名", "名前"))
_ACTION = frozenset(
    match_key(w) for w in ("User Action", "ユーザーのアクション", "ユーザー操作", "アクション")
)
_TIME = frozenset(match_key(w) for w in ("Timestamp", "タイムスタンプ", "日時"))
_LEFT = tuple(match_key(w) for w in ("left", "退出", "退室"))

# (line, name, join, leave)
LegacyRow = tuple[int, str, dt.datetime, dt.datetime]


def legacy_teams_report(table: Table) -> AttendanceReport | None:
    """The old list as a report, or None when ``table`` is not one (or has no rows).

    It has no role column: the organiser's own account is neither set aside nor guessed; it
    is matched like any row and, matching no registrant, left for the user to decide — the
    report's warning says so and names the account that was in from the start."""
    legacy = legacy_teams_rows(table)
    if not legacy:
        return None
    label = msg("attendance.legacy_teams_list", format=table.format_label)
    report = AttendanceReport(table.name, "Teams", str(label))
    entries = [ReportEntry(line, name, "", a, b, None) for line, name, a, b in legacy]
    report.people = group_entries(entries)
    first = min(entries, key=lambda e: (e.join or dt.datetime.max, e.line))
    report.warnings.append(str(msg("attendance.legacy_teams_no_organiser", name=first.name)))
    return report


def legacy_teams_rows(table: Table) -> list[LegacyRow] | None:
    """The join/leave intervals of the old list, or None when ``table`` is not one."""
    for index, cells in enumerate(table.rows[:20]):
        keys = [match_key(c) for c in cells]
        cols = {}
        for col, key in enumerate(keys):
            for kind, words in (("name", _NAME), ("action", _ACTION), ("time", _TIME)):
                if key in words and kind not in cols:
                    cols[kind] = col
        if len(cols) == 3:
            return _intervals(table, index, cols)
    return None


def _intervals(table: Table, header: int, cols: dict[str, int]) -> list[LegacyRow]:
    events: list[tuple[int, str, bool, dt.datetime]] = []
    for index in range(header + 1, len(table.rows)):
        cells = table.rows[index]
        if len(cells) <= max(cols.values()) or not cells[cols["name"]].strip():
            continue
        when = parse_datetime(cells[cols["time"]])
        if when is None:
            continue
        left = any(w in match_key(cells[cols["action"]]) for w in _LEFT)
        events.append((table.lines[index], cells[cols["name"]].strip(), left, when))
    if not events:
        return []
    end = max(e[3] for e in events)
    open_since: dict[str, tuple[int, dt.datetime]] = {}
    rows: list[LegacyRow] = []
    for line, name, left, when in sorted(events, key=lambda e: (e[3], e[0])):
        if not left:
            open_since.setdefault(name, (line, when))
        elif name in open_since:
            start_line, start = open_since.pop(name)
            rows.append((start_line, name, start, when))
    rows += [(line, name, start, end) for name, (line, start) in open_since.items()]
    return sorted(rows)
