"""`kenshu-desk year`, `progress` and `dispatches` as scripts use them; outputs read back."""

from __future__ import annotations

import json

import openpyxl
import pytest
from pypdf import PdfReader

from kenshu_desk.cli import main
from kenshu_desk.cli.year import fiscal_year_arg


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_file(capsys, db_arg):
    assert run(capsys, "--db", db_arg, "demo")[0] == 0
    return db_arg


def _fonts(reader: PdfReader) -> set[str]:
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            names.add(str(font["/BaseFont"]))
            for descendant in font.get("/DescendantFonts", []):
                descriptor = descendant.get_object()["/FontDescriptor"].get_object()
                assert "/FontFile2" in descriptor, "TrueType font must be embedded"
    return names


def test_progress_json_is_the_seed_table(capsys, demo_file):
    code, out, _ = run(capsys, "--db", demo_file, "progress", "2021", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["fiscal_year"] == 2021 and data["fiscal_year_label"] == "令和3年度"
    assert [c["key"] for c in data["columns"]] == [
        "in_place",
        "planned_this_year",
        "planned_next_year",
        "planned_later",
    ]
    rows = data["rows"]
    assert [rows["support_system"][k] for k in ("in_place", "planned_this_year")] == [30, 32]
    assert rows["window_and_team"]["in_place"] == 10
    assert rows["window_only"]["in_place"] == 10
    assert rows["team_only"]["in_place"] == 10
    assert rows["multilayer"]["in_place"] == 2 and rows["transition"]["in_place"] == 6
    assert rows["adviser_requests"]["in_place"] == 16
    assert rows["adviser_requests"]["planned_later"] is None
    assert data["recorded_count"] == data["municipality_count"] == 63


def test_year_pdf_has_every_event_of_the_year(capsys, demo_file, tmp_path):
    target = tmp_path / "r3.pdf"
    code, out, _ = run(capsys, "--db", demo_file, "year", "R3", "-o", str(target))
    assert code == 0 and "行事 24 件" in out
    reader = PdfReader(target)
    page = reader.pages[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert width > height and round(width) == 1191  # A3 landscape
    text = "".join(p.extract_text() for p in reader.pages)
    for expected in (
        "令和3年度 事業スケジュール",
        "アドバイザー派遣",
        "部会",
        "研修・情報交換会",
        "4月",
        "3月",
        "令和4年",
        "5/24",
        "第1回市町村情報交換会",
        "猪鼻・加藤",
    ):
        assert expected in text.replace("\n", ""), expected
    assert {"IPAexGothic"} <= {n.split("+")[-1] for n in _fonts(reader)}
    assert reader.metadata.title == "令和3年度 事業スケジュール"


def test_year_a4_and_an_empty_year(capsys, demo_file, tmp_path):
    target = tmp_path / "r10.pdf"
    code, out, _ = run(
        capsys, "--db", demo_file, "year", "2028", "-o", str(target), "--paper", "A4"
    )
    assert code == 0 and "行事 0 件" in out
    page = PdfReader(target).pages[0]
    assert round(float(page.mediabox.width)) == 842


def test_progress_xlsx_and_pdf(capsys, demo_file, tmp_path):
    xlsx = tmp_path / "p.xlsx"
    assert run(capsys, "--db", demo_file, "progress", "2021", "-o", str(xlsx))[0] == 0
    wb = openpyxl.load_workbook(xlsx)
    ws = wb["進捗状況"]
    rows = {r[1]: r[2:6] for r in ws.iter_rows(min_row=5, max_row=11, values_only=True)}
    assert rows["市町村総合相談支援体制構築"] == (30, 32, 40, 48)
    assert rows["アドバイザー派遣希望市町村（各年度）"] == (16, None, None, None)
    sheet = wb["市町村別"]
    assert sheet.max_row == 64 and sheet["B2"].value == "さいたま市"
    shiki = next(r for r in sheet.iter_rows(values_only=True) if r[1] == "志木市")
    assert shiki[8] == "8/12(県職員)、10/20(猪鼻・加藤)"
    pdf = tmp_path / "p.pdf"
    assert run(capsys, "--db", demo_file, "progress", "2021", "-o", str(pdf))[0] == 0
    text = PdfReader(pdf).pages[0].extract_text().replace("\n", "")
    assert "実施・構築状況" in text and "全市町村 63" in text


def test_dispatches_json(capsys, demo_file):
    code, out, _ = run(capsys, "--db", demo_file, "dispatches", "2021", "--json")
    assert code == 0
    data = json.loads(out)
    records = {m["municipality"]: m["record"] for m in data["municipalities"]}
    assert records["志木市"] == "8/12(県職員)、10/20(猪鼻・加藤)"
    assert records["蓮田市"] == "5/12(県職員)、5/27(小平)"


def test_bad_input(capsys, demo_file, tmp_path):
    code, _, err = run(capsys, "--db", demo_file, "year", "2021", "-o", str(tmp_path / "x.txt"))
    assert code == 1 and err.count("\n") == 1 and ".pdf" in err
    code, _, err = run(
        capsys, "--db", demo_file, "year", "2021", "-o", str(tmp_path / "no" / "x.pdf")
    )
    assert code == 1 and "見つかりません" in err
    code, _, err = run(capsys, "--db", demo_file, "progress", "1800", "--json")
    assert code == 2 and "「1800」" in err and "年度" in err  # refused as typed, before any work
    assert run(capsys, "--db", demo_file, "progress", "二千二十一")[0] == 2
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2021", 2021),
        ("R3", 2021),
        ("r3", 2021),
        ("令和3年度", 2021),
        ("令和元年度", 2019),
        ("H30", 2018),
        ("平成31年度", 2019),
    ],
)
def test_fiscal_year_forms(text, year):
    assert fiscal_year_arg(text) == year
