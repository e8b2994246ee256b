"""The agenda PDF, read back: the seed's strings, fonts embedded, wrapping and page breaks."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate
from sqlalchemy import select

from kenshu_desk.documents.agenda import agenda_pdf, presenter_lines, venue_text
from kenshu_desk.documents.fonts import MINCHO, register_fonts
from kenshu_desk.domain.models import Event, ItemPresenter, Speaker
from kenshu_desk.services.timetable.events import get_event

LONG_URL = "https://example.jp/zoom/j/81234567890?pwd=QWxhZGRpbjpvcGVuIHNlc2FtZQ-very-long-token"
LONG_MAIL = "chiiki-houkatsu-kea-tantou.shimazaki@pref.saitama.example.jp"


def demo_event(session, date: dt.date) -> Event:
    event = session.scalar(select(Event).where(Event.date == date))
    return get_event(session, event.id)


def test_november_agenda_has_the_seed_strings(demo_db, read_pdf):
    with demo_db.session() as s:
        pdf = read_pdf(agenda_pdf(demo_event(s, dt.date(2021, 11, 25))))
    text = pdf.text
    for expected in (
        "令和3年度 第2回市町村情報交換会",
        "令和3年11月25日（木）",
        "14:30～16:30",
        "14:35～15:20",
        "(45分)",
        "文京学院大学",
        "中島 修 氏",
        "①岩手県遠野市、②東京都豊島区",
        "「市社会福祉協議会と市との連携について」",
        "②狭山市",
        "オンライン（Zoom）開催",
        "※オンライン（Zoom）により開催し",
        "TEL 048-830-3256",
        "E-mail chiiki-houkatsu@example.jp",
    ):
        assert expected in text, expected
    # The time and its duration are two lines of the time column, in that order.
    assert text.index("14:35～15:20") < text.index("(45分)") < text.index("15:20～16:00")
    assert len(pdf.pages) == 1
    assert "1 / 1" not in text  # page numbers only when there is more than one page
    assert pdf.page_sizes() == [pytest.approx(A4, abs=0.5)]


def test_may_agenda_break_and_municipalities(demo_db, read_pdf):
    with demo_db.session() as s:
        text = read_pdf(agenda_pdf(demo_event(s, dt.date(2021, 5, 24)))).text
    assert "13:35～14:05" in text and "(30分)" in text
    assert "①桶川市、②川越市、③鳩山町、④狭山市、⑤ふじみ野市" in text
    assert "（休憩）" in text
    assert "厚生労働省 社会・援護局 地域福祉課 地域共生社会推進室" in text
    assert "令和3年5月24日（月）" in text


def test_every_font_is_embedded(demo_db, read_pdf):
    with demo_db.session() as s:
        pdf = read_pdf(agenda_pdf(demo_event(s, dt.date(2021, 11, 25))))
    assert pdf.font_problems() == []
    assert pdf.truetype_embedded() == {"IPAexGothic", "IPAexMincho"}


def _cjk_paragraph_pdf(text: str, width: float) -> str:
    """What a plain wordWrap='CJK' paragraph does to the same line (the control)."""
    register_fonts()
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=(width + 20, 400), leftMargin=10, rightMargin=10)
    style = ParagraphStyle("p", fontName=MINCHO, fontSize=10.5, leading=15, wordWrap="CJK")
    doc.build([Paragraph(text, style)])
    return PdfReader(io.BytesIO(out.getvalue())).pages[0].extract_text()


def test_long_url_and_mail_in_notes_are_never_broken(db, make_event, read_pdf):
    note_url = f"※当日の参加用URLは次のとおりです（事前にご確認ください）：{LONG_URL}（パスコードは別途メールでお知らせします）"
    note_mail = f"※ご質問は担当者あてにメールでお寄せください。アドレスは {LONG_MAIL} です。"
    contact = f"埼玉県 福祉部 地域包括ケア課\nE-mail {LONG_MAIL}\n{LONG_URL}"
    with db.session() as s:
        event = make_event(
            s, items=[("挨拶", "挨拶", 5)], notes=[note_url, note_mail], contact=contact
        )
        text = read_pdf(agenda_pdf(event)).text
    lines = text.splitlines()
    assert sum(LONG_URL in line for line in lines) == 2  # the note and the contact block
    assert sum(LONG_MAIL in line for line in lines) == 2
    assert "（パスコードは別途メールでお知らせします）" in text
    # The control: reportlab's CJK wrapping alone would cut both in the middle.
    width = A4[0] - 40 * 72 / 25.4
    assert LONG_URL not in _cjk_paragraph_pdf(note_url, width)
    assert LONG_MAIL not in _cjk_paragraph_pdf(note_mail, width)


def test_long_programme_repeats_the_header_and_numbers_pages(db, make_event, read_pdf):
    speaker = Speaker(
        kind="person",
        name="山田 太郎",
        affiliation="彩の国大学 人間福祉学部 社会福祉学科",
        title="教授",
        honorific="氏",
    )
    items = [
        (
            "講演",
            f"講義{n}：地域共生社会の実現に向けた包括的な支援体制の整備と多機関協働の進め方について",
            10,
            [speaker],
            "グループワークを含みます。資料は当日配布します。",
        )
        for n in range(1, 31)
    ]
    with db.session() as s:
        event = make_event(
            s, items=items, start=dt.time(9, 0), end=dt.time(14, 0), contact="埼玉県\nTEL 048"
        )
        pdf = read_pdf(agenda_pdf(event))
    pages = pdf.pages
    assert len(pages) >= 2
    for number, page in enumerate(pages, 1):
        assert "時間割" in page, f"header missing on page {number}"
        assert f"{number} / {len(pages)}" in page
    text = pdf.text
    for n in range(1, 31):
        assert text.count(f"講義{n}：") == 1
    assert "09:00～09:10" in text and "13:50～14:00" in text
    assert pdf.font_problems() == []


def test_item_taller_than_a_page_is_split_not_lost(db, make_event, read_pdf):
    speakers = [Speaker(kind="organisation", name=f"発表団体{n:02d}") for n in range(1, 81)]
    items = [("事例発表", "事例発表（80団体）", 60, [])]
    with db.session() as s:
        event = make_event(s, items=items)
        item = event.items[0]
        for p, speaker in enumerate(speakers):
            item.presenters.append(ItemPresenter(position=p, speaker=speaker, topic="「取組」"))
        s.flush()
        pdf = read_pdf(agenda_pdf(event))
    assert len(pdf.pages) >= 2
    text = pdf.text
    for n in range(1, 81):
        assert text.count(f"発表団体{n:02d}") == 1


def test_cancelled_event_says_so(db, make_event, read_pdf):
    with db.session() as s:
        event = make_event(s, items=[("挨拶", "挨拶", 5)])
        event.cancelled = True
        assert "【中止】令和3年度 テスト研修" in read_pdf(agenda_pdf(event)).text


def _presenter(kind: str, name: str, topic: str = "", **fields) -> ItemPresenter:
    return ItemPresenter(speaker=Speaker(kind=kind, name=name, **fields), topic=topic)


def test_presenter_lines_person_gets_post_line_and_honorific():
    person = _presenter("person", "中島 修", affiliation="文京学院大学 人間学部", title="教授")
    assert presenter_lines([person]) == [
        ("文京学院大学 人間学部 教授", True),
        ("中島 修 氏", False),
    ]


def test_presenter_lines_numbered_with_topics():
    lines = presenter_lines(
        [
            _presenter(
                "organisation", "ふじみ野市社会福祉協議会", "市社会福祉協議会と市との連携について"
            ),
            _presenter("person", "猪鼻 紗都子", "「8050問題への対応」", affiliation="かすみ野"),
        ]
    )
    assert lines == [
        ("①ふじみ野市社会福祉協議会", True),
        ("「市社会福祉協議会と市との連携について」", False),
        ("②「8050問題への対応」", True),
        ("かすみ野", False),
        ("猪鼻 紗都子 氏", False),
    ]


def test_presenter_lines_organisations_share_a_line():
    lines = presenter_lines([_presenter("organisation", n) for n in ("桶川市", "川越市")])
    assert lines == [("①桶川市、②川越市", True)]
    assert presenter_lines([_presenter("organisation", "桶川市")]) == [("桶川市", True)]


@pytest.mark.parametrize(
    ("venue", "url", "expected"),
    [
        ("", "https://us02web.zoom.us/j/123", "オンライン（Zoom）開催"),
        ("県庁 第3会議室", "", "県庁 第3会議室"),
        (
            "県民健康センター",
            "https://teams.microsoft.com/l/x",
            "県民健康センター／オンライン（Teams）併用",
        ),
        ("", "https://example.jp/meeting", "オンライン開催"),
        ("", "", ""),
    ],
)
def test_venue_text(venue, url, expected):
    assert venue_text(venue, url) == expected


def test_event_without_programme_still_prints(db, make_event, read_pdf):
    with db.session() as s:
        event = make_event(s, date=dt.date(2019, 5, 1), online_url="", venue="県庁 第3会議室")
        text = read_pdf(agenda_pdf(event)).text
    assert "令和元年度 テスト研修" in text and "令和元年5月1日（水）" in text
    assert "（時間割は未定です）" in text and "県庁 第3会議室" in text


def test_presenter_topic_joins_the_organisation_line_when_it_fits():
    p = _presenter("organisation", "狭山市", "庁内における情報共有について")
    assert presenter_lines([p], fits=lambda _t: True) == [
        ("狭山市　「庁内における情報共有について」", True)
    ]
