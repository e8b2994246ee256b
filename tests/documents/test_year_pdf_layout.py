"""The year PDF as issue 18 asks: Japanese line breaks, ≥ 7 pt on A4, row labels whole,
each event along its month by its day. The PDF is read back (pypdf) and its operators parsed."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from kenshu_desk.documents.fonts import GOTHIC, register_fonts
from kenshu_desk.documents.japanese_wrap import segments, wrap
from kenshu_desk.documents.year_schedule import MIN_FONT_SIZE, year_schedule_pdf
from kenshu_desk.services.year.year_view import year_plan


def measure(size: float = 7.0):  # type: ignore[no-untyped-def]
    register_fonts()
    return lambda text: stringWidth(text, GOTHIC, size)


@pytest.mark.parametrize("width_chars", [5.5, 6, 7, 8, 10, 12])  # an A4 box holds ~6
def test_katakana_words_never_break(width_chars):
    text = "8/19 白岡市 ヒアリング（県職員）"
    lines = wrap(text, 7.0 * width_chars, measure())
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for n, line in enumerate(lines):
        assert not line.endswith(("ヒ", "ヒア", "ヒアリ", "ヒアリン")), lines
        assert not line.startswith(("）", "、", "。", "ー", "ン", "グ")), lines
        assert not line.endswith("（") or n == len(lines) - 1, lines


def test_break_places():
    assert "ヒアリング" in segments("鴻巣市ヒアリング")
    assert "2021" in segments("令和3年度2021") and "2021" in segments("年2021")
    assert "（県職員）" in segments("ヒアリング（県職員）")  # a short bracketed group stays whole
    assert segments("10/12 鴻巣市 勉強会") == [
        "10/12 ",
        "鴻巣市 ",
        "勉強会",
    ]  # short kanji words whole


def test_a_word_wider_than_the_line_is_cut_without_losing_text():
    lines = wrap("アドバイザーコーディネーター", 7.0 * 4, measure())
    assert "".join(lines) == "アドバイザーコーディネーター"
    assert all(measure()(line) <= 7.0 * 4 for line in lines)
    assert not any(line.startswith("ー") for line in lines)


def _font_sizes(data: bytes) -> set[float]:
    sizes = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        content = page.get_contents().get_data().decode("latin-1")
        sizes.update(float(m) for m in re.findall(r"/F[\w+]+\s+([\d.]+)\s+Tf", content))
    return sizes


@pytest.mark.parametrize("paper", ["A4", "A3"])
def test_no_text_below_7_pt(demo_db, paper):
    with demo_db.session() as s:
        plan = year_plan(s, 2021)
    sizes = _font_sizes(year_schedule_pdf(plan, paper=paper))
    assert sizes and min(sizes) >= MIN_FONT_SIZE >= 7.0, sorted(sizes)


def test_row_labels_and_words_whole_in_the_a4_pdf(demo_db):
    with demo_db.session() as s:
        plan = year_plan(s, 2021)
    data = year_schedule_pdf(plan, paper="A4", created=dt.date(2021, 12, 1))
    lines = PdfReader(io.BytesIO(data)).pages[0].extract_text().splitlines()
    assert "アドバイザー派遣" in lines  # the row label on one line
    assert not any(line.endswith(("ヒアリ", "ヒア")) for line in lines), lines
    assert not any(line.startswith(("ング", "リング")) for line in lines), lines


def _box_lefts(data: bytes) -> list[float]:
    """x of every rounded box (reportlab draws roundRect as a path starting 'x+r y m')."""
    content = PdfReader(io.BytesIO(data)).pages[0].get_contents().get_data().decode("latin-1")
    return [float(x) for x in re.findall(r"\n([\d.]+) [\d.]+ m\n", content)]


def test_each_event_sits_on_its_day_within_the_month(demo_db):
    from kenshu_desk.documents.year_schedule import _METRICS, day_offset

    m = _METRICS["A4"]
    assert day_offset(dt.date(2021, 5, 1), m, 60) == 0
    assert day_offset(dt.date(2021, 5, 31), m, 60) == pytest.approx((60 - 2 * m.gap) * (1 - 0.84))
    assert 0 < day_offset(dt.date(2021, 5, 16), m, 60) < day_offset(dt.date(2021, 5, 27), m, 60)
    with demo_db.session() as s:
        plan = year_plan(s, 2021)
    lefts = _box_lefts(year_schedule_pdf(plan, paper="A4"))
    assert len(set(round(x) for x in lefts)) > 12  # not one left edge per month column


def test_box_markup_marks_the_date_the_visit_and_the_cancellation():
    from kenshu_desk.documents.year_schedule import _box_markup
    from kenshu_desk.domain.year_plan import YearEntry

    entry = YearEntry(
        event_id=1, date=dt.date(2021, 8, 19), kind="ヒアリング", title="白岡市 ヒアリング（県職員）",
        detail="", cancelled=True, is_dispatch=True, with_adviser=True,
    )  # fmt: skip
    register_fonts()
    markup = _box_markup(entry, GOTHIC, 7.0, 7.0 * 6)
    lines = markup.split("<br/>")
    assert lines[0].startswith('<strike><u><font color="#1F3F7A">8/19</font>')
    plain = "".join(re.sub(r"<[^>]+>", "", line) for line in lines)
    assert plain.replace(" ", "") == "8/19白岡市ヒアリング（県職員）（中止）"
    assert lines[-1].endswith("</strike>（中止）") or lines[-1] == "（中止）"
    assert not any("ヒアリ" in re.sub(r"<[^>]+>", "", ln) and "ヒアリング" not in
                   re.sub(r"<[^>]+>", "", ln) for ln in lines)  # fmt: skip
