"""The year at a glance as a landscape PDF, laid out like the seed's "R3事業スケジュール".

Months April…March across, one row per line of work, each event a box with its date and
short title in its month, in date order and set along the month by its day (early days to
the left, late ones to the right). Box text breaks as Japanese is broken (never ヒアリ|ング),
at 7 pt or more on A4. A row taller than what is left of the page goes on in the next page
under the repeated header, so nothing is ever cut off. Only the embedded IPAex fonts are used.
"""

from __future__ import annotations

import calendar
import datetime as dt
import io
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from kenshu_desk.documents.fonts import GOTHIC, EmbeddedFontCanvas, build_lock, register_fonts
from kenshu_desk.documents.japanese_wrap import wrap
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
    box_share: float  # a box's width in its month column; the rest is where its day moves it


# label_width is the least; the widest line name (アドバイザー派遣) widens it so it never wraps.
# box_share leaves a box wide enough for a five-kana word (ヒアリング) on one line.
_METRICS = {
    "A3": _Metrics(12 * mm, 34 * mm, 8.0, 18, 7 * mm, 1.2 * mm, 1.0 * mm, 16 * mm, 0.6),
    "A4": _Metrics(8 * mm, 26 * mm, 7.0, 14, 5.5 * mm, 0.6 * mm, 0.6 * mm, 12 * mm, 0.7),
}
MIN_FONT_SIZE = 7.0  # the smallest text on either paper; tests hold every page to it


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


def box_width(m: _Metrics, col_width: float) -> float:
    return (col_width - 2 * m.gap) * m.box_share


def day_x(day: dt.date, m: _Metrics, col_width: float) -> float:
    """Where ``day`` is along its month, from the left of the column's inner width: the month
    divided into its days, each day at the middle of its share."""
    days = calendar.monthrange(day.year, day.month)[1]
    return (col_width - 2 * m.gap) * (day.day - 0.5) / days


def day_offset(day: dt.date, m: _Metrics, col_width: float) -> float:
    """How far right of its column's inner left edge the box of ``day`` starts: centred on its
    day, shifted only as far as it takes to stay inside the month (early days at the left
    edge, late ones at the right). Boxes of one month stack downwards, so none overlap."""
    inner, width = col_width - 2 * m.gap, box_width(m, col_width)
    return min(max(day_x(day, m, col_width) - width / 2, 0.0), inner - width)


def _box_markup(entry: YearEntry, font: str, size: float, width: float) -> str:
    """The box text broken into lines here (Japanese rules): the date in blue, an adviser
    visit underlined (as the seed does), a cancelled event struck through but its （中止） not."""
    head = entry.date_label
    body = f"{head} {entry.title}"
    text = body + ("（中止）" if entry.cancelled else "")
    lines = wrap(text, width - 0.5, lambda t: stringWidth(t, font, size))
    out, done = [], 0
    for line in lines:
        start = text.index(line, done)
        done = start + len(line)
        dated = max(0, min(len(head) - start, len(line)))
        marked = max(0, min(len(body) - start, len(line)))  # the part before （中止）
        part = escape(line[dated:marked])
        if dated:
            part = f'<font color="#1F3F7A">{escape(line[:dated])}</font>' + part
        if entry.with_adviser and marked:
            part = f"<u>{part}</u>"
        if entry.cancelled and marked:
            part = f"<strike>{part}</strike>"
        out.append(part + escape(line[marked:]))
    return "<br/>".join(out)


def _boxes(plan: YearPlan, font: str, m: _Metrics, col_width: float) -> dict[str, list[list[_Box]]]:
    inner = box_width(m, col_width) - 2 * m.padding
    result: dict[str, list[list[_Box]]] = {}
    for line in plan.lines:
        months: list[list[_Box]] = []
        for entries in line.by_month():
            boxes = []
            for entry in entries:
                text = _box_markup(entry, font, m.font_size, inner)
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
    label_size = m.font_size + 2
    widest = max((stringWidth(line.name, gothic, label_size) for line in plan.lines), default=0)
    m = _Metrics(
        **{**vars(m), "label_width": max(m.label_width, widest + 2 * (m.gap + m.padding) + 2)}
    )
    col_width = (width - 2 * m.margin - m.label_width) / 12
    title_block = m.title_size * 1.8
    footer = 8 * mm
    table_top = height - m.margin - title_block
    rows_height = table_top - 2 * m.header_height - m.margin - footer
    pages = _paginate(plan, _boxes(plan, gothic, m, col_width), m, rows_height, rows_height)

    with build_lock:  # reportlab's fonts keep per-document subset state
        buffer = io.BytesIO()
        canvas = EmbeddedFontCanvas(buffer, pagesize=(width, height), pageCompression=1)
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
                "県職員はアドバイザーを伴わない訪問。箱の上の ▼ は月の中の日の位置。",
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
    label = escape(chunk.line) + ("<br/>（続き）" if chunk.continued else "")
    style = ParagraphStyle(
        "line",
        fontName=font,
        fontSize=m.font_size + 2,
        leading=(m.font_size + 2) * 1.3,
        wordWrap="CJK",
    )
    para = Paragraph(label, style)
    _, ph = para.wrap(m.label_width - 2 * m.padding - 2 * m.gap, chunk.height)
    para.drawOn(canvas, m.margin + m.gap + m.padding, top - chunk.height / 2 - ph / 2)
    for n in range(1, 12):
        x = left + n * col_width
        canvas.setStrokeColor(colors.HexColor("#C8C8C8"))
        canvas.line(x, top, x, top - chunk.height)
    fill, stroke = LINE_COLOURS.get(chunk.line, OTHER_COLOURS)
    for n, boxes in enumerate(chunk.months):
        y = top - m.gap
        for box in boxes:
            x = left + n * col_width + m.gap + day_offset(box.entry.date, m, col_width)
            canvas.setFillColor(colors.white if box.entry.cancelled else colors.HexColor(fill))
            canvas.setStrokeColor(colors.HexColor(stroke))
            canvas.setDash(2, 2) if box.entry.cancelled else canvas.setDash()
            canvas.roundRect(
                x, y - box.height, box_width(m, col_width), box.height, 1.2 * mm, fill=1, stroke=1
            )
            canvas.setDash()
            # The day itself: a small notch on the box's top edge, where the day is in the month.
            tick = left + n * col_width + m.gap + day_x(box.entry.date, m, col_width)
            canvas.setFillColor(colors.HexColor(stroke))
            notch = canvas.beginPath()
            notch.moveTo(tick - 2, y)
            notch.lineTo(tick + 2, y)
            notch.lineTo(tick, y - 2.5)
            notch.close()
            canvas.drawPath(notch, fill=1, stroke=0)
            box.paragraph.drawOn(canvas, x + m.padding, y - box.height + m.padding)
            y -= box.height + m.gap
    canvas.setFillColor(colors.black)
