"""The window the user sees while the database opens and the main window is built.

Importing the database layer, opening (perhaps upgrading) the database — on a PostgreSQL
server possibly seconds away — and building the main window take a second or more. A window
in the place and size of the main window appears at once instead, says what is happening,
and is replaced by the main window when it is ready. Only PySide6 and the small settings
module are imported here, so this window costs about as much as a bare Qt window.
"""

from __future__ import annotations

import contextlib

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from kenshu_desk.errors import UserError
from kenshu_desk.ui.shell import preferences

DEFAULT_SIZE = (1350, 688)  # a 1366×768 laptop less the taskbar and the window frame


def restore_geometry(window: QMainWindow) -> None:
    """The size and place the main window had when it was last closed (or the default)."""
    try:
        saved = preferences.saved_geometry()
    except UserError:  # an unreadable settings file: the default size, said at saving
        saved = None
    if saved is None or not window.restoreGeometry(saved):
        window.resize(*DEFAULT_SIZE)
        return
    clamp_to_screen(window)


def clamp_to_screen(window: QWidget) -> None:
    """A size remembered on a larger monitor shrinks to the screen the window is on now (on
    the offscreen platform, whose screen is made up, to the laptop area)."""
    from kenshu_desk.ui.shell.widgets import fit_to_screen

    fit_to_screen(window, window.width(), window.height(), within_laptop=False)


def save_geometry(window: QMainWindow) -> None:
    """Remembered for the next start; a settings file that cannot be written costs only that."""
    with contextlib.suppress(UserError, OSError):
        preferences.save_geometry(window.saveGeometry())


class StartWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("startWindow")
        self.setWindowTitle("kenshu-desk")
        self.status = QLabel(self.tr("起動しています…"))
        # Centred by a style sheet and stretches, not Qt.AlignmentFlag: the first use of the
        # Qt namespace costs ≈ 40 ms, which this window is here to avoid.
        self.status.setStyleSheet("qproperty-alignment: AlignCenter;")
        self.status.setWordWrap(True)
        busy = QProgressBar()
        busy.setRange(0, 0)  # no figure to give: it moves, so the user sees nothing is stuck
        busy.setFixedWidth(280)
        busy.setTextVisible(False)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.addStretch(1)
        layout.addWidget(self.status)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(busy)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        self.setCentralWidget(box)
        restore_geometry(self)

    def say(self, text: str) -> None:
        self.status.setText(text)
        self.status.repaint()  # the next step blocks the event loop: paint the text now
