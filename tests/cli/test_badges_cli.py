"""`kenshu-desk badges`: name cards and table tents from a real SQLite file, read back."""

from __future__ import annotations

import io
import json
import shutil
import subprocess

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from kenshu_desk.cli import main
from kenshu_desk.documents import badges
from kenshu_desk.documents.fonts import GOTHIC, register_fonts
from kenshu_desk.documents.groups import fitted_size


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def event(capsys, db_arg) -> str:
    assert run(capsys, "--db", db_arg, "demo")[0] == 0
    events = json.loads(run(capsys, "--db", db_arg, "events", "--json")[1])
    return str({e["date"]: e["id"] for e in events}["2021-11-25"])


def people(capsys, db_arg, event) -> list[dict]:
    out = run(capsys, "--db", db_arg, "groups", event, "--groups", "1", "--json")[1]
    return json.loads(out)["groups"][0]["members"]


def embedded_fonts(path) -> list[tuple[str, str]]:
    pdffonts = shutil.which("pdffonts")
    if pdffonts is None:
        pytest.skip("pdffonts not found: install poppler-utils")
    lines = subprocess.run(
        [pdffonts, str(path)], capture_output=True, text=True, check=True, timeout=60
    ).stdout.splitlines()
    emb_at = lines[0].index("emb")
    return [(line.split()[0], line[emb_at : emb_at + 3].strip()) for line in lines[2:] if line]


@pytest.mark.parametrize(("layout", "per_page"), [("name-card", 10), ("table-tent", 1)])
def test_everyone_once_per_face_fonts_embedded(capsys, db_arg, event, tmp_path, layout, per_page):
    out = tmp_path / f"{layout}.pdf"
    code, stdout, err = run(
        capsys, "--db", db_arg, "badges", event, "-o", str(out), "--layout", layout
    )
    assert code == 0, err
    expected = people(capsys, db_arg, event)
    assert f"{len(expected)} 人分" in stdout
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert len(reader.pages) == -(-len(expected) // per_page)
    text = "\n".join(p.extract_text() for p in reader.pages)
    faces = 2 if layout == "table-tent" else 1  # a tent shows the name on both halves
    for person in expected:
        assert text.count(person["name"]) >= faces, person["name"]
        assert person["organisation"] in text
    fonts = embedded_fonts(out)
    assert fonts and all(emb == "yes" for _, emb in fonts), fonts


def test_wrong_extension_refused(capsys, db_arg, event):
    code, _, err = run(capsys, "--db", db_arg, "badges", event, "-o", "名札.docx")
    assert code == 1 and ".pdf" in err


def test_long_name_shrinks_inside_the_card():
    register_fonts()
    name = "ウルフェシュレーゲルシュタインハウゼンベルガードルフ　アレクサンダー"
    inner = badges.CARD_W - 8 * mm
    size = fitted_size(name, 26, inner)
    assert size < 26
    assert stringWidth(name, GOTHIC, size) <= inner
    data = badges.badges_pdf("研修", [(name, "", "東秩父村社会福祉協議会")], "name-card")
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "ウルフェシュレーゲル" in text


def test_card_grid_fits_a4_exactly():
    # 14 + 2 × 91 + 14 = 210 and 11 + 5 × 55 + 11 = 297 (mm)
    assert pytest.approx(210 * mm) == badges.CARD_LEFT * 2 + badges.COLUMNS * badges.CARD_W
    assert pytest.approx(297 * mm) == badges.CARD_TOP * 2 + badges.ROWS * badges.CARD_H
