"""The application process SIGKILLed in the middle of a participant import and of programme
edits: on reopening the database is intact and each action is all or nothing.

(The same for a send run: tests/mail/test_mail_cli.py::
test_killed_run_resumes_without_sending_anything_twice.)
"""

from __future__ import annotations

import csv
import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from kenshu_desk.database import open_database
from kenshu_desk.domain.models import Participant, ProgrammeItem
from kenshu_desk.services.demo import load_demo
from kenshu_desk.services.shared.reference import municipalities

pytestmark = pytest.mark.sqlite_only

SRC = Path(__file__).resolve().parents[2] / "src"
ROWS = 20_000
HEADER = ["所属（市町村名）", "所属課", "職名", "氏名", "ふりがな", "メールアドレス"]


def _env() -> dict[str, str]:
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(SRC), env.get("PYTHONPATH", "")) if p)
    return env


def _big_csv(path: Path) -> None:
    towns = [m.name for m in municipalities()]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for n in range(ROWS):
        writer.writerow(
            [towns[n % len(towns)], "福祉課", "主事", f"山田　花子{n:05d}", f"やまだ　はなこ{n:05d}",
             f"p{n:05d}@example.jp"]
        )  # fmt: skip
    path.write_bytes(out.getvalue().encode("cp932"))


def _integrity_and_count(path: Path) -> tuple[str, int]:
    db = open_database(f"sqlite:///{path}")
    try:
        with db.session() as s:
            check = s.execute(text("PRAGMA integrity_check")).scalar_one()
            return check, s.scalar(select(func.count()).select_from(Participant)) or 0
    finally:
        db.dispose()


@pytest.mark.parametrize("delay", [0.15, 0.4])
def test_import_killed_while_it_writes_is_all_or_nothing(tmp_path, delay):
    """Killed once the preview is printed (the commit phase has begun), at two moments."""
    db_path = tmp_path / "office.sqlite3"
    open_database(f"sqlite:///{db_path}").dispose()
    _, before = _integrity_and_count(db_path)
    source = tmp_path / "名簿.csv"
    _big_csv(source)
    child = subprocess.Popen(
        [sys.executable, "-m", "kenshu_desk", "--db", str(db_path),
         "participants", "import", str(source)],
        env=_env(), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    try:
        assert child.stdout is not None
        for line in child.stdout:
            if line.startswith("列の対応"):  # the preview is out; the commit starts now
                break
        else:
            pytest.fail("the import ended before its preview")
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait(30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL, "the import finished before it could be killed"
    check, after = _integrity_and_count(db_path)
    assert check == "ok"
    # All or nothing: killed before its commit, none of it is there; on a quick machine the
    # commit may land before the kill (0.4 s), and then all of it is.
    assert after in (before, before + ROWS), f"{after - before} of {ROWS} rows: a partial import"


EDITOR = r"""
import sys
from kenshu_desk.database import open_database
from kenshu_desk.services.timetable.programme_edit import item_ids, move_item, update_item
from kenshu_desk.domain.models import ProgrammeItem

db = open_database("sqlite:///" + sys.argv[1])
event_id = int(sys.argv[2])
n = 0
while True:
    # One user action = one transaction: move the first item last, and shift a minute from
    # one item to another (the total stays the same only if both land, or neither).
    with db.session() as s:
        ids = item_ids(s, event_id)
        move_item(s, ids[0], len(ids) - 1)
        a, b = s.get(ProgrammeItem, ids[1]), s.get(ProgrammeItem, ids[2])
        if b.minutes > 1:
            update_item(s, a.id, {"minutes": a.minutes + 1})
            update_item(s, b.id, {"minutes": b.minutes - 1})
    n += 1
    print(n, flush=True)
"""


def _programme(path: Path, event_id: int) -> tuple[str, list[int], int]:
    db = open_database(f"sqlite:///{path}")
    try:
        with db.session() as s:
            check = s.execute(text("PRAGMA integrity_check")).scalar_one()
            items = list(s.scalars(select(ProgrammeItem).where(ProgrammeItem.event_id == event_id)))
            return check, sorted(i.position for i in items), sum(i.minutes for i in items)
    finally:
        db.dispose()


def test_programme_edits_killed_mid_way_leave_a_whole_programme(tmp_path):
    db_path = tmp_path / "office.sqlite3"
    db = open_database(f"sqlite:///{db_path}")
    with db.session() as s:
        load_demo(s)
        event_id = max(
            s.execute(
                select(ProgrammeItem.event_id, func.count()).group_by(ProgrammeItem.event_id)
            ),
            key=lambda row: row[1],
        )[0]
    db.dispose()
    _, positions, total = _programme(db_path, event_id)
    assert len(positions) >= 3
    child = subprocess.Popen(
        [sys.executable, "-c", EDITOR, str(db_path), str(event_id)],
        env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert child.stdout is not None
        for line in child.stdout:
            if int(line) >= 40:  # well into the loop, inside or between transactions
                break
        else:
            pytest.fail(f"the editor stopped: {child.stderr.read() if child.stderr else ''}")
        child.send_signal(signal.SIGKILL)
        child.wait(30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL
    check, after_positions, after_total = _programme(db_path, event_id)
    assert check == "ok"
    assert after_positions == positions  # no item lost or doubled, positions contiguous
    assert after_total == total  # each minute moved whole

    # And the database is usable again: the next edit goes through.
    db = open_database(f"sqlite:///{db_path}")
    try:
        from kenshu_desk.services.timetable.programme_edit import item_ids, move_item

        with db.session() as s:
            ids = item_ids(s, event_id)
            move_item(s, ids[0], 1)
    finally:
        db.dispose()
