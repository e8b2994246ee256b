"""Participant list and sign-in sheet PDFs, read back, up to 1,000 people."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from reportlab.lib.pagesizes import A4, landscape
from sqlalchemy import select

from kenshu_desk.documents.roster import roster_pdf
from kenshu_desk.domain.models import (
    AttendanceState,
    Event,
    Organisation,
    Participant,
    Registration,
)
from kenshu_desk.domain.roster import RosterOrder
from kenshu_desk.services.participants.roster import event_roster
from kenshu_desk.services.shared.reference import ensure_municipalities
from kenshu_desk.services.timetable.events import NotFoundError

PAGE_LABEL = re.compile(r"(\d+) / (\d+)")


def _thousand(db, make_event) -> tuple[int, list[str], list[str]]:
    """1,000 registered people (and 40 cancelled) spread over municipalities and others."""
    with db.session() as s:
        ensure_municipalities(s)
        cities = list(s.scalars(select(Organisation).where(Organisation.lgcode.is_not(None))))
        shakyo = [
            Organisation(name=f"{c.name}社会福祉協議会", category="社会福祉協議会", municipality=c)
            for c in cities[:20]
        ]
        others = [Organisation(name="埼玉県 福祉部", kana="さいたまけん", category="都道府県")]
        s.add_all(shakyo + others)
        orgs = [*cities, *shakyo, *others, None]
        event = make_event(s, items=[("挨拶", "挨拶", 5)])
        kept, cancelled = [], []
        for n in range(1040):
            name = f"試験 参加者{n:04d}"
            person = Participant(
                name=name,
                reading=f"しけん さんかしゃ{n:04d}",
                organisation=orgs[n % len(orgs)],
                department="福祉部 福祉総務課"
                if n % 3
                else "健康福祉部 地域包括ケア推進課 地域共生社会推進担当",
                title="主事",
                email=f"p{n}@example.jp",
            )
            state = AttendanceState.CANCELLED if n % 26 == 25 else AttendanceState.REGISTERED
            s.add(Registration(event=event, participant=person, state=state.value))
            (cancelled if state is AttendanceState.CANCELLED else kept).append(name)
        s.flush()
        return event.id, kept, cancelled


@pytest.mark.slow
@pytest.mark.parametrize("sign_in", [False, True])
def test_thousand_people_each_listed_once_with_page_numbers(db, make_event, read_pdf, sign_in):
    event_id, kept, cancelled = _thousand(db, make_event)
    assert len(kept) == 1000
    with db.session() as s:
        roster = event_roster(s, event_id, RosterOrder.ORGANISATION)
    pdf = read_pdf(roster_pdf(roster, sign_in=sign_in))
    pages = pdf.pages
    text = "\n".join(pages)
    for name in kept:
        assert text.count(name) == 1, name
    for name in cancelled:
        assert name not in text
    assert len(pages) > 10
    for number, page in enumerate(pages, 1):
        labels = PAGE_LABEL.findall(page)
        assert (str(number), str(len(pages))) in labels, f"no {number} / {len(pages)}"
        assert "ふりがな" in page and "所属" in page  # the header row on every page
        if sign_in:
            assert "署名" in page and "出欠" in page
    assert pdf.font_problems() == []
    expected = landscape(A4) if sign_in else A4
    assert all(size == pytest.approx(expected, abs=0.5) for size in pdf.page_sizes())
    assert "1000名" in pages[0]
    # The numbers run 1..1000 in print order: the last row is No. 1000.
    assert re.search(r"^1000\s", pages[-1], re.M)


def test_organisation_order_in_the_pdf(demo_db, read_pdf):
    with demo_db.session() as s:
        event = s.scalar(select(Event).where(Event.date == dt.date(2021, 11, 25)))
        roster = event_roster(s, event.id, RosterOrder.ORGANISATION, as_of=dt.date(2021, 11, 20))
    text = read_pdf(roster_pdf(roster)).text
    # Code order: さいたま市 111007 < 川越市 112011 < 熊谷市 112020; 社協 right after its city.
    positions = [
        text.index(name)
        for name in (
            "さいたま市",
            "さいたま市社会福祉協議会",
            "川越市",
            "川越市社会福祉協議会",
            "熊谷市",
        )
    ]
    assert positions == sorted(positions)
    assert "令和3年度 第2回市町村情報交換会 参加者名簿" in text
    assert "令和3年11月25日（木）" in text and "令和3年11月20日現在" in text
    assert "36名（所属順）" in text


def test_reading_order_in_the_pdf(demo_db, read_pdf):
    with demo_db.session() as s:
        event = s.scalar(select(Event).where(Event.date == dt.date(2021, 11, 25)))
        roster = event_roster(s, event.id, RosterOrder.READING)
    readings = [e.reading for e in roster.entries]
    assert readings[0].startswith("あらい")
    text = read_pdf(roster_pdf(roster)).text
    assert text.index("新井") < text.index("安藤") < text.index("五十嵐") < text.index("渡邉")


def test_empty_roster_still_prints(db, make_event, read_pdf):
    with db.session() as s:
        event = make_event(s)
        roster = event_roster(s, event.id)
    text = read_pdf(roster_pdf(roster, sign_in=True)).text
    assert "申込者はいません。" in text and "0名" in text and "1 / 1" in text


def test_unknown_event(db):
    with db.session() as s, pytest.raises(NotFoundError):
        event_roster(s, 12345)
