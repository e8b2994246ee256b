"""A shared (PostgreSQL) database from an older kenshu-desk: upgraded only when the user says
so, with a backup first; afterwards an older program still open elsewhere cannot write."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, func, select, text

from kenshu_desk.cli import main
from kenshu_desk.database import (
    Database,
    DatabaseError,
    SharedUpgradeNeeded,
    open_database,
    probe_database,
)
from kenshu_desk.db_backup import copy_tables
from kenshu_desk.domain.models import Event
from kenshu_desk.paths import migrations_dir

pytestmark = pytest.mark.postgres_only
OLD = "0005"


def _make_old(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        cfg = Config()
        cfg.set_main_option("script_location", str(migrations_dir()))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, OLD)
        conn.execute(text(
            "INSERT INTO event (kind, title, date, start_time, end_time, venue, online_url,"
            " target_audience, organiser_name, organiser_email, organiser_contact, notes,"
            " agenda_notes, cancelled, calendar_uid, calendar_sequence, created_at,"
            " updated_at, version) VALUES ('研修', '旧い研修', '2021-04-27', '13:30', '15:30',"
            " '', '', '', '', '', '', '', '', false, 'u1', 0, now(), now(), 1)"
        ))  # fmt: skip
    engine.dispose()


def _revision(url: str) -> str:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return str(conn.execute(text("SELECT version_num FROM alembic_version")).scalar())
    finally:
        engine.dispose()


def test_an_older_shared_database_is_not_upgraded_without_asking(db_url, capsys):
    _make_old(db_url)
    with pytest.raises(SharedUpgradeNeeded) as raised:
        open_database(db_url)
    assert raised.value.current == OLD
    assert "バックアップ" in str(raised.value) and "upgrade-database" in str(raised.value)
    assert _revision(db_url) == OLD
    assert "更新が必要です" in probe_database(db_url)

    assert main(["--db", db_url, "events"]) == 1
    err = capsys.readouterr().err
    assert "共有データベース" in err and "upgrade-database" in err and "Traceback" not in err
    assert _revision(db_url) == OLD


def test_upgrade_database_makes_a_backup_first_then_upgrades(db_url, capsys):
    _make_old(db_url)
    assert main(["--db", db_url, "upgrade-database"]) == 0
    out = capsys.readouterr().out
    backup = out.split("更新前のバックアップ: ")[1].strip()
    assert _revision(db_url) != OLD
    with open(backup, "rb") as f:
        head = f.read()
    if backup.endswith(".sql"):  # pg_dump's dump, which restores with psql
        assert b"CREATE TABLE public.event" in head and "旧い研修".encode() in head
        assert f"alembic_version (version_num) FROM stdin;\n{OLD}\n".encode() in head
    else:
        con = sqlite3.connect(backup)
        assert con.execute("SELECT title FROM event").fetchall() == [("旧い研修",)]
        con.close()
    db = open_database(db_url)  # current now: opens without asking
    with db.session() as s:
        assert s.scalar(select(func.count(Event.id))) == 1
    db.dispose()
    assert main(["--db", db_url, "upgrade-database"]) == 0
    assert "最新です" in capsys.readouterr().out


def test_the_programs_own_copy_opens_as_a_local_database(db_url, tmp_path):
    """Without pg_dump the backup is the program's own copy into SQLite: it opens (and is
    upgraded, with its own backup) like any local file, so nothing is lost."""
    _make_old(db_url)
    engine = create_engine(db_url)
    path = tmp_path / "copy.sqlite3"
    copy_tables(engine, path)
    engine.dispose()
    local = open_database(f"sqlite:///{path}")
    try:
        assert local.backup is not None  # it was at the old revision, as the server was
        with local.session() as s:
            assert s.scalars(select(Event.title)).all() == ["旧い研修"]
    finally:
        local.dispose()


def _event(title: str) -> Event:
    return Event(
        kind="研修", title=title, date=dt.date(2026, 1, 5),
        start_time=dt.time(13, 30), end_time=dt.time(15, 0),
    )  # fmt: skip


def test_an_older_program_still_open_cannot_write_after_the_upgrade(db_url):
    db = open_database(db_url)
    with db.session() as s:  # this program writes: the guard lets it
        s.add(_event("今の版で追加"))
    # Another organiser's older kenshu-desk, opened before the upgrade, still connected.
    older = create_engine(db_url, connect_args={"application_name": f"kenshu-desk schema {OLD}"})
    stale = Database(url=db_url, engine=older, sessions=db.sessions.__class__(older))
    with pytest.raises(DatabaseError) as raised, stale.session() as s:
        s.add(_event("古い版から"))
    assert "新しい版に更新されています" in str(raised.value)
    assert "保存していません" in str(raised.value)
    older.dispose()
    with db.session() as s:
        assert s.scalars(select(Event.title)).all() == ["今の版で追加"]
    db.dispose()
