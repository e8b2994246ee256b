"""The year PDF never cuts a box off; the XLSX keeps free text as text; the chart draws."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
from pypdf import PdfReader

from kenshu_desk.documents.progress_report import progress_chart_pdf, progress_xlsx
from kenshu_desk.documents.year_schedule import year_schedule_pdf
from kenshu_desk.services.shared.reference import ensure_municipalities
from kenshu_desk.services.year.dispatches import DispatchInput, add_dispatch
from kenshu_desk.services.year.municipality_records import (
    RecordInput,
    municipalities,
    overview,
    save_record,
)
from kenshu_desk.services.year.progress import progress_table
from kenshu_desk.services.year.year_view import year_plan


def test_a_crowded_month_goes_on_over_pages(db):
    with db.session() as s:
        ensure_municipalities(s)
        towns = municipalities(s)
        for n, town in enumerate(towns):  # 63 hearings in October 2021
            add_dispatch(s, DispatchInput(dt.date(2021, 10, 1 + n % 28), "ヒアリング", town.id))
        cancelled = add_dispatch(s, DispatchInput(dt.date(2021, 11, 2), "研修会", towns[0].id))
        cancelled.cancelled = True
        plan = year_plan(s, 2021)
    assert plan.event_count == 64
    reader = PdfReader(io.BytesIO(year_schedule_pdf(plan, paper="A4")))
    assert len(reader.pages) >= 2
    text = "".join(p.extract_text() for p in reader.pages).replace("\n", "")
    assert "アドバイザー派遣（続き）" in text
    for town in towns:
        assert town.name in text, town.name
    assert "（中止）" in text
    assert f"{len(reader.pages)} / {len(reader.pages)}" in text


def test_year_plan_rows_and_months(demo_db):
    with demo_db.session() as s:
        plan = year_plan(s, 2021)
    assert [line.name for line in plan.lines] == ["アドバイザー派遣", "部会", "研修・情報交換会"]
    training = plan.lines[2].by_month()
    assert [e.date_label for e in training[1]] == ["5/24"]  # May
    assert [e.date_label for e in training[10]] == ["2/24"]  # February
    dispatch = plan.lines[0]
    assert "志木市 勉強会（猪鼻・加藤）" in {e.title for e in dispatch.entries}
    assert plan.calendar_years() == (("令和3年", 9), ("令和4年", 3))


def test_xlsx_keeps_formula_like_text_as_text(db):
    with db.session() as s:
        ensure_municipalities(s)
        town = municipalities(s)[0]
        save_record(s, town.id, 2021, RecordInput(situation='=HYPERLINK("http://x")'))
        data = progress_xlsx(progress_table(s, 2021), overview(s, 2021))
    ws = openpyxl.load_workbook(io.BytesIO(data))["市町村別"]
    cell = ws["J2"]
    assert cell.value == '=HYPERLINK("http://x")' and cell.data_type == "s"


def test_chart_pdf_is_one_page_with_the_totals(demo_db):
    with demo_db.session() as s:
        data = progress_chart_pdf(progress_table(s, 2021))
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    for total in ("30", "32", "40", "48", "全市町村 63"):
        assert total in text
