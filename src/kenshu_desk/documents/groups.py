"""Discussion groups on paper: the list (グループ一覧) and the seating sheet (座席表).

A4 portrait. The list: one block per group, name and organisation per line. The seating
sheet: six groups a page, each a table drawn as a rectangle with its members seated on the
left and right sides, to be posted at the venue's door or projected.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from kenshu_desk.documents.fonts import GOTHIC, EmbeddedFontCanvas, build_lock
from kenshu_desk.domain.groups import Group

PAGE_W, PAGE_H = A4
MARGIN = 15 * mm


def fitted_size(text: str, size: float, width: float, font: str = GOTHIC) -> float:
    """The largest size ≤ size at which text fits width: it shrinks as far as it must, never
    overflowing into the next column (a name too long to read small still shows whole)."""
    natural = stringWidth(text, font, size)
    if natural <= width:
        return size
    return size * width / natural * 0.999


def draw_fitted(
    canvas: EmbeddedFontCanvas,
    x: float,
    y: float,
    text: str,
    size: float,
    width: float,
    *,
    centre: bool = False,
) -> None:
    size = fitted_size(text, size, width)
    canvas.setFont(GOTHIC, size)
    if centre:
        canvas.drawCentredString(x, y, text)
    else:
        canvas.drawString(x, y, text)


def _list_pages(canvas: EmbeddedFontCanvas, title: str, groups: Sequence[Group]) -> None:
    y = PAGE_H - MARGIN
    draw_fitted(
        canvas,
        PAGE_W / 2,
        y - 6 * mm,
        f"{title}　グループ一覧",
        16,
        PAGE_W - 2 * MARGIN,
        centre=True,
    )
    y -= 16 * mm
    line = 6.5 * mm
    for group in groups:
        need = (len(group.members) + 1) * line + 3 * mm
        if y - need < MARGIN:
            canvas.showPage()
            y = PAGE_H - MARGIN
        canvas.setFillGray(0.9)
        canvas.rect(MARGIN, y - line + 1.5 * mm, PAGE_W - 2 * MARGIN, line, stroke=0, fill=1)
        canvas.setFillGray(0)
        draw_fitted(
            canvas,
            MARGIN + 2 * mm,
            y - line + 3 * mm,
            f"第{group.number}グループ（{len(group.members)}人）",
            11,
            80 * mm,
        )
        y -= line
        for seat, member in enumerate(group.members, start=1):
            draw_fitted(canvas, MARGIN + 4 * mm, y - line + 3 * mm, str(seat), 10, 8 * mm)
            draw_fitted(canvas, MARGIN + 14 * mm, y - line + 3 * mm, member.name, 10.5, 60 * mm)
            draw_fitted(
                canvas,
                MARGIN + 80 * mm,
                y - line + 3 * mm,
                member.organisation,
                10,
                PAGE_W - 2 * MARGIN - 82 * mm,
            )
            y -= line
        y -= 3 * mm
    canvas.showPage()


def _seating_pages(canvas: EmbeddedFontCanvas, title: str, groups: Sequence[Group]) -> None:
    cols, rows = 2, 3
    cell_w = (PAGE_W - 2 * MARGIN) / cols
    cell_h = (PAGE_H - 2 * MARGIN - 14 * mm) / rows
    for start in range(0, len(groups), cols * rows):
        draw_fitted(
            canvas,
            PAGE_W / 2,
            PAGE_H - MARGIN - 6 * mm,
            f"{title}　座席表",
            16,
            PAGE_W - 2 * MARGIN,
            centre=True,
        )
        for index, group in enumerate(groups[start : start + cols * rows]):
            x0 = MARGIN + (index % cols) * cell_w
            top = PAGE_H - MARGIN - 14 * mm - (index // cols) * cell_h
            draw_fitted(
                canvas,
                x0 + cell_w / 2,
                top - 7 * mm,
                f"第{group.number}グループ",
                13,
                cell_w - 4 * mm,
                centre=True,
            )
            table_w, table_x = 14 * mm, x0 + cell_w / 2 - 7 * mm
            table_top, table_bottom = top - 11 * mm, top - cell_h + 5 * mm
            canvas.rect(table_x, table_bottom, table_w, table_top - table_bottom)
            sides = [group.members[0::2], group.members[1::2]]
            slot = (table_top - table_bottom) / max(len(sides[0]), 1)
            name_w = cell_w / 2 - table_w / 2 - 4 * mm
            for side, people in enumerate(sides):
                for i, member in enumerate(people):
                    y = table_top - (i + 0.5) * slot
                    left = table_x - 2 * mm - name_w
                    x = left if side == 0 else table_x + table_w + 2 * mm
                    draw_fitted(canvas, x, y + 0.5 * mm, member.name, 10, name_w)
                    draw_fitted(canvas, x, y - 3.5 * mm, member.organisation, 7, name_w)
        canvas.showPage()


def groups_pdf(title: str, groups: Sequence[Group]) -> bytes:
    buffer = io.BytesIO()
    with build_lock:
        canvas = EmbeddedFontCanvas(buffer, pagesize=A4)
        canvas.setTitle(f"{title} グループ")
        _list_pages(canvas, title, groups)
        _seating_pages(canvas, title, groups)
        canvas.save()
    return buffer.getvalue()
