"""データベースの設定 → 接続テスト on a server database written by a newer kenshu-desk."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from kenshu_desk.database import open_database
from kenshu_desk.ui.shell.db_settings_dialog import DatabaseSettingsDialog


@pytest.mark.postgres_only
def test_the_connection_test_says_the_database_is_from_a_newer_version(
    qtbot, ui_app, tmp_path, db_url
):
    server = open_database(db_url)
    with server.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'i99z_newer'"))
    server.dispose()
    local = open_database(f"sqlite:///{tmp_path / 'local.sqlite3'}")
    dialog = DatabaseSettingsDialog(local)
    qtbot.addWidget(dialog)
    dialog.show()
    try:
        dialog.server.setChecked(True)
        dialog.url.setText(db_url)
        dialog.test_connection()
        qtbot.waitUntil(lambda: not dialog.runner.busy, timeout=30000)
        shown = dialog.status_line.text()
        assert "新しいバージョンの kenshu-desk で作成されています" in shown
        assert "安全に開けない" in shown and "更新します" not in shown
    finally:
        dialog.runner.wait()
        local.dispose()
