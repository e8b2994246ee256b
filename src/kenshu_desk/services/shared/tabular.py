"""A table of cells from a CSV, TSV or XLSX file, whatever the file is called.

The format is decided by the first bytes, not the file name: people rename files, and a
Zoom report "saved from Excel" may be either. Every cell becomes a string (the importers
validate text), and every row keeps the line or row number the user sees in Excel or an
editor, so an error can say "12 行目".
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kenshu_desk.messages import Worded, msg
from kenshu_desk.services.shared.textfile import (
    MAX_TEXT_BYTES,
    OLE_MAGIC,
    ZIP_MAGIC,
    FileFormatError,
    check_size,
    decode_bytes,
    parse_delimited,
    read_bytes,
    sniff_delimiter,
)

Progress = Callable[[int, int], None]  # (done, total)


@dataclass
class Table:
    """Rows of text cells, stripped; ``lines[i]`` is the 1-based line/row number of ``rows[i]``."""

    name: str
    format_label: Worded  # e.g. "CSV（Shift_JIS（cp932）、コンマ区切り）", "Excel ブック（シート: 名簿）"
    rows: list[list[str]]
    lines: list[int]
    # Excel's phonetic runs (what =PHONETIC() shows) of cell texts that have them.
    phonetic: dict[str, str] = field(default_factory=dict)
    # A text file's last line ended with a line break (always so for a whole report saved by
    # Zoom, Teams or Webex; a file saved while still downloading may stop mid-cell).
    ends_with_line_break: bool = True
    # Columns (0-based) the workbook keeps hidden: not offered as a list's columns.
    hidden_columns: frozenset[int] = frozenset()

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def is_blank(self) -> bool:
        return not any(any(c.strip() for c in row) for row in self.rows)


def cell_text(value: Any) -> str:
    """A cell value as the user sees it, without Excel's float noise (4.0 → "4")."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        total = int(value.total_seconds())
        return f"{total // 3600}:{total % 3600 // 60:02d}:{total % 60:02d}"
    return str(value)


def read_table(path: Path, progress: Progress | None = None) -> Table:
    """Read ``path`` as a table; FileFormatError (naming the file) when it cannot be read."""
    size = check_size(path)
    try:
        with path.open("rb") as f:
            head = f.read(8)
    except OSError as exc:
        raise FileFormatError.of(
            "textfile.cannot_read", path=path.name, reason=exc.strerror
        ) from exc
    if size == 0:
        raise FileFormatError.of("tabular.empty_file", name=path.name)
    if head.startswith(ZIP_MAGIC):
        check_workbook_limits(path)
        table = _read_xlsx(path, progress)
    elif head.startswith(OLE_MAGIC):
        raise FileFormatError.of("textfile.old_excel", name=path.name)
    else:
        data = read_bytes(path)
        _refuse_calendar(data, path.name)
        table = read_text_table(data, path.name)
    if table.is_blank():
        raise FileFormatError.of("tabular.no_data", name=path.name)
    return table


def _refuse_calendar(data: bytes, name: str) -> None:
    """A calendar file (.ics) is not a table: say what it is instead of "no table found"."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf").lstrip()
    if not head.upper().startswith(b"BEGIN:VCALENDAR"):
        return
    if b"METHOD:REPLY" in data.upper():
        raise FileFormatError.of("tabular.calendar_reply", name=name)
    raise FileFormatError.of("tabular.calendar", name=name)


def read_text_table(data: bytes, name: str) -> Table:
    decoded = decode_bytes(data, name)
    delimiter = sniff_delimiter(decoded.text)
    records = parse_delimited(decoded.text, name, delimiter)
    tab = delimiter == "\t"
    label = decoded.label
    kind = Worded("タブ区切り", "tab-separated") if tab else Worded("コンマ区切り", "comma-separated")
    return Table(
        name=name,
        format_label=Worded(
            f"CSV（{label}、{kind}）", f"CSV ({label.text('en')}, {kind.text('en')})"
        ),
        rows=[[c.strip() for c in row] for _, row in records],
        lines=[line for line, _ in records],
        ends_with_line_break=decoded.text.endswith(("\n", "\r")),
    )


# What a participant list or an attendance report can reasonably be, unpacked: 200 MB of XML
# is some 500,000 rows; a zip bomb (3 MB → 900 MB) or a 1 GB shared string is refused before
# openpyxl spends minutes and gigabytes on it.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_PART_BYTES = 100 * 1024 * 1024
MAX_ROWS = 200_000
MAX_COLUMNS = 500


def check_workbook_limits(path: Path) -> None:
    """Refuse a workbook whose unpacked size no participant list has, from the zip's
    directory (nothing is unpacked); rows and columns are counted while reading."""
    too_big = msg("tabular.unpacked_too_large", name=path.name)
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            if sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES or any(
                i.file_size > MAX_PART_BYTES for i in infos
            ):
                raise FileFormatError(too_big)
    except zipfile.BadZipFile as exc:
        raise FileFormatError.of("tabular.broken_workbook", name=path.name) from exc


def _read_xlsx(path: Path, progress: Progress | None) -> Table:
    # openpyxl is imported here: reading a CSV should not pay for it.
    from openpyxl import load_workbook

    broken = msg("tabular.broken_workbook", name=path.name)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise FileFormatError(broken) from exc
    except Exception as exc:  # openpyxl raises assorted XML errors for damaged parts
        raise FileFormatError(broken) from exc
    try:
        sheet = _first_sheet_with_data(workbook)
        if sheet is None:
            raise FileFormatError.of("tabular.no_sheet_with_data", name=path.name)
        # The stored dimension is often wrong in files written by other tools; ignore it.
        sheet.reset_dimensions()
        rows: list[list[str]] = []
        lines: list[int] = []
        try:
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                if number > MAX_ROWS:
                    raise FileFormatError.of(
                        "tabular.too_many_rows", name=path.name, limit=MAX_ROWS
                    )
                if len(values) > MAX_COLUMNS:
                    if any(v not in (None, "") for v in values[MAX_COLUMNS:]):
                        raise FileFormatError.of(
                            "tabular.too_many_columns",
                            name=path.name,
                            row=number,
                            limit=MAX_COLUMNS,
                        )
                    values = values[:MAX_COLUMNS]
                rows.append([cell_text(v).strip() for v in values])
                lines.append(number)
                if progress is not None and number % 1000 == 0:
                    progress(number, 0)
        except FileFormatError:
            raise
        except Exception as exc:
            raise FileFormatError(broken) from exc
        # Trailing blank rows (formatted but empty) are not data.
        while rows and not any(rows[-1]):
            rows.pop()
            lines.pop()
        return Table(
            name=path.name,
            format_label=Worded(
                f"Excel ブック（シート: {sheet.title}）", f"Excel workbook (sheet: {sheet.title})"
            ),
            rows=rows,
            lines=lines,
            phonetic=phonetic_runs(path),
            hidden_columns=hidden_columns(path, getattr(sheet, "_worksheet_path", "")),
        )
    finally:
        workbook.close()


_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
PHONETIC_PART_LIMIT = 64 * 1024 * 1024  # bytes of sharedStrings.xml, unpacked


def phonetic_runs(path: Path) -> dict[str, str]:
    """Cell text → its reading as Excel keeps it: the phonetic runs (<rPh>) Excel stores in
    the shared strings for text typed through the Japanese IME (what =PHONETIC() shows).
    openpyxl drops them, so sharedStrings.xml is read here; a part too large is skipped."""
    import xml.etree.ElementTree as ET

    try:
        with zipfile.ZipFile(path) as z:
            info = z.getinfo("xl/sharedStrings.xml")
            if info.file_size > PHONETIC_PART_LIMIT:
                return {}
            data = z.read(info)
        root = ET.fromstring(data)
    except (KeyError, zipfile.BadZipFile, OSError, ET.ParseError):
        return {}
    out: dict[str, str] = {}
    for si in root.iter(f"{_MAIN_NS}si"):
        runs = si.findall(f"{_MAIN_NS}rPh")
        if not runs:
            continue
        text = "".join(t.text or "" for t in si.findall(f"{_MAIN_NS}t"))
        text += "".join(
            t.text or "" for r in si.findall(f"{_MAIN_NS}r") for t in r.iter(f"{_MAIN_NS}t")
        )
        pieces, at = [], 0
        for run in sorted(runs, key=lambda r: int(r.get("sb", "0"))):
            sb, eb = int(run.get("sb", "0")), int(run.get("eb", "0"))
            if sb < at or eb > len(text) or eb < sb:
                break  # runs that do not fit the text: keep what was read so far
            pieces.append(text[at:sb])
            pieces.append("".join(t.text or "" for t in run.iter(f"{_MAIN_NS}t")))
            at = eb
        pieces.append(text[at:])
        reading = "".join(pieces).strip()
        if text.strip() and reading and reading != text.strip():
            out.setdefault(text.strip(), reading)
    return out


def hidden_columns(path: Path, part: str) -> frozenset[int]:
    """The columns a sheet hides (<cols><col min max hidden="1">), read from the part's start
    only: openpyxl's read-only mode does not load column dimensions."""
    import xml.etree.ElementTree as ET

    out: set[int] = set()
    try:
        with zipfile.ZipFile(path) as z, z.open(part.lstrip("/")) as f:
            for _event, elem in ET.iterparse(f, events=("start",)):
                if elem.tag == f"{_MAIN_NS}sheetData":
                    break  # <cols> comes before the cells
                if elem.tag == f"{_MAIN_NS}col" and elem.get("hidden") in ("1", "true"):
                    low, high = int(elem.get("min", "0")), int(elem.get("max", "0"))
                    out.update(range(low - 1, min(high, MAX_COLUMNS)))
    except (KeyError, zipfile.BadZipFile, OSError, ET.ParseError, ValueError):
        return frozenset()
    return frozenset(out)


def _first_sheet_with_data(workbook: Any) -> Any:
    """The active sheet if it has cells, else the first worksheet that has."""
    sheets = [workbook.active, *workbook.worksheets]
    for sheet in sheets:
        if sheet is None or not hasattr(sheet, "iter_rows"):
            continue  # chart sheets
        sheet.reset_dimensions()
        for values in sheet.iter_rows(values_only=True, max_row=50):
            if any(v not in (None, "") for v in values):
                return sheet
    return None


__all__ = ["MAX_TEXT_BYTES", "FileFormatError", "Table", "cell_text", "read_table"]
