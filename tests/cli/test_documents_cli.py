"""`kenshu-desk agenda` and `kenshu-desk roster` as a script uses them."""

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader

from kenshu_desk.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo(capsys, db_arg) -> dict[str, int]:
    assert run(capsys, "--db", db_arg, "demo")[0] == 0
    events = json.loads(run(capsys, "--db", db_arg, "events", "--json")[1])
    return {e["date"]: e["id"] for e in events}


def pdf_text(path) -> tuple[str, PdfReader]:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return "\n".join(p.extract_text() for p in reader.pages), reader


def test_agenda_command_writes_the_pdf(capsys, db_arg, demo, tmp_path):
    out = tmp_path / "次第.pdf"
    code, stdout, err = run(
        capsys, "--db", db_arg, "agenda", str(demo["2021-11-25"]), "-o", str(out)
    )
    assert code == 0, err
    assert str(out) in stdout
    text, _ = pdf_text(out)
    assert "14:35～15:20" in text and "(45分)" in text and "中島 修" in text
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_roster_command_orders_and_sign_in(capsys, db_arg, demo, tmp_path):
    event_id = str(demo["2021-11-25"])
    by_org, by_reading, sign_in = (tmp_path / n for n in ("org.pdf", "kana.pdf", "sign.pdf"))
    assert run(capsys, "--db", db_arg, "roster", event_id, "-o", str(by_org))[0] == 0
    code, stdout, _ = run(
        capsys,
        "--db",
        db_arg,
        "roster",
        event_id,
        "-o",
        str(by_reading),
        "--order",
        "reading",
    )
    assert code == 0 and "五十音順" in stdout
    code, stdout, _ = run(
        capsys, "--db", db_arg, "roster", event_id, "-o", str(sign_in), "--sign-in"
    )
    assert code == 0 and "受付簿" in stdout
    org_text, _ = pdf_text(by_org)
    kana_text, _ = pdf_text(by_reading)
    sign_text, sign_reader = pdf_text(sign_in)
    assert "参加者名簿" in org_text and "所属順" in org_text
    # さいたま市 (111007) comes before 川越市 (112011) by official code; in 五十音 order
    # 新井 (あらい) comes first.
    assert org_text.index("さいたま市") < org_text.index("川越市")
    assert kana_text.index("新井") < kana_text.index("小林")
    assert "受付簿" in sign_text and "署名" in sign_text and "出欠" in sign_text
    width, height = sign_reader.pages[0].mediabox.width, sign_reader.pages[0].mediabox.height
    assert width > height  # landscape: room to sign
    # 前田, 東海林 and 村上 cancelled their registrations for this event: not on any list.
    for text in (org_text, kana_text, sign_text):
        assert "前田" not in text and "東海林" not in text and "村上" not in text
        assert "小林" in text and "新井" in text


def test_unknown_event_is_one_line_exit_1(capsys, db_arg, demo, tmp_path):
    out = tmp_path / "x.pdf"
    for command in ("agenda", "roster"):
        code, stdout, err = run(capsys, "--db", db_arg, command, "99999", "-o", str(out))
        assert code == 1 and stdout == ""
        assert err.count("\n") == 1 and "99999" in err and "Traceback" not in err
    assert not out.exists()


@pytest.mark.parametrize("where", ["missing-folder/x.pdf", "."])
def test_unwritable_output_is_one_line_exit_1(capsys, db_arg, demo, tmp_path, where):
    target = tmp_path / where
    code, stdout, err = run(
        capsys, "--db", db_arg, "agenda", str(demo["2021-05-24"]), "-o", str(target)
    )
    assert code == 1 and stdout == ""
    assert err.startswith("kenshu-desk: ") and err.count("\n") == 1


def test_read_only_folder_is_one_line_exit_1(capsys, db_arg, demo, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        if _can_write(folder):
            pytest.skip("running as a user who can write anywhere")
        code, _, err = run(
            capsys,
            "--db",
            db_arg,
            "roster",
            str(demo["2021-05-24"]),
            "-o",
            str(folder / "r.pdf"),
        )
        assert code == 1 and err.count("\n") == 1 and "書き込めません" in err
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def _can_write(folder) -> bool:
    try:
        (folder / ".probe").write_bytes(b"")
    except OSError:
        return False
    (folder / ".probe").unlink()
    return True


def test_bad_order_is_a_usage_error(capsys, db_arg, demo, tmp_path):
    code, _, err = run(
        capsys, "--db", db_arg, "roster", "1", "-o", str(tmp_path / "x.pdf"), "--order", "age"
    )
    assert code == 2 and "「age」は選べません" in err
