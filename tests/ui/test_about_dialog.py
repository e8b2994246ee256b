"""Help → About: version, database and backups, user data folder, licences."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kenshu_desk import __version__
from kenshu_desk.database import Database, backup_sqlite, open_database
from kenshu_desk.ui.shell.about_dialog import AboutDialog, displayed_location, library_licences


@pytest.mark.sqlite_only
def test_about_shows_version_database_backups_and_licences(ui_app, qtbot, db_path: Path) -> None:
    db = open_database(f"sqlite:///{db_path}")
    try:
        copy = backup_sqlite(db_path)
        dialog = AboutDialog(db)
        qtbot.addWidget(dialog)
        dialog.show()
        general = dialog.tabs.widget(0)
        texts = " ".join(
            label.text() for label in general.findChildren(type(dialog.database_label))
        )
        assert __version__ in texts
        assert dialog.database_label.text() == str(db_path)
        assert dialog.backups_label.text() == str(db_path.parent)
        shown = [dialog.backups_list.item(i).text() for i in range(dialog.backups_list.count())]
        assert shown == [copy.name]
        assert dialog.data_dir_label.text().endswith("userdata")  # conftest's isolated folder
        # The font licence is the whole agreement, scrollable.
        licence = dialog.font_licence.toPlainText()
        assert "IPA Font License Agreement v1.0" in licence
        assert licence.rstrip().endswith(licence.rstrip().splitlines()[-1])
        assert len(licence) > 5000
        # The library table: one row per library, licence names from the installed metadata.
        table = dialog.libraries
        rows = {table.item(r, 0).text(): table.item(r, 2).text() for r in range(table.rowCount())}
        assert "LGPL" in rows["PySide6 / Qt"]
        assert "MIT" in rows["SQLAlchemy"]
        assert all(rows.values())
        for index in range(dialog.tabs.count()):
            dialog.tabs.setCurrentIndex(index)
            dialog.grab().save(f"/tmp/wt8b/about{index}.png")
    finally:
        db.dispose()


def test_a_server_database_is_shown_without_its_password() -> None:
    fake = Database.__new__(Database)
    fake.url = "postgresql+psycopg://kenshu:s3cret@db.example.lg.jp/kenshu"
    shown = displayed_location(fake)
    assert "s3cret" not in shown
    assert "db.example.lg.jp/kenshu" in shown


def test_library_versions_come_from_the_installation() -> None:
    from importlib.metadata import version

    infos = {info.name: info for info in library_licences()}
    assert infos["SQLAlchemy"].version == version("SQLAlchemy")
    assert infos["openpyxl"].licence  # never blank


def test_help_menu_opens_the_dialog(ui_app, qtbot, demo_db: Database) -> None:
    from PySide6.QtCore import QTimer

    from kenshu_desk.ui.shell.main_window import MainWindow

    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    seen: list[str] = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(type(dialog).__name__)
        dialog.reject()

    QTimer.singleShot(0, close_it)
    window._about()
    assert seen == ["AboutDialog"]
