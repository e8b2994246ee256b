"""The attendance list of an event as CSV (UTF-8 with BOM) or XLSX.

One row per registration: 所属, 氏名, ふりがな, 部署, 職名, メールアドレス, 出欠, オンライン参加（分）,
ordered as prefecture offices list municipalities (by 地方公共団体コード, the bodies linked to a
municipality right after it), then by reading in 五十音 order.

Cells that begin with = + - @ (or a tab / carriage return) would be read as a formula by
Excel and other spreadsheets (CSV injection): in CSV they get a leading apostrophe; in XLSX
they are stored as text, never as a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import astuple, dataclass
from pathlib import Path

from kenshu_desk.atomic_file import write_atomically
from kenshu_desk.domain.japanese import reading_sort_key, wareki
from kenshu_desk.domain.models import ATTENDANCE_LABELS, AttendanceState, Event, Registration
from kenshu_desk.errors import UserError

HEADERS = (
    "所属",
    "氏名",
    "ふりがな",
    "部署",
    "職名",
    "メールアドレス",
    "出欠",
    "オンライン参加（分）",
)
COLUMN_WIDTHS = (30, 18, 20, 28, 16, 32, 18, 12)  # in characters, for Japanese text at 11 pt
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class AttendanceRow:
    organisation: str
    name: str
    reading: str
    department: str
    title: str
    email: str
    state: str  # the Japanese label
    minutes_online: int | None


def neutralise(value: str) -> str:
    """A text cell that a spreadsheet will not evaluate."""
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def _state_label(state: str) -> str:
    try:
        return ATTENDANCE_LABELS[AttendanceState(state)]
    except ValueError:
        return state


def _order(reg: Registration) -> tuple:
    p = reg.participant
    org = p.organisation
    if org is None:
        return ("~", 1, "", reading_sort_key(p.reading, p.name))
    municipality = org if org.lgcode else org.municipality
    code = municipality.lgcode if municipality is not None and municipality.lgcode else "~"
    return (code, 0 if org.lgcode else 1, org.name, reading_sort_key(p.reading, p.name))


def attendance_rows(event: Event) -> list[AttendanceRow]:
    """Rows of ``event`` (registrations, participants and organisations loaded)."""
    out = []
    for reg in sorted(event.registrations, key=_order):
        p = reg.participant
        out.append(
            AttendanceRow(
                organisation=p.organisation_name,
                name=p.name,
                reading=p.reading,
                department=p.department,
                title=p.title,
                email=p.email,
                state=_state_label(reg.state),
                minutes_online=reg.minutes_online,
            )
        )
    return out


def attendance_csv(rows: Iterable[AttendanceRow]) -> bytes:
    """UTF-8 with BOM and CRLF: what Excel opens correctly on a Japanese Windows."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADERS)
    for row in rows:
        writer.writerow(
            ["" if v is None else neutralise(v) if isinstance(v, str) else v for v in astuple(row)]
        )
    return out.getvalue().encode("utf-8-sig")


def attendance_xlsx(rows: Iterable[AttendanceRow], *, title: str, subtitle: str = "") -> bytes:
    """A workbook: the event on row 1, the header on row 3 (frozen, filtered), widths set."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "出欠"
    wb.properties.title = title
    ws["A1"] = neutralise(title)
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = neutralise(subtitle)
    header_row = 3
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for col, text in enumerate(HEADERS, start=1):
        cell = ws.cell(row=header_row, column=col, value=text)
        cell.font = bold
        cell.fill = fill
        cell.alignment = Alignment(horizontal="center", vertical="center")
    n = header_row
    for n, row in enumerate(rows, start=header_row + 1):
        for col, value in enumerate(astuple(row), start=1):
            cell = ws.cell(row=n, column=col)
            if isinstance(value, str):
                cell.value = value
                cell.data_type = "s"  # never a formula, whatever the text begins with
                if value.startswith(FORMULA_PREFIXES):
                    cell.quotePrefix = True
            else:
                cell.value = value
    for col, width in enumerate(COLUMN_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    last = get_column_letter(len(HEADERS))
    ws.auto_filter.ref = f"A{header_row}:{last}{max(n, header_row)}"
    ws.freeze_panes = f"A{header_row + 1}"
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def event_subtitle(event: Event) -> str:
    return f"{wareki(event.date)} {event.start_time:%H:%M}～{event.end_time:%H:%M}　{event.kind}"


def write_attendance(event: Event, path: Path) -> int:
    """Write ``event``'s attendance list to ``path`` (.xlsx or .csv); returns the row count."""
    rows = attendance_rows(event)
    suffix = path.suffix.casefold()
    if suffix == ".xlsx":
        data = attendance_xlsx(rows, title=event.title, subtitle=event_subtitle(event))
    elif suffix == ".csv":
        data = attendance_csv(rows)
    else:
        raise UserError.of("documents.attendance_format", name=path.name)
    write_atomically(path, data)
    return len(rows)


__all__ = [
    "HEADERS",
    "AttendanceRow",
    "astuple",
    "attendance_csv",
    "attendance_rows",
    "attendance_xlsx",
    "neutralise",
    "write_attendance",
]
