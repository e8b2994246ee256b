"""Fixtures for driving windows with the keyboard under the offscreen platform."""

from __future__ import annotations

import pytest


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
