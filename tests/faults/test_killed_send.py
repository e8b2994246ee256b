"""A send run killed (SIGKILL) at random moments: afterwards, and after the next run, every
recipient has exactly one message or a recorded unknown — never two, never a `sent` the server
did not get, never a message the server got left to be sent again."""

from __future__ import annotations

import functools
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from kenshu_desk.domain.models import OutboxMessage
from tests.faults.trials import mail_server, side_by_side, trial_database
from tests.mail.mailkit import Handler, make_event

ROOT = Path(__file__).resolve().parents[2]
PEOPLE = [
    (f"参加者　{i:03d}", f"さんかしゃ　{i:03d}", "さいたま市", f"p{i:03d}@example.jp")
    for i in range(80)
]


def _run(argv: list[str], data_dir: Path) -> subprocess.Popen[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(ROOT / "src"), env.get("PYTHONPATH", "")) if p
    )
    env["KENSHU_DESK_DATA_DIR"] = str(data_dir)
    return subprocess.Popen(
        [sys.executable, "-m", "kenshu_desk", *argv],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


TRIALS = 20
AT_ONCE = 4  # each trial mostly sleeps until its kill: several at once


@pytest.mark.slow
def test_killed_at_random_moments(postgres_server, tmp_path):
    """TRIALS kills, AT_ONCE at a time, each with its own database, server and data folder."""
    side_by_side(
        {
            f"trial {trial}": functools.partial(
                _trial, postgres_server, tmp_path / f"trial-{trial}", trial
            )
            for trial in range(TRIALS)
        },
        AT_ONCE,
    )


def _trial(postgres: str | None, folder: Path, trial: int) -> None:
    folder.mkdir()
    with trial_database(postgres, folder) as (db, db_arg):
        _killed_once(db, db_arg, folder, trial)


def _killed_once(db, db_arg, tmp_path, trial):  # type: ignore[no-untyped-def]
    handler = Handler(delay=0.02)
    with mail_server(handler) as port:
        event_id = make_event(db, people=PEOPLE)
        argv = ["--db", db_arg, "invites", "send", str(event_id), "--smtp-host", "127.0.0.1",
                "--smtp-port", str(port), "--smtp-security", "none"]  # fmt: skip
        child = _run(argv, tmp_path)
        time.sleep(random.Random(trial).uniform(0.8, 3.5))
        child.send_signal(signal.SIGKILL)
        child.wait(30)
        with db.session() as s:
            after_kill = {r.recipient_address: r.status for r in s.scalars(select(OutboxMessage))}
        got = {a: len(m) for a, m in handler.by_recipient().items()}
        for address, status in after_kill.items():
            if status in ("sent",):
                assert got.get(address) == 1, address
            if status == "queued":
                assert address not in got, address
        _, err = _run(argv, tmp_path).communicate(timeout=300)
        assert "Traceback" not in err, err[-2000:]
    got = {a: len(m) for a, m in handler.by_recipient().items()}
    assert all(n == 1 for n in got.values()), {a: n for a, n in got.items() if n > 1}
    with db.session() as s:
        final = {r.recipient_address: r.status for r in s.scalars(select(OutboxMessage))}
    assert len(final) == len(PEOPLE)
    for address, status in final.items():
        assert status in ("sent", "unknown"), (address, status)
        if status == "sent":
            assert got.get(address) == 1, address
    assert list(final.values()).count("unknown") <= 1  # only the message in flight
