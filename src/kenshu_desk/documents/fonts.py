"""The bundled IPAex fonts, registered with reportlab once and embedded in every PDF.

TrueType (glyf) outlines are required: reportlab embeds TTF subsets (FontFile2) but cannot
embed CFF/OTF fonts such as Noto CJK, and a PDF that names a non-embedded Japanese font
prints as boxes or substitutes on a machine without it.
"""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from kenshu_desk.paths import GOTHIC_FONT, MINCHO_FONT, font_path

GOTHIC = "IPAexGothic"
MINCHO = "IPAexMincho"

_lock = threading.Lock()
_registered = False

# reportlab keeps per-document subsetting state inside each TTFont; building two PDFs at
# once from two threads (two preview windows) must not interleave, so builds take this lock.
build_lock = threading.Lock()


def register_fonts() -> None:
    """Register IPAexGothic / IPAexMincho (idempotent, thread-safe)."""
    global _registered
    with _lock:
        if _registered:
            return
        for name, file_name in ((GOTHIC, GOTHIC_FONT), (MINCHO, MINCHO_FONT)):
            pdfmetrics.registerFont(TTFont(name, str(font_path(file_name))))
            # IPAex has no bold or italic face: map them to the regular one so that
            # <b> in a paragraph never falls back to a non-embedded Helvetica.
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(name, bold, italic, name)
        _registered = True


class EmbeddedFontCanvas(Canvas):
    """A canvas whose pages start in IPAexGothic: reportlab's default first selects
    Helvetica on every page, a font that is never embedded (print shops and PDF/A reject it)."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        register_fonts()
        kwargs["initialFontName"] = kwargs.get("initialFontName") or GOTHIC
        super().__init__(*args, **kwargs)
