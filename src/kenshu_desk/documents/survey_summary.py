"""The survey summary (アンケート集計) as an A4 PDF with bar charts, and as an XLSX.

Per question: its title and number of answers; for choices and scales a horizontal bar per
choice with "n 名（p%）" beside it (the figures as text, not only as bars) and a scale's mean;
free comments listed. Counts come from domain/survey.py; nothing is counted here.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer

from kenshu_desk.documents.fonts import GOTHIC, MINCHO, EmbeddedFontCanvas, register_fonts
from kenshu_desk.documents.layout import build_pdf, markup
from kenshu_desk.domain.event_report import SurveyQuestion
from kenshu_desk.domain.japanese import wareki
from kenshu_desk.domain.survey import mean_text

KIND_LABELS = {"single": "単一選択", "multiple": "複数選択", "scale": "評価", "text": "自由記述"}
BAR_FILL = colors.Color(0.27, 0.45, 0.70)
LABEL_SIZE = 9
ROW = 15  # points per bar


def _fit(text: str, size: float, width: float) -> str:
    if stringWidth(text, GOTHIC, size) <= width:
        return text
    while text and stringWidth(text + "…", GOTHIC, size) > width:
        text = text[:-1]
    return text + "…"


def bar_chart(question: SurveyQuestion, width: float) -> Drawing:
    label_w, figure_w = width * 0.34, 30 * mm
    bar_w = width - label_w - figure_w - 6
    top = max((c.count for c in question.choices), default=0) or 1
    height = ROW * len(question.choices) + 4
    drawing = Drawing(width, height, initialFontName=GOTHIC)
    for i, choice in enumerate(question.choices):
        y = height - (i + 1) * ROW
        drawing.add(String(0, y + 4, _fit(choice.label, LABEL_SIZE, label_w - 4),
                           fontName=GOTHIC, fontSize=LABEL_SIZE))  # fmt: skip
        length = bar_w * choice.count / top
        if length > 0:
            drawing.add(Rect(label_w, y + 2, length, ROW - 5, fillColor=BAR_FILL, strokeColor=None))
        drawing.add(String(label_w + length + 4, y + 4, f"{choice.count} 名（{choice.percent:.1f}%）",
                           fontName=GOTHIC, fontSize=LABEL_SIZE))  # fmt: skip
    return drawing


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("s", fontName=MINCHO, fontSize=10, leading=14, wordWrap="CJK")
    return {
        "title": ParagraphStyle("t", parent=base, fontName=GOTHIC, fontSize=15, leading=21,
                                alignment=TA_CENTER),
        "sub": ParagraphStyle("u", parent=base, alignment=TA_CENTER),
        "q": ParagraphStyle("q", parent=base, fontName=GOTHIC, fontSize=11, leading=16,
                            spaceBefore=8, spaceAfter=3),
        "body": ParagraphStyle("b", parent=base, leftIndent=4 * mm),
        "comment": ParagraphStyle("c", parent=base, fontSize=9.5, leading=13.5,
                                  leftIndent=8 * mm, firstLineIndent=-4 * mm),
    }  # fmt: skip


def survey_summary_pdf(
    title: str, date: dt.date, questions: Sequence[SurveyQuestion], respondents: int
) -> bytes:
    register_fonts()
    st = _styles()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm,
        bottomMargin=18 * mm, title=f"{title} アンケート集計", creator="kenshu-desk",
    )  # fmt: skip
    story: list[Flowable] = [
        Paragraph(markup(f"{title} アンケート集計"), st["title"]),
        Paragraph(markup(f"{wareki(date)}開催　回答 {respondents} 名"), st["sub"]),
        Spacer(1, 4 * mm),
    ]
    if not questions:
        story.append(Paragraph("アンケートの回答がありません。", st["body"]))
    for n, q in enumerate(questions, 1):
        head = Paragraph(
            markup(f"問{n}　{q.title}（{KIND_LABELS[q.kind]}、回答 {q.respondents} 名）"), st["q"]
        )
        block: list[Flowable] = [head]
        if q.kind == "text":
            block += [Paragraph(markup(f"・{c}"), st["comment"]) for c in q.comments[:1]]
            story.append(KeepTogether(block))
            story += [Paragraph(markup(f"・{c}"), st["comment"]) for c in q.comments[1:]]
            continue
        block.append(bar_chart(q, doc.width - 4 * mm))
        if q.kind == "multiple":
            block.append(Paragraph("※ 複数選択: 割合は回答者に対する割合です。", st["body"]))
        if q.mean is not None:
            block.append(Paragraph(mean_text(q), st["body"]))
        story.append(KeepTogether(block))
    build_pdf(doc, story, EmbeddedFontCanvas)
    return buffer.getvalue()


def survey_summary_xlsx(title: str, questions: Sequence[SurveyQuestion], respondents: int) -> bytes:
    """Sheet 集計 (question, choice, count, percent; mean), sheet 自由記述 (comments)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "集計"
    ws.append([f"{title} アンケート集計（回答 {respondents} 名）"])
    ws["A1"].font = Font(size=13, bold=True)
    ws.append([])
    ws.append(["問", "設問", "種類", "選択肢", "人数", "割合"])
    for cell in ws[3]:
        cell.font = Font(bold=True)
    comments = wb.create_sheet("自由記述")
    comments.append(["問", "設問", "記述"])
    for n, q in enumerate(questions, 1):
        if q.kind == "text":
            for c in q.comments:
                comments.append([n, _text(q.title), _text(c)])
            continue
        for choice in q.choices:
            ws.append([n, _text(q.title), KIND_LABELS[q.kind], _text(choice.label), choice.count,
                       choice.percent / 100])  # fmt: skip
            ws.cell(row=ws.max_row, column=6).number_format = "0.0%"
        if q.mean is not None:
            ws.append([n, _text(q.title), KIND_LABELS[q.kind], "平均", q.mean])
            ws.cell(row=ws.max_row, column=5).number_format = "0.00"
    for sheet in (ws, comments):
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # a comment starting with "=" stays text
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCDEF", (5, 40, 10, 30, 8, 8), strict=True):
        ws.column_dimensions[letter].width = width
    comments.column_dimensions["B"].width = 30
    comments.column_dimensions["C"].width = 80
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _text(value: str) -> str:
    return value
