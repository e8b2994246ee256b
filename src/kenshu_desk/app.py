"""QApplication start-up: fonts, application identity, the database, the main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from kenshu_desk import __version__
from kenshu_desk.database import Database, DatabaseError, open_database, resolve_url
from kenshu_desk.paths import GOTHIC_FONT, MINCHO_FONT, font_path, resources_dir

UI_FONT_POINT_SIZE = 10


def register_fonts() -> str:
    """Register the bundled IPAex fonts (needs a QApplication); returns the UI family name.

    The UI must show Japanese on a machine with no Japanese system font, so the bundled
    IPAexGothic becomes the application font.
    """
    family = ""
    for file_name in (GOTHIC_FONT, MINCHO_FONT):
        font_id = QFontDatabase.addApplicationFont(str(font_path(file_name)))
        if font_id < 0:
            raise RuntimeError(f"同梱フォント {file_name} を読み込めません")
        if file_name == GOTHIC_FONT:
            family = QFontDatabase.applicationFontFamilies(font_id)[0]
    return family


def configure_application(app: QApplication) -> None:
    QCoreApplication.setOrganizationName("kenshu-desk")
    QCoreApplication.setApplicationName("kenshu-desk")
    QCoreApplication.setApplicationVersion(__version__)
    app.setApplicationDisplayName("kenshu-desk")
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "kenshu-desk.svg")))
    QGuiApplication.setDesktopFileName("kenshu-desk")  # Wayland: match the menu entry
    family = register_fonts()
    app.setFont(QFont(family, UI_FONT_POINT_SIZE))


def run_gui(db_arg: str | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    configure_application(app)
    from kenshu_desk.ui.i18n import chosen_language, install_translators

    install_translators(chosen_language())
    try:
        db: Database = open_database(resolve_url(db_arg))
    except DatabaseError as exc:
        QMessageBox.critical(None, "kenshu-desk", str(exc))
        return 1
    from kenshu_desk.ui.main_window import MainWindow

    window = MainWindow(db)
    window.resize(1366, 768)
    window.show()
    if db.backup is not None:
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "app", "データベースを新しい形式に更新しました。更新前のコピー: {0}"
            ).format(db.backup),
            15000,
        )
    try:
        return app.exec()
    finally:
        db.dispose()
