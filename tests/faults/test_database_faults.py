"""A database that is read-only, locked by another process, corrupted or from an older version:
a clear message, and nothing lost or overwritten."""

from __future__ import annotations

import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from kenshu_desk.cli import main
from kenshu_desk.database import DatabaseError, open_database
from kenshu_desk.domain.models import Event
from kenshu_desk.services.demo import load_demo

pytestmark = pytest.mark.sqlite_only


def _demo_file(path: Path) -> None:
    db = open_database(f"sqlite:///{path}")
    with db.session() as s:
        load_demo(s)
    db.dispose()


@pytest.fixture
def readonly_dir(tmp_path):  # type: ignore[no-untyped-def]
    """A real read-only file system (root ignores file permissions, so chmod proves nothing)."""
    mount_point = Path("/tmp") / f"kenshu-ro-{uuid.uuid4().hex[:8]}"
    mount_point.mkdir()
    if (
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=20m", "tmpfs", str(mount_point)],
            capture_output=True,
        ).returncode
        != 0
    ):
        mount_point.rmdir()
        pytest.skip("cannot mount a file system here")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], capture_output=True)
        mount_point.rmdir()


def test_read_only_database_is_reported_and_unchanged(readonly_dir, capsys):
    path = readonly_dir / "office.sqlite3"
    _demo_file(path)
    before = path.read_bytes()
    subprocess.run(["mount", "-o", "remount,ro", str(readonly_dir)], check=True)
    code = main(["--db", str(path), "events", "--json"])
    err = capsys.readouterr().err
    if code == 0:
        # Reading a WAL database on a read-only medium may work; writing must fail clearly.
        db = open_database(f"sqlite:///{path}")
        with pytest.raises(DatabaseError, match="読み取り専用"), db.session() as s:
            s.scalars(select(Event)).first().title = "変更"
        db.dispose()
    else:
        assert code == 1 and err.count("\n") == 1 and "読み取り専用" in err
    assert path.read_bytes() == before


HOLD_LOCK = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
conn.execute("UPDATE event SET notes = 'locked by another process'")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("ROLLBACK")
"""


def test_database_locked_by_another_process(tmp_path):
    path = tmp_path / "shared.sqlite3"
    _demo_file(path)
    db = open_database(f"sqlite:///{path}")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(path), "8"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(DatabaseError, match="使用中"), db.session() as s:
            s.scalars(select(Event)).first().title = "上書き"
    finally:
        holder.kill()
        holder.wait()
    with db.session() as s:
        assert "上書き" not in {e.title for e in s.scalars(select(Event))}
    db.dispose()


def test_corrupted_database_is_reported_never_overwritten(tmp_path, capsys):
    path = tmp_path / "office.sqlite3"
    _demo_file(path)
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xde\xad\xbe\xef" * ((4096 - 100) // 4)  # smash the schema page
    path.write_bytes(bytes(data))
    code = main(["--db", str(path), "events", "--json"])
    err = capsys.readouterr().err
    assert code == 1 and "壊れて" in err and err.count("\n") == 1
    assert path.read_bytes() == bytes(data)


def test_older_schema_is_upgraded_with_a_backup_beside_it(tmp_path, capsys):
    from tests.test_database import _make_old_database

    path = tmp_path / "old.sqlite3"
    _make_old_database(path)
    code = main(["--db", str(path), "events", "--json"])
    captured = capsys.readouterr()
    assert code == 0 and "旧い研修" in captured.out
    assert "更新前のコピー" in captured.err
    backups = list(tmp_path.glob("old.backup-*.sqlite3"))
    assert len(backups) == 1
    copy = tmp_path / "copy.sqlite3"
    shutil.copy(backups[0], copy)
    assert open_database(f"sqlite:///{copy}", upgrade=False).engine  # still a database
