"""The attendance list as CSV and XLSX, read back the way a spreadsheet reads it."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from kenshu_desk.database import Database
from kenshu_desk.documents.attendance_export import (
    HEADERS,
    AttendanceRow,
    attendance_csv,
    attendance_rows,
    attendance_xlsx,
    neutralise,
    write_attendance,
)
from kenshu_desk.domain.models import Event, Organisation, Participant, Registration
from kenshu_desk.errors import UserError

DANGEROUS = ['=HYPERLINK("http://x")', "+81-48-000", "-1+1", "@SUM(A1)", "\tTAB", "\rCR"]


def load_event(db: Database, date: dt.date) -> Event:
    with db.session() as s:
        return s.scalars(
            select(Event)
            .where(Event.date == date)
            .options(
                selectinload(Event.registrations)
                .selectinload(Registration.participant)
                .selectinload(Participant.organisation)
                .selectinload(Organisation.municipality)
            )
        ).one()


def test_neutralise():
    assert [neutralise(v)[0] for v in DANGEROUS] == ["'"] * len(DANGEROUS)
    assert neutralise("髙橋　美咲") == "髙橋　美咲"
    assert neutralise("048-000") == "048-000"


def test_demo_event_rows_in_municipality_order(demo_db: Database):
    rows = attendance_rows(load_event(demo_db, dt.date(2021, 11, 25)))
    assert len(rows) == 39
    assert rows[0].organisation == "さいたま市"  # 111007 comes first
    assert {r.state for r in rows} <= {"出席（オンライン）", "欠席", "取消", "申込", "出席（会場）"}
    # Bodies linked to a municipality follow it.
    orgs = [r.organisation for r in rows]
    assert orgs.index("川越市社会福祉協議会") > orgs.index("川越市")


def evil_rows() -> list[AttendanceRow]:
    return [
        AttendanceRow(org, f"氏名{n}", "よみ", org, "", "a@example.jp", "出席（会場）", n)
        for n, org in enumerate(DANGEROUS)
    ] + [AttendanceRow("", "髙橋　美咲", "", "", "", "", "欠席", None)]


def test_csv_is_utf8_with_bom_and_neutralised():
    data = attendance_csv(evil_rows())
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == HEADERS
    assert [r[0] for r in rows[1:-1]] == ["'" + v for v in DANGEROUS]
    assert rows[-1] == ["", "髙橋　美咲", "", "", "", "", "欠席", ""]
    assert b"\r\n" in data


def test_xlsx_header_filter_freeze_widths_and_no_formulas(tmp_path: Path):
    path = tmp_path / "出欠.xlsx"
    path.write_bytes(
        attendance_xlsx(evil_rows(), title="=第2回 情報交換会", subtitle="令和3年11月25日")
    )
    wb = load_workbook(path)  # not data_only: a formula would show as "=…" with type "f"
    ws = wb.active
    assert ws["A1"].value == "'=第2回 情報交換会"
    assert [c.value for c in ws[3]] == list(HEADERS)
    assert ws.freeze_panes == "A4"
    assert ws.auto_filter.ref == f"A3:H{3 + len(evil_rows())}"
    assert ws.column_dimensions["A"].width == 30
    for row in ws.iter_rows(min_row=4):
        for cell in row:
            assert cell.data_type != "f"
    assert ws["A4"].value == DANGEROUS[0] and ws["A4"].data_type == "s"
    assert ws["H5"].value == 1


def test_write_by_suffix(demo_db: Database, tmp_path: Path):
    event = load_event(demo_db, dt.date(2021, 11, 25))
    assert write_attendance(event, tmp_path / "a.csv") == 39
    assert write_attendance(event, tmp_path / "a.xlsx") == 39
    with pytest.raises(UserError, match=r"\.xlsx か \.csv"):
        write_attendance(event, tmp_path / "a.pdf")
