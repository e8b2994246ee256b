"""`pdffonts` (poppler) on every PDF the program writes: only embedded fonts (issue 18).

pypdf's reading (conftest.font_problems) is our own code; pdffonts is what a print shop runs.
Skipped with a message where poppler-utils is missing (.ci/run installs it).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from kenshu_desk.cli import main
from kenshu_desk.documents.progress_report import progress_chart_pdf
from kenshu_desk.services.year.progress import progress_table

PDFFONTS = shutil.which("pdffonts")
pytestmark = pytest.mark.skipif(
    PDFFONTS is None, reason="pdffonts not found: install poppler-utils to check the PDF fonts"
)


def fonts(path: Path) -> list[tuple[str, str]]:
    """(name, emb) for every font pdffonts lists."""
    out = subprocess.run(
        [PDFFONTS, str(path)], capture_output=True, text=True, check=True, timeout=60
    ).stdout.splitlines()
    assert out[0].startswith("name") and out[1].startswith("---"), out
    header = out[0]
    emb_at = header.index("emb")
    return [(line.split()[0], line[emb_at : emb_at + 3].strip()) for line in out[2:] if line]


def _cli(*argv: str) -> None:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    assert code == 0, argv


DOCUMENTS = {
    "agenda.pdf": ["agenda", "{event}"],
    "roster.pdf": ["roster", "{event}"],
    "roster-reading.pdf": ["roster", "{event}", "--order", "reading"],
    "sign-in.pdf": ["roster", "{event}", "--sign-in"],
    "year-a3.pdf": ["year", "R3"],
    "year-a4.pdf": ["year", "R3", "--paper", "A4"],
    "progress.pdf": ["progress", "R3"],
    "report.pdf": ["report", "{event}"],
    "certificates.pdf": ["certificates", "{event}"],
    "badges.pdf": ["badges", "{event}"],
    "table-tents.pdf": ["badges", "{event}", "--layout", "table-tent"],
    "groups.pdf": ["groups", "{event}", "--groups", "4"],
    "survey.pdf": ["survey", "summary", "{event}"],
}


def test_every_pdf_the_program_writes_embeds_all_its_fonts(capsys, demo_db, db_arg, tmp_path):
    import datetime as dt

    from sqlalchemy import select

    from kenshu_desk.domain.models import Event

    with demo_db.session() as s:
        # The demo's meeting with attendance recorded (certificates need attendees).
        event = s.scalar(select(Event.id).where(Event.date == dt.date(2021, 11, 25)))
        (tmp_path / "chart.pdf").write_bytes(progress_chart_pdf(progress_table(s, 2021)))
    answers = tmp_path / "answers.csv"  # a Google Forms download, for the survey summary
    answers.write_text(
        "タイムスタンプ,満足度,ご意見\r\n2021/11/25 16:40:00,満足,参考になった。\r\n"
        "2021/11/25 16:41:00,とても満足,\r\n",
        encoding="utf-8",
    )
    _cli("--db", db_arg, "survey", "import", str(answers), "--event", str(event))
    for name, argv in DOCUMENTS.items():
        _cli("--db", db_arg, *[a.format(event=event) for a in argv], "-o", str(tmp_path / name))
    capsys.readouterr()
    checked = sorted(tmp_path.glob("*.pdf"))
    assert len(checked) == len(DOCUMENTS) + 1
    for path in checked:
        listed = fonts(path)
        assert listed, f"{path.name}: no fonts at all?"
        bad = [name for name, emb in listed if emb != "yes"]
        assert not bad, f"{path.name} uses fonts that are not embedded: {bad}"
        assert all("IPAex" in name for name, _ in listed), (path.name, listed)


def test_pdffonts_reading_can_fail(tmp_path):
    """The check above would see a non-embedded font: reportlab's plain canvas has one."""
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "helvetica.pdf"
    canvas = Canvas(str(path))
    canvas.drawString(72, 72, "Helvetica")
    canvas.save()
    assert ("Helvetica", "no") in fonts(path)
