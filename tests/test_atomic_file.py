"""The one file writer (kenshu_desk.atomic_file): whole or not at all, through symbolic links,
patient with a file another program holds open on Windows."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kenshu_desk import atomic_file
from kenshu_desk.atomic_file import write_atomically
from kenshu_desk.errors import UserError

SRC = Path(atomic_file.__file__).resolve().parents[1]


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need privileges on Windows")
def test_a_symbolic_link_is_written_through_and_stays_a_link(tmp_path):
    real = tmp_path / "shared" / "次第.pdf"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "次第へのリンク.pdf"
    link.symlink_to(real)
    written = write_atomically(link, b"new")
    assert written == real.resolve()
    assert link.is_symlink() and real.read_bytes() == b"new" and link.read_bytes() == b"new"
    assert _leftovers(tmp_path) == [] and _leftovers(real.parent) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_is_refused_at_once_not_waited_on(tmp_path):
    fifo = tmp_path / "pipe.xlsx"
    os.mkfifo(fifo)
    with pytest.raises(UserError, match="通常のファイルではない"):
        write_atomically(fifo, b"data")


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_write_that_fails_midway_leaves_the_earlier_file_whole(tmp_path):
    """A full disk, for real: the file-size limit (RLIMIT_FSIZE) makes the write fail with
    EFBIG after 64 KiB, in a child process so the test runner keeps its own limits."""
    target = tmp_path / "出席者一覧.xlsx"
    target.write_bytes(b"the good export")
    code = textwrap.dedent(f"""
        import resource, signal, sys
        from pathlib import Path
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (65536, 65536))
        from kenshu_desk.atomic_file import write_atomically
        from kenshu_desk.errors import UserError
        try:
            write_atomically(Path({str(target)!r}), b"x" * 1_000_000)
        except UserError as exc:
            print(exc)
            sys.exit(1)
    """)
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        timeout=60,
    )
    assert result.returncode == 1, result.stderr
    assert "書き込めません" in result.stdout and "Traceback" not in result.stderr
    assert target.read_bytes() == b"the good export"
    assert _leftovers(tmp_path) == []


def test_a_file_held_open_on_windows_is_retried_then_reported(tmp_path, monkeypatch):
    """Windows refuses to replace a file Excel holds open (PermissionError). Here the refusal
    is made by hand — the one place this suite cannot reach the real platform."""
    monkeypatch.setattr(atomic_file, "HELD_OPEN_IS_PERMISSION_ERROR", True)
    target = tmp_path / "配信記録.xlsx"
    target.write_bytes(b"open in Excel")
    real_replace = os.replace
    refusals = {"left": 3}

    def replace(src, dst):  # type: ignore[no-untyped-def]
        if refusals["left"]:
            refusals["left"] -= 1
            raise PermissionError(13, "The process cannot access the file")
        real_replace(src, dst)

    monkeypatch.setattr(atomic_file.os, "replace", replace)
    pauses: list[float] = []
    write_atomically(target, b"closed a moment later", sleep=pauses.append)
    assert target.read_bytes() == b"closed a moment later" and len(pauses) == 3

    refusals["left"] = 1000  # never closed
    with pytest.raises(UserError, match="閉じてから"):
        write_atomically(target, b"lost?", sleep=pauses.append)
    assert target.read_bytes() == b"closed a moment later"
    assert _leftovers(tmp_path) == []


def test_elsewhere_a_permission_error_is_reported_at_once(tmp_path, monkeypatch):
    monkeypatch.setattr(atomic_file, "HELD_OPEN_IS_PERMISSION_ERROR", False)

    def replace(src, dst):  # type: ignore[no-untyped-def]
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic_file.os, "replace", replace)
    pauses: list[float] = []
    with pytest.raises(UserError, match="書き込めません: Permission denied"):
        write_atomically(tmp_path / "a.pdf", b"x", sleep=pauses.append)
    assert pauses == [] and _leftovers(tmp_path) == []


def test_a_new_file_gets_the_umask_mode_and_an_old_one_keeps_its_own(tmp_path):
    new = write_atomically(tmp_path / "new.ics", b"x")
    assert new.stat().st_mode & 0o777 == 0o666 & ~atomic_file.current_umask()
    if os.name != "nt":
        old = tmp_path / "old.ics"
        old.write_bytes(b"y")
        old.chmod(0o600)
        write_atomically(old, b"z")
        assert old.stat().st_mode & 0o777 == 0o600


def test_every_writer_of_the_program_uses_the_one_writer():
    """No module writes a user's file with write_bytes / write_text / open('w') any more
    (the journal of 250s appends a line, by design)."""
    package = SRC / "kenshu_desk"
    allowed = {"atomic_file.py", "db_backup.py"}  # db_backup: SQLite builds the file itself
    offenders = []
    for path in package.rglob("*.py"):
        rel = path.relative_to(package).as_posix()
        if rel in allowed:
            continue
        text = path.read_text(encoding="utf-8")
        for needle in (".write_bytes(", ".write_text(", "os.replace(", ".replace(path)"):
            if needle in text:
                offenders.append(f"{rel}: {needle}")
    assert offenders == []
