"""`kenshu-desk [--db X]` as a user starts it: a window at once, then the main window.

Each start runs in its own process, watched by the benchmark's event filter (it prints each
window as it is shown and answers message boxes), so what is tested is what is measured.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from benchmarks.startup import APP

from kenshu_desk.cli import window_request

ROOT = Path(__file__).resolve().parents[2]


def start(tmp_path: Path, *args: str) -> tuple[int, list[list[str]]]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT / "src"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),  # older versions' QSettings
        "KENSHU_DESK_DATA_DIR": str(tmp_path / "userdata"),
    }
    done = subprocess.run(
        [sys.executable, "-c", APP, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    return done.returncode, [line.split(" ", 4) for line in done.stdout.splitlines()]


def test_the_start_window_shows_before_the_database_layer_loads(tmp_path: Path, db_arg: str):
    code, lines = start(tmp_path, "--db", db_arg)
    assert code == 0, lines
    assert [line[:2] for line in lines] == [["shown", "startWindow"], ["shown", "mainWindow"]]
    # What makes the first window quick: SQLAlchemy (and with it every service) loads after.
    assert lines[0][3] == "False"
    assert lines[1][3] == "True"


def test_the_window_reopens_where_it_was(tmp_path: Path, db_arg: str):
    assert start(tmp_path, "--db", db_arg)[0] == 0
    saved = json.loads((tmp_path / "userdata" / "settings.json").read_text(encoding="utf-8"))
    assert saved["window"]["geometry"]


@pytest.mark.sqlite_only
def test_a_database_that_cannot_be_opened_is_reported_and_the_start_ends(tmp_path: Path):
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"this is not a database" * 100)
    code, lines = start(tmp_path, f"--db={broken}")
    assert code == 1
    assert [line[0] for line in lines] == ["shown", "message"]
    assert "broken.sqlite3" in " ".join(lines[1])
    assert broken.read_bytes() == b"this is not a database" * 100  # reported, not overwritten


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], (True, None)),
        (["--db", "x.sqlite3"], (True, "x.sqlite3")),
        (["--db=postgresql+psycopg://u@h/d"], (True, "postgresql+psycopg://u@h/d")),
        (["--db"], (False, None)),  # argparse says what is missing
        (["--db", "--version"], (False, None)),
        (["--version"], (False, None)),
        (["events", "--json"], (False, None)),
        (["--db", "x", "events"], (False, None)),
    ],
)
def test_only_a_bare_start_skips_the_command_parser(argv, expected):
    assert window_request(argv) == expected


@pytest.mark.sqlite_only
def test_a_damaged_database_shows_one_line_with_the_latest_backup(tmp_path: Path):
    """Damaged pages (the header still reads): one line in the message box naming the
    newest backup, no traceback, the file left as it was."""
    from tests.test_damaged_database import make_damaged

    path = tmp_path / "damaged.sqlite3"
    backup = make_damaged(path)
    before = path.read_bytes()
    code, lines = start(tmp_path, f"--db={path}")
    assert code == 1, lines
    assert [line[0] for line in lines] == ["shown", "message"], lines  # one line, one box
    said = " ".join(lines[1])
    assert ("壊れています" in said or "is damaged" in said) and str(backup) in said
    assert "Traceback" not in said
    assert path.read_bytes() == before
