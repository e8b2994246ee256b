"""Line breaking for table cells and the e-mail/URL rule, without a PDF."""

from __future__ import annotations

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from kenshu_desk.documents.fonts import MINCHO, register_fonts
from kenshu_desk.documents.layout import TOKEN_RE, break_lines, text_flowables


@pytest.fixture(autouse=True)
def _fonts():
    register_fonts()


def lines(text: str, chars: float) -> list[str]:
    return break_lines(text, MINCHO, 10, chars * 10)


def test_break_prefers_a_space_that_is_not_too_early():
    assert lines("保健福祉局 福祉部 福祉総務課", 10) == ["保健福祉局 福祉部", "福祉総務課"]
    # A space in the first few characters is not worth a short line.
    assert lines("福祉 地域包括ケア推進課地域共生担当", 10)[0].startswith("福祉 地域包括")


def test_no_line_starts_with_a_small_kana_or_long_mark():
    result = lines("ワンストップー総合相談", 5)
    assert all(line[0] not in "ーッ、。" for line in result)
    assert "".join(result) == "ワンストップー総合相談"


def test_latin_word_kept_whole_when_it_fits_a_line():
    assert lines("窓口番号abc12345678です", 9) == ["窓口番号", "abc12345678です"]
    # Longer than a whole line: it has to be cut somewhere.
    assert len(lines("窓口" + "x" * 40, 9)) >= 3


def test_every_line_fits_and_nothing_is_lost():
    text = "厚生労働省 社会・援護局 地域福祉課 地域共生社会推進室"
    result = break_lines(text, MINCHO, 9.5, 100)
    assert all(stringWidth(line, MINCHO, 9.5) <= 100 for line in result)
    assert "".join(result).replace(" ", "") == text.replace(" ", "")


def test_tokens_found():
    text = "連絡先 a.b-c@pref.saitama.example.jp（担当）、https://example.jp/x?y=1。"
    assert [m.group() for m in TOKEN_RE.finditer(text)] == [
        "a.b-c@pref.saitama.example.jp",
        "https://example.jp/x?y=1",
    ]


def test_short_line_with_address_stays_one_paragraph():
    style = ParagraphStyle("s", fontName=MINCHO, fontSize=10, leading=14, wordWrap="CJK")
    out = text_flowables("E-mail a@example.jp", style, 400)
    assert len(out) == 1 and isinstance(out[0], Paragraph)
    long_line = "※お問い合わせ：" + "x" * 30 + "@example.jp（担当 島崎）"
    parts = text_flowables(long_line, style, 150)
    assert len(parts) == 3  # text, the address alone (shrunk to fit), the rest
    assert parts[1].style.fontSize < 10
