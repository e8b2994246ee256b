"""名札 and 卓上名札.

name-card: 10 cards a sheet of A4 business-card stock, 2 × 5 cards of 91 × 55 mm with
14 mm left/right and 11 mm top/bottom margins (14 + 2 × 91 + 14 = 210, 11 + 5 × 55 + 11 = 297:
the common Japanese 名刺 10面 micro-perforated sheet layout). Thin grey cut marks are drawn at
each card's edge so plain paper can be cut by hand too.
table-tent: one A4 landscape sheet per person, folded in half along the long side: the lower
half reads upright, the upper half is drawn upside down so that, folded into a tent, the name
reads from both sides of the table.
Every line shrinks to its width; nothing overflows (documents.groups.fitted_size).
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm

from kenshu_desk.documents.fonts import GOTHIC, EmbeddedFontCanvas, build_lock
from kenshu_desk.documents.groups import fitted_size

CARD_W, CARD_H = 91 * mm, 55 * mm
CARD_LEFT, CARD_TOP = 14 * mm, 11 * mm
COLUMNS, ROWS = 2, 5
LAYOUTS = ("name-card", "table-tent")

Person = tuple[str, str, str]  # name, reading (furigana), organisation


def _centred(
    canvas: EmbeddedFontCanvas, x: float, y: float, text: str, size: float, width: float
) -> None:
    if not text:
        return
    canvas.setFont(GOTHIC, fitted_size(text, size, width))
    canvas.drawCentredString(x, y, text)


def _card(
    canvas: EmbeddedFontCanvas, x: float, y: float, w: float, h: float, person: Person, scale: float
) -> None:
    """One face: organisation at the top, furigana, then the name large, centred in (x, y, w, h)."""
    name, reading, organisation = person
    inner = w - 8 * mm * scale
    cx = x + w / 2
    _centred(canvas, cx, y + h * 0.80, organisation, 11 * scale, inner)
    _centred(canvas, cx, y + h * 0.58, reading, 9 * scale, inner)
    _centred(canvas, cx, y + h * 0.28, name, 26 * scale, inner)


def _name_cards(canvas: EmbeddedFontCanvas, people: Sequence[Person]) -> None:
    _, page_h = A4
    per_page = COLUMNS * ROWS
    for start in range(0, max(len(people), 1), per_page):
        for index, person in enumerate(people[start : start + per_page]):
            x = CARD_LEFT + (index % COLUMNS) * CARD_W
            y = page_h - CARD_TOP - (index // COLUMNS + 1) * CARD_H
            canvas.setStrokeGray(0.8)
            canvas.setLineWidth(0.3)
            canvas.rect(x, y, CARD_W, CARD_H)
            _card(canvas, x, y, CARD_W, CARD_H, person, 1.0)
        canvas.showPage()


def _table_tents(canvas: EmbeddedFontCanvas, people: Sequence[Person]) -> None:
    page_w, page_h = landscape(A4)
    half = page_h / 2
    for person in people:
        canvas.setStrokeGray(0.7)
        canvas.setDash(3, 3)
        canvas.line(0, half, page_w, half)  # the fold
        canvas.setDash()
        _card(canvas, 0, 0, page_w, half, person, 2.6)
        canvas.saveState()
        canvas.translate(page_w, page_h)
        canvas.rotate(180)  # the back half, upside down
        _card(canvas, 0, 0, page_w, half, person, 2.6)
        canvas.restoreState()
        canvas.showPage()


def badges_pdf(title: str, people: Sequence[Person], layout: str = "name-card") -> bytes:
    if layout not in LAYOUTS:
        raise ValueError(layout)
    buffer = io.BytesIO()
    with build_lock:
        size = A4 if layout == "name-card" else landscape(A4)
        canvas = EmbeddedFontCanvas(buffer, pagesize=size)
        canvas.setTitle(f"{title} {'名札' if layout == 'name-card' else '卓上名札'}")
        if layout == "name-card":
            _name_cards(canvas, people)
        else:
            _table_tents(canvas, people)
        canvas.save()
    return buffer.getvalue()
