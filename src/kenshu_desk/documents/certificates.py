"""修了証: one A4 portrait page per person, as offices print them.

The number at the top right, 修了証 large in the middle, the organisation and the name (with 様
or 殿) shrunk to fit and never overflowing, the template's sentence, then 記: the training's name
and its date in 和暦, the date of issue in 和暦, and the organiser's title and name with the seal
image (PNG) beside the name when one is set.
"""

from __future__ import annotations

import datetime as dt
import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Paragraph

from kenshu_desk.documents.fonts import (
    MINCHO,
    EmbeddedFontCanvas,
    build_lock,
    register_fonts,
)
from kenshu_desk.documents.groups import fitted_size
from kenshu_desk.documents.layout import markup
from kenshu_desk.domain.certificates import CertificatePlan, Recipient
from kenshu_desk.domain.japanese import wareki

MARGIN = 25 * mm
SEAL = 22 * mm


def _centred(canvas: EmbeddedFontCanvas, y: float, text: str, size: float, font: str) -> None:
    width, _ = A4
    inner = width - 2 * MARGIN
    canvas.setFont(font, fitted_size(text, size, inner, font))
    canvas.drawCentredString(width / 2, y, text)


def _page(
    canvas: EmbeddedFontCanvas, plan: CertificatePlan, person: Recipient, issued: dt.date
) -> None:
    t = plan.template
    width, height = A4
    canvas.setFont(MINCHO, 11)
    canvas.drawRightString(width - MARGIN, height - MARGIN, person.number)
    _centred(canvas, height - 70 * mm, "　".join(t.heading), 36, MINCHO)
    if person.organisation:
        _centred(canvas, height - 100 * mm, person.organisation, 14, MINCHO)
    _centred(canvas, height - 118 * mm, f"{person.name}　{t.honorific}".strip(), 28, MINCHO)
    style = ParagraphStyle("body", fontName=MINCHO, fontSize=14, leading=24, wordWrap="CJK")
    body = Paragraph(markup(t.body), style)
    inner = width - 2 * MARGIN - 10 * mm
    _w, h = body.wrap(inner, 60 * mm)
    body.drawOn(canvas, MARGIN + 5 * mm, height - 140 * mm - h)
    _centred(canvas, height - 175 * mm, "記", 14, MINCHO)
    canvas.setFont(MINCHO, 13)
    left = MARGIN + 20 * mm
    for i, (label, value) in enumerate(
        (("研修名", plan.title), ("開催日", wareki(plan.date, weekday=False)))
    ):
        y = height - (190 + 10 * i) * mm
        canvas.setFont(MINCHO, 13)
        canvas.drawString(left, y, label)
        value_x = left + 25 * mm
        canvas.setFont(MINCHO, fitted_size(value, 13, width - MARGIN - value_x, MINCHO))
        canvas.drawString(value_x, y, value)
    canvas.setFont(MINCHO, 13)
    canvas.drawString(MARGIN + 10 * mm, 62 * mm, wareki(issued, weekday=False))
    right = width - MARGIN - (SEAL if t.seal_png else 0)
    if t.organiser_title:
        canvas.setFont(MINCHO, fitted_size(t.organiser_title, 14, right - width / 2, MINCHO))
        canvas.drawRightString(right, 48 * mm, t.organiser_title)
    if t.organiser_name:
        canvas.setFont(MINCHO, fitted_size(t.organiser_name, 16, right - width / 2, MINCHO))
        canvas.drawRightString(right, 38 * mm, t.organiser_name)
    if t.seal_png:
        canvas.drawImage(
            ImageReader(io.BytesIO(t.seal_png)), width - MARGIN - SEAL + 2 * mm, 30 * mm,
            SEAL - 4 * mm, SEAL - 4 * mm, mask="auto", preserveAspectRatio=True,
        )  # fmt: skip


def certificates_pdf(plan: CertificatePlan, issued: dt.date) -> bytes:
    register_fonts()
    buffer = io.BytesIO()
    with build_lock:
        canvas = EmbeddedFontCanvas(buffer, pagesize=A4)
        canvas.setTitle(f"{plan.title} 修了証")
        canvas.setCreator("kenshu-desk")
        for person in plan.recipients:
            _page(canvas, plan, person, issued)
            canvas.showPage()
        canvas.save()
    return buffer.getvalue()
