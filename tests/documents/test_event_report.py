"""The 実施報告書: every figure counted once from the registrations, printed in the PDF and the
XLSX as read back, checked against counts made here independently (plain queries) and against
the coverage view's municipality count."""

from __future__ import annotations

import io
import json
from collections import Counter

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from kenshu_desk.cli import main
from kenshu_desk.documents.event_report import event_report_pdf
from kenshu_desk.documents.event_report_xlsx import event_report_xlsx
from kenshu_desk.domain.event_report import SurveyChoice, SurveyQuestion, category_of
from kenshu_desk.domain.japanese import fiscal_year
from kenshu_desk.domain.models import AttendanceState, Event, Registration
from kenshu_desk.services.participants.coverage import fiscal_year_coverage
from kenshu_desk.services.reports.event_report import event_report

EVENT_DATE = "2021-11-25"


def _event_id(session) -> int:  # type: ignore[no-untyped-def]
    return session.scalars(
        select(Event.id).where(Event.title == "第2回市町村情報交換会").order_by(Event.date)
    ).first()


def _expected(session, event_id):  # type: ignore[no-untyped-def]
    """Counted here the plain way, not through the service."""
    states: Counter[str] = Counter()
    by_category: dict[str, Counter[str]] = {}
    for reg in session.scalars(select(Registration).where(Registration.event_id == event_id)):
        states[reg.state] += 1
        if reg.state != AttendanceState.CANCELLED:
            cat = category_of(reg.participant.organisation)
            by_category.setdefault(cat, Counter())[reg.state] += 1
    return states, by_category


def test_the_counts_are_those_of_the_registrations(demo_db):  # type: ignore[no-untyped-def]
    with demo_db.session() as s:
        event_id = _event_id(s)
        states, by_category = _expected(s, event_id)
        report = event_report(s, event_id)
        coverage = fiscal_year_coverage(s, fiscal_year(s.get(Event, event_id).date))
    assert report.total.registered == sum(states.values()) - states["cancelled"]
    assert report.total.venue == states["attended_venue"]
    assert report.total.online == states["attended_online"]
    assert report.total.absent == states["absent"]
    assert report.cancellations == states["cancelled"]
    assert report.total.attended > 0 and report.total.absent > 0  # the demo has both
    for cat, counts in by_category.items():
        assert report.by_category[cat].registered == sum(counts.values())
        assert report.by_category[cat].online == counts["attended_online"]
    assert sum(t.registered for t in report.by_category.values()) == report.total.registered
    # The same municipalities the coverage view counts for this event.
    assert len(report.municipalities_taking_part) == coverage.per_event(event_id)
    assert len(report.municipalities) == 63
    assert report.programme and report.programme[0].time.startswith("14:30")


def test_the_pdf_prints_the_figures(demo_db, read_pdf):  # type: ignore[no-untyped-def]
    with demo_db.session() as s:
        report = event_report(s, _event_id(s))
    report.survey = [
        SurveyQuestion(
            "本日の内容はいかがでしたか",
            "scale",
            20,
            (SurveyChoice("とても満足", 12, 60.0), SurveyChoice("満足", 8, 40.0)),
            mean=4.6,
        ),
        SurveyQuestion("ご意見", "text", 2, comments=("事例が参考になった", "=1+1")),
    ]
    pdf = read_pdf(event_report_pdf(report))
    assert pdf.font_problems() == []
    text = pdf.text.replace(" ", "")
    t = report.total
    assert f"申込{t.registered}名" in text
    assert f"会場{t.venue}名" in text and f"オンライン{t.online}名" in text
    assert f"欠席{t.absent}名" in text
    assert f"{len(report.municipalities_taking_part)}市町村（県内63市町村中）" in text
    assert "令和3年11月25日（木）" in text
    for heading in ("1日時", "2場所", "3対象", "4参加者", "5内容", "6結果", "7所感"):
        assert heading in text
    # The survey's counts as text, not only a chart.
    assert "とても満足12名（60.0%）" in text and "満足8名（40.0%）" in text
    assert "平均4.60" in text and "=1+1" in text
    assert all(size == pytest.approx((595.3, 841.9), abs=1) for size in pdf.page_sizes())


def test_the_xlsx_holds_the_same_numbers(demo_db):  # type: ignore[no-untyped-def]
    with demo_db.session() as s:
        report = event_report(s, _event_id(s))
    report.title = '=HYPERLINK("http://example.com")'  # a title that looks like a formula
    report.survey = [
        SurveyQuestion("満足度", "single", 5, (SurveyChoice("はい", 3, 60.0),
                                               SurveyChoice("いいえ", 2, 40.0)))
    ]  # fmt: skip
    book = load_workbook(io.BytesIO(event_report_xlsx(report)))
    sheet = book["実施報告"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    total = next(r for r in rows if r[1] == "計")
    t = report.total
    assert total[2:7] == [t.registered, t.venue, t.online, t.absent, t.unrecorded]
    yes = next(r for r in rows if r[2] == "はい")
    assert yes[3] == 3 and yes[4] == pytest.approx(0.6)
    title_cell = next(
        c for row in sheet.iter_rows() for c in row if c.value and "HYPERLINK" in str(c.value)
    )
    assert title_cell.data_type == "s"  # text, not a formula
    impressions = next(i for i, r in enumerate(rows) if r[0] == "7　所感")
    assert any(str(rng).startswith(f"B{impressions + 2}:") for rng in sheet.merged_cells.ranges)
    per_town = book["市町村別"]
    listed = list(per_town.iter_rows(min_row=2, values_only=True))
    assert len(listed) == 63
    assert sum(r[2] for r in listed) == sum(m.tally.registered for m in report.municipalities)


def _run(capsys, *argv: str):  # type: ignore[no-untyped-def]
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command(capsys, db_arg, tmp_path, read_pdf):  # type: ignore[no-untyped-def]
    assert _run(capsys, "--db", db_arg, "demo")[0] == 0
    events = json.loads(_run(capsys, "--db", db_arg, "events", "--json")[1])
    event_id = next(e["id"] for e in events if e["date"] == EVENT_DATE)
    pdf_path = tmp_path / "実施報告.pdf"
    code, out, err = _run(capsys, "--db", db_arg, "report", str(event_id), "-o", str(pdf_path))
    assert code == 0, err
    assert str(pdf_path) in out
    assert "実施報告" in read_pdf(pdf_path.read_bytes()).text
    code, out, _err = _run(capsys, "--db", db_arg, "report", str(event_id), "--json")
    data = json.loads(out)
    assert data["municipalities_total"] == 63 and data["total"]["registered"] > 0
    code, out, err = _run(capsys, "--db", db_arg, "report", str(event_id), "-o", "x.docx")
    assert code == 1 and ".xlsx" in err and not (tmp_path / "x.docx").exists()
    code, _out, err = _run(capsys, "--db", db_arg, "report", "99999", "-o", str(tmp_path / "a.pdf"))
    assert code == 1 and "99999" in err and not (tmp_path / "a.pdf").exists()
