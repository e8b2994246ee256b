"""The main window's title names the database once; the platform adds the program's name."""

from __future__ import annotations

from kenshu_desk.ui.shell.main_window import database_label


def test_the_title_is_the_database_not_the_program_twice(qtbot, open_window, db):
    window = open_window(db)
    title = window.windowTitle()
    assert "kenshu-desk —" not in title and "— kenshu-desk" not in title
    if db.path is not None:
        assert title == str(db.path)
    else:
        assert title.endswith("（共有）") and "@" not in title and "password" not in title


def test_a_server_is_named_by_host_and_database_without_the_password(db):
    from sqlalchemy.orm import sessionmaker

    from kenshu_desk.database import Database

    server = Database(  # never connected: only its URL is read
        url="postgresql+psycopg://kenshu:secret@db.example.lg.jp:5432/kenshu",
        engine=db.engine,
        sessions=sessionmaker(db.engine),
    )
    assert database_label(server) == "db.example.lg.jp/kenshu（共有）"
