"""`kenshu-desk groups`: discussion groups from a real SQLite file, JSON and PDF read back."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from collections import Counter

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from kenshu_desk.cli import main
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
    """The demo's biggest event (29 registrations, several people from one organisation)."""
    assert run(capsys, "--db", db_arg, "demo")[0] == 0
    events = json.loads(run(capsys, "--db", db_arg, "events", "--json")[1])
    return str({e["date"]: e["id"] for e in events}["2021-11-25"])


def test_json_contract_even_sizes_organisations_apart(capsys, db_arg, event):
    code, out, err = run(capsys, "--db", db_arg, "groups", event, "--groups", "5", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert list(data) == ["groups"]
    assert [g["number"] for g in data["groups"]] == [1, 2, 3, 4, 5]
    members = [m for g in data["groups"] for m in g["members"]]
    assert all(list(m) == ["participant_id", "name", "organisation"] for m in members)
    sizes = [len(g["members"]) for g in data["groups"]]
    assert max(sizes) - min(sizes) <= 1
    assert len({m["participant_id"] for m in members}) == len(members) == sum(sizes) > 20
    per_org = Counter(m["organisation"] for m in members)
    assert max(per_org.values()) > 1  # the demo has colleagues: the check below means something
    for group in data["groups"]:
        in_group = Counter(m["organisation"] for m in group["members"])
        assert max(in_group.values()) == 1, in_group
    # the same seed gives the same groups
    again = run(capsys, "--db", db_arg, "groups", event, "--groups", "5", "--json")[1]
    assert json.loads(again) == data


def test_pdf_lists_everyone_with_embedded_fonts(capsys, db_arg, event, tmp_path):
    out = tmp_path / "グループ.pdf"
    code, stdout, err = run(
        capsys,
        "--db",
        db_arg,
        "groups",
        event,
        "--groups",
        "4",
        "--seed",
        "3",
        "-o",
        str(out),
        "--json",
    )
    assert code == 0, err
    data = json.loads(stdout)
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "グループ一覧" in text and "座席表" in text
    for group in data["groups"]:
        assert f"第{group['number']}グループ" in text
        for member in group["members"]:
            # each name once in the list, once on the seating sheet
            assert text.count(member["name"]) >= 2, member["name"]
    pdffonts = shutil.which("pdffonts")
    if pdffonts is None:
        pytest.skip("pdffonts not found: install poppler-utils")
    lines = subprocess.run(
        [pdffonts, str(out)], capture_output=True, text=True, check=True, timeout=60
    ).stdout.splitlines()
    emb_at = lines[0].index("emb")
    fonts = [(line.split()[0], line[emb_at : emb_at + 3].strip()) for line in lines[2:] if line]
    assert fonts and all(emb == "yes" for _, emb in fonts), fonts


def test_too_many_groups_and_no_output_are_refused(capsys, db_arg, event):
    code, _, err = run(capsys, "--db", db_arg, "groups", event, "--groups", "500", "--json")
    assert code == 1 and "グループ数 500 では分けられません" in err
    code, _, err = run(capsys, "--db", db_arg, "groups", event)  # nothing stored, nothing asked
    assert code == 1 and "-o FILE.pdf" in err
    code, _, err = run(capsys, "--db", db_arg, "groups", event, "--groups", "3", "-o", "x.xlsx")
    assert code == 1 and ".pdf" in err


def test_a_very_long_name_shrinks_to_its_width():
    register_fonts()
    name = "寿限無寿限無五劫の擦り切れ海砂利水魚の水行末雲来末風来末食う寝る処に住む処"
    width = 40 * 72 / 25.4
    size = fitted_size(name, 10, width)
    assert size < 10
    assert stringWidth(name, GOTHIC, size) <= width
    assert fitted_size("山田 花子", 10, width) == 10
