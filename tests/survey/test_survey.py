"""Survey import and summary with exports built to each product's layout: every count the
program prints (PDF, XLSX, JSON) equals the count made here from the answers themselves."""

from __future__ import annotations

import io
import json
from collections import Counter

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import func, select
from surveykit import (
    PROGRAMMES,
    Q_COMMENT,
    Q_ORG,
    Q_PROGRAMMES,
    Q_SATISFACTION,
    Q_UNDERSTANDING,
    answers,
    google_csv,
    logo_csv,
    msforms_xlsx,
)

from kenshu_desk.cli import main
from kenshu_desk.domain.models_survey import SurveyResponse
from kenshu_desk.services.reports.event_report import event_report
from kenshu_desk.services.survey.survey import import_survey, survey_summary


def run(capsys, *argv: str):  # type: ignore[no-untyped-def]
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def expected(rows):  # type: ignore[no-untyped-def]
    return {
        Q_SATISFACTION: Counter(a.satisfaction for a in rows),
        Q_UNDERSTANDING: Counter(str(a.understanding) for a in rows),
        Q_PROGRAMMES: Counter(p for a in rows for p in a.programmes),
        Q_ORG: Counter(a.org for a in rows),
    }


def check_counts(questions, rows) -> None:  # type: ignore[no-untyped-def]
    by_title = {q.title: q for q in questions}
    for title, counts in expected(rows).items():
        got = {c.label: c.count for c in by_title[title].choices if c.count}
        assert got == dict(counts), title
    assert by_title[Q_SATISFACTION].kind == "scale"
    assert by_title[Q_UNDERSTANDING].kind == "scale"
    assert by_title[Q_PROGRAMMES].kind == "multiple"
    assert by_title[Q_ORG].kind == "single"
    assert by_title[Q_COMMENT].kind == "text"
    mean = sum(a.understanding for a in rows) / len(rows)
    assert by_title[Q_UNDERSTANDING].mean == pytest.approx(mean)
    comments = [a.comment for a in rows if a.comment]
    assert list(by_title[Q_COMMENT].comments) == comments


def test_google_forms_csv(db, event_id, tmp_path):  # type: ignore[no-untyped-def]
    rows = answers(20)
    path = google_csv(tmp_path / "研修アンケート（回答）.csv", rows)
    with db.session() as s:
        plan = import_survey(s, path, event_id)
        questions = survey_summary(s, event_id)
    assert plan.product == "Google フォーム" and plan.rows == plan.new == 20
    assert plan.linked == 3  # by address (石井, 山口) and by name (加藤)
    assert "氏名" not in plan.questions and "メールアドレス" not in plan.questions
    check_counts(questions, rows)


def test_a_longer_export_adds_only_the_new_answers(db, event_id, tmp_path):  # type: ignore[no-untyped-def]
    rows = answers(25)
    first = google_csv(tmp_path / "a.csv", rows[:12])
    second = google_csv(tmp_path / "b.csv", rows)
    with db.session() as s:
        import_survey(s, first, event_id)
    with db.session() as s:
        plan = import_survey(s, second, event_id)
        questions = survey_summary(s, event_id)
        stored = s.scalar(select(func.count()).select_from(SurveyResponse))
    assert (plan.new, plan.already, stored) == (13, 12, 25)
    check_counts(questions, rows)


def test_microsoft_forms_xlsx_anonymous(db, event_id, tmp_path):  # type: ignore[no-untyped-def]
    rows = answers(18, seed=7)
    path = msforms_xlsx(tmp_path / "研修アンケート(1-18).xlsx", rows, anonymous=True)
    with db.session() as s:
        plan = import_survey(s, path, event_id)
        questions = survey_summary(s, event_id)
    assert plan.product == "Microsoft Forms" and plan.anonymous == 18 and plan.linked == 0
    check_counts(questions, rows)
    with db.session() as s:  # the same file again: nothing new (keyed by the form's ID)
        assert import_survey(s, path, event_id).new == 0


def test_microsoft_forms_with_names_links_people(db, event_id, tmp_path):  # type: ignore[no-untyped-def]
    path = msforms_xlsx(tmp_path / "named.xlsx", answers(6))
    with db.session() as s:
        plan = import_survey(s, path, event_id)
    assert plan.linked == 3 and plan.named == 3


def test_logo_form_csv_in_shift_jis(db, event_id, tmp_path):  # type: ignore[no-untyped-def]
    rows = answers(15, seed=11)
    path = logo_csv(tmp_path / "logo.csv", rows)
    with db.session() as s:
        plan = import_survey(s, path, event_id)
        questions = survey_summary(s, event_id)
    assert plan.product == "LoGoフォーム" and plan.new == 15
    by_title = {q.title: q for q in questions}
    got = {c.label: c.count for c in by_title[Q_SATISFACTION].choices if c.count}
    assert got == dict(Counter(a.satisfaction for a in rows))
    assert by_title[Q_ORG].kind == "single"


def test_the_cli_pdf_xlsx_and_json_print_the_counts(capsys, db, db_arg, event_id, tmp_path):  # type: ignore[no-untyped-def]
    rows = answers(20)
    path = google_csv(tmp_path / "回答.csv", rows)
    code, out, err = run(capsys, "--db", db_arg, "survey", "import", str(path), "--event",
                         str(event_id), "--dry-run")  # fmt: skip
    assert code == 0 and "--dry-run" in out, err
    with db.session() as s:
        assert survey_summary(s, event_id) is None  # nothing stored
    code, out, err = run(capsys, "--db", db_arg, "survey", "import", str(path), "--event",
                         str(event_id))  # fmt: skip
    assert code == 0 and "20 件" in out, err
    assert "複数選択: " + Q_PROGRAMMES in out

    pdf_path, xlsx_path = tmp_path / "集計.pdf", tmp_path / "集計.xlsx"
    assert run(capsys, "--db", db_arg, "survey", "summary", str(event_id), "-o", str(pdf_path))[0] == 0
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf_path.read_bytes())).pages)
    text = text.replace(" ", "").replace("\n", "")
    for title, counts in expected(rows).items():
        for label, count in counts.items():
            percent = 100 * count / len(rows)
            assert f"{count}名（{percent:.1f}%）" in text, (title, label)
    assert "回答20名" in text
    assert run(capsys, "--db", db_arg, "survey", "summary", str(event_id), "-o", str(xlsx_path))[0] == 0
    sheet = load_workbook(xlsx_path)["集計"]
    cells = list(sheet.iter_rows(min_row=4, values_only=True))
    for title, counts in expected(rows).items():  # every count of every choice question
        in_sheet = {str(r[3]): r[4] for r in cells if r[1] == title and r[3] != "平均" and r[4]}
        assert in_sheet == dict(counts), title
    assert {r[3] for r in cells if r[1] == Q_PROGRAMMES} <= set(PROGRAMMES)

    code, out, _ = run(capsys, "--db", db_arg, "survey", "summary", str(event_id), "--json", "--mask")
    data = json.loads(out)
    assert data["respondents"] == 20
    comments = next(q for q in data["questions"] if q["title"] == Q_COMMENT)["comments"]
    assert any("＊＊＊さん" in c for c in comments)  # 石井さん, a registrant's family name
    assert not any("@" in c for c in comments)


def test_an_unknown_layout_is_refused_and_nothing_stored(capsys, db, db_arg, event_id, tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "名簿.csv"
    path.write_text("氏名,所属,メールアドレス\r\n石井 翔,川越市,ishii@city.example.jp\r\n", "utf-8")
    code, _out, err = run(capsys, "--db", db_arg, "survey", "import", str(path), "--event",
                          str(event_id))  # fmt: skip
    assert code == 1 and "Google フォーム" in err and "氏名" in err
    with db.session() as s:
        assert survey_summary(s, event_id) is None


def test_the_event_report_prints_the_survey(db, event_id, tmp_path):  # type: ignore[no-untyped-def]
    rows = answers(10)
    with db.session() as s:
        import_survey(s, google_csv(tmp_path / "a.csv", rows), event_id)
        report = event_report(s, event_id)
    assert report.survey is not None
    satisfaction = next(q for q in report.survey if q.title == Q_SATISFACTION)
    assert {c.label: c.count for c in satisfaction.choices if c.count} == dict(
        Counter(a.satisfaction for a in rows)
    )
