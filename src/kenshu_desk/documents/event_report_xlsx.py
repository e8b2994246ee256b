"""The 実施報告書 as an Excel workbook the author finishes: the same headings and figures as
the PDF (documents/event_report.py), numbers as numbers (for the office's own charts), and the
所感 left as an empty bordered area to write in. Sheet 市町村別 lists every municipality.

Every text from the data is written as text, never as a formula (a title or a comment that
begins with "=" stays what it is).
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

from kenshu_desk.documents.event_report import (
    municipalities_line,
    participants_line,
    place_text,
    report_title,
)
from kenshu_desk.domain.event_report import CATEGORY_ORDER, EventReport, Tally

_THIN = Side(style="thin", color="888888")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="E4E8EE")
_WRAP = Alignment(wrap_text=True, vertical="top")
IMPRESSION_ROWS = 10
TALLY_HEADS = ("申込", "会場", "オンライン", "欠席", "未記録")


class _Sheet:
    def __init__(self, ws: Worksheet) -> None:
        self.ws = ws
        self.row = 1

    def text(self, col: int, value: str, *, bold: bool = False, border: bool = False) -> None:
        c = self.ws.cell(row=self.row, column=col, value=value)
        c.data_type = "s"  # never a formula
        c.alignment = _WRAP
        if bold:
            c.font = Font(bold=True)
        if border:
            c.border = _BORDER

    def number(self, col: int, value: float, fmt: str = "0") -> None:
        c = self.ws.cell(row=self.row, column=col, value=value)
        c.number_format = fmt
        c.border = _BORDER

    def head(self, values: Sequence[str], start: int = 2) -> None:
        for col, value in enumerate(values, start=start):
            self.text(col, value, bold=True, border=True)
            self.ws.cell(row=self.row, column=col).fill = _HEAD_FILL
        self.next()

    def heading(self, number: int, text: str) -> None:
        self.text(1, f"{number}　{text}", bold=True)

    def next(self, n: int = 1) -> None:
        self.row += n


def _tally_row(sheet: _Sheet, label: str, t: Tally) -> None:
    sheet.text(2, label, border=True)
    for col, n in enumerate((t.registered, t.venue, t.online, t.absent, t.unrecorded), start=3):
        sheet.number(col, n)
    sheet.next()


def event_report_xlsx(report: EventReport) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "実施報告"
    sheet = _Sheet(ws)
    sheet.text(7, "令和　　年　　月　　日")
    sheet.next()
    sheet.text(1, report_title(report))
    ws.cell(row=sheet.row, column=1).font = Font(size=14, bold=True)
    sheet.next(2)
    for number, label, value in (
        (1, "日時", f"{report.date}　{report.time}"),
        (2, "場所", place_text(report)),
        (3, "対象", report.audience or "（記録なし）"),
        (4, "参加者", participants_line(report)),
    ):
        sheet.heading(number, label)
        sheet.text(2, value)
        ws.merge_cells(start_row=sheet.row, start_column=2, end_row=sheet.row, end_column=7)
        sheet.next()
    sheet.heading(5, "内容")
    sheet.next()
    sheet.head(("時間", "内容", "講師・発表者"))
    for line in report.programme:
        sheet.text(2, f"{line.time} {line.minutes}", border=True)
        sheet.text(3, line.title, border=True)
        sheet.text(4, "\n".join(line.presenters), border=True)
        ws.merge_cells(start_row=sheet.row, start_column=4, end_row=sheet.row, end_column=7)
        sheet.next()
    sheet.next()
    sheet.heading(6, "結果")
    sheet.next()
    sheet.text(1, "(1) 参加者の内訳")
    sheet.next()
    sheet.head(("区分", *TALLY_HEADS))
    for name in CATEGORY_ORDER:
        _tally_row(sheet, name, report.by_category[name])
    _tally_row(sheet, "計", report.total)
    if report.attendance_rate is not None and report.attendance_recorded:
        sheet.text(2, "出席率")
        sheet.number(3, report.attendance_rate / 100, "0.0%")
        sheet.next()
    sheet.next()
    sheet.text(1, "(2) 市町村の参加状況")
    sheet.text(2, municipalities_line(report))
    sheet.next()
    taking = report.municipalities_taking_part
    if taking:
        sheet.text(2, "、".join(m.name for m in taking))
        ws.merge_cells(start_row=sheet.row, start_column=2, end_row=sheet.row, end_column=7)
        sheet.next()
    sheet.next()
    sheet.text(1, "(3) 動画の配信")
    _recordings(sheet, report)
    sheet.next()
    sheet.text(1, "(4) アンケート")
    _survey(sheet, report)
    for note in report.notes:
        sheet.text(2, f"※ {note}")
        sheet.next()
    sheet.next()
    sheet.heading(7, "所感")
    sheet.next()
    first = sheet.row
    ws.merge_cells(
        start_row=first, start_column=2, end_row=first + IMPRESSION_ROWS - 1, end_column=7
    )
    for r in range(first, first + IMPRESSION_ROWS):
        for col in range(2, 8):
            ws.cell(row=r, column=col).border = _BORDER
    ws.cell(row=first, column=2).alignment = _WRAP
    for letter, width in zip("ABCDEFG", (12, 24, 30, 12, 12, 12, 14), strict=True):
        ws.column_dimensions[letter].width = width
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    _municipality_sheet(wb, report)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _recordings(sheet: _Sheet, report: EventReport) -> None:
    if not report.recordings:
        sheet.text(2, "なし")
        sheet.next()
        return
    sheet.next()
    sheet.head(("動画", "送付済み", "送信失敗", "送信待ち・不明", "未送付の申込者"))
    for r in report.recordings:
        sheet.text(2, r.url, border=True)
        for col, n in enumerate((r.received, r.failed, r.waiting, r.not_reached), start=3):
            sheet.number(col, n)
        sheet.next()


def _survey(sheet: _Sheet, report: EventReport) -> None:
    if report.survey is None:
        sheet.text(2, "取り込まれていません")
        sheet.next()
        return
    sheet.next()
    for n, q in enumerate(report.survey, 1):
        sheet.text(2, f"問{n}　{q.title}")
        sheet.text(3, f"回答 {q.respondents} 名")
        sheet.next()
        if q.kind == "text":
            for comment in q.comments:
                sheet.text(3, comment)
                sheet.next()
            continue
        for choice in q.choices:
            sheet.text(3, choice.label, border=True)
            sheet.number(4, choice.count)
            sheet.number(5, choice.percent / 100, "0.0%")
            sheet.next()
        if q.mean is not None:
            sheet.text(3, "平均", border=True)
            sheet.number(4, q.mean, "0.00")
            sheet.next()


def _municipality_sheet(wb: Workbook, report: EventReport) -> None:
    ws = wb.create_sheet("市町村別")
    sheet = _Sheet(ws)
    sheet.head(("団体コード", "市町村", *TALLY_HEADS), start=1)
    for m in report.municipalities:
        sheet.text(1, m.lgcode, border=True)
        sheet.text(2, m.name, border=True)
        t = m.tally
        for col, n in enumerate((t.registered, t.venue, t.online, t.absent, t.unrecorded), 3):
            sheet.number(col, n)
        sheet.next()
    ws.freeze_panes = "C2"
    ws.auto_filter.ref = f"A1:G{len(report.municipalities) + 1}"
    for letter, width in zip("ABCDEFG", (11, 14, 8, 8, 10, 8, 8), strict=True):
        ws.column_dimensions[letter].width = width
