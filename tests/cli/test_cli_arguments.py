"""Numbers and folders on the command line: one clear line quoting what was typed, never a
traceback (an OverflowError from a 23-digit id, a ValueError from a negative alarm)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kenshu_desk.cli import main


def run(capsys, *argv: str) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    return code, capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "bad"),
    [
        (["agenda", "99999999999999999999999", "-o", "x.pdf"], "99999999999999999999999"),
        (["ics", "1", "-o", "x.ics", "--alarm", "99999999999999"], "99999999999999"),
        (["ics", "1", "-o", "x.ics", "--alarm=-5"], "-5"),
        (["invites", "send", "1", "--smtp-port", "70000", "--dry-run"], "70000"),
        (["outbox", "--resend", "0"], "「0」"),
        (["attendance", "import", "r.csv", "--event", "1e3"], "1e3"),
    ],
)
def test_out_of_range_numbers_are_usage_errors(capsys, db_arg, argv, bad, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("KENSHU_DESK_LANG", "ja")
    code, err = run(capsys, "--db", db_arg, *argv)
    assert code == 2
    assert "Traceback" not in err and "OverflowError" not in err
    assert bad in err  # the message quotes what was typed


def test_eml_dir_that_is_a_file_says_so(capsys, db_arg: str, tmp_path: Path, monkeypatch):  # type: ignore[no-untyped-def]
    """Worded from the message catalogue in the command line's language."""
    monkeypatch.setenv("KENSHU_DESK_LANG", "en")
    not_a_folder = tmp_path / "drafts.txt"
    not_a_folder.write_text("x")
    code, err = run(capsys, "--db", db_arg, "invites", "send", "1", "--eml-dir", str(not_a_folder))
    assert code == 2 and "is a file, not a folder" in err
    code, err = run(capsys, "--db", db_arg, "recordings", "send", "1", "--eml-dir", "/nonexistent")
    assert code == 2 and "does not exist" in err
    monkeypatch.setenv("KENSHU_DESK_LANG", "ja")
    not_a_folder.write_text("x")
    code, err = run(capsys, "--db", db_arg, "invites", "send", "1", "--eml-dir", str(not_a_folder))
    assert code == 2 and "フォルダではなくファイルです" in err
    code, err = run(
        capsys, "--db", db_arg, "invites", "send", "1", "--eml-dir", str(tmp_path / "none")
    )
    assert code == 2 and "がありません" in err
