"""The delivery log of an event's recording links as CSV (UTF-8 with BOM) or XLSX.

Same conventions as the attendance list (documents/attendance_export.py): BOM and CRLF for
Excel on a Japanese Windows, and cells that look like formulas neutralised.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from kenshu_desk.atomic_file import write_atomically
from kenshu_desk.documents.attendance_export import FORMULA_PREFIXES, neutralise
from kenshu_desk.errors import UserError


class DeliveryEntry(Protocol):
    """One row of the delivery log as the writer needs it (services.recordings.recording_log
    makes them); a protocol so that documents/ does not import services/."""

    @property
    def recipient(self) -> str: ...
    @property
    def address(self) -> str: ...
    @property
    def url(self) -> str: ...
    @property
    def method_label(self) -> str: ...
    @property
    def status_label(self) -> str: ...
    @property
    def local_time(self) -> str: ...
    @property
    def note(self) -> str: ...


HEADERS = ("氏名", "アドレス", "動画URL", "方法", "結果", "日時", "備考")
# The sheet's title after the event's: the file is in Japanese like its headers and labels.
TITLE_SUFFIX = "動画配信記録"
COLUMN_WIDTHS = (20, 32, 40, 14, 14, 18, 40)


def _cells(entry: DeliveryEntry) -> list[str]:
    when = entry.local_time
    return [
        entry.recipient,
        entry.address,
        entry.url,
        entry.method_label,
        entry.status_label,
        when,
        entry.note,
    ]


def log_csv(entries: Sequence[DeliveryEntry]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADERS)
    for entry in entries:
        writer.writerow([neutralise(v) for v in _cells(entry)])
    return out.getvalue().encode("utf-8-sig")


def log_xlsx(entries: Sequence[DeliveryEntry], *, title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "動画配信記録"
    wb.properties.title = title
    ws["A1"] = neutralise(title)
    ws["A1"].font = Font(bold=True, size=13)
    header_row = 3
    for col, text in enumerate(HEADERS, start=1):
        cell = ws.cell(row=header_row, column=col, value=text)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    n = header_row
    for n, entry in enumerate(entries, start=header_row + 1):
        for col, value in enumerate(_cells(entry), start=1):
            cell = ws.cell(row=n, column=col)
            cell.value = value
            cell.data_type = "s"  # never a formula
            if value.startswith(FORMULA_PREFIXES):
                cell.quotePrefix = True
    for col, width in enumerate(COLUMN_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(len(HEADERS))}{max(n, header_row)}"
    ws.freeze_panes = f"A{header_row + 1}"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def write_log(entries: Sequence[DeliveryEntry], path: Path, *, title: str) -> int:
    """CSV or XLSX by the file's suffix; returns the number of rows."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        data = log_csv(entries)
    elif suffix == ".xlsx":
        data = log_xlsx(entries, title=title)
    else:
        raise UserError.of("documents.delivery_log_format", name=path.name)
    write_atomically(path, data)
    return len(entries)
