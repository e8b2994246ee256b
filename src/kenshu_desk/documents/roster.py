"""The participant list (参加者名簿) and the sign-in sheet (受付簿) of an event.

One table, the header row repeated on every page, "X / Y" at the foot of each page. The
list is A4 portrait; the sign-in sheet is A4 landscape so that the 出欠 and 署名 columns
leave room to write.

Speed (1,000 people must take well under 2 s): a cell is a plain string unless its text is
wider than its column — only those become paragraphs — and every row height is computed
here once, so reportlab never measures (or, at each page break, re-measures) a row.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table

from kenshu_desk.documents.agenda import venue_text
from kenshu_desk.documents.fonts import GOTHIC, MINCHO, register_fonts
from kenshu_desk.documents.layout import (
    Progress,
    break_lines,
    build_pdf,
    canvas_with_page_totals,
    markup,
    page_count_label,
    table_style,
)
from kenshu_desk.domain.japanese import time_range, wareki
from kenshu_desk.domain.roster import Roster, RosterEntry, RosterOrder

MARGIN_X = 15 * mm
MARGIN_TOP = 16 * mm
MARGIN_BOTTOM = 16 * mm
BODY_FONT = MINCHO
BODY_SIZE = 9.5
HEADER_FILL = colors.Color(0.87, 0.87, 0.87)
STRIPE = colors.Color(0.955, 0.955, 0.955)
RULE = colors.Color(0.25, 0.25, 0.25)
THIN = colors.Color(0.45, 0.45, 0.45)
PAD = 4.0  # points left/right inside a cell
CELL_TOP_PAD = 2.5
CELL_BOTTOM_PAD = 3.0


@dataclass(frozen=True)
class _Column:
    heading: str
    width: float  # mm


LIST_COLUMNS = (
    _Column("No.", 9),
    _Column("所属", 45),
    _Column("部署", 40),
    _Column("職名", 27),
    _Column("氏名", 27),
    _Column("ふりがな", 32),
)
SIGN_IN_COLUMNS = (
    _Column("No.", 9),
    _Column("所属", 50),
    _Column("部署", 44),
    _Column("職名", 30),
    _Column("氏名", 32),
    _Column("ふりがな", 34),
    _Column("出欠", 16),
    _Column("署名", 52),
)
READING_COLUMN = 5
READING_SIZE = 8.5  # ふりがな is auxiliary: a little smaller, as on a printed form
SHRINK_LIMIT = 0.82  # text at most this much too wide is set smaller instead of wrapped
LEADING = 1.25  # line distance in a wrapped cell, times the font size
LIST_ROW_HEIGHT = 7 * mm
SIGN_IN_ROW_HEIGHT = 10 * mm  # room for a signature
HEADER_ROW_HEIGHT = 7 * mm


def document_name(sign_in: bool) -> str:
    return "受付簿" if sign_in else "参加者名簿"


def _size(column: int) -> float:
    return READING_SIZE if column == READING_COLUMN else BODY_SIZE


class _CellMaker:
    """Every cell a plain string — Paragraphs cost ten times more to lay out and draw.

    Text that fits stays as it is; slightly too long text is set smaller (Excel's
    縮小して全体を表示) rather than break a name such as 熊谷市基幹相談支援センター in two;
    longer text is broken into lines here (Japanese rules, layout.break_lines). Every row
    height is therefore known before reportlab sees the table, which otherwise
    re-measures rows of unknown height at each page break.
    """

    def __init__(self, widths: Sequence[float]) -> None:
        # A little room on the right, as a careful typesetter leaves in a narrow column.
        self.room = [w - 2 * PAD - 1 for w in widths]
        self._widths: dict[tuple[str, float], float] = {}
        self._broken: dict[tuple[str, int], list[str]] = {}

    def width(self, text: str, size: float) -> float:
        w = self._widths.get((text, size))
        if w is None:
            w = self._widths[text, size] = stringWidth(text, BODY_FONT, size)
        return w

    def cell(self, text: str, column: int) -> tuple[str, float | None, float]:
        """(cell text, font size if it must be smaller, row height it needs or 0)."""
        size = _size(column)
        natural = self.width(text, size)
        room = self.room[column]
        if natural <= room:
            return text, None, 0.0
        if natural * SHRINK_LIMIT <= room:
            return text, size * room / natural, 0.0
        lines = self._broken.get((text, column))
        if lines is None:
            lines = self._broken[text, column] = break_lines(text, BODY_FONT, size, room)
        height = len(lines) * _leading(column) + CELL_TOP_PAD + CELL_BOTTOM_PAD
        return "\n".join(lines), None, height


def _leading(column: int) -> float:
    return _size(column) * LEADING


def _rows(
    entries: Sequence[RosterEntry], maker: _CellMaker, sign_in: bool, row_height: float
) -> tuple[list[list[object]], list[float], list[tuple]]:
    """Table rows (after the header), their heights, and the per-cell font sizes."""
    data: list[list[object]] = []
    heights: list[float] = []
    commands: list[tuple] = []
    for number, e in enumerate(entries, start=1):
        row: list[object] = [str(number)]
        height = row_height
        for column, text in enumerate(
            (e.organisation, e.department, e.title, e.name, e.reading), start=1
        ):
            value, smaller, needed = maker.cell(text, column)
            row.append(value)
            height = max(height, needed)
            if smaller is not None:
                commands.append(("FONTSIZE", (column, number), (column, number), smaller))
        if sign_in:
            row += ["", ""]
        data.append(row)
        heights.append(height)
    return data, heights, commands


def _group_rules(entries: Sequence[RosterEntry], order: RosterOrder) -> list[tuple]:
    """A firmer rule where the municipality (or the organisation group) changes."""
    if order is not RosterOrder.ORGANISATION:
        return []
    commands: list[tuple] = []
    previous: tuple | None = None
    for row, e in enumerate(entries, start=1):
        group = e.organisation_key[:2]
        if previous is not None and group != previous:
            commands.append(("LINEABOVE", (0, row), (-1, row), 0.9, RULE))
        previous = group
    return commands


def _table(roster: Roster, sign_in: bool) -> Table:
    columns = SIGN_IN_COLUMNS if sign_in else LIST_COLUMNS
    widths = [c.width * mm for c in columns]
    header_style = ParagraphStyle(
        "roster-head", fontName=GOTHIC, fontSize=BODY_SIZE, leading=12, alignment=TA_CENTER
    )
    header = [Paragraph(c.heading, header_style) for c in columns]
    maker = _CellMaker(widths)
    row_height = SIGN_IN_ROW_HEIGHT if sign_in else LIST_ROW_HEIGHT
    body, body_heights, cell_sizes = _rows(roster.entries, maker, sign_in, row_height)
    heights = [HEADER_ROW_HEIGHT, *body_heights]
    if not body:
        body = [["", "申込者はいません。", *[""] * (len(columns) - 2)]]
        heights.append(row_height)
    table = Table(
        [header, *body],
        colWidths=widths,
        rowHeights=heights,
        repeatRows=1,
        hAlign="CENTER",
    )
    table.setStyle(
        table_style(
            ("FONTNAME", (0, 1), (-1, -1), BODY_FONT),
            ("FONTSIZE", (0, 1), (-1, -1), BODY_SIZE),
            ("FONTNAME", (0, 1), (0, -1), GOTHIC),
            ("FONTSIZE", (0, 1), (0, -1), 8.5),
            ("FONTSIZE", (READING_COLUMN, 1), (READING_COLUMN, -1), READING_SIZE),
            ("LEADING", (1, 1), (-1, -1), BODY_SIZE * LEADING),
            ("LEADING", (READING_COLUMN, 1), (READING_COLUMN, -1), READING_SIZE * LEADING),
            ("ALIGN", (0, 1), (0, -1), "RIGHT"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), PAD),
            ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
            ("TOPPADDING", (0, 0), (-1, -1), CELL_TOP_PAD),
            ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_BOTTOM_PAD),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, STRIPE]),
            ("INNERGRID", (0, 0), (-1, -1), 0.4, THIN),
            ("BOX", (0, 0), (-1, -1), 0.9, RULE),
            ("LINEBELOW", (0, 0), (-1, 0), 0.9, RULE),
            *_group_rules(roster.entries, roster.order),
            *cell_sizes,
        )
    )
    return table


def _heading(roster: Roster, sign_in: bool, width: float) -> list[Flowable]:
    name = document_name(sign_in)
    title_style = ParagraphStyle(
        "roster-title", fontName=GOTHIC, fontSize=15, leading=20, alignment=TA_CENTER
    )
    info_style = ParagraphStyle(
        "roster-info", fontName=MINCHO, fontSize=10, leading=14, wordWrap="CJK"
    )
    right_style = ParagraphStyle("roster-count", parent=info_style, alignment=TA_RIGHT)
    when = f"{wareki(roster.date)}　{time_range(roster.start, roster.end)}"
    place = venue_text(roster.venue, roster.online_url)
    left = f"日時　{when}" + (f"<br/>会場　{markup(place)}" if place else "")
    count = len(roster.entries)
    right = f"{count}名（{roster.order.label}）<br/>{wareki(roster.as_of, weekday=False)}現在"
    info = Table(
        [[Paragraph(left, info_style), Paragraph(right, right_style)]],
        colWidths=[width * 0.68, width * 0.32],
    )
    info.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        )
    )
    return [
        Paragraph(markup(f"{roster.event_title}　{name}"), title_style),
        Spacer(1, 4 * mm),
        info,
        Spacer(1, 2.5 * mm),
    ]


def _decorator(page_size: tuple[float, float], running_title: str):  # type: ignore[no-untyped-def]
    def decorate(canvas: Canvas, number: int, total: int) -> None:
        width, height = page_size
        canvas.saveState()
        canvas.setFillColor(colors.Color(0.3, 0.3, 0.3))
        canvas.setFont(GOTHIC, 9)
        canvas.drawCentredString(width / 2, 8 * mm, page_count_label(number, total))
        if number > 1:
            canvas.setFont(GOTHIC, 8)
            canvas.drawString(MARGIN_X, height - 10 * mm, running_title)
        canvas.restoreState()

    return decorate


def roster_pdf(roster: Roster, *, sign_in: bool = False, progress: Progress | None = None) -> bytes:
    """The participant list (or, with sign_in, the sign-in sheet) as PDF bytes."""
    register_fonts()
    page_size = landscape(A4) if sign_in else A4
    name = document_name(sign_in)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=page_size,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=f"{roster.event_title} {name}",
        subject=wareki(roster.date),
        creator="kenshu-desk",
    )
    row_height = SIGN_IN_ROW_HEIGHT if sign_in else LIST_ROW_HEIGHT
    per_page = max(1, int((doc.height - HEADER_ROW_HEIGHT) // row_height))
    story = [*_heading(roster, sign_in, doc.width), _table(roster, sign_in)]
    running = f"{roster.event_title}　{name}（{roster.order.label}）"
    build_pdf(
        doc,
        story,
        canvas_with_page_totals(_decorator(page_size, running)),
        progress=progress,
        expected_pages=max(1, math.ceil((len(roster.entries) + 3) / per_page)),
    )
    return buffer.getvalue()
