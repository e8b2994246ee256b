"""Upgrading to i11a adds the dispatch columns without touching what hangs off `event`."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, text

from kenshu_desk.database import open_database
from kenshu_desk.paths import migrations_dir


def test_upgrade_keeps_programme_registrations_and_recordings(tmp_path):
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=ON")
        cfg = Config()
        cfg.set_main_option("script_location", str(migrations_dir()))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
        conn.execute(
            text(
                "INSERT INTO event (id, kind, title, date, start_time, end_time, venue,"
                " online_url, target_audience, organiser_name, organiser_email,"
                " organiser_contact, notes, agenda_notes, cancelled, calendar_uid,"
                " calendar_sequence, created_at, updated_at, version) VALUES (1, '研修', '旧い研修',"
                " '2021-04-27', '13:30:00.000000', '15:30:00.000000', '', '', '', '', '', '',"
                " '', '', 0, 'u1', 0, '2021-01-01 00:00:00', '2021-01-01 00:00:00', 1)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO programme_item (event_id, position, item_type, title, description,"
                " minutes, version) VALUES (1, 0, '挨拶', '挨拶', '', 5, 1)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO recording_link (event_id, url, passcode, note, created_at)"
                " VALUES (1, 'https://example.jp/v', '', '', '2021-01-01 00:00:00')"
            )
        )
    engine.dispose()
    database = open_database(f"sqlite:///{path}")
    try:
        with database.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM programme_item")).scalar() == 1
            assert conn.execute(text("SELECT count(*) FROM recording_link")).scalar() == 1
            assert conn.execute(text("SELECT host_organisation_id FROM event")).scalar() is None
    finally:
        database.dispose()
