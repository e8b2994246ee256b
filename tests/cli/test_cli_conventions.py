"""The command line as a Japanese office uses it (issue 18): Japanese usage and errors on a
Japanese locale, English otherwise; input quoted as typed; every FISCAL_YEAR in three forms;
results on stdout; files that follow the umask; `| head` ending quietly."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from kenshu_desk.cli import main

SRC = str(Path(__file__).resolve().parents[2] / "src")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def japanese(monkeypatch):
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "KENSHU_DESK_LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")


@pytest.fixture
def english(monkeypatch):
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "KENSHU_DESK_LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture
def demo_file(capsys, db_arg):
    assert run(capsys, "--db", db_arg, "demo")[0] == 0
    return db_arg


def test_japanese_usage_errors(capsys, japanese):
    code, out, err = run(capsys, "agenda", "abc", "-o", "x.pdf")
    assert code == 2 and not out
    assert err.startswith("使い方: kenshu-desk agenda")
    assert "エラー: 引数 EVENT_ID: 「abc」は数値として読めません" in err
    assert "usage" not in err and "invalid" not in err

    code, _, err = run(capsys, "agenda")
    assert code == 2 and "次の引数が必要です: EVENT_ID" in err and "required" not in err

    code, _, err = run(capsys, "events", "--bogus")
    assert code == 2 and "知らない引数です: --bogus" in err

    code, _, err = run(capsys, "roster", "1", "-o", "x.pdf", "--order", "name")
    assert code == 2 and "「name」は選べません" in err


def test_japanese_help_headings(capsys, japanese):
    code, out, _ = run(capsys, "year", "-h")
    assert code == 0
    assert out.startswith("使い方: kenshu-desk year")
    assert "\n引数:\n" in out and "\nオプション:\n" in out
    assert "このヘルプを表示して終了" in out
    assert "positional arguments" not in out and "options:" not in out
    code, out, _ = run(capsys, "-h")
    assert code == 0 and "バージョンを表示して終了" in out


def test_english_locale_keeps_argparse_english(capsys, english):
    code, _, err = run(capsys, "agenda", "abc", "-o", "x.pdf")
    assert code == 2 and err.startswith("usage: ") and "invalid int value: 'abc'" in err
    code, out, _ = run(capsys, "year", "-h")
    assert "positional arguments:" in out and "options:" in out


def test_language_does_not_leak_into_other_parsers(capsys, japanese):
    import argparse

    run(capsys, "agenda", "abc")
    assert argparse.ArgumentParser(prog="x").format_usage().startswith("usage: ")


@pytest.mark.parametrize("typed", ["R99", "令和99年度", "1800"])
def test_out_of_range_year_quotes_what_was_typed(capsys, japanese, demo_file, typed):
    code, out, err = run(capsys, "--db", demo_file, "progress", typed)
    assert code == 2 and not out
    assert f"「{typed}」は扱える年度の範囲外です" in err
    assert "2117" not in err


@pytest.mark.parametrize("command", [["progress"], ["dispatches"], ["participants", "coverage"]])
def test_every_fiscal_year_argument_takes_three_forms(capsys, demo_file, command):
    outputs = []
    for typed in ("2021", "R3", "令和3年度"):
        code, out, err = run(capsys, "--db", demo_file, *command, typed, "--json")
        assert code == 0, err
        outputs.append(json.loads(out))
    assert outputs[0] == outputs[1] == outputs[2]
    assert outputs[0]["fiscal_year"] == 2021


def test_progress_output_file_reports_on_stdout(capsys, demo_file, tmp_path):
    code, out, err = run(capsys, "--db", demo_file, "progress", "R3", "-o", str(tmp_path / "p.pdf"))
    assert code == 0 and "p.pdf に令和3年度の進捗状況を出力しました" in out and err == ""
    # With --json, stdout is the JSON alone (the report moves aside to stderr).
    code, out, err = run(
        capsys, "--db", demo_file, "progress", "R3", "--json", "-o", str(tmp_path / "p.xlsx")
    )
    assert code == 0 and json.loads(out)["fiscal_year"] == 2021 and "p.xlsx" in err


@pytest.fixture
def umask():
    def set_mask(mask: int) -> None:
        os.umask(mask)

    saved = os.umask(0o022)
    yield set_mask
    os.umask(saved)


@pytest.mark.parametrize("mask", [0o022, 0o027, 0o002])
def test_created_files_follow_the_umask(capsys, demo_file, tmp_path, umask, mask):
    umask(mask)
    commands = {
        "year.pdf": ["year", "R3"],
        "progress.pdf": ["progress", "R3"],
        "progress.xlsx": ["progress", "R3"],
        "agenda.pdf": ["agenda", "1"],
    }
    for name, argv in commands.items():
        target = tmp_path / name
        code, _, err = run(capsys, "--db", demo_file, *argv, "-o", str(target))
        assert code == 0, err
        assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask, name


def test_existing_file_keeps_its_mode(capsys, demo_file, tmp_path, umask):
    target = tmp_path / "year.pdf"
    target.write_bytes(b"old")
    target.chmod(0o600)
    assert run(capsys, "--db", demo_file, "year", "R3", "-o", str(target))[0] == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def _closed_pipe_run(argv: list[str]) -> subprocess.CompletedProcess:
    """Run the real program with its stdout a pipe that nobody reads any more (`| head`)."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has gone before the first line is written
    env = {**os.environ, "PYTHONPATH": SRC, "LANG": "ja_JP.UTF-8"}
    try:
        return subprocess.run(
            [sys.executable, "-m", "kenshu_desk", *argv],
            stdout=write_end,
            stderr=subprocess.PIPE,
            env=env,
            timeout=120,
            check=False,
        )
    finally:
        os.close(write_end)


@pytest.mark.parametrize(
    "argv",
    [
        ["participants", "list", "--json"],
        ["participants", "list"],
        ["events"],
        ["dispatches", "R3"],
        ["progress", "R3"],
        ["-h"],
    ],
)
def test_output_into_a_closed_pipe_ends_quietly(demo_file, argv):
    done = _closed_pipe_run(["--db", demo_file, *argv])
    assert done.stderr.decode() == ""
    assert done.returncode in (0, 141)


def test_head_reads_the_first_lines(demo_file):
    env = {**os.environ, "PYTHONPATH": SRC}
    done = subprocess.run(
        f"{sys.executable} -m kenshu_desk --db '{demo_file}' participants list --json | head -n 2",
        shell=True,
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.stdout.decode().splitlines()[0] == "["
    assert "Traceback" not in done.stderr.decode() and "BrokenPipe" not in done.stderr.decode()


def test_a_progress_line_ends_even_when_the_work_stops_part_way(capsys):
    """Sending and fetching replies share one progress line: rewritten in place, ended with a
    line break when all is done — and when the work stopped early, so that the summary or
    the error after it does not run on from "送信中 1/3"."""
    from kenshu_desk.cli.common import ProgressLine

    with ProgressLine("送信中", "Sending") as line:
        for done in (0, 1, 1, 2, 3):
            line.show(done, 3)
    assert capsys.readouterr().err == "\r送信中 0/3\r送信中 1/3\r送信中 2/3\r送信中 3/3\n"

    with pytest.raises(RuntimeError), ProgressLine("読み込み中", "Reading") as line:
        line.show(1, 3)
        raise RuntimeError("the server went away")
    assert capsys.readouterr().err == "\r読み込み中 1/3\n"

    with ProgressLine("送信中", "Sending") as line:
        line.show(0, 0)  # nothing to do: no line at all
    assert capsys.readouterr().err == ""
