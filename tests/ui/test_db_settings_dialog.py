"""ファイル → データベースの設定…: choose a server, test it, copy the local database to it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox
from sqlalchemy import func, select
from window_helpers import answer_next_message_box

from kenshu_desk import db_settings
from kenshu_desk.database import open_database
from kenshu_desk.domain.models import Event
from kenshu_desk.services.demo import load_demo
from kenshu_desk.ui.shell.db_settings_dialog import DatabaseSettingsDialog


@pytest.fixture
def dialog(qtbot, ui_app, demo_db):  # type: ignore[no-untyped-def]
    dialog = DatabaseSettingsDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.show()
    yield dialog
    dialog.runner.wait()


def _idle(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not dialog.runner.busy, timeout=30000)


def test_a_bad_url_is_explained_and_nothing_saved(qtbot, dialog):
    dialog.server.setChecked(True)
    dialog.url.setText("mysql://kenshu@db/kenshu")
    dialog.save()
    assert "postgresql" in dialog.status_line.text()
    assert dialog.isVisible()
    assert db_settings.load_server_url() == ""


def test_the_connection_test_reports_a_refused_connection(qtbot, dialog):
    dialog.server.setChecked(True)
    dialog.url.setText("postgresql+psycopg://nobody@127.0.0.1:9/none")  # nothing listens
    dialog.test_connection()
    _idle(qtbot, dialog)
    assert dialog.status_line.text() not in ("", "接続しています…")
    assert "接続できました" not in dialog.status_line.text()


@pytest.mark.postgres_only
def test_the_connection_test_reports_server_version_and_schema(qtbot, dialog, db_url):
    dialog.server.setChecked(True)
    dialog.url.setText(db_url)
    dialog.test_connection()
    _idle(qtbot, dialog)
    assert dialog.status_line.text().startswith("接続できました: postgresql ")
    assert "最新の kenshu-desk データベース" in dialog.status_line.text()  # demo_db lives there


def test_saving_the_embedded_choice(qtbot, dialog):
    db_settings.save_server_url("postgresql+psycopg://kenshu@db.example.jp/kenshu")
    dialog.embedded.setChecked(True)
    dialog.save()
    assert db_settings.load_server_url() == ""


def test_copy_into_an_empty_database_then_switch(qtbot, ui_app, tmp_path, db_url):
    local = open_database(f"sqlite:///{tmp_path / 'local.sqlite3'}")
    with local.session() as s:
        load_demo(s)
    dialog = DatabaseSettingsDialog(local)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.server.setChecked(True)
    if db_url.startswith("postgresql"):
        dialog.url.setText(db_url)
    else:  # without --postgres an empty SQLite file stands in for the server
        dialog._server_url = lambda: db_url  # type: ignore[method-assign]
    seen = answer_next_message_box(qtbot, QMessageBox.StandardButton.Yes)
    dialog.copy_to_server()
    _idle(qtbot, dialog)
    qtbot.waitUntil(lambda: bool(seen))
    assert "件をコピーしました" in seen[0]
    copied = open_database(db_url)
    try:
        with copied.session() as s, local.session() as d:
            assert s.scalar(select(func.count(Event.id))) == d.scalar(select(func.count(Event.id)))
    finally:
        copied.dispose()
    if db_url.startswith("postgresql"):  # "Yes" saved the server for the next start
        assert db_settings.load_server_url() == db_url
        assert dialog.result() == DatabaseSettingsDialog.DialogCode.Accepted
    # A second copy into the now filled target is refused with the service's message.
    dialog.show()
    dialog.copy_to_server()
    _idle(qtbot, dialog)
    assert "空ではありません" in dialog.status_line.text()
    local.dispose()


def test_plain_fields_make_the_url_and_the_url_fills_the_fields(qtbot, dialog):
    """The server is asked for in plain words; the URL (and --db, KENSHU_DESK_DB) only
    under 詳細, folded at first. Either side may be typed: the other follows."""
    dialog.server.setChecked(True)
    assert not dialog.details.content.isVisible()
    visible_text = " ".join(
        w.text() for w in dialog.findChildren(QLabel) if w.isVisible() and w.text()
    )
    assert "KENSHU_DESK_DB" not in visible_text and "--db" not in visible_text
    qtbot.keyClicks(dialog.host, "db.example.lg.jp")
    qtbot.keyClicks(dialog.database, "kenshu")
    qtbot.keyClicks(dialog.user, "saitama")
    assert dialog.url.text() == "postgresql+psycopg://saitama@db.example.lg.jp/kenshu"
    dialog.details.toggle.click()
    assert dialog.url.isVisible() and dialog.port.isVisible()
    dialog.url.setText("postgresql+psycopg://kenshu@10.0.0.5:6432/team?sslmode=require")
    assert (dialog.host.text(), dialog.port.value(), dialog.database.text()) == (
        "10.0.0.5",
        6432,
        "team",
    )
    qtbot.keyClicks(dialog.database, "2")  # a plain field again: the option is kept
    assert dialog.url.text() == "postgresql+psycopg://kenshu@10.0.0.5:6432/team2?sslmode=require"
