"""A database file with damaged pages (a disk error, a copy cut short): every command says the
file is damaged and where the latest backup is, in one line, instead of a traceback."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from kenshu_desk.cli import main
from kenshu_desk.database import backup_sqlite, open_database
from kenshu_desk.services.demo import load_demo


def _damage(path: Path) -> None:
    """Overwrite the middle pages, keeping the header and the schema page readable."""
    page = sqlite3.connect(path).execute("PRAGMA page_size").fetchone()[0]
    size = path.stat().st_size
    with path.open("r+b") as f:
        for offset in range(2 * page, size - page, page):
            f.seek(offset)
            f.write(b"\xde\xad" * (page // 2))


def make_damaged(db_path: Path) -> Path:
    """A demo database at `db_path`, backed up, then damaged; returns the backup."""
    db = open_database(f"sqlite:///{db_path}")
    with db.session() as s:
        load_demo(s)
    db.dispose()
    backup = backup_sqlite(db_path)
    con = sqlite3.connect(db_path)  # fold the WAL in, so the damage lands in the pages read
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.execute("PRAGMA journal_mode=DELETE")
    con.close()
    _damage(db_path)
    return backup


@pytest.fixture
def damaged(db_path: Path) -> tuple[Path, Path]:
    return db_path, make_damaged(db_path)


@pytest.mark.parametrize(
    "argv",
    [
        ["events"],
        ["participants", "list"],
        ["outbox"],
        ["progress", "2021"],
        ["agenda", "1", "-o", "a.pdf"],
    ],
)
def test_commands_on_a_damaged_file_say_so_in_one_line(
    capsys, damaged, argv, tmp_path, monkeypatch
):  # type: ignore[no-untyped-def]
    path, backup = damaged
    monkeypatch.chdir(tmp_path)
    before = path.read_bytes()
    try:
        code = main(["--db", str(path), *argv])
    except SystemExit as exc:
        code = int(exc.code or 0)
    err = capsys.readouterr().err
    assert code == 1, err
    assert "Traceback" not in err and err.count("\n") == 1, err
    assert "壊れています" in err and str(backup) in err
    assert path.read_bytes() == before  # nothing written to it
    shutil.copy(backup, tmp_path / "restored.sqlite3")  # the backup named is a good copy
    assert open_database(f"sqlite:///{tmp_path / 'restored.sqlite3'}").change_counter() >= 0
