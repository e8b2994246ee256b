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


_NUMBER = r"(-?[\d.]+)"


def _page_shapes(data: bytes, page: int = 0):  # type: ignore[no-untyped-def]
    """From the PDF's own operators: the month separators (light grey lines inside the rows),
    every rounded box as (left, bottom, right, top), and every filled notch's tip x, in the
    order drawn (reportlab draws roundRect as 'n x y m … h B*', the notch as '… h f*')."""
    content = PdfReader(io.BytesIO(data)).pages[page].get_contents().get_data().decode("latin-1")
    separators = sorted(
        {round(float(x), 2) for x in re.findall(
            r".784314 .784314 .784314 RG\nn ([\d.]+) [\d.]+ m [\d.]+ [\d.]+ l S", content
        )}
    )  # fmt: skip
    boxes = []
    for path in re.findall(r"\nn\n([^hn]*?)h\nB\*", content):
        numbers = [float(v) for v in re.findall(_NUMBER, path)]
        xs, ys = numbers[0::2], numbers[1::2]
        boxes.append((min(xs), min(ys), max(xs), max(ys)))
    notches = [
        float(tip)
        for tip in re.findall(
            r"\nn [\d.]+ [\d.]+ m [\d.]+ [\d.]+ l ([\d.]+) [\d.]+ l h\nf\*", content
        )
    ]
    return separators, boxes, notches


def _check_places(plan, data: bytes):  # type: ignore[no-untyped-def]
    """Each box inside its month's cell, around its day; none overlapping another."""
    import calendar

    from kenshu_desk.domain.year_plan import month_column

    separators, boxes, notches = _page_shapes(data)
    assert len(separators) == 11, separators  # the lines between April … March
    col = (separators[-1] - separators[0]) / 10
    lefts = [separators[0] - col, *separators]  # each month's left edge
    entries = [e for line in plan.lines for month in line.by_month() for e in month]
    assert len(boxes) == len(entries) == len(notches)
    for entry, (x0, _, x1, _), tip in zip(entries, boxes, notches, strict=True):
        cell = lefts[month_column(entry.date)]
        days = calendar.monthrange(entry.date.year, entry.date.month)[1]
        where = cell + col * (entry.date.day - 0.5) / days  # the day's place in the month
        assert cell < x0 < x1 < cell + col, (entry.date, x0, x1, cell)  # inside its month
        # The notch on its day (the days share the cell less its 1.2 mm margins: ≤ 3.4 pt off).
        assert abs(tip - where) < 3.5, (entry.date, tip, where)
        assert x0 < tip < x1, (entry.date, x0, tip, x1)  # the box over its day
        centred = abs((x0 + x1) / 2 - tip) < 0.5
        at_an_edge = x0 - cell < 4 or cell + col - x1 < 4  # (the margins are ≤ 3.4 pt)
        assert centred or at_an_edge, (entry.date, x0, x1, where)
    for n, a in enumerate(boxes):
        for b in boxes[n + 1 :]:
            overlap_x = min(a[2], b[2]) - max(a[0], b[0])
            overlap_y = min(a[3], b[3]) - max(a[1], b[1])
            assert overlap_x <= 0 or overlap_y <= 0, (a, b)
    return boxes, lefts, col


@pytest.mark.parametrize("paper", ["A4", "A3"])
def test_each_event_sits_on_its_day_within_the_month(demo_db, paper):
    with demo_db.session() as s:
        plan = year_plan(s, 2021)
    _check_places(plan, year_schedule_pdf(plan, paper=paper))


@pytest.mark.parametrize("paper", ["A4", "A3"])
def test_early_middle_and_late_days_spread_across_the_month(paper):
    from kenshu_desk.domain.year_plan import YearEntry, YearLine, YearPlan

    def entry(n: int, day: int) -> YearEntry:
        return YearEntry(
            event_id=n, date=dt.date(2021, 10, day), kind="研修", title="市町村研修会",
            detail="", cancelled=False, is_dispatch=False, with_adviser=False,
        )  # fmt: skip

    plan = YearPlan(2021, (YearLine("研修・情報交換会", tuple(entry(n, d) for n, d in
                                                   enumerate((1, 16, 31)))),))  # fmt: skip
    boxes, lefts, col = _check_places(plan, year_schedule_pdf(plan, paper=paper))
    october = lefts[6]
    (early, *_), (middle, *_), (late, *_) = boxes
    assert early - october < 4  # the 1st at the month's left edge …
    assert abs((middle + boxes[1][2]) / 2 - (october + col / 2)) < 3  # … the 16th in its middle
    assert october + col - boxes[2][2] < 4  # … the 31st at its right edge
    assert late - early > col * 0.25  # spread across the month, not bunched at its left


@pytest.mark.parametrize("chars", [4.5, 5, 5.5, 6, 7, 8])
def test_a_bracketed_list_of_names_breaks_between_names(chars):
    text = "10/20 志木市 勉強会（猪鼻・加藤）"
    lines = wrap(text, 7.0 * chars, measure())
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert "（猪鼻・加藤）" in lines or ("（猪鼻・" in lines and "加藤）" in lines), lines
    for line in lines:
        assert not line.endswith("（") and not line.startswith(("）", "・")), lines


def test_break_levels_follow_kinsoku_and_phrases():
    from kenshu_desk.documents.japanese_wrap import (
        BETWEEN_PHRASES,
        IN_WORD,
        NEVER,
        break_levels,
    )  # fmt: skip

    text = "（猪鼻・加藤）第2回"
    levels = dict(zip(text, break_levels(text), strict=True))  # the break before each char
    assert levels["猪"] == NEVER  # after an opening bracket
    assert levels["・"] == NEVER and levels["）"] == NEVER  # before 、・ or a closing bracket
    assert levels["加"] == BETWEEN_PHRASES  # after ・: between two names
    assert levels["藤"] == IN_WORD and levels["鼻"] == IN_WORD  # inside a name
    assert levels["2"] == IN_WORD and levels["回"] == IN_WORD  # 第2回 is one word
    for chars in (3, 4, 6):
        lines = wrap("5/28 第1回市町村総合相談構築推進部会", 8.0 * chars, measure(8.0))
        assert any("第1回" in line for line in lines), lines
    for chars in (5, 6):
        lines = wrap("8/3 さいたま市 研修会", 7.0 * chars, measure())
        assert any("さいたま市" in line for line in lines), lines


@pytest.mark.parametrize("paper", ["A4", "A3"])
def test_names_in_brackets_read_back_whole_from_the_pdf(demo_db, paper):
    with demo_db.session() as s:
        plan = year_plan(s, 2021)
    text = PdfReader(io.BytesIO(year_schedule_pdf(plan, paper=paper))).pages[0].extract_text()
    lines = [line.strip() for line in text.splitlines()]
    assert "（猪鼻・加藤）" in lines or ("（猪鼻・" in lines and "加藤）" in lines), lines
    assert not any(line.endswith(("（猪鼻・加", "（猪", "（")) for line in lines), lines
    assert not any(line.startswith(("藤）", "）", "回市町村")) for line in lines), lines


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
