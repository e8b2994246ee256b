"""A database written by a newer kenshu-desk (an Alembic revision this program does not
know): the connection test says it cannot be opened safely, and opening it is refused
without touching it — never "it will be upgraded"."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, func, select, text

from kenshu_desk.cli import main
from kenshu_desk.database import DatabaseError, open_database, probe_database
from kenshu_desk.domain.models import Event

NEWER = "i99z_from_a_newer_kenshu_desk"


def _stamp(db, revision: str) -> int:  # type: ignore[no-untyped-def]
    """Stamp the demo database as `revision`; returns its number of events."""
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
        events = conn.execute(select(func.count(Event.id))).scalar_one()
    db.dispose()
    return events


def _stored(url: str) -> tuple[str, int]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
            return revision, conn.execute(select(func.count(Event.id))).scalar_one()
    finally:
        engine.dispose()


def test_the_connection_test_says_a_newer_database_cannot_be_opened(demo_db):
    events = _stamp(demo_db, NEWER)
    with pytest.raises(DatabaseError) as raised:
        probe_database(demo_db.url)
    message = str(raised.value)
    assert "接続できましたが" in message
    assert "新しいバージョンの kenshu-desk で作成されています" in message
    assert NEWER in message and "安全に開けない" in message and "更新します" not in message
    assert _stored(demo_db.url) == (NEWER, events)


def test_the_connection_test_still_offers_to_upgrade_an_older_database(db):
    _stamp(db, "0003")  # a revision this program knows: older, so opening upgrades it
    line = probe_database(db.url)
    assert line.startswith("接続できました: ")
    if db.engine.dialect.name == "sqlite":
        assert "開くと更新します（リビジョン 0003 → " in line
    else:  # a shared database: upgraded only after asking, with a backup first
        assert "更新が必要です（リビジョン 0003 → " in line and "バックアップ" in line


def test_opening_a_newer_database_is_refused_and_leaves_it_alone(demo_db, tmp_path):
    events = _stamp(demo_db, NEWER)
    files_before = sorted(tmp_path.iterdir())
    with pytest.raises(DatabaseError, match="安全に開けない"):
        open_database(demo_db.url)
    assert _stored(demo_db.url) == (NEWER, events)
    assert sorted(tmp_path.iterdir()) == files_before  # no backup, no upgrade attempt


def test_the_command_line_refuses_a_newer_database(demo_db, db_arg, capsys):
    events = _stamp(demo_db, NEWER)
    assert main(["--db", db_arg, "events"]) == 1
    err = capsys.readouterr().err
    assert "新しいバージョンの kenshu-desk で作成されています" in err and NEWER in err
    assert _stored(demo_db.url) == (NEWER, events)
