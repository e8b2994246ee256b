"""The bundled IPAex fonts for reportlab (TrueType, embedded in every PDF).

Private to the year/progress writers until the shared documents/fonts.py lands; the
integrator will point these writers at that one.
"""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from kenshu_desk.paths import GOTHIC_FONT, MINCHO_FONT, font_path

GOTHIC = "IPAexGothic"
MINCHO = "IPAexMincho"


def register_pdf_fonts() -> tuple[str, str]:
    """Register once (idempotent); returns the (gothic, mincho) names for reportlab."""
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, file_name in ((GOTHIC, GOTHIC_FONT), (MINCHO, MINCHO_FONT)):
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(font_path(file_name))))
    return GOTHIC, MINCHO
