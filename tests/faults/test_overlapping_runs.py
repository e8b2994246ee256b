"""Two send runs that overlap: the same organiser pressing twice, or two organisers in team mode.

Each run is a real `kenshu-desk` process (queue, then send) against one database (SQLite here,
PostgreSQL with --postgres) and one slow local SMTP server; the second starts at several
moments of the first. Whatever the timing: nobody gets two messages, no row is put back to
`queued` after another run sent it, and neither process prints a traceback (a run that lost
the race says so in one line). A last run finishes whatever a stopped run left queued.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from kenshu_desk.domain.models import OutboxMessage
from tests.faults.trials import mail_server, side_by_side, trial_database
from tests.mail.mailkit import Handler, make_event

ROOT = Path(__file__).resolve().parents[2]
URL = "https://example.jp/video/overlap"


def people(n: int) -> list[tuple[str, str, str, str]]:
    return [
        (f"参加者　{i:03d}", f"さんかしゃ　{i:03d}", "さいたま市", f"p{i:03d}@example.jp")
        for i in range(n)
    ]


@pytest.fixture
def slow_server() -> Iterator[tuple[int, Handler]]:
    handler = Handler(delay=0.01)
    with mail_server(handler) as port:
        yield port, handler


def _command(db_arg: str, port: int, kind: str, event_id: int) -> list[str]:
    smtp = ["--smtp-host", "127.0.0.1", "--smtp-port", str(port), "--smtp-security", "none"]
    if kind == "recording":
        return ["--db", db_arg, "recordings", "send", str(event_id), "--url", URL, "--to", "all",
                *smtp]  # fmt: skip
    return ["--db", db_arg, "invites", "send", str(event_id), *smtp]


def _start(argv: list[str], data_dir: Path) -> subprocess.Popen[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(ROOT / "src"), env.get("PYTHONPATH", "")) if p
    )
    env["KENSHU_DESK_DATA_DIR"] = str(data_dir)
    return subprocess.Popen(
        [sys.executable, "-m", "kenshu_desk", *argv],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def overlap(db, db_arg, tmp_path, slow_server, kind: str, n: int, delay: float) -> None:  # type: ignore[no-untyped-def]
    port, handler = slow_server
    event_id = make_event(db, people=people(n))
    argv = _command(db_arg, port, kind, event_id)
    first = _start(argv, tmp_path / "first")
    time.sleep(delay)
    second = _start(argv, tmp_path / "first")  # one organiser: one data folder (journal)
    outputs = [p.communicate(timeout=600) for p in (first, second)]
    for (out, err), proc in zip(outputs, (first, second), strict=True):
        assert "Traceback" not in err and "Traceback" not in out, err[-2000:]
        assert proc.returncode in (0, 1), err[-2000:]
        if proc.returncode == 1:  # lost the race or stopped: one clear line, no personal data
            lines = [line for line in err.splitlines() if "kenshu-desk:" in line]
            assert len(lines) == 1, err[-2000:]
            assert "@example.jp" not in lines[0] and "参加者" not in lines[0]
    last = _start(argv, tmp_path / "first")
    out, err = last.communicate(timeout=600)
    assert "Traceback" not in err, err[-2000:]
    arrived = handler.by_recipient()
    duplicates = {address: len(m) for address, m in arrived.items() if len(m) > 1}
    assert duplicates == {}
    assert sorted(arrived) == [p[3] for p in people(n)]
    with db.session() as s:
        rows = s.scalars(select(OutboxMessage).where(OutboxMessage.event_id == event_id)).all()
    assert {r.status for r in rows} == {"sent"} and len(rows) == n
    for row in rows:  # the copy that arrived is the one the record names
        (got,) = arrived[row.recipient_address]
        assert row.message_id.encode() in got.data


@pytest.mark.parametrize("kind", ["invitation", "recording"])
@pytest.mark.parametrize("delay", [0.0, 1.5])
def test_two_overlapping_runs_send_each_message_once(
    db, db_arg, tmp_path, slow_server, kind, delay
):
    overlap(db, db_arg, tmp_path, slow_server, kind, 60, delay)


DELAYS = [0.0, 0.3, 0.6, 1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 7.0]
# Trials side by side: one trial leaves a core idle while it waits for the slow server, so a
# few at once keep both cores busy (measured: 10 trials in ~90 s instead of ~140 s).
AT_ONCE = 3


def _trial(postgres: str | None, folder: Path, kind: str, delay: float) -> None:
    """One trial with its own database, server and data folder (run on a worker thread)."""
    folder.mkdir()
    handler = Handler(delay=0.01)
    with trial_database(postgres, folder) as (db, db_arg), mail_server(handler) as port:
        overlap(db, db_arg, folder, (port, handler), kind, 500, delay)


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["invitation", "recording"])
def test_two_overlapping_runs_500_recipients(postgres_server, tmp_path, kind):
    """Ten trials per kind (the second run started 0–7 s after the first), AT_ONCE at a time."""
    side_by_side(
        {
            f"second run after {delay} s": functools.partial(
                _trial, postgres_server, tmp_path / f"delay-{delay}", kind, delay
            )
            for delay in DELAYS
        },
        AT_ONCE,
    )
