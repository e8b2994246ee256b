"""The command line in English on a system that is not Japanese (issue 18), in Japanese on one
that is: argparse's words, every sub-command's --help, the result lines and the errors."""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kenshu_desk import messages
from kenshu_desk.cli import build_parser, main
from kenshu_desk.cli.core import KIND_EN

JAPANESE = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff01-\uff5e]")
SRC = str(Path(__file__).resolve().parents[2] / "src")
DATA = Path(__file__).resolve().parents[1] / "data"


def use_locale(monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    """The user's system locale, and nothing that overrides it."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "KENSHU_DESK_LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", lang)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def every_parser(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> Iterator:
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from every_parser(sub, (*path, name))


def test_every_help_is_english_on_an_english_system(monkeypatch):
    use_locale(monkeypatch, "en_US.UTF-8")
    messages.set_language("en")  # what main() does before it builds the parser
    try:
        parsers = list(every_parser(build_parser()))
        assert len(parsers) > 30  # the walk reached the nested commands (participants import…)
        for path, parser in parsers:
            text = parser.format_help()
            found = JAPANESE.findall(text)
            assert not found, f"kenshu-desk {' '.join(path)} --help: {''.join(found)}\n{text}"
            assert text.startswith("usage: ")
    finally:
        messages.set_language("ja")


def test_every_help_is_japanese_on_a_japanese_system(monkeypatch):
    use_locale(monkeypatch, "ja_JP.UTF-8")
    messages.set_language("ja")  # what main() does before it builds the parser
    for path, parser in every_parser(build_parser()):
        text = parser.format_help()
        assert text.startswith("使い方: "), path
        assert "オプション" in text and "options:" not in text, path


def test_usage_errors_follow_the_locale(capsys, monkeypatch):
    use_locale(monkeypatch, "en_US.UTF-8")
    code, out, err = run(capsys, "report", "abc", "-o", "x.pdf")
    assert code == 2 and out == ""
    assert err.startswith("usage: kenshu-desk report")
    assert "error: argument EVENT_ID: invalid int value: 'abc'" in err
    code, _, err = run(capsys, "certificates")
    assert "the following arguments are required: EVENT_ID" in err

    use_locale(monkeypatch, "ja_JP.UTF-8")
    code, _, err = run(capsys, "report", "abc", "-o", "x.pdf")
    assert code == 2
    assert err.startswith("使い方: kenshu-desk report")
    assert "エラー: 引数 EVENT_ID: 「abc」は数値として読めません" in err


def test_errors_and_results_in_english(capsys, monkeypatch, tmp_path):
    use_locale(monkeypatch, "en_US.UTF-8")
    db = str(tmp_path / "kenshu.db")
    code, out, err = run(capsys, "--db", db, "report", "999", "-o", str(tmp_path / "r.pdf"))
    assert code == 1 and out == ""
    assert err.startswith("kenshu-desk: ") and err.count("\n") == 1
    assert not JAPANESE.search(err), err
    assert "999" in err

    code, out, err = run(capsys, "--db", db, "demo")
    assert code == 0 and not JAPANESE.search(out), out
    code, out, _ = run(capsys, "--db", db, "events")
    assert code == 0
    lines = out.splitlines()
    fields = [line.strip().split("  ") for line in lines]  # id, date, time span, kind, title
    assert fields and all(f[3] in KIND_EN.values() for f in fields), out

    material = tmp_path / "資料1.pdf"
    material.write_bytes(b"%PDF-1.4\n%%EOF\n")
    event_id = lines[0].split()[0]
    code, out, err = run(capsys, "--db", db, "materials", "add", event_id, str(material))
    assert code == 0, err
    assert out.startswith("Added material 1 ") and "(資料1.pdf, " in out

    assert re.fullmatch(r"\d\d:\d\d-\d\d:\d\d", fields[0][2]), lines[0]  # the time span

    # The process's language afterwards is what it was: main() restores it.
    assert messages.current_language() == "ja"


def test_a_real_process_on_an_english_system(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "KENSHU_DESK_LANG"))}
    env |= {"PYTHONPATH": SRC, "LANG": "en_US.UTF-8", "LANGUAGE": ""}
    db = str(tmp_path / "kenshu.db")
    done = subprocess.run(
        [sys.executable, "-m", "kenshu_desk", "--db", db, "groups", "1", "--groups", "x"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 2
    assert "usage: kenshu-desk groups" in done.stderr
    assert "error: argument --groups" in done.stderr
    assert not JAPANESE.search(done.stderr), done.stderr


JSON_COMMANDS = [
    ("events",),
    ("participants", "list"),
    ("participants", "coverage", "R3"),
    ("progress", "2021"),
    ("dispatches", "2021"),
    ("report", "1"),
    ("certificates", "1"),
    ("groups", "1", "--groups", "3"),
    ("replies", "list", "1"),
    ("recordings", "follow-up", "1"),
]


def test_json_is_the_same_in_both_languages(capsys, monkeypatch, tmp_path):
    """Scripts rely on --json: neither its field names nor its values follow the language."""
    db = str(tmp_path / "kenshu.db")
    assert run(capsys, "--db", db, "demo")[0] == 0
    for command in JSON_COMMANDS:
        outputs = []
        for lang in ("ja_JP.UTF-8", "en_US.UTF-8"):
            use_locale(monkeypatch, lang)
            code, out, err = run(capsys, "--db", db, *command, "--json")
            assert code == 0, (command, err)
            outputs.append(json.loads(out))
        assert outputs[0] == outputs[1], command


def test_an_import_preview_words_the_file_format(capsys, monkeypatch, tmp_path):
    db = str(tmp_path / "kenshu.db")
    sample = str(DATA / "participants_cp932.csv")
    use_locale(monkeypatch, "en_US.UTF-8")
    code, out, err = run(capsys, "--db", db, "participants", "import", sample, "--dry-run")
    assert code == 0, err
    first = out.splitlines()[0]
    assert first.startswith("participants_cp932.csv (CSV (Shift_JIS (cp932), comma-separated)")
    assert not JAPANESE.search(first), first
    use_locale(monkeypatch, "ja_JP.UTF-8")
    code, out, err = run(capsys, "--db", db, "participants", "import", sample, "--dry-run")
    assert code == 0, err
    assert out.startswith("participants_cp932.csv（CSV（Shift_JIS（cp932）、コンマ区切り）")


def test_the_progress_table_in_english(capsys, monkeypatch, tmp_path):
    db = str(tmp_path / "kenshu.db")
    assert run(capsys, "--db", db, "demo")[0] == 0
    use_locale(monkeypatch, "en_US.UTF-8")
    code, out, err = run(capsys, "--db", db, "progress", "R3")
    assert code == 0, err
    assert out.splitlines()[1].split("\t")[1:] == [
        "FY2021 in place",
        "Planned within FY2021",
        "Planned by FY2022",
        "Planned FY2023 or later",
    ]
    assert len(out.splitlines()) == 9 and not JAPANESE.search(out), out
