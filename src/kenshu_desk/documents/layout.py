"""Pieces shared by the PDF writers: escaping, unbreakable e-mail/URL lines, page numbers.

reportlab's CJK line breaking (wordWrap='CJK') may split any run of Latin text where the
line ends, so an e-mail address or a URL inside Japanese text could be cut in two and
become unusable on paper. Those tokens are therefore set apart in their own non-CJK
paragraph (shrunk to fit rather than broken) whenever the line would have to wrap.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, TableStyle

from kenshu_desk.documents.fonts import GOTHIC, build_lock

# An address or a link ends at whitespace or at Japanese punctuation/brackets around it.
_STOP = r"\s\u3000-\u303f\uff08\uff09\uff0c\uff1a\uff1b<>\"'「」（）、。"
TOKEN_RE = re.compile(
    rf"(?:https?://|www\.)[^{_STOP}]+"
    rf"|[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"
)
MIN_TOKEN_FONT_SIZE = 5.0


def markup(text: str) -> str:
    """Plain text → reportlab paragraph markup (no user text is ever taken as markup)."""
    return escape(text)


def unbreakable_style(base: ParagraphStyle, name: str | None = None) -> ParagraphStyle:
    """The non-CJK twin of a style: breaks only at spaces, never inside a word."""
    return ParagraphStyle(
        name or f"{base.name}-unbreakable",
        parent=base,
        wordWrap=None,
        splitLongWords=0,
    )


def _fitted(style: ParagraphStyle, text: str, width: float) -> ParagraphStyle:
    """The style at a size where text fits on one line of width (down to a legible minimum)."""
    natural = stringWidth(text, style.fontName, style.fontSize)
    if natural <= width or natural == 0:
        return style
    size = max(MIN_TOKEN_FONT_SIZE, style.fontSize * width / natural * 0.98)
    fits = stringWidth(text, style.fontName, size) <= width
    return ParagraphStyle(
        f"{style.name}-{size:.2f}",
        parent=style,
        fontSize=size,
        leading=max(size * 1.25, style.leading * size / style.fontSize),
        # Beyond the minimum size the token has to break somewhere: better than running
        # off the paper.
        splitLongWords=0 if fits else 1,
    )


def text_flowables(
    text: str,
    style: ParagraphStyle,
    width: float,
    *,
    token_style: ParagraphStyle | None = None,
    continuation_indent: float = 0.0,
) -> list[Flowable]:
    """One line of text as paragraphs, keeping every e-mail address and URL on one line.

    A line that fits, or that has no address in it, is one CJK paragraph. Otherwise the
    text around each token stays CJK-wrapped and the token gets a paragraph of its own in
    the non-CJK style, shrunk (not broken) when it is wider than the column.
    """
    tokens = list(TOKEN_RE.finditer(text))
    if not tokens:
        return [Paragraph(markup(text), style)]
    link_style = token_style or unbreakable_style(style)
    first_indent = style.leftIndent + style.firstLineIndent
    if stringWidth(text, style.fontName, style.fontSize) <= width - first_indent:
        if text.isascii():
            return [Paragraph(markup(text), link_style)]
        return [Paragraph(markup(text), style)]
    rest = ParagraphStyle(
        f"{style.name}-cont",
        parent=style,
        leftIndent=style.leftIndent + continuation_indent,
        firstLineIndent=0,
    )
    rest_link = ParagraphStyle(
        f"{link_style.name}-cont",
        parent=link_style,
        leftIndent=link_style.leftIndent + continuation_indent,
        firstLineIndent=0,
    )
    out: list[Flowable] = []
    cursor = 0
    for match in tokens:
        before = text[cursor : match.start()].strip()
        if before:
            out.append(Paragraph(markup(before), style if not out else rest))
        token_base = link_style if not out else rest_link
        indent = token_base.leftIndent + token_base.firstLineIndent
        fitted = _fitted(token_base, match.group(), width - indent)
        out.append(Paragraph(markup(match.group()), fitted))
        cursor = match.end()
    after = text[cursor:].strip()
    if after:
        out.append(Paragraph(markup(after), rest))
    return out


class AtBottom(Flowable):
    """Flowables set at the bottom of the frame (a closing contact block), not after the text."""

    def __init__(self, content: Iterable[Flowable]) -> None:
        super().__init__()
        self._content = list(content)
        self._sizes: list[tuple[float, float]] = []
        self._content_height = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._sizes = [f.wrap(availWidth, availHeight) for f in self._content]
        self._content_height = sum(h for _, h in self._sizes)
        self.width = availWidth
        # Take the rest of the page so the block lands at its foot; when it does not fit,
        # report its own height and the frame moves it to the next page.
        self.height = max(self._content_height, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        y = self._content_height
        for flowable, (w, h) in zip(self._content, self._sizes, strict=True):
            y -= h
            align = getattr(flowable, "hAlign", "LEFT")
            x = {"RIGHT": self.width - w, "CENTER": (self.width - w) / 2}.get(align, 0.0)
            flowable.drawOn(self.canv, x, y)


def table_style(*commands: tuple[Any, ...]) -> TableStyle:
    """A TableStyle whose cells default to the embedded Gothic.

    reportlab selects Helvetica (not embedded) for every cell otherwise, even when all
    cells hold paragraphs with their own font.
    """
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), GOTHIC), *commands])


PageDecorator = Callable[[Canvas, int, int], None]


def canvas_with_page_totals(decorate: PageDecorator) -> type[Canvas]:
    """A canvas class that holds pages back until the end, so each can say "X / Y"."""

    class _Canvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Without this every page starts by selecting Helvetica, a font that is not
            # embedded: strict print shops and PDF/A checkers reject that.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or GOTHIC
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held_pages)
            for number, state in enumerate(self._held_pages, start=1):
                self.__dict__.update(state)
                decorate(self, number, total)
                super().showPage()
            super().save()

    return _Canvas


def page_number_footer(
    running_title: str, page_size: tuple[float, float], margin_x: float
) -> PageDecorator:
    """A document of several pages: "X / Y" centred at the foot of each page and, from the
    second page on, the title at the top left (a one-page document gets neither)."""
    def decorate(canvas: Canvas, number: int, total: int) -> None:
        if total <= 1:
            return
        width, height = page_size
        canvas.saveState()
        canvas.setFont(GOTHIC, 9)
        canvas.setFillColor(colors.Color(0.3, 0.3, 0.3))
        canvas.drawCentredString(width / 2, 9 * mm, page_count_label(number, total))
        if number > 1:
            canvas.setFont(GOTHIC, 8)
            canvas.drawString(margin_x, height - 11 * mm, running_title)
        canvas.restoreState()

    return decorate


def page_count_label(number: int, total: int) -> str:
    return f"{number} / {total}"


Progress = Callable[[int, int], None]
"""progress(pages_done, pages_expected): the expected count is an estimate that only grows.
A callback may raise to abandon the build (the caller's way to cancel)."""


def build_pdf(
    doc: Any,
    flowables: list[Flowable],
    canvasmaker: type[Canvas],
    *,
    progress: Progress | None = None,
    expected_pages: int = 1,
) -> None:
    """doc.build under the font lock, reporting each finished page."""
    if progress is not None:
        report = progress

        def on_progress(kind: str, value: int) -> None:
            if kind == "PAGE":
                report(value, max(expected_pages, value))

        doc.setProgressCallBack(on_progress)
    with build_lock:
        doc.build(flowables, canvasmaker=canvasmaker)


# Characters that must not begin a line (行頭禁則), the common set of Japanese offices.
NO_LINE_START = frozenset(
    "、。，．,.・：；:;？！?!ー－～）)]｝」』】〕〉》"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ々ゝゞヽヾ"
)
_LINE_SPACES = " \u3000"
SPACE_BREAK_MIN = 0.4  # break at a space only if the line keeps this share of its length


def break_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """Japanese line breaking for short table cells, as plain lines (fast: no Paragraph).

    A space is the preferred place to break (保健福祉局 福祉部 / 福祉総務課) when it is not
    too early in the line; otherwise any character may end a line, except that a run of
    Latin letters and digits (an address, a code) is kept whole when the line holds more
    than it, and a character that must not begin a line (。、ー）…) takes the one before
    it along (追い出し).
    """
    lines: list[str] = []
    start, used, i, n = 0, 0.0, 0, len(text)
    while i < n:
        w = stringWidth(text[i], font, size)
        if used + w <= width or i == start:
            used += w
            i += 1
            continue
        cut = i
        space = max(text.rfind(" ", start, cut), text.rfind("\u3000", start, cut))
        if space > start and (space - start) >= SPACE_BREAK_MIN * (cut - start):
            cut = space
        elif _latin(text[cut]):
            back = cut
            while back > start and _latin(text[back - 1]):
                back -= 1
            if back > start:
                cut = back
        while cut < n and text[cut] in NO_LINE_START and cut - 1 > start:
            cut -= 1
        lines.append(text[start:cut].rstrip(_LINE_SPACES))
        start = cut
        while start < n and text[start] in _LINE_SPACES:
            start += 1
        i, used = start, 0.0
    tail = text[start:].rstrip(_LINE_SPACES)
    if tail or not lines:
        lines.append(tail)
    return lines


def _latin(ch: str) -> bool:
    return ch.isascii() and not ch.isspace()
