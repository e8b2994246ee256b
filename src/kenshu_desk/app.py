"""QApplication start-up: fonts, application identity, the database, the main window."""

from __future__ import annotations

import contextlib
import gc
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from kenshu_desk.errors import UserError
from kenshu_desk.paths import GOTHIC_FONT, MINCHO_FONT, font_path, resources_dir

if TYPE_CHECKING:
    from kenshu_desk.database import Database
    from kenshu_desk.ui.shell.start_window import StartWindow

# Nothing here imports the database layer or the main window at module level: the start
# window (ui/shell/start_window.py) is on screen before they load.

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
    app.setApplicationDisplayName("kenshu-desk")
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "kenshu-desk.svg")))
    QGuiApplication.setDesktopFileName("kenshu-desk")  # Wayland: match the menu entry
    family = register_fonts()
    app.setFont(QFont(family, UI_FONT_POINT_SIZE))
    # A worker reading thousands of rows holds the interpreter lock; the GUI thread needs it
    # for every Python slot and handler, and waits up to the switch interval each time
    # (5 ms by default: a repaint of many cells then takes 100 ms). 1 ms keeps it responsive.
    sys.setswitchinterval(0.001)


def run_gui(db_arg: str | None) -> int:
    # Start-up allocates a great many long-lived objects (modules, the mapping, widgets); each
    # full pass of the cyclic collector on the way scans all of them again (≈ 10 % of the
    # start). Collected from settle_memory() on, once the main window is up.
    gc.disable()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    configure_application(app)
    from kenshu_desk.ui.shell.i18n import chosen_language, install_translators
    from kenshu_desk.ui.shell.preferences import take_over_qsettings
    from kenshu_desk.ui.shell.start_window import StartWindow
    from kenshu_desk.ui.shell.workers import TaskRunner

    with contextlib.suppress(UserError, OSError):  # an unreadable file: said when saving
        take_over_qsettings()
    install_translators(chosen_language())
    start = StartWindow()
    start.show()
    outcome = _Outcome()
    start.say(QCoreApplication.translate("app", "データベースを開いています…"))
    # Opened on a worker, so the start window stays alive while a server answers or an
    # older database is upgraded; closing it ends the start.
    runner = TaskRunner(start)

    def opened(result: Database | Exception) -> None:
        if not isinstance(result, Exception):
            _show_main_window(app, start, result, outcome)
        elif _confirm_shared_upgrade(start, str(result)):
            start.say(
                QCoreApplication.translate(
                    "app", "バックアップを作ってから、データベースを更新しています…"
                )
            )
            runner.start(
                lambda _progress, _cancelled: _open(db_arg, upgrade_shared=True),
                opened,
                lambda message: _fail(start, message, outcome),
            )
        else:
            outcome.exit_code = 1
            start.close()

    runner.start(
        lambda _progress, _cancelled: _open(db_arg),
        opened,
        lambda message: _fail(start, message, outcome),
    )
    try:
        code = app.exec()
    finally:
        gc.enable()  # also when the main window never came up
        runner.wait()
        if outcome.db is not None:
            outcome.db.dispose()
    return code if outcome.exit_code is None else outcome.exit_code


class _Outcome:
    db: Database | None = None
    exit_code: int | None = None


def _open(db_arg: str | None, *, upgrade_shared: bool = False) -> Database | Exception:
    """The opened database, or the SharedUpgradeNeeded to ask the user about."""
    from kenshu_desk.database import SharedUpgradeNeeded, open_database, resolve_url

    try:
        return open_database(resolve_url(db_arg), upgrade_shared=upgrade_shared)
    except SharedUpgradeNeeded as exc:
        return exc


def _confirm_shared_upgrade(start: StartWindow, explanation: str) -> bool:
    translate = QCoreApplication.translate
    box = QMessageBox(QMessageBox.Icon.Question, "kenshu-desk", explanation, parent=start)
    box.setInformativeText(translate("app", "今、バックアップを作ってから更新しますか？"))
    upgrade = box.addButton(translate("app", "更新する"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("app", "更新しないで終了"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(upgrade)
    box.exec()
    return box.clickedButton() is upgrade


def _fail(start: StartWindow, message: str, outcome: _Outcome) -> None:
    QMessageBox.critical(start, "kenshu-desk", message)
    outcome.exit_code = 1
    start.close()


def settle_memory() -> None:
    """Once the main window is up: what exists then (modules, models, widgets) lives as long
    as the program. Kept out of the cyclic collector's full passes, which otherwise scan it all
    and stall the GUI thread 50–100 ms whenever a worker allocates much (reading 20,000
    people). Refcounting still frees all of it as before."""
    gc.freeze()
    gc.enable()


def _show_main_window(
    app: QApplication, start: StartWindow, db: Database, outcome: _Outcome
) -> None:
    outcome.db = db
    translate = QCoreApplication.translate
    try:
        start.say(translate("app", "画面を準備しています…"))
        from kenshu_desk import __version__
        from kenshu_desk.ui.shell.main_window import MainWindow
        from kenshu_desk.ui.shell.start_window import restore_geometry, save_geometry

        QCoreApplication.setApplicationVersion(__version__)
        window = MainWindow(db)
    except Exception as exc:  # a fault of ours: say so rather than leave the start window up
        _fail(start, translate("app", "起動できませんでした: {0}").format(exc), outcome)
        raise
    window.setObjectName("mainWindow")
    if not window.restoreGeometry(start.saveGeometry()):  # the start window's place
        restore_geometry(window)
    app.aboutToQuit.connect(lambda: save_geometry(window))
    window.show()
    start.close()
    QTimer.singleShot(0, settle_memory)
    if db.backup is not None:
        window.statusBar().showMessage(
            translate("app", "データベースを新しい形式に更新しました。更新前のコピー: {0}").format(
                db.backup
            ),
            15000,
        )
