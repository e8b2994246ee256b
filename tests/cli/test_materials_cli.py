"""materials add / list: real files (a reportlab PDF, an openpyxl workbook) into a real
SQLite file, refused files said in Japanese and nothing stored for them."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json

from openpyxl import Workbook
from reportlab.pdfgen.canvas import Canvas

from kenshu_desk.cli import main
from kenshu_desk.domain.models import Event
from kenshu_desk.services.materials.materials import material_data


def run(capsys, *argv: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def make_event(db) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        event = Event(
            title="第1回重層的支援体制整備研修", date=dt.date(2026, 12, 10),
            start_time=dt.time(13, 30), end_time=dt.time(16, 30),
        )  # fmt: skip
        s.add(event)
        s.flush()
        return event.id


def pdf_bytes() -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, "handout")
    canvas.save()
    return buffer.getvalue()


def xlsx_bytes() -> bytes:
    book = Workbook()
    book.active["A1"] = "市町村名"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_add_and_list_in_order_with_the_json_fields(capsys, db, db_arg, tmp_path):
    event_id = make_event(db)
    pdf = tmp_path / "講義資料（中島先生）.pdf"
    pdf.write_bytes(pdf_bytes())
    sheet = tmp_path / "ワークシート.xlsx"
    sheet.write_bytes(xlsx_bytes())
    code, out, err = run(capsys, "--db", db_arg, "materials", "add", str(event_id), str(pdf))
    assert code == 0, err
    assert "講義資料（中島先生）" in out
    code, _, err = run(
        capsys, "--db", db_arg, "materials", "add", str(event_id), str(sheet),
        "--title", "グループワーク用シート",
    )  # fmt: skip
    assert code == 0, err

    code, out, _ = run(capsys, "--db", db_arg, "materials", "list", str(event_id), "--json")
    assert code == 0
    rows = json.loads(out)
    assert [r["title"] for r in rows] == ["講義資料（中島先生）", "グループワーク用シート"]
    assert [r["position"] for r in rows] == [0, 1]
    assert set(rows[0]) == {
        "id", "position", "title", "file_name", "media_type", "size", "sha256",
    }  # fmt: skip
    assert rows[0]["media_type"] == "application/pdf"
    assert rows[1]["media_type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert rows[0]["size"] == len(pdf.read_bytes())
    assert rows[0]["sha256"] == hashlib.sha256(pdf.read_bytes()).hexdigest()
    with db.session() as s:  # the bytes themselves are in the database
        info, data = material_data(s, rows[1]["id"])
        assert data == sheet.read_bytes() and info.file_name == "ワークシート.xlsx"

    code, out, _ = run(capsys, "--db", db_arg, "materials", "list", str(event_id))
    assert code == 0 and out.splitlines()[0].startswith("1\t")


def test_files_that_are_not_office_documents_are_refused(capsys, db, db_arg, tmp_path):
    event_id = make_event(db)
    note = tmp_path / "メモ.txt"
    note.write_text("hello", encoding="utf-8")
    fake = tmp_path / "資料.docx"
    fake.write_text("not a word file", encoding="utf-8")
    empty = tmp_path / "空.pdf"
    empty.write_bytes(b"")
    code, _, err = run(capsys, "--db", db_arg, "materials", "add", str(event_id), str(note))
    assert code == 1 and "資料として登録できません" in err and "Traceback" not in err
    code, _, err = run(capsys, "--db", db_arg, "materials", "add", str(event_id), str(fake))
    assert code == 1 and "中身が DOCX のファイルではありません" in err
    code, _, err = run(capsys, "--db", db_arg, "materials", "add", str(event_id), str(empty))
    assert code == 1 and "空のファイル" in err
    missing = tmp_path / "ない.pdf"
    code, _, err = run(capsys, "--db", db_arg, "materials", "add", str(event_id), str(missing))
    assert code == 1 and "読み込めません" in err
    code, _, err = run(capsys, "--db", db_arg, "materials", "add", "999", str(tmp_path))
    assert code == 1
    code, out, _ = run(capsys, "--db", db_arg, "materials", "list", str(event_id), "--json")
    assert json.loads(out) == []
