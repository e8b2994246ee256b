"""The schema comes only from the migrations; opening upgrades with a backup; bad files stay."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

from kenshu_desk.database import (
    SCHEMA_REVISION,
    DatabaseError,
    head_revision,
    open_database,
    resolve_url,
)
from kenshu_desk.domain.models import Base, Event, Participant, Registration, Speaker
from kenshu_desk.paths import migrations_dir


def _cfg(connection) -> Config:  # type: ignore[no-untyped-def]
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    cfg.attributes["connection"] = connection
    return cfg


def test_migrations_match_the_models(db):
    with db.engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata
        )
    assert diff == []


def test_schema_revision_constant_is_the_newest_migration():
    assert head_revision() == SCHEMA_REVISION


@pytest.mark.sqlite_only
def test_an_unknown_sqlite_database_is_refused_untouched(tmp_path):
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="kenshu-desk のものではありません"):
        open_database(f"sqlite:///{path}")
    assert path.read_bytes() == before


@pytest.mark.sqlite_only
def test_sqlite_runs_with_foreign_keys_and_wal(db):
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"


@pytest.mark.sqlite_only
def test_default_database_is_created_in_the_user_data_folder(tmp_path):
    url = resolve_url(None)
    assert url == f"sqlite:///{tmp_path / 'userdata' / 'kenshu-desk.sqlite3'}"
    database = open_database(url)
    database.dispose()
    assert (tmp_path / "userdata" / "kenshu-desk.sqlite3").exists()


def test_environment_variable_and_bare_path(monkeypatch, tmp_path):
    monkeypatch.setenv("KENSHU_DESK_DB", str(tmp_path / "x.db"))
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'x.db'}"
    assert resolve_url("postgresql+psycopg://u@h/d") == "postgresql+psycopg://u@h/d"


def _make_old_database(path: Path) -> None:
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.upgrade(_cfg(conn), "0001")
        conn.execute(
            text(
                "INSERT INTO event (kind, title, date, start_time, end_time, venue, online_url,"
                " target_audience, organiser_name, organiser_email, organiser_contact, notes,"
                " agenda_notes, cancelled, calendar_uid, calendar_sequence, created_at,"
                " updated_at, version) VALUES ('研修', '旧い研修', '2021-04-27', '13:30:00.000000',"
                " '15:30:00.000000', '', '', '', '', '', '', '', '', 0, 'u1', 0,"
                " '2021-01-01 00:00:00', '2021-01-01 00:00:00', 1)"
            )
        )
    engine.dispose()


@pytest.mark.sqlite_only
def test_older_database_is_backed_up_then_upgraded(tmp_path):
    path = tmp_path / "old.sqlite3"
    _make_old_database(path)
    database = open_database(f"sqlite:///{path}")
    try:
        assert database.backup is not None and database.backup.exists()
        assert database.backup.parent == tmp_path
        with database.engine.connect() as conn:
            rev = MigrationContext.configure(conn).get_current_revision()
            assert rev == head_revision()
            assert conn.execute(text("SELECT title FROM event")).scalar() == "旧い研修"
            assert "outbox_message" in {
                r[0] for r in conn.execute(text("SELECT name FROM sqlite_master"))
            }
    finally:
        database.dispose()
    backup = sqlite3.connect(database.backup)
    try:
        assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert backup.execute("SELECT title FROM event").fetchone() == ("旧い研修",)
    finally:
        backup.close()
    # Opening again at head makes no further backup.
    again = open_database(f"sqlite:///{path}")
    assert again.backup is None
    again.dispose()


@pytest.mark.sqlite_only
def test_corrupted_file_is_reported_and_left_alone(tmp_path):
    path = tmp_path / "broken.sqlite3"
    garbage = b"this is not a database\x00" * 100
    path.write_bytes(garbage)
    with pytest.raises(DatabaseError, match="壊れています"):
        open_database(f"sqlite:///{path}")
    assert path.read_bytes() == garbage
    assert list(tmp_path.iterdir()) == [path]


def test_database_from_a_newer_version_is_refused(db_url, db):
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    db.dispose()
    with pytest.raises(DatabaseError, match="新しいバージョン"):
        open_database(db_url)


@pytest.mark.sqlite_only
def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(DatabaseError, match="見つかりません"):
        open_database(f"sqlite:///{tmp_path / 'nope' / 'x.sqlite3'}")


def test_deleting_an_event_keeps_participants(demo_db):
    with demo_db.session() as s:
        event = s.query(Event).filter(Event.title == "第2回市町村情報交換会").first()
        people_before = s.query(Participant).count()
        speakers_before = s.query(Speaker).count()
        regs = s.query(Registration).filter(Registration.event_id == event.id).count()
        assert regs > 0
        s.delete(event)
    with demo_db.session() as s:
        assert s.query(Participant).count() == people_before
        assert s.query(Speaker).count() == speakers_before
        assert s.query(Registration).filter(Registration.event_id == event.id).count() == 0


def test_a_participant_with_registrations_cannot_be_destroyed(demo_db):
    with pytest.raises(IntegrityError), demo_db.session() as s:
        person = s.query(Participant).join(Registration).first()
        s.execute(text("DELETE FROM participant WHERE id = :id"), {"id": person.id})


@pytest.mark.slow
def test_a_server_that_never_answers_is_given_up_on(tmp_path):
    """A PostgreSQL address where something accepts the connection and then says nothing
    (a dead server behind a firewall, a wrong port): the start ends with a message after
    the connect timeout instead of hanging."""
    import socket
    import threading

    from kenshu_desk.database import CONNECT_TIMEOUT_SECONDS, DatabaseError, open_database

    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(5)
    port = silent.getsockname()[1]
    outcome: list[BaseException | None] = []

    def try_to_open() -> None:
        try:
            open_database(f"postgresql+psycopg://organiser@127.0.0.1:{port}/kenshu")
        except BaseException as exc:  # the test looks at whatever came back
            outcome.append(exc)
        else:
            outcome.append(None)

    worker = threading.Thread(target=try_to_open, daemon=True)
    worker.start()
    worker.join(CONNECT_TIMEOUT_SECONDS * 4)
    silent.close()
    assert not worker.is_alive(), "still waiting for a server that never answers"
    assert isinstance(outcome[0], DatabaseError)
    assert "応答がありません" in str(outcome[0]) and f"127.0.0.1:{port}" in str(outcome[0])


def test_a_shared_database_without_the_team_extra_says_how_to_add_it(monkeypatch):  # type: ignore[no-untyped-def]
    import sys

    from kenshu_desk.database import DatabaseError, open_database, probe_database

    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if kenshu-desk[team] were not installed
    url = "postgresql+psycopg://kenshu@127.0.0.1:9/kenshu"
    for attempt in (open_database, probe_database):
        with pytest.raises(DatabaseError) as info:
            attempt(url)
        assert "pip install 'kenshu-desk[team]'" in str(info.value)


def test_a_read_session_sees_committed_data_without_holding_a_transaction(db):
    """What the window shows is read in autocommit (one round trip per statement on a
    server): each statement sees what is committed when it runs, nothing is held open."""
    from sqlalchemy import func, select, text

    from kenshu_desk.domain.models import Organisation

    with db.read_session() as s:
        before = s.scalar(select(func.count(Organisation.id)))
        with db.session() as other:  # committed by someone else meanwhile
            other.add(Organisation(name="読み取りテスト町"))
        assert s.scalar(select(func.count(Organisation.id))) == before + 1
        if db.engine.dialect.name == "postgresql":
            started = "SELECT xact_start FROM pg_stat_activity WHERE pid = pg_backend_pid()"
            first = s.scalar(text(started))
            s.scalar(text("SELECT pg_sleep(0.02)"))
            assert s.scalar(text(started)) != first  # a transaction per statement, none held
