"""The year at a glance as a landscape PDF, laid out like the seed's "R3事業スケジュール".

Months April…March across, one row per line of work, each event a box with its date and
short title in its month, in date order. A row taller than what is left of the page goes
on in the next page under the repeated header, so nothing is ever cut off.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from kenshu_desk.documents.fonts import GOTHIC, build_lock, register_fonts
from kenshu_desk.domain.japanese import wareki
from kenshu_desk.domain.models import WorkLine
from kenshu_desk.domain.year_plan import YearEntry, YearPlan

PAPERS = {"A3": landscape(A3), "A4": landscape(A4)}

# Fill and border per line of work: calm colours that still tell the rows apart in grey print.
LINE_COLOURS = {
    WorkLine.DISPATCH.value: ("#EAF1FB", "#4F7FC0"),
    WorkLine.COMMITTEE.value: ("#FFF3DF", "#C98A1E"),
    WorkLine.TRAINING.value: ("#E9F5E9", "#3F8F3F"),
}
OTHER_COLOURS = ("#F1F1F1", "#808080")
GRID = colors.HexColor("#9A9A9A")
HEADER_FILL = colors.HexColor("#E4E8EE")


@dataclass(frozen=True)
class _Metrics:
    margin: float
    label_width: float
    font_size: float
    title_size: float
    header_height: float
    gap: float
    padding: float
    min_row: float


_METRICS = {
    "A3": _Metrics(12 * mm, 34 * mm, 8.0, 18, 7 * mm, 1.2 * mm, 1.0 * mm, 16 * mm),
    "A4": _Metrics(9 * mm, 24 * mm, 6.0, 14, 5.5 * mm, 0.8 * mm, 0.7 * mm, 12 * mm),
}


@dataclass
class _Box:
    entry: YearEntry
    paragraph: Paragraph
    height: float


@dataclass
class _Chunk:
    line: str
    months: list[list[_Box]]
    height: float
    continued: bool  # the line began on an earlier page


def _box_style(font: str, size: float, cancelled: bool) -> ParagraphStyle:
    return ParagraphStyle(
        "box",
        fontName=font,
        fontSize=size,
        leading=size * 1.3,
        wordWrap="CJK",
        textColor=colors.HexColor("#777777") if cancelled else colors.black,
    )


def _boxes(plan: YearPlan, font: str, m: _Metrics, col_width: float) -> dict[str, list[list[_Box]]]:
    inner = col_width - 2 * m.gap - 2 * m.padding
    result: dict[str, list[list[_Box]]] = {}
    for line in plan.lines:
        months: list[list[_Box]] = []
        for entries in line.by_month():
            boxes = []
            for entry in entries:
                text = (
                    f'<font color="#1F3F7A">{escape(entry.date_label)}</font> {escape(entry.title)}'
                )
                if entry.with_adviser:  # the seed underlines adviser dispatches
                    text = f"<u>{text}</u>"
                if entry.cancelled:
                    text = f"<strike>{text}</strike>（中止）"
                para = Paragraph(text, _box_style(font, m.font_size, entry.cancelled))
                _, h = para.wrap(inner, 10_000)
                boxes.append(_Box(entry, para, h + 2 * m.padding))
            months.append(boxes)
        result[line.name] = months
    return result


def _paginate(
    plan: YearPlan, boxes: dict[str, list[list[_Box]]], m: _Metrics, first: float, later: float
) -> list[list[_Chunk]]:
    """Split the rows over pages; `first`/`later` are the heights available for rows."""
    pages: list[list[_Chunk]] = [[]]
    available = first
    for line in plan.lines:
        pending = [list(month) for month in boxes[line.name]]
        continued = False
        while True:
            chunk_months: list[list[_Box]] = []
            tallest = 0.0
            for month in pending:
                taken: list[_Box] = []
                used = m.gap
                while month and (used + month[0].height + m.gap <= available or not taken):
                    box = month.pop(0)
                    taken.append(box)
                    used += box.height + m.gap
                    if used > available:  # one box taller than a page: alone, then onwards
                        break
                chunk_months.append(taken)
                tallest = max(tallest, used)
            height = max(tallest, m.min_row)
            left = any(pending)
            if height > available and pages[-1]:
                # Not even a first box fits here: put back and start a new page.
                for month, taken in zip(pending, chunk_months, strict=True):
                    month[:0] = taken
                pages.append([])
                available = later
                continue
            pages[-1].append(_Chunk(line.name, chunk_months, height, continued))
            available -= height
            if not left:
                break
            continued = True
            pages.append([])
            available = later
    pages = [p for p in pages if p]
    if len(pages) == 1:
        # One page: let the rows share the spare height, as the seed's table fills its slide.
        spare = first - sum(c.height for c in pages[0])
        for chunk in pages[0]:
            chunk.height += min(spare / len(pages[0]), 45 * mm)
    return pages


def year_schedule_pdf(
    plan: YearPlan,
    paper: str = "A3",
    title: str | None = None,
    created: dt.date | None = None,
) -> bytes:
    """The PDF bytes of the year view (paper "A3" or "A4", landscape)."""
    register_fonts()
    gothic = GOTHIC
    m = _METRICS[paper]
    width, height = PAPERS[paper]
    title = title or f"{plan.label} 事業スケジュール"
    created = created or dt.date.today()
    col_width = (width - 2 * m.margin - m.label_width) / 12
    title_block = m.title_size * 1.8
    footer = 8 * mm
    table_top = height - m.margin - title_block
    rows_height = table_top - 2 * m.header_height - m.margin - footer
    pages = _paginate(plan, _boxes(plan, gothic, m, col_width), m, rows_height, rows_height)

    with build_lock:  # reportlab's fonts keep per-document subset state
        buffer = io.BytesIO()
        canvas = Canvas(buffer, pagesize=(width, height), pageCompression=1)
        canvas.setTitle(title)
        canvas.setAuthor("kenshu-desk")
        canvas.setCreator("kenshu-desk")
        canvas.setSubject(f"{plan.label}の研修・情報交換会・部会・アドバイザー派遣")
        for number, chunks in enumerate(pages, start=1):
            canvas.setFont(gothic, m.title_size)
            canvas.drawString(m.margin, height - m.margin - m.title_size, title)
            canvas.setFont(gothic, m.font_size + 1)
            canvas.drawRightString(
                width - m.margin,
                height - m.margin - m.title_size,
                f"行事 {plan.event_count} 件　作成 {wareki(created, weekday=False)}",
            )
            y = _draw_header(canvas, plan, gothic, m, table_top, col_width)
            for chunk in chunks:
                _draw_row(canvas, chunk, gothic, m, y, col_width)
                y -= chunk.height
            canvas.setFont(gothic, m.font_size)
            canvas.setFillColor(colors.HexColor("#555555"))
            canvas.drawString(
                m.margin,
                m.margin,
                "アドバイザー派遣: 下線はアドバイザーの派遣、（　）内は派遣したアドバイザー、"
                "県職員はアドバイザーを伴わない訪問。",
            )
            canvas.drawRightString(width - m.margin, m.margin, f"{number} / {len(pages)}")
            canvas.setFillColor(colors.black)
            canvas.showPage()
        canvas.save()
    return buffer.getvalue()


def _draw_header(
    canvas: Canvas, plan: YearPlan, font: str, m: _Metrics, top: float, col_width: float
) -> float:
    left = m.margin + m.label_width
    h = m.header_height
    canvas.setStrokeColor(GRID)
    canvas.setFillColor(HEADER_FILL)
    canvas.rect(m.margin, top - 2 * h, m.label_width + 12 * col_width, 2 * h, fill=1, stroke=1)
    canvas.setFillColor(colors.black)
    canvas.setFont(font, m.font_size + 1.5)
    x = left
    for label, months in plan.calendar_years():
        span = months * col_width
        canvas.line(x, top, x, top - h)
        canvas.drawCentredString(x + span / 2, top - h + h * 0.3, label)
        x += span
    canvas.line(left, top - h, left + 12 * col_width, top - h)
    for n, label in enumerate(plan.month_labels()):
        x = left + n * col_width
        canvas.line(x, top - h, x, top - 2 * h)
        canvas.drawCentredString(x + col_width / 2, top - 2 * h + h * 0.3, label)
    return top - 2 * h


def _draw_row(
    canvas: Canvas, chunk: _Chunk, font: str, m: _Metrics, top: float, col_width: float
) -> None:
    left = m.margin + m.label_width
    canvas.setStrokeColor(GRID)
    canvas.rect(m.margin, top - chunk.height, m.label_width + 12 * col_width, chunk.height)
    canvas.setFillColor(HEADER_FILL)
    canvas.rect(m.margin, top - chunk.height, m.label_width, chunk.height, fill=1)
    canvas.setFillColor(colors.black)
    label = chunk.line + ("（続き）" if chunk.continued else "")
    style = ParagraphStyle(
        "line",
        fontName=font,
        fontSize=m.font_size + 2,
        leading=(m.font_size + 2) * 1.3,
        wordWrap="CJK",
    )
    para = Paragraph(escape(label), style)
    _, ph = para.wrap(m.label_width - 2 * m.padding - 2 * m.gap, chunk.height)
    para.drawOn(canvas, m.margin + m.gap + m.padding, top - chunk.height / 2 - ph / 2)
    for n in range(1, 12):
        x = left + n * col_width
        canvas.setStrokeColor(colors.HexColor("#C8C8C8"))
        canvas.line(x, top, x, top - chunk.height)
    fill, stroke = LINE_COLOURS.get(chunk.line, OTHER_COLOURS)
    for n, boxes in enumerate(chunk.months):
        x = left + n * col_width + m.gap
        y = top - m.gap
        for box in boxes:
            canvas.setFillColor(colors.white if box.entry.cancelled else colors.HexColor(fill))
            canvas.setStrokeColor(colors.HexColor(stroke))
            canvas.setDash(2, 2) if box.entry.cancelled else canvas.setDash()
            canvas.roundRect(
                x, y - box.height, col_width - 2 * m.gap, box.height, 1.2 * mm, fill=1, stroke=1
            )
            canvas.setDash()
            box.paragraph.drawOn(canvas, x + m.padding, y - box.height + m.padding)
            y -= box.height + m.gap
    canvas.setFillColor(colors.black)
