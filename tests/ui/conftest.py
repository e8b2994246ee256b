"""Fixtures for driving the real main window."""

from __future__ import annotations

import pytest
from tests.mail.mailkit import smtp_server  # noqa: F401  (a real SMTP server, for the window tests)


@pytest.fixture
def open_window(qtbot, ui_app):  # type: ignore[no-untyped-def]
    """Open the main window on a database at 1366×768, shown and active, as a user sees it."""
    from kenshu_desk.ui.shell.main_window import MainWindow

    def open_(db):  # type: ignore[no-untyped-def]
        window = MainWindow(db)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        with qtbot.waitExposed(window):
            window.show()
        with qtbot.waitActive(window):
            window.activateWindow()
        qtbot.waitUntil(lambda: not window.speakers.loading)  # read on a worker thread
        return window

    return open_


@pytest.fixture
def show_active(qtbot):  # type: ignore[no-untyped-def]
    """Show a widget as the active window: shortcuts only fire in the focused window, and the
    offscreen platform activates a window only when asked through its QWindow."""
    from PySide6.QtWidgets import QApplication

    def show(widget) -> None:  # type: ignore[no-untyped-def]
        widget.show()
        qtbot.waitExposed(widget)
        widget.windowHandle().requestActivate()
        qtbot.waitUntil(lambda: QApplication.focusWindow() is widget.windowHandle())

    return show
