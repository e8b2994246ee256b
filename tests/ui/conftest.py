"""Fixtures for driving the real main window."""

from __future__ import annotations

import pytest


@pytest.fixture
def open_window(qtbot, ui_app):  # type: ignore[no-untyped-def]
    """Open the main window on a database at 1366×768, shown and active, as a user sees it."""
    from kenshu_desk.ui.main_window import MainWindow

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
